//go:build race

package scenario_test

// raceDetector is set when the tests run under the race detector, which
// slows code and makes it allocate.
const raceDetector = true
