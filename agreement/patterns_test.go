package agreement_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Patterns lists the events a condition waits for; ClausePatterns adds the
// action (one pattern per debtor bound severally) and every slot.
func ExamplePatterns() {
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Target: "UA"}
	ceasefire := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	c := agreement.All(agreement.Happened(ceasefire), agreement.Not(agreement.Within(attack, 72*time.Hour)))
	for _, p := range agreement.Patterns(c) {
		fmt.Println(p)
	}
	cl := agreement.Clause{ID: "patrol", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR", "GB"},
		Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}, Trigger: c}
	fmt.Println(agreement.ClausePatterns("paris", cl))
	// Output:
	// ceasefire-in-force
	// armed-attack target=UA
	// [forces-deployed actor=FR target=UA forces-deployed actor=GB target=UA ceasefire-in-force armed-attack target=UA]
}

// Performers names who performs a clause's action: the debtors unless the
// action names an actor or a group.
func ExamplePerformers() {
	a := agreement.Agreement{ID: "paris", Groups: []agreement.Group{{ID: "E3", Members: []agreement.PartyID{"DE", "FR", "GB"}}}}
	deploy := agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}
	severally := agreement.Clause{ID: "g1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR", "GB"}, Action: &deploy}
	jointly := severally
	jointly.Joint = true
	byGroup := deploy
	byGroup.Group = "E3"
	group := agreement.Clause{ID: "g2", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"}, Action: &byGroup}
	fmt.Println(agreement.Performers(a, severally), agreement.Performers(a, jointly), agreement.Performers(a, group))
	// Output:
	// [FR GB] [FR GB] [DE FR GB]
}

func TestPerformers(t *testing.T) {
	a := agreement.Agreement{ID: "a", Groups: []agreement.Group{
		{ID: "G", Members: []agreement.PartyID{"X", "Y", "X"}},
	}}
	act := func(p agreement.Pattern) *agreement.Pattern { return &p }
	deploy := agreement.Pattern{Kind: agreement.EventKindForcesDeployed}
	withActor := deploy
	withActor.Actor = "Z"
	withGroup := deploy
	withGroup.Group = "G"
	unknownGroup := deploy
	unknownGroup.Group = "H"
	tests := []struct {
		name string
		a    agreement.Agreement
		c    agreement.Clause
		want []agreement.PartyID
	}{
		{"zero", agreement.Agreement{}, agreement.Clause{}, nil},
		{"no action", a, agreement.Clause{Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"A"}}, nil},
		{"one debtor", a, agreement.Clause{Debtors: []agreement.PartyID{"A"}, Action: act(deploy)}, []agreement.PartyID{"A"}},
		{"severally", a, agreement.Clause{Debtors: []agreement.PartyID{"A", "B"}, Action: act(deploy)}, []agreement.PartyID{"A", "B"}},
		{"jointly", a, agreement.Clause{Debtors: []agreement.PartyID{"A", "B"}, Joint: true, Action: act(deploy)}, []agreement.PartyID{"A", "B"}},
		{"actor", a, agreement.Clause{Debtors: []agreement.PartyID{"A", "B"}, Action: act(withActor)}, []agreement.PartyID{"Z"}},
		{"group", a, agreement.Clause{Debtors: []agreement.PartyID{"A"}, Action: act(withGroup)}, []agreement.PartyID{"X", "Y"}},
		{"joint group", a, agreement.Clause{Debtors: []agreement.PartyID{"A", "B"}, Joint: true, Action: act(withGroup)}, []agreement.PartyID{"X", "Y"}},
		{"unknown group", a, agreement.Clause{Debtors: []agreement.PartyID{"A"}, Action: act(unknownGroup)}, nil},
		{"group without agreement", agreement.Agreement{}, agreement.Clause{Debtors: []agreement.PartyID{"A"}, Action: act(withGroup)}, nil},
		{"power without action", a, agreement.Clause{Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"A", "A"}}, []agreement.PartyID{"A"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := agreement.Performers(tc.a, tc.c); !slices.Equal(got, tc.want) {
				t.Errorf("Performers() = %v, want %v", got, tc.want)
			}
		})
	}
}

// Every pattern Performers derives its answer from is one the engine would
// match with that performer as actor: ActionPatterns agrees with it.
func TestPerformersAgreeWithActionPatterns(t *testing.T) {
	a := agreement.Agreement{ID: "a", Groups: []agreement.Group{{ID: "G", Members: []agreement.PartyID{"X", "Y"}}}}
	member := func(g agreement.GroupID, p agreement.PartyID) bool {
		return g == "G" && (p == "X" || p == "Y")
	}
	deploy := agreement.Pattern{Kind: agreement.EventKindForcesDeployed}
	withGroup := deploy
	withGroup.Group = "G"
	for _, c := range []agreement.Clause{
		{ID: "c1", Debtors: []agreement.PartyID{"A", "B"}, Action: &deploy},
		{ID: "c2", Debtors: []agreement.PartyID{"A", "B"}, Joint: true, Action: &deploy},
		{ID: "c3", Debtors: []agreement.PartyID{"A"}, Action: &withGroup},
		{ID: "c4", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"A"}},
	} {
		pats := agreement.ActionPatterns(a.ID, c)
		for _, p := range agreement.Performers(a, c) {
			ev := agreement.Event{Kind: pats[0].Kind, Actor: p, Clause: pats[0].Clause}
			if !slices.ContainsFunc(pats, func(pat agreement.Pattern) bool { return pat.Matches(ev, a.ID, member) }) {
				t.Errorf("%s: performer %s: no action pattern in %v matches %v", c.ID, p, pats, ev)
			}
		}
	}
}

func TestPatternsNil(t *testing.T) {
	if got := agreement.Patterns(nil); got != nil {
		t.Errorf("Patterns(nil) = %v, want nil", got)
	}
	if got := agreement.ClausePatterns("", agreement.Clause{}); got != nil {
		t.Errorf("ClausePatterns(zero) = %v, want nil", got)
	}
	b := agreement.Before(agreement.Pattern{Kind: "a"}, agreement.Pattern{Kind: "b"})
	if got := agreement.Patterns(agreement.Any(b, agreement.Holds("f"))); len(got) != 2 || got[0].Kind != "a" || got[1].Kind != "b" {
		t.Errorf("Patterns(before) = %v, want [a b]", got)
	}
	power := agreement.Clause{ID: "p", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"A", "B"}}
	want := []agreement.Pattern{
		{Kind: agreement.EventKindPowerExercised, Actor: "A", Clause: agreement.QualifiedRef("h", "p")},
		{Kind: agreement.EventKindPowerExercised, Actor: "B", Clause: agreement.QualifiedRef("h", "p")},
	}
	if got := agreement.ActionPatterns("h", power); !slices.Equal(got, want) {
		t.Errorf("ActionPatterns(power) = %v, want %v", got, want)
	}
}
