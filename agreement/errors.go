package agreement

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors: the categories of problem that validation and decoding
// report. Test for them with [errors.Is]; every [Problem] wraps exactly one.
var (
	// ErrInvalidID: an identifier is empty or malformed.
	ErrInvalidID = errors.New("agreement: invalid identifier")
	// ErrDuplicateID: two items of one kind share an id.
	ErrDuplicateID = errors.New("agreement: duplicate identifier")
	// ErrUnknownParty: a reference to a party the agreement does not declare.
	ErrUnknownParty = errors.New("agreement: unknown party")
	// ErrUnknownGroup: a reference to a party group the agreement does not declare.
	ErrUnknownGroup = errors.New("agreement: unknown party group")
	// ErrUnknownClause: a reference to a clause that does not exist.
	ErrUnknownClause = errors.New("agreement: unknown clause")
	// ErrUnknownFluent: a reference to a fluent the agreement does not declare.
	ErrUnknownFluent = errors.New("agreement: unknown fluent")
	// ErrUnknownAgreement: a reference to an agreement that is not in the process.
	ErrUnknownAgreement = errors.New("agreement: unknown agreement")
	// ErrUnknownArea: a reference to an area the agreement's territory does not
	// declare, or that a territory passed to a function does not have.
	ErrUnknownArea = errors.New("agreement: unknown area")
	// ErrShares: the sovereignty or control shares of an area do not sum to
	// exactly 100 percent.
	ErrShares = errors.New("agreement: shares do not sum to 100")
	// ErrConflict: two territorial options decide the same thing for one
	// area, or an option is applied twice to an area.
	ErrConflict = errors.New("agreement: conflicting territorial options")
	// ErrCycle: clauses whose conditions depend on each other's states in a cycle.
	ErrCycle = errors.New("agreement: dependency cycle")
	// ErrNegative: a quantity, duration or size below zero.
	ErrNegative = errors.New("agreement: negative value")
	// ErrInvalidValue: a value outside its allowed set or range, such as an
	// unknown enum name or a range whose min exceeds its max.
	ErrInvalidValue = errors.New("agreement: invalid value")
	// ErrMissing: a required field is absent.
	ErrMissing = errors.New("agreement: missing field")
	// ErrInconsistent: fields that are each valid but contradict one another,
	// such as a prohibition with a deadline or a power without an effect.
	ErrInconsistent = errors.New("agreement: inconsistent fields")
	// ErrUnknownField: decoded input has a field this version does not define.
	ErrUnknownField = errors.New("agreement: unknown field")
	// ErrSchemaVersion: decoded input declares a schema version this package
	// does not read.
	ErrSchemaVersion = errors.New("agreement: unsupported schema version")
	// ErrSyntax: decoded input is not well-formed JSON, or has the wrong JSON
	// type somewhere.
	ErrSyntax = errors.New("agreement: malformed input")
)

// Problem is one thing wrong with an agreement or its encoding: where (Path,
// in the JSON field names of the encoding, such as
// "clauses[3].trigger.all[1].happened.actor"), what kind of problem (Err, one
// of the sentinels), and a message for people. The zero value is not useful.
type Problem struct {
	Path string // where the problem is; "" for the whole value
	Err  error  // the sentinel: ErrUnknownParty, ErrCycle, ...
	Msg  string // what is wrong, for people: `unknown party "XX"`
}

// Error returns "path: message", or the message alone when Path is empty.
func (p *Problem) Error() string {
	if p.Path == "" {
		return p.Msg
	}
	return p.Path + ": " + p.Msg
}

// Unwrap returns the sentinel.
func (p *Problem) Unwrap() error { return p.Err }

// ValidationError lists every problem found in one value, in the order found
// (document order). errors.Is(err, ErrUnknownParty) reports whether any
// problem is of that kind; errors.As(err, &ve) recovers the list. A
// *ValidationError returned by this package always has at least one problem.
//
// It is also how such an error is built, by this package and by packages
// that report their own problems the same way (package coalition does): the
// zero value is an empty list, ready to use; [ValidationError.Add] appends a
// problem (with a path built by [FieldPath] and [IndexPath]), and
// [ValidationError.Err] returns nil or the error:
//
//	var ve agreement.ValidationError
//	for i, m := range c.Members {
//		if m.Party == "" {
//			path := agreement.FieldPath(agreement.IndexPath("members", i), "party")
//			ve.Add(path, agreement.ErrMissing, "missing party")
//		}
//	}
//	return ve.Err()
//
// A ValidationError being built is not safe for concurrent use; once
// returned it is not modified, and reading it is safe for concurrent use.
type ValidationError struct {
	Problems []*Problem
}

// Add appends a problem at path (in the field names of the value's JSON
// encoding, "" for the whole value) of the kind err, a sentinel error (one
// of this package's, or of the calling package's), with msg saying what is
// wrong for people. It never fails and never panics.
func (e *ValidationError) Add(path string, err error, msg string) {
	e.Problems = append(e.Problems, &Problem{Path: path, Err: err, Msg: msg})
}

// Err returns nil when e holds no problem, and e otherwise, so that a
// function can end with return ve.Err(). The error returned is e itself:
// problems added to e afterwards appear in it.
func (e *ValidationError) Err() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// Error lists the problems, one per line, after a count.
func (e *ValidationError) Error() string {
	var b strings.Builder
	switch len(e.Problems) {
	case 0:
		return "agreement: invalid (no problems recorded)"
	case 1:
		b.WriteString("agreement: 1 problem: ")
		b.WriteString(e.Problems[0].Error())
		return b.String()
	}
	b.WriteString("agreement: ")
	b.WriteString(strconv.Itoa(len(e.Problems)))
	b.WriteString(" problems:")
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns every problem, so that errors.Is and errors.As see each one
// and, through it, its sentinel.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// FieldPath returns the path of the field name of the value at path, as a
// [Problem]'s Path writes it: FieldPath("clauses[3]", "kind") is
// "clauses[3].kind", and FieldPath("", "id") is "id". It is safe for
// concurrent use.
func FieldPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// IndexPath returns the path of element i of the list at path, as a
// [Problem]'s Path writes it: IndexPath("clauses", 3) is "clauses[3]". It is
// safe for concurrent use.
func IndexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// field and idx are the short names this package's checks use for
// FieldPath and IndexPath.
func field(path, name string) string { return FieldPath(path, name) }

func idx(path string, i int) string { return IndexPath(path, i) }

func quote(s string) string { return strconv.Quote(s) }

func itoa(i int) string { return strconv.Itoa(i) }
