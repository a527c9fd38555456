package montecarlo_test

import (
	"context"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// drawModel draws a model for the small agreement: a ceasefire at a drawn
// delay, its breakdown from a drawn hazard, attacks whose rate the
// guarantee's state changes, and reports of attacks with a probability,
// some with no delay.
func drawModel(t *rapid.T) montecarlo.Model {
	day := func(lo, hi int) time.Duration {
		return time.Duration(rapid.IntRange(lo, hi).Draw(t, "days")) * agreement.Day
	}
	var delay montecarlo.Distribution
	switch rapid.IntRange(0, 4).Draw(t, "hazard") {
	case 0:
		delay = montecarlo.Constant{PerDay: rapid.Float64Range(0, 0.2).Draw(t, "rate")}
	case 1:
		delay = montecarlo.Piecewise{Cuts: []time.Duration{day(1, 10), day(11, 40)},
			PerDay: []float64{rapid.Float64Range(0, 0.2).Draw(t, "r0"), rapid.Float64Range(0, 0.2).Draw(t, "r1"), 0.01}}
	case 2:
		delay = montecarlo.Weibull{Shape: rapid.Float64Range(0.3, 3).Draw(t, "shape"), Scale: day(1, 60)}
	case 3:
		delay = montecarlo.Empirical{At: []time.Duration{0, day(1, 20), day(21, 60)}, Survival: []float64{0.9, 0.5, 0.2}}
	default:
		lo := day(0, 10)
		delay = montecarlo.Uniform{Min: lo, Max: lo + day(0, 30)}
	}
	attack := montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
	return montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Scheduled{Name: "ceasefire", Delay: montecarlo.Uniform{Max: day(0, 5)},
			Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: agreement.EventKindCeasefireInForce}}}},
		&montecarlo.Scheduled{Name: "breakdown", After: &montecarlo.Match{Kind: agreement.EventKindCeasefireInForce},
			Once: rapid.Bool().Draw(t, "once"), Delay: delay,
			Outcomes: []montecarlo.Outcome{{Probability: rapid.Float64Range(0, 1).Draw(t, "p-breakdown"),
				Event: montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed}}}},
		&montecarlo.Poisson{Name: "attacks", PerDay: rapid.Float64Range(0, 0.5).Draw(t, "attack-rate"), Event: attack,
			Modifiers: []montecarlo.Modifier{{Clause: agreement.LocalRef("guarantee"), States: []agreement.State{agreement.StateInEffect},
				Factor: rapid.Float64Range(0, 3).Draw(t, "factor")}}},
		&montecarlo.Scheduled{Name: "report", After: &montecarlo.Match{Kind: agreement.EventKindArmedAttack},
			Delay: montecarlo.Uniform{Max: time.Duration(rapid.IntRange(0, 48).Draw(t, "report-hours")) * time.Hour},
			Outcomes: []montecarlo.Outcome{{Probability: rapid.Float64Range(0, 1).Draw(t, "p-report"),
				Event: montecarlo.Template{Kind: "report", Actor: "OSCE"}}}},
		&montecarlo.Poisson{Name: "deployments", PerDay: rapid.Float64Range(0, 0.3).Draw(t, "deploy-rate"),
			Event: montecarlo.Template{Kind: agreement.EventKindForcesDeployed, Actor: "US", Target: "UA"}},
	}}
}

func propertyOptions(t *rapid.T) montecarlo.Options {
	return montecarlo.Options{
		Runs:      int64(rapid.IntRange(1, 40).Draw(t, "runs")),
		Seed:      rapid.Uint64().Draw(t, "seed"),
		Start:     start,
		Horizon:   time.Duration(rapid.IntRange(1, 120).Draw(t, "horizon-days")) * agreement.Day,
		At:        []time.Duration{7 * agreement.Day, 30 * agreement.Day},
		BatchSize: int64(rapid.IntRange(1, 16).Draw(t, "batch")),
		Survival: []montecarlo.Target{{Instance: inst("ceasefire"), State: agreement.StateViolated},
			{Instance: inst("guarantee"), State: agreement.StateInEffect}},
	}
}

// TestPropertySummaryIndependentOfWorkersAndShards checks that a
// simulation's summary is the same for 1, 2 and 7 workers, and equal to the
// merge, in a drawn order, of the summaries of shards made of a drawn split
// of its run indices.
func TestPropertySummaryIndependentOfWorkersAndShards(t *testing.T) {
	e := mustCompile(small())
	ctx := context.Background()
	rapid.Check(t, func(t *rapid.T) {
		m := drawModel(t)
		opts := propertyOptions(t)
		opts.Workers = 1
		want, err := montecarlo.Simulate(ctx, e, m, opts)
		if err != nil {
			t.Fatal(err)
		}
		if want.Runs() != opts.Runs {
			t.Fatalf("%d runs, want %d", want.Runs(), opts.Runs)
		}
		for _, w := range []int{2, 7} {
			o := opts
			o.Workers = w
			got, err := montecarlo.Simulate(ctx, e, m, o)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(want) {
				t.Fatalf("summary with %d workers differs from one worker's", w)
			}
		}
		// Shards: a drawn split of [0, Runs) into ranges, merged in a
		// drawn order.
		var cuts []int64
		for at := int64(0); at < opts.Runs; {
			at += int64(rapid.IntRange(1, int(opts.Runs-at)).Draw(t, "shard"))
			cuts = append(cuts, at)
		}
		var shards []*montecarlo.Summary
		from := int64(0)
		for _, c := range cuts {
			o := opts
			o.First, o.Runs = from, c-from
			o.Workers = rapid.IntRange(1, 3).Draw(t, "shard-workers")
			o.BatchSize = int64(rapid.IntRange(1, 16).Draw(t, "shard-batch"))
			s, err := montecarlo.Simulate(ctx, e, m, o)
			if err != nil {
				t.Fatal(err)
			}
			shards = append(shards, s)
			from = c
		}
		order := rapid.Permutation(shards).Draw(t, "order")
		total := order[0]
		for _, s := range order[1:] {
			if err := total.Merge(s); err != nil {
				t.Fatal(err)
			}
		}
		if !total.Equal(want) {
			t.Fatalf("merge of %d shards differs from the whole", len(shards))
		}
	})
}

// TestPropertyCompareIndependentOfWorkers checks that a comparison with
// common random numbers is the same for 1 and 7 workers, and that the
// paired counts agree with the two summaries: OnlyB - OnlyA runs is the
// difference of their counts.
func TestPropertyCompareIndependentOfWorkers(t *testing.T) {
	a := mustCompile(small())
	final := small()
	final.Clauses[1].Deadline = agreement.Deadline{After: 24 * time.Hour}
	b := mustCompile(final)
	ctx := context.Background()
	rapid.Check(t, func(t *rapid.T) {
		m := drawModel(t)
		opts := propertyOptions(t)
		opts.Workers = 1
		one, err := montecarlo.Compare(ctx, a, b, m, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.Workers = 7
		seven, err := montecarlo.Compare(ctx, a, b, m, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !one.A.Equal(seven.A) || !one.B.Equal(seven.B) {
			t.Fatal("summaries differ between 1 and 7 workers")
		}
		for _, in := range one.A.Instances() {
			for _, at := range one.A.At() {
				for st := agreement.StateDormant; st <= agreement.StateLapsed; st++ {
					p1, err := one.Paired(in, st, at)
					if err != nil {
						t.Fatal(err)
					}
					p7, _ := seven.Paired(in, st, at)
					if p1 != p7 {
						t.Fatalf("%s %v by %v: %+v with 1 worker, %+v with 7", in, st, at, p1, p7)
					}
					ra, _ := one.A.Reached(in, st, at)
					rb, _ := one.B.Reached(in, st, at)
					if rb.Successes-ra.Successes != p1.OnlyB-p1.OnlyA {
						t.Fatalf("%s %v by %v: %d and %d runs reached, paired %+v", in, st, at, ra.Successes, rb.Successes, p1)
					}
				}
			}
		}
	})
}
