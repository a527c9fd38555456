package coalition_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
	"github.com/peacekit/peacekit/scenario"
)

func gen() *rapid.Generator[coalition.Coalition] {
	return coalitiontest.Coalition(coalitiontest.Config{})
}

// pairs returns every (function, unit) pair some contribution offers.
func pairs(c coalition.Coalition) [][2]string {
	var out [][2]string
	for _, ct := range c.Contributions {
		for _, q := range ct.Quantities {
			p := [2]string{string(ct.Function), string(q.Unit)}
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// TestPropertyTotalsOrderIndependent: totals, shares, gaps and the backstop
// do not depend on the order of contributions (a coalition's totals are order-independent sums of its contributions).
func TestPropertyTotalsOrderIndependent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := gen().Draw(t, "coalition")
		p := c
		p.Contributions = rapid.Permutation(c.Contributions).Draw(t, "order")
		opts := coalitiontest.Options()
		if diff := cmp.Diff(c.TotalsByFunction(), p.TotalsByFunction(), opts); diff != "" {
			t.Fatalf("TotalsByFunction depends on order (-original +permuted):\n%s", diff)
		}
		if diff := cmp.Diff(c.TotalsByBasing(), p.TotalsByBasing(), opts); diff != "" {
			t.Fatalf("TotalsByBasing depends on order (-original +permuted):\n%s", diff)
		}
		for _, fu := range pairs(c) {
			f, u := coalition.FunctionID(fu[0]), agreement.Unit(fu[1])
			if diff := cmp.Diff(c.Shares(f, u), p.Shares(f, u), opts); diff != "" {
				t.Fatalf("Shares(%s, %q) depends on order (-original +permuted):\n%s", f, u, diff)
			}
		}
		if diff := cmp.Diff(c.Gaps(), p.Gaps()); diff != "" {
			t.Fatalf("Gaps depends on order (-original +permuted):\n%s", diff)
		}
		a, b := ids(c.Backstop()), ids(p.Backstop())
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Fatalf("Backstop: %v, permuted %v", a, b)
		}
	})
}

// TestPropertyTotalsMinNotAboveMax: in every total and share, min never
// exceeds max; every total is the plain sum of its quantities; every share
// lies in [0, 100] with at most SharePlaces places.
func TestPropertyTotalsMinNotAboveMax(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := gen().Draw(t, "coalition")
		for _, tot := range c.TotalsByFunction() {
			if tot.Amount.Min.GreaterThan(tot.Amount.Max) {
				t.Fatalf("total %s: min above max", tot.Amount)
			}
			var min, max decimal.Decimal
			n := 0
			for _, ct := range c.Contributions {
				counted := false
				for _, q := range ct.Quantities {
					if ct.Function == tot.Function && q.Unit == tot.Amount.Unit {
						min, max = min.Add(q.Min), max.Add(q.Max)
						if !counted {
							n, counted = n+1, true
						}
					}
				}
			}
			if !min.Equal(tot.Amount.Min) || !max.Equal(tot.Amount.Max) || n != tot.Contributions {
				t.Fatalf("total %s %s from %d, want %s-%s from %d", tot.Function, tot.Amount, tot.Contributions, min, max, n)
			}
		}
		for _, tot := range c.TotalsByBasing() {
			if tot.Amount.Min.GreaterThan(tot.Amount.Max) {
				t.Fatalf("basing total %s: min above max", tot.Amount)
			}
		}
		hundred := decimal.NewFromInt(100)
		for _, fu := range pairs(c) {
			for _, s := range c.Shares(coalition.FunctionID(fu[0]), agreement.Unit(fu[1])) {
				if s.Min.GreaterThan(s.Max) || s.Min.IsNegative() || s.Max.GreaterThan(hundred) {
					t.Fatalf("share %s of %s: %s to %s", s.Contributor, fu[0], s.Min, s.Max)
				}
				if !s.Min.Equal(s.Min.Round(coalition.SharePlaces)) || !s.Max.Equal(s.Max.Round(coalition.SharePlaces)) {
					t.Fatalf("share %s to %s has more than %d places", s.Min, s.Max, coalition.SharePlaces)
				}
			}
		}
	})
}

// TestPropertyRemovingMemberNeverIncreasesTotals: when a member withdraws
// with its contributions, no total grows and none appears.
func TestPropertyRemovingMemberNeverIncreasesTotals(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := gen().Draw(t, "coalition")
		before := coalitiontest.DeepCopy(c)
		m := rapid.SampledFrom(c.Members).Draw(t, "member").Party
		w := c.WithoutMember(m)
		if diff := cmp.Diff(before, c, coalitiontest.Options()); diff != "" {
			t.Fatalf("WithoutMember modified its receiver (-before +after):\n%s", diff)
		}
		if w.IsMember(m) || slices.ContainsFunc(w.Contributions, func(ct coalition.Contribution) bool { return ct.Contributor == m }) {
			t.Fatalf("%s still a member or contributor", m)
		}
		old := c.TotalsByFunction()
		for _, tot := range w.TotalsByFunction() {
			i := slices.IndexFunc(old, func(o coalition.FunctionTotal) bool {
				return o.Function == tot.Function && o.Amount.Unit == tot.Amount.Unit
			})
			if i < 0 {
				t.Fatalf("total %s %s appeared", tot.Function, tot.Amount)
			}
			o := old[i]
			if tot.Amount.Min.GreaterThan(o.Amount.Min) || tot.Amount.Max.GreaterThan(o.Amount.Max) || tot.Contributions > o.Contributions {
				t.Fatalf("total %s grew from %s to %s", tot.Function, o.Amount, tot.Amount)
			}
		}
		oldB := c.TotalsByBasing()
		for _, tot := range w.TotalsByBasing() {
			i := slices.IndexFunc(oldB, func(o coalition.BasingTotal) bool {
				return o.Basing == tot.Basing && o.Amount.Unit == tot.Amount.Unit
			})
			if i < 0 || tot.Amount.Min.GreaterThan(oldB[i].Amount.Min) || tot.Amount.Max.GreaterThan(oldB[i].Amount.Max) {
				t.Fatalf("basing total %s %s grew or appeared", tot.Basing, tot.Amount)
			}
		}
	})
}

// TestPropertyCompiledClausesValidate: every valid coalition compiles to an
// agreement that validates and that package scenario compiles; one clause
// per contribution with the same id; a clause has an antecedent exactly
// when its contribution is in the backstop.
func TestPropertyCompiledClausesValidate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := gen().Draw(t, "coalition")
		before := coalitiontest.DeepCopy(c)
		a, err := c.Agreement()
		if err != nil {
			t.Fatalf("Agreement(): %v", err)
		}
		agreementtest.AssertValid(t, a)
		if _, err := scenario.Compile(a); err != nil {
			t.Fatalf("scenario.Compile: %v", err)
		}
		clauses, err := c.Clauses()
		if err != nil {
			t.Fatalf("Clauses(): %v", err)
		}
		if diff := cmp.Diff(a.Clauses, clauses, agreementtest.Options()); diff != "" {
			t.Fatalf("Clauses() and Agreement().Clauses differ:\n%s", diff)
		}
		if len(clauses) != len(c.Contributions) {
			t.Fatalf("%d clauses for %d contributions", len(clauses), len(c.Contributions))
		}
		for i, cl := range clauses {
			ct := c.Contributions[i]
			if cl.ID != ct.ID.ClauseID() || !slices.Equal(cl.Debtors, []agreement.PartyID{ct.Contributor}) {
				t.Fatalf("clause %d: id %s debtors %v, from contribution %s by %s", i, cl.ID, cl.Debtors, ct.ID, ct.Contributor)
			}
			if ct.IsBackstop() != (cl.Antecedent != nil) {
				t.Fatalf("%s: backstop %v, antecedent %v", ct.ID, ct.IsBackstop(), cl.Antecedent)
			}
			if cl.Trigger != nil && coalition.RequiresEvent(cl.Trigger, agreement.EventKindArmedAttack) {
				t.Fatalf("%s: trigger %v requires an attack", ct.ID, cl.Trigger)
			}
		}
		if diff := cmp.Diff(before, c, coalitiontest.Options()); diff != "" {
			t.Fatalf("compiling modified the coalition (-before +after):\n%s", diff)
		}
		// The analyses do not modify it either.
		_, _, _, _ = c.TotalsByFunction(), c.TotalsByBasing(), c.Gaps(), c.Backstop()
		for _, fu := range pairs(c) {
			_ = c.Shares(coalition.FunctionID(fu[0]), agreement.Unit(fu[1]))
		}
		if diff := cmp.Diff(before, c, coalitiontest.Options()); diff != "" {
			t.Fatalf("analysing modified the coalition (-before +after):\n%s", diff)
		}
	})
}

// TestPropertyBadInputReported: a contribution by a non-member, and a range
// with min above max, are each reported at their exact path, whatever else
// the coalition holds.
func TestPropertyBadInputReported(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := coalitiontest.DeepCopy(gen().Draw(t, "coalition"))
		var outsiders []agreement.PartyID
		for _, p := range c.Parties {
			if !c.IsMember(p.ID) {
				outsiders = append(outsiders, p.ID)
			}
		}
		if len(c.Contributions) == 0 {
			c.Contributions = []coalition.Contribution{{ID: "x", Contributor: c.Members[0].Party, Function: c.Functions[0].ID}}
		}
		i := rapid.IntRange(0, len(c.Contributions)-1).Draw(t, "contribution")
		ct := &c.Contributions[i]
		path := "contributions[" + itoa(i) + "]"
		if len(outsiders) > 0 {
			ct.Contributor = rapid.SampledFrom(outsiders).Draw(t, "outsider")
			agreementtest.AssertProblem(t, c.Validate(), coalition.ErrNotMember, path+".contributor")
		}
		one := decimal.NewFromInt(1)
		j := len(ct.Quantities)
		ct.Quantities = append(ct.Quantities, agreement.Range{Min: one.Add(one), Max: one, Unit: agreement.UnitTroops})
		err := c.Validate()
		agreementtest.AssertProblem(t, err, agreement.ErrInvalidValue, path+".quantities["+itoa(j)+"]")
		if _, cerr := c.Agreement(); cerr == nil {
			t.Fatal("Agreement() compiled an invalid coalition")
		}
	})
}

// TestPropertyCorruptionsReportedNeverPanic applies one to three
// corruptions, each of which makes a coalition invalid, to a generated
// coalition: Validate reports a problem for each with a sentinel,
// compilation refuses, and no analysis panics.
func TestPropertyCorruptionsReportedNeverPanic(t *testing.T) {
	type corruption struct {
		name  string
		apply func(t *rapid.T, c *coalition.Coalition) bool // false: does not apply
	}
	some := func(t *rapid.T, n int, label string) int { return rapid.IntRange(0, n-1).Draw(t, label) }
	corruptions := []corruption{
		{"missing id", func(t *rapid.T, c *coalition.Coalition) bool { c.ID = ""; return true }},
		{"undeclared member", func(t *rapid.T, c *coalition.Coalition) bool {
			c.Members[some(t, len(c.Members), "member")].Party = "XX"
			return true
		}},
		{"bad standing", func(t *rapid.T, c *coalition.Coalition) bool {
			c.Members[some(t, len(c.Members), "member")].Standing = 200
			return true
		}},
		{"undeclared function", func(t *rapid.T, c *coalition.Coalition) bool {
			if len(c.Contributions) == 0 {
				return false
			}
			c.Contributions[some(t, len(c.Contributions), "contribution")].Function = "no-such-function"
			return true
		}},
		{"undeclared contributor", func(t *rapid.T, c *coalition.Coalition) bool {
			if len(c.Contributions) == 0 {
				return false
			}
			c.Contributions[some(t, len(c.Contributions), "contribution")].Contributor = "XX"
			return true
		}},
		{"min above max", func(t *rapid.T, c *coalition.Coalition) bool {
			if len(c.Contributions) == 0 {
				return false
			}
			ct := &c.Contributions[some(t, len(c.Contributions), "contribution")]
			ct.Quantities = append(ct.Quantities, agreement.Range{Min: decimal.NewFromInt(2), Max: decimal.NewFromInt(1)})
			return true
		}},
		{"nil operand", func(t *rapid.T, c *coalition.Coalition) bool {
			if len(c.Contributions) == 0 {
				return false
			}
			ct := &c.Contributions[some(t, len(c.Contributions), "contribution")]
			ct.Condition = agreement.All(ct.Condition, nil)
			return true
		}},
		{"self-dependency", func(t *rapid.T, c *coalition.Coalition) bool {
			if len(c.Contributions) == 0 {
				return false
			}
			ct := &c.Contributions[some(t, len(c.Contributions), "contribution")]
			ct.Condition = agreement.Any(ct.Condition, agreement.ClauseIn(agreement.LocalRef(ct.ID.ClauseID()), agreement.StateViolated))
			return true
		}},
		{"bad basing", func(t *rapid.T, c *coalition.Coalition) bool {
			if len(c.Contributions) == 0 {
				return false
			}
			c.Contributions[some(t, len(c.Contributions), "contribution")].Basing.Kind = 200
			return true
		}},
		{"duplicate contribution", func(t *rapid.T, c *coalition.Coalition) bool {
			if len(c.Contributions) < 2 {
				return false
			}
			c.Contributions[1].ID = c.Contributions[0].ID
			return true
		}},
		{"negative headcount", func(t *rapid.T, c *coalition.Coalition) bool {
			c.Meetings = append(c.Meetings, coalition.Meeting{Unnamed: []coalition.Headcount{{Count: -1}}})
			return true
		}},
		{"empty cell", func(t *rapid.T, c *coalition.Coalition) bool {
			c.Cells = append(c.Cells, coalition.Cell{Location: "nowhere"})
			return true
		}},
	}
	rapid.Check(t, func(t *rapid.T) {
		c := coalitiontest.DeepCopy(gen().Draw(t, "coalition"))
		applied := 0
		for range rapid.IntRange(1, 3).Draw(t, "corruptions") {
			k := rapid.SampledFrom(corruptions).Draw(t, "corruption")
			if k.apply(t, &c) {
				applied++
			}
		}
		if applied == 0 {
			c.ID = "bad id"
		}
		err := c.Validate()
		var ve *agreement.ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) == 0 {
			t.Fatalf("Validate() = %v, want a *ValidationError", err)
		}
		for _, p := range ve.Problems {
			if p.Err == nil || p.Msg == "" {
				t.Fatalf("problem without sentinel or message: %#v", p)
			}
		}
		if _, err := c.Agreement(); err == nil {
			t.Fatal("Agreement() compiled an invalid coalition")
		}
		_, _, _, _ = c.TotalsByFunction(), c.TotalsByBasing(), c.Gaps(), c.Backstop()
		for _, fu := range pairs(c) {
			_ = c.Shares(coalition.FunctionID(fu[0]), agreement.Unit(fu[1]))
		}
		_ = c.WithoutMember(c.Members[0].Party)
	})
}
