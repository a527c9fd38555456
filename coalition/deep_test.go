package coalition_test

import (
	"runtime/debug"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// TestDeepConditions: RequiresEvent and SplitCondition read conditions
// nested a hundred thousand deep, as the loop c = All(c, x) builds them, without
// overflowing the stack (limited here to 4 MB so that a recursive walk
// fails at this depth), and give the same answers as on shallow ones.
func TestDeepConditions(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(4 << 20))
	const depth = 100_000
	cf := agreement.Holds("ceasefire")
	attack := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack})

	var all agreement.Condition = attack
	for range depth {
		all = agreement.All(all, cf)
	}
	if !coalition.RequiresEvent(all, agreement.EventKindArmedAttack) {
		t.Error("RequiresEvent(All nested 10^5 deep over an attack) = false, want true")
	}
	trig, ante := coalition.SplitCondition(all)
	if !agreement.EqualConditions(ante, attack) {
		t.Errorf("SplitCondition: antecedent %v, want %v", ante, attack)
	}
	if ops := agreement.Operands(trig); len(ops) != depth {
		t.Errorf("SplitCondition: trigger has %d conjuncts, want %d", len(ops), depth)
	}

	for _, tt := range []struct {
		name string
		wrap func(agreement.Condition) agreement.Condition
		want bool
	}{
		{"Any", func(c agreement.Condition) agreement.Condition { return agreement.Any(c, c) }, true},
		{"AtLeast", func(c agreement.Condition) agreement.Condition { return agreement.AtLeast(1, c) }, true},
		{"All", func(c agreement.Condition) agreement.Condition { return agreement.All(cf, c) }, true},
		{"Not", func(c agreement.Condition) agreement.Condition { return agreement.Not(c) }, false},
		{"Any with a free operand", func(c agreement.Condition) agreement.Condition { return agreement.Any(c, cf) }, false},
	} {
		c := attack
		for range depth {
			c = tt.wrap(c)
		}
		if got := coalition.RequiresEvent(c, agreement.EventKindArmedAttack); got != tt.want {
			t.Errorf("%s nested 10^5 deep: RequiresEvent = %v, want %v", tt.name, got, tt.want)
		}
		if _, ante := coalition.SplitCondition(c); (ante != nil) != tt.want {
			t.Errorf("%s nested 10^5 deep: SplitCondition antecedent %v, want non-nil %v", tt.name, ante != nil, tt.want)
		}
	}
}

// TestSharedOperands: a condition whose operands share nodes (c = Any(c, c)
// a hundred times, 2^100 paths) is read in time linear in its nodes.
func TestSharedOperands(t *testing.T) {
	c := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack})
	for range 100 {
		c = agreement.Any(c, c)
	}
	start := time.Now()
	if !coalition.RequiresEvent(c, agreement.EventKindArmedAttack) {
		t.Error("RequiresEvent = false, want true")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("RequiresEvent took %v", d)
	}
}
