package montecarlo

import (
	"math"
	"math/bits"
)

// u128 is an unsigned 128-bit integer, for exact sums.
type u128 struct{ hi, lo uint64 }

func (a u128) add(b u128) u128 {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	hi, _ := bits.Add64(a.hi, b.hi, c)
	return u128{hi, lo}
}

func (a u128) float() float64 { return float64(a.hi)*0x1p64 + float64(a.lo) }

// Tally sums a non-negative integer quantity over runs exactly: the number
// of runs, the sum of the values and the sum of their squares, in 128-bit
// integers, so that tallies merge exactly in any order. Durations are
// tallied in nanoseconds, their squares in whole seconds squared; counts
// as they are. The zero Tally has no run.
type Tally struct {
	n       int64
	sum, sq u128
	unit    int64
}

func (t *Tally) add(v int64) {
	t.n++
	t.sum = t.sum.add(u128{lo: uint64(v)})
	q := uint64(v / max(t.unit, 1))
	hi, lo := bits.Mul64(q, q)
	t.sq = t.sq.add(u128{hi, lo})
}

func (t *Tally) merge(o Tally) {
	t.n += o.n
	t.sum = t.sum.add(o.sum)
	t.sq = t.sq.add(o.sq)
	if t.unit == 0 {
		t.unit = o.unit
	}
}

// N returns the number of runs tallied.
func (t Tally) N() int64 { return t.n }

// Mean returns the mean value per run (nanoseconds for a duration); NaN
// for no run.
func (t Tally) Mean() float64 {
	if t.n == 0 {
		return math.NaN()
	}
	return t.sum.float() / float64(t.n)
}

// StdErr returns the standard error of Mean, from the sample variance;
// NaN for fewer than two runs. For a duration the variance is that of
// the values in whole seconds.
func (t Tally) StdErr() float64 {
	if t.n < 2 {
		return math.NaN()
	}
	u := float64(max(t.unit, 1))
	n := float64(t.n)
	mean := t.sum.float() / u / n
	v := (t.sq.float()/n - mean*mean) * n / (n - 1)
	if v < 0 {
		v = 0
	}
	return math.Sqrt(v/n) * u
}

// Proportion is a count of runs in which something happened, out of a
// number of runs.
type Proportion struct {
	Successes, Trials int64
}

// Estimate returns Successes/Trials; NaN for no trial.
func (p Proportion) Estimate() float64 {
	if p.Trials == 0 {
		return math.NaN()
	}
	return float64(p.Successes) / float64(p.Trials)
}

// z returns the two-sided standard normal quantile of level.
func z(level float64) float64 { return math.Sqrt2 * math.Erfinv(level) }

// Wilson returns the Wilson score interval of the proportion at confidence
// level (such as 0.95); [0, 1] for no trial.
func (p Proportion) Wilson(level float64) (lo, hi float64) {
	if p.Trials == 0 {
		return 0, 1
	}
	n := float64(p.Trials)
	ph := float64(p.Successes) / n
	zz := z(level)
	z2 := zz * zz
	c := (ph + z2/(2*n)) / (1 + z2/n)
	h := zz / (1 + z2/n) * math.Sqrt(ph*(1-ph)/n+z2/(4*n*n))
	return max(0, c-h), min(1, c+h)
}

// ClopperPearson returns the exact (Clopper-Pearson) binomial interval of
// the proportion at confidence level: quantiles of beta distributions,
// found by bisection on the regularized incomplete beta function to about
// 1e-12. It is [0, 1] for no trial.
func (p Proportion) ClopperPearson(level float64) (lo, hi float64) {
	x, n := float64(p.Successes), float64(p.Trials)
	if p.Trials == 0 {
		return 0, 1
	}
	a := (1 - level) / 2
	lo, hi = 0, 1
	if p.Successes > 0 {
		lo = betaQuantile(a, x, n-x+1)
	}
	if p.Successes < p.Trials {
		hi = betaQuantile(1-a, x+1, n-x)
	}
	return lo, hi
}

// betaQuantile returns x with I_x(a, b) = q, by bisection.
func betaQuantile(q, a, b float64) float64 {
	lo, hi := 0.0, 1.0
	for range 100 {
		mid := (lo + hi) / 2
		if regIncBeta(mid, a, b) < q {
			lo = mid
		} else {
			hi = mid
		}
		if hi-lo < 1e-13 {
			break
		}
	}
	return (lo + hi) / 2
}

// regIncBeta returns the regularized incomplete beta function I_x(a, b),
// by its continued fraction (Lentz's method).
func regIncBeta(x, a, b float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	la, _ := math.Lgamma(a + b)
	lb, _ := math.Lgamma(a)
	lc, _ := math.Lgamma(b)
	front := math.Exp(la - lb - lc + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(x, a, b) / a
	}
	return 1 - front*betaCF(1-x, b, a)/b
}

func betaCF(x, a, b float64) float64 {
	const tiny = 1e-300
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	f := d
	for m := 1; m <= 100000; m++ {
		fm := float64(m)
		num := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
		d = 1 + num*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + num/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		f *= d * c
		num = -(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1))
		d = 1 + num*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + num/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		f *= del
		if math.Abs(del-1) < 1e-15 {
			break
		}
	}
	return f
}
