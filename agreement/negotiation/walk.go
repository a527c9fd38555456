package negotiation

import (
	"context"
	"fmt"
	"slices"

	"github.com/peacekit/peacekit/agreement"
)

// walker enumerates the packages of a space in a mixed-radix order over a
// permutation of the issues (the last issue of order varies fastest),
// keeping per level the sums, red-line bits and conflict sets of the
// alternatives chosen at the levels before it, so that moving to the next
// package recomputes only the levels whose choice changed.
type walker struct {
	e     *Evaluator
	order []int // order[level] = issue
	np    int
	words int

	pkg    Package  // by issue
	digit  []int    // by level
	chosen []int    // by level: global index
	sums   []int64  // [(level)*np+p], level 0..k
	red    []uint64 // as sums
	forb   []uint64 // [(level)*words+w]
	bad    []bool   // [level]: a conflict among levels before

	// Scratch buffers of analysePart, kept across the slices one walker
	// enumerates.
	bufV []int64
	bufR []uint64
	bufI []int32

	// ctx, when set, is checked every checkEvery packages; err is its
	// error once it is done, and the walk stops.
	ctx context.Context
	err error

	// per level, the pair terms to add when the alternative at that level
	// is g: pairAt[g] lists (earlier level, earlier global index, term).
	pairAt [][]pairRef
	// tablesAt[level] lists the tables completed at that level.
	tablesAt [][]*table
}

type pairRef struct {
	level, g int
	v        []int64
}

func (e *Evaluator) newWalker(order []int) (*walker, error) {
	s := e.space
	k := len(s.radix)
	if order == nil {
		order = make([]int, k)
		for i := range order {
			order[i] = i
		}
	}
	if len(order) != k {
		return nil, fmt.Errorf("%w: order has %d issues, the space %d", agreement.ErrInvalidValue, len(order), k)
	}
	seen := make([]bool, k)
	for _, i := range order {
		if i < 0 || i >= k || seen[i] {
			return nil, fmt.Errorf("%w: order %v is not a permutation of the issues", agreement.ErrInvalidValue, order)
		}
		seen[i] = true
	}
	w := &walker{e: e, order: slices.Clone(order), np: e.np, words: s.words}
	w.pkg = make(Package, k)
	w.digit = make([]int, k)
	w.chosen = make([]int, k)
	w.sums = make([]int64, (k+1)*e.np)
	w.red = make([]uint64, (k+1)*e.np)
	w.forb = make([]uint64, (k+1)*s.words)
	w.bad = make([]bool, k+1)
	level := make([]int, k)
	for l, i := range order {
		level[i] = l
	}
	w.pairAt = make([][]pairRef, s.total)
	for _, pt := range e.pairs {
		ig, _ := s.locate(pt.g)
		ih, _ := s.locate(pt.h)
		g, h := pt.g, pt.h
		lg, lh := level[ig], level[ih]
		if lg > lh {
			g, h, lg, lh = h, g, lh, lg
		}
		// h is at the later level lh; g at the earlier lg.
		w.pairAt[h] = append(w.pairAt[h], pairRef{level: lg, g: g, v: pt.v})
	}
	w.tablesAt = make([][]*table, k)
	for ti := range e.tables {
		t := &e.tables[ti]
		last := 0
		for _, i := range t.issues {
			last = max(last, level[i])
		}
		w.tablesAt[last] = append(w.tablesAt[last], t)
	}
	return w, nil
}

// from recomputes the state of levels l and after.
func (w *walker) from(l int) {
	e := w.e
	s := e.space
	np, words := w.np, w.words
	for ; l < len(w.order); l++ {
		i := w.order[l]
		a := w.digit[l]
		w.pkg[i] = a
		g := s.base[i] + a
		w.chosen[l] = g
		src, dst := w.sums[l*np:(l+1)*np], w.sums[(l+1)*np:(l+2)*np]
		rsrc, rdst := w.red[l*np:(l+1)*np], w.red[(l+1)*np:(l+2)*np]
		gv, gr := e.val[g*np:(g+1)*np], e.red[g*np:(g+1)*np]
		for q := range np {
			dst[q] = src[q] + gv[q]
			rdst[q] = rsrc[q] | gr[q]
		}
		for _, pr := range w.pairAt[g] {
			if w.chosen[pr.level] == pr.g {
				for q := range np {
					dst[q] += pr.v[q]
				}
			}
		}
		for _, t := range w.tablesAt[l] {
			idx := 0
			for k, ti := range t.issues {
				idx += w.pkg[ti] * t.stride[k]
			}
			if t.state[idx] == 1 {
				rdst[t.party] |= 1 << t.bit
			}
		}
		fsrc, fdst := w.forb[l*words:(l+1)*words], w.forb[(l+1)*words:(l+2)*words]
		gc := s.conflicts[g]
		for x := range words {
			fdst[x] = fsrc[x] | gc[x]
		}
		w.bad[l+1] = w.bad[l] || fsrc[g/64]&(1<<(g%64)) != 0
	}
}

// checkEvery is how many packages a walk enumerates between two looks at
// its context: a power of two.
const checkEvery = 1 << 14

// run calls fn for every package until it returns false. fn receives the
// package (by issue), its values and red-line bits per party, and whether
// it is feasible; all are reused.
func (w *walker) run(fn func(p Package, vals []int64, red []uint64, feasible bool) bool) {
	w.runFrom(-1, fn)
}

// runFrom is run over the packages whose first level (in the walker's
// order) chooses alternative first; over every package when first < 0.
func (w *walker) runFrom(first int, fn func(p Package, vals []int64, red []uint64, feasible bool) bool) {
	k := len(w.order)
	np := w.np
	vals := w.sums[k*np:]
	red := w.red[k*np:]
	radix := w.e.space.radix
	clear(w.digit)
	stop := 0
	if first >= 0 {
		w.digit[0] = first
		stop = 1
	}
	w.from(0)
	for n := 1; ; n++ {
		if !fn(w.pkg, vals, red, !w.bad[k]) {
			return
		}
		if n&(checkEvery-1) == 0 && w.ctx != nil {
			if err := w.ctx.Err(); err != nil {
				w.err = err
				return
			}
		}
		l := k - 1
		for l >= stop {
			w.digit[l]++
			if w.digit[l] < radix[w.order[l]] {
				break
			}
			w.digit[l] = 0
			l--
		}
		if l < stop {
			return
		}
		w.from(l)
	}
}
