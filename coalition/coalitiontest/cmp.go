package coalitiontest

import (
	"errors"
	"slices"
	"strings"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/coalition"
)

// Options returns the options under which [cmp.Equal] and [cmp.Diff] compare
// values of package coalition (coalitions, contributions, totals, shares)
// correctly: those of [agreementtest.Options] (decimals by value, instants
// with Equal, conditions with [agreement.EqualConditions], nil and empty
// slices alike). Totals, shares and ranges compare through their own Equal
// methods, which cmp calls unasked. Each call returns a new value; the
// options are safe for concurrent use. Like cmp itself, they are meant for
// tests only.
func Options() cmp.Options { return agreementtest.Options() }

// DeepCopy returns a copy of c that shares no slice or pointer with it, so
// that a test can keep it and later check that code under test did not
// modify c. Nil slices stay nil. Conditions are immutable and shared;
// decimals are treated as immutable values. DeepCopy is safe for concurrent
// use and never panics.
func DeepCopy(c coalition.Coalition) coalition.Coalition {
	d := c
	d.Parties = cloneEach(c.Parties, func(p agreement.Party) agreement.Party {
		p.Roles = slices.Clone(p.Roles)
		return p
	})
	d.Members = slices.Clone(c.Members)
	d.Fluents = cloneEach(c.Fluents, func(f agreement.Fluent) agreement.Fluent {
		f.Initiates = slices.Clone(f.Initiates)
		f.Terminates = slices.Clone(f.Terminates)
		return f
	})
	d.Functions = cloneEach(c.Functions, func(f coalition.Function) coalition.Function {
		f.Leads = slices.Clone(f.Leads)
		return f
	})
	d.Cells = cloneEach(c.Cells, func(x coalition.Cell) coalition.Cell {
		x.Participants = slices.Clone(x.Participants)
		return x
	})
	d.Declarations = cloneEach(c.Declarations, func(x coalition.Declaration) coalition.Declaration {
		x.Signatories = slices.Clone(x.Signatories)
		return x
	})
	d.Meetings = cloneEach(c.Meetings, func(m coalition.Meeting) coalition.Meeting {
		m.Attendees = cloneEach(m.Attendees, func(a coalition.Attendee) coalition.Attendee {
			a.Representatives = slices.Clone(a.Representatives)
			return a
		})
		m.Unnamed = slices.Clone(m.Unnamed)
		return m
	})
	d.Contributions = cloneEach(c.Contributions, func(ct coalition.Contribution) coalition.Contribution {
		ct.Quantities = slices.Clone(ct.Quantities)
		ct.Basing.Areas = slices.Clone(ct.Basing.Areas)
		ct.Beneficiaries = slices.Clone(ct.Beneficiaries)
		if ct.Action != nil {
			a := *ct.Action
			ct.Action = &a
		}
		return ct
	})
	return d
}

// AssertValid reports a failure through t, listing every problem, unless
// c.Validate() returns nil. It accepts any [rapid.TB]: a *testing.T, a
// *testing.B or a *rapid.T. It calls t.Errorf and continues. It is as safe
// for concurrent use as t is.
func AssertValid(t rapid.TB, c coalition.Coalition) {
	t.Helper()
	err := c.Validate()
	if err == nil {
		return
	}
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("coalition %q should be valid, but: %v", c.ID, err)
		return
	}
	var b strings.Builder
	for _, p := range ve.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.Error())
	}
	t.Errorf("coalition %q should be valid, but:%s", c.ID, b.String())
}

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
