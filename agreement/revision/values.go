package revision

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/shopspring/decimal"
)

// equalValues reports whether two field values are equal as
// agreementtest.Options compares them: instants, decimals, conditions,
// ranges, shares and deadlines by their Equal methods, nil and empty lists
// alike, pointers by what they point to. Values of different or unknown
// types are not equal.
func equalValues(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case agreement.Condition:
		return equalAs(x, b, agreement.Condition.Equal)
	case string, bool, int, time.Duration, agreement.AgreementID, agreement.ClauseID, agreement.PartyID, agreement.Stage,
		agreement.SubStage, agreement.Category, agreement.SigningStatus, agreement.PartyKind,
		agreement.Deontic, agreement.Force, agreement.Effect, agreement.OptionKind, agreement.Lapse, agreement.Zone,
		agreement.Term, agreement.SuspensionRule:
		return a == b // both of the same comparable type, with the same value
	case agreement.Source:
		y, ok := b.(agreement.Source)
		return ok && x.Document == y.Document && x.Speaker == y.Speaker && x.Date.Equal(y.Date)
	case agreement.Deadline:
		return equalAs(x, b, agreement.Deadline.Equal)
	case agreement.Recurrence:
		return equalAs(x, b, agreement.Recurrence.Equal)
	case time.Time:
		return equalAs(x, b, time.Time.Equal)
	case decimal.Decimal:
		return equalAs(x, b, decimal.Decimal.Equal)
	case *decimal.Decimal:
		y, ok := b.(*decimal.Decimal)
		return ok && (x == nil && y == nil || x != nil && y != nil && x.Equal(*y))
	case *agreement.Pattern:
		y, ok := b.(*agreement.Pattern)
		return ok && (x == nil && y == nil || x != nil && y != nil && *x == *y)
	case []agreement.PartyID:
		return equalAs(x, b, slices.Equal)
	case []agreement.Role:
		return equalAs(x, b, slices.Equal)
	case []agreement.Ref:
		return equalAs(x, b, slices.Equal)
	case []agreement.Pattern:
		return equalAs(x, b, slices.Equal)
	case []agreement.Arrangement:
		return equalAs(x, b, slices.Equal)
	case []agreement.AreaID:
		return equalAs(x, b, slices.Equal)
	case []agreement.Result:
		return equalAs(x, b, slices.Equal)
	case []agreement.Bound:
		return equalAs(x, b, slices.Equal)
	case []string:
		return equalAs(x, b, slices.Equal)
	case []agreement.Range:
		y, ok := b.([]agreement.Range)
		return ok && slices.EqualFunc(x, y, agreement.Range.Equal)
	case []agreement.Share:
		y, ok := b.([]agreement.Share)
		return ok && slices.EqualFunc(x, y, agreement.Share.Equal)
	}
	return false
}

// equalAs reports whether b holds a value of x's type that eq reports equal
// to x.
func equalAs[T any](x T, b any, eq func(T, T) bool) bool {
	y, ok := b.(T)
	return ok && eq(x, y)
}

// FormatValue writes a value that a [Change] holds for people, as
// [Change.String] shows it: "none" for nil or an empty id, list or instant,
// text quoted, a condition as [agreement.Condition.String] writes it, an
// instant as [agreement.FormatInstant] does, a duration as
// [agreement.FormatDuration] does ("none" for zero), a deadline or a
// recurrence as its String method does ("after 72h", "after 3d", "every
// 1mo"), a time zone by its name ("UTC" for the zero Zone), a term as its
// String method does ("5y, renewed for 5y unless notice 6mo before the
// end"; "none" for the zero Term), a suspension rule by its name
// ("excuses"), lists joined with
// commas (patterns, ranges and bounds with semicolons), and "?" for a value
// of a type no Change holds.
func FormatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "none"
	case agreement.Condition:
		return x.String()
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case time.Duration:
		if x == 0 {
			return "none"
		}
		return agreement.FormatDuration(x)
	case agreement.AgreementID:
		return orNone(string(x), true)
	case agreement.ClauseID:
		return orNone(string(x), true)
	case agreement.PartyID:
		return orNone(string(x), true)
	case agreement.Stage:
		return orNone(string(x), false)
	case agreement.SubStage:
		return orNone(string(x), false)
	case agreement.Category:
		return orNone(string(x), false)
	case agreement.SigningStatus, agreement.PartyKind, agreement.Deontic, agreement.Force,
		agreement.OptionKind, agreement.Lapse:
		return orUnspecified(x.(fmt.Stringer).String())
	case agreement.Effect:
		return orNone(x.String(), false)
	case agreement.Source:
		return orNone(x.String(), false)
	case agreement.Deadline:
		return x.String()
	case agreement.Recurrence:
		return x.String()
	case agreement.Zone:
		if x == "" {
			return "UTC"
		}
		return string(x)
	case agreement.Term:
		return orNone(x.String(), false)
	case agreement.SuspensionRule:
		return x.String()
	case time.Time:
		return orNone(agreement.FormatInstant(x), false)
	case decimal.Decimal:
		return x.String()
	case *decimal.Decimal:
		if x == nil {
			return "none"
		}
		return x.String()
	case *agreement.Pattern:
		if x == nil {
			return "none"
		}
		return x.String()
	case []agreement.PartyID:
		return joinAll(x, func(p agreement.PartyID) string { return string(p) })
	case []agreement.Role:
		return joinAll(x, agreement.Role.String)
	case []agreement.Ref:
		return joinAll(x, agreement.Ref.String)
	case []agreement.AreaID:
		return joinAll(x, func(a agreement.AreaID) string { return string(a) })
	case []string:
		return joinAll(x, func(s string) string { return s })
	case []agreement.Pattern:
		return FormatList(x, "; ", agreement.Pattern.String)
	case []agreement.Range:
		return FormatList(x, "; ", agreement.Range.String)
	case []agreement.Share:
		return formatShares(x)
	case []agreement.Arrangement:
		return FormatList(x, "; ", agreement.Arrangement.String)
	case []agreement.Result:
		return FormatList(x, "; ", agreement.Result.String)
	case []agreement.Bound:
		return FormatList(x, "; ", agreement.Bound.String)
	}
	return "?"
}

func orNone(s string, quoted bool) string {
	switch {
	case s == "":
		return "none"
	case quoted:
		return strconv.Quote(s)
	}
	return s
}

func orUnspecified(s string) string {
	if s == "" {
		return "unspecified"
	}
	return s
}

func joinAll[T any](xs []T, f func(T) string) string { return FormatList(xs, ", ", f) }

// FormatList writes a list for people as [FormatValue] writes the lists a
// [Change] holds: f of each element, joined with sep, or "none" for an
// empty list. It is for callers that write such lists with their own text
// for the elements. It never panics unless f does.
func FormatList[T any](xs []T, sep string, f func(T) string) string {
	if len(xs) == 0 {
		return "none"
	}
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = f(x)
	}
	return strings.Join(parts, sep)
}

func formatShares(ss []agreement.Share) string {
	return joinAll(ss, agreement.Share.String)
}

// enumName returns the name of v, or "typ(n)" for a value outside names.
func enumName[T ~uint8](names []string, typ string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}
