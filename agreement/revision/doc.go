// Package revision compares versions of an agreement: what a draft promised
// that the final text dropped, which clause changed force, which party gained
// a role.
//
// [Diff] compares two versions item by item and field by field. Items are
// matched by id, never by position, so a commitment dropped from the middle
// of a draft is reported as removed and nothing else, not as a renumbering of
// everything after it. Each [Change] says what it does ([Op]: added, removed,
// modified, reordered), to which kind of item ([Item]), and holds the values
// before and after; [Change.String] describes it in one line. [Changes.Apply]
// turns the old version into the new one, and rejects a change that does not
// fit with [ErrNotApplicable] at its path ("changes[3]").
//
//	changes := revision.Diff(draft, final)
//	for _, c := range changes {
//		fmt.Println(c) // clause "us-backstop" removed
//	}
//
// Three properties hold for every pair of agreements and are checked by this
// package's tests: Diff(a, a) is empty; Diff(a, b) is empty exactly when a and
// b are equal (instants, decimals and conditions compared by their Equal
// methods, nil and empty lists alike); and Diff(a, b).Apply(a) equals b.
//
// Package [github.com/peacekit/peacekit/agreement/report] writes changes as a
// Markdown table.
package revision
