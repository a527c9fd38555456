package scenario_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// A handover due within 30 days of the entry into effect, at 12:00 on 1
// March (Kyiv time), so by 12:00 on 31 March. On the due day, at 09:00, an
// amendment extends it to 40 days; the handover on 9 April is then in time.
// Each transition names the version of the text that decided it.
func ExampleTimeline_WithAmendments() {
	a := agreement.Agreement{ID: "handover", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: []agreement.Party{{ID: "X"}, {ID: "Y"}},
		Clauses: []agreement.Clause{{ID: "HO", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
			Text:     "X hands the area over within 30 days",
			Action:   &agreement.Pattern{Kind: "area-handed-over"},
			Deadline: agreement.Deadline{Period: agreement.Period{Days: 30}}}}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	extended := a.Clone()
	extended.Clauses[0].Text = "X hands the area over within 40 days"
	extended.Clauses[0].Deadline.Period = agreement.Period{Days: 40}
	tl := scenario.NewTimeline(exampleLocal(time.March, 1, 12, 0),
		agreement.Event{At: exampleLocal(time.April, 9, 9, 0), Kind: "area-handed-over", Actor: "X"},
	).WithAmendments(agreement.Amendment{At: exampleLocal(time.March, 31, 9, 0), Label: "extension of 31 March",
		Text: extended})
	tr, err := e.Replay(tl, exampleLocal(time.April, 30, 0, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range tr.Versions() {
		fmt.Printf("version %d from %s %q\n", v.Index, v.At.In(tr.Location()).Format(time.RFC3339), v.Label)
		for _, c := range v.Changes {
			fmt.Println("  ", c)
		}
	}
	for x := range tr.Transitions() {
		fmt.Printf("%s %s: %s -> %s (%s, version %d)\n", x.At.In(tr.Location()).Format(time.RFC3339), x.Instance,
			x.From, x.To, x.Cause.Kind, x.Version)
	}
	// Output:
	// version 0 from 2026-03-01T12:00:00+02:00 ""
	// version 1 from 2026-03-31T09:00:00+03:00 "extension of 31 March"
	//    clause "HO": text changed from "X hands the area over within 30 days" to "X hands the area over within 40 days"
	//    clause "HO": deadline changed from after 30d to after 40d
	// 2026-03-01T12:00:00+02:00 handover/: signed -> in-force (start, version 0)
	// 2026-03-01T12:00:00+02:00 handover/HO: dormant -> in-effect (start, version 0)
	// 2026-04-09T09:00:00+03:00 handover/HO: in-effect -> fulfilled (event, version 1)
}

// A peacekeeping arrangement for five years, renewed for five more unless
// a party gives notice six months before the end. It enters into force on
// 14 May 2026 (Kyiv time); a notice given on 14 October 2035, seven months
// before the second end, ends it on 14 May 2036, and its commitments with
// it.
func ExampleTrace_Renewals() {
	a := agreement.Agreement{ID: "pk", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: []agreement.Party{{ID: "GE"}, {ID: "AB"}, {ID: "RU"}},
		Term: agreement.Term{Period: agreement.Period{Years: 5}, Renewal: agreement.Period{Years: 5},
			Notice: agreement.Period{Months: 6}},
		Clauses: []agreement.Clause{{ID: "PKF", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Text:   "the peacekeeping force is deployed in the security zone",
			Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed}}}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	kyiv, _ := a.Zone.Location()
	fmt.Println("term:", a.Term)
	secondEnd := time.Date(2036, time.May, 14, 0, 0, 0, 0, kyiv)
	fmt.Println("notice for the second end by:", a.Term.NoticeBy(secondEnd, kyiv).Format(time.RFC3339))
	tr, err := e.Replay(scenario.NewTimeline(time.Date(2026, time.May, 14, 0, 0, 0, 0, kyiv),
		agreement.Event{At: time.Date(2035, time.October, 14, 10, 0, 0, 0, kyiv), Kind: agreement.EventKindNotice,
			Actor: "AB"},
	), time.Date(2037, time.January, 1, 0, 0, 0, 0, kyiv))
	if err != nil {
		fmt.Println(err)
		return
	}
	for r := range tr.Renewals() {
		s := "expired"
		if !r.Until.IsZero() {
			s = "renewed until " + r.Until.In(kyiv).Format(time.RFC3339)
		}
		if i, ok := r.Cause.Event(); ok {
			ev, _ := tr.Event(i)
			s += " (" + ev.String() + ")"
		}
		fmt.Println(r.At.In(kyiv).Format(time.RFC3339), r.Of, s)
	}
	examplePrint(tr)
	// Output:
	// term: 5y, renewed for 5y unless notice 6mo before the end
	// notice for the second end by: 2035-11-14T00:00:00+02:00
	// 2031-05-14T00:00:00+03:00 pk/ renewed until 2036-05-14T00:00:00+03:00
	// 2036-05-14T00:00:00+03:00 pk/ expired (notice by AB)
	// 2026-05-14T00:00:00+03:00 pk/: signed -> in-force (start)
	// 2026-05-14T00:00:00+03:00 pk/PKF: dormant -> in-effect (start)
	// 2036-05-14T00:00:00+03:00 pk/: in-force -> terminated (term)
	// 2036-05-14T00:00:00+03:00 pk/PKF: in-effect -> terminated (agreement)
}

// A four-day suspension of one party's participation: the mission's power,
// aimed at the agreement with X as its target debtor, suspends X's
// commitments; its paired resume power restores them. Y's run on. X's
// shelling while suspended is excused: acts during a suspension are
// neither fulfilments nor breaches (agreement.SuspensionExcuses, the
// default).
func Example_suspendedParticipation() {
	shelling := agreement.Pattern{Kind: "shelling"}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Zone: "Europe/Kyiv",
		Parties: []agreement.Party{{ID: "X"}, {ID: "Y"}, {ID: "M"}},
		Clauses: []agreement.Clause{
			{ID: "NS", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"X", "Y"},
				Text: "no shelling", Action: &shelling},
			{ID: "SUS", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"M"},
				Targets: []agreement.Ref{agreement.AgreementRef("A")}, TargetDebtor: "X", ResumedBy: "RES"},
			{ID: "RES", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"M"}},
		}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	exercise := func(power agreement.ClauseID, day int) agreement.Event {
		return agreement.Event{At: exampleLocal(time.June, day, 12, 0), Kind: agreement.EventKindPowerExercised,
			Actor: "M", Clause: agreement.LocalRef(power)}
	}
	tr, err := e.Replay(scenario.NewTimeline(exampleLocal(time.June, 1, 0, 0),
		exercise("SUS", 2),
		agreement.Event{At: exampleLocal(time.June, 4, 15, 0), Kind: "shelling", Actor: "X"},
		exercise("RES", 6),
	), exampleLocal(time.June, 10, 0, 0))
	if err != nil {
		fmt.Println(err)
		return
	}
	examplePrint(tr)
	nsX, _ := e.Instance(agreement.LocalRef("NS"), "X")
	s, since, _ := tr.StateSince(nsX, exampleLocal(time.June, 4, 0, 0))
	fmt.Println("X's share on 4 June:", s, "since", since.In(tr.Location()).Format(time.RFC3339))
	// Output:
	// 2026-06-01T00:00:00+03:00 A/: signed -> in-force (start)
	// 2026-06-01T00:00:00+03:00 A/NS[X]: dormant -> in-effect (start)
	// 2026-06-01T00:00:00+03:00 A/NS[Y]: dormant -> in-effect (start)
	// 2026-06-01T00:00:00+03:00 A/SUS: dormant -> in-effect (start)
	// 2026-06-01T00:00:00+03:00 A/RES: dormant -> in-effect (start)
	// 2026-06-02T12:00:00+03:00 A/SUS: in-effect -> fulfilled (event)
	// 2026-06-02T12:00:00+03:00 A/NS[X]: in-effect -> suspended (power)
	// 2026-06-06T12:00:00+03:00 A/RES: in-effect -> fulfilled (event)
	// 2026-06-06T12:00:00+03:00 A/NS[X]: suspended -> in-effect (power)
	// X's share on 4 June: suspended since 2026-06-02T12:00:00+03:00
}
