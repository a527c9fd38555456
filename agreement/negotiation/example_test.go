package negotiation_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// exampleSpace is a small space: who holds Donetsk, and whether forces of
// NATO members deploy in Ukraine. The figures are illustrative.
func exampleSpace() *negotiation.Space {
	territory := agreement.Territory{Areas: []agreement.Area{{
		ID: "donetsk", Name: "Donetsk oblast", Size: d("26517"),
		Sovereignty: []agreement.Share{{Party: "UA", Percent: d("100")}},
		Control:     []agreement.Share{{Party: "RU", Percent: d("78")}, {Party: "UA", Percent: d("22")}},
	}}}
	groups := []agreement.Group{{ID: "NATO", Members: []agreement.PartyID{"FR", "GB"}}}
	deploy := &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}
	issues := []negotiation.Issue{
		{ID: "donetsk", Alternatives: []negotiation.Alternative{
			{ID: "freeze", Options: []agreement.Option{{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"donetsk"}}}},
			{ID: "cede", Options: []agreement.Option{{ID: "cede", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"donetsk"}, From: "UA", To: "RU"}}},
			{ID: "withdraw", Options: []agreement.Option{{ID: "withdraw", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"donetsk"}, From: "RU", To: "UA",
				Deadline: agreement.Deadline{After: 90 * 24 * time.Hour}}}},
		}},
		{ID: "force", Alternatives: []negotiation.Alternative{
			{ID: "none"},
			{ID: "deployed", Clauses: []agreement.Clause{{ID: "MNF", Kind: agreement.DeonticPermission,
				Debtors: []agreement.PartyID{"FR", "GB"}, Action: deploy}}},
		}},
	}
	s, err := negotiation.NewSpace(territory, groups, issues)
	if err != nil {
		panic(err)
	}
	return s
}

func value(issue negotiation.IssueID, weight string, vs ...string) negotiation.IssueValue {
	iv := negotiation.IssueValue{Issue: issue, Weight: d(weight)}
	for i := 0; i < len(vs); i += 2 {
		iv.Values = append(iv.Values, negotiation.AlternativeValue{Alternative: negotiation.AlternativeID(vs[i]), Value: d(vs[i+1])})
	}
	return iv
}

func examplePositions() []negotiation.Position {
	keep := agreement.Measure(agreement.UnitPercent).AtLeast(d("100"))
	return []negotiation.Position{
		{Party: "UA", Reservation: d("1"),
			Issues: []negotiation.IssueValue{
				value("donetsk", "1", "freeze", "2", "cede", "0", "withdraw", "5"),
				value("force", "1", "none", "0", "deployed", "3"),
			},
			RedLines: []negotiation.RedLine{{ID: "keep-donetsk", Territory: &negotiation.TerritoryLine{
				Party: "UA", Areas: []agreement.AreaID{"donetsk"}, Bound: keep}}},
		},
		{Party: "RU", Reservation: d("1"),
			Issues: []negotiation.IssueValue{
				value("donetsk", "1", "freeze", "3", "cede", "5", "withdraw", "0"),
				value("force", "1", "none", "1", "deployed", "0"),
			},
			RedLines: []negotiation.RedLine{{ID: "no-nato-forces", Clause: &negotiation.ClauseLine{
				Pattern: agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO", Target: "UA"}}}},
		},
	}
}

func Example() {
	s := exampleSpace()
	e, err := negotiation.Compile(s, examplePositions())
	if err != nil {
		panic(err)
	}
	a, err := e.Analyze(negotiation.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println("packages", a.Packages, "acceptable", a.Acceptable)
	for _, pt := range a.Frontier {
		for _, p := range pt.Packages {
			fmt.Println("frontier", s.Alternatives(p), pt.Values)
		}
	}
	for _, pt := range a.Nash {
		fmt.Println("nash", s.Alternatives(pt.Packages[0]))
	}
	for p, c := range a.Excluded() {
		fmt.Println("excluded", s.Alternatives(p), c.Crossed, c.Below, c.DominatedBy != nil)
	}
	// Output:
	// packages 6 acceptable 2
	// frontier [withdraw none] [5 1]
	// frontier [freeze none] [2 4]
	// nash [freeze none]
	// excluded [freeze deployed] [{RU no-nato-forces}] [] false
	// excluded [cede none] [{UA keep-donetsk}] [UA] false
	// excluded [cede deployed] [{UA keep-donetsk} {RU no-nato-forces}] [] false
	// excluded [withdraw deployed] [{RU no-nato-forces}] [RU] false
}

// When RU asks for more than any package gives it, the zone is empty; the
// one change that opens it is RU's own reservation value.
func ExampleEvaluator_WhatIf() {
	ps := examplePositions()
	ps[1].Reservation = d("5")
	e, err := negotiation.Compile(exampleSpace(), ps)
	if err != nil {
		panic(err)
	}
	n, _ := e.Count(negotiation.Options{})
	fmt.Println("acceptable", n.Acceptable)
	changes, _ := e.WhatIf(negotiation.Options{})
	for _, c := range changes {
		fmt.Println(c.Party, "line", c.RedLine, "reservation", c.Reservation, "admits", c.Admitted, e.Space().Alternatives(c.Frontier[0].Packages[0]))
	}
	// Output:
	// acceptable 0
	// RU line  reservation 4 admits 1 [freeze none]
}

func ExampleEvaluator_Contested() {
	e, err := negotiation.Compile(exampleSpace(), examplePositions())
	if err != nil {
		panic(err)
	}
	most, all := e.Contested()
	for _, c := range all {
		fmt.Println(c.Issue, c.RedLines, c.Opposition)
	}
	fmt.Println("most contested", most)
	// Output:
	// donetsk [{UA keep-donetsk}] 19/216
	// force [{RU no-nato-forces}] 1/64
	// most contested [donetsk]
}

func ExampleAnalysis_Sensitivity() {
	e, err := negotiation.Compile(exampleSpace(), examplePositions())
	if err != nil {
		panic(err)
	}
	a, _ := e.Analyze(negotiation.Options{})
	s, err := a.Sensitivity("RU", "donetsk")
	if err != nil {
		panic(err)
	}
	// RU's gain on the Nash point, freeze with no force, is 3 × its weight
	// for Donetsk; the only other acceptable package gives RU no gain. The
	// point holds for every positive weight.
	fmt.Println("weight", s.Weight, "low", s.Low.RatString(), "high unbounded:", s.High == nil)
	// Output:
	// weight 1 low 0 high unbounded: true
}
