package scenario_test

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// workloadTimelines is how many random timelines the workload benchmarks
// cycle through.
const workloadTimelines = 64

// workload is the replay workload: the 36-clause ceasefire of
// agreementtest.Workload, compiled, and random timelines of 20 to 100
// events drawn from a fixed seed, with their ends.
type workload struct {
	a    agreement.Agreement
	e    *scenario.Engine
	tls  []scenario.Timeline
	ends []time.Time
	// events is the number of events over all timelines.
	events int
}

func newWorkload(tb testing.TB) *workload {
	tb.Helper()
	w := &workload{a: agreementtest.Workload()}
	e, err := scenario.Compile(w.a)
	if err != nil {
		tb.Fatalf("%+v", err)
	}
	w.e = e
	rng := rand.New(rand.NewPCG(2026, 1))
	for range workloadTimelines {
		tl := scenariotest.WorkloadTimeline(rng, benchStart)
		if err := tl.Validate(e); err != nil {
			tb.Fatalf("%+v", err)
		}
		w.tls = append(w.tls, tl)
		w.ends = append(w.ends, scenariotest.WorkloadEnd(tl))
		w.events += tl.Len()
	}
	return w
}

// BenchmarkWorkload replays the workload's timelines, one per iteration
// in turn, four ways, so that their costs compare in one invocation:
//
//   - flat: the hand-written loop of flatProgram, the lower bound;
//   - fast: Run.Replay through one reused run that records states only
//     (RecordStates), reading every instance's final state with Run.States;
//   - replay: Engine.Replay, recording the whole trace;
//   - compile: Compile of the agreement, for the multiple of one replay
//     it costs.
//
// ns/replay is the cost of one replay (of about 60 events on average).
func BenchmarkWorkload(b *testing.B) {
	w := newWorkload(b)
	report := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/replay")
	}
	b.Run("flat", func(b *testing.B) {
		p := newFlatProgram(w.a)
		runs := make([]flatTimeline, len(w.tls))
		for i, tl := range w.tls {
			runs[i] = p.encode(tl, w.ends[i])
		}
		b.ReportAllocs()
		sink := 0
		i := 0
		for b.Loop() {
			sink += p.run(&runs[i%len(runs)])
			i++
		}
		report(b)
		if sink < 0 {
			b.Fatal(sink)
		}
	})
	b.Run("fast", func(b *testing.B) {
		r, err := w.e.Start(benchStart)
		if err != nil {
			b.Fatal(err)
		}
		if err := r.SetRecording(scenario.RecordStates); err != nil {
			b.Fatal(err)
		}
		var states []agreement.State
		// The run's memory moved into pages of its own (see Run.Replay)
		// and grown again to the longest timeline before the measurement.
		for i := range scenario.PlaceAfter + len(w.tls) {
			k := i % len(w.tls)
			if err := r.Replay(w.tls[k], w.ends[k]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportAllocs()
		sink := 0
		i := 0
		for b.Loop() {
			k := i % len(w.tls)
			i++
			if err := r.Replay(w.tls[k], w.ends[k]); err != nil {
				b.Fatal(err)
			}
			states = r.States(states[:0])
			for _, s := range states {
				sink += int(s)
			}
		}
		report(b)
		if sink < 0 {
			b.Fatal(sink)
		}
	})
	b.Run("replay", func(b *testing.B) {
		for i := range scenario.PlaceAfter + len(w.tls) { // the engine's scratch memory, as for fast
			k := i % len(w.tls)
			if _, err := w.e.Replay(w.tls[k], w.ends[k]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			k := i % len(w.tls)
			i++
			if _, err := w.e.Replay(w.tls[k], w.ends[k]); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("compile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := scenario.Compile(w.a); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWorkloadParallel measures what two goroutines gain: each
// replays the workload's timelines through its own run (the fast path of
// BenchmarkWorkload, recording states only, one engine shared by both), and
// a spin loop of pure arithmetic (one chain of multiplications), a wide
// loop (eight independent chains, which two vCPUs sharing one core's
// multipliers could not run twice as fast) and the flat loop of
// BenchmarkWorkload (a program per goroutine) are measured the same way,
// so that the speed-ups compare in one invocation. Each kind does a fixed
// amount of work per iteration split over goroutines=1 or 2; the speed-up
// is the ratio of the two ns/op. On a shared machine a second vCPU may not
// be free, and not for the same seconds in every sub-benchmark: the
// interleaved sub-benchmark times every kind with one goroutine and with
// two in every iteration, and its medians are the figures to read there.
func BenchmarkWorkloadParallel(b *testing.B) {
	w := newWorkload(b)
	const replays = 256
	// A run per goroutine, its memory moved into pages of its own (see
	// Run.Replay) and grown to the longest timeline before the
	// measurement.
	runs := make([]*scenario.Run, 2)
	for g := range runs {
		r := statesRun(b, w.e, benchStart)
		for i := range scenario.PlaceAfter + len(w.tls) {
			k := i % len(w.tls)
			if err := r.Replay(w.tls[k], w.ends[k]); err != nil {
				b.Fatal(err)
			}
		}
		runs[g] = r
	}
	replay := func(g, share int) func() {
		return func() {
			r := runs[g]
			for i := range share {
				k := i % len(w.tls)
				if err := r.Replay(w.tls[k], w.ends[k]); err != nil {
					panic(err)
				}
			}
		}
	}
	var mu sync.Mutex
	progs := make([]*flatProgram, 2)
	flatRuns := make([][]flatTimeline, 2)
	for g := range progs {
		progs[g] = newFlatProgram(w.a)
		for i, tl := range w.tls {
			flatRuns[g] = append(flatRuns[g], progs[g].encode(tl, w.ends[i]))
		}
	}
	var flatSink int
	flat := func(g, share int) func() {
		return func() {
			p, runs := progs[g], flatRuns[g]
			sum := 0
			for i := range share * 4 {
				sum += p.run(&runs[i%len(runs)])
			}
			mu.Lock()
			flatSink += sum
			mu.Unlock()
		}
	}
	var spinSink uint64
	spin := func(_, share int) func() {
		return func() {
			x := uint64(share)
			for i := range share * 20_000 {
				x = x*6364136223846793005 + uint64(i)
			}
			mu.Lock()
			spinSink += x
			mu.Unlock()
		}
	}
	var wideSink uint64
	wide := func(_, share int) func() {
		return func() {
			var x [8]uint64
			for i := range x {
				x[i] = uint64(share + i)
			}
			for i := range share * 2_500 {
				for j := range x {
					x[j] = x[j]*6364136223846793005 + uint64(i)
				}
			}
			mu.Lock()
			for _, v := range x {
				wideSink += v
			}
			mu.Unlock()
		}
	}
	kinds := []struct {
		name string
		work func(g, share int) func()
	}{{"replay", replay}, {"spin", spin}, {"flat", flat}, {"wide", wide}}
	for _, c := range kinds {
		for _, g := range []int{1, 2} {
			b.Run(c.name+"/goroutines="+string(rune('0'+g)), func(b *testing.B) {
				if g > runtime.GOMAXPROCS(0) {
					b.Skipf("GOMAXPROCS=%d", runtime.GOMAXPROCS(0))
				}
				b.ReportAllocs()
				for b.Loop() {
					var wg sync.WaitGroup
					for k := range g {
						wg.Go(c.work(k, replays/g))
					}
					wg.Wait()
				}
			})
		}
	}
	// interleaved times every kind of work, with one goroutine and with
	// two, one after the other in every iteration, so that a second
	// vCPU taken away for a while (by the machine's other tenants) slows
	// all of them alike. It reports, for each kind, the median over the
	// iterations of the speed-up from the second goroutine, and the
	// median of the replay's speed-up over the spin loop's and over the
	// flat loop's in the same iteration.
	b.Run("interleaved", func(b *testing.B) {
		if runtime.GOMAXPROCS(0) < 2 {
			b.Skipf("GOMAXPROCS=%d", runtime.GOMAXPROCS(0))
		}
		trial := func(work func(g, share int) func(), g int) time.Duration {
			start := time.Now()
			var wg sync.WaitGroup
			for k := range g {
				wg.Go(work(k, replays/g))
			}
			wg.Wait()
			return time.Since(start)
		}
		speedups := make([][]float64, len(kinds))
		var overSpin, overFlat []float64
		for b.Loop() {
			sp := make([]float64, len(kinds))
			for i, c := range kinds {
				one := trial(c.work, 1)
				sp[i] = float64(one) / float64(trial(c.work, 2))
				speedups[i] = append(speedups[i], sp[i])
			}
			overSpin = append(overSpin, sp[0]/sp[1])
			overFlat = append(overFlat, sp[0]/sp[2])
		}
		median := func(xs []float64) float64 {
			xs = slices.Clone(xs)
			slices.Sort(xs)
			return xs[len(xs)/2]
		}
		for i, c := range kinds {
			b.ReportMetric(median(speedups[i]), c.name+"-speedup")
		}
		b.ReportMetric(median(overSpin), "replay/spin")
		b.ReportMetric(median(overFlat), "replay/flat")
	})
	// each times, in every iteration, the first run replaying alone and
	// then the two runs replaying side by side, each goroutine timing
	// itself, and reports the median of each run's time side by side over
	// half its time alone: 1 for a run the other does not slow down.
	b.Run("each", func(b *testing.B) {
		if runtime.GOMAXPROCS(0) < 2 {
			b.Skipf("GOMAXPROCS=%d", runtime.GOMAXPROCS(0))
		}
		var ratios [2][]float64
		for b.Loop() {
			start := time.Now()
			replay(0, replays)()
			alone := time.Since(start)
			var took [2]time.Duration
			var wg sync.WaitGroup
			for g := range 2 {
				wg.Go(func() {
					start := time.Now()
					replay(g, replays/2)()
					took[g] = time.Since(start)
				})
			}
			wg.Wait()
			for g := range 2 {
				ratios[g] = append(ratios[g], 2*float64(took[g])/float64(alone))
			}
		}
		median := func(xs []float64) float64 {
			xs = slices.Clone(xs)
			slices.Sort(xs)
			return xs[len(xs)/2]
		}
		b.ReportMetric(median(ratios[0]), "run0/half-alone")
		b.ReportMetric(median(ratios[1]), "run1/half-alone")
	})
}
