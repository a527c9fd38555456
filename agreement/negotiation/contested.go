package negotiation

import (
	"math/big"
)

// Contest says how contested one issue is.
type Contest struct {
	Issue IssueID
	// RedLines are the red lines the issue decides: those that some
	// package crosses and the same package with another alternative for
	// this issue does not (feasibility aside), by party in position order,
	// then in each position's order.
	RedLines []Crossing
	// Opposition is how much the parties' values pull apart on the issue:
	// the sum, over every pair of parties, of the negative part of the
	// covariance of their contributions (weight × value) over the issue's
	// alternatives, each alternative counted once, with its sign turned
	// positive, each party's contributions measured as a share of its
	// range: the sum, over every issue, of its largest contribution less
	// its smallest (a party whose range is zero opposes no one). So it
	// does not change when a party's values are rescaled (v -> a×v + b,
	// a > 0); it is 0 when no two parties are opposed on the issue, and
	// exact.
	Opposition *big.Rat
}

// Contested returns how contested each issue is, in issue order, and the
// most contested issues: those that decide the most red lines and, among
// them, have the largest opposition; all of them when several tie.
func (e *Evaluator) Contested() (most []IssueID, all []Contest) {
	if e == nil {
		return nil, nil
	}
	s := e.space
	best := -1
	var bestOpp *big.Rat
	for i, is := range s.issues {
		c := Contest{Issue: is.ID, Opposition: e.opposition(i)}
		for q, pos := range e.positions {
			for j, rl := range pos.RedLines {
				if e.decides(i, q, j) {
					c.RedLines = append(c.RedLines, Crossing{Party: pos.Party, RedLine: rl.ID})
				}
			}
		}
		all = append(all, c)
		switch n := len(c.RedLines); {
		case n > best || n == best && c.Opposition.Cmp(bestOpp) > 0:
			best, bestOpp, most = n, c.Opposition, []IssueID{is.ID}
		case n == best && c.Opposition.Cmp(bestOpp) == 0:
			most = append(most, is.ID)
		}
	}
	return most, all
}

// decides reports whether issue i decides red line j of party q.
func (e *Evaluator) decides(i, q, j int) bool {
	s := e.space
	bit := uint64(1) << j
	for _, t := range e.tables {
		if t.party != q || t.bit != j {
			continue
		}
		k := -1
		for x, ti := range t.issues {
			if ti == i {
				k = x
			}
		}
		if k < 0 {
			return false
		}
		// Two combinations differing only in issue i's choice.
		n := s.radix[i]
		for idx, st := range t.state {
			if st == 2 {
				continue
			}
			d := idx / t.stride[k] % n
			base := idx - d*t.stride[k]
			for b := range n {
				if o := t.state[base+b*t.stride[k]]; o != 2 && o != st {
					return true
				}
			}
		}
		return false
	}
	// Bits per alternative: crossed when any chosen alternative has the
	// bit. Issue i decides the line when its alternatives differ and every
	// other issue has an alternative without the bit.
	with, without := false, false
	for a := range s.radix[i] {
		if e.red[(s.base[i]+a)*e.np+q]&bit != 0 {
			with = true
		} else {
			without = true
		}
	}
	if !with || !without {
		return false
	}
	for o := range s.radix {
		if o == i {
			continue
		}
		free := false
		for a := range s.radix[o] {
			if e.red[(s.base[o]+a)*e.np+q]&bit == 0 {
				free = true
			}
		}
		if !free {
			return false
		}
	}
	return true
}

// opposition returns the issue's opposition (see Contest).
func (e *Evaluator) opposition(i int) *big.Rat {
	s := e.space
	n := int64(s.radix[i])
	total := new(big.Rat)
	// span[q]: party q's range, summed over the issues, at its scale.
	span := make([]*big.Int, e.np)
	for q := range e.np {
		span[q] = new(big.Int)
		for o := range s.radix {
			lo, hi := e.val[s.base[o]*e.np+q], e.val[s.base[o]*e.np+q]
			for a := range s.radix[o] {
				v := e.val[(s.base[o]+a)*e.np+q]
				lo, hi = min(lo, v), max(hi, v)
			}
			span[q].Add(span[q], new(big.Int).Sub(big.NewInt(hi), big.NewInt(lo)))
		}
	}
	for q := range e.np {
		for r := q + 1; r < e.np; r++ {
			if span[q].Sign() == 0 || span[r].Sign() == 0 {
				continue
			}
			// n² × covariance = n Σxy − Σx Σy.
			var sx, sy, sxy big.Int
			for a := range s.radix[i] {
				g := s.base[i] + a
				x, y := big.NewInt(e.val[g*e.np+q]), big.NewInt(e.val[g*e.np+r])
				sx.Add(&sx, x)
				sy.Add(&sy, y)
				sxy.Add(&sxy, new(big.Int).Mul(x, y))
			}
			c := new(big.Int).Mul(big.NewInt(n), &sxy)
			c.Sub(c, new(big.Int).Mul(&sx, &sy))
			if c.Sign() < 0 {
				// Each party's scale cancels with its span's.
				den := new(big.Int).Mul(span[q], span[r])
				total.Add(total, new(big.Rat).SetFrac(new(big.Int).Neg(c), den.Mul(den, big.NewInt(n*n))))
			}
		}
	}
	return total
}
