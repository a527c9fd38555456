package montecarlo_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// TestMergeChecksTheSimulation checks that Merge combines only disjoint
// shards of one simulation, and changes nothing when it refuses.
func TestMergeChecksTheSimulation(t *testing.T) {
	e := mustCompile(small())
	m := reportModel()
	sim := func(e *scenario.Engine, m montecarlo.Model, edit func(*montecarlo.Options)) *montecarlo.Summary {
		t.Helper()
		opts := baseOptions()
		opts.Runs, opts.BatchSize = 100, 50
		edit(&opts)
		s, err := montecarlo.Simulate(context.Background(), e, m, opts)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	same := func(*montecarlo.Options) {}
	first := sim(e, m, same)
	second := sim(e, m, func(o *montecarlo.Options) { o.First = 100 })
	whole := sim(e, m, func(o *montecarlo.Options) { o.Runs = 200 })
	if got := first.Ranges(); !slices.Equal(got, []montecarlo.RunRange{{First: 0, End: 100}}) {
		t.Fatalf("ranges %v, want [0, 100)", got)
	}
	other := small()
	other.Clauses = other.Clauses[:2]
	faster := reportModel()
	faster.Processes[1].(*montecarlo.Poisson).PerDay = 0.2
	for _, c := range []struct {
		name string
		o    *montecarlo.Summary
		want error
	}{
		{"itself", first, montecarlo.ErrOverlap},
		{"overlapping", sim(e, m, func(o *montecarlo.Options) { o.First = 50 }), montecarlo.ErrOverlap},
		{"other seed", sim(e, m, func(o *montecarlo.Options) { o.Seed++; o.First = 100 }), montecarlo.ErrShape},
		{"other start", sim(e, m, func(o *montecarlo.Options) { o.Start = o.Start.Add(time.Hour); o.First = 100 }), montecarlo.ErrShape},
		{"other model", sim(e, faster, func(o *montecarlo.Options) { o.First = 100 }), montecarlo.ErrShape},
		{"other engine", sim(mustCompile(other), m, func(o *montecarlo.Options) { o.First = 100 }), montecarlo.ErrShape},
	} {
		before := sim(e, m, same)
		if err := first.Merge(c.o); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
		if !first.Equal(before) {
			t.Errorf("%s: a refused merge changed the summary", c.name)
		}
	}
	if err := first.Merge(second); err != nil {
		t.Fatal(err)
	}
	if !first.Equal(whole) {
		t.Fatal("two shards merged differ from one simulation of their runs")
	}
	if got := first.Ranges(); !slices.Equal(got, []montecarlo.RunRange{{First: 0, End: 200}}) {
		t.Fatalf("ranges %v, want [0, 200)", got)
	}
}

// TestComparisonMergeOfShards checks that comparisons of two shards merge
// into the comparison of their union, paired counts included, and that
// merging a comparison with itself is refused.
func TestComparisonMergeOfShards(t *testing.T) {
	draft := mustCompile(small())
	f := small()
	f.Clauses[1].Deadline.After = 24 * time.Hour
	final := mustCompile(f)
	cmp := func(first, runs int64) *montecarlo.Comparison {
		t.Helper()
		opts := baseOptions()
		opts.First, opts.Runs, opts.BatchSize = first, runs, 50
		c, err := montecarlo.Compare(context.Background(), draft, final, reportModel(), opts)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	a, b, whole := cmp(0, 100), cmp(100, 150), cmp(0, 250)
	if err := a.Merge(a); !errors.Is(err, montecarlo.ErrOverlap) {
		t.Fatalf("a comparison merged with itself: %v, want ErrOverlap", err)
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if !a.A.Equal(whole.A) || !a.B.Equal(whole.B) {
		t.Fatal("merged shards' summaries differ from one comparison's")
	}
	discordant := 0
	for _, in := range whole.A.Instances() {
		for _, at := range whole.A.At() {
			for st := agreement.StateDormant; st <= agreement.StateLapsed; st++ {
				got, err1 := a.Paired(in, st, at)
				want, err2 := whole.Paired(in, st, at)
				if (err1 == nil) != (err2 == nil) || got != want {
					t.Fatalf("%s %v by %v: %+v (%v), want %+v (%v)", in, st, at, got, err1, want, err2)
				}
				discordant += int(want.OnlyA + want.OnlyB)
			}
		}
	}
	if discordant == 0 {
		t.Fatal("no discordant run: the test compares nothing")
	}
}
