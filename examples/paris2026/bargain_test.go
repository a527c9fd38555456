package main

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// bruteForce is a package evaluated from the definitions, without package
// negotiation's evaluator: its options applied with agreement.Package.Apply,
// its values summed as decimals, its red lines checked one by one.
type bruteForce struct {
	choice     []int
	alts       []negotiation.AlternativeID
	infeasible bool
	values     []decimal.Decimal // per position
	crossed    []string          // "party/red line"
	below      []agreement.PartyID
}

func (b bruteForce) acceptable() bool {
	return !b.infeasible && len(b.crossed) == 0 && len(b.below) == 0
}

// bruteForceAll evaluates every package of issues, in mixed-radix order, for
// positions, over territory t with the NATO group m.NATO.
func bruteForceAll(t *testing.T, m Model, positions []negotiation.Position) []bruteForce {
	t.Helper()
	issues := m.Bargaining.Issues
	terr := m.Territory.Territory
	choice := make([]int, len(issues))
	var out []bruteForce
	for {
		out = append(out, bruteForceOne(t, m, terr, issues, positions, slices.Clone(choice)))
		i := len(choice) - 1
		for ; i >= 0; i-- {
			choice[i]++
			if choice[i] < len(issues[i].Alternatives) {
				break
			}
			choice[i] = 0
		}
		if i < 0 {
			return out
		}
	}
}

func bruteForceOne(t *testing.T, m Model, terr agreement.Territory, issues []negotiation.Issue,
	positions []negotiation.Position, choice []int) bruteForce {
	t.Helper()
	b := bruteForce{choice: choice}
	var pkg agreement.Package
	var clauses []agreement.Clause
	for i, k := range choice {
		alt := issues[i].Alternatives[k]
		b.alts = append(b.alts, alt.ID)
		pkg.Options = append(pkg.Options, alt.Options...)
		clauses = append(clauses, alt.Clauses...)
	}
	settled, err := pkg.Apply(terr)
	switch {
	case errors.Is(err, agreement.ErrConflict):
		b.infeasible = true
	case err != nil:
		t.Fatalf("%v: Apply: %v", b.alts, err)
	}
	// The clauses the options imply, each alternative's options alone (a
	// conflicting package has no settlement as a whole).
	for i, k := range choice {
		alt := issues[i].Alternatives[k]
		if len(alt.Options) == 0 {
			continue
		}
		s, err := agreement.Package{Options: alt.Options}.Apply(terr)
		if err != nil {
			t.Fatalf("%s/%s: %v", issues[i].ID, alt.ID, err)
		}
		clauses = append(clauses, s.Clauses...)
	}
	holder := agreement.Agreement{Groups: []agreement.Group{m.NATO}}

	for _, pos := range positions {
		v := decimal.Zero
		for _, iv := range pos.Issues {
			i := slices.IndexFunc(issues, func(is negotiation.Issue) bool { return is.ID == iv.Issue })
			chosen := issues[i].Alternatives[choice[i]].ID
			for _, av := range iv.Values {
				if av.Alternative == chosen {
					v = v.Add(iv.Weight.Mul(av.Value))
				}
			}
		}
		for _, pv := range pos.Pairs {
			if chooses(issues, choice, pv.A) && chooses(issues, choice, pv.B) {
				v = v.Add(pv.Value)
			}
		}
		b.values = append(b.values, v)
		if v.LessThan(pos.Reservation) {
			b.below = append(b.below, pos.Party)
		}
		for _, rl := range pos.RedLines {
			var crossed bool
			switch {
			case rl.Territory != nil:
				tl := rl.Territory
				if b.infeasible {
					// An infeasible package settles no territory; it is
					// never acceptable, whatever its territory lines.
					continue
				}
				crossed = !within(t, settled.Territory, tl)
			case rl.Clause != nil:
				if !rl.Clause.Pattern.Measure.IsZero() {
					t.Fatal("the brute force does not read quantities")
				}
				for _, cl := range clauses {
					if cl.Action == nil || cl.Kind == agreement.DeonticProhibition {
						continue
					}
					for _, by := range agreement.Performers(holder, cl) {
						ev := agreement.Event{Kind: cl.Action.Kind, Actor: by, Target: cl.Action.Target, Area: cl.Action.Area}
						if rl.Clause.Pattern.Matches(ev, "", m.member) {
							crossed = true
						}
					}
				}
			default:
				t.Fatalf("red line %s: the brute force reads territory and clause lines only", rl.ID)
			}
			if crossed {
				b.crossed = append(b.crossed, string(pos.Party)+"/"+rl.ID)
			}
		}
	}
	return b
}

func chooses(issues []negotiation.Issue, choice []int, c negotiation.Choice) bool {
	i := slices.IndexFunc(issues, func(is negotiation.Issue) bool { return is.ID == c.Issue })
	return issues[i].Alternatives[choice[i]].ID == c.Alternative
}

// within reports whether the share the line measures lies within its
// bound, comparing km² exactly: share ≥ min is 100 × held ≥ min × total.
func within(t *testing.T, terr agreement.Territory, tl *negotiation.TerritoryLine) bool {
	t.Helper()
	var f agreement.Figure
	var err error
	if tl.Control {
		f, err = terr.Controlled(tl.Party, tl.Areas...)
	} else {
		f, err = terr.Sovereign(tl.Party, tl.Areas...)
	}
	if err != nil {
		t.Fatal(err)
	}
	held := f.Km2.Mul(decimal.NewFromInt(100))
	if lo, open, ok := tl.Bound.Min(); ok {
		if l := lo.Mul(f.Total); held.LessThan(l) || open && held.Equal(l) {
			return false
		}
	}
	if hi, open, ok := tl.Bound.Max(); ok {
		if h := hi.Mul(f.Total); held.GreaterThan(h) || open && held.Equal(h) {
			return false
		}
	}
	return true
}

func dominates(a, b []decimal.Decimal) bool {
	better := false
	for i := range a {
		if a[i].LessThan(b[i]) {
			return false
		}
		if a[i].GreaterThan(b[i]) {
			better = true
		}
	}
	return better
}

func altKey(alts []negotiation.AlternativeID) string { return join(alts, "/") }

// TestBargainMatchesBruteForce recomputes the section's key figures from
// the definitions and checks the report's: the counts, the ZOPA, the
// frontier (pairwise), the Nash point (largest product of gains), the
// packages the what-if says dropping a red line admits, and the empty
// ZOPA when the demand is a red line.
func TestBargainMatchesBruteForce(t *testing.T) {
	m := model()
	r := mustAnalyse(t, m)
	a := r.Bargain.Analysis
	s := r.Bargain.Space
	all := bruteForceAll(t, m, m.Bargaining.Positions)

	var infeasible, acceptable uint64
	var zopa []bruteForce
	for _, b := range all {
		if b.infeasible {
			infeasible++
		}
		if b.acceptable() {
			acceptable++
			zopa = append(zopa, b)
		}
	}
	if uint64(len(all)) != a.Packages || infeasible != a.Infeasible || acceptable != a.Acceptable {
		t.Fatalf("analysis: %d packages, %d infeasible, %d acceptable; brute force: %d, %d, %d",
			a.Packages, a.Infeasible, a.Acceptable, len(all), infeasible, acceptable)
	}
	if acceptable == 0 || infeasible == 0 {
		t.Fatalf("the seed's space should have infeasible and acceptable packages: %d, %d", infeasible, acceptable)
	}

	// Every package of every reported point is acceptable, crosses no red
	// line, and has the reported values.
	byKey := map[string]bruteForce{}
	for _, b := range all {
		byKey[altKey(b.alts)] = b
	}
	check := func(what string, pts []negotiation.Point) map[string]bool {
		got := map[string]bool{}
		for _, pt := range pts {
			for _, p := range pt.Packages {
				k := altKey(s.Alternatives(p))
				b := byKey[k]
				if !b.acceptable() {
					t.Errorf("%s: %s is not acceptable: crosses %v, below %v, infeasible %v", what, k, b.crossed, b.below, b.infeasible)
				}
				if !slices.EqualFunc(b.values, pt.Values, decimal.Decimal.Equal) {
					t.Errorf("%s: %s has values %v, brute force %v", what, k, pt.Values, b.values)
				}
				got[k] = true
			}
		}
		return got
	}

	// The frontier is the acceptable packages no acceptable package
	// dominates, found pairwise.
	want := map[string]bool{}
	for _, x := range zopa {
		if !slices.ContainsFunc(zopa, func(y bruteForce) bool { return dominates(y.values, x.values) }) {
			want[altKey(x.alts)] = true
		}
	}
	if got := check("frontier", a.Frontier); !mapsEqual(got, want) {
		t.Errorf("frontier %v, brute force %v", keys(got), keys(want))
	}

	// The Nash point: the acceptable packages with the largest product of
	// gains over the reservation values.
	var best decimal.Decimal
	nash := map[string]bool{}
	for i, x := range zopa {
		prod := decimal.NewFromInt(1)
		for j, pos := range m.Bargaining.Positions {
			prod = prod.Mul(x.values[j].Sub(pos.Reservation))
		}
		switch c := prod.Cmp(best); {
		case i == 0 || c > 0:
			best, nash = prod, map[string]bool{altKey(x.alts): true}
		case c == 0:
			nash[altKey(x.alts)] = true
		}
	}
	if got := check("nash", a.Nash); !mapsEqual(got, nash) {
		t.Errorf("nash %v, brute force %v", keys(got), keys(nash))
	}
	check("kalai-smorodinsky", a.KalaiSmorodinsky)
	check("egalitarian", a.Egalitarian)
	check("welfare", a.Welfare)

	// Dropping a red line admits the feasible packages that cross that
	// line only and meet every reservation value.
	for _, c := range r.Bargain.Changes {
		if c.RedLine == "" {
			continue
		}
		var n uint64
		for _, b := range all {
			if !b.infeasible && len(b.below) == 0 && slices.Equal(b.crossed, []string{string(c.Party) + "/" + c.RedLine}) {
				n++
			}
		}
		if n != c.Admitted {
			t.Errorf("dropping %s/%s admits %d packages, brute force %d", c.Party, c.RedLine, c.Admitted, n)
		}
	}

	// With the demand as a red line no package is acceptable, and the only
	// single change that admits one is dropping it: it gives back the ZOPA.
	withDemand := bruteForceAll(t, m, m.demandPositions())
	n := 0
	for _, b := range withDemand {
		if b.acceptable() {
			n++
		}
	}
	if uint64(n) != r.Bargain.WithDemands.Acceptable || n != 0 {
		t.Errorf("with the demand as a red line: %d acceptable, brute force %d, want 0", r.Bargain.WithDemands.Acceptable, n)
	}
	if cs := r.Bargain.DemandChanges; len(cs) != 1 || cs[0].Party != "RU" || cs[0].RedLine != demandLine(m.Demands[0]).ID ||
		cs[0].Admitted != acceptable {
		t.Errorf("changes with the demand as a red line: %+v, want RU dropping it, admitting %d", cs, acceptable)
	}
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestBargainRedLines: no acceptable package cedes the Donbas or puts NATO
// members' troops on the ground in Ukraine, the red lines the positions
// draw; the most contested issue is the Donbas, the article's "critical
// issue".
func TestBargainRedLines(t *testing.T) {
	m := model()
	r := mustAnalyse(t, m)
	s := r.Bargain.Space
	for _, pt := range r.Bargain.Analysis.Frontier {
		for _, p := range pt.Packages {
			alts := s.Alternatives(p)
			if alts[0] == "cede" || alts[5] == "in-ukraine" {
				t.Errorf("frontier package %v crosses a red line", alts)
			}
		}
	}
	if got := r.Bargain.Most; !slices.Equal(got, []negotiation.IssueID{issueDonbas}) {
		t.Errorf("most contested %v, want [%s]", got, issueDonbas)
	}
	// Packages with troops in Ukraine would be acceptable but for Russia's
	// red line: dropping it admits some.
	if !slices.ContainsFunc(r.Bargain.Changes, func(c negotiation.Change) bool {
		return c.Party == "RU" && c.RedLine == "no-nato-forces" && c.Admitted > 0
	}) {
		t.Errorf("changes %+v: want RU dropping no-nato-forces to admit packages", r.Bargain.Changes)
	}
}

// TestBargainClausesFollowStatement: the space's alternatives taken from the
// meeting's statement carry the clauses the coalition compiles, so that the
// red lines read the same commitments as the rest of the report.
func TestBargainClausesFollowStatement(t *testing.T) {
	m := model()
	r := mustAnalyse(t, m)
	draft := r.Processes[0]
	n := 0
	for _, is := range m.Bargaining.Issues {
		for _, alt := range is.Alternatives {
			for _, cl := range alt.Clauses {
				for _, a := range draft.Agreements {
					want, ok := a.Clause(cl.ID)
					if !ok {
						continue
					}
					n++
					if cl.Text != want.Text || cl.Kind != want.Kind || cl.Force != want.Force ||
						!slices.Equal(cl.Debtors, want.Debtors) || !slices.Equal(cl.Creditors, want.Creditors) ||
						!slices.EqualFunc(cl.Quantities, want.Quantities, agreement.Range.Equal) ||
						cl.Action.String() != want.Action.String() ||
						!conditionEqual(cl.Trigger, want.Trigger) || !conditionEqual(cl.Antecedent, want.Antecedent) {
						t.Errorf("%s/%s clause %s differs from %s/%s", is.ID, alt.ID, cl.ID, a.ID, want.ID)
					}
				}
			}
		}
	}
	if n != 3 {
		t.Errorf("%d clauses taken from the statement, want 3 (us-backstop, fr-troops, gb-troops)", n)
	}
}

func conditionEqual(a, b agreement.Condition) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.String() == b.String()
}

// TestBargainSectionLabelsAssumptions: the section says, before its
// results, that the positions are illustrative assumptions.
func TestBargainSectionLabelsAssumptions(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, model()); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	sec := strings.Index(text, "9. Which packages could every party accept")
	label := strings.Index(text, "ILLUSTRATIVE ASSUMPTIONS chosen to show the method, not facts from the article")
	results := strings.Index(text, "acceptable to every party (the ZOPA)")
	if sec < 0 || label < sec || results < label {
		t.Errorf("section at %d, label at %d, results at %d: want the label in the section before the results", sec, label, results)
	}
}
