package coalition_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// paris is the date of the Paris meeting: the final communiqué was issued on
// "Tuesday evening", 6 January 2026.
var paris = time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC)

const ceasefire agreement.FluentID = "ceasefire-in-force"

// seed models the Coalition of the Willing as ../shared/seed/paris-2026-article.txt
// describes it, in the version of the draft statement (draft true) or of the
// final communiqué (draft false). The two differ in one commitment only: the
// draft's US support for the multinational force "in the event of a new
// Russian attack", "absent from the final communiqué".
//
// What the article does not say is not invented:
//   - Members are the parties it names as taking part: Ukraine, France,
//     Britain and Germany as full members; the United States as a partner
//     (it spearheads monitoring and sits in the coordination cell beside
//     "the Coalition", but the article does not make it a coalition nation).
//   - Of the 35 countries attending, 27 at leader level, the article names
//     five; the other 30 are placeholders kept as headcounts (23 leaders, 7
//     at a level it does not give), not as invented names or people.
//   - "several thousand" troops is read as 2,000 to 9,000, the wording kept.
//   - No lead is named for the hubs and weapons facilities: Britain and
//     France would both create them.
func seed(draft bool) coalition.Coalition {
	state := agreement.PartyKindState
	afterCeasefire := agreement.Holds(ceasefire)
	c := coalition.Coalition{
		ID:    "coalition-of-the-willing",
		Name:  "Coalition of the Willing",
		Party: "COW",
		Host:  "UA",
		Parties: []agreement.Party{
			{ID: "COW", Name: "Coalition of the Willing", Kind: agreement.PartyKindStateCoalition},
			{ID: "UA", Name: "Ukraine", Kind: state, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "RU", Name: "Russia", Kind: state, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "FR", Name: "France", Kind: state},
			{ID: "GB", Name: "United Kingdom", Kind: state},
			{ID: "DE", Name: "Germany", Kind: state},
			{ID: "US", Name: "United States", Kind: state, Roles: []agreement.Role{agreement.RoleMonitor}},
		},
		Members: []coalition.Member{
			{Party: "UA"}, {Party: "FR"}, {Party: "GB"}, {Party: "DE"},
			{Party: "US", Standing: coalition.Partner},
		},
		Fluents: []agreement.Fluent{{
			ID:         ceasefire,
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}},
		}},
		Functions: []coalition.Function{
			{ID: coalition.CeasefireMonitoring, Name: "mechanism for monitoring the truce",
				Leads: []agreement.PartyID{"US"}},
			{ID: coalition.MultinationalForce, Name: "multinational force led by Europe",
				Leads: []agreement.PartyID{"GB", "FR"}},
			{ID: coalition.WeaponsHubs, Name: "military hubs and secure facilities for weapons and military equipment"},
		},
		Cells: []coalition.Cell{{
			Name:         "coordination cell for the U.S., Ukraine, and the Coalition",
			Location:     "Paris",
			Participants: []agreement.PartyID{"US", "UA", "COW"},
		}},
		Declarations: []coalition.Declaration{
			{Title: "joint declaration from all coalition nations", AllMembers: true,
				Force: agreement.ForcePoliticallyBinding, Date: paris},
			{Title: "trilateral declaration of intent", Signatories: []agreement.PartyID{"FR", "GB", "UA"},
				Force: agreement.ForceDeclarationOfIntent, Date: paris},
		},
		Meetings: []coalition.Meeting{{
			Title:    "Paris meeting of the Coalition of the Willing",
			Location: "Paris",
			Date:     paris,
			Attendees: []coalition.Attendee{
				{Party: "FR", Level: coalition.Leader, Representatives: []string{"Emmanuel Macron"}},
				{Party: "GB", Level: coalition.Leader, Representatives: []string{"Keir Starmer"}},
				{Party: "UA", Level: coalition.Leader, Representatives: []string{"Volodymyr Zelensky"}},
				{Party: "DE", Level: coalition.Leader, Representatives: []string{"Friedrich Merz"}},
				{Party: "US", Level: coalition.Envoy, Representatives: []string{"Steve Witkoff", "Kushner"}},
			},
			// Placeholders for the attendance the article gives only as
			// numbers: 35 countries, 27 of them at leader level.
			Unnamed: []coalition.Headcount{{Level: coalition.Leader, Count: 23}, {Level: coalition.LevelUnspecified, Count: 7}},
		}},
		Contributions: []coalition.Contribution{
			{
				ID: "us-monitoring", Contributor: "US", Function: coalition.CeasefireMonitoring,
				Text:      "the United States spearheading a mechanism for monitoring the truce, with support from European allies",
				Condition: afterCeasefire, Force: agreement.ForcePoliticallyBinding,
				Source: agreement.Source{Speaker: "Emmanuel Macron", Date: paris},
			},
			{
				ID: "fr-troops", Contributor: "FR", Function: coalition.MultinationalForce,
				Text: `France could deploy "several thousand" troops to Ukraine after the conflict`,
				Quantities: []agreement.Range{{Min: decimal.NewFromInt(2000), Max: decimal.NewFromInt(9000),
					Unit: agreement.UnitTroops, Wording: "several thousand"}},
				Basing:    coalition.Basing{Kind: coalition.InHost},
				Condition: afterCeasefire, Force: agreement.ForceDeclarationOfIntent,
				Source: agreement.Source{Speaker: "Emmanuel Macron", Date: paris},
			},
			{
				ID: "gb-troops", Contributor: "GB", Function: coalition.MultinationalForce,
				Text:      "Britain, France, and other European partners to send troops into Ukraine following a ceasefire agreement",
				Basing:    coalition.Basing{Kind: coalition.InHost},
				Condition: afterCeasefire, Force: agreement.ForceDeclarationOfIntent,
				Source: agreement.Source{Document: "trilateral declaration of intent", Date: paris},
			},
			{
				ID: "gb-hubs", Contributor: "GB", Function: coalition.WeaponsHubs,
				Text:      `"military hubs" throughout Ukraine and "secure facilities for weapons and military equipment"`,
				Basing:    coalition.Basing{Kind: coalition.InHost},
				Condition: afterCeasefire, Force: agreement.ForceDeclarationOfIntent,
				Source: agreement.Source{Speaker: "Keir Starmer", Date: paris},
			},
			{
				ID: "fr-hubs", Contributor: "FR", Function: coalition.WeaponsHubs,
				Text:      `"military hubs" throughout Ukraine and "secure facilities for weapons and military equipment"`,
				Basing:    coalition.Basing{Kind: coalition.InHost},
				Condition: afterCeasefire, Force: agreement.ForceDeclarationOfIntent,
				Source: agreement.Source{Speaker: "Keir Starmer", Date: paris},
			},
			{
				ID: "de-monitoring", Contributor: "DE", Function: coalition.CeasefireMonitoring,
				Text:      "German forces could join to oversee a ceasefire, albeit based outside Ukraine",
				Basing:    coalition.Basing{Kind: coalition.OutsideHost},
				Condition: afterCeasefire, Force: agreement.ForceAspiration,
				Source: agreement.Source{Speaker: "Friedrich Merz", Date: paris},
			},
		},
	}
	if draft {
		c.Contributions = append(c.Contributions, coalition.Contribution{
			ID: "us-backstop", Contributor: "US", Function: coalition.MultinationalForce,
			Text: `the U.S. would "support" the multinational force led by Europe "in the event of a new Russian attack"`,
			Condition: agreement.All(afterCeasefire,
				agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"})),
			Force:  agreement.ForcePoliticallyBinding,
			Source: agreement.Source{Document: "draft statement", Date: paris},
		})
	}
	return c
}

func seedDraft() coalition.Coalition { return seed(true) }
func seedFinal() coalition.Coalition { return seed(false) }

type version struct {
	name string
	c    coalition.Coalition
}

func versions() []version { return []version{{"draft", seedDraft()}, {"final", seedFinal()}} }

func ids(cts []coalition.Contribution) []coalition.ContributionID {
	var out []coalition.ContributionID
	for _, ct := range cts {
		out = append(out, ct.ID)
	}
	return out
}

func TestSeedValidates(t *testing.T) {
	for _, v := range versions() {
		c := v.c
		t.Run(v.name, func(t *testing.T) {
			coalitiontest.AssertValid(t, c)
			a, err := c.Agreement()
			if err != nil {
				t.Fatalf("Agreement() error: %v", err)
			}
			if err := a.Validate(); err != nil {
				t.Fatalf("compiled agreement: %v", err)
			}
		})
	}
}

func TestSeedAttendance(t *testing.T) {
	m := seedFinal().Meetings[0]
	if got := m.Attending(); got != 35 {
		t.Errorf("Attending() = %d, want 35 countries", got)
	}
	if got := m.AtLevel(coalition.Leader); got != 27 {
		t.Errorf("AtLevel(Leader) = %d, want 27 leaders", got)
	}
	if got := m.AtLevel(coalition.Envoy); got != 1 {
		t.Errorf("AtLevel(Envoy) = %d, want 1 (the United States)", got)
	}
	// Membership is separate from attendance: five named members, 35
	// attending.
	if got := len(seedFinal().Members); got != 5 {
		t.Errorf("len(Members) = %d, want 5", got)
	}
}

func TestSeedBackstop(t *testing.T) {
	draft := seedDraft().Backstop()
	if got, want := ids(draft), []coalition.ContributionID{"us-backstop"}; !slices.Equal(got, want) {
		t.Fatalf("draft Backstop() = %v, want %v", got, want)
	}
	if draft[0].Contributor != "US" || draft[0].Function != coalition.MultinationalForce {
		t.Errorf("draft backstop by %s for %s, want US for the multinational force", draft[0].Contributor, draft[0].Function)
	}
	if got := seedFinal().Backstop(); len(got) != 0 {
		t.Errorf("final Backstop() = %v, want none: the commitment was absent from the final communiqué", ids(got))
	}
}

func TestSeedLeadsAndGaps(t *testing.T) {
	c := seedFinal()
	leads := map[coalition.FunctionID][]agreement.PartyID{}
	for _, f := range c.Functions {
		leads[f.ID] = f.Leads
	}
	if got := leads[coalition.CeasefireMonitoring]; !slices.Equal(got, []agreement.PartyID{"US"}) {
		t.Errorf("ceasefire monitoring led by %v, want [US]", got)
	}
	if got := leads[coalition.MultinationalForce]; !slices.Equal(got, []agreement.PartyID{"GB", "FR"}) {
		t.Errorf("multinational force led by %v, want [GB FR]", got)
	}
	want := []coalition.Gap{{Function: coalition.WeaponsHubs, NoLead: true}}
	if diff := cmp.Diff(want, c.Gaps()); diff != "" {
		t.Errorf("Gaps() mismatch (-want +got):\n%s", diff)
	}
}

func TestSeedTotals(t *testing.T) {
	for _, v := range versions() {
		c := v.c
		t.Run(v.name, func(t *testing.T) {
			troops := agreement.Range{Min: decimal.NewFromInt(2000), Max: decimal.NewFromInt(9000), Unit: agreement.UnitTroops}
			wantF := []coalition.FunctionTotal{{Function: coalition.MultinationalForce, Amount: troops, Contributions: 1}}
			if diff := cmp.Diff(wantF, c.TotalsByFunction(), coalitiontest.Options()); diff != "" {
				t.Errorf("TotalsByFunction() mismatch (-want +got):\n%s", diff)
			}
			wantB := []coalition.BasingTotal{{Basing: coalition.InHost, Amount: troops, Contributions: 1}}
			if diff := cmp.Diff(wantB, c.TotalsByBasing(), coalitiontest.Options()); diff != "" {
				t.Errorf("TotalsByBasing() mismatch (-want +got):\n%s", diff)
			}
			// The source's wording stays on the contribution.
			if got := c.Contributions[1].Quantities[0].Wording; got != "several thousand" {
				t.Errorf("France's wording = %q", got)
			}
			// Germany contributes only from outside Ukraine.
			for _, ct := range c.Contributions {
				if ct.Contributor == "DE" && ct.Basing.Kind != coalition.OutsideHost {
					t.Errorf("%s: Germany based %q, want outside-host", ct.ID, ct.Basing.Kind)
				}
			}
		})
	}
}

func TestSeedCellAndDeclarations(t *testing.T) {
	c := seedFinal()
	if cell := c.Cells[0]; cell.Location != "Paris" || !slices.Equal(cell.Participants, []agreement.PartyID{"US", "UA", "COW"}) {
		t.Errorf("cell = %+v, want in Paris for US, UA and the coalition", cell)
	}
	if got, want := c.Signatories(c.Declarations[0]), []agreement.PartyID{"UA", "FR", "GB", "DE"}; !slices.Equal(got, want) {
		t.Errorf("joint declaration signed by %v, want every full member %v", got, want)
	}
	if got, want := c.Signatories(c.Declarations[1]), []agreement.PartyID{"FR", "GB", "UA"}; !slices.Equal(got, want) {
		t.Errorf("trilateral declaration signed by %v, want %v", got, want)
	}
	if got := c.Declarations[1].Force; got != agreement.ForceDeclarationOfIntent {
		t.Errorf("trilateral declaration force = %s", got)
	}
}

// TestSeedDraftFinalClauses checks that the clause ids derive from the
// contribution ids: the final version compiles to the draft's clauses
// minus the US backstop, every other clause unchanged.
func TestSeedDraftFinalClauses(t *testing.T) {
	draft, err := seedDraft().Clauses()
	if err != nil {
		t.Fatal(err)
	}
	final, err := seedFinal().Clauses()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[agreement.ClauseID]agreement.Clause{}
	for _, cl := range final {
		byID[cl.ID] = cl
	}
	var removed []agreement.ClauseID
	for _, cl := range draft {
		f, ok := byID[cl.ID]
		if !ok {
			removed = append(removed, cl.ID)
			continue
		}
		if diff := cmp.Diff(cl, f, coalitiontest.Options()); diff != "" {
			t.Errorf("clause %s differs between draft and final (-draft +final):\n%s", cl.ID, diff)
		}
	}
	if want := []agreement.ClauseID{"us-backstop"}; !slices.Equal(removed, want) || len(final) != len(draft)-1 {
		t.Errorf("removed clauses %v (final has %d of %d), want exactly %v", removed, len(final), len(draft), want)
	}
	// The backstop's clause: "after a ceasefire" is its trigger, "in the
	// event of a new Russian attack" its antecedent.
	sup := draft[len(draft)-1]
	if got, want := sup.Trigger, agreement.Holds(ceasefire); !agreement.EqualConditions(got, want) {
		t.Errorf("us-backstop trigger = %v, want %v", got, want)
	}
	wantAnte := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"})
	if !agreement.EqualConditions(sup.Antecedent, wantAnte) {
		t.Errorf("us-backstop antecedent = %v, want %v", sup.Antecedent, wantAnte)
	}
	if !slices.Equal(sup.Debtors, []agreement.PartyID{"US"}) || !slices.Equal(sup.Creditors, []agreement.PartyID{"UA"}) {
		t.Errorf("us-backstop debtors %v creditors %v, want [US] and [UA]", sup.Debtors, sup.Creditors)
	}
}

func TestSeedRemoveGermany(t *testing.T) {
	c := seedFinal().WithoutMember("DE")
	if c.IsMember("DE") {
		t.Error("DE still a member")
	}
	for _, ct := range c.Contributions {
		if ct.Contributor == "DE" {
			t.Errorf("DE's contribution %s kept", ct.ID)
		}
	}
	// Monitoring keeps the US contribution: no new gap.
	if err := c.Validate(); err != nil {
		t.Errorf("without Germany: %v", err)
	}
	if !seedFinal().IsMember("DE") {
		t.Error("WithoutMember modified its receiver")
	}
	// Without France, the multinational force loses its troop numbers.
	noFR := seedFinal().WithoutMember("FR")
	if got := noFR.TotalsByFunction(); len(got) != 0 {
		t.Errorf("without France, totals = %v, want none", got)
	}
	var ve *agreement.ValidationError
	if err := noFR.Validate(); err != nil && !errors.As(err, &ve) {
		t.Errorf("Validate() = %v, want nil or a *ValidationError", err)
	}
}
