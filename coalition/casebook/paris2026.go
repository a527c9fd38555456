package casebook

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// The source of the Paris 2026 case is the article "Western Allies Forge
// Robust Security Framework for Ukraine Amid Ongoing Tensions"
// (london-news-net), cited below as "the article"; its quotations are the
// article's words.

// paris is the day of the meeting: the final communiqué was "issued on
// Tuesday evening", 6 January 2026.
var paris = time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC)

// ceasefire is the fluent every guarantee of the Paris 2026 case waits for.
const ceasefire agreement.FluentID = "ceasefire-in-force"

// Declaration titles, as the coalition records them.
const (
	jointTitle      = "joint declaration from all coalition nations"
	trilateralTitle = "trilateral declaration of intent"
)

// Paris2026 returns version v of the meeting of the Coalition of the
// Willing in Paris on 6 January 2026, as the article "Western Allies Forge
// Robust Security Framework for Ukraine Amid Ongoing Tensions"
// (london-news-net) reports it. VersionDraft is the meeting's "draft
// statement", VersionFinal its "final communiqué issued on Tuesday
// evening"; they differ in one commitment only: the draft's US support for
// the multinational force "in the event of a new Russian attack", which
// "was absent from the final communiqué".
//
// The case holds:
//
//   - the coalition (see [Paris2026Coalition] for what it records and the
//     choices the article leaves open);
//   - two instruments: "a joint declaration from all coalition nations"
//     (Zelensky), id "joint-declaration", and the "declaration of intent
//     ... signed by Macron, British Prime Minister Keir Starmer, and
//     Ukrainian President Volodymyr Zelensky, indicating plans for Britain,
//     France, and other European partners to send troops into Ukraine
//     following a ceasefire agreement", id "trilateral-declaration", which
//     holds the troop deployments. The case reads the statement, draft and
//     final, as the joint declaration (the article does not say so in as
//     many words): it holds every guarantee the article does not attribute
//     to the declaration of intent. Both are statements of principle
//     (PA-X stage "pre", sub-stage "prin").
//   - the territory and the territorial packages (see [Paris2026Territory]
//     and [Paris2026Packages]), the same in both versions.
func Paris2026(v Version) Case {
	if v != VersionDraft {
		v = VersionFinal
	}
	joint := []coalition.ContributionID{"us-monitoring", "de-monitoring", "gb-hubs", "fr-hubs"}
	text := "final communiqué"
	if v == VersionDraft {
		joint = append(joint, "us-backstop")
		text = "draft statement"
	}
	return Case{
		Version:   v,
		Text:      text,
		Date:      paris,
		Coalition: Paris2026Coalition(v),
		Instruments: []coalition.Instrument{
			{
				ID: "joint-declaration", Declaration: jointTitle,
				Stage: agreement.StagePre, SubStage: agreement.SubStagePrin,
				Contributions: joint,
				AllParties:    true,
			},
			{
				ID: "trilateral-declaration", Declaration: trilateralTitle,
				Stage: agreement.StagePre, SubStage: agreement.SubStagePrin,
				Contributions: []coalition.ContributionID{"fr-troops", "gb-troops"},
				Signers: []agreement.Signature{
					{Party: "FR", Signatory: "Emmanuel Macron", Capacity: "French President"},
					{Party: "GB", Signatory: "Keir Starmer", Capacity: "British Prime Minister"},
					{Party: "UA", Signatory: "Volodymyr Zelensky", Capacity: "Ukrainian President"},
				},
			},
		},
		Territory: Paris2026Territory(),
		Packages:  Paris2026Packages(),
	}
}

// Paris2026Coalition returns the Coalition of the Willing as the article
// "Western Allies Forge Robust Security Framework for Ukraine Amid Ongoing
// Tensions" (london-news-net) describes it, in version v of the meeting's
// statement (see [Paris2026]): its parties, members, functions and leads,
// the "coordination cell for the U.S., Ukraine, and the Coalition in
// Paris", its two declarations, the meeting ("representatives from 35
// countries, including 27 leaders") and each member's contribution, quoted
// with who said it.
//
// Modelling choices (the article is silent on them):
//   - Members are the parties the article names as taking part: Ukraine,
//     France, Britain and Germany as full members; the United States as a
//     partner (it spearheads monitoring and sits in the coordination cell
//     beside "the Coalition", but the article does not make it a coalition
//     nation).
//   - Of the 35 countries attending, 27 at leader level, the article names
//     five; the other 30 are kept as headcounts (23 leaders, 7 at a level
//     it does not give), not as invented names or people.
//   - France's "several thousand" troops are read as 2,000 to 9,000, the
//     wording kept.
//   - No lead is named for the military hubs: Britain and France would both
//     create them.
//   - Every guarantee binds "once a ceasefire is established": its
//     condition is that the fluent ceasefire-in-force holds.
//   - Troop deployments are forces-deployed events in Ukraine, so that a
//     stated opposition to forces on the ground can be checked against
//     them; every other contribution is performed by a performance event.
func Paris2026Coalition(v Version) coalition.Coalition {
	state := agreement.PartyKindState
	afterCeasefire := agreement.Holds(ceasefire)
	deploy := func() *agreement.Pattern {
		return &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}
	}
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
			{Title: jointTitle, AllMembers: true, Force: agreement.ForcePoliticallyBinding, Date: paris},
			{Title: trilateralTitle, Signatories: []agreement.PartyID{"FR", "GB", "UA"},
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
			// "representatives from 35 countries, including 27 leaders".
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
				Condition: afterCeasefire, Action: deploy(), Force: agreement.ForceDeclarationOfIntent,
				Source: agreement.Source{Speaker: "Emmanuel Macron", Date: paris},
			},
			{
				ID: "gb-troops", Contributor: "GB", Function: coalition.MultinationalForce,
				Text:      "Britain, France, and other European partners to send troops into Ukraine following a ceasefire agreement",
				Basing:    coalition.Basing{Kind: coalition.InHost},
				Condition: afterCeasefire, Action: deploy(), Force: agreement.ForceDeclarationOfIntent,
				Source: agreement.Source{Document: trilateralTitle, Date: paris},
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
	if v == VersionDraft {
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
