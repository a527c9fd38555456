package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// benchCalendar returns benchAgreement(n, 0) with its limits in days: each
// deadline or expiry of h hours becomes h days, as exact 24-hour days
// (calendar false) or as local days in Europe/Kyiv ending at local midnight
// (calendar true), and every tenth obligation a duty recurring every h days.
func benchCalendar(n int, calendar bool) agreement.Agreement {
	a := benchAgreement(n, 0)
	if calendar {
		a.Zone = "Europe/Kyiv"
	}
	limit := func(d agreement.Deadline) agreement.Deadline {
		if d.After == 0 {
			return d
		}
		days := int(d.After / time.Hour)
		if calendar {
			return agreement.Deadline{Period: agreement.Period{Days: days}, Round: agreement.RoundEndOfDay}
		}
		return agreement.Deadline{After: time.Duration(days) * agreement.Day}
	}
	for i := range a.Clauses {
		c := &a.Clauses[i]
		c.Deadline, c.Expiry = limit(c.Deadline), limit(c.Expiry)
		if i%10 == 1 && c.Kind == agreement.DeonticObligation {
			every := agreement.Period{Exact: 2 * agreement.Day}
			if calendar {
				every = agreement.Period{Days: 2}
			}
			c.Recurs = agreement.Recurrence{Every: every}
		}
	}
	return a
}

// BenchmarkReplayCalendar replays 1e4 events over 100 clauses whose limits
// are exact days, and over the same clauses with local days (periods, end
// of day, a zone with daylight saving) and recurring duties in local days:
// the ratio of the two is the cost of calendar arithmetic.
func BenchmarkReplayCalendar(b *testing.B) {
	evs := benchEvents(10_000)
	tl := scenario.NewTimeline(benchStart, evs...)
	end := evs[len(evs)-1].At.Add(24 * time.Hour)
	for _, calendar := range []bool{false, true} {
		e, err := scenario.Compile(benchCalendar(100, calendar))
		if err != nil {
			b.Fatal(err)
		}
		name := "exact"
		if calendar {
			name = "local"
		}
		b.Run(fmt.Sprintf("days=%s", name), func(b *testing.B) {
			b.ReportAllocs()
			transitions := 0
			for b.Loop() {
				tr, err := e.Replay(tl, end)
				if err != nil {
					b.Fatal(err)
				}
				transitions = 0
				for range tr.Transitions() {
					transitions++
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(evs)), "ns/event")
			b.ReportMetric(float64(transitions), "transitions")
		})
	}
}
