package agreementtest

import (
	"slices"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Options returns the options under which [cmp.Equal] and [cmp.Diff] compare
// values of package agreement (agreements, processes, clauses, events...)
// correctly:
//
//   - decimals with [decimal.Decimal.Equal], so 5 and 5.0 are equal;
//   - instants with [time.Time.Equal], so the same instant in two locations,
//     or with and without a monotonic reading, is equal;
//   - conditions with [agreement.EqualConditions], wherever they appear
//     (clause slots, the entry-into-force condition, a bare Condition or a
//     concrete node type), since their fields are unexported;
//   - nil and empty slices as equal ([cmpopts.EquateEmpty]).
//
// Ranges, quantities, deadlines, shares, areas, territories, options and
// figures compare through their own Equal methods, which cmp calls unasked
// (so two areas differing in one share show as two whole areas in a diff). Every type of package agreement is covered, so
// cmp does not panic on unexported fields. Each call returns a new value;
// the options are safe for concurrent use. Like cmp itself, they are meant
// for tests only.
func Options() cmp.Options {
	return cmp.Options{
		cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
		cmp.Comparer(agreement.EqualConditions),
		cmpopts.EquateEmpty(),
	}
}

// DeepCopy returns a copy of a that shares no slice or pointer with it, so
// that a test can keep it and later check that code under test did not
// modify a. Nil slices stay nil and empty ones empty. Conditions are
// immutable values and are shared; decimals are treated as immutable values,
// as package decimal does. DeepCopy is safe for concurrent use and never
// panics.
func DeepCopy(a agreement.Agreement) agreement.Agreement {
	b := a
	b.Parties = cloneEach(a.Parties, func(p agreement.Party) agreement.Party {
		p.Roles = slices.Clone(p.Roles)
		return p
	})
	b.Groups = cloneEach(a.Groups, func(g agreement.Group) agreement.Group {
		g.Members = slices.Clone(g.Members)
		return g
	})
	b.Signatures = slices.Clone(a.Signatures)
	b.Fluents = cloneEach(a.Fluents, func(f agreement.Fluent) agreement.Fluent {
		f.Initiates = slices.Clone(f.Initiates)
		f.Terminates = slices.Clone(f.Terminates)
		return f
	})
	b.Clauses = cloneEach(a.Clauses, copyClause)
	b.Territory = a.Territory.Clone()
	b.Options = cloneEach(a.Options, copyOption)
	return b
}

func copyOption(o agreement.Option) agreement.Option {
	o.Areas = slices.Clone(o.Areas)
	o.Parties = slices.Clone(o.Parties)
	o.Results = slices.Clone(o.Results)
	if o.Width != nil {
		w := *o.Width
		o.Width = &w
	}
	return o
}

// DeepCopyProcess returns a copy of p that shares no slice or pointer with
// it, as [DeepCopy] does for each agreement. It is safe for concurrent use
// and never panics.
func DeepCopyProcess(p agreement.Process) agreement.Process {
	q := p
	q.Agreements = cloneEach(p.Agreements, DeepCopy)
	return q
}

func copyClause(c agreement.Clause) agreement.Clause {
	c.Debtors = slices.Clone(c.Debtors)
	c.Creditors = slices.Clone(c.Creditors)
	if c.Action != nil {
		p := *c.Action
		c.Action = &p
	}
	c.Quantities = slices.Clone(c.Quantities)
	c.Targets = slices.Clone(c.Targets)
	return c
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
