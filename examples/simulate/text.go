package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// writers are the report formats, by -format name.
var writers = map[string]func(io.Writer, *result) error{
	"text":     writeText,
	"markdown": writeMarkdown,
	"mermaid":  writeMermaid,
	"gantt":    writeGantt,
}

// printer writes a report, remembering the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// table writes rows of cells, aligned, each line indented.
func (p *printer) table(indent string, rows [][]string) {
	if p.err != nil || len(rows) == 0 {
		return
	}
	tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		if _, p.err = fmt.Fprintln(tw, indent+strings.Join(r, "\t")); p.err != nil {
			return
		}
	}
	p.err = tw.Flush()
}

// writeText writes the report as plain text.
func writeText(w io.Writer, r *result) error {
	p := &printer{w: w}
	tr := r.Trace
	end := tr.End()
	p.f("Replay of the %s\n", r.title())
	if !r.In.Single {
		for _, a := range r.In.Process.Agreements {
			p.f("  %s: %s\n", a.ID, orText(a.Title, "(untitled)"))
		}
	}
	p.f("Timeline %s: %d events, replayed from %s to %s\n", r.Timeline, len(r.events()), stamp(tr.Start()), stamp(end))

	p.f("\nEvents:\n")
	if len(r.events()) == 0 {
		p.f("  none\n")
	}
	for i, ev := range r.events() {
		p.f("  #%d  %s  %s\n", i, stamp(ev.At), eventText(ev))
	}

	p.f("\nState at %s, and since when:\n", stamp(end))
	var rows [][]string
	for _, s := range r.States {
		rows = append(rows, []string{s.Instance.String(), s.State.String(), "since " + sinceText(s.Since)})
	}
	p.table("  ", rows)

	p.f("\nWho is bound at %s (debtor, clause, owed to, since):\n", stamp(end))
	if len(r.Bound) == 0 {
		p.f("  nobody\n")
	}
	rows = nil
	for _, b := range r.Bound {
		rows = append(rows, []string{orDash(string(b.Debtor)), b.Instance.String(), orDash(join(b.Creditors, ", ")),
			"since " + sinceText(b.Since)})
	}
	p.table("  ", rows)

	p.f("\nWhat changed when:\n")
	rows = nil
	for x := range tr.Transitions() {
		rows = append(rows, []string{stamp(x.At), x.Instance.String(), x.From.String() + " -> " + x.To.String(),
			causeText(tr, x.Cause)})
	}
	if len(rows) == 0 {
		p.f("  nothing\n")
	}
	p.table("  ", rows)

	if len(r.Fluents) > 0 {
		p.f("\nFluents at %s:\n", stamp(end))
		for _, f := range r.Fluents {
			p.f("  %s/%s: %s\n", f.Agreement, f.Fluent, holdsText(f.Holds))
		}
	}
	for _, t := range r.Territories {
		p.f("\nTerritory of %s at %s (km² exact, %% rounded to %d places):\n", t.Agreement, stamp(end),
			agreement.PercentPlaces)
		for _, f := range t.Control {
			p.f("  control:     %s\n", f)
		}
		for _, f := range t.Sovereignty {
			p.f("  sovereignty: %s\n", f)
		}
		for _, a := range t.Territory.Areas {
			p.f("  %s (%s km²): control %s; sovereignty %s", a.ID, a.Size, shares(a.Control), shares(a.Sovereignty))
			for _, ar := range a.Arrangements {
				p.f("; %s (option %s)", ar.Kind, ar.Option)
				if ar.Party != "" {
					p.f(" by %s", ar.Party)
				}
			}
			p.f("\n")
		}
	}
	if len(r.Rejections) > 0 {
		p.f("\nEvents that could not change the territory:\n")
		for _, rj := range r.Rejections {
			p.f("  %s: %s\n", rejectionEvent(rj), rj.Err)
		}
	}
	return p.err
}

// events returns the replayed events in order.
func (r *result) events() []agreement.Event {
	var out []agreement.Event
	for _, ev := range r.Trace.Events() {
		out = append(out, ev)
	}
	return out
}

func rejectionEvent(rj scenario.Rejection) string {
	if rj.Event < 0 {
		return string(rj.Agreement) + " entering into force"
	}
	return fmt.Sprintf("event #%d (%s)", rj.Event, rj.Agreement)
}

func shares(ss []agreement.Share) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = string(s.Party) + " " + s.Percent.String() + "%"
	}
	return strings.Join(parts, ", ")
}

func causeText(t *scenario.Trace, c scenario.Cause) string {
	s := c.Kind.String()
	if ev, ok := t.Event(c.Event); ok {
		s += ": #" + fmt.Sprint(c.Event) + " " + eventText(ev)
	}
	if c.By != (scenario.Instance{}) {
		s += " by " + c.By.String()
	}
	return s
}

func eventText(ev agreement.Event) string {
	s := string(ev.Kind)
	if ev.Actor != "" {
		s += " by " + string(ev.Actor)
	}
	if ev.Target != "" {
		s += " against " + string(ev.Target)
	}
	if ev.Area != "" {
		s += " in " + string(ev.Area)
	}
	if ev.Clause != (agreement.Ref{}) {
		s += " of " + ev.Clause.String()
	}
	for _, q := range ev.Quantities {
		s += ", " + q.String()
	}
	if ev.Outcome != "" {
		s += fmt.Sprintf(", outcome %q", ev.Outcome)
	}
	if ev.Reporter != "" {
		s += ", reported by " + string(ev.Reporter)
	}
	if ev.Attribution != agreement.AttributionUnspecified {
		s += " (" + ev.Attribution.String() + ")"
	}
	return s
}

func sinceText(t time.Time) string {
	if t.IsZero() {
		return "the start"
	}
	return stamp(t)
}

func holdsText(b bool) string {
	if b {
		return "holds"
	}
	return "does not hold"
}

// stamp writes an instant as a date when it is midnight UTC, else in RFC
// 3339.
func stamp(t time.Time) string {
	t = t.UTC()
	if t.Equal(t.Truncate(agreement.Day)) {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

func join[T any](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, sep)
}

func orDash(s string) string { return orText(s, "-") }

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
