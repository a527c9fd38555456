package main

import (
	"io"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	agreementreport "github.com/peacekit/peacekit/agreement/report"
)

// writeMarkdown writes the report as Markdown an analyst can paste: the
// trace as scenario.Trace.Markdown writes it (the events and every
// transition with its cause), then the state of everything at the end,
// who is bound, the fluents and the territory as tables, then each
// agreement as agreement.Agreement.Markdown writes it.
func writeMarkdown(w io.Writer, r *result) error {
	p := &printer{w: w}
	tr := r.Trace
	end := tr.End()
	if err := tr.Markdown(w); err != nil {
		return err
	}
	p.f("\nReplay of the %s with the timeline `%s`.\n", mdText(r.title()), r.Timeline)
	p.f("\n## State at %s\n\n", stamp(end))
	var rows [][]string
	for _, s := range r.States {
		rows = append(rows, []string{s.Instance.String(), s.State.String(), sinceText(s.Since)})
	}
	p.mdTable([]string{"Agreement or clause", "State", "Since"}, rows, "Nothing to report.")

	p.f("\n## Who is bound at %s\n\n", stamp(end))
	rows = nil
	for _, b := range r.Bound {
		rows = append(rows, []string{orDash(string(b.Debtor)), b.Instance.String(), orDash(join(b.Creditors, ", ")),
			sinceText(b.Since)})
	}
	p.mdTable([]string{"Debtor", "Clause", "Owed to", "Since"}, rows, "Nobody.")

	if len(r.Fluents) > 0 {
		p.f("\n## Fluents at %s\n\n", stamp(end))
		rows = nil
		for _, f := range r.Fluents {
			rows = append(rows, []string{string(f.Agreement) + "/" + string(f.Fluent), holdsText(f.Holds)})
		}
		p.mdTable([]string{"Fluent", "Value"}, rows, "")
	}
	for _, t := range r.Territories {
		p.f("\n## Territory of %s at %s\n\n", t.Agreement, stamp(end))
		rows = nil
		for _, f := range t.Control {
			rows = append(rows, []string{"control", string(f.Party), f.Km2.String(), f.Total.String(),
				f.Percent.StringFixed(agreement.PercentPlaces)})
		}
		for _, f := range t.Sovereignty {
			rows = append(rows, []string{"sovereignty", string(f.Party), f.Km2.String(), f.Total.String(),
				f.Percent.StringFixed(agreement.PercentPlaces)})
		}
		p.mdTable([]string{"Holding", "Party", "km²", "of km²", "%"}, rows, "")
		p.f("\n")
		rows = nil
		for _, a := range t.Territory.Areas {
			var arr []string
			for _, ar := range a.Arrangements {
				s := ar.Kind.String() + " (option " + string(ar.Option) + ")"
				if ar.Party != "" {
					s += " by " + string(ar.Party)
				}
				arr = append(arr, s)
			}
			rows = append(rows, []string{string(a.ID), a.Size.String(), shares(a.Control), shares(a.Sovereignty),
				strings.Join(arr, "; ")})
		}
		p.mdTable([]string{"Area", "km²", "Control", "Sovereignty", "Arrangements"}, rows, "")
	}
	if len(r.Rejections) > 0 {
		p.f("\n## Events that could not change the territory\n\n")
		rows = nil
		for _, rj := range r.Rejections {
			rows = append(rows, []string{rejectionEvent(rj), rj.Err.Error()})
		}
		p.mdTable([]string{"Event", "Why"}, rows, "")
	}
	for _, a := range r.In.Process.Agreements {
		p.f("\n---\n\n")
		if p.err == nil {
			p.err = agreementreport.Markdown(w, a)
		}
	}
	return p.err
}

// mdTable writes a Markdown table, or empty when there are no rows.
func (p *printer) mdTable(head []string, rows [][]string, empty string) {
	if len(rows) == 0 {
		if empty != "" {
			p.f("%s\n", empty)
		}
		return
	}
	line := func(cells []string) {
		esc := make([]string, len(cells))
		for i, c := range cells {
			esc[i] = mdText(c)
		}
		p.f("| %s |\n", strings.Join(esc, " | "))
	}
	line(head)
	sep := make([]string, len(head))
	for i := range sep {
		sep[i] = "---"
	}
	p.f("|%s|\n", strings.Join(sep, "|"))
	for _, r := range rows {
		line(r)
	}
}

// mdText escapes s for a Markdown table cell or heading: the characters
// that would end a cell or start emphasis, code or HTML are
// backslash-escaped, and line breaks become spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '|', '*', '`', '<', '>':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
