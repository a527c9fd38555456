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

// p14Plan is a drawn agreement built over two party ids: build(a, b) and
// build(b, a) are the same agreement with the two ids swapped throughout.
type p14Plan struct {
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

var p14Kinds = []agreement.EventKind{"heavy-weapons-moved", "ceasefire-declared", agreement.EventKindArmedAttack}

func p14Draw(t *rapid.T) p14Plan {
	pl := p14Plan{
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
func (pl p14Plan) build(ps [2]agreement.PartyID) agreement.Agreement {
	x := agreement.Clause{ID: "X", Kind: pl.kind, Debtors: []agreement.PartyID{ps[0], ps[1]},
		Action: &agreement.Pattern{Kind: p14Kinds[0]}, Standing: pl.standing,
		Deadline: agreement.Deadline{After: pl.deadline}, Expiry: agreement.Deadline{After: pl.expiry}}
	if pl.actorDeb {
		x.Action.Actor = agreement.Debtor
	}
	switch pl.trigger {
	case 1:
		x.Trigger = agreement.Happened(agreement.Pattern{Kind: p14Kinds[1], Actor: agreement.Debtor})
	case 2:
		x.Trigger = agreement.Happened(agreement.Pattern{Kind: p14Kinds[1], Actor: ps[pl.trigP]})
	case 3:
		x.Trigger = agreement.Since(agreement.Pattern{Kind: p14Kinds[1], Actor: agreement.Debtor}, time.Hour)
	}
	if pl.viol && pl.kind == agreement.DeonticObligation {
		x.Violation = agreement.Happened(agreement.Pattern{Kind: p14Kinds[2], Target: agreement.Debtor})
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

// p14Swap returns ev with the two parties' ids swapped.
func p14Swap(ev agreement.Event, ps [2]agreement.PartyID) agreement.Event {
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

// p14Trace returns the transitions of instance i, in order.
func p14Trace(tr *scenario.Trace, i scenario.Instance) []string {
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
		pl := p14Draw(t)
		a, b := pl.build(ps), pl.build(swapped)
		if err := a.Validate(); err != nil {
			t.Fatalf("drawn agreement is invalid: %v", err)
		}
		start := refHour(0)
		var evs, sw []agreement.Event
		for range rapid.IntRange(1, 12).Draw(t, "events") {
			ev := agreement.Event{At: refHour(rapid.IntRange(0, 10).Draw(t, "hour")),
				Kind:   rapid.SampledFrom(append(slices.Clone(p14Kinds), agreement.EventKindPowerExercised)).Draw(t, "kind"),
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
			sw = append(sw, p14Swap(ev, ps))
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
			got := p14Trace(trSw, scenario.Instance{Ref: x, Debtor: ps[1-k]})
			want := p14Trace(tr, scenario.Instance{Ref: x, Debtor: d})
			if !slices.Equal(got, want) {
				t.Fatalf("X[%s] with the ids swapped: %v, want X[%s]'s %v\nevents: %s", ps[1-k], got, d, want,
					refDescribeEvents(evs))
			}
		}
		if !slices.Equal(p14Trace(tr, scenario.Instance{Ref: x, Debtor: ps[0]}),
			p14Trace(tr, scenario.Instance{Ref: x, Debtor: ps[1]})) {
			differing++
		}
	})
	// On symmetric timelines the property holds whatever the engine does
	// with ids: most cases must tell the two debtors apart.
	if checks > 0 && differing*10 < checks*3 {
		t.Fatalf("the two debtors' traces differ in %d of %d cases, want at least 30%%", differing, checks)
	}
	t.Logf("the two debtors' traces differ in %d of %d cases", differing, checks)
}

func TestPropertyBreachesMatchModel(t *testing.T) {
	cfg := agreementtest.Config{Parties: 3, Groups: 1, Fluents: 2, Clauses: 5, Depth: 2, Agreements: 1}
	tcfg := scenariotest.TimelineConfig{MinEvents: 16, Unrelated: -1}
	withBreaches, checks := 0, 0
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(cfg).Draw(t, "agreement")
		p := agreement.Process{Agreements: []agreement.Agreement{a}}
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		tl := scenariotest.Timeline(p, tcfg).Draw(t, "timeline")
		end := tcfg.End()
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
				x.To == agreement.StateViolated && x.Cause.Kind != scenario.CauseExpiry {
				t.Fatalf("standing %s made %s by %s at %s\n%s\n%s", x.Instance, x.To, x.Cause.Kind, refStamp(x.At),
					scenariotest.FormatProcess(p), scenariotest.FormatTimeline(tl))
			}
		}
		if seen {
			withBreaches++
		}
	})
	if checks >= 100 && withBreaches == 0 {
		t.Fatalf("no breach recorded in %d cases: the property compared nothing", checks)
	}
	t.Logf("breaches recorded in %d of %d cases", withBreaches, checks)
}
