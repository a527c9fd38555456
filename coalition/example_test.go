package coalition_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// exact returns the range holding exactly n of unit u.
func exact(n int64, u agreement.Unit) agreement.Range {
	return agreement.Exactly(agreement.NewQuantity(decimal.NewFromInt(n), u))
}

// nordic is a small coalition policing the air and the sea lanes.
func nordic() coalition.Coalition {
	return coalition.Coalition{
		ID:   "air-and-sea",
		Host: "UA",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState},
			{ID: "PL", Kind: agreement.PartyKindState},
			{ID: "NL", Kind: agreement.PartyKindState},
			{ID: "DK", Kind: agreement.PartyKindState},
		},
		Members: []coalition.Member{{Party: "PL"}, {Party: "NL"}, {Party: "DK"}},
		Functions: []coalition.Function{
			{ID: coalition.AirPolicing, Leads: []agreement.PartyID{"PL"}},
			{ID: coalition.MaritimeSecurity},
		},
		Contributions: []coalition.Contribution{
			{ID: "pl-air", Contributor: "PL", Function: coalition.AirPolicing,
				Quantities: []agreement.Range{exact(12, agreement.UnitAircraft)},
				Basing:     coalition.Basing{Kind: coalition.OutsideHost, Location: "Poland"}},
			{ID: "nl-air", Contributor: "NL", Function: coalition.AirPolicing,
				Quantities: []agreement.Range{
					{Min: decimal.NewFromInt(6), Max: decimal.NewFromInt(8), Unit: agreement.UnitAircraft, Wording: "six to eight jets"},
					exact(200, agreement.UnitTroops),
				},
				Basing: coalition.Basing{Kind: coalition.InHost, Areas: []agreement.AreaID{"odesa"}}},
			{ID: "dk-air", Contributor: "DK", Function: coalition.AirPolicing,
				Quantities: []agreement.Range{exact(4, agreement.UnitAircraft)},
				Basing:     coalition.Basing{Kind: coalition.OutsideHost}},
			{ID: "nl-sea", Contributor: "NL", Function: coalition.MaritimeSecurity,
				Quantities: []agreement.Range{exact(2, agreement.UnitVessels)}, Basing: coalition.Basing{Kind: coalition.AtSea}},
			{ID: "dk-sea", Contributor: "DK", Function: coalition.MaritimeSecurity,
				Quantities: []agreement.Range{exact(1, agreement.UnitVessels)}, Basing: coalition.Basing{Kind: coalition.AtSea}},
		},
	}
}

// Totals add ranges exactly; amounts in different units (aircraft, troops)
// are separate totals, never added together.
func ExampleCoalition_TotalsByFunction() {
	c := nordic()
	if err := c.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range c.TotalsByFunction() {
		fmt.Printf("%s: %s from %d contributions\n", t.Function, t.Amount, t.Contributions)
	}
	// Output:
	// air-policing: 22-24 aircraft from 3 contributions
	// air-policing: 200 troops from 1 contributions
	// maritime-security: 3 vessels from 2 contributions
}

func ExampleCoalition_TotalsByBasing() {
	for _, t := range nordic().TotalsByBasing() {
		fmt.Printf("%s: %s\n", t.Basing, t.Amount)
	}
	// Output:
	// in-host: 6-8 aircraft
	// in-host: 200 troops
	// outside-host: 16 aircraft
	// at-sea: 3 vessels
}

// Burden shares are percentage ranges: the smallest share a contributor may
// carry (its minimum against everyone else's maximum) and the largest,
// rounded to SharePlaces decimal places.
func ExampleCoalition_Shares() {
	for _, s := range nordic().Shares(coalition.AirPolicing, agreement.UnitAircraft) {
		fmt.Printf("%s: %s, %s%% to %s%%\n", s.Contributor, s.Amount, s.Min.StringFixed(coalition.SharePlaces),
			s.Max.StringFixed(coalition.SharePlaces))
	}
	// Output:
	// PL: 12 aircraft, 50.00% to 54.55%
	// NL: 6-8 aircraft, 27.27% to 33.33%
	// DK: 4 aircraft, 16.67% to 18.18%
}

func ExampleCoalition_Gaps() {
	for _, g := range nordic().Gaps() {
		fmt.Println(g)
	}
	// Output:
	// maritime-security: no lead
}

// parisDraft is the core of the draft statement of the Paris meeting: the
// United States leading ceasefire monitoring, France's "several thousand"
// troops once a ceasefire is in force, and the US commitment to support the
// multinational force "in the event of a new Russian attack".
func parisDraft() coalition.Coalition {
	afterCeasefire := agreement.Holds("ceasefire-in-force")
	return coalition.Coalition{
		ID:   "coalition-of-the-willing",
		Name: "Coalition of the Willing",
		Host: "UA",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState}, {ID: "RU", Kind: agreement.PartyKindState},
			{ID: "FR", Kind: agreement.PartyKindState}, {ID: "GB", Kind: agreement.PartyKindState},
			{ID: "US", Kind: agreement.PartyKindState},
		},
		Members: []coalition.Member{{Party: "FR"}, {Party: "GB"}, {Party: "US", Standing: coalition.Partner}},
		Fluents: []agreement.Fluent{{ID: "ceasefire-in-force",
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}}},
		Functions: []coalition.Function{
			{ID: coalition.CeasefireMonitoring, Leads: []agreement.PartyID{"US"}},
			{ID: coalition.MultinationalForce, Leads: []agreement.PartyID{"GB", "FR"}},
		},
		Contributions: []coalition.Contribution{
			{ID: "us-monitoring", Contributor: "US", Function: coalition.CeasefireMonitoring,
				Condition: afterCeasefire},
			{ID: "fr-troops", Contributor: "FR", Function: coalition.MultinationalForce,
				Quantities: []agreement.Range{{Min: decimal.NewFromInt(2000), Max: decimal.NewFromInt(9000),
					Unit: agreement.UnitTroops, Wording: "several thousand"}},
				Basing:    coalition.Basing{Kind: coalition.InHost},
				Condition: afterCeasefire, Force: agreement.ForceDeclarationOfIntent},
			{ID: "us-backstop", Contributor: "US", Function: coalition.MultinationalForce,
				Text: `the U.S. would "support" the multinational force "in the event of a new Russian attack"`,
				Condition: agreement.All(afterCeasefire,
					agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"})),
				Source: agreement.Source{Document: "draft statement"}},
		},
	}
}

// The backstop of the draft statement: the commitments whose condition
// requires a new armed attack. The final communiqué dropped the US
// commitment, and with it the whole backstop.
func ExampleCoalition_Backstop() {
	draft := parisDraft()
	for _, ct := range draft.Backstop() {
		fmt.Printf("%s by %s (%s, %s)\n", ct.ID, ct.Contributor, ct.Function, ct.Source.Document)
	}

	final := draft
	final.Contributions = draft.Contributions[:2]
	fmt.Println("final:", len(final.Backstop()), "backstop commitments")
	// Output:
	// us-backstop by US (multinational-force, draft statement)
	// final: 0 backstop commitments
}

// Each contribution compiles to a clause with the same id. The condition's
// attack conjuncts become the antecedent, so that only an attack after the
// ceasefire activates the backstop.
func ExampleCoalition_Clauses() {
	clauses, err := parisDraft().Clauses()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, cl := range clauses {
		fmt.Printf("%s: %v owes %v; trigger %v; antecedent %v\n", cl.ID, cl.Debtors, cl.Creditors, cl.Trigger, cl.Antecedent)
	}
	// Output:
	// us-monitoring: [US] owes [UA]; trigger holds(ceasefire-in-force); antecedent <nil>
	// fr-troops: [FR] owes [UA]; trigger holds(ceasefire-in-force); antecedent <nil>
	// us-backstop: [US] owes [UA]; trigger holds(ceasefire-in-force); antecedent happened(armed-attack actor=RU target=UA)
}

// Validate reports every problem at once, with its path and sentinel.
func ExampleCoalition_Validate() {
	c := parisDraft()
	c.Contributions[2].Contributor = "RU"
	c.Contributions[1].Quantities[0].Min = decimal.NewFromInt(10000)
	err := c.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, coalition.ErrNotMember))
	// Output:
	// agreement: 2 problems:
	//	contributions[1].quantities[0]: minimum 10000 exceeds maximum 9000
	//	contributions[2].contributor: party "RU" is not a member of the coalition
	// true
}

func ExampleSplitCondition() {
	trigger, antecedent := coalition.SplitCondition(agreement.All(
		agreement.Holds("ceasefire-in-force"),
		agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}),
	))
	fmt.Println("trigger:", trigger)
	fmt.Println("antecedent:", antecedent)
	// Output:
	// trigger: holds(ceasefire-in-force)
	// antecedent: happened(armed-attack actor=RU)
}

// Process splits the compiled commitments into instruments, one per
// declaration: each declares its signatories and the parties its clauses
// name.
func ExampleCoalition_Process() {
	c := parisDraft()
	c.Declarations = []coalition.Declaration{
		{Title: "Paris Declaration", AllMembers: true},
		{Title: "Declaration of intent", Signatories: []agreement.PartyID{"FR", "GB", "UA"}},
	}
	p, err := c.Process(
		coalition.Instrument{ID: "joint", Declaration: "Paris Declaration",
			Contributions: []coalition.ContributionID{"us-monitoring", "us-backstop"}},
		coalition.Instrument{ID: "intent", Declaration: "Declaration of intent",
			Contributions: []coalition.ContributionID{"fr-troops"},
			Signers:       []agreement.Signature{{Party: "FR", Signatory: "Emmanuel Macron", Capacity: "President"}}},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range p.Agreements {
		var parties, clauses []string
		for _, party := range a.Parties {
			parties = append(parties, string(party.ID))
		}
		for _, cl := range a.Clauses {
			clauses = append(clauses, string(cl.ID))
		}
		fmt.Printf("%s %q: parties %v, clauses %v, first signature %s (%s)\n", a.ID, a.Title, parties, clauses,
			a.Signatures[0].Party, a.Signatures[0].Signatory)
	}
	_, err = c.Process(coalition.Instrument{ID: "joint", Declaration: "Paris Declaration"})
	fmt.Println(errors.Is(err, agreement.ErrMissing))
	// Output:
	// joint "Paris Declaration": parties [UA RU FR GB US], clauses [us-monitoring us-backstop], first signature FR ()
	// intent "Declaration of intent": parties [UA FR GB], clauses [fr-troops], first signature FR (Emmanuel Macron)
	// true
}
