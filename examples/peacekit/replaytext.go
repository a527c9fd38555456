package main

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/scenario"
)

// writers are the report formats, by -format name.
var writers = map[string]func(io.Writer, *result) error{
	"text":     writeText,
	"markdown": writeMarkdown,
	"mermaid":  writeMermaid,
	"gantt":    writeGantt,
}

// writeText writes the report as plain text.
func writeText(w io.Writer, r *result) error {
	p := markup.NewWriter(w)
	tr := r.Trace
	end := tr.End()
	p.Printf("Replay of the %s\n", r.title())
	if !r.In.Single {
		for _, a := range r.In.Process.Agreements {
			p.Printf("  %s: %s\n", a.ID, cmp.Or(a.Title, "(untitled)"))
		}
	}
	p.Printf("Timeline %s: %d events, replayed from %s to %s\n", r.Timeline, len(r.events()), agreement.FormatInstant(tr.Start()), agreement.FormatInstant(end))

	p.Printf("\nEvents:\n")
	if len(r.events()) == 0 {
		p.Printf("  none\n")
	}
	for i, ev := range r.events() {
		p.Printf("  #%d  %s  %s\n", i, agreement.FormatInstant(ev.At), ev.String())
	}

	p.Printf("\nState at %s, and since when:\n", agreement.FormatInstant(end))
	var rows [][]string
	for _, s := range r.States {
		rows = append(rows, []string{s.Instance.String(), s.State.String(), "since " + sinceText(s.Since)})
	}
	p.Columns("  ", rows)

	p.Printf("\nWho is bound at %s (debtor, clause, owed to, since):\n", agreement.FormatInstant(end))
	if len(r.Bound) == 0 {
		p.Printf("  nobody\n")
	}
	rows = nil
	for _, b := range r.Bound {
		rows = append(rows, []string{cmp.Or(string(b.Debtor), "-"), b.Instance.String(), partyList(b.Creditors),
			"since " + sinceText(b.Since)})
	}
	p.Columns("  ", rows)

	p.Printf("\nWhat changed when:\n")
	rows = nil
	for x := range tr.Transitions() {
		rows = append(rows, []string{agreement.FormatInstant(x.At), x.Instance.String(), x.From.String() + " -> " + x.To.String(),
			tr.DescribeCause(x.Cause)})
	}
	if len(rows) == 0 {
		p.Printf("  nothing\n")
	}
	p.Columns("  ", rows)

	if len(r.Fluents) > 0 {
		p.Printf("\nFluents at %s:\n", agreement.FormatInstant(end))
		for _, f := range r.Fluents {
			p.Printf("  %s/%s: %s\n", f.Agreement, f.Fluent, holdsText[f.Holds])
		}
	}
	for _, t := range r.Territories {
		p.Printf("\nTerritory of %s at %s (km² exact, %% rounded to %d places):\n", t.Agreement, agreement.FormatInstant(end),
			agreement.PercentPlaces)
		for _, f := range t.Control {
			p.Printf("  control:     %s\n", f)
		}
		for _, f := range t.Sovereignty {
			p.Printf("  sovereignty: %s\n", f)
		}
		for _, a := range t.Territory.Areas {
			p.Printf("  %s (%s km²): control %s; sovereignty %s", a.ID, a.Size, shares(a.Control), shares(a.Sovereignty))
			for _, ar := range a.Arrangements {
				p.Printf("; %s (option %s)", ar.Kind, ar.Option)
				if ar.Party != "" {
					p.Printf(" by %s", ar.Party)
				}
			}
			p.Printf("\n")
		}
	}
	if len(r.Rejections) > 0 {
		p.Printf("\nEvents that could not change the territory:\n")
		for _, rj := range r.Rejections {
			p.Printf("  %s: %s\n", rejectionEvent(rj), rj.Err)
		}
	}
	return p.Err()
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

// sinceText writes the instant a state was entered, "the start" for the
// zero instant (a state held from before the first evaluation).
func sinceText(t time.Time) string { return cmp.Or(agreement.FormatInstant(t), "the start") }

// holdsText says whether a fluent holds.
var holdsText = map[bool]string{true: "holds", false: "does not hold"}

// partyList lists party ids, comma-separated, "-" for none.
func partyList(ps []agreement.PartyID) string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = string(p)
	}
	return cmp.Or(strings.Join(ids, ", "), "-")
}
