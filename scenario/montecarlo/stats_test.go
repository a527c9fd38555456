package montecarlo_test

import (
	"math"
	"testing"

	"github.com/peacekit/peacekit/scenario/montecarlo"
)

func TestIntervalsKnownValues(t *testing.T) {
	near := func(got, want, tol float64) bool { return math.Abs(got-want) <= tol }
	for _, c := range []struct {
		p                  montecarlo.Proportion
		wlo, whi, clo, chi float64
	}{
		// Clopper-Pearson: 1 - 0.025^(1/10) for 0 of 10; the rest from
		// the beta quantiles as tabulated.
		{montecarlo.Proportion{Successes: 0, Trials: 10}, 0, 0.27753, 0, 1 - math.Pow(0.025, 0.1)},
		{montecarlo.Proportion{Successes: 10, Trials: 10}, 0.72247, 1, math.Pow(0.025, 0.1), 1},
		{montecarlo.Proportion{Successes: 5, Trials: 10}, 0.23659, 0.76341, 0.18709, 0.81291},
		{montecarlo.Proportion{Successes: 1, Trials: 20}, 0.00889, 0.23613, 0.00127, 0.24873},
	} {
		wlo, whi := c.p.Wilson(0.95)
		clo, chi := c.p.ClopperPearson(0.95)
		if !near(wlo, c.wlo, 1e-4) || !near(whi, c.whi, 1e-4) {
			t.Errorf("%+v: Wilson [%v, %v], want [%v, %v]", c.p, wlo, whi, c.wlo, c.whi)
		}
		if !near(clo, c.clo, 1e-4) || !near(chi, c.chi, 1e-4) {
			t.Errorf("%+v: Clopper-Pearson [%v, %v], want [%v, %v]", c.p, clo, chi, c.clo, c.chi)
		}
	}
	// With a million trials the exact interval is the Wilson one to
	// within a small fraction of its width.
	p := montecarlo.Proportion{Successes: 300_000, Trials: 1_000_000}
	wlo, whi := p.Wilson(0.95)
	clo, chi := p.ClopperPearson(0.95)
	if !near(clo, wlo, (whi-wlo)/100) || !near(chi, whi, (whi-wlo)/100) {
		t.Errorf("%+v: Clopper-Pearson [%v, %v], Wilson [%v, %v]", p, clo, chi, wlo, whi)
	}
	if lo, hi := (montecarlo.Proportion{}).Wilson(0.95); lo != 0 || hi != 1 {
		t.Errorf("no trial: [%v, %v]", lo, hi)
	}
}

// TestPairedIntervalAgrestiMin checks the paired interval against the
// Agresti-Min formula, and that it does not collapse with no discordant
// run.
func TestPairedIntervalAgrestiMin(t *testing.T) {
	z := 1.959963984540054
	for _, c := range []struct {
		p      montecarlo.Paired
		lo, hi float64
	}{
		{montecarlo.Paired{Runs: 500}, -z / 502, z / 502},
		// a, b = 3.5, 10.5 of n = 102: d = 7/102, var = (14 - 49/102)/102^2.
		{montecarlo.Paired{Runs: 100, OnlyA: 3, OnlyB: 10},
			7.0/102 - z*math.Sqrt(14-49.0/102)/102, 7.0/102 + z*math.Sqrt(14-49.0/102)/102},
	} {
		lo, hi := c.p.Interval(0.95)
		if math.Abs(lo-c.lo) > 1e-12 || math.Abs(hi-c.hi) > 1e-12 {
			t.Errorf("%+v: [%v, %v], want [%v, %v]", c.p, lo, hi, c.lo, c.hi)
		}
	}
	if lo, hi := (montecarlo.Paired{}).Interval(0.95); lo != -1 || hi != 1 {
		t.Errorf("no run: [%v, %v]", lo, hi)
	}
}

// TestClopperPearsonRelativePrecision checks the lower bound of 1 success
// in n trials, 1 - (1-a)^(1/n) for a = 0.025, to a relative 1e-9 when it
// is far below 1e-12.
func TestClopperPearsonRelativePrecision(t *testing.T) {
	for _, n := range []int64{1_000_000, 1_000_000_000, 1_000_000_000_000_000} {
		want := -math.Expm1(math.Log1p(-0.025) / float64(n))
		lo, _ := montecarlo.Proportion{Successes: 1, Trials: n}.ClopperPearson(0.95)
		if math.Abs(lo-want) > 1e-9*want {
			t.Errorf("1 of %d: lower bound %v, want %v", n, lo, want)
		}
	}
}
