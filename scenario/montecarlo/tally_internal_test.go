package montecarlo

import (
	"math"
	"testing"
)

// refStdErr is the standard error of the mean of vs, in float64 from the
// deviations from the mean.
func refStdErr(vs []float64) float64 {
	n := float64(len(vs))
	m := 0.0
	for _, v := range vs {
		m += v
	}
	m /= n
	ss := 0.0
	for _, v := range vs {
		ss += (v - m) * (v - m)
	}
	return math.Sqrt(ss / (n - 1) / n)
}

// TestTallyStdErrInNanoseconds checks StdErr against a direct computation
// for durations of fractions of seconds, and for values near 2^62 whose
// squares overflow 128 bits when summed, split over merged tallies.
func TestTallyStdErrInNanoseconds(t *testing.T) {
	for _, vs := range [][]int64{
		{1_500_000_000, 2_500_000_000, 300_000_000, 999_999_999},
		{400_000_000, 600_000_000},
		{1 << 62, 1<<62 - 1_000_000_000_000, 1<<62 + 7, 1 << 61, 1<<62 - 3, 1 << 62, 1 << 62},
		{5, 5, 5},
		bigValues(40),
	} {
		var a, b Tally
		var fs []float64
		for i, v := range vs {
			if i%2 == 0 {
				a.add(v)
			} else {
				b.add(v)
			}
			fs = append(fs, float64(v))
		}
		a.merge(b)
		want := refStdErr(fs)
		got := a.StdErr()
		if math.Abs(got-want) > 1e-9*math.Max(want, 1) {
			t.Errorf("%v: StdErr %v, want %v", vs, got, want)
		}
		if a.N() != int64(len(vs)) {
			t.Errorf("%v: N %d", vs, a.N())
		}
	}
	var one Tally
	one.add(3)
	if !math.IsNaN(one.StdErr()) {
		t.Errorf("one run: StdErr %v, want NaN", one.StdErr())
	}
}

// bigValues returns n values near 2^62, whose squares sum past 2^128.
func bigValues(n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = 1<<62 - int64(i)*1_000_000_007_000
	}
	return out
}

// TestLogBetaMatchesLgamma checks the Stirling branch of logBeta against
// log-gammas where their cancellation is still small.
func TestLogBetaMatchesLgamma(t *testing.T) {
	for _, c := range [][2]float64{{1, 1e4}, {3, 2e4}, {2e4, 7.5}, {1e4, 1e4}, {0.5, 5e4}} {
		a, b := c[0], c[1]
		la, _ := math.Lgamma(a)
		lb, _ := math.Lgamma(b)
		lab, _ := math.Lgamma(a + b)
		want := la + lb - lab
		if got := logBeta(a, b); math.Abs(got-want) > 1e-9 {
			t.Errorf("logBeta(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
}
