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

// referenceLogRank computes the log-rank statistic by brute force in exact
// rationals: at each distinct event time, every group's subjects at risk
// and events counted afresh; the variance matrix of the first k-1 groups
// inverted by Gauss-Jordan elimination. ok is false when it is singular.
func referenceLogRank(groups [][]survival.Observation) (chi *big.Rat, ok bool) {
	k := len(groups)
	var times []float64
	for _, g := range groups {
		for _, o := range g {
			if o.Event && !slices.Contains(times, o.Time) {
				times = append(times, o.Time)
			}
		}
	}
	u := make([]*big.Rat, k-1)
	v := make([][]*big.Rat, k-1)
	for a := range u {
		u[a] = new(big.Rat)
		v[a] = make([]*big.Rat, k-1)
		for b := range v[a] {
			v[a][b] = new(big.Rat)
		}
	}
	for _, t := range times {
		n, d := make([]int64, k), make([]int64, k)
		var sn, sd int64
		for g, os := range groups {
			for _, o := range os {
				if o.Time >= t {
					n[g]++
				}
				if o.Time == t && o.Event {
					d[g]++
				}
			}
			sn, sd = sn+n[g], sd+d[g]
		}
		for a := range k - 1 {
			// observed - expected: d_a - D n_a / N
			u[a].Add(u[a], new(big.Rat).Sub(big.NewRat(d[a], 1), big.NewRat(sd*n[a], sn)))
			if sn < 2 {
				continue
			}
			f := big.NewRat(sd*(sn-sd), sn*sn*(sn-1))
			for b := range k - 1 {
				x := -n[a] * n[b]
				if a == b {
					x += n[a] * sn
				}
				v[a][b].Add(v[a][b], new(big.Rat).Mul(f, big.NewRat(x, 1)))
			}
		}
	}
	// Solve v x = u.
	m := k - 1
	rows := make([][]*big.Rat, m)
	for a := range m {
		rows[a] = append(slices.Clone(v[a]), new(big.Rat).Set(u[a]))
	}
	for c := range m {
		p := -1
		for r := c; r < m; r++ {
			if rows[r][c].Sign() != 0 {
				p = r
				break
			}
		}
		if p < 0 {
			return nil, false
		}
		rows[c], rows[p] = rows[p], rows[c]
		for r := range m {
			if r == c || rows[r][c].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Quo(rows[r][c], rows[c][c])
			for j := c; j <= m; j++ {
				rows[r][j] = new(big.Rat).Sub(rows[r][j], new(big.Rat).Mul(f, rows[c][j]))
			}
		}
	}
	chi = new(big.Rat)
	for a := range m {
		x := new(big.Rat).Quo(rows[a][m], rows[a][a])
		chi.Add(chi, x.Mul(x, u[a]))
	}
	return chi, true
}

// TestLogRankThreeGroups checks three groups against the exact reference:
// 2.9290440738229466 (chi-square on 2 degrees of freedom, p = exp(-x/2)),
// in every order of the groups.
func TestLogRankThreeGroups(t *testing.T) {
	ev := func(ts ...float64) []survival.Observation {
		var os []survival.Observation
		for _, x := range ts {
			os = append(os, survival.Observation{Time: math.Abs(x), Event: x > 0})
		}
		return os
	}
	// Negative times stand for censorings.
	a, b, c := ev(1, 2, 3, -4), ev(2, 4, 5, -6), ev(3, 6, 7, 8)
	want, _ := referenceLogRank([][]survival.Observation{a, b, c})
	wf, _ := want.Float64()
	if math.Abs(wf-2.9290440738229466) > 1e-12 {
		t.Fatalf("reference %v", wf)
	}
	for _, order := range [][][]survival.Observation{{a, b, c}, {c, b, a}, {b, a, c}, {b, c, a}} {
		r, err := survival.LogRank(order...)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(r.ChiSquare-wf) > 1e-9 || r.DF != 2 || math.Abs(r.P-math.Exp(-wf/2)) > 1e-9 {
			t.Errorf("log-rank %+v, want chi-square %v, p %v", r, wf, math.Exp(-wf/2))
		}
	}
}

// TestPropertyLogRankMatchesReference compares the statistic with the exact
// reference on drawn groups (2 to 5), and checks that reordering the groups
// reorders Observed and Expected and changes nothing else.
func TestPropertyLogRankMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		k := rapid.IntRange(2, 5).Draw(t, "groups")
		groups := make([][]survival.Observation, k)
		for g := range groups {
			groups[g] = genObs(t)
		}
		orig := make([][]survival.Observation, k)
		for g := range groups {
			orig[g] = slices.Clone(groups[g])
		}
		r, err := survival.LogRank(groups...)
		for g := range groups {
			if !slices.Equal(groups[g], orig[g]) {
				t.Fatal("LogRank modified its input")
			}
		}
		want, ok := referenceLogRank(groups)
		if !ok {
			return // singular: LogRank may fail or, within rounding, not
		}
		if err != nil {
			t.Fatalf("LogRank: %v; the reference has %v", err, want.FloatString(6))
		}
		wf, _ := want.Float64()
		if math.Abs(r.ChiSquare-wf) > 1e-6*max(1, wf) {
			t.Fatalf("chi-square %v, reference %v", r.ChiSquare, wf)
		}
		perm := rapid.Permutation(func() []int {
			p := make([]int, k)
			for i := range p {
				p[i] = i
			}
			return p
		}()).Draw(t, "order")
		shuffled := make([][]survival.Observation, k)
		for i, g := range perm {
			shuffled[i] = groups[g]
		}
		q, err := survival.LogRank(shuffled...)
		if err != nil {
			t.Fatalf("reordered groups: %v", err)
		}
		if math.Abs(q.ChiSquare-r.ChiSquare) > 1e-6*max(1, wf) {
			t.Fatalf("chi-square %v reordered, %v before", q.ChiSquare, r.ChiSquare)
		}
		for i, g := range perm {
			if q.Observed[i] != r.Observed[g] || math.Abs(q.Expected[i]-r.Expected[g]) > 1e-9 {
				t.Fatalf("group %d moved to %d: %d/%v, was %d/%v", g, i, q.Observed[i], q.Expected[i], r.Observed[g], r.Expected[g])
			}
		}
	})
}

// TestLogRankNamesTheGroup: an invalid observation's error names its group
// and wraps the *ObservationError with its index in the group.
func TestLogRankNamesTheGroup(t *testing.T) {
	good := []survival.Observation{{Time: 1, Event: true}}
	bad := []survival.Observation{{Time: 2, Event: true}, {Time: math.NaN()}}
	_, err := survival.LogRank(good, bad)
	var oe *survival.ObservationError
	if !errors.As(err, &oe) || oe.Index != 1 || !errors.Is(err, survival.ErrInvalidObservation) {
		t.Fatalf("error %v", err)
	}
	if got, want := err.Error(), "survival: group 1: survival: observation 1: time NaN is negative, NaN or infinite"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
}
