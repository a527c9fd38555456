package scenario_test

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// Property tests of the guarantees stated in the package doc (Guarantees), over
// agreements drawn by scenariotest.LifecycleProcess (and, for a fifth of the
// cases of the tests that allow it, by agreementtest.Process) and timelines
// drawn by scenariotest.Timeline. CI runs them with -rapid.checks=1000;
// agreements and timelines are capped (propMaxClauses, propMaxEvents) so that
// such a run stays within seconds.
//
// Each check draws a process and replays propTimelines timelines over it.
//
// Coverage rule: each test fails unless every edge of the lifecycle
// (scenariotest.Edges: the clause and agreement lifecycle tables of package
// agreement, distinguishing causes where a row names several) occurred in some
// replay of its run. The generators are tuned so that 100 checks (rapid's
// default) reach every edge with high probability: typically within 30 checks;
// in 99 runs in 100 within 80; the rarest edges occur in about one check in
// ten.
//
// TestPropertyAgreementGate and TestPropertyEntryIntoForceAtOnce check the
// package doc's Agreements (the agreement's state as a gate, which a
// provisional clause passes once its debtors have signed; entry into force
// at once when due), and the TestRegression tests at the end reproduce,
// minimally, the engine bugs the properties found.

const (
	propMaxClauses = 10 // clauses per agreement, resume powers included
	propAgreements = 2  // instruments per process
	propMinEvents  = 16 // events per timeline, at least
	propMaxEvents  = 32 // and at most
	propExercises  = 50 // percentage of events that exercise powers
	propIrrelevant = 8  // irrelevant events mixed into a timeline (unrelated events)
	propTimelines  = 8  // timelines per drawn process
)

// propCase is one drawn agreement (or process), its engine, a timeline and
// the end of its replay.
type propCase struct {
	p      agreement.Process
	e      *scenario.Engine
	tl     scenario.Timeline
	end    time.Time
	random bool // drawn by agreementtest rather than scenariotest
}

func propTimelineConfig() scenariotest.TimelineConfig {
	return scenariotest.TimelineConfig{MinEvents: propMinEvents, MaxEvents: propMaxEvents, Exercises: propExercises}
}

// propDraw draws a process: a lifecycle process (drawn with lc), or with
// random set, one time in five a random process of agreementtest; and
// compiles it.
func propDraw(t *rapid.T, lc scenariotest.LifecycleConfig, random bool) propCase {
	var c propCase
	if random && rapid.IntRange(0, 4).Draw(t, "random-agreements") == 0 {
		c.random = true
		c.p = agreementtest.Process(agreementtest.Config{Clauses: 6, Agreements: propAgreements, Depth: 2}).Draw(t, "process")
	} else {
		lc.Clauses, lc.Agreements = propMaxClauses, propAgreements
		c.p = scenariotest.LifecycleProcess(lc).Draw(t, "process")
	}
	var err error
	if c.e, err = scenario.CompileProcess(c.p); err != nil {
		t.Fatalf("CompileProcess of a generated process: %v", err)
	}
	return c
}

// propDrawTimeline draws a timeline for c; with amended set, a timeline
// with amendments, notices and renewals (scenariotest.AmendedTimeline).
func propDrawTimeline(t *rapid.T, c propCase, amended bool) propCase {
	cfg := propTimelineConfig()
	if amended {
		c.tl = scenariotest.AmendedTimeline(c.p, cfg).Draw(t, "timeline")
	} else {
		c.tl = scenariotest.Timeline(c.p, cfg).Draw(t, "timeline")
	}
	c.end = cfg.End()
	if err := c.tl.Validate(c.e); err != nil {
		t.Fatalf("generated timeline does not validate: %v\n%s", err, scenariotest.FormatTimeline(c.tl))
	}
	return c
}

func propReplay(t *rapid.T, e *scenario.Engine, tl scenario.Timeline, end time.Time) *scenario.Trace {
	t.Helper()
	tr, err := e.Replay(tl, end)
	if err != nil {
		t.Fatalf("Replay: %v\n%s", err, scenariotest.FormatTimeline(tl))
	}
	return tr
}

// propCheck runs prop over drawn cases, propTimelines timelines for each
// drawn process, and then applies the coverage rule: every lifecycle edge
// must have occurred in some replay passed to observe, except those of
// amendments, which its timelines do not have (see propCheckAmended), and,
// with absolute limits, the ends of clauses' terms.
func propCheck(t *testing.T, lc scenariotest.LifecycleConfig, random bool,
	prop func(t *rapid.T, c propCase, observe func(*scenario.Trace))) {
	var edges []scenariotest.Edge
	for _, e := range scenariotest.Edges() {
		// Absolute limits leave no clause a term.
		if e.Rule != scenariotest.RuleAmendment && !(lc.Absolute && !e.Agreement && e.Rule == scenariotest.RuleTerm) {
			edges = append(edges, e)
		}
	}
	propCheckWith(t, lc, random, false, propTimelines, scenariotest.NewCoverage(edges...), prop)
}

// propCheckAmended is propCheck for a property that holds under
// amendments: its timelines have some, and every edge must occur. The
// rarest edges (a clause suspended when an amendment removes it, or the
// power holding it) need three times as many timelines per process.
func propCheckAmended(t *testing.T, lc scenariotest.LifecycleConfig, random bool,
	prop func(t *rapid.T, c propCase, observe func(*scenario.Trace))) {
	propCheckWith(t, lc, random, true, 3*propTimelines, scenariotest.NewCoverage(), prop)
}

func propCheckWith(t *testing.T, lc scenariotest.LifecycleConfig, random, amended bool, timelines int,
	cov *scenariotest.Coverage, prop func(t *rapid.T, c propCase, observe func(*scenario.Trace))) {
	checks := 0
	run := func() {
		rapid.Check(t, func(t *rapid.T) {
			checks++
			c := propDraw(t, lc, random)
			for range timelines {
				prop(t, propDrawTimeline(t, c, amended), cov.Observe)
			}
		})
	}
	run()
	if t.Failed() {
		return
	}
	if testing.Short() {
		// -short runs too few cases for every edge to occur; the coverage
		// rule applies to full runs (and to CI's 1,000 checks).
		t.Logf("coverage (not enforced with -short): %d edges missing", len(cov.Missing()))
		return
	}
	// The rarest edges take a few hundred replays on most seeds and
	// more on a few: rather than fail a run whose property held on
	// every case, run the property again (on new cases) up to
	// propCoverageRounds times in all before judging the generators.
	for round := 2; round <= propCoverageRounds && len(cov.Missing()) > 0; round++ {
		t.Logf("coverage: %d edges missing after %d checks; checking again", len(cov.Missing()), checks)
		run()
		if t.Failed() {
			return
		}
	}
	cov.Assert(t)
	if n := cov.CompleteAfter(); n > 0 {
		t.Logf("coverage: every lifecycle edge seen after %d replays (check %d) of %d checks", n,
			(n+timelines-1)/timelines, checks)
	}
}

// propCoverageRounds is how many runs of a property propCheckWith makes
// at most for every lifecycle edge to occur.
const propCoverageRounds = 4

// propEvents returns the events of tl in order.
func propEvents(tl scenario.Timeline) []agreement.Event {
	var out []agreement.Event
	for _, ev := range tl.Events() {
		out = append(out, ev)
	}
	return out
}

// propWhere formats a case for failure messages.
func propWhere(c propCase, tr *scenario.Trace) string {
	source := "process (scenariotest.LifecycleProcess):\n"
	if c.random {
		source = "process (agreementtest.Process):\n"
	}
	return source + scenariotest.FormatProcess(c.p) + "timeline:\n" + scenariotest.FormatTimeline(c.tl) +
		"transitions:\n" + scenariotest.FormatTransitions(tr)
}

// propClause is what the properties need of one clause.
type propClause struct {
	home   agreement.Agreement
	clause agreement.Clause
}

// propClauses indexes the clauses of p by qualified reference.
func propClauses(p agreement.Process) map[agreement.Ref]propClause {
	out := map[agreement.Ref]propClause{}
	for _, a := range p.Agreements {
		for _, c := range a.Clauses {
			out[agreement.QualifiedRef(a.ID, c.ID)] = propClause{a, c}
		}
	}
	return out
}

// propInstants returns the instants at which some state of tr changes, at
// or after from, and from itself: checking states at these instants checks
// them at every instant from on.
func propInstants(tr *scenario.Trace, from time.Time) []time.Time {
	out := []time.Time{from}
	for x := range tr.Transitions() {
		if !x.At.Before(from) {
			out = append(out, x.At)
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return slices.CompactFunc(out, time.Time.Equal)
}

func propState(t *rapid.T, tr *scenario.Trace, i scenario.Instance, at time.Time) agreement.State {
	t.Helper()
	s, err := tr.State(i, at)
	if err != nil {
		t.Fatalf("State(%s): %v", i, err)
	}
	return s
}

func propAgreementInstance(id agreement.AgreementID) scenario.Instance {
	return scenario.Instance{Ref: agreement.AgreementRef(id)}
}

// Never in effect before the trigger (Guarantees): a clause is never
// InEffect at an instant before its trigger happened.
//
// For every clause, propBounds computes from the timeline alone (not from
// the engine) the earliest instant at which its trigger could first hold:
// for Happened(p) the first event matching p; for Holds(f) the first event
// matching a pattern that initiates f (the start, if f holds initially); for
// Since(p, d) the first match plus d; for Before(a, b) the first b strictly
// after the first a; All takes the latest of its operands, Any the earliest,
// AtLeast(k) the k-th earliest; ClauseIn(x, states) not holding in Dormant or
// Terminated waits for x's own trigger; AgreementIn waits for the signing
// and the entry into force it needs; Not is assumed true from the start. The
// same bound of the antecedent (seeing the whole history, which can only
// make it earlier) also bounds entering InEffect. No clause may leave
// Dormant for Pending or InEffect before the trigger's bound, nor enter
// InEffect before both bounds.
func TestPropertyNeverInEffectBeforeTrigger(t *testing.T) {
	propCheck(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		tr := propReplay(t, c.e, c.tl, c.end)
		observe(tr)
		b := newPropBounds(c.p, c.tl)
		clauses := propClauses(c.p)
		for x := range tr.Transitions() {
			if x.Instance.IsAgreement() || x.To != agreement.StatePending && x.To != agreement.StateInEffect {
				continue
			}
			pc := clauses[x.Instance.Ref]
			at := x.At.UnixNano()
			trig := b.earliest(pc.home.ID, pc.clause.Trigger)
			if x.From == agreement.StateDormant && at < trig {
				t.Fatalf("%s left dormant (to %s) at %s, before its trigger %s could hold (%s)\n%s", x.Instance, x.To,
					propStamp(at), propCond(pc.clause.Trigger), propStamp(trig), propWhere(c, tr))
			}
			if x.To != agreement.StateInEffect {
				continue
			}
			if ante := b.earliest(pc.home.ID, pc.clause.Antecedent); at < max(trig, ante) {
				t.Fatalf("%s in effect at %s, before its trigger %s and antecedent %s could hold (%s)\n%s",
					x.Instance, propStamp(at), propCond(pc.clause.Trigger), propCond(pc.clause.Antecedent),
					propStamp(max(trig, ante)),
					propWhere(c, tr))
			}
		}
		// The same for the exported assertion, on clauses whose trigger is
		// Holds(f) of a fluent that starts false and that events of a single
		// kind initiate: never in effect before the first such event.
		for ref, pc := range clauses {
			h, ok := pc.clause.Trigger.(*agreement.HoldsCondition)
			if !ok {
				continue
			}
			for _, f := range pc.home.Fluents {
				if f.ID != h.Fluent() || f.Initially || len(f.Initiates) == 0 {
					continue
				}
				kind := f.Initiates[0].Kind
				if !slices.ContainsFunc(f.Initiates, func(p agreement.Pattern) bool { return p.Kind != kind }) {
					scenariotest.AssertNeverInEffectBefore(t, tr, kind, ref)
				}
			}
		}
	})
}

// propNever and propAlways bound instants: a condition that can never hold,
// and one that may hold from the start.
const (
	propNever  = int64(math.MaxInt64)
	propAlways = int64(math.MinInt64)
)

func propCond(c agreement.Condition) string {
	if c == nil {
		return "none"
	}
	return c.String()
}

func propStamp(n int64) string {
	switch n {
	case propNever:
		return "never"
	case propAlways:
		return "from the start"
	}
	return time.Unix(0, n).UTC().Format(time.RFC3339Nano)
}

// propBounds computes lower bounds on the instants conditions can first
// hold over a timeline, from the agreements and the events alone.
type propBounds struct {
	p       agreement.Process
	events  []agreement.Event
	byID    map[agreement.AgreementID]agreement.Agreement
	clauses map[agreement.Ref]propClause
	memo    map[agreement.Ref]int64 // earliest instant a clause can leave Dormant by its trigger
	busy    map[any]bool            // guards recursion through entry-into-force conditions
}

func newPropBounds(p agreement.Process, tl scenario.Timeline) *propBounds {
	b := &propBounds{p: p, events: propEvents(tl), byID: map[agreement.AgreementID]agreement.Agreement{},
		clauses: propClauses(p), memo: map[agreement.Ref]int64{}, busy: map[any]bool{}}
	for _, a := range p.Agreements {
		b.byID[a.ID] = a
	}
	return b
}

// first returns the instant of the first event matching p (held by home)
// strictly after instant after, or propNever.
func (b *propBounds) first(home agreement.AgreementID, p agreement.Pattern, after int64) int64 {
	a := b.byID[home]
	member := func(g agreement.GroupID, party agreement.PartyID) bool {
		for _, gr := range a.Groups {
			if gr.ID == g && slices.Contains(gr.Members, party) {
				return true
			}
		}
		return false
	}
	class := func(id agreement.ItemClassID) (agreement.ItemClass, bool) {
		for _, c := range a.ItemClasses {
			if c.ID == id {
				return c, true
			}
		}
		return agreement.ItemClass{}, false
	}
	// A lower bound may match more: a placeholder stands for some party,
	// and a revision may give an event the actor, reporter or attribution
	// a pattern asks for (no earlier than the event itself).
	for _, f := range []*agreement.PartyID{&p.Actor, &p.Target, &p.Reporter} {
		if f.IsPlaceholder() {
			*f = ""
		}
	}
	for _, ev := range b.events {
		if ev.Kind == agreement.EventKindRevised {
			p.Actor, p.Group, p.Reporter, p.Attribution = "", "", "", agreement.AttributionUnspecified
		}
	}
	for _, ev := range b.events {
		if n := ev.At.UnixNano(); n > after && p.MatchesIn(ev, home, member, class) {
			return n
		}
	}
	return propNever
}

func (b *propBounds) earliest(home agreement.AgreementID, c agreement.Condition) int64 {
	switch c := c.(type) {
	case nil:
		return propAlways
	case *agreement.HappenedCondition:
		return b.first(home, c.Pattern(), propAlways)
	case *agreement.WithinCondition:
		return b.first(home, c.Pattern(), propAlways)
	case *agreement.SinceCondition:
		n := b.first(home, c.Pattern(), propAlways)
		if n == propNever || n > propNever-int64(c.Duration()) {
			return propNever
		}
		return n + int64(c.Duration())
	case *agreement.BeforeCondition:
		f := b.first(home, c.First(), propAlways)
		if f == propNever {
			return propNever
		}
		return b.first(home, c.Then(), f)
	case *agreement.HoldsCondition:
		for _, f := range b.byID[home].Fluents {
			if f.ID != c.Fluent() {
				continue
			}
			if f.Initially {
				return propAlways
			}
			n := propNever
			for _, p := range f.Initiates {
				n = min(n, b.first(home, p, propAlways))
			}
			return n
		}
		return propAlways
	case *agreement.ClauseInCondition:
		st := c.States()
		// Dormant holds from the start; a clause reaches Terminated (with
		// its agreement) and Lapsed (by a deadline binding regardless of
		// activation) without its trigger.
		if slices.Contains(st, agreement.StateDormant) || slices.Contains(st, agreement.StateTerminated) ||
			slices.Contains(st, agreement.StateLapsed) {
			return propAlways
		}
		return b.leave(c.Ref().Resolve(home))
	case *agreement.AgreementInCondition:
		id := c.Agreement()
		if id == "" {
			id = home
		}
		return b.agreementIn(id, c.States())
	case *agreement.AllCondition:
		n := propAlways
		for _, o := range c.Conditions() {
			n = max(n, b.earliest(home, o))
		}
		return n
	case *agreement.AnyCondition:
		n := propNever
		for _, o := range c.Conditions() {
			n = min(n, b.earliest(home, o))
		}
		return n
	case *agreement.AtLeastCondition:
		if c.K() <= 0 {
			return propAlways
		}
		var ns []int64
		for _, o := range c.Conditions() {
			ns = append(ns, b.earliest(home, o))
		}
		slices.Sort(ns)
		return ns[c.K()-1]
	}
	return propAlways // Not, and anything else: assume it may hold at once
}

// leave returns the earliest instant clause r can leave Dormant for Pending
// or InEffect: when its trigger can first hold.
func (b *propBounds) leave(r agreement.Ref) int64 {
	if n, ok := b.memo[r]; ok {
		return n
	}
	if b.busy[r] {
		return propAlways
	}
	b.busy[r] = true
	pc, ok := b.clauses[r]
	n := propAlways
	if ok {
		n = b.earliest(pc.home.ID, pc.clause.Trigger)
	}
	delete(b.busy, r)
	b.memo[r] = n
	return n
}

// agreementIn returns the earliest instant agreement id can be in one of
// states.
func (b *propBounds) agreementIn(id agreement.AgreementID, states []agreement.State) int64 {
	a, ok := b.byID[id]
	if !ok {
		return propAlways
	}
	// A lower bound: the agreement may start Draft unless its signing
	// status says signed and it records no signature, and may start
	// Signed when it records signatures (undated, or dated at or before
	// the start).
	certain := a.SigningStatus == agreement.SigningStatusSigned && len(a.Signatures) == 0
	maySigned := certain || len(a.Signatures) > 0
	if !certain && slices.Contains(states, agreement.StateDraft) || maySigned && slices.Contains(states, agreement.StateSigned) ||
		slices.Contains(states, agreement.StateTerminated) {
		return propAlways
	}
	signed := propAlways
	if !maySigned {
		signed = propNever
		for _, ev := range b.events {
			names := ev.Clause == agreement.AgreementRef(id) || ev.Clause == (agreement.Ref{}) && len(b.p.Agreements) == 1
			if ev.Kind == agreement.EventKindSigning && names {
				signed = ev.At.UnixNano()
				break
			}
		}
	}
	n := propNever
	if slices.Contains(states, agreement.StateSigned) {
		n = signed
	}
	if slices.Contains(states, agreement.StateInForce) || slices.Contains(states, agreement.StateSuspended) {
		entry := propAlways
		if key := "entry:" + string(id); !b.busy[key] {
			b.busy[key] = true
			entry = b.earliest(id, a.EntryIntoForce)
			delete(b.busy, key)
		}
		n = min(n, max(signed, entry))
	}
	return n
}

// Transitions are edges (Guarantees): final states are final; every recorded
// transition is an edge of the lifecycle, with a cause that can set it off; its
// from-state is the state actually left (tracked per instance from its initial
// state); time never decreases. scenariotest.AssertTransitionsValid checks all
// of it.
func TestPropertyTransitionsAreEdges(t *testing.T) {
	propCheckAmended(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		tr := propReplay(t, c.e, c.tl, c.end)
		observe(tr)
		scenariotest.AssertTransitionsValid(t, tr)
		if t.Failed() {
			t.Fatalf("%s", propWhere(c, tr))
		}
	})
}

// A timeline replayed under an engine it was found valid for before
// (validated, or replayed) reads the patterns its events match under that
// engine, worked out once, rather than matching each event again, and only
// up to its first amendment (whose text may match otherwise). Such
// replays, two of them, equal the first replay of a copy of the timeline,
// which matches each event as it comes, for timelines with amendments and
// revisions. A run reset after replaying the timeline matches afresh: fed
// the timeline's events but one, one at a time, it equals a replay of the
// timeline without that event.
func TestPropertyReplayAgainEqualsFirst(t *testing.T) {
	propCheckAmended(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		// propDrawTimeline validated c.tl; its copy is new.
		first := propReplay(t, c.e, c.tl.WithAmendments(c.tl.Amendments()...), c.end)
		observe(first)
		want := slices.Collect(first.Transitions())
		for k := 1; k <= 2; k++ {
			again := propReplay(t, c.e, c.tl, c.end)
			if diff := cmp.Diff(want, slices.Collect(again.Transitions())); diff != "" {
				t.Fatalf("replay %d of the validated timeline differs from the first of its copy (-copy +again):\n%s\n%s",
					k, diff, propWhere(c, first))
			}
		}
		evs := propEvents(c.tl)
		drop := slices.IndexFunc(evs, func(ev agreement.Event) bool { return ev.ID == "" })
		if len(c.tl.Amendments()) > 0 || drop < 0 {
			return
		}
		rest := slices.Delete(slices.Clone(evs), drop, drop+1)
		r, err := c.e.Start(c.tl.Start())
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := r.Replay(c.tl, c.end); err != nil {
				t.Fatal(err)
			}
		}
		if err := r.Reset(c.tl.Start()); err != nil {
			t.Fatal(err)
		}
		for i, ev := range rest {
			if err := r.Apply(ev); err != nil {
				t.Fatalf("Apply(event %d): %v", i, err)
			}
		}
		if err := r.AdvanceTo(c.end); err != nil {
			t.Fatal(err)
		}
		fresh := propReplay(t, c.e, scenario.NewTimeline(c.tl.Start(), rest...), c.end)
		if diff := cmp.Diff(slices.Collect(fresh.Transitions()), slices.Collect(r.Trace().Transitions())); diff != "" {
			t.Fatalf("a run reset after replays, fed the events but %d, differs from their replay (-replay +run):\n%s\n%s",
				drop, diff, propWhere(c, first))
		}
	})
}

// Replay is deterministic (Guarantees); feeding events one at a time
// (Engine.Start, Run.Apply, Run.AdvanceTo(end)) equals Engine.Replay, also with
// the clock advanced at random instants between events (strictly before the
// next event's instant); and a run forked at a random point and continued
// equals the run that never forked, while the original run, sent another way
// after the fork, equals a replay of that other timeline.
func TestPropertyOneAtATimeEqualsReplay(t *testing.T) {
	propCheck(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		want := propReplay(t, c.e, c.tl, c.end)
		observe(want)
		wantAll := slices.Collect(want.Transitions())

		again := propReplay(t, c.e, c.tl, c.end)
		if diff := cmp.Diff(wantAll, slices.Collect(again.Transitions())); diff != "" {
			t.Fatalf("replaying twice differs (-first +second):\n%s\n%s", diff, propWhere(c, want))
		}

		for _, advances := range []bool{false, true} {
			got := propOneAtATime(t, c, advances)
			if diff := cmp.Diff(wantAll, slices.Collect(got.Transitions())); diff != "" {
				t.Fatalf("one at a time (random advances: %t) differs from Replay (-replay +run):\n%s\n%s", advances,
					diff, propWhere(c, want))
			}
		}

		propFork(t, c, want)
	})
}

// propOneAtATime applies the events of c one at a time, with random
// AdvanceTo calls between them when advances is set, and advances to the
// end.
func propOneAtATime(t *rapid.T, c propCase, advances bool) *scenario.Trace {
	r, err := c.e.Start(c.tl.Start())
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	lo := c.tl.Start() // the earliest instant an advance may close
	for i, ev := range propEvents(c.tl) {
		if advances && lo.Before(ev.At) {
			propAdvance(t, r, lo, ev.At, i > 0)
		}
		if err := r.Apply(ev); err != nil {
			t.Fatalf("Apply(event %d): %v", i, err)
		}
		lo = ev.At
	}
	if advances {
		propAdvance(t, r, lo, c.end.Add(time.Nanosecond), true)
	}
	if err := r.AdvanceTo(c.end); err != nil {
		t.Fatalf("AdvanceTo(end): %v", err)
	}
	return r.Trace()
}

// propAdvance advances r zero to two times to instants in [lo, next), in
// order. When it closes lo itself and lo is the instant of an applied event
// (closed set), it checks that a further event at lo is refused.
func propAdvance(t *rapid.T, r *scenario.Run, lo, next time.Time, closed bool) {
	span := next.Sub(lo)
	points := []time.Time{lo, lo.Add(time.Nanosecond), lo.Add(span / 2), next.Add(-time.Nanosecond)}
	at := lo
	for range rapid.IntRange(0, 2).Draw(t, "advances") {
		p := rapid.SampledFrom(points).Draw(t, "advance-to")
		if p.Before(at) || !p.Before(next) {
			continue
		}
		if err := r.AdvanceTo(p); err != nil {
			t.Fatalf("AdvanceTo(%s) after %s: %v", p, at, err)
		}
		if closed && p.Equal(lo) {
			err := r.Apply(agreement.Event{At: lo, Kind: "late-event"})
			if !errors.Is(err, scenario.ErrOutOfOrder) {
				t.Fatalf("Apply of an event at the closed instant %s: got %v, want ErrOutOfOrder", lo, err)
			}
		}
		at = p
	}
}

// propFork forks a one-at-a-time run of c at a random point; sends the
// original run on with a drawn subset of the remaining events and the fork
// with all of them; and checks the fork against want (the replay of c), the
// original against a replay of its own timeline, and a trace taken at the
// fork against what it said then.
func propFork(t *rapid.T, c propCase, want *scenario.Trace) {
	evs := propEvents(c.tl)
	k := rapid.IntRange(0, len(evs)).Draw(t, "fork-at")
	r, err := c.e.Start(c.tl.Start())
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	for _, ev := range evs[:k] {
		if err := r.Apply(ev); err != nil {
			t.Fatalf("Apply: %v", err)
		}
	}
	if k > 0 && rapid.Bool().Draw(t, "close-before-fork") && (k == len(evs) || evs[k].At.After(evs[k-1].At)) {
		if err := r.AdvanceTo(evs[k-1].At); err != nil {
			t.Fatalf("AdvanceTo: %v", err)
		}
	}
	snap := r.Trace()
	snapMoves := scenariotest.Moves(snap)

	f := r.Fork()

	// The original goes another way: drop some of the remaining events.
	// A revision of a dropped event goes with it.
	other := slices.Clone(evs[:k])
	dropped := map[agreement.EventID]bool{}
	for _, ev := range evs[k:] {
		if rapid.IntRange(0, 2).Draw(t, "keep") > 0 && !dropped[ev.Revises] {
			other = append(other, ev)
		} else if ev.ID != "" {
			dropped[ev.ID] = true
		}
	}
	for _, ev := range other[k:] {
		if err := r.Apply(ev); err != nil {
			t.Fatalf("Apply (original after fork): %v", err)
		}
	}
	if err := r.AdvanceTo(c.end); err != nil {
		t.Fatalf("AdvanceTo (original after fork): %v", err)
	}
	otherWant := propReplay(t, c.e, scenario.NewTimeline(c.tl.Start(), other...), c.end)
	scenariotest.AssertSameTransitions(t, otherWant, r.Trace())
	if t.Failed() {
		t.Fatalf("the original run, sent another way after a fork at event %d, differs from a replay of its timeline", k)
	}

	// The fork continues with the real events.
	for _, ev := range evs[k:] {
		if err := f.Apply(ev); err != nil {
			t.Fatalf("Apply (fork): %v", err)
		}
	}
	if err := f.AdvanceTo(c.end); err != nil {
		t.Fatalf("AdvanceTo (fork): %v", err)
	}
	if diff := cmp.Diff(slices.Collect(want.Transitions()), slices.Collect(f.Trace().Transitions())); diff != "" {
		t.Fatalf("a run forked at event %d differs from Replay (-replay +fork):\n%s\n%s", k, diff, propWhere(c, want))
	}
	if diff := cmp.Diff(snapMoves, scenariotest.Moves(snap)); diff != "" {
		t.Fatalf("a trace taken at the fork changed as the runs went on (-then +now):\n%s", diff)
	}
}

// Unrelated events (Guarantees): events that no condition, fluent or action
// mentions change nothing. Events of kinds nothing mentions, by declared
// parties, are mixed into the timeline (at its instants and others, at drawn
// positions inside batches); the transitions (instance, states, instant, cause
// kind, what the cause names, and the causing event compared by value, since
// indices shift) at the same end instant are the same.
func TestPropertyIrrelevantEventsChangeNothing(t *testing.T) {
	propCheck(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		base := propReplay(t, c.e, c.tl, c.end)
		observe(base)
		cfg := propTimelineConfig()
		cfg.MaxEvents = propIrrelevant
		extra := scenariotest.IrrelevantEvents(c.p, cfg).Draw(t, "irrelevant")
		tl := scenariotest.Interleave(c.tl, extra).Draw(t, "with-irrelevant")
		if tl.Len() != c.tl.Len()+len(extra) {
			t.Fatalf("Interleave: %d events, want %d", tl.Len(), c.tl.Len()+len(extra))
		}
		with := propReplay(t, c.e, tl, c.end)
		scenariotest.AssertSameTransitions(t, base, with)
		if t.Failed() {
			t.Fatalf("with irrelevant events:\n%s", scenariotest.FormatTimeline(tl))
		}
	})
}

// Nothing active after the limits (Guarantees): with explicit deadlines and
// expiries, no clause is still Pending or InEffect after the latest of them.
// Every clause of the drawn agreements has an absolute expiry (and obligations
// may have absolute deadlines); from the latest such instant L on, no clause is
// Pending or InEffect at any instant at which its agreement is in force or the
// clause survives. A suspended (or not yet, or no longer, in force) agreement
// freezes its non-surviving clauses (the package doc's Agreements): they
// neither change state nor reach their expiry until it is in force again, so
// they are exempt while it is not.
func TestPropertyNothingActiveAfterLimits(t *testing.T) {
	propCheck(t, scenariotest.LifecycleConfig{Absolute: true}, false, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		tr := propReplay(t, c.e, c.tl, c.end)
		observe(tr)
		var latest time.Time
		clauses := propClauses(c.p)
		for ref, pc := range clauses {
			if pc.clause.Expiry.At.IsZero() {
				t.Fatalf("clause %s has no absolute expiry", ref)
			}
			for _, at := range []time.Time{pc.clause.Expiry.At, pc.clause.Deadline.At} {
				if at.After(latest) {
					latest = at
				}
			}
		}
		if !latest.Before(c.end) {
			t.Fatalf("the latest limit %s is not before the end %s", latest, c.end)
		}
		instances := c.e.Instances()
		for _, at := range propInstants(tr, latest) {
			for _, i := range instances {
				pc := clauses[i.Ref]
				if !pc.clause.Surviving && propState(t, tr, propAgreementInstance(pc.home.ID), at) != agreement.StateInForce {
					continue
				}
				if s := propState(t, tr, i, at); s == agreement.StatePending || s == agreement.StateInEffect {
					t.Fatalf("%s is %s at %s, after the latest deadline or expiry %s\n%s", i, s, at, latest,
						propWhere(c, tr))
				}
			}
		}
	})
}

// Nothing in effect after termination (Guarantees): after its agreement is
// terminated, no non-surviving clause is ever InEffect again. At the instant
// of termination every non-surviving clause of the agreement is final (the
// package doc's Agreements: termination terminates every such clause not yet
// final), and no later transition takes one to InEffect.
func TestPropertyNothingInEffectAfterTermination(t *testing.T) {
	propCheck(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		tr := propReplay(t, c.e, c.tl, c.end)
		observe(tr)
		clauses := propClauses(c.p)
		ended := map[agreement.AgreementID]time.Time{}
		for x := range tr.Transitions() {
			if x.Instance.IsAgreement() && x.To == agreement.StateTerminated {
				ended[x.Instance.Ref.Agreement] = x.At
			}
		}
		for _, i := range c.e.Instances() {
			pc := clauses[i.Ref]
			at, ok := ended[pc.home.ID]
			if !ok || pc.clause.Surviving {
				continue
			}
			for _, when := range []time.Time{at, c.end} {
				if s := propState(t, tr, i, when); !s.IsFinal() {
					t.Fatalf("%s is %s at %s, after its agreement was terminated at %s\n%s", i, s, when, at,
						propWhere(c, tr))
				}
			}
		}
		// No transition after the termination (in the order of the log: a
		// clause may come into effect earlier in the instant of the
		// termination, and is then terminated with the others).
		gone := map[agreement.AgreementID]bool{}
		for x := range tr.Transitions() {
			if x.Instance.IsAgreement() {
				if x.To == agreement.StateTerminated {
					gone[x.Instance.Ref.Agreement] = true
				}
				continue
			}
			pc := clauses[x.Instance.Ref]
			if gone[pc.home.ID] && !pc.clause.Surviving && x.To == agreement.StateInEffect {
				t.Fatalf("%s in effect at %s, after its agreement was terminated at %s\n%s", x.Instance, x.At,
					ended[pc.home.ID], propWhere(c, tr))
			}
		}
	})
}

// The package doc's Agreements: the agreement's state is a gate. A clause that
// does not survive changes state only at instants at which its gate is open
// for part of the instant at least (its agreement may enter into force, be
// signed, suspended or resumed then): its agreement is in force, or the clause
// applies provisionally, its agreement is Draft or Signed, and every debtor of
// the instance (its own debtor; every debtor of a joint clause) has signed by
// the end of the instant; except to be terminated with its agreement. Who has
// signed is computed from the agreement and the timeline alone (propSigners),
// not from the engine.
func TestPropertyAgreementGate(t *testing.T) {
	propCheck(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		tr := propReplay(t, c.e, c.tl, c.end)
		observe(tr)
		clauses := propClauses(c.p)
		events := propEvents(c.tl)
		// during reports whether agreement id is in one of states at some
		// point of instant at.
		during := func(id agreement.AgreementID, at time.Time, states ...agreement.State) bool {
			if slices.Contains(states, propState(t, tr, propAgreementInstance(id), at.Add(-time.Nanosecond))) {
				return true
			}
			for x := range tr.Transitions() {
				if x.Instance == propAgreementInstance(id) && x.At.Equal(at) &&
					(slices.Contains(states, x.From) || slices.Contains(states, x.To)) {
					return true
				}
			}
			return false
		}
		for x := range tr.Transitions() {
			if x.Instance.IsAgreement() {
				continue
			}
			pc := clauses[x.Instance.Ref]
			if pc.clause.Surviving || x.To == agreement.StateTerminated && x.Cause.Kind == scenario.CauseAgreement {
				continue
			}
			if during(pc.home.ID, x.At, agreement.StateInForce) {
				continue
			}
			debtors := pc.clause.Debtors
			if x.Instance.Debtor != "" {
				debtors = []agreement.PartyID{x.Instance.Debtor}
			}
			signers := propSigners(c.p, pc.home, events, x.At)
			if pc.clause.Provisional && len(debtors) > 0 &&
				!slices.ContainsFunc(debtors, func(d agreement.PartyID) bool { return !slices.Contains(signers, d) }) &&
				during(pc.home.ID, x.At, agreement.StateDraft, agreement.StateSigned) {
				continue
			}
			t.Fatalf("%s %s -> %s at %s (cause %s by %s), while its agreement %s was %s (provisional %t, "+
				"debtors %v, signed by %v)\n%s", x.Instance, x.From, x.To, x.At, x.Cause.Kind, x.Cause.By, pc.home.ID,
				propState(t, tr, propAgreementInstance(pc.home.ID), x.At), pc.clause.Provisional, debtors, signers,
				propWhere(c, tr))
		}
	})
}

// propSigners returns the parties that have signed agreement a of process p
// by the end of instant at, from the agreement and the events alone: its
// recorded signatures undated or dated at or before at, and the signing
// events at or before at naming it (by reference, or with an empty
// reference when p has one agreement), each by its actor or, with none, by
// every required signatory.
func propSigners(p agreement.Process, a agreement.Agreement, events []agreement.Event, at time.Time) []agreement.PartyID {
	var out []agreement.PartyID
	for _, sg := range a.Signatures {
		if sg.Date.IsZero() || !sg.Date.After(at) {
			out = append(out, sg.Party)
		}
	}
	for _, ev := range events {
		if ev.At.After(at) || ev.Kind != agreement.EventKindSigning {
			continue
		}
		if ev.Clause != agreement.AgreementRef(a.ID) && (ev.Clause != (agreement.Ref{}) || len(p.Agreements) != 1) {
			continue
		}
		if ev.Actor == "" {
			out = append(out, a.Signatories...)
		} else {
			out = append(out, ev.Actor)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// The package doc's Agreements: a Signed agreement with no entry-into-force
// condition enters into force exactly when its InForceAt instant has come:
// at once when it has none; at its At instant; a period after the instant it
// became Signed (for one Signed from the start: its last recorded signature
// dated at or before the start, or the start); or, anchored on an event, a
// period after the first event matching the anchor (at that event when the
// limit, rounded to the start of its day, falls before it). propInForceDue computes
// that instant D from the agreement, the timeline and the instant the trace
// says it became Signed. The agreement is never Signed at the end of an
// instant at or after D (at the instants at which some state changes, at D
// and at the end), and never enters into force before D.
func TestPropertyEntryIntoForceAtOnce(t *testing.T) {
	checked := 0
	propCheck(t, scenariotest.LifecycleConfig{}, true, func(t *rapid.T, c propCase, observe func(*scenario.Trace)) {
		tr := propReplay(t, c.e, c.tl, c.end)
		observe(tr)
		for _, a := range c.p.Agreements {
			if a.EntryIntoForce != nil {
				continue
			}
			ai := propAgreementInstance(a.ID)
			signed, ok := propSignedAt(tr, a)
			if !ok {
				continue // never signed: nothing to check
			}
			due, known := propInForceDue(t, a, c.tl, tr.Start(), signed)
			if !known {
				continue
			}
			checked++
			instants := propInstants(tr, tr.Start())
			if !due.Before(tr.Start()) && !due.After(tr.End()) {
				instants = append(instants, due)
			}
			for _, at := range append(instants, tr.End()) {
				if s := propState(t, tr, ai, at); s == agreement.StateSigned && !at.Before(due) {
					t.Fatalf("agreement %s, with no entry-into-force condition and in force at %s (InForceAt %s), "+
						"is still signed at %s\n%s", a.ID, due, a.InForceAt, at, propWhere(c, tr))
				}
			}
			for x := range tr.Transitions() {
				if x.Instance == ai && x.From == agreement.StateSigned && x.To == agreement.StateInForce &&
					x.At.Before(due) {
					t.Fatalf("agreement %s enters into force at %s, before %s (InForceAt %s)\n%s", a.ID, x.At, due,
						a.InForceAt, propWhere(c, tr))
				}
			}
		}
	})
	if !t.Failed() && checked == 0 {
		t.Fatal("no signed agreement without an entry-into-force condition was checked")
	}
}

// propSignedAt returns the instant agreement a became Signed in tr: its
// transition from Draft, or for one Signed from the start, its last
// recorded signature dated at or before the start, or the start. It
// reports false when a is never Signed.
func propSignedAt(tr *scenario.Trace, a agreement.Agreement) (time.Time, bool) {
	ai := propAgreementInstance(a.ID)
	for x := range tr.Transitions() {
		if x.Instance != ai {
			continue
		}
		if x.From == agreement.StateDraft && x.To == agreement.StateSigned {
			return x.At, true
		}
		if x.From != agreement.StateSigned {
			return time.Time{}, false // left Draft otherwise (terminated)
		}
		break
	}
	s, err := tr.State(ai, tr.Start().Add(-time.Nanosecond))
	if err != nil || s != agreement.StateSigned {
		return time.Time{}, false
	}
	base := tr.Start()
	var last time.Time
	for _, sg := range a.Signatures {
		if !sg.Date.IsZero() && !sg.Date.After(base) && sg.Date.After(last) {
			last = sg.Date
		}
	}
	if !last.IsZero() {
		return last, true
	}
	return base, true
}

// propInForceDue returns the instant agreement a, Signed at signed, is due
// to enter into force by its InForceAt, computed from the agreement and the
// timeline: beyond agreement.InstantRange (or an anchor never matched) it
// is the latest representable instant. It reports false when the instant
// is not computed here: an anchor other than a Happened atom, or a timeline
// with revisions (which may change what the anchor matched).
func propInForceDue(t *rapid.T, a agreement.Agreement, tl scenario.Timeline, start, signed time.Time) (time.Time, bool) {
	d := a.InForceAt
	_, maxInstant := agreement.InstantRange()
	loc, err := a.Zone.Location()
	if err != nil {
		t.Fatalf("zone of %s: %v", a.ID, err)
	}
	at := func(i time.Time) time.Time {
		if !agreement.InstantInRange(i) {
			return maxInstant
		}
		return i
	}
	switch {
	case d.IsZero():
		return signed, true
	case !d.At.IsZero():
		return propLater(signed, at(d.Instant(time.Time{}, loc))), true
	case d.From == nil:
		return at(d.Instant(signed, loc)), true
	}
	h, ok := d.From.(*agreement.HappenedCondition)
	if !ok {
		return time.Time{}, false
	}
	for _, ev := range tl.Events() {
		if ev.Kind == agreement.EventKindRevised {
			return time.Time{}, false
		}
	}
	for _, ev := range tl.Events() {
		if propMatches(a, h.Pattern(), ev) {
			// Not before the event: a limit rounded back to the start of
			// its day, before the event that fixes it, is reached then.
			return propLater(signed, propLater(ev.At, at(d.Instant(ev.At, loc)))), true
		}
	}
	return maxInstant, true
}

// propMatches reports whether ev matches p, a pattern of agreement a that
// names no placeholder.
func propMatches(a agreement.Agreement, p agreement.Pattern, ev agreement.Event) bool {
	member := func(g agreement.GroupID, party agreement.PartyID) bool {
		i := slices.IndexFunc(a.Groups, func(gr agreement.Group) bool { return gr.ID == g })
		return i >= 0 && slices.Contains(a.Groups[i].Members, party)
	}
	class := func(id agreement.ItemClassID) (agreement.ItemClass, bool) {
		i := slices.IndexFunc(a.ItemClasses, func(c agreement.ItemClass) bool { return c.ID == id })
		if i < 0 {
			return agreement.ItemClass{}, false
		}
		return a.ItemClasses[i], true
	}
	return p.MatchesIn(ev, a.ID, member, class)
}

func propLater(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Since(ceasefire, 30 days) turns true exactly 30 days after the ceasefire,
// through clock advances alone: 1ns before, the clause is still Dormant (or
// Pending, for an antecedent); at +30 days it is InEffect, with no event in
// between, and the transition's cause is the timer.
func TestSince30Days(t *testing.T) {
	const month = 30 * agreement.Day
	cf := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	a := agreement.Agreement{
		ID:            "since-30d",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "FR"}},
		Clauses: []agreement.Clause{
			{
				ID: "G1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindForcesDeployed},
				Trigger: agreement.Since(cf, month),
			},
			{
				ID: "G2", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR"},
				Action:     &agreement.Pattern{Kind: "support-provided"},
				Trigger:    agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireDeclared}),
				Antecedent: agreement.Since(cf, month),
			},
		},
	}
	e := mustCompile(t, a)
	start := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	declared := agreement.Event{At: start.Add(2 * agreement.Day), Kind: agreement.EventKindCeasefireDeclared}
	ceasefire := agreement.Event{At: start.Add(3*agreement.Day + 7*time.Hour), Kind: agreement.EventKindCeasefireInForce}
	turns := ceasefire.At.Add(month)

	r, err := e.Start(start)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range []agreement.Event{declared, ceasefire} {
		if err := r.Apply(ev); err != nil {
			t.Fatal(err)
		}
	}
	g1 := scenario.Instance{Ref: agreement.QualifiedRef(a.ID, "G1")}
	g2 := scenario.Instance{Ref: agreement.QualifiedRef(a.ID, "G2")}
	check := func(at time.Time, want1, want2 agreement.State) {
		t.Helper()
		if err := r.AdvanceTo(at); err != nil {
			t.Fatal(err)
		}
		tr := r.Trace()
		if !tr.End().Equal(at) {
			t.Errorf("trace ends at %s, want %s", tr.End(), at)
		}
		for _, c := range []struct {
			i    scenario.Instance
			want agreement.State
		}{{g1, want1}, {g2, want2}} {
			got, err := tr.State(c.i, at)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("at ceasefire%+v: %s is %s, want %s", at.Sub(ceasefire.At), c.i, got, c.want)
			}
		}
	}
	check(ceasefire.At, agreement.StateDormant, agreement.StatePending)
	check(ceasefire.At.Add(15*agreement.Day), agreement.StateDormant, agreement.StatePending)
	check(turns.Add(-time.Nanosecond), agreement.StateDormant, agreement.StatePending)
	check(turns, agreement.StateInEffect, agreement.StateInEffect)

	tr := r.Trace()
	n := 0
	for range tr.Events() {
		n++
	}
	if n != 2 {
		t.Errorf("the trace has %d events, want 2 (no event at +30 days)", n)
	}
	for x := range tr.Transitions() {
		if x.To != agreement.StateInEffect {
			continue
		}
		if !x.At.Equal(turns) || x.Cause.Kind != scenario.CauseTimer || eventOf(x.Cause) != -1 {
			t.Errorf("%s %s -> %s at %s, cause %s (event %d); want at %s, cause timer (no event)", x.Instance, x.From,
				x.To, x.At, x.Cause.Kind, eventOf(x.Cause), turns)
		}
	}

	// A whole-timeline replay agrees.
	replayed, err := e.Replay(scenario.NewTimeline(start, declared, ceasefire), turns.Add(agreement.Day))
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []scenario.Instance{g1, g2} {
		before, _ := replayed.State(i, turns.Add(-time.Nanosecond))
		at, _ := replayed.State(i, turns)
		if before == agreement.StateInEffect || at != agreement.StateInEffect {
			t.Errorf("Replay: %s is %s 1ns before +30 days and %s at +30 days; want not in effect, then in effect", i,
				before, at)
		}
	}
}

// Regression tests: each reproduces, with a minimal agreement and timeline,
// an engine behaviour, found by the property tests above, that broke a rule
// of the package doc. They fail if the bug comes back.

var propDay0 = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

func propDay(n int) time.Time { return propDay0.Add(time.Duration(n) * agreement.Day) }

func propExercise(c agreement.ClauseID, day int) agreement.Event {
	return agreement.Event{At: propDay(day), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef(c)}
}

func propMustState(t *testing.T, tr *scenario.Trace, ref agreement.Ref, day int) agreement.State {
	t.Helper()
	s, err := tr.State(scenario.Instance{Ref: ref}, propDay(day))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The package doc's Agreements: "A Signed agreement enters into force as soon
// as its entry-into-force condition holds, at once when it has none". The
// engine left a draft signed by an event Signed: signing did not make it
// evaluate the agreement's entry into force again, so it entered into force
// only if something its entry condition reads changed later (never, with no
// condition). Found by TestPropertyEntryIntoForceAtOnce.
func TestRegressionSigningEntersIntoForce(t *testing.T) {
	obligation := agreement.Clause{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
		Action: &agreement.Pattern{Kind: "aid-delivered"}}
	for _, tc := range []struct {
		name  string
		entry agreement.Condition
	}{
		{"no entry-into-force condition", nil},
		{"entry-into-force condition already true", agreement.Holds("talks-open")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := agreement.Agreement{
				ID:             "draft",
				Parties:        []agreement.Party{{ID: "UA"}},
				Fluents:        []agreement.Fluent{{ID: "talks-open", Initially: true}},
				EntryIntoForce: tc.entry,
				Clauses:        []agreement.Clause{obligation},
			}
			signing := agreement.Event{At: propDay(2), Kind: agreement.EventKindSigning, Actor: "UA"}
			_, tr := replay(t, a, propDay0, propDay(10), signing)
			if got := propMustState(t, tr, agreement.AgreementRef("draft"), 2); got != agreement.StateInForce {
				t.Errorf("agreement after signing at day 2 = %s, want in-force\n%s", got, scenariotest.FormatTransitions(tr))
			}
			if got := propMustState(t, tr, agreement.LocalRef("C1"), 10); got != agreement.StateInEffect {
				t.Errorf("C1 at day 10 = %s, want in-effect", got)
			}
		})
	}
}

// The package doc's Order inside an instant: the powers exercised in a round
// act "in the order of the events that exercised them". R (the resume power
// paired with S) is exercised by the first event of a batch and S (suspending
// F) by the second: in that order, R resumes nothing (it is used up) and S
// then suspends F, so F is Suspended at the end of the instant. The engine
// applied the effects in the order of the clauses in the agreement instead:
// with S declared before R, F was suspended and at once resumed (InEffect);
// with R before S, F stayed Suspended. The outcome depended on the
// declaration order.
func TestRegressionSameInstantPowersInTimelineOrder(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	f := agreement.Clause{ID: "F", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"}}
	s := agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
		Targets: []agreement.Ref{agreement.LocalRef("F")}, ResumedBy: "R"}
	r := agreement.Clause{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume}
	for _, order := range [][]agreement.Clause{{f, s, r}, {f, r, s}} {
		name := string(order[0].ID + order[1].ID + order[2].ID)
		t.Run(name, func(t *testing.T) {
			a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned,
				Parties: []agreement.Party{{ID: "UA"}}, Clauses: order}
			_, tr := replay(t, a, propDay0, propDay(10), propExercise("R", 2), propExercise("S", 2))
			if got := propMustState(t, tr, agreement.LocalRef("F"), 2); got != agreement.StateSuspended {
				t.Errorf("F at day 2 = %s, want suspended (R, first in the batch, resumes nothing)\n%s", got,
					scenariotest.FormatTransitions(tr))
			}
		})
	}
}

// eventOf returns the index of the event a cause names, or -1 when it names
// none.
func eventOf(c scenario.Cause) int {
	i, _ := c.Event()
	return i
}
