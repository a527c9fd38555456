package main

// The model: everything the report is computed from, with its sources.
//
// The article is "Western Allies Forge Robust Security Framework for Ukraine
// Amid Ongoing Tensions" (london-news-net), cited below as "the article".
// The coalition, its instruments, the territory and the territorial
// packages are package casebook's Paris2026 case, whose doc comments cite
// the article and DeepState's figures; this file adds Russia's stated
// positions and the hypothetical timelines. Quotations in Text fields are
// the article's words. What the article does not say is not invented; where
// the model has to choose, the comment says so.

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/casebook"
)

// Model is the seed case as data: the coalition in the two versions of the
// meeting's statement, how its commitments are split between the two
// instruments signed in Paris, the territory and the territorial packages
// (all from casebook.Paris2026),
// Russia's stated positions, and the hypothetical timelines replayed over
// it, and the negotiation space with the parties' positions (illustrative
// assumptions). Nothing in the report is typed in: every answer is
// computed from a Model by packages agreement, coalition, scenario and
// negotiation.
type Model struct {
	// Versions are the texts compared: the draft statement first, then the
	// final communiqué. Each is a whole coalition; they differ only in what
	// the article says differs.
	Versions []Version
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
	// Bargaining is the negotiation space over the territory and the
	// guarantees, with the parties' positions: illustrative assumptions,
	// not facts from the article (see bargain.go).
	Bargaining Bargaining
}

// Version is one text of the meeting's statement.
type Version struct {
	Name      string // "draft statement", "final communiqué"
	Coalition coalition.Coalition
	// Instruments say which contributions each instrument of the process
	// holds (coalition.Coalition.Process); every contribution is in exactly
	// one.
	Instruments []coalition.Instrument
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

// model returns the seed case.
func model() Model {
	draft, final := casebook.Paris2026(casebook.VersionDraft), casebook.Paris2026(casebook.VersionFinal)
	version := func(c casebook.Case) Version {
		return Version{Name: c.Text, Coalition: c.Coalition, Instruments: c.Instruments}
	}
	return Model{
		Versions: []Version{version(draft), version(final)},
		// Russia "has consistently opposed any NATO presence on the ground
		// in Ukraine". Of the parties the article names, these are NATO
		// members; the others it names (Ukraine, Russia) are not.
		NATO: agreement.Group{ID: "NATO", Name: "NATO members named in the article",
			Members: []agreement.PartyID{"US", "FR", "GB", "DE"}},
		Territory: final.Territory,
		Packages:  final.Packages,
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
		Start:      final.Date,
		End:        day(3, 31),
		Scenarios:  scenarios(),
		Bargaining: bargaining(),
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
