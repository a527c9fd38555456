package montecarlo

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// ErrShape is returned by Summary.Merge for summaries of different
// simulations (see [Summary.Merge] for what is compared).
var ErrShape = errors.New("montecarlo: summaries of different shapes")

// ErrOverlap is returned by Summary.Merge for summaries that share a run
// index: merging them would count a run twice.
var ErrOverlap = errors.New("montecarlo: summaries of overlapping runs")

// RunRange is a range of run indices: First to End-1.
type RunRange struct {
	First, End int64
}

// Summary is what a simulation estimates, as exact counts over its runs:
// integers and sums of durations, so that summaries of disjoint sets of
// runs merge exactly ([Summary.Merge]) in any order. Its subjects are the
// engine's clause instances (in the order of scenario.Engine.Instances)
// followed by its agreements.
type Summary struct {
	shape *shape
	runs  int64
	// reach counts, per subject, state and instant j, the runs that first
	// reached the state after At[j-1] and by At[j].
	reach       []int64
	survival    []TimeToState
	bound       []Tally
	breaches    []Tally
	partyBound  []Tally
	transitions Tally
	emitted     []Tally
	// ranges are the run indices covered, sorted, disjoint and not
	// adjacent.
	ranges []RunRange
}

func newSummary(sh *shape) *Summary {
	s := &Summary{shape: sh,
		reach:      make([]int64, len(sh.subjects)*numStates*len(sh.at)),
		survival:   make([]TimeToState, len(sh.targets)),
		bound:      make([]Tally, len(sh.subjects)-countAgreements(sh)),
		breaches:   make([]Tally, len(sh.subjects)-countAgreements(sh)),
		partyBound: make([]Tally, len(sh.parties)),
		emitted:    make([]Tally, len(sh.processes)),
	}
	for i, t := range sh.targets {
		s.survival[i] = TimeToState{Instance: t.Instance, State: t.State, Horizon: sh.horizon}
	}
	return s
}

func countAgreements(sh *shape) int {
	n := 0
	for _, s := range sh.subjects {
		if s.IsAgreement() {
			n++
		}
	}
	return n
}

// bucket returns the index of the first instant at or after offset t.
func (s *Summary) bucket(t int64) int {
	j, _ := slices.BinarySearch(s.shape.at, time.Duration(t))
	return j
}

// Runs returns the number of runs summarised.
func (s *Summary) Runs() int64 {
	if !s.usable() {
		return 0
	}
	return s.runs
}

// usable reports whether s is a summary Simulate made: a nil or zero
// Summary summarises nothing, and its methods return zero values or
// errors.
func (s *Summary) usable() bool { return s != nil && s.shape != nil }

// errNoSummary is what the methods of a nil or zero Summary return.
var errNoSummary = errors.New("montecarlo: a nil or zero Summary summarises nothing")

// Horizon returns how long each run ran.
func (s *Summary) Horizon() time.Duration {
	if !s.usable() {
		return 0
	}
	return s.shape.horizon
}

// At returns the instants (offsets from the start) at which the
// probabilities of reaching states are estimated, in order, the horizon
// last.
func (s *Summary) At() []time.Duration {
	if !s.usable() {
		return nil
	}
	return slices.Clone(s.shape.at)
}

// Instances returns the subjects: the clause instances of the engine, then
// its agreements.
func (s *Summary) Instances() []scenario.Instance {
	if !s.usable() {
		return nil
	}
	return slices.Clone(s.shape.subjects)
}

// Parties returns the parties that some clause instance binds alone (see
// scenario.Standing.Debtor), in order of first appearance.
func (s *Summary) Parties() []agreement.PartyID {
	if !s.usable() {
		return nil
	}
	return slices.Clone(s.shape.parties)
}

// Processes returns the labels of the model's processes, in order.
func (s *Summary) Processes() []string {
	if !s.usable() {
		return nil
	}
	return slices.Clone(s.shape.processes)
}

func (s *Summary) subject(inst scenario.Instance) (int, error) {
	if !s.usable() {
		return 0, errNoSummary
	}
	if k := slices.Index(s.shape.subjects, inst); k >= 0 {
		return k, nil
	}
	return 0, fmt.Errorf("montecarlo: unknown instance %s", inst)
}

// Reached returns how many runs had instance inst (a clause instance or an
// agreement, as Instances lists it) in state st at the end of some instant
// at or before offset at, out of all runs. at must be one of At; the
// horizon gives the probability of reaching st at all. A state entered and
// left within one instant is not seen (see the package doc, Estimates).
func (s *Summary) Reached(inst scenario.Instance, st agreement.State, at time.Duration) (Proportion, error) {
	k, err := s.subject(inst)
	if err != nil {
		return Proportion{}, err
	}
	j := slices.Index(s.shape.at, at)
	if j < 0 {
		return Proportion{}, fmt.Errorf("montecarlo: %s is not one of the instants estimated", agreement.FormatDuration(at))
	}
	if !st.Valid() {
		return Proportion{}, fmt.Errorf("montecarlo: invalid state %v", st)
	}
	nAt := len(s.shape.at)
	base := (k*numStates + int(st)) * nAt
	var c int64
	for _, v := range s.reach[base : base+j+1] {
		c += v
	}
	return Proportion{Successes: c, Trials: s.runs}, nil
}

// TimeToState returns the times to state of a survival target of the
// options, nil when target was not one.
func (s *Summary) TimeToState(target Target) *TimeToState {
	if !s.usable() {
		return nil
	}
	for i, t := range s.shape.targets {
		if t.State == target.State && (t.Instance == target.Instance ||
			target.Instance.Debtor == t.Instance.Debtor && target.Instance.Ref.Resolve(t.Instance.Ref.Agreement) == t.Instance.Ref) {
			c := s.survival[i]
			c.Events = slices.Clone(c.Events)
			return &c
		}
	}
	return nil
}

// Bound returns the time clause instance inst spent in effect over each
// run (in nanoseconds).
func (s *Summary) Bound(inst scenario.Instance) (Tally, error) {
	k, err := s.subject(inst)
	if err != nil {
		return Tally{}, err
	}
	if k >= len(s.bound) {
		return Tally{}, fmt.Errorf("montecarlo: %s is an agreement", inst)
	}
	return s.bound[k], nil
}

// Breaches returns the breaches clause instance inst recorded over each
// run (scenario.Run.Breaches): its mean is the expected number of breaches
// by the horizon. Only standing clauses record breaches.
func (s *Summary) Breaches(inst scenario.Instance) (Tally, error) {
	k, err := s.subject(inst)
	if err != nil {
		return Tally{}, err
	}
	if k >= len(s.breaches) {
		return Tally{}, fmt.Errorf("montecarlo: %s is an agreement", inst)
	}
	return s.breaches[k], nil
}

// PartyBound returns the time, over each run, during which party was
// bound: some clause instance binding it alone was in effect (in
// nanoseconds; divide the mean by agreement.Day for days).
func (s *Summary) PartyBound(party agreement.PartyID) (Tally, error) {
	if !s.usable() {
		return Tally{}, errNoSummary
	}
	k := slices.Index(s.shape.parties, party)
	if k < 0 {
		return Tally{}, fmt.Errorf("montecarlo: party %q binds no clause instance alone", party)
	}
	return s.partyBound[k], nil
}

// Transitions returns the number of transitions of each run, of clause
// instances and agreements (scenario.Run.Transitions).
func (s *Summary) Transitions() Tally {
	if !s.usable() {
		return Tally{}
	}
	return s.transitions
}

// Emitted returns the number of events process i of the model emitted in
// each run; the zero Tally for an i out of range.
func (s *Summary) Emitted(i int) Tally {
	if !s.usable() || i < 0 || i >= len(s.emitted) {
		return Tally{}
	}
	return s.emitted[i]
}

// Merge adds the runs of o to s. Merging is exact, commutative and
// associative: summaries of disjoint ranges of run indices merge into the
// summary of their union, in any order. It returns ErrShape, and changes
// nothing, when o summarises another simulation. What is compared: the
// master seed (Options.Seed); the start (Options.Start, with
// time.Time.Equal); the horizon; the instants (Options.At) and survival
// targets; the model, by the SHA-256 of its JSON encoding
// ([Model.MarshalJSON]); the engine, by the SHA-256 of its agreement IDs
// and clause instances (two engines with the same agreements and
// instances but other clause texts are not told apart); and the subjects,
// parties and process names. Options.First, Runs, Workers, BatchSize,
// StopWhen, Confidence, MaxEvents and Progress are not compared. It
// returns ErrOverlap, and changes nothing, when s and o share a run index
// ([Summary.Ranges]): s.Merge(s) of a summary with runs, say.
func (s *Summary) Merge(o *Summary) error {
	rs, err := s.canMerge(o)
	if err != nil {
		return err
	}
	s.add(o)
	s.ranges = rs
	return nil
}

// canMerge returns the ranges s would cover once merged with o, or why it
// cannot be.
func (s *Summary) canMerge(o *Summary) ([]RunRange, error) {
	if s == nil || o == nil || s.shape == nil || o.shape == nil || !s.shape.equal(o.shape) {
		return nil, ErrShape
	}
	rs, ok := unionRanges(s.ranges, o.ranges)
	if !ok {
		return nil, ErrOverlap
	}
	return rs, nil
}

// Ranges returns the ranges of run indices s summarises, sorted, disjoint
// and not adjacent.
func (s *Summary) Ranges() []RunRange {
	if !s.usable() {
		return nil
	}
	return slices.Clone(s.ranges)
}

// unionRanges returns the union of a and b (each sorted, disjoint and not
// adjacent) in the same form, and false if they overlap.
func unionRanges(a, b []RunRange) ([]RunRange, bool) {
	all := append(slices.Clone(a), b...)
	slices.SortFunc(all, func(x, y RunRange) int {
		switch {
		case x.First < y.First:
			return -1
		case x.First > y.First:
			return 1
		}
		return 0
	})
	var out []RunRange
	for _, r := range all {
		if r.End <= r.First {
			continue
		}
		if n := len(out); n > 0 {
			if r.First < out[n-1].End {
				return nil, false
			}
			if r.First == out[n-1].End {
				out[n-1].End = r.End
				continue
			}
		}
		out = append(out, r)
	}
	return out, true
}

// add adds the counts of o to s, which have the same shape.
func (s *Summary) add(o *Summary) {
	s.runs += o.runs
	for i, v := range o.reach {
		s.reach[i] += v
	}
	for i := range s.survival {
		s.survival[i].merge(&o.survival[i])
	}
	for i := range s.bound {
		s.bound[i].merge(o.bound[i])
		s.breaches[i].merge(o.breaches[i])
	}
	for i := range s.partyBound {
		s.partyBound[i].merge(o.partyBound[i])
	}
	s.transitions.merge(o.transitions)
	for i := range s.emitted {
		s.emitted[i].merge(o.emitted[i])
	}
}

// Equal reports whether s and o summarise the same simulation with the
// same counts: what two summaries of the same runs give, however the runs
// were scheduled or sharded.
func (s *Summary) Equal(o *Summary) bool {
	if !s.usable() || !o.usable() {
		return !s.usable() && !o.usable() // both summarise nothing
	}
	if !s.shape.equal(o.shape) || s.runs != o.runs || !slices.Equal(s.reach, o.reach) ||
		!slices.Equal(s.bound, o.bound) || !slices.Equal(s.breaches, o.breaches) || !slices.Equal(s.partyBound, o.partyBound) ||
		s.transitions != o.transitions || !slices.Equal(s.emitted, o.emitted) || !slices.Equal(s.ranges, o.ranges) {
		return false
	}
	for i := range s.survival {
		a, b := &s.survival[i], &o.survival[i]
		if a.Censored != b.Censored || !slices.Equal(a.Events, b.Events) {
			return false
		}
	}
	return true
}

func (s *Summary) reset() {
	s.runs = 0
	s.ranges = nil
	clear(s.reach)
	for i := range s.survival {
		s.survival[i].Events, s.survival[i].Censored = nil, 0
	}
	for i := range s.bound {
		s.bound[i], s.breaches[i] = Tally{}, Tally{}
	}
	for i := range s.partyBound {
		s.partyBound[i] = Tally{}
	}
	s.transitions = Tally{}
	for i := range s.emitted {
		s.emitted[i] = Tally{}
	}
}

// TimeToState holds, for one clause instance (or agreement) and state, the
// time each run took to reach it, as right-censored observations: what a
// Kaplan-Meier estimator consumes. Events lists the distinct times at
// which runs reached the state, in increasing order, with how many did;
// Censored counts the runs that had not reached it by the horizon, all
// censored at Horizon. A state held from the start is reached at 0.
type TimeToState struct {
	Instance scenario.Instance
	State    agreement.State
	Horizon  time.Duration
	Events   []Tick
	Censored int64
}

// Tick is a number of runs at one time.
type Tick struct {
	At    time.Duration
	Count int64
}

// Runs returns the number of observations.
func (t *TimeToState) Runs() int64 {
	if t == nil {
		return 0
	}
	n := t.Censored
	for _, e := range t.Events {
		n += e.Count
	}
	return n
}

// Observations returns the observations one per run, in increasing order
// of duration (events before censorings at the same time): durations[i]
// is the time to the state, or Horizon when events[i] is false (censored).
func (t *TimeToState) Observations() (durations []time.Duration, events []bool) {
	if t == nil {
		return nil, nil
	}
	n := t.Runs()
	durations, events = make([]time.Duration, 0, n), make([]bool, 0, n)
	for _, e := range t.Events {
		for range e.Count {
			durations, events = append(durations, e.At), append(events, true)
		}
	}
	for range t.Censored {
		durations, events = append(durations, t.Horizon), append(events, false)
	}
	return durations, events
}

// addRaw adds unsorted times, one per run.
func (t *TimeToState) addRaw(raw []int64) {
	if len(raw) == 0 {
		return
	}
	slices.Sort(raw)
	var ticks []Tick
	for _, v := range raw {
		if n := len(ticks); n > 0 && ticks[n-1].At == time.Duration(v) {
			ticks[n-1].Count++
			continue
		}
		ticks = append(ticks, Tick{At: time.Duration(v), Count: 1})
	}
	t.merge(&TimeToState{Events: ticks})
}

func (t *TimeToState) merge(o *TimeToState) {
	t.Censored += o.Censored
	if len(o.Events) == 0 {
		return
	}
	out := make([]Tick, 0, len(t.Events)+len(o.Events))
	a, b := t.Events, o.Events
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0].At < b[0].At:
			out, a = append(out, a[0]), a[1:]
		case b[0].At < a[0].At:
			out, b = append(out, b[0]), b[1:]
		default:
			out = append(out, Tick{At: a[0].At, Count: a[0].Count + b[0].Count})
			a, b = a[1:], b[1:]
		}
	}
	out = append(append(out, a...), b...)
	t.Events = out
}
