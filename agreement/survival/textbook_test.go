package survival_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/peacekit/peacekit/agreement/survival"
)

// freireich6MP is the 6-MP arm of the Freireich et al. (1963) leukaemia
// trial: weeks of remission of 21 patients, 9 relapses and 12 censored
// (Kalbfleisch and Prentice; Klein and Moeschberger, section 4.2).
func freireich6MP() []survival.Observation {
	var obs []survival.Observation
	for _, t := range []float64{6, 6, 6, 7, 10, 13, 16, 22, 23} {
		obs = append(obs, survival.Observation{Time: t, Event: true})
	}
	for _, t := range []float64{6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35} {
		obs = append(obs, survival.Observation{Time: t})
	}
	return obs
}

// freireichPlacebo is the placebo arm: 21 patients, all relapsed.
func freireichPlacebo() []survival.Observation {
	var obs []survival.Observation
	for _, t := range []float64{1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23} {
		obs = append(obs, survival.Observation{Time: t, Event: true})
	}
	return obs
}

// TestFreireich checks the published Kaplan-Meier estimate of the 6-MP arm:
// the survival values to three decimals, their exact fractions, Greenwood's
// standard errors and the numbers at risk (Klein and Moeschberger, table
// 4.1A).
func TestFreireich(t *testing.T) {
	c, err := survival.KaplanMeier(freireich6MP())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		t        float64
		s        float64 // published, 3 decimals
		exact    *big.Rat
		se       float64 // published, 3 decimals; -1 when not checked
		atRisk   int
		events   int
		censored int
	}{
		{6, 0.857, big.NewRat(18, 21), 0.076, 21, 3, 1},
		{7, 0.807, big.NewRat(18*16, 21*17), 0.087, 17, 1, 0},
		{10, 0.753, big.NewRat(18*16*14, 21*17*15), 0.096, 15, 1, 1},
		{13, 0.690, big.NewRat(18*16*14*11, 21*17*15*12), 0.107, 12, 1, 0},
		{16, 0.627, big.NewRat(18*16*14*11*10, 21*17*15*12*11), 0.114, 11, 1, 0},
		{22, 0.538, big.NewRat(18*16*14*11*10*6, 21*17*15*12*11*7), 0.128, 7, 1, 0},
		{23, 0.448, big.NewRat(18*16*14*11*10*6*5, 21*17*15*12*11*7*6), 0.135, 6, 1, 0},
	}
	steps := map[float64]survival.Step{}
	for _, s := range c.Steps() {
		steps[s.Time] = s
	}
	for _, tt := range tests {
		if got := c.SurvivalExact(tt.t); got.Cmp(tt.exact) != 0 {
			t.Errorf("S(%v) = %v, want %v", tt.t, got, tt.exact)
		}
		if got := c.Survival(tt.t); math.Abs(got-tt.s) > 0.0005 {
			t.Errorf("S(%v) = %.4f, published %.3f", tt.t, got, tt.s)
		}
		if got := c.StdErr(tt.t); math.Abs(got-tt.se) > 0.0005 {
			t.Errorf("SE(%v) = %.4f, published %.3f", tt.t, got, tt.se)
		}
		s := steps[tt.t]
		if s.AtRisk != tt.atRisk || s.Events != tt.events || s.Censored != tt.censored || c.AtRisk(tt.t) != tt.atRisk {
			t.Errorf("step at %v: %+v, AtRisk %d; want %d at risk, %d events, %d censored", tt.t, s, c.AtRisk(tt.t),
				tt.atRisk, tt.events, tt.censored)
		}
	}
	if c.Survival(5.9) != 1 || c.Survival(35) != c.Survival(23) || c.AtRisk(36) != 0 || c.AtRisk(0) != 21 {
		t.Errorf("S(5.9) %v, S(35) %v, at risk at 36 %d, at 0 %d", c.Survival(5.9), c.Survival(35), c.AtRisk(36), c.AtRisk(0))
	}
	if m, ok := c.Median(); !ok || m != 23 {
		t.Errorf("median %v %v, want 23 (S(22) = 0.538, S(23) = 0.448)", m, ok)
	}
	if c.N() != 21 || c.Events() != 9 || c.Censored() != 12 {
		t.Errorf("n %d, events %d, censored %d", c.N(), c.Events(), c.Censored())
	}
}

// TestFreireichBand checks the 95% log-log band of the 6-MP arm against the
// values R's survival package gives (survfit with conf.type = "log-log").
func TestFreireichBand(t *testing.T) {
	c, err := survival.KaplanMeier(freireich6MP())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ t, lo, hi float64 }{
		{6, 0.620, 0.952},
		{23, 0.188, 0.680},
	} {
		lo, hi := c.Band(tt.t, 0.95)
		if math.Abs(lo-tt.lo) > 0.0005 || math.Abs(hi-tt.hi) > 0.0005 {
			t.Errorf("band at %v: [%.4f, %.4f], want [%.3f, %.3f]", tt.t, lo, hi, tt.lo, tt.hi)
		}
	}
	if lo, hi := c.Band(1, 0.95); lo != 1 || hi != 1 {
		t.Errorf("band before the first event: [%v, %v]", lo, hi)
	}
	if lo, hi := c.Band(6, 1); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("band at level 1: [%v, %v], want NaN", lo, hi)
	}
	lo90, hi90 := c.Band(13, 0.90)
	lo99, hi99 := c.Band(13, 0.99)
	if !(lo99 < lo90 && lo90 < c.Survival(13) && c.Survival(13) < hi90 && hi90 < hi99) {
		t.Errorf("bands at 13 not nested: 99%% [%v, %v], 90%% [%v, %v]", lo99, hi99, lo90, hi90)
	}
}

// TestFreireichLogRank compares the two arms: the published log-rank
// statistic is 16.8 on 1 degree of freedom (p = 4.2e-5), with 9 relapses
// observed against 19.25 expected in the 6-MP arm.
func TestFreireichLogRank(t *testing.T) {
	r, err := survival.LogRank(freireich6MP(), freireichPlacebo())
	if err != nil {
		t.Fatal(err)
	}
	if r.Observed[0] != 9 || r.Observed[1] != 21 || math.Abs(r.Expected[0]-19.25) > 0.005 ||
		math.Abs(r.Expected[1]-10.75) > 0.005 || r.DF != 1 || math.Abs(r.ChiSquare-16.79) > 0.01 ||
		math.Abs(r.P-4.17e-5) > 0.01e-5 {
		t.Errorf("log-rank %+v", r)
	}
}
