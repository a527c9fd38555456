package main

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
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
	p := &printer{w: w}
	tr := r.Trace
	// Dates alone when every instant is a midnight (UTC); otherwise Unix
	// milliseconds, bars ending after a duration in milliseconds.
	daily := midnight(tr.Start()) && midnight(tr.End())
	for _, iv := range r.Intervals {
		for _, x := range iv {
			daily = daily && midnight(x.From) && midnight(x.To)
		}
	}
	p.f("gantt\n")
	p.f("  title %s\n", mmText("Replay of the "+r.title()+", "+tr.Start().Format(time.DateOnly)+" to "+
		tr.End().Format(time.DateOnly)))
	if daily {
		p.f("  dateFormat YYYY-MM-DD\n")
	} else {
		p.f("  dateFormat x\n")
	}
	p.f("  axisFormat %%Y-%%m-%%d\n")
	section := agreement.AgreementID("")
	for k, s := range r.States {
		if s.Instance.Ref.Agreement != section || k == 0 {
			section = s.Instance.Ref.Agreement
			p.f("  section %s\n", mmText(string(section)))
		}
		name := "agreement"
		if !s.Instance.IsAgreement() {
			name = string(s.Instance.Ref.Clause)
			if s.Instance.Debtor != "" {
				name += " (" + string(s.Instance.Debtor) + ")"
			}
		}
		for _, x := range r.Intervals[k] {
			p.f("  %s :", mmText(name+" "+x.State.String()))
			switch x.State {
			case agreement.StateInEffect, agreement.StateInForce:
				p.f("active, ")
			case agreement.StateFulfilled:
				p.f("done, ")
			case agreement.StateViolated:
				p.f("crit, ")
			}
			if daily {
				p.f("%s, %s\n", x.From.UTC().Format(time.DateOnly), x.To.UTC().Format(time.DateOnly))
			} else {
				p.f("%s, %sms\n", strconv.FormatInt(x.From.UnixMilli(), 10),
					strconv.FormatInt(x.To.Sub(x.From).Milliseconds(), 10))
			}
		}
	}
	return p.err
}

func midnight(t time.Time) bool { return t.Equal(t.Truncate(agreement.Day)) }

// mmText makes s safe as a Gantt title, section or task name: the
// characters the Gantt syntax gives a meaning (':' ends a task name, ';'
// and '#' start entities and comments, '%' starts a directive) become
// spaces, as do line breaks.
func mmText(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ':', ';', '#', '%', '\n', '\r':
			return ' '
		}
		return r
	}, s)
}
