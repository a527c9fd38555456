package agreement_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// A limit too long to write out (10^100000000 would take a hundred million
// characters) is kept as a marker, never written out, and validation
// reports it at its path.
func TestBoundOverlongLimit(t *testing.T) {
	huge := decimal.New(1, 100_000_000)
	b := agreement.Measure(agreement.UnitKm).Of("distance-from-line").AtLeast(huge).Below(huge)
	if _, _, ok := b.Min(); ok {
		t.Errorf("Min of an overlong limit is a decimal")
	}
	if s := b.String(); len(s) > 200 {
		t.Errorf("String is %d bytes long", len(s))
	}
	a := agreement.Agreement{ID: "A", Parties: []agreement.Party{{ID: "UA"}},
		Clauses: []agreement.Clause{{ID: "Z", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"UA"},
			Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Measure: b}}}}
	err := a.Validate()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, agreement.ErrInvalidValue) {
		t.Fatalf("Validate = %v, want the overlong limits reported", err)
	}
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	got := strings.Join(paths, " ")
	for _, want := range []string{"clauses[0].action.measure.min", "clauses[0].action.measure.max"} {
		if !strings.Contains(got, want) {
			t.Errorf("no problem at %s; problems at %s", want, got)
		}
	}
}
