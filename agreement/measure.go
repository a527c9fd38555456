package agreement

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Units of length and mass that convert exactly into one another, besides
// [UnitKm].
const (
	UnitMm Unit = "mm" // millimetres: calibres
	UnitCm Unit = "cm" // centimetres
	UnitM  Unit = "m"  // metres
	UnitKg Unit = "kg" // kilograms
	UnitT  Unit = "t"  // tonnes
	UnitHa Unit = "ha" // hectares
	UnitM2 Unit = "m2" // square metres
)

// dimension is a family of units that convert exactly into one another.
type dimension struct {
	name string
	exp  int32 // one unit is 10^exp of the dimension's smallest unit
}

// dimensions maps each unit of a known dimension to it. A unit not listed
// is its own dimension: it converts only to itself.
var dimensions = map[Unit]dimension{
	UnitMm:  {"length", 0},
	UnitCm:  {"length", 1},
	UnitM:   {"length", 3},
	UnitKm:  {"length", 6},
	UnitM2:  {"area", 0},
	UnitHa:  {"area", 4},
	UnitKm2: {"area", 6},
	UnitKg:  {"mass", 0},
	UnitT:   {"mass", 3},
}

// Dimension returns the name of the family of units u converts exactly
// into: "length" for mm, cm, m and km; "area" for m2, ha and km2; "mass"
// for kg and t; and u itself for any other unit (troops convert only to
// troops), prefixed with "unit " when it is spelled like one of those
// names, so that a unit called "length" is never taken for a length.
func (u Unit) Dimension() string {
	if d, ok := dimensions[u]; ok {
		return d.name
	}
	switch u {
	case "length", "area", "mass":
		return "unit " + string(u)
	}
	return string(u)
}

// Convertible reports whether quantities of u and o convert exactly into
// one another: they are the same unit, or units of the same known
// dimension (see [Unit.Dimension]).
func (u Unit) Convertible(o Unit) bool { return u.Dimension() == o.Dimension() }

// Convert returns v, a value in unit from, in unit to, exactly; ok is false
// when the units are not [Unit.Convertible]. 1.5 km is 1500 m.
func Convert(v decimal.Decimal, from, to Unit) (decimal.Decimal, bool) {
	if from == to {
		return v, true
	}
	f, okf := dimensions[from]
	t, okt := dimensions[to]
	if !okf || !okt || f.name != t.name {
		return decimal.Decimal{}, false
	}
	return v.Shift(f.exp - t.exp), true
}

// compareIn compares a (in unit ua) with b (in unit ub), which must be
// convertible: -1, 0 or +1.
func compareIn(a decimal.Decimal, ua Unit, b decimal.Decimal, ub Unit) int {
	if ua == ub {
		return a.Cmp(b)
	}
	return a.Shift(dimensions[ua].exp).Cmp(b.Shift(dimensions[ub].exp))
}

// Bound constrains one quantity of an event: the quantity measuring Of
// (see [Quantity.Of]) in a unit convertible to Unit, between an optional
// lower and an optional upper limit, each open (the limit itself excluded)
// or closed. An event matches a bound when it carries a quantity of that Of
// in a convertible unit whose value lies inside; an event lacking the
// quantity never matches. The zero Bound (no unit) constrains nothing.
//
// Build a bound with [Measure] and its limiting methods:
//
//	Measure(UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(20))
//
// is every distance from the line under 20 km (an act 20 km away is
// outside). Bound is comparable, so [Pattern] stays usable as a map key:
// limits are held in canonical decimal text (20 and 20.0 are the same
// bound).
type Bound struct {
	unit     Unit
	of       string
	min, max string // canonical decimal text; "" when unlimited
	minOpen  bool
	maxOpen  bool
}

// Measure returns the bound matching any quantity in a unit convertible to
// u, with no limit. Measure("") is the zero Bound, which constrains nothing
// whatever its limits.
func Measure(u Unit) Bound { return Bound{unit: u} }

// Of returns b constraining the quantity that measures name (such as
// "calibre" or "distance-from-line"); "" is the event's unnamed quantity.
func (b Bound) Of(name string) Bound { b.of = name; return b }

// AtLeast returns b with the closed lower limit d: d itself is inside.
func (b Bound) AtLeast(d decimal.Decimal) Bound { b.min, b.minOpen = limitText(d), false; return b }

// Above returns b with the open lower limit d: d itself is outside.
func (b Bound) Above(d decimal.Decimal) Bound { b.min, b.minOpen = limitText(d), true; return b }

// AtMost returns b with the closed upper limit d: d itself is inside.
func (b Bound) AtMost(d decimal.Decimal) Bound { b.max, b.maxOpen = limitText(d), false; return b }

// Below returns b with the open upper limit d: d itself is outside.
func (b Bound) Below(d decimal.Decimal) Bound { b.max, b.maxOpen = limitText(d), true; return b }

// overlong stands for a limit longer than the JSON encoding's bound on
// decimals: writing decimal.New(1, 100_000_000) out would take a hundred
// million characters. It parses as no decimal, so validation reports it.
const overlong = "overlong"

// limitText returns the canonical text of a limit, or overlong.
func limitText(d decimal.Decimal) string {
	if !decimalInBounds(d) {
		return overlong
	}
	return d.String()
}

// IsZero reports whether b constrains nothing: it has no unit.
func (b Bound) IsZero() bool { return b.unit == "" }

// Unit returns the unit the limits are stated in.
func (b Bound) Unit() Unit { return b.unit }

// Measures returns the name of the quantity constrained; "" for the event's
// unnamed quantity.
func (b Bound) Measures() string { return b.of }

// Min returns the lower limit and whether it is open; ok is false when
// there is none (or the bound's text does not parse, which no constructor
// produces).
func (b Bound) Min() (d decimal.Decimal, open, ok bool) { return limit(b.min, b.minOpen) }

// Max returns the upper limit and whether it is open; ok is false when
// there is none.
func (b Bound) Max() (d decimal.Decimal, open, ok bool) { return limit(b.max, b.maxOpen) }

// broken reports whether a limit is set but is no decimal (too long to
// write out, see [Bound.AtLeast]): such a bound contains nothing.
func (b Bound) broken() bool {
	_, _, lo := b.Min()
	_, _, hi := b.Max()
	return b.min != "" && !lo || b.max != "" && !hi
}

func limit(s string, open bool) (decimal.Decimal, bool, bool) {
	if s == "" {
		return decimal.Decimal{}, false, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, false, false
	}
	return d, open, true
}

// Contains reports whether q is inside b: q measures what b constrains, in a
// convertible unit, and its value lies between the limits. The zero Bound
// contains every quantity; a bound with a limit too long to write out (which
// validation reports) contains none.
func (b Bound) Contains(q Quantity) bool {
	if b.IsZero() {
		return true
	}
	if q.Of != b.of || !q.Unit.Convertible(b.unit) {
		return false
	}
	if b.broken() {
		return false
	}
	if lo, open, ok := b.Min(); ok {
		c := compareIn(q.Value, q.Unit, lo, b.unit)
		if c < 0 || open && c == 0 {
			return false
		}
	}
	if hi, open, ok := b.Max(); ok {
		c := compareIn(q.Value, q.Unit, hi, b.unit)
		if c > 0 || open && c == 0 {
			return false
		}
	}
	return true
}

// Matches reports whether one of qs is inside b (see [Bound.Contains]); the
// zero Bound matches whatever qs holds.
func (b Bound) Matches(qs []Quantity) bool {
	if b.IsZero() {
		return true
	}
	for _, q := range qs {
		if b.Contains(q) {
			return true
		}
	}
	return false
}

// String returns the bound in interval notation, such as
// "distance-from-line in [0, 20) km" or "calibre >= 100 mm"; "" for the
// zero Bound.
func (b Bound) String() string {
	if b.IsZero() {
		return ""
	}
	var s strings.Builder
	if b.of != "" {
		s.WriteString(b.of + " ")
	}
	switch {
	case b.min != "" && b.max != "":
		s.WriteString("in ")
		s.WriteString(map[bool]string{true: "(", false: "["}[b.minOpen] + b.min + ", " + b.max +
			map[bool]string{true: ")", false: "]"}[b.maxOpen])
	case b.min != "":
		s.WriteString(map[bool]string{true: "> ", false: ">= "}[b.minOpen] + b.min)
	case b.max != "":
		s.WriteString(map[bool]string{true: "< ", false: "<= "}[b.maxOpen] + b.max)
	default:
		s.WriteString("any")
	}
	s.WriteString(" " + string(b.unit))
	return s.String()
}

// check reports a malformed unit or name, an unparsable or negative limit,
// and a lower limit above the upper one (or equal to it with either open,
// which no quantity satisfies).
func (b Bound) check(ps *ValidationError, path string) {
	if b.IsZero() {
		if b != (Bound{}) {
			ps.Add(field(path, "unit"), ErrMissing, "a bound needs a unit")
		}
		return
	}
	if !b.unit.Valid() {
		ps.Add(field(path, "unit"), ErrInvalidValue, "invalid unit "+quote(string(b.unit)))
	}
	if b.of != "" && !validKindName(b.of) {
		ps.Add(field(path, "of"), ErrInvalidValue, "invalid quantity name "+quote(b.of))
	}
	lo, loOpen, loOK := b.Min()
	hi, hiOpen, hiOK := b.Max()
	for _, l := range []struct {
		name string
		text string
		d    decimal.Decimal
		ok   bool
	}{{"min", b.min, lo, loOK}, {"max", b.max, hi, hiOK}} {
		switch {
		case l.text == overlong:
			ps.Add(field(path, l.name), ErrInvalidValue, "limit longer than "+itoa(maxDecimalLen)+
				" characters in plain notation")
		case l.text != "" && !l.ok:
			ps.Add(field(path, l.name), ErrInvalidValue, "invalid decimal "+quote(l.text))
		case l.ok && !checkDecimal(ps, field(path, l.name), l.d):
		case l.ok && l.d.IsNegative():
			ps.Add(field(path, l.name), ErrNegative, "negative limit "+l.d.String())
		}
	}
	if loOK && hiOK && (lo.GreaterThan(hi) || lo.Equal(hi) && (loOpen || hiOpen)) {
		ps.Add(path, ErrInvalidValue, "bound "+b.String()+" contains no value")
	}
}

// ItemClassID identifies a class of items (equipment, weapons) inside one
// agreement, such as "artillery-100mm". The zero value is the empty,
// invalid id.
type ItemClassID string

// Valid reports whether id is well formed, with the syntax of [PartyID].
func (id ItemClassID) Valid() bool { return validName(string(id)) }

// ItemClass is a named class of items, as a party group is a named set of
// parties: "artillery of 100 mm calibre and above", "multiple rocket
// launchers". An event's item ([Event.Item]) is in the class when Items
// names it, or when Rule is set and the event's quantities satisfy every
// bound of it ("calibre at least 100 mm"). Patterns match a class by
// [Pattern.Class], and a clause's quantity can say which class it applies to
// ([Range.Class]). The zero value is not a valid class.
type ItemClass struct {
	ID   ItemClassID
	Name string
	// Items are the names of the items in the class, compared exactly, such
	// as "BM-21 Grad".
	Items []string
	// Rule, when not empty, puts in the class every item whose event
	// carries quantities satisfying every bound.
	Rule []Bound
}

// Contains reports whether the item of event e is in class c: named in
// Items, or satisfying Rule. An event with no item is in no class.
func (c ItemClass) Contains(e Event) bool {
	if e.Item == "" {
		return false
	}
	for _, it := range c.Items {
		if it == e.Item {
			return true
		}
	}
	if len(c.Rule) == 0 {
		return false
	}
	for _, b := range c.Rule {
		if !b.Matches(e.Quantities) {
			return false
		}
	}
	return true
}
