package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"cel.dev/cel-go/cel"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// t0 is the instant the gate's and the benchmarks' timelines start at.
var t0 = time.Date(2026, time.January, 10, 12, 0, 0, 0, time.UTC)

// maxDisagreements bounds the disagreements a gate keeps for its report.
const maxDisagreements = 10

// gate checks that peacekit and CEL give the same truth value for every
// condition on the same histories. It evaluates CEL twice, with and
// without cel.OptOptimize, and peacekit once; it also records which
// combinations of atom values each condition met, to show what the
// exhaustive part covered. A gate is not safe for concurrent use.
type gate struct {
	conds []condition
	// ev evaluates the conditions (indices 0 to len(conds)-1), then every
	// atom of every condition; atoms[i] are condition i's atom indices.
	ev    *scenario.Evaluator
	atoms [][]int
	hist  *scenario.History
	// plain and opt are the CEL programs without and with OptOptimize.
	plain, opt []cel.Program

	// checks counts comparisons: one per condition, instant, state
	// combination and CEL program.
	checks        int
	disagreements []disagreement
	failures      int
}

// disagreement is one evaluation on which the two sides differ (or CEL
// failed).
type disagreement struct {
	cond      string
	events    []agreement.Event
	at        time.Time
	st        states
	pk, cel   bool
	optimized bool
	err       error
}

func (d disagreement) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s at t0%+v (agreement %s, clauses %v): peacekit %t, CEL", d.cond, d.at.Sub(t0),
		d.st.agreement, d.st.clauses, d.pk)
	if d.optimized {
		b.WriteString(" (OptOptimize)")
	}
	if d.err != nil {
		fmt.Fprintf(&b, " error %v", d.err)
	} else {
		fmt.Fprintf(&b, " %t", d.cel)
	}
	b.WriteString("; events:")
	for _, ev := range d.events {
		b.WriteString("\n\t" + eventString(ev))
	}
	return b.String()
}

// eventString writes ev on one line with its instant relative to t0.
func eventString(ev agreement.Event) string {
	return fmt.Sprintf("t0%+v %s actor=%q target=%q reporter=%q attribution=%q", ev.At.Sub(t0), ev.Kind,
		ev.Actor, ev.Target, ev.Reporter, ev.Attribution)
}

// newGate compiles both sides of conds.
func newGate(conds []condition) (*gate, error) {
	g := &gate{conds: conds}
	all := make([]agreement.Condition, 0, 2*len(conds))
	for _, c := range conds {
		all = append(all, c.pk)
	}
	for _, c := range conds {
		var idx []int
		for _, a := range atomsOf(c.pk) {
			idx = append(idx, len(all))
			all = append(all, a)
		}
		g.atoms = append(g.atoms, idx)
	}
	var err error
	if g.ev, err = scenario.NewEvaluator(scope(), all...); err != nil {
		return nil, err
	}
	g.hist = g.ev.NewHistory()
	env, err := newCELEnv()
	if err != nil {
		return nil, err
	}
	if g.plain, err = compileCEL(env, conds); err != nil {
		return nil, err
	}
	if g.opt, err = compileCEL(env, conds, cel.EvalOptions(cel.OptOptimize)); err != nil {
		return nil, err
	}
	return g, nil
}

// atomsOf returns the atoms of c, depth first.
func atomsOf(c agreement.Condition) []agreement.Condition {
	var out []agreement.Condition
	agreement.Walk(c, func(n agreement.Condition) bool {
		if len(agreement.Operands(n)) == 0 {
			if _, ok := n.(*agreement.AllCondition); !ok {
				if _, ok := n.(*agreement.AnyCondition); !ok {
					out = append(out, n)
				}
			}
		}
		return true
	})
	return out
}

// ok reports whether no evaluation disagreed.
func (g *gate) ok() bool { return g.failures == 0 }

// check evaluates condition only (every condition if only < 0) at each of
// instants (in increasing order) over the events up to it, with states st,
// on both sides. events must be in time order. If cov is not nil, it
// records the atom values and the condition's value met, as a bit vector
// (the condition's value in the lowest bit). vals selects the CEL input
// form: celEventVal when true, celEvent otherwise.
func (g *gate) check(events []agreement.Event, instants []time.Time, st states, only int, cov map[uint64]bool, vals bool) error {
	h := g.hist
	h.Reset()
	if err := h.SetAgreementState(st.agreement); err != nil {
		return err
	}
	for i, id := range scopeClauses {
		if err := h.SetClauseState(agreement.LocalRef(id), st.clauses[i]); err != nil {
			return err
		}
	}
	in := make([]any, len(events))
	for i, ev := range events {
		if vals {
			in[i] = celEventVal(ev)
		} else {
			in[i] = celEvent(ev)
		}
	}
	lo, hi := 0, len(g.conds)
	if only >= 0 {
		lo, hi = only, only+1
	}
	n := 0
	for _, at := range instants {
		for n < len(events) && !events[n].At.After(at) {
			if err := h.Add(events[n]); err != nil {
				return err
			}
			n++
		}
		vars := celVars(in[:n], at, st)
		for i := lo; i < hi; i++ {
			want := g.ev.Eval(i, h, at)
			for k, prg := range [2]cel.Program{g.plain[i], g.opt[i]} {
				g.checks++
				got, err := celEval(prg, vars)
				if err == nil && got == want {
					continue
				}
				g.failures++
				if len(g.disagreements) < maxDisagreements {
					g.disagreements = append(g.disagreements, disagreement{cond: g.conds[i].name,
						events: slices.Clone(events[:n]), at: at, st: st, pk: want, cel: got, optimized: k == 1,
						err: err})
				}
			}
			if cov != nil {
				v := uint64(0)
				if want {
					v = 1
				}
				for j, a := range g.atoms[i] {
					if g.ev.Eval(a, h, at) {
						v |= 1 << (j + 1)
					}
				}
				cov[v] = true
			}
		}
	}
	return nil
}

// coverage is what the exhaustive part of the gate covered for one
// condition.
type coverage struct {
	cond string
	// alphabet is the number of distinct events histories were made of;
	// maxLen the longest history; gaps the choices of time between two
	// consecutive events; stateCombos the agreement and clause states
	// tried with each history.
	alphabet, maxLen, gaps, stateCombos int
	// histories counts the histories enumerated; evaluations the instants
	// times state combinations at which the condition was compared.
	histories, evaluations int
	// atoms is the number of atoms; seen the distinct combinations of atom
	// values met; atomsBoth whether every atom was met both true and false;
	// valueBoth whether the condition was.
	atoms, seen          int
	atomsBoth, valueBoth bool
}

func (c coverage) String() string {
	return fmt.Sprintf("%-26s %2d events, up to %d long, %d gaps, %3d state combinations: %6d histories, %7d evaluations; atom combinations met %2d of %3d",
		c.cond, c.alphabet, c.maxLen, c.gaps, c.stateCombos, c.histories, c.evaluations, c.seen, 1<<c.atoms)
}

// exhaustive compares condition i on every history of up to some length
// over a small alphabet derived from its patterns (an event matching each
// pattern, and for each filter of the pattern an event that differs from
// it in that filter only), with every choice of gap between consecutive
// events from a small set (same instant, one day, and past each window of
// the condition), evaluated at every event instant, at each window's
// boundary after every event and its last nanosecond before, and after
// the last event; and with every combination of the agreement and clause
// states the condition reads. The length is the largest that keeps
// histories times state combinations within budget.
func (g *gate) exhaustive(i int, budget int) (coverage, error) {
	c := g.conds[i]
	alpha, durs, order := alphabet(c.pk)
	gaps := []time.Duration{agreement.Day}
	if order {
		gaps = append(gaps, 0)
	}
	for _, d := range durs {
		gaps = append(gaps, d+agreement.Day)
	}
	combos := stateCombos(c.pk)
	maxLen := 0
	for len(alpha) > 0 && maxLen < 8 && countHistories(len(alpha), len(gaps), maxLen+1)*len(combos) <= budget {
		maxLen++
	}
	cov := coverage{cond: c.name, alphabet: len(alpha), maxLen: maxLen, gaps: len(gaps), stateCombos: len(combos),
		atoms: len(g.atoms[i])}
	seen := map[uint64]bool{}
	events := make([]agreement.Event, 0, maxLen)
	var rec func(l int) error
	rec = func(l int) error {
		instants := checkInstants(events, durs)
		for _, st := range combos {
			if err := g.check(events, instants, st, i, seen, cov.histories%2 == 1); err != nil {
				return err
			}
			cov.evaluations += len(instants)
		}
		cov.histories++
		if l == maxLen {
			return nil
		}
		for _, gap := range gaps {
			at := t0
			if l > 0 {
				at = events[l-1].At.Add(gap)
			} else if gap != gaps[0] {
				continue // the first event has no gap before it
			}
			for _, a := range alpha {
				a.At = at
				events = append(events, a)
				if err := rec(l + 1); err != nil {
					return err
				}
				events = events[:l]
			}
		}
		return nil
	}
	if err := rec(0); err != nil {
		return cov, err
	}
	cov.seen = len(seen)
	var t, f uint64
	var vt, vf bool
	for v := range seen {
		t, f = t|v, f|^v
		vt, vf = vt || v&1 == 1, vf || v&1 == 0
	}
	mask := uint64(1)<<(cov.atoms+1) - 2
	cov.atomsBoth = t&mask == mask && f&mask == mask
	cov.valueBoth = vt && vf
	return cov, nil
}

// countHistories returns the number of histories of length 0 to n over k
// events with g choices of gap.
func countHistories(k, g, n int) int {
	total, words := 1, 1
	for l := 1; l <= n; l++ {
		words *= k
		if l > 1 {
			words *= g
		}
		total += words
	}
	return total
}

// checkInstants returns, in increasing order and without repeats, the
// instants at which the exhaustive gate evaluates a history: before any
// event, at every event, at each window's end after every event and just
// before it, and an hour after the last event.
func checkInstants(events []agreement.Event, durs []time.Duration) []time.Time {
	out := []time.Time{t0.Add(-time.Hour)}
	for _, ev := range events {
		out = append(out, ev.At)
		for _, d := range durs {
			out = append(out, ev.At.Add(d), ev.At.Add(d-1))
		}
	}
	if n := len(events); n > 0 {
		out = append(out, events[n-1].At.Add(time.Hour))
	}
	slices.SortFunc(out, time.Time.Compare)
	return slices.CompactFunc(out, time.Time.Equal)
}

// alphabet returns the events exhaustive histories of c are made of, the
// durations of its timed atoms, and whether the order or spacing of events
// can matter (c has a fluent, an order or a timed atom).
func alphabet(c agreement.Condition) (events []agreement.Event, durs []time.Duration, order bool) {
	var pats []agreement.Pattern
	fluents := scope().Fluents
	agreement.Walk(c, func(n agreement.Condition) bool {
		switch n := n.(type) {
		case *agreement.HappenedCondition:
			pats = append(pats, n.Pattern())
		case *agreement.BeforeCondition:
			pats, order = append(pats, n.First(), n.Then()), true
		case *agreement.WithinCondition:
			pats, order = append(pats, n.Pattern()), true
			durs = append(durs, n.Duration())
		case *agreement.SinceCondition:
			pats, order = append(pats, n.Pattern()), true
			durs = append(durs, n.Duration())
		case *agreement.HoldsCondition:
			order = true
			for _, f := range fluents {
				if f.ID == n.Fluent() {
					pats = append(pats, f.Initiates...)
					pats = append(pats, f.Terminates...)
				}
			}
		}
		return true
	})
	slices.Sort(durs)
	durs = slices.Compact(durs)
	add := func(ev agreement.Event) {
		if !slices.ContainsFunc(events, func(e agreement.Event) bool { return sameEvent(e, ev) }) {
			events = append(events, ev)
		}
	}
	for _, p := range pats {
		match := agreement.Event{Kind: p.Kind, Actor: p.Actor, Target: p.Target, Reporter: p.Reporter,
			Attribution: p.Attribution}
		members := groupMembers(p.Group)
		if p.Group != "" {
			match.Actor = members[0]
		}
		add(match)
		if p.Actor != "" || p.Group != "" {
			miss := match
			miss.Actor = otherParty(append(members, match.Actor)...)
			add(miss)
		}
		if p.Target != "" {
			miss := match
			miss.Target = otherParty(p.Target)
			add(miss)
		}
		if p.Reporter != "" {
			miss := match
			miss.Reporter = otherParty(p.Reporter)
			add(miss)
		}
		if p.Attribution != agreement.AttributionUnspecified {
			miss := match
			miss.Attribution = agreement.AttributionAlleged + agreement.AttributionConfirmed - p.Attribution
			add(miss)
		}
	}
	return events, durs, order
}

// sameEvent reports whether a and b are the same alphabet event.
func sameEvent(a, b agreement.Event) bool {
	return a.Kind == b.Kind && a.Actor == b.Actor && a.Target == b.Target && a.Reporter == b.Reporter &&
		a.Attribution == b.Attribution
}

// groupMembers returns the members of group id of the scope; nil for "".
func groupMembers(id agreement.GroupID) []agreement.PartyID {
	for _, g := range scope().Groups {
		if g.ID == id {
			return slices.Clone(g.Members)
		}
	}
	return nil
}

// otherParty returns the first scope party, in the order RU, UA, then the
// others, that is none of not.
func otherParty(not ...agreement.PartyID) agreement.PartyID {
	for _, p := range append([]agreement.PartyID{"RU", "UA"}, allParties...) {
		if !slices.Contains(not, p) {
			return p
		}
	}
	panic("every party excluded")
}

// stateCombos returns every combination of the states c reads: each
// agreement state if it reads the agreement's, and each clause state for
// every clause it reads; the others stay at defaultStates.
func stateCombos(c agreement.Condition) []states {
	combos := []states{defaultStates()}
	agreement.Walk(c, func(n agreement.Condition) bool {
		var next []states
		switch n := n.(type) {
		case *agreement.AgreementInCondition:
			for _, st := range combos {
				for _, s := range []agreement.State{agreement.StateDraft, agreement.StateSigned, agreement.StateInForce,
					agreement.StateSuspended, agreement.StateTerminated} {
					st.agreement = s
					next = append(next, st)
				}
			}
		case *agreement.ClauseInCondition:
			ci := slices.Index(scopeClauses, n.Ref().Clause)
			for _, st := range combos {
				for s := agreement.StateDormant; s <= agreement.StateTerminated; s++ {
					st.clauses[ci] = s
					next = append(next, st)
				}
			}
		default:
			return true
		}
		combos = next
		return true
	})
	return combos
}

// generated compares every condition on n timelines drawn from r, each at
// several instants and with random states, and returns the number of
// evaluations (condition times instant).
func (g *gate) generated(r *rand.Rand, n int) (int, error) {
	evals := 0
	for k := range n {
		events := genTimeline(r, r.IntN(41))
		instants := genInstants(r, events, 5)
		if err := g.check(events, instants, genStates(r), -1, nil, k%2 == 1); err != nil {
			return evals, err
		}
		evals += len(instants) * len(g.conds)
	}
	return evals, nil
}

// genKinds are the kinds generated timelines draw from, repeated to weight
// them; "prisoner-exchange" and signing are kinds no condition mentions.
var genKinds = []agreement.EventKind{
	agreement.EventKindArmedAttack, agreement.EventKindArmedAttack, agreement.EventKindArmedAttack, agreement.EventKindArmedAttack,
	agreement.EventKindCeasefireInForce, agreement.EventKindCeasefireInForce, agreement.EventKindCeasefireCollapsed,
	agreement.EventKindForcesDeployed, agreement.EventKindForcesDeployed, agreement.EventKindRatification, agreement.EventKindRatification,
	agreement.EventKindWithdrawalCompleted, agreement.EventKindElectionHeld, monitoringEstablished, monitoringSuspended,
	"prisoner-exchange", agreement.EventKindSigning,
}

// genParty returns a scope party, or "" (not set) one time in eight.
func genParty(r *rand.Rand) agreement.PartyID {
	if r.IntN(8) == 0 {
		return ""
	}
	return allParties[r.IntN(len(allParties))]
}

// genEvent returns a random event at instant at.
func genEvent(r *rand.Rand, at time.Time) agreement.Event {
	ev := agreement.Event{At: at, Kind: genKinds[r.IntN(len(genKinds))], Actor: genParty(r), Target: genParty(r),
		Reporter: genParty(r), Attribution: agreement.Attribution(r.IntN(3))}
	// Bias towards the values the conditions filter on, so that they are
	// often true.
	if r.IntN(2) == 0 {
		ev.Actor = []agreement.PartyID{"RU", "US", "FR", "GB"}[r.IntN(4)]
	}
	if r.IntN(2) == 0 {
		ev.Target = "UA"
	}
	if r.IntN(2) == 0 {
		ev.Reporter = []agreement.PartyID{"US", "UA"}[r.IntN(2)]
	}
	return ev
}

// genGap returns a random time between two events: none (the same
// instant) one time in five, otherwise minutes to weeks.
func genGap(r *rand.Rand) time.Duration {
	if r.IntN(5) == 0 {
		return 0
	}
	unit := []time.Duration{time.Minute, time.Hour, agreement.Day, 7 * agreement.Day}[r.IntN(4)]
	return time.Duration(1+r.IntN(10)) * unit
}

// genTimeline returns n random events from t0 on, in time order.
func genTimeline(r *rand.Rand, n int) []agreement.Event {
	events := make([]agreement.Event, n)
	at := t0
	for i := range events {
		if i > 0 {
			at = at.Add(genGap(r))
		}
		events[i] = genEvent(r, at)
	}
	return events
}

// genInstants returns n instants, in increasing order, at which to evaluate
// events: before any event, at an event, at a window's end after an event
// or a nanosecond before it, or anywhere up to 40 days after the last
// event.
func genInstants(r *rand.Rand, events []agreement.Event, n int) []time.Time {
	last := t0
	if len(events) > 0 {
		last = events[len(events)-1].At
	}
	windows := []time.Duration{72 * time.Hour, 7 * agreement.Day, 14 * agreement.Day, 30 * agreement.Day}
	out := make([]time.Time, n)
	for i := range out {
		switch k := r.IntN(4); {
		case k == 0 && len(events) > 0:
			out[i] = events[r.IntN(len(events))].At
		case k == 1 && len(events) > 0:
			out[i] = events[r.IntN(len(events))].At.Add(windows[r.IntN(len(windows))] - time.Duration(r.IntN(2)))
		default:
			span := last.Add(40 * agreement.Day).Sub(t0)
			out[i] = t0.Add(-time.Hour + time.Duration(r.Int64N(int64(span+time.Hour))))
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

// genStates returns random agreement and clause states.
func genStates(r *rand.Rand) states {
	agr := []agreement.State{agreement.StateDraft, agreement.StateSigned, agreement.StateInForce, agreement.StateSuspended,
		agreement.StateTerminated}
	st := states{agreement: agr[r.IntN(len(agr))]}
	for i := range st.clauses {
		st.clauses[i] = agreement.StateDormant + agreement.State(r.IntN(int(agreement.StateTerminated-agreement.StateDormant)+1))
	}
	return st
}
