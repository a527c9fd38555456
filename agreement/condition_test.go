package agreement_test

import (
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"pgregory.net/rapid"
)

// == between any two conditions never panics: the nodes are pointers, so it
// compares identity, and Equal compares structure. Building the same
// condition twice gives two nodes that are Equal but not ==.
func TestPropertyConditionsComparable(t *testing.T) {
	scope := agreementtest.Scope{
		Parties:    []agreement.PartyID{"UA", "RU"},
		Fluents:    []agreement.FluentID{"cf"},
		Depends:    []agreement.Ref{agreement.LocalRef("C1")},
		Agreements: []agreement.AgreementID{"other"},
	}
	gen := agreementtest.Condition(scope, 4)
	rapid.Check(t, func(t *rapid.T) {
		a := gen.Draw(t, "a")
		b := gen.Draw(t, "b")
		if a == b && !a.Equal(b) { // == must not panic
			t.Fatalf("%s is == to %s but not Equal", a, b)
		}
		if !a.Equal(a) || !agreement.EqualConditions(a, a) {
			t.Fatalf("%s is not Equal to itself", a)
		}
		if a.Equal(b) != b.Equal(a) || a.Equal(b) != agreement.EqualConditions(a, b) {
			t.Fatalf("Equal is not symmetric for %s and %s", a, b)
		}
		if a.Equal(b) != (a.String() == b.String()) {
			t.Fatalf("Equal(%s, %s) = %t, but their strings say otherwise", a, b, a.Equal(b))
		}
		m := map[agreement.Condition]bool{a: true} // usable as a map key
		if !m[a] {
			t.Fatalf("map lookup of %s failed", a)
		}
	})
}

func TestConditionEqualityIsStructuralAndIdentityIsNot(t *testing.T) {
	r := agreement.LocalRef("C1")
	x := agreement.ClauseIn(r, agreement.StateViolated)
	y := agreement.ClauseIn(r, agreement.StateViolated)
	if x == y {
		t.Error("two ClauseIn nodes built separately are ==; want distinct nodes")
	}
	if !x.Equal(y) {
		t.Error("ClauseIn(r, violated).Equal(ClauseIn(r, violated)) = false, want true")
	}
	if x.Equal(agreement.ClauseIn(r, agreement.StateFulfilled)) {
		t.Error("ClauseIn with other states is Equal")
	}
	all := agreement.All(x, agreement.Not(y))
	if !all.Equal(agreement.All(y, agreement.Not(x))) {
		t.Error("structurally equal combinators are not Equal")
	}
}

// A nil pointer to a node type is no condition: its methods do not panic,
// EqualConditions treats it as nil, and Walk skips it.
func TestNilConditionNodes(t *testing.T) {
	nils := []agreement.Condition{
		(*agreement.HappenedCondition)(nil), (*agreement.HoldsCondition)(nil),
		(*agreement.ClauseInCondition)(nil), (*agreement.AgreementInCondition)(nil),
		(*agreement.BeforeCondition)(nil), (*agreement.WithinCondition)(nil),
		(*agreement.SinceCondition)(nil), (*agreement.AllCondition)(nil),
		(*agreement.AnyCondition)(nil), (*agreement.NotCondition)(nil),
		(*agreement.AtLeastCondition)(nil),
	}
	for _, c := range nils {
		if got := c.String(); got != "<nil>" {
			t.Errorf("%T(nil).String() = %q, want <nil>", c, got)
		}
		if !agreement.EqualConditions(c, nil) {
			t.Errorf("EqualConditions(%T(nil), nil) = false, want true", c)
		}
		if c.Equal(agreement.Holds("cf")) {
			t.Errorf("%T(nil).Equal(holds) = true", c)
		}
		if ops := agreement.Operands(c); ops != nil {
			t.Errorf("Operands(%T(nil)) = %v, want nil", c, ops)
		}
		n := 0
		agreement.Walk(c, func(agreement.Condition) bool { n++; return true })
		if n != 0 {
			t.Errorf("Walk(%T(nil)) visited %d nodes, want 0", c, n)
		}
		if s := agreement.All(c).String(); s != "all(<nil>)" {
			t.Errorf("All(%T(nil)).String() = %q", c, s)
		}
	}
}
