package montecarlo_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// reportModel is a ceasefire breaking down at a constant hazard, attacks
// halved while the guarantee is in effect, and reports of attacks.
func reportModel() montecarlo.Model {
	m := breakdownModel(0.01)
	m.Processes = append(m.Processes,
		&montecarlo.Poisson{Name: "attacks", PerDay: 0.1,
			Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"},
			Modifiers: []montecarlo.Modifier{{Clause: agreement.LocalRef("guarantee"),
				States: []agreement.State{agreement.StateInEffect, agreement.StateViolated}, Factor: 0.5}}},
		&montecarlo.Scheduled{Name: "report", After: &montecarlo.Match{Kind: agreement.EventKindArmedAttack},
			Delay:    montecarlo.Uniform{Min: time.Hour, Max: 72 * time.Hour},
			Outcomes: []montecarlo.Outcome{{Probability: 0.7, Event: montecarlo.Template{Kind: "report", Actor: "OSCE"}}}})
	return m
}

func baseOptions() montecarlo.Options {
	return montecarlo.Options{Runs: 500, Seed: 7, Start: start, Horizon: 180 * agreement.Day, BatchSize: 100,
		At: []time.Duration{30 * agreement.Day, 90 * agreement.Day}}
}

func TestCompareSameEngineAgrees(t *testing.T) {
	e := mustCompile(small())
	c, err := montecarlo.Compare(context.Background(), e, e, reportModel(), baseOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !c.A.Equal(c.B) {
		t.Fatal("the same engine compared with itself gives different summaries")
	}
	for _, in := range c.A.Instances() {
		for _, at := range c.A.At() {
			for st := agreement.StateDormant; st <= agreement.StateLapsed; st++ {
				p, err := c.Paired(in, st, at)
				if err != nil {
					t.Fatal(err)
				}
				if p.OnlyA != 0 || p.OnlyB != 0 || p.Runs != 500 {
					t.Fatalf("%s %v by %v: %+v, want no discordant run of 500", in, st, at, p)
				}
			}
		}
	}
}

// TestCompareCommonRandomNumbers compares the small agreement (a draft)
// with a final text whose guarantee has a 24-hour deadline instead of 72,
// under a model in which the US deploys 1 to 100 hours after each attack:
// with common random numbers, every run in which the draft's guarantee was
// violated has the final text's violated too (the same attacks and
// deployments come at the same instants), so the paired comparison has no
// run the other way, and its interval is narrower than that of two
// independent estimates.
func TestCompareCommonRandomNumbers(t *testing.T) {
	draft := small()
	final := small()
	final.Clauses[1].Deadline = agreement.Deadline{After: 24 * time.Hour}
	m := breakdownModel(0.01)
	m.Processes = append(m.Processes, &montecarlo.Poisson{Name: "attacks", PerDay: 0.05,
		Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}},
		&montecarlo.Scheduled{Name: "deployment", After: &montecarlo.Match{Kind: agreement.EventKindArmedAttack},
			Delay: montecarlo.Uniform{Min: time.Hour, Max: 100 * time.Hour},
			Outcomes: []montecarlo.Outcome{{Probability: 1,
				Event: montecarlo.Template{Kind: agreement.EventKindForcesDeployed, Actor: "US", Target: "UA"}}}})
	opts := baseOptions()
	opts.Runs = 2000
	c, err := montecarlo.Compare(context.Background(), mustCompile(draft), mustCompile(final), m, opts)
	if err != nil {
		t.Fatal(err)
	}
	at := 90 * agreement.Day
	p, err := c.Paired(inst("guarantee"), agreement.StateViolated, at)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := c.A.Reached(inst("guarantee"), agreement.StateViolated, at)
	b, _ := c.B.Reached(inst("guarantee"), agreement.StateViolated, at)
	if p.OnlyA != 0 || p.OnlyB == 0 {
		t.Fatalf("paired %+v: want runs violated only under the final text, none only under the draft", p)
	}
	if d := b.Estimate() - a.Estimate(); d != p.Difference() {
		t.Fatalf("difference %v, but the summaries differ by %v", p.Difference(), d)
	}
	lo, hi := p.Interval(0.95)
	pa, pb, n := a.Estimate(), b.Estimate(), float64(a.Trials)
	independent := 2 * 1.96 * math.Sqrt(pa*(1-pa)/n+pb*(1-pb)/n)
	if pa == 0 || hi-lo >= independent {
		t.Errorf("draft %v, final %v: paired interval [%v, %v] not narrower than %v, two independent estimates'", pa, pb, lo, hi, independent)
	}
	t.Logf("P(violated by 90 days): draft %v, final %v, difference %.4f [%.4f, %.4f]", a.Estimate(), b.Estimate(), p.Difference(), lo, hi)
}

func TestCancelReturnsCompleteBatches(t *testing.T) {
	e := mustCompile(small())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := baseOptions()
	var calls []int64
	opts.Progress = func(done, total int64) {
		calls = append(calls, done)
		if total != opts.Runs {
			t.Errorf("progress total %d, want %d", total, opts.Runs)
		}
		if done == 200 {
			cancel()
		}
	}
	s, err := montecarlo.Simulate(ctx, e, reportModel(), opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if s == nil || s.Runs() != 200 {
		t.Fatalf("summary %v after cancellation, want the 200 runs of the complete batches", s)
	}
	if len(calls) != 2 || calls[0] != 100 || calls[1] != 200 {
		t.Fatalf("progress calls %v, want [100 200]", calls)
	}
	want := opts
	want.Runs, want.Progress = 200, nil
	w, err := montecarlo.Simulate(context.Background(), e, reportModel(), want)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Equal(w) {
		t.Fatal("partial summary differs from a simulation of its runs")
	}
}

func TestStopWhenAtBatchMultiple(t *testing.T) {
	e := mustCompile(small())
	opts := baseOptions()
	opts.Runs = 100000
	opts.StopWhen = []montecarlo.Precision{{Instance: inst("ceasefire"), State: agreement.StateViolated, At: 90 * agreement.Day, HalfWidth: 0.02}}
	var got []*montecarlo.Summary
	for _, w := range []int{1, 2, 7} {
		opts.Workers = w
		s, err := montecarlo.Simulate(context.Background(), e, reportModel(), opts)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	s := got[0]
	if s.Runs()%opts.BatchSize != 0 || s.Runs() >= opts.Runs {
		t.Fatalf("stopped after %d runs, want a multiple of %d below %d", s.Runs(), opts.BatchSize, opts.Runs)
	}
	p, _ := s.Reached(inst("ceasefire"), agreement.StateViolated, 90*agreement.Day)
	if lo, hi := p.Wilson(0.95); (hi-lo)/2 > 0.02 {
		t.Fatalf("stopped at half-width %v", (hi-lo)/2)
	}
	fewer := opts
	fewer.Runs, fewer.StopWhen = s.Runs()-opts.BatchSize, nil
	f, err := montecarlo.Simulate(context.Background(), e, reportModel(), fewer)
	if err != nil {
		t.Fatal(err)
	}
	pf, _ := f.Reached(inst("ceasefire"), agreement.StateViolated, 90*agreement.Day)
	if lo, hi := pf.Wilson(0.95); (hi-lo)/2 <= 0.02 {
		t.Fatalf("did not stop after %d runs, at half-width %v", f.Runs(), (hi-lo)/2)
	}
	for _, o := range got[1:] {
		if !o.Equal(s) {
			t.Fatal("the stopping rule depends on the number of workers")
		}
	}
	t.Logf("stopped after %d runs", s.Runs())
}

func TestSimulateRejects(t *testing.T) {
	e := mustCompile(small())
	ok := baseOptions()
	for _, c := range []struct {
		name string
		m    montecarlo.Model
		opts func(*montecarlo.Options)
		want string
	}{
		{"unknown actor", montecarlo.Model{Processes: []montecarlo.Process{&montecarlo.Poisson{PerDay: 1,
			Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "XX"}}}}, nil, "processes[0].poisson.event.actor"},
		{"unknown modifier clause", montecarlo.Model{Processes: []montecarlo.Process{&montecarlo.Poisson{PerDay: 1,
			Event:     montecarlo.Template{Kind: agreement.EventKindArmedAttack},
			Modifiers: []montecarlo.Modifier{{Clause: agreement.LocalRef("nope"), States: []agreement.State{agreement.StateInEffect}, Factor: 2}}}}},
			nil, "processes[0].poisson.modifiers[0].clause"},
		{"unknown outcome target", montecarlo.Model{Processes: []montecarlo.Process{&montecarlo.Scheduled{
			Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: "x", Target: "ZZ"}}}}}},
			nil, "processes[0].scheduled.outcomes[0].event.target"},
		{"no runs", reportModel(), func(o *montecarlo.Options) { o.Runs = 0 }, "runs"},
		{"no horizon", reportModel(), func(o *montecarlo.Options) { o.Horizon = 0 }, "horizon"},
		{"stop at an instant not estimated", reportModel(), func(o *montecarlo.Options) {
			o.StopWhen = []montecarlo.Precision{{Instance: inst("ceasefire"), State: agreement.StateViolated, At: time.Hour, HalfWidth: 0.1}}
		}, "stopWhen[0].at"},
		{"unknown survival target", reportModel(), func(o *montecarlo.Options) {
			o.Survival = []montecarlo.Target{{Instance: inst("nope"), State: agreement.StateViolated}}
		}, "survival[0].clause"},
	} {
		opts := ok
		if c.opts != nil {
			c.opts(&opts)
		}
		s, err := montecarlo.Simulate(context.Background(), e, c.m, opts)
		var ve *agreement.ValidationError
		if s != nil || !errors.As(err, &ve) {
			t.Errorf("%s: summary %v, error %v; want a ValidationError", c.name, s, err)
			continue
		}
		if ve.Problems[0].Path != c.want {
			t.Errorf("%s: problem at %q (%v), want %q", c.name, ve.Problems[0].Path, err, c.want)
		}
	}
	if _, err := montecarlo.Simulate(context.Background(), nil, reportModel(), ok); !errors.Is(err, montecarlo.ErrNoEngine) {
		t.Errorf("nil engine: %v", err)
	}
}

func TestCascadeBounded(t *testing.T) {
	e := mustCompile(small())
	loop := montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Scheduled{Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: "echo"}}}},
		&montecarlo.Scheduled{After: &montecarlo.Match{Kind: "echo"},
			Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: "echo"}}}},
	}}
	opts := baseOptions()
	opts.MaxEvents = 1000
	_, err := montecarlo.Simulate(context.Background(), e, loop, opts)
	if err == nil || !strings.Contains(err.Error(), "more than 1000 events") || !strings.Contains(err.Error(), "run 0") {
		t.Fatalf("error %v, want the first run stopped after 1000 events", err)
	}
}

func TestSummaryEstimates(t *testing.T) {
	e := mustCompile(small())
	opts := baseOptions()
	opts.Survival = []montecarlo.Target{{Instance: inst("ceasefire"), State: agreement.StateViolated}}
	s, err := montecarlo.Simulate(context.Background(), e, reportModel(), opts)
	if err != nil {
		t.Fatal(err)
	}
	// The time-to-state observations agree with the probabilities.
	tts := s.TimeToState(opts.Survival[0])
	if tts == nil || tts.Runs() != s.Runs() {
		t.Fatalf("time to state %+v, want one observation per run", tts)
	}
	durs, events := tts.Observations()
	for _, at := range s.At() {
		p, _ := s.Reached(inst("ceasefire"), agreement.StateViolated, at)
		var n int64
		for i, d := range durs {
			if events[i] && d <= at {
				n++
			}
		}
		if n != p.Successes {
			t.Errorf("by %v: %d observations, %d runs reached", at, n, p.Successes)
		}
	}
	// Whoever is bound: the ceasefire binds UA and RU jointly, so no
	// party alone; the guarantee binds US for at most its 72 hours.
	if ps := s.Parties(); len(ps) != 2 || ps[0] != "US" || ps[1] != "OSCE" {
		t.Fatalf("parties %v, want [US OSCE]", ps)
	}
	us, err := s.PartyBound("US")
	if err != nil {
		t.Fatal(err)
	}
	g, _ := s.Bound(inst("guarantee"))
	if us != g || us.Mean() <= 0 || us.Mean() > float64(72*time.Hour) {
		t.Errorf("US bound %v on average, guarantee in effect %v", time.Duration(us.Mean()), time.Duration(g.Mean()))
	}
	// The agreement is in force from the start in every run.
	ag := s.Instances()[len(s.Instances())-1]
	if p, err := s.Reached(ag, agreement.StateInForce, 30*agreement.Day); err != nil || p.Successes != s.Runs() {
		t.Errorf("agreement in force by 30 days in %v (%v), want every run", p, err)
	}
	if _, err := s.Reached(ag, agreement.StateInForce, time.Hour); err == nil {
		t.Error("an instant not estimated gives no error")
	}
	if s.Transitions().Mean() <= 0 || s.Emitted(1).Mean() <= 0 {
		t.Errorf("transitions %v, attacks %v", s.Transitions().Mean(), s.Emitted(1).Mean())
	}
}

func TestSimulateLeavesInputs(t *testing.T) {
	e := mustCompile(small())
	m := reportModel()
	opts := baseOptions()
	opts.At = []time.Duration{90 * agreement.Day, 30 * agreement.Day, 30 * agreement.Day, 400 * agreement.Day}
	opts.Survival = []montecarlo.Target{{Instance: scenario.Instance{Ref: agreement.LocalRef("ceasefire")}, State: agreement.StateViolated}}
	before, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	at := slices.Clone(opts.At)
	s, err := montecarlo.Simulate(context.Background(), e, m, opts)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := json.Marshal(m)
	if string(before) != string(after) || !slices.Equal(at, opts.At) {
		t.Fatal("Simulate modified its model or options")
	}
	if got := s.At(); !slices.Equal(got, []time.Duration{30 * agreement.Day, 90 * agreement.Day, opts.Horizon}) {
		t.Fatalf("instants %v: want sorted, without duplicates or instants past the horizon, the horizon last", got)
	}
	// A local reference names the same target as the qualified one.
	if s.TimeToState(opts.Survival[0]) == nil || s.TimeToState(montecarlo.Target{Instance: inst("ceasefire"), State: agreement.StateViolated}) == nil {
		t.Fatal("survival target not found by its local or qualified reference")
	}
	s.At()[0] = 0
	if s.At()[0] != 30*agreement.Day {
		t.Fatal("At returns the summary's own slice")
	}
}
