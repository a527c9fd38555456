package scenario_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Kyiv and Asia/Tokyo on machines without a zone database

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// Properties of calendar time: replays are invariant under a shift of every
// instant by whole days where local days are whole days (and of every zone
// with the instants), limits fall where the calendar puts them, and a
// deadline in local days falls at local midnight across a change of
// daylight saving time.

// calDay is one day of 24 hours.
const calDay = 24 * time.Hour

// calShiftZones are the zones of the time-shift property: their local days
// are all 24 hours long (Asia/Tokyo has kept +09:00 since 1951), so that
// moving every instant by whole days moves every local day with it.
var calShiftZones = []agreement.Zone{"", "UTC", "+03:00", "-05:30", "Asia/Tokyo"}

// calShiftGen draws an agreement and a timeline in which every instant is
// near calShiftBase, over calShiftDays days.
type calShiftGen struct {
	t       *rapid.T
	start   time.Time
	loc     *time.Location // the agreement's zone
	parties []agreement.PartyID
	seen    []time.Time // instants drawn so far, reused to make ties
}

var calShiftBase = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)

const calShiftDays = 40

// calActs, calTriggers and calOthers are the event kinds of the drawn
// agreements: acts clauses oblige or forbid, events that trigger clauses
// and anchor their limits, and events nothing mentions.
var (
	calActs     = []agreement.EventKind{"aid-delivered", "report-filed", "zone-entered"}
	calTriggers = []agreement.EventKind{agreement.EventKindCeasefireInForce, "talks-concluded", "incident"}
	calOthers   = []agreement.EventKind{"press-conference"}
)

// instant draws an instant in the window of the case: a day from a few
// before the start to the end, at a local midnight, a nanosecond either
// side of one, at a round hour or at a random minute; or an instant drawn
// before.
func (g *calShiftGen) instant(label string) time.Time {
	if len(g.seen) > 0 && rapid.IntRange(0, 4).Draw(g.t, label+"-reuse") == 0 {
		return rapid.SampledFrom(g.seen).Draw(g.t, label+"-again")
	}
	day := rapid.IntRange(-3, calShiftDays).Draw(g.t, label+"-day")
	local := g.start.In(g.loc)
	midnight := time.Date(local.Year(), local.Month(), local.Day()+day, 0, 0, 0, 0, g.loc)
	var at time.Time
	switch rapid.IntRange(0, 4).Draw(g.t, label+"-clock") {
	case 0:
		at = midnight
	case 1:
		at = midnight.Add(time.Duration(rapid.SampledFrom([]int{-1, 1}).Draw(g.t, label+"-ns")))
	case 2:
		at = midnight.Add(time.Duration(rapid.IntRange(0, 23).Draw(g.t, label+"-hour")) * time.Hour)
	default:
		at = midnight.Add(time.Duration(rapid.IntRange(0, 24*60-1).Draw(g.t, label+"-minute")) * time.Minute)
	}
	g.seen = append(g.seen, at)
	return at
}

func (g *calShiftGen) party(label string) agreement.PartyID {
	return rapid.SampledFrom(g.parties).Draw(g.t, label)
}

// happened draws a Happened atom on a trigger, sometimes by a given party.
func (g *calShiftGen) happened(label string) agreement.Condition {
	p := agreement.Pattern{Kind: rapid.SampledFrom(calTriggers).Draw(g.t, label+"-kind")}
	if rapid.IntRange(0, 2).Draw(g.t, label+"-by") == 0 {
		p.Actor = g.party(label + "-actor")
	}
	return agreement.Happened(p)
}

// clock draws a clock atom: from, until or between drawn instants.
func (g *calShiftGen) clock(label string) agreement.Condition {
	a, b := g.instant(label+"-from"), g.instant(label+"-until")
	switch rapid.IntRange(0, 2).Draw(g.t, label+"-sort") {
	case 0:
		return agreement.From(a)
	case 1:
		return agreement.Until(a)
	}
	if a.Equal(b) {
		b = a.Add(time.Hour)
	}
	if b.Before(a) {
		a, b = b, a
	}
	return agreement.Between(a, b)
}

// trigger draws a clause's trigger: none, an event, an event some hours
// ago, a clock atom, or an event and a clock atom.
func (g *calShiftGen) trigger(label string) agreement.Condition {
	switch rapid.IntRange(0, 5).Draw(g.t, label) {
	case 0, 1:
		return nil
	case 2:
		return g.happened(label)
	case 3:
		h := g.happened(label).(*agreement.HappenedCondition)
		return agreement.Since(h.Pattern(), time.Duration(rapid.IntRange(1, 72).Draw(g.t, label+"-hours"))*time.Hour)
	case 4:
		return g.clock(label)
	}
	return agreement.All(g.happened(label), g.clock(label+"-clock"))
}

// period draws a period of days or weeks, with an exact part sometimes.
func (g *calShiftGen) period(label string) agreement.Period {
	var p agreement.Period
	if rapid.IntRange(0, 3).Draw(g.t, label+"-weeks") == 0 {
		p.Weeks = rapid.IntRange(1, 2).Draw(g.t, label+"-w")
	} else {
		p.Days = rapid.IntRange(0, 9).Draw(g.t, label+"-d")
	}
	if p.IsZero() || rapid.IntRange(0, 3).Draw(g.t, label+"-has-exact") == 0 {
		p.Exact = time.Duration(rapid.IntRange(1, 36).Draw(g.t, label+"-hours")) * time.Hour
	}
	return p
}

// limit draws a deadline or expiry: after an exact duration, a period of
// days or weeks, at an instant, or from an anchor (alone, or a period or
// duration after it); rounded to a local day, exclusive, and (for a
// clause's deadline, when fixed) binding regardless of activation, each
// sometimes.
func (g *calShiftGen) limit(label string, unconditional bool) agreement.Deadline {
	var d agreement.Deadline
	switch rapid.IntRange(0, 5).Draw(g.t, label) {
	case 0:
		return d
	case 1:
		d.After = time.Duration(rapid.IntRange(1, 240).Draw(g.t, label+"-hours")) * time.Hour
	case 2:
		d.Period = g.period(label)
	case 3:
		d.At = g.instant(label + "-at")
	default:
		d.From = g.happened(label + "-from")
		switch rapid.IntRange(0, 2).Draw(g.t, label+"-from-by") {
		case 0:
			d.Period = g.period(label)
		case 1:
			d.After = time.Duration(rapid.IntRange(1, 240).Draw(g.t, label+"-hours")) * time.Hour
		}
	}
	if rapid.IntRange(0, 2).Draw(g.t, label+"-rounded") == 0 {
		d.Round = rapid.SampledFrom([]agreement.Rounding{agreement.RoundStartOfDay, agreement.RoundEndOfDay}).
			Draw(g.t, label+"-round")
	}
	d.Exclusive = rapid.IntRange(0, 3).Draw(g.t, label+"-exclusive") == 0
	d.Unconditional = unconditional && d.Fixed() && rapid.Bool().Draw(g.t, label+"-unconditional")
	return d
}

// recurrence draws a recurring duty: every few days or weeks (from the
// clause's entry or an instant; due when the next starts, or within some
// days or hours), or within some days of each event of a kind; sometimes
// rounded.
func (g *calShiftGen) recurrence(label string) agreement.Recurrence {
	var r agreement.Recurrence
	if rapid.IntRange(0, 2).Draw(g.t, label+"-on") == 0 {
		r.On = &agreement.Pattern{Kind: rapid.SampledFrom(calTriggers).Draw(g.t, label+"-on-kind")}
		r.Within = agreement.Period{Days: rapid.IntRange(0, 4).Draw(g.t, label+"-within-days")}
		if r.Within.IsZero() {
			r.Within.Exact = time.Duration(rapid.IntRange(1, 48).Draw(g.t, label+"-within-hours")) * time.Hour
		}
	} else {
		if rapid.Bool().Draw(g.t, label+"-weekly") {
			r.Every.Weeks = 1
		} else {
			r.Every.Days = rapid.IntRange(1, 6).Draw(g.t, label+"-every-days")
		}
		if rapid.Bool().Draw(g.t, label+"-has-start") {
			r.Start = g.instant(label + "-start")
		}
		if rapid.Bool().Draw(g.t, label+"-has-within") {
			r.Within = agreement.Period{Days: rapid.IntRange(0, 2).Draw(g.t, label+"-within-days"),
				Exact: time.Duration(rapid.IntRange(0, 12).Draw(g.t, label+"-within-hours")) * time.Hour}
		}
	}
	if rapid.IntRange(0, 2).Draw(g.t, label+"-rounded") == 0 {
		r.Round = rapid.SampledFrom([]agreement.Rounding{agreement.RoundStartOfDay, agreement.RoundEndOfDay}).
			Draw(g.t, label+"-round")
	}
	return r
}

// calDrawShiftCase draws an agreement whose limits are exact durations,
// days, weeks, instants and anchors (no months or years), in a zone of
// calShiftZones, and a timeline for it.
func calDrawShiftCase(t *rapid.T) (agreement.Agreement, scenario.Timeline, time.Time) {
	zone := rapid.SampledFrom(calShiftZones).Draw(t, "zone")
	loc, err := zone.Location()
	if err != nil {
		t.Fatalf("zone %q: %v", zone, err)
	}
	g := &calShiftGen{t: t, loc: loc, parties: []agreement.PartyID{"UA", "RU", "US"}}
	g.start = calShiftBase.Add(time.Duration(rapid.IntRange(0, 24*60-1).Draw(t, "start-minute")) * time.Minute)
	a := agreement.Agreement{ID: "A", Zone: zone, Parties: parties(g.parties...)}

	// Signatures, signatories and entry into force.
	if rapid.IntRange(0, 2).Draw(t, "status-signed") == 0 {
		a.SigningStatus = agreement.SigningStatusSigned
	}
	for _, p := range g.parties {
		if rapid.Bool().Draw(t, "signatory") {
			a.Signatories = append(a.Signatories, p)
		}
		switch rapid.IntRange(0, 3).Draw(t, "signature") {
		case 0:
			a.Signatures = append(a.Signatures, agreement.Signature{Party: p})
		case 1, 2:
			a.Signatures = append(a.Signatures, agreement.Signature{Party: p, Date: g.instant("signed")})
		}
	}
	switch rapid.IntRange(0, 4).Draw(t, "in-force-at") {
	case 1:
		a.InForceAt.At = g.instant("in-force-at")
	case 2:
		a.InForceAt.Period = agreement.Period{Days: rapid.IntRange(0, 5).Draw(t, "in-force-days"), Exact: time.Hour}
	case 3:
		rat := func() agreement.Condition {
			return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: g.party("ratifier")})
		}
		a.InForceAt.From = rat()
		if rapid.Bool().Draw(t, "ratifications") {
			a.InForceAt.From = agreement.All(rat(), rat())
		}
		a.InForceAt.Period = agreement.Period{Days: rapid.IntRange(0, 30).Draw(t, "in-force-days")}
	}
	if !a.InForceAt.IsZero() && rapid.IntRange(0, 2).Draw(t, "in-force-rounded") == 0 {
		a.InForceAt.Round = agreement.RoundEndOfDay
	}
	if rapid.IntRange(0, 4).Draw(t, "has-entry") == 0 {
		a.EntryIntoForce = g.happened("entry")
	}

	// Clauses.
	for i := range rapid.IntRange(1, 5).Draw(t, "clauses") {
		c := agreement.Clause{ID: agreement.ClauseID(fmt.Sprintf("C%d", i+1)), Kind: agreement.DeonticObligation}
		if rapid.IntRange(0, 2).Draw(t, "prohibition") == 0 {
			c.Kind = agreement.DeonticProhibition
		}
		c.Debtors = []agreement.PartyID{g.party("debtor")}
		if rapid.IntRange(0, 3).Draw(t, "two-debtors") == 0 {
			if other := g.party("other-debtor"); other != c.Debtors[0] {
				c.Debtors = append(c.Debtors, other)
				c.Joint = rapid.Bool().Draw(t, "joint")
			}
		}
		c.Action = &agreement.Pattern{Kind: rapid.SampledFrom(calActs).Draw(t, "act")}
		c.Trigger = g.trigger("trigger")
		if rapid.IntRange(0, 4).Draw(t, "has-antecedent") == 0 {
			c.Antecedent = g.happened("antecedent")
		}
		if rapid.IntRange(0, 3).Draw(t, "clause-zone") == 0 {
			c.Zone = rapid.SampledFrom(calShiftZones).Draw(t, "zone")
		}
		c.Provisional = rapid.IntRange(0, 3).Draw(t, "provisional") == 0
		switch {
		case c.Kind == agreement.DeonticObligation && rapid.IntRange(0, 3).Draw(t, "recurs") == 0:
			c.Recurs = g.recurrence("recurs")
		case c.Kind == agreement.DeonticObligation:
			c.Deadline = g.limit("deadline", true)
		default:
			c.Standing = rapid.Bool().Draw(t, "standing")
		}
		c.Expiry = g.limit("expiry", false)
		a.Clauses = append(a.Clauses, c)
	}

	// The timeline.
	var evs []agreement.Event
	for range rapid.IntRange(4, 24).Draw(t, "events") {
		ev := agreement.Event{At: g.instant("event"), Actor: g.party("actor")}
		switch rapid.IntRange(0, 9).Draw(t, "event-sort") {
		case 0, 1, 2:
			ev.Kind = rapid.SampledFrom(calActs).Draw(t, "event-act")
		case 3, 4, 5:
			ev.Kind = rapid.SampledFrom(calTriggers).Draw(t, "event-trigger")
		case 6:
			ev.Kind = agreement.EventKindRatification
		case 7:
			ev.Kind = agreement.EventKindSigning
			if rapid.IntRange(0, 3).Draw(t, "signing-for-all") == 0 {
				ev.Actor = ""
			}
		default:
			ev.Kind = rapid.SampledFrom(calOthers).Draw(t, "event-other")
		}
		if ev.At.Before(g.start) {
			ev.At = g.start
		}
		evs = append(evs, ev)
	}
	return a, scenario.NewTimeline(g.start, evs...), g.start.Add((calShiftDays + 5) * calDay)
}

// calMove is a move of every instant of a case: by a number of whole days
// (of 24 hours: more than a time.Duration holds, near the ends of the
// range), and back by the change of the offset of every zone, so that
// local clocks read as before.
type calMove struct {
	days   int
	offset time.Duration
}

func (m calMove) at(t time.Time) time.Time { return t.UTC().AddDate(0, 0, m.days).Add(-m.offset) }

// calOffset returns the offset of a zone of calShiftZones (Asia/Tokyo's
// since 1951).
func calOffset(z agreement.Zone) time.Duration {
	switch z {
	case "+03:00":
		return 3 * time.Hour
	case "-05:30":
		return -5*time.Hour - 30*time.Minute
	case "Asia/Tokyo":
		return 9 * time.Hour
	}
	return 0
}

// zone returns the fixed offset m.offset ahead of z; z itself when m
// changes no offset.
func (m calMove) zone(z agreement.Zone) agreement.Zone {
	if m.offset == 0 {
		return z
	}
	o := calOffset(z) + m.offset
	sign := '+'
	if o < 0 {
		sign, o = '-', -o
	}
	return agreement.Zone(fmt.Sprintf("%c%02d:%02d", sign, int(o/time.Hour), int(o%time.Hour/time.Minute)))
}

func (m calMove) String() string {
	return fmt.Sprintf("%d days and zones %s ahead", m.days, agreement.FormatDuration(m.offset))
}

// calShiftCond returns c with every instant of its clock atoms moved by m.
func calShiftCond(t *rapid.T, c agreement.Condition, d calMove) agreement.Condition {
	shift := func(cs []agreement.Condition) []agreement.Condition {
		out := make([]agreement.Condition, len(cs))
		for i, o := range cs {
			out[i] = calShiftCond(t, o, d)
		}
		return out
	}
	switch c := c.(type) {
	case nil:
		return nil
	case *agreement.HappenedCondition, *agreement.SinceCondition:
		return c
	case *agreement.ClockCondition:
		from, until := c.From(), c.Until()
		switch {
		case until.IsZero():
			return agreement.From(d.at(from))
		case from.IsZero():
			return agreement.Until(d.at(until))
		}
		return agreement.Between(d.at(from), d.at(until))
	case *agreement.AllCondition:
		return agreement.All(shift(c.Conditions())...)
	case *agreement.AnyCondition:
		return agreement.Any(shift(c.Conditions())...)
	case *agreement.NotCondition:
		return agreement.Not(calShiftCond(t, c.Condition(), d))
	}
	t.Fatalf("calShiftCond: no shift for %T", c)
	return nil
}

// calShiftLimit returns d with its instant and anchor moved by s.
func calShiftLimit(t *rapid.T, d agreement.Deadline, s calMove) agreement.Deadline {
	if !d.At.IsZero() {
		d.At = s.at(d.At)
	}
	d.From = calShiftCond(t, d.From, s)
	return d
}

// calShift returns a and tl with every instant moved by d (the events, the
// start, limits at instants, clock atoms, the starts of recurrences and the
// dates of signatures) and every zone with it.
func calShift(t *rapid.T, a agreement.Agreement, tl scenario.Timeline, d calMove) (agreement.Agreement, scenario.Timeline) {
	a = a.Clone()
	a.Zone = d.zone(a.Zone)
	for i := range a.Signatures {
		if !a.Signatures[i].Date.IsZero() {
			a.Signatures[i].Date = d.at(a.Signatures[i].Date)
		}
	}
	a.InForceAt = calShiftLimit(t, a.InForceAt, d)
	a.EntryIntoForce = calShiftCond(t, a.EntryIntoForce, d)
	for i := range a.Clauses {
		c := &a.Clauses[i]
		if c.Zone != "" {
			c.Zone = d.zone(c.Zone)
		}
		c.Trigger = calShiftCond(t, c.Trigger, d)
		c.Antecedent = calShiftCond(t, c.Antecedent, d)
		c.Deadline = calShiftLimit(t, c.Deadline, d)
		c.Expiry = calShiftLimit(t, c.Expiry, d)
		if !c.Recurs.Start.IsZero() {
			c.Recurs.Start = d.at(c.Recurs.Start)
		}
	}
	var evs []agreement.Event
	for _, ev := range tl.Events() {
		ev.At = d.at(ev.At)
		evs = append(evs, ev)
	}
	return a, scenario.NewTimeline(d.at(tl.Start()), evs...)
}

// calZonesOf returns the zones a states, its clauses' included.
func calZonesOf(a agreement.Agreement) []agreement.Zone {
	out := []agreement.Zone{a.Zone}
	for _, c := range a.Clauses {
		if c.Zone != "" {
			out = append(out, c.Zone)
		}
	}
	return out
}

// calInstants returns every instant a and tl state: the instants calShift
// moves.
func calInstants(a agreement.Agreement, tl scenario.Timeline) []time.Time {
	out := []time.Time{tl.Start()}
	for _, sg := range a.Signatures {
		if !sg.Date.IsZero() {
			out = append(out, sg.Date)
		}
	}
	conds := []agreement.Condition{a.InForceAt.From, a.EntryIntoForce}
	limits := []agreement.Deadline{a.InForceAt}
	for _, c := range a.Clauses {
		conds = append(conds, c.Trigger, c.Antecedent, c.Deadline.From, c.Expiry.From)
		limits = append(limits, c.Deadline, c.Expiry)
		if !c.Recurs.Start.IsZero() {
			out = append(out, c.Recurs.Start)
		}
	}
	for _, d := range limits {
		if !d.At.IsZero() {
			out = append(out, d.At)
		}
	}
	for _, c := range conds {
		agreement.Walk(c, func(c agreement.Condition) bool {
			if k, ok := c.(*agreement.ClockCondition); ok {
				for _, at := range []time.Time{k.From(), k.Until()} {
					if !at.IsZero() {
						out = append(out, at)
					}
				}
			}
			return true
		})
	}
	for _, ev := range tl.Events() {
		out = append(out, ev.At)
	}
	return out
}

// calDescribe formats a case for failure messages.
func calDescribe(a agreement.Agreement, tl scenario.Timeline, tr *scenario.Trace) string {
	var b strings.Builder
	fmt.Fprintf(&b, "agreement zone=%q status=%v signatories=%v signatures=%v in-force-at=%s entry=%s\n", a.Zone,
		a.SigningStatus, a.Signatories, a.Signatures, a.InForceAt, propCond(a.EntryIntoForce))
	for _, c := range a.Clauses {
		fmt.Fprintf(&b, "  %s %s debtors=%v joint=%t action=%s trigger=%s antecedent=%s deadline=%s expiry=%s "+
			"standing=%t provisional=%t recurs=%s zone=%q\n", c.ID, c.Kind, c.Debtors, c.Joint, c.Action,
			propCond(c.Trigger), propCond(c.Antecedent), c.Deadline, c.Expiry, c.Standing, c.Provisional, c.Recurs,
			c.Zone)
	}
	fmt.Fprintf(&b, "timeline from %s:\n", tl.Start().Format(time.RFC3339Nano))
	for i, ev := range tl.Events() {
		fmt.Fprintf(&b, "  #%d %s %s by %s\n", i, ev.At.Format(time.RFC3339Nano), ev.Kind, ev.Actor)
	}
	if tr != nil {
		b.WriteString("transitions:\n")
		for x := range tr.Transitions() {
			fmt.Fprintf(&b, "  %s %s -> %s at %s (%s)\n", x.Instance, x.From, x.To, x.At.Format(time.RFC3339Nano),
				x.Cause.Kind)
		}
		for br := range tr.Breaches() {
			fmt.Fprintf(&b, "  breach of %s at %s (%s)\n", br.Instance, br.At.Format(time.RFC3339Nano), br.Cause.Kind)
		}
	}
	return b.String()
}

// calInOrder fails t unless the transitions and breaches of tr lie between
// its start and end, in order.
func calInOrder(t *rapid.T, tr *scenario.Trace, where func() string) {
	last := tr.Start()
	for x := range tr.Transitions() {
		if x.At.Before(last) || x.At.After(tr.End()) {
			t.Fatalf("transition %s %s -> %s at %s out of order (after %s, trace %s to %s)\n%s", x.Instance, x.From,
				x.To, x.At, last, tr.Start(), tr.End(), where())
		}
		last = x.At
	}
	last = tr.Start()
	for b := range tr.Breaches() {
		if b.At.Before(last) || b.At.After(tr.End()) || b.Act.After(b.At) {
			t.Fatalf("breach of %s at %s (act %s) out of order (after %s, trace %s to %s)\n%s", b.Instance, b.At,
				b.Act, last, tr.Start(), tr.End(), where())
		}
		last = b.At
	}
}

// calLimit returns the instant of limit d counted from anchor in zone loc,
// computed on the calendar with time.Date: At, or anchor plus After, or the
// anchor's local date moved by Period's weeks and days at its local time,
// plus Period's exact duration; then moved to the local midnight starting
// its day or the next.
func calLimit(d agreement.Deadline, anchor time.Time, loc *time.Location) time.Time {
	t := anchor
	switch {
	case !d.At.IsZero():
		t = d.At
	case d.After != 0:
		t = anchor.Add(d.After)
	case !d.Period.IsZero():
		l := anchor.In(loc)
		y, m, day := l.Date()
		hh, mm, ss := l.Clock()
		t = time.Date(y, m, day+7*d.Period.Weeks+d.Period.Days, hh, mm, ss, l.Nanosecond(), loc).Add(d.Period.Exact)
	}
	y, m, day := t.In(loc).Date()
	switch d.Round {
	case agreement.RoundStartOfDay:
		t = time.Date(y, m, day, 0, 0, 0, 0, loc)
	case agreement.RoundEndOfDay:
		t = time.Date(y, m, day+1, 0, 0, 0, 0, loc)
	}
	return t
}

// calCheckLimits checks the instants of the deadlines and expiries of tr
// against calLimit, for a case of calDrawShiftCase (no suspension, and an
// agreement that once in force stays so: durations never pause). A limit
// counts from its anchor (the first event its From atom matches), else from
// the clause's entry into effect (a deadline) or its leaving Dormant (an
// expiry); a limit already passed when the clause can reach it is reached
// at once. So an instance Violated by its deadline is so at the latest of
// the deadline, its entry into effect and its anchor's event; one ended by
// its expiry, at the latest of the expiry, its leaving Dormant and its
// anchor's event; one Lapsed, at its deadline or later.
func calCheckLimits(t *rapid.T, a agreement.Agreement, tl scenario.Timeline, tr *scenario.Trace, n *calShiftCounts,
	where func() string) {
	left := map[scenario.Instance]time.Time{}    // left Dormant
	entered := map[scenario.Instance]time.Time{} // entered InEffect
	for x := range tr.Transitions() {
		if x.Instance.IsAgreement() {
			continue
		}
		if _, ok := left[x.Instance]; !ok && x.From == agreement.StateDormant {
			left[x.Instance] = x.At
		}
		if _, ok := entered[x.Instance]; !ok && x.To == agreement.StateInEffect {
			entered[x.Instance] = x.At
		}
		c, _ := a.Clause(x.Instance.Ref.Clause)
		zone := a.Zone
		if c.Zone != "" {
			zone = c.Zone
		}
		loc, _ := zone.Location()
		// due returns when limit d, counted from the instance's own instant
		// own, is reached; false when its anchor never matched.
		due := func(d agreement.Deadline, own time.Time) (time.Time, bool) {
			anchor := own
			if d.From != nil {
				var ok bool
				if anchor, ok = calFirst(d.From, tl); !ok {
					return time.Time{}, false
				}
			}
			return propLater(propLater(calLimit(d, anchor, loc), own), anchor), true
		}
		var want time.Time
		var ok bool
		switch {
		case x.Cause.Kind == scenario.CauseDeadline && x.To == agreement.StateViolated:
			want, ok = due(c.Deadline, entered[x.Instance])
		case x.Cause.Kind == scenario.CauseExpiry:
			want, ok = due(c.Expiry, left[x.Instance])
		case x.To == agreement.StateLapsed:
			if want, ok = due(c.Deadline, tr.Start()); ok && !x.At.Before(want) {
				n.limits++
				continue
			}
			t.Fatalf("%s lapsed at %s, before its deadline %s (due %s)\n%s", x.Instance, x.At, c.Deadline, want, where())
		default:
			continue
		}
		if !ok || !x.At.Equal(want) {
			t.Fatalf("%s %s -> %s at %s (%s), want at %s (found %t; deadline %s, expiry %s, zone %q)\n%s", x.Instance,
				x.From, x.To, x.At, x.Cause.Kind, want, ok, c.Deadline, c.Expiry, zone, where())
		}
		n.limits++
	}
}

// calFirst returns the instant of the first event of tl matching the
// Happened atom c (a kind, and an actor sometimes).
func calFirst(c agreement.Condition, tl scenario.Timeline) (time.Time, bool) {
	p := c.(*agreement.HappenedCondition).Pattern()
	for _, ev := range tl.Events() {
		if ev.Kind == p.Kind && (p.Actor == "" || ev.Actor == p.Actor) {
			return ev.At, true
		}
	}
	return time.Time{}, false
}

// calShiftCounts counts what the time-shift property compared.
type calShiftCounts struct {
	limits      int // instants of limits checked against calLimit
	transitions int
	byCause     map[scenario.CauseKind]int
	lapsed      int
	breaches    int
	accepted    int // replays near an end of the range compared
	rejected    int // shifts out of the range rejected
}

// calCompareShifted fails t unless shifted is base with every transition
// and breach moved by d (same instance, states, cause), and counts them.
func calCompareShifted(t *rapid.T, base, shifted *scenario.Trace, d calMove, n *calShiftCounts, where func() string) {
	xs, ys := slices.Collect(base.Transitions()), slices.Collect(shifted.Transitions())
	for i := range max(len(xs), len(ys)) {
		if i >= len(xs) || i >= len(ys) {
			t.Fatalf("shifted by %s: %d transitions, %d unshifted\n%s", d, len(ys), len(xs), where())
		}
		x, y := xs[i], ys[i]
		if x.Instance != y.Instance || x.From != y.From || x.To != y.To || x.Cause != y.Cause || !y.At.Equal(d.at(x.At)) {
			t.Fatalf("shifted by %s, transition %d is %s %s -> %s at %s (%s); unshifted %s %s -> %s at %s (%s)\n%s",
				d, i, y.Instance, y.From, y.To, y.At, y.Cause.Kind, x.Instance, x.From, x.To, x.At, x.Cause.Kind, where())
		}
		n.transitions++
		n.byCause[x.Cause.Kind]++
		if x.To == agreement.StateLapsed {
			n.lapsed++
		}
	}
	bs, cs := slices.Collect(base.Breaches()), slices.Collect(shifted.Breaches())
	if len(bs) != len(cs) {
		t.Fatalf("shifted by %s: %d breaches, %d unshifted\n%s", d, len(cs), len(bs), where())
	}
	for i, b := range bs {
		c := cs[i]
		if b.Instance != c.Instance || b.Cause != c.Cause || !c.At.Equal(d.at(b.At)) || !c.Act.Equal(d.at(b.Act)) {
			t.Fatalf("shifted by %s, breach %d is of %s at %s (act %s, %s); unshifted of %s at %s (act %s, %s)\n%s", d, i,
				c.Instance, c.At, c.Act, c.Cause.Kind, b.Instance, b.At, b.Act, b.Cause.Kind, where())
		}
		n.breaches++
	}
}

// Time shift: where local days are 24 hours long (UTC, fixed offsets,
// Asia/Tokyo) and limits are exact durations, days, weeks, instants and
// anchors (no months or years), moving every instant of an agreement and a
// timeline by a whole number of days (events, start, end, limits at
// instants, clock atoms, starts of recurrences, signature dates) moves
// every transition and every breach by exactly as much: same instance,
// states and cause. Half the time every zone also moves ahead by some
// half hours (to a fixed offset) and every instant back by as much, so
// that local clocks read as before: the transitions and breaches move back
// with the instants. Computing a local day in UTC, or in the wrong zone,
// breaks that, since the drawn instants sit at, and a nanosecond either
// side of, local midnights.
//
// Before the shift, the instant of every transition a deadline or an
// expiry sets off is checked against calLimit, which counts local days
// with time.Date: an off-by-one-day error in counting or rounding them
// breaks it.
//
// Shifts to near either end of agreement.InstantRange never wrap: the
// shifted case is rejected (the agreement by validation with
// agreement.ErrInvalidValue, the replay with scenario.ErrOutOfRange or a
// timeline problem wrapping agreement.ErrInvalidValue) exactly when one of
// its instants lies outside the range, and otherwise replays in order, as
// the unshifted one shifted (Asia/Tokyo, on local mean time before 1888,
// only in order near the first instant). Limits computed beyond the range
// are never reached, but one rounded back into it is.
func TestPropertyTimeShift(t *testing.T) {
	n := calShiftCounts{byCause: map[scenario.CauseKind]int{}}
	// Two cases a check, so that every run of 100 checks meets lapses,
	// breaches and both ends of the range.
	rapid.Check(t, func(t *rapid.T) {
		calShiftCase(t, &n)
		calShiftCase(t, &n)
	})
	// A -short run draws too few cases to require each kind of case.
	if t.Failed() || testing.Short() {
		return
	}
	calShiftReport(t, &n)
}

// calShiftCase draws one case of the time-shift property and checks it,
// counting what it compared in n.
func calShiftCase(t *rapid.T, n *calShiftCounts) {
	a, tl, end := calDrawShiftCase(t)
	if err := a.Validate(); err != nil {
		t.Fatalf("drawn agreement does not validate: %v\n%s", err, calDescribe(a, tl, nil))
	}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	base, err := e.Replay(tl, end)
	if err != nil {
		t.Fatalf("Replay: %v\n%s", err, calDescribe(a, tl, nil))
	}
	calInOrder(t, base, func() string { return calDescribe(a, tl, base) })
	calCheckLimits(t, a, tl, base, n, func() string { return calDescribe(a, tl, base) })

	first, last := agreement.InstantRange()
	var d calMove
	near := ""
	switch rapid.IntRange(0, 5).Draw(t, "shift-sort") {
	case 0: // the end near the last instant
		near = "last"
		d.days = int((last.Unix()-end.Unix())/86400) + rapid.IntRange(-3, 3).Draw(t, "shift-slack")
	case 1: // the start near the first instant
		near = "first"
		d.days = -int((tl.Start().Unix()-first.Unix())/86400) + rapid.IntRange(-3, 3).Draw(t, "shift-slack")
	default:
		d.days = rapid.IntRange(-3000, 3000).Draw(t, "shift-days")
	}
	if rapid.Bool().Draw(t, "shift-zones") {
		d.offset = time.Duration(rapid.IntRange(-20, 20).Draw(t, "shift-offset")) * 30 * time.Minute
		for _, z := range calZonesOf(a) {
			if o := calOffset(z) + d.offset; o < -14*time.Hour || o > 14*time.Hour {
				d.offset = 0
			}
		}
	}
	sa, stl := calShift(t, a, tl, d)
	send := d.at(end)
	where := func(tr *scenario.Trace) func() string {
		return func() string {
			return fmt.Sprintf("shifted by %s:\n%s\nunshifted:\n%s", d, calDescribe(sa, stl, tr),
				calDescribe(a, tl, base))
		}
	}
	outside := !agreement.InstantInRange(send)
	for _, at := range calInstants(sa, stl) {
		outside = outside || !agreement.InstantInRange(at)
	}
	se, err := scenario.Compile(sa)
	var shifted *scenario.Trace
	if err == nil {
		shifted, err = se.Replay(stl, send)
	}
	switch {
	case err != nil && !outside:
		t.Fatalf("shifted within the range, rejected: %v\n%s", err, where(nil)())
	case err == nil && outside:
		t.Fatalf("shifted outside the range, accepted\n%s", where(shifted)())
	case err != nil:
		if !errors.Is(err, agreement.ErrInvalidValue) && !errors.Is(err, scenario.ErrOutOfRange) {
			t.Fatalf("shifted outside the range, rejected with %v, want agreement.ErrInvalidValue or "+
				"scenario.ErrOutOfRange\n%s", err, where(nil)())
		}
		n.rejected++
		return
	}
	calInOrder(t, shifted, where(shifted))
	if near == "first" && slices.Contains(calZonesOf(sa), "Asia/Tokyo") {
		return // local mean time: local days are not moved by whole days
	}
	calCompareShifted(t, base, shifted, d, n, where(shifted))
	if near != "" {
		n.accepted++
	}
}

// calShiftReport logs what the time-shift property compared and fails t
// unless it compared some of each.
func calShiftReport(t *testing.T, n *calShiftCounts) {
	t.Logf("compared %d transitions (%v), %d lapses, %d breaches; near the ends of the range %d replays compared, "+
		"%d shifts rejected; %d limits checked", n.transitions, n.byCause, n.lapsed, n.breaches, n.accepted, n.rejected,
		n.limits)
	for _, k := range []scenario.CauseKind{scenario.CauseDeadline, scenario.CauseExpiry, scenario.CauseTimer,
		scenario.CauseSignature, scenario.CauseEvent} {
		if n.byCause[k] == 0 {
			t.Errorf("no transition caused by %s was compared", k)
		}
	}
	if n.lapsed == 0 || n.breaches == 0 || n.accepted == 0 || n.rejected == 0 || n.limits == 0 {
		t.Errorf("compared %d lapses and %d breaches, %d replays near the ends of the range, rejected %d shifts, "+
			"checked %d limits; want some of each", n.lapsed, n.breaches, n.accepted, n.rejected, n.limits)
	}
}

// calOffsetChange returns the instant the offset of loc changes in month m
// of year y (searched hour by hour, then to the second), and the offsets
// before and after it; false when it does not change that month.
func calOffsetChange(y int, m time.Month, loc *time.Location) (time.Time, int, int, bool) {
	offset := func(t time.Time) int { _, o := t.In(loc).Zone(); return o }
	from := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for t := from; t.Month() == m; t = t.Add(time.Hour) {
		if next := t.Add(time.Hour); offset(next) != offset(t) {
			lo, hi := t, next // offset(lo) != offset(hi)
			for hi.Sub(lo) > time.Second {
				mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
				if offset(mid) == offset(lo) {
					lo = mid
				} else {
					hi = mid
				}
			}
			return hi, offset(lo), offset(hi), true
		}
	}
	return time.Time{}, 0, 0, false
}

// calDone is the kind of the act clause id obliges.
func calDone(id agreement.ClauseID) agreement.EventKind {
	return agreement.EventKind("done-" + strings.ToLower(string(id)))
}

// calDSTCounts counts what the daylight saving property compared.
type calDSTCounts struct {
	limits    int // transitions at limits compared
	crossing  int // cases whose limit lies across the change
	differ    int // of which rounding the limit in hours lands on another day
	staying   int // cases whose limit lies on the same side of the change
	recurring int // breaches of a daily duty compared
}

// Across a change of daylight saving time (Europe/Kyiv, in March and
// October of a year from 2000 to 2035): an obligation due "by the end of
// the n-th local day after" an event (Deadline{From: Happened(event),
// Period: n days, Round: RoundEndOfDay}) is violated at the local
// midnight ending that day: the transition's instant reads 00:00:00 in the
// zone, on the n+1-th local date after the event's. The same limit without
// rounding falls at the event's local time n local days later; written as
// an exact duration (After: n*24h) it falls n*24 hours later, which differs
// by the change of offset exactly when the interval crosses the change,
// and rounded to the end of its local day it falls on another day when
// that hour moves it across midnight. A clause in UTC (its own Zone) ends
// its days at UTC midnight. A daily duty from the event (Every: 1 day) is
// due at the event's local time every local day, across the change. Acts
// a nanosecond before, at, or after a limit are in time before an
// exclusive (rounded) limit and at or before an inclusive one, late
// otherwise. The events fall at random local times around midnight and the
// change, so that computing a local day in UTC, or a local day as 24
// hours, moves some limit.
func TestPropertyLocalDaysAcrossDaylightSaving(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	var n calDSTCounts
	rapid.Check(t, func(t *rapid.T) {
		year := rapid.IntRange(2000, 2035).Draw(t, "year")
		month := rapid.SampledFrom([]time.Month{time.March, time.October}).Draw(t, "month")
		change, _, _, ok := calOffsetChange(year, month, kyiv)
		if !ok {
			t.Fatalf("Europe/Kyiv has no change of offset in %s %d", month, year)
		}
		days := rapid.IntRange(0, 8).Draw(t, "days")
		// The event: a local date from days+2 before the change to 2
		// after, at a local time near midnight, near the change, or any.
		cl := change.In(kyiv)
		date := rapid.IntRange(-days-2, 2).Draw(t, "event-date")
		var hh, mm int
		switch rapid.IntRange(0, 4).Draw(t, "event-clock") {
		case 0: // the hour the change moves across midnight
			hh = 0
			if month == time.March {
				hh = 23
			}
		case 1:
			hh = rapid.SampledFrom([]int{0, 23}).Draw(t, "event-hour")
		case 2:
			hh = rapid.IntRange(2, 4).Draw(t, "event-hour")
		default:
			hh = rapid.IntRange(0, 23).Draw(t, "event-hour")
		}
		mm = rapid.SampledFrom([]int{0, 1, 30, 59}).Draw(t, "event-minute")
		anchor := time.Date(cl.Year(), cl.Month(), cl.Day()+date, hh, mm, 0, 0, kyiv)
		al := anchor.In(kyiv)
		y, m, d := al.Date()

		// The limits, computed on the calendar.
		wantR := time.Date(y, m, d+days+1, 0, 0, 0, 0, kyiv)
		wantP := time.Date(y, m, d+days, al.Hour(), al.Minute(), al.Second(), 0, kyiv)
		wantH := anchor.Add(time.Duration(days) * calDay)
		hl := wantH.In(kyiv)
		wantHR := time.Date(hl.Year(), hl.Month(), hl.Day()+1, 0, 0, 0, 0, kyiv)
		au := anchor.UTC()
		wantU := time.Date(au.Year(), au.Month(), au.Day()+days+1, 0, 0, 0, 0, time.UTC)
		if c := wantR.In(kyiv); c.Hour() != 0 || c.Minute() != 0 || c.Second() != 0 {
			t.Fatalf("the end of a local day, %s, is not at midnight", c)
		}
		offset := func(t time.Time) time.Duration { _, o := t.In(kyiv).Zone(); return time.Duration(o) * time.Second }
		crossing := offset(anchor) != offset(wantP)

		ev := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
		obligation := func(id agreement.ClauseID, d agreement.Deadline, zone agreement.Zone) agreement.Clause {
			d.From = agreement.Happened(ev)
			return agreement.Clause{ID: id, Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action: &agreement.Pattern{Kind: calDone(id)}, Deadline: d, Zone: zone}
		}
		// The zone is the agreement's, or the clauses' own.
		agreementZone, clauseZone := agreement.Zone("Europe/Kyiv"), agreement.Zone("")
		if rapid.Bool().Draw(t, "clause-zones") {
			agreementZone, clauseZone = "", "Europe/Kyiv"
		}
		period := agreement.Period{Days: days}
		if days == 0 {
			period = agreement.Period{Exact: 0}
		}
		limits := []struct {
			id        agreement.ClauseID
			d         agreement.Deadline
			zone      agreement.Zone
			want      time.Time
			exclusive bool
		}{
			{"R", agreement.Deadline{Period: period, Round: agreement.RoundEndOfDay}, clauseZone, wantR, true},
			{"P", agreement.Deadline{Period: period}, clauseZone, wantP, false},
			{"H", agreement.Deadline{After: time.Duration(days) * calDay}, clauseZone, wantH, false},
			{"HR", agreement.Deadline{After: time.Duration(days) * calDay, Round: agreement.RoundEndOfDay}, clauseZone,
				wantHR, true},
			{"U", agreement.Deadline{Period: period, Round: agreement.RoundEndOfDay}, "UTC", wantU, true},
		}
		a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Zone: agreementZone,
			Parties: parties("RU", "UA")}
		start := time.Date(y, m, d-1, 12, 0, 0, 0, kyiv)
		evs := []agreement.Event{{At: anchor, Kind: ev.Kind}}
		acts := map[agreement.ClauseID]time.Duration{}
		for _, l := range limits {
			a.Clauses = append(a.Clauses, obligation(l.id, l.d, l.zone))
			// An act a nanosecond before, at or after the limit, or none.
			if k := rapid.IntRange(-1, 2).Draw(t, "act-"+string(l.id)); k < 2 {
				acts[l.id] = time.Duration(k)
				if at := l.want.Add(time.Duration(k)); !at.Before(anchor) {
					evs = append(evs, agreement.Event{At: at, Kind: calDone(l.id), Actor: "RU"})
				} else {
					delete(acts, l.id)
				}
			}
		}
		// A daily duty from the event, due when the next day's starts.
		a.Clauses = append(a.Clauses, agreement.Clause{ID: "D", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"RU"}, Action: &agreement.Pattern{Kind: "report-filed"}, Zone: clauseZone,
			Recurs: agreement.Recurrence{Every: agreement.Period{Days: 1}, Start: anchor}})
		end := time.Date(y, m, d+days+4, 0, 0, 0, 0, kyiv)
		e, err := scenario.Compile(a)
		if err != nil {
			t.Fatalf("Compile: %v", err)
		}
		tl := scenario.NewTimeline(start, evs...)
		tr, err := e.Replay(tl, end)
		if err != nil {
			t.Fatalf("Replay: %v", err)
		}
		where := func() string {
			return fmt.Sprintf("change at %s (%s), event at %s, %d days\n%s", change, change.In(kyiv), al, days,
				calDescribe(a, tl, tr))
		}
		for _, l := range limits {
			i := scenario.Instance{Ref: agreement.QualifiedRef("A", l.id)}
			var got []scenario.Transition
			for x := range tr.Transitions() {
				if x.Instance == i && x.From == agreement.StateInEffect {
					got = append(got, x)
				}
			}
			// The outcome: in time (fulfilled at the act) or late (violated
			// at the limit).
			k, acted := acts[l.id]
			inTime := acted && (k < 0 || k == 0 && !l.exclusive)
			want := scenario.Transition{Instance: i, From: agreement.StateInEffect, To: agreement.StateViolated,
				At: l.want}
			if inTime {
				want.To, want.At = agreement.StateFulfilled, l.want.Add(k)
			}
			if len(got) != 1 || got[0].To != want.To || !got[0].At.Equal(want.At) ||
				want.To == agreement.StateViolated && got[0].Cause.Kind != scenario.CauseDeadline {
				t.Fatalf("%s (%s, zone %q): %v, want %s at %s (%s local)\n%s", l.id, l.d, l.zone, got, want.To,
					want.At, want.At.In(kyiv), where())
			}
			if l.exclusive && l.zone != "UTC" && !inTime {
				if c := got[0].At.In(kyiv); c.Hour() != 0 || c.Minute() != 0 || c.Second() != 0 || c.Nanosecond() != 0 {
					t.Fatalf("%s violated at %s, not at local midnight\n%s", l.id, c, where())
				}
			}
			n.limits++
		}
		// Whole local days and 24-hour days part, by the change of offset,
		// exactly when the interval crosses the change (where the event's
		// local time exists on the day reached, unambiguously).
		if pl := wantP.In(kyiv); pl.Hour() == al.Hour() && pl.Minute() == al.Minute() {
			if got := wantH.Sub(wantP); got != offset(wantP)-offset(anchor) {
				t.Fatalf("%d local days after %s is %s and %d*24h after it %s: %s apart, want %s\n%s", days, al, pl,
					days, wantH.In(kyiv), got, offset(wantP)-offset(anchor), where())
			}
		} else if !crossing {
			t.Fatalf("%d local days after %s is %s, at another local time, on one side of the change\n%s", days, al,
				pl, where())
		}
		if crossing {
			n.crossing++
			if !wantHR.Equal(wantR) {
				n.differ++
			}
		} else {
			n.staying++
			if !wantHR.Equal(wantR) {
				t.Fatalf("on one side of the change, the end of the local day %d days after %s is %s, and %d*24h "+
					"after it %s\n%s", days, al, wantR.In(kyiv), days, wantHR.In(kyiv), where())
			}
		}
		// The daily duty: one breach at the event's local time on every
		// local day after it, up to the end.
		var breaches []time.Time
		for b := range tr.Breaches() {
			if b.Instance.Ref.Clause == "D" {
				breaches = append(breaches, b.At)
			}
		}
		var wantD []time.Time
		for k := 1; ; k++ {
			due := time.Date(y, m, d+k, al.Hour(), al.Minute(), al.Second(), 0, kyiv)
			if due.After(end) {
				break
			}
			wantD = append(wantD, due)
		}
		if !slices.EqualFunc(breaches, wantD, time.Time.Equal) {
			t.Fatalf("daily duty from %s: breaches %v, want %v\n%s", al, breaches, wantD, where())
		}
		n.recurring += len(breaches)
	})
	// A -short run draws too few cases to require each kind of case.
	if t.Failed() || testing.Short() {
		return
	}
	t.Logf("compared %d limits and %d breaches of a daily duty; %d cases across the change (%d of them on "+
		"another day when rounded from hours), %d on one side", n.limits, n.recurring, n.crossing, n.differ, n.staying)
	if n.crossing == 0 || n.differ == 0 || n.staying == 0 || n.recurring == 0 {
		t.Errorf("want cases across the change, some of them on another day when rounded from hours, cases on one "+
			"side, and breaches of the daily duty: got %+v", n)
	}
}
