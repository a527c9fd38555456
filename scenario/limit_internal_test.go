package scenario

import (
	"math"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"pgregory.net/rapid"
)

// TestPropertyLimitAfterIsLimit checks that the hot path's exact-duration
// limit is the calendar's: for any anchor in range and any exact duration,
// limitAfter and limit give the same instant (never beyond the range), and
// that a limit other than an exact duration goes to limit.
func TestPropertyLimitAfterIsLimit(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		anchor := rapid.OneOf(rapid.Int64Range(math.MinInt64+1, lastNanos),
			rapid.Int64Range(lastNanos-int64(1000*time.Hour), lastNanos)).Draw(t, "anchor")
		d := agreement.Deadline{After: time.Duration(rapid.Int64Range(1, math.MaxInt64).Draw(t, "after"))}
		if rapid.Bool().Draw(t, "short") {
			d.After = time.Duration(rapid.Int64Range(1, int64(1000*time.Hour)).Draw(t, "short after"))
		}
		exact := exactLength(d)
		if exact != int64(d.After) {
			t.Fatalf("exactLength(%v) = %d", d, exact)
		}
		if got, want := limitAfter(exact, d, anchor, time.UTC), limit(d, anchor, time.UTC); got != want {
			t.Fatalf("anchor %d, after %d: limitAfter %d, limit %d", anchor, d.After, got, want)
		}
		for _, o := range []agreement.Deadline{
			{After: d.After, Round: agreement.RoundEndOfDay},
			{Period: agreement.Period{Days: 3}},
			{After: d.After, From: agreement.Holds("f")},
		} {
			if exactLength(o) != -1 {
				t.Fatalf("exactLength(%v) is a length", o)
			}
		}
	})
}
