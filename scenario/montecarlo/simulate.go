package montecarlo

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// Simulate runs model m on engine e opts.Runs times (fewer when
// opts.StopWhen is met first), run i drawing only from streams derived
// from opts.Seed and i, and returns the summary of the runs. The summary is
// the same for any number of workers and any scheduling. A model or
// options that are not valid, or whose events the engine rejects, give an
// error wrapping an *agreement.ValidationError (use errors.As) naming
// each problem's path ("processes[1]...", "horizon"). When ctx is done,
// Simulate returns ctx.Err() with the summary of the batches completed
// before it. Simulate does not modify m or opts.
func Simulate(ctx context.Context, e *scenario.Engine, m Model, opts Options) (*Summary, error) {
	p, err := prepare(e, m, &opts)
	if err != nil {
		return nil, err
	}
	res, err := execute(ctx, []*plan{p}, &opts)
	if res == nil {
		return nil, err
	}
	return res.sums[0], err
}

// Comparison is the result of [Compare]: the summaries of the two engines
// over the same runs, and, for the subjects the two share, the runs in
// which only one of them reached a state by an instant.
type Comparison struct {
	A, B *Summary
	// toB maps A's subjects to B's, -1 for none.
	toB []int
	// onlyA and onlyB count, per A subject, state and instant (indexed
	// as A's reach counts, but cumulative), the runs in which A had
	// reached the state by the instant and B had not, and the reverse.
	onlyA, onlyB []int64
}

// Paired is the paired comparison of one estimate of [Compare]: out of
// Runs, OnlyA runs had the event under engine A and not under B, OnlyB
// the reverse.
type Paired struct {
	Runs, OnlyA, OnlyB int64
}

// Difference returns the difference of the probabilities, B minus A; NaN
// for no run.
func (p Paired) Difference() float64 {
	if p.Runs == 0 {
		return math.NaN()
	}
	return float64(p.OnlyB-p.OnlyA) / float64(p.Runs)
}

// Interval returns the Agresti-Min interval of Difference at confidence
// level: the normal-approximation (Wald) interval of the paired (McNemar)
// variance after adding 1/2 to each of the four cells of the paired table,
// (B-A, with n+2 runs, OnlyA+1/2 and OnlyB+1/2 discordant runs), clipped
// to [-1, 1]. With common random numbers the runs where both engines agree
// add no variance; the added halves keep the interval from collapsing to a
// point when no run is discordant (0 of 500 gives about ±0.0039). It is
// [-1, 1] for no run. (Agresti and Min, Statistics in Medicine 24, 2005.)
func (p Paired) Interval(level float64) (lo, hi float64) {
	if p.Runs == 0 {
		return -1, 1
	}
	n := float64(p.Runs) + 2
	a, b := float64(p.OnlyA)+0.5, float64(p.OnlyB)+0.5
	d := (b - a) / n
	v := ((a + b) - (b-a)*(b-a)/n) / (n * n)
	h := z(level) * math.Sqrt(max(v, 0))
	return max(-1, d-h), min(1, d+h)
}

// Paired returns the paired comparison of reaching state st by instant at
// for instance inst, which both engines must have.
func (c *Comparison) Paired(inst scenario.Instance, st agreement.State, at time.Duration) (Paired, error) {
	if c == nil || !c.A.usable() || !c.B.usable() {
		return Paired{}, errNoSummary
	}
	k, err := c.A.subject(inst)
	if err != nil {
		return Paired{}, err
	}
	if c.toB[k] < 0 {
		return Paired{}, fmt.Errorf("montecarlo: %s is not an instance of engine B", inst)
	}
	j := slices.Index(c.A.shape.at, at)
	if j < 0 || !st.Valid() {
		return Paired{}, fmt.Errorf("montecarlo: no estimate of %v by %s", st, agreement.FormatDuration(at))
	}
	i := (k*numStates+int(st))*len(c.A.shape.at) + j
	return Paired{Runs: c.A.runs, OnlyA: c.onlyA[i], OnlyB: c.onlyB[i]}, nil
}

// Merge adds the runs of o to c: c.A and o.A merge as [Summary.Merge]
// merges them, c.B and o.B too, and the counts of paired differences add
// up, so comparisons of disjoint shards (Options.First) merge into the
// comparison of their union. It returns ErrShape or ErrOverlap, and
// changes nothing, when either pair of summaries would not merge.
func (c *Comparison) Merge(o *Comparison) error {
	if c == nil || o == nil || c.A == nil || c.B == nil || o.A == nil || o.B == nil {
		return ErrShape
	}
	ra, err := c.A.canMerge(o.A)
	if err != nil {
		return err
	}
	rb, err := c.B.canMerge(o.B)
	if err != nil {
		return err
	}
	if !slices.Equal(c.toB, o.toB) || len(c.onlyA) != len(o.onlyA) || len(c.onlyB) != len(o.onlyB) {
		return ErrShape
	}
	c.A.add(o.A)
	c.A.ranges = ra
	c.B.add(o.B)
	c.B.ranges = rb
	for i := range c.onlyA {
		c.onlyA[i] += o.onlyA[i]
		c.onlyB[i] += o.onlyB[i]
	}
	return nil
}

// Compare runs model m on engines a and b (a draft and a final text, say)
// with common random numbers: run i of each draws from the same streams,
// derived from opts.Seed and i, so the two are compared on the same random
// timelines as far as the model lets them be the same (see the package
// doc, Common random numbers). The stopping rule of opts is judged on
// engine A. Errors and cancellation are as for [Simulate].
func Compare(ctx context.Context, a, b *scenario.Engine, m Model, opts Options) (*Comparison, error) {
	pa, err := prepare(a, m, &opts)
	if err != nil {
		return nil, err
	}
	// B's stopping rule is A's; its instances may differ.
	ob := opts
	ob.StopWhen = nil
	pb, err := prepare(b, m, &ob)
	if err != nil {
		return nil, err
	}
	res, err := execute(ctx, []*plan{pa, pb}, &opts)
	if res == nil {
		return nil, err
	}
	return res.cmp, err
}

// result is what execute returns.
type result struct {
	sums []*Summary
	cmp  *Comparison
}

// slot is one goroutine's workers: one per plan.
type slot struct {
	ws           []*worker
	onlyA, onlyB []int64
}

func execute(ctx context.Context, plans []*plan, opts *Options) (*result, error) {
	batch := opts.BatchSize
	if batch == 0 {
		batch = DefaultBatchSize
	}
	nw := opts.Workers
	if nw == 0 {
		nw = runtime.GOMAXPROCS(0)
	}
	nw = int(min(int64(nw), batch, opts.Runs))
	level := opts.Confidence
	if level == 0 {
		level = 0.95
	}
	res := &result{}
	for _, p := range plans {
		res.sums = append(res.sums, newSummary(&p.shape))
	}
	var toB []int
	if len(plans) == 2 {
		a, b := &plans[0].shape, &plans[1].shape
		toB = make([]int, len(a.subjects))
		for i, s := range a.subjects {
			toB[i] = slices.Index(b.subjects, s)
		}
		n := len(res.sums[0].reach)
		res.cmp = &Comparison{A: res.sums[0], B: res.sums[1], toB: toB, onlyA: make([]int64, n), onlyB: make([]int64, n)}
	}
	slots := make([]*slot, nw)
	for g := range slots {
		sl := &slot{}
		for _, p := range plans {
			w, err := newWorker(p)
			if err != nil {
				return nil, err
			}
			w.ctx = ctx
			sl.ws = append(sl.ws, w)
		}
		if res.cmp != nil {
			sl.onlyA, sl.onlyB = make([]int64, len(res.cmp.onlyA)), make([]int64, len(res.cmp.onlyB))
		}
		slots[g] = sl
	}
	for done := int64(0); done < opts.Runs; {
		n := min(batch, opts.Runs-done)
		lo := opts.First + done
		var next atomic.Int64
		next.Store(lo)
		var mu sync.Mutex
		errIdx, runErr := int64(math.MaxInt64), error(nil)
		var wg sync.WaitGroup
		for _, sl := range slots {
			wg.Go(func() {
				for {
					i := next.Add(1) - 1
					if i >= lo+n || ctx.Err() != nil {
						return
					}
					if err := sl.one(opts.Seed, i, toB); err != nil {
						mu.Lock()
						if i < errIdx {
							errIdx, runErr = i, err
						}
						mu.Unlock()
						next.Store(lo + n)
						return
					}
				}
			})
		}
		wg.Wait()
		if runErr != nil || ctx.Err() != nil {
			for _, sl := range slots {
				sl.reset()
			}
			if err := ctx.Err(); err != nil {
				return res, err
			}
			return res, runErr
		}
		for _, sl := range slots {
			for k, w := range sl.ws {
				w.flush()
				res.sums[k].add(w.sum)
				w.sum.reset()
			}
			if res.cmp != nil {
				for i := range sl.onlyA {
					res.cmp.onlyA[i] += sl.onlyA[i]
					res.cmp.onlyB[i] += sl.onlyB[i]
				}
				clear(sl.onlyA)
				clear(sl.onlyB)
			}
		}
		for _, sum := range res.sums {
			sum.ranges, _ = unionRanges(sum.ranges, []RunRange{{lo, lo + n}})
		}
		done += n
		if opts.Progress != nil {
			opts.Progress(done, opts.Runs)
		}
		if len(opts.StopWhen) > 0 && precise(res.sums[0], plans[0], opts.StopWhen, level) {
			break
		}
	}
	return res, nil
}

// precise reports whether every precision of stop is reached by s.
func precise(s *Summary, p *plan, stop []Precision, level float64) bool {
	for _, c := range stop {
		pr, err := s.Reached(Target{Instance: c.Instance}.resolve(p.e), c.State, c.At)
		if err != nil {
			return false
		}
		lo, hi := pr.Wilson(level)
		if (hi-lo)/2 > c.HalfWidth {
			return false
		}
	}
	return true
}

// one makes run i on every plan of the slot, and for two plans counts the
// paired differences.
func (sl *slot) one(seed uint64, i int64, toB []int) error {
	for _, w := range sl.ws {
		if err := w.do(seed, i); err != nil {
			return fmt.Errorf("montecarlo: run %d: %w", i, err)
		}
	}
	if len(sl.ws) == 2 {
		sl.pair(toB)
	}
	for _, w := range sl.ws {
		if err := w.tally(); err != nil {
			return fmt.Errorf("montecarlo: run %d: %w", i, err)
		}
	}
	return nil
}

// pair counts, for the run both workers just made, the (subject, state,
// instant) at which one engine had reached the state and the other not.
func (sl *slot) pair(toB []int) {
	a, b := sl.ws[0], sl.ws[1]
	at := a.p.shape.at
	nAt := len(at)
	count := func(dst []int64, fa int, ta, tb int64) {
		// Instants at or after ta and before tb.
		for j := a.sum.bucket(ta); j < nAt && int64(at[j]) < tb; j++ {
			dst[fa*nAt+j]++
		}
	}
	for _, fa := range a.reached {
		k := fa / numStates
		if toB[k] < 0 {
			continue
		}
		fb := toB[k]*numStates + fa%numStates
		count(sl.onlyA, fa, a.first[fa], b.first[fb])
	}
	for k, kb := range toB {
		if kb < 0 {
			continue
		}
		for st := range numStates {
			fb := kb*numStates + st
			if tb := b.first[fb]; tb != never {
				fa := k*numStates + st
				count(sl.onlyB, fa, tb, a.first[fa])
			}
		}
	}
}

func (sl *slot) reset() {
	for _, w := range sl.ws {
		w.sum.reset()
		for i := range w.raw {
			w.raw[i] = w.raw[i][:0]
		}
	}
	clear(sl.onlyA)
	clear(sl.onlyB)
}
