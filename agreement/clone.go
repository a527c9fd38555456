package agreement

import "slices"

// Clone returns a deep copy of a: a copy that shares no slice or pointer
// with it, so that changing one never changes the other. Conditions are
// immutable and shared; decimals are values. It never panics.
func (a Agreement) Clone() Agreement {
	a.Parties = cloneEach(a.Parties, Party.Clone)
	a.Groups = cloneEach(a.Groups, Group.Clone)
	a.ItemClasses = cloneEach(a.ItemClasses, ItemClass.Clone)
	a.Signatures = slices.Clone(a.Signatures)
	a.Signatories = slices.Clone(a.Signatories)
	a.Fluents = cloneEach(a.Fluents, Fluent.Clone)
	a.Clauses = cloneEach(a.Clauses, Clause.Clone)
	a.Territory = a.Territory.Clone()
	a.Options = cloneEach(a.Options, Option.Clone)
	return a
}

// Clone returns a deep copy of p: each agreement as [Agreement.Clone]
// copies it.
func (p Process) Clone() Process {
	p.Agreements = cloneEach(p.Agreements, Agreement.Clone)
	return p
}

// Clone returns a copy of p that shares no slice with it.
func (p Party) Clone() Party {
	p.Roles = slices.Clone(p.Roles)
	return p
}

// Clone returns a copy of g that shares no slice with it.
func (g Group) Clone() Group {
	g.Members = slices.Clone(g.Members)
	return g
}

// Clone returns a copy of c that shares no slice or pointer with it.
// Conditions are immutable and shared.
func (c Clause) Clone() Clause {
	c.Debtors = slices.Clone(c.Debtors)
	c.Creditors = slices.Clone(c.Creditors)
	if c.Action != nil {
		p := *c.Action
		c.Action = &p
	}
	c.Quantities = slices.Clone(c.Quantities)
	c.Targets = slices.Clone(c.Targets)
	c.Relaxes = slices.Clone(c.Relaxes)
	if c.Grant != nil {
		p := *c.Grant
		c.Grant = &p
	}
	if c.Recurs.On != nil {
		p := *c.Recurs.On
		c.Recurs.On = &p
	}
	return c
}

// Clone returns a copy of c that shares no slice with it.
func (c ItemClass) Clone() ItemClass {
	c.Items = slices.Clone(c.Items)
	c.Rule = slices.Clone(c.Rule)
	return c
}

// Clone returns a copy of f that shares no slice with it.
func (f Fluent) Clone() Fluent {
	f.Initiates = slices.Clone(f.Initiates)
	f.Terminates = slices.Clone(f.Terminates)
	return f
}

// Clone returns a copy of o that shares no slice or pointer with it.
func (o Option) Clone() Option {
	o.Areas = slices.Clone(o.Areas)
	o.Parties = slices.Clone(o.Parties)
	o.Results = slices.Clone(o.Results)
	if o.Width != nil {
		w := *o.Width
		o.Width = &w
	}
	return o
}

// Clone returns a copy of a that shares no slice with it.
func (a Area) Clone() Area {
	a.Sovereignty = slices.Clone(a.Sovereignty)
	a.Control = slices.Clone(a.Control)
	a.Arrangements = slices.Clone(a.Arrangements)
	return a
}

// cloneEach returns a new slice holding f of each element of xs; nil for
// nil.
func cloneEach[T any](xs []T, f func(T) T) []T {
	if xs == nil {
		return nil
	}
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}
