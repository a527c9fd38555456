package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// BenchmarkReplayAmended replays 10,000 events over 100 clauses, with no
// amendment, with one halfway that changes nothing, and with one halfway
// that lengthens every deadline: an amendment costs a compilation of the
// new text and a pass over the events so far, once.
func BenchmarkReplayAmended(b *testing.B) {
	const n = 10_000
	a := benchAgreement(100, 0)
	e, err := scenario.Compile(a)
	if err != nil {
		b.Fatal(err)
	}
	evs := benchEvents(n)
	end := evs[n-1].At.Add(24 * time.Hour)
	mid := evs[n/2].At.Add(-time.Minute)
	longer := a.Clone()
	for i := range longer.Clauses {
		if !longer.Clauses[i].Deadline.IsZero() {
			longer.Clauses[i].Deadline.After += time.Hour
		}
	}
	for _, tc := range []struct {
		name string
		am   []agreement.Amendment
	}{
		{"none", nil},
		{"unchanged", []agreement.Amendment{{At: mid, Text: a}}},
		{"deadlines", []agreement.Amendment{{At: mid, Text: longer}}},
	} {
		tl := scenario.NewTimeline(benchStart, evs...).WithAmendments(tc.am...)
		b.Run(fmt.Sprintf("amendment=%s", tc.name), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Replay(tl, end); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/event")
		})
	}
}
