//go:build race

package montecarlo_test

// raceDetector is set when the tests run under the race detector, which
// slows code ten times: the statistical tests then use their short seed
// counts.
const raceDetector = true
