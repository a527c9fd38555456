package scenario

// This benchmark lives inside the package because the evaluator it measures
// is not exported: replays use it through Run, and the public benchmarks in
// bench_test.go measure those.

import (
	"testing"
	"time"

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
	root := e.instances[0].roots[slotTrigger]
	trues := 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if runs[i%histories].eval(root, beforeAll, nil) {
			trues++
		}
		i++
	}
	if trues == 0 || trues == i {
		b.Fatalf("condition was %d times true of %d: the histories do not vary its value", trues, i)
	}
}
