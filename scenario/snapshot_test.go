package scenario_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// runOutcome is what a run's own queries say once it has closed an
// instant: every instance's and agreement's state and since, the number of
// transitions and the next wake-up.
type runOutcome struct {
	States      []agreement.State
	Since       []time.Time
	Transitions int
	Next        time.Time
	HasNext     bool
}

func outcomeOf(t *rapid.T, e *scenario.Engine, r *scenario.Run) runOutcome {
	t.Helper()
	insts := e.Instances()
	for _, a := range e.Agreements() {
		insts = append(insts, scenario.Instance{Ref: agreement.AgreementRef(a)})
	}
	var o runOutcome
	for _, i := range insts {
		s, since, err := r.State(i)
		if err != nil {
			t.Fatalf("State(%s): %v", i, err)
		}
		o.States, o.Since = append(o.States, s), append(o.Since, since)
	}
	o.Transitions = r.Transitions()
	o.Next, o.HasNext = r.NextWake()
	return o
}

// An engine replayed from one start instant again and again closes that
// instant from a snapshot once it has closed it twice with no event and
// no amendment there. TestPropertyStartSnapshotEqualsComputedStart checks
// that a run so started is the run that computed its start: the traces of
// Engine.Replay and of runs reused in both recordings, and the outcome of
// a run just after its start instant closed, are those of a new engine of
// the same text, which computes every start.
func TestPropertyStartSnapshotEqualsComputedStart(t *testing.T) {
	plain, checks := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		checks++
		c := propDraw(t, scenariotest.LifecycleConfig{}, true)
		c = propDrawTimeline(t, c, rapid.Bool().Draw(t, "amended"))
		// Drawn timelines mostly begin with an event at their start: most
		// cases here start earlier.
		if lead := rapid.IntRange(0, 3).Draw(t, "lead"); lead > 0 {
			c.tl = scenario.NewTimeline(c.tl.Start().Add(-time.Duration(lead)*time.Hour), propEvents(c.tl)...).
				WithAmendments(c.tl.Amendments()...)
		}
		start := c.tl.Start()
		atStart := c.tl.Len() > 0 && c.tl.Event(0).At.Equal(start) ||
			slices.ContainsFunc(c.tl.Amendments(), func(a agreement.Amendment) bool { return a.At.Equal(start) })
		if !atStart {
			plain++
		}
		fresh := func() *scenario.Engine {
			e, err := scenario.CompileProcess(c.p)
			if err != nil {
				t.Fatal(err)
			}
			return e
		}
		want := propReplay(t, fresh(), c.tl, c.end)
		// The start alone, computed, and the states at the end.
		var wantStart, wantEnd runOutcome
		{
			e := fresh()
			r, err := e.Start(start)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.SetRecording(scenario.RecordStates); err != nil {
				t.Fatal(err)
			}
			if err := r.AdvanceTo(start); err != nil {
				t.Fatal(err)
			}
			wantStart = outcomeOf(t, e, r)
			if err := r.Replay(c.tl, c.end); err != nil {
				t.Fatal(err)
			}
			wantEnd = outcomeOf(t, e, r)
		}

		e := fresh()
		// The first replay computes the start, the second takes its
		// snapshot, the third starts from it.
		for k := range 3 {
			if d := traceDiff(propReplay(t, e, c.tl, c.end), want); d != "" {
				t.Fatalf("Engine.Replay %d: %s", k, d)
			}
		}
		for _, rec := range []scenario.Recording{scenario.RecordTrace, scenario.RecordStates} {
			r, err := e.Start(start)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.SetRecording(rec); err != nil {
				t.Fatal(err)
			}
			for k := range 3 {
				if err := r.Reset(start); err != nil {
					t.Fatal(err)
				}
				if err := r.AdvanceTo(start); err != nil {
					t.Fatal(err)
				}
				if got := outcomeOf(t, e, r); !equalOutcomes(got, wantStart) {
					t.Fatalf("%s run %d, the start closed: %+v, want %+v", rec, k, got, wantStart)
				}
				if err := r.Replay(c.tl, c.end); err != nil {
					t.Fatal(err)
				}
				if got := outcomeOf(t, e, r); !equalOutcomes(got, wantEnd) {
					t.Fatalf("%s run %d, at the end: %+v, want %+v", rec, k, got, wantEnd)
				}
				if rec == scenario.RecordTrace {
					if d := traceDiff(r.Trace(), want); d != "" {
						t.Fatalf("run %d: %s", k, d)
					}
				}
			}
		}
	})
	// Most cases have nothing at their start: those are the ones a
	// snapshot stands for.
	if !testing.Short() && plain < checks/2 {
		t.Errorf("only %d of %d timelines had a start a snapshot stands for", plain, checks)
	}
}

func equalOutcomes(a, b runOutcome) bool {
	return slices.Equal(a.States, b.States) && slices.EqualFunc(a.Since, b.Since, time.Time.Equal) &&
		a.Transitions == b.Transitions && a.HasNext == b.HasNext && a.Next.Equal(b.Next)
}

// TestStartSnapshotConcurrently replays the workload's timelines from
// several goroutines at once on one new engine, through Engine.Replay and
// through runs of both recordings, so that snapshots of the start are
// taken and read concurrently (the race detector watches), and checks
// every trace and final state against those of an engine of its own.
func TestStartSnapshotConcurrently(t *testing.T) {
	w := newWorkload(t)
	ref, err := scenario.Compile(w.a)
	if err != nil {
		t.Fatal(err)
	}
	n := 8
	if testing.Short() {
		n = 4
	}
	wants := make([]*scenario.Trace, n)
	for k := range n {
		if wants[k], err = ref.Replay(w.tls[k], w.ends[k]); err != nil {
			t.Fatal(err)
		}
	}
	e, err := scenario.Compile(w.a)
	if err != nil {
		t.Fatal(err)
	}
	errs := make([]string, 3)
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			var r *scenario.Run
			if g > 0 {
				r, _ = e.Start(w.tls[0].Start())
				if err := r.SetRecording(scenario.Recording(g - 1)); err != nil {
					errs[g] = err.Error()
					return
				}
			}
			for rep := range 3 {
				for k := range n {
					var got *scenario.Trace
					var err error
					if r == nil {
						got, err = e.Replay(w.tls[k], w.ends[k])
					} else if err = r.Replay(w.tls[k], w.ends[k]); err == nil {
						got = r.Trace()
					}
					if err != nil {
						errs[g] = err.Error()
						return
					}
					if got.Engine() != nil {
						if d := traceDiff(got, wants[k]); d != "" {
							errs[g] = fmt.Sprintf("pass %d, timeline %d: %s", rep, k, d)
							return
						}
						continue
					}
					for _, in := range e.Instances() {
						s, _, _ := r.State(in)
						if ws, _, _ := wants[k].StateSince(in, w.ends[k]); s != ws {
							errs[g] = fmt.Sprintf("pass %d, timeline %d, %s: %s, want %s", rep, k, in, s, ws)
							return
						}
					}
				}
			}
		})
	}
	wg.Wait()
	for g, msg := range errs {
		if msg != "" {
			t.Errorf("goroutine %d: %s", g, msg)
		}
	}
}

// TestReplaysLeaveEarlierTracesAlone checks that Engine.Replay, which
// passes a replay's memory on to the next (its per-instance states, its
// world's tables and the start snapshot), never writes where a trace it
// returned reads: every trace of the workload's timelines, taken one after
// the other from one engine, reads the same at the end (its Markdown, and
// the explanation of every instance at its end, which evaluates the
// conditions again over its occurrences) as just after its replay.
func TestReplaysLeaveEarlierTracesAlone(t *testing.T) {
	w := newWorkload(t)
	e, err := scenario.Compile(w.a)
	if err != nil {
		t.Fatal(err)
	}
	n := 12
	if testing.Short() {
		n = 4
	}
	read := func(tr *scenario.Trace, end time.Time) string {
		var b strings.Builder
		if err := tr.Markdown(&b); err != nil {
			t.Fatal(err)
		}
		for _, in := range e.Instances() {
			x, err := tr.Explain(in, end)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(x.String())
		}
		return b.String()
	}
	trs := make([]*scenario.Trace, n)
	reads := make([]string, n)
	for k := range n {
		if trs[k], err = e.Replay(w.tls[k], w.ends[k]); err != nil {
			t.Fatal(err)
		}
		reads[k] = read(trs[k], w.ends[k])
	}
	for k := range n {
		if got := read(trs[k], w.ends[k]); got != reads[k] {
			t.Errorf("trace %d changed after the replays that followed it", k)
		}
	}
}
