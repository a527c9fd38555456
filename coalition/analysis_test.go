package coalition_test

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// hubs returns a coalition whose members offer ranges of hubs to one
// function.
func hubs(amounts map[agreement.PartyID]agreement.Range) coalition.Coalition {
	c := coalition.Coalition{ID: "hubs", Functions: []coalition.Function{{ID: coalition.WeaponsHubs}}}
	for _, p := range []agreement.PartyID{"GB", "FR", "PL"} {
		r, ok := amounts[p]
		if !ok {
			continue
		}
		c.Parties = append(c.Parties, agreement.Party{ID: p})
		c.Members = append(c.Members, coalition.Member{Party: p})
		c.Contributions = append(c.Contributions, coalition.Contribution{ID: coalition.ContributionID(p + "-hubs"),
			Contributor: p, Function: coalition.WeaponsHubs, Quantities: []agreement.Range{r}})
	}
	return c
}

func rng(min, max string) agreement.Range {
	return agreement.Range{Min: decimal.RequireFromString(min), Max: decimal.RequireFromString(max), Unit: "hubs"}
}

func TestShares(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name    string
		amounts map[agreement.PartyID]agreement.Range
		want    []coalition.Share
	}{
		{"halves round away from zero; shares need not add up to 100",
			map[agreement.PartyID]agreement.Range{"GB": rng("1", "1"), "FR": rng("31", "31")},
			[]coalition.Share{
				{Contributor: "GB", Amount: rng("1", "1"), Min: d("3.13"), Max: d("3.13")},     // 3.125
				{Contributor: "FR", Amount: rng("31", "31"), Min: d("96.88"), Max: d("96.88")}, // 96.875
			}},
		{"ranges give share ranges",
			map[agreement.PartyID]agreement.Range{"GB": rng("0", "10"), "FR": rng("10", "10")},
			[]coalition.Share{
				{Contributor: "GB", Amount: rng("0", "10"), Min: d("0"), Max: d("50")},
				{Contributor: "FR", Amount: rng("10", "10"), Min: d("50"), Max: d("100")},
			}},
		{"nothing offered: zero shares, no division by zero",
			map[agreement.PartyID]agreement.Range{"GB": rng("0", "0"), "PL": rng("0", "0")},
			[]coalition.Share{
				{Contributor: "GB", Amount: rng("0", "0"), Min: d("0"), Max: d("0")},
				{Contributor: "PL", Amount: rng("0", "0"), Min: d("0"), Max: d("0")},
			}},
		{"a third each",
			map[agreement.PartyID]agreement.Range{"GB": rng("1", "1"), "FR": rng("1", "1"), "PL": rng("1", "1")},
			[]coalition.Share{
				{Contributor: "GB", Amount: rng("1", "1"), Min: d("33.33"), Max: d("33.33")},
				{Contributor: "FR", Amount: rng("1", "1"), Min: d("33.33"), Max: d("33.33")},
				{Contributor: "PL", Amount: rng("1", "1"), Min: d("33.33"), Max: d("33.33")},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := hubs(tc.amounts)
			coalitiontest.AssertValid(t, c)
			got := c.Shares(coalition.WeaponsHubs, "hubs")
			if diff := cmp.Diff(tc.want, got, coalitiontest.Options()); diff != "" {
				t.Errorf("Shares() mismatch (-want +got):\n%s", diff)
			}
			if other := c.Shares(coalition.WeaponsHubs, agreement.UnitTroops); other != nil {
				t.Errorf("Shares in troops = %v, want nil", other)
			}
		})
	}
}

// TestTotalsOrderOfUndeclared checks the documented order on an invalid
// coalition: declared functions first, then undeclared ones lexically.
func TestTotalsOrderOfUndeclared(t *testing.T) {
	c := coalition.Coalition{
		Functions: []coalition.Function{{ID: coalition.Training}, {ID: coalition.Logistics}},
		Contributions: []coalition.Contribution{
			{Function: "zulu", Quantities: []agreement.Range{rng("1", "1")}},
			{Function: coalition.Logistics, Quantities: []agreement.Range{rng("1", "2")}},
			{Function: "alpha", Quantities: []agreement.Range{rng("1", "1")}},
			{Function: coalition.Training, Quantities: []agreement.Range{rng("3", "3"), rng("1", "1")}},
		},
	}
	var got []coalition.FunctionID
	for _, tot := range c.TotalsByFunction() {
		got = append(got, tot.Function)
	}
	want := []coalition.FunctionID{coalition.Training, coalition.Logistics, "alpha", "zulu"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order mismatch (-want +got):\n%s", diff)
	}
	// Two quantities of one contribution in one unit: one contribution.
	if tot := c.TotalsByFunction()[0]; tot.Contributions != 1 || !tot.Amount.Min.Equal(decimal.NewFromInt(4)) {
		t.Errorf("training total = %+v, want 4 hubs from 1 contribution", tot)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
