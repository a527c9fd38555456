package scenario_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
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

// TestReplayConcurrently replays the workload's timelines from several
// goroutines at once, through Engine.Replay (whose runs pass their scratch
// memory on through the engine) and through a reused run each recording
// states only, and checks every result against a replay made alone: the
// engine, its pool and the timelines' memory of their validation are safe
// for concurrent use (run with -race).
func TestReplayConcurrently(t *testing.T) {
	w := newWorkload(t)
	want := make([]string, len(w.tls))
	final := make([][]agreement.State, len(w.tls))
	for k, tl := range w.tls {
		tr, err := w.e.Replay(tl, w.ends[k])
		if err != nil {
			t.Fatal(err)
		}
		want[k] = fmt.Sprint(transitionsOf(tr))
		for _, in := range w.e.Instances() {
			s, err := tr.State(in, w.ends[k])
			if err != nil {
				t.Fatal(err)
			}
			final[k] = append(final[k], s)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 4 {
		wg.Go(func() {
			r, err := w.e.Start(benchStart)
			if err == nil {
				err = r.SetRecording(scenario.RecordStates)
			}
			if err != nil {
				errs <- err
				return
			}
			var states []agreement.State
			for i := range 2 * len(w.tls) {
				k := (i + 7*g) % len(w.tls)
				tr, err := w.e.Replay(w.tls[k], w.ends[k])
				if err != nil {
					errs <- err
					return
				}
				if got := fmt.Sprint(transitionsOf(tr)); got != want[k] {
					errs <- fmt.Errorf("goroutine %d, timeline %d: the trace differs from the replay made alone", g, k)
					return
				}
				if err := r.Replay(w.tls[k], w.ends[k]); err != nil {
					errs <- err
					return
				}
				if states = r.States(states[:0]); !slices.Equal(states, final[k]) {
					errs <- fmt.Errorf("goroutine %d, timeline %d: final states %v, want %v", g, k, states, final[k])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
