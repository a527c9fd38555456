package agreement_test

import (
	"fmt"

	"github.com/peacekit/peacekit/agreement"
)

// A ceasefire binds two parties severally: each answers for its own
// attacks. Its violation condition names no actor, so each party's
// instance would be violated by the other's attack too. Validate accepts
// it (it may be meant); Lint points at it, and naming the instance's own
// debtor with agreement.Debtor settles it.
func ExampleAgreement_Lint() {
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Target: "UA"}
	a := agreement.Agreement{
		ID: "ceasefire",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState},
			{ID: "RU", Kind: agreement.PartyKindState},
			{ID: "BY", Kind: agreement.PartyKindState},
		},
		Clauses: []agreement.Clause{{
			ID:        "no-attack",
			Kind:      agreement.DeonticProhibition,
			Standing:  true,
			Debtors:   []agreement.PartyID{"RU", "BY"},
			Creditors: []agreement.PartyID{"UA"},
			Violation: agreement.Happened(attack),
		}},
	}
	fmt.Println("validate:", a.Validate())
	fmt.Println("lint:", a.Lint())

	attack.Actor = agreement.Debtor
	a.Clauses[0].Violation = agreement.Happened(attack)
	fmt.Println("lint, with $debtor:", a.Lint())
	// Output:
	// validate: <nil>
	// lint: agreement: 1 problem: clauses[0].violation.happened: the pattern names no actor, so it matches any party's act, another debtor's included, and each debtor's instance would answer for it; write actor "$debtor" for the instance's own debtor
	// lint, with $debtor: <nil>
}
