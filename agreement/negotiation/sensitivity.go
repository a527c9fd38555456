package negotiation

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Sensitivity is how far one party's weight for one issue can move before
// the Nash point changes.
type Sensitivity struct {
	Party agreement.PartyID
	Issue IssueID
	// Weight is the party's weight for the issue in its position.
	Weight decimal.Decimal
	// Low and High bound the weights, other things equal, for which the
	// Nash point is the same set of packages: every weight strictly between
	// them, and Low too when LowClosed. Low is never below zero, since a
	// weight cannot be; when the point would stay the same below zero, Low
	// is 0 and LowClosed is set: the point is the same at 0 too. High is
	// nil when there is no bound above. Both equal Weight when any change
	// of the weight changes the point, as when tied packages respond
	// differently to it. At Low (unless LowClosed) and High themselves
	// another package ties with the point, or its product falls to zero
	// (where every frontier point is a Nash point).
	Low, High *big.Rat
	// LowClosed reports that Low is 0 and holds the weight 0.
	LowClosed bool
}

// Sensitivity returns the sensitivity of the Nash point of a to the weight
// of party for issue. Moving the weight by t moves the party's value for a
// package by t times the value of the package's alternative for the issue,
// so the Nash product of each package is linear in t, and the Nash point
// stays the same while its line stays strictly above every other
// package's and above zero (a package the party would refuse has a
// negative product then). It enumerates every package once. It returns an
// error wrapping [agreement.ErrInvalidValue] for an unknown party or issue,
// or when the Nash product is zero (no package gives every party a
// positive gain), where the point is every frontier point.
func (a *Analysis) Sensitivity(party agreement.PartyID, issue IssueID) (Sensitivity, error) {
	if a == nil || a.e == nil {
		return Sensitivity{}, fmt.Errorf("%w: nil analysis", agreement.ErrMissing)
	}
	e := a.e
	q := -1
	for k, p := range e.parties {
		if p == party {
			q = k
		}
	}
	i := e.space.issueIndex(issue)
	if q < 0 || i < 0 {
		return Sensitivity{}, fmt.Errorf("%w: unknown party %q or issue %q", agreement.ErrInvalidValue, party, issue)
	}
	out := Sensitivity{Party: party, Issue: issue}
	// v[a]: the party's unweighted value of alternative a, at the scale.
	v := make([]*big.Rat, e.space.radix[i])
	for a := range v {
		v[a] = new(big.Rat)
	}
	scale := new(big.Rat).SetInt(new(big.Int).Exp(bigTen, big.NewInt(int64(e.placesOf[q])), nil))
	for _, iv := range e.positions[q].Issues {
		if iv.Issue != issue {
			continue
		}
		out.Weight = iv.Weight
		for _, av := range iv.Values {
			x := av.Value.Rat()
			v[e.space.altIndex(i, av.Alternative)] = x.Mul(x, scale)
		}
	}
	if len(a.Nash) == 0 {
		return Sensitivity{}, fmt.Errorf("%w: no package is acceptable", agreement.ErrInvalidValue)
	}
	// line returns the product's line A + B t for a package, or false
	// when another party's gain is negative (the package is out whatever
	// the weight).
	line := func(p Package, vals []int64) (A, B *big.Rat, ok bool) {
		others := big.NewInt(1)
		for r := range e.np {
			if r == q {
				continue
			}
			g := vals[r] - e.res[r]
			if g < 0 {
				return nil, nil, false
			}
			others.Mul(others, big.NewInt(g))
		}
		G := new(big.Rat).SetInt(others)
		A = new(big.Rat).SetInt64(vals[q] - e.res[q])
		A.Mul(A, G)
		B = new(big.Rat).Mul(v[p[i]], G)
		return A, B, true
	}
	nash := map[uint64]bool{}
	var As, Bs *big.Rat
	weight := e.space.rankWeights()
	rank := func(p Package) uint64 {
		var r uint64
		for x, c := range p {
			r += uint64(c) * weight[x]
		}
		return r
	}
	for _, pt := range a.Nash {
		for p := range pt.All() {
			vals, _ := e.raw(p)
			A, B, _ := line(p, vals)
			if A.Sign() <= 0 {
				return Sensitivity{}, fmt.Errorf("%w: the Nash product is zero", agreement.ErrInvalidValue)
			}
			if Bs != nil && B.Cmp(Bs) != 0 {
				w := out.Weight.Rat()
				out.Low, out.High = w, new(big.Rat).Set(w)
				return out, nil
			}
			As, Bs = A, B
			nash[rank(p)] = true
		}
	}
	var lo, hi *big.Rat // bounds on t, exclusive
	tighten := func(num, den *big.Rat) {
		// A* + B* t > A_p + B_p t  <=>  (B_p - B*) t < A* - A_p = num.
		if den.Sign() == 0 {
			return
		}
		t := new(big.Rat).Quo(num, den)
		if den.Sign() > 0 {
			if hi == nil || t.Cmp(hi) < 0 {
				hi = t
			}
		} else if lo == nil || t.Cmp(lo) > 0 {
			lo = t
		}
	}
	// The point's own product stays positive: A* + B* t > 0.
	tighten(new(big.Rat).Set(As), new(big.Rat).Neg(Bs))
	w, err := e.newWalker(nil)
	if err != nil {
		return Sensitivity{}, err
	}
	w.ctx = a.ctx
	w.run(func(p Package, vals []int64, red []uint64, feasible bool) bool {
		if !feasible {
			return true
		}
		for r := range e.np {
			if red[r] != 0 {
				return true
			}
		}
		A, B, ok := line(p, vals)
		if !ok || nash[rank(p)] {
			return true
		}
		tighten(new(big.Rat).Sub(As, A), new(big.Rat).Sub(B, Bs))
		return true
	})
	if w.err != nil {
		return Sensitivity{}, fmt.Errorf("negotiation: enumeration stopped: %w", w.err)
	}
	wr := out.Weight.Rat()
	if lo != nil {
		out.Low = lo.Add(lo, wr)
	}
	// A weight is never negative: the range stops at zero.
	if out.Low == nil || out.Low.Sign() < 0 {
		out.Low, out.LowClosed = new(big.Rat), true
	}
	if hi != nil {
		out.High = hi.Add(hi, wr)
	}
	return out, nil
}
