package negotiation_test

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/negotiation/negotiationtest"
)

// TestPropertyWhatIfMatchesRecount applies every single change (dropping
// each red line, and lowering each reservation to the value WhatIf names,
// or to one unit of the last place above it) and recounts with the
// reference: a change WhatIf reports admits exactly the packages it says,
// every package on its frontier among them; one it leaves out admits none.
func TestPropertyWhatIfMatchesRecount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{Issues: 3}).Draw(t, "case")
		s, e, _ := analyse(t, c, negotiation.Options{})
		changes, err := e.WhatIf(drawOptions(t, len(c.Issues)))
		if err != nil {
			t.Fatal(err)
		}
		base := acceptableKeys(reference(c))
		find := func(q int, line string) *negotiation.Change {
			for i := range changes {
				if changes[i].Party == c.Positions[q].Party && changes[i].RedLine == line {
					return &changes[i]
				}
			}
			return nil
		}
		check := func(ch *negotiation.Change, changed negotiationtest.CaseData, what string) {
			after := acceptableKeys(reference(changed))
			var admitted []string
			for k := range after {
				if !base[k] {
					admitted = append(admitted, k)
				}
			}
			if ch == nil {
				if len(admitted) > 0 {
					t.Fatalf("%s admits %v; WhatIf does not report it", what, admitted)
				}
				return
			}
			if uint64(len(admitted)) != ch.Admitted {
				t.Fatalf("%s admits %d packages, WhatIf says %d", what, len(admitted), ch.Admitted)
			}
			var listed []string
			for p := range e.Admitted(*ch, negotiation.Options{}) {
				listed = append(listed, packageKey(s.Issues(), p))
			}
			slices.Sort(listed)
			slices.Sort(admitted)
			if !slices.Equal(listed, admitted) {
				t.Fatalf("%s: Admitted lists %v, the reference admits %v", what, listed, admitted)
			}
			for _, pt := range ch.Frontier {
				for p := range pt.All() {
					if k := packageKey(s.Issues(), p); !after[k] || base[k] {
						t.Fatalf("%s: frontier package %s is not admitted", what, k)
					}
				}
			}
		}
		for q, pos := range c.Positions {
			for j, rl := range pos.RedLines {
				changed := withPosition(c, q, func(p *negotiation.Position) {
					p.RedLines = slices.Delete(slices.Clone(p.RedLines), j, j+1)
				})
				check(find(q, rl.ID), changed, "dropping "+rl.ID+" of "+string(pos.Party))
			}
			ch := find(q, "")
			if ch == nil {
				// No reservation low enough admits anything.
				check(nil, withPosition(c, q, func(p *negotiation.Position) { p.Reservation = decimal.NewFromInt(-1000) }), "lowering the reservation of "+string(pos.Party))
				continue
			}
			check(ch, withPosition(c, q, func(p *negotiation.Position) { p.Reservation = ch.Reservation }), "lowering the reservation of "+string(pos.Party))
			above := ch.Reservation.Add(decimal.New(1, -e.Places()))
			if above.LessThanOrEqual(pos.Reservation) {
				check(nil, withPosition(c, q, func(p *negotiation.Position) { p.Reservation = above }), "lowering the reservation of "+string(pos.Party)+" to "+above.String())
			}
		}
	})
}

func acceptableKeys(r refResult) map[string]bool {
	out := map[string]bool{}
	for _, p := range r.packages {
		if p.acceptable {
			out[p.key] = true
		}
	}
	return out
}

func withPosition(c negotiationtest.CaseData, q int, f func(*negotiation.Position)) negotiationtest.CaseData {
	d := c
	d.Positions = slices.Clone(c.Positions)
	f(&d.Positions[q])
	return d
}

// TestWhatIfOpensAnEmptyZone: in the example, no package is acceptable once
// RU asks for more than any package offers it without crossing a line; the
// changes that open the zone are named.
func TestWhatIfOpensAnEmptyZone(t *testing.T) {
	ps := examplePositions()
	ps[1].Reservation = d("5")
	e, err := negotiation.Compile(exampleSpace(), ps)
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Analyze(negotiation.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Acceptable != 0 {
		t.Fatalf("acceptable %d, want an empty zone", a.Acceptable)
	}
	changes, err := e.WhatIf(negotiation.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, string(c.Party)+" "+c.RedLine+" "+c.Reservation.String()+" "+valueKey(c.Frontier[0].Values))
	}
	// UA dropping its line on Donetsk admits ceding it with no force (UA 0,
	// RU 6), below UA's reservation of 1: not a single change. RU lowering
	// its reservation to 4 admits the freeze with no force (UA 2, RU 4).
	want := []string{"RU  4 2 4"}
	if !slices.Equal(got, want) {
		t.Errorf("changes %q, want %q", got, want)
	}
}
