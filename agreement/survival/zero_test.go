package survival_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/peacekit/peacekit/agreement/survival"
)

// TestZeroCurves: a nil *Curve and the zero Curve answer as the estimate of
// no observations, without panicking.
func TestZeroCurves(t *testing.T) {
	for name, c := range map[string]*survival.Curve{"nil": nil, "zero": {}} {
		if c.N() != 0 || c.Events() != 0 || c.Censored() != 0 || c.Steps() != nil {
			t.Errorf("%s: counts %d %d %d, steps %v", name, c.N(), c.Events(), c.Censored(), c.Steps())
		}
		if c.Survival(3) != 1 || c.SurvivalExact(3).Cmp(bigOne()) != 0 || c.StdErr(3) != 0 || c.AtRisk(3) != 0 {
			t.Errorf("%s: S %v, exact %v, SE %v, at risk %d", name, c.Survival(3), c.SurvivalExact(3), c.StdErr(3), c.AtRisk(3))
		}
		if lo, hi := c.Band(3, 0.95); lo != 1 || hi != 1 {
			t.Errorf("%s: band [%v, %v]", name, lo, hi)
		}
		if lo, hi := c.Band(3, 2); !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("%s: band at level 2 [%v, %v], want NaN", name, lo, hi)
		}
		if m, ok := c.Median(); ok || m != 0 {
			t.Errorf("%s: median %v %v", name, m, ok)
		}
	}
	var f survival.PiecewiseFit
	if f.Survival(5) != 1 {
		t.Errorf("zero fit: S(5) = %v", f.Survival(5))
	}
}

func bigOne() *big.Rat { return big.NewRat(1, 1) }
