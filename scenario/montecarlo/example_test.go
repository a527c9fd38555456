package montecarlo_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// A ceasefire that breaks down at a constant hazard of 1% a day: the
// probability that it has broken down by 60 days, 1 - exp(-0.6) = 0.451,
// estimated from 4,000 runs.
func ExampleSimulate() {
	e, err := scenario.Compile(agreement.Agreement{
		ID: "truce", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "A"}, {ID: "B"}},
		Clauses: []agreement.Clause{{ID: "ceasefire", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"A", "B"},
			Joint: true, Action: &agreement.Pattern{Kind: agreement.EventKindCeasefireCollapsed}}},
	})
	if err != nil {
		panic(err)
	}
	m := montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Scheduled{Name: "breakdown", Delay: montecarlo.Constant{PerDay: 0.01},
			Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed}}}},
	}}
	s, err := montecarlo.Simulate(context.Background(), e, m, montecarlo.Options{
		Runs: 4000, Seed: 1, Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Horizon: 365 * agreement.Day, At: []time.Duration{60 * agreement.Day},
	})
	if err != nil {
		panic(err)
	}
	ceasefire := scenario.Instance{Ref: agreement.QualifiedRef("truce", "ceasefire")}
	p, err := s.Reached(ceasefire, agreement.StateViolated, 60*agreement.Day)
	if err != nil {
		panic(err)
	}
	lo, hi := p.Wilson(0.95)
	fmt.Printf("broken down by 60 days: %d of %d runs, %.3f [%.3f, %.3f]\n", p.Successes, p.Trials, p.Estimate(), lo, hi)
	// Output:
	// broken down by 60 days: 1800 of 4000 runs, 0.450 [0.435, 0.465]
}

// A model read from its JSON encoding: a ceasefire at the start, its
// breakdown after a Weibull delay, attacks halved while the guarantee is in
// effect, and a monitor confirming 70% of them within a day.
func ExampleDecodeModel() {
	data, err := os.ReadFile("testdata/ceasefire.json")
	if err != nil {
		panic(err)
	}
	m, err := montecarlo.DecodeModel(data)
	if err != nil {
		panic(err)
	}
	for _, p := range m.Processes {
		switch p := p.(type) {
		case *montecarlo.Poisson:
			fmt.Printf("%s: %v a day, %d modifier\n", p.Name, p.PerDay, len(p.Modifiers))
		case *montecarlo.Scheduled:
			fmt.Printf("%s: after %v, delay %T\n", p.Name, p.After != nil, p.Delay)
		}
	}
	_, err = montecarlo.DecodeModel([]byte(`{"version":1,"processes":[{"poisson":{"perDay":-1,"event":{"kind":"armed-attack"},"rate":2}}]}`))
	fmt.Println(err)
	// Output:
	// ceasefire: after false, delay <nil>
	// breakdown: after true, delay montecarlo.Weibull
	// attacks: 0.05 a day, 1 modifier
	// confirmation: after true, delay montecarlo.Uniform
	// montecarlo: 2 problems:
	// 	processes[0].poisson.rate: unknown field "rate"
	// 	processes[0].poisson.perDay: negative rate -1
}

// A draft and a final text compared on the same random timelines: the
// final text gives the guarantor 24 hours instead of 72 to deploy after a
// new attack; it deploys 1 to 100 hours after each attack.
func ExampleCompare() {
	text := func(deadline time.Duration) *scenario.Engine {
		e, err := scenario.Compile(agreement.Agreement{
			ID: "truce", SigningStatus: agreement.SigningStatusSigned,
			Parties: []agreement.Party{{ID: "A"}, {ID: "B"}, {ID: "G"}},
			Clauses: []agreement.Clause{{ID: "guarantee", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"G"},
				Creditors:  []agreement.PartyID{"A"},
				Action:     &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: "G", Target: "A"},
				Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "B", Target: "A"}),
				Deadline:   agreement.Deadline{After: deadline}}},
		})
		if err != nil {
			panic(err)
		}
		return e
	}
	m := montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Poisson{Name: "attacks", PerDay: 0.02,
			Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "B", Target: "A"}},
		&montecarlo.Scheduled{Name: "deployment", After: &montecarlo.Match{Kind: agreement.EventKindArmedAttack},
			Delay: montecarlo.Uniform{Min: time.Hour, Max: 100 * time.Hour},
			Outcomes: []montecarlo.Outcome{{Probability: 1,
				Event: montecarlo.Template{Kind: agreement.EventKindForcesDeployed, Actor: "G", Target: "A"}}}},
	}}
	year := 365 * agreement.Day
	c, err := montecarlo.Compare(context.Background(), text(72*time.Hour), text(24*time.Hour), m, montecarlo.Options{
		Runs: 2000, Seed: 3, Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Horizon: year,
	})
	if err != nil {
		panic(err)
	}
	g := scenario.Instance{Ref: agreement.QualifiedRef("truce", "guarantee")}
	a, _ := c.A.Reached(g, agreement.StateViolated, year)
	b, _ := c.B.Reached(g, agreement.StateViolated, year)
	d, _ := c.Paired(g, agreement.StateViolated, year)
	lo, hi := d.Interval(0.95)
	fmt.Printf("violated within a year: draft %.3f, final %.3f\n", a.Estimate(), b.Estimate())
	fmt.Printf("runs violated under one text only: draft %d, final %d\n", d.OnlyA, d.OnlyB)
	fmt.Printf("difference %.3f [%.3f, %.3f]\n", d.Difference(), lo, hi)
	// Output:
	// violated within a year: draft 0.283, final 0.770
	// runs violated under one text only: draft 0, final 974
	// difference 0.487 [0.465, 0.508]
}
