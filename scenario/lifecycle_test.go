package scenario_test

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

var t0 = time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)

func h(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }

func ev(at time.Time, kind agreement.EventKind, actor agreement.PartyID) agreement.Event {
	return agreement.Event{At: at, Kind: kind, Actor: actor}
}

func exercise(at time.Time, power agreement.ClauseID, actor agreement.PartyID) agreement.Event {
	return agreement.Event{At: at, Kind: agreement.EventKindPowerExercised, Actor: actor, Clause: agreement.LocalRef(power)}
}

// base returns a signed two-party agreement with the given clauses.
func base(clauses ...agreement.Clause) agreement.Agreement {
	return agreement.Agreement{
		ID:            "lc",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "UN"}},
		Fluents: []agreement.Fluent{{ID: "ceasefire",
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}}},
		Clauses: clauses,
	}
}

type step struct {
	id     string // clause id, "id[debtor]", or "" for the agreement
	at     time.Time
	want   agreement.State
	reason string
}

func instanceOf(t *testing.T, e *scenario.Engine, id string) scenario.Instance {
	t.Helper()
	if id == "" {
		return scenario.Instance{Ref: agreement.AgreementRef(e.Agreements()[0])}
	}
	clause, debtor := id, ""
	if i := len(id) - 1; id[i] == ']' {
		for j := range id {
			if id[j] == '[' {
				clause, debtor = id[:j], id[j+1:i]
			}
		}
	}
	inst, ok := e.Instance(agreement.LocalRef(agreement.ClauseID(clause)), agreement.PartyID(debtor))
	if !ok {
		t.Fatalf("no instance %q", id)
	}
	return inst
}

func check(t *testing.T, a agreement.Agreement, end time.Time, events []agreement.Event, steps []step) *scenario.Trace {
	t.Helper()
	e, tr := replay(t, a, t0, end, events...)
	for _, s := range steps {
		got, err := tr.State(instanceOf(t, e, s.id), s.at)
		if err != nil {
			t.Fatal(err)
		}
		if got != s.want {
			t.Errorf("%s at +%v: %s, want %s (%s)", s.id, s.at.Sub(t0), got, s.want, s.reason)
		}
	}
	if t.Failed() {
		for tr := range tr.Transitions() {
			t.Logf("%v %s %s -> %s %v", tr.At.Sub(t0), tr.Instance, tr.From, tr.To, tr.Cause)
		}
	}
	return tr
}

func causeOf(tr *scenario.Trace, inst string, to agreement.State) (scenario.Cause, bool) {
	for x := range tr.Transitions() {
		if (x.Instance.Ref.Clause == agreement.ClauseID(inst) || x.Instance.String() == "lc/"+inst) && x.To == to {
			return x.Cause, true
		}
	}
	return scenario.Cause{}, false
}

func obligation(id agreement.ClauseID, debtors ...agreement.PartyID) agreement.Clause {
	return agreement.Clause{ID: id, Kind: agreement.DeonticObligation, Debtors: debtors,
		Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted}}
}

func TestEntryIntoForce(t *testing.T) {
	a := base(obligation("W", "RU"))
	a.SigningStatus = agreement.SigningStatusUnspecified
	a.EntryIntoForce = agreement.All(
		agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: "UA"}),
		agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: "RU"}))
	check(t, a, h(20), []agreement.Event{
		ev(h(1), agreement.EventKindRatification, "UA"), // before signature: recorded, not yet effective
		{At: h(2), Kind: agreement.EventKindSigning, Actor: "UA"},
		ev(h(5), agreement.EventKindRatification, "RU"),
	}, []step{
		{"", h(0), agreement.StateDraft, "no signature yet"},
		{"", h(2), agreement.StateSigned, "signed"},
		{"W", h(4), agreement.StateDormant, "gated until in force"},
		{"", h(5), agreement.StateInForce, "both ratified"},
		{"W", h(5), agreement.StateInEffect, "no trigger: binding from entry into force"},
	})
}

func TestDeadlines(t *testing.T) {
	w := obligation("W", "RU")
	w.Trigger = agreement.Holds("ceasefire")
	w.Deadline.After = 72 * time.Hour
	// S suspends W until R resumes it.
	s := agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"UN"},
		Targets: []agreement.Ref{agreement.LocalRef("W")}, ResumedBy: "R"}
	r := agreement.Clause{ID: "R", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"UN"}}
	t.Run("violated exactly when it passes", func(t *testing.T) {
		tr := check(t, base(w), h(200), []agreement.Event{ev(h(10), agreement.EventKindCeasefireInForce, "")}, []step{
			{"W", h(81), agreement.StateInEffect, "71 h in"},
			{"W", h(82), agreement.StateViolated, "72 h passed"},
		})
		if c, _ := causeOf(tr, "W", agreement.StateViolated); c.Kind != scenario.CauseDeadline {
			t.Errorf("cause %v, want deadline", c)
		}
	})
	t.Run("fulfilled at the deadline wins", func(t *testing.T) {
		check(t, base(w), h(200), []agreement.Event{ev(h(10), agreement.EventKindCeasefireInForce, ""),
			ev(h(82), agreement.EventKindWithdrawalCompleted, "RU")}, []step{
			{"W", h(82), agreement.StateFulfilled, "fulfilment beats violation at one instant"},
		})
	})
	t.Run("withdrawal by another party does not count", func(t *testing.T) {
		check(t, base(w), h(200), []agreement.Event{ev(h(10), agreement.EventKindCeasefireInForce, ""),
			ev(h(20), agreement.EventKindWithdrawalCompleted, "UA")}, []step{
			{"W", h(82), agreement.StateViolated, "the actor defaults to the debtor"},
		})
	})
	t.Run("paused while suspended", func(t *testing.T) {
		check(t, base(w, s, r), h(200), []agreement.Event{ev(h(10), agreement.EventKindCeasefireInForce, ""),
			exercise(h(34), "S", "UN"), exercise(h(58), "R", "UN")}, []step{
			{"W", h(34), agreement.StateSuspended, "suspended after 24 h"},
			{"W", h(58), agreement.StateInEffect, "resumed after 24 h suspended"},
			{"W", h(105), agreement.StateInEffect, "48 h left at resumption"},
			{"W", h(106), agreement.StateViolated, "72 h of running time"},
		})
	})
	t.Run("absolute deadline passed while suspended", func(t *testing.T) {
		w := w
		w.Deadline = agreement.Deadline{At: h(40)}
		check(t, base(w, s, r), h(200), []agreement.Event{ev(h(10), agreement.EventKindCeasefireInForce, ""),
			exercise(h(30), "S", "UN"), exercise(h(50), "R", "UN")}, []step{
			{"W", h(45), agreement.StateSuspended, "suspended over the deadline"},
			{"W", h(50), agreement.StateViolated, "violated at resumption"},
		})
	})
}

func TestExpiry(t *testing.T) {
	p := agreement.Clause{ID: "P", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"RU"},
		Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack}, Trigger: agreement.Holds("ceasefire"),
		Expiry: agreement.Deadline{After: 30 * agreement.Day}}
	o := obligation("O", "RU")
	o.Trigger = agreement.Holds("ceasefire")
	o.Expiry = agreement.Deadline{At: h(100)}
	q := obligation("Q", "RU")
	q.Trigger = agreement.Holds("ceasefire")
	q.Antecedent = agreement.Happened(agreement.Pattern{Kind: "never"})
	q.Expiry = agreement.Deadline{At: h(100)}
	check(t, base(p, o, q), h(1000), []agreement.Event{ev(h(10), agreement.EventKindCeasefireInForce, "")}, []step{
		{"P", h(10 + 30*24 - 1), agreement.StateInEffect, "kept so far"},
		{"P", h(10 + 30*24), agreement.StateFulfilled, "a prohibition kept to its expiry is fulfilled"},
		{"O", h(100), agreement.StateDischarged, "an obligation reaching its expiry is discharged"},
		{"Q", h(99), agreement.StatePending, "waiting for its antecedent"},
		{"Q", h(100), agreement.StateDischarged, "pending at expiry"},
	})
	check(t, base(p), h(1000), []agreement.Event{ev(h(10), agreement.EventKindCeasefireInForce, ""), ev(h(20), agreement.EventKindArmedAttack, "RU")},
		[]step{{"P", h(20), agreement.StateViolated, "an attack breaks the prohibition"}})
}

func TestSeveralDebtorsAndReparation(t *testing.T) {
	m := obligation("M", "UA", "RU")
	m.Deadline.After = 10 * time.Hour
	rep := agreement.Clause{ID: "REP", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
		Action:  &agreement.Pattern{Kind: "compensation-paid"},
		Trigger: agreement.ClauseIn(agreement.LocalRef("M"), agreement.StateViolated)}
	check(t, base(m, rep), h(100), []agreement.Event{ev(h(3), agreement.EventKindWithdrawalCompleted, "UA")}, []step{
		{"M[UA]", h(3), agreement.StateFulfilled, "UA withdrew"},
		{"M[RU]", h(9), agreement.StateInEffect, "RU has not yet"},
		{"M[RU]", h(10), agreement.StateViolated, "RU's deadline passed"},
		{"REP", h(9), agreement.StateDormant, "no violation yet"},
		{"REP", h(10), agreement.StateInEffect, "reparation triggered in the same instant"},
	})
}

func TestPowers(t *testing.T) {
	w := obligation("W", "RU")
	w.Violation = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})
	surv := obligation("DS", "UN")
	surv.Surviving = true
	surv.Action = &agreement.Pattern{Kind: "report-filed"}
	d := agreement.Clause{ID: "D", Kind: agreement.DeonticPower, Effect: agreement.EffectDischarge, Debtors: []agreement.PartyID{"UN"},
		Targets: []agreement.Ref{agreement.LocalRef("W")}}
	term := agreement.Clause{ID: "T", Kind: agreement.DeonticPower, Effect: agreement.EffectTerminate, Debtors: []agreement.PartyID{"UA"},
		Targets: []agreement.Ref{agreement.AgreementRef("lc")}}
	t.Run("discharge beats violation at one instant", func(t *testing.T) {
		check(t, base(w, d), h(50), []agreement.Event{exercise(h(5), "D", "UN"), ev(h(5), agreement.EventKindArmedAttack, "RU")}, []step{
			{"W", h(5), agreement.StateDischarged, "discharge > violation"},
			{"D", h(5), agreement.StateFulfilled, "a power is fulfilled once exercised"},
		})
	})
	t.Run("only a debtor exercises a power", func(t *testing.T) {
		check(t, base(w, d), h(50), []agreement.Event{exercise(h(5), "D", "UA")}, []step{
			{"W", h(5), agreement.StateInEffect, "UA is not the power's debtor"},
		})
	})
	t.Run("terminating the agreement", func(t *testing.T) {
		tr := check(t, base(w, d, term, surv), h(50), []agreement.Event{exercise(h(5), "T", "UA"), ev(h(8), "report-filed", "UN")}, []step{
			{"", h(5), agreement.StateTerminated, "terminated by power"},
			{"W", h(5), agreement.StateTerminated, "non-surviving clauses end with it"},
			{"D", h(5), agreement.StateTerminated, "so do unexercised powers"},
			{"DS", h(8), agreement.StateFulfilled, "a surviving clause keeps its lifecycle"},
		})
		if c, _ := causeOf(tr, "W", agreement.StateTerminated); c.Kind != scenario.CauseAgreement {
			t.Errorf("W terminated by %v, want the agreement", c)
		}
	})
	t.Run("suspending the agreement suspends its clauses", func(t *testing.T) {
		w := w
		w.Deadline.After = 10 * time.Hour
		s := agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"UN"},
			Targets: []agreement.Ref{agreement.AgreementRef("lc")}, ResumedBy: "R"}
		r := agreement.Clause{ID: "R", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"UN"}, Surviving: true}
		check(t, base(w, s, r), h(50), []agreement.Event{exercise(h(4), "S", "UN"), ev(h(6), agreement.EventKindArmedAttack, "RU"),
			exercise(h(20), "R", "UN")}, []step{
			{"", h(4), agreement.StateSuspended, "suspended"},
			{"W", h(6), agreement.StateSuspended, "suspended with the agreement"},
			{"", h(20), agreement.StateInForce, "resumed"},
			{"W", h(20), agreement.StateInEffect, "the attack during the suspension is excused"},
			{"W", h(26), agreement.StateViolated, "deadline: 4 h before suspension + 6 h after"},
		})
		// With the acts of the suspension deferred, W sees the attack at
		// resumption.
		d := w
		d.DuringSuspension = agreement.SuspensionDefers
		check(t, base(d, s, r), h(50), []agreement.Event{exercise(h(4), "S", "UN"), ev(h(6), agreement.EventKindArmedAttack, "RU"),
			exercise(h(20), "R", "UN")}, []step{
			{"W", h(6), agreement.StateSuspended, "suspended with the agreement"},
			{"W", h(20), agreement.StateViolated, "the attack during the suspension, judged at resumption"},
		})
		// Without the attack, the deadline paused during the suspension.
		check(t, base(w, s, r), h(50), []agreement.Event{exercise(h(4), "S", "UN"), exercise(h(20), "R", "UN")}, []step{
			{"W", h(25), agreement.StateInEffect, "6 h of deadline left at resumption"},
			{"W", h(26), agreement.StateViolated, "deadline: 4 h before suspension + 6 h after"},
		})
	})
}

func TestWithinTimer(t *testing.T) {
	// Violated 48 hours after the last heartbeat, with no event at that
	// instant.
	m := agreement.Clause{ID: "HB", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UN"},
		Fulfilment: agreement.Happened(agreement.Pattern{Kind: "mission-ended"}),
		Violation: agreement.All(agreement.Happened(agreement.Pattern{Kind: "heartbeat"}),
			agreement.Not(agreement.Within(agreement.Pattern{Kind: "heartbeat"}, 48*time.Hour)))}
	tr := check(t, base(m), h(500), []agreement.Event{ev(h(1), "heartbeat", "UN"), ev(h(40), "heartbeat", "UN"),
		ev(h(80), "heartbeat", "UN")}, []step{
		{"HB", h(127), agreement.StateInEffect, "47 h since the last heartbeat"},
		{"HB", h(128), agreement.StateViolated, "48 h of silence"},
	})
	if c, _ := causeOf(tr, "HB", agreement.StateViolated); c.Kind != scenario.CauseTimer {
		t.Errorf("cause %v, want timer", c)
	}
}

func TestRunErrors(t *testing.T) {
	e := mustCompile(t, base(obligation("W", "RU")))
	r, err := e.Start(t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Apply(ev(h(2), agreement.EventKindArmedAttack, "RU")); err != nil {
		t.Fatal(err)
	}
	if err := r.Apply(ev(h(1), agreement.EventKindArmedAttack, "RU")); err == nil {
		t.Error("an event before the open batch's instant was accepted")
	}
	if err := r.AdvanceTo(h(5)); err != nil {
		t.Fatal(err)
	}
	if err := r.Apply(ev(h(5), agreement.EventKindArmedAttack, "RU")); !errors.Is(err, scenario.ErrOutOfOrder) {
		t.Errorf("event at a closed instant: %v, want ErrOutOfOrder", err)
	}
	err = r.Apply(agreement.Event{At: h(6), Kind: agreement.EventKindArmedAttack, Actor: "XX", Clause: agreement.LocalRef("NOPE")})
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 || ve.Problems[0].Path != "event.actor" || ve.Problems[1].Path != "event.clause" {
		t.Errorf("bad event: %v", err)
	}
	tl := scenario.NewTimeline(t0, ev(h(1), agreement.EventKindArmedAttack, "RU"), ev(h(-1), "Bad Kind", "QQ"))
	err = tl.Validate(e)
	if !errors.As(err, &ve) {
		t.Fatalf("Validate = %v", err)
	}
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	if want := []string{"events[1].kind", "events[1].actor", "events[1].at"}; !slices.Equal(paths, want) {
		t.Errorf("problem paths %v, want %v (the bad event is the second given, though it sorts first)", paths, want)
	}
	if _, err := e.Replay(scenario.NewTimeline(t0, ev(h(9), agreement.EventKindArmedAttack, "RU")), h(5)); err == nil {
		t.Error("an event after the end was accepted")
	}
}

func TestForkIsIndependent(t *testing.T) {
	w := obligation("W", "RU")
	w.Deadline.After = 10 * time.Hour
	e, _ := scenario.Compile(base(w))
	r, _ := e.Start(t0)
	_ = r.AdvanceTo(h(2))
	f := r.Fork()
	_ = f.Apply(ev(h(3), agreement.EventKindWithdrawalCompleted, "RU"))
	_ = f.AdvanceTo(h(20))
	_ = r.AdvanceTo(h(20))
	inst := instanceOf(t, e, "W")
	got, _ := r.Trace().State(inst, h(20))
	forked, _ := f.Trace().State(inst, h(20))
	if got != agreement.StateViolated || forked != agreement.StateFulfilled {
		t.Errorf("original %s (want violated), fork %s (want fulfilled)", got, forked)
	}
	if n := r.Trace().Engine(); n != e {
		t.Error("trace engine differs")
	}
	for range r.Trace().Events() {
		t.Error("the fork's event leaked into the original")
	}
}

// TestLifecycleMatchesModel replays the processes of
// scenariotest.LifecycleProcess, under timelines of scenariotest.Timeline
// and (every other one) of scenariotest.AmendedTimeline, with both the
// engine and the reference model of reference_test.go, and
// compares them in full (transitions, causes, breaches, final states). The
// generators draw calendar time (zones, calendar and anchored limits,
// rounding, exclusive and unconditional limits, clock atoms, recurrences,
// provisional clauses, signatories, dated signatures, InForceAt); the test
// fails unless 100 checks went through each of the situations the rules of
// calendar time single out: a clause lapsing while Dormant and while
// Pending, an exclusive limit reached at the instant of an act of the
// clause, a recurring duty missing an occurrence, a provisional clause
// moving before its agreement is in force, a recorded signature taken at
// its date, and an entry into force waiting for InForceAt.
func TestLifecycleMatchesModel(t *testing.T) {
	notes := map[string]int{}
	checks := 0
	tcfg := scenariotest.TimelineConfig{MinEvents: 16, MaxEvents: 32, Exercises: 40}
	rapid.Check(t, func(t *rapid.T) {
		checks++
		p := scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for k := range 6 {
			// Every other timeline carries amendments: the provisional
			// clauses and entries into force of these processes under
			// texts that change while they run.
			gen := scenariotest.Timeline(p, tcfg)
			if k%2 == 1 {
				gen = scenariotest.AmendedTimeline(p, tcfg)
			}
			drawn := gen.Draw(t, "timeline")
			var evs []agreement.Event
			for _, ev := range drawn.Events() {
				evs = append(evs, ev)
			}
			tl := scenario.NewTimeline(drawn.Start(), evs...).WithAmendments(drawn.Amendments()...)
			tr, err := e.Replay(tl, tcfg.End())
			if err != nil {
				t.Fatal(err)
			}
			res := refReplayAmended(p, tl.Start(), evs, drawn.Amendments(), tcfg.End())
			if diffs := refCompare(tr, res); len(diffs) > 0 {
				t.Fatalf("engine and model disagree:\n%s\nprocess:\n%s\ntimeline:\n%s", strings.Join(diffs, "\n"),
					scenariotest.FormatProcess(p), scenariotest.FormatTimeline(tl))
			}
			for k, n := range res.notes {
				if n > 0 {
					seen[k] = true
				}
			}
		}
		for k := range seen {
			notes[k]++
		}
	})
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(notes)) {
		fmt.Fprintf(&b, "  %-60s %d\n", k, notes[k])
	}
	t.Logf("checks going through each situation, of %d:\n%s", checks, b.String())
	if t.Failed() || testing.Short() {
		return
	}
	for _, want := range [][]string{{"lapsed dormant"}, {"lapsed pending"},
		{"exclusive deadline reached at the instant of an act", "exclusive expiry reached at the instant of an act"},
		{"recurring duty: occurrence missed"}, {"provisional clause moves before entry into force"},
		{"dated signature taken"}, {"entry into force after InForceAt"}} {
		if !slices.ContainsFunc(want, func(k string) bool { return notes[k] > 0 }) {
			t.Errorf("no check went through %q", strings.Join(want, " or "))
		}
	}
}
