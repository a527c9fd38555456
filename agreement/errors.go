package agreement

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
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
	// ErrUnboundDebtor: a clause binding several debtors severally reads,
	// in a condition each debtor's instance evaluates on its own, an act or
	// a state that is not that debtor's: one debtor's instance would answer
	// for another debtor's act. Write [Debtor] (or [ClauseInFor], or a
	// [BreachFilter] debtor) instead. [Agreement.Validate] reports the
	// unambiguous case (a condition naming one of the clause's own debtors
	// as actor); [Agreement.Lint] the ones that may be intended.
	ErrUnboundDebtor = errors.New("agreement: act or state not bound to the debtor")
	// ErrNoZone: a limit or a recurrence counts local days (a calendar
	// [Period], or rounding to a day) where neither the clause nor its
	// agreement declares a [Zone], so the days are UTC days: midnight in
	// Kyiv would fall at 22:00 or 21:00. [Agreement.Lint] reports it.
	ErrNoZone = errors.New("agreement: local days counted in UTC, no zone declared")
	// ErrNotStanding: [Breached] names a clause that is not standing (see
	// [Clause.Standing]), and so records no breaches to count.
	ErrNotStanding = errors.New("agreement: not a standing clause")
	// ErrUnknownItemClass: a reference to an item class the agreement does
	// not declare (see [Agreement.ItemClasses]).
	ErrUnknownItemClass = errors.New("agreement: unknown item class")
	// ErrUnknownEvent: a reference to an event, by its id, that the
	// timeline does not hold before the referring event ([Event.Revises]).
	ErrUnknownEvent = errors.New("agreement: unknown event")
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

// Error returns "path: message", or the message alone when Path is empty;
// "<nil problem>" for a nil *Problem, and "invalid" for one with no
// message.
func (p *Problem) Error() string {
	switch {
	case p == nil:
		return "<nil problem>"
	case p.Msg == "" && p.Path == "":
		return "invalid"
	case p.Msg == "":
		return p.Path + ": invalid"
	case p.Path == "":
		return p.Msg
	}
	return p.Path + ": " + p.Msg
}

// Unwrap returns the sentinel; nil for a nil *Problem.
func (p *Problem) Unwrap() error {
	if p == nil {
		return nil
	}
	return p.Err
}

// ValidationError lists every problem found in one value, in the order found
// (document order; a decoder lists the problems of the encoding first, then
// those its validation finds in what it could decode). errors.Is(err, ErrUnknownParty) reports whether any
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
//
// Problems is capped: [ValidationError.Add] keeps the first [MaxProblems]
// problems and counts the others in Omitted, so that no input makes an
// error of unbounded size. Problems holds every problem when Omitted is 0.
type ValidationError struct {
	Problems []*Problem
	// Omitted counts the problems found after the first MaxProblems and
	// not kept.
	Omitted int
}

// MaxProblems is the most problems a [ValidationError] keeps.
const MaxProblems = 1000

// Add appends a problem at path (in the field names of the value's JSON
// encoding, "" for the whole value) of the kind err, a sentinel error (one
// of this package's, or of the calling package's), with msg saying what is
// wrong for people. Once e holds [MaxProblems] problems, it counts the
// problem in Omitted instead. It never fails and never panics; on a nil e it
// does nothing.
func (e *ValidationError) Add(path string, err error, msg string) {
	switch {
	case e == nil:
	case len(e.Problems) >= MaxProblems:
		e.Omitted++
	default:
		e.Problems = append(e.Problems, &Problem{Path: path, Err: err, Msg: msg})
	}
}

// Err returns nil when e is nil or holds no problem, and e otherwise, so
// that a function can end with return ve.Err(). The error returned is e
// itself: problems added to e afterwards appear in it.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Problems) == 0 && e.Omitted == 0 {
		return nil
	}
	return e
}

// The limits of [ValidationError.Error]: the most lines it lists, and the
// most problems with one message it lists before summarising the rest.
const (
	maxErrorLines = 100
	maxAlike      = 10
)

// Error lists the problems, one per line, after a count. It lists at most
// 10 problems with the same message (and sentinel) and says how many more
// there are "like it", and at most 100 lines in all, then says how many
// problems it left out. A nil problem is written "<nil problem>"; a nil or
// empty e says no problems were recorded.
func (e *ValidationError) Error() string {
	if e == nil || len(e.Problems) == 0 && e.Omitted == 0 {
		return "agreement: invalid (no problems recorded)"
	}
	total := len(e.Problems) + e.Omitted
	var b strings.Builder
	if len(e.Problems) == 1 && e.Omitted == 0 {
		b.WriteString("agreement: 1 problem: ")
		b.WriteString(e.Problems[0].Error())
		return b.String()
	}
	b.WriteString("agreement: ")
	b.WriteString(strconv.Itoa(total))
	b.WriteString(" problems:")
	type kind struct {
		err error
		msg string
	}
	keyOf := func(p *Problem) kind {
		if p == nil {
			return kind{}
		}
		return kind{p.Err, p.Msg}
	}
	counts := map[kind]int{}
	for _, p := range e.Problems {
		counts[keyOf(p)]++
	}
	shown := map[kind]int{}
	lines, listed := 0, 0
	for _, p := range e.Problems {
		if lines == maxErrorLines {
			break
		}
		k := keyOf(p)
		n := shown[k]
		shown[k]++
		switch {
		case n < maxAlike:
			b.WriteString("\n\t")
			b.WriteString(p.Error())
			listed++
			lines++
			if n == maxAlike-1 && counts[k] > maxAlike {
				more := counts[k] - maxAlike
				b.WriteString("\n\t... and " + strconv.Itoa(more) + " more like it")
				listed += more
				lines++
			}
		}
	}
	if rest := total - listed; rest > 0 {
		b.WriteString("\n\t... and " + strconv.Itoa(rest) + " more problems")
		if e.Omitted > 0 {
			b.WriteString(" (" + strconv.Itoa(e.Omitted) + " of them not recorded)")
		}
	}
	return b.String()
}

// Unwrap returns every problem kept, so that errors.Is and errors.As see
// each one and, through it, its sentinel; nil problems are left out.
func (e *ValidationError) Unwrap() []error {
	if e == nil {
		return nil
	}
	out := make([]error, 0, len(e.Problems))
	for _, p := range e.Problems {
		if p != nil {
			out = append(out, p)
		}
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

// maxQuoted is the most bytes of a string that messages quote.
const maxQuoted = 200

// quote writes s as a Go string literal for a message; a string longer than
// maxQuoted bytes is cut (at a character boundary) and its length given, so
// that no input makes a message of unbounded size.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

func itoa(i int) string { return strconv.Itoa(i) }
