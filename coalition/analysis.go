package coalition

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// FunctionTotal is the sum of the quantities, in one unit, that a
// coalition's contributions offer to one function. Amount.Unit is the unit;
// Amount.Wording and Amount.What are empty (a sum has no source wording).
// Contributions counts the contributions that offer a quantity in that unit.
// The zero value is an empty total. Compare with [FunctionTotal.Equal].
type FunctionTotal struct {
	Function      FunctionID
	Amount        agreement.Range
	Contributions int
}

// Equal reports whether t and o are the same total; decimals are compared
// by value, so 5 and 5.0 are equal.
func (t FunctionTotal) Equal(o FunctionTotal) bool {
	return t.Function == o.Function && t.Contributions == o.Contributions && t.Amount.Equal(o.Amount)
}

// BasingTotal is the sum of the quantities, in one unit, of a coalition's
// contributions with one kind of basing. Otherwise it is like
// [FunctionTotal]. Compare with [BasingTotal.Equal].
type BasingTotal struct {
	Basing        BasingKind
	Amount        agreement.Range
	Contributions int
}

// Equal reports whether t and o are the same total; decimals are compared
// by value.
func (t BasingTotal) Equal(o BasingTotal) bool {
	return t.Basing == o.Basing && t.Contributions == o.Contributions && t.Amount.Equal(o.Amount)
}

// MaxDecimalDigits bounds the decimals of a contribution's quantities:
// a bound's coefficient has at most MaxDecimalDigits digits and its
// exponent lies between -MaxDecimalDigits and MaxDecimalDigits, so that
// adding and dividing such decimals is quick. Every decimal of package
// agreement's JSON encoding (at most 1,000 characters) is within it; one
// built in Go, such as decimal.New(1, 10_000_000), may not be:
// [Coalition.Validate] reports it, and the analyses leave its quantity out.
const MaxDecimalDigits = 1000

// maxCoefficientBits is the bit length of the largest coefficient of
// MaxDecimalDigits digits: 10^1000 - 1 < 2^3322.
const maxCoefficientBits = 3322

// boundedDecimal reports whether d is within MaxDecimalDigits.
func boundedDecimal(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -MaxDecimalDigits && e <= MaxDecimalDigits && d.Coefficient().BitLen() <= maxCoefficientBits
}

// boundedRange reports whether both bounds of r are within MaxDecimalDigits.
func boundedRange(r agreement.Range) bool { return boundedDecimal(r.Min) && boundedDecimal(r.Max) }

// sum is a running total of ranges in one unit.
type sum struct {
	min, max decimal.Decimal
	n        int
}

// totals adds up every quantity of every contribution under (key, unit).
// Units never mix: amounts in different units are separate totals. A
// contribution is counted once per (key, unit) however many of its
// quantities fall there.
func totals[K comparable](cts []Contribution, key func(Contribution) K) map[K]map[agreement.Unit]*sum {
	out := map[K]map[agreement.Unit]*sum{}
	for _, ct := range cts {
		k := key(ct)
		counted := map[agreement.Unit]bool{}
		for _, q := range ct.Quantities {
			if !boundedRange(q) {
				continue
			}
			byUnit := out[k]
			if byUnit == nil {
				byUnit = map[agreement.Unit]*sum{}
				out[k] = byUnit
			}
			s := byUnit[q.Unit]
			if s == nil {
				s = &sum{}
				byUnit[q.Unit] = s
			}
			s.min = s.min.Add(q.Min)
			s.max = s.max.Add(q.Max)
			if !counted[q.Unit] {
				counted[q.Unit] = true
				s.n++
			}
		}
	}
	return out
}

// ordered returns the keys of present: first those in declared, in that
// order and once each, then the others in ascending order. The result
// depends only on declared and the set of keys, never on map order.
func ordered[K cmp.Ordered, V any](declared []K, present map[K]V) []K {
	out := make([]K, 0, len(present))
	for _, k := range declared {
		if _, ok := present[k]; ok && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	var rest []K
	for k := range present {
		if !slices.Contains(out, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

func sortedUnits(m map[agreement.Unit]*sum) []agreement.Unit {
	return ordered[agreement.Unit](nil, m)
}

// TotalsByFunction returns, for every function that contributions offer
// quantities to and every unit they use there, the sum of those quantities:
// Amount.Min is the sum of the minima and Amount.Max the sum of the maxima,
// exactly (decimal addition does not round). Units never mix: a function's
// troops and its aircraft are two totals, and amounts in different units are
// never added or compared. Contributions without quantities add nothing.
//
// Totals are listed by function in the order of c.Functions (functions no
// contribution offers a quantity to are left out; undeclared functions,
// which only an invalid coalition has, come last in lexical order), then by
// unit in lexical order ("" first). The result depends only on the set of
// contributions, not on their order. On a valid coalition every total has
// Min <= Max. A quantity with a bound outside [MaxDecimalDigits] (which
// [Coalition.Validate] reports, and only a decimal built in Go can have) is
// left out, so that no total takes long. The slice is new.
func (c Coalition) TotalsByFunction() []FunctionTotal {
	m := totals(c.Contributions, func(ct Contribution) FunctionID { return ct.Function })
	declared := make([]FunctionID, len(c.Functions))
	for i, f := range c.Functions {
		declared[i] = f.ID
	}
	var out []FunctionTotal
	for _, f := range ordered(declared, m) {
		for _, u := range sortedUnits(m[f]) {
			s := m[f][u]
			out = append(out, FunctionTotal{Function: f, Amount: agreement.Range{Min: s.min, Max: s.max, Unit: u}, Contributions: s.n})
		}
	}
	return out
}

// TotalsByBasing returns, for every kind of basing and every unit, the sum
// of the quantities of the contributions based that way, as
// [Coalition.TotalsByFunction] does for functions. Totals are listed in the
// order of the [BasingKind] values (BasingUnspecified first), then by unit in
// lexical order. The areas of a basing inside the host country are not
// told apart. The result does not depend on the order of contributions. The
// slice is new.
func (c Coalition) TotalsByBasing() []BasingTotal {
	m := totals(c.Contributions, func(ct Contribution) BasingKind { return ct.Basing.Kind })
	var out []BasingTotal
	for _, b := range ordered[BasingKind](nil, m) {
		for _, u := range sortedUnits(m[b]) {
			s := m[b][u]
			out = append(out, BasingTotal{Basing: b, Amount: agreement.Range{Min: s.min, Max: s.max, Unit: u}, Contributions: s.n})
		}
	}
	return out
}

// Gap is a declared function that lacks something: a lead (NoLead), or any
// contribution (NoContributions), or both. The zero value is no gap.
type Gap struct {
	Function        FunctionID
	NoLead          bool
	NoContributions bool
}

// String returns the gap as "weapons-hubs: no lead", "training: no lead, no
// contributions", ...
func (g Gap) String() string {
	s := string(g.Function) + ":"
	sep := " "
	if g.NoLead {
		s += sep + "no lead"
		sep = ", "
	}
	if g.NoContributions {
		s += sep + "no contributions"
	}
	return s
}

// Gaps returns the declared functions that have no lead or no contribution,
// in the order of c.Functions (a function declared twice, which only an
// invalid coalition has, is looked at once, as first declared). A function
// with a contribution that offers no quantity is not a gap: the source may
// name no number. The slice is new.
func (c Coalition) Gaps() []Gap {
	served := map[FunctionID]bool{}
	for _, ct := range c.Contributions {
		served[ct.Function] = true
	}
	var out []Gap
	seen := map[FunctionID]bool{}
	for _, f := range c.Functions {
		if seen[f.ID] {
			continue
		}
		seen[f.ID] = true
		g := Gap{Function: f.ID, NoLead: len(f.Leads) == 0, NoContributions: !served[f.ID]}
		if g.NoLead || g.NoContributions {
			out = append(out, g)
		}
	}
	return out
}

// Backstop returns the backstop: the contributions that apply only if the
// ceasefire is broken by a new attack, read from each contribution's
// condition by the rule of [Contribution.IsBackstop], in the order of
// c.Contributions. Each result's Contributor says by whom. In the seed, the
// draft statement's backstop is the United States' support for the
// multinational force "in the event of a new Russian attack"; the final
// communiqué's is empty.
//
// The contributions are copies: modifying them does not modify c. The
// clauses they compile to are exactly those with an antecedent (see
// [SplitCondition]).
func (c Coalition) Backstop() []Contribution {
	var out []Contribution
	for _, ct := range c.Contributions {
		if ct.IsBackstop() {
			out = append(out, ct.Clone())
		}
	}
	return out
}

// SharePlaces is the number of decimal places to which burden shares are
// rounded: they are percentages with two decimals, such as 33.33. Rounding is
// [decimal.Decimal.DivRound]'s: to the nearest, halves away from zero.
const SharePlaces = 2

// Share is one contributor's part of a function's total in one unit. Amount
// is the contributor's own sum (like a [FunctionTotal]'s). Min and Max are
// the percentage of the total it may represent, given that every amount is
// a range: Min is its smallest possible share (its minimum, every other
// contributor at their maximum) and Max its largest (its maximum, every
// other at their minimum):
//
//	Min = 100 × a / (a + others' max)   Max = 100 × b / (b + others' min)
//
// where [a, b] is Amount; each is rounded to [SharePlaces] decimal places
// with [decimal.Decimal.DivRound] (never Div), and is 0 when its denominator
// is 0. With exact amounts, Min equals Max and is the plain percentage;
// because of rounding the shares of a function need not add up to exactly
// 100. The zero value is an empty share. Compare with [Share.Equal].
type Share struct {
	Contributor agreement.PartyID
	Amount      agreement.Range
	Min, Max    decimal.Decimal
}

// Equal reports whether s and o are the same share; decimals are compared by
// value.
func (s Share) Equal(o Share) bool {
	return s.Contributor == o.Contributor && s.Amount.Equal(o.Amount) && s.Min.Equal(o.Min) && s.Max.Equal(o.Max)
}

// Shares returns each contributor's burden share of function f in unit u:
// one [Share] for every party that offers f a quantity in u, in the order of
// c.Members (contributors that are not members, which only an invalid
// coalition has, come last in lexical order). Shares of amounts in other
// units are never mixed in. It returns nil when nobody offers f anything in
// u. The result does not depend on the order of contributions. A quantity
// with a bound outside [MaxDecimalDigits] (which [Coalition.Validate]
// reports) is left out, as by [Coalition.TotalsByFunction]. The slice is
// new.
func (c Coalition) Shares(f FunctionID, u agreement.Unit) []Share {
	own := map[agreement.PartyID]*sum{}
	var total sum
	for _, ct := range c.Contributions {
		if ct.Function != f {
			continue
		}
		for _, q := range ct.Quantities {
			if q.Unit != u || !boundedRange(q) {
				continue
			}
			s := own[ct.Contributor]
			if s == nil {
				s = &sum{}
				own[ct.Contributor] = s
			}
			s.min, s.max = s.min.Add(q.Min), s.max.Add(q.Max)
			total.min, total.max = total.min.Add(q.Min), total.max.Add(q.Max)
		}
	}
	members := make([]agreement.PartyID, len(c.Members))
	for i, m := range c.Members {
		members[i] = m.Party
	}
	var out []Share
	for _, p := range ordered(members, own) {
		s := own[p]
		othersMax, othersMin := total.max.Sub(s.max), total.min.Sub(s.min)
		out = append(out, Share{
			Contributor: p,
			Amount:      agreement.Range{Min: s.min, Max: s.max, Unit: u},
			Min:         percent(s.min, s.min.Add(othersMax)),
			Max:         percent(s.max, s.max.Add(othersMin)),
		})
	}
	return out
}

// percent returns 100 × x / d rounded to SharePlaces places, or 0 when d is
// 0.
func percent(x, d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	return x.Mul(decimal.NewFromInt(100)).DivRound(d, SharePlaces)
}

// WithoutMember returns a copy of c from which party p has withdrawn: p's
// entry in Members, every contribution by p, and p among the leads of every
// function are removed; everything else (p's declaration as a party, its
// attendance, its signatures of past declarations, its place in coordination
// cells) is kept. The copy shares no slice with c, and c is not modified.
//
// The copy may no longer validate: a function p alone contributed to may be
// left with a lead but no contributions, and a condition may read the state
// of one of p's removed contributions. Its totals never exceed c's.
func (c Coalition) WithoutMember(p agreement.PartyID) Coalition {
	out := c.Clone()
	out.Members = slices.DeleteFunc(out.Members, func(m Member) bool { return m.Party == p })
	out.Contributions = slices.DeleteFunc(out.Contributions, func(ct Contribution) bool { return ct.Contributor == p })
	for i := range out.Functions {
		out.Functions[i].Leads = slices.DeleteFunc(out.Functions[i].Leads, func(q agreement.PartyID) bool { return q == p })
	}
	return out
}
