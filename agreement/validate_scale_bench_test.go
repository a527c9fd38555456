package agreement_test

import (
	"strconv"
	"testing"

	"github.com/peacekit/peacekit/agreement"
)

// scaleAgreement returns a valid agreement of n clauses (n a multiple of
// four), built deterministically: groups of an obligation, a suspend power
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

// BenchmarkValidateScaling measures Agreement.Validate on agreements of
// 10,000 and 100,000 clauses, half of them suspend and resume powers, and
// reports the time per clause: it stays about the same when validation is
// linear in the number of clauses.
func BenchmarkValidateScaling(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run("clauses="+strconv.Itoa(n), func(b *testing.B) {
			a := scaleAgreement(n)
			if err := a.Validate(); err != nil {
				b.Fatalf("Validate() = %v, want nil", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := a.Validate(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/clause")
		})
	}
}
