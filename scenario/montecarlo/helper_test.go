package montecarlo_test

import (
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// start is the start instant of the tests' runs.
var start = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// small returns a small signed agreement: a ceasefire of UA and RU that a
// collapse violates, a guarantee of US in effect while the ceasefire is,
// owed on a new attack on UA within 72 hours, and a monitor's duty to
// report each attack.
func small() agreement.Agreement {
	return agreement.Agreement{
		ID:            "small",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "US"}, {ID: "OSCE"}},
		Clauses: []agreement.Clause{
			{ID: "ceasefire", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"UA", "RU"},
				Action: &agreement.Pattern{Kind: agreement.EventKindCeasefireCollapsed}, Joint: true},
			{ID: "guarantee", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"}, Creditors: []agreement.PartyID{"UA"},
				Action:     &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: "US", Target: "UA"},
				Trigger:    agreement.ClauseIn(agreement.LocalRef("ceasefire"), agreement.StateInEffect),
				Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}),
				Deadline:   agreement.Deadline{After: 72 * time.Hour}},
			{ID: "report", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"OSCE"},
				Action:   &agreement.Pattern{Kind: "report", Actor: "OSCE"},
				Trigger:  agreement.Within(agreement.Pattern{Kind: agreement.EventKindArmedAttack}, 24*time.Hour),
				Deadline: agreement.Deadline{After: 48 * time.Hour}},
		},
	}
}

func mustCompile(a agreement.Agreement) *scenario.Engine {
	e, err := scenario.Compile(a)
	if err != nil {
		panic(err)
	}
	return e
}

func inst(clause agreement.ClauseID) scenario.Instance {
	return scenario.Instance{Ref: agreement.QualifiedRef("small", clause)}
}
