package negotiation

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"math/big"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Options tune how [Evaluator.Analyze] enumerates; no option changes its
// results.
type Options struct {
	// Order is the order of the issues in the enumeration, the last
	// varying fastest; nil is the space's own order.
	Order []int
	// Chunk is how many acceptable packages are buffered, at least, before
	// they are merged into the frontier; 0 means 1<<16. A chunk also grows
	// to the size of the frontier so far, so that the merges cost
	// O(n log n) in all: memory is at most about twice the frontier, or
	// Chunk packages.
	Chunk int
	// Workers is how many goroutines enumerate, each a slice of the
	// packages (those choosing one alternative of the first issue of the
	// order) at a time; 0 means one.
	Workers int
	// Context, when set, cancels the enumeration: it is consulted every
	// few thousand packages, and a call whose context is done returns an
	// error wrapping the context's error. An analysis keeps it for
	// [Analysis.Sensitivity] and [Analysis.Excluded], which enumerate the
	// space again. Enumeration goes through some millions of packages a
	// second per core, so a space of 2^40 packages takes days: bound the
	// work with a deadline.
	Context context.Context
	// List is the most packages a [Point] lists in Packages; 0 means
	// [DefaultList], a negative number every package. [Point.All] yields
	// every package whatever List is.
	List int
}

// DefaultList is how many packages a [Point] lists when [Options.List] is
// zero.
const DefaultList = 1000

// listLimit returns the most packages a point lists.
func (o Options) listLimit() int {
	switch {
	case o.List == 0:
		return DefaultList
	case o.List < 0:
		return -1
	}
	return o.List
}

// Point is a value vector and the packages that have it: the packages an
// analysis cannot tell apart.
type Point struct {
	// Values are per party, in the order of [Evaluator.Parties].
	Values []decimal.Decimal
	// Packages are the first packages (at most [Options.List]) that have
	// exactly these values, in increasing lexicographic order of their
	// choices; Count says how many there are and All yields every one.
	Packages []Package
	// Count is the number of packages with these values.
	Count uint64

	space *Space
	ranks []uint64 // of every package, ascending; shared, never modified
}

// All yields every package with the point's values, in increasing
// lexicographic order of their choices, each a new Package. The analysis
// holds them as one integer each, so a point with many tied packages costs
// 8 bytes a package until they are asked for.
func (pt Point) All() iter.Seq[Package] {
	return func(yield func(Package) bool) {
		if pt.space == nil {
			for _, p := range pt.Packages {
				if !yield(slices.Clone(p)) {
					return
				}
			}
			return
		}
		for _, r := range pt.ranks {
			if !yield(pt.space.unrank(r)) {
				return
			}
		}
	}
}

// clone returns a copy of pt sharing nothing the caller can modify.
func (pt Point) clone() Point {
	c := pt
	c.Values = slices.Clone(pt.Values)
	c.Packages = make([]Package, len(pt.Packages))
	for i, p := range pt.Packages {
		c.Packages[i] = slices.Clone(p)
	}
	return c
}

// Analysis is the result of [Evaluator.Analyze]. Its points are in
// decreasing lexicographic order of their value vectors (the first party's
// value first).
type Analysis struct {
	e *Evaluator
	// Packages is the number of packages of the space, Infeasible the
	// number of them with conflicting options, Acceptable the number of
	// feasible ones every party accepts.
	Packages, Infeasible, Acceptable uint64
	// Frontier is the Pareto frontier of the acceptable packages.
	Frontier []Point
	// Nash, KalaiSmorodinsky, Egalitarian and Welfare are the frontier
	// points each solution selects, all of them when several tie. They are
	// empty when no package is acceptable.
	Nash, KalaiSmorodinsky, Egalitarian, Welfare []Point

	front []entry // the frontier, scaled, in the order of Frontier
	list  int     // the most packages a point lists, or -1 for all
	ctx   context.Context
}

// entry is a value vector (scaled) with the ranks of its packages.
type entry struct {
	v     []int64
	ranks []uint64
}

// Analyze enumerates every package of the space once, in the order opt
// asks, holding only a chunk of acceptable packages and the frontier so
// far, and returns the analysis. It returns an error wrapping [ErrTooLarge]
// when the space has more than 2^64-1 packages, and one wrapping
// [agreement.ErrInvalidValue] for an order that is not a permutation of
// the issues.
func (e *Evaluator) Analyze(opt Options) (*Analysis, error) {
	if e == nil {
		return nil, fmt.Errorf("%w: nil evaluator", agreement.ErrMissing)
	}
	total, ok := e.space.size64()
	if !ok {
		return nil, fmt.Errorf("%w: the space has more than 2^64-1 packages", ErrTooLarge)
	}
	if _, err := e.newWalker(opt.Order); err != nil {
		return nil, err
	}
	chunk := opt.Chunk
	if chunk <= 0 {
		chunk = 1 << 16
	}
	a := &Analysis{e: e, Packages: total, list: opt.listLimit(), ctx: opt.Context}
	parts, err := e.parts(opt, func(w *walker, first int) part {
		return e.analysePart(w, first, chunk)
	})
	if err != nil {
		return nil, err
	}
	var front []entry
	for _, p := range parts {
		a.Infeasible += p.infeasible
		a.Acceptable += p.acceptable
		front = append(front, p.front...)
	}
	front = frontier(front)
	for i := range front {
		slices.Sort(front[i].ranks)
	}
	a.front = front
	a.Frontier = a.points(front)
	a.solve()
	return a, nil
}

// part is what one slice of the enumeration found.
type part struct {
	infeasible, acceptable uint64
	front                  []entry
}

// parts runs f over the slices of the enumeration (one per alternative of
// the first issue of the order), on opt.Workers goroutines (at least one),
// and returns the parts in slice order, so that the result does not depend
// on the number of workers.
func (e *Evaluator) parts(opt Options, f func(w *walker, first int) part) ([]part, error) {
	probe, err := e.newWalker(opt.Order)
	if err != nil {
		return nil, err
	}
	n := e.space.radix[probe.order[0]]
	out := make([]part, n)
	workers := min(max(opt.Workers, 1), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	walkers := make([]*walker, workers)
	for k := range walkers {
		w, _ := e.newWalker(opt.Order)
		w.ctx = opt.Context
		walkers[k] = w
		wg.Go(func() {
			for w.err == nil {
				first := int(next.Add(1) - 1)
				if first >= n {
					return
				}
				out[first] = f(w, first)
			}
		})
	}
	wg.Wait()
	for _, w := range walkers {
		if w.err != nil {
			return nil, fmt.Errorf("negotiation: enumeration stopped: %w", w.err)
		}
	}
	return out, nil
}

// analysePart counts and builds the frontier of one slice.
func (e *Evaluator) analysePart(w *walker, first, chunk int) part {
	np := e.np
	var pt part
	weight := e.space.rankWeights()
	if cap(w.bufR) < chunk {
		w.bufV, w.bufR = make([]int64, 0, chunk*np), make([]uint64, 0, chunk)
	}
	buf, ranks := w.bufV[:0], w.bufR[:0]
	defer func() { w.bufV, w.bufR = buf[:0], ranks[:0] }()
	// A chunk is flushed when it holds at least chunk packages and at
	// least as many as the frontier so far, so that merging costs, over the
	// whole slice, O(n log n) for n acceptable packages.
	limit := chunk
	flush := func() {
		pt.front = mergeFrontiers(pt.front, chunkFrontier(buf, ranks, np, &w.bufI))
		buf, ranks = buf[:0], ranks[:0]
		limit = max(chunk, len(pt.front))
	}
	res := e.res
	w.runFrom(first, func(p Package, vals []int64, red []uint64, feasible bool) bool {
		if !feasible {
			pt.infeasible++
			return true
		}
		for q := range np {
			if red[q] != 0 || vals[q] < res[q] {
				return true
			}
		}
		pt.acceptable++
		var r uint64
		for i, c := range p {
			r += uint64(c) * weight[i]
		}
		buf = append(buf, vals...)
		ranks = append(ranks, r)
		if len(ranks) >= limit {
			flush()
		}
		return true
	})
	flush()
	return pt
}

// chunkFrontier returns the frontier of a chunk: the vectors in buf (np
// values each) of the packages of the given ranks. Packages with equal
// vectors become one entry, with a new slice of their ranks in the
// chunk's order, so that a chunk of tied packages costs a few bytes a
// package; idx is scratch space.
func chunkFrontier(buf []int64, ranks []uint64, np int, idx *[]int32) []entry {
	if len(ranks) == 0 {
		return nil
	}
	ix := (*idx)[:0]
	for i := range ranks {
		ix = append(ix, int32(i))
	}
	*idx = ix
	vec := func(i int32) []int64 { return buf[int(i)*np : (int(i)+1)*np] }
	slices.SortStableFunc(ix, func(x, y int32) int { return -slices.Compare(vec(x), vec(y)) })
	var es []entry
	for lo := 0; lo < len(ix); {
		hi := lo + 1
		for hi < len(ix) && slices.Equal(vec(ix[lo]), vec(ix[hi])) {
			hi++
		}
		rs := make([]uint64, hi-lo)
		for k := lo; k < hi; k++ {
			rs[k-lo] = ranks[ix[k]]
		}
		es = append(es, entry{v: vec(ix[lo]), ranks: rs})
		lo = hi
	}
	kept := sweep(es)
	// The vectors kept point into buf: copy them out before it is reused.
	for i := range kept {
		kept[i].v = slices.Clone(kept[i].v)
	}
	return kept
}

// rankWeights returns the weight of each issue's choice in a package's rank.
func (s *Space) rankWeights() []uint64 {
	w := make([]uint64, len(s.radix))
	m := uint64(1)
	for i := len(s.radix) - 1; i >= 0; i-- {
		w[i] = m
		m *= uint64(s.radix[i])
	}
	return w
}

// unrank returns the package of rank r.
func (s *Space) unrank(r uint64) Package {
	p := make(Package, len(s.radix))
	for i := len(s.radix) - 1; i >= 0; i-- {
		p[i] = int(r % uint64(s.radix[i]))
		r /= uint64(s.radix[i])
	}
	return p
}

// dominates reports whether u is at least v for every party and more for
// one.
func dominates(u, v []int64) bool {
	more := false
	for q := range u {
		if u[q] < v[q] {
			return false
		}
		if u[q] > v[q] {
			more = true
		}
	}
	return more
}

// frontier returns the undominated entries of es, with equal vectors
// merged, in decreasing lexicographic order: a sort, then a sweep.
func frontier(es []entry) []entry {
	slices.SortFunc(es, func(x, y entry) int { return -slices.Compare(x.v, y.v) })
	return sweep(es)
}

// mergeFrontiers returns the frontier of the union of two frontiers, each
// in decreasing lexicographic order: a merge, then a sweep, without a sort.
func mergeFrontiers(x, y []entry) []entry {
	if len(x) == 0 {
		return y
	}
	if len(y) == 0 {
		return x
	}
	out := make([]entry, 0, len(x)+len(y))
	for len(x) > 0 && len(y) > 0 {
		if slices.Compare(x[0].v, y[0].v) >= 0 {
			out, x = append(out, x[0]), x[1:]
		} else {
			out, y = append(out, y[0]), y[1:]
		}
	}
	out = append(append(out, x...), y...)
	return sweep(out)
}

// sweep keeps the undominated entries of es, which are in decreasing
// lexicographic order, merging equal vectors: each vector can be dominated
// only by one before it, and so only by one already kept (domination is
// transitive). Every kept vector's first value is at least the current
// one's, so the test is on the other values: for two parties, against the
// largest second value kept; for three, against a staircase of the kept
// (second, third) pairs (O(log n) per vector); for four, more than
// kungBase vectors go to kung4; for more, the staircase first (a vector it
// does not cover is undominated), then every kept vector.
func sweep(es []entry) []entry {
	if len(es) > kungBase && len(es[0].v) == 4 {
		return kung4(mergeRuns(es))
	}
	var kept []entry
	var st *staircase
	if len(es) > 0 && len(es[0].v) >= 3 {
		st = newStaircase()
	}
	for i := 0; i < len(es); {
		en := es[i]
		// Merge a run of equal vectors into one entry, its ranks in one
		// new slice of the exact size.
		j, total := i+1, len(en.ranks)
		for j < len(es) && slices.Equal(es[j].v, en.v) {
			total += len(es[j].ranks)
			j++
		}
		if j > i+1 {
			en.ranks = appendRanks(es[i:j], total)
		}
		i = j
		dominated := false
		switch {
		case len(kept) == 0:
		case len(en.v) == 1:
			// The kept vector's only value is larger.
			dominated = true
		case len(en.v) == 2:
			// The last kept has the largest second value.
			dominated = kept[len(kept)-1].v[1] >= en.v[1]
		case len(en.v) == 3:
			dominated = st.covers(en.v[1], en.v[2])
		case st.covers(en.v[1], en.v[2]):
			// Four parties or more: a vector no kept one is at least in
			// the second and third values is undominated; otherwise scan.
			for _, k := range kept {
				if dominates(k.v, en.v) {
					dominated = true
					break
				}
			}
		}
		if !dominated {
			// With four parties or more, a kept vector may be covered in
			// its second and third values; the staircase keeps only the
			// maximal pairs.
			if st != nil && !st.covers(en.v[1], en.v[2]) {
				st.insert(en.v[1], en.v[2])
			}
			kept = append(kept, entry{v: en.v, ranks: en.ranks})
		}
	}
	return kept
}

// appendRanks returns the ranks of a run of entries with equal vectors,
// total in all, appended to the first's: the entries are being merged and
// the first's slice is its own, so growing it in place (by append's
// amortised growth) keeps a point that gathers ranks chunk after chunk
// from copying them all at every merge.
func appendRanks(run []entry, total int) []uint64 {
	rs := slices.Grow(run[0].ranks, total-len(run[0].ranks))
	for _, x := range run[1:] {
		rs = append(rs, x.ranks...)
	}
	return rs
}

// kungBase is the most vectors of four parties sweep scans; more are
// split by kung4.
const kungBase = 64

// mergeRuns returns es (in decreasing lexicographic order) with each run
// of equal vectors merged into one entry.
func mergeRuns(es []entry) []entry {
	out := make([]entry, 0, len(es))
	for i := 0; i < len(es); {
		j, total := i+1, len(es[i].ranks)
		for j < len(es) && slices.Equal(es[j].v, es[i].v) {
			total += len(es[j].ranks)
			j++
		}
		en := es[i]
		if j > i+1 {
			en.ranks = appendRanks(es[i:j], total)
		}
		out = append(out, en)
		i = j
	}
	return out
}

// kung4 returns the undominated vectors of es: distinct vectors of four
// parties in decreasing lexicographic order. It is Kung's divide and
// conquer: the frontiers of the first and second halves, then the second
// half's members that no member of the first dominates. Every vector of
// the first half has a first value at least that of every vector of the
// second, so a member b of the second is dominated exactly when some
// member t of the first is at least b in the other three values: a sweep
// in decreasing order of the second value (t before b on ties) with a
// staircase of the first half's (third, fourth) values answers that.
// O(n log² n) in all.
func kung4(es []entry) []entry {
	if len(es) <= kungBase {
		return sweep(es)
	}
	mid := len(es) / 2
	top, bottom := kung4(es[:mid]), kung4(es[mid:])
	// bottom is the index in bottom, or -1 for a member of top.
	type item struct {
		v      []int64
		bottom int
	}
	items := make([]item, 0, len(top)+len(bottom))
	for _, t := range top {
		items = append(items, item{t.v, -1})
	}
	for i, b := range bottom {
		items = append(items, item{b.v, i})
	}
	slices.SortStableFunc(items, func(x, y item) int {
		if c := cmp.Compare(y.v[1], x.v[1]); c != 0 {
			return c
		}
		return cmp.Compare(x.bottom, y.bottom)
	})
	st := newStaircase()
	dominated := make([]bool, len(bottom))
	for _, it := range items {
		v := it.v
		switch {
		case it.bottom < 0:
			if !st.covers(v[2], v[3]) {
				st.insert(v[2], v[3])
			}
		case st.covers(v[2], v[3]):
			dominated[it.bottom] = true
		}
	}
	out := make([]entry, 0, len(top)+len(bottom))
	out = append(out, top...)
	for i, b := range bottom {
		if !dominated[i] {
			out = append(out, b)
		}
	}
	return out
}

// staircase holds the maximal points (x, y) of a set, in a treap keyed by
// x: as x increases, y decreases. It answers whether some point of the set
// is at least (x, y) in both coordinates. Priorities come from a fixed
// xorshift sequence, so that the shape never depends on anything else.
type staircase struct {
	x, y  []int64
	pri   []uint32
	l, r  []int32
	root  int32
	state uint32
}

func newStaircase() *staircase { return &staircase{root: -1, state: 2463534242} }

// covers reports whether some point is at least (x, y) in both
// coordinates: the point with the smallest key at least x has the largest
// y among those.
func (s *staircase) covers(x, y int64) bool {
	best := int32(-1)
	for t := s.root; t >= 0; {
		if s.x[t] >= x {
			best, t = t, s.l[t]
		} else {
			t = s.r[t]
		}
	}
	return best >= 0 && s.y[best] >= y
}

// insert adds (x, y), which no point covers, and drops the points it
// covers: those with keys at most x and y at most y, a run of keys ending
// at x.
func (s *staircase) insert(x, y int64) {
	le, gt := s.split(s.root, func(t int32) bool { return s.x[t] <= x })
	keep, _ := s.split(le, func(t int32) bool { return s.y[t] > y })
	s.state ^= s.state << 13
	s.state ^= s.state >> 17
	s.state ^= s.state << 5
	n := int32(len(s.x))
	s.x, s.y, s.pri = append(s.x, x), append(s.y, y), append(s.pri, s.state)
	s.l, s.r = append(s.l, -1), append(s.r, -1)
	s.root = s.merge(s.merge(keep, n), gt)
}

// split splits treap t into the nodes for which left holds (a prefix in
// key order) and the rest.
func (s *staircase) split(t int32, left func(int32) bool) (int32, int32) {
	if t < 0 {
		return -1, -1
	}
	if left(t) {
		a, b := s.split(s.r[t], left)
		s.r[t] = a
		return t, b
	}
	a, b := s.split(s.l[t], left)
	s.l[t] = b
	return a, t
}

// merge joins treaps a and b, every key of a below every key of b.
func (s *staircase) merge(a, b int32) int32 {
	if a < 0 {
		return b
	}
	if b < 0 {
		return a
	}
	if s.pri[a] > s.pri[b] {
		s.r[a] = s.merge(s.r[a], b)
		return a
	}
	s.l[b] = s.merge(a, s.l[b])
	return b
}

func (a *Analysis) points(es []entry) []Point {
	out := make([]Point, len(es))
	for i, en := range es {
		out[i] = a.point(en)
	}
	return out
}

func (a *Analysis) point(en entry) Point {
	pt := Point{Count: uint64(len(en.ranks)), space: a.e.space, ranks: en.ranks}
	for q, v := range en.v {
		pt.Values = append(pt.Values, decimal.New(v, -a.e.placesOf[q]))
	}
	n := len(en.ranks)
	if a.list >= 0 {
		n = min(n, a.list)
	}
	for _, r := range en.ranks[:n] {
		pt.Packages = append(pt.Packages, a.e.space.unrank(r))
	}
	return pt
}

// solve selects the solution points among the frontier.
func (a *Analysis) solve() {
	if len(a.front) == 0 {
		return
	}
	np := a.e.np
	res := a.e.res
	gain := func(en entry, q int) *big.Int {
		return new(big.Int).Sub(big.NewInt(en.v[q]), big.NewInt(res[q]))
	}
	// Nash: the largest product of gains.
	a.Nash = a.argmax(func(en entry) *big.Rat {
		p := big.NewInt(1)
		for q := range np {
			p.Mul(p, gain(en, q))
		}
		return new(big.Rat).SetInt(p)
	})
	// Kalai-Smorodinsky: the largest smallest ratio of a party's gain to
	// its largest gain over the acceptable packages (parties whose largest
	// gain is zero left out).
	ideal := make([]*big.Int, np)
	for q := range np {
		ideal[q] = new(big.Int)
		for _, en := range a.front {
			if g := gain(en, q); g.Cmp(ideal[q]) > 0 {
				ideal[q] = g
			}
		}
	}
	a.KalaiSmorodinsky = a.argmax(func(en entry) *big.Rat {
		var m *big.Rat
		for q := range np {
			if ideal[q].Sign() == 0 {
				continue
			}
			r := new(big.Rat).SetFrac(gain(en, q), ideal[q])
			if m == nil || r.Cmp(m) < 0 {
				m = r
			}
		}
		if m == nil {
			m = new(big.Rat)
		}
		return m
	})
	// Egalitarian: the largest smallest gain, across parties at the
	// common scale.
	lift := a.e.lift
	a.Egalitarian = a.argmax(func(en entry) *big.Rat {
		var m *big.Int
		for q := range np {
			g := gain(en, q)
			g.Mul(g, lift[q])
			if m == nil || g.Cmp(m) < 0 {
				m = g
			}
		}
		return new(big.Rat).SetInt(m)
	})
	// Welfare: the largest sum of values, at the common scale.
	a.Welfare = a.argmax(func(en entry) *big.Rat {
		s := new(big.Int)
		for q := range np {
			s.Add(s, new(big.Int).Mul(big.NewInt(en.v[q]), lift[q]))
		}
		return new(big.Rat).SetInt(s)
	})
}

// argmax returns the frontier points with the largest score, in frontier
// order.
func (a *Analysis) argmax(score func(entry) *big.Rat) []Point {
	var best *big.Rat
	var idx []int
	for i, en := range a.front {
		s := score(en)
		switch c := cmpRat(s, best); {
		case c > 0:
			best, idx = s, []int{i}
		case c == 0:
			idx = append(idx, i)
		}
	}
	out := make([]Point, len(idx))
	for k, i := range idx {
		out[k] = a.Frontier[i].clone()
	}
	return out
}

func cmpRat(x, y *big.Rat) int {
	if y == nil {
		return 1
	}
	return x.Cmp(y)
}

// Certificate says why a package is not on the frontier, or that it is.
type Certificate struct {
	// Conflict is set for an infeasible package.
	Conflict *Conflict
	// Crossed lists the red lines it crosses, by party.
	Crossed []Crossing
	// Below lists the parties for which it is worth less than their
	// reservation value.
	Below []agreement.PartyID
	// DominatedBy is, for an acceptable package off the frontier, the
	// first frontier point (in frontier order) whose values are at least
	// its values for every party and more for one; nil otherwise.
	DominatedBy *Point
	// OnFrontier reports that the package is on the frontier.
	OnFrontier bool
}

// Certify returns the certificate of package p.
func (a *Analysis) Certify(p Package) (Certificate, error) {
	if a == nil || a.e == nil {
		return Certificate{}, fmt.Errorf("%w: nil analysis", agreement.ErrMissing)
	}
	ev, err := a.e.Evaluate(p)
	if err != nil {
		return Certificate{}, err
	}
	c := Certificate{Conflict: ev.Conflict, Crossed: ev.Crossed, Below: ev.Below}
	if !ev.Acceptable() {
		return c, nil
	}
	v, _ := a.e.raw(p)
	for i, en := range a.front {
		if slices.Equal(en.v, v) {
			c.OnFrontier = true
			return c, nil
		}
		if dominates(en.v, v) {
			pt := a.Frontier[i].clone()
			c.DominatedBy = &pt
			return c, nil
		}
	}
	return c, errors.New("negotiation: acceptable package neither on nor below the frontier")
}

// Excluded returns every package not on the frontier with its certificate,
// in the order of [Space.All]. The package is reused (see [Package]). It
// stops early when the analysis's [Options.Context] is done. Each package
// is evaluated alone and compared with the frontier: it costs O(frontier)
// a package, for looking at the packages, not for counting them.
func (a *Analysis) Excluded() iter.Seq2[Package, Certificate] {
	return func(yield func(Package, Certificate) bool) {
		if a == nil || a.e == nil {
			return
		}
		n := 0
		for p := range a.e.space.All() {
			if n++; n%checkEvery == 0 && a.ctx != nil && a.ctx.Err() != nil {
				return
			}
			c, err := a.Certify(p)
			if err != nil || c.OnFrontier {
				continue
			}
			if !yield(p, c) {
				return
			}
		}
	}
}

// Counts are the sizes of a space's sets of packages.
type Counts struct {
	// Packages is the number of packages, Infeasible the number with
	// conflicting options, Acceptable the number of feasible ones every
	// party accepts (the size of the ZOPA).
	Packages, Infeasible, Acceptable uint64
}

// Count enumerates every package once, as [Evaluator.Analyze] does, and
// counts; it holds nothing but the current package. Errors are those of
// Analyze.
func (e *Evaluator) Count(opt Options) (Counts, error) {
	if e == nil {
		return Counts{}, fmt.Errorf("%w: nil evaluator", agreement.ErrMissing)
	}
	total, ok := e.space.size64()
	if !ok {
		return Counts{}, fmt.Errorf("%w: the space has more than 2^64-1 packages", ErrTooLarge)
	}
	np, res := e.np, e.res
	parts, err := e.parts(opt, func(w *walker, first int) part {
		var pt part
		w.runFrom(first, func(_ Package, vals []int64, red []uint64, feasible bool) bool {
			if !feasible {
				pt.infeasible++
				return true
			}
			for q := range np {
				if red[q] != 0 || vals[q] < res[q] {
					return true
				}
			}
			pt.acceptable++
			return true
		})
		return pt
	})
	if err != nil {
		return Counts{}, err
	}
	c := Counts{Packages: total}
	for _, p := range parts {
		c.Infeasible += p.infeasible
		c.Acceptable += p.acceptable
	}
	return c, nil
}
