package coalition

import (
	"slices"

	"github.com/peacekit/peacekit/agreement"
)

// Clone returns a deep copy of c: a copy that shares no slice or pointer
// with it, so that changing one never changes the other. Nil slices stay
// nil. Conditions are immutable and shared; decimals are values. It never
// panics.
func (c Coalition) Clone() Coalition {
	c.Parties = cloneEach(c.Parties, func(p agreement.Party) agreement.Party {
		p.Roles = slices.Clone(p.Roles)
		return p
	})
	c.Members = slices.Clone(c.Members)
	c.Fluents = cloneEach(c.Fluents, agreement.Fluent.Clone)
	c.Functions = cloneEach(c.Functions, func(f Function) Function {
		f.Leads = slices.Clone(f.Leads)
		return f
	})
	c.Cells = cloneEach(c.Cells, func(cell Cell) Cell {
		cell.Participants = slices.Clone(cell.Participants)
		return cell
	})
	c.Declarations = cloneEach(c.Declarations, func(d Declaration) Declaration {
		d.Signatories = slices.Clone(d.Signatories)
		return d
	})
	c.Meetings = cloneEach(c.Meetings, Meeting.Clone)
	c.Contributions = cloneEach(c.Contributions, Contribution.Clone)
	return c
}

// Clone returns a copy of m that shares no slice with it.
func (m Meeting) Clone() Meeting {
	m.Attendees = cloneEach(m.Attendees, func(a Attendee) Attendee {
		a.Representatives = slices.Clone(a.Representatives)
		return a
	})
	m.Unnamed = slices.Clone(m.Unnamed)
	return m
}

// Clone returns a copy of ct that shares no slice or pointer with it.
// Conditions are immutable and shared.
func (ct Contribution) Clone() Contribution {
	ct.Quantities = slices.Clone(ct.Quantities)
	ct.Basing.Areas = slices.Clone(ct.Basing.Areas)
	ct.Beneficiaries = slices.Clone(ct.Beneficiaries)
	if ct.Action != nil {
		p := *ct.Action
		ct.Action = &p
	}
	return ct
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
