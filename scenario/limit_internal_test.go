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

// TestPropertyLimitUTCIsTheCalendar checks the arithmetic shortcut of limit
// against the calendar: for anchors across the range (and near its ends),
// periods of weeks, days and an exact duration (negative ones included,
// and lengths past the shortcut's bounds), every rounding and the zones
// UTC, nil and one that is not UTC, limitUTC, when it answers, answers as
// agreement.Deadline.Instant does; and it answers for the ordinary limits
// it is for.
func TestPropertyLimitUTCIsTheCalendar(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		anchor := rapid.OneOf(rapid.Int64Range(math.MinInt64+1, lastNanos),
			rapid.Int64Range(-int64(100*365*24*time.Hour), int64(200*365*24*time.Hour)),
			rapid.Int64Range(lastNanos-int64(1000*time.Hour), lastNanos),
			rapid.Int64Range(math.MinInt64+1, math.MinInt64+int64(1000*time.Hour)),
			rapid.Int64Range(1<<62-int64(1000*time.Hour), 1<<62+int64(1000*time.Hour)),
			rapid.Int64Range(-1<<62-int64(1000*time.Hour), -1<<62+int64(1000*time.Hour))).Draw(t, "anchor")
		days := rapid.OneOf(rapid.IntRange(-400, 400), rapid.IntRange(-200_000, 200_000),
			rapid.IntRange(49_000, 51_000), rapid.IntRange(-51_000, -49_000), rapid.IntRange(7_000, 7_300))
		d := agreement.Deadline{
			Period: agreement.Period{Weeks: days.Draw(t, "weeks"), Days: days.Draw(t, "days"),
				Exact: time.Duration(rapid.OneOf(rapid.Int64Range(-int64(48*time.Hour), int64(48*time.Hour)),
					rapid.Int64(), rapid.Int64Range(1<<57-int64(48*time.Hour), 1<<57+int64(48*time.Hour)),
					rapid.Int64Range(-1<<57-int64(48*time.Hour), -1<<57+int64(48*time.Hour))).Draw(t, "exact"))},
			Round: rapid.SampledFrom([]agreement.Rounding{agreement.RoundNone, agreement.RoundStartOfDay,
				agreement.RoundEndOfDay}).Draw(t, "round"),
		}
		loc := rapid.SampledFrom([]*time.Location{time.UTC, nil, berlin}).Draw(t, "zone")
		want := nanos(d.Instant(time.Unix(0, anchor), loc))
		got, ok := limitUTC(d, anchor, loc)
		if ok && got != want {
			t.Fatalf("%v from %d in %v: %d, the calendar %d", d, anchor, loc, got, want)
		}
		ordinary := loc != berlin && anchor > -int64(100*365*24*time.Hour) && anchor < int64(140*365*24*time.Hour) &&
			d.Period.Weeks > -400 && d.Period.Weeks < 400 && d.Period.Days > -400 && d.Period.Days < 400 &&
			d.Period.Exact > -48*time.Hour && d.Period.Exact < 48*time.Hour
		if ordinary && !ok {
			t.Fatalf("%v from %d in %v: no answer", d, anchor, loc)
		}
		if limit(d, anchor, loc) != want {
			t.Fatalf("%v from %d in %v: limit %d, the calendar %d", d, anchor, loc, limit(d, anchor, loc), want)
		}
	})
}
