package montecarlo_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

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
