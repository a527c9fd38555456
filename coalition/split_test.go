package coalition_test

import (
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

func TestSplitCondition(t *testing.T) {
	cf := agreement.Holds(ceasefire)
	started := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce})
	attack := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})
	attackUA := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Target: "UA"})
	deployed := agreement.ClauseIn(agreement.LocalRef("fr-troops"), agreement.StateInEffect)
	anyAttack := agreement.Any(attack, attackUA)
	attackOrTalks := agreement.Any(attack, agreement.Happened(agreement.Pattern{Kind: "talks-collapsed"}))
	tests := []struct {
		name                string
		cond                agreement.Condition
		trigger, antecedent agreement.Condition
	}{
		{"unconditional", nil, nil, nil},
		{"after a ceasefire", cf, cf, nil},
		{"in the event of a new attack", attack, nil, attack},
		{"after a ceasefire, in the event of a new attack", agreement.All(cf, attack), cf, attack},
		{"order kept", agreement.All(attack, cf, deployed), agreement.All(cf, deployed), attack},
		{"nested All flattened", agreement.All(cf, agreement.All(attack, agreement.All(deployed, attackUA))),
			agreement.All(cf, deployed), agreement.All(attack, attackUA)},
		{"empty All", agreement.All(), nil, nil},
		{"any attack requires one", agreement.All(started, anyAttack), started, anyAttack},
		{"an attack or something else is not a backstop", agreement.All(cf, attackOrTalks),
			agreement.All(cf, attackOrTalks), nil},
		{"at least 2 of 3, two attacks", agreement.AtLeast(2, attack, attackUA, cf), nil,
			agreement.AtLeast(2, attack, attackUA, cf)},
		{"at least 1 of 2, one attack", agreement.AtLeast(1, attack, cf), agreement.AtLeast(1, attack, cf), nil},
		{"within a week of an attack", agreement.All(cf, agreement.Within(agreement.Pattern{Kind: agreement.EventKindArmedAttack}, 7*agreement.Day)),
			cf, agreement.Within(agreement.Pattern{Kind: agreement.EventKindArmedAttack}, 7*agreement.Day)},
		{"attack before a collapse", agreement.Before(agreement.Pattern{Kind: agreement.EventKindArmedAttack},
			agreement.Pattern{Kind: agreement.EventKindCeasefireCollapsed}), nil,
			agreement.Before(agreement.Pattern{Kind: agreement.EventKindArmedAttack}, agreement.Pattern{Kind: agreement.EventKindCeasefireCollapsed})},
		{"since an attack", agreement.Since(agreement.Pattern{Kind: agreement.EventKindArmedAttack}, time.Hour), nil,
			agreement.Since(agreement.Pattern{Kind: agreement.EventKindArmedAttack}, time.Hour)},
		{"no attack is not a backstop", agreement.All(cf, agreement.Not(attack)), agreement.All(cf, agreement.Not(attack)), nil},
		{"double negation is not simplified", agreement.Not(agreement.Not(attack)), agreement.Not(agreement.Not(attack)), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			trig, ante := coalition.SplitCondition(tc.cond)
			if !agreement.EqualConditions(trig, tc.trigger) {
				t.Errorf("trigger = %v, want %v", trig, tc.trigger)
			}
			if !agreement.EqualConditions(ante, tc.antecedent) {
				t.Errorf("antecedent = %v, want %v", ante, tc.antecedent)
			}
			backstop := coalition.Contribution{Condition: tc.cond}.IsBackstop()
			if backstop != (ante != nil) {
				t.Errorf("IsBackstop() = %v with antecedent %v", backstop, ante)
			}
		})
	}
}

func TestRequiresEventEdgeCases(t *testing.T) {
	attack := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack})
	for _, tc := range []struct {
		name string
		cond agreement.Condition
		want bool
	}{
		{"nil", nil, false},
		{"empty Any never holds, requires nothing", agreement.Any(), false},
		{"at least 0", agreement.AtLeast(0, attack), false},
		{"at least more than there are (invalid)", agreement.AtLeast(3, attack), false},
		{"an attack", attack, true},
		{"holds", agreement.Holds("attacked"), false},
		{"clause state", agreement.ClauseIn(agreement.LocalRef("x"), agreement.StateViolated), false},
		{"agreement state", agreement.AgreementIn("", agreement.StateTerminated), false},
	} {
		if got := coalition.RequiresEvent(tc.cond, agreement.EventKindArmedAttack); got != tc.want {
			t.Errorf("%s: RequiresEvent(%v) = %v, want %v", tc.name, tc.cond, got, tc.want)
		}
	}
	if coalition.RequiresEvent(attack, agreement.EventKindCeasefireCollapsed) {
		t.Error("an attack does not require a collapse")
	}
}
