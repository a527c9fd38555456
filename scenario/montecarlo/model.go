package montecarlo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Model is a stochastic model of the events of a scenario: a list of
// processes, each of which emits events of its own as a run unfolds. Models
// compose by concatenation (see [Compose]); the order of the processes
// decides the order of events that fall on the same instant, and each
// process draws from its own random stream. The zero Model emits nothing.
type Model struct {
	Processes []Process
}

// Compose returns a model with the processes of every model in ms, in
// order. It copies the lists; the processes themselves are values shared
// with ms.
func Compose(ms ...Model) Model {
	var out Model
	for _, m := range ms {
		out.Processes = append(out.Processes, m.Processes...)
	}
	return out
}

// Process is one source of events of a [Model]: a [*Poisson] or a
// [*Scheduled]. Only the types of this package implement it.
type Process interface {
	// Label returns the process's name, as [Summary.Processes] lists it.
	Label() string
	validate(ve *agreement.ValidationError, path string)
}

// Poisson is a point process: events from the template Event at
// exponential inter-arrival times of mean 1/PerDay days, from the start of a
// run to its horizon. Modifiers make the rate depend on the run's state:
// at every instant the rate is PerDay times the factor of every modifier
// that holds just before that instant (see [Modifier]), so the simulation
// is closed-loop. The rate is simulated by thinning, which is exact (see
// the package doc, The closed loop).
type Poisson struct {
	// Name names the process in summaries; it need not be unique.
	Name string
	// PerDay is the base rate, in events per 24 hours; finite, not
	// negative, and with every factor above 1 of the modifiers below
	// MaxPerDay.
	PerDay float64
	// Event is what each event is; its instant is the draw.
	Event Template
	// Modifiers multiply the rate while they hold.
	Modifiers []Modifier
}

// Label returns p.Name.
func (p *Poisson) Label() string {
	if p == nil {
		return ""
	}
	return p.Name
}

// Modifier multiplies the rate of a [Poisson] process by Factor while the
// clause instance (or agreement) it names is in one of States.
type Modifier struct {
	// Clause is the clause, qualified or local, or an agreement
	// (agreement.AgreementRef); Debtor names the debtor's instance of a
	// clause expanded per debtor and is empty otherwise.
	Clause agreement.Ref
	Debtor agreement.PartyID
	// States are the states in which the factor applies; at least one.
	States []agreement.State
	// Factor is finite and not negative: 0 stops the process while the
	// modifier holds, 0.5 halves its rate, 2 doubles it.
	Factor float64
}

// Scheduled schedules events a random delay after a trigger: after the
// start of a run when After is nil, otherwise after each event (emitted by
// any process of the model) that After matches, or only the first such
// event when Once is set. Each trigger draws, from a stream of its own
// (see the package doc, Seeding), a delay from Delay (none when nil) and
// then one of Outcomes, or none with the probability the outcomes leave
// over; the event of the outcome drawn happens at the trigger's instant
// plus the delay, unless that falls after the horizon. So a ceasefire's
// breakdown is a Scheduled after "ceasefire-in-force" with a [Weibull]
// delay and one outcome of probability 1; a ratification within 30 to 90
// days a [Uniform] delay; a monitor confirming an attack with probability
// 0.7 a Scheduled after "armed-attack" with one outcome of probability
// 0.7, whose template may copy the attack's actor, target and area
// ([TriggerActor], [TriggerTarget], [TriggerArea]); a referendum's result
// several outcomes.
type Scheduled struct {
	// Name names the process in summaries; it need not be unique.
	Name string
	// After is the trigger; nil for the start of the run.
	After *Match
	// Once makes only the first trigger schedule anything.
	Once bool
	// Delay is the distribution of the delay; nil for none.
	Delay Distribution
	// Outcomes are the events one of which happens, with their
	// probabilities, which sum to at most 1; at least one.
	Outcomes []Outcome
}

// Label returns s.Name.
func (s *Scheduled) Label() string {
	if s == nil {
		return ""
	}
	return s.Name
}

// Outcome is one possible result of a [Scheduled] trigger.
type Outcome struct {
	// Probability is in [0, 1].
	Probability float64
	Event       Template
}

// Match selects events by their fields: an empty field matches any value.
type Match struct {
	Kind          agreement.EventKind
	Actor, Target agreement.PartyID
	Area          agreement.AreaID
}

func (m *Match) matches(ev *agreement.Event) bool {
	return (m.Kind == "" || m.Kind == ev.Kind) && (m.Actor == "" || m.Actor == ev.Actor) &&
		(m.Target == "" || m.Target == ev.Target) && (m.Area == "" || m.Area == ev.Area)
}

// Placeholders a [Template] of a triggered [Scheduled] process may use to
// copy a field of the triggering event.
const (
	// TriggerActor, as Actor, Target or Reporter, stands for the
	// triggering event's actor.
	TriggerActor agreement.PartyID = "$trigger.actor"
	// TriggerTarget, as Actor, Target or Reporter, stands for the
	// triggering event's target.
	TriggerTarget agreement.PartyID = "$trigger.target"
	// TriggerArea, as Area, stands for the triggering event's area.
	TriggerArea agreement.AreaID = "$trigger.area"
)

// Template is an event without its instant: what a process emits. The
// events are checked against the engine (as [scenario.Timeline.Validate]
// checks events) before any run.
type Template struct {
	Kind                    agreement.EventKind
	Actor, Target, Reporter agreement.PartyID
	// Clause is the clause performed or the power exercised, if any.
	Clause  agreement.Ref
	Area    agreement.AreaID
	Outcome string
	Item    string
	// Quantities are the event's measures, such as a withdrawal's
	// distance from the line; every event shares this slice, which must
	// not be modified while a simulation runs.
	Quantities []agreement.Quantity
}

// event returns the template as an event at instant at, with the
// placeholders replaced from trig (nil for none).
func (t *Template) event(at time.Time, trig *agreement.Event) agreement.Event {
	ev := agreement.Event{At: at, Kind: t.Kind, Actor: t.Actor, Target: t.Target, Reporter: t.Reporter,
		Clause: t.Clause, Area: t.Area, Outcome: t.Outcome, Item: t.Item, Quantities: t.Quantities}
	if trig != nil {
		ev.Actor = substitute(ev.Actor, trig)
		ev.Target = substitute(ev.Target, trig)
		ev.Reporter = substitute(ev.Reporter, trig)
		if ev.Area == TriggerArea {
			ev.Area = trig.Area
		}
	}
	return ev
}

func substitute(p agreement.PartyID, trig *agreement.Event) agreement.PartyID {
	switch p {
	case TriggerActor:
		return trig.Actor
	case TriggerTarget:
		return trig.Target
	}
	return p
}

func (t *Template) placeholders() bool {
	isP := func(p agreement.PartyID) bool { return p == TriggerActor || p == TriggerTarget }
	return isP(t.Actor) || isP(t.Target) || isP(t.Reporter) || t.Area == TriggerArea
}

// Distribution is the distribution of a delay: [Constant], [Piecewise],
// [Weibull] and [Empirical] hazards, and [Uniform]. Only the types of this
// package implement it.
type Distribution interface {
	// draw returns a delay drawn by inversion from r, false for a delay
	// that never ends (an empirical curve that stays above zero).
	draw(r *rand.Rand) (time.Duration, bool)
	validate(ve *agreement.ValidationError, path string)
}

// Constant is a constant hazard: an exponential delay of mean 1/PerDay
// days. P(delay <= t) = 1 - exp(-PerDay t), t in days.
type Constant struct {
	PerDay float64 // finite, not negative; 0 never ends
}

// Piecewise is a piecewise-constant hazard with fixed cut points: PerDay[0]
// applies before Cuts[0], PerDay[i] from Cuts[i-1] to Cuts[i], and the last
// rate after the last cut. len(PerDay) is len(Cuts)+1; cuts are positive
// and increasing.
//
// StdErrs, when set (one per rate, finite, not negative; 0 keeps a rate
// fixed), carries the uncertainty of fitted rates into the estimates: each
// run draws its own rates once, rate i from the Gamma distribution with
// mean PerDay[i] and standard deviation StdErrs[i] (the distribution of a
// Poisson rate given its events and exposure), from a stream of the
// process's own for the run, and draws every delay of the run from them.
// A rate whose standard error is not 0 must not be 0.
type Piecewise struct {
	Cuts    []time.Duration
	PerDay  []float64
	StdErrs []float64
}

// Weibull is a Weibull hazard: P(delay > t) = exp(-(t/Scale)^Shape).
// Shape below 1 is a falling hazard (a ceasefire that survives its first
// weeks is ever less likely to break), above 1 a rising one.
type Weibull struct {
	Shape float64       // finite, positive
	Scale time.Duration // positive
}

// Empirical is a survival curve as a step function, such as a
// Kaplan-Meier estimate: P(delay > t) = Survival[i] for At[i] <= t <
// At[i+1], and 1 before At[0]. So the delay is At[i] with probability
// Survival[i-1] - Survival[i] (Survival[-1] being 1), and never ends with
// the probability Survival of the last step. At is increasing and not
// negative, Survival in [0, 1] and not increasing.
type Empirical struct {
	At       []time.Duration
	Survival []float64
}

// Uniform is a delay uniform on the whole nanoseconds from Min to Max
// inclusive (Min == Max is a fixed delay).
type Uniform struct {
	Min, Max time.Duration // 0 <= Min <= Max
}

// maxDelay bounds a drawn delay: longer ones never happen within any
// horizon a run can have (agreement.InstantRange spans less).
const maxDelay = time.Duration(1 << 62)

// daysToDuration converts a non-negative number of days to a duration,
// false when it reaches maxDelay.
func daysToDuration(x float64) (time.Duration, bool) {
	ns := x * float64(agreement.Day)
	if !(ns < float64(maxDelay)) {
		return 0, false
	}
	return time.Duration(ns), true
}

func (c Constant) draw(r *rand.Rand) (time.Duration, bool) {
	if c.PerDay <= 0 {
		return 0, false
	}
	return daysToDuration(r.ExpFloat64() / c.PerDay)
}

func (p Piecewise) draw(r *rand.Rand) (time.Duration, bool) {
	// Invert the cumulative hazard: find where it reaches E ~ Exp(1).
	e := r.ExpFloat64()
	var from time.Duration
	for i, rate := range p.PerDay {
		if i < len(p.Cuts) {
			span := float64(p.Cuts[i]-from) / float64(agreement.Day)
			if h := rate * span; h < e || rate <= 0 {
				e -= h
				from = p.Cuts[i]
				continue
			}
		}
		if rate <= 0 {
			return 0, false
		}
		d, ok := daysToDuration(e / rate)
		if !ok || d > maxDelay-from {
			return 0, false
		}
		return from + d, true
	}
	return 0, false
}

func (w Weibull) draw(r *rand.Rand) (time.Duration, bool) {
	x := math.Pow(r.ExpFloat64(), 1/w.Shape) * float64(w.Scale)
	if !(x < float64(maxDelay)) {
		return 0, false
	}
	return time.Duration(x), true
}

func (e Empirical) draw(r *rand.Rand) (time.Duration, bool) {
	v := r.Float64()
	for i, s := range e.Survival {
		if s <= v {
			return e.At[i], true
		}
	}
	return 0, false
}

func (u Uniform) draw(r *rand.Rand) (time.Duration, bool) {
	return u.Min + time.Duration(r.Int64N(int64(u.Max-u.Min)+1)), true
}

// Validate reports every problem of m as an error wrapping an
// *agreement.ValidationError (use errors.As), whose paths are those of the
// model's JSON encoding ("processes[2].poisson.perDay"); nil when there is
// none. Its message reads "montecarlo: 1 problem: ...". Whether the events
// fit an engine is checked by [Simulate].
func (m Model) Validate() error {
	var ve agreement.ValidationError
	m.validate(&ve)
	return wrapProblems(&ve)
}

// validate adds the problems of m to ve.
func (m Model) validate(ve *agreement.ValidationError) {
	for i, p := range m.Processes {
		path := agreement.IndexPath("processes", i)
		if p == nil || isNilProcess(p) {
			ve.Add(path, agreement.ErrMissing, "missing process")
			continue
		}
		p.validate(ve, path)
	}
}

// problems is the error of this package listing the problems of a model,
// its options or its events: it reads "montecarlo: N problems: ..." and
// wraps the *agreement.ValidationError, which errors.As finds.
type problems struct {
	ve *agreement.ValidationError
}

func (e *problems) Error() string {
	return "montecarlo: " + strings.TrimPrefix(e.ve.Error(), "agreement: ")
}

func (e *problems) Unwrap() error { return e.ve }

// wrapProblems returns nil when ve holds no problem, and ve wrapped in a
// *problems otherwise.
func wrapProblems(ve *agreement.ValidationError) error {
	if ve.Err() == nil {
		return nil
	}
	return &problems{ve: ve}
}

func isNilProcess(p Process) bool {
	switch p := p.(type) {
	case *Poisson:
		return p == nil
	case *Scheduled:
		return p == nil
	}
	return false
}

func checkRate(ve *agreement.ValidationError, path string, v float64) {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		ve.Add(path, agreement.ErrInvalidValue, "rate "+fmtFloat(v)+" is not finite")
	case v < 0:
		ve.Add(path, agreement.ErrNegative, "negative rate "+fmtFloat(v))
	}
}

func checkProbability(ve *agreement.ValidationError, path string, v float64) {
	if !(v >= 0 && v <= 1) {
		ve.Add(path, agreement.ErrInvalidValue, "probability "+fmtFloat(v)+" is not in [0, 1]")
	}
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func (p *Poisson) validate(ve *agreement.ValidationError, path string) {
	path = agreement.FieldPath(path, "poisson")
	checkRate(ve, agreement.FieldPath(path, "perDay"), p.PerDay)
	p.Event.validate(ve, agreement.FieldPath(path, "event"), false)
	for i, m := range p.Modifiers {
		mp := agreement.IndexPath(agreement.FieldPath(path, "modifiers"), i)
		if m.Clause == (agreement.Ref{}) {
			ve.Add(agreement.FieldPath(mp, "clause"), agreement.ErrMissing, "missing clause")
		} else if !m.Clause.Valid() {
			ve.Add(agreement.FieldPath(mp, "clause"), agreement.ErrInvalidID, "invalid reference "+strconv.Quote(m.Clause.String()))
		}
		if len(m.States) == 0 {
			ve.Add(agreement.FieldPath(mp, "states"), agreement.ErrMissing, "missing states")
		}
		for j, s := range m.States {
			if !s.Valid() {
				ve.Add(agreement.IndexPath(agreement.FieldPath(mp, "states"), j), agreement.ErrInvalidValue, "invalid state "+s.String())
			}
		}
		if math.IsNaN(m.Factor) || math.IsInf(m.Factor, 0) || m.Factor < 0 {
			ve.Add(agreement.FieldPath(mp, "factor"), agreement.ErrInvalidValue, "factor "+fmtFloat(m.Factor)+" is not finite and non-negative")
		}
	}
	if mx, ok := p.maxPerDay(); ok && !(mx < MaxPerDay) {
		ve.Add(path, agreement.ErrInvalidValue, "largest rate "+fmtFloat(mx)+
			" per day (perDay times every factor above 1) is not below "+fmtFloat(MaxPerDay)+" (one per nanosecond)")
	}
}

// MaxPerDay bounds the largest rate of a [Poisson] process (PerDay times
// every factor above 1): it must be below one event per nanosecond, the
// resolution of a run's instants.
const MaxPerDay = float64(agreement.Day)

// maxPerDay returns the thinning rate of p in events per day, and whether
// its rate and factors are valid enough to compute it.
func (p *Poisson) maxPerDay() (float64, bool) {
	if math.IsNaN(p.PerDay) || math.IsInf(p.PerDay, 0) || p.PerDay < 0 {
		return 0, false
	}
	mx := p.PerDay
	for _, m := range p.Modifiers {
		if math.IsNaN(m.Factor) || math.IsInf(m.Factor, 0) || m.Factor < 0 {
			return 0, false
		}
		if m.Factor > 1 {
			mx *= m.Factor
		}
	}
	return mx, true
}

func (s *Scheduled) validate(ve *agreement.ValidationError, path string) {
	path = agreement.FieldPath(path, "scheduled")
	if s.After != nil && s.After.Kind != "" && !s.After.Kind.Valid() {
		ve.Add(agreement.FieldPath(agreement.FieldPath(path, "after"), "kind"), agreement.ErrInvalidValue,
			"invalid event kind "+strconv.Quote(string(s.After.Kind)))
	}
	if s.Delay != nil && !isNilDistribution(s.Delay) {
		s.Delay.validate(ve, agreement.FieldPath(path, "delay"))
	}
	if len(s.Outcomes) == 0 {
		ve.Add(agreement.FieldPath(path, "outcomes"), agreement.ErrMissing, "missing outcomes")
	}
	sum := 0.0
	for i, o := range s.Outcomes {
		op := agreement.IndexPath(agreement.FieldPath(path, "outcomes"), i)
		checkProbability(ve, agreement.FieldPath(op, "probability"), o.Probability)
		sum += o.Probability
		o.Event.validate(ve, agreement.FieldPath(op, "event"), s.After != nil)
	}
	if sum > 1+1e-12 {
		ve.Add(agreement.FieldPath(path, "outcomes"), agreement.ErrInvalidValue, "probabilities sum to "+fmtFloat(sum)+", more than 1")
	}
}

func isNilDistribution(d Distribution) bool {
	switch d := d.(type) {
	case *Constant:
		return d == nil
	case *Piecewise:
		return d == nil
	case *Weibull:
		return d == nil
	case *Empirical:
		return d == nil
	case *Uniform:
		return d == nil
	}
	return false
}

func (t *Template) validate(ve *agreement.ValidationError, path string, triggered bool) {
	if t.Kind == "" {
		ve.Add(agreement.FieldPath(path, "kind"), agreement.ErrMissing, "missing kind")
	} else if !t.Kind.Valid() {
		ve.Add(agreement.FieldPath(path, "kind"), agreement.ErrInvalidValue, "invalid event kind "+strconv.Quote(string(t.Kind)))
	}
	for i, q := range t.Quantities {
		if err := q.Validate(); err != nil {
			ve.Add(agreement.IndexPath(agreement.FieldPath(path, "quantities"), i), agreement.ErrInvalidValue, "invalid quantity: "+err.Error())
		}
	}
	if !triggered && t.placeholders() {
		ve.Add(path, agreement.ErrInconsistent, "a trigger placeholder in the event of a process without a trigger")
	}
}

func (c Constant) validate(ve *agreement.ValidationError, path string) {
	checkRate(ve, agreement.FieldPath(agreement.FieldPath(path, "constant"), "perDay"), c.PerDay)
}

func (p Piecewise) validate(ve *agreement.ValidationError, path string) {
	path = agreement.FieldPath(path, "piecewise")
	if len(p.PerDay) != len(p.Cuts)+1 {
		ve.Add(agreement.FieldPath(path, "perDay"), agreement.ErrInconsistent,
			strconv.Itoa(len(p.PerDay))+" rates for "+strconv.Itoa(len(p.Cuts))+" cuts, want one more rate than cuts")
	}
	for i, c := range p.Cuts {
		cp := agreement.IndexPath(agreement.FieldPath(path, "cuts"), i)
		if c <= 0 {
			ve.Add(cp, agreement.ErrInvalidValue, "cut "+agreement.FormatDuration(c)+" is not positive")
		} else if i > 0 && c <= p.Cuts[i-1] {
			ve.Add(cp, agreement.ErrInvalidValue, "cut "+agreement.FormatDuration(c)+" is not after the one before")
		}
	}
	for i, r := range p.PerDay {
		checkRate(ve, agreement.IndexPath(agreement.FieldPath(path, "perDay"), i), r)
	}
	if len(p.StdErrs) > 0 && len(p.StdErrs) != len(p.PerDay) {
		ve.Add(agreement.FieldPath(path, "stdErrs"), agreement.ErrInconsistent,
			strconv.Itoa(len(p.StdErrs))+" standard errors for "+strconv.Itoa(len(p.PerDay))+" rates, want one per rate")
	}
	for i, se := range p.StdErrs {
		sp := agreement.IndexPath(agreement.FieldPath(path, "stdErrs"), i)
		switch {
		case math.IsNaN(se) || math.IsInf(se, 0) || se < 0:
			ve.Add(sp, agreement.ErrInvalidValue, "standard error "+fmtFloat(se)+" is negative or not finite")
		case se > 0 && i < len(p.PerDay) && !(p.PerDay[i] > 0):
			ve.Add(sp, agreement.ErrInconsistent, "a standard error for a rate of 0")
		case se > 0 && i < len(p.PerDay) && p.PerDay[i] > 0 && (p.PerDay[i]/se)*(p.PerDay[i]/se) < 1e-6:
			ve.Add(sp, agreement.ErrInvalidValue, "standard error "+fmtFloat(se)+" over a million times its rate's square root")
		}
	}
}

// uncertain reports whether p's rates are drawn per run.
func (p Piecewise) uncertain() bool {
	for _, se := range p.StdErrs {
		if se > 0 {
			return true
		}
	}
	return false
}

// drawRates sets dst (of len(p.PerDay)) to rates drawn for one run from r:
// each with a standard error, from the Gamma distribution of its mean and
// standard deviation; each without, as it is.
func (p Piecewise) drawRates(r *rand.Rand, dst []float64) {
	for i, rate := range p.PerDay {
		dst[i] = rate
		if i < len(p.StdErrs) && p.StdErrs[i] > 0 {
			k := (rate / p.StdErrs[i]) * (rate / p.StdErrs[i]) // shape
			dst[i] = gamma(r, k) * (rate / k)                  // scale = rate / shape
		}
	}
}

// gamma draws from the Gamma distribution of shape k (> 0) and scale 1, by
// Marsaglia and Tsang's method ("A simple method for generating gamma
// variables", ACM TOMS 26(3), 2000), boosted by U^(1/k) for k < 1.
func gamma(r *rand.Rand, k float64) float64 {
	boost := 1.0
	if k < 1 {
		boost = math.Pow(r.Float64(), 1/k)
		k++
	}
	d := k - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v * boost
		}
	}
}

func (w Weibull) validate(ve *agreement.ValidationError, path string) {
	path = agreement.FieldPath(path, "weibull")
	if !(w.Shape > 0) || math.IsInf(w.Shape, 0) {
		ve.Add(agreement.FieldPath(path, "shape"), agreement.ErrInvalidValue, "shape "+fmtFloat(w.Shape)+" is not finite and positive")
	}
	if w.Scale <= 0 {
		ve.Add(agreement.FieldPath(path, "scale"), agreement.ErrInvalidValue, "scale "+agreement.FormatDuration(w.Scale)+" is not positive")
	}
}

func (e Empirical) validate(ve *agreement.ValidationError, path string) {
	path = agreement.FieldPath(path, "empirical")
	if len(e.At) != len(e.Survival) {
		ve.Add(agreement.FieldPath(path, "survival"), agreement.ErrInconsistent,
			strconv.Itoa(len(e.Survival))+" survival values for "+strconv.Itoa(len(e.At))+" instants")
	}
	if len(e.At) == 0 {
		ve.Add(agreement.FieldPath(path, "at"), agreement.ErrMissing, "missing steps")
	}
	for i, at := range e.At {
		ap := agreement.IndexPath(agreement.FieldPath(path, "at"), i)
		if at < 0 {
			ve.Add(ap, agreement.ErrNegative, "negative step "+agreement.FormatDuration(at))
		} else if i > 0 && at <= e.At[i-1] {
			ve.Add(ap, agreement.ErrInvalidValue, "step "+agreement.FormatDuration(at)+" is not after the one before")
		}
	}
	for i, s := range e.Survival {
		sp := agreement.IndexPath(agreement.FieldPath(path, "survival"), i)
		if !(s >= 0 && s <= 1) {
			ve.Add(sp, agreement.ErrInvalidValue, "survival "+fmtFloat(s)+" is not in [0, 1]")
		} else if i > 0 && s > e.Survival[i-1] {
			ve.Add(sp, agreement.ErrInvalidValue, "survival "+fmtFloat(s)+" rises")
		}
	}
}

func (u Uniform) validate(ve *agreement.ValidationError, path string) {
	path = agreement.FieldPath(path, "uniform")
	if u.Min < 0 {
		ve.Add(agreement.FieldPath(path, "min"), agreement.ErrNegative, "negative delay "+agreement.FormatDuration(u.Min))
	}
	switch {
	case u.Max < u.Min:
		ve.Add(agreement.FieldPath(path, "max"), agreement.ErrInvalidValue, "max "+agreement.FormatDuration(u.Max)+" is before min")
	case u.Max >= maxDelay:
		ve.Add(agreement.FieldPath(path, "max"), agreement.ErrInvalidValue, "max "+agreement.FormatDuration(u.Max)+" is too long")
	}
}
