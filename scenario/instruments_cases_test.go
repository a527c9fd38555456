package scenario_test

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones of these tests on machines without a zone database

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// Instruments over time, on the cases agreements state: a term renewed
// unless a party gives notice, renewals agreed for shorter periods, a
// deadline extended by an amendment on its due day (and one extended too
// late), a party's participation suspended for four days, and the renewal
// clause of a real treaty. The figures are illustrative unless a comment
// names a source.

// insZone loads a zone of the tz database.
func insZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// insAgreement names agreement id as an instance.
func insAgreement(id agreement.AgreementID) scenario.Instance {
	return scenario.Instance{Ref: agreement.AgreementRef(id)}
}

// insClause names the instance of clause c of agreement a owed by debtor
// (empty for a clause with one debtor).
func insClause(a agreement.AgreementID, c agreement.ClauseID, debtor agreement.PartyID) scenario.Instance {
	return scenario.Instance{Ref: agreement.QualifiedRef(a, c), Debtor: debtor}
}

// insState returns the state of i at instant at.
func insState(t *testing.T, tr *scenario.Trace, i scenario.Instance, at time.Time) agreement.State {
	t.Helper()
	s, err := tr.State(i, at)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// insWantState fails t unless i is in state want at instant at.
func insWantState(t *testing.T, tr *scenario.Trace, i scenario.Instance, at time.Time, want agreement.State) {
	t.Helper()
	if got := insState(t, tr, i, at); got != want {
		t.Errorf("%s at %s: %s, want %s", i, at.Format(time.RFC3339Nano), got, want)
	}
}

// insTransitions returns the transitions of instance i, in order.
func insTransitions(tr *scenario.Trace, i scenario.Instance) []scenario.Transition {
	var out []scenario.Transition
	for x := range tr.Transitions() {
		if x.Instance == i {
			out = append(out, x)
		}
	}
	return out
}

// insEvent returns the index in tr of the (only) event of kind k at
// instant at.
func insEvent(t *testing.T, tr *scenario.Trace, k agreement.EventKind, at time.Time) int {
	t.Helper()
	found := -1
	for i, ev := range tr.Events() {
		if ev.Kind == k && ev.At.Equal(at) {
			if found >= 0 {
				t.Fatalf("two events %s at %s", k, at)
			}
			found = i
		}
	}
	if found < 0 {
		t.Fatalf("no event %s at %s", k, at)
	}
	return found
}

// insEnd is an expected end of a term: the instant, the end of the next
// term (zero: expired), whether a renewal event set its length, and the
// index of the event the renewal's cause names (-1: none).
type insEnd struct {
	at, until time.Time
	agreed    bool
	event     int
}

// insWantRenewals fails t unless the renewals of tr, those of instrument
// of, are exactly want.
func insWantRenewals(t *testing.T, tr *scenario.Trace, of scenario.Instance, want ...insEnd) {
	t.Helper()
	var got []scenario.Renewal
	for r := range tr.Renewals() {
		if r.Of == of {
			got = append(got, r)
		}
	}
	describe := func() string {
		var b strings.Builder
		for _, r := range got {
			i, _ := r.Cause.Event()
			b.WriteString("\n  " + r.At.Format(time.RFC3339) + " until " + r.Until.Format(time.RFC3339) +
				" agreed=" + strconv.FormatBool(r.Agreed) + " event=" + strconv.Itoa(i))
		}
		return b.String()
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d renewals, want %d:%s", of, len(got), len(want), describe())
	}
	for k, w := range want {
		r := got[k]
		if !r.At.Equal(w.at) || !r.Until.Equal(w.until) || r.Until.IsZero() != w.until.IsZero() || r.Agreed != w.agreed {
			t.Errorf("%s: end %d at %s until %s (agreed %v), want at %s until %s (agreed %v)", of, k, r.At, r.Until,
				r.Agreed, w.at, w.until, w.agreed)
		}
		i, ok := r.Cause.Event()
		if w.event < 0 && ok || w.event >= 0 && (!ok || i != w.event) {
			t.Errorf("%s: end %d at %s names event %d (%v), want %d", of, k, w.at, i, ok, w.event)
		}
	}
}

// insWantEnded fails t unless agreement id went from InForce to Terminated
// exactly at end by its term (naming event ev, or none when ev is -1), and
// every clause instance of tr not final just before end was Terminated
// with it at end.
func insWantEnded(t *testing.T, tr *scenario.Trace, id agreement.AgreementID, end time.Time, ev int) {
	t.Helper()
	ag := insAgreement(id)
	insWantState(t, tr, ag, end.Add(-time.Nanosecond), agreement.StateInForce)
	insWantState(t, tr, ag, end, agreement.StateTerminated)
	var ended bool
	for _, x := range insTransitions(tr, ag) {
		if x.To != agreement.StateTerminated {
			continue
		}
		ended = true
		i, ok := x.Cause.Event()
		switch {
		case !x.At.Equal(end) || x.From != agreement.StateInForce:
			t.Errorf("%s: %s -> terminated at %s, want in-force -> terminated at %s", id, x.From, x.At, end)
		case x.Cause.Kind != scenario.CauseTerm:
			t.Errorf("%s: terminated by %s, want %s", id, x.Cause.Kind, scenario.CauseTerm)
		case ev < 0 && ok || ev >= 0 && (!ok || i != ev):
			t.Errorf("%s: terminated naming event %d (%v), want %d", id, i, ok, ev)
		}
	}
	if !ended {
		t.Errorf("%s: never terminated", id)
	}
	for _, i := range tr.Engine().Instances() {
		if i.Ref.Agreement != id || insState(t, tr, i, end.Add(-time.Nanosecond)).IsFinal() {
			continue
		}
		xs := insTransitions(tr, i)
		if len(xs) == 0 {
			t.Errorf("%s: no transition", i)
			continue
		}
		x := xs[len(xs)-1]
		if x.To != agreement.StateTerminated || !x.At.Equal(end) || x.Cause.Kind != scenario.CauseAgreement ||
			x.Cause.By != ag {
			t.Errorf("%s: last %s -> %s at %s (%s by %s), want terminated at %s with %s", i, x.From, x.To, x.At,
				x.Cause.Kind, x.Cause.By, end, id)
		}
	}
}

// A peacekeeping arrangement "for a period of five years, renewed
// automatically for further periods of five years unless a party gives
// notice six months before expiry" (illustrative). It enters into force at
// the start of the replay, 00:00 on 14 May 2026, Kyiv time, so its terms
// end at 00:00 on 14 May 2031, 2036 and 2041; notice for 2036 must be given
// by 00:00 on 14 November 2035 (winter time, +02:00).
func TestPeacekeepingTermRenewedUnlessNotice(t *testing.T) {
	kyiv := insZone(t, "Europe/Kyiv")
	day := func(y int, m time.Month, d, hh int) time.Time { return time.Date(y, m, d, hh, 0, 0, 0, kyiv) }
	a := agreement.Agreement{ID: "pk", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: parties("GE", "AB", "RU"),
		Term: agreement.Term{Period: agreement.Period{Years: 5}, Renewal: agreement.Period{Years: 5},
			Notice: agreement.Period{Months: 6}},
		Clauses: []agreement.Clause{
			{ID: "CF", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"GE", "AB"},
				Text:   "the parties refrain from all military actions against each other",
				Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack}},
			{ID: "PKF", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Text:   "the peacekeeping force is deployed in the security zone",
				Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed}},
		}}
	start, e1, e2, e3 := day(2026, time.May, 14, 0), day(2031, time.May, 14, 0), day(2036, time.May, 14, 0),
		day(2041, time.May, 14, 0)
	if got := a.Term.Period.AddTo(start, kyiv); !got.Equal(e1) {
		t.Fatalf("first end %s, want %s", got, e1)
	}
	if got, want := a.Term.NoticeBy(e2, kyiv), day(2035, time.November, 14, 0); !got.Equal(want) {
		t.Fatalf("notice for %s due by %s, want %s", e2, got, want)
	}
	ag := insAgreement("pk")
	notice := func(at time.Time) agreement.Event {
		return agreement.Event{At: at, Kind: agreement.EventKindNotice, Actor: "AB", Clause: agreement.AgreementRef("pk")}
	}

	t.Run("renewed without notice", func(t *testing.T) {
		_, tr := replay(t, a, start, e1.AddDate(0, 1, 0))
		insWantRenewals(t, tr, ag, insEnd{at: e1, until: e2, event: -1})
		insWantState(t, tr, ag, e1, agreement.StateInForce)
		insWantState(t, tr, ag, e1.AddDate(0, 1, 0), agreement.StateInForce)
		if xs := insTransitions(tr, ag); len(xs) != 1 || xs[0].To != agreement.StateInForce || !xs[0].At.Equal(start) {
			t.Errorf("the agreement's transitions %v, want only its entry into force at %s", xs, start)
		}
		insWantState(t, tr, insClause("pk", "PKF", ""), e1.AddDate(0, 1, 0), agreement.StateInEffect)
		insWantState(t, tr, insClause("pk", "CF", "GE"), e1.AddDate(0, 1, 0), agreement.StateInEffect)
	})

	t.Run("notice seven months before the second end", func(t *testing.T) {
		given := day(2035, time.October, 14, 10)
		_, tr := replay(t, a, start, e2.AddDate(1, 0, 0), notice(given))
		n := insEvent(t, tr, agreement.EventKindNotice, given)
		insWantRenewals(t, tr, ag, insEnd{at: e1, until: e2, event: -1}, insEnd{at: e2, event: n})
		insWantEnded(t, tr, "pk", e2, n)
		for _, i := range []scenario.Instance{insClause("pk", "PKF", ""), insClause("pk", "CF", "GE"),
			insClause("pk", "CF", "AB")} {
			insWantState(t, tr, i, e2.Add(-time.Nanosecond), agreement.StateInEffect)
			insWantState(t, tr, i, e2, agreement.StateTerminated)
		}
	})

	t.Run("notice five months before the second end counts for the third", func(t *testing.T) {
		given := day(2035, time.December, 14, 10)
		_, tr := replay(t, a, start, e3.AddDate(0, 1, 0), notice(given))
		n := insEvent(t, tr, agreement.EventKindNotice, given)
		insWantRenewals(t, tr, ag, insEnd{at: e1, until: e2, event: -1}, insEnd{at: e2, until: e3, event: -1},
			insEnd{at: e3, event: n})
		insWantState(t, tr, ag, e2, agreement.StateInForce)
		insWantState(t, tr, ag, e2.AddDate(1, 0, 0), agreement.StateInForce)
		insWantEnded(t, tr, "pk", e3, n)
	})

	t.Run("notice by a power", func(t *testing.T) {
		// Denunciation as a power of a party, aimed at the agreement: its
		// exercise is a notice against the agreement's term.
		b := a.Clone()
		b.Clauses = append(b.Clauses, agreement.Clause{ID: "DEN", Kind: agreement.DeonticPower,
			Effect: agreement.EffectNotice, Debtors: []agreement.PartyID{"GE"},
			Text:    "a party may give notice that it does not wish the arrangement renewed",
			Targets: []agreement.Ref{agreement.AgreementRef("pk")}})
		given := day(2035, time.October, 14, 10)
		_, tr := replay(t, b, start, e2.AddDate(0, 1, 0), agreement.Event{At: given,
			Kind: agreement.EventKindPowerExercised, Actor: "GE", Clause: agreement.LocalRef("DEN")})
		n := insEvent(t, tr, agreement.EventKindPowerExercised, given)
		insWantRenewals(t, tr, ag, insEnd{at: e1, until: e2, event: -1}, insEnd{at: e2, event: n})
		insWantEnded(t, tr, "pk", e2, n)
	})
}

// A corridor arrangement in the form of the Black Sea Grain Initiative
// (Istanbul, 22 July 2022): in effect for 120 days and extended
// automatically for the same period unless a party notifies the others that
// it intends to end it; the parties may agree a shorter extension. The
// dates follow the initiative's history (extended for 120 days in November
// 2022, then for 60 days in March 2023), but here the objection ends it at
// the end of that 60-day term: the figures are illustrative. Istanbul keeps
// +03:00 all year.
func TestCorridorRenewalsAgreedAndObjected(t *testing.T) {
	ist := insZone(t, "Europe/Istanbul")
	day := func(y int, m time.Month, d, hh int) time.Time { return time.Date(y, m, d, hh, 0, 0, 0, ist) }
	a := agreement.Agreement{ID: "corridor", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Istanbul",
		Parties: parties("RU", "UA", "TR", "UN"),
		Term:    agreement.Term{Period: agreement.Period{Days: 120}, Renewal: agreement.Period{Days: 120}},
		Clauses: []agreement.Clause{
			{ID: "SAFE", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"RU", "UA"},
				Text:   "no attacks against merchant vessels using the corridor",
				Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack}},
			{ID: "JCC", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"TR"},
				Text:   "a joint coordination centre is established in Istanbul",
				Action: &agreement.Pattern{Kind: "centre-established"}},
		}}
	start := day(2022, time.July, 22, 0)
	e1 := day(2022, time.November, 19, 0) // 120 days
	e2 := day(2023, time.March, 19, 0)    // 120 days more
	e3 := day(2023, time.May, 18, 0)      // 60 days agreed
	renewal := agreement.Event{At: day(2023, time.March, 18, 12), Kind: agreement.EventKindRenewal,
		Clause: agreement.AgreementRef("corridor"), Period: agreement.Period{Days: 60}}
	objection := agreement.Event{At: day(2023, time.May, 10, 9), Kind: agreement.EventKindNotice, Actor: "RU"}
	ag := insAgreement("corridor")

	t.Run("renewed, renewed for 60 days, objected", func(t *testing.T) {
		_, tr := replay(t, a, start, e3.AddDate(0, 1, 0), renewal, objection)
		r := insEvent(t, tr, agreement.EventKindRenewal, renewal.At)
		n := insEvent(t, tr, agreement.EventKindNotice, objection.At)
		insWantRenewals(t, tr, ag, insEnd{at: e1, until: e2, event: -1}, insEnd{at: e2, until: e3, agreed: true, event: r},
			insEnd{at: e3, event: n})
		insWantEnded(t, tr, "corridor", e3, n)
		insWantState(t, tr, insClause("corridor", "JCC", ""), e3.Add(-time.Nanosecond), agreement.StateInEffect)
		insWantState(t, tr, insClause("corridor", "SAFE", "RU"), e3, agreement.StateTerminated)
	})

	t.Run("an agreed renewal overrides an objection and spends it", func(t *testing.T) {
		early := objection
		early.At = day(2023, time.March, 1, 9) // counts for e2, where the agreed renewal prevails
		e4 := day(2023, time.September, 15, 0) // 120 days after e3
		_, tr := replay(t, a, start, e4.AddDate(0, 0, 1), early, renewal)
		r := insEvent(t, tr, agreement.EventKindRenewal, renewal.At)
		insWantRenewals(t, tr, ag, insEnd{at: e1, until: e2, event: -1}, insEnd{at: e2, until: e3, agreed: true, event: r},
			insEnd{at: e3, until: e4, event: -1}, insEnd{at: e4, until: day(2024, time.January, 13, 0), event: -1})
		insWantState(t, tr, ag, e4.AddDate(0, 0, 1), agreement.StateInForce)
	})

	t.Run("an objection at the last instant", func(t *testing.T) {
		// With no notice period, a notice counts up to the end itself: the
		// events at the end are recorded before the term ends.
		last := objection
		last.At = e1
		_, tr := replay(t, a, start, e1.AddDate(0, 0, 1), last)
		insWantEnded(t, tr, "corridor", e1, insEvent(t, tr, agreement.EventKindNotice, e1))
	})
}

// The handover case: X hands the area over within 30 days of the entry
// into effect (local days, Kyiv time), which falls at 12:00 on 1 March 2026
// (+02:00); the deadline is then 12:00 on 31 March (+03:00: summer time
// began on 29 March). An amendment extending it to 40 days takes effect on
// the due day, at 09:00, before the deadline passes; a handover nine days
// later is in time. The same extension agreed the day after the deadline
// leaves the breach recorded.
func TestAmendmentExtendsADeadlineOnItsDueDay(t *testing.T) {
	kyiv := insZone(t, "Europe/Kyiv")
	local := func(m time.Month, d, hh int) time.Time { return time.Date(2026, m, d, hh, 0, 0, 0, kyiv) }
	a := agreement.Agreement{ID: "handover", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: parties("X", "Y"),
		Clauses: []agreement.Clause{
			{ID: "HO", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"}, Creditors: []agreement.PartyID{"Y"},
				Text:     "X hands the area over to Y within 30 days",
				Action:   &agreement.Pattern{Kind: "area-handed-over"},
				Deadline: agreement.Deadline{Period: agreement.Period{Days: 30}}},
		}}
	amended := a.Clone()
	amended.Clauses[0].Text = "X hands the area over to Y within 40 days"
	amended.Clauses[0].Deadline.Period = agreement.Period{Days: 40}
	start, due, extended := local(time.March, 1, 12), local(time.March, 31, 12), local(time.April, 10, 12)
	onDueDay, dayAfter := local(time.March, 31, 9), local(time.April, 1, 9)
	handover := agreement.Event{At: onDueDay.AddDate(0, 0, 9), Kind: "area-handed-over", Actor: "X"}
	end := local(time.April, 30, 0)
	e := mustCompile(t, a)
	ho := insClause("handover", "HO", "")

	t.Run("no amendment", func(t *testing.T) {
		tr, err := e.Replay(scenario.NewTimeline(start, handover), end)
		if err != nil {
			t.Fatal(err)
		}
		xs := insTransitions(tr, ho)
		if last := xs[len(xs)-1]; last.To != agreement.StateViolated || !last.At.Equal(due) {
			t.Fatalf("without the amendment: %s at %s, want violated at %s", last.To, last.At, due)
		}
	})

	t.Run("extended on the due day", func(t *testing.T) {
		am := agreement.Amendment{At: onDueDay, Label: "extension of 31 March", Text: amended}
		tr, err := e.Replay(scenario.NewTimeline(start, handover).WithAmendments(am), end)
		if err != nil {
			t.Fatal(err)
		}
		xs := insTransitions(tr, ho)
		if len(xs) != 2 || xs[0].To != agreement.StateInEffect || xs[0].Version != 0 ||
			xs[1].To != agreement.StateFulfilled || !xs[1].At.Equal(handover.At) || xs[1].Version != 1 {
			t.Fatalf("transitions of HO:\n%s\nwant in effect at the start (version 0), fulfilled at %s (version 1)",
				scenariotest.FormatTransitions(tr), handover.At)
		}
		insWantState(t, tr, ho, due, agreement.StateInEffect)
		insWantState(t, tr, ho, end, agreement.StateFulfilled)
		for x := range tr.Transitions() {
			want := 0
			if !x.At.Before(onDueDay) {
				want = 1
			}
			if x.Version != want {
				t.Errorf("%s %s -> %s at %s: version %d, want %d", x.Instance, x.From, x.To, x.At, x.Version, want)
			}
		}
		vs := tr.Versions()
		if len(vs) != 2 {
			t.Fatalf("%d versions, want 2", len(vs))
		}
		if v := vs[0]; v.Index != 0 || !v.At.Equal(start) || v.Agreement != "" || len(v.Changes) != 0 {
			t.Errorf("version 0: %+v", v)
		}
		v := vs[1]
		if v.Index != 1 || !v.At.Equal(onDueDay) || v.Agreement != "handover" || v.Label != am.Label {
			t.Errorf("version 1: %+v", v)
		}
		if got, want := insChanges(v.Changes), insChanges(revision.Diff(a, amended)); got != want || len(v.Changes) == 0 {
			t.Errorf("version 1 changes:\n%s\nwant:\n%s", got, want)
		}
		x, err := tr.Explain(ho, local(time.April, 2, 0))
		if err != nil {
			t.Fatal(err)
		}
		if x.Version.Index != 1 || x.Version.Label != am.Label {
			t.Errorf("explanation after the amendment names version %d %q, want 1 %q", x.Version.Index, x.Version.Label, am.Label)
		}
		if x.Deadline.Period != (agreement.Period{Days: 40}) {
			t.Errorf("explanation after the amendment explains the deadline %s, want the amended 40d", x.Deadline)
		}
		if x, err = tr.Explain(ho, local(time.March, 30, 0)); err != nil {
			t.Fatal(err)
		} else if x.Version.Index != 0 {
			t.Errorf("explanation before the amendment names version %d, want 0", x.Version.Index)
		}

		// Without the handover, the extended deadline is reached at 12:00
		// on 10 April, in the new text's terms.
		tr, err = e.Replay(scenario.NewTimeline(start).WithAmendments(am), end)
		if err != nil {
			t.Fatal(err)
		}
		xs = insTransitions(tr, ho)
		if last := xs[len(xs)-1]; last.To != agreement.StateViolated || !last.At.Equal(extended) ||
			last.Cause.Kind != scenario.CauseDeadline || last.Version != 1 {
			t.Errorf("extended, no handover: %s at %s (%s, version %d), want violated at %s by the deadline in version 1",
				last.To, last.At, last.Cause.Kind, last.Version, extended)
		}

		// A run amended as it goes gives the same record.
		r, err := e.Start(start)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Amend(am); err != nil {
			t.Fatal(err)
		}
		if err := r.Apply(handover); err != nil {
			t.Fatal(err)
		}
		if err := r.AdvanceTo(end); err != nil {
			t.Fatal(err)
		}
		want, err := e.Replay(scenario.NewTimeline(start, handover).WithAmendments(am), end)
		if err != nil {
			t.Fatal(err)
		}
		got := r.Trace()
		scenariotest.AssertSameTransitions(t, want, got)
		if vw, vg := insVersionsOf(want), insVersionsOf(got); !slices.Equal(vw, vg) {
			t.Errorf("Run.Amend: versions of the transitions %v, want %v", vg, vw)
		}
		if n := len(got.Versions()); n != 2 {
			t.Errorf("Run.Amend: %d versions, want 2", n)
		}
	})

	t.Run("extended at the deadline instant itself", func(t *testing.T) {
		// An amendment takes effect before anything else at its instant,
		// the deadline included.
		am := agreement.Amendment{At: due, Label: "extension at 12:00 on 31 March", Text: amended}
		tr, err := e.Replay(scenario.NewTimeline(start, handover).WithAmendments(am), end)
		if err != nil {
			t.Fatal(err)
		}
		insWantState(t, tr, ho, due, agreement.StateInEffect)
		insWantState(t, tr, ho, end, agreement.StateFulfilled)
	})

	t.Run("extended the day after the deadline", func(t *testing.T) {
		// Built from the changes, as a negotiator would state them.
		text, err := revision.Diff(a, amended).Apply(a)
		if err != nil {
			t.Fatal(err)
		}
		am := agreement.Amendment{At: dayAfter, Label: "late extension", Text: text}
		tr, err := e.Replay(scenario.NewTimeline(start, handover).WithAmendments(am), end)
		if err != nil {
			t.Fatal(err)
		}
		xs := insTransitions(tr, ho)
		if len(xs) != 2 || xs[1].To != agreement.StateViolated || !xs[1].At.Equal(due) ||
			xs[1].Cause.Kind != scenario.CauseDeadline || xs[1].Version != 0 {
			t.Fatalf("transitions of HO:\n%s\nwant violated at %s by the deadline (version 0), and nothing after",
				scenariotest.FormatTransitions(tr), due)
		}
		insWantState(t, tr, ho, end, agreement.StateViolated)
		if vs := tr.Versions(); len(vs) != 2 || !vs[1].At.Equal(dayAfter) {
			t.Errorf("versions %+v, want 0 and 1 at %s", vs, dayAfter)
		}
		x, err := tr.Explain(ho, end)
		if err != nil {
			t.Fatal(err)
		}
		if x.Version.Index != 1 || x.State != agreement.StateViolated {
			t.Errorf("explanation at the end: %s in version %d, want violated in version 1", x.State, x.Version.Index)
		}
	})
}

// insChanges writes changes one per line.
func insChanges(cs revision.Changes) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.String() + "\n")
	}
	return b.String()
}

// insVersionsOf returns the version of each transition of tr, in order.
func insVersionsOf(tr *scenario.Trace) []int {
	var out []int
	for x := range tr.Transitions() {
		out = append(out, x.Version)
	}
	return out
}

// A four-day suspension of X's participation: the monitoring mission's
// power, aimed at the agreement with X as its target debtor, suspends every
// commitment of X at 12:00 on 2 June 2026 (Kyiv time), and its paired resume
// power restores them at 12:00 on 6 June. Y's commitments run throughout.
// X shells on 4 June: an act of the suspension, excused by the default
// rule; a clause whose acts are judged at resumption (SuspensionDefers) is
// violated then.
func TestSuspensionOfOnePartysParticipation(t *testing.T) {
	kyiv := insZone(t, "Europe/Kyiv")
	local := func(d, hh int) time.Time { return time.Date(2026, time.June, d, hh, 0, 0, 0, kyiv) }
	shelling := agreement.Pattern{Kind: "shelling"}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: parties("X", "Y", "M"),
		Clauses: []agreement.Clause{
			{ID: "NS", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"X", "Y"},
				Text: "no shelling", Action: &shelling},
			{ID: "CF", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"X", "Y"},
				Text: "the ceasefire is observed", Action: &shelling},
			{ID: "ND", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"X"},
				Text: "no shelling by X, judged when X's participation resumes", Action: &shelling,
				DuringSuspension: agreement.SuspensionDefers},
			{ID: "RY", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"Y"},
				Text: "Y reports within three days", Action: &agreement.Pattern{Kind: "report-filed"},
				Deadline: agreement.Deadline{Period: agreement.Period{Days: 3}}},
			{ID: "FY", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"Y"},
				Text: "Y releases the detainees", Action: &agreement.Pattern{Kind: "detainees-released"}},
			{ID: "SUS", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"M"},
				Text:    "the mission may suspend a party's participation",
				Targets: []agreement.Ref{agreement.AgreementRef("A")}, TargetDebtor: "X", ResumedBy: "RES"},
			{ID: "RES", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"M"},
				Text: "the mission may restore it"},
		}}
	exercise := func(c agreement.ClauseID, at time.Time) agreement.Event {
		return agreement.Event{At: at, Kind: agreement.EventKindPowerExercised, Actor: "M", Clause: agreement.LocalRef(c)}
	}
	start, from, until, end := local(1, 0), local(2, 12), local(6, 12), local(10, 0)
	act := local(4, 15)
	_, tr := replay(t, a, start, end, exercise("SUS", from),
		agreement.Event{At: local(3, 10), Kind: "detainees-released", Actor: "Y"},
		agreement.Event{At: act, Kind: "shelling", Actor: "X"},
		exercise("RES", until))
	during := local(4, 0)

	suspendedX := []scenario.Instance{insClause("A", "NS", "X"), insClause("A", "CF", "X"), insClause("A", "ND", "")}
	for _, i := range suspendedX {
		insWantState(t, tr, i, from.Add(-time.Nanosecond), agreement.StateInEffect)
		insWantState(t, tr, i, from, agreement.StateSuspended)
		insWantState(t, tr, i, until.Add(-time.Nanosecond), agreement.StateSuspended)
		s, since, err := tr.StateSince(i, during)
		if err != nil {
			t.Fatal(err)
		}
		if s != agreement.StateSuspended || !since.Equal(from) {
			t.Errorf("%s during the suspension: %s since %s, want suspended since %s", i, s, since, from)
		}
		xs := insTransitions(tr, i)
		if len(xs) < 3 || xs[1].From != agreement.StateInEffect || xs[1].To != agreement.StateSuspended ||
			!xs[1].At.Equal(from) || xs[2].From != agreement.StateSuspended || xs[2].To != agreement.StateInEffect ||
			!xs[2].At.Equal(until) {
			t.Errorf("%s: transitions %v, want in effect, suspended at %s, in effect at %s", i, xs, from, until)
			continue
		}
		if c := xs[1].Cause; c.Kind != scenario.CausePower || c.By != insClause("A", "SUS", "") {
			t.Errorf("%s suspended by %s (%s), want the power A/SUS", i, c.Kind, c.By)
		}
		x, err := tr.Explain(i, during)
		if err != nil {
			t.Fatal(err)
		}
		if x.State != agreement.StateSuspended || !strings.Contains(x.String(), "suspended") {
			t.Errorf("explanation of %s during the suspension:\n%s", i, x)
		}
	}

	// Excused: X's shelling is neither a violation nor a breach, then or
	// at resumption.
	insWantState(t, tr, insClause("A", "NS", "X"), end, agreement.StateInEffect)
	insWantState(t, tr, insClause("A", "CF", "X"), end, agreement.StateInEffect)
	if bs, err := tr.BreachesOf(insClause("A", "CF", "X"), end); err != nil || len(bs) != 0 {
		t.Errorf("breaches of A/CF[X]: %v (%v), want none", bs, err)
	}
	if xs := insTransitions(tr, insClause("A", "NS", "X")); len(xs) != 3 {
		t.Errorf("A/NS[X]: %d transitions, want 3 (in effect, suspended, in effect)", len(xs))
	}
	// Deferred: the same act is judged at resumption.
	nd := insClause("A", "ND", "")
	insWantState(t, tr, nd, until, agreement.StateViolated)
	if xs := insTransitions(tr, nd); len(xs) != 4 || xs[3].To != agreement.StateViolated || !xs[3].At.Equal(until) {
		t.Errorf("A/ND: transitions %v, want violated at the resumption, %s", xs, until)
	}

	// Y's commitments run: in effect, its report violated by its deadline
	// (three local days from 00:00 on 1 June: 00:00 on 4 June) and the
	// release fulfilled, on schedule.
	for _, i := range []scenario.Instance{insClause("A", "NS", "Y"), insClause("A", "CF", "Y")} {
		for _, x := range insTransitions(tr, i) {
			if x.To == agreement.StateSuspended {
				t.Errorf("%s suspended at %s", i, x.At)
			}
		}
		insWantState(t, tr, i, during, agreement.StateInEffect)
	}
	ry := insTransitions(tr, insClause("A", "RY", ""))
	if last := ry[len(ry)-1]; last.To != agreement.StateViolated || !last.At.Equal(local(4, 0)) ||
		last.Cause.Kind != scenario.CauseDeadline {
		t.Errorf("A/RY: %s at %s (%s), want violated by its deadline at %s", last.To, last.At, last.Cause.Kind, local(4, 0))
	}
	insWantState(t, tr, insClause("A", "FY", ""), local(3, 10), agreement.StateFulfilled)
	// The agreement itself is not suspended.
	for _, x := range insTransitions(tr, insAgreement("A")) {
		if x.To != agreement.StateInForce || !x.At.Equal(start) {
			t.Errorf("agreement A: %s -> %s at %s", x.From, x.To, x.At)
		}
	}

	// The renderings show it.
	var md, mm bytes.Buffer
	if err := tr.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := tr.Mermaid(&mm); err != nil {
		t.Fatal(err)
	}
	for _, change := range []string{"in-effect → suspended", "suspended → in-effect"} {
		if !insHasLine(md.String(), "A/NS[X]", change) {
			t.Errorf("Markdown has no line with A/NS[X] and %q:\n%s", change, md.String())
		}
		id := insParticipant(mm.String(), "A/NS[X]")
		if id == "" || !strings.Contains(mm.String(), "->>"+id+": "+change) {
			t.Errorf("Mermaid has no arrow to A/NS[X] (%q) labelled %q:\n%s", id, change, mm.String())
		}
	}
}

// insHasLine reports whether a line of s contains every one of parts.
func insHasLine(s string, parts ...string) bool {
	for line := range strings.Lines(s) {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

// insParticipant returns the id of the Mermaid participant labelled label.
func insParticipant(diagram, label string) string {
	for line := range strings.Lines(diagram) {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "participant "); ok {
			if id, l, ok := strings.Cut(rest, " as "); ok && l == label {
				return id
			}
		}
	}
	return ""
}

// A suspension of the whole agreement: its clauses read Suspended while it
// is, each by the agreement, and resume with it; an act of the suspension
// is excused.
func TestSuspensionOfTheAgreementSuspendsItsClauses(t *testing.T) {
	kyiv := insZone(t, "Europe/Kyiv")
	local := func(d, hh int) time.Time { return time.Date(2026, time.June, d, hh, 0, 0, 0, kyiv) }
	a := agreement.Agreement{ID: "B", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: parties("X", "Y", "M"),
		Clauses: []agreement.Clause{
			{ID: "NS", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"X", "Y"},
				Text: "no shelling", Action: &agreement.Pattern{Kind: "shelling"}},
			{ID: "SUS", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"M"},
				Targets: []agreement.Ref{agreement.AgreementRef("B")}, ResumedBy: "RES", Surviving: true},
			{ID: "RES", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"M"},
				Surviving: true},
		}}
	exercise := func(c agreement.ClauseID, at time.Time) agreement.Event {
		return agreement.Event{At: at, Kind: agreement.EventKindPowerExercised, Actor: "M", Clause: agreement.LocalRef(c)}
	}
	from, until := local(2, 12), local(6, 12)
	_, tr := replay(t, a, local(1, 0), local(10, 0), exercise("SUS", from),
		agreement.Event{At: local(4, 15), Kind: "shelling", Actor: "X"}, exercise("RES", until))
	ag := insAgreement("B")
	insWantState(t, tr, ag, local(4, 0), agreement.StateSuspended)
	insWantState(t, tr, ag, until, agreement.StateInForce)
	for _, d := range []agreement.PartyID{"X", "Y"} {
		i := insClause("B", "NS", d)
		insWantState(t, tr, i, local(4, 0), agreement.StateSuspended)
		insWantState(t, tr, i, local(10, 0), agreement.StateInEffect)
		xs := insTransitions(tr, i)
		if len(xs) != 3 {
			t.Errorf("%s: transitions %v, want in effect, suspended, in effect", i, xs)
			continue
		}
		for k, want := range []struct {
			to agreement.State
			at time.Time
		}{{agreement.StateSuspended, from}, {agreement.StateInEffect, until}} {
			x := xs[k+1]
			if x.To != want.to || !x.At.Equal(want.at) || x.Cause.Kind != scenario.CauseAgreement || x.Cause.By != ag {
				t.Errorf("%s: %s -> %s at %s (%s by %s), want -> %s at %s by agreement B", i, x.From, x.To, x.At,
					x.Cause.Kind, x.Cause.By, want.to, want.at)
			}
		}
	}
}

// New START (Treaty between the United States of America and the Russian
// Federation on Measures for the Further Reduction and Limitation of
// Strategic Offensive Arms, Prague, 8 April 2010), Article XIV(2), as
// described (not quoted): the treaty remains in force for ten years unless
// superseded earlier by a later agreement, and if the Parties decide to
// extend it, it is extended for a period of no more than five years. It
// entered into force on 5 February 2011, on the exchange of the instruments
// of ratification; on 3 February 2021 the Parties agreed to extend it for
// five years, until 5 February 2026 (U.S. Department of State announcement
// of 3 February 2021, reported by ASIL's International Law in Brief), and
// it was not extended again. A term with no automatic renewal: it renews
// only for the period a renewal event carries. The central limits of
// Article II apply seven years after entry into force; the limit here
// (1,550 deployed warheads, Article II(1)(b)) stands for them. Instants are
// dates at 00:00 UTC.
func TestNewSTARTExtendedOnceThenExpired(t *testing.T) {
	date := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	inForce, end1, end2 := date(2011, time.February, 5), date(2021, time.February, 5), date(2026, time.February, 5)
	a := agreement.Agreement{ID: "new-start", SigningStatus: agreement.SigningStatusSigned, Parties: parties("US", "RU"),
		Term: agreement.Term{Period: agreement.Period{Years: 10}},
		Clauses: []agreement.Clause{
			{ID: "II-1-b", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"US", "RU"},
				Text:    "no more than 1550 warheads on deployed ICBMs, SLBMs and heavy bombers, seven years after entry into force",
				Trigger: agreement.From(date(2018, time.February, 5)),
				Action: &agreement.Pattern{Kind: "warheads-reported",
					Measure: agreement.Measure("warheads").Above(decimal.NewFromInt(1550))}},
		}}
	extension := agreement.Event{At: date(2021, time.February, 3), Kind: agreement.EventKindRenewal,
		Period: agreement.Period{Years: 5}}
	ag := insAgreement("new-start")

	_, tr := replay(t, a, inForce, date(2026, time.March, 1), extension,
		agreement.Event{At: date(2019, time.March, 1), Kind: "warheads-reported", Actor: "US",
			Quantities: []agreement.Quantity{{Value: decimal.NewFromInt(1365), Unit: "warheads"}}})
	r := insEvent(t, tr, agreement.EventKindRenewal, extension.At)
	insWantRenewals(t, tr, ag, insEnd{at: end1, until: end2, agreed: true, event: r}, insEnd{at: end2, event: -1})
	insWantState(t, tr, ag, date(2025, time.February, 5), agreement.StateInForce)
	insWantState(t, tr, insClause("new-start", "II-1-b", "US"), date(2025, time.February, 5), agreement.StateInEffect)
	insWantEnded(t, tr, "new-start", end2, -1)

	// Without the extension it would have expired after ten years.
	_, tr = replay(t, a, inForce, date(2021, time.March, 1))
	insWantRenewals(t, tr, ag, insEnd{at: end1, event: -1})
	insWantEnded(t, tr, "new-start", end1, -1)
}

// A clause with a one-day term that renews, whose violation is a fluent
// ending, meets that ending exactly at its term's end: the end wakes the
// clause as the instant begins (a timer, as an expiry would), so the
// violation names the timer as its cause, where without the term the event
// that ended the fluent woke it and is the cause. States and instants are
// the same either way. (A case TestPropertyTermChangesNothingBeforeItsEnd
// found.)
func TestTermEndWakesItsClauseFirst(t *testing.T) {
	start := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	collapse := start.AddDate(0, 0, 3) // the third end of the term
	a := agreement.Agreement{ID: "g", SigningStatus: agreement.SigningStatusSigned, Parties: parties("UA"),
		Fluents: []agreement.Fluent{{ID: "cf", Initially: true,
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}}},
		Clauses: []agreement.Clause{{ID: "O", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Text:      "the guarantee holds while the ceasefire does",
			Action:    &agreement.Pattern{Kind: agreement.EventKindForcesDeployed},
			Violation: agreement.Not(agreement.Holds("cf"))}}}
	termed := a.Clone()
	termed.Clauses[0].Term = agreement.Term{Period: agreement.Period{Days: 1}, Renewal: agreement.Period{Days: 1}}
	ev := agreement.Event{At: collapse, Kind: agreement.EventKindCeasefireCollapsed}
	o := insClause("g", "O", "")
	for _, c := range []struct {
		name string
		a    agreement.Agreement
		want scenario.CauseKind
	}{{"without a term", a, scenario.CauseEvent}, {"with a term ending then", termed, scenario.CauseTimer}} {
		_, tr := replay(t, c.a, start, collapse.Add(time.Hour), ev)
		xs := insTransitions(tr, o)
		if len(xs) != 2 || xs[1].To != agreement.StateViolated || !xs[1].At.Equal(collapse) || xs[1].Cause.Kind != c.want {
			t.Errorf("%s: transitions %v, want entry at %s and violation at %s with cause %s", c.name, xs, start, collapse, c.want)
		}
	}
	_, tr := replay(t, termed, start, collapse.Add(time.Hour), ev)
	insWantRenewals(t, tr, o, insEnd{at: start.AddDate(0, 0, 1), until: start.AddDate(0, 0, 2), event: -1},
		insEnd{at: start.AddDate(0, 0, 2), until: collapse, event: -1})
}
