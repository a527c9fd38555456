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
// immutable and safe for concurrent use. The zero Curve, like a nil
// *Curve, is the estimate of no observations: S is 1 everywhere.
type Curve struct {
	steps    []Step
	gw       []float64 // Greenwood's sum up to each step; +Inf once S is 0
	median   int       // the first step with S <= 1/2; -1 for none
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
	c := &Curve{n: len(obs), median: -1}
	// Nothing exact is kept per step: exact products grow with the
	// number of steps (see product); SurvivalExact recomputes one.
	var p product
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
			p.mul(int64(n-d), int64(n))
			if n == d {
				sum = math.Inf(1)
			} else {
				sum += float64(d) / (float64(n) * float64(n-d))
			}
		}
		st.Survival = p.float()
		if st.Survival > 0 && st.Survival < 1 {
			st.StdErr = st.Survival * math.Sqrt(sum)
		}
		if c.median < 0 && p.atMostHalf() {
			c.median = len(c.steps)
		}
		c.steps = append(c.steps, st)
		c.gw = append(c.gw, sum)
		atRisk -= st.Events + st.Censored
	}
	return c, nil
}

// product is the running product of the factors (n-d)/n of a curve's
// steps. It keeps the product as a 128-bit float with a bound on its
// relative error, which costs the same at every step, and decides from it
// the float64 nearest the exact product and whether the product is at most
// 1/2 whenever the bound allows; when it does not (the exact value lies
// too near a float64 rounding boundary, or near 1/2), it computes the
// exact product from the steps so far. The zero product is 1.
type product struct {
	v       big.Float // the product, rounded; zero value unset
	k       int       // factors multiplied in
	started bool
	zero    bool // a factor was 0: the product is exactly 0
	f       big.Float
	factors [][2]int64 // every factor, for the exact fallback
}

// prodPrec is the precision of the running product.
const prodPrec = 128

func (p *product) mul(a, b int64) {
	if !p.started {
		p.v.SetPrec(prodPrec).SetInt64(1)
		p.f.SetPrec(prodPrec)
		p.started = true
	}
	p.factors = append(p.factors, [2]int64{a, b})
	p.k++
	if a == 0 {
		p.zero = true
		return
	}
	var x big.Float
	x.SetPrec(prodPrec).SetInt64(a)
	p.f.SetInt64(b)
	x.Quo(&x, &p.f)
	p.v.Mul(&p.v, &x)
}

// bounds returns a lower and an upper bound of the exact product: each
// factor and each multiplication rounds once, by at most 2^-prodPrec
// relatively, so 2k roundings move it by less than (2k+2) 2^-prodPrec; the
// bounds are widened further for their own rounding.
func (p *product) bounds() (lo, hi *big.Float) {
	eps := new(big.Float).SetPrec(prodPrec).SetMantExp(big.NewFloat(float64(2*p.k+4)), -prodPrec+1)
	one := new(big.Float).SetPrec(prodPrec).SetInt64(1)
	lo = new(big.Float).SetPrec(prodPrec).Mul(&p.v, new(big.Float).SetPrec(prodPrec).Sub(one, eps))
	hi = new(big.Float).SetPrec(prodPrec).Mul(&p.v, new(big.Float).SetPrec(prodPrec).Add(one, eps))
	return lo, hi
}

// exact returns the exact product.
func (p *product) exact() *big.Rat {
	if p.zero {
		return new(big.Rat)
	}
	num, den := productTree(p.factors, 0), productTree(p.factors, 1)
	return new(big.Rat).SetFrac(num, den)
}

// productTree returns the product of the factors' parts i, multiplying
// balanced halves so that the cost is that of the last multiplication
// rather than of every partial product.
func productTree(fs [][2]int64, i int) *big.Int {
	switch len(fs) {
	case 0:
		return big.NewInt(1)
	case 1:
		return big.NewInt(fs[0][i])
	}
	h := len(fs) / 2
	return new(big.Int).Mul(productTree(fs[:h], i), productTree(fs[h:], i))
}

// float returns the float64 nearest the product.
func (p *product) float() float64 {
	switch {
	case !p.started:
		return 1
	case p.zero:
		return 0
	}
	lo, hi := p.bounds()
	l, _ := lo.Float64()
	h, _ := hi.Float64()
	if l == h {
		return l // the exact value lies between, and rounds as they do
	}
	f, _ := p.exact().Float64()
	return f
}

// atMostHalf reports whether the product is at most 1/2.
func (p *product) atMostHalf() bool {
	switch {
	case !p.started:
		return false
	case p.zero:
		return true
	}
	half := big.NewFloat(0.5)
	lo, hi := p.bounds()
	if hi.Cmp(half) <= 0 {
		return true
	}
	if lo.Cmp(half) > 0 {
		return false
	}
	return p.exact().Cmp(big.NewRat(1, 2)) <= 0
}

// N returns the number of observations.
func (c *Curve) N() int {
	if c == nil {
		return 0
	}
	return c.n
}

// Events returns the number of observed events.
func (c *Curve) Events() int {
	if c == nil {
		return 0
	}
	return c.events
}

// Censored returns the number of censored observations.
func (c *Curve) Censored() int {
	if c == nil {
		return 0
	}
	return c.censored
}

// Steps returns the estimate at each distinct observed time, ascending, as a
// new slice.
func (c *Curve) Steps() []Step {
	if c == nil {
		return nil
	}
	return slices.Clone(c.steps)
}

// last returns the index of the last step at or before t, or -1 (also for
// a NaN t).
func (c *Curve) last(t float64) int {
	if c == nil || math.IsNaN(t) {
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
// (n-d)/n over the event times up to t, as a new value each call. It
// computes the product anew: its cost grows with the number of event times
// up to t and the length of the product.
func (c *Curve) SurvivalExact(t float64) *big.Rat {
	i := c.last(t)
	if i < 0 {
		return big.NewRat(1, 1)
	}
	var fs [][2]int64
	for _, st := range c.steps[:i+1] {
		if st.Events > 0 {
			fs = append(fs, [2]int64{int64(st.AtRisk - st.Events), int64(st.AtRisk)})
		}
	}
	p := product{factors: fs, zero: slices.ContainsFunc(fs, func(f [2]int64) bool { return f[0] == 0 })}
	return p.exact()
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
	case c == nil:
		return 0
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
	if c == nil || c.median < 0 || c.median >= len(c.steps) {
		return 0, false
	}
	return c.steps[c.median].Time, true
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
