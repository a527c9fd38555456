package montecarlo

import (
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// A Calibration is a delay fitted to real data, with what it was fitted to
// and how.
type Calibration struct {
	// Name says which observations it was fitted to.
	Name string
	// Delay is the fitted hazard.
	Delay Piecewise
	// StdErrs are the standard errors of Delay.PerDay, per day, from the
	// observed information.
	StdErrs []float64
	// N is the number of observations, Events those that ended.
	N, Events int
}

// Uncertain returns c's Delay with its standard errors, so that each run
// draws its rates from them (see Piecewise.StdErrs): simulated estimates
// then carry the uncertainty of the fit.
func (c Calibration) Uncertain() Piecewise {
	d := c.Delay
	d.Cuts, d.PerDay, d.StdErrs = slices.Clone(d.Cuts), slices.Clone(d.PerDay), slices.Clone(c.StdErrs)
	return d
}

// ceasefireCuts are the cut points of the ceasefire calibrations, in days,
// fixed before fitting: the first day, the first week, month, quarter, year
// and three years.
var ceasefireCuts = []int{1, 7, 30, 90, 365, 1095}

// CeasefireCalibrations returns piecewise-constant hazards of a ceasefire's
// time to its recorded end, fitted by maximum likelihood with
// right-censoring (survival.FitPiecewise) to the ETH/PRIO Civil Conflict
// Ceasefire dataset, 1989-2020, read by package agreement/ceasefire with the
// rules that package states: a duration runs in whole days from the
// ceasefire's effect date (its declaration when none is recorded) to its
// recorded end, whatever ended it (the dataset's codebook is not published
// with it, so an end is not known to be a breakdown); ceasefires with no
// recorded end are censored at 2020-12-31; the 157 whose end is coded but not
// dated are left out. The cut points are fixed in advance at 1, 7, 30, 90,
// 365 and 1,095 days. Three fits: every ceasefire (2,046: 1,298 ended);
// those whose written code is 0 (1,428), and those whose written code is 1 or
// 2 (515): the dataset's raw code, whose meaning is not stated with the data.
// Over their first year the fitted survival lies within the pointwise 95%
// Kaplan-Meier band of the same observations at 30, 90 and 365 days (a
// real-file test refits them and simulates them).
//
// Cite the data as: Clayton, G., Nygård, H. M., Strand, H., Rustad, S. A.,
// Wiehler, C., Sagård, T., Landsverk, P., Ryland, R., Sticher, V., Wink, E.
// and Bara, C. (2022) "Introducing the ETH/PRIO Civil Conflict Ceasefire
// Dataset", Journal of Conflict Resolution, doi:10.1177/00220027221129195.
//
// The values are returned fresh at each call.
func CeasefireCalibrations() []Calibration {
	mk := func(name string, n, events int, perDay, se []float64) Calibration {
		cuts := make([]time.Duration, len(ceasefireCuts))
		for i, d := range ceasefireCuts {
			cuts[i] = time.Duration(d) * agreement.Day
		}
		return Calibration{Name: name, Delay: Piecewise{Cuts: cuts, PerDay: slices.Clone(perDay)},
			StdErrs: slices.Clone(se), N: n, Events: events}
	}
	return []Calibration{
		mk("all ceasefires", 2046, 1298, ceasefireAll[0], ceasefireAll[1]),
		mk("written code 0", 1428, 951, ceasefireWritten0[0], ceasefireWritten0[1]),
		mk("written code 1 or 2", 515, 282, ceasefireWritten12[0], ceasefireWritten12[1]),
	}
}

// The fitted rates per day and their standard errors, interval by
// interval, as the real-file test prints them.
var (
	ceasefireAll = [2][]float64{
		{0.0706436420722135, 0.03201675643327349, 0.009975454717099881, 0.003383391701786668, 0.0009736199357075112, 6.082691425064007e-05, 9.026378179859048e-06},
		{0.006080036650247122, 0.001787001083898755, 0.0005602773558677342, 0.0002240705892820903, 6.392128035943285e-05, 1.0588606651769656e-05, 1.5956533051331548e-06},
	}
	ceasefireWritten0 = [2][]float64{
		{0.09846153846153846, 0.04179377669310555, 0.012644836272040303, 0.0038347568415548197, 0.0008518487229309228, 3.270791828967322e-05, 5.520439426978388e-06},
		{0.00870285269152674, 0.0025248543864012886, 0.0007981349882999929, 0.00030901351243783106, 7.744079299372025e-05, 9.861808421858999e-06, 1.5936135946054975e-06},
	}
	ceasefireWritten12 = [2][]float64{
		{0.007827788649706457, 0.009462656302805001, 0.004937554458321232, 0.0029000341180484474, 0.0011125757337557896, 0.00010605992944223641, 1.637048369049636e-05},
		{0.003913894324853229, 0.0017882739513785677, 0.0006913959171790929, 0.0003516807937237854, 0.00011599403860910424, 2.433181654725067e-05, 3.6605514356501493e-06},
	}
)
