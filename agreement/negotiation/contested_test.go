package negotiation_test

import (
	"math/big"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/negotiation/negotiationtest"
)

// TestContestedExample works the example by hand. Each issue decides one
// red line: Donetsk decides UA's (ceding crosses it), the force RU's.
// Contributions on Donetsk (freeze, cede, withdraw): UA 2, 0, 5 and RU 3,
// 5, 0; 3 × (6 + 0 + 0) − 7 × 8 = −38, a covariance of −38/9. On the force
// (none, deployed): UA 0, 3 and RU 1, 0; 2 × 0 − 3 × 1 = −3, −3/4. UA's
// range is 5 + 3 = 8, RU's 5 + 1 = 6: the oppositions are 38/9/48 = 19/216
// and 3/4/48 = 1/64. Donetsk is the most contested.
func TestContestedExample(t *testing.T) {
	e, err := negotiation.Compile(exampleSpace(), examplePositions())
	if err != nil {
		t.Fatal(err)
	}
	most, all := e.Contested()
	if !slices.Equal(most, []negotiation.IssueID{"donetsk"}) {
		t.Errorf("most contested %v, want [donetsk]", most)
	}
	want := []struct {
		lines string
		opp   *big.Rat
	}{{"UA/keep-donetsk", big.NewRat(19, 216)}, {"RU/no-nato-forces", big.NewRat(1, 64)}}
	for i, c := range all {
		if len(c.RedLines) != 1 || string(c.RedLines[0].Party)+"/"+c.RedLines[0].RedLine != want[i].lines {
			t.Errorf("%s decides %v, want %s", c.Issue, c.RedLines, want[i].lines)
		}
		if c.Opposition.Cmp(want[i].opp) != 0 {
			t.Errorf("%s opposition %s, want %s", c.Issue, c.Opposition, want[i].opp)
		}
	}
}

// TestPropertyContestedDecides checks against pairs of packages: when two
// feasible packages differing only in one issue's choice differ on a red
// line, that issue decides the line.
func TestPropertyContestedDecides(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{Issues: 3, Alternatives: 3}).Draw(t, "case")
		s, e, _ := analyse(t, c, negotiation.Options{})
		_, all := e.Contested()
		decided := map[string]bool{}
		for _, con := range all {
			for _, cr := range con.RedLines {
				decided[string(con.Issue)+" "+string(cr.Party)+"/"+cr.RedLine] = true
			}
		}
		crossed := func(p negotiation.Package) map[string]bool {
			ev, err := e.Evaluate(p)
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]bool{}
			for _, cr := range ev.Crossed {
				m[string(cr.Party)+"/"+cr.RedLine] = true
			}
			return m
		}
		for p := range s.Packages() {
			p := slices.Clone(p)
			here := crossed(p)
			for i := range p {
				for b := range s.NumAlternatives(i) {
					o := slices.Clone(p)
					o[i] = b
					if s.Check(o) != nil {
						continue
					}
					there := crossed(o)
					for _, pos := range c.Positions {
						for _, rl := range pos.RedLines {
							k := string(pos.Party) + "/" + rl.ID
							if here[k] != there[k] && !decided[string(c.Issues[i].ID)+" "+k] {
								t.Fatalf("issue %s flips %s between %v and %v but is not said to decide it", c.Issues[i].ID, k, p, o)
							}
						}
					}
				}
			}
		}
	})
}

// TestPropertyContestedScaleFree: multiplying one party's weights by a
// positive factor changes no issue's opposition, and so not the most
// contested issues.
func TestPropertyContestedScaleFree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{Issues: 3, Alternatives: 3}).Draw(t, "case")
		_, e, _ := analyse(t, c, negotiation.Options{})
		most, all := e.Contested()
		q := rapid.IntRange(0, len(c.Positions)-1).Draw(t, "party")
		factor := decimal.NewFromInt(int64(rapid.IntRange(2, 9).Draw(t, "factor")))
		d := c
		d.Positions = slices.Clone(c.Positions)
		pos := d.Positions[q]
		pos.Issues = slices.Clone(pos.Issues)
		for k := range pos.Issues {
			pos.Issues[k].Weight = pos.Issues[k].Weight.Mul(factor)
		}
		d.Positions[q] = pos
		_, f, _ := analyse(t, d, negotiation.Options{})
		fmost, fall := f.Contested()
		if !slices.Equal(most, fmost) {
			t.Fatalf("most contested %v, %v after rescaling %s", most, fmost, pos.Party)
		}
		for i := range all {
			if all[i].Opposition.Cmp(fall[i].Opposition) != 0 {
				t.Fatalf("%s: opposition %s, %s after rescaling %s", all[i].Issue, all[i].Opposition, fall[i].Opposition, pos.Party)
			}
		}
	})
}
