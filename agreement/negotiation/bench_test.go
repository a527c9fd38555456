package negotiation

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// benchCase builds, with no randomness, a space of k issues of five
// alternatives and three parties with two red lines each. Issues 0 to 4
// are territorial, each on its own area (status quo, freeze, cede,
// withdraw, special status); issue 5 acts on areas 0 to 3 too, so that some
// of its alternatives conflict with theirs and two territory red lines
// depend on two issues (tabulated); the other issues are clauses
// (deployments by a NATO member or not, obligations).
func benchCase(k int) (agreement.Territory, []agreement.Group, []Issue, []Position) {
	var t agreement.Territory
	for a := range 5 {
		t.Areas = append(t.Areas, agreement.Area{ID: agreement.AreaID(fmt.Sprintf("a%d", a)), Size: decimal.NewFromInt(int64(100 + 37*a)),
			Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(100)}},
			Control:     []agreement.Share{{Party: "RU", Percent: decimal.NewFromInt(60)}, {Party: "UA", Percent: decimal.NewFromInt(40)}}})
	}
	groups := []agreement.Group{{ID: "NATO", Members: []agreement.PartyID{"US", "FR"}}}
	var issues []Issue
	for i := range k {
		is := Issue{ID: IssueID(fmt.Sprintf("i%d", i))}
		area := []agreement.AreaID{agreement.AreaID(fmt.Sprintf("a%d", i%5))}
		for a := range 5 {
			alt := Alternative{ID: AlternativeID(fmt.Sprintf("x%d", a))}
			id := agreement.OptionID(fmt.Sprintf("o%d-%d", i, a))
			switch {
			case i < 5:
				switch a {
				case 1:
					alt.Options = []agreement.Option{{ID: id, Kind: agreement.OptionKindFreeze, Areas: area}}
				case 2:
					alt.Options = []agreement.Option{{ID: id, Kind: agreement.OptionKindCede, Areas: area, From: "UA", To: "RU"}}
				case 3:
					alt.Options = []agreement.Option{{ID: id, Kind: agreement.OptionKindWithdraw, Areas: area, From: "RU", To: "UA",
						Deadline: agreement.Deadline{After: 30 * 24 * time.Hour}}}
				case 4:
					alt.Options = []agreement.Option{{ID: id, Kind: agreement.OptionKindSpecialStatus, Areas: area}}
				}
			case i == 5:
				on := []agreement.AreaID{agreement.AreaID(fmt.Sprintf("a%d", a%4))}
				switch a {
				case 1:
					alt.Options = []agreement.Option{{ID: id, Kind: agreement.OptionKindFreeze, Areas: on}}
				case 2:
					alt.Options = []agreement.Option{{ID: id, Kind: agreement.OptionKindCede, Areas: on, From: "UA", To: "RU"}}
				case 3:
					alt.Options = []agreement.Option{{ID: id, Kind: agreement.OptionKindRecogniseControl, Areas: on, Party: "RU"}}
				}
			default:
				switch a {
				case 1, 2:
					debtor := []agreement.PartyID{"FR", "DE"}[a-1]
					alt.Clauses = []agreement.Clause{{ID: "deploy", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{debtor},
						Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}}}
				case 3:
					alt.Clauses = []agreement.Clause{{ID: "perform", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
						Action: &agreement.Pattern{Kind: agreement.EventKindPerformance}}}
				}
			}
			is.Alternatives = append(is.Alternatives, alt)
		}
		issues = append(issues, is)
	}
	parties := []agreement.PartyID{"UA", "RU", "US"}
	hundred := agreement.Measure(agreement.UnitPercent)
	lines := [][]RedLine{
		{{ID: "keep-a2", Territory: &TerritoryLine{Party: "UA", Areas: []agreement.AreaID{"a2"}, Bound: hundred.AtLeast(decimal.NewFromInt(100))}},
			{ID: "no-i4-x2", Choice: &ChoiceLine{Choice: Choice{Issue: "i4", Alternative: "x2"}}}},
		{{ID: "no-nato", Clause: &ClauseLine{Pattern: agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO", Target: "UA"}}},
			{ID: "control-a1", Territory: &TerritoryLine{Party: "RU", Control: true, Areas: []agreement.AreaID{"a1"}, Bound: hundred.AtLeast(decimal.NewFromInt(50))}}},
		{{ID: "no-i3-x2", Choice: &ChoiceLine{Choice: Choice{Issue: "i3", Alternative: "x2"}}},
			{ID: "not-i9-x3", Choice: &ChoiceLine{Choice: Choice{Issue: IssueID(fmt.Sprintf("i%d", k-1)), Alternative: "x3"}}}},
	}
	var ps []Position
	for p, party := range parties {
		pos := Position{Party: party, Reservation: decimal.NewFromInt(int64(3 * k / 2)), RedLines: lines[p]}
		for i := range k {
			iv := IssueValue{Issue: IssueID(fmt.Sprintf("i%d", i)), Weight: decimal.NewFromInt(int64((p+i)%3 + 1))}
			for a := range 5 {
				v := (p*7+i*3+a*5+p*a*i)%11 - 4
				iv.Values = append(iv.Values, AlternativeValue{Alternative: AlternativeID(fmt.Sprintf("x%d", a)), Value: decimal.New(int64(v*10+p), -1)})
			}
			pos.Issues = append(pos.Issues, iv)
		}
		pos.Pairs = []PairValue{{A: Choice{"i0", "x1"}, B: Choice{"i5", "x3"}, Value: decimal.NewFromInt(int64(p - 1))}}
		if k > 7 {
			pos.Pairs = append(pos.Pairs, PairValue{A: Choice{"i6", "x1"}, B: Choice{"i7", "x2"}, Value: decimal.NewFromInt(int64(2 - p))})
		}
		ps = append(ps, pos)
	}
	return t, groups, issues, ps
}

func benchEvaluator(b *testing.B, k int) *Evaluator {
	b.Helper()
	t, g, is, ps := benchCase(k)
	s, err := NewSpace(t, g, is)
	if err != nil {
		b.Fatal(err)
	}
	e, err := Compile(s, ps)
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// handLoop is the baseline: a hand-written int64 loop over every package
// doing the same sums and checks from the same tables, written as nested
// loops (one level per issue, by recursion) that keep running sums: at each
// level it adds the chosen alternative's values and pair values with the
// alternatives chosen above, ORs its red-line bits and those of the
// territory tables completed there, and checks its conflicts with the
// alternatives chosen above; at the bottom it compares with the
// reservation values.
func handLoop(e *Evaluator) (acceptable, infeasible uint64) {
	s := e.space
	k, np := len(s.radix), e.np
	d := make([]int, k)
	g := make([]int, k)
	vals := make([]int64, (k+1)*np)
	red := make([]uint64, (k+1)*np)
	forb := make([]uint64, (k+1)*s.words)
	tablesAt := make([][]*table, k)
	for ti := range e.tables {
		t := &e.tables[ti]
		tablesAt[t.issues[len(t.issues)-1]] = append(tablesAt[t.issues[len(t.issues)-1]], t)
	}
	var level func(l int, bad bool)
	level = func(l int, bad bool) {
		if l == k {
			if bad {
				infeasible++
				return
			}
			for q := range np {
				if red[k*np+q] != 0 || vals[k*np+q] < e.res[q] {
					return
				}
			}
			acceptable++
			return
		}
		for a := range s.radix[l] {
			d[l] = a
			x := s.base[l] + a
			g[l] = x
			for q := range np {
				vals[(l+1)*np+q] = vals[l*np+q] + e.val[x*np+q]
				red[(l+1)*np+q] = red[l*np+q] | e.red[x*np+q]
			}
			for _, pi := range e.pairsOf[x] {
				pt := e.pairs[pi]
				other := pt.g
				if other == x {
					other = pt.h
				}
				if oi, _ := s.locate(other); oi < l && g[oi] == other {
					for q := range np {
						vals[(l+1)*np+q] += pt.v[q]
					}
				}
			}
			for _, t := range tablesAt[l] {
				idx := 0
				for j, i := range t.issues {
					idx += d[i] * t.stride[j]
				}
				if t.state[idx] == 1 {
					red[(l+1)*np+t.party] |= 1 << t.bit
				}
			}
			for w := range s.words {
				forb[(l+1)*s.words+w] = forb[l*s.words+w] | s.conflicts[x][w]
			}
			level(l+1, bad || forb[l*s.words+x/64]&(1<<(x%64)) != 0)
		}
	}
	level(0, false)
	return acceptable, infeasible
}

func TestHandLoopAgrees(t *testing.T) {
	k := 6
	if !testing.Short() {
		k = 7
	}
	tt, g, is, ps := benchCase(k)
	s, err := NewSpace(tt, g, is)
	if err != nil {
		t.Fatal(err)
	}
	e, err := Compile(s, ps)
	if err != nil {
		t.Fatal(err)
	}
	c, err := e.Count(Options{})
	if err != nil {
		t.Fatal(err)
	}
	acc, inf := handLoop(e)
	if c.Acceptable != acc || c.Infeasible != inf {
		t.Fatalf("Count = %+v, hand loop acceptable %d infeasible %d", c, acc, inf)
	}
	if acc == 0 || inf == 0 || len(e.tables) != 2 {
		t.Fatalf("the benchmark case should have acceptable (%d) and infeasible (%d) packages and two tables (%d)", acc, inf, len(e.tables))
	}
}

// BenchmarkEvaluate evaluates every package of the space of 10 issues of 5
// alternatives (9,765,625 packages), three parties with two red lines each:
// the evaluator's incremental walk (Count) against the hand-written loop.
func BenchmarkEvaluate(b *testing.B) {
	e := benchEvaluator(b, 10)
	n, _ := e.space.size64()
	b.Run("evaluator", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Count(Options{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "packages/s")
	})
	b.Run("handloop", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			handLoop(e)
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "packages/s")
	})
}

// BenchmarkAnalyze analyses the whole space of 10 issues of 5 alternatives
// on one goroutine: every package evaluated, the frontier built by chunks,
// the solutions chosen. It reports the frontier's size, the number of
// acceptable packages, and the peak of live heap objects above the level
// before the loop, sampled every millisecond by another goroutine
// (runtime/metrics, which does not stop the world).
func BenchmarkAnalyze(b *testing.B) {
	e := benchEvaluator(b, 10)
	b.ReportAllocs()
	var a *Analysis
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	before := heap()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if h := heap(); h > peak.Load() {
					peak.Store(h)
				}
			}
		}
	})
	for b.Loop() {
		var err error
		a, err = e.Analyze(Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
	n := 0
	for _, pt := range a.Frontier {
		n += int(pt.Count)
	}
	if p := peak.Load(); p > before {
		b.ReportMetric(float64(p-before), "peak-heap-B")
	}
	b.ReportMetric(float64(len(a.Frontier)), "frontier-points")
	b.ReportMetric(float64(n), "frontier-packages")
	b.ReportMetric(float64(a.Acceptable), "acceptable")
}

// pairwiseFrontier is the baseline: every vector compared with every other.
func pairwiseFrontier(vs [][]int64) int {
	n := 0
	for i, v := range vs {
		dominated := false
		for j, u := range vs {
			if i != j && dominates(u, v) {
				dominated = true
				break
			}
		}
		if !dominated {
			n++
		}
	}
	return n
}

// BenchmarkFrontier compares the sort-and-sweep frontier with the pairwise
// baseline on the value vectors of the feasible packages of a space of 6
// issues of 5 alternatives (red lines and reservations left aside).
func BenchmarkFrontier(b *testing.B) {
	e := benchEvaluator(b, 6)
	w, err := e.newWalker(nil)
	if err != nil {
		b.Fatal(err)
	}
	var vs [][]int64
	w.run(func(_ Package, vals []int64, _ []uint64, feasible bool) bool {
		if feasible {
			vs = append(vs, slices.Clone(vals))
		}
		return true
	})
	want := 0
	for _, en := range frontier(entries(vs)) {
		want += len(en.ranks)
	}
	if got := pairwiseFrontier(vs); got != want {
		b.Fatalf("pairwise frontier has %d packages, sweep %d", got, want)
	}
	b.ReportMetric(float64(len(vs)), "vectors")
	b.Run("sweep", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frontier(entries(vs))
		}
	})
	b.Run("pairwise", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pairwiseFrontier(vs)
		}
	})
}

func entries(vs [][]int64) []entry {
	es := make([]entry, len(vs))
	for i, v := range vs {
		es[i] = entry{v: v, ranks: []uint64{uint64(i)}}
	}
	return es
}

// BenchmarkCountWorkers counts the space of 10 issues of 5 alternatives
// with one and two workers.
func BenchmarkCountWorkers(b *testing.B) {
	e := benchEvaluator(b, 10)
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Count(Options{Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// opposedEvaluator builds, with no randomness, a space of k issues of five
// alternatives (no options, no red lines) and three opposed parties: C's
// value is -(A+B), so no package dominates another and every package with
// distinct values for A and B is on the frontier.
func opposedEvaluator(b *testing.B, k int) *Evaluator {
	var issues []Issue
	pos := []Position{{Party: "A"}, {Party: "B"}, {Party: "C"}}
	w := int64(1)
	for i := range k {
		is := Issue{ID: IssueID(fmt.Sprintf("i%d", i))}
		ivs := make([]IssueValue, 3)
		for q := range ivs {
			ivs[q] = IssueValue{Issue: is.ID, Weight: decimal.NewFromInt(1)}
		}
		for a := range 5 {
			id := AlternativeID(fmt.Sprintf("a%d", a))
			is.Alternatives = append(is.Alternatives, Alternative{ID: id})
			va := int64(a) * w
			vb := int64((a*3+i)%5) * (w + int64(i))
			ivs[0].Values = append(ivs[0].Values, AlternativeValue{Alternative: id, Value: decimal.NewFromInt(va)})
			ivs[1].Values = append(ivs[1].Values, AlternativeValue{Alternative: id, Value: decimal.NewFromInt(vb)})
			ivs[2].Values = append(ivs[2].Values, AlternativeValue{Alternative: id, Value: decimal.NewFromInt(-va - vb)})
		}
		w *= 5
		for q := range pos {
			pos[q].Issues = append(pos[q].Issues, ivs[q])
		}
		issues = append(issues, is)
	}
	for q := range pos {
		pos[q].Reservation = decimal.NewFromInt(-100_000_000)
	}
	s, err := NewSpace(agreement.Territory{}, nil, issues)
	if err != nil {
		b.Fatal(err)
	}
	e, err := Compile(s, pos)
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkFrontierOpposed compares the three-party staircase sweep with
// the pairwise baseline on the value vectors of an opposed space of 6
// issues of 5 alternatives (15,625 packages, all on the frontier), and
// analyses an opposed space of 7 issues (78,125 packages) whole.
func BenchmarkFrontierOpposed(b *testing.B) {
	e := opposedEvaluator(b, 6)
	w, err := e.newWalker(nil)
	if err != nil {
		b.Fatal(err)
	}
	var vs [][]int64
	w.run(func(_ Package, vals []int64, _ []uint64, _ bool) bool {
		vs = append(vs, slices.Clone(vals))
		return true
	})
	want := 0
	for _, en := range frontier(entries(vs)) {
		want += len(en.ranks)
	}
	if got := pairwiseFrontier(vs); got != want {
		b.Fatalf("pairwise frontier has %d packages, sweep %d", got, want)
	}
	b.Run("sweep", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			frontier(entries(vs))
		}
		b.ReportMetric(float64(want), "frontier-packages")
	})
	b.Run("pairwise", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			pairwiseFrontier(vs)
		}
		b.ReportMetric(float64(want), "frontier-packages")
	})
	big := opposedEvaluator(b, 7)
	b.Run("analyze-78125", func(b *testing.B) {
		b.ReportAllocs()
		var a *Analysis
		for b.Loop() {
			if a, err = big.Analyze(Options{Chunk: 4096}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(a.Frontier)), "frontier-points")
	})
}
