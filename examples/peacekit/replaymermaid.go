package main

import (
	"io"
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
)

// writeMermaid writes the replay as one Mermaid diagram: the sequence
// diagram of scenario.Trace.Mermaid, every transition as an arrow from its
// cause.
func writeMermaid(w io.Writer, r *result) error { return r.Trace.Mermaid(w) }

// writeGantt writes the replay as one Mermaid Gantt chart: a section per
// agreement, and for the agreement and each of its clause instances a bar
// per state it went through. States in effect (an agreement in force, a
// clause in effect) are drawn as active, fulfilled ones as done and
// violated ones as critical.
//
// It shows what the sequence diagram of writeMermaid does not: what is in
// effect when. The chart is this program's own.
func writeGantt(w io.Writer, r *result) error {
	p := markup.NewWriter(w)
	tr := r.Trace
	// Dates alone, in the agreement's zone, when every instant is a local
	// midnight; otherwise Unix milliseconds, bars ending after a duration in
	// milliseconds.
	loc := tr.Location()
	midnight := func(t time.Time) bool {
		h, m, s := t.In(loc).Clock()
		return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
	}
	daily := midnight(tr.Start()) && midnight(tr.End())
	for _, iv := range r.Intervals {
		for _, x := range iv {
			daily = daily && midnight(x.From) && midnight(x.To)
		}
	}
	p.Printf("gantt\n")
	p.Printf("  title %s\n", markup.GanttText("Replay of the "+r.title()+", "+tr.Start().In(loc).Format(time.DateOnly)+" to "+
		tr.End().In(loc).Format(time.DateOnly)))
	if daily {
		p.Printf("  dateFormat YYYY-MM-DD\n")
	} else {
		p.Printf("  dateFormat x\n")
	}
	p.Printf("  axisFormat %%Y-%%m-%%d\n")
	section := agreement.AgreementID("")
	for k, s := range r.States {
		if s.Instance.Ref.Agreement != section || k == 0 {
			section = s.Instance.Ref.Agreement
			p.Printf("  section %s\n", markup.GanttText(string(section)))
		}
		name := "agreement"
		if !s.Instance.IsAgreement() {
			name = string(s.Instance.Ref.Clause)
			if s.Instance.Debtor != "" {
				name += " (" + string(s.Instance.Debtor) + ")"
			}
		}
		for _, x := range r.Intervals[k] {
			p.Printf("  %s :", markup.GanttText(name+" "+x.State.String()))
			switch x.State {
			case agreement.StateInEffect, agreement.StateInForce:
				p.Printf("active, ")
			case agreement.StateFulfilled:
				p.Printf("done, ")
			case agreement.StateViolated, agreement.StateLapsed:
				p.Printf("crit, ")
			}
			if daily {
				p.Printf("%s, %s\n", x.From.In(loc).Format(time.DateOnly), x.To.In(loc).Format(time.DateOnly))
			} else {
				p.Printf("%s, %sms\n", strconv.FormatInt(x.From.UnixMilli(), 10),
					strconv.FormatInt(x.To.Sub(x.From).Milliseconds(), 10))
			}
		}
	}
	return p.Err()
}
