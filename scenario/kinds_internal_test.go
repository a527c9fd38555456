package scenario

import (
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// TestPropertyKindTableIsMap checks the kind table against the map it is
// built from: every kind listed finds its patterns, any other kind none,
// whatever the kinds' hashes (drawn from a small alphabet, many collide).
func TestPropertyKindTableIsMap(t *testing.T) {
	kind := rapid.Custom(func(t *rapid.T) agreement.EventKind {
		return agreement.EventKind(rapid.StringMatching(`[ab-]{0,6}`).Draw(t, "kind"))
	})
	rapid.Check(t, func(t *rapid.T) {
		byKind := map[agreement.EventKind][]int32{}
		for i, k := range rapid.SliceOfDistinct(kind, func(k agreement.EventKind) agreement.EventKind { return k }).Draw(t, "kinds") {
			byKind[k] = []int32{int32(i), int32(i) + 100}
		}
		tab := newKindTable(byKind)
		if n := len(tab.slots); n < 2*len(byKind) || n&(n-1) != 0 {
			t.Fatalf("%d slots for %d kinds", n, len(byKind))
		}
		for k, want := range byKind {
			if got := tab.patterns(k); !slices.Equal(got, want) {
				t.Fatalf("patterns(%q) = %v, want %v", k, got, want)
			}
		}
		for range 20 {
			k := kind.Draw(t, "probe")
			if got, want := tab.patterns(k), byKind[k]; !slices.Equal(got, want) {
				t.Fatalf("patterns(%q) = %v, want %v", k, got, want)
			}
		}
	})
	var zero kindTable
	if got := zero.patterns("ceasefire-declared"); got != nil {
		t.Errorf("the zero table: %v", got)
	}
}

// TestPropertyPartyCodesMatchIDs checks matching by the parties' codes
// against matching by their IDs: for drawn processes and events whose
// parties are the processes', none, or one no pattern names, world.match
// finds exactly the patterns matchesKind admits.
func TestPropertyPartyCodesMatchIDs(t *testing.T) {
	coded := 0
	rapid.Check(t, func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{Clauses: 6, Agreements: 3, Depth: 2}).Draw(t, "process")
		e, err := CompileProcess(p)
		if err != nil {
			t.Skip(err)
		}
		if e.partyMatch != nil {
			coded++
		}
		pool := []agreement.PartyID{"", "nobody"}
		for _, a := range p.Agreements {
			for _, pt := range a.Parties {
				pool = append(pool, pt.ID)
			}
		}
		var kinds []agreement.EventKind
		for k := range e.byKind {
			kinds = append(kinds, k)
		}
		if len(kinds) == 0 {
			return
		}
		slices.Sort(kinds)
		party := rapid.SampledFrom(pool)
		w := e.newWorld(0, nil)
		for i := range 30 {
			ev := agreement.Event{Kind: rapid.SampledFrom(kinds).Draw(t, "kind"), Actor: party.Draw(t, "actor"),
				Target: party.Draw(t, "target"), Reporter: party.Draw(t, "reporter")}
			var want []int32
			for _, pi := range e.kinds.patterns(ev.Kind) {
				if e.matchesKind(pi, &ev) {
					want = append(want, pi)
				}
			}
			if got := w.match(int32(i), &ev, nil); !slices.Equal(got, want) {
				t.Fatalf("event %+v matches %v by code, %v by ID", ev, got, want)
			}
		}
	})
	if coded == 0 {
		t.Error("no drawn engine matched by code")
	}
}

// TestManyPartiesMatchByID checks that an engine whose patterns name more
// parties than codes can tell apart matches by the parties' IDs, and
// matches right.
func TestManyPartiesMatchByID(t *testing.T) {
	a := agreement.Agreement{ID: "many", Title: "Many parties"}
	for i := range otherParty + 1 {
		id := agreement.PartyID(fmt.Sprintf("p%02d", i))
		a.Parties = append(a.Parties, agreement.Party{ID: id, Name: string(id), Roles: []agreement.Role{agreement.RolePartyToConflict}})
		a.Clauses = append(a.Clauses, agreement.Clause{ID: agreement.ClauseID(fmt.Sprintf("c%02d", i)), Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{id}, Text: "Report.",
			Action: &agreement.Pattern{Kind: "report", Actor: id}})
	}
	e, err := Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	if e.partyMatch != nil {
		t.Fatalf("%d parties matched by code", otherParty+1)
	}
	w := e.newWorld(0, nil)
	ev := agreement.Event{Kind: "report", Actor: "p42"}
	if got := w.match(0, &ev, nil); len(got) != 1 || e.patterns[got[0]].key.p.Actor != "p42" {
		t.Fatalf("a report by p42 matches %v", got)
	}
}
