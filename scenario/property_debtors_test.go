package scenario_test

// Properties of clauses read per debtor and of standing clauses. Like the
// other properties, they run rapid's default 100 checks locally; CI runs
// them with -rapid.checks=1000.

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// pdebPlan is a drawn agreement built over two party ids: build(a, b) and
// build(b, a) are the same agreement with the two ids swapped throughout.
type pdebPlan struct {
	kind     agreement.Deontic
	actorDeb bool // the action names agreement.Debtor as actor
	trigger  int  // 0 none, 1 happened by $debtor, 2 happened by a party, 3 since by $debtor
	trigP    int  // the party of trigger 2
	viol     bool // an obligation's violation: an attack on $debtor
	standing bool
	deadline time.Duration
	expiry   time.Duration
	power    bool // a discharge power limited to one party's share
	powerP   int
	repair   bool // a reparation owed by one party for its own violation
	repairP  int
}

var pdebKinds = []agreement.EventKind{"heavy-weapons-moved", "ceasefire-declared", agreement.EventKindArmedAttack}

func pdebDraw(t *rapid.T) pdebPlan {
	pl := pdebPlan{
		kind:     rapid.SampledFrom([]agreement.Deontic{agreement.DeonticObligation, agreement.DeonticProhibition}).Draw(t, "kind"),
		actorDeb: rapid.Bool().Draw(t, "actor-debtor"),
		trigger:  rapid.IntRange(0, 3).Draw(t, "trigger"),
		trigP:    rapid.IntRange(0, 1).Draw(t, "trigger-party"),
		viol:     rapid.Bool().Draw(t, "violation"),
		power:    rapid.Bool().Draw(t, "power"),
		powerP:   rapid.IntRange(0, 1).Draw(t, "power-party"),
		repair:   rapid.Bool().Draw(t, "repair"),
		repairP:  rapid.IntRange(0, 1).Draw(t, "repair-party"),
	}
	pl.standing = pl.kind == agreement.DeonticProhibition && rapid.Bool().Draw(t, "standing")
	if pl.kind == agreement.DeonticObligation && rapid.Bool().Draw(t, "has-deadline") {
		pl.deadline = time.Duration(rapid.IntRange(1, 6).Draw(t, "deadline")) * time.Hour
	}
	if rapid.Bool().Draw(t, "has-expiry") {
		pl.expiry = time.Duration(rapid.IntRange(1, 8).Draw(t, "expiry")) * time.Hour
	}
	return pl
}

// build returns the agreement of plan pl over the parties ps (two ids) and
// a third, the monitor.
func (pl pdebPlan) build(ps [2]agreement.PartyID) agreement.Agreement {
	x := agreement.Clause{ID: "X", Kind: pl.kind, Debtors: []agreement.PartyID{ps[0], ps[1]},
		Action: &agreement.Pattern{Kind: pdebKinds[0]}, Standing: pl.standing,
		Deadline: agreement.Deadline{After: pl.deadline}, Expiry: agreement.Deadline{After: pl.expiry}}
	if pl.actorDeb {
		x.Action.Actor = agreement.Debtor
	}
	switch pl.trigger {
	case 1:
		x.Trigger = agreement.Happened(agreement.Pattern{Kind: pdebKinds[1], Actor: agreement.Debtor})
	case 2:
		x.Trigger = agreement.Happened(agreement.Pattern{Kind: pdebKinds[1], Actor: ps[pl.trigP]})
	case 3:
		x.Trigger = agreement.Since(agreement.Pattern{Kind: pdebKinds[1], Actor: agreement.Debtor}, time.Hour)
	}
	if pl.viol && pl.kind == agreement.DeonticObligation {
		x.Violation = agreement.Happened(agreement.Pattern{Kind: pdebKinds[2], Target: agreement.Debtor})
	}
	a := agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: ps[0]}, {ID: ps[1]}, {ID: "OSCE"}}, Clauses: []agreement.Clause{x}}
	if pl.power {
		a.Clauses = append(a.Clauses, agreement.Clause{ID: "P", Kind: agreement.DeonticPower,
			Debtors: []agreement.PartyID{"OSCE"}, Effect: agreement.EffectDischarge,
			Targets: []agreement.Ref{agreement.LocalRef("X")}, TargetDebtor: ps[pl.powerP]})
	}
	if pl.repair {
		a.Clauses = append(a.Clauses, agreement.Clause{ID: "R", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{ps[pl.repairP]}, Action: &agreement.Pattern{Kind: "reparation-paid"},
			Trigger: agreement.ClauseInFor(agreement.LocalRef("X"), agreement.Debtor, agreement.StateViolated)})
	}
	return a
}

// pdebSwap returns ev with the two parties' ids swapped.
func pdebSwap(ev agreement.Event, ps [2]agreement.PartyID) agreement.Event {
	for _, f := range []*agreement.PartyID{&ev.Actor, &ev.Target, &ev.Reporter} {
		switch *f {
		case ps[0]:
			*f = ps[1]
		case ps[1]:
			*f = ps[0]
		}
	}
	return ev
}

// pdebTrace returns the transitions of instance i, in order.
func pdebTrace(tr *scenario.Trace, i scenario.Instance) []string {
	var out []string
	for x := range tr.Transitions() {
		if x.Instance == i {
			out = append(out, fmt.Sprintf("%s->%s at %s", x.From, x.To, refStamp(x.At)))
		}
	}
	return out
}

func TestPropertySwappingDebtorsSwapsTraces(t *testing.T) {
	ps := [2]agreement.PartyID{"UA", "RU"}
	swapped := [2]agreement.PartyID{ps[1], ps[0]}
	checks, differing := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		pl := pdebDraw(t)
		a, b := pl.build(ps), pl.build(swapped)
		if err := a.Validate(); err != nil {
			t.Fatalf("drawn agreement is invalid: %v", err)
		}
		start := refHour(0)
		var evs, sw []agreement.Event
		for range rapid.IntRange(1, 12).Draw(t, "events") {
			ev := agreement.Event{At: refHour(rapid.IntRange(0, 10).Draw(t, "hour")),
				Kind:   rapid.SampledFrom(append(slices.Clone(pdebKinds), agreement.EventKindPowerExercised)).Draw(t, "kind"),
				Actor:  rapid.SampledFrom([]agreement.PartyID{ps[0], ps[1], "OSCE"}).Draw(t, "actor"),
				Target: rapid.SampledFrom([]agreement.PartyID{"", ps[0], ps[1]}).Draw(t, "target")}
			if ev.Kind == agreement.EventKindPowerExercised {
				ev.Actor, ev.Clause = "OSCE", agreement.LocalRef("P")
				if !pl.power {
					ev.Clause = agreement.LocalRef("X")
				}
			}
			evs = append(evs, ev)
		}
		slices.SortStableFunc(evs, func(x, y agreement.Event) int { return x.At.Compare(y.At) })
		for _, ev := range evs {
			sw = append(sw, pdebSwap(ev, ps))
		}
		end := refHour(24)
		replay := func(a agreement.Agreement, evs []agreement.Event) *scenario.Trace {
			e, err := scenario.Compile(a)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := e.Replay(scenario.NewTimeline(start, evs...), end)
			if err != nil {
				t.Fatal(err)
			}
			return tr
		}
		tr, trSw := replay(a, evs), replay(b, sw)
		x := agreement.QualifiedRef("a1", "X")
		checks++
		for k, d := range ps {
			got := pdebTrace(trSw, scenario.Instance{Ref: x, Debtor: ps[1-k]})
			want := pdebTrace(tr, scenario.Instance{Ref: x, Debtor: d})
			if !slices.Equal(got, want) {
				t.Fatalf("X[%s] with the ids swapped: %v, want X[%s]'s %v\nevents: %s", ps[1-k], got, d, want,
					refDescribeEvents(evs))
			}
		}
		if !slices.Equal(pdebTrace(tr, scenario.Instance{Ref: x, Debtor: ps[0]}),
			pdebTrace(tr, scenario.Instance{Ref: x, Debtor: ps[1]})) {
			differing++
		}
	})
	// On symmetric timelines the property holds whatever the engine does
	// with ids: most cases must tell the two debtors apart. A -short run
	// draws too few cases for the share to be reliable; full runs (and
	// CI's 1,000 checks) require it.
	if checks > 0 && differing*10 < checks*3 && !testing.Short() {
		t.Fatalf("the two debtors' traces differ in %d of %d cases, want at least 30%%", differing, checks)
	}
	t.Logf("the two debtors' traces differ in %d of %d cases", differing, checks)
}

// A standing clause's breaches are those of the reference model, and no
// breach makes it final: only its expiry or the end of its term makes it
// Violated.
func TestPropertyBreachesMatchModel(t *testing.T) {
	cfg := agreementtest.Config{Parties: 3, Groups: 1, Fluents: 2, Clauses: 5, Depth: 2, Agreements: 1}
	tcfg := scenariotest.TimelineConfig{MinEvents: 16, Unrelated: -1}
	withBreaches, checks := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		// Half the cases are built around standing clauses and the acts
		// that breach them; the others are a random agreement or a
		// lifecycle process, with their own timelines.
		var (
			p   agreement.Process
			e   *scenario.Engine
			tl  scenario.Timeline
			end time.Time
		)
		switch rapid.IntRange(0, 3).Draw(t, "source") {
		case 0, 1:
			p, tl, end = pdebStanding(t)
			var err error
			if e, err = scenario.CompileProcess(p); err != nil {
				t.Fatal(err)
			}
		case 2:
			p = agreement.Process{Agreements: []agreement.Agreement{agreementtest.Agreement(cfg).Draw(t, "agreement")}}
			var err error
			if e, err = scenario.CompileProcess(p); err != nil {
				t.Fatal(err)
			}
			tl, end = scenariotest.Timeline(p, tcfg).Draw(t, "timeline"), tcfg.End()
		default:
			c := propDrawTimeline(t, propDraw(t, scenariotest.LifecycleConfig{}, false), false)
			p, e, tl, end = c.p, c.e, c.tl, c.end
		}
		tr, err := e.Replay(tl, end)
		if err != nil {
			t.Fatal(err)
		}
		var evs []agreement.Event
		for _, ev := range tl.Events() {
			evs = append(evs, ev)
		}
		res := refReplay(p, tl.Start(), evs, end)
		checks++
		seen := false
		for _, in := range res.m.insts {
			if !in.clause.Standing {
				continue
			}
			got, err := tr.BreachesOf(in.id, end)
			if err != nil {
				t.Fatal(err)
			}
			if want := res.Breaches(in.id, end); len(got) != len(want) {
				t.Fatalf("%s: %d breaches, model %d\n%s\n%s", in.id, len(got), len(want),
					scenariotest.FormatProcess(p), scenariotest.FormatTimeline(tl))
			}
			seen = seen || len(got) > 0
		}
		for x := range tr.Transitions() {
			in := res.inst(x.Instance)
			if in == nil || !in.clause.Standing || !x.To.IsFinal() {
				continue
			}
			if x.Cause.Kind == scenario.CauseBreach ||
				x.To == agreement.StateViolated && x.Cause.Kind != scenario.CauseExpiry && x.Cause.Kind != scenario.CauseTerm {
				t.Fatalf("standing %s made %s by %s at %s\n%s\n%s", x.Instance, x.To, x.Cause.Kind, refStamp(x.At),
					scenariotest.FormatProcess(p), scenariotest.FormatTimeline(tl))
			}
		}
		if seen {
			withBreaches++
		}
	})
	if checks >= 100 && withBreaches*10 < checks {
		t.Fatalf("breaches recorded in %d of %d cases: the property compared too little", withBreaches, checks)
	}
	t.Logf("breaches recorded in %d of %d cases", withBreaches, checks)
}

// pdebStanding draws an agreement built around standing clauses of two
// debtors: a prohibition breached by its action (relaxed, sometimes, by a
// permission whose grants cover acts), an obligation of maintenance with a
// compound violation, an automatic power counting confirmed breaches, and
// a clause triggered by one debtor's breaches; and a timeline of their
// acts, grants, reports and revisions.
func pdebStanding(t *rapid.T) (agreement.Process, scenario.Timeline, time.Time) {
	ds := []agreement.PartyID{"P1", "P2"}
	act := agreement.Pattern{Kind: "shelling"}
	cl := []agreement.Clause{
		{ID: "CF", Kind: agreement.DeonticProhibition, Standing: true, Debtors: ds, Action: &act},
		{ID: "KEEP", Kind: agreement.DeonticObligation, Standing: true, Debtors: ds,
			Action: &agreement.Pattern{Kind: "patrol"}, // what is kept up; no fulfilment
			Violation: agreement.All(agreement.Holds("tension"),
				agreement.Happened(agreement.Pattern{Kind: "incident", Actor: agreement.Debtor}))},
		{ID: "SUS", Kind: agreement.DeonticPower, Effect: agreement.EffectDischarge, Debtors: []agreement.PartyID{"M"},
			Targets: []agreement.Ref{agreement.LocalRef("KEEP")},
			Fulfilment: agreement.Breached(agreement.LocalRef("CF"), rapid.IntRange(1, 4).Draw(t, "k"),
				agreement.BreachFilter{Attribution: agreement.AttributionConfirmed,
					Within: time.Duration(rapid.IntRange(0, 6).Draw(t, "within")) * time.Hour})},
		{ID: "R", Kind: agreement.DeonticObligation, Debtors: ds, Action: &agreement.Pattern{Kind: "repair"},
			Trigger: agreement.Breached(agreement.LocalRef("CF"), 2, agreement.BreachFilter{Debtor: agreement.Debtor})},
	}
	if rapid.Bool().Draw(t, "expiry") {
		cl[0].Expiry = agreement.Deadline{After: time.Duration(rapid.IntRange(1, 12).Draw(t, "cf-expiry")) * time.Hour}
		cl[1].Expiry = agreement.Deadline{After: time.Duration(rapid.IntRange(1, 12).Draw(t, "keep-expiry")) * time.Hour}
	}
	if rapid.Bool().Draw(t, "relaxed") {
		cl = append(cl, agreement.Clause{ID: "AUTH", Kind: agreement.DeonticPermission, Debtors: ds, Action: &act,
			Relaxes: []agreement.Ref{agreement.LocalRef("CF")},
			Grant:   &agreement.Pattern{Kind: "authorised", Target: agreement.Debtor},
			Covers:  rapid.IntRange(0, 2).Draw(t, "covers"),
			CoverWindow: time.Duration(rapid.SampledFrom([]int{0, 0, 2, 5}).Draw(t, "cover-window")) *
				time.Hour})
	}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "P1"}, {ID: "P2"}, {ID: "M"}},
		Fluents: []agreement.Fluent{{ID: "tension", Initiates: []agreement.Pattern{{Kind: "tension-rose"}},
			Terminates: []agreement.Pattern{{Kind: "tension-fell"}}}},
		Clauses: cl}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	n := rapid.IntRange(4, 24).Draw(t, "events")
	kinds := []agreement.EventKind{"shelling", "shelling", "incident", "authorised", "tension-rose", "tension-fell",
		agreement.EventKindRevised}
	var evs []agreement.Event
	for i := range n {
		at := start.Add(time.Duration(rapid.IntRange(0, 16).Draw(t, "at")) * 30 * time.Minute)
		ev := agreement.Event{At: at, Kind: rapid.SampledFrom(kinds).Draw(t, "kind"),
			Actor: rapid.SampledFrom(ds).Draw(t, "actor"), ID: agreement.EventID(fmt.Sprintf("e%d", i)),
			Attribution: rapid.SampledFrom([]agreement.Attribution{agreement.AttributionAlleged,
				agreement.AttributionConfirmed}).Draw(t, "attribution")}
		switch ev.Kind {
		case "authorised":
			ev.Actor, ev.Target = "M", rapid.SampledFrom(ds).Draw(t, "authorised")
		case agreement.EventKindRevised:
			// It revises an earlier event, if there is one.
			var earlier []agreement.EventID
			for _, o := range evs {
				if o.At.Before(at) && o.Kind != agreement.EventKindRevised {
					earlier = append(earlier, o.ID)
				}
			}
			if len(earlier) == 0 {
				continue
			}
			ev.Actor, ev.Revises = "", rapid.SampledFrom(earlier).Draw(t, "revises")
			ev.Attribution = agreement.AttributionConfirmed
		}
		evs = append(evs, ev)
	}
	return agreement.Process{Agreements: []agreement.Agreement{a}}, scenario.NewTimeline(start, evs...),
		start.Add(12 * time.Hour)
}
