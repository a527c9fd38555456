package scenario_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// Tests of statements of the package doc that the property tests and the
// reference model do not pin on their own, each with a minimal agreement
// and timeline. Each names the section it checks.

var docDay0 = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

func docDay(n int) time.Time { return docDay0.Add(time.Duration(n) * agreement.Day) }

var docUA = []agreement.PartyID{"UA"}

func docExercise(c agreement.ClauseID, day int) agreement.Event {
	return agreement.Event{At: docDay(day), Kind: agreement.EventKindPowerExercised, Actor: "UA",
		Clause: agreement.LocalRef(c)}
}

func docAid(day int) agreement.Event {
	return agreement.Event{At: docDay(day), Kind: "aid-delivered", Actor: "UA"}
}

func docReplay(t *testing.T, a agreement.Agreement, end int, evs ...agreement.Event) *scenario.Trace {
	t.Helper()
	_, tr := replay(t, a, docDay0, docDay(end), evs...)
	return tr
}

// docWant checks the state of clause c (or, with c empty, of the agreement
// a) at the given day.
func docWant(t *testing.T, tr *scenario.Trace, a agreement.AgreementID, c agreement.ClauseID, day int,
	want agreement.State) {
	t.Helper()
	ref := agreement.QualifiedRef(a, c)
	if c == "" {
		ref = agreement.AgreementRef(a)
	}
	got, err := tr.State(scenario.Instance{Ref: ref}, docDay(day))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s at day %d = %s, want %s\n%s", ref, day, got, want, scenariotest.FormatTransitions(tr))
	}
}

// docObligation is an obligation of UA to deliver aid.
func docObligation(id agreement.ClauseID) agreement.Clause {
	return agreement.Clause{ID: id, Kind: agreement.DeonticObligation, Debtors: docUA,
		Action: &agreement.Pattern{Kind: "aid-delivered"}}
}

func docAgreement(clauses ...agreement.Clause) agreement.Agreement {
	return agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "UN"}}, Clauses: clauses}
}

// What conditions see: "an action at the start instant does not fulfil a
// clause in effect from the start"; a later one does.
func TestDocActionAtStart(t *testing.T) {
	tr := docReplay(t, docAgreement(docObligation("C")), 3, docAid(0))
	docWant(t, tr, "A", "C", 3, agreement.StateInEffect)
	tr = docReplay(t, docAgreement(docObligation("C")), 3, docAid(1))
	docWant(t, tr, "A", "C", 1, agreement.StateFulfilled)
}

// What conditions see: a clause's conditions never see the events of its
// own suspension, whether a power suspended the clause or its agreement
// (whose clauses in effect are then Suspended with it), unless its
// DuringSuspension defers them: then they are judged at resumption.
func TestDocSuspensionAndWhatConditionsSee(t *testing.T) {
	suspend := func(target agreement.Ref, rule agreement.SuspensionRule) agreement.Agreement {
		c := docObligation("C")
		c.DuringSuspension = rule
		return docAgreement(c,
			agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Debtors: docUA, Effect: agreement.EffectSuspend,
				Targets: []agreement.Ref{target}, ResumedBy: "R", Surviving: true},
			agreement.Clause{ID: "R", Kind: agreement.DeonticPower, Debtors: docUA, Effect: agreement.EffectResume,
				Surviving: true})
	}
	evs := []agreement.Event{docExercise("S", 1), docAid(2), docExercise("R", 3)}

	for _, target := range []agreement.Ref{agreement.LocalRef("C"), agreement.AgreementRef("A")} {
		tr := docReplay(t, suspend(target, agreement.SuspensionExcuses), 5, evs...)
		docWant(t, tr, "A", "C", 2, agreement.StateSuspended)
		docWant(t, tr, "A", "C", 5, agreement.StateInEffect)

		tr = docReplay(t, suspend(target, agreement.SuspensionDefers), 5, evs...)
		docWant(t, tr, "A", "C", 2, agreement.StateSuspended)
		docWant(t, tr, "A", "C", 3, agreement.StateFulfilled)
	}
	tr := docReplay(t, suspend(agreement.AgreementRef("A"), agreement.SuspensionExcuses), 5, evs...)
	docWant(t, tr, "A", "", 2, agreement.StateSuspended)
}

// Order inside an instant: "a fluent set and cleared within one instant
// never holds for" conditions.
func TestDocFluentWithinOneInstant(t *testing.T) {
	a := docAgreement(agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: docUA,
		Action: &agreement.Pattern{Kind: "aid-delivered"}, Trigger: agreement.Holds("ceasefire")})
	a.Fluents = []agreement.Fluent{{ID: "ceasefire",
		Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
		Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}}}
	tr := docReplay(t, a, 3,
		agreement.Event{At: docDay(1), Kind: agreement.EventKindCeasefireInForce},
		agreement.Event{At: docDay(1), Kind: agreement.EventKindCeasefireCollapsed})
	docWant(t, tr, "A", "C", 3, agreement.StateDormant)
}

// Deadlines and expiries: an absolute deadline or expiry that passes while
// the clause is suspended takes effect at the instant it is resumed (the
// deadline first: violation wins over expiry); a clause that leaves Dormant
// after its absolute expiry expires at once, and one that enters InEffect
// after its absolute deadline is Violated at once; a Dormant clause never
// expires.
func TestDocLimitsWhileSuspended(t *testing.T) {
	at2 := agreement.Deadline{At: docDay(2)}
	late := agreement.Pattern{Kind: "request"}
	withLimits := func(c agreement.Clause, deadline, expiry agreement.Deadline) agreement.Clause {
		c.Deadline, c.Expiry = deadline, expiry
		return c
	}
	triggered := func(c agreement.Clause) agreement.Clause {
		c.Trigger = agreement.Happened(late)
		return c
	}
	a := docAgreement(
		withLimits(docObligation("V"), at2, at2),
		withLimits(docObligation("X"), agreement.Deadline{}, at2),
		agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Debtors: docUA, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("V"), agreement.LocalRef("X")}, ResumedBy: "R"},
		agreement.Clause{ID: "R", Kind: agreement.DeonticPower, Debtors: docUA, Effect: agreement.EffectResume},
		triggered(withLimits(docObligation("E"), agreement.Deadline{}, at2)),
		triggered(withLimits(docObligation("D"), at2, agreement.Deadline{})),
		withLimits(agreement.Clause{ID: "N", Kind: agreement.DeonticObligation, Debtors: docUA,
			Action: &agreement.Pattern{Kind: "aid-delivered"}, Trigger: agreement.Happened(agreement.Pattern{Kind: "never"})},
			agreement.Deadline{}, at2),
	)
	tr := docReplay(t, a, 6, docExercise("S", 1), docExercise("R", 3),
		agreement.Event{At: docDay(4), Kind: "request", Actor: "UA"})
	docWant(t, tr, "A", "V", 2, agreement.StateSuspended)
	docWant(t, tr, "A", "V", 3, agreement.StateViolated)
	docWant(t, tr, "A", "X", 2, agreement.StateSuspended)
	docWant(t, tr, "A", "X", 3, agreement.StateDischarged)
	docWant(t, tr, "A", "E", 4, agreement.StateDischarged)
	docWant(t, tr, "A", "D", 4, agreement.StateViolated)
	docWant(t, tr, "A", "N", 6, agreement.StateDormant)
}

// Powers: a power in effect that does not survive is suspended with its
// agreement; exercised meanwhile, it takes effect when the agreement is in
// force again if its rule defers the acts of its suspension, and never
// otherwise.
func TestDocPowerExercisedWhileAgreementSuspended(t *testing.T) {
	for _, rule := range []agreement.SuspensionRule{agreement.SuspensionExcuses, agreement.SuspensionDefers} {
		testPowerExercisedWhileAgreementSuspended(t, rule)
	}
}

func testPowerExercisedWhileAgreementSuspended(t *testing.T, rule agreement.SuspensionRule) {
	a := docAgreement(docObligation("C"),
		agreement.Clause{ID: "P", Kind: agreement.DeonticPower, Debtors: docUA, Effect: agreement.EffectDischarge,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, DuringSuspension: rule},
		agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Debtors: docUA, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.AgreementRef("A")}, ResumedBy: "R", Surviving: true},
		agreement.Clause{ID: "R", Kind: agreement.DeonticPower, Debtors: docUA, Effect: agreement.EffectResume,
			Surviving: true})
	tr := docReplay(t, a, 5, docExercise("S", 1), docExercise("P", 2), docExercise("R", 3))
	docWant(t, tr, "A", "C", 2, agreement.StateSuspended)
	docWant(t, tr, "A", "P", 2, agreement.StateSuspended)
	if rule == agreement.SuspensionDefers {
		docWant(t, tr, "A", "C", 3, agreement.StateDischarged)
	} else {
		docWant(t, tr, "A", "C", 3, agreement.StateInEffect)
		docWant(t, tr, "A", "P", 3, agreement.StateInEffect)
	}
}

// Territory: a referendum-held event resolves the question only when its
// actor is the option's party; an award after the question lapsed changes
// nothing and is no rejection ([scenario.Rejection]).
func TestDocTerritoryQuestions(t *testing.T) {
	hundred := decimal.NewFromInt(100)
	a := docAgreement()
	a.Territory = agreement.Territory{Areas: []agreement.Area{{ID: "east", Name: "East", Size: decimal.NewFromInt(10),
		Sovereignty: []agreement.Share{{Party: "UA", Percent: hundred}},
		Control:     []agreement.Share{{Party: "RU", Percent: hundred}}}}}
	a.Options = []agreement.Option{
		{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"east"}, Party: "UA",
			Results: []agreement.Result{{Outcome: "yes", Sovereign: "RU"}}},
	}
	settle := func(a agreement.Agreement) agreement.Agreement {
		s, err := a.Settle()
		if err != nil {
			t.Fatal(err)
		}
		a.Clauses = append(a.Clauses, s.Clauses...)
		return a
	}
	sovereign := func(tr *scenario.Trace, day int) agreement.PartyID {
		t.Helper()
		ter, err := tr.Territory("", docDay(day))
		if err != nil {
			t.Fatal(err)
		}
		ar, _ := ter.Area("east")
		return ar.Sovereignty[0].Party
	}
	held := func(actor agreement.PartyID, day int, outcome string) agreement.Event {
		return agreement.Event{At: docDay(day), Kind: agreement.EventKindReferendumHeld, Actor: actor, Area: "east",
			Outcome: outcome}
	}

	tr := docReplay(t, settle(a), 5, held("RU", 1, "yes"), held("UA", 2, "yes"))
	if got := sovereign(tr, 1); got != "UA" {
		t.Errorf("sovereign after a referendum held by RU = %s, want UA (only the organiser's counts)", got)
	}
	if got := sovereign(tr, 2); got != "RU" {
		t.Errorf("sovereign after the referendum held by UA = %s, want RU", got)
	}
	if rs := tr.Rejections(); len(rs) != 0 {
		t.Errorf("rejections = %v, want none", rs)
	}

	a.Options = []agreement.Option{
		{ID: "arb", Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"east"}, Party: "UN",
			Deadline: agreement.Deadline{After: 2 * agreement.Day}, Results: []agreement.Result{{Outcome: "RU", Sovereign: "RU"}}},
	}
	award := agreement.Event{At: docDay(4), Kind: agreement.EventKindArbitrationAward, Actor: "UN", Area: "east",
		Outcome: "RU"}
	tr = docReplay(t, settle(a), 5, award)
	docWant(t, tr, "A", agreement.ImpliedClauseID("arb", agreement.ImpliedVerbAward, "east"), 2, agreement.StateViolated)
	if got := sovereign(tr, 5); got != "UA" {
		t.Errorf("sovereign after an award made once the question lapsed = %s, want UA", got)
	}
	if rs := tr.Rejections(); len(rs) != 0 {
		t.Errorf("rejections = %v, want none", rs)
	}
}
