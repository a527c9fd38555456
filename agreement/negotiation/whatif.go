package negotiation

import (
	"fmt"
	"iter"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Change is a single change to one party's position and the packages it
// would make acceptable: dropping one red line, or lowering the reservation
// value.
type Change struct {
	Party agreement.PartyID
	// RedLine is the id of the red line dropped; "" when the change lowers
	// the reservation value.
	RedLine string
	// Reservation is, when the change lowers the reservation value, the
	// highest value at which a package becomes acceptable: the largest
	// value, for Party, of the feasible packages that cross no red line and
	// are held back by Party's reservation value alone.
	Reservation decimal.Decimal
	// Admitted is how many packages the change makes acceptable.
	Admitted uint64
	// Frontier is the Pareto frontier of the packages the change makes
	// acceptable, as [Analysis.Frontier] reports one.
	Frontier []Point
}

// WhatIf returns every single change to one party's position that makes
// some package acceptable, in the order of the parties, each party's red
// lines in order and then its reservation value. A package is admitted by
// dropping a red line when that line is the only thing keeping it out (it
// is feasible, crosses no other line of any party, and meets every
// reservation value); by lowering a party's reservation value when that
// value alone keeps it out; lowered to Change.Reservation, the change
// admits the packages worth exactly that much to the party. With an empty
// acceptable set, these are the changes that make it non-empty. WhatIf
// enumerates every package once, on one goroutine, in the order opt.Order
// asks; errors are those of [Evaluator.Analyze].
func (e *Evaluator) WhatIf(opt Options) ([]Change, error) {
	if e == nil {
		return nil, fmt.Errorf("%w: nil evaluator", agreement.ErrMissing)
	}
	if _, ok := e.space.size64(); !ok {
		return nil, fmt.Errorf("%w: the space has more than 2^64-1 packages", ErrTooLarge)
	}
	w, err := e.newWalker(opt.Order)
	if err != nil {
		return nil, err
	}
	w.ctx = opt.Context
	chunk := opt.Chunk
	if chunk <= 0 {
		chunk = 1 << 16
	}
	np := e.np
	type cand struct {
		admitted uint64
		es       []entry
		best     int64 // for a reservation: the largest value seen
	}
	// lines[q*MaxRedLines+j], reservations[q].
	lines := make([]cand, np*MaxRedLines)
	reservations := make([]cand, np)
	weight := e.space.rankWeights()
	rank := func(p Package) uint64 {
		var r uint64
		for i, c := range p {
			r += uint64(c) * weight[i]
		}
		return r
	}
	res := e.res
	w.run(func(p Package, vals []int64, red []uint64, feasible bool) bool {
		if !feasible {
			return true
		}
		blockers, lineParty, below := 0, -1, -1
		for q := range np {
			if n := bits.OnesCount64(red[q]); n > 0 {
				blockers += n
				lineParty = q
			}
			if vals[q] < res[q] {
				blockers++
				below = q
			}
			if blockers > 1 {
				return true
			}
		}
		if blockers != 1 {
			return true
		}
		en := entry{v: slices.Clone(vals), ranks: []uint64{rank(p)}}
		if lineParty >= 0 {
			c := &lines[lineParty*MaxRedLines+bits.TrailingZeros64(red[lineParty])]
			c.admitted++
			c.es = append(c.es, en)
			if len(c.es) >= 2*chunk {
				c.es = frontier(c.es)
			}
			return true
		}
		c := &reservations[below]
		switch {
		case c.admitted == 0 || vals[below] > c.best:
			c.best, c.admitted, c.es = vals[below], 1, []entry{en}
		case vals[below] == c.best:
			c.admitted++
			c.es = append(c.es, en)
			if len(c.es) >= 2*chunk {
				c.es = frontier(c.es)
			}
		}
		return true
	})
	if w.err != nil {
		return nil, fmt.Errorf("negotiation: enumeration stopped: %w", w.err)
	}
	a := &Analysis{e: e, list: opt.listLimit()}
	points := func(es []entry) []Point {
		f := frontier(es)
		for i := range f {
			slices.Sort(f[i].ranks)
		}
		return a.points(f)
	}
	var out []Change
	for q, pos := range e.positions {
		for j, rl := range pos.RedLines {
			if c := lines[q*MaxRedLines+j]; c.admitted > 0 {
				out = append(out, Change{Party: pos.Party, RedLine: rl.ID, Admitted: c.admitted, Frontier: points(c.es)})
			}
		}
		if c := reservations[q]; c.admitted > 0 {
			out = append(out, Change{Party: pos.Party, Reservation: decimal.New(c.best, -e.placesOf[q]), Admitted: c.admitted, Frontier: points(c.es)})
		}
	}
	return out, nil
}

// Admitted yields the packages change c (one of [Evaluator.WhatIf]'s)
// makes acceptable, in the order of [Space.All]; each Package is reused
// (see [Package]). It enumerates the space once, in the order of
// [Space.All]; opt.Context stops it early, as do an unknown party or red
// line, for which it yields nothing.
func (e *Evaluator) Admitted(c Change, opt Options) iter.Seq[Package] {
	return func(yield func(Package) bool) {
		if e == nil {
			return
		}
		q := slices.Index(e.parties, c.Party)
		if q < 0 {
			return
		}
		var bit uint64
		var at int64
		if c.RedLine != "" {
			j := slices.IndexFunc(e.positions[q].RedLines, func(rl RedLine) bool { return rl.ID == c.RedLine })
			if j < 0 {
				return
			}
			bit = 1 << j
		} else {
			v, ok := toScaled(c.Reservation, int(e.placesOf[q]))
			if !ok {
				return
			}
			at = v
		}
		w, err := e.newWalker(nil)
		if err != nil {
			return
		}
		w.ctx = opt.Context
		res := e.res
		w.run(func(p Package, vals []int64, red []uint64, feasible bool) bool {
			if !feasible {
				return true
			}
			for r := range e.np {
				switch {
				case r == q && bit != 0:
					if red[r] != bit || vals[r] < res[r] {
						return true
					}
				case r == q:
					if red[r] != 0 || vals[r] >= res[r] || vals[r] != at {
						return true
					}
				case red[r] != 0 || vals[r] < res[r]:
					return true
				}
			}
			return yield(p)
		})
	}
}
