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
