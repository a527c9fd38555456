package export

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/scenario"
)

// Formats of the Gantt chart: Go's layout, and the same in Mermaid's
// dateFormat (dayjs) and axisFormat (d3).
const (
	ganttLayout = "2006-01-02 15:04"
	ganttDate   = "YYYY-MM-DD HH:mm"
	ganttAxis   = "%Y-%m-%d %H:%M"
)

// eventsSection is the name of the section of the timeline's events; it
// has a space, which no agreement id has.
const eventsSection = "timeline events"

// Gantt writes trace t to w as a Mermaid Gantt chart: a section per
// agreement with a row for the agreement and one for each of its clause
// instances, each bar a state held, tagged by state, and a section of the
// timeline's events as milestones (see Gantt in the package doc). It returns
// an error for a nil or zero trace, writing nothing then, and the first
// error from w. It is safe for concurrent use with distinct writers and
// never panics.
func Gantt(w io.Writer, t *scenario.Trace) error {
	if !usable(t) {
		return errNoTrace
	}
	x := exporter{t: t, loc: t.Location()}
	hs, err := x.histories()
	if err != nil {
		return err
	}
	// The wall clock of the trace's zone, to the minute, as a UTC instant
	// for comparisons: what the chart shows.
	minute := func(at time.Time) time.Time {
		y, mo, d := at.In(x.loc).Date()
		h, mi, _ := at.In(x.loc).Clock()
		return time.Date(y, mo, d, h, mi, 0, 0, time.UTC)
	}
	horizon := minute(t.End()).Add(time.Minute)

	p := markup.NewWriter(w)
	p.Line("---")
	p.Line("displayMode: compact")
	p.Line("---")
	p.Line("gantt")
	var names []string
	for _, a := range t.Engine().Agreements() {
		names = append(names, string(a))
	}
	p.Printf("  title %s\n", markup.GanttText("Replay of "+strings.Join(names, ", ")+", "+
		t.Start().In(x.loc).Format(time.DateOnly)+" to "+t.End().In(x.loc).Format(time.DateOnly)+
		", times in "+x.loc.String()))
	p.Printf("  dateFormat %s\n", ganttDate)
	p.Printf("  axisFormat %s\n", ganttAxis)
	p.Line("  todayMarker off")
	section, first := agreement.AgreementID(""), true
	for _, h := range hs {
		if a := h.Instance.Ref.Agreement; first || a != section {
			section, first = a, false
			p.Printf("  section %s\n", markup.GanttText(string(a)))
		}
		name := "the agreement"
		if !h.Instance.IsAgreement() {
			name = string(h.Instance.Ref.Clause)
			if h.Instance.Debtor != "" {
				name += " (" + string(h.Instance.Debtor) + ")"
			}
		}
		// cursor is where the row's last bar ends: a wall clock turned
		// back (at the end of summer time) never makes bars overlap.
		var cursor time.Time
		for _, iv := range h.Intervals {
			from, until := minute(iv.From), horizon
			if !iv.Until.IsZero() {
				until = minute(iv.Until)
			}
			if from.Before(cursor) {
				from = cursor
			}
			if !until.After(from) {
				continue // held less than a minute of the chart
			}
			cursor = until
			p.Printf("  %s :%s%s, %s\n", markup.GanttText(iv.State.String()+" "+name), tags(iv.State),
				from.Format(ganttLayout), until.Format(ganttLayout))
		}
	}
	if n := countEvents(t); n > 0 {
		p.Printf("  section %s\n", eventsSection)
		for i, ev := range t.Events() {
			p.Printf("  %s :milestone, %s, 0m\n", markup.GanttText("event "+strconv.Itoa(i)+" "+ev.String()),
				minute(ev.At).Format(ganttLayout))
		}
	}
	return p.Err()
}

// countEvents returns the number of events of t.
func countEvents(t *scenario.Trace) int {
	n := 0
	for range t.Events() {
		n++
	}
	return n
}

// tags returns the Mermaid task tags of a bar in state s, each followed by
// ", " (see Gantt in the package doc).
func tags(s agreement.State) string {
	switch s {
	case agreement.StateInEffect, agreement.StateInForce:
		return "active, "
	case agreement.StateSuspended:
		return "active, crit, "
	case agreement.StateFulfilled, agreement.StateDischarged:
		return "done, "
	case agreement.StateViolated, agreement.StateLapsed:
		return "crit, "
	case agreement.StateTerminated:
		return "done, crit, "
	}
	return ""
}
