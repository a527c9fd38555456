package agreement_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// exampleTerritory is Donbas as DeepState mapped it on 1 January 2026:
// Ukrainian sovereignty, mostly Russian control.
func exampleTerritory() agreement.Territory {
	d := decimal.RequireFromString
	area := func(id agreement.AreaID, size, ru string) agreement.Area {
		return agreement.Area{
			ID:          id,
			Size:        d(size),
			Sovereignty: []agreement.Share{{Party: "UA", Percent: d("100")}},
			Control: []agreement.Share{{Party: "RU", Percent: d(ru)},
				{Party: "UA", Percent: d("100").Sub(d(ru))}},
		}
	}
	return agreement.Territory{Areas: []agreement.Area{
		area("donetsk", "26517", "78.1"),
		area("luhansk", "26684", "99.6"),
	}}
}

// Figures over several areas weight each by its size: km² are exact, the
// percentage is rounded to PercentPlaces.
func ExampleTerritory_Controlled() {
	t := exampleTerritory()
	ru, _ := t.Controlled("RU")
	fmt.Println(ru)
	donetsk, _ := t.Controlled("RU", "donetsk")
	fmt.Println(donetsk)
	ua, _ := t.Sovereign("UA")
	fmt.Println(ua)
	_, err := t.Controlled("RU", "donbas")
	fmt.Println(err)
	// Output:
	// RU: 47287.041 of 53201 km² (88.88%)
	// RU: 20709.777 of 26517 km² (78.10%)
	// UA: 53201 of 53201 km² (100.00%)
	// unknown area "donbas"
}

// A package yields a new territory and the clauses its options imply: here
// a freeze along the line of contact and a demilitarised zone.
func ExamplePackage_Apply() {
	t := exampleTerritory()
	width := decimal.NewFromInt(15)
	p := agreement.Package{Name: "freeze with a DMZ", Options: []agreement.Option{
		{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"donetsk"},
			Parties: []agreement.PartyID{"UA", "RU"}},
		{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"donetsk"},
			Parties: []agreement.PartyID{"UA", "RU"}, Width: &width, Deadline: agreement.Deadline{After: 30 * agreement.Day}},
	}}
	s, err := p.Apply(t)
	if err != nil {
		fmt.Println(err)
		return
	}
	donetsk, _ := s.Territory.Area("donetsk")
	fmt.Println(donetsk.Arrangements)
	for _, c := range s.Clauses {
		fmt.Println(c.ID, c.Kind, c.Action, c.Deadline)
	}
	ru, _ := s.Territory.Controlled("RU")
	fmt.Println(ru)

	// A second package ceding Donetsk and putting its fate to arbitration
	// decides its sovereignty twice.
	bad := agreement.Package{Options: []agreement.Option{
		{ID: "cede", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"donetsk"}, From: "UA", To: "RU"},
		{ID: "arb", Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"donetsk", "luhansk"}, Party: "UA",
			Deadline: agreement.Deadline{After: 365 * agreement.Day}, Results: []agreement.Result{{Outcome: "RU", Sovereign: "RU"}}},
	}}
	_, err = bad.Apply(t)
	fmt.Println(err)
	// Output:
	// [demilitarised-zone (option dmz) freeze (option freeze)]
	// dmz.no-forces.donetsk prohibition forces-deployed area=donetsk none
	// dmz.withdraw.donetsk obligation withdrawal-completed area=donetsk after 720h
	// freeze.hold-line.donetsk prohibition control-changed area=donetsk none
	// RU: 47287.041 of 53201 km² (88.88%)
	// agreement: 1 problem: options[1]: conflicts with options[0] on area "donetsk" (cede "cede" and arbitration "arb": both decide sovereignty)
}

// A referendum leaves its areas pending until the event's outcome resolves
// them; one not held by the deadline lapses by the option's rule.
func ExampleOption_Resolve() {
	vote := agreement.Option{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"donetsk", "luhansk"},
		Party: "UA", Results: []agreement.Result{{Outcome: "join", Sovereign: "RU"}, {Outcome: "stay"}},
		Lapse: agreement.LapseFollowControl}
	s, _ := agreement.Package{Options: []agreement.Option{vote}}.Apply(exampleTerritory())
	donetsk, _ := s.Territory.Area("donetsk")
	fmt.Println("pending:", donetsk.Pending())

	t, _ := vote.Resolve(s.Territory, "donetsk", "stay")
	t, _ = vote.Expire(t, "luhansk")
	for _, id := range []agreement.AreaID{"donetsk", "luhansk"} {
		a, _ := t.Area(id)
		fmt.Println(id, a.Sovereignty, len(a.Pending()))
	}
	_, err := vote.Resolve(t, "luhansk", "join")
	fmt.Println(err)
	// Output:
	// pending: [referendum (option vote, party UA)]
	// donetsk [UA 100%] 0
	// luhansk [RU 99.6% UA 0.4%] 0
	// area "luhansk" is not pending on option "vote"
}

// A control change moves percentage points of one party's control to
// another, in a territory or in one of its areas; a party cannot move more
// than it holds.
func ExampleArea_MoveControl() {
	donetsk, _ := exampleTerritory().Area("donetsk")
	ten := decimal.NewFromInt(10)
	moved, err := donetsk.MoveControl("RU", "UA", &ten)
	fmt.Println(moved.Control, err)
	all, _ := moved.MoveControl("UA", "RU", nil)
	fmt.Println(all.Control)
	half := decimal.NewFromInt(50)
	_, err = donetsk.MoveControl("UA", "RU", &half)
	fmt.Println(err)
	fmt.Println(donetsk.Control)
	// Output:
	// [RU 68.1% UA 31.9%] <nil>
	// [RU 100%]
	// "UA" controls 21.9% of "donetsk", less than 50%
	// [RU 78.1% UA 21.9%]
}
