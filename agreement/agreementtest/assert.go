package agreementtest

import (
	"errors"
	"strconv"
	"strings"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// AssertValid reports a failure through t, listing every problem, unless
// a.Validate() returns nil. It accepts any [rapid.TB]: a *testing.T, a
// *testing.B or a *rapid.T. It marks the test failed and continues (it
// calls t.Errorf, not t.Fatalf). It is as safe for concurrent use as t is.
// The zero Agreement is invalid (it has no id) and fails. AssertValid
// panics if t is nil.
func AssertValid(t rapid.TB, a agreement.Agreement) {
	t.Helper()
	if err := a.Validate(); err != nil {
		t.Errorf("agreement %q should be valid, but:\n%s", a.ID, problemList(err))
	}
}

// AssertProcessValid reports a failure through t, listing every problem,
// unless p.Validate() returns nil. Otherwise it is like [AssertValid]; the
// zero Process is valid and passes.
func AssertProcessValid(t rapid.TB, p agreement.Process) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Errorf("process %q should be valid, but:\n%s", p.Title, problemList(err))
	}
}

// AssertProblem reports a failure through t unless [HasProblem] holds: err
// is (or wraps) an [*agreement.ValidationError] with a problem at exactly
// path whose error is sentinel (by [errors.Is]). Other problems in err are
// allowed. Like [AssertValid], it calls t.Errorf and continues, and it
// panics if t is nil. A nil err fails.
func AssertProblem(t rapid.TB, err error, sentinel error, path string) {
	t.Helper()
	if HasProblem(err, sentinel, path) {
		return
	}
	if err == nil {
		t.Errorf("want problem %q at %q, got no error", sentinel, path)
		return
	}
	t.Errorf("want problem %q at %q among:\n%s", sentinel, path, problemList(err))
}

// HasProblem reports whether err is (or wraps) an
// [*agreement.ValidationError] listing a problem at exactly path whose error
// is sentinel (by [errors.Is]). It is false for a nil err and for a nil
// *agreement.ValidationError.
func HasProblem(err error, sentinel error, path string) bool {
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || ve == nil {
		return false
	}
	for _, p := range ve.Problems {
		if p != nil && p.Path == path && errors.Is(p, sentinel) {
			return true
		}
	}
	return false
}

// problemList renders err's problems one per line as "path: sentinel:
// message", then how many problems err did not keep.
func problemList(err error) string {
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		return "\t(not a *agreement.ValidationError) " + err.Error()
	}
	if ve == nil {
		return "\t(a nil *agreement.ValidationError)"
	}
	var b strings.Builder
	for _, p := range ve.Problems {
		if p == nil {
			b.WriteString("\t<nil problem>\n")
			continue
		}
		b.WriteString("\t")
		b.WriteString(p.Path)
		b.WriteString(": ")
		if p.Err != nil {
			b.WriteString(p.Err.Error())
			b.WriteString(": ")
		}
		b.WriteString(p.Msg)
		b.WriteString("\n")
	}
	if ve.Omitted > 0 {
		b.WriteString("\tand " + strconv.Itoa(ve.Omitted) + " more\n")
	}
	return b.String()
}
