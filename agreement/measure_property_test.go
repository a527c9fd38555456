package agreement_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// unitFamilies are the units that convert into one another, each with the
// power of ten one unit is of the family's smallest, written out here
// independently of package agreement's own table; the last family is a
// unit that converts only to itself.
var unitFamilies = []map[agreement.Unit]int32{
	{agreement.UnitMm: 0, agreement.UnitCm: 1, agreement.UnitM: 3, agreement.UnitKm: 6},
	{agreement.UnitM2: 0, agreement.UnitHa: 4, agreement.UnitKm2: 6},
	{agreement.UnitKg: 0, agreement.UnitT: 3},
	{agreement.UnitTroops: 0},
}

// family returns the family of u and its index.
func family(u agreement.Unit) (map[agreement.Unit]int32, int) {
	for i, f := range unitFamilies {
		if _, ok := f[u]; ok {
			return f, i
		}
	}
	panic("unit outside the test's families: " + string(u))
}

// unitsOf returns the units of f in a fixed order, so that draws replay.
func unitsOf(f map[agreement.Unit]int32) []agreement.Unit {
	var us []agreement.Unit
	for _, u := range []agreement.Unit{
		agreement.UnitMm, agreement.UnitCm, agreement.UnitM, agreement.UnitKm,
		agreement.UnitM2, agreement.UnitHa, agreement.UnitKm2,
		agreement.UnitKg, agreement.UnitT, agreement.UnitTroops,
	} {
		if _, ok := f[u]; ok {
			us = append(us, u)
		}
	}
	return us
}

// express returns v, a value in unit from, in unit to of the same family,
// by shifting the decimal point: the test's own conversion.
func express(v decimal.Decimal, from, to agreement.Unit) decimal.Decimal {
	f, _ := family(from)
	return v.Shift(f[from] - f[to])
}

// drawDecimal draws a non-negative decimal of up to nine significant
// digits and up to four places after the point, or a multiple of up to a
// thousand.
func drawDecimal(t *rapid.T, label string) decimal.Decimal {
	coef := rapid.Int64Range(0, 999_999_999).Draw(t, label+"-coefficient")
	exp := rapid.Int32Range(-4, 3).Draw(t, label+"-exponent")
	return decimal.New(coef, exp)
}

// limitSpec is one end of a drawn bound.
type limitSpec struct {
	set  bool
	v    decimal.Decimal
	open bool
}

// drawnBound is a bound with the limits it was built from, for the
// oracle.
type drawnBound struct {
	b      agreement.Bound
	unit   agreement.Unit
	of     string
	lo, hi limitSpec
}

// drawBound draws a bound in a random unit of a random family, with a
// lower and an upper limit each present or not, open or closed, the lower
// no higher than the upper (equal limits with one open make a bound that
// contains nothing, which the oracle knows too).
func drawBound(t *rapid.T) drawnBound {
	fam := rapid.SampledFrom(unitFamilies).Draw(t, "family")
	d := drawnBound{
		unit: rapid.SampledFrom(unitsOf(fam)).Draw(t, "unit"),
		of:   rapid.SampledFrom([]string{"", "calibre", "distance-from-line"}).Draw(t, "of"),
	}
	d.lo = limitSpec{set: rapid.Bool().Draw(t, "has-min"), v: drawDecimal(t, "min"), open: rapid.Bool().Draw(t, "min-open")}
	d.hi = limitSpec{set: rapid.Bool().Draw(t, "has-max"), v: drawDecimal(t, "max"), open: rapid.Bool().Draw(t, "max-open")}
	if d.lo.set && d.hi.set && d.lo.v.GreaterThan(d.hi.v) {
		d.lo.v, d.hi.v = d.hi.v, d.lo.v
	}
	d.b = agreement.Measure(d.unit).Of(d.of)
	switch {
	case !d.lo.set:
	case d.lo.open:
		d.b = d.b.Above(d.lo.v)
	default:
		d.b = d.b.AtLeast(d.lo.v)
	}
	switch {
	case !d.hi.set:
	case d.hi.open:
		d.b = d.b.Below(d.hi.v)
	default:
		d.b = d.b.AtMost(d.hi.v)
	}
	return d
}

// inside is the oracle: whether v, a value in the bound's own unit, lies
// between its limits, by decimal comparison.
func (d drawnBound) inside(v decimal.Decimal) bool {
	if d.lo.set && (v.LessThan(d.lo.v) || d.lo.open && v.Equal(d.lo.v)) {
		return false
	}
	if d.hi.set && (v.GreaterThan(d.hi.v) || d.hi.open && v.Equal(d.hi.v)) {
		return false
	}
	return true
}

// candidates returns values, in the bound's unit, at each limit, and just
// inside and just outside it by 10^-k for each k drawn, together with a
// value drawn at random; only non-negative values, as quantities are.
func (d drawnBound) candidates(t *rapid.T) []decimal.Decimal {
	vs := []decimal.Decimal{drawDecimal(t, "free")}
	ks := rapid.SliceOfN(rapid.Int32Range(0, 12), 1, 3).Draw(t, "epsilon-exponents")
	for _, l := range []limitSpec{d.lo, d.hi} {
		if !l.set {
			continue
		}
		vs = append(vs, l.v)
		for _, k := range ks {
			eps := decimal.New(1, -k)
			vs = append(vs, l.v.Add(eps))
			if below := l.v.Sub(eps); !below.IsNegative() {
				vs = append(vs, below)
			}
		}
	}
	return vs
}

// An event whose quantity lies outside a pattern's bound never satisfies
// it, and one inside always does: with limits on either side or both, open
// or closed, at the limits exactly and 10^-k either side of them, in the
// bound's unit and in every unit that converts to it. A quantity of
// another name or of a unit that does not convert never does.
func TestPropertyBoundContainsOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := drawBound(t)
		fam, fi := family(d.unit)
		other := unitFamilies[(fi+1)%len(unitFamilies)]
		foreign := rapid.SampledFrom(unitsOf(other)).Draw(t, "foreign-unit")
		pattern := agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Measure: d.b}
		for _, v := range d.candidates(t) {
			want := d.inside(v)
			for _, u := range unitsOf(fam) {
				q := agreement.Quantity{Value: express(v, d.unit, u), Unit: u, Of: d.of}
				if got := d.b.Contains(q); got != want {
					t.Fatalf("(%v).Contains(%v) = %v, want %v (%v %s)", d.b, q, got, want, v, d.unit)
				}
				// Decoys that no bound of this name and family contains:
				// another name, and a unit of another family.
				renamed := q
				renamed.Of = "depth"
				if d.b.Contains(renamed) {
					t.Fatalf("(%v).Contains(%v): another quantity's name", d.b, renamed)
				}
				alien := agreement.Quantity{Value: v, Unit: foreign, Of: d.of}
				if d.b.Contains(alien) {
					t.Fatalf("(%v).Contains(%v): a unit that does not convert", d.b, alien)
				}
				decoys := []agreement.Quantity{renamed, alien}
				e := agreement.Event{Kind: agreement.EventKindForcesDeployed, Actor: "RU", Quantities: []agreement.Quantity{q}}
				if got := pattern.Matches(e, "a", nil); got != want {
					t.Fatalf("(%v).Matches(%v) = %v, want %v", pattern, e, got, want)
				}
				e.Quantities = append(decoys[:1:1], q, decoys[1])
				if got := pattern.Matches(e, "a", nil); got != want {
					t.Fatalf("(%v).Matches(%v) among decoys = %v, want %v", pattern, e, got, want)
				}
				e.Quantities = decoys
				if pattern.Matches(e, "a", nil) {
					t.Fatalf("(%v).Matches(%v): decoys only", pattern, e)
				}
				if got := d.b.Matches([]agreement.Quantity{alien, q}); got != want {
					t.Fatalf("(%v).Matches(%v, %v) = %v, want %v", d.b, alien, q, got, want)
				}
			}
		}
		if pattern.Matches(agreement.Event{Kind: agreement.EventKindForcesDeployed}, "a", nil) {
			t.Fatalf("(%v) matches an event with no quantity", pattern)
		}
	})
}

// Converting into any unit of the family and back gives the value
// exactly, and the conversion is the test's own shift of the point;
// across families nothing converts.
func TestPropertyConvertRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		fam := rapid.SampledFrom(unitFamilies).Draw(t, "family")
		from := rapid.SampledFrom(unitsOf(fam)).Draw(t, "from")
		to := rapid.SampledFrom(unitsOf(fam)).Draw(t, "to")
		v := drawDecimal(t, "value")
		keep := v.String()
		there, ok := agreement.Convert(v, from, to)
		if !ok {
			t.Fatalf("Convert(%v, %s, %s) not convertible", v, from, to)
		}
		if want := express(v, from, to); !there.Equal(want) {
			t.Fatalf("Convert(%v, %s, %s) = %v, want %v", v, from, to, there, want)
		}
		back, ok := agreement.Convert(there, to, from)
		if !ok || !back.Equal(v) {
			t.Fatalf("Convert(Convert(%v, %s, %s), %s, %s) = %v, %v", v, from, to, to, from, back, ok)
		}
		if v.String() != keep {
			t.Fatalf("Convert changed its argument from %s to %v", keep, v)
		}
		_, fi := family(from)
		other := unitFamilies[(fi+1+rapid.IntRange(0, len(unitFamilies)-2).Draw(t, "other"))%len(unitFamilies)]
		alien := rapid.SampledFrom(unitsOf(other)).Draw(t, "alien")
		if got, ok := agreement.Convert(v, from, alien); ok {
			t.Fatalf("Convert(%v, %s, %s) = %v across families", v, from, alien, got)
		}
		if from.Convertible(alien) || !from.Convertible(to) {
			t.Fatalf("Convertible: %s~%s = %v, %s~%s = %v", from, alien, from.Convertible(alien), from, to, from.Convertible(to))
		}
	})
}

// Bounds built from equal decimals written differently (20 and 20.0,
// 2E+1) are ==, and so are patterns holding them; a different limit or
// openness makes a different bound.
func TestPropertyBoundCanonical(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := drawDecimal(t, "value")
		zeros := rapid.Int32Range(1, 6).Draw(t, "trailing-zeros")
		// The same value with more digits after the point.
		padded := decimal.RequireFromString(v.StringFixed(max(0, -v.Exponent()) + zeros))
		if !padded.Equal(v) || padded.Exponent() >= v.Exponent() {
			t.Fatalf("test setup: %v != %v", padded, v)
		}
		u := rapid.SampledFrom(unitsOf(rapid.SampledFrom(unitFamilies).Draw(t, "family"))).Draw(t, "unit")
		for _, build := range []func(agreement.Bound, decimal.Decimal) agreement.Bound{
			agreement.Bound.AtLeast, agreement.Bound.Above, agreement.Bound.AtMost, agreement.Bound.Below,
		} {
			a, b := build(agreement.Measure(u), v), build(agreement.Measure(u), padded)
			if a != b {
				t.Fatalf("bounds from %s and %s differ: %#v, %#v", v, padded.StringFixed(-padded.Exponent()), a, b)
			}
			if a.String() != b.String() {
				t.Fatalf("String: %q != %q", a.String(), b.String())
			}
			pa := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Measure: a}
			pb := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Measure: b}
			if pa != pb {
				t.Fatalf("patterns with bounds %v and %v differ", a, b)
			}
			if a == build(agreement.Measure(u), v.Add(decimal.New(1, -6))) {
				t.Fatalf("bound %v equals one with a higher limit", a)
			}
		}
		if agreement.Measure(u).AtLeast(v) == agreement.Measure(u).Above(padded) ||
			agreement.Measure(u).AtMost(v) == agreement.Measure(u).Below(padded) {
			t.Fatalf("open and closed limits of %v are ==", v)
		}
	})
}
