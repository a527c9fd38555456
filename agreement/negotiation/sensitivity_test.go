package negotiation_test

import (
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/negotiation/negotiationtest"
)

// nashWith returns the Nash packages (as keys) of c with party q's weight
// for issue set to w.
func nashWith(t *rapid.T, c negotiationtest.CaseData, q int, issue negotiation.IssueID, w decimal.Decimal) []string {
	keys, _ := nashProduct(t, c, q, issue, w)
	return keys
}

// nashProduct is nashWith, also returning whether the Nash product is zero.
func nashProduct(t *rapid.T, c negotiationtest.CaseData, q int, issue negotiation.IssueID, w decimal.Decimal) ([]string, bool) {
	d := withPosition(c, q, func(p *negotiation.Position) {
		p.Issues = slices.Clone(p.Issues)
		for k := range p.Issues {
			if p.Issues[k].Issue == issue {
				p.Issues[k].Weight = w
				return
			}
		}
		p.Issues = append(p.Issues, negotiation.IssueValue{Issue: issue, Weight: w})
	})
	s, _, a := analyse(t, d, negotiation.Options{})
	var out []string
	for _, pt := range a.Nash {
		for p := range pt.All() {
			out = append(out, packageKey(s.Issues(), p))
		}
	}
	slices.Sort(out)
	zero := false
	if len(a.Nash) > 0 {
		for r, v := range a.Nash[0].Values {
			zero = zero || v.Equal(d.Positions[r].Reservation)
		}
	}
	return out, zero
}

// exact returns r as a decimal when it has at most 9 decimal places and is
// below 10^9 in magnitude, as a weight must be (Compile refuses others), so
// that an end of the interval that no weight can be is not tried.
func exact(r *big.Rat) (decimal.Decimal, bool) {
	d, err := decimal.NewFromString(r.FloatString(9))
	if err != nil || d.Rat().Cmp(r) != 0 || d.Abs().Cmp(decimal.New(1, 9)) >= 0 {
		return decimal.Decimal{}, false
	}
	return d, true
}

// TestPropertySensitivity moves the weight inside the interval Sensitivity
// reports (the Nash point must stay the same packages) and to its ends
// (it must change).
func TestPropertySensitivity(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{Issues: 3, Alternatives: 3}).Draw(t, "case")
		_, _, a := analyse(t, c, negotiation.Options{})
		q := rapid.IntRange(0, len(c.Positions)-1).Draw(t, "party")
		i := rapid.IntRange(0, len(c.Issues)-1).Draw(t, "issue")
		issue := c.Issues[i].ID
		s, err := a.Sensitivity(c.Positions[q].Party, issue)
		if errors.Is(err, agreement.ErrInvalidValue) {
			t.Skip("no positive Nash product")
		}
		if err != nil {
			t.Fatal(err)
		}
		base := nashWith(t, c, q, issue, s.Weight)
		w := s.Weight.Rat()
		if s.Low != nil && s.High != nil && s.Low.Cmp(w) == 0 && s.High.Cmp(w) == 0 {
			up := s.Weight.Add(decimal.New(1, -3))
			if slices.Equal(nashWith(t, c, q, issue, up), base) {
				t.Fatalf("weight %s: the Nash point was said to change at once", up)
			}
			return
		}
		if s.Low == nil || s.Low.Sign() < 0 || s.LowClosed && s.Low.Sign() != 0 {
			t.Fatalf("Low %v (closed %v): want a bound, at least 0, and 0 when closed", s.Low, s.LowClosed)
		}
		if c := s.Low.Cmp(w); c > 0 || c == 0 && !s.LowClosed || s.High != nil && s.High.Cmp(w) <= 0 {
			t.Fatalf("interval (%v, %v) does not hold the weight %s", s.Low, s.High, s.Weight)
		}
		inside := func(r *big.Rat) {
			d, err := decimal.NewFromString(r.FloatString(6))
			if err != nil || d.Sign() < 0 {
				return
			}
			x := d.Rat()
			if c := x.Cmp(s.Low); c < 0 || c == 0 && !s.LowClosed || s.High != nil && x.Cmp(s.High) >= 0 {
				return
			}
			if got := nashWith(t, c, q, issue, d); !slices.Equal(got, base) {
				t.Fatalf("weight %s inside (%v, %v): Nash %v, want %v", d, s.Low, s.High, got, base)
			}
		}
		one := big.NewRat(1, 1)
		inside(new(big.Rat).Quo(new(big.Rat).Add(s.Low, w), big.NewRat(2, 1)))
		if s.LowClosed {
			inside(new(big.Rat).Sub(w, one))
			inside(new(big.Rat))
		}
		if s.High != nil {
			inside(new(big.Rat).Quo(new(big.Rat).Add(s.High, w), big.NewRat(2, 1)))
		} else {
			for _, far := range []int64{1, 10, 1000} {
				inside(new(big.Rat).Add(w, big.NewRat(far, 1)))
			}
		}
		ends := []*big.Rat{s.High}
		if !s.LowClosed {
			ends = append(ends, s.Low)
		}
		for _, end := range ends {
			if end == nil {
				continue
			}
			if d, ok := exact(end); ok {
				got, zero := nashProduct(t, c, q, issue, d)
				if !zero && (slices.Equal(got, base) || !isSubset(base, got)) {
					t.Fatalf("weight %s at the end of (%v, %v): Nash %v, want more than %v with a positive product", d, s.Low, s.High, got, base)
				}
			}
		}
	})
}

func isSubset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
