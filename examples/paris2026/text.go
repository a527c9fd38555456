package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/scenario"
)

// printer writes the report, remembering the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// table writes rows of cells separated by tabs, aligned, each line
// indented.
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

// WriteText writes the report as plain text.
func (r *Report) WriteText(w io.Writer) error {
	p := &printer{w: w}
	m := r.Model
	final := len(m.Versions) - 1
	fp := r.Processes[final]
	fv := m.Versions[final]

	p.f("The Paris meeting of the Coalition of the Willing, %s, modelled with peacekit\n", stamp(m.Start))
	p.f("Source: \"%s\" (london-news-net).\n", articleTitle)
	p.f("Every state, instant, figure and list below is computed by packages agreement, coalition and\n")
	p.f("scenario from the model (model.go); only labels and quotations are typed in.\n")

	p.f("\n1. Parties and roles (the %s's process)\n\n", fv.Name)
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
	p.table("  ", rows)
	p.f("\n  Party groups:\n")
	for _, a := range fp.Agreements {
		for _, g := range a.Groups {
			p.f("    %s/%s \"%s\": %s\n", a.ID, g.ID, g.Name, join(g.Members, ", "))
		}
	}

	p.f("\n2. Instruments of the process (%s)\n", fv.Name)
	for _, a := range fp.Agreements {
		p.f("\n  %s: \"%s\"", a.ID, a.Title)
		if !a.Date.IsZero() {
			p.f(", %s", stamp(a.Date))
		}
		p.f("\n")
		if a.Stage != "" {
			p.f("    PA-X stage: %s / %s\n", a.Stage.Label(), a.SubStage.Label())
		}
		p.f("    signing status: %s\n", orText(a.SigningStatus.PAXLabel(), "not signed"))
		if len(a.Signatures) > 0 {
			var who []string
			for _, s := range a.Signatures {
				x := string(s.Party)
				if s.Signatory != "" {
					x += " (" + s.Signatory + ", " + s.Capacity + ")"
				}
				who = append(who, x)
			}
			p.f("    signed by: %s\n", strings.Join(who, "; "))
		}
		var ids []string
		for _, c := range a.Clauses {
			ids = append(ids, string(c.ID))
		}
		p.f("    clauses: %s\n", orText(strings.Join(ids, ", "), "none"))
		if !a.Territory.IsZero() {
			size, _ := a.Territory.Size()
			p.f("    territory: %d areas, %s km²\n", len(a.Territory.Areas), size)
		}
	}

	p.f("\n3. The coalition (%s)\n\n", fv.Name)
	c := fv.Coalition
	var members []string
	for _, mb := range c.Members {
		members = append(members, string(mb.Party)+" ("+mb.Standing.String()+")")
	}
	p.f("  %s (%s), host %s: %s\n", c.Name, c.Party, c.Host, strings.Join(members, ", "))
	p.f("  Functions:\n")
	for _, f := range c.Functions {
		p.f("    %s, \"%s\": led by %s\n", f.ID, f.Name, orText(join(f.Leads, ", "), "nobody"))
		for _, ct := range c.Contributions {
			if ct.Function != f.ID {
				continue
			}
			p.f("      %s by %s", ct.ID, ct.Contributor)
			if ct.Basing.Kind != coalition.BasingUnspecified {
				p.f(", based %s", ct.Basing.Kind)
			}
			for _, q := range ct.Quantities {
				p.f(", %s", q)
			}
			p.f(" (%s)\n", ct.Force)
		}
	}
	for _, cell := range c.Cells {
		p.f("  Coordination cell in %s: %s\n", cell.Location, join(cell.Participants, ", "))
	}
	for _, d := range c.Declarations {
		p.f("  Declaration \"%s\" (%s): signed by %s\n", d.Title, d.Force, join(c.Signatories(d), ", "))
	}
	for _, mt := range c.Meetings {
		p.f("  Meeting in %s, %s: %d countries attending, %d at leader level\n", mt.Location, stamp(mt.Date),
			mt.Attending(), mt.AtLevel(coalition.Leader))
	}
	for _, t := range c.TotalsByFunction() {
		p.f("  Total for %s: %s (contributions counted: %d)\n", t.Function, t.Amount, t.Contributions)
	}
	for _, t := range c.TotalsByBasing() {
		p.f("  Total based %s: %s (contributions counted: %d)\n", t.Basing, t.Amount, t.Contributions)
	}
	for _, g := range c.Gaps() {
		p.f("  Gap: %s\n", g)
	}
	p.f("  Backstop (applies only after a new attack):\n")
	for _, v := range m.Versions {
		var bs []string
		for _, ct := range v.Coalition.Backstop() {
			bs = append(bs, string(ct.ID)+" ("+string(ct.Contributor)+")")
		}
		p.f("    %s: %s\n", v.Name, orText(strings.Join(bs, ", "), "none"))
	}

	p.f("\n4. The guarantees and their conditions (%s)\n", fv.Name)
	for _, a := range fp.Agreements {
		for _, cl := range a.Clauses {
			p.clause(a.ID, cl, "  ")
		}
	}

	p.f("\n5. What the %s had that the %s lacks\n", m.Versions[0].Name, fv.Name)
	p.f("  (revision.Diff, instrument by instrument)\n")
	if len(r.Changes) == 0 {
		p.f("\n  nothing: the two versions are equal\n")
	}
	for _, ic := range r.Changes {
		p.f("\n  %s:\n", ic.Agreement)
		for _, c := range ic.Changes {
			p.f("    %s\n", c)
			if cl, ok := c.Old.(agreement.Clause); ok && c.Op == revision.OpRemoved {
				p.clause(ic.Agreement, cl, "    ")
			}
			if cl, ok := c.New.(agreement.Clause); ok && c.Op == revision.OpAdded {
				p.clause(ic.Agreement, cl, "    ")
			}
		}
	}

	p.f("\n6. Russia's stated positions\n")
	for _, rl := range m.RedLines {
		p.f("\n  Red line (%s): \"%s\"\n", rl.Party, rl.Text)
		p.f("    opposes: %s (group %s: %s)\n", rl.Opposes, m.NATO.ID, join(m.NATO.Members, ", "))
		p.f("    commitments whose performance it opposes:\n")
		for i, v := range m.Versions {
			var cs []string
			for _, col := range r.Collisions[i] {
				if col.RedLine.Text == rl.Text {
					cs = append(cs, fmt.Sprintf("%s/%s by %s", col.Agreement, col.Clause, col.Performer))
				}
			}
			p.f("      %s: %s\n", v.Name, orText(strings.Join(cs, ", "), "none"))
		}
	}
	for _, d := range m.Demands {
		p.f("\n  Demand (%s): \"%s\"\n", d.Party, d.Text)
		p.f("    met when %s keeps neither sovereignty nor control of: %s\n", d.Holder, join(d.Areas, ", "))
	}

	p.f("\n7. Territory and the Donbas options (who controls what; km² exact, %% rounded to %d places)\n",
		agreement.PercentPlaces)
	p.f("\n  Before any deal (DeepState, 1 January 2026):\n")
	p.figures(r.Baseline, "    ")
	for _, fig := range r.Baseline.Control {
		if fig.Party == m.Occupation.Party {
			p.f("    (the article: \"%s\"; the model: %s controls %s%%)\n", m.Occupation.Text, fig.Party,
				fig.Percent.StringFixed(agreement.PercentPlaces))
		}
	}
	for _, pr := range r.Packages {
		p.f("\n  Package %q:\n", pr.Package.Name)
		for _, o := range pr.Package.Options {
			p.f("    option %s: %s %s", o.ID, o.Kind, join(o.Areas, ", "))
			if o.From != "" {
				p.f(" from %s to %s", o.From, o.To)
			}
			if o.Party != "" {
				p.f(" by %s", o.Party)
			}
			if len(o.Parties) > 0 {
				p.f(", binding %s", join(o.Parties, ", "))
			}
			if o.Width != nil {
				p.f(", %s km on each side", o.Width)
			}
			if !o.Deadline.IsZero() {
				p.f(", deadline %s", o.Deadline)
			}
			p.f("\n")
		}
		p.figures(pr.Figures, "    ")
		for _, ap := range pr.Pending {
			for _, a := range ap.Pending {
				p.f("    pending in %s: %s %s by %s\n", ap.Area, a.Kind, a.Option, a.Party)
			}
		}
		var ids []string
		for _, id := range pr.Implied {
			ids = append(ids, string(id))
		}
		p.f("    implied clauses (%d): %s\n", len(ids), orText(strings.Join(ids, ", "), "none"))
	}

	p.f("\n8. Scenarios (hypothetical timelines, replayed by scenario.Engine from %s to %s)\n",
		stamp(m.Start), stamp(m.End))
	for _, sr := range r.Scenarios {
		p.scenario(r, sr)
	}
	return p.err
}

// clause writes a clause and its conditions.
func (p *printer) clause(home agreement.AgreementID, cl agreement.Clause, indent string) {
	p.f("\n%s%s/%s: %s", indent, home, cl.ID, cl.Kind)
	if cl.Force != agreement.ForceUnspecified {
		p.f(", %s", cl.Force)
	}
	if cl.Category != "" {
		p.f(", PA-X category %s", cl.Category)
	}
	p.f("\n%s  “%s”\n", indent, cl.Text)
	var src []string
	for _, s := range []string{cl.Source.Document, cl.Source.Speaker} {
		if s != "" {
			src = append(src, s)
		}
	}
	if !cl.Source.Date.IsZero() {
		src = append(src, stamp(cl.Source.Date))
	}
	if len(src) > 0 {
		p.f("%s  source: %s\n", indent, strings.Join(src, ", "))
	}
	switch {
	case len(cl.Debtors) == 1:
		p.f("%s  binds %s", indent, cl.Debtors[0])
	case cl.Joint:
		p.f("%s  binds %s jointly", indent, join(cl.Debtors, ", "))
	default:
		p.f("%s  binds %s severally", indent, join(cl.Debtors, ", "))
	}
	if len(cl.Creditors) > 0 {
		p.f(", owed to %s", join(cl.Creditors, ", "))
	}
	p.f("\n")
	for _, q := range cl.Quantities {
		p.f("%s  quantity: %s\n", indent, q)
	}
	if cl.Action != nil {
		p.f("%s  action: %s\n", indent, cl.Action)
	}
	for _, nc := range cl.Conditions() {
		if nc.Condition != nil {
			p.f("%s  %s: %s\n", indent, nc.Name, nc.Condition)
		}
	}
	if !cl.Deadline.IsZero() {
		p.f("%s  deadline: %s\n", indent, cl.Deadline)
	}
	if !cl.Expiry.IsZero() {
		p.f("%s  expiry: %s\n", indent, cl.Expiry)
	}
}

// figures writes a territory's figures.
func (p *printer) figures(f TerritoryFigures, indent string) {
	for _, fig := range f.Control {
		p.f("%scontrol:     %s\n", indent, fig)
	}
	for _, fig := range f.Sovereignty {
		p.f("%ssovereignty: %s\n", indent, fig)
	}
	for _, d := range f.Demands {
		met := "not met"
		if d.Met {
			met = "met"
		}
		p.f("%s%s's demand (%s): %s keeps control of %s km² (%s%%) and sovereignty over %s km² (%s%%): %s\n",
			indent, d.Demand.Party, join(d.Demand.Areas, ", "), d.Demand.Holder,
			d.Control.Km2, d.Control.Percent.StringFixed(agreement.PercentPlaces),
			d.Sovereignty.Km2, d.Sovereignty.Percent.StringFixed(agreement.PercentPlaces), met)
	}
}

// scenario writes one scenario's replays.
func (p *printer) scenario(r *Report, sr ScenarioResult) {
	m := r.Model
	last := len(sr.Runs) - 1
	primary := sr.Runs[last]
	end := primary.Trace.End()
	p.f("\n(%s) %s\n", sr.Scenario.Key, sr.Scenario.Name)
	p.f("\n  Events:\n")
	for i, ev := range primary.Trace.Events() {
		p.f("    #%d %s %s\n", i, stamp(ev.At), eventText(ev))
	}

	p.f("\n  State at %s, and since when:\n", stamp(end))
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
	p.table("    ", rows)

	p.f("\n  Who is bound at %s (debtor, clause, owed to, since):\n", stamp(end))
	for _, run := range sr.Runs {
		p.f("    %s:", run.Version)
		if len(run.Bound) == 0 {
			p.f(" nobody\n")
			continue
		}
		p.f("\n")
		var rows [][]string
		for _, b := range run.Bound {
			rows = append(rows, []string{string(b.Debtor), b.Instance.String(), orDash(join(b.Creditors, ", ")),
				"since " + sinceText(b.Since)})
		}
		p.table("      ", rows)
	}

	p.f("\n  What changed when (%s):\n", primary.Version)
	p.transitions(primary.Trace, transitions(primary.Trace, nil), "    ")
	for _, run := range sr.Runs[:last] {
		only := transitions(run.Trace, primary.Trace)
		other := transitions(primary.Trace, run.Trace)
		if len(only) == 0 && len(other) == 0 {
			p.f("  %s: the same changes\n", run.Version)
			continue
		}
		if len(only) > 0 {
			p.f("  Only in the %s:\n", run.Version)
			p.transitions(run.Trace, only, "    ")
		}
		if len(other) > 0 {
			p.f("  Only in the %s:\n", primary.Version)
			p.transitions(primary.Trace, other, "    ")
		}
	}

	p.f("\n  At %s:\n", stamp(end))
	for _, f := range primary.Fluents {
		p.f("    fluent %s/%s: %s\n", f.Agreement, f.Fluent, holdsText(f.Holds))
	}
	for _, rl := range m.RedLines {
		var cs []string
		for _, c := range primary.Crossings {
			if c.RedLine.Text == rl.Text {
				ev, _ := primary.Trace.Event(c.Event)
				cs = append(cs, fmt.Sprintf("event #%d %s %s", c.Event, stamp(ev.At), eventText(ev)))
			}
		}
		p.f("    %s's red line (%s): %s\n", rl.Party, rl.Opposes, orText(strings.Join(cs, "; "), "not crossed"))
	}
	for _, fig := range primary.Territory.Control {
		p.f("    control: %s\n", fig)
	}
	for _, d := range primary.Territory.Demands {
		p.f("    control of %s: %s\n", join(d.Demand.Areas, ", "), d.Control)
	}
	for _, rj := range primary.Rejections {
		p.f("    rejected: event #%d (%s): %v\n", rj.Event, rj.Agreement, rj.Err)
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
		p.f("\n  Why the versions differ (the engine's explanation):\n")
	}
	for _, i := range differ {
		for _, run := range sr.Runs {
			if _, ok := run.state(i); !ok {
				continue
			}
			x, err := run.Trace.Explain(i, end)
			if err != nil {
				p.err = err
				return
			}
			p.f("    %s:\n", run.Version)
			for _, line := range strings.Split(strings.TrimRight(x.String(), "\n"), "\n") {
				p.f("      %s\n", line)
			}
		}
	}
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
func (p *printer) transitions(t *scenario.Trace, xs []scenario.Transition, indent string) {
	var rows [][]string
	for _, x := range xs {
		rows = append(rows, []string{stamp(x.At), x.Instance.String(), x.From.String() + " -> " + x.To.String(),
			causeText(t, x.Cause)})
	}
	p.table(indent, rows)
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
		s += ", outcome " + fmt.Sprintf("%q", ev.Outcome)
	}
	return s
}

func stateText(s StateAt) string { return s.State.String() + " since " + sinceText(s.Since) }

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
	if t.Equal(t.Truncate(24 * time.Hour)) {
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
