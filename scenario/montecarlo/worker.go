package montecarlo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// splitmix64 is the finaliser of SplitMix64: a bijection of uint64 that
// scatters neighbouring inputs.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// mix derives a seed from a seed and an index.
func mix(a, b uint64) uint64 { return splitmix64(a ^ splitmix64(b)) }

// runSeed is the seed of run i of a simulation with master seed seed.
func runSeed(seed uint64, i int64) uint64 { return mix(seed, uint64(i)) }

// pending is an event a Scheduled process has scheduled.
type pending struct {
	at int64
	ev agreement.Event
}

// worker makes runs of one plan through one scenario.Run, reusing its
// memory, and tallies them in its own summary.
type worker struct {
	p   *plan
	run *scenario.Run
	// Per process: its random stream, its seed for the run, its next
	// candidate (Poisson), its pending events and triggers so far
	// (Scheduled), and the events it emitted.
	pcg  []rand.PCG
	rng  []*rand.Rand
	base []uint64
	next []int64
	// nextAt is, per process, its next candidate or earliest pending
	// event.
	nextAt []int64
	pend   [][]pending
	trig   []uint64
	count  []int64
	// prates holds, per process whose delay's rates are drawn per run,
	// the run's rates (nil for the others).
	prates [][]float64
	// Per subject: its state and since when it has been in effect; per
	// (subject, state): the first instant it was in that state, never if
	// not yet; reached lists those set.
	states    []agreement.State
	enteredAt []int64
	first     []int64
	reached   []int
	bound     []int64
	pcount    []int
	pEntered  []int64
	pbound    []int64
	buf       []agreement.State
	lastTrans int
	nEvents   int
	// nCand counts the candidates of Poisson processes drawn in the run,
	// kept or not; steps counts candidates and instants, for checking ctx.
	nCand int
	steps int
	// parked lists the Poisson processes whose rate was 0 at their last
	// candidate: they draw again once an instant closes with a rate above 0.
	parked []int
	ctx    context.Context
	sum    *Summary
	raw    [][]int64
}

func newWorker(p *plan) (*worker, error) {
	r, err := p.e.Start(p.start)
	if err != nil {
		return nil, fmt.Errorf("montecarlo: %w", err)
	}
	if err := r.SetRecording(scenario.RecordStates); err != nil {
		return nil, fmt.Errorf("montecarlo: %w", err)
	}
	n := len(p.procs)
	ns := len(p.shape.subjects)
	w := &worker{p: p, run: r,
		pcg: make([]rand.PCG, n), rng: make([]*rand.Rand, n), base: make([]uint64, n), next: make([]int64, n), nextAt: make([]int64, n),
		pend: make([][]pending, n), trig: make([]uint64, n), count: make([]int64, n),
		states: make([]agreement.State, ns), enteredAt: make([]int64, ns), first: make([]int64, ns*numStates),
		bound: make([]int64, p.nClauses), pcount: make([]int, len(p.shape.parties)),
		pEntered: make([]int64, len(p.shape.parties)), pbound: make([]int64, len(p.shape.parties)),
		sum: newSummary(&p.shape), raw: make([][]int64, len(p.survival))}
	for k := range w.pcg {
		w.rng[k] = rand.New(&w.pcg[k])
	}
	w.prates = make([][]float64, n)
	for k := range p.procs {
		if u := p.procs[k].uncertain; u != nil {
			w.prates[k] = make([]float64, len(u.PerDay))
		}
	}
	for i := range w.first {
		w.first[i] = never
	}
	return w, nil
}

func (w *worker) do(seed uint64, idx int64) error {
	p := w.p
	if err := w.run.Reset(p.start); err != nil {
		return err
	}
	s1 := runSeed(seed, idx)
	for k := range p.procs {
		w.base[k] = mix(s1, uint64(k))
		w.pcg[k].Seed(s1, w.base[k])
		w.next[k], w.nextAt[k] = never, never
		w.pend[k] = w.pend[k][:0]
		w.trig[k] = 0
		w.count[k] = 0
	}
	// The rates of the run, for delays whose rates are uncertain: from a
	// stream of the process's own for the run, apart from its triggers'.
	for k := range p.procs {
		if u := p.procs[k].uncertain; u != nil {
			w.pcg[k].Seed(w.base[k], mix(w.base[k], paramStream))
			u.drawRates(w.rng[k], w.prates[k])
		}
	}
	w.nEvents, w.nCand, w.steps = 0, 0, 0
	w.parked = w.parked[:0]
	w.lastTrans = -1
	w.initStates()
	for k := range p.procs {
		q := &p.procs[k]
		switch {
		case q.kind == kindPoisson:
			w.next[k] = w.exp(k, 0)
			w.nextAt[k] = w.next[k]
		case q.after == nil:
			w.trigger(k, 0, nil)
		}
	}
	closed := int64(-1)
	for {
		t := w.minNext()
		n := t
		if closed < 0 {
			n = 0
		} else if wt, ok := w.run.NextWake(); ok {
			if o := int64(wt.Sub(p.start)); o < n {
				n = o
			}
		}
		if n > p.horizon {
			break
		}
		if err := w.step(); err != nil {
			return err
		}
		if t == n {
			if err := w.batch(n); err != nil {
				return err
			}
		}
		if err := w.run.AdvanceTo(p.start.Add(time.Duration(n))); err != nil {
			return err
		}
		closed = n
		w.observe(n)
		if len(w.parked) > 0 {
			w.resume(n)
		}
	}
	if closed < p.horizon {
		if err := w.run.AdvanceTo(p.start.Add(time.Duration(p.horizon))); err != nil {
			return err
		}
		w.observe(p.horizon)
	}
	return nil
}

// initStates forgets the states of the previous run. Nothing is recorded
// before the first instant closes: a state is reached when the run is in it
// at the end of an instant, so the first observe (at 0, with lastTrans -1)
// records every subject's state, none being the zero State.
func (w *worker) initStates() {
	clear(w.states)
}

// checkEvery is how many steps (candidates and instants) of a run pass
// between two checks of its context.
const checkEvery = 1 << 10

// step counts a step of the run and checks its context every checkEvery
// steps.
func (w *worker) step() error {
	w.steps++
	if w.steps%checkEvery == 0 && w.ctx != nil {
		return w.ctx.Err()
	}
	return nil
}

// resume draws the next candidate, after offset n, of each parked process
// whose rate is above 0 in the states after n closed. The rate was 0 since
// the candidate at which the process was parked, so by memorylessness
// candidates may start afresh at n+1, the first instant whose rate
// depends on those states.
func (w *worker) resume(n int64) {
	out := w.parked[:0]
	for _, k := range w.parked {
		if w.rate(&w.p.procs[k]) == 0 {
			out = append(out, k)
			continue
		}
		w.next[k] = w.exp(k, n+1)
		w.nextAt[k] = w.next[k]
	}
	w.parked = out
}

// exp returns the next candidate of Poisson process k after offset n.
func (w *worker) exp(k int, n int64) int64 {
	q := &w.p.procs[k]
	if q.maxRate <= 0 {
		return never
	}
	x := w.rng[k].ExpFloat64() / q.maxRate
	if !(x < float64(w.p.horizon-n)+1) {
		return never
	}
	return n + int64(x)
}

func (w *worker) minNext() int64 {
	t := never
	for _, v := range w.nextAt {
		t = min(t, v)
	}
	return t
}

// batch emits every event at offset n, cascades of zero delays included.
func (w *worker) batch(n int64) error {
	p := w.p
	at := p.start.Add(time.Duration(n))
	for {
		fired := false
		for k := range p.procs {
			if w.nextAt[k] != n {
				continue
			}
			fired = true
			q := &p.procs[k]
			if q.kind == kindPoisson {
				for w.next[k] == n {
					if w.nCand >= w.p.maxEvents {
						return fmt.Errorf("more than %d candidates of Poisson processes in one run (process %d)", w.p.maxEvents, k)
					}
					w.nCand++
					if err := w.step(); err != nil {
						return err
					}
					accept := true
					if len(q.mods) > 0 {
						r := w.rate(q)
						if r == 0 {
							// No candidate can be kept before the
							// instant closes: park the process.
							w.next[k], w.nextAt[k] = never, never
							w.parked = append(w.parked, k)
							break
						}
						u := w.rng[k].Float64()
						accept = u*q.maxRate < r
					}
					w.next[k] = w.exp(k, n)
					w.nextAt[k] = w.next[k]
					if accept {
						if err := w.emit(k, q.tmpl.event(at, nil), n); err != nil {
							return err
						}
					}
				}
				continue
			}
			for i := 0; i < len(w.pend[k]); {
				if w.pend[k][i].at != n {
					i++
					continue
				}
				ev := w.pend[k][i].ev
				w.pend[k] = slices.Delete(w.pend[k], i, i+1)
				if err := w.emit(k, ev, n); err != nil {
					return err
				}
			}
			t := never
			for _, pe := range w.pend[k] {
				t = min(t, pe.at)
			}
			w.nextAt[k] = t
		}
		if !fired {
			return nil
		}
	}
}

// rate returns the rate of Poisson process q in the states the run has
// closed: those just before the instant being emitted.
func (w *worker) rate(q *proc) float64 {
	r := q.rate
	for i := range q.mods {
		m := &q.mods[i]
		s, _, err := w.run.State(m.inst)
		if err == nil && m.states&(1<<s) != 0 {
			r *= m.factor
		}
	}
	return r
}

func (w *worker) emit(k int, ev agreement.Event, n int64) error {
	if w.nEvents >= w.p.maxEvents {
		return fmt.Errorf("more than %d events in one run (process %d)", w.p.maxEvents, k)
	}
	w.nEvents++
	if err := w.run.Apply(ev); err != nil {
		return fmt.Errorf("process %d: %w", k, err)
	}
	w.count[k]++
	for _, j := range w.p.scheduled {
		if a := w.p.procs[j].after; a != nil && a.matches(&ev) {
			w.trigger(j, n, &ev)
		}
	}
	return nil
}

// paramStream numbers the stream of a process's rates for a run, apart
// from the streams of its triggers (numbered from 0).
const paramStream = 1<<63 | 0x7261746573

// trigger draws what trigger number w.trig[j] of Scheduled process j at
// offset n schedules, from a stream of its own.
func (w *worker) trigger(j int, n int64, trig *agreement.Event) {
	q := &w.p.procs[j]
	if q.once && w.trig[j] > 0 {
		return
	}
	ord := w.trig[j]
	w.trig[j]++
	w.pcg[j].Seed(w.base[j], mix(w.base[j], ord))
	r := w.rng[j]
	var d time.Duration
	switch {
	case q.uncertain != nil:
		var ok bool
		if d, ok = (Piecewise{Cuts: q.uncertain.Cuts, PerDay: w.prates[j]}).draw(r); !ok {
			return
		}
	case q.delay != nil:
		var ok bool
		if d, ok = q.delay.draw(r); !ok {
			return
		}
	}
	u := r.Float64()
	o, _ := slices.BinarySearch(q.cum, u)
	for o < len(q.cum) && q.cum[o] <= u {
		o++
	}
	if o == len(q.cum) || int64(d) > w.p.horizon-n {
		return
	}
	at := n + int64(d)
	w.pend[j] = append(w.pend[j], pending{at: at, ev: q.outcomes[o].event(w.p.start.Add(d+time.Duration(n)), trig)})
	w.nextAt[j] = min(w.nextAt[j], at)
}

// observe reads the states after the instant at offset n closed.
func (w *worker) observe(n int64) {
	tr := w.run.Transitions()
	if tr == w.lastTrans {
		return
	}
	w.lastTrans = tr
	w.buf = w.run.States(w.buf[:0])
	nc := w.p.nClauses
	for i, s := range w.buf[:min(nc, len(w.buf))] {
		if s != w.states[i] {
			w.set(i, s, n)
		}
	}
	for i := nc; i < len(w.states); i++ {
		if s, _, err := w.run.State(w.p.shape.subjects[i]); err == nil && s != w.states[i] {
			w.set(i, s, n)
		}
	}
}

// set records that subject i is in state s from offset n on.
func (w *worker) set(i int, s agreement.State, n int64) {
	old := w.states[i]
	if i < w.p.nClauses {
		d := w.p.debtor[i]
		if old == agreement.StateInEffect {
			w.bound[i] += n - w.enteredAt[i]
			if d >= 0 {
				if w.pcount[d]--; w.pcount[d] == 0 {
					w.pbound[d] += n - w.pEntered[d]
				}
			}
		}
		if s == agreement.StateInEffect {
			w.enteredAt[i] = n
			if d >= 0 {
				if w.pcount[d] == 0 {
					w.pEntered[d] = n
				}
				w.pcount[d]++
			}
		}
	}
	w.states[i] = s
	if f := i*numStates + int(s); w.first[f] == never {
		w.first[f] = n
		w.reached = append(w.reached, f)
	}
}

// tally adds the run just made to w.sum and clears what it recorded. It
// fails only if the engine does not know its own clause instances.
func (w *worker) tally() error {
	p, s := w.p, w.sum
	h := p.horizon
	for i := range p.nClauses {
		if w.states[i] == agreement.StateInEffect {
			w.bound[i] += h - w.enteredAt[i]
		}
		s.bound[i].add(w.bound[i])
		w.bound[i] = 0
		n, err := w.run.Breaches(s.shape.subjects[i])
		if err != nil {
			return err
		}
		s.breaches[i].add(int64(n))
	}
	for d := range w.pcount {
		if w.pcount[d] > 0 {
			w.pbound[d] += h - w.pEntered[d]
		}
		s.partyBound[d].add(w.pbound[d])
		w.pbound[d], w.pcount[d] = 0, 0
	}
	for k := range p.procs {
		s.emitted[k].add(w.count[k])
	}
	s.transitions.add(int64(w.run.Transitions()))
	for ti, f := range p.survival {
		if t := w.first[f]; t != never {
			w.raw[ti] = append(w.raw[ti], t)
		} else {
			s.survival[ti].Censored++
		}
	}
	nAt := len(s.shape.at)
	for _, f := range w.reached {
		s.reach[f*nAt+s.bucket(w.first[f])]++
		w.first[f] = never
	}
	w.reached = w.reached[:0]
	s.runs++
	return nil
}

// flush moves the survival times recorded by w into w.sum.
func (w *worker) flush() {
	for ti, raw := range w.raw {
		w.sum.survival[ti].addRaw(raw)
		w.raw[ti] = raw[:0]
	}
}
