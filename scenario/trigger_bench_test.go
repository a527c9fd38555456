package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// toggledAgreement returns a signed agreement of n obligations of one
// debtor each, whose action never happens, each triggered by the fluent cf
// when triggered is set (in effect from the start otherwise).
func toggledAgreement(n int, triggered bool) agreement.Agreement {
	a := agreement.Agreement{
		ID:            "toggled",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "A"}, {ID: "B"}},
		Fluents: []agreement.Fluent{{
			ID:         "cf",
			Initiates:  []agreement.Pattern{{Kind: "ceasefire-declared"}},
			Terminates: []agreement.Pattern{{Kind: "ceasefire-broken"}},
		}},
	}
	for i := range n {
		c := agreement.Clause{
			ID:      agreement.ClauseID(fmt.Sprintf("C%d", i)),
			Kind:    agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"A"},
			Action:  &agreement.Pattern{Kind: "never-happens"},
		}
		if triggered {
			c.Trigger = agreement.Holds("cf")
		}
		a.Clauses = append(a.Clauses, c)
	}
	return a
}

// BenchmarkToggledTrigger replays 20,000 events toggling a fluent (declared,
// then broken, and so on) against 4,000 clauses in effect after the first
// of them: triggered by the fluent (trigger=fluent), or with no trigger
// (trigger=none). A trigger that has fired is read no more, so the two cost
// about the same.
func BenchmarkToggledTrigger(b *testing.B) {
	const clauses, events = 4_000, 20_000
	evs := make([]agreement.Event, events)
	for i := range evs {
		kind := agreement.EventKind("ceasefire-declared")
		if i%2 == 1 {
			kind = "ceasefire-broken"
		}
		evs[i] = agreement.Event{At: benchStart.Add(time.Duration(i+1) * time.Minute), Kind: kind, Actor: "B"}
	}
	tl := scenario.NewTimeline(benchStart, evs...)
	end := evs[events-1].At.Add(time.Hour)
	for _, trig := range []string{"fluent", "none"} {
		e, err := scenario.Compile(toggledAgreement(clauses, trig == "fluent"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run("trigger="+trig, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tr, err := e.Replay(tl, end)
				if err != nil {
					b.Fatal(err)
				}
				if st, err := tr.State(scenario.Instance{Ref: agreement.LocalRef("C0")}, end); err != nil || st != agreement.StateInEffect {
					b.Fatalf("C0 at the end: %s (%v), want in-effect", st, err)
				}
			}
		})
	}
}
