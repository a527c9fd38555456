// Package survival estimates survival functions from right-censored
// durations: the Kaplan-Meier product-limit estimator (Kaplan and Meier,
// 1958), with Greenwood's variance, log-log confidence bands, the median,
// and a split of the observations into named groups.
//
// An [Observation] is a duration and whether it ended in the event or was
// censored (the subject was last seen without the event). [KaplanMeier]
// returns a [Curve]: at each distinct event time t, with n subjects at risk
// (time t or later) and d events at t, S steps down by the factor (n-d)/n.
// A censoring at an event time counts as at risk at it (censorings are taken
// to follow the events of the same time), the usual convention.
//
// # Exactness
//
// The counts are integers, so S is a product of rationals: [Curve.SurvivalExact]
// returns it exactly as a [math/big.Rat]; [Curve.Survival] and [Step.Survival]
// are the float64 nearest it, and [Curve.Median] compares the exact value
// with 1/2. Greenwood's variance and the bands are floating point.
//
// The exact product grows with the number of event times, so KaplanMeier
// does not carry it: it carries the product to 128 bits with a bound on its
// error, which settles the nearest float64 and the comparison with 1/2 in
// all but the rare cases the bound leaves open, where it computes the exact
// product. An estimate costs time in proportion to the number of
// observations (after sorting them); SurvivalExact computes its product
// anew at each call.
//
// # Conventions
//
//   - S(t) is right-continuous: the estimate just after t, including the
//     events at t. After the last observed time S keeps its last value.
//   - Greenwood: Var S(t) = S(t)^2 * sum over event times u <= t of
//     d/(n(n-d)). Where every subject at risk has the event, S is 0 and the
//     standard error is reported as 0.
//   - Bands: pointwise, by the log-log transform ([Curve.Band]): they stay
//     within [0, 1] and are not symmetric about S. The level is a parameter
//     (0.95 for 95%).
//   - Median: the smallest observed time at which S <= 1/2; not reached when
//     S stays above 1/2. (Some software takes the midpoint of the interval
//     where S equals 1/2 exactly; this package does not.)
//   - Numbers at risk at t ([Curve.AtRisk]): the subjects whose time is t or
//     later.
//
// [LogRank] compares the curves of groups ([Split]) with the log-rank test.
//
// Every function returns an error for bad input (a negative, NaN or infinite
// time) and never panics; none modifies what it is passed.
package survival
