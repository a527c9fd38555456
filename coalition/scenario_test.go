package coalition_test

import (
	"slices"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/scenario"
)

func jan(d int) time.Time { return time.Date(2026, time.January, d, 12, 0, 0, 0, time.UTC) }

func strike(d int) agreement.Event {
	return agreement.Event{At: jan(d), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
}

// compile compiles c's agreement for replay, failing t on any error.
func compile(t *testing.T, c coalition.Coalition) *scenario.Engine {
	t.Helper()
	a, err := c.Agreement()
	if err != nil {
		t.Fatal(err)
	}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// inEffect returns the clause instances in effect at instant at, in order.
func inEffect(t *testing.T, tr *scenario.Trace, at time.Time) []agreement.ClauseID {
	t.Helper()
	var out []agreement.ClauseID
	for _, i := range tr.Engine().Instances() {
		s, err := tr.State(i, at)
		if err != nil {
			t.Fatal(err)
		}
		if s == agreement.StateInEffect {
			out = append(out, i.Ref.Clause)
		}
	}
	return out
}

func clauseIDs(cts []coalition.Contribution) []agreement.ClauseID {
	var out []agreement.ClauseID
	for _, ct := range cts {
		out = append(out, ct.ID.ClauseID())
	}
	return out
}

// TestScenarioBackstop replays, over the compiled clauses of the seed,
// strikes while there is no ceasefire, then a ceasefire, then the
// contributors performing what they committed to for peacetime, then a new
// Russian attack. Exactly the backstop's commitments are in effect at the
// end, and none of them before the new attack.
func TestScenarioBackstop(t *testing.T) {
	for _, tc := range versions() {
		t.Run(tc.name, func(t *testing.T) {
			e := compile(t, tc.c)
			backstop := clauseIDs(tc.c.Backstop())

			events := []agreement.Event{strike(2), strike(5), strike(9),
				{At: jan(10), Kind: agreement.EventKindCeasefireInForce}}
			// After the ceasefire, every commitment that is not a backstop
			// is performed (troops deployed, monitoring set up, hubs built).
			for _, ct := range tc.c.Contributions {
				if ct.IsBackstop() {
					continue
				}
				ev := agreement.Event{At: jan(12), Kind: agreement.EventKindPerformance, Actor: ct.Contributor,
					Clause: agreement.LocalRef(ct.ID.ClauseID())}
				if ct.Action != nil { // performed by its action's event, as the engine reads it
					ev = agreement.Event{At: jan(12), Kind: ct.Action.Kind, Actor: ct.Contributor, Target: ct.Action.Target}
				}
				events = append(events, ev)
			}
			attack := strike(15)
			tl := scenario.NewTimeline(jan(1), append(events, attack)...)
			if err := tl.Validate(e); err != nil {
				t.Fatal(err)
			}
			tr, err := e.Replay(tl, jan(20))
			if err != nil {
				t.Fatal(err)
			}

			if got := inEffect(t, tr, jan(9)); len(got) != 0 {
				t.Errorf("before the ceasefire, in effect: %v, want none", got)
			}
			if got := inEffect(t, tr, jan(14)); len(got) != 0 {
				t.Errorf("after the ceasefire and performance, before the new attack, in effect: %v, want none", got)
			}
			for _, id := range backstop {
				i, _ := e.Instance(agreement.LocalRef(id), "")
				if s, _ := tr.State(i, jan(14)); s != agreement.StatePending {
					t.Errorf("%s before the new attack = %s, want pending", id, s)
				}
			}
			if got := inEffect(t, tr, jan(20)); !slices.Equal(got, backstop) {
				t.Errorf("after the new attack, in effect: %v, want exactly the backstop %v", got, backstop)
			}
		})
	}
}

// TestScenarioAttackChangesOnlyBackstop replays the same timeline with no
// performance: the commitments triggered by the ceasefire are in effect
// before and after the new attack, and the attack moves exactly the
// backstop's commitments from pending to in effect.
func TestScenarioAttackChangesOnlyBackstop(t *testing.T) {
	c := seedDraft()
	e := compile(t, c)
	tr, err := e.Replay(scenario.NewTimeline(jan(1), strike(2), strike(9),
		agreement.Event{At: jan(10), Kind: agreement.EventKindCeasefireInForce}, strike(15)), jan(20))
	if err != nil {
		t.Fatal(err)
	}
	var changed []agreement.ClauseID
	for _, i := range e.Instances() {
		before, _ := tr.State(i, jan(14))
		after, _ := tr.State(i, jan(20))
		if before != after {
			changed = append(changed, i.Ref.Clause)
			if before != agreement.StatePending || after != agreement.StateInEffect {
				t.Errorf("%s: %s -> %s, want pending -> in-effect", i, before, after)
			}
		}
	}
	if want := clauseIDs(c.Backstop()); !slices.Equal(changed, want) {
		t.Errorf("the new attack changed %v, want exactly the backstop %v", changed, want)
	}
}
