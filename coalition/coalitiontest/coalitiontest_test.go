package coalitiontest_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// TestPropertyGeneratedCoalitionsValid is the generator's self-test: every
// drawn coalition validates, compiles to an agreement that validates, and
// the run covers what the generator promises.
func TestPropertyGeneratedCoalitionsValid(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		c := coalitiontest.Coalition(coalitiontest.Config{}).Draw(t, "coalition")
		coalitiontest.AssertValid(t, c)
		a, err := c.Agreement()
		if err != nil {
			t.Fatalf("Agreement(): %v", err)
		}
		agreementtest.AssertValid(t, a)

		for _, m := range c.Members {
			cov.Add("standing:" + m.Standing.String())
		}
		if c.Host != "" {
			cov.Add("host")
			if c.IsMember(c.Host) {
				cov.Add("host-member")
			}
		}
		if c.Party != "" {
			cov.Add("coalition-party")
		}
		for _, f := range c.Functions {
			if f.ID.DefaultCategory() == agreement.CategorySsrGua && !slices.Contains([]coalition.FunctionID{
				coalition.Training, coalition.AirPolicing, coalition.MaritimeSecurity, coalition.Logistics,
				coalition.Intelligence, coalition.WeaponsHubs}, f.ID) {
				cov.Add("function:user-defined")
			}
			if f.LeadWithoutContributions && len(f.Leads) > 0 &&
				!slices.ContainsFunc(c.Contributions, func(ct coalition.Contribution) bool { return ct.Function == f.ID }) {
				cov.Add("lead-without-contributions")
			}
			if len(f.Leads) > 1 {
				cov.Add("co-leads")
			}
		}
		for _, g := range c.Gaps() {
			if g.NoLead {
				cov.Add("gap:no-lead")
			}
			if g.NoContributions {
				cov.Add("gap:no-contributions")
			}
		}
		for _, tot := range c.TotalsByFunction() {
			if tot.Contributions > 1 {
				cov.Add("total-of-several")
			}
		}
		for _, d := range c.Declarations {
			if d.AllMembers {
				cov.Add("declaration:all-members")
			} else {
				cov.Add("declaration:signatories")
			}
		}
		for _, m := range c.Meetings {
			if len(m.Unnamed) > 0 {
				cov.Add("headcount")
			}
		}
		for _, ct := range c.Contributions {
			cov.Add("basing:" + ct.Basing.Kind.String())
			if len(ct.Basing.Areas) > 0 {
				cov.Add("areas")
			}
			if ct.IsBackstop() {
				cov.Add("backstop")
			} else {
				cov.Add("not-backstop")
			}
			if ct.Condition == nil {
				cov.Add("unconditional")
			}
			agreement.Walk(ct.Condition, func(n agreement.Condition) bool {
				if _, ok := n.(*agreement.ClauseInCondition); ok {
					cov.Add("reads-another-contribution")
				}
				return true
			})
			if ct.Action != nil {
				cov.Add("action")
			}
			if ct.Beneficiaries != nil {
				cov.Add("beneficiaries")
			}
			for _, q := range ct.Quantities {
				if !q.IsExact() {
					cov.Add("inexact-range")
				}
				if q.Wording != "" {
					cov.Add("wording")
				}
			}
		}
	})
	cov.Check(t, "standing:member", "standing:partner", "host", "host-member", "coalition-party",
		"function:user-defined", "lead-without-contributions", "co-leads", "gap:no-lead", "gap:no-contributions",
		"total-of-several", "declaration:all-members", "declaration:signatories", "headcount", "basing:",
		"basing:in-host", "basing:outside-host", "basing:at-sea", "areas", "backstop", "not-backstop",
		"unconditional", "reads-another-contribution", "action", "beneficiaries", "inexact-range", "wording")
}

// TestPropertyDeepCopy checks that DeepCopy's result equals its input and
// shares nothing with it.
func TestPropertyDeepCopy(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := coalitiontest.Coalition(coalitiontest.Config{}).Draw(t, "coalition")
		d := coalitiontest.DeepCopy(c)
		if diff := cmp.Diff(c, d, coalitiontest.Options()); diff != "" {
			t.Fatalf("DeepCopy differs (-original +copy):\n%s", diff)
		}
		if len(d.Contributions) > 0 {
			d.Contributions[0].ID = "changed"
			if len(d.Contributions[0].Quantities) > 0 {
				d.Contributions[0].Quantities[0].Wording = "changed"
			}
			if c.Contributions[0].ID == "changed" ||
				len(c.Contributions[0].Quantities) > 0 && c.Contributions[0].Quantities[0].Wording == "changed" {
				t.Fatal("DeepCopy shares contributions with its input")
			}
		}
	})
}

// TestConfigBounds checks that sizes stay within a small Config and that
// negative fields mean the minimum.
func TestConfigBounds(t *testing.T) {
	cfg := coalitiontest.Config{Members: 1, Others: -1, Functions: -1, Contributions: 2, Cells: -1,
		Declarations: -1, Meetings: -1, Depth: -1}
	rapid.Check(t, func(t *rapid.T) {
		c := coalitiontest.Coalition(cfg).Draw(t, "coalition")
		coalitiontest.AssertValid(t, c)
		if len(c.Members) != 1 || len(c.Parties) != 1 || len(c.Functions) != 1 || len(c.Contributions) > 2 ||
			len(c.Cells)+len(c.Declarations)+len(c.Meetings) != 0 {
			t.Fatalf("sizes out of bounds: %d members, %d parties, %d functions, %d contributions",
				len(c.Members), len(c.Parties), len(c.Functions), len(c.Contributions))
		}
	})
}

func TestRangeUnits(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := coalitiontest.Range(agreement.UnitKm).Draw(t, "range")
		if err := r.Validate(); err != nil || r.Unit != agreement.UnitKm {
			t.Fatalf("Range(km) drew %s: %v", r, err)
		}
	})
}
