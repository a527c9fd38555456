package montecarlo

import (
	"math"
	"math/big"
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
// of runs, the sum of the values (128-bit) and the sum of their squares
// (each square 128-bit, their sum 192-bit), so that tallies merge exactly
// in any order. Durations are tallied in nanoseconds, their squares in
// nanoseconds squared; counts as they are. The zero Tally has no run.
type Tally struct {
	n   int64
	sum u128
	// sq and sqTop are the sum of squares: sqTop the bits above 128.
	sq    u128
	sqTop uint64
}

func (t *Tally) add(v int64) {
	t.n++
	t.sum = t.sum.add(u128{lo: uint64(v)})
	hi, lo := bits.Mul64(uint64(v), uint64(v))
	t.addSq(u128{hi, lo}, 0)
}

// addSq adds top*2^128 + q to the sum of squares.
func (t *Tally) addSq(q u128, top uint64) {
	lo, c := bits.Add64(t.sq.lo, q.lo, 0)
	hi, c := bits.Add64(t.sq.hi, q.hi, c)
	t.sq = u128{hi, lo}
	t.sqTop += top + c
}

func (t *Tally) merge(o Tally) {
	t.n += o.n
	t.sum = t.sum.add(o.sum)
	t.addSq(o.sq, o.sqTop)
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

// StdErr returns the standard error of Mean (in nanoseconds for a
// duration), from the sample variance, computed exactly in integers as
// (n sum(v^2) - sum(v)^2) / (n (n-1)) before it is rounded; NaN for fewer
// than two runs.
func (t Tally) StdErr() float64 {
	if t.n < 2 {
		return math.NaN()
	}
	n := new(big.Int).SetInt64(t.n)
	sq := new(big.Int).SetUint64(t.sqTop)
	sq.Lsh(sq, 64).Add(sq, new(big.Int).SetUint64(t.sq.hi))
	sq.Lsh(sq, 64).Add(sq, new(big.Int).SetUint64(t.sq.lo))
	s := new(big.Int).SetUint64(t.sum.hi)
	s.Lsh(s, 64).Add(s, new(big.Int).SetUint64(t.sum.lo))
	num := new(big.Int).Mul(n, sq)
	num.Sub(num, s.Mul(s, s))
	if num.Sign() <= 0 {
		return 0
	}
	den := new(big.Int).Mul(n, new(big.Int).SetInt64(t.n-1))
	den.Mul(den, n) // the variance of the mean: var / n
	v, _ := new(big.Rat).SetFrac(num, den).Float64()
	return math.Sqrt(v)
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
// found by bisection on the regularized incomplete beta function to a
// relative precision of about 1e-12 (bounds down to about 1e-290). It is
// [0, 1] for no trial.
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

// betaQuantile returns x with I_x(a, b) = q, by bisection until the
// bracket is narrower than 1e-12 times its upper end.
func betaQuantile(q, a, b float64) float64 {
	lo, hi := 0.0, 1.0
	for range 1100 {
		mid := (lo + hi) / 2
		if regIncBeta(mid, a, b) < q {
			lo = mid
		} else {
			hi = mid
		}
		if hi-lo <= 1e-12*hi {
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
	front := math.Exp(a*math.Log(x) + b*math.Log1p(-x) - logBeta(a, b))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(x, a, b) / a
	}
	return 1 - front*betaCF(1-x, b, a)/b
}

// logBeta returns log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a+b). When
// the larger argument is 1e4 or more, lgamma(big) - lgamma(small+big) is
// computed from Stirling's series, which avoids the cancellation of two
// large log-gammas: -(big-1/2) log1p(small/big) - small log(small+big) +
// small + c(big) - c(small+big), c(x) = 1/(12x) - 1/(360x^3).
func logBeta(a, b float64) float64 {
	small, big := min(a, b), max(a, b)
	ls, _ := math.Lgamma(small)
	if big < 1e4 {
		lb, _ := math.Lgamma(big)
		lab, _ := math.Lgamma(a + b)
		return ls + lb - lab
	}
	c := func(x float64) float64 { return 1/(12*x) - 1/(360*x*x*x) }
	s := small + big
	return ls - (big-0.5)*math.Log1p(small/big) - small*math.Log(s) + small + c(big) - c(s)
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
