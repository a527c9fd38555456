package scenario_test

import (
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones of these tests on machines without a zone database

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// Calendar time as agreements state it: local days, anchored deadlines,
// half-open bounds, deadlines that bind regardless of activation, recurring
// duties, signatures and provisional application.

// utc3 is a zone three hours ahead of UTC, with no daylight saving.
var utc3 = time.FixedZone("+03:00", 3*3600)

func at(y int, m time.Month, d, hh, mm int, loc *time.Location) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, loc)
}

func stateAt(t *testing.T, tr *scenario.Trace, c agreement.ClauseID, debtor agreement.PartyID, when time.Time) agreement.State {
	t.Helper()
	got, err := tr.State(scenario.Instance{Ref: agreement.QualifiedRef("A", c), Debtor: debtor}, when)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// A withdrawal due "no later than the third day after the start of the
// ceasefire" (the form of the Package of Measures for the Implementation of
// the Minsk Agreements, 12 February 2015, point 2: the pullout of heavy
// weapons "must begin on the second day of the ceasefire at the latest";
// the figures here are illustrative): the ceasefire starts at 06:00 local
// time (UTC+3) on 1 March 2024; the third day after it is 4 March, so the
// withdrawal is in time until 23:59 local on 4 March and late at 00:00 on 5
// March.
func TestNthDayAfterAnEventInLocalDays(t *testing.T) {
	ceasefire := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Zone: "+03:00",
		Parties: parties("RU", "UA"),
		Clauses: []agreement.Clause{{ID: "W", Kind: agreement.DeonticObligation,
			Text:    "withdrawal no later than the third day after the start of the ceasefire",
			Debtors: []agreement.PartyID{"RU"},
			Trigger: agreement.Happened(ceasefire),
			Action:  &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
			Deadline: agreement.Deadline{From: agreement.Happened(ceasefire), Period: agreement.Period{Days: 3},
				Round: agreement.RoundEndOfDay}}}}
	start := at(2024, time.February, 28, 0, 0, utc3)
	cf := agreement.Event{At: at(2024, time.March, 1, 6, 0, utc3), Kind: agreement.EventKindCeasefireInForce}
	for _, tc := range []struct {
		name string
		act  time.Time
		want agreement.State
	}{
		{"23:59 on 4 March", at(2024, time.March, 4, 23, 59, utc3), agreement.StateFulfilled},
		{"00:00 on 5 March", at(2024, time.March, 5, 0, 0, utc3), agreement.StateViolated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, tr := replay(t, a, start, at(2024, time.March, 10, 0, 0, utc3), cf,
				agreement.Event{At: tc.act, Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU"})
			if got := stateAt(t, tr, "W", "", at(2024, time.March, 9, 0, 0, utc3)); got != tc.want {
				t.Errorf("withdrawal at %s: %s, want %s", tc.act, got, tc.want)
			}
		})
	}
	// With no withdrawal, the deadline falls at local midnight: 21:00 UTC.
	_, tr := replay(t, a, start, at(2024, time.March, 10, 0, 0, utc3), cf)
	for x := range tr.Transitions() {
		if x.To == agreement.StateViolated {
			if want := at(2024, time.March, 5, 0, 0, utc3); !x.At.Equal(want) {
				t.Errorf("violated at %s, want %s", x.At, want)
			}
			return
		}
	}
	t.Error("no violation")
}

// "May not enter before day 61 after the transfer of authority"
// (illustrative): an exclusive expiry at the start of day 61 lets an entry
// on day 61, even at its first instant, through, and an entry on day 60 is a
// breach.
func TestNotBeforeDay61IsAHalfOpenBound(t *testing.T) {
	transfer := agreement.Pattern{Kind: "authority-transferred"}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Zone: "+03:00",
		Parties: parties("X", "Y"),
		Clauses: []agreement.Clause{{ID: "E", Kind: agreement.DeonticProhibition,
			Text:    "forces of X may not enter the zone before day 61 after the transfer of authority",
			Debtors: []agreement.PartyID{"X"}, Trigger: agreement.Happened(transfer),
			Action: &agreement.Pattern{Kind: "zone-entered"},
			Expiry: agreement.Deadline{From: agreement.Happened(transfer), Period: agreement.Period{Days: 61},
				Round: agreement.RoundStartOfDay, Exclusive: true}}}}
	start := at(2024, time.January, 1, 0, 0, utc3)
	tr0 := agreement.Event{At: at(2024, time.January, 1, 10, 0, utc3), Kind: "authority-transferred"}
	day := func(n, hh int) time.Time { return at(2024, time.January, 1+n, hh, 0, utc3) }
	for _, tc := range []struct {
		name string
		act  time.Time
		want agreement.State
	}{
		{"day 60", day(60, 23), agreement.StateViolated},
		{"day 61 at midnight", day(61, 0), agreement.StateFulfilled},
		{"day 61", day(61, 9), agreement.StateFulfilled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, tr := replay(t, a, start, day(70, 0), tr0,
				agreement.Event{At: tc.act, Kind: "zone-entered", Actor: "X"})
			if got := stateAt(t, tr, "E", "", day(70, 0)); got != tc.want {
				t.Errorf("entry at %s: %s, want %s", tc.act, got, tc.want)
			}
		})
	}
}

// Calendar periods in deadlines follow the month-end rule: one year from 29
// February 2024 is 28 February 2025; one month from 31 January 2025 is 28
// February 2025.
func TestCalendarDeadlinesMonthEnd(t *testing.T) {
	for _, tc := range []struct {
		name   string
		anchor time.Time
		period agreement.Period
		want   time.Time
	}{
		{"one year from 29 February 2024", at(2024, time.February, 29, 12, 0, time.UTC), agreement.Period{Years: 1},
			at(2025, time.February, 28, 12, 0, time.UTC)},
		{"one month from 31 January", at(2025, time.January, 31, 12, 0, time.UTC), agreement.Period{Months: 1},
			at(2025, time.February, 28, 12, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("X"),
				Clauses: []agreement.Clause{{ID: "O", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
					Action:   &agreement.Pattern{Kind: "done"},
					Deadline: agreement.Deadline{Period: tc.period}}}}
			_, tr := replay(t, a, tc.anchor, tc.want.AddDate(0, 1, 0))
			xs := slices.Collect(tr.Transitions())
			last := xs[len(xs)-1]
			if last.To != agreement.StateViolated || !last.At.Equal(tc.want) {
				t.Errorf("last transition %v at %s, want violated at %s", last.To, last.At, tc.want)
			}
		})
	}
}

// A three-party agreement (illustrative) requiring every signatory enters
// into force only when the last of them signs, whether the signatures are
// events of the timeline or dated signatures recorded on the agreement.
func TestEntryIntoForceWhenTheLastSignatorySigns(t *testing.T) {
	base := agreement.Agreement{ID: "A", Parties: parties("X", "Y", "Z"), Signatories: []agreement.PartyID{"X", "Y", "Z"}}
	start := at(2024, time.May, 1, 0, 0, time.UTC)
	sign := func(p agreement.PartyID, d int) agreement.Event {
		return agreement.Event{At: at(2024, time.May, d, 12, 0, time.UTC), Kind: agreement.EventKindSigning, Actor: p}
	}
	_, tr := replay(t, base, start, at(2024, time.May, 30, 0, 0, time.UTC), sign("X", 2), sign("Y", 5), sign("Z", 9))
	checkAgreement(t, tr, at(2024, time.May, 8, 0, 0, time.UTC), agreement.StateDraft)
	checkAgreement(t, tr, at(2024, time.May, 9, 12, 0, time.UTC), agreement.StateInForce)

	dated := base
	dated.Signatures = []agreement.Signature{{Party: "X", Date: at(2024, time.May, 2, 12, 0, time.UTC)},
		{Party: "Y", Date: at(2024, time.May, 5, 12, 0, time.UTC)}, {Party: "Z", Date: at(2024, time.May, 9, 12, 0, time.UTC)}}
	_, tr = replay(t, dated, start, at(2024, time.May, 30, 0, 0, time.UTC))
	checkAgreement(t, tr, start, agreement.StateDraft) // a replay starting before the signatures starts unsigned
	checkAgreement(t, tr, at(2024, time.May, 8, 0, 0, time.UTC), agreement.StateDraft)
	checkAgreement(t, tr, at(2024, time.May, 9, 12, 0, time.UTC), agreement.StateInForce)
	var sig bool
	for x := range tr.Transitions() {
		if x.Instance.IsAgreement() && x.To == agreement.StateSigned {
			sig = x.Cause.Kind == scenario.CauseSignature && x.Cause.By.Debtor == "Z"
		}
	}
	if !sig {
		t.Error("the signing is not caused by Z's recorded signature")
	}
	// A replay starting after them starts signed and in force.
	_, tr = replay(t, dated, at(2024, time.June, 1, 0, 0, time.UTC), at(2024, time.June, 2, 0, 0, time.UTC))
	checkAgreement(t, tr, at(2024, time.June, 1, 0, 0, time.UTC), agreement.StateInForce)
}

func checkAgreement(t *testing.T, tr *scenario.Trace, when time.Time, want agreement.State) {
	t.Helper()
	got, err := tr.State(scenario.Instance{Ref: agreement.AgreementRef("A")}, when)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("agreement at %s: %s, want %s", when, got, want)
	}
}

// A clause applying provisionally (as article 45 of the Energy Charter
// Treaty, 17 December 1994, lets each signatory apply the treaty
// provisionally pending its entry into force) binds each party from its own
// signature: X's instance from X's, Y's from Y's; entry into force, on the
// last signature, continues them with no transition.
func TestProvisionalApplicationFromEachSignature(t *testing.T) {
	a := agreement.Agreement{ID: "A", Parties: parties("X", "Y"), Signatories: []agreement.PartyID{"X", "Y"},
		Clauses: []agreement.Clause{
			{ID: "P", Kind: agreement.DeonticProhibition, Provisional: true, Text: "no deployment in the zone",
				Debtors: []agreement.PartyID{"X", "Y"}, Action: &agreement.Pattern{Kind: "deployed"}},
			{ID: "Q", Kind: agreement.DeonticProhibition, Text: "no strikes",
				Debtors: []agreement.PartyID{"X", "Y"}, Action: &agreement.Pattern{Kind: "strike"}},
		}}
	start := at(2024, time.May, 1, 0, 0, time.UTC)
	d := func(n int) time.Time { return at(2024, time.May, n, 12, 0, time.UTC) }
	_, tr := replay(t, a, start, d(20),
		agreement.Event{At: d(2), Kind: agreement.EventKindSigning, Actor: "X"},
		agreement.Event{At: d(4), Kind: "deployed", Actor: "Y"}, // Y has not signed: no breach
		agreement.Event{At: d(5), Kind: "deployed", Actor: "X"},
		agreement.Event{At: d(8), Kind: agreement.EventKindSigning, Actor: "Y"})
	if got := stateAt(t, tr, "P", "X", d(3)); got != agreement.StateInEffect {
		t.Errorf("P[X] after X signed: %s, want in-effect", got)
	}
	if got := stateAt(t, tr, "P", "Y", d(4)); got != agreement.StateDormant {
		t.Errorf("P[Y] before Y signed: %s, want dormant", got)
	}
	if got := stateAt(t, tr, "P", "X", d(6)); got != agreement.StateViolated {
		t.Errorf("P[X] after X deployed: %s, want violated", got)
	}
	if got := stateAt(t, tr, "P", "Y", d(9)); got != agreement.StateInEffect {
		t.Errorf("P[Y] after Y signed: %s, want in-effect", got)
	}
	if got := stateAt(t, tr, "Q", "X", d(3)); got != agreement.StateDormant {
		t.Errorf("Q[X] before entry into force: %s, want dormant", got)
	}
	checkAgreement(t, tr, d(8), agreement.StateInForce)
	for x := range tr.Transitions() {
		if x.Instance.Ref.Clause == "P" && x.Instance.Debtor == "Y" && x.At.Equal(d(8)) && x.From == agreement.StateInEffect {
			t.Errorf("entry into force moved the provisional clause: %v", x)
		}
	}
}

// "Completed by the end of the year, conditional on the constitutional
// reform" (illustrative, after the decentralisation of point 11 of the
// Package of Measures, 12 February 2015): the deadline binds while the
// clause waits for the reform; the reform never came, so at the year's end
// the clause is Lapsed (not Violated, not Discharged), and the trace and
// explanation say so. A reform on the last instant is no better.
func TestDeadlineRegardlessOfActivationLapses(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: parties("UA"),
		Clauses: []agreement.Clause{{ID: "L", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Text:    "local elections held by the end of the year, after the constitutional reform",
			Trigger: agreement.Happened(agreement.Pattern{Kind: "constitutional-reform-adopted"}),
			Action:  &agreement.Pattern{Kind: agreement.EventKindElectionHeld},
			Deadline: agreement.Deadline{At: time.Date(2015, time.December, 31, 0, 0, 0, 0, kyiv),
				Round: agreement.RoundEndOfDay, Unconditional: true}}}}
	yearEnd := time.Date(2016, time.January, 1, 0, 0, 0, 0, kyiv)
	start := time.Date(2015, time.February, 15, 0, 0, 0, 0, kyiv)
	_, tr := replay(t, a, start, yearEnd.AddDate(0, 1, 0))
	if got := stateAt(t, tr, "L", "", yearEnd.Add(-time.Nanosecond)); got != agreement.StateDormant {
		t.Errorf("before the year's end: %s, want dormant", got)
	}
	if got := stateAt(t, tr, "L", "", yearEnd); got != agreement.StateLapsed {
		t.Errorf("at the year's end: %s, want lapsed", got)
	}
	x, err := tr.Explain(scenario.Instance{Ref: agreement.QualifiedRef("A", "L")}, yearEnd)
	if err != nil {
		t.Fatal(err)
	}
	if s := x.String(); !strings.Contains(s, "lapsed") || !strings.Contains(s, "deadline") {
		t.Errorf("explanation does not say the deadline lapsed it:\n%s", s)
	}
	// The reform at the deadline's own instant leaves no time to perform.
	_, tr = replay(t, a, start, yearEnd.AddDate(0, 1, 0),
		agreement.Event{At: yearEnd, Kind: "constitutional-reform-adopted"})
	if got := stateAt(t, tr, "L", "", yearEnd); got != agreement.StateLapsed {
		t.Errorf("reform at the deadline: %s, want lapsed", got)
	}
	// In time, it binds and is performed.
	_, tr = replay(t, a, start, yearEnd.AddDate(0, 1, 0),
		agreement.Event{At: time.Date(2015, time.July, 16, 0, 0, 0, 0, kyiv), Kind: "constitutional-reform-adopted"},
		agreement.Event{At: time.Date(2015, time.October, 25, 0, 0, 0, 0, kyiv), Kind: agreement.EventKindElectionHeld, Actor: "UA"})
	if got := stateAt(t, tr, "L", "", yearEnd); got != agreement.StateFulfilled {
		t.Errorf("reform and elections in time: %s, want fulfilled", got)
	}
	if n := countIn(t, tr, agreement.StateViolated); n != 0 {
		t.Errorf("ClauseIn(Violated) would match %d instances", n)
	}
}

func countIn(t *testing.T, tr *scenario.Trace, st agreement.State) int {
	n := 0
	for x := range tr.Transitions() {
		if x.To == st {
			n++
		}
	}
	return n
}

// "The monitoring mission reports every 30 days" (illustrative, after the
// reporting duty of the OSCE Special Monitoring Mission to Ukraine): the
// reports of the first and second periods come, the third is missed, the
// fourth comes. The third period's end records one breach; the duty stays in
// effect, and at its expiry it is Violated.
func TestReportDueEvery30DaysThirdMissed(t *testing.T) {
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("M"),
		Clauses: []agreement.Clause{{ID: "R", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"M"},
			Text:   "the mission reports every 30 days",
			Action: &agreement.Pattern{Kind: "report-published"},
			Recurs: agreement.Recurrence{Every: agreement.Period{Days: 30}},
			Expiry: agreement.Deadline{Period: agreement.Period{Days: 150}}}}}
	start := at(2024, time.January, 1, 0, 0, time.UTC)
	d := func(n int) time.Time { return start.AddDate(0, 0, n) }
	report := func(n int) agreement.Event {
		return agreement.Event{At: d(n), Kind: "report-published", Actor: "M"}
	}
	_, tr := replay(t, a, start, d(200), report(10), report(40), report(95), report(125))
	in := scenario.Instance{Ref: agreement.QualifiedRef("A", "R")}
	bs, err := tr.BreachesOf(in, d(200))
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 {
		t.Fatalf("%d breaches, want 1: the third period's", len(bs))
	}
	if !bs[0].At.Equal(d(90)) {
		t.Errorf("first breach at %s, want the end of the third period, %s", bs[0].At, d(90))
	}
	if got := stateAt(t, tr, "R", "", d(100)); got != agreement.StateInEffect {
		t.Errorf("after the missed report: %s, want in-effect", got)
	}
	if got := stateAt(t, tr, "R", "", d(200)); got != agreement.StateViolated {
		t.Errorf("at expiry: %s, want violated", got)
	}
}

// "A report within 48 hours of each incident" (illustrative, after the
// incident reports of monitoring arrangements): each incident starts its
// own occurrence, one report performs every occurrence then open, and an
// incident re-attributed later starts none (an occurrence is started by an
// event as logged at its instant).
func TestReportWithin48HoursOfEachIncident(t *testing.T) {
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("RU", "UA", "M"),
		Clauses: []agreement.Clause{{ID: "N", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Text:   "RU reports each incident it is involved in within 48 hours",
			Action: &agreement.Pattern{Kind: "incident-reported"},
			Recurs: agreement.Recurrence{On: &agreement.Pattern{Kind: "incident", Actor: "RU"},
				Within: agreement.Period{Exact: 48 * time.Hour}}}}}
	start := at(2024, time.January, 1, 0, 0, time.UTC)
	h := func(n int) time.Time { return start.Add(time.Duration(n) * time.Hour) }
	_, tr := replay(t, a, start, h(200),
		agreement.Event{ID: "e0", At: h(1), Kind: "incident", Actor: "UA"},
		agreement.Event{At: h(2), Kind: "incident", Actor: "RU"},
		agreement.Event{At: h(3), Kind: "incident", Actor: "RU"},
		agreement.Event{At: h(40), Kind: "incident-reported", Actor: "RU"}, // performs both
		agreement.Event{At: h(60), Kind: agreement.EventKindRevised, Revises: "e0", Actor: "RU"},
		agreement.Event{At: h(100), Kind: "incident", Actor: "RU"}) // never reported
	bs, err := tr.BreachesOf(scenario.Instance{Ref: agreement.QualifiedRef("A", "N")}, h(200))
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 || !bs[0].At.Equal(h(148)) {
		var got []time.Time
		for _, b := range bs {
			got = append(got, b.At)
		}
		t.Errorf("breaches at %v, want one, at %s (48 hours after the unreported incident)", got, h(148))
	}
}

// A deadline anchored on a compound condition counts from the first instant
// it holds, even while the agreement is not yet in force: "one hour after
// the ceasefire has held for two hours" falls at h4 when the ceasefire
// starts at h1, and the agreement entering into force at h10 finds it
// passed.
func TestCompoundAnchorWhileGated(t *testing.T) {
	cf := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	a := agreement.Agreement{ID: "A", Parties: parties("X"),
		Clauses: []agreement.Clause{{ID: "O", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
			Action:   &agreement.Pattern{Kind: "done"},
			Deadline: agreement.Deadline{From: agreement.Since(cf, 2*time.Hour), After: time.Hour}}}}
	start := at(2024, time.January, 1, 0, 0, time.UTC)
	h := func(n int) time.Time { return start.Add(time.Duration(n) * time.Hour) }
	_, tr := replay(t, a, start, h(20),
		agreement.Event{At: h(1), Kind: agreement.EventKindCeasefireInForce},
		agreement.Event{At: h(10), Kind: agreement.EventKindSigning, Actor: "X"})
	var got []string
	for x := range tr.Transitions() {
		if !x.Instance.IsAgreement() {
			got = append(got, x.From.String()+"->"+x.To.String()+"@"+x.At.Sub(start).String())
		}
	}
	want := []string{"dormant->in-effect@10h0m0s", "in-effect->violated@10h0m0s"}
	if !slices.Equal(got, want) {
		t.Errorf("transitions %v, want %v", got, want)
	}
}
