package scenario

// This benchmark lives inside the package because the evaluator it measures
// is not exported: replays use it through Run, and the public benchmarks in
// bench_test.go measure those.

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// BenchmarkEvalCondition evaluates "ceasefire in force, agreement not
// terminated, an attack after the ceasefire" against histories of 1,000
// events, a different history each iteration. It must not allocate.
func BenchmarkEvalCondition(b *testing.B) {
	cond := agreement.All(
		agreement.Holds("ceasefire"),
		agreement.Not(agreement.AgreementIn("", agreement.StateTerminated)),
		agreement.Before(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}, agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}),
	)
	e, err := Compile(agreement.Agreement{
		ID:            "a",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "US"}},
		Fluents: []agreement.Fluent{{ID: "ceasefire",
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}}},
		Clauses: []agreement.Clause{{ID: "SUP", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"},
			Action: &agreement.Pattern{Kind: "support"}, Trigger: cond}},
	})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	kinds := []agreement.EventKind{agreement.EventKindArmedAttack, agreement.EventKindCeasefireInForce, agreement.EventKindCeasefireCollapsed, "other"}
	const histories = 64
	runs := make([]*Run, histories)
	for h := range runs {
		r, err := e.Start(start)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 1000 {
			ev := agreement.Event{At: start.Add(time.Duration(i+1) * time.Minute), Kind: kinds[(i*(h+1)+h)%len(kinds)], Actor: "RU"}
			if err := r.Apply(ev); err != nil {
				b.Fatal(err)
			}
		}
		if err := r.AdvanceTo(start.Add(2000 * time.Minute)); err != nil {
			b.Fatal(err)
		}
		runs[h] = r
	}
	benchEval(b, runs, e.instances[0].roots[slotTrigger])
}

// benchEval evaluates the condition at root over each run's history in
// turn, and fails unless its value varies among them.
func benchEval(b *testing.B, runs []*Run, root int32) {
	trues := 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if runs[i%len(runs)].eval(root, beforeAll, nil) {
			trues++
		}
		i++
	}
	if trues == 0 || trues == i {
		b.Fatalf("condition was %d times true of %d: the histories do not vary its value", trues, i)
	}
}

// BenchmarkEvalMeasuredDebtor evaluates one debtor's instance of "heavy
// weapons of this debtor within 20 km of the line, its troops reported at
// most 12,000, and its share of the ceasefire not violated": debtor
// patterns, an item class, a bound and a level, against histories of 1,000
// measured events. It must not allocate.
func BenchmarkEvalMeasuredDebtor(b *testing.B) {
	km20 := agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(20))
	cond := agreement.All(
		agreement.Happened(agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: agreement.Debtor,
			Class: "heavy", Measure: km20}),
		agreement.Level(agreement.Pattern{Kind: "troops-reported", Actor: agreement.Debtor},
			agreement.Measure(agreement.UnitTroops).AtMost(decimal.NewFromInt(12000))),
		agreement.Not(agreement.ClauseInFor(agreement.LocalRef("CF"), agreement.Debtor, agreement.StateViolated)),
	)
	e, err := Compile(agreement.Agreement{
		ID:            "a",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		ItemClasses: []agreement.ItemClass{{ID: "heavy",
			Rule: []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))}}},
		Clauses: []agreement.Clause{
			{ID: "CF", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"UA", "RU"},
				Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack}},
			{ID: "W", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
				Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted}, Trigger: cond}},
	})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const histories = 64
	runs := make([]*Run, histories)
	for h := range runs {
		r, err := e.Start(start)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 1000 {
			at := start.Add(time.Duration(i+1) * time.Minute)
			actor := []agreement.PartyID{"UA", "RU"}[(i+h)%2]
			var ev agreement.Event
			switch (i * (h + 1)) % 3 {
			case 0:
				ev = agreement.Event{At: at, Kind: agreement.EventKindForcesDeployed, Actor: actor, Item: "2S19",
					Quantities: []agreement.Quantity{
						{Value: decimal.NewFromInt(152), Unit: agreement.UnitMm, Of: "calibre"},
						{Value: decimal.NewFromInt(int64(i%40) * 1000), Unit: agreement.UnitM, Of: "distance-from-line"}}}
			case 1:
				ev = agreement.Event{At: at, Kind: "troops-reported", Actor: actor,
					Quantities: []agreement.Quantity{{Value: decimal.NewFromInt(int64(11000 + (i*h)%2000)),
						Unit: agreement.UnitTroops}}}
			default:
				ev = agreement.Event{At: at, Kind: "other", Actor: actor}
			}
			if err := r.Apply(ev); err != nil {
				b.Fatal(err)
			}
		}
		if err := r.AdvanceTo(start.Add(2000 * time.Minute)); err != nil {
			b.Fatal(err)
		}
		runs[h] = r
	}
	ii, ok := e.instIndex[Instance{Ref: agreement.QualifiedRef("a", "W"), Debtor: "RU"}]
	if !ok {
		b.Fatal("no instance W[RU]")
	}
	benchEval(b, runs, e.instances[ii].roots[slotTrigger])
}
