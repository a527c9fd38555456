package scenario_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
	"pgregory.net/rapid"
)

// TestPropertyFastPathMatchesTraceAndModel checks that the three ways of
// replaying agree on every state: the reference model, the full trace of
// Engine.Replay, and runs that record states only (RecordStates), one
// reused through Run.Replay for several timelines (read with Run.State and
// Run.States; half of them in pages of their own from the start) and one
// stepped event by event with Run.Apply, Run.Amend and Run.AdvanceTo, read
// with Run.State after every instant. Every other timeline carries
// amendments.
func TestPropertyFastPathMatchesTraceAndModel(t *testing.T) {
	tcfg := scenariotest.TimelineConfig{MinEvents: 8, MaxEvents: 24, Exercises: 30}
	compared, moved := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		p := scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		fast, err := e.Start(scenariotest.DefaultStart())
		if err != nil {
			t.Fatal(err)
		}
		if err := fast.SetRecording(scenario.RecordStates); err != nil {
			t.Fatal(err)
		}
		// Half the reused runs keep their memory in pages of their own
		// from the first replay, as a run replayed many times does.
		if rapid.Bool().Draw(t, "pages") {
			scenario.PagesAtNextReset(fast)
		}
		for k := range 3 {
			gen := scenariotest.Timeline(p, tcfg)
			if k%2 == 1 {
				gen = scenariotest.AmendedTimeline(p, tcfg)
			}
			tl := gen.Draw(t, "timeline")
			end := tcfg.End()
			tr, err := e.Replay(tl, end)
			if err != nil {
				t.Fatal(err)
			}
			evs := propEvents(tl)
			res := refReplayAmended(p, tl.Start(), evs, tl.Amendments(), end)
			if diffs := refCompare(tr, res); len(diffs) > 0 {
				t.Fatalf("engine and model disagree:\n%s", strings.Join(diffs, "\n"))
			}
			insts := res.Instances()
			n := 0
			for range tr.Transitions() {
				n++
			}
			// The reused run, to the end.
			if err := fast.Replay(tl, end); err != nil {
				t.Fatal(err)
			}
			if got := fast.Transitions(); got != n {
				t.Fatalf("timeline %d: the fast run made %d transitions, the trace %d", k, got, n)
			}
			states := fast.States(nil)
			for j, in := range e.Instances() {
				if s, _, err := fast.State(in); err != nil || j >= len(states) || states[j] != s {
					t.Fatalf("timeline %d: States()[%d] is not State(%s) = %s (%v)", k, j, in, s, err)
				}
			}
			if tr := fast.Trace(); tr.Engine() != nil {
				t.Fatal("a run recording states only gave a trace")
			}
			for _, i := range insts {
				compared++
				s, since, err := fast.State(i)
				ws, wsince, werr := tr.StateSince(i, end)
				if (err != nil) != (werr != nil) {
					t.Fatalf("timeline %d, %s: run error %v, trace error %v", k, i, err, werr)
				}
				if err == nil && (s != ws || !since.Equal(wsince)) {
					t.Fatalf("timeline %d, at the end, %s: fast run %s since %s, trace %s since %s", k, i, s, since, ws, wsince)
				}
				if err == nil {
					if last, ok := lastModelTransition(res, i); ok && (last.To != s || !last.At.Equal(since)) {
						t.Fatalf("timeline %d, at the end, %s: fast run %s since %s, model %s since %s", k, i, s, since,
							last.To, last.At)
					}
				}
				if err == nil && !i.Ref.IsAgreement() {
					n, err := fast.Breaches(i)
					bs, werr := tr.BreachesOf(i, end)
					if err != nil || werr != nil || n != len(bs) {
						t.Fatalf("timeline %d, at the end, %s: fast run %d breaches (%v), trace %d (%v)", k, i, n, err, len(bs), werr)
					}
				}
			}
			// A run stepped event by event, read after every instant.
			step, err := e.Start(tl.Start())
			if err != nil {
				t.Fatal(err)
			}
			if err := step.SetRecording(scenario.RecordStates); err != nil {
				t.Fatal(err)
			}
			check := func(at time.Time) {
				for _, i := range insts {
					s, since, err := step.State(i)
					ws, wsince, werr := tr.StateSince(i, at)
					if err != nil || werr != nil {
						continue // an instance of a text not in force now
					}
					if !since.IsZero() {
						moved++
					}
					if s != ws || !since.Equal(wsince) {
						t.Fatalf("timeline %d, at %s, %s: stepped run %s since %s, trace %s since %s", k, at, i, s, since, ws, wsince)
					}
				}
			}
			ams := tl.Amendments()
			amend := func(at time.Time) {
				for len(ams) > 0 && !ams[0].At.After(at) {
					if err := step.Amend(ams[0]); err != nil {
						t.Fatal(err)
					}
					ams = ams[1:]
				}
			}
			for j := 0; j < len(evs); {
				at := evs[j].At
				amend(at)
				for ; j < len(evs) && evs[j].At.Equal(at); j++ {
					if err := step.Apply(evs[j]); err != nil {
						t.Fatal(err)
					}
				}
				if err := step.AdvanceTo(at); err != nil {
					t.Fatal(err)
				}
				check(at)
			}
			amend(end)
			if err := step.AdvanceTo(end); err != nil {
				t.Fatal(err)
			}
			check(end)
			if got := step.Transitions(); got != n {
				t.Fatalf("timeline %d: the stepped run made %d transitions, the trace %d", k, got, n)
			}
		}
	})
	t.Logf("%d final states compared, %d stepped states after a transition", compared, moved)
	if compared == 0 || moved == 0 {
		t.Error("nothing compared, or no instance ever moved")
	}
}

// lastModelTransition returns the model's last transition of instance i.
func lastModelTransition(res *refResult, i scenario.Instance) (refTransition, bool) {
	for k := len(res.log) - 1; k >= 0; k-- {
		if res.log[k].Inst == i {
			return res.log[k], true
		}
	}
	return refTransition{}, false
}

// TestSetRecording checks when the recording can be set, that it lasts
// across resets and replays, and that forks inherit it.
func TestSetRecording(t *testing.T) {
	e, err := scenario.Compile(guarantee())
	if err != nil {
		t.Fatal(err)
	}
	d := func(day int) time.Time { return time.Date(2026, time.February, day, 0, 0, 0, 0, time.UTC) }
	tl := scenario.NewTimeline(d(1), agreement.Event{At: d(5), Kind: agreement.EventKindCeasefireInForce})
	r, err := e.Start(d(1))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetRecording(scenario.Recording(7)); !errors.Is(err, scenario.ErrRecording) {
		t.Fatalf("an undeclared recording: %v", err)
	}
	if err := r.SetRecording(scenario.RecordStates); err != nil {
		t.Fatal(err)
	}
	if err := r.Replay(tl, d(10)); err != nil {
		t.Fatal(err)
	}
	if err := r.SetRecording(scenario.RecordTrace); !errors.Is(err, scenario.ErrRecording) {
		t.Fatalf("set after a replay: %v", err)
	}
	if tr := r.Fork().Trace(); tr.Engine() != nil {
		t.Error("a fork of a run recording states only gave a trace")
	}
	if err := r.Reset(d(1)); err != nil {
		t.Fatal(err)
	}
	if err := r.AdvanceTo(d(2)); err != nil {
		t.Fatal(err)
	}
	if tr := r.Trace(); tr.Engine() != nil {
		t.Error("the recording did not last across a reset")
	}
	if err := r.Reset(d(1)); err != nil {
		t.Fatal(err)
	}
	if err := r.SetRecording(scenario.RecordTrace); err != nil {
		t.Fatal(err)
	}
	if err := r.Replay(tl, d(10)); err != nil {
		t.Fatal(err)
	}
	if tr := r.Trace(); tr.Engine() == nil || r.Transitions() != 2 {
		t.Errorf("recording the trace again: engine %v, %d transitions", tr.Engine() != nil, r.Transitions())
	}
}

// TestSetRecordingAfterAnAmendment checks that the recording cannot be set
// once an amendment at the start has recorded a transition, though no
// instant is closed yet: the run would count that transition in one record
// and the rest in another.
func TestSetRecordingAfterAnAmendment(t *testing.T) {
	a := guarantee()
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, time.February, 1, 0, 0, 0, 0, time.UTC)
	amended := a.Clone()
	amended.Clauses = nil // SUP removed: its instance is terminated at once
	for _, m := range []scenario.Recording{scenario.RecordTrace, scenario.RecordStates} {
		r, err := e.Start(start)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.SetRecording(m); err != nil {
			t.Fatal(err)
		}
		if err := r.Amend(agreement.Amendment{At: start, Text: amended}); err != nil {
			t.Fatal(err)
		}
		other := scenario.RecordStates
		if m == scenario.RecordStates {
			other = scenario.RecordTrace
		}
		if err := r.SetRecording(other); !errors.Is(err, scenario.ErrRecording) {
			t.Errorf("recording %s, set to %s after an amendment at the start: %v", m, other, err)
		}
	}
}

// TestRunReplayAllocatesNothing checks the fast path's promise on the
// benchmark workload: once a run recording states only has replayed every
// timeline, replaying them again allocates nothing, in blocks of lines
// and in pages of its own.
func TestRunReplayAllocatesNothing(t *testing.T) {
	if raceDetector {
		t.Skip("the race detector allocates")
	}
	w := newWorkload(t)
	for _, pages := range []bool{false, true} {
		r := statesRun(t, w.e, benchStart)
		if pages {
			scenario.PagesAtNextReset(r)
		}
		var states []agreement.State
		replayAll := func() {
			for k, tl := range w.tls {
				if err := r.Replay(tl, w.ends[k]); err != nil {
					t.Fatal(err)
				}
				states = r.States(states[:0])
			}
		}
		replayAll() // the buffers grow to the longest timeline
		if got := scenario.RunInPages(r); got != pages {
			t.Fatalf("in pages %v, want %v", got, pages)
		}
		if n := testing.AllocsPerRun(5, replayAll); n != 0 {
			t.Errorf("in pages %v: %v allocations per %d replays", pages, n, len(w.tls))
		}
	}
}

// TestReplayedRunMovesIntoPages checks that a run replayed again and
// again moves its memory into pages of its own at its PlaceAfter-th
// replay, that it ends every replay, before and after, in the states a
// new run ends that replay in, and that a run starting every replay on new
// memory (its trace read) does not; and that Engine.Replay, whose scratch
// memory moves into pages the same way, gives the same states throughout.
func TestReplayedRunMovesIntoPages(t *testing.T) {
	w := newWorkload(t)
	r := statesRun(t, w.e, benchStart)
	n := scenario.PlaceAfter + 8
	for k := range n {
		tl, end := w.tls[k%len(w.tls)], w.ends[k%len(w.tls)]
		if err := r.Replay(tl, end); err != nil {
			t.Fatal(err)
		}
		if got, want := scenario.RunInPages(r), k+1 >= scenario.PlaceAfter; got != want {
			t.Fatalf("after %d replays: in pages %v, want %v", k+1, got, want)
		}
		fresh := statesRun(t, w.e, benchStart)
		if err := fresh.Replay(tl, end); err != nil {
			t.Fatal(err)
		}
		if got, want := r.States(nil), fresh.States(nil); !slices.Equal(got, want) {
			t.Fatalf("replay %d: states %v, a new run's %v", k+1, got, want)
		}
		if got, want := r.Transitions(), fresh.Transitions(); got != want {
			t.Fatalf("replay %d: %d transitions, a new run's %d", k+1, got, want)
		}
		tr, err := w.e.Replay(tl, end)
		if err != nil {
			t.Fatal(err)
		}
		states := fresh.States(nil)
		for j, in := range w.e.Instances() {
			if s, err := tr.State(in, end); err != nil || s != states[j] {
				t.Fatalf("replay %d: Engine.Replay has %s in %s (%v), a new run %s", k+1, in, s, err, states[j])
			}
		}
	}
	// A run whose trace is read after every replay starts the next on new
	// memory, which stays in blocks of lines; once no trace shares it, the
	// run moves into pages after PlaceAfter resets.
	traced, err := w.e.Start(benchStart)
	if err != nil {
		t.Fatal(err)
	}
	for k := range n {
		if err := traced.Replay(w.tls[k%len(w.tls)], w.ends[k%len(w.tls)]); err != nil {
			t.Fatal(err)
		}
		_ = traced.Trace()
		if scenario.RunInPages(traced) {
			t.Fatalf("a run whose trace is read moved into pages at replay %d", k+1)
		}
	}
	for k := range scenario.PlaceAfter {
		if err := traced.Replay(w.tls[k%len(w.tls)], w.ends[k%len(w.tls)]); err != nil {
			t.Fatal(err)
		}
	}
	if !scenario.RunInPages(traced) {
		t.Fatalf("a run whose trace is no longer read stayed out of pages after %d resets", scenario.PlaceAfter)
	}
}

// TestForkedRunsConcurrently forks a run partway through each workload
// timeline and continues the run and its fork in two goroutines: each
// ends in the states of a straight replay (run with -race: a run and its
// fork share no memory they write).
func TestForkedRunsConcurrently(t *testing.T) {
	w := newWorkload(t)
	for _, m := range []scenario.Recording{scenario.RecordTrace, scenario.RecordStates} {
		for k, tl := range w.tls[:16] {
			want, err := w.e.Replay(tl, w.ends[k])
			if err != nil {
				t.Fatal(err)
			}
			r, err := w.e.Start(tl.Start())
			if err != nil {
				t.Fatal(err)
			}
			if err := r.SetRecording(m); err != nil {
				t.Fatal(err)
			}
			evs := propEvents(tl)
			half := len(evs) / 2
			for _, ev := range evs[:half] {
				if err := r.Apply(ev); err != nil {
					t.Fatal(err)
				}
			}
			f := r.Fork()
			errs := make([]error, 2)
			var wg sync.WaitGroup
			for g, run := range []*scenario.Run{r, f} {
				wg.Go(func() {
					for _, ev := range evs[half:] {
						if err := run.Apply(ev); err != nil {
							errs[g] = err
							return
						}
					}
					errs[g] = run.AdvanceTo(w.ends[k])
				})
			}
			wg.Wait()
			for g, run := range []*scenario.Run{r, f} {
				if errs[g] != nil {
					t.Fatal(errs[g])
				}
				for _, in := range w.e.Instances() {
					s, _, err := run.State(in)
					ws, werr := want.State(in, w.ends[k])
					if err != nil || werr != nil || s != ws {
						t.Fatalf("recording %s, timeline %d, run %d, %s: %s (%v), want %s (%v)", m, k, g, in, s, err, ws, werr)
					}
				}
			}
		}
	}
}

// TestReplaysOfOneTimelineConcurrently replays the same new timelines in
// four goroutines at once, each through its own run, twice over, and once
// more with Engine.Replay: the second replay of a timeline under the engine
// works out which patterns its events match and keeps that in the
// timeline, which several goroutines may then do together (run with
// -race). Every replay ends in the states of a replay of another copy.
func TestReplaysOfOneTimelineConcurrently(t *testing.T) {
	w := newWorkload(t)
	n := 8
	if testing.Short() {
		n = 4
	}
	tls := make([]scenario.Timeline, n)
	want := make([][]agreement.State, n)
	for k := range tls {
		// Copies made now: not validated, nothing worked out yet.
		tls[k] = w.tls[k].WithAmendments()
		tr, err := w.e.Replay(w.tls[k].WithAmendments(), w.ends[k])
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range w.e.Instances() {
			s, err := tr.State(in, w.ends[k])
			if err != nil {
				t.Fatal(err)
			}
			want[k] = append(want[k], s)
		}
	}
	errs := make([]error, 5)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			r, err := w.e.Start(benchStart)
			if err == nil {
				err = r.SetRecording(scenario.RecordStates)
			}
			for round := 0; round < 2 && err == nil; round++ {
				for k := range tls {
					if err = r.Replay(tls[k], w.ends[k]); err != nil {
						break
					}
					if got := r.States(nil); !slices.Equal(got, want[k]) {
						err = fmt.Errorf("goroutine %d, replay %d of timeline %d: states %v, want %v", g, round+1, k, got, want[k])
						break
					}
				}
			}
			errs[g] = err
		})
	}
	wg.Go(func() {
		for k := range tls {
			tr, err := w.e.Replay(tls[k], w.ends[k])
			if err != nil {
				errs[4] = err
				return
			}
			for j, in := range w.e.Instances() {
				if s, err := tr.State(in, w.ends[k]); err != nil || s != want[k][j] {
					errs[4] = fmt.Errorf("Engine.Replay of timeline %d, %s: %s (%v), want %s", k, in, s, err, want[k][j])
					return
				}
			}
		}
	})
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}
