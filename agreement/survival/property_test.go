package survival_test

import (
	"errors"
	"math"
	"math/big"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/survival"
)

// genObs draws observations with few distinct times, so that ties between
// events, between censorings and between the two are common.
func genObs(t *rapid.T) []survival.Observation {
	n := rapid.IntRange(0, 40).Draw(t, "n")
	maxTime := rapid.IntRange(0, 12).Draw(t, "maxTime")
	obs := make([]survival.Observation, n)
	for i := range obs {
		obs[i] = survival.Observation{
			Time:  float64(rapid.IntRange(0, maxTime).Draw(t, "time")) / 2,
			Event: rapid.Bool().Draw(t, "event"),
		}
	}
	return obs
}

// reference computes S(t), the numbers at risk and Greenwood's sum at t by
// brute force: for every event time u <= t, count the subjects with time >= u
// and the events at u.
func reference(obs []survival.Observation, t float64) (s *big.Rat, atRisk int, greenwood float64) {
	s = big.NewRat(1, 1)
	var times []float64
	for _, o := range obs {
		if o.Event && o.Time <= t && !slices.Contains(times, o.Time) {
			times = append(times, o.Time)
		}
		if o.Time >= t {
			atRisk++
		}
	}
	for _, u := range times {
		n, d := 0, 0
		for _, o := range obs {
			if o.Time >= u {
				n++
			}
			if o.Time == u && o.Event {
				d++
			}
		}
		s.Mul(s, big.NewRat(int64(n-d), int64(n)))
		if n == d {
			greenwood = math.Inf(1)
		} else {
			greenwood += float64(d) / float64(n*(n-d))
		}
	}
	return s, atRisk, greenwood
}

// TestPropertyKaplanMeierMatchesReference compares the estimator with the
// brute-force reference at every observed time and between them: the exact
// survival, its float64 view, the numbers at risk, Greenwood's standard
// error, the counts of each step, and the median.
func TestPropertyKaplanMeierMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		obs := genObs(t)
		orig := slices.Clone(obs)
		c, err := survival.KaplanMeier(obs)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(obs, orig) {
			t.Fatal("KaplanMeier modified its input")
		}
		events := 0
		for _, o := range obs {
			if o.Event {
				events++
			}
		}
		if c.N() != len(obs) || c.Events() != events || c.Censored() != len(obs)-events {
			t.Fatalf("n %d events %d censored %d for %d observations with %d events", c.N(), c.Events(), c.Censored(), len(obs), events)
		}
		probes := []float64{-1}
		for _, o := range obs {
			probes = append(probes, o.Time, o.Time-0.25, o.Time+0.25)
		}
		for _, p := range probes {
			s, atRisk, gw := reference(obs, p)
			if got := c.SurvivalExact(p); got.Cmp(s) != 0 {
				t.Fatalf("S(%v) = %v, reference %v", p, got, s)
			}
			if f, _ := s.Float64(); c.Survival(p) != f {
				t.Fatalf("float S(%v) = %v, reference %v", p, c.Survival(p), f)
			}
			if c.AtRisk(p) != atRisk {
				t.Fatalf("at risk at %v: %d, reference %d", p, c.AtRisk(p), atRisk)
			}
			f, _ := s.Float64()
			want := 0.0
			if f > 0 && f < 1 {
				want = f * math.Sqrt(gw)
			}
			if got := c.StdErr(p); math.Abs(got-want) > 1e-12 {
				t.Fatalf("SE(%v) = %v, reference %v", p, got, want)
			}
			lo, hi := c.Band(p, 0.95)
			if !(0 <= lo && lo <= f && f <= hi && hi <= 1) {
				t.Fatalf("band at %v: [%v, %v] around %v", p, lo, hi, f)
			}
			// The log-log band, from the reference: S^exp(+-z sqrt(gw)/|ln S|).
			wlo, whi := f, f
			if f > 0 && f < 1 {
				w := 1.959963984540054 * math.Sqrt(gw) / math.Abs(math.Log(f))
				wlo, whi = math.Pow(f, math.Exp(w)), math.Pow(f, math.Exp(-w))
			}
			if math.Abs(lo-wlo) > 1e-9 || math.Abs(hi-whi) > 1e-9 {
				t.Fatalf("band at %v: [%v, %v], reference [%v, %v]", p, lo, hi, wlo, whi)
			}
		}
		// Steps: one per distinct time, with its counts.
		var distinct []float64
		for _, o := range obs {
			if !slices.Contains(distinct, o.Time) {
				distinct = append(distinct, o.Time)
			}
		}
		slices.Sort(distinct)
		steps := c.Steps()
		if len(steps) != len(distinct) {
			t.Fatalf("%d steps for %d distinct times", len(steps), len(distinct))
		}
		for i, st := range steps {
			d, cens := 0, 0
			for _, o := range obs {
				if o.Time == distinct[i] {
					if o.Event {
						d++
					} else {
						cens++
					}
				}
			}
			if st.Time != distinct[i] || st.Events != d || st.Censored != cens {
				t.Fatalf("step %d: %+v, want time %v with %d events and %d censored", i, st, distinct[i], d, cens)
			}
		}
		// Median: the first distinct time where the reference S <= 1/2.
		wantOK := false
		var wantMedian float64
		for _, u := range distinct {
			if s, _, _ := reference(obs, u); s.Cmp(big.NewRat(1, 2)) <= 0 {
				wantMedian, wantOK = u, true
				break
			}
		}
		if m, ok := c.Median(); ok != wantOK || m != wantMedian {
			t.Fatalf("median %v %v, reference %v %v", m, ok, wantMedian, wantOK)
		}
	})
}

// TestPropertySplitPartitions: the groups of a split hold every observation
// once, and each group's curve is the estimate of its own observations.
func TestPropertySplitPartitions(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		obs := genObs(t)
		names := make([]string, len(obs))
		for i := range names {
			names[i] = rapid.SampledFrom([]string{"a", "b", "c"}).Draw(t, "name")
		}
		gs, err := survival.Split(obs, names)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for i, g := range gs {
			if i > 0 && gs[i-1].Name >= g.Name {
				t.Fatalf("groups out of order: %q then %q", gs[i-1].Name, g.Name)
			}
			var want []survival.Observation
			for j, o := range obs {
				if names[j] == g.Name {
					want = append(want, o)
				}
			}
			if !slices.Equal(g.Obs, want) || g.Curve.N() != len(want) {
				t.Fatalf("group %q: %v, want %v", g.Name, g.Obs, want)
			}
			total += len(g.Obs)
		}
		if total != len(obs) {
			t.Fatalf("%d observations in groups, %d given", total, len(obs))
		}
	})
}

func TestInvalid(t *testing.T) {
	for _, bad := range []float64{-1, math.NaN(), math.Inf(1)} {
		obs := []survival.Observation{{Time: 1, Event: true}, {Time: bad}}
		_, err := survival.KaplanMeier(obs)
		var oe *survival.ObservationError
		if !errors.Is(err, survival.ErrInvalidObservation) || !errors.As(err, &oe) || oe.Index != 1 {
			t.Errorf("time %v: %v", bad, err)
		}
		if _, err := survival.Split(obs, []string{"a", "b"}); !errors.Is(err, survival.ErrInvalidObservation) {
			t.Errorf("split, time %v: %v", bad, err)
		}
		if _, err := survival.LogRank(obs[:1], obs); !errors.Is(err, survival.ErrInvalidObservation) {
			t.Errorf("log-rank, time %v: %v", bad, err)
		}
	}
	if _, err := survival.Split([]survival.Observation{{Time: 1}}, nil); err == nil {
		t.Error("split with too few names: no error")
	}
	if _, err := survival.LogRank(freireich6MP()); err == nil {
		t.Error("log-rank of one group: no error")
	}
	if _, err := survival.LogRank(freireich6MP(), nil); err == nil {
		t.Error("log-rank with an empty group: no error")
	}
	if c, err := survival.KaplanMeier(freireich6MP()); err != nil || c.Survival(math.NaN()) != 1 || c.AtRisk(math.NaN()) != 21 {
		t.Errorf("a NaN time is not read as before every observation: %v", err)
	}
	c, err := survival.KaplanMeier(nil)
	if err != nil || c.Survival(10) != 1 || c.AtRisk(0) != 0 || len(c.Steps()) != 0 {
		t.Errorf("empty: %v", err)
	}
	if _, ok := c.Median(); ok {
		t.Error("empty curve has a median")
	}
}

// TestAllEvents: when every subject at risk has the event, S is 0 and the
// standard error and band are 0.
func TestAllEvents(t *testing.T) {
	c, err := survival.KaplanMeier([]survival.Observation{{Time: 1, Event: true}, {Time: 2, Event: true}})
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := c.Band(2, 0.95)
	if c.Survival(1) != 0.5 || c.Survival(2) != 0 || c.StdErr(2) != 0 || lo != 0 || hi != 0 {
		t.Errorf("S %v %v, SE %v, band [%v, %v]", c.Survival(1), c.Survival(2), c.StdErr(2), lo, hi)
	}
	if m, ok := c.Median(); !ok || m != 1 {
		t.Errorf("median %v %v, want 1 (S(1) = 1/2)", m, ok)
	}
}
