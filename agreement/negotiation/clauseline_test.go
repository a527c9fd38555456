package negotiation_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// TestClauseLineCommitments: a clause commits each party that could
// perform its action, whether the action names a group, the clause binds
// its debtors jointly or severally, or the action names an actor; a field
// the action leaves open matches no pattern that sets it.
func TestClauseLineCommitments(t *testing.T) {
	deploy := func(p agreement.Pattern) *agreement.Pattern { p.Kind = agreement.EventKindForcesDeployed; return &p }
	nato := agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO", Target: "UA"}
	groups := []agreement.Group{
		{ID: "NATO", Members: []agreement.PartyID{"FR", "GB", "US"}},
		{ID: "E2", Members: []agreement.PartyID{"FR", "GB"}},
		{ID: "NEUTRAL", Members: []agreement.PartyID{"CH", "AT"}},
	}
	cases := []struct {
		name    string
		clause  agreement.Clause
		pattern agreement.Pattern
		want    bool
	}{
		{"group action, debtors in the group", agreement.Clause{Debtors: []agreement.PartyID{"FR", "GB"},
			Action: deploy(agreement.Pattern{Group: "NATO", Target: "UA"})}, nato, true},
		{"subgroup action", agreement.Clause{Debtors: []agreement.PartyID{"CH"},
			Action: deploy(agreement.Pattern{Group: "E2", Target: "UA"})}, nato, true},
		{"group action of non-members", agreement.Clause{Debtors: []agreement.PartyID{"FR"},
			Action: deploy(agreement.Pattern{Group: "NEUTRAL", Target: "UA"})}, nato, false},
		{"joint debtors", agreement.Clause{Debtors: []agreement.PartyID{"FR", "GB"}, Joint: true,
			Action: deploy(agreement.Pattern{Target: "UA"})}, nato, true},
		{"several debtors", agreement.Clause{Debtors: []agreement.PartyID{"FR", "GB"},
			Action: deploy(agreement.Pattern{Target: "UA"})}, nato, true},
		{"several debtors outside the group", agreement.Clause{Debtors: []agreement.PartyID{"CH", "AT"},
			Action: deploy(agreement.Pattern{Target: "UA"})}, nato, false},
		{"named actor overrides debtors", agreement.Clause{Debtors: []agreement.PartyID{"CH"},
			Action: deploy(agreement.Pattern{Actor: "US", Target: "UA"})}, nato, true},
		{"debtor placeholder actor", agreement.Clause{Debtors: []agreement.PartyID{"GB"},
			Action: deploy(agreement.Pattern{Actor: agreement.Debtor, Target: "UA"})}, nato, true},
		{"creditor placeholder target", agreement.Clause{Debtors: []agreement.PartyID{"GB"}, Creditors: []agreement.PartyID{"UA"},
			Action: deploy(agreement.Pattern{Target: agreement.Creditor})}, nato, true},
		{"open target", agreement.Clause{Debtors: []agreement.PartyID{"FR", "GB"}, Joint: true,
			Action: deploy(agreement.Pattern{})}, nato, false},
		{"no debtor, actor pattern", agreement.Clause{Action: deploy(agreement.Pattern{Target: "UA"})},
			agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: "FR"}, false},
		{"no debtor, kind pattern", agreement.Clause{Action: deploy(agreement.Pattern{Target: "UA"})},
			agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}, true},
		{"joint, actor pattern", agreement.Clause{Debtors: []agreement.PartyID{"FR", "GB"}, Joint: true,
			Action: deploy(agreement.Pattern{Target: "UA"})},
			agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: "GB", Target: "UA"}, true},
		{"prohibition", agreement.Clause{Debtors: []agreement.PartyID{"FR"},
			Action: deploy(agreement.Pattern{Target: "UA"})}, nato, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.clause
			c.ID = "C"
			c.Kind = agreement.DeonticObligation
			if tc.name == "prohibition" {
				c.Kind = agreement.DeonticProhibition
			}
			s, err := negotiation.NewSpace(agreement.Territory{}, groups, []negotiation.Issue{{ID: "force",
				Alternatives: []negotiation.Alternative{{ID: "out"}, {ID: "in", Clauses: []agreement.Clause{c}}}}})
			if err != nil {
				t.Fatal(err)
			}
			e, err := negotiation.Compile(s, []negotiation.Position{{Party: "RU",
				RedLines: []negotiation.RedLine{{ID: "no-forces", Clause: &negotiation.ClauseLine{Pattern: tc.pattern}}}}})
			if err != nil {
				t.Fatal(err)
			}
			for a, want := range []bool{false, tc.want} {
				ev, err := e.Evaluate(negotiation.Package{a})
				if err != nil {
					t.Fatal(err)
				}
				if got := len(ev.Crossed) == 1; got != want || ev.Acceptable() == want {
					t.Errorf("alternative %d: crossed %v, acceptable %v; want crossed %v", a, ev.Crossed, ev.Acceptable(), want)
				}
			}
		})
	}
}

// TestCompileRefusesUnsupportedClausePatterns: a clause red line filtering
// on a field no commitment carries is refused with its path, not compiled
// into a line never crossed.
func TestCompileRefusesUnsupportedClausePatterns(t *testing.T) {
	s, err := negotiation.NewSpace(agreement.Territory{}, nil, []negotiation.Issue{{ID: "i", Alternatives: []negotiation.Alternative{{ID: "a"}}}})
	if err != nil {
		t.Fatal(err)
	}
	kind := agreement.EventKindForcesDeployed
	pats := []agreement.Pattern{
		{Kind: kind, Actor: agreement.Debtor},
		{Kind: kind, Target: agreement.Creditor},
		{Kind: kind, Reporter: "UA"},
		{Kind: kind, Attribution: agreement.AttributionAlleged},
		{Kind: kind, Clause: agreement.LocalRef("C1")},
		{Kind: kind, Class: "artillery"},
		{Kind: kind, Measure: agreement.Measure(agreement.UnitTroops).Of("deployed").AtMost(d("10"))},
	}
	var lines []negotiation.RedLine
	for k, p := range pats {
		lines = append(lines, negotiation.RedLine{ID: string(rune('a' + k)), Clause: &negotiation.ClauseLine{Pattern: p}})
	}
	_, err = negotiation.Compile(s, []negotiation.Position{{Party: "RU", RedLines: lines}})
	got := problems(t, err)
	inv := ": " + agreement.ErrInvalidValue.Error()
	want := []string{
		"positions[0].redLines[0].clause.actor" + inv,
		"positions[0].redLines[1].clause.target" + inv,
		"positions[0].redLines[2].clause.reporter" + inv,
		"positions[0].redLines[3].clause.attribution" + inv,
		"positions[0].redLines[4].clause.clause" + inv,
		"positions[0].redLines[5].clause.class" + inv,
		"positions[0].redLines[6].clause.measure.of" + inv,
	}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
