package scenario_test

import (
	"errors"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

func TestEvaluator(t *testing.T) {
	a := base(obligation("W", "RU"))
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}
	ceasefire := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	conds := []agreement.Condition{
		agreement.All(agreement.Holds("ceasefire"), agreement.Not(agreement.AgreementIn("", agreement.StateTerminated)),
			agreement.Before(ceasefire, attack)),
		agreement.Since(ceasefire, 30*agreement.Day),
		agreement.Within(attack, 24*time.Hour),
		agreement.ClauseIn(agreement.LocalRef("W"), agreement.StateViolated),
		agreement.AtLeast(2, agreement.Happened(attack), agreement.Happened(ceasefire), agreement.Holds("ceasefire")),
	}
	ev, err := scenario.NewEvaluator(a, conds...)
	if err != nil {
		t.Fatal(err)
	}
	hist := ev.NewHistory()
	for _, e := range []agreement.Event{ev0(h(1), agreement.EventKindArmedAttack), ev0(h(10), agreement.EventKindCeasefireInForce), ev0(h(20), agreement.EventKindArmedAttack)} {
		if err := hist.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	_ = hist.SetClauseState(agreement.LocalRef("W"), agreement.StateViolated)
	for _, c := range []struct {
		i    int
		at   time.Time
		want bool
	}{
		{0, h(30), true}, {1, h(10 + 30*24 - 1), false}, {1, h(10 + 30*24), true},
		{2, h(43), true}, {2, h(44), false}, {3, h(30), true}, {4, h(30), true},
	} {
		if got := ev.Eval(c.i, hist, c.at); got != c.want {
			t.Errorf("condition %d (%s) at +%v = %t, want %t", c.i, conds[c.i], c.at.Sub(t0), got, c.want)
		}
	}
	_ = hist.SetAgreementState(agreement.StateTerminated)
	if ev.Eval(0, hist, h(30)) {
		t.Error("condition 0 true with the agreement terminated")
	}
	if allocs := testing.AllocsPerRun(100, func() { ev.Eval(0, hist, h(30)) }); allocs != 0 {
		t.Errorf("Eval allocates %v times", allocs)
	}
	hist.Reset()
	if ev.Eval(4, hist, h(30)) {
		t.Error("condition 4 true on an empty history")
	}
	if err := hist.Add(ev0(h(5), agreement.EventKindArmedAttack)); err != nil {
		t.Fatal(err)
	}
	if err := hist.Add(ev0(h(4), agreement.EventKindArmedAttack)); !errors.Is(err, scenario.ErrOutOfOrder) {
		t.Errorf("out-of-order Add: %v", err)
	}

	_, err = scenario.NewEvaluator(a, agreement.Holds("ceasefire"), agreement.All(agreement.Holds("peace")))
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || ve.Problems[0].Path != "conditions[1].all[0].holds" {
		t.Errorf("NewEvaluator with an unknown fluent: %v", err)
	}
}

func ev0(at time.Time, kind agreement.EventKind) agreement.Event {
	return agreement.Event{At: at, Kind: kind, Actor: "RU"}
}
