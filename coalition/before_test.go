package coalition_test

import (
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/scenario"
)

// A commitment "in the event of an attack after the ceasefire", written with
// Before, binds once an attack follows the ceasefire.
func TestBeforeAttackCommitmentReplays(t *testing.T) {
	cf := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}
	c := coalition.Coalition{
		ID: "cow", Host: "UA",
		Parties:   []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "US"}},
		Members:   []coalition.Member{{Party: "US"}},
		Functions: []coalition.Function{{ID: coalition.MultinationalForce, Leads: []agreement.PartyID{"US"}}},
		Contributions: []coalition.Contribution{{ID: "us-support", Contributor: "US", Function: coalition.MultinationalForce,
			Condition: agreement.Before(cf, attack)}},
	}
	trig, ante := coalition.SplitCondition(c.Contributions[0].Condition)
	if !agreement.EqualConditions(trig, agreement.Happened(cf)) || !agreement.EqualConditions(ante, agreement.Happened(attack)) {
		t.Fatalf("SplitCondition(Before) = %v, %v", trig, ante)
	}
	e := compile(t, c)
	day := func(n int) time.Time { return time.Date(2026, 2, n, 0, 0, 0, 0, time.UTC) }
	tr, err := e.Replay(scenario.NewTimeline(day(1),
		agreement.Event{At: day(2), Kind: agreement.EventKindArmedAttack, Actor: "RU"},
		agreement.Event{At: day(5), Kind: agreement.EventKindCeasefireInForce},
		agreement.Event{At: day(10), Kind: agreement.EventKindArmedAttack, Actor: "RU"}), day(12))
	if err != nil {
		t.Fatal(err)
	}
	inst, _ := e.Instance(agreement.LocalRef("us-support"), "")
	for _, c := range []struct {
		at   time.Time
		want agreement.State
	}{{day(4), agreement.StateDormant}, {day(9), agreement.StatePending}, {day(10), agreement.StateInEffect}} {
		if got, _ := tr.State(inst, c.at); got != c.want {
			t.Errorf("us-support at %s: %s, want %s", c.at.Format(time.DateOnly), got, c.want)
		}
	}
}
