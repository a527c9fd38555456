package survival

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// LogRankResult is the outcome of the log-rank test.
type LogRankResult struct {
	// Observed and Expected are each group's events and the events
	// expected under the hypothesis that all groups share one survival
	// function.
	Observed []int
	Expected []float64
	// ChiSquare is the statistic, with DF = groups - 1 degrees of freedom.
	ChiSquare float64
	DF        int
	// P is the probability of a statistic at least as large under the
	// hypothesis (chi-square distribution with DF degrees of freedom).
	P float64
}

// LogRank tests whether the groups' survival functions differ, by the
// log-rank (Mantel-Cox) test: at each distinct event time of the pooled
// data, the events of each group are compared with those expected from its
// share of the subjects at risk, with the hypergeometric variance. It needs
// at least two groups, and fails when the variance matrix is singular (for
// instance when a group is empty or no events happen while two groups are
// at risk). An invalid observation is an error naming its group (its
// index among groups) that wraps an *[ObservationError] with its index in
// the group. It does not modify groups.
func LogRank(groups ...[]Observation) (LogRankResult, error) {
	k := len(groups)
	if k < 2 {
		return LogRankResult{}, errors.New("survival: the log-rank test needs at least two groups")
	}
	type obs struct {
		t     float64
		event bool
		g     int
	}
	var all []obs
	for g, os := range groups {
		for i, o := range os {
			if o.Time < 0 || math.IsNaN(o.Time) || math.IsInf(o.Time, 0) {
				return LogRankResult{}, fmt.Errorf("survival: group %d: %w", g, &ObservationError{Index: i, Time: o.Time})
			}
			all = append(all, obs{o.Time, o.Event, g})
		}
	}
	slices.SortFunc(all, func(a, b obs) int {
		if a.t < b.t {
			return -1
		}
		if a.t > b.t {
			return 1
		}
		return 0
	})
	atRisk := make([]int, k)
	for _, o := range all {
		atRisk[o.g]++
	}
	r := LogRankResult{Observed: make([]int, k), Expected: make([]float64, k), DF: k - 1}
	v := make([][]float64, k-1)
	for i := range v {
		v[i] = make([]float64, k-1)
	}
	d := make([]int, k)
	left := make([]int, k)
	for i := 0; i < len(all); {
		t := all[i].t
		clear(d)
		clear(left)
		for ; i < len(all) && all[i].t == t; i++ {
			if all[i].event {
				d[all[i].g]++
			}
			left[all[i].g]++
		}
		n, dt := 0, 0
		for g := range k {
			n += atRisk[g]
			dt += d[g]
		}
		if dt > 0 {
			for g := range k {
				r.Observed[g] += d[g]
				r.Expected[g] += float64(dt) * float64(atRisk[g]) / float64(n)
			}
			if n > 1 {
				f := float64(dt) * float64(n-dt) / float64(n-1) / float64(n) / float64(n)
				for a := range k - 1 {
					for b := range k - 1 {
						x := -float64(atRisk[a]) * float64(atRisk[b])
						if a == b {
							x += float64(atRisk[a]) * float64(n)
						}
						v[a][b] += f * x
					}
				}
			}
		}
		for g := range k {
			atRisk[g] -= left[g]
		}
	}
	u := make([]float64, k-1)
	for g := range k - 1 {
		u[g] = float64(r.Observed[g]) - r.Expected[g]
	}
	x, ok := solve(v, slices.Clone(u)) // solve overwrites its right-hand side
	if !ok {
		return LogRankResult{}, errors.New("survival: log-rank variance is singular (a group without subjects at risk at the event times?)")
	}
	for g := range u {
		r.ChiSquare += u[g] * x[g]
	}
	r.P = chiSquareSF(r.ChiSquare, r.DF)
	return r, nil
}

// solve solves a x = b by Gaussian elimination with partial pivoting; a and b
// are overwritten.
func solve(a [][]float64, b []float64) ([]float64, bool) {
	n := len(b)
	scale := 0.0
	for i := range a {
		for j := range a[i] {
			scale = max(scale, math.Abs(a[i][j]))
		}
	}
	if scale == 0 {
		return nil, false
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if math.Abs(a[p][c]) <= 1e-12*scale {
			return nil, false
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for j := c; j < n; j++ {
				a[r][j] -= f * a[c][j]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for c := n - 1; c >= 0; c-- {
		s := b[c]
		for j := c + 1; j < n; j++ {
			s -= a[c][j] * x[j]
		}
		x[c] = s / a[c][c]
	}
	return x, true
}

// chiSquareSF returns P(X >= x) for X chi-square with df degrees of freedom:
// the regularized upper incomplete gamma function Q(df/2, x/2).
func chiSquareSF(x float64, df int) float64 {
	if x <= 0 {
		return 1
	}
	return gammaQ(float64(df)/2, x/2)
}

// gammaQ is the regularized upper incomplete gamma function, by its series
// for x < a+1 and its continued fraction otherwise.
func gammaQ(a, x float64) float64 {
	lg, _ := math.Lgamma(a)
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < 1000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-15 {
				break
			}
		}
		return 1 - sum*math.Exp(-x+a*math.Log(x)-lg)
	}
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 1000; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-15 {
			break
		}
	}
	return math.Exp(-x+a*math.Log(x)-lg) * h
}
