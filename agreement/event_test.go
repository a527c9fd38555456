package agreement_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// An event's String names every field that is set, in a fixed order; the
// instant is left to the caller (see FormatInstant).
func ExampleEvent_String() {
	at := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	attack := agreement.Event{At: at, Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA",
		Area: "donetsk", Outcome: "repelled", Reporter: "OSCE", Attribution: agreement.AttributionConfirmed}
	fmt.Println(attack)
	withdrawal := agreement.Event{At: at, Kind: agreement.EventKindPerformance, Actor: "RU",
		Clause:     agreement.QualifiedRef("minsk", "withdraw"),
		Quantities: []agreement.Quantity{agreement.NewQuantity(decimal.NewFromInt(15), agreement.UnitKm)}}
	fmt.Println(withdrawal)
	// Output:
	// armed-attack by RU against UA in donetsk, outcome "repelled", reported by OSCE (confirmed)
	// performance by RU of minsk/withdraw, 15 km
}

func TestEventStringZero(t *testing.T) {
	if got := (agreement.Event{}).String(); got != "" {
		t.Errorf("Event{}.String() = %q, want \"\"", got)
	}
	ev := agreement.Event{Kind: agreement.EventKindElectionHeld, Outcome: "a \"yes\"\n"}
	if got, want := ev.String(), `election-held, outcome "a \"yes\"\n"`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
