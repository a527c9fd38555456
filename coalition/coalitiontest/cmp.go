package coalitiontest

import (
	"errors"
	"strconv"
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
// modify c. It is [coalition.Coalition.Clone]: nil slices stay nil,
// conditions are immutable and shared, decimals are values. DeepCopy is
// safe for concurrent use and never panics.
func DeepCopy(c coalition.Coalition) coalition.Coalition { return c.Clone() }

// AssertValid reports a failure through t, listing every problem (and
// how many the error did not keep), unless c.Validate() returns nil. It
// accepts any [rapid.TB]: a *testing.T, a *testing.B or a *rapid.T. It
// calls t.Errorf and continues. It is as safe for concurrent use as t is.
// The zero Coalition is invalid (it has no id) and fails. AssertValid
// panics if t is nil.
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
	if ve.Omitted > 0 {
		b.WriteString("\n\tand " + strconv.Itoa(ve.Omitted) + " more")
	}
	t.Errorf("coalition %q should be valid, but:%s", c.ID, b.String())
}
