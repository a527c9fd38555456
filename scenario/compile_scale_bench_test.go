package scenario_test

import (
	"fmt"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// scaleAgreement returns an agreement of n clauses whose indexes grow with
// n: the clauses cycle through benchKinds event kinds, so that every trigger
// and action pattern is shared by n/benchKinds clauses; every fifth clause
// also reads the state of the clause before it, and every tenth the state of
// the first clause, which so has n/10 readers; every seventh binds two
// debtors severally.
func scaleAgreement(n int) agreement.Agreement {
	a := agreement.Agreement{
		ID:            "scale",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "A"}, {ID: "B"}},
	}
	id := func(i int) agreement.ClauseID { return agreement.ClauseID(fmt.Sprintf("C%d", i)) }
	for i := range n {
		c := agreement.Clause{
			ID:      id(i),
			Kind:    agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"A"},
			Action:  &agreement.Pattern{Kind: benchKind(i + 7)},
			Trigger: agreement.Happened(agreement.Pattern{Kind: benchKind(i + 3)}),
		}
		switch {
		case i > 0 && i%10 == 0:
			c.Trigger = agreement.All(c.Trigger,
				agreement.ClauseIn(agreement.LocalRef(id(0)), agreement.StateViolated, agreement.StateFulfilled))
		case i%5 == 1:
			c.Trigger = agreement.Any(c.Trigger,
				agreement.ClauseIn(agreement.LocalRef(id(i-1)), agreement.StateFulfilled))
		}
		if i%7 == 2 {
			c.Debtors = []agreement.PartyID{"A", "B"}
		}
		a.Clauses = append(a.Clauses, c)
	}
	return a
}

// BenchmarkCompileScaling compiles agreements of 10,000 and 100,000 clauses
// sharing patterns and read by many clauses; ns/clause is the cost per
// clause, which should not grow with the number of clauses.
func BenchmarkCompileScaling(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("clauses=%d", n), func(b *testing.B) {
			a := scaleAgreement(n)
			if err := a.Validate(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scenario.Compile(a); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/clause")
		})
	}
}
