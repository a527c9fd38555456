package agreementtest

import (
	"strconv"

	"github.com/peacekit/peacekit/agreement"
)

// Scaled returns a valid agreement of n clauses (n rounded down to a
// multiple of four; none when n is less than four), built deterministically
// for measuring how a cost grows with the number of clauses: groups of an
// obligation of party A, a suspend power of party M targeting it, the
// resume power the suspend power names, and an obligation of party B
// triggered when the first is in effect. Each call returns a new value that
// shares nothing with earlier ones.
func Scaled(n int) agreement.Agreement {
	a := agreement.Agreement{
		ID:      "scale",
		Parties: []agreement.Party{{ID: "A"}, {ID: "B"}, {ID: "M"}},
	}
	if n < 4 {
		return a
	}
	a.Clauses = make([]agreement.Clause, 0, n/4*4)
	for i := range n / 4 {
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
