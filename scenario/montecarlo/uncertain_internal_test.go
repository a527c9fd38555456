package montecarlo

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestGammaMoments draws 200,000 values from the Gamma distribution of each
// shape (scale 1), below and above 1: the mean k within four standard
// errors (sqrt(k/n)), the variance k within 3%.
func TestGammaMoments(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 200000
	for _, k := range []float64{0.3, 1, 4, 50} {
		sum, sq := 0.0, 0.0
		for range n {
			x := gamma(r, k)
			if !(x >= 0) || math.IsInf(x, 0) {
				t.Fatalf("shape %v: draw %v", k, x)
			}
			sum += x
			sq += x * x
		}
		mean := sum / n
		v := sq/n - mean*mean
		if math.Abs(mean-k) > 4*math.Sqrt(k/n) || math.Abs(v-k) > 0.03*k {
			t.Errorf("shape %v: mean %v, variance %v; want both %v", k, mean, v, k)
		}
	}
}

// TestDrawRatesKeepsFixedRates: rates without a standard error, or with 0,
// are drawn as they are; those with one vary around their mean.
func TestDrawRatesKeepsFixedRates(t *testing.T) {
	p := Piecewise{PerDay: []float64{0.5, 0.02, 0.003}, StdErrs: []float64{0, 0.01, 0}}
	r := rand.New(rand.NewPCG(3, 4))
	dst := make([]float64, 3)
	sum := 0.0
	const n = 20000
	for range n {
		p.drawRates(r, dst)
		if dst[0] != 0.5 || dst[2] != 0.003 {
			t.Fatalf("fixed rates drawn as %v", dst)
		}
		sum += dst[1]
	}
	if m := sum / n; math.Abs(m-0.02) > 4*0.01/math.Sqrt(n) {
		t.Errorf("mean of the uncertain rate %v, want 0.02", m)
	}
}
