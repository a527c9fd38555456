package agreement_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// A guarantee that binds France and Britain only once a ceasefire is in
// force, validated.
func Example() {
	a := agreement.Agreement{
		ID: "declaration-of-intent",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "FR", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RoleGuarantor}},
			{ID: "GB", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RoleGuarantor}},
		},
		Fluents: []agreement.Fluent{{
			ID:         "ceasefire",
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}},
		}},
		Clauses: []agreement.Clause{{
			ID:        "G1",
			Kind:      agreement.DeonticObligation,
			Force:     agreement.ForceDeclarationOfIntent,
			Debtors:   []agreement.PartyID{"FR", "GB"},
			Creditors: []agreement.PartyID{"UA"},
			Action:    &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"},
			Trigger:   agreement.Holds("ceasefire"),
		}},
	}
	fmt.Println(a.Validate())
	fmt.Println(a.Clauses[0].Trigger)
	// Output:
	// <nil>
	// holds(ceasefire)
}

// Validation lists every problem with its path, and each problem wraps a
// sentinel error.
func ExampleAgreement_Validate() {
	a := agreement.Agreement{
		ID:      "ceasefire",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{{
			ID:      "C1",
			Kind:    agreement.DeonticProhibition,
			Debtors: []agreement.PartyID{"RU", "XX"},
			Action:  &agreement.Pattern{Kind: agreement.EventKindArmedAttack},
			Trigger: agreement.Holds("ceasefire-in-force"),
		}},
	}
	err := a.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, agreement.ErrUnknownParty), errors.Is(err, agreement.ErrUnknownFluent))
	var ve *agreement.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Problems[0].Path)
	}
	// Output:
	// agreement: 2 problems:
	// 	clauses[0].debtors[1]: unknown party "XX"
	// 	clauses[0].trigger.holds: unknown fluent "ceasefire-in-force"
	// true true
	// clauses[0].debtors[1]
}

// Conditions are built by constructors and print in a readable form.
func ExampleAll() {
	newAttack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
	c := agreement.All(
		agreement.Holds("ceasefire-in-force"),
		agreement.Not(agreement.AgreementIn("", agreement.StateTerminated)),
		agreement.Within(newAttack, 72*time.Hour),
	)
	fmt.Println(c)
	// Output:
	// all(holds(ceasefire-in-force), not(agreement-in(this: terminated)), within(armed-attack actor=RU target=UA; 72h))
}

// Since turns true a fixed time after the first matching event: here, 30 days
// after a ceasefire takes effect.
func ExampleSince() {
	c := agreement.Since(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}, 30*agreement.Day)
	fmt.Println(c)
	// Output:
	// since(ceasefire-in-force; 720h)
}

// A range keeps the source's wording next to the numbers.
func ExampleNewRange() {
	r, err := agreement.NewRange(exampleDecimal("2000"), exampleDecimal("9000"), agreement.UnitTroops, "several thousand")
	fmt.Println(r, err)
	_, err = agreement.NewRange(exampleDecimal("9000"), exampleDecimal("2000"), agreement.UnitTroops, "")
	fmt.Println(err)
	// Output:
	// 2000-9000 troops ("several thousand") <nil>
	// agreement: 1 problem: minimum 9000 exceeds maximum 2000
}

// References name clauses, possibly in another instrument of the process.
func ExampleParseRef() {
	for _, s := range []string{"G1", "ceasefire-2026/C1", "ceasefire-2026/", "a/b/c", "/C1"} {
		r, err := agreement.ParseRef(s)
		fmt.Printf("%q agreement=%q clause=%q err=%v\n", s, r.Agreement, r.Clause, err)
	}
	// Output:
	// "G1" agreement="" clause="G1" err=<nil>
	// "ceasefire-2026/C1" agreement="ceasefire-2026" clause="C1" err=<nil>
	// "ceasefire-2026/" agreement="ceasefire-2026" clause="" err=<nil>
	// "a/b/c" agreement="" clause="" err=invalid reference "a/b/c"
	// "/C1" agreement="" clause="" err=invalid reference "/C1"
}

// exampleDecimal parses a decimal literal, for examples only.
func exampleDecimal(s string) decimal.Decimal { return decimal.RequireFromString(s) }
