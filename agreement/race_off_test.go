//go:build !race

package agreement_test

// raceDetector is set when the tests run under the race detector, which
// slows code by 5 to 20 times.
const raceDetector = false
