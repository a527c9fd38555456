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
	// positive. Zero when no two parties are opposed on it. It is exact.
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
	for q := range e.np {
		for r := q + 1; r < e.np; r++ {
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
				// Back from the parties' scales to their units.
				scale := new(big.Int).Exp(bigTen, big.NewInt(int64(e.placesOf[q]+e.placesOf[r])), nil)
				total.Add(total, new(big.Rat).SetFrac(new(big.Int).Neg(c), scale.Mul(scale, big.NewInt(n*n))))
			}
		}
	}
	return total
}
