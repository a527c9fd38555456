package scenario_test

import (
	"testing"

	"github.com/peacekit/peacekit/agreement"
)

// TestWorkloadExercisesItsConstructs checks that the benchmark workload's
// timelines drive its clauses through their lifecycles, so that the
// benchmarks measure work: across the timelines, each of the clauses named
// below reaches each state listed, and the standing ceasefire records
// breaches.
func TestWorkloadExercisesItsConstructs(t *testing.T) {
	w := newWorkload(t)
	reached := map[agreement.ClauseID]map[agreement.State]bool{}
	breaches, territorial := 0, 0
	for k, tl := range w.tls {
		tr, err := w.e.Replay(tl, w.ends[k])
		if err != nil {
			t.Fatal(err)
		}
		for x := range tr.Transitions() {
			if x.Instance.IsAgreement() {
				continue
			}
			if reached[x.Instance.Ref.Clause] == nil {
				reached[x.Instance.Ref.Clause] = map[agreement.State]bool{}
			}
			reached[x.Instance.Ref.Clause][x.To] = true
		}
		for range tr.Breaches() {
			breaches++
		}
		if terr, err := tr.Territory("", w.ends[k]); err == nil && !terr.Equal(w.a.Territory) {
			territorial++
		}
	}
	want := map[agreement.ClauseID][]agreement.State{
		"guarantee":     {agreement.StatePending, agreement.StateInEffect, agreement.StateFulfilled, agreement.StateViolated, agreement.StateSuspended},
		"consult":       {agreement.StateInEffect, agreement.StateFulfilled, agreement.StateViolated},
		"sanctions":     {agreement.StateInEffect},
		"withdraw":      {agreement.StateInEffect, agreement.StateFulfilled, agreement.StateViolated},
		"heavy-weapons": {agreement.StateInEffect, agreement.StateFulfilled, agreement.StateViolated},
		"report":        {agreement.StateInEffect, agreement.StateFulfilled, agreement.StateViolated},
		"prisoners":     {agreement.StateInEffect},
		"air-policing":  {agreement.StateInEffect},
		"no-buildup":    {agreement.StateInEffect, agreement.StateViolated},
		"talks":         {agreement.StateInEffect},
		"snapback":      {agreement.StateInEffect},
	}
	for id, states := range want {
		for _, s := range states {
			if !reached[id][s] {
				t.Errorf("%s never reaches %s in %d timelines", id, s, len(w.tls))
			}
		}
	}
	if breaches == 0 {
		t.Error("no breach of the standing ceasefire")
	}
	if territorial == 0 {
		t.Error("no timeline changes the territory")
	}
	t.Logf("%d timelines of %d events in all; %d breaches; %d end with a changed territory", len(w.tls), w.events, breaches, territorial)
}
