package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// TestPropertyResetRunReplaysAsNew replays drawn timelines one after the
// other through one run, reset before each, and checks every replay
// against a new run's: every other one in full (its trace's transitions),
// the others by the state of every instance and agreement at the end, so
// that the replays compared in full run on the memory of one that took no
// trace (a trace shares the run's memory, which a reset then leaves alone).
func TestPropertyResetRunReplaysAsNew(t *testing.T) {
	tcfg := scenariotest.TimelineConfig{MinEvents: 8, MaxEvents: 24, Exercises: 20}
	rapid.Check(t, func(t *rapid.T) {
		p := scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		insts := e.Instances()
		for _, a := range e.Agreements() {
			insts = append(insts, scenario.Instance{Ref: agreement.AgreementRef(a)})
		}
		var r *scenario.Run
		for k := range 4 {
			tl := scenariotest.Timeline(p, tcfg).Draw(t, "timeline")
			end := tcfg.End()
			want, err := e.Replay(tl, end)
			if err != nil {
				t.Fatal(err)
			}
			if r == nil {
				if r, err = e.Start(tl.Start()); err != nil {
					t.Fatal(err)
				}
			} else if err := r.Reset(tl.Start()); err != nil {
				t.Fatal(err)
			}
			for _, ev := range tl.Events() {
				if err := r.Apply(ev); err != nil {
					t.Fatal(err)
				}
			}
			if err := r.AdvanceTo(end); err != nil {
				t.Fatal(err)
			}
			if k%2 == 1 {
				got := transitionsOf(r.Trace())
				if w := transitionsOf(want); fmt.Sprint(got) != fmt.Sprint(w) {
					t.Fatalf("replay %d after a reset:\n%v\nwant\n%v", k, got, w)
				}
				continue
			}
			for _, i := range insts {
				s, since, err := r.State(i)
				if err != nil {
					t.Fatal(err)
				}
				ws, wsince, _ := want.StateSince(i, end)
				if s != ws || !since.Equal(wsince) {
					t.Fatalf("replay %d after a reset, %s: %s since %s, want %s since %s", k, i, s, since, ws, wsince)
				}
			}
		}
	})
}

// transitionsOf returns the transitions of tr, in order.
func transitionsOf(tr *scenario.Trace) []scenario.Transition {
	var out []scenario.Transition
	for x := range tr.Transitions() {
		out = append(out, x)
	}
	return out
}

// TestResetKeepsTracesAndForks checks that a reset leaves alone a trace
// and a fork taken from the run before it, and refuses a start out of
// range, leaving the run as it was.
func TestResetKeepsTracesAndForks(t *testing.T) {
	e, err := scenario.Compile(benchAgreement(20, 0))
	if err != nil {
		t.Fatal(err)
	}
	evs := benchEvents(100)
	end := evs[len(evs)-1].At.Add(time.Hour)
	want, err := e.Replay(scenario.NewTimeline(benchStart, evs...), end)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Start(benchStart)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs[:50] {
		if err := r.Apply(ev); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.AdvanceTo(evs[49].At); err != nil {
		t.Fatal(err)
	}
	f := r.Fork()
	tr := r.Trace()
	before := fmt.Sprint(transitionsOf(tr))
	if err := r.Reset(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)); err == nil {
		t.Error("Reset out of range: no error")
	}
	// Other events after the reset, so that a reset writing over the
	// memory the trace and the fork share would show.
	if err := r.Reset(benchStart); err != nil {
		t.Fatal(err)
	}
	for k, ev := range evs {
		ev.Kind = benchKind(k + 7)
		if err := r.Apply(ev); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.AdvanceTo(end); err != nil {
		t.Fatal(err)
	}
	if after := fmt.Sprint(transitionsOf(tr)); after != before {
		t.Error("a trace taken before the reset changed")
	}
	if err := r.Reset(benchStart); err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if err := r.Apply(ev); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.AdvanceTo(end); err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs[50:] {
		if err := f.Apply(ev); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.AdvanceTo(end); err != nil {
		t.Fatal(err)
	}
	for _, got := range []*scenario.Trace{r.Trace(), f.Trace()} {
		if fmt.Sprint(transitionsOf(got)) != fmt.Sprint(transitionsOf(want)) {
			t.Error("the reset run or the fork replayed otherwise than a new run")
		}
	}
}
