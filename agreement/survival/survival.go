package survival

import (
	"errors"
	"math"
	"math/big"
	"slices"
	"strconv"
)

// ErrInvalidObservation: an observation's time is negative, NaN or infinite.
var ErrInvalidObservation = errors.New("survival: invalid observation")

// Observation is one subject's follow-up: the time until its event, or until
// it was last seen without one (right-censored).
type Observation struct {
	// Time is the duration observed, in any unit (days for the ceasefire
	// data); finite and not negative.
	Time float64
	// Event is true when the event happened at Time, false when the
	// subject is censored at Time (it had not happened by then).
	Event bool
}

// ObservationError reports an invalid observation: its index in the slice
// passed in, and what is wrong. It wraps [ErrInvalidObservation].
type ObservationError struct {
	Index int
	Time  float64
}

// Error returns "survival: observation 3: time -1 is negative, NaN or infinite".
func (e *ObservationError) Error() string {
	if e == nil {
		return "survival: invalid observation (nil)"
	}
	return "survival: observation " + strconv.Itoa(e.Index) + ": time " +
		strconv.FormatFloat(e.Time, 'g', -1, 64) + " is negative, NaN or infinite"
}

// Unwrap returns [ErrInvalidObservation].
func (e *ObservationError) Unwrap() error { return ErrInvalidObservation }

// Step is the estimate at one distinct observed time: the subjects at risk
// just before it, the events and censorings at it, and the survival just
// after it.
type Step struct {
	// Time is the distinct time.
	Time float64
	// AtRisk is the number of subjects whose time is Time or later.
	AtRisk int
	// Events and Censored are the numbers of events and censorings at
	// Time. A subject censored at an event time counts as at risk at it.
	Events, Censored int
	// Survival is S(Time), the estimate just after Time: the float64
	// nearest the exact product.
	Survival float64
	// StdErr is Greenwood's standard error of Survival:
	// S * sqrt(sum of d/(n(n-d))) over event times up to Time. It is 0
	// where Survival is 1 (no event yet) or 0 (every subject at risk had
	// the event).
	StdErr float64
}

// Curve is a Kaplan-Meier estimate: a right-continuous step function that
// starts at 1 and steps down at each event time t by the factor
// (n-d)/n, with n the subjects at risk at t and d the events at t. It is
// immutable and safe for concurrent use.
type Curve struct {
	steps    []Step
	exact    []*big.Rat // S after each step, exact; never handed out
	gw       []float64  // Greenwood's sum up to each step; +Inf once S is 0
	n        int
	events   int
	censored int
}

// KaplanMeier returns the Kaplan-Meier estimate of the survival function from
// obs. It does not modify obs. An observation with a negative, NaN or
// infinite time is an *[ObservationError]. An empty obs gives a curve with no
// steps, S = 1 everywhere.
func KaplanMeier(obs []Observation) (*Curve, error) {
	for i, o := range obs {
		if o.Time < 0 || math.IsNaN(o.Time) || math.IsInf(o.Time, 0) {
			return nil, &ObservationError{Index: i, Time: o.Time}
		}
	}
	sorted := slices.Clone(obs)
	slices.SortFunc(sorted, func(a, b Observation) int {
		if a.Time < b.Time {
			return -1
		}
		if a.Time > b.Time {
			return 1
		}
		return 0
	})
	c := &Curve{n: len(obs)}
	s := big.NewRat(1, 1)
	sum := 0.0
	atRisk := len(sorted)
	for i := 0; i < len(sorted); {
		t := sorted[i].Time
		st := Step{Time: t, AtRisk: atRisk}
		for ; i < len(sorted) && sorted[i].Time == t; i++ {
			if sorted[i].Event {
				st.Events++
			} else {
				st.Censored++
			}
		}
		c.events += st.Events
		c.censored += st.Censored
		if d := st.Events; d > 0 {
			n := st.AtRisk
			s = new(big.Rat).Mul(s, big.NewRat(int64(n-d), int64(n)))
			if n == d {
				sum = math.Inf(1)
			} else {
				sum += float64(d) / (float64(n) * float64(n-d))
			}
		}
		st.Survival, _ = s.Float64()
		if st.Survival > 0 && st.Survival < 1 {
			st.StdErr = st.Survival * math.Sqrt(sum)
		}
		c.steps = append(c.steps, st)
		c.exact = append(c.exact, s)
		c.gw = append(c.gw, sum)
		atRisk -= st.Events + st.Censored
	}
	return c, nil
}

// N returns the number of observations.
func (c *Curve) N() int { return c.n }

// Events returns the number of observed events.
func (c *Curve) Events() int { return c.events }

// Censored returns the number of censored observations.
func (c *Curve) Censored() int { return c.censored }

// Steps returns the estimate at each distinct observed time, ascending, as a
// new slice.
func (c *Curve) Steps() []Step { return slices.Clone(c.steps) }

// last returns the index of the last step at or before t, or -1 (also for
// a NaN t).
func (c *Curve) last(t float64) int {
	if math.IsNaN(t) {
		return -1
	}
	i, found := slices.BinarySearchFunc(c.steps, t, func(s Step, t float64) int {
		if s.Time < t {
			return -1
		}
		if s.Time > t {
			return 1
		}
		return 0
	})
	if found {
		return i
	}
	return i - 1
}

// Survival returns S(t), the estimated probability of surviving beyond t: 1
// before the first event time (and for a NaN t, which the methods taking a
// time read as before every observation), and after the last observed time the value
// at it (the estimate is not defined beyond the last observation when that
// is censored; this is the usual convention of carrying it forward).
func (c *Curve) Survival(t float64) float64 {
	if i := c.last(t); i >= 0 {
		return c.steps[i].Survival
	}
	return 1
}

// SurvivalExact returns S(t) as an exact rational, the product of
// (n-d)/n over the event times up to t, as a new value each call.
func (c *Curve) SurvivalExact(t float64) *big.Rat {
	if i := c.last(t); i >= 0 {
		return new(big.Rat).Set(c.exact[i])
	}
	return big.NewRat(1, 1)
}

// StdErr returns Greenwood's standard error of S(t) (see [Step.StdErr]).
func (c *Curve) StdErr(t float64) float64 {
	if i := c.last(t); i >= 0 {
		return c.steps[i].StdErr
	}
	return 0
}

// AtRisk returns the number of subjects at risk at t: those whose time is t
// or later.
func (c *Curve) AtRisk(t float64) int {
	i := c.last(t)
	switch {
	case i < 0:
		return c.n
	case c.steps[i].Time == t:
		return c.steps[i].AtRisk
	default:
		return c.steps[i].AtRisk - c.steps[i].Events - c.steps[i].Censored
	}
}

// Band returns the pointwise confidence interval of S(t) at the given
// level (0.95 for 95%), by the log-log transform (Kalbfleisch and
// Prentice): with v = Greenwood's sum / (ln S)^2, the bounds are
// S^exp(z*sqrt(v)) and S^exp(-z*sqrt(v)), z the standard normal quantile of
// (1+level)/2. The interval lies in [0, 1]. Where S(t) is 1 (no event yet)
// or 0 it is [S, S]. A level outside (0, 1) gives NaN, NaN.
func (c *Curve) Band(t, level float64) (lower, upper float64) {
	if !(level > 0 && level < 1) {
		return math.NaN(), math.NaN()
	}
	i := c.last(t)
	if i < 0 {
		return 1, 1
	}
	s := c.steps[i].Survival
	if s <= 0 || s >= 1 {
		return s, s
	}
	z := math.Sqrt2 * math.Erfinv(level)
	ls := math.Log(s)
	w := z * math.Sqrt(c.gw[i]) / math.Abs(ls)
	return math.Pow(s, math.Exp(w)), math.Pow(s, math.Exp(-w))
}

// Median returns the median survival time: the smallest observed time t at
// which S(t) <= 0.5. ok is false when S stays above 0.5 at every observed
// time (the median is then not reached).
func (c *Curve) Median() (t float64, ok bool) {
	half := big.NewRat(1, 2)
	for i, st := range c.steps {
		if c.exact[i].Cmp(half) <= 0 {
			return st.Time, true
		}
	}
	return 0, false
}

// Group is a named set of observations and their estimate.
type Group struct {
	Name  string
	Obs   []Observation
	Curve *Curve
}

// Split divides obs into groups by the name names[i] gives each
// observation obs[i], and estimates each group's curve. The groups come
// sorted by name. It does not modify obs or names. A names slice of another
// length than obs is an error.
func Split(obs []Observation, names []string) ([]Group, error) {
	if len(names) != len(obs) {
		return nil, errors.New("survival: " + strconv.Itoa(len(names)) + " names for " + strconv.Itoa(len(obs)) +
			" observations")
	}
	for i, o := range obs {
		if o.Time < 0 || math.IsNaN(o.Time) || math.IsInf(o.Time, 0) {
			return nil, &ObservationError{Index: i, Time: o.Time}
		}
	}
	idx := map[string]int{}
	var gs []Group
	for i, o := range obs {
		k, ok := idx[names[i]]
		if !ok {
			k = len(gs)
			idx[names[i]] = k
			gs = append(gs, Group{Name: names[i]})
		}
		gs[k].Obs = append(gs[k].Obs, o)
	}
	slices.SortFunc(gs, func(a, b Group) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	for i := range gs {
		gs[i].Curve, _ = KaplanMeier(gs[i].Obs) // the times are checked above
	}
	return gs, nil
}
