package coalition_test

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

type problem struct {
	Path string
	Err  error
}

func problemsOf(t *testing.T, err error) []problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *agreement.ValidationError", err, err)
	}
	var out []problem
	for _, p := range ve.Problems {
		out = append(out, problem{p.Path, p.Err})
	}
	return out
}

func TestValidateBadInput(t *testing.T) {
	// Indices in seedDraft: contributions 0 us-monitoring, 1 fr-troops, 2
	// gb-troops, 3 gb-hubs, 4 fr-hubs, 5 de-monitoring, 6 us-backstop;
	// functions 0 monitoring, 1 multinational force, 2 hubs.
	d := func(v string) decimal.Decimal { return decimal.RequireFromString(v) }
	tests := []struct {
		name   string
		modify func(c *coalition.Coalition)
		want   []problem
	}{
		{"contribution by a non-member", func(c *coalition.Coalition) {
			c.Contributions[3].Contributor = "RU"
		}, []problem{{"contributions[3].contributor", coalition.ErrNotMember}}},
		{"contribution by an undeclared party", func(c *coalition.Coalition) {
			c.Contributions[3].Contributor = "XX"
		}, []problem{{"contributions[3].contributor", agreement.ErrUnknownParty}}},
		{"contribution by nobody", func(c *coalition.Coalition) {
			c.Contributions[3].Contributor = ""
		}, []problem{{"contributions[3].contributor", agreement.ErrMissing}}},
		{"range with min above max", func(c *coalition.Coalition) {
			c.Contributions[1].Quantities = []agreement.Range{{Min: d("9000"), Max: d("2000"), Unit: agreement.UnitTroops,
				Wording: "several thousand"}}
		}, []problem{{"contributions[1].quantities[0]", agreement.ErrInvalidValue}}},
		{"negative bound", func(c *coalition.Coalition) {
			c.Contributions[1].Quantities = []agreement.Range{{Min: d("-1"), Max: d("2000"), Unit: agreement.UnitTroops}}
		}, []problem{{"contributions[1].quantities[0].min", agreement.ErrNegative}}},
		{"malformed unit", func(c *coalition.Coalition) {
			c.Contributions[1].Quantities = []agreement.Range{{Min: d("1"), Max: d("2"), Unit: "Troops!"}}
		}, []problem{{"contributions[1].quantities[0].unit", agreement.ErrInvalidValue}}},
		{"lead for a function nobody contributes to", func(c *coalition.Coalition) {
			c.Functions = append(c.Functions, coalition.Function{ID: coalition.Training, Leads: []agreement.PartyID{"GB"}})
		}, []problem{{"functions[3].leads", coalition.ErrLeadWithoutContributions}}},
		{"lead by a non-member", func(c *coalition.Coalition) {
			c.Functions[0].Leads = []agreement.PartyID{"US", "RU"}
		}, []problem{{"functions[0].leads[1]", coalition.ErrNotMember}}},
		{"lead listed twice", func(c *coalition.Coalition) {
			c.Functions[1].Leads = []agreement.PartyID{"GB", "FR", "GB"}
		}, []problem{{"functions[1].leads[2]", agreement.ErrDuplicateID}}},
		{"undeclared function", func(c *coalition.Coalition) {
			c.Contributions[0].Function = coalition.Training
		}, []problem{{"contributions[0].function", coalition.ErrUnknownFunction}}},
		{"malformed user-defined function", func(c *coalition.Coalition) {
			c.Functions = append(c.Functions, coalition.Function{ID: "Air Policing"})
		}, []problem{{"functions[3].id", agreement.ErrInvalidID}}},
		{"function declared twice", func(c *coalition.Coalition) {
			c.Functions = append(c.Functions, coalition.Function{ID: coalition.WeaponsHubs})
		}, []problem{{"functions[3].id", agreement.ErrDuplicateID}}},
		{"malformed category", func(c *coalition.Coalition) {
			c.Functions[2].Category = "ssr"
		}, []problem{{"functions[2].category", agreement.ErrInvalidValue}}},
		{"duplicate contribution id", func(c *coalition.Coalition) {
			c.Contributions[4].ID = "gb-hubs"
		}, []problem{{"contributions[4].id", agreement.ErrDuplicateID}}},
		{"malformed contribution id", func(c *coalition.Coalition) {
			c.Contributions[4].ID = "fr hubs"
		}, []problem{{"contributions[4].id", agreement.ErrInvalidID}}},
		{"condition naming an undeclared party", func(c *coalition.Coalition) {
			c.Contributions[6].Condition = agreement.All(agreement.Holds(ceasefire),
				agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "XX"}))
		}, []problem{{"contributions[6].condition.all[1].happened.actor", agreement.ErrUnknownParty}}},
		{"condition reading an undeclared fluent", func(c *coalition.Coalition) {
			c.Contributions[0].Condition = agreement.Holds("truce")
		}, []problem{{"contributions[0].condition.holds", agreement.ErrUnknownFluent}}},
		{"condition reading an unknown contribution", func(c *coalition.Coalition) {
			c.Contributions[6].Condition = agreement.ClauseIn(agreement.LocalRef("pl-troops"), agreement.StateInEffect)
		}, []problem{{"contributions[6].condition.clauseIn.clause", agreement.ErrUnknownClause}}},
		{"condition with a nil operand", func(c *coalition.Coalition) {
			c.Contributions[0].Condition = agreement.Any(agreement.Holds(ceasefire), nil)
		}, []problem{{"contributions[0].condition.any[1]", agreement.ErrMissing}}},
		{"dependency cycle", func(c *coalition.Coalition) {
			c.Contributions[1].Condition = agreement.ClauseIn(agreement.LocalRef("gb-troops"), agreement.StateInEffect)
			c.Contributions[2].Condition = agreement.ClauseIn(agreement.LocalRef("fr-troops"), agreement.StateInEffect)
		}, []problem{{"contributions[1]", agreement.ErrCycle}}},
		{"action naming an undeclared party", func(c *coalition.Coalition) {
			c.Contributions[0].Action = &agreement.Pattern{Kind: "monitoring-established", Target: "XX"}
		}, []problem{{"contributions[0].action.target", agreement.ErrUnknownParty}}},
		{"undeclared beneficiary", func(c *coalition.Coalition) {
			c.Contributions[6].Beneficiaries = []agreement.PartyID{"GB", "XX"}
		}, []problem{{"contributions[6].beneficiaries[1]", agreement.ErrUnknownParty}}},
		{"unknown force", func(c *coalition.Coalition) {
			c.Contributions[0].Force = 42
		}, []problem{{"contributions[0].force", agreement.ErrInvalidValue}}},
		{"areas outside the host", func(c *coalition.Coalition) {
			c.Contributions[5].Basing.Areas = []agreement.AreaID{"donetsk"}
		}, []problem{{"contributions[5].basing.areas", agreement.ErrInconsistent}}},
		{"malformed and repeated areas", func(c *coalition.Coalition) {
			c.Contributions[1].Basing.Areas = []agreement.AreaID{"kyiv", "no such/area", "kyiv"}
		}, []problem{{"contributions[1].basing.areas[1]", agreement.ErrInvalidID},
			{"contributions[1].basing.areas[2]", agreement.ErrDuplicateID}}},
		{"unknown basing kind", func(c *coalition.Coalition) {
			c.Contributions[1].Basing.Kind = 9
		}, []problem{{"contributions[1].basing.kind", agreement.ErrInvalidValue}}},
		{"missing id, unknown host and coalition party", func(c *coalition.Coalition) {
			c.ID, c.Host, c.Party = "", "XX", "YY"
		}, []problem{{"id", agreement.ErrMissing}, {"party", agreement.ErrUnknownParty},
			{"host", agreement.ErrUnknownParty}}},
		{"duplicate party", func(c *coalition.Coalition) {
			c.Parties = append(c.Parties, agreement.Party{ID: "FR"})
		}, []problem{{"parties[7].id", agreement.ErrDuplicateID}}},
		{"undeclared and repeated members, bad standing", func(c *coalition.Coalition) {
			c.Members = append(c.Members, coalition.Member{Party: "PL"}, coalition.Member{Party: "FR", Standing: 7})
		}, []problem{{"members[5].party", agreement.ErrUnknownParty}, {"members[6].party", agreement.ErrDuplicateID},
			{"members[6].standing", agreement.ErrInvalidValue}}},
		{"cell without participants", func(c *coalition.Coalition) {
			c.Cells[0].Participants = nil
		}, []problem{{"cells[0].participants", agreement.ErrMissing}}},
		{"declaration by all members with signatories", func(c *coalition.Coalition) {
			c.Declarations[0].Signatories = []agreement.PartyID{"FR"}
		}, []problem{{"declarations[0].signatories", agreement.ErrInconsistent}}},
		{"declaration without title or signatories", func(c *coalition.Coalition) {
			c.Declarations[1].Title, c.Declarations[1].Signatories = "", nil
		}, []problem{{"declarations[1].title", agreement.ErrMissing},
			{"declarations[1].signatories", agreement.ErrMissing}}},
		{"attendance errors", func(c *coalition.Coalition) {
			m := &c.Meetings[0]
			m.Attendees = append(m.Attendees, coalition.Attendee{Party: "FR", Level: 99})
			m.Unnamed = append(m.Unnamed, coalition.Headcount{Level: coalition.Minister, Count: -3})
		}, []problem{{"meetings[0].attendees[5].party", agreement.ErrDuplicateID},
			{"meetings[0].attendees[5].level", agreement.ErrInvalidValue},
			{"meetings[0].unnamed[2].count", agreement.ErrNegative}}},
		{"fluent naming an undeclared party", func(c *coalition.Coalition) {
			c.Fluents[0].Terminates = []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed, Actor: "XX"}}
		}, []problem{{"fluents[0].terminates[0].actor", agreement.ErrUnknownParty}}},
		{"every problem at once, in order", func(c *coalition.Coalition) {
			c.Contributions[6].Contributor = "RU"
			c.Contributions[1].Quantities[0].Min = d("10000")
			c.Functions = append(c.Functions, coalition.Function{ID: "demining", Leads: []agreement.PartyID{"DE"}})
			c.Members[0].Party = "XX"
		}, []problem{
			{"members[0].party", agreement.ErrUnknownParty},
			{"functions[3].leads", coalition.ErrLeadWithoutContributions},
			{"contributions[1].quantities[0]", agreement.ErrInvalidValue},
			{"contributions[6].contributor", coalition.ErrNotMember},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := seedDraft()
			tc.modify(&c)
			before := coalitiontest.DeepCopy(c)
			err := c.Validate()
			got := problemsOf(t, err)
			if diff := cmp.Diff(tc.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			for _, p := range tc.want {
				if !errors.Is(err, p.Err) {
					t.Errorf("errors.Is(err, %v) = false", p.Err)
				}
			}
			if _, cerr := c.Agreement(); cerr == nil || cerr.Error() != err.Error() {
				t.Errorf("Agreement() error = %v, want Validate's", cerr)
			}
			if cls, cerr := c.Clauses(); cls != nil || cerr == nil {
				t.Errorf("Clauses() = %d clauses, %v; want none and an error", len(cls), cerr)
			}
			if diff := cmp.Diff(before, c, coalitiontest.Options()); diff != "" {
				t.Errorf("Validate modified its input (-before +after):\n%s", diff)
			}
		})
	}
}

// TestValidateMessages shows the exact error for the bad inputs the issue
// names.
func TestValidateMessages(t *testing.T) {
	c := seedDraft()
	c.Contributions[6].Contributor = "RU"
	c.Contributions[1].Quantities = []agreement.Range{{Min: decimal.NewFromInt(9000), Max: decimal.NewFromInt(2000),
		Unit: agreement.UnitTroops, Wording: "several thousand"}}
	c.Functions = append(c.Functions, coalition.Function{ID: coalition.Training, Leads: []agreement.PartyID{"GB"}})
	const want = `agreement: 3 problems:
	functions[3].leads: function "training" has a lead but no contributions (set leadWithoutContributions to allow it)
	contributions[1].quantities[0]: minimum 9000 exceeds maximum 2000
	contributions[6].contributor: party "RU" is not a member of the coalition`
	if err := c.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() error:\n%v\nwant:\n%s", err, want)
	}
}

func TestLeadWithoutContributionsAllowed(t *testing.T) {
	c := seedFinal()
	c.Functions = append(c.Functions, coalition.Function{ID: coalition.AirPolicing, Leads: []agreement.PartyID{"GB"},
		LeadWithoutContributions: true})
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil: the function allows a lead without contributions", err)
	}
	want := []coalition.Gap{{Function: coalition.WeaponsHubs, NoLead: true},
		{Function: coalition.AirPolicing, NoContributions: true}}
	if diff := cmp.Diff(want, c.Gaps()); diff != "" {
		t.Errorf("Gaps() mismatch (-want +got):\n%s", diff)
	}
}

// TestZeroValues checks that the zero coalition is invalid for its missing
// id alone, and that nothing panics on it.
func TestZeroValues(t *testing.T) {
	var c coalition.Coalition
	got := problemsOf(t, c.Validate())
	if want := []problem{{"id", agreement.ErrMissing}}; !slices.Equal(got, want) {
		t.Errorf("zero Coalition: problems %v, want %v", got, want)
	}
	if c.TotalsByFunction() != nil || c.TotalsByBasing() != nil || c.Gaps() != nil || c.Backstop() != nil ||
		c.Shares(coalition.Training, agreement.UnitTroops) != nil {
		t.Error("zero Coalition: analyses should be empty")
	}
	var m coalition.Meeting
	if m.Attending() != 0 {
		t.Error("zero Meeting attended")
	}
}

// A coalition with more problems than agreement.MaxProblems is summarised:
// the first MaxProblems are kept, and Omitted counts the rest, those found
// by package agreement's validation of its parts included.
func TestValidateCapsProblems(t *testing.T) {
	for _, n := range []int{3, agreement.MaxProblems, agreement.MaxProblems + 500} {
		c := coalition.Coalition{ID: "c"}
		for i := range n {
			c.Parties = append(c.Parties, agreement.Party{ID: agreement.PartyID("Bad " + strconv.Itoa(i))})
		}
		var ve *agreement.ValidationError
		if !errors.As(c.Validate(), &ve) {
			t.Fatalf("%d invalid party ids: Validate() is not a *agreement.ValidationError", n)
		}
		if got, want := len(ve.Problems), min(n, agreement.MaxProblems); got != want {
			t.Errorf("%d invalid party ids: %d problems kept, want %d", n, got, want)
		}
		if got, want := len(ve.Problems)+ve.Omitted, n; got != want {
			t.Errorf("%d invalid party ids: %d kept + %d omitted = %d problems, want %d", n, len(ve.Problems), ve.Omitted, got, want)
		}
	}
}
