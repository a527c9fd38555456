package revision_test

import (
	"strconv"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
)

// scaleAgreement returns an agreement of n clauses (n a multiple of four),
// built deterministically: groups of an obligation, a suspend power
// targeting it, the resume power the suspend power names, and an
// obligation that waits for the first to be in effect.
func scaleAgreement(n int) agreement.Agreement {
	a := agreement.Agreement{
		ID:      "scale",
		Parties: []agreement.Party{{ID: "A"}, {ID: "B"}, {ID: "M"}},
		Clauses: make([]agreement.Clause, 0, n),
	}
	for i := 0; i < n/4; i++ {
		s := strconv.Itoa(i)
		o, sus, res, dep := agreement.ClauseID("O"+s), agreement.ClauseID("S"+s), agreement.ClauseID("R"+s), agreement.ClauseID("D"+s)
		a.Clauses = append(a.Clauses,
			agreement.Clause{ID: o, Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"A"},
				Action: &agreement.Pattern{Kind: "withdraw"}},
			agreement.Clause{ID: sus, Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"M"},
				Effect: agreement.EffectSuspend, Targets: []agreement.Ref{agreement.LocalRef(o)}, ResumedBy: res},
			agreement.Clause{ID: res, Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"M"},
				Effect: agreement.EffectResume},
			agreement.Clause{ID: dep, Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"B"},
				Action:  &agreement.Pattern{Kind: "release", Actor: "B"},
				Trigger: agreement.ClauseIn(agreement.LocalRef(o), agreement.StateInEffect)},
		)
	}
	return a
}

// BenchmarkApplyScaling measures Diff(empty, a).Apply(empty), which adds
// every clause of a one by one, for agreements of 10,000 and 100,000
// clauses, and reports the time per clause: it stays about the same when
// both are linear in the number of clauses.
func BenchmarkApplyScaling(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run("clauses="+strconv.Itoa(n), func(b *testing.B) {
			a := scaleAgreement(n)
			var empty agreement.Agreement
			got, err := revision.Diff(empty, a).Apply(empty)
			if err != nil {
				b.Fatalf("Apply() = %v", err)
			}
			if cs := revision.Diff(got, a); len(cs) != 0 {
				b.Fatalf("Apply(Diff(empty, a)) differs from a: %d changes, the first %s", len(cs), cs[0])
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := revision.Diff(empty, a).Apply(empty); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/clause")
		})
	}
}
