package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
)

// When summer time ends, the wall clock turns back an hour: an instance
// that changes state on both sides of the change still has bars that do not
// overlap, on one row, and the tables write each instant with its offset.
func TestZoneClockTurnsBack(t *testing.T) {
	a := agreement.Agreement{
		ID: "kyiv", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: []agreement.Party{{ID: "UA", Name: "Ukraine", Kind: agreement.PartyKindState}},
		Clauses: []agreement.Clause{{
			ID: "SUP", Text: "Support within a day of an attack.", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"UA"}, Action: &agreement.Pattern{Kind: "support-provided"},
			Antecedent: agreement.Happened(agreement.Pattern{Kind: "armed-attack"}),
		}},
	}
	// Summer time ends in Kyiv at 01:00 UTC on 25 October 2026: 04:00 EEST
	// becomes 03:00 EET.
	start := time.Date(2026, 10, 24, 0, 0, 0, 0, time.UTC)
	attack := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC)  // 03:30 EEST
	support := time.Date(2026, 10, 25, 1, 15, 0, 0, time.UTC) // 03:15 EET
	tl := scenario.NewTimeline(start,
		agreement.Event{At: attack, Kind: "armed-attack"},
		agreement.Event{At: support, Kind: "support-provided", Actor: "UA"},
	)
	tr := replay(t, a, tl)
	checkGanttRows(t, tr)

	var b bytes.Buffer
	if err := export.WriteCSV(&b, tr, export.States); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"in-effect,2026-10-25T03:30:00+03:00,2026-10-25T03:15:00+02:00", "fulfilled,2026-10-25T03:15:00+02:00,\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("states table without %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := export.Gantt(&b, tr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "fulfilled SUP :done, 2026-10-25 03:30, ") {
		t.Errorf("the bar after the clock turned back does not start where the one before ended:\n%s", b.String())
	}
}
