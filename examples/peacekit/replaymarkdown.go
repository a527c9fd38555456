package main

import (
	"cmp"
	"io"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	agreementreport "github.com/peacekit/peacekit/agreement/report"
)

// writeMarkdown writes the report as Markdown an analyst can paste: the
// trace as scenario.Trace.Markdown writes it (the events and every
// transition with its cause), then the state of everything at the end,
// who is bound, the fluents and the territory as tables, then each
// agreement as agreement.Agreement.Markdown writes it.
func writeMarkdown(w io.Writer, r *result) error {
	p := markup.NewWriter(w)
	tr := r.Trace
	end := tr.End()
	if err := tr.Markdown(w); err != nil {
		return err
	}
	p.Printf("\nReplay of the %s with the timeline `%s`.\n", markup.Markdown(r.title()), r.Timeline)
	p.Printf("\n## State at %s\n\n", agreement.FormatInstant(end))
	var rows [][]string
	for _, s := range r.States {
		rows = append(rows, []string{s.Instance.String(), s.State.String(), sinceText(s.Since)})
	}
	mdTable(p, []string{"Agreement or clause", "State", "Since"}, rows, "Nothing to report.")

	p.Printf("\n## Who is bound at %s\n\n", agreement.FormatInstant(end))
	rows = nil
	for _, b := range r.Bound {
		rows = append(rows, []string{cmp.Or(string(b.Debtor), "-"), b.Instance.String(), partyList(b.Creditors),
			sinceText(b.Since)})
	}
	mdTable(p, []string{"Debtor", "Clause", "Owed to", "Since"}, rows, "Nobody.")

	if len(r.Fluents) > 0 {
		p.Printf("\n## Fluents at %s\n\n", agreement.FormatInstant(end))
		rows = nil
		for _, f := range r.Fluents {
			rows = append(rows, []string{string(f.Agreement) + "/" + string(f.Fluent), holdsText[f.Holds]})
		}
		mdTable(p, []string{"Fluent", "Value"}, rows, "")
	}
	for _, t := range r.Territories {
		p.Printf("\n## Territory of %s at %s\n\n", t.Agreement, agreement.FormatInstant(end))
		rows = nil
		for _, f := range t.Control {
			rows = append(rows, []string{"control", string(f.Party), f.Km2.String(), f.Total.String(),
				f.Percent.StringFixed(agreement.PercentPlaces)})
		}
		for _, f := range t.Sovereignty {
			rows = append(rows, []string{"sovereignty", string(f.Party), f.Km2.String(), f.Total.String(),
				f.Percent.StringFixed(agreement.PercentPlaces)})
		}
		mdTable(p, []string{"Holding", "Party", "km²", "of km²", "%"}, rows, "")
		p.Printf("\n")
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
		mdTable(p, []string{"Area", "km²", "Control", "Sovereignty", "Arrangements"}, rows, "")
	}
	if len(r.Rejections) > 0 {
		p.Printf("\n## Events that could not change the territory\n\n")
		rows = nil
		for _, rj := range r.Rejections {
			rows = append(rows, []string{rejectionEvent(rj), rj.Err.Error()})
		}
		mdTable(p, []string{"Event", "Why"}, rows, "")
	}
	for _, a := range r.In.Process.Agreements {
		p.Printf("\n---\n\n")
		if p.Err() != nil {
			break
		}
		if err := agreementreport.Markdown(w, a); err != nil {
			return err
		}
	}
	return p.Err()
}

// mdTable writes a Markdown table of plain-text cells, escaped with
// markup.Markdown, or the text empty (if any) when there are no rows.
func mdTable(p *markup.Writer, head []string, rows [][]string, empty string) {
	if len(rows) == 0 {
		if empty != "" {
			p.Line(empty)
		}
		return
	}
	esc := func(cells []string) []string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = markup.Markdown(c)
		}
		return out
	}
	var cells [][]string
	for _, r := range rows {
		cells = append(cells, esc(r))
	}
	p.Table(esc(head), cells)
}
