package negotiation_test

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/negotiation/negotiationtest"
)

// refPackage is one package as the reference computes it, independently of
// the package's tables: options checked and applied together with
// agreement.Package, values summed in decimals.
type refPackage struct {
	choice     []int
	key        string // "i0=a1,i1=a0", issues sorted by id
	feasible   bool
	values     []decimal.Decimal
	crossed    []string // "party/line"
	below      []string // parties
	acceptable bool
}

type refResult struct {
	packages  []refPackage
	frontier  map[string][]string // value key -> package keys
	nash, ks  []string            // value keys
	egal, wel []string
}

func packageKey(issues []negotiation.Issue, choice []int) string {
	var parts []string
	for i, a := range choice {
		parts = append(parts, string(issues[i].ID)+"="+string(issues[i].Alternatives[a].ID))
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

func valueKey(vs []decimal.Decimal) string {
	var parts []string
	for _, v := range vs {
		parts = append(parts, v.String())
	}
	return strings.Join(parts, " ")
}

func reference(c negotiationtest.CaseData) refResult {
	var out refResult
	k := len(c.Issues)
	choice := make([]int, k)
	for {
		out.packages = append(out.packages, refEvaluate(c, slices.Clone(choice)))
		l := k - 1
		for ; l >= 0; l-- {
			choice[l]++
			if choice[l] < len(c.Issues[l].Alternatives) {
				break
			}
			choice[l] = 0
		}
		if l < 0 {
			break
		}
	}
	var acc []refPackage
	for _, p := range out.packages {
		if p.acceptable {
			acc = append(acc, p)
		}
	}
	out.frontier = map[string][]string{}
	var front []refPackage
	for _, p := range acc {
		dominated := false
		for _, o := range acc {
			if refDominates(o.values, p.values) {
				dominated = true
				break
			}
		}
		if !dominated {
			vk := valueKey(p.values)
			if _, ok := out.frontier[vk]; !ok {
				front = append(front, p)
			}
			out.frontier[vk] = append(out.frontier[vk], p.key)
		}
	}
	if len(front) == 0 {
		return out
	}
	res := make([]decimal.Decimal, len(c.Positions))
	for q, pos := range c.Positions {
		res[q] = pos.Reservation
	}
	rat := func(d decimal.Decimal) *big.Rat { return d.Rat() }
	best := func(score func(p refPackage) *big.Rat) []string {
		var b *big.Rat
		var keys []string
		for _, p := range front {
			s := score(p)
			if b == nil || s.Cmp(b) > 0 {
				b, keys = s, []string{valueKey(p.values)}
			} else if s.Cmp(b) == 0 {
				keys = append(keys, valueKey(p.values))
			}
		}
		slices.Sort(keys)
		return keys
	}
	out.nash = best(func(p refPackage) *big.Rat {
		r := big.NewRat(1, 1)
		for q := range res {
			r.Mul(r, rat(p.values[q].Sub(res[q])))
		}
		return r
	})
	ideal := make([]decimal.Decimal, len(res))
	for _, p := range acc {
		for q := range res {
			ideal[q] = decimal.Max(ideal[q], p.values[q].Sub(res[q]))
		}
	}
	out.ks = best(func(p refPackage) *big.Rat {
		var m *big.Rat
		for q := range res {
			if ideal[q].IsZero() {
				continue
			}
			r := new(big.Rat).Quo(rat(p.values[q].Sub(res[q])), rat(ideal[q]))
			if m == nil || r.Cmp(m) < 0 {
				m = r
			}
		}
		if m == nil {
			return new(big.Rat)
		}
		return m
	})
	out.egal = best(func(p refPackage) *big.Rat {
		m := p.values[0].Sub(res[0])
		for q := range res {
			m = decimal.Min(m, p.values[q].Sub(res[q]))
		}
		return rat(m)
	})
	out.wel = best(func(p refPackage) *big.Rat {
		s := decimal.Zero
		for q := range res {
			s = s.Add(p.values[q])
		}
		return rat(s)
	})
	return out
}

func refDominates(u, v []decimal.Decimal) bool {
	more := false
	for q := range u {
		if u[q].LessThan(v[q]) {
			return false
		}
		if u[q].GreaterThan(v[q]) {
			more = true
		}
	}
	return more
}

func refEvaluate(c negotiationtest.CaseData, choice []int) refPackage {
	p := refPackage{choice: choice, key: packageKey(c.Issues, choice)}
	var pk agreement.Package
	var clauses []agreement.Clause
	chosen := map[negotiation.Choice]bool{}
	for i, a := range choice {
		alt := c.Issues[i].Alternatives[a]
		pk.Options = append(pk.Options, alt.Options...)
		clauses = append(clauses, alt.Clauses...)
		chosen[negotiation.Choice{Issue: c.Issues[i].ID, Alternative: alt.ID}] = true
	}
	p.feasible = pk.Validate(c.Territory) == nil
	var settled agreement.Settlement
	if p.feasible {
		var err error
		settled, err = pk.Apply(c.Territory)
		if err != nil {
			panic(err)
		}
		clauses = append(clauses, settled.Clauses...)
	}
	p.acceptable = p.feasible
	for _, pos := range c.Positions {
		v := decimal.Zero
		for _, iv := range pos.Issues {
			for _, av := range iv.Values {
				if chosen[negotiation.Choice{Issue: iv.Issue, Alternative: av.Alternative}] {
					v = v.Add(iv.Weight.Mul(av.Value))
				}
			}
		}
		for _, pv := range pos.Pairs {
			if chosen[pv.A] && chosen[pv.B] {
				v = v.Add(pv.Value)
			}
		}
		p.values = append(p.values, v)
		if v.LessThan(pos.Reservation) {
			p.acceptable = false
			p.below = append(p.below, string(pos.Party))
		}
		for _, rl := range pos.RedLines {
			if p.feasible && refCrosses(c, rl, chosen, clauses, settled.Territory) {
				p.crossed = append(p.crossed, string(pos.Party)+"/"+rl.ID)
				p.acceptable = false
			}
		}
	}
	return p
}

func refCrosses(c negotiationtest.CaseData, rl negotiation.RedLine, chosen map[negotiation.Choice]bool, clauses []agreement.Clause, t agreement.Territory) bool {
	switch {
	case rl.Choice != nil:
		return chosen[rl.Choice.Choice] != rl.Choice.Require
	case rl.Clause != nil:
		for _, cl := range clauses {
			for _, cm := range refCommitments(c, cl) {
				if refCommitmentMatches(c, cm, rl.Clause.Pattern) {
					return true
				}
			}
		}
		return false
	default:
		tl := rl.Territory
		held, total := decimal.Zero, decimal.Zero
		for _, a := range t.Areas {
			if !slices.Contains(tl.Areas, a.ID) {
				continue
			}
			share := a.SovereigntyOf(tl.Party)
			if tl.Control {
				share = a.ControlOf(tl.Party)
			}
			held = held.Add(a.Size.Mul(share))
			total = total.Add(a.Size)
		}
		// held is in km² × percent; the share is held / total.
		return !refWithin(held, total, tl.Bound)
	}
}

// refWithin reports whether num/den (den > 0) lies within b.
func refWithin(num, den decimal.Decimal, b agreement.Bound) bool {
	if lo, open, ok := b.Min(); ok {
		if c := num.Cmp(lo.Mul(den)); c < 0 || open && c == 0 {
			return false
		}
	}
	if hi, open, ok := b.Max(); ok {
		if c := num.Cmp(hi.Mul(den)); c > 0 || open && c == 0 {
			return false
		}
	}
	return true
}

// refCommitment is one (actor, group, target, area, kind, amounts) a
// clause commits to, by the reference's own reading of ClauseLine: the
// parties that could perform the action are its actor, else its group's
// members, else its debtors (jointly or severally alike), else nobody.
type refCommitment struct {
	kind   agreement.EventKind
	actor  agreement.PartyID
	group  agreement.GroupID
	target agreement.PartyID
	area   agreement.AreaID
	item   string
	troops []agreement.Range
}

func refCommitments(c negotiationtest.CaseData, cl agreement.Clause) []refCommitment {
	if cl.Kind == agreement.DeonticProhibition || cl.Action == nil {
		return nil
	}
	act := *cl.Action
	parties := func(id agreement.PartyID) []agreement.PartyID {
		switch id {
		case agreement.Debtor:
			return cl.Debtors
		case agreement.Creditor:
			return cl.Creditors
		case "":
			return nil
		}
		return []agreement.PartyID{id}
	}
	actors := parties(act.Actor)
	if act.Actor == "" && act.Group != "" {
		for _, g := range c.Groups {
			if g.ID == act.Group {
				actors = g.Members
			}
		}
	} else if act.Actor == "" {
		actors = cl.Debtors
	}
	if len(actors) == 0 {
		actors = []agreement.PartyID{""}
	}
	targets := parties(act.Target)
	if len(targets) == 0 {
		targets = []agreement.PartyID{""}
	}
	var out []refCommitment
	for _, a := range actors {
		for _, tg := range targets {
			out = append(out, refCommitment{kind: act.Kind, actor: a, group: act.Group, target: tg, area: act.Area,
				item: act.Item, troops: cl.Quantities})
		}
	}
	return out
}

func refCommitmentMatches(c negotiationtest.CaseData, cm refCommitment, p agreement.Pattern) bool {
	if cm.kind != p.Kind {
		return false
	}
	if p.Actor != "" && cm.actor != p.Actor || p.Target != "" && cm.target != p.Target ||
		p.Area != "" && cm.area != p.Area || p.Item != "" && cm.item != p.Item {
		return false
	}
	if p.Group != "" {
		members := map[agreement.GroupID][]agreement.PartyID{}
		for _, g := range c.Groups {
			members[g.ID] = g.Members
		}
		in := cm.actor != "" && slices.Contains(members[p.Group], cm.actor)
		sub := cm.group != "" && len(members[cm.group]) > 0
		for _, m := range members[cm.group] {
			sub = sub && slices.Contains(members[p.Group], m)
		}
		if !in && !sub && cm.group != p.Group {
			return false
		}
	}
	if !p.Measure.IsZero() {
		hit := false
		for _, r := range cm.troops {
			hit = hit || r.Unit == p.Measure.Unit() && refWithin(r.Max, decimal.NewFromInt(1), p.Measure)
		}
		return hit
	}
	return true
}

// summary is an analysis in terms independent of the order of issues,
// alternatives and enumeration: package keys and value keys.
type summary struct {
	Acceptable uint64
	Infeasible uint64
	Frontier   map[string][]string
	Nash, KS   []string
	Egal, Wel  []string
}

func summarise(s *negotiation.Space, a *negotiation.Analysis) summary {
	issues := s.Issues()
	out := summary{Acceptable: a.Acceptable, Infeasible: a.Infeasible, Frontier: map[string][]string{}}
	for _, pt := range a.Frontier {
		vk := valueKey(pt.Values)
		for p := range pt.All() {
			out.Frontier[vk] = append(out.Frontier[vk], packageKey(issues, p))
		}
		slices.Sort(out.Frontier[vk])
	}
	keys := func(pts []negotiation.Point) []string {
		var ks []string
		for _, pt := range pts {
			ks = append(ks, valueKey(pt.Values))
		}
		slices.Sort(ks)
		return ks
	}
	out.Nash, out.KS, out.Egal, out.Wel = keys(a.Nash), keys(a.KalaiSmorodinsky), keys(a.Egalitarian), keys(a.Welfare)
	return out
}

func refSummary(r refResult) summary {
	out := summary{Frontier: r.frontier, Nash: r.nash, KS: r.ks, Egal: r.egal, Wel: r.wel}
	for _, p := range r.packages {
		if p.acceptable {
			out.Acceptable++
		}
		if !p.feasible {
			out.Infeasible++
		}
	}
	for _, v := range out.Frontier {
		slices.Sort(v)
	}
	return out
}

func analyse(t *rapid.T, c negotiationtest.CaseData, opt negotiation.Options) (*negotiation.Space, *negotiation.Evaluator, *negotiation.Analysis) {
	s, err := negotiation.NewSpace(c.Territory, c.Groups, c.Issues)
	if err != nil {
		t.Fatalf("NewSpace: %v", err)
	}
	e, err := negotiation.Compile(s, c.Positions)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	a, err := e.Analyze(opt)
	if err != nil {
		t.Fatalf("Analyze: %v", err)
	}
	return s, e, a
}

// drawOptions draws an enumeration order, a chunk size small enough to
// merge several chunks, and a number of workers.
func drawOptions(t *rapid.T, k int) negotiation.Options {
	order := rapid.Permutation(seq(k)).Draw(t, "order")
	return negotiation.Options{Order: order, Chunk: rapid.IntRange(1, 8).Draw(t, "chunk"), Workers: rapid.IntRange(1, 3).Draw(t, "workers")}
}

func seq(k int) []int {
	s := make([]int, k)
	for i := range s {
		s[i] = i
	}
	return s
}

func TestPropertyAnalysisMatchesReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{}).Draw(t, "case")
		s, e, a := analyse(t, c, drawOptions(t, len(c.Issues)))
		ref := reference(c)
		if diff := cmp.Diff(refSummary(ref), summarise(s, a)); diff != "" {
			t.Fatalf("analysis differs from the reference (-want +got):\n%s", diff)
		}
		if a.Packages != uint64(len(ref.packages)) {
			t.Fatalf("Packages = %d, want %d", a.Packages, len(ref.packages))
		}
		for _, rp := range ref.packages {
			ev, err := e.Evaluate(rp.choice)
			if err != nil {
				t.Fatal(err)
			}
			if (ev.Conflict == nil) != rp.feasible {
				t.Fatalf("%s: conflict %v, reference feasible %v", rp.key, ev.Conflict, rp.feasible)
			}
			if got := valueKey(ev.Values); got != valueKey(rp.values) {
				t.Fatalf("%s: values %s, reference %s", rp.key, got, valueKey(rp.values))
			}
			if rp.feasible {
				var crossed []string
				for _, cr := range ev.Crossed {
					crossed = append(crossed, string(cr.Party)+"/"+cr.RedLine)
				}
				if !slices.Equal(crossed, rp.crossed) {
					t.Fatalf("%s: crossed %v, reference %v", rp.key, crossed, rp.crossed)
				}
			}
			if ev.Acceptable() != rp.acceptable {
				t.Fatalf("%s: acceptable %v, reference %v", rp.key, ev.Acceptable(), rp.acceptable)
			}
		}
	})
}

// TestPropertyCertificates checks the frontier and the certificate of
// every package against the reference: an infeasible package's certificate
// names a conflict, a feasible one's the red lines the reference finds
// crossed and the parties it finds below their reservation; a package is
// certified acceptable (on the frontier or dominated) exactly when the
// reference finds it acceptable; frontier members are undominated by any
// acceptable package of the reference; an acceptable package off the
// frontier is dominated, in the reference's values, by the frontier point
// its certificate names.
func TestPropertyCertificates(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{}).Draw(t, "case")
		s, _, a := analyse(t, c, drawOptions(t, len(c.Issues)))
		var acceptable [][]decimal.Decimal
		onFrontier, excluded := 0, 0
		for p := range s.All() {
			ref := refEvaluate(c, slices.Clone(p))
			cert, err := a.Certify(p)
			if err != nil {
				t.Fatal(err)
			}
			if (cert.Conflict == nil) != ref.feasible {
				t.Fatalf("%s: certificate conflict %v, reference feasible %v", ref.key, cert.Conflict, ref.feasible)
			}
			var crossed, below []string
			for _, cr := range cert.Crossed {
				crossed = append(crossed, string(cr.Party)+"/"+cr.RedLine)
			}
			for _, b := range cert.Below {
				below = append(below, string(b))
			}
			if ref.feasible && !slices.Equal(crossed, ref.crossed) {
				t.Fatalf("%s: certificate crosses %v, reference %v", ref.key, crossed, ref.crossed)
			}
			if !slices.Equal(below, ref.below) {
				t.Fatalf("%s: certificate below %v, reference %v", ref.key, below, ref.below)
			}
			if certAcceptable := cert.OnFrontier || cert.DominatedBy != nil; certAcceptable != ref.acceptable {
				t.Fatalf("%s: certified acceptable %v, reference %v (crossed %v, below %v)", ref.key, certAcceptable, ref.acceptable, ref.crossed, ref.below)
			}
			if !ref.acceptable {
				excluded++
				continue
			}
			acceptable = append(acceptable, ref.values)
			switch {
			case cert.OnFrontier:
				onFrontier++
			case !refDominates(cert.DominatedBy.Values, ref.values):
				t.Fatalf("%s: certificate %v does not dominate %v", ref.key, cert.DominatedBy.Values, ref.values)
			}
		}
		n := 0
		for _, pt := range a.Frontier {
			n += int(pt.Count)
			for _, v := range acceptable {
				if refDominates(v, pt.Values) {
					t.Fatalf("frontier point %v dominated by %v", pt.Values, v)
				}
			}
		}
		if n != onFrontier {
			t.Fatalf("frontier holds %d packages, certificates say %d", n, onFrontier)
		}
		if uint64(len(acceptable)) != a.Acceptable {
			t.Fatalf("Acceptable = %d, reference %d", a.Acceptable, len(acceptable))
		}
		streamed := 0
		for range a.Excluded() {
			streamed++
		}
		if want := excluded + len(acceptable) - onFrontier; streamed != want {
			t.Fatalf("Excluded streams %d packages, want %d", streamed, want)
		}
	})
}

// permute returns c with its issues, each issue's alternatives, the
// positions and each position's lists permuted.
func permute(t *rapid.T, c negotiationtest.CaseData) negotiationtest.CaseData {
	out := c
	out.Issues = nil
	for _, i := range rapid.Permutation(seq(len(c.Issues))).Draw(t, "issue-order") {
		is := c.Issues[i]
		is.Alternatives = nil
		for _, a := range rapid.Permutation(seq(len(c.Issues[i].Alternatives))).Draw(t, "alternative-order") {
			is.Alternatives = append(is.Alternatives, c.Issues[i].Alternatives[a])
		}
		out.Issues = append(out.Issues, is)
	}
	out.Positions = nil
	for _, pos := range c.Positions {
		p := pos
		p.Issues = rapid.Permutation(pos.Issues).Draw(t, "issue-values")
		p.Pairs = rapid.Permutation(pos.Pairs).Draw(t, "pairs")
		out.Positions = append(out.Positions, p)
	}
	return out
}

func TestPropertyPermutationInvariant(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{}).Draw(t, "case")
		s, _, a := analyse(t, c, negotiation.Options{})
		pc := permute(t, c)
		ps, _, pa := analyse(t, pc, drawOptions(t, len(pc.Issues)))
		if diff := cmp.Diff(summarise(s, a), summarise(ps, pa)); diff != "" {
			t.Fatalf("permuted analysis differs (-want +got):\n%s", diff)
		}
	})
}

// TestPropertyDominatedAlternativeAdded adds to one issue a copy of one of
// its alternatives (same options, clauses, pairs and red lines) worth one
// less to every party that weighs the issue, at least one of them: every
// package choosing it is strictly dominated by the same package choosing
// the original, so the frontier and every solution stay the same.
func TestPropertyDominatedAlternativeAdded(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{Issues: 3, Alternatives: 3}).Draw(t, "case")
		i := rapid.IntRange(0, len(c.Issues)-1).Draw(t, "issue")
		a := rapid.IntRange(0, len(c.Issues[i].Alternatives)-1).Draw(t, "alternative")
		issue := c.Issues[i].ID
		orig := c.Issues[i].Alternatives[a]
		// Make the first party weigh the issue, in both cases.
		ensureWeighed(&c.Positions[0], issue)
		s, _, base := analyse(t, c, negotiation.Options{})

		d := c
		d.Issues = slices.Clone(c.Issues)
		d.Issues[i].Alternatives = append(slices.Clone(c.Issues[i].Alternatives), negotiation.Alternative{
			ID: "worse", Options: orig.Options, Clauses: orig.Clauses})
		origChoice := negotiation.Choice{Issue: issue, Alternative: orig.ID}
		worse := negotiation.Choice{Issue: issue, Alternative: "worse"}
		d.Positions = nil
		for _, pos := range c.Positions {
			p := pos
			p.Issues = nil
			for _, iv := range pos.Issues {
				iv.Values = slices.Clone(iv.Values)
				if iv.Issue == issue {
					v := decimal.Zero
					for _, av := range iv.Values {
						if av.Alternative == orig.ID {
							v = av.Value
						}
					}
					iv.Values = append(iv.Values, negotiation.AlternativeValue{Alternative: "worse", Value: v.Sub(decimal.NewFromInt(1))})
				}
				p.Issues = append(p.Issues, iv)
			}
			p.Pairs = slices.Clone(pos.Pairs)
			for _, pv := range pos.Pairs {
				if pv.A == origChoice {
					pv.A = worse
					p.Pairs = append(p.Pairs, pv)
				} else if pv.B == origChoice {
					pv.B = worse
					p.Pairs = append(p.Pairs, pv)
				}
			}
			p.RedLines = slices.Clone(pos.RedLines)
			for _, rl := range pos.RedLines {
				if rl.Choice != nil && rl.Choice.Choice == origChoice && !rl.Choice.Require {
					p.RedLines = append(p.RedLines, negotiation.RedLine{ID: rl.ID + "-worse", Choice: &negotiation.ChoiceLine{Choice: worse}})
				}
			}
			d.Positions = append(d.Positions, p)
		}
		ds, _, more := analyse(t, d, drawOptions(t, len(d.Issues)))
		want, got := summarise(s, base), summarise(ds, more)
		got.Acceptable, got.Infeasible = want.Acceptable, want.Infeasible
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("adding a dominated alternative changed the analysis (-want +got):\n%s", diff)
		}
	})
}

// ensureWeighed gives issue a positive weight in pos, keeping its values.
func ensureWeighed(pos *negotiation.Position, issue negotiation.IssueID) {
	pos.Issues = slices.Clone(pos.Issues)
	for k, iv := range pos.Issues {
		if iv.Issue == issue {
			if iv.Weight.IsZero() {
				pos.Issues[k].Weight = decimal.NewFromInt(1)
			}
			return
		}
	}
	pos.Issues = append(pos.Issues, negotiation.IssueValue{Issue: issue, Weight: decimal.NewFromInt(1)})
}

// TestPropertyAffineRescaling rescales one party's values and reservation,
// v -> a*v + b with a > 0; the frontier packages, the Nash point and the
// Kalai-Smorodinsky point stay the same packages.
func TestPropertyAffineRescaling(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{}).Draw(t, "case")
		s, _, base := analyse(t, c, negotiation.Options{})
		q := rapid.IntRange(0, len(c.Positions)-1).Draw(t, "party")
		scale := decimal.New(int64(rapid.IntRange(1, 40).Draw(t, "scale")), -1)
		shift := int64(rapid.IntRange(-20, 20).Draw(t, "shift"))
		pos := c.Positions[q]
		r := pos
		r.Issues = nil
		first := c.Issues[0]
		w := decimal.NewFromInt(1)
		shifted := false
		for _, iv := range pos.Issues {
			nv := negotiation.IssueValue{Issue: iv.Issue, Weight: iv.Weight}
			if iv.Issue == first.ID && !iv.Weight.IsZero() {
				w, shifted = iv.Weight, true
				for _, alt := range first.Alternatives {
					v := decimal.Zero
					for _, av := range iv.Values {
						if av.Alternative == alt.ID {
							v = av.Value
						}
					}
					nv.Values = append(nv.Values, negotiation.AlternativeValue{Alternative: alt.ID, Value: v.Mul(scale).Add(decimal.NewFromInt(shift))})
				}
			} else {
				for _, av := range iv.Values {
					nv.Values = append(nv.Values, negotiation.AlternativeValue{Alternative: av.Alternative, Value: av.Value.Mul(scale)})
				}
				if iv.Issue == first.ID {
					// A zero weight: the issue contributes nothing; give
					// it weight one and the shift as every value.
					nv.Weight = decimal.NewFromInt(1)
					nv.Values = nil
					for _, alt := range first.Alternatives {
						nv.Values = append(nv.Values, negotiation.AlternativeValue{Alternative: alt.ID, Value: decimal.NewFromInt(shift)})
					}
					shifted = true
				}
			}
			r.Issues = append(r.Issues, nv)
		}
		if !shifted {
			nv := negotiation.IssueValue{Issue: first.ID, Weight: decimal.NewFromInt(1)}
			for _, alt := range first.Alternatives {
				nv.Values = append(nv.Values, negotiation.AlternativeValue{Alternative: alt.ID, Value: decimal.NewFromInt(shift)})
			}
			r.Issues = append(r.Issues, nv)
		}
		r.Pairs = nil
		for _, pv := range pos.Pairs {
			pv.Value = pv.Value.Mul(scale)
			r.Pairs = append(r.Pairs, pv)
		}
		r.Reservation = pos.Reservation.Mul(scale).Add(w.Mul(decimal.NewFromInt(shift)))
		d := c
		d.Positions = slices.Clone(c.Positions)
		d.Positions[q] = r
		ds, _, scaled := analyse(t, d, negotiation.Options{})
		pkgs := func(s *negotiation.Space, pts []negotiation.Point) []string {
			var out []string
			for _, pt := range pts {
				for p := range pt.All() {
					out = append(out, packageKey(s.Issues(), p))
				}
			}
			slices.Sort(out)
			return out
		}
		for _, x := range []struct {
			name      string
			want, got []negotiation.Point
		}{
			{"frontier", base.Frontier, scaled.Frontier},
			{"Nash", base.Nash, scaled.Nash},
			{"Kalai-Smorodinsky", base.KalaiSmorodinsky, scaled.KalaiSmorodinsky},
		} {
			if diff := cmp.Diff(pkgs(s, x.want), pkgs(ds, x.got)); diff != "" {
				t.Fatalf("%s changed under v -> %s v + %d for %s (-want +got):\n%s", x.name, scale, shift, pos.Party, diff)
			}
		}
		if base.Acceptable != scaled.Acceptable {
			t.Fatalf("acceptable %d, rescaled %d", base.Acceptable, scaled.Acceptable)
		}
	})
}

var _ = fmt.Sprint
