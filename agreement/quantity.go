package agreement

import (
	"github.com/shopspring/decimal"
)

// Unit is the unit of a [Quantity] or [Range]. The set is open: any lower-case
// name of letters, digits, '-' and '.' is accepted. The zero value is the
// dimensionless unit, a plain count.
type Unit string

// Common units.
const (
	UnitUnspecified Unit = ""        // a plain number
	UnitTroops      Unit = "troops"  // personnel
	UnitKm          Unit = "km"      // kilometres
	UnitKm2         Unit = "km2"     // square kilometres
	UnitPercent     Unit = "percent" // percentage points
	UnitDays        Unit = "days"    // days
	UnitAircraft    Unit = "aircraft"
	UnitVessels     Unit = "vessels"
)

// decimalInBounds reports whether d can be written in plain notation in at
// most 1000 characters, the bound the JSON encoding sets on decimals. Every
// path into this package's arithmetic checks it, so that a decimal built
// with a huge exponent (decimal.New(1, 1e7)) is reported rather than
// computed with for seconds.
func decimalInBounds(d decimal.Decimal) bool {
	e := d.Exponent()
	if e > maxDecimalLen || e < -maxDecimalLen {
		return false
	}
	// The commonest case without copying the coefficient (Coefficient
	// does): at most 18 digits are fewer than 63 bits.
	if e >= -64 && e <= 64 && d.NumDigits() <= 18 {
		return true
	}
	bits := d.Coefficient().BitLen()
	if bits > 4*maxDecimalLen {
		return false
	}
	// The common case, without formatting: at most 19 digits and an
	// exponent within 64 write at most 1+65+1+64 characters.
	if e >= -64 && e <= 64 && bits <= 63 {
		return true
	}
	_, ok := formatDecimal(d)
	return ok
}

// checkDecimal reports d at path as ErrInvalidValue when it is out of
// bounds, and reports whether it is in bounds.
func checkDecimal(ps *ValidationError, path string, d decimal.Decimal) bool {
	if decimalInBounds(d) {
		return true
	}
	ps.Add(path, ErrInvalidValue, "decimal with exponent "+itoa(int(d.Exponent()))+" and "+
		itoa(d.Coefficient().BitLen())+"-bit coefficient is longer than "+itoa(maxDecimalLen)+
		" characters in plain notation")
	return false
}

// Valid reports whether u is the empty unit or a well-formed name.
func (u Unit) Valid() bool { return u == "" || validKindName(string(u)) }

// Quantity is an exact decimal amount with a unit: "5000 troops", "15 km".
// Build it with [NewQuantity] or [ParseQuantity]; the zero value is 0 of
// [UnitUnspecified]. Compare with [Quantity.Equal], never with ==.
type Quantity struct {
	Value decimal.Decimal
	Unit  Unit
	// Of names what is measured when it is not the event's main amount,
	// such as "calibre" or "distance-from-line" (lower-case letters, digits,
	// '-' and '.'); "" for the main amount. Bounds ([Bound]) compare only
	// quantities of the same Of.
	Of string
}

// NewQuantity returns the quantity v of unit u. It does not validate; see
// [Quantity.Validate].
func NewQuantity(v decimal.Decimal, u Unit) Quantity { return Quantity{Value: v, Unit: u} }

// ParseQuantity parses the decimal text v (such as "5000" or "0.25") into a
// quantity of unit u, and validates it.
func ParseQuantity(v string, u Unit) (Quantity, error) {
	d, err := decimal.NewFromString(v)
	if err != nil {
		return Quantity{}, &Problem{Err: ErrInvalidValue, Msg: "invalid decimal " + quote(v)}
	}
	q := Quantity{Value: d, Unit: u}
	if err := q.Validate(); err != nil {
		return Quantity{}, err
	}
	return q, nil
}

// Validate reports a negative value (ErrNegative), a value longer than 1000
// characters in plain notation (ErrInvalidValue: the bound of the JSON
// encoding, which keeps arithmetic fast) or a malformed unit
// (ErrInvalidValue) as a *ValidationError.
func (q Quantity) Validate() error { return validateAlone(q.check) }

func (q Quantity) check(ps *ValidationError, path string) {
	if !checkDecimal(ps, field(path, "value"), q.Value) {
		// reported
	} else if q.Value.IsNegative() {
		ps.Add(field(path, "value"), ErrNegative, "negative quantity "+q.Value.String())
	}
	if !q.Unit.Valid() {
		ps.Add(field(path, "unit"), ErrInvalidValue, "invalid unit "+quote(string(q.Unit)))
	}
	if q.Of != "" && !validKindName(q.Of) {
		ps.Add(field(path, "of"), ErrInvalidValue, "invalid quantity name "+quote(q.Of))
	}
}

// Equal reports whether q and o have equal values, the same unit and measure
// the same thing; 5 and 5.0 are equal.
func (q Quantity) Equal(o Quantity) bool {
	return q.Unit == o.Unit && q.Of == o.Of && q.Value.Equal(o.Value)
}

// String returns the value and unit, such as "5000 troops", followed by
// what it measures when Of is set: "122 mm calibre".
func (q Quantity) String() string {
	s := q.Value.String()
	if q.Unit != "" {
		s += " " + string(q.Unit)
	}
	if q.Of != "" {
		s += " " + q.Of
	}
	return s
}

// Range is an amount known only between Min and Max, with the source's own
// wording: France's "several thousand" troops might be Range{Min: 2000, Max:
// 9000, Unit: Troops, Wording: "several thousand"}. An exact amount has
// Min equal to Max. The zero value is exactly 0 of [UnitUnspecified]. Compare with
// [Range.Equal], never with ==.
type Range struct {
	Min, Max decimal.Decimal
	Unit     Unit
	// Wording is the source's words for the amount, kept verbatim; "" when
	// the source gives a number.
	Wording string
	// What the amount counts, such as "troops deployed in Ukraine"; optional.
	What string
	// Class, when set, is the item class the amount applies to: a
	// withdrawal distance of 50 km for artillery of 100 mm and above.
	Class ItemClassID
}

// NewRange returns the range [min, max] of unit u with the source's wording,
// validated: min above max or a negative bound is an error.
func NewRange(min, max decimal.Decimal, u Unit, wording string) (Range, error) {
	r := Range{Min: min, Max: max, Unit: u, Wording: wording}
	if err := r.Validate(); err != nil {
		return Range{}, err
	}
	return r, nil
}

// Exactly returns the range holding only q.
func Exactly(q Quantity) Range { return Range{Min: q.Value, Max: q.Value, Unit: q.Unit} }

// IsExact reports whether r holds a single value.
func (r Range) IsExact() bool { return r.Min.Equal(r.Max) }

// Validate reports negative bounds (ErrNegative), min above max
// (ErrInvalidValue), a bound longer than 1000 characters in plain notation
// (ErrInvalidValue) or a malformed unit, as a *ValidationError.
func (r Range) Validate() error { return validateAlone(r.check) }

func (r Range) check(ps *ValidationError, path string) {
	minOK := checkDecimal(ps, field(path, "min"), r.Min)
	maxOK := checkDecimal(ps, field(path, "max"), r.Max)
	if minOK && r.Min.IsNegative() {
		ps.Add(field(path, "min"), ErrNegative, "negative minimum "+r.Min.String())
	}
	if maxOK && r.Max.IsNegative() {
		ps.Add(field(path, "max"), ErrNegative, "negative maximum "+r.Max.String())
	}
	if minOK && maxOK && r.Min.GreaterThan(r.Max) {
		ps.Add(path, ErrInvalidValue, "minimum "+r.Min.String()+" exceeds maximum "+r.Max.String())
	}
	if !r.Unit.Valid() {
		ps.Add(field(path, "unit"), ErrInvalidValue, "invalid unit "+quote(string(r.Unit)))
	}
}

// Equal reports whether r and o have equal bounds, unit, wording and subject.
func (r Range) Equal(o Range) bool {
	return r.Unit == o.Unit && r.Wording == o.Wording && r.What == o.What && r.Class == o.Class &&
		r.Min.Equal(o.Min) && r.Max.Equal(o.Max)
}

// Add returns the sum of r and o, bound by bound. The wording of a sum is
// empty, and so is its subject unless both share it, so that Add is
// commutative. It is meaningful only when the units agree, which the caller
// checks.
func (r Range) Add(o Range) Range {
	s := Range{Min: r.Min.Add(o.Min), Max: r.Max.Add(o.Max), Unit: r.Unit}
	if r.What == o.What {
		s.What = r.What
	}
	return s
}

// String returns the range as "2000-9000 troops (several thousand)", or a
// single value when exact.
func (r Range) String() string {
	s := r.Min.String()
	if !r.IsExact() {
		s += "-" + r.Max.String()
	}
	if r.Unit != "" {
		s += " " + string(r.Unit)
	}
	if r.What != "" {
		s += " " + r.What
	}
	if r.Class != "" {
		s += " for " + string(r.Class)
	}
	if r.Wording != "" {
		s += " (" + quote(r.Wording) + ")"
	}
	return s
}
