package scenario_test

import (
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// The zero Cause names no event: it is what the package records for the
// first evaluation, and Event says so instead of naming event 0.
func TestZeroCauseNamesNoEvent(t *testing.T) {
	if i, ok := (scenario.Cause{}).Event(); ok || i != -1 {
		t.Errorf("Cause{}.Event() = %d, %t; want -1, false", i, ok)
	}
	c := scenario.Cause{Kind: scenario.CauseEvent}.WithEvent(0)
	if i, ok := c.Event(); !ok || i != 0 {
		t.Errorf("WithEvent(0).Event() = %d, %t; want 0, true", i, ok)
	}
	if c == (scenario.Cause{Kind: scenario.CauseEvent}) {
		t.Error("a cause naming event 0 equals one naming none")
	}
	if _, ok := c.WithEvent(-1).Event(); ok {
		t.Error("WithEvent(-1) names an event")
	}

	// A clause with no trigger enters into effect at the start: its cause is
	// the zero Cause.
	day := time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC)
	a := agreement.Agreement{
		ID:         "a",
		Parties:    []agreement.Party{{ID: "UA"}},
		Signatures: []agreement.Signature{{Party: "UA"}},
		Clauses: []agreement.Clause{{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Action: &agreement.Pattern{Kind: "report-filed"}}},
	}
	_, tr := replay(t, a, day, day.Add(agreement.Day))
	n := 0
	for x := range tr.Transitions() {
		if x.At.Equal(day) && x.Cause != (scenario.Cause{}) {
			t.Errorf("%s %s -> %s at the start: cause %+v, want the zero Cause", x.Instance, x.From, x.To, x.Cause)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no transition at the start")
	}
}
