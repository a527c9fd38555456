package main

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// BargainResult is what package negotiation says of the model's
// Bargaining: every count, point, certificate and change is its answer.
type BargainResult struct {
	Space     *negotiation.Space
	Evaluator *negotiation.Evaluator
	Analysis  *negotiation.Analysis
	// Certified are, for each kind of certificate (a conflict, a red line
	// crossed, a reservation value not met, domination), the first
	// package in enumeration order that has one of that kind.
	Certified []Certified
	// Most are the most contested issues; Contests every issue's contest.
	Most     []negotiation.IssueID
	Contests []negotiation.Contest
	// Sensitivity is the range of the model's chosen weight that keeps the
	// Nash point.
	Sensitivity negotiation.Sensitivity
	// Changes are the single changes to one position that would admit more
	// packages.
	Changes []negotiation.Change
	// WithDemands are the counts when every demand of the model is also a
	// red line of the party that makes it, and DemandChanges the single
	// changes that would then admit packages.
	WithDemands   negotiation.Counts
	DemandChanges []negotiation.Change
}

// Certified is a package left off the frontier, with its certificate.
type Certified struct {
	Package     negotiation.Package
	Certificate negotiation.Certificate
}

// bargain builds the space of m's Bargaining over m's territory and NATO
// group, compiles the positions and analyses every package.
func (m Model) bargain() (BargainResult, error) {
	var res BargainResult
	b := m.Bargaining
	s, err := negotiation.NewSpace(m.Territory.Territory, []agreement.Group{m.NATO}, b.Issues)
	if err != nil {
		return res, fmt.Errorf("negotiation space: %w", err)
	}
	e, err := negotiation.Compile(s, b.Positions)
	if err != nil {
		return res, fmt.Errorf("positions: %w", err)
	}
	a, err := e.Analyze(negotiation.Options{})
	if err != nil {
		return res, err
	}
	res.Space, res.Evaluator, res.Analysis = s, e, a

	kinds := []func(negotiation.Certificate) bool{
		func(c negotiation.Certificate) bool { return c.Conflict != nil },
		func(c negotiation.Certificate) bool { return c.Conflict == nil && len(c.Crossed) > 0 },
		func(c negotiation.Certificate) bool {
			return c.Conflict == nil && len(c.Crossed) == 0 && len(c.Below) > 0
		},
		func(c negotiation.Certificate) bool { return c.DominatedBy != nil },
	}
	found := make([]*Certified, len(kinds))
	for p, c := range a.Excluded() {
		for k, is := range kinds {
			if found[k] == nil && is(c) {
				found[k] = &Certified{Package: slices.Clone(p), Certificate: c}
			}
		}
	}
	for _, c := range found {
		if c != nil {
			res.Certified = append(res.Certified, *c)
		}
	}

	res.Most, res.Contests = e.Contested()
	if len(a.Nash) > 0 {
		if res.Sensitivity, err = a.Sensitivity(b.Sensitivity.Party, b.Sensitivity.Issue); err != nil {
			return res, err
		}
	}
	if res.Changes, err = e.WhatIf(negotiation.Options{}); err != nil {
		return res, err
	}

	ed, err := negotiation.Compile(s, m.demandPositions())
	if err != nil {
		return res, fmt.Errorf("positions with the demands as red lines: %w", err)
	}
	if res.WithDemands, err = ed.Count(negotiation.Options{}); err != nil {
		return res, err
	}
	if res.DemandChanges, err = ed.WhatIf(negotiation.Options{}); err != nil {
		return res, err
	}
	return res, nil
}

// demandLine is demand d read as a red line of the party that makes it:
// the holder keeps no sovereignty over the areas demanded.
func demandLine(d Demand) negotiation.RedLine {
	return negotiation.RedLine{ID: "demand-" + string(d.Holder), Territory: &negotiation.TerritoryLine{
		Party: d.Holder, Areas: d.Areas, Bound: agreement.Measure(agreement.UnitPercent).AtMost(decimal.Zero)}}
}

// demandPositions returns the positions of m's Bargaining with every
// demand of m added as a red line of the party that makes it; the model's
// positions are not modified.
func (m Model) demandPositions() []negotiation.Position {
	ps := slices.Clone(m.Bargaining.Positions)
	for _, d := range m.Demands {
		for i := range ps {
			if ps[i].Party == d.Party {
				ps[i].RedLines = append(slices.Clone(ps[i].RedLines), demandLine(d))
			}
		}
	}
	return ps
}

// writeBargain writes the section on which packages every party could
// accept.
func writeBargain(p *markup.Writer, m Model, r BargainResult) {
	b := m.Bargaining
	s, a := r.Space, r.Analysis
	parties := r.Evaluator.Parties()
	p.Printf("\n9. Which packages could every party accept (package negotiation)\n")
	p.Printf("\n  The positions below (weights, values, pair values, reservation values and red lines) are\n")
	p.Printf("  ILLUSTRATIVE ASSUMPTIONS chosen to show the method, not facts from the article; where the\n")
	p.Printf("  article reports a party's stance, the red line quotes it. The article gives no size for the\n")
	p.Printf("  multinational force and does not mention sanctions: those issues are assumed too.\n")

	var ids []string
	for _, is := range s.Issues() {
		ids = append(ids, string(is.ID))
	}
	p.Printf("\n  Issues (a package is written as its alternatives of %s):\n", strings.Join(ids, " / "))
	for _, is := range s.Issues() {
		p.Printf("    %s, %s:\n", is.ID, is.Name)
		for _, alt := range is.Alternatives {
			p.Printf("      %s: %s\n", alt.ID, orText(alt.Name, "-"))
		}
	}

	p.Printf("\n  Positions (illustrative assumptions; values 0 to 10, weighted by issue):\n")
	for _, pos := range b.Positions {
		var ws []string
		for _, iv := range pos.Issues {
			var vs []string
			for _, v := range iv.Values {
				vs = append(vs, fmt.Sprintf("%s %s", v.Alternative, v.Value))
			}
			ws = append(ws, fmt.Sprintf("%s ×%s (%s)", iv.Issue, iv.Weight, strings.Join(vs, ", ")))
		}
		p.Printf("    %s, reservation value %s:\n", pos.Party, pos.Reservation)
		for _, w := range ws {
			p.Printf("      %s\n", w)
		}
		for _, pv := range pos.Pairs {
			p.Printf("      %s with %s: %+s\n", pv.A, pv.B, pv.Value)
		}
		for _, rl := range pos.RedLines {
			p.Printf("      red line %s: %s\n", rl.ID, redLineText(rl))
			for _, st := range b.Stances {
				if st.Party != pos.Party || st.RedLine != rl.ID {
					continue
				}
				if st.Quote != "" {
					p.Printf("        the article: \"%s\"\n", st.Quote)
				}
				if st.Note != "" {
					p.Printf("        (%s)\n", st.Note)
				}
			}
		}
	}

	p.Printf("\n  Packages: %s in the space, %d infeasible (conflicting options), %d acceptable to every party (the ZOPA)\n",
		s.Size(), a.Infeasible, a.Acceptable)
	var ps []string
	for _, id := range parties {
		ps = append(ps, string(id))
	}
	head := "values for " + strings.Join(ps, ", ")
	writePoints := func(title string, pts []negotiation.Point) {
		n := 0
		for _, pt := range pts {
			n += int(pt.Count)
		}
		p.Printf("\n  %s: %d %s, %d %s (%s):\n", title, len(pts), plural(len(pts), "point", "points"),
			n, plural(n, "package", "packages"), head)
		if len(pts) == 0 {
			p.Printf("    none\n")
		}
		for _, pt := range pts {
			p.Printf("    %s:", join(pt.Values, ", "))
			if pt.Count > 1 {
				p.Printf(" %d tied packages", pt.Count)
			}
			p.Printf("\n")
			for pk := range pt.All() {
				p.Printf("      %s\n", packageText(s, pk))
			}
		}
	}
	writePoints("Pareto frontier of the acceptable packages", a.Frontier)
	writePoints("Nash bargaining point (largest product of gains over the reservation values)", a.Nash)
	writePoints("Kalai-Smorodinsky point (largest smallest share of each party's ideal gain)", a.KalaiSmorodinsky)
	writePoints("Egalitarian point (largest smallest gain)", a.Egalitarian)
	writePoints("Maximum welfare (largest sum of values)", a.Welfare)

	p.Printf("\n  Why some packages are left out (for each kind of certificate, the first package that has one):\n")
	for _, c := range r.Certified {
		p.Printf("    %s\n", packageText(s, c.Package))
		p.Printf("      %s\n", certificateText(c.Certificate))
	}

	p.Printf("\n  Most contested issue (deciding the most red lines, then with the most opposed values): %s\n", join(r.Most, ", "))
	for _, c := range r.Contests {
		var ls []string
		for _, x := range c.RedLines {
			ls = append(ls, string(x.Party)+"/"+x.RedLine)
		}
		p.Printf("    %s: decides %s; opposition %s\n", c.Issue, orText(strings.Join(ls, ", "), "no red line"),
			c.Opposition.FloatString(4))
	}
	p.Printf("    (the article: Witkoff indicated that \"land options\" would pose the most \"critical issue\")\n")

	if len(a.Nash) > 0 {
		sv := r.Sensitivity
		bound := func(x *big.Rat, none string) string {
			if x == nil {
				return none
			}
			return x.FloatString(2) + " (" + x.RatString() + ")"
		}
		p.Printf("\n  Sensitivity: the Nash point stays the same while %s's weight for %s (now %s) stays strictly\n",
			sv.Party, sv.Issue, sv.Weight)
		p.Printf("    between %s and %s\n", bound(sv.Low, "0"), bound(sv.High, "no bound"))
	}

	p.Printf("\n  What if one party changed one thing (each single change that admits more packages):\n")
	writeChanges(p, s, r.Changes)

	for _, d := range m.Demands {
		p.Printf("\n  What if %s's demand, \"%s\", were a red line too\n", d.Party, d.Text)
		p.Printf("  (an assumption: the article reports the demand, not whether it is one): red line %s: %s\n",
			demandLine(d).ID, redLineText(demandLine(d)))
	}
	if len(m.Demands) > 0 {
		p.Printf("    %d %s acceptable to every party; the single changes that would admit packages:\n",
			r.WithDemands.Acceptable, plural(int(r.WithDemands.Acceptable), "package", "packages"))
		writeChanges(p, s, r.DemandChanges)
	}
}

// writeChanges writes what-if changes with the frontier of the packages
// each admits.
func writeChanges(p *markup.Writer, s *negotiation.Space, cs []negotiation.Change) {
	if len(cs) == 0 {
		p.Printf("    none\n")
	}
	for _, c := range cs {
		what := fmt.Sprintf("%s drops its red line %s", c.Party, c.RedLine)
		if c.RedLine == "" {
			what = fmt.Sprintf("%s lowers its reservation value to %s", c.Party, c.Reservation)
		}
		p.Printf("    %s: admits %d %s, the best of them (its frontier):\n", what, c.Admitted,
			plural(int(c.Admitted), "package", "packages"))
		for _, pt := range c.Frontier {
			for _, pk := range pt.Packages {
				p.Printf("      %s: %s\n", join(pt.Values, ", "), packageText(s, pk))
			}
		}
	}
}

// packageText writes a package as its alternatives, in issue order.
func packageText(s *negotiation.Space, p negotiation.Package) string {
	return join(s.Alternatives(p), " / ")
}

// redLineText describes a red line.
func redLineText(rl negotiation.RedLine) string {
	switch {
	case rl.Territory != nil:
		t := rl.Territory
		what := "sovereignty"
		if t.Control {
			what = "control"
		}
		return fmt.Sprintf("%s's %s over %s: %s", t.Party, what, join(t.Areas, ", "), t.Bound)
	case rl.Clause != nil:
		return "no clause commits a party to " + rl.Clause.Pattern.String()
	case rl.Choice != nil && rl.Choice.Require:
		return "the package chooses " + rl.Choice.Choice.String()
	case rl.Choice != nil:
		return "the package does not choose " + rl.Choice.Choice.String()
	}
	return "?"
}

// certificateText describes a certificate.
func certificateText(c negotiation.Certificate) string {
	var out []string
	if c.Conflict != nil {
		out = append(out, "infeasible: "+c.Conflict.Error())
	}
	for _, x := range c.Crossed {
		out = append(out, fmt.Sprintf("crosses %s's red line %s", x.Party, x.RedLine))
	}
	if len(c.Below) > 0 {
		out = append(out, "below the reservation value of "+join(c.Below, ", "))
	}
	if c.DominatedBy != nil {
		out = append(out, fmt.Sprintf("acceptable, but dominated by the frontier point %s", join(c.DominatedBy.Values, ", ")))
	}
	if c.OnFrontier {
		out = append(out, "on the frontier")
	}
	return strings.Join(out, "; ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
