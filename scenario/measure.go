package scenario

import (
	"math"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// cbound is an [agreement.Bound] compiled for matching and tallies: its
// limits parsed once, and held as int64 too when they are whole numbers
// that fit, so that comparing a whole quantity in the bound's own unit
// allocates nothing.
type cbound struct {
	b              agreement.Bound
	lo, hi         decimal.Decimal
	hasLo, hasHi   bool
	loOpen, hiOpen bool
	loI, hiI       int64
	ints           bool // every limit set is a whole number that fits an int64
}

func compileBound(b agreement.Bound) *cbound {
	c := &cbound{b: b, ints: true}
	c.lo, c.loOpen, c.hasLo = b.Min()
	c.hi, c.hiOpen, c.hasHi = b.Max()
	if c.hasLo {
		c.loI, c.ints = wholeInt(c.lo)
	}
	if c.hasHi {
		var ok bool
		c.hiI, ok = wholeInt(c.hi)
		c.ints = c.ints && ok
	}
	return c
}

// wholeInt returns d as an int64 when it is a whole number that fits one.
func wholeInt(d decimal.Decimal) (int64, bool) {
	if d.Exponent() < 0 && !d.IsInteger() {
		return 0, false
	}
	if d.Exponent() > 18 || d.Coefficient().BitLen() > 62 {
		return 0, false
	}
	if x, ok := smallInt(d); ok {
		return x, true
	}
	i := d.IntPart()
	if !decimal.NewFromInt(i).Equal(d) {
		return 0, false
	}
	return i, true
}

// smallInt returns v as an int64 when it is written with exponent 0 and at
// most 18 digits, without allocating.
func smallInt(v decimal.Decimal) (int64, bool) {
	if v.Exponent() != 0 || v.NumDigits() > 18 {
		return 0, false
	}
	return v.CoefficientInt64(), true
}

// value returns q's value in the bound's unit, when q measures what the
// bound constrains in a convertible unit.
func (c *cbound) value(q agreement.Quantity) (decimal.Decimal, bool) {
	if q.Of != c.b.Measures() {
		return decimal.Decimal{}, false
	}
	return agreement.Convert(q.Value, q.Unit, c.b.Unit())
}

// contains reports whether q lies inside the bound.
func (c *cbound) contains(q agreement.Quantity) bool {
	v, ok := c.value(q)
	return ok && c.inside(v)
}

// inside reports whether v, in the bound's unit, lies between its limits.
func (c *cbound) inside(v decimal.Decimal) bool {
	if x, ok := smallInt(v); ok && c.ints {
		return c.insideInt(x)
	}
	if c.hasLo {
		k := v.Cmp(c.lo)
		if k < 0 || c.loOpen && k == 0 {
			return false
		}
	}
	if c.hasHi {
		k := v.Cmp(c.hi)
		if k > 0 || c.hiOpen && k == 0 {
			return false
		}
	}
	return true
}

func (c *cbound) insideInt(v int64) bool {
	if c.hasLo && (v < c.loI || c.loOpen && v == c.loI) {
		return false
	}
	if c.hasHi && (v > c.hiI || c.hiOpen && v == c.hiI) {
		return false
	}
	return true
}

// sum adds up the bound's quantity over events, in int64 while every value
// is a whole number and the sum fits, exactly in decimals otherwise; it
// reports whether the sum lies inside and the last event that added.
func (c *cbound) sum(events *hist[agreement.Event], idx *hist[int32], from int) (bool, int32) {
	var (
		si    int64
		sd    decimal.Decimal
		exact = true // the sum is si
		last  = int32(-1)
	)
	for i := from; i < idx.len(); i++ {
		ei := idx.get(i)
		for _, q := range events.ptr(int(ei)).Quantities {
			v, ok := c.value(q)
			if !ok {
				continue
			}
			last = ei
			if x, ok := smallInt(v); exact && ok {
				if x >= 0 && si <= math.MaxInt64-x {
					si += x
					break
				}
			}
			if exact {
				sd, exact = decimal.NewFromInt(si), false
			}
			sd = sd.Add(v)
			break
		}
	}
	if exact {
		if c.ints {
			return c.insideInt(si), last
		}
		sd = decimal.NewFromInt(si)
	}
	return c.inside(sd), last
}

// cclass is an [agreement.ItemClass] compiled for matching.
type cclass struct {
	items []string
	rule  []*cbound
}

func compileClass(c agreement.ItemClass) *cclass {
	out := &cclass{items: slices.Clone(c.Items)}
	for _, b := range c.Rule {
		out.rule = append(out.rule, compileBound(b))
	}
	return out
}

// contains reports whether ev's item is in the class, as
// [agreement.ItemClass.Contains] does.
func (c *cclass) contains(ev *agreement.Event) bool {
	if ev.Item == "" {
		return false
	}
	if slices.Contains(c.items, ev.Item) {
		return true
	}
	if len(c.rule) == 0 {
		return false
	}
	for _, b := range c.rule {
		if !slices.ContainsFunc(ev.Quantities, b.contains) {
			return false
		}
	}
	return true
}
