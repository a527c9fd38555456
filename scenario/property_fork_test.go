package scenario_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// propPadding is how many events of a kind nothing mentions a timeline of
// TestPropertyInterleavedForksEqualReplay may start with: enough for a
// run's history to outgrow one chunk of what forks share.
const propPadding = 300

// Forks share the history before them (Run.Fork): a run forked at a random
// point of a random timeline, the run it was forked from, further forks of
// both (siblings, and forks of forks at later points), all sent on with the
// rest of the timeline in an interleaved order, with traces taken along
// the way, each give the trace of one straight replay; no trace changes as
// the runs go on, nor when the first run is then reset and replayed again.
// Some timelines start with propPadding events that nothing mentions, so
// that the history the runs share is long.
func TestPropertyInterleavedForksEqualReplay(t *testing.T) {
	propCheck(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		if rapid.IntRange(0, 3).Draw(t, "padded") == 0 {
			var evs []agreement.Event
			for i := range propPadding {
				evs = append(evs, agreement.Event{At: c.tl.Start().Add(time.Duration(i) * time.Nanosecond),
					Kind: "padding"})
			}
			evs = append(evs, propEvents(c.tl)...)
			c.tl = scenario.NewTimeline(c.tl.Start(), evs...)
		}
		want := propReplay(t, c.e, c.tl, c.end)
		observe(want)
		propForks(t, c.e, c.tl.Start(), propEvents(c.tl), c.end, want)
	})
}

// TestPropertyForksOfLongRunsEqualReplay is TestPropertyInterleavedForksEqualReplay
// over long timelines of an agreement whose occurrences, transitions and
// fluent changes, not only its events, outgrow the chunks forks share.
func TestPropertyForksOfLongRunsEqualReplay(t *testing.T) {
	e, err := scenario.Compile(benchAgreement(20, 0))
	if err != nil {
		t.Fatal(err)
	}
	// Most events of two kinds, which the fluent of the agreement and some
	// of its clauses read: long lists of occurrences and of fluent changes.
	all := benchEvents(800)
	for i := range all {
		if i%4 != 3 {
			all[i].Kind = benchKind(i % 2)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		evs := all[:rapid.IntRange(1, len(all)).Draw(t, "events")]
		end := evs[len(evs)-1].At.Add(24 * time.Hour)
		want := propReplay(t, e, scenario.NewTimeline(benchStart, evs...), end)
		propForks(t, e, benchStart, evs, end, want)
	})
}

// propRun is one of the runs of propForks: a run with the events it has
// had (a prefix of the timeline's), the traces taken from it along the way
// with their moves then.
type propRun struct {
	name  string
	run   *scenario.Run
	next  int // the next event to apply
	snaps []propSnap
}

type propSnap struct {
	tr    *scenario.Trace
	moves []scenariotest.Move
}

// propForks applies a random prefix of evs to a run of e from start, forks
// it, and sends the run and its forks on with the rest of evs to end in a
// random interleaving (sometimes closing an instant, taking a trace or
// forking again on the way); it checks that each run's trace equals want
// and that no trace taken on the way changed.
func propForks(t *rapid.T, e *scenario.Engine, start time.Time, evs []agreement.Event, end time.Time, want *scenario.Trace) {
	k := rapid.IntRange(0, len(evs)).Draw(t, "fork-at")
	r, err := e.Start(start)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	for _, ev := range evs[:k] {
		if err := r.Apply(ev); err != nil {
			t.Fatalf("Apply: %v", err)
		}
	}
	runs := []*propRun{{name: "run", run: r, next: k}}
	forkOf := func(p *propRun) {
		runs = append(runs, &propRun{name: fmt.Sprintf("%s/fork%d", p.name, len(runs)), run: p.run.Fork(), next: p.next})
	}
	for range rapid.IntRange(1, 3).Draw(t, "siblings") {
		forkOf(runs[0])
	}
	// canClose reports whether p may close the instant of its last event:
	// its next event is later.
	canClose := func(p *propRun) bool {
		return p.next > 0 && (p.next == len(evs) || evs[p.next].At.After(evs[p.next-1].At))
	}
	for {
		var live []int
		for i, p := range runs {
			if p.next < len(evs) {
				live = append(live, i)
			}
		}
		if len(live) == 0 {
			break
		}
		p := runs[rapid.SampledFrom(live).Draw(t, "which")]
		burst := rapid.IntRange(1, 1+len(evs)/8).Draw(t, "burst") // events it takes in a row
		switch rapid.IntRange(0, 9).Draw(t, "step") {
		case 0:
			if canClose(p) {
				if err := p.run.AdvanceTo(evs[p.next-1].At); err != nil {
					t.Fatalf("%s: AdvanceTo: %v", p.name, err)
				}
			}
		case 1:
			tr := p.run.Trace()
			p.snaps = append(p.snaps, propSnap{tr, scenariotest.Moves(tr)})
		case 2:
			if len(runs) < 6 {
				forkOf(p)
				continue
			}
		}
		for ; burst > 0 && p.next < len(evs); burst-- {
			if err := p.run.Apply(evs[p.next]); err != nil {
				t.Fatalf("%s: Apply(event %d): %v", p.name, p.next, err)
			}
			p.next++
		}
	}
	wantAll := slices.Collect(want.Transitions())
	check := func(when string) {
		for _, p := range runs[1:] {
			if diff := cmp.Diff(wantAll, slices.Collect(p.run.Trace().Transitions())); diff != "" {
				t.Fatalf("%s, forked at event %d, differs from Replay %s (-replay +fork):\n%s", p.name, k, when, diff)
			}
		}
		for _, p := range runs {
			for i, s := range p.snaps {
				if diff := cmp.Diff(s.moves, scenariotest.Moves(s.tr)); diff != "" {
					t.Fatalf("trace %d of %s changed %s (-then +now):\n%s", i, p.name, when, diff)
				}
			}
		}
	}
	for _, p := range runs {
		if err := p.run.AdvanceTo(end); err != nil {
			t.Fatalf("%s: AdvanceTo(end): %v", p.name, err)
		}
		tr := p.run.Trace()
		p.snaps = append(p.snaps, propSnap{tr, scenariotest.Moves(tr)})
	}
	if diff := cmp.Diff(wantAll, slices.Collect(r.Trace().Transitions())); diff != "" {
		t.Fatalf("the run forked at event %d differs from Replay (-replay +run):\n%s", k, diff)
	}
	check("at the end")

	// The first run again from the start, over the memory it shares, with
	// other events: a reset writing over what the forks and the traces
	// share would show.
	if err := r.Reset(start); err != nil {
		t.Fatalf("Reset: %v", err)
	}
	var other []agreement.Event
	for _, ev := range evs {
		other = append(other, agreement.Event{At: ev.At, Kind: "padding"})
		if err := r.Apply(other[len(other)-1]); err != nil {
			t.Fatalf("Apply after Reset: %v", err)
		}
	}
	if err := r.AdvanceTo(end); err != nil {
		t.Fatalf("AdvanceTo after Reset: %v", err)
	}
	scenariotest.AssertSameTransitions(t, propReplay(t, e, scenario.NewTimeline(start, other...), end), r.Trace())
	if t.Failed() {
		t.Fatalf("the run reset and sent another way differs from a replay of its timeline")
	}
	check("after the first run was reset")
}
