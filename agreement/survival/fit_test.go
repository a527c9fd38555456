package survival_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/survival"
)

// TestFitPiecewiseByHand: times 1 (event), 2 (censored), 3 and 5 (events),
// one cut at 2. Before 2 the four spend 1+2+2+2 = 7 at risk with one event;
// from 2 on, 0+1+3 = 4 with two (the censoring at the cut spends none).
func TestFitPiecewiseByHand(t *testing.T) {
	obs := []survival.Observation{{Time: 1, Event: true}, {Time: 2}, {Time: 3, Event: true}, {Time: 5, Event: true}}
	f, err := survival.FitPiecewise(obs, []float64{2})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Events, []int{1, 2}) || !slices.Equal(f.Exposure, []float64{7, 4}) ||
		math.Abs(f.Rates[0]-1.0/7) > 1e-15 || math.Abs(f.Rates[1]-0.5) > 1e-15 ||
		math.Abs(f.StdErrs[1]-math.Sqrt(2)/4) > 1e-15 {
		t.Fatalf("fit %+v", f)
	}
	// S(3) = exp(-(2/7 + 1/2)).
	if got, want := f.Survival(3), math.Exp(-(2.0/7 + 0.5)); math.Abs(got-want) > 1e-15 {
		t.Errorf("S(3) = %v, want %v", got, want)
	}
	if _, err := survival.FitPiecewise([]survival.Observation{{Time: 0, Event: true}}, []float64{1}); !errors.Is(err, survival.ErrNoExposure) {
		t.Errorf("an event with no time at risk: %v", err)
	}
	if _, err := survival.FitPiecewise(obs, []float64{2, 2}); err == nil {
		t.Error("cuts not increasing accepted")
	}
}

// logLik is the log-likelihood of rates on obs, observation by
// observation: the event's log hazard at its time, less the cumulative
// hazard up to it, the hazard read from the rates by a separate walk.
func logLik(obs []survival.Observation, cuts, rates []float64) float64 {
	rateAt := func(t float64) float64 {
		j := 0
		for j < len(cuts) && t >= cuts[j] {
			j++
		}
		return rates[j]
	}
	ll := 0.0
	for _, o := range obs {
		// Cumulative hazard by integrating over the cut points below T.
		h, prev := 0.0, 0.0
		for _, c := range append(slices.Clone(cuts), math.Inf(1)) {
			if o.Time <= prev {
				break
			}
			h += rateAt(prev) * (min(o.Time, c) - prev)
			prev = c
		}
		ll -= h
		if o.Event {
			ll += math.Log(rateAt(o.Time))
		}
	}
	return ll
}

// TestPropertyFitPiecewiseMaximisesLikelihood: the fit's log-likelihood
// equals the per-observation one, and moving any one rate by 10% either way
// lowers it.
func TestPropertyFitPiecewiseMaximisesLikelihood(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		obs := genObs(t)
		for i := range obs {
			obs[i].Time += 0.25 // no event at time 0 with no time at risk
		}
		ncut := rapid.IntRange(0, 3).Draw(t, "cuts")
		var cuts []float64
		for c := 0.5; len(cuts) < ncut; c += float64(rapid.IntRange(1, 4).Draw(t, "gap")) / 2 {
			cuts = append(cuts, c)
		}
		orig := slices.Clone(obs)
		f, err := survival.FitPiecewise(obs, cuts)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(obs, orig) {
			t.Fatal("FitPiecewise modified its input")
		}
		ll := logLik(obs, cuts, f.Rates)
		if math.Abs(ll-f.LogLik) > 1e-9*max(1, math.Abs(ll)) {
			t.Fatalf("LogLik %v, per observation %v", f.LogLik, ll)
		}
		for j := range f.Rates {
			if f.Rates[j] == 0 {
				continue // no event in it: any higher rate only adds hazard
			}
			for _, m := range []float64{0.9, 1.1} {
				rs := slices.Clone(f.Rates)
				rs[j] *= m
				if got := logLik(obs, cuts, rs); got > ll+1e-9 {
					t.Fatalf("rate %d times %v: log-likelihood %v above the fit's %v", j, m, got, ll)
				}
			}
		}
	})
}
