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

// handTables builds, directly from the rules benchCase(k) follows and
// independently of Compile, what the hand-written loop needs: per issue
// and alternative, each party's contribution in tenths (weight × value)
// and the red-line bits it sets; the reservations in tenths.
//
//   - UA: keep-a2 (bit 0) is crossed by ceding a2: x2 of issue 2 or of
//     issue 5; no-i4-x2 (bit 1) by x2 of issue 4.
//   - RU: no-nato (bit 0) by a deployment of FR (a NATO member) in UA: x1
//     of issues 6 and above; control-a1 (bit 1) by RU's withdrawal from
//     a1: x3 of issue 1.
//   - US: no-i3-x2 (bit 0) by x2 of issue 3; not-i9-x3 (bit 1) by x3 of
//     the last issue.
func handTables(k int) (val [][5][3]int64, red [][5][3]uint64, res [3]int64) {
	val = make([][5][3]int64, k)
	red = make([][5][3]uint64, k)
	for i := range k {
		for a := range 5 {
			for p := range 3 {
				w := int64((p+i)%3 + 1)
				v := int64((p*7+i*3+a*5+p*a*i)%11 - 4)
				val[i][a][p] = w * (v*10 + int64(p))
			}
		}
	}
	red[2][2][0] |= 1
	if k > 5 {
		red[5][2][0] |= 1
	}
	red[4][2][0] |= 2
	for i := 6; i < k; i++ {
		red[i][1][1] |= 1
	}
	red[1][3][1] |= 2
	red[3][2][2] |= 1
	red[k-1][3][2] |= 2
	for p := range res {
		res[p] = int64(3*k/2) * 10
	}
	return val, red, res
}

// handLoop is the baseline the evaluator is measured against: a
// hand-written int64 loop over every package of benchCase(k) doing the same
// sums and checks, from handTables rather than the evaluator's tables. It
// is an odometer over the issues keeping running sums and red-line masks
// per level, so that moving to the next package recomputes only the levels
// whose choice changed; the pair values (x1 of issue 0 with x3 of issue 5,
// x1 of issue 6 with x2 of issue 7) and the conflicts (x1 of issue 5,
// freezing a1, with x1 or x3 of issue 1, which freeze it or move its
// control; x2 of issue 5, ceding a2, with x2 of issue 2) are written out.
func handLoop(k int) (acceptable, infeasible uint64) {
	val, red, res := handTables(k)
	var d [16]int
	var sum [17][3]int64
	var mask [17][3]uint64
	var bad [17]bool
	l := 0
	for {
		for ; l < k; l++ {
			a := d[l]
			v, r := &val[l][a], &red[l][a]
			s, m := &sum[l], &mask[l]
			n := &sum[l+1]
			n[0], n[1], n[2] = s[0]+v[0], s[1]+v[1], s[2]+v[2]
			nm := &mask[l+1]
			nm[0], nm[1], nm[2] = m[0]|r[0], m[1]|r[1], m[2]|r[2]
			bad[l+1] = bad[l]
			switch l {
			case 5:
				if d[0] == 1 && a == 3 {
					n[0] -= 10 // the pair's value, p - 1, in tenths
					n[2] += 10
				}
				if a == 1 && (d[1] == 1 || d[1] == 3) || a == 2 && d[2] == 2 {
					bad[l+1] = true
				}
			case 7:
				if d[6] == 1 && a == 2 {
					n[0] += 20 // the pair's value, 2 - p, in tenths
					n[1] += 10
				}
			}
		}
		switch {
		case bad[k]:
			infeasible++
		case mask[k][0]|mask[k][1]|mask[k][2] == 0 && sum[k][0] >= res[0] && sum[k][1] >= res[1] && sum[k][2] >= res[2]:
			acceptable++
		}
		for l = k - 1; ; l-- {
			if l < 0 {
				return acceptable, infeasible
			}
			if d[l]++; d[l] < 5 {
				break
			}
			d[l] = 0
		}
	}
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
	acc, inf := handLoop(k)
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
	c, err := e.Count(Options{})
	if err != nil {
		b.Fatal(err)
	}
	if acc, inf := handLoop(10); acc != c.Acceptable || inf != c.Infeasible {
		b.Fatalf("Count = %+v, hand loop acceptable %d infeasible %d", c, acc, inf)
	}
	b.Run("handloop", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			handLoop(10)
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "packages/s")
	})
}

// BenchmarkEvaluatePackage evaluates packages one by one through the
// public Evaluate, for comparison with the enumeration (per package).
func BenchmarkEvaluatePackage(b *testing.B) {
	e := benchEvaluator(b, 10)
	p := make(Package, 10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Evaluate(p); err != nil {
			b.Fatal(err)
		}
		for i := 9; i >= 0; i-- {
			if p[i]++; p[i] < 5 {
				break
			}
			p[i] = 0
		}
	}
}

// BenchmarkAnalyze analyses the whole space of 10 issues of 5 alternatives
// on one goroutine: every package evaluated, the frontier built by chunks,
// the solutions chosen. It reports the frontier's size, the number of
// acceptable packages, and the peak of live heap objects above the level
// before the loop, sampled every millisecond by another goroutine
// (runtime/metrics, which does not stop the world).
func BenchmarkAnalyze(b *testing.B) {
	analyzePeak(b, benchEvaluator(b, 10))
}

// BenchmarkAnalyzeLarger analyses the space of 11 issues of 5 alternatives
// (48,828,125 packages) the same way: streamed, its peak memory that of
// the frontier, not of the space.
func BenchmarkAnalyzeLarger(b *testing.B) {
	analyzePeak(b, benchEvaluator(b, 11))
}

// BenchmarkAnalyzeTied analyses the space of 10 issues of 5 alternatives
// with three parties valuing nothing: one frontier point of 9,765,625 tied
// packages, held as one integer each.
func BenchmarkAnalyzeTied(b *testing.B) {
	var issues []Issue
	for i := range 10 {
		is := Issue{ID: IssueID(fmt.Sprintf("i%d", i))}
		for a := range 5 {
			is.Alternatives = append(is.Alternatives, Alternative{ID: AlternativeID(fmt.Sprintf("a%d", a))})
		}
		issues = append(issues, is)
	}
	s, err := NewSpace(agreement.Territory{}, nil, issues)
	if err != nil {
		b.Fatal(err)
	}
	e, err := Compile(s, []Position{{Party: "A"}, {Party: "B"}, {Party: "C"}})
	if err != nil {
		b.Fatal(err)
	}
	analyzePeak(b, e)
}

// analyzePeak analyses e's space on one goroutine and reports the frontier's
// size, the number of acceptable packages, and the peak of live heap
// objects above the level before the loop, sampled every millisecond by
// another goroutine (runtime/metrics, which does not stop the world).
func analyzePeak(b *testing.B, e *Evaluator) {
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
	n := uint64(0)
	for _, pt := range a.Frontier {
		n += pt.Count
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
// alternatives (no options, no red lines) and np opposed parties (three or
// four): the last party's value is minus the sum of the others', so no
// package dominates another and every package with distinct values for the
// others is on the frontier.
func opposedEvaluator(b *testing.B, k, np int) *Evaluator {
	var issues []Issue
	pos := []Position{{Party: "A"}, {Party: "B"}, {Party: "C"}, {Party: "D"}}[:np]
	w := int64(1)
	for i := range k {
		is := Issue{ID: IssueID(fmt.Sprintf("i%d", i))}
		ivs := make([]IssueValue, np)
		for q := range ivs {
			ivs[q] = IssueValue{Issue: is.ID, Weight: decimal.NewFromInt(1)}
		}
		for a := range 5 {
			id := AlternativeID(fmt.Sprintf("a%d", a))
			is.Alternatives = append(is.Alternatives, Alternative{ID: id})
			vs := []int64{int64(a) * w, int64((a*3+i)%5) * (w + int64(i)), int64((a*2+i)%5) * int64(i+1)}[:np-1]
			sum := int64(0)
			for q, v := range vs {
				ivs[q].Values = append(ivs[q].Values, AlternativeValue{Alternative: id, Value: decimal.NewFromInt(v)})
				sum += v
			}
			ivs[np-1].Values = append(ivs[np-1].Values, AlternativeValue{Alternative: id, Value: decimal.NewFromInt(-sum)})
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

// BenchmarkFrontierOpposed compares the frontier's sweep (a staircase for
// three parties, Kung's divide and conquer for four) with the pairwise
// baseline on the value vectors of opposed spaces of 6 issues of 5
// alternatives (15,625 packages, all on the frontier), and analyses an
// opposed three-party space of 7 issues (78,125 packages) whole.
func BenchmarkFrontierOpposed(b *testing.B) {
	for _, np := range []int{3, 4} {
		e := opposedEvaluator(b, 6, np)
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
			b.Fatalf("%d parties: pairwise frontier has %d packages, sweep %d", np, got, want)
		}
		b.Run(fmt.Sprintf("parties=%d/sweep", np), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				frontier(entries(vs))
			}
			b.ReportMetric(float64(want), "frontier-packages")
		})
		b.Run(fmt.Sprintf("parties=%d/pairwise", np), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pairwiseFrontier(vs)
			}
			b.ReportMetric(float64(want), "frontier-packages")
		})
	}
	big := opposedEvaluator(b, 7, 3)
	b.Run("analyze-78125", func(b *testing.B) {
		b.ReportAllocs()
		var a *Analysis
		var err error
		for b.Loop() {
			if a, err = big.Analyze(Options{Chunk: 4096}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(a.Frontier)), "frontier-points")
	})
}
