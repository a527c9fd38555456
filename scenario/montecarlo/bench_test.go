package montecarlo_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// workloadHorizon is how long a simulated run of the workload lasts: about
// as long as a replay of a scenariotest.WorkloadTimeline (60 events 36 hours
// apart on average, then 30 days).
const workloadHorizon = 120 * agreement.Day

// workloadModel returns Poisson processes of the kinds
// scenariotest.WorkloadTimeline draws, in about its proportions, at a total
// rate of 0.5 events a day: about 60 events over workloadHorizon. Armed
// attacks on UA are halved while the US guarantee is in effect, so runs
// are closed-loop.
func workloadModel() montecarlo.Model {
	const perDay = 0.5 / 20 // one share of the 20 WorkloadTimeline draws from
	var ps []montecarlo.Process
	add := func(shares float64, t montecarlo.Template, mods ...montecarlo.Modifier) {
		ps = append(ps, &montecarlo.Poisson{Name: string(t.Kind), PerDay: shares * perDay, Event: t, Modifiers: mods})
	}
	add(2, montecarlo.Template{Kind: agreement.EventKindCeasefireInForce})
	add(1, montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed})
	add(2, montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"},
		montecarlo.Modifier{Clause: agreement.LocalRef("guarantee"), Debtor: "US", States: []agreement.State{agreement.StateInEffect}, Factor: 0.5})
	add(1, montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "UA", Target: "RU"})
	add(1, montecarlo.Template{Kind: agreementtest.KindShelling, Actor: "RU"})
	add(1, montecarlo.Template{Kind: agreementtest.KindDroneIncident, Actor: "RU"})
	for _, g := range []agreement.PartyID{"FR", "UK", "US"} {
		add(0.5, montecarlo.Template{Kind: agreement.EventKindForcesDeployed, Actor: g, Target: "UA"})
		add(1.0/3, montecarlo.Template{Kind: agreementtest.KindConsultation, Actor: g})
	}
	add(0.5, montecarlo.Template{Kind: agreement.EventKindForcesDeployed, Actor: "RU", Area: "area-2"})
	add(1, montecarlo.Template{Kind: agreementtest.KindReport, Actor: "OSCE"})
	for _, km := range []string{"10", "20"} {
		q, err := agreement.ParseQuantity(km, agreement.UnitKm)
		if err != nil {
			panic(err)
		}
		q.Of = "distance-from-line"
		add(0.5, montecarlo.Template{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU", Quantities: []agreement.Quantity{q}})
	}
	add(1, montecarlo.Template{Kind: agreementtest.KindHeavyWeapons, Actor: "RU"})
	add(1, montecarlo.Template{Kind: agreementtest.KindTalksHeld})
	add(1, montecarlo.Template{Kind: agreementtest.KindPrisoners, Actor: "UA"})
	add(1, montecarlo.Template{Kind: agreementtest.KindSanctions, Actor: "US"})
	add(1, montecarlo.Template{Kind: agreementtest.KindAirPolicing, Actor: "FR"})
	add(0.5, montecarlo.Template{Kind: agreement.EventKindPowerExercised, Actor: "OSCE", Clause: agreement.LocalRef("suspend-guarantee")})
	add(0.5, montecarlo.Template{Kind: agreement.EventKindPowerExercised, Actor: "OSCE", Clause: agreement.LocalRef("resume-guarantee")})
	for k := range 4 {
		add(0.25, montecarlo.Template{Kind: agreement.EventKindControlChanged, Actor: "RU", Area: agreement.AreaID(fmt.Sprintf("area-%d", 2*k+1))})
	}
	return montecarlo.Model{Processes: ps}
}

// preDrawn draws n timelines of workloadModel's processes open-loop (each at
// its base rate, ignoring modifiers) over workloadHorizon from a fixed
// seed: the timelines the fast replay path replays.
func preDrawn(n int) []scenario.Timeline {
	rng := rand.New(rand.NewPCG(2026, 7))
	m := workloadModel()
	out := make([]scenario.Timeline, n)
	for i := range out {
		var evs []agreement.Event
		for _, p := range m.Processes {
			po := p.(*montecarlo.Poisson)
			t := time.Duration(0)
			for {
				t += time.Duration(rng.ExpFloat64() / po.PerDay * float64(agreement.Day))
				if t > workloadHorizon {
					break
				}
				e := po.Event
				evs = append(evs, agreement.Event{At: start.Add(t), Kind: e.Kind, Actor: e.Actor, Target: e.Target,
					Clause: e.Clause, Area: e.Area, Quantities: e.Quantities})
			}
		}
		out[i] = scenario.NewTimeline(start, evs...)
	}
	return out
}

// BenchmarkWorkloadSimulate compares, in one invocation, simulated runs of
// the workload agreement (agreementtest.Workload) under workloadModel,
// closed-loop, one worker, with the fast replay (Run.Replay of a run that
// records states only, every final state read with Run.States) of
// timelines of the same processes pre-drawn, and of
// scenariotest.WorkloadTimeline timelines. ns/run is the cost of one run;
// events/run the mean number of events.
func BenchmarkWorkloadSimulate(b *testing.B) {
	e := mustCompile(agreementtest.Workload())
	m := workloadModel()
	const runsPerOp = 256
	b.Run("path=simulate", func(b *testing.B) {
		opts := montecarlo.Options{Runs: runsPerOp, BatchSize: runsPerOp, Workers: 1, Start: start, Horizon: workloadHorizon}
		b.ReportAllocs()
		var events float64
		seed := uint64(0)
		for b.Loop() {
			opts.Seed = seed
			seed++
			s, err := montecarlo.Simulate(context.Background(), e, m, opts)
			if err != nil {
				b.Fatal(err)
			}
			for i := range m.Processes {
				events += s.Emitted(i).Mean()
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*runsPerOp), "ns/run")
		b.ReportMetric(events/float64(b.N), "events/run")
	})
	replay := func(b *testing.B, tls []scenario.Timeline, ends []time.Time) {
		r, err := e.Start(start)
		if err != nil {
			b.Fatal(err)
		}
		if err := r.SetRecording(scenario.RecordStates); err != nil {
			b.Fatal(err)
		}
		events := 0
		for _, tl := range tls {
			if err := tl.Validate(e); err != nil {
				b.Fatal(err)
			}
			events += tl.Len()
		}
		var states []agreement.State
		sink := 0
		b.ReportAllocs()
		k := 0
		for b.Loop() {
			for range runsPerOp {
				i := k % len(tls)
				k++
				if err := r.Replay(tls[i], ends[i]); err != nil {
					b.Fatal(err)
				}
				states = r.States(states[:0])
				sink += int(states[0])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*runsPerOp), "ns/run")
		b.ReportMetric(float64(events)/float64(len(tls)), "events/run")
		if sink < 0 {
			b.Fatal(sink)
		}
	}
	b.Run("path=fast-predrawn", func(b *testing.B) {
		tls := preDrawn(64)
		ends := make([]time.Time, len(tls))
		for i := range ends {
			ends[i] = start.Add(workloadHorizon)
		}
		replay(b, tls, ends)
	})
	b.Run("path=fast-workload-timelines", func(b *testing.B) {
		rng := rand.New(rand.NewPCG(2026, 1))
		tls := make([]scenario.Timeline, 64)
		ends := make([]time.Time, len(tls))
		for i := range tls {
			tls[i] = scenariotest.WorkloadTimeline(rng, start)
			ends[i] = scenariotest.WorkloadEnd(tls[i])
		}
		replay(b, tls, ends)
	})
}

// BenchmarkWorkloadSimulateParallel measures what a second worker gains:
// Simulate of a fixed number of runs per iteration with 1 and 2 workers,
// and a spin loop of pure arithmetic split over 1 and 2 goroutines, in the
// same invocation, so that the two speed-ups compare. On a shared machine
// a second core may not be free; the spin loop shows it.
func BenchmarkWorkloadSimulateParallel(b *testing.B) {
	e := mustCompile(agreementtest.Workload())
	m := workloadModel()
	const runs = 512
	var spinSink uint64
	var mu sync.Mutex
	for _, g := range []int{1, 2} {
		b.Run(fmt.Sprintf("work=simulate/goroutines=%d", g), func(b *testing.B) {
			if g > runtime.GOMAXPROCS(0) {
				b.Skipf("GOMAXPROCS=%d", runtime.GOMAXPROCS(0))
			}
			opts := montecarlo.Options{Runs: runs, BatchSize: runs, Workers: g, Start: start, Horizon: workloadHorizon}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := montecarlo.Simulate(context.Background(), e, m, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, g := range []int{1, 2} {
		b.Run(fmt.Sprintf("work=spin/goroutines=%d", g), func(b *testing.B) {
			if g > runtime.GOMAXPROCS(0) {
				b.Skipf("GOMAXPROCS=%d", runtime.GOMAXPROCS(0))
			}
			b.ReportAllocs()
			for b.Loop() {
				var wg sync.WaitGroup
				for range g {
					wg.Go(func() {
						share := runs / g
						x := uint64(share)
						for i := range share * 40_000 {
							x = x*6364136223846793005 + uint64(i)
						}
						mu.Lock()
						spinSink += x
						mu.Unlock()
					})
				}
				wg.Wait()
			}
		})
	}
}
