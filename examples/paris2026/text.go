package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/revision"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/scenario"
)

// WriteText writes the report as plain text.
func (r *Report) WriteText(w io.Writer) error {
	p := markup.NewWriter(w)
	m := r.Model
	final := len(m.Versions) - 1
	fp := r.Processes[final]
	fv := m.Versions[final]

	p.Printf("The Paris meeting of the Coalition of the Willing, %s, modelled with peacekit\n", agreement.FormatInstant(m.Start))
	p.Printf("Source: \"%s\" (london-news-net).\n", articleTitle)
	p.Printf("Every state, instant, figure and list below is computed by packages agreement, coalition,\n")
	p.Printf("scenario and negotiation from the model (model.go, bargain.go); only labels and quotations are\n")
	p.Printf("typed in. The negotiation positions of section 9 are illustrative assumptions, not the article's.\n")

	p.Printf("\n1. Parties and roles (the %s's process)\n\n", fv.Name)
	head := []string{"party", "name", "kind"}
	for _, a := range fp.Agreements {
		head = append(head, string(a.ID))
	}
	rows := [][]string{head}
	// Every party of the coalition, then those only the instruments name.
	parties := slices.Clone(fv.Coalition.Parties)
	for _, a := range fp.Agreements {
		for _, party := range a.Parties {
			if !slices.ContainsFunc(parties, func(q agreement.Party) bool { return q.ID == party.ID }) {
				parties = append(parties, party)
			}
		}
	}
	for _, party := range parties {
		row := []string{string(party.ID), party.Name, orDash(party.Kind.String())}
		for _, a := range fp.Agreements {
			pa, ok := a.Party(party.ID)
			switch {
			case !ok:
				row = append(row, "-")
			case len(pa.Roles) == 0:
				row = append(row, "(no role)")
			default:
				row = append(row, join(pa.Roles, ", "))
			}
		}
		rows = append(rows, row)
	}
	p.Columns("  ", rows)
	p.Printf("\n  Party groups:\n")
	for _, a := range fp.Agreements {
		for _, g := range a.Groups {
			p.Printf("    %s/%s \"%s\": %s\n", a.ID, g.ID, g.Name, join(g.Members, ", "))
		}
	}

	p.Printf("\n2. Instruments of the process (%s)\n", fv.Name)
	for _, a := range fp.Agreements {
		p.Printf("\n  %s: \"%s\"", a.ID, a.Title)
		if !a.Date.IsZero() {
			p.Printf(", %s", agreement.FormatInstant(a.Date))
		}
		p.Printf("\n")
		if a.Stage != "" {
			p.Printf("    PA-X stage: %s / %s\n", a.Stage.Label(), a.SubStage.Label())
		}
		p.Printf("    signing status: %s\n", orText(a.SigningStatus.PAXLabel(), "not signed"))
		if len(a.Signatures) > 0 {
			var who []string
			for _, s := range a.Signatures {
				x := string(s.Party)
				if s.Signatory != "" {
					x += " (" + s.Signatory + ", " + s.Capacity + ")"
				}
				who = append(who, x)
			}
			p.Printf("    signed by: %s\n", strings.Join(who, "; "))
		}
		var ids []string
		for _, c := range a.Clauses {
			ids = append(ids, string(c.ID))
		}
		p.Printf("    clauses: %s\n", orText(strings.Join(ids, ", "), "none"))
		if !a.Territory.IsZero() {
			size, _ := a.Territory.Size()
			p.Printf("    territory: %d areas, %s km²\n", len(a.Territory.Areas), size)
		}
	}

	p.Printf("\n3. The coalition (%s)\n\n", fv.Name)
	c := fv.Coalition
	var members []string
	for _, mb := range c.Members {
		members = append(members, string(mb.Party)+" ("+mb.Standing.String()+")")
	}
	p.Printf("  %s (%s), host %s: %s\n", c.Name, c.Party, c.Host, strings.Join(members, ", "))
	p.Printf("  Functions:\n")
	for _, f := range c.Functions {
		p.Printf("    %s, \"%s\": led by %s\n", f.ID, f.Name, orText(join(f.Leads, ", "), "nobody"))
		for _, ct := range c.Contributions {
			if ct.Function != f.ID {
				continue
			}
			p.Printf("      %s by %s", ct.ID, ct.Contributor)
			if ct.Basing.Kind != coalition.BasingUnspecified {
				p.Printf(", based %s", ct.Basing.Kind)
			}
			for _, q := range ct.Quantities {
				p.Printf(", %s", q)
			}
			p.Printf(" (%s)\n", ct.Force)
		}
	}
	for _, cell := range c.Cells {
		p.Printf("  Coordination cell in %s: %s\n", cell.Location, join(cell.Participants, ", "))
	}
	for _, d := range c.Declarations {
		p.Printf("  Declaration \"%s\" (%s): signed by %s\n", d.Title, d.Force, join(c.Signatories(d), ", "))
	}
	for _, mt := range c.Meetings {
		p.Printf("  Meeting in %s, %s: %d countries attending, %d at leader level\n", mt.Location, agreement.FormatInstant(mt.Date),
			mt.Attending(), mt.AtLevel(coalition.Leader))
	}
	for _, t := range c.TotalsByFunction() {
		p.Printf("  Total for %s: %s (contributions counted: %d)\n", t.Function, t.Amount, t.Contributions)
	}
	for _, t := range c.TotalsByBasing() {
		p.Printf("  Total based %s: %s (contributions counted: %d)\n", t.Basing, t.Amount, t.Contributions)
	}
	for _, g := range c.Gaps() {
		p.Printf("  Gap: %s\n", g)
	}
	p.Printf("  Backstop (applies only after a new attack):\n")
	for _, v := range m.Versions {
		var bs []string
		for _, ct := range v.Coalition.Backstop() {
			bs = append(bs, string(ct.ID)+" ("+string(ct.Contributor)+")")
		}
		p.Printf("    %s: %s\n", v.Name, orText(strings.Join(bs, ", "), "none"))
	}

	p.Printf("\n4. The guarantees and their conditions (%s)\n", fv.Name)
	for _, a := range fp.Agreements {
		for _, cl := range a.Clauses {
			writeClause(p, a.ID, cl, "  ")
		}
	}

	p.Printf("\n5. What the %s had that the %s lacks\n", m.Versions[0].Name, fv.Name)
	p.Printf("  (revision.Diff, instrument by instrument)\n")
	if len(r.Changes) == 0 {
		p.Printf("\n  nothing: the two versions are equal\n")
	}
	for _, ic := range r.Changes {
		p.Printf("\n  %s:\n", ic.Agreement)
		for _, c := range ic.Changes {
			p.Printf("    %s\n", c)
			if cl, ok := c.Old.(agreement.Clause); ok && c.Op == revision.OpRemoved {
				writeClause(p, ic.Agreement, cl, "    ")
			}
			if cl, ok := c.New.(agreement.Clause); ok && c.Op == revision.OpAdded {
				writeClause(p, ic.Agreement, cl, "    ")
			}
		}
	}

	p.Printf("\n6. Russia's stated positions\n")
	for _, rl := range m.RedLines {
		p.Printf("\n  Red line (%s): \"%s\"\n", rl.Party, rl.Text)
		p.Printf("    opposes: %s (group %s: %s)\n", rl.Opposes, m.NATO.ID, join(m.NATO.Members, ", "))
		p.Printf("    commitments whose performance it opposes:\n")
		for i, v := range m.Versions {
			var cs []string
			for _, col := range r.Collisions[i] {
				if col.RedLine.Text == rl.Text {
					cs = append(cs, fmt.Sprintf("%s/%s by %s", col.Agreement, col.Clause, col.Performer))
				}
			}
			p.Printf("      %s: %s\n", v.Name, orText(strings.Join(cs, ", "), "none"))
		}
	}
	for _, d := range m.Demands {
		p.Printf("\n  Demand (%s): \"%s\"\n", d.Party, d.Text)
		p.Printf("    met when %s keeps neither sovereignty nor control of: %s\n", d.Holder, join(d.Areas, ", "))
	}

	p.Printf("\n7. Territory and the Donbas options (who controls what; km² exact, %% rounded to %d places)\n",
		agreement.PercentPlaces)
	p.Printf("\n  Before any deal (DeepState, 1 January 2026):\n")
	writeFigures(p, r.Baseline, "    ")
	for _, fig := range r.Baseline.Control {
		if fig.Party == m.Occupation.Party {
			p.Printf("    (the article: \"%s\"; the model: %s controls %s%%)\n", m.Occupation.Text, fig.Party,
				fig.Percent.StringFixed(agreement.PercentPlaces))
		}
	}
	for _, pr := range r.Packages {
		p.Printf("\n  Package %q:\n", pr.Package.Name)
		for _, o := range pr.Package.Options {
			p.Printf("    option %s: %s %s", o.ID, o.Kind, join(o.Areas, ", "))
			if o.From != "" {
				p.Printf(" from %s to %s", o.From, o.To)
			}
			if o.Party != "" {
				p.Printf(" by %s", o.Party)
			}
			if len(o.Parties) > 0 {
				p.Printf(", binding %s", join(o.Parties, ", "))
			}
			if o.Width != nil {
				p.Printf(", %s km on each side", o.Width)
			}
			if !o.Deadline.IsZero() {
				p.Printf(", deadline %s", o.Deadline)
			}
			p.Printf("\n")
		}
		writeFigures(p, pr.Figures, "    ")
		for _, ap := range pr.Pending {
			for _, a := range ap.Pending {
				p.Printf("    pending in %s: %s %s by %s\n", ap.Area, a.Kind, a.Option, a.Party)
			}
		}
		var ids []string
		for _, id := range pr.Implied {
			ids = append(ids, string(id))
		}
		p.Printf("    implied clauses (%d): %s\n", len(ids), orText(strings.Join(ids, ", "), "none"))
	}

	p.Printf("\n8. Scenarios (hypothetical timelines, replayed by scenario.Engine from %s to %s)\n",
		agreement.FormatInstant(m.Start), agreement.FormatInstant(m.End))
	for _, sr := range r.Scenarios {
		if err := writeScenario(p, r, sr); err != nil {
			return err
		}
	}
	writeBargain(p, m, r.Bargain)
	return p.Err()
}

// clause writes a clause and its conditions.
func writeClause(p *markup.Writer, home agreement.AgreementID, cl agreement.Clause, indent string) {
	p.Printf("\n%s%s/%s: %s", indent, home, cl.ID, cl.Kind)
	if cl.Force != agreement.ForceUnspecified {
		p.Printf(", %s", cl.Force)
	}
	if cl.Category != "" {
		p.Printf(", PA-X category %s", cl.Category)
	}
	p.Printf("\n%s  “%s”\n", indent, cl.Text)
	var src []string
	for _, s := range []string{cl.Source.Document, cl.Source.Speaker} {
		if s != "" {
			src = append(src, s)
		}
	}
	if !cl.Source.Date.IsZero() {
		src = append(src, agreement.FormatInstant(cl.Source.Date))
	}
	if len(src) > 0 {
		p.Printf("%s  source: %s\n", indent, strings.Join(src, ", "))
	}
	switch {
	case len(cl.Debtors) == 1:
		p.Printf("%s  binds %s", indent, cl.Debtors[0])
	case cl.Joint:
		p.Printf("%s  binds %s jointly", indent, join(cl.Debtors, ", "))
	default:
		p.Printf("%s  binds %s severally", indent, join(cl.Debtors, ", "))
	}
	if len(cl.Creditors) > 0 {
		p.Printf(", owed to %s", join(cl.Creditors, ", "))
	}
	p.Printf("\n")
	for _, q := range cl.Quantities {
		p.Printf("%s  quantity: %s\n", indent, q)
	}
	if cl.Action != nil {
		p.Printf("%s  action: %s\n", indent, cl.Action)
	}
	for _, nc := range cl.Conditions() {
		if nc.Condition != nil {
			p.Printf("%s  %s: %s\n", indent, nc.Name, nc.Condition)
		}
	}
	if !cl.Deadline.IsZero() {
		p.Printf("%s  deadline: %s\n", indent, cl.Deadline)
	}
	if !cl.Expiry.IsZero() {
		p.Printf("%s  expiry: %s\n", indent, cl.Expiry)
	}
}

// figures writes a territory's figures.
func writeFigures(p *markup.Writer, f TerritoryFigures, indent string) {
	for _, fig := range f.Control {
		p.Printf("%scontrol:     %s\n", indent, fig)
	}
	for _, fig := range f.Sovereignty {
		p.Printf("%ssovereignty: %s\n", indent, fig)
	}
	for _, d := range f.Demands {
		met := "not met"
		if d.Met {
			met = "met"
		}
		p.Printf("%s%s's demand (%s): %s keeps control of %s km² (%s%%) and sovereignty over %s km² (%s%%): %s\n",
			indent, d.Demand.Party, join(d.Demand.Areas, ", "), d.Demand.Holder,
			d.Control.Km2, d.Control.Percent.StringFixed(agreement.PercentPlaces),
			d.Sovereignty.Km2, d.Sovereignty.Percent.StringFixed(agreement.PercentPlaces), met)
	}
}

// scenario writes one scenario's replays.
func writeScenario(p *markup.Writer, r *Report, sr ScenarioResult) error {
	m := r.Model
	last := len(sr.Runs) - 1
	primary := sr.Runs[last]
	end := primary.Trace.End()
	p.Printf("\n(%s) %s\n", sr.Scenario.Key, sr.Scenario.Name)
	p.Printf("\n  Events:\n")
	for i, ev := range primary.Trace.Events() {
		p.Printf("    #%d %s %s\n", i, agreement.FormatInstant(ev.At), ev.String())
	}

	p.Printf("\n  State at %s, and since when:\n", agreement.FormatInstant(end))
	head := []string{""}
	for _, run := range sr.Runs {
		head = append(head, run.Version)
	}
	rows := [][]string{head}
	for _, i := range instances(sr.Runs) {
		row := []string{i.String()}
		for _, run := range sr.Runs {
			s, ok := run.state(i)
			if !ok {
				row = append(row, "(no such clause)")
				continue
			}
			row = append(row, stateText(s))
		}
		rows = append(rows, row)
	}
	p.Columns("    ", rows)

	p.Printf("\n  Who is bound at %s (debtor, clause, owed to, since):\n", agreement.FormatInstant(end))
	for _, run := range sr.Runs {
		p.Printf("    %s:", run.Version)
		if len(run.Bound) == 0 {
			p.Printf(" nobody\n")
			continue
		}
		p.Printf("\n")
		var rows [][]string
		for _, b := range run.Bound {
			rows = append(rows, []string{string(b.Debtor), b.Instance.String(), orDash(join(b.Creditors, ", ")),
				"since " + sinceText(b.Since)})
		}
		p.Columns("      ", rows)
	}

	p.Printf("\n  What changed when (%s):\n", primary.Version)
	writeTransitions(p, primary.Trace, transitions(primary.Trace, nil), "    ")
	for _, run := range sr.Runs[:last] {
		only := transitions(run.Trace, primary.Trace)
		other := transitions(primary.Trace, run.Trace)
		if len(only) == 0 && len(other) == 0 {
			p.Printf("  %s: the same changes\n", run.Version)
			continue
		}
		if len(only) > 0 {
			p.Printf("  Only in the %s:\n", run.Version)
			writeTransitions(p, run.Trace, only, "    ")
		}
		if len(other) > 0 {
			p.Printf("  Only in the %s:\n", primary.Version)
			writeTransitions(p, primary.Trace, other, "    ")
		}
	}

	p.Printf("\n  At %s:\n", agreement.FormatInstant(end))
	for _, f := range primary.Fluents {
		p.Printf("    fluent %s/%s: %s\n", f.Agreement, f.Fluent, holdsText(f.Holds))
	}
	for _, rl := range m.RedLines {
		var cs []string
		for _, c := range primary.Crossings {
			if c.RedLine.Text == rl.Text {
				ev, _ := primary.Trace.Event(c.Event)
				cs = append(cs, fmt.Sprintf("event #%d %s %s", c.Event, agreement.FormatInstant(ev.At), ev.String()))
			}
		}
		p.Printf("    %s's red line (%s): %s\n", rl.Party, rl.Opposes, orText(strings.Join(cs, "; "), "not crossed"))
	}
	for _, fig := range primary.Territory.Control {
		p.Printf("    control: %s\n", fig)
	}
	for _, d := range primary.Territory.Demands {
		p.Printf("    control of %s: %s\n", join(d.Demand.Areas, ", "), d.Control)
	}
	for _, rj := range primary.Rejections {
		p.Printf("    rejected: event #%d (%s): %v\n", rj.Event, rj.Agreement, rj.Err)
	}

	// Explain every clause instance whose state differs between versions,
	// in each version that has it.
	var differ []scenario.Instance
	for _, i := range instances(sr.Runs) {
		s0, ok0 := sr.Runs[0].state(i)
		for _, run := range sr.Runs[1:] {
			s, ok := run.state(i)
			if ok != ok0 || s.State != s0.State || !s.Since.Equal(s0.Since) {
				differ = append(differ, i)
				break
			}
		}
	}
	if len(differ) > 0 {
		p.Printf("\n  Why the versions differ (the engine's explanation):\n")
	}
	for _, i := range differ {
		for _, run := range sr.Runs {
			if _, ok := run.state(i); !ok {
				continue
			}
			x, err := run.Trace.Explain(i, end)
			if err != nil {
				return err
			}
			p.Printf("    %s:\n", run.Version)
			for _, line := range strings.Split(strings.TrimRight(x.String(), "\n"), "\n") {
				p.Printf("      %s\n", line)
			}
		}
	}
	return p.Err()
}

// transitions returns the transitions of t that other does not have
// (every transition of t when other is nil).
func transitions(t, other *scenario.Trace) []scenario.Transition {
	key := func(x scenario.Transition) string {
		return fmt.Sprintf("%s %s %s %d", x.Instance, x.From, x.To, x.At.UnixNano())
	}
	seen := map[string]bool{}
	if other != nil {
		for x := range other.Transitions() {
			seen[key(x)] = true
		}
	}
	var out []scenario.Transition
	for x := range t.Transitions() {
		if !seen[key(x)] {
			out = append(out, x)
		}
	}
	return out
}

// transitions writes transitions with their causes.
func writeTransitions(p *markup.Writer, t *scenario.Trace, xs []scenario.Transition, indent string) {
	var rows [][]string
	for _, x := range xs {
		rows = append(rows, []string{agreement.FormatInstant(x.At), x.Instance.String(), x.From.String() + " -> " + x.To.String(),
			t.DescribeCause(x.Cause)})
	}
	p.Columns(indent, rows)
}

// instances returns every instance of the runs: those of the last run in
// its order, then those only the others have.
func instances(runs []RunResult) []scenario.Instance {
	var out []scenario.Instance
	for _, s := range runs[len(runs)-1].States {
		out = append(out, s.Instance)
	}
	for _, run := range runs {
		for _, s := range run.States {
			if !slices.Contains(out, s.Instance) {
				out = append(out, s.Instance)
			}
		}
	}
	return out
}

func stateText(s StateAt) string { return s.State.String() + " since " + sinceText(s.Since) }

func sinceText(t time.Time) string {
	if t.IsZero() {
		return "the start"
	}
	return agreement.FormatInstant(t)
}

func holdsText(b bool) string {
	if b {
		return "holds"
	}
	return "does not hold"
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
