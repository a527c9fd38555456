package main

import (
	"fmt"
	"slices"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// process builds the process of version v: one instrument per entry of
// m.Instruments, holding the clauses that v's coalition compiles its
// contributions to (package coalition), and the territorial instrument.
//
// Each instrument is the coalition's compiled agreement cut down to its own
// contributions: its title and date are its declaration's, its signatures
// the declaration's signatories (coalition.Signatories); its parties are
// every party of the coalition (Instrument.AllParties), or the signatories
// and every party its clauses name, with the roles the compiled agreement
// gives them; its groups are those of the compiled
// agreement and m.NATO whose members are all among its parties. A
// contribution in no instrument is an error, so that none is lost.
func (m Model) process(v Version) (agreement.Process, error) {
	c := v.Coalition
	compiled, err := c.Agreement()
	if err != nil {
		return agreement.Process{}, fmt.Errorf("%s: %w", v.Name, err)
	}
	clauses := map[agreement.ClauseID]agreement.Clause{}
	for _, cl := range compiled.Clauses {
		clauses[cl.ID] = cl
	}
	placed := map[agreement.ClauseID]bool{}
	p := agreement.Process{Title: c.Name + " (" + v.Name + ")"}
	for _, in := range m.Instruments {
		i := slices.IndexFunc(c.Declarations, func(d coalition.Declaration) bool { return d.Title == in.Declaration })
		if i < 0 {
			return agreement.Process{}, fmt.Errorf("%s: instrument %s: no declaration %q", v.Name, in.ID, in.Declaration)
		}
		decl := c.Declarations[i]
		a := agreement.Agreement{
			ID:            in.ID,
			Title:         decl.Title,
			Date:          decl.Date,
			Stage:         in.Stage,
			SubStage:      in.SubStage,
			SigningStatus: agreement.SigningStatusSigned,
			Fluents:       compiled.Fluents,
		}
		named := map[agreement.PartyID]bool{}
		for _, s := range c.Signatories(decl) {
			named[s] = true
			who := in.Signatories[s]
			a.Signatures = append(a.Signatures, agreement.Signature{Party: s, Signatory: who[0], Capacity: who[1], Date: decl.Date})
		}
		for _, id := range in.Contributions {
			cl, ok := clauses[id.ClauseID()]
			if !ok {
				continue // not in this version
			}
			if placed[cl.ID] {
				return agreement.Process{}, fmt.Errorf("%s: contribution %s is in two instruments", v.Name, id)
			}
			placed[cl.ID] = true
			a.Clauses = append(a.Clauses, cl)
			for _, p := range partiesOf(cl) {
				named[p] = true
			}
		}
		for _, party := range compiled.Parties {
			if in.AllParties || named[party.ID] {
				a.Parties = append(a.Parties, party)
			}
		}
		for _, g := range append(slices.Clone(compiled.Groups), m.NATO) {
			if !slices.ContainsFunc(g.Members, func(p agreement.PartyID) bool {
				return !slices.ContainsFunc(a.Parties, func(q agreement.Party) bool { return q.ID == p })
			}) {
				a.Groups = append(a.Groups, g)
			}
		}
		p.Agreements = append(p.Agreements, a)
	}
	for _, cl := range compiled.Clauses {
		if !placed[cl.ID] {
			return agreement.Process{}, fmt.Errorf("%s: contribution %s is in no instrument", v.Name, cl.ID)
		}
	}
	p.Agreements = append(p.Agreements, m.Territory)
	if err := p.Validate(); err != nil {
		return agreement.Process{}, fmt.Errorf("%s: %w", v.Name, err)
	}
	return p, nil
}

// partiesOf returns the parties clause cl names: its debtors and
// creditors, and the actors, targets and reporters of its action and of
// the event patterns of its conditions.
func partiesOf(cl agreement.Clause) []agreement.PartyID {
	out := slices.Concat(cl.Debtors, cl.Creditors)
	pattern := func(p agreement.Pattern) {
		for _, id := range []agreement.PartyID{p.Actor, p.Target, p.Reporter} {
			if id != "" {
				out = append(out, id)
			}
		}
	}
	if cl.Action != nil {
		pattern(*cl.Action)
	}
	for _, nc := range cl.Conditions() {
		agreement.Walk(nc.Condition, func(c agreement.Condition) bool {
			switch c := c.(type) {
			case *agreement.HappenedCondition:
				pattern(c.Pattern())
			case *agreement.WithinCondition:
				pattern(c.Pattern())
			case *agreement.SinceCondition:
				pattern(c.Pattern())
			case *agreement.BeforeCondition:
				pattern(c.First())
				pattern(c.Then())
			}
			return true
		})
	}
	return out
}
