package main

// The model: everything the report is computed from, with its sources.
//
// The article is ../../../shared/seed/paris-2026-article.txt ("Western Allies
// Forge Robust Security Framework for Ukraine Amid Ongoing Tensions",
// london-news-net), cited below as "the article". Quotations in Text fields
// are the article's words. What the article does not say is not invented;
// where the model has to choose, the comment says so.

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// Model is the seed case as data: the coalition in the two versions of the
// meeting's statement, how its commitments are split between the two
// instruments signed in Paris, the territory and the territorial packages,
// Russia's stated positions, and the hypothetical timelines replayed over
// it. Nothing in the report is typed in: every answer is computed from a
// Model by packages agreement, coalition and scenario.
type Model struct {
	// Versions are the texts compared: the draft statement first, then the
	// final communiqué. Each is a whole coalition; they differ only in what
	// the article says differs.
	Versions []Version
	// Instruments say which contributions each instrument of the process
	// holds (coalition.Coalition.Process); every contribution is in exactly
	// one.
	Instruments []coalition.Instrument
	// NATO is the party group "NATO presence on the ground" refers to.
	NATO agreement.Group
	// Territory is the instrument that holds the territory, still to be
	// negotiated (the article's "territorial question").
	Territory agreement.Agreement
	// Packages are the territorial packages compared.
	Packages []agreement.Package
	// RedLines and Demands are Russia's stated positions.
	RedLines []RedLine
	Demands  []Demand
	// Occupation is the article's estimate of the share of Ukraine a party
	// occupies, quoted beside the share the territory model computes.
	Occupation Claim
	// Start and End bound every scenario's replay.
	Start, End time.Time
	Scenarios  []Scenario
}

// Version is one text of the meeting's statement.
type Version struct {
	Name      string // "draft statement", "final communiqué"
	Coalition coalition.Coalition
}

// RedLine is an event a party has stated it opposes.
type RedLine struct {
	Party   agreement.PartyID
	Text    string // the article's words
	Opposes agreement.Pattern
}

// Demand is a party's demand that another give up areas: it is met by a
// territorial package after which Holder has neither sovereignty nor
// control anywhere in Areas.
type Demand struct {
	Party  agreement.PartyID
	Text   string // the article's words
	Holder agreement.PartyID
	Areas  []agreement.AreaID
}

// Claim is a statement of the article about a party, quoted verbatim.
type Claim struct {
	Party agreement.PartyID
	Text  string
}

// Scenario is a hypothetical timeline replayed over both versions.
type Scenario struct {
	Key    string // "a", "b", "c"
	Name   string
	Events []agreement.Event
}

// articleTitle is the title of the article the model follows.
const articleTitle = "Western Allies Forge Robust Security Framework for Ukraine Amid Ongoing Tensions"

// paris is the day of the meeting: the final communiqué was "issued on
// Tuesday evening", 6 January 2026.
var paris = time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC)

const ceasefire agreement.FluentID = "ceasefire-in-force"

// Instrument ids.
const (
	jointID       agreement.AgreementID = "joint-declaration"
	trilateralID  agreement.AgreementID = "trilateral-declaration"
	territorialID agreement.AgreementID = "territorial-question"
)

// Declaration titles, as the coalition records them.
const (
	jointTitle      = "joint declaration from all coalition nations"
	trilateralTitle = "trilateral declaration of intent"
)

// model returns the seed case.
func model() Model {
	return Model{
		Versions: []Version{
			{Name: "draft statement", Coalition: coalitionOf(true)},
			{Name: "final communiqué", Coalition: coalitionOf(false)},
		},
		Instruments: []coalition.Instrument{
			{
				// "a joint declaration from all coalition nations"
				// (Zelensky). The model reads the "final communiqué issued
				// on Tuesday evening" as this declaration, and the "draft
				// statement" as its draft: the article does not say so in
				// as many words. It holds the guarantees the article does
				// not attribute to the declaration of intent.
				ID: jointID, Declaration: jointTitle,
				Stage: agreement.StagePre, SubStage: agreement.SubStagePrin,
				Contributions: []coalition.ContributionID{"us-monitoring", "de-monitoring", "gb-hubs", "fr-hubs", "us-backstop"},
				AllParties:    true,
			},
			{
				// "A declaration of intent was signed by Macron, British
				// Prime Minister Keir Starmer, and Ukrainian President
				// Volodymyr Zelensky, indicating plans for Britain, France,
				// and other European partners to send troops into Ukraine
				// following a ceasefire agreement."
				ID: trilateralID, Declaration: trilateralTitle,
				Stage: agreement.StagePre, SubStage: agreement.SubStagePrin,
				Contributions: []coalition.ContributionID{"fr-troops", "gb-troops"},
				Signers: []agreement.Signature{
					{Party: "FR", Signatory: "Emmanuel Macron", Capacity: "French President"},
					{Party: "GB", Signatory: "Keir Starmer", Capacity: "British Prime Minister"},
					{Party: "UA", Signatory: "Volodymyr Zelensky", Capacity: "Ukrainian President"},
				},
			},
		},
		// Russia "has consistently opposed any NATO presence on the ground
		// in Ukraine". Of the parties the article names, these are NATO
		// members; the others it names (Ukraine, Russia) are not.
		NATO: agreement.Group{ID: "NATO", Name: "NATO members named in the article",
			Members: []agreement.PartyID{"US", "FR", "GB", "DE"}},
		Territory: territory(),
		Packages:  packages(),
		RedLines: []RedLine{{
			Party:   "RU",
			Text:    "has consistently opposed any NATO presence on the ground in Ukraine to oversee a cessation of hostilities",
			Opposes: agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO", Target: "UA"},
		}},
		Demands: []Demand{{
			// "eastern Donbas" is read as the Donetsk and Luhansk oblasts,
			// the two areas of the territory model that make up the Donbas;
			// "surrender" as Ukraine keeping neither sovereignty nor
			// control there.
			Party:  "RU",
			Text:   "Russian demands for Kyiv to surrender the eastern Donbas region",
			Holder: "UA",
			Areas:  []agreement.AreaID{"donetsk", "luhansk"},
		}},
		Occupation: Claim{Party: "RU", Text: "Russia occupies approximately 20% of Ukraine"},
		Start:      paris,
		End:        day(3, 31),
		Scenarios:  scenarios(),
	}
}

func day(month time.Month, d int) time.Time { return time.Date(2026, month, d, 0, 0, 0, 0, time.UTC) }

func attack(month time.Month, d int) agreement.Event {
	return agreement.Event{At: day(month, d), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
}

// scenarios are the three timelines the report compares. They are
// hypothetical: the article reports that "there has been no recent
// reduction in hostilities"; the dates and events after the meeting are
// inputs to the replay, not facts.
func scenarios() []Scenario {
	strikes := []agreement.Event{attack(time.January, 10), attack(time.January, 24)}
	truce := append(append([]agreement.Event(nil), strikes...),
		agreement.Event{At: day(time.February, 1), Kind: agreement.EventKindCeasefireInForce},
		// France sends troops once the ceasefire holds (its "several
		// thousand" after the conflict).
		agreement.Event{At: day(time.March, 1), Kind: agreement.EventKindForcesDeployed, Actor: "FR", Target: "UA"},
	)
	return []Scenario{
		{Key: "a", Name: "no ceasefire while strikes continue", Events: append(append([]agreement.Event(nil), strikes...),
			attack(time.February, 7), attack(time.February, 21),
			attack(time.March, 7),
			// The front moves: Russia takes one more percent of Donetsk
			// oblast from Ukraine.
			agreement.Event{At: day(time.March, 7), Kind: agreement.EventKindControlChanged, Actor: "RU", Target: "UA",
				Area: "donetsk", Quantities: []agreement.Quantity{{Value: decimal.NewFromInt(1), Unit: agreement.UnitPercent}}},
		)},
		{Key: "b", Name: "a ceasefire that holds", Events: truce},
		{Key: "c", Name: "a ceasefire followed by a new attack", Events: append(append([]agreement.Event(nil), truce...),
			attack(time.March, 15))},
	}
}

// coalitionOf models the Coalition of the Willing as the article describes
// it, in the version of the draft statement (draft true) or of the final
// communiqué (draft false), as package coalition's own seed test does. The
// two differ in one commitment only: the draft's US support for the
// multinational force "in the event of a new Russian attack", which "was
// absent from the final communiqué".
//
// Modelling choices (the article is silent on them):
//   - Members are the parties the article names as taking part: Ukraine,
//     France, Britain and Germany as full members; the United States as a
//     partner (it spearheads monitoring and sits in the coordination cell
//     beside "the Coalition").
//   - Of the 35 countries attending, 27 at leader level, the article names
//     five; the other 30 are kept as headcounts, not invented names.
//   - France's "several thousand" troops are read as 2,000 to 9,000, the
//     wording kept.
//   - No lead is named for the military hubs: Britain and France would both
//     create them.
//   - Every guarantee binds "once a ceasefire is established": its
//     condition is that the fluent ceasefire-in-force holds.
//   - Troop deployments are forces-deployed events in Ukraine, so that a
//     red line about forces on the ground can be checked against them;
//     every other contribution is performed by a performance event.
func coalitionOf(draft bool) coalition.Coalition {
	state := agreement.PartyKindState
	afterCeasefire := agreement.Holds(ceasefire)
	deploy := &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}
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
				Condition: afterCeasefire, Action: deploy, Force: agreement.ForceDeclarationOfIntent,
				Source: agreement.Source{Speaker: "Emmanuel Macron", Date: paris},
			},
			{
				ID: "gb-troops", Contributor: "GB", Function: coalition.MultinationalForce,
				Text:      "Britain, France, and other European partners to send troops into Ukraine following a ceasefire agreement",
				Basing:    coalition.Basing{Kind: coalition.InHost},
				Condition: afterCeasefire, Action: deploy, Force: agreement.ForceDeclarationOfIntent,
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

// The territory, as package agreement's Donbas model has it
// (agreement/donbas_test.go), with its sources:
//
// Areas, in km²: Ukraine 603,628 in all; Donetsk oblast 26,517; Luhansk
// oblast 26,684; Zaporizhzhia oblast 27,183; Kherson oblast 28,461;
// Autonomous Republic of Crimea 26,081; Sevastopol 864; the rest of Ukraine,
// 603,628 minus their sum, as one area.
//
// Control: DeepState (Ukrainian OSINT mapping project), year-end summary
// posted on its Telegram channel on 1 January 2026, giving the share of each
// oblast occupied as of 1 January 2026: Luhansk 99.6%, Donetsk 78.1%,
// Zaporizhzhia 74.8%, Kherson 72%, Crimea 100% (Sevastopol included); 116,165
// km² in all, 19.25% of Ukraine. As reported by:
//   - Online.ua, "DeepState calculated the area of Ukraine occupied by the
//     Russian Federation in 2025", 2 January 2026,
//     https://news.online.ua/en/deepstate-calculated-the-area-of-ukraine-occupied-by-the-russian-federation-in-2025-900209/
//   - Interfax-Ukraine, "Ворог окупував 0,72% України за 2025 рік – DeepState",
//     1 January 2026, https://interfax.com.ua/news/general/1133068.html
//     (the 116,165 km² and 19.25% totals).
//
// The rest of Ukraine's Russian-controlled share is derived so that the
// total matches DeepState's 116,165 km², rounded to 4 places with DivRound.
// Sovereignty is Ukraine's throughout, as the internationally recognised
// borders (UN General Assembly resolutions 68/262 and ES-11/4) have it. The
// article's "approximately 20% of Ukraine" is the same figure, rounded.
type areaRow struct {
	id   agreement.AreaID
	name string
	size string // km²
	ru   string // percent Russia controls; "" for the derived rest
}

var areaRows = []areaRow{
	{"donetsk", "Donetsk oblast", "26517", "78.1"},
	{"luhansk", "Luhansk oblast", "26684", "99.6"},
	{"zaporizhzhia", "Zaporizhzhia oblast", "27183", "74.8"},
	{"kherson", "Kherson oblast", "28461", "72"},
	{"crimea", "Autonomous Republic of Crimea", "26081", "100"},
	{"sevastopol", "Sevastopol", "864", "100"},
	{"rest", "rest of Ukraine", "", ""},
}

const (
	ukraineKm2       = "603628" // Ukraine in all
	deepStateRUTotal = "116165" // km² Russia controls, DeepState, 1 January 2026
	restPlaces       = 4        // decimal places of the derived share of the rest
)

// territory returns the instrument holding the territory: the territorial
// question, still to be negotiated (no signature: a replay keeps it a
// draft, and no option of it takes effect). The Permanent Court of
// Arbitration is a party only because one package defers to arbitration;
// the article does not name it.
func territory() agreement.Agreement {
	dec := decimal.RequireFromString
	hundred := decimal.NewFromInt(100)
	named, ruNamed := decimal.Zero, decimal.Zero
	for _, r := range areaRows[:len(areaRows)-1] {
		named = named.Add(dec(r.size))
		ruNamed = ruNamed.Add(dec(r.size).Mul(dec(r.ru)).Shift(-2))
	}
	restSize := dec(ukraineKm2).Sub(named)
	restRU := dec(deepStateRUTotal).Sub(ruNamed).Mul(hundred).DivRound(restSize, restPlaces)

	var t agreement.Territory
	for _, r := range areaRows {
		size, ru := restSize, restRU
		if r.size != "" {
			size, ru = dec(r.size), dec(r.ru)
		}
		control := []agreement.Share{{Party: "RU", Percent: ru}}
		if ua := hundred.Sub(ru); ua.IsPositive() {
			control = append(control, agreement.Share{Party: "UA", Percent: ua})
		}
		t.Areas = append(t.Areas, agreement.Area{
			ID: r.id, Name: r.name, Size: size,
			Sovereignty: []agreement.Share{{Party: "UA", Percent: hundred}},
			Control:     control,
		})
	}
	return agreement.Agreement{
		ID:    territorialID,
		Title: "The territorial question (still to be negotiated)",
		Parties: []agreement.Party{
			{ID: "UA", Name: "Ukraine", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "RU", Name: "Russia", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "PCA", Name: "Permanent Court of Arbitration", Kind: agreement.PartyKindIntergovernmentalOrganisation},
		},
		Territory: t,
	}
}

var frontAreas = []agreement.AreaID{"donetsk", "luhansk", "zaporizhzhia", "kherson", "rest"}

// packages are the three territorial packages of package agreement's Donbas
// model. They are options for the analysis, not proposals the article
// reports: it says only that "land options" are the "critical issue".
func packages() []agreement.Package {
	width := decimal.NewFromInt(15) // km on each side: an assumption, not a sourced figure
	return []agreement.Package{
		{Name: "cede Donbas", Options: []agreement.Option{
			{ID: "cede-donbas", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"donetsk", "luhansk"},
				From: "UA", To: "RU", Text: "Ukraine cedes Donetsk and Luhansk oblasts to Russia"},
			{ID: "leave-donbas", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"donetsk", "luhansk"},
				From: "UA", To: "RU", Deadline: agreement.Deadline{After: 60 * agreement.Day}},
			{ID: "freeze-south", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"zaporizhzhia", "kherson"},
				Parties: []agreement.PartyID{"UA", "RU"}},
		}},
		{Name: "freeze the line with a DMZ", Options: []agreement.Option{
			{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: frontAreas, Parties: []agreement.PartyID{"UA", "RU"}},
			{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: frontAreas, Parties: []agreement.PartyID{"UA", "RU"},
				Width: &width, Deadline: agreement.Deadline{After: 30 * agreement.Day}},
		}},
		{Name: "defer to arbitration", Options: []agreement.Option{
			{ID: "arbitrate-donbas", Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"donetsk", "luhansk"},
				Party: "PCA", Deadline: agreement.Deadline{After: 365 * agreement.Day},
				Results: []agreement.Result{{Outcome: "RU", Sovereign: "RU"}, {Outcome: "UA", Sovereign: "UA"}},
				Lapse:   agreement.LapseFollowControl},
			{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: frontAreas, Parties: []agreement.PartyID{"UA", "RU"}},
		}},
	}
}
