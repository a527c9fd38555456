package agreementtest

import (
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
//   - bounds ([agreement.Bound], inside patterns and item classes) with ==,
//     since they are comparable values whose fields are unexported (two
//     bounds built from 20 and 20.0 are equal);
//   - nil and empty slices as equal ([cmpopts.EquateEmpty]).
//
// Ranges, quantities, deadlines (their anchors with
// [agreement.EqualConditions], their instants with [time.Time.Equal]),
// recurrences (their patterns by value, whatever the pointers), shares,
// areas, territories, options and figures compare through their own Equal
// methods, which cmp calls unasked (so two areas differing in one share
// show as two whole areas in a diff, and two clauses differing in a
// deadline's rounding show the whole deadline). Every type of package
// agreement is covered, so cmp does not panic on unexported fields. Each call returns a new value;
// the options are safe for concurrent use. Like cmp itself, they are meant
// for tests only.
func Options() cmp.Options {
	return cmp.Options{
		cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
		cmp.Comparer(agreement.EqualConditions),
		cmp.Comparer(func(a, b agreement.Bound) bool { return a == b }),
		cmpopts.EquateEmpty(),
	}
}
