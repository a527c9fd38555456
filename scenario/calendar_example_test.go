package scenario_test

import (
	"fmt"
	"slices"
	"time"
	_ "time/tzdata" // Europe/Kyiv on machines without a zone database

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// exampleKyiv is the zone of the calendar examples.
var exampleKyiv, _ = time.LoadLocation("Europe/Kyiv")

// exampleLocal returns an instant on the calendar of Kyiv.
func exampleLocal(month time.Month, day, hh, mm int) time.Time {
	return time.Date(2026, month, day, hh, mm, 0, 0, exampleKyiv)
}

// examplePrint prints the transitions and breaches of tr in order of their
// instants (transitions first within one), at local times.
func examplePrint(tr *scenario.Trace) {
	type line struct {
		at   time.Time
		text string
	}
	var lines []line
	for x := range tr.Transitions() {
		lines = append(lines, line{x.At, fmt.Sprintf("%s: %s -> %s (%s)", x.Instance, x.From, x.To, x.Cause.Kind)})
	}
	for b := range tr.Breaches() {
		lines = append(lines, line{b.At, fmt.Sprintf("%s: breach (%s)", b.Instance, b.Cause.Kind)})
	}
	slices.SortStableFunc(lines, func(a, b line) int { return a.at.Compare(b.at) })
	for _, l := range lines {
		fmt.Println(l.at.In(tr.Location()).Format(time.RFC3339), l.text)
	}
}

// "No later than the third day after" the start of a ceasefire: a period of
// local days counted from the event, rounded to the end of the day reached.
// The ceasefire starts at 22:30 on 2 March, Kyiv time; the third day after
// it is 5 March, so the withdrawal is late from 00:00 on 6 March, local
// time (22:00 UTC on 5 March).
func Example_nthDayAfter() {
	ceasefire := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	a := agreement.Agreement{ID: "minsk", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: []agreement.Party{{ID: "RU"}, {ID: "UA"}},
		Clauses: []agreement.Clause{{ID: "W", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Text:    "the withdrawal is completed no later than the third day after the start of the ceasefire",
			Action:  &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
			Trigger: agreement.Happened(ceasefire),
			Deadline: agreement.Deadline{From: agreement.Happened(ceasefire), Period: agreement.Period{Days: 3},
				Round: agreement.RoundEndOfDay}}}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("deadline:", a.Clauses[0].Deadline)
	start := exampleLocal(time.March, 1, 0, 0)
	cf := agreement.Event{At: exampleLocal(time.March, 2, 22, 30), Kind: agreement.EventKindCeasefireInForce}
	tr, err := e.Replay(scenario.NewTimeline(start, cf), exampleLocal(time.March, 10, 0, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	examplePrint(tr)

	// A withdrawal at 23:59 on 5 March is in time.
	done := agreement.Event{At: exampleLocal(time.March, 5, 23, 59), Kind: agreement.EventKindWithdrawalCompleted,
		Actor: "RU"}
	tr, _ = e.Replay(scenario.NewTimeline(start, cf, done), exampleLocal(time.March, 10, 0, 0))
	w, _ := e.Instance(agreement.LocalRef("W"), "")
	s, _ := tr.State(w, exampleLocal(time.March, 10, 0, 0))
	fmt.Println("withdrawn at 23:59 on 5 March:", s)
	// Output:
	// deadline: after 3d from happened(ceasefire-in-force) end-of-day
	// 2026-03-01T00:00:00+02:00 minsk/: signed -> in-force (start)
	// 2026-03-02T22:30:00+02:00 minsk/W: dormant -> in-effect (event)
	// 2026-03-06T00:00:00+02:00 minsk/W: in-effect -> violated (deadline)
	// withdrawn at 23:59 on 5 March: fulfilled
}

// A recurring duty: a report every week from Monday 2 March, each due by
// the end of the day after the week starts. The report of the second week
// is missing: one breach, at 00:00 on 11 March; the duty stays in effect,
// and at its expiry it is violated, since it was breached.
func ExampleEngine_Replay_recurring() {
	report := agreement.Pattern{Kind: "report-filed"}
	a := agreement.Agreement{ID: "monitoring", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: []agreement.Party{{ID: "OSCE"}},
		Clauses: []agreement.Clause{{ID: "R", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"OSCE"},
			Text:    "the mission reports weekly, by the end of the day after each week starts",
			Action:  &report,
			Recurs: agreement.Recurrence{Every: agreement.Period{Weeks: 1}, Start: exampleLocal(time.March, 2, 0, 0),
				Within: agreement.Period{Days: 1}, Round: agreement.RoundEndOfDay},
			Expiry: agreement.Deadline{At: exampleLocal(time.March, 28, 0, 0)}}}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("recurs:", a.Clauses[0].Recurs)
	filed := func(day, hh int) agreement.Event {
		return agreement.Event{At: exampleLocal(time.March, day, hh, 0), Kind: report.Kind, Actor: "OSCE"}
	}
	tr, err := e.Replay(scenario.NewTimeline(exampleLocal(time.March, 1, 0, 0),
		filed(3, 15), filed(17, 10), filed(24, 9)), exampleLocal(time.March, 31, 0, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	examplePrint(tr)
	// Output:
	// recurs: every 1w from 2026-03-02T00:00:00+02:00 within 1d end-of-day
	// 2026-03-01T00:00:00+02:00 monitoring/: signed -> in-force (start)
	// 2026-03-01T00:00:00+02:00 monitoring/R: dormant -> in-effect (start)
	// 2026-03-11T00:00:00+02:00 monitoring/R: breach (deadline)
	// 2026-03-28T00:00:00+02:00 monitoring/R: in-effect -> violated (expiry)
}

// A deadline binding regardless of activation: heavy weapons are withdrawn
// once the ceasefire holds, by 15 March (Deadline.Unconditional). If the
// ceasefire never takes effect, the commitment lapses on 15 March; if it
// takes effect on 10 March and nothing is withdrawn, it is violated then.
func Example_lapse() {
	ceasefire := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	a := agreement.Agreement{ID: "weapons", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: []agreement.Party{{ID: "RU"}, {ID: "UA"}},
		Clauses: []agreement.Clause{{ID: "H", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Text:     "once the ceasefire holds, heavy weapons are withdrawn by 15 March",
			Action:   &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
			Trigger:  agreement.Happened(ceasefire),
			Deadline: agreement.Deadline{At: exampleLocal(time.March, 15, 0, 0), Unconditional: true}}}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	start, end := exampleLocal(time.March, 1, 0, 0), exampleLocal(time.March, 20, 0, 0)
	fmt.Println("no ceasefire:")
	tr, _ := e.Replay(scenario.NewTimeline(start), end)
	examplePrint(tr)
	fmt.Println("a ceasefire on 10 March:")
	tr, _ = e.Replay(scenario.NewTimeline(start,
		agreement.Event{At: exampleLocal(time.March, 10, 6, 0), Kind: ceasefire.Kind}), end)
	examplePrint(tr)
	// Output:
	// no ceasefire:
	// 2026-03-01T00:00:00+02:00 weapons/: signed -> in-force (start)
	// 2026-03-15T00:00:00+02:00 weapons/H: dormant -> lapsed (deadline)
	// a ceasefire on 10 March:
	// 2026-03-01T00:00:00+02:00 weapons/: signed -> in-force (start)
	// 2026-03-10T06:00:00+02:00 weapons/H: dormant -> in-effect (event)
	// 2026-03-15T00:00:00+02:00 weapons/H: in-effect -> violated (deadline)
}

// Provisional application: an agreement needs the signatures of UA and RU.
// UA applies its prisoner exchange provisionally once it has signed, while
// the agreement is still a draft; RU's obligation waits for the entry into
// force, when RU signs too. Entry into force continues the provisional
// clause with no transition.
func Example_provisionalApplication() {
	a := agreement.Agreement{ID: "accord", Zone: "Europe/Kyiv", Signatories: []agreement.PartyID{"UA", "RU"},
		Parties: []agreement.Party{{ID: "RU"}, {ID: "UA"}},
		Clauses: []agreement.Clause{
			{ID: "X", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"}, Provisional: true,
				Text:   "UA releases the prisoners it holds",
				Action: &agreement.Pattern{Kind: "prisoners-released"}},
			{ID: "Y", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Text:   "RU releases the prisoners it holds",
				Action: &agreement.Pattern{Kind: "prisoners-released"}},
		}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	tr, err := e.Replay(scenario.NewTimeline(exampleLocal(time.March, 1, 0, 0),
		agreement.Event{At: exampleLocal(time.March, 2, 12, 0), Kind: agreement.EventKindSigning, Actor: "UA"},
		agreement.Event{At: exampleLocal(time.March, 9, 12, 0), Kind: agreement.EventKindSigning, Actor: "RU"},
	), exampleLocal(time.March, 20, 0, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	examplePrint(tr)
	// Output:
	// 2026-03-02T12:00:00+02:00 accord/X: dormant -> in-effect (event)
	// 2026-03-09T12:00:00+02:00 accord/: draft -> signed (event)
	// 2026-03-09T12:00:00+02:00 accord/: signed -> in-force (event)
	// 2026-03-09T12:00:00+02:00 accord/Y: dormant -> in-effect (agreement)
}

// Entry into force on the thirtieth day after the last of two
// ratifications: InForceAt counts 30 local days from the instant both have
// happened (agreement.All of the two), and starts the day reached. UA
// ratifies on 10 March, RU on 2 April; the agreement, signed from the
// start, enters into force at 00:00 on 2 May, Kyiv time (summer time by
// then).
func Example_inForceAfterRatifications() {
	ratified := func(p agreement.PartyID) agreement.Condition {
		return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: p})
	}
	a := agreement.Agreement{ID: "treaty", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: []agreement.Party{{ID: "RU"}, {ID: "UA"}},
		InForceAt: agreement.Deadline{From: agreement.All(ratified("UA"), ratified("RU")),
			Period: agreement.Period{Days: 30}, Round: agreement.RoundStartOfDay}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("in force:", a.InForceAt)
	ratify := func(p agreement.PartyID, m time.Month, day int) agreement.Event {
		return agreement.Event{At: exampleLocal(m, day, 15, 0), Kind: agreement.EventKindRatification, Actor: p}
	}
	tr, err := e.Replay(scenario.NewTimeline(exampleLocal(time.March, 1, 0, 0),
		ratify("UA", time.March, 10), ratify("RU", time.April, 2)), exampleLocal(time.June, 1, 0, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	examplePrint(tr)
	// Output:
	// in force: after 30d from all(happened(ratification actor=UA), happened(ratification actor=RU)) start-of-day
	// 2026-05-02T00:00:00+03:00 treaty/: signed -> in-force (timer)
}
