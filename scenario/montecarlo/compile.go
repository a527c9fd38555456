package montecarlo

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// numStates is one more than the largest agreement.State.
const numStates = int(agreement.StateLapsed) + 1

// never is the offset of something that does not happen.
const never = int64(math.MaxInt64)

// plan is a model prepared for one engine and one set of options: what a
// worker needs to run it, read-only once built.
type plan struct {
	e       *scenario.Engine
	start   time.Time
	horizon int64
	procs   []proc
	// scheduled lists the indices of the Scheduled processes, which
	// triggers are offered to in order.
	scheduled []int
	shape     shape
	// debtor is, per clause subject, the index in shape.parties of the
	// party it binds, -1 for none.
	debtor    []int
	nClauses  int
	survival  []int // flat (subject, state) index per survival target
	maxEvents int
}

// shape is what a summary's counts are counts of; two summaries merge only
// when their shapes are equal.
type shape struct {
	// What identifies the simulation: the master seed, the start, and
	// fingerprints (SHA-256) of the model's JSON encoding and of the
	// engine's agreements and clause instances.
	seed          uint64
	start         time.Time
	model, engine [sha256.Size]byte
	horizon       time.Duration
	at            []time.Duration
	subjects      []scenario.Instance
	parties       []agreement.PartyID
	processes     []string
	targets       []Target
}

func (s *shape) equal(o *shape) bool {
	return s.seed == o.seed && s.start.Equal(o.start) && s.model == o.model && s.engine == o.engine &&
		s.horizon == o.horizon && slices.Equal(s.at, o.at) && slices.Equal(s.subjects, o.subjects) &&
		slices.Equal(s.parties, o.parties) && slices.Equal(s.processes, o.processes) && slices.Equal(s.targets, o.targets)
}

type procKind uint8

const (
	kindPoisson procKind = iota
	kindScheduled
)

// proc is a process prepared for a run.
type proc struct {
	kind procKind
	// maxRate is the thinning rate (events per nanosecond): the base rate
	// times every factor above 1; rate the base rate.
	rate, maxRate float64
	mods          []mod
	tmpl          Template
	after         *Match
	once          bool
	delay         Distribution
	// uncertain is delay when it is a Piecewise whose rates are drawn per
	// run (see Piecewise.StdErrs); nil otherwise.
	uncertain *Piecewise
	// cum are the cumulative probabilities of the outcomes.
	cum      []float64
	outcomes []Template
}

type mod struct {
	inst   scenario.Instance
	states uint32 // bit s set for state s
	factor float64
}

// prepare checks m against e and opts and builds the plan.
func prepare(e *scenario.Engine, m Model, opts *Options) (*plan, error) {
	if e == nil || len(e.Agreements()) == 0 {
		return nil, ErrNoEngine
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if err := opts.validate(); err != nil {
		return nil, err
	}
	p := &plan{e: e, start: opts.Start, horizon: int64(opts.Horizon), maxEvents: opts.MaxEvents}
	if p.maxEvents <= 0 {
		p.maxEvents = DefaultMaxEvents
	}
	r, err := e.Start(opts.Start)
	if err != nil {
		return nil, fmt.Errorf("montecarlo: %w", err)
	}
	// The events of the templates, checked as a timeline's events.
	var evs []agreement.Event
	var paths []string
	dummy := &agreement.Event{}
	for i, pr := range m.Processes {
		path := agreement.IndexPath("processes", i)
		var q proc
		switch pr := pr.(type) {
		case *Poisson:
			path = agreement.FieldPath(path, "poisson")
			q = proc{kind: kindPoisson, tmpl: pr.Event, rate: pr.PerDay / float64(agreement.Day)}
			q.maxRate = q.rate
			for j, md := range pr.Modifiers {
				inst := scenario.Instance{Ref: md.Clause, Debtor: md.Debtor}
				if !md.Clause.IsAgreement() {
					if in, ok := e.Instance(md.Clause, md.Debtor); ok {
						inst = in
					}
				}
				if _, _, err := r.State(inst); err != nil {
					return nil, problem(agreement.FieldPath(agreement.IndexPath(agreement.FieldPath(path, "modifiers"), j), "clause"),
						agreement.ErrUnknownClause, "no instance "+inst.String()+" in the engine")
				}
				var bits uint32
				for _, s := range md.States {
					bits |= 1 << s
				}
				q.mods = append(q.mods, mod{inst: inst, states: bits, factor: md.Factor})
				if md.Factor > 1 {
					q.maxRate *= md.Factor
				}
			}
			evs = append(evs, pr.Event.event(opts.Start, nil))
			paths = append(paths, agreement.FieldPath(path, "event"))
		case *Scheduled:
			path = agreement.FieldPath(path, "scheduled")
			q = proc{kind: kindScheduled, after: pr.After, once: pr.Once, delay: pr.Delay}
			if isNilDistribution(q.delay) {
				q.delay = nil
			}
			switch d := q.delay.(type) {
			case Piecewise:
				if d.uncertain() {
					q.uncertain = &d
				}
			case *Piecewise:
				if d != nil && d.uncertain() {
					c := *d
					q.uncertain = &c
				}
			}
			sum := 0.0
			for j, o := range pr.Outcomes {
				sum += o.Probability
				q.cum = append(q.cum, sum)
				q.outcomes = append(q.outcomes, o.Event)
				trig := dummy
				if pr.After != nil {
					// Placeholders are checked with the trigger's own
					// fields where it names them.
					trig = &agreement.Event{Actor: pr.After.Actor, Target: pr.After.Target, Area: pr.After.Area}
				}
				ev := o.Event.event(opts.Start, trig)
				if o.Event.placeholders() && (ev.Actor == "" && o.Event.Actor != "" || ev.Target == "" && o.Event.Target != "" ||
					ev.Reporter == "" && o.Event.Reporter != "" || ev.Area == "" && o.Event.Area != "") {
					// The trigger does not fix the field: it is checked
					// at each event.
					continue
				}
				evs = append(evs, ev)
				paths = append(paths, agreement.FieldPath(agreement.IndexPath(agreement.FieldPath(path, "outcomes"), j), "event"))
			}
		}
		p.procs = append(p.procs, q)
		if q.kind == kindScheduled {
			p.scheduled = append(p.scheduled, i)
		}
		p.shape.processes = append(p.shape.processes, pr.Label())
	}
	if err := validateEvents(e, opts.Start, evs, paths); err != nil {
		return nil, err
	}
	// Subjects: clause instances, then agreements; the party each binds.
	insts := e.Instances()
	p.nClauses = len(insts)
	p.shape.subjects = append(slices.Clone(insts), agreementSubjects(e)...)
	tr, err := e.Replay(scenario.NewTimeline(opts.Start), opts.Start)
	if err != nil {
		return nil, fmt.Errorf("montecarlo: %w", err)
	}
	sts, err := tr.Standings(opts.Start)
	if err != nil {
		return nil, fmt.Errorf("montecarlo: %w", err)
	}
	debtorOf := make(map[scenario.Instance]agreement.PartyID, len(sts))
	for _, st := range sts {
		debtorOf[st.Instance] = st.Debtor
	}
	p.debtor = make([]int, len(insts))
	for i, in := range insts {
		p.debtor[i] = -1
		d := debtorOf[in]
		if d == "" {
			continue
		}
		k := slices.Index(p.shape.parties, d)
		if k < 0 {
			k = len(p.shape.parties)
			p.shape.parties = append(p.shape.parties, d)
		}
		p.debtor[i] = k
	}
	p.shape.horizon = opts.Horizon
	p.shape.seed, p.shape.start = opts.Seed, opts.Start
	mj, err := m.MarshalJSON()
	if err != nil {
		return nil, err
	}
	p.shape.model = sha256.Sum256(mj)
	p.shape.engine = engineFingerprint(e)
	p.shape.at = instants(opts.At, opts.Horizon)
	for i, t := range opts.Survival {
		k := slices.Index(p.shape.subjects, t.resolve(e))
		if k < 0 {
			return nil, problem(agreement.FieldPath(agreement.IndexPath("survival", i), "clause"), agreement.ErrUnknownClause,
				"no instance "+t.Instance.String()+" in the engine")
		}
		p.survival = append(p.survival, k*numStates+int(t.State))
		p.shape.targets = append(p.shape.targets, Target{Instance: p.shape.subjects[k], State: t.State})
	}
	for i, s := range opts.StopWhen {
		k := slices.Index(p.shape.subjects, Target{Instance: s.Instance}.resolve(e))
		path := agreement.IndexPath("stopWhen", i)
		if k < 0 {
			return nil, problem(agreement.FieldPath(path, "clause"), agreement.ErrUnknownClause, "no instance "+s.Instance.String()+" in the engine")
		}
		if !slices.Contains(p.shape.at, s.At) {
			return nil, problem(agreement.FieldPath(path, "at"), agreement.ErrInvalidValue,
				"instant "+agreement.FormatDuration(s.At)+" is not one of the instants estimated")
		}
	}
	return p, nil
}

// instants returns at sorted, without duplicates and instants past the
// horizon, with the horizon last.
func instants(at []time.Duration, horizon time.Duration) []time.Duration {
	out := make([]time.Duration, 0, len(at)+1)
	for _, a := range at {
		if a >= 0 && a < horizon {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return append(out, horizon)
}

// engineFingerprint returns the SHA-256 of the engine's agreement IDs and
// clause instances, each ended by a NUL byte.
func engineFingerprint(e *scenario.Engine) [sha256.Size]byte {
	h := sha256.New()
	for _, id := range e.Agreements() {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	h.Write([]byte{0})
	for _, in := range e.Instances() {
		h.Write([]byte(in.String()))
		h.Write([]byte{0})
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

func agreementSubjects(e *scenario.Engine) []scenario.Instance {
	var out []scenario.Instance
	for _, id := range e.Agreements() {
		out = append(out, scenario.Instance{Ref: agreement.AgreementRef(id)})
	}
	return out
}

func problem(path string, err error, msg string) error {
	var ve agreement.ValidationError
	ve.Add(path, err, msg)
	return wrapProblems(&ve)
}

// validateEvents checks evs against e as a timeline's events, reporting
// the problem of event i at paths[i].
func validateEvents(e *scenario.Engine, start time.Time, evs []agreement.Event, paths []string) error {
	err := scenario.NewTimeline(start, evs...).Validate(e)
	if err == nil {
		return nil
	}
	var in *agreement.ValidationError
	if !errors.As(err, &in) {
		return fmt.Errorf("montecarlo: %w", err)
	}
	var out agreement.ValidationError
	for _, pr := range in.Problems {
		path := pr.Path
		var i int
		var rest string
		if n, _ := fmt.Sscanf(path, "events[%d]", &i); n == 1 && i >= 0 && i < len(paths) {
			rest = path[len(fmt.Sprintf("events[%d]", i)):]
			path = paths[i] + rest
		}
		out.Add(path, pr.Err, pr.Msg)
	}
	return wrapProblems(&out)
}
