package survival

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// PiecewiseFit is a piecewise-constant hazard fitted by maximum likelihood
// to right-censored observations ([FitPiecewise]). Interval j runs from
// Cuts[j-1] (0 for the first) up to, not including, Cuts[j] (without end
// for the last): len(Rates) is len(Cuts)+1.
type PiecewiseFit struct {
	// Cuts are the cut points, fixed in advance, in the observations'
	// unit.
	Cuts []float64
	// Rates are the hazards of the intervals, per unit of time: the
	// events in the interval over the time at risk spent in it.
	Rates []float64
	// StdErrs are the rates' standard errors from the observed
	// information: sqrt(events) / exposure.
	StdErrs []float64
	// Events and Exposure are each interval's events and the time at risk
	// the observations spent in it.
	Events   []int
	Exposure []float64
	// LogLik is the maximised log-likelihood.
	LogLik float64
}

// ErrNoExposure is returned by [FitPiecewise] when an interval holds events
// but no time at risk, so that its rate is unbounded.
var ErrNoExposure = errors.New("survival: an interval has events but no time at risk")

// FitPiecewise fits a piecewise-constant hazard with the given cut points
// (positive, increasing) to obs by maximum likelihood with right-censoring.
// An observation of time T spends min(T, end) - start of its time at risk
// in each interval it reaches, and its event, if any, falls in the
// interval holding T (an event at a cut point falls in the interval that
// starts there). The estimate of each rate is then closed-form: events over
// exposure. An interval with no event has rate 0 (and standard error 0);
// one with events and no exposure is [ErrNoExposure]. It does not modify obs
// or cuts.
func FitPiecewise(obs []Observation, cuts []float64) (PiecewiseFit, error) {
	for i, c := range cuts {
		if !(c > 0) || math.IsInf(c, 0) || i > 0 && c <= cuts[i-1] {
			return PiecewiseFit{}, fmt.Errorf("survival: cut %d (%v): cut points must be positive, finite and increasing", i, c)
		}
	}
	k := len(cuts) + 1
	f := PiecewiseFit{Cuts: slices.Clone(cuts), Rates: make([]float64, k), StdErrs: make([]float64, k),
		Events: make([]int, k), Exposure: make([]float64, k)}
	for i, o := range obs {
		if o.Time < 0 || math.IsNaN(o.Time) || math.IsInf(o.Time, 0) {
			return PiecewiseFit{}, &ObservationError{Index: i, Time: o.Time}
		}
		start := 0.0
		for j := range k {
			end := math.Inf(1)
			if j < len(cuts) {
				end = cuts[j]
			}
			if o.Time < end {
				f.Exposure[j] += o.Time - start
				if o.Event {
					f.Events[j]++
				}
				break
			}
			f.Exposure[j] += end - start
			start = end
		}
	}
	for j := range k {
		d, e := float64(f.Events[j]), f.Exposure[j]
		switch {
		case d == 0:
		case e == 0:
			return PiecewiseFit{}, fmt.Errorf("%w: interval %d", ErrNoExposure, j)
		default:
			f.Rates[j] = d / e
			f.StdErrs[j] = math.Sqrt(d) / e
			f.LogLik += d*math.Log(f.Rates[j]) - d
		}
	}
	return f, nil
}

// Survival returns the fitted S(t) = exp(-H(t)), H the cumulative hazard.
func (f PiecewiseFit) Survival(t float64) float64 {
	if !(t > 0) {
		return 1
	}
	h, start := 0.0, 0.0
	for j, r := range f.Rates {
		end := math.Inf(1)
		if j < len(f.Cuts) {
			end = f.Cuts[j]
		}
		h += r * (min(t, end) - start)
		if t <= end {
			break
		}
		start = end
	}
	return math.Exp(-h)
}
