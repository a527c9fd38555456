package negotiation_test

import (
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// TestClauseLineOnQuantities: "no clause deploys more than 10,000 troops"
// is crossed by the force of 15,000 and not by the force of 5,000, read at
// the upper end of each clause's quantities, and survives a JSON round trip.
func TestClauseLineOnQuantities(t *testing.T) {
	force := func(id negotiation.AlternativeID, lo, hi string) negotiation.Alternative {
		r, err := agreement.NewRange(d(lo), d(hi), agreement.UnitTroops, "")
		if err != nil {
			t.Fatal(err)
		}
		return negotiation.Alternative{ID: id, Clauses: []agreement.Clause{{ID: "MNF", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"FR"}, Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"},
			Quantities: []agreement.Range{r}}}}
	}
	s, err := negotiation.NewSpace(agreement.Territory{}, nil, []negotiation.Issue{{ID: "force", Alternatives: []negotiation.Alternative{
		force("small", "5000", "5000"), force("large", "15000", "15000"), force("several-thousand", "2000", "12000"),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	ps := []negotiation.Position{{Party: "RU", RedLines: []negotiation.RedLine{{ID: "at-most-10000", Clause: &negotiation.ClauseLine{
		Pattern: agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA",
			Measure: agreement.Measure(agreement.UnitTroops).Above(d("10000"))}}}}}}
	enc, err := negotiation.EncodePositions(ps)
	if err != nil {
		t.Fatal(err)
	}
	back, err := negotiation.DecodePositions(enc)
	if err != nil {
		t.Fatalf("%s: %v", enc, err)
	}
	for _, ps := range [][]negotiation.Position{ps, back} {
		e, err := negotiation.Compile(s, ps)
		if err != nil {
			t.Fatal(err)
		}
		for a, want := range []bool{false, true, true} {
			ev, err := e.Evaluate(negotiation.Package{a})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(ev.Crossed) == 1; got != want {
				t.Errorf("alternative %d: crossed %v, want %v", a, ev.Crossed, want)
			}
		}
	}
}
