package scenariotest_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

func TestLifecycleGeneratorsValid(t *testing.T) {
	for _, cfg := range []scenariotest.LifecycleConfig{{}, {Absolute: true}, {Clauses: 3, Agreements: -1},
		{Clauses: 14, Agreements: 3}} {
		t.Run(fmt.Sprintf("%+v", cfg), func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				p := scenariotest.LifecycleProcess(cfg).Draw(t, "process")
				agreementtest.AssertProcessValid(t, p)
				a := scenariotest.LifecycleAgreement(cfg).Draw(t, "agreement")
				agreementtest.AssertValid(t, a)
				max := cfg.Clauses
				if max == 0 {
					max = 10
				}
				for _, a := range append(p.Agreements, a) {
					if n := len(a.Clauses); n < 3 || n > max {
						t.Errorf("agreement %s has %d clauses, want 3 to %d", a.ID, n, max)
					}
					for _, c := range a.Clauses {
						if cfg.Absolute && c.Expiry.At.IsZero() {
							t.Errorf("Absolute: clause %s has no absolute expiry", c.ID)
						}
						if c.Kind == agreement.DeonticPower && slices.Contains(c.Targets, agreement.AgreementRef(a.ID)) &&
							!c.Surviving {
							t.Errorf("power %s aimed at its own agreement does not survive", c.ID)
						}
					}
				}
			})
		})
	}
}

func TestTimelineValid(t *testing.T) {
	cfg := scenariotest.TimelineConfig{MinEvents: 5, MaxEvents: 12, Offsets: []time.Duration{0, time.Hour, 48 * time.Hour, -time.Hour}}
	rapid.Check(t, func(t *rapid.T) {
		var p agreement.Process
		if rapid.Bool().Draw(t, "random") {
			p = agreementtest.Process(agreementtest.Config{}).Draw(t, "process")
		} else {
			p = scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
		}
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		tl := scenariotest.Timeline(p, cfg).Draw(t, "timeline")
		if err := tl.Validate(e); err != nil {
			t.Fatalf("timeline does not validate: %v\n%s", err, scenariotest.FormatTimeline(tl))
		}
		if n := tl.Len(); n < 5 || n > 12 {
			t.Errorf("%d events, want 5 to 12", n)
		}
		start := scenariotest.DefaultStart()
		if !tl.Start().Equal(start) {
			t.Errorf("start %s, want %s", tl.Start(), start)
		}
		for i, ev := range tl.Events() {
			if d := ev.At.Sub(start); d != 0 && d != time.Hour && d != 48*time.Hour {
				t.Errorf("event %d at start%+v, not at an offset", i, d)
			}
		}
		if _, err := e.Replay(tl, cfg.End()); err != nil {
			t.Errorf("Replay to End(): %v", err)
		}
	})
}

// kindsMentioned returns every event kind p's patterns name.
func kindsMentioned(p agreement.Process) map[agreement.EventKind]bool {
	kinds := map[agreement.EventKind]bool{agreement.EventKindSigning: true, agreement.EventKindPowerExercised: true}
	for _, a := range p.Agreements {
		for _, f := range a.Fluents {
			for _, pat := range append(slices.Clone(f.Initiates), f.Terminates...) {
				kinds[pat.Kind] = true
			}
		}
		for _, c := range []agreement.Condition{a.EntryIntoForce, a.InForceAt.From} {
			for _, pat := range scenariotest.ConditionPatterns(c) {
				kinds[pat.Kind] = true
			}
		}
		for _, c := range a.Clauses {
			for _, nc := range c.Conditions() {
				for _, pat := range scenariotest.ConditionPatterns(nc.Condition) {
					kinds[pat.Kind] = true
				}
			}
			for _, anchor := range []agreement.Condition{c.Deadline.From, c.Expiry.From} {
				for _, pat := range scenariotest.ConditionPatterns(anchor) {
					kinds[pat.Kind] = true
				}
			}
			if c.Recurs.On != nil {
				kinds[c.Recurs.On.Kind] = true
			}
			for _, pat := range scenariotest.ActionPatterns(a.ID, c) {
				kinds[pat.Kind] = true
			}
		}
	}
	return kinds
}

func TestIrrelevantEventsAndInterleave(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg := scenariotest.TimelineConfig{MaxEvents: 6}
		extra := scenariotest.IrrelevantEvents(p, cfg).Draw(t, "irrelevant")
		kinds := kindsMentioned(p)
		for _, ev := range extra {
			if kinds[ev.Kind] {
				t.Errorf("irrelevant event of mentioned kind %s", ev.Kind)
			}
		}
		tl := scenariotest.Timeline(p, cfg).Draw(t, "timeline")
		mixed := scenariotest.Interleave(tl, extra).Draw(t, "mixed")
		if err := mixed.Validate(e); err != nil {
			t.Fatalf("mixed timeline does not validate: %v", err)
		}
		if mixed.Len() != tl.Len()+len(extra) {
			t.Fatalf("mixed has %d events, want %d", mixed.Len(), tl.Len()+len(extra))
		}
		// The timeline's own events keep their order.
		var own []agreement.Event
		for _, ev := range mixed.Events() {
			if kinds[ev.Kind] || !slices.ContainsFunc(extra, func(x agreement.Event) bool { return x.Kind == ev.Kind }) {
				own = append(own, ev)
			}
		}
		var want []agreement.Event
		for _, ev := range tl.Events() {
			if kinds[ev.Kind] || !slices.ContainsFunc(extra, func(x agreement.Event) bool { return x.Kind == ev.Kind }) {
				want = append(want, ev)
			}
		}
		if len(own) != len(want) {
			t.Fatalf("%d own events after mixing, want %d", len(own), len(want))
		}
		for i := range own {
			if own[i].Kind != want[i].Kind || !own[i].At.Equal(want[i].At) || own[i].Actor != want[i].Actor {
				t.Fatalf("own event %d changed: %+v, want %+v", i, own[i], want[i])
			}
		}
	})
}

func TestEdges(t *testing.T) {
	edges := scenariotest.Edges()
	if got, want := len(scenariotest.ClauseEdges()), 33; got != want {
		t.Errorf("%d clause edges, want %d", got, want)
	}
	if got, want := len(scenariotest.AgreementEdges()), 10; got != want {
		t.Errorf("%d agreement edges, want %d", got, want)
	}
	seen := map[scenariotest.Edge]bool{}
	for _, e := range edges {
		if seen[e] {
			t.Errorf("edge %s listed twice", e)
		}
		seen[e] = true
		if e.From.IsFinal() {
			t.Errorf("edge %s leaves a final state", e)
		}
		if !scenariotest.IsEdge(e.Agreement, e.From, e.To) {
			t.Errorf("IsEdge(%s) = false", e)
		}
		valid := agreement.State.IsClauseState
		if e.Agreement {
			valid = agreement.State.IsAgreementState
		}
		if !valid(e.From) || !valid(e.To) {
			t.Errorf("edge %s joins states of the wrong sort", e)
		}
	}
	for _, tc := range []struct {
		agreement bool
		from, to  agreement.State
	}{
		{false, agreement.StateFulfilled, agreement.StateInEffect},
		{false, agreement.StatePending, agreement.StateSuspended},
		{false, agreement.StateDormant, agreement.StateFulfilled},
		{false, agreement.StateInEffect, agreement.StateLapsed},
		{false, agreement.StateSuspended, agreement.StateLapsed},
		{false, agreement.StateSuspended, agreement.StateDischarged},
		{true, agreement.StateInForce, agreement.StateSigned},
		{true, agreement.StateDraft, agreement.StateInForce},
		{true, agreement.StateTerminated, agreement.StateInForce},
	} {
		if scenariotest.IsEdge(tc.agreement, tc.from, tc.to) {
			t.Errorf("IsEdge(%t, %s, %s) = true", tc.agreement, tc.from, tc.to)
		}
	}
}

func TestClassify(t *testing.T) {
	clause := scenario.Instance{Ref: agreement.QualifiedRef("A", "C1")}
	agr := scenario.Instance{Ref: agreement.AgreementRef("A")}
	tr := func(i scenario.Instance, from, to agreement.State, k scenario.CauseKind) scenario.Transition {
		return scenario.Transition{Instance: i, From: from, To: to, Cause: scenario.Cause{Kind: k}}
	}
	for _, tc := range []struct {
		tr   scenario.Transition
		rule scenariotest.Rule // 0: not an edge
	}{
		{tr(clause, agreement.StateDormant, agreement.StateInEffect, scenario.CauseEvent), scenariotest.RuleTrigger},
		{tr(clause, agreement.StateDormant, agreement.StatePending, scenario.CauseTimer), scenariotest.RuleTrigger},
		{tr(clause, agreement.StateDormant, agreement.StateInEffect, scenario.CauseDeadline), 0},
		{tr(clause, agreement.StatePending, agreement.StateInEffect, scenario.CauseClause), scenariotest.RuleAntecedent},
		{tr(clause, agreement.StateDormant, agreement.StateLapsed, scenario.CauseDeadline), scenariotest.RuleDeadline},
		{tr(clause, agreement.StatePending, agreement.StateLapsed, scenario.CauseDeadline), scenariotest.RuleDeadline},
		{tr(clause, agreement.StateDormant, agreement.StateLapsed, scenario.CauseEvent), 0},
		{tr(clause, agreement.StateInEffect, agreement.StateLapsed, scenario.CauseDeadline), 0},
		{tr(clause, agreement.StatePending, agreement.StateDischarged, scenario.CauseExpiry), scenariotest.RuleExpiry},
		{tr(clause, agreement.StatePending, agreement.StateDischarged, scenario.CausePower), 0},
		{tr(clause, agreement.StateInEffect, agreement.StateDischarged, scenario.CausePower), scenariotest.RulePower},
		{tr(clause, agreement.StateInEffect, agreement.StateDischarged, scenario.CauseEvent), 0},
		{tr(clause, agreement.StateInEffect, agreement.StateFulfilled, scenario.CauseExpiry), scenariotest.RuleExpiry},
		{tr(clause, agreement.StateInEffect, agreement.StateFulfilled, scenario.CauseEvent), scenariotest.RuleFulfilment},
		{tr(clause, agreement.StateInEffect, agreement.StateViolated, scenario.CauseDeadline), scenariotest.RuleDeadline},
		{tr(clause, agreement.StateInEffect, agreement.StateViolated, scenario.CauseTimer), scenariotest.RuleViolation},
		{tr(clause, agreement.StateInEffect, agreement.StateSuspended, scenario.CausePower), scenariotest.RulePower},
		{tr(clause, agreement.StateInEffect, agreement.StateSuspended, scenario.CauseEvent), 0},
		{tr(clause, agreement.StateSuspended, agreement.StateInEffect, scenario.CausePower), scenariotest.RulePower},
		{tr(clause, agreement.StateSuspended, agreement.StateTerminated, scenario.CauseAgreement), scenariotest.RuleAgreementTerminated},
		{tr(clause, agreement.StatePending, agreement.StateTerminated, scenario.CausePower), scenariotest.RulePower},
		{tr(clause, agreement.StateFulfilled, agreement.StateTerminated, scenario.CausePower), 0},
		{tr(clause, agreement.StateDormant, agreement.StateFulfilled, scenario.CauseEvent), 0},
		{tr(agr, agreement.StateDraft, agreement.StateSigned, scenario.CauseEvent), scenariotest.RuleSigning},
		{tr(agr, agreement.StateDraft, agreement.StateSigned, scenario.CauseSignature), scenariotest.RuleSigning},
		{tr(agr, agreement.StateDraft, agreement.StateSigned, scenario.CauseTimer), 0},
		{tr(agr, agreement.StateSigned, agreement.StateInForce, scenario.CauseTimer), scenariotest.RuleEntryIntoForce},
		{tr(agr, agreement.StateSigned, agreement.StateInForce, scenario.CauseStart), scenariotest.RuleEntryIntoForce},
		{tr(agr, agreement.StateInForce, agreement.StateSuspended, scenario.CausePower), scenariotest.RulePower},
		{tr(agr, agreement.StateDraft, agreement.StateTerminated, scenario.CausePower), scenariotest.RulePower},
		{tr(agr, agreement.StateDraft, agreement.StateInForce, scenario.CauseEvent), 0},
		{tr(agr, agreement.StateTerminated, agreement.StateInForce, scenario.CausePower), 0},
	} {
		e, ok := scenariotest.Classify(tc.tr)
		if ok != (tc.rule != 0) || ok && e.Rule != tc.rule {
			t.Errorf("Classify(%s %s -> %s, %s) = %s, %t; want rule %s", tc.tr.Instance, tc.tr.From, tc.tr.To,
				tc.tr.Cause.Kind, e, ok, tc.rule)
		}
		if ok && (e.From != tc.tr.From || e.To != tc.tr.To || e.Agreement != tc.tr.Instance.IsAgreement()) {
			t.Errorf("Classify(%v) = %s: states or sort differ", tc.tr, e)
		}
	}
}

// recorder is a rapid.TB that records the errors reported to it.
type recorder struct {
	*testing.T
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recorder) Error(args ...any) { r.errs = append(r.errs, fmt.Sprint(args...)) }

func guarantee() agreement.Agreement {
	cf := agreement.FluentID("ceasefire-in-force")
	return agreement.Agreement{
		ID:            "paris",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "FR"}},
		Fluents: []agreement.Fluent{{ID: cf, Initiates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}}},
		Clauses: []agreement.Clause{
			{ID: "G1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR"},
				Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}, Trigger: agreement.Holds(cf)},
			{ID: "G2", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR"},
				Action: &agreement.Pattern{Kind: "support-provided"}, Trigger: agreement.Holds(cf),
				Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})},
		},
	}
}

func TestAssertions(t *testing.T) {
	e, err := scenario.Compile(guarantee())
	if err != nil {
		t.Fatal(err)
	}
	start := scenariotest.DefaultStart()
	at := func(d int) time.Time { return start.Add(time.Duration(d) * agreement.Day) }
	tl := scenario.NewTimeline(start,
		agreement.Event{At: at(2), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
		agreement.Event{At: at(5), Kind: agreement.EventKindCeasefireInForce},
		agreement.Event{At: at(9), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
	)
	tr, err := e.Replay(tl, at(20))
	if err != nil {
		t.Fatal(err)
	}
	scenariotest.AssertTransitionsValid(t, tr)
	scenariotest.AssertNeverInEffectBefore(t, tr, agreement.EventKindCeasefireInForce)

	// G1 is in effect from day 5, before the second attack (day 9), but
	// after the first: only a check against a later kind fails.
	r := &recorder{T: t}
	scenariotest.AssertNeverInEffectBefore(r, tr, agreement.EventKindArmedAttack)
	if len(r.errs) != 0 {
		t.Errorf("never in effect before the first attack: unexpected errors %q", r.errs)
	}
	r = &recorder{T: t}
	scenariotest.AssertNeverInEffectBefore(r, tr, agreement.EventKindElectionHeld, agreement.LocalRef("G1"))
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "paris/G1") {
		t.Errorf("in effect with no election: got errors %q, want one naming paris/G1", r.errs)
	}

	// The same trace compares equal to itself, and differs from the trace
	// without the second attack.
	scenariotest.AssertSameTransitions(t, tr, tr)
	other, err := e.Replay(scenario.NewTimeline(start, agreement.Event{At: at(5), Kind: agreement.EventKindCeasefireInForce}), at(20))
	if err != nil {
		t.Fatal(err)
	}
	r = &recorder{T: t}
	scenariotest.AssertSameTransitions(r, tr, other)
	if len(r.errs) != 1 {
		t.Errorf("different traces: got %d errors, want 1", len(r.errs))
	}
}

func TestCoverage(t *testing.T) {
	e, err := scenario.Compile(guarantee())
	if err != nil {
		t.Fatal(err)
	}
	start := scenariotest.DefaultStart()
	tr, err := e.Replay(scenario.NewTimeline(start, agreement.Event{At: start.Add(agreement.Day),
		Kind: agreement.EventKindCeasefireInForce}), start.Add(10*agreement.Day))
	if err != nil {
		t.Fatal(err)
	}
	pending := scenariotest.Edge{From: agreement.StateDormant, To: agreement.StatePending, Rule: scenariotest.RuleTrigger}
	active := scenariotest.Edge{From: agreement.StateDormant, To: agreement.StateInEffect, Rule: scenariotest.RuleTrigger}
	resumed := scenariotest.Edge{From: agreement.StateSuspended, To: agreement.StateInEffect, Rule: scenariotest.RulePower}
	cov := scenariotest.NewCoverage(pending, active, resumed)
	cov.Observe(tr)
	cov.Observe(tr)
	if got := cov.Runs(); got != 2 {
		t.Errorf("Runs() = %d, want 2", got)
	}
	if got := cov.Missing(); !slices.Equal(got, []scenariotest.Edge{resumed}) {
		t.Errorf("Missing() = %v, want [%s]", got, resumed)
	}
	if cov.FirstSeen(pending) != 1 || cov.FirstSeen(resumed) != 0 || cov.CompleteAfter() != 0 {
		t.Errorf("FirstSeen or CompleteAfter wrong:\n%s", cov.Report())
	}
	r := &recorder{T: t}
	cov.Assert(r)
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], resumed.String()) {
		t.Errorf("Assert: got %q, want one error naming %s", r.errs, resumed)
	}
	if !strings.Contains(cov.Report(), resumed.String()+": never") {
		t.Errorf("Report does not say %s was never seen:\n%s", resumed, cov.Report())
	}
	full := scenariotest.NewCoverage(pending, active)
	full.Observe(tr)
	if full.CompleteAfter() != 1 {
		t.Errorf("CompleteAfter() = %d, want 1", full.CompleteAfter())
	}
	full.Assert(t)
}
