package scenario_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Kyiv and America/New_York on machines without a zone database

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// Properties of terms: a term changes nothing before its first end (nor
// ever, when it renews without limit and no notice is given); each end falls
// exactly one period on the calendar after the one before, the first one
// Period after the term begins, across month ends and changes of daylight
// saving time; and a notice counts for an end up to Term.NoticeBy of it,
// not a nanosecond later.

// termZones are the zones of the drawn instruments: UTC (the zero Zone),
// two with daylight saving (one ahead of UTC, one behind) and a fixed
// offset on a half hour.
var termZones = []agreement.Zone{"", "Europe/Kyiv", "America/New_York", "+05:30"}

// termDays are the days terms begin on: month ends, leap days, and the days
// the clocks change in Kyiv (last Sundays of March and October) and New
// York (second Sunday of March, first of November).
var termDays = []time.Time{
	time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC),
	time.Date(2025, time.January, 31, 0, 0, 0, 0, time.UTC),
	time.Date(2025, time.August, 31, 0, 0, 0, 0, time.UTC),
	time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC),
	time.Date(2026, time.March, 8, 0, 0, 0, 0, time.UTC),
	time.Date(2026, time.March, 28, 0, 0, 0, 0, time.UTC),
	time.Date(2026, time.March, 29, 0, 0, 0, 0, time.UTC),
	time.Date(2026, time.March, 31, 0, 0, 0, 0, time.UTC),
	time.Date(2026, time.October, 25, 0, 0, 0, 0, time.UTC),
	time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2027, time.January, 30, 0, 0, 0, 0, time.UTC),
}

// termClocks are the times of day terms begin at: midnight, in the hour
// the clocks skip or repeat, noon, and the last nanosecond of the day.
var termClocks = []time.Duration{0, time.Hour + 30*time.Minute, 3 * time.Hour, 3*time.Hour + 30*time.Minute,
	12 * time.Hour, 24*time.Hour - 1}

// termPeriods are the lengths of terms: local days, weeks, months (from
// month ends they end on shorter months' last days), years (from 29
// February), mixed, and exact.
var termPeriods = []agreement.Period{{Days: 1}, {Days: 30}, {Days: 120}, {Weeks: 1}, {Months: 1}, {Months: 6},
	{Years: 1}, {Months: 1, Days: 1}, {Exact: 36 * time.Hour}, {Days: 1, Exact: time.Hour}}

// termNotices are the periods of notice: none, and calendar and exact ones,
// some longer than some terms.
var termNotices = []agreement.Period{{}, {Days: 1}, {Weeks: 2}, {Days: 30}, {Months: 1}, {Months: 6},
	{Exact: 12 * time.Hour}}

// termLoc returns the location of z.
func termLoc(t *rapid.T, z agreement.Zone) *time.Location {
	loc, err := z.Location()
	if err != nil {
		t.Fatalf("zone %q: %v", z, err)
	}
	return loc
}

// termBegin draws the instant a term begins: one of termDays at one of
// termClocks, on the calendar of loc.
func termBegin(t *rapid.T, loc *time.Location) time.Time {
	d := rapid.SampledFrom(termDays).Draw(t, "begin-day")
	c := rapid.SampledFrom(termClocks).Draw(t, "begin-clock")
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc).Add(c)
}

// termCase is an instrument with a term: an agreement, or a clause of one.
type termCase struct {
	a      agreement.Agreement
	start  time.Time // of the timeline
	begin  time.Time // the term's beginning, as built
	loc    *time.Location
	of     scenario.Instance
	name   agreement.Ref     // what notices and renewals name
	starts []agreement.Event // the event that starts a clause's term
}

// termDrawCase draws an instrument with term tm: the agreement "P" (in
// force at the start, or on an InForceAt instant a year later) or its
// clause "O" (in effect at an event, in the agreement's zone or its own).
// Its term begins at an instant termBegin draws.
func termDrawCase(t *rapid.T, tm agreement.Term) termCase {
	z := rapid.SampledFrom(termZones).Draw(t, "zone")
	c := termCase{a: agreement.Agreement{ID: "P", SigningStatus: agreement.SigningStatusSigned, Zone: z,
		Parties: parties("X", "Y"),
		Clauses: []agreement.Clause{{ID: "O", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
			Text: "X reports", Action: &agreement.Pattern{Kind: "report-filed"}}}}}
	c.loc = termLoc(t, z)
	lead := rapid.SampledFrom([]time.Duration{0, time.Nanosecond, 400 * calDay}).Draw(t, "lead")
	if rapid.Bool().Draw(t, "clause-term") {
		o := &c.a.Clauses[0]
		if rapid.Bool().Draw(t, "clause-zone") {
			o.Zone = rapid.SampledFrom(termZones[1:]).Draw(t, "clause-zone-name")
			c.loc = termLoc(t, o.Zone)
		}
		o.Term = tm
		o.Trigger = agreement.Happened(agreement.Pattern{Kind: "mission-begins"})
		c.begin = termBegin(t, c.loc)
		c.start = c.begin.Add(-lead)
		c.starts = []agreement.Event{{At: c.begin, Kind: "mission-begins"}}
		c.of = scenario.Instance{Ref: agreement.QualifiedRef("P", "O")}
		c.name = agreement.LocalRef("O")
		return c
	}
	c.a.Term = tm
	c.begin = termBegin(t, c.loc)
	c.start = c.begin.Add(-lead)
	if lead > 0 {
		c.a.InForceAt = agreement.Deadline{At: c.begin}
	}
	c.of = scenario.Instance{Ref: agreement.AgreementRef("P")}
	if rapid.Bool().Draw(t, "name-agreement") {
		c.name = agreement.AgreementRef("P")
	}
	return c
}

// replay replays c with extra events up to end, and checks that the term
// began where c says.
func (c termCase) replay(t *rapid.T, end time.Time, extra ...agreement.Event) *scenario.Trace {
	e, err := scenario.Compile(c.a)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	tr, err := e.Replay(scenario.NewTimeline(c.start, append(extra, c.starts...)...), end)
	if err != nil {
		t.Fatalf("Replay: %v", err)
	}
	want := agreement.StateInForce
	if !c.of.IsAgreement() {
		want = agreement.StateInEffect
	}
	var began time.Time
	for x := range tr.Transitions() {
		if x.Instance == c.of && x.To == want {
			began = x.At
			break
		}
	}
	if !began.Equal(c.begin) {
		t.Fatalf("%s entered %s at %s, want %s", c.of, want, began, c.begin)
	}
	return tr
}

// termExpect is the end of a term the model expects.
type termExpect struct {
	at, until time.Time
	agreed    bool
	event     *agreement.Event // the renewal or notice the cause names
}

func (x termExpect) String() string {
	s := x.at.Format(time.RFC3339Nano) + " until " + x.until.Format(time.RFC3339Nano)
	if x.agreed {
		s += " (agreed)"
	}
	if x.event != nil {
		s += " by " + string(x.event.Kind) + " at " + x.event.At.Format(time.RFC3339Nano)
	}
	return s
}

// termCheck compares the renewals of c.of in tr with want, and, when the
// last one expired, the expiry.
func termCheck(t *rapid.T, c termCase, tr *scenario.Trace, want []termExpect) {
	t.Helper()
	var got []scenario.Renewal
	for r := range tr.Renewals() {
		if r.Of == c.of {
			got = append(got, r)
		}
	}
	describe := func() string {
		var b strings.Builder
		fmt.Fprintf(&b, "term %s of %s beginning %s (zone %s)\nwant:\n", termOf(c), c.of,
			c.begin.Format(time.RFC3339Nano), c.loc)
		for _, w := range want {
			b.WriteString("  " + w.String() + "\n")
		}
		b.WriteString("got:\n")
		for _, r := range got {
			fmt.Fprintf(&b, "  %s until %s agreed=%v cause=%s\n", r.At.Format(time.RFC3339Nano),
				r.Until.Format(time.RFC3339Nano), r.Agreed, tr.DescribeCause(r.Cause))
		}
		return b.String() + scenariotest.FormatTransitions(tr)
	}
	if len(got) != len(want) {
		t.Fatalf("%d ends, want %d\n%s", len(got), len(want), describe())
	}
	for k, w := range want {
		r := got[k]
		if !r.At.Equal(w.at) || !r.Until.Equal(w.until) || r.Agreed != w.agreed {
			t.Fatalf("end %d differs\n%s", k, describe())
		}
		i, named := r.Cause.Event()
		ev, _ := tr.Event(i)
		if (w.event != nil) != named || named && (ev.Kind != w.event.Kind || !ev.At.Equal(w.event.At)) {
			t.Fatalf("end %d names the wrong event\n%s", k, describe())
		}
	}
	if len(want) == 0 || !want[len(want)-1].until.IsZero() {
		return
	}
	last := want[len(want)-1]
	to := agreement.StateTerminated
	if !c.of.IsAgreement() {
		to = agreement.StateDischarged
	}
	for x := range tr.Transitions() {
		if x.Instance != c.of || x.To != to {
			continue
		}
		i, named := x.Cause.Event()
		ev, _ := tr.Event(i)
		if !x.At.Equal(last.at) || x.Cause.Kind != scenario.CauseTerm || (last.event != nil) != named ||
			named && (ev.Kind != last.event.Kind || !ev.At.Equal(last.event.At)) {
			t.Fatalf("expiry: %s -> %s at %s (%s)\n%s", x.From, x.To, x.At, tr.DescribeCause(x.Cause), describe())
		}
		return
	}
	t.Fatalf("%s never %s\n%s", c.of, to, describe())
}

func termOf(c termCase) agreement.Term {
	if c.of.IsAgreement() {
		return c.a.Term
	}
	return c.a.Clauses[0].Term
}

// TestPropertyTermChangesNothingBeforeItsEnd: an agreement (and some of
// its clauses) given a term that renews, with no notice given, replays as
// without it, compared as the other properties compare traces, over any
// horizon before the first end; and over any horizon at all when it renews
// without limit. The agreements and timelines are those of the lifecycle
// properties.
func TestPropertyTermChangesNothingBeforeItsEnd(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lc := scenariotest.LifecycleConfig{Clauses: propMaxClauses, Agreements: propAgreements}
		p := scenariotest.LifecycleProcess(lc).Draw(t, "process")
		// Without any term of the generator's: the terms added below are
		// the only ones.
		for i := range p.Agreements {
			p.Agreements[i].Term = agreement.Term{}
			for j := range p.Agreements[i].Clauses {
				p.Agreements[i].Clauses[j].Term = agreement.Term{}
			}
		}
		cfg := propTimelineConfig()
		tl := scenariotest.Timeline(p, cfg).Draw(t, "timeline")
		unlimited := rapid.Bool().Draw(t, "unlimited")
		with := agreement.Process{Agreements: make([]agreement.Agreement, len(p.Agreements))}
		horizon := cfg.End()
		first := func(tm agreement.Term, z agreement.Zone) {
			// Every term begins at or after the start.
			if e1 := tm.Period.AddTo(tl.Start(), termLoc(t, z)).Add(-time.Nanosecond); !unlimited && e1.Before(horizon) {
				horizon = e1
			}
		}
		term := func(label string) agreement.Term {
			tm := agreement.Term{Period: rapid.SampledFrom(termPeriods).Draw(t, label+"-period"),
				Renewal: rapid.SampledFrom(termPeriods).Draw(t, label+"-renewal")}
			if !unlimited {
				tm.Notice = rapid.SampledFrom(termNotices).Draw(t, label+"-notice")
				tm.Renewals = rapid.IntRange(0, 3).Draw(t, label+"-renewals")
			}
			return tm
		}
		for i, a := range p.Agreements {
			b := a.Clone()
			b.Term = term(fmt.Sprintf("agreement-%d", i))
			first(b.Term, b.Zone)
			for j := range b.Clauses {
				c := &b.Clauses[j]
				if c.Kind == agreement.DeonticPower || !c.Expiry.IsZero() || !c.Term.IsZero() ||
					rapid.IntRange(0, 2).Draw(t, fmt.Sprintf("clause-term-%d-%d", i, j)) != 0 {
					continue
				}
				c.Term = term(fmt.Sprintf("clause-%d-%d", i, j))
				z := c.Zone
				if z == "" {
					z = b.Zone
				}
				first(c.Term, z)
			}
			with.Agreements[i] = b
		}
		if !horizon.After(tl.Start()) {
			t.Skip("a first end at the start")
		}
		// The horizon: the latest allowed, or any hour or instant before it.
		span, end := horizon.Sub(tl.Start()), horizon
		switch rapid.IntRange(0, 2).Draw(t, "horizon") {
		case 1:
			end = tl.Start().Add(time.Duration(rapid.Int64Range(0, int64(span/time.Hour)).Draw(t, "hours")) * time.Hour)
		case 2:
			end = tl.Start().Add(time.Duration(rapid.Int64Range(0, int64(span)).Draw(t, "instant")))
		}
		var evs []agreement.Event
		for _, ev := range tl.Events() {
			if !ev.At.After(end) {
				evs = append(evs, ev)
			}
		}
		cut := scenario.NewTimeline(tl.Start(), evs...)
		e0, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatalf("CompileProcess: %v", err)
		}
		e1, err := scenario.CompileProcess(with)
		if err != nil {
			t.Fatalf("CompileProcess with terms: %v\n%s", err, scenariotest.FormatProcess(with))
		}
		base, got := propReplay(t, e0, cut, end), propReplay(t, e1, cut, end)
		assertSameButTermEndWakes(t, with, base, got)
		for r := range got.Renewals() {
			if !unlimited || r.Until.IsZero() || r.Agreed {
				t.Errorf("%s: an end at %s (until %s, agreed %v)", r.Of, r.At, r.Until, r.Agreed)
			}
		}
		if t.Failed() {
			t.Fatalf("to %s:\n%s%s", end.Format(time.RFC3339Nano), scenariotest.FormatProcess(with),
				scenariotest.FormatTimeline(cut))
		}
	})
}

// assertSameButTermEndWakes is scenariotest.AssertSameTransitions for a
// replay without terms (base) and one of the process with (with, whose
// clause terms renew), with one difference allowed: the end of a clause
// instance's term wakes the instance as its instant begins (a timer, as an
// expiry does), so a move its conditions make at that instant names the
// timer as its cause when no true node of the deciding condition names an
// event of the instant, where the replay without the term names what woke
// the instance next (an event of the batch, a clause's move). The end
// wakes it whether the term then renews or the instance moves first, and
// so leaves no renewal. Everything else, the states, the instants and
// every other cause, must be the same.
func assertSameButTermEndWakes(t *rapid.T, with agreement.Process, base, got *scenario.Trace) {
	t.Helper()
	type end struct {
		of scenario.Instance
		at int64
	}
	ends := map[end]bool{}
	for r := range got.Renewals() {
		if !r.Of.IsAgreement() {
			ends[end{r.Of, r.At.UnixNano()}] = true
			if !r.Until.IsZero() {
				ends[end{r.Of, r.Until.UnixNano()}] = true
			}
		}
	}
	// The first end: a clause's term begins as its instance first enters
	// into effect.
	entered := map[scenario.Instance]bool{}
	for x := range got.Transitions() {
		if x.To != agreement.StateInEffect || entered[x.Instance] || x.Instance.IsAgreement() {
			continue
		}
		entered[x.Instance] = true
		for _, a := range with.Agreements {
			if a.ID != x.Instance.Ref.Agreement {
				continue
			}
			for _, c := range a.Clauses {
				if c.ID == x.Instance.Ref.Clause && !c.Term.IsZero() {
					z := c.Zone
					if z == "" {
						z = a.Zone
					}
					ends[end{x.Instance, c.Term.Period.AddTo(x.At, termLoc(t, z)).UnixNano()}] = true
				}
			}
		}
	}
	want, have := scenariotest.Moves(base), scenariotest.Moves(got)
	excused := 0
	for k := range min(len(want), len(have)) {
		w, h := want[k], &have[k]
		if h.Cause == scenario.CauseTimer && w.Cause != scenario.CauseTimer && h.Instance == w.Instance &&
			h.At.Equal(w.At) && ends[end{h.Instance, h.At.UnixNano()}] {
			h.Cause, h.By, h.Event = w.Cause, w.By, w.Event
			excused++
		}
	}
	// The events the causes name compared by value: both replays read the
	// same timeline.
	if diff := cmp.Diff(want, have, agreementtest.Options()); diff != "" {
		t.Errorf("transitions mismatch (-without terms +with terms; %d timer causes at a term's end excused):\n%s",
			excused, diff)
	}
}

// TestPropertyRenewalsOnePeriodApart: the first end of a term falls Period
// after it begins and each later one exactly the new term's length (on the
// calendar of the instrument's zone) after the one before: Renewal, or the
// period a renewal event in the term carries (the latest one); after
// Renewals automatic renewals, or with no renewal, the instrument expires.
func TestPropertyRenewalsOnePeriodApart(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tm := agreement.Term{Period: rapid.SampledFrom(termPeriods).Draw(t, "period")}
		if rapid.IntRange(0, 3).Draw(t, "renews") != 0 {
			tm.Renewal = rapid.SampledFrom(termPeriods).Draw(t, "renewal")
			tm.Renewals = rapid.IntRange(0, 3).Draw(t, "renewals")
		}
		c := termDrawCase(t, tm)
		// The horizon: from a day before the first end to 1,200 days after.
		end := tm.Period.AddTo(c.begin, c.loc).Add(time.Duration(rapid.IntRange(-1, 1200).Draw(t, "horizon-days")) * calDay)
		if end.Before(c.begin) {
			end = c.begin
		}

		// The model, drawing renewal events term by term: at the end
		// itself, just after the term began, or half way; of several, the
		// latest counts.
		var want []termExpect
		var evs []agreement.Event
		prev, at, autos := c.begin, tm.Period.AddTo(c.begin, c.loc), 0
		for !at.After(end) {
			w := termExpect{at: at}
			var times []time.Time
			for range rapid.IntRange(0, 2).Draw(t, "renewal-events") {
				when := at
				switch rapid.IntRange(0, 2).Draw(t, "renewal-when") {
				case 1:
					when = prev.Add(time.Nanosecond)
				case 2:
					when = prev.Add(at.Sub(prev) / 2)
				}
				if !slices.ContainsFunc(times, when.Equal) {
					times = append(times, when)
				}
			}
			slices.SortFunc(times, time.Time.Compare)
			for _, when := range times {
				ev := agreement.Event{At: when, Kind: agreement.EventKindRenewal, Clause: c.name,
					Period: rapid.SampledFrom(termPeriods).Draw(t, "renewal-period")}
				evs = append(evs, ev)
				w.agreed, w.event, w.until = true, &ev, ev.Period.AddTo(at, c.loc)
			}
			if !w.agreed && !tm.Renewal.IsZero() && (tm.Renewals == 0 || autos < tm.Renewals) {
				autos++
				w.until = tm.Renewal.AddTo(at, c.loc)
			}
			want = append(want, w)
			if w.until.IsZero() {
				break
			}
			prev, at = at, w.until
		}
		tr := c.replay(t, end, evs...)
		termCheck(t, c, tr, want)
	})
}

// TestPropertyNoticeUpToNoticeBy: a notice given at Term.NoticeBy(E) ends
// the term at E (or at an earlier end it is early enough for, where the
// calendar makes NoticeBy of two ends the same day); one given a
// nanosecond later does not, and counts for the next end it is early
// enough for.
func TestPropertyNoticeUpToNoticeBy(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tm := agreement.Term{Period: rapid.SampledFrom(termPeriods).Draw(t, "period"),
			Renewal: rapid.SampledFrom(termPeriods).Draw(t, "renewal"),
			Notice:  rapid.SampledFrom(termNotices).Draw(t, "notice")}
		c := termDrawCase(t, tm)
		if c.start.After(c.begin) {
			t.Fatalf("start %s after the beginning %s", c.start, c.begin)
		}
		ends := []time.Time{tm.Period.AddTo(c.begin, c.loc)}
		next := func() time.Time {
			ends = append(ends, tm.Renewal.AddTo(ends[len(ends)-1], c.loc))
			return ends[len(ends)-1]
		}
		k := rapid.IntRange(0, 3).Draw(t, "end")
		for len(ends) <= k {
			next()
		}
		by := tm.NoticeBy(ends[k], c.loc)
		for _, late := range []time.Duration{0, time.Nanosecond} {
			n := by.Add(late)
			if n.Before(c.start) {
				// A notice before the timeline: give the case a longer lead.
				c.start = n.Add(-calDay)
				if c.of.IsAgreement() {
					c.a.InForceAt = agreement.Deadline{At: c.begin}
				}
			}
			notice := agreement.Event{At: n, Kind: agreement.EventKindNotice, Actor: "Y", Clause: c.name}
			// The first end the notice is early enough for.
			j := 0
			for ; ; j++ {
				for len(ends) <= j {
					next()
				}
				if !n.After(tm.NoticeBy(ends[j], c.loc)) {
					break
				}
			}
			if late == 0 && j > k || late > 0 && j == k {
				t.Fatalf("the model: a notice at %s counts for end %d, given end %d (%s)", n, j, k, ends[k])
			}
			var want []termExpect
			for i := range j {
				want = append(want, termExpect{at: ends[i], until: ends[i+1]})
			}
			want = append(want, termExpect{at: ends[j], event: &notice})
			tr := c.replay(t, ends[j].Add(calDay), notice)
			termCheck(t, c, tr, want)
		}
	})
}
