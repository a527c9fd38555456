package montecarlo

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// TestDrawsFollowTheirDistributions draws 200,000 delays from each kind
// of distribution and checks the empirical distribution function against
// the exact one at several instants, to within 0.005 (more than four
// standard errors).
func TestDrawsFollowTheirDistributions(t *testing.T) {
	day := agreement.Day
	days := func(d time.Duration) float64 { return float64(d) / float64(day) }
	for _, c := range []struct {
		name string
		d    Distribution
		cdf  func(t time.Duration) float64
	}{
		{"constant", Constant{PerDay: 0.02}, func(t time.Duration) float64 { return 1 - math.Exp(-0.02*days(t)) }},
		{"piecewise", Piecewise{Cuts: []time.Duration{10 * day, 40 * day}, PerDay: []float64{0.05, 0, 0.01}},
			func(t time.Duration) float64 {
				x := days(t)
				h := 0.05 * math.Min(x, 10)
				if x > 40 {
					h += 0.01 * (x - 40)
				}
				return 1 - math.Exp(-h)
			}},
		{"weibull", Weibull{Shape: 0.7, Scale: 100 * day}, func(t time.Duration) float64 {
			return 1 - math.Exp(-math.Pow(days(t)/100, 0.7))
		}},
		{"empirical", Empirical{At: []time.Duration{0, 30 * day, 90 * day}, Survival: []float64{0.9, 0.6, 0.45}},
			func(t time.Duration) float64 {
				switch {
				case t >= 90*day:
					return 0.55
				case t >= 30*day:
					return 0.4
				}
				return 0.1
			}},
		{"uniform", Uniform{Min: 30 * day, Max: 90 * day}, func(t time.Duration) float64 {
			return math.Min(1, math.Max(0, float64(t-30*day+1)/float64(60*day+1)))
		}},
	} {
		r := rand.New(rand.NewPCG(1, 2))
		const n = 200_000
		at := []time.Duration{day, 5 * day, 20 * day, 30 * day, 45 * day, 60 * day, 89 * day, 90 * day, 200 * day}
		counts := make([]int, len(at))
		for range n {
			d, ok := c.d.draw(r)
			if !ok {
				continue
			}
			for i, a := range at {
				if d <= a {
					counts[i]++
				}
			}
		}
		for i, a := range at {
			got, want := float64(counts[i])/n, c.cdf(a)
			if math.Abs(got-want) > 0.005 {
				t.Errorf("%s: P(T <= %v) = %.4f, want %.4f", c.name, a, got, want)
			}
		}
	}
}
