package coalition

import (
	"slices"
)

// Clone returns a deep copy of c: a copy that shares no slice or pointer
// with it, so that changing one never changes the other. Nil slices stay
// nil. Conditions are immutable and shared; decimals are values. It never
// panics.
func (c Coalition) Clone() Coalition {
	c.Parties = slices.Clone(c.Parties)
	for i := range c.Parties {
		c.Parties[i] = c.Parties[i].Clone()
	}
	c.Members = slices.Clone(c.Members)
	c.Fluents = slices.Clone(c.Fluents)
	for i := range c.Fluents {
		c.Fluents[i] = c.Fluents[i].Clone()
	}
	c.Functions = slices.Clone(c.Functions)
	for i := range c.Functions {
		c.Functions[i].Leads = slices.Clone(c.Functions[i].Leads)
	}
	c.Cells = slices.Clone(c.Cells)
	for i := range c.Cells {
		c.Cells[i].Participants = slices.Clone(c.Cells[i].Participants)
	}
	c.Declarations = slices.Clone(c.Declarations)
	for i := range c.Declarations {
		c.Declarations[i].Signatories = slices.Clone(c.Declarations[i].Signatories)
	}
	c.Meetings = slices.Clone(c.Meetings)
	for i := range c.Meetings {
		c.Meetings[i] = c.Meetings[i].Clone()
	}
	c.Contributions = slices.Clone(c.Contributions)
	for i := range c.Contributions {
		c.Contributions[i] = c.Contributions[i].Clone()
	}
	return c
}

// Clone returns a copy of m that shares no slice with it.
func (m Meeting) Clone() Meeting {
	m.Attendees = slices.Clone(m.Attendees)
	for i := range m.Attendees {
		m.Attendees[i].Representatives = slices.Clone(m.Attendees[i].Representatives)
	}
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
