package scenario_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"pgregory.net/rapid"
)

// A clause whose trigger has fired reads its trigger's fluent no more, but
// one whose violation condition reads the same fluent still does: breaking
// the ceasefire that triggered it violates it, at the event that broke it,
// while the clause triggered alone stays in effect through every toggle.
func TestFiredTriggerStillWokenByItsViolation(t *testing.T) {
	cf := agreement.Fluent{ID: "cf",
		Initiates:  []agreement.Pattern{{Kind: "ceasefire-declared"}},
		Terminates: []agreement.Pattern{{Kind: "ceasefire-broken"}}}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	ua := []agreement.PartyID{"UA"}
	a := refSigned([]agreement.Clause{
		{ID: "Only", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Trigger: agreement.Holds("cf")},
		{ID: "Kept", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Trigger: agreement.Holds("cf"),
			Violation: agreement.Not(agreement.Holds("cf"))},
	})
	a.Fluents = []agreement.Fluent{cf}
	evs := []agreement.Event{
		{At: refAt(1), Kind: "ceasefire-declared", Actor: "UA"},
		{At: refAt(2), Kind: "ceasefire-broken", Actor: "UA"},
		{At: refAt(3), Kind: "ceasefire-declared", Actor: "UA"},
		{At: refAt(4), Kind: "ceasefire-broken", Actor: "UA"},
	}
	tr := refCheckAgreement(t, a, refAt(5), evs...)
	refWant(t, tr, "Only", "", refAt(1), agreement.StateInEffect)
	refWant(t, tr, "Kept", "", refAt(1), agreement.StateInEffect)
	refWant(t, tr, "Kept", "", refAt(2), agreement.StateViolated)
	refWant(t, tr, "Only", "", refAt(5), agreement.StateInEffect)
	for x := range tr.Transitions() {
		if x.Instance.Ref.Clause != "Kept" || x.To != agreement.StateViolated {
			continue
		}
		if i, ok := x.Cause.Event(); x.Cause.Kind != scenario.CauseEvent || !ok || i != 1 {
			t.Errorf("Kept violated with cause %s (event %d, %v), want event 1, the break", x.Cause.Kind, i, ok)
		}
	}
}

// TestPropertySkippedWakesChangeNothing replays processes under timelines
// with amendments twice: as the engine does, skipping the wakes of
// instances that no longer read what changed, and waking every instance
// that reads it in any slot. The traces must be the same in full:
// transitions in order with their causes and versions, breaches, ends of
// terms, and their renderings (which show the recorded decisions).
func TestPropertySkippedWakesChangeNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := refProcessGen(refChance(t, "rich", 50)).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatalf("compile: %v\n%s", err, refDescribe(p))
		}
		start := refHour(0)
		var evs []agreement.Event
		var ams []agreement.Amendment
		texts := p
		k, last := 0, -1
		for range 4 + refUniform(t, "steps", 30) {
			k += refUniform(t, "gap", 5)
			if refChance(t, "amend", 8) {
				k = max(k, last+1)
				a := refDrawAmendment(t, texts, refHour(k))
				ams = append(ams, a)
				texts = refReplaced(texts, a.Text)
				continue
			}
			evs = append(evs, refDrawEvent(t, texts, refHour(k)))
			last = k
		}
		end := refHour(k + refUniform(t, "tail", 73))
		tl := scenario.NewTimeline(start, evs...).WithAmendments(ams...)
		got, err := e.Replay(tl, end)
		if err != nil {
			t.Fatalf("replay: %v", err)
		}
		want, err := scenario.WakingEvery(e).Replay(tl, end)
		if err != nil {
			t.Fatalf("replay waking every: %v", err)
		}
		if d := traceDiff(got, want); d != "" {
			t.Fatalf("skipping wakes changed the trace: %s\nprocess:\n%sevents:\n%s%s", d,
				refDescribe(p), refDescribeEvents(evs), refDescribeAmendments(p, ams))
		}
	})
}

// traceDiff describes the first difference between traces got and want,
// "" when they are the same.
func traceDiff(got, want *scenario.Trace) string {
	gx, wx := slices.Collect(got.Transitions()), slices.Collect(want.Transitions())
	for k := range min(len(gx), len(wx)) {
		if !reflect.DeepEqual(gx[k], wx[k]) {
			return fmt.Sprintf("transition %d: %+v, want %+v", k, gx[k], wx[k])
		}
	}
	if len(gx) != len(wx) {
		return fmt.Sprintf("%d transitions, want %d", len(gx), len(wx))
	}
	if g, w := slices.Collect(got.Breaches()), slices.Collect(want.Breaches()); !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("breaches %+v, want %+v", g, w)
	}
	if g, w := slices.Collect(got.Renewals()), slices.Collect(want.Renewals()); !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("renewals %+v, want %+v", g, w)
	}
	var gm, wm strings.Builder
	if err := got.Markdown(&gm); err != nil {
		return err.Error()
	}
	if err := want.Markdown(&wm); err != nil {
		return err.Error()
	}
	if gm.String() != wm.String() {
		return fmt.Sprintf("markdown:\n%s\nwant:\n%s", gm.String(), wm.String())
	}
	return ""
}

// An instance that has just activated is taken by every later step of the
// round in its new state, so the round after it evaluates it only if
// something it reads changes there, and then at its place in that round.
// Here W and X activate at +1h; Y, which reads W's state, and Z, which
// reads X's, are woken for the next round, in whose activation step Y
// enters into effect. That violates X, declared before Z, in the same
// round's violation step, before Z, which Y's activation violates too: X's
// move comes before Z's, as the package doc's rounds order them, and not
// in a round of its own after Z.
func TestActivatedInstanceTakenInTheNextRoundAtItsPlace(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	attack := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack})
	a := refSigned([]agreement.Clause{
		{ID: "W", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Trigger: attack},
		{ID: "X", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Trigger: attack,
			Violation: agreement.ClauseIn(agreement.LocalRef("Y"), agreement.StateInEffect)},
		{ID: "Y", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
			Trigger: agreement.ClauseIn(agreement.LocalRef("W"), agreement.StateInEffect)},
		{ID: "Z", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
			Fulfilment: agreement.ClauseIn(agreement.LocalRef("X"), agreement.StateViolated),
			Violation:  agreement.ClauseIn(agreement.LocalRef("Y"), agreement.StateInEffect)},
	})
	tr := refCheckAgreement(t, a, refAt(2), agreement.Event{At: refAt(1), Kind: agreement.EventKindArmedAttack, Actor: "UA"})
	var order []string
	for x := range tr.Transitions() {
		if x.At.Equal(refAt(1)) {
			order = append(order, fmt.Sprintf("%s:%s", x.Instance.Ref.Clause, x.To))
		}
	}
	if want := []string{"W:in-effect", "X:in-effect", "Y:in-effect", "X:violated", "Z:violated"}; !slices.Equal(order, want) {
		t.Errorf("transitions at +1h: %v, want %v", order, want)
	}
}

// An instance that has just moved is woken for the next round by its own
// move first, whatever wakes it after it in the same round: its move in
// the next round has that first cause. Here the attack activates X, whose
// violation reads V; V, declared after X, is violated by the same attack
// later in the round, which wakes X again. X is violated in the next round
// with the cause of the move that put it there, the attack, not V.
func TestActivatedInstanceKeepsItsFirstCause(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	a := refSigned([]agreement.Clause{
		{ID: "X", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Trigger: agreement.Happened(attack),
			Violation: agreement.ClauseIn(agreement.LocalRef("V"), agreement.StateViolated)},
		{ID: "V", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Violation: agreement.Happened(attack)},
	})
	tr := refCheckAgreement(t, a, refAt(2), agreement.Event{At: refAt(1), Kind: agreement.EventKindArmedAttack, Actor: "UA"})
	refWant(t, tr, "X", "", refAt(1), agreement.StateViolated)
	for x := range tr.Transitions() {
		if x.Instance.Ref.Clause == "X" && x.To == agreement.StateViolated && x.Cause.Kind != scenario.CauseEvent {
			t.Errorf("X violated with cause %s, want the attack", x.Cause.Kind)
		}
	}
}

// A timer that falls due wakes its clause before the batch of its instant
// does, even when the timer alone would move nothing. Here X's violation,
// Since(a, 2h) while the fluent f does not hold, has a timer falling due
// at +3h, when f still holds. The event b at +3h ends f, which wakes X
// too, and X is violated in the first round at +3h with the cause that
// woke it first: the timer (no true node of Not(Holds(f)) names the
// event).
func TestTimerWakesBeforeTheBatch(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	pa, pb := agreement.Pattern{Kind: "a"}, agreement.Pattern{Kind: "b"}
	a := refSigned([]agreement.Clause{
		{ID: "X", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "c"},
			Violation: agreement.All(agreement.Since(pa, 2*time.Hour), agreement.Not(agreement.Holds("f")))},
	})
	a.Fluents = []agreement.Fluent{{ID: "f", Initiates: []agreement.Pattern{pa}, Terminates: []agreement.Pattern{pb}}}
	tr := refCheckAgreement(t, a, refAt(4),
		agreement.Event{At: refAt(1), Kind: "a", Actor: "UA"}, agreement.Event{At: refAt(3), Kind: "b", Actor: "UA"})
	refWant(t, tr, "X", "", refAt(3), agreement.StateViolated)
	for x := range tr.Transitions() {
		if x.Instance.Ref.Clause == "X" && x.To == agreement.StateViolated && x.Cause.Kind != scenario.CauseTimer {
			t.Errorf("X violated with cause %s, want the timer", x.Cause.Kind)
		}
	}
}

// TestPropertyLiveSlotsKept applies the events and amendments of random
// cases one at a time and checks, after each and at the end, that the
// slots the run keeps for each instance as still read are those its
// state, its anchors and its text give.
func TestPropertyLiveSlotsKept(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := amendDraw(t)
		r, err := c.e.Start(c.start)
		if err != nil {
			t.Fatal(err)
		}
		check := func(what string) {
			if d := scenario.LiveSlotsDisagreements(r); len(d) > 0 {
				t.Fatalf("%s:\n%s\n%s", what, strings.Join(d, "\n"), c.describe())
			}
		}
		next := 0
		amendTo := func(at time.Time) {
			for ; next < len(c.amendments) && !c.amendments[next].At.After(at); next++ {
				if err := r.Amend(c.amendments[next]); err != nil {
					t.Fatalf("amendment %d: %v", next, err)
				}
				check(fmt.Sprintf("after amendment %d", next))
			}
		}
		for i, ev := range c.events {
			amendTo(ev.At)
			if err := r.Apply(ev); err != nil {
				t.Fatalf("event %d: %v", i, err)
			}
			check(fmt.Sprintf("after event %d", i))
		}
		amendTo(c.end)
		if err := r.AdvanceTo(c.end); err != nil {
			t.Fatal(err)
		}
		check("at the end")
	})
}
