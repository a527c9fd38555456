package main

// The negotiation space and the parties' positions of the section "Which
// packages could every party accept".
//
// The space follows the model: its territorial issues use the options of the
// territorial packages of casebook.Paris2026 (cede and withdraw, freeze, the
// demilitarised zone, arbitration) on the same territory, and its security
// issues use the guarantees of the meeting's two versions (the trilateral
// declaration's troops in Ukraine, the draft's US backstop). The article
// gives no total size for the multinational force (only France's "several
// thousand") and does not mention sanctions; those two issues are
// assumptions of the analysis, and so is the reading of German forces
// "based outside Ukraine" as the alternative to troops on the ground.
//
// EVERY POSITION IS AN ILLUSTRATIVE ASSUMPTION, NOT A FACT FROM THE ARTICLE:
// the weights, the values of the alternatives and of their pairs, the
// reservation values and the red lines are the analyst's, chosen to show
// the method. Where the article reports a party's stance, the red line
// cites it (Stance.Quote); the others say they are assumed (Stance.Note).

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// Bargaining is the question which packages every party could accept: the
// issues of a negotiation space (over the model's territory and its NATO
// group) and each party's position over them.
type Bargaining struct {
	Issues []negotiation.Issue
	// Positions are illustrative assumptions, not facts from the article.
	Positions []negotiation.Position
	// Stances say why each red line is there, in the order of the
	// positions and of their red lines.
	Stances []Stance
	// Sensitivity names the party and the issue whose weight the report
	// moves to see how far the Nash point holds.
	Sensitivity Weight
}

// Weight names one party's weight for one issue.
type Weight struct {
	Party agreement.PartyID
	Issue negotiation.IssueID
}

// Stance is the reason for one red line: the article's words when it
// reports the party's stance, otherwise a note saying what is assumed.
type Stance struct {
	Party   agreement.PartyID
	RedLine string
	Quote   string // the article's words; "" when the red line is assumed
	Note    string
}

// Issue and alternative ids of the space, used by the report's tests.
const (
	issueDonbas    negotiation.IssueID = "donbas"
	issueLine      negotiation.IssueID = "line"
	issueDMZ       negotiation.IssueID = "dmz"
	issueBackstop  negotiation.IssueID = "backstop"
	issueForce     negotiation.IssueID = "force-size"
	issueBasing    negotiation.IssueID = "basing"
	issueSanctions negotiation.IssueID = "sanctions"
)

// bargaining returns the space's issues and the illustrative positions.
func bargaining() Bargaining {
	dec := decimal.RequireFromString
	donbas := []agreement.AreaID{"donetsk", "luhansk"}
	front := []agreement.AreaID{"donetsk", "luhansk", "zaporizhzhia", "kherson", "rest"}
	south := []agreement.AreaID{"zaporizhzhia", "kherson"}
	both := []agreement.PartyID{"UA", "RU"}
	width := dec("15") // km on each side, as the model's DMZ: an assumption
	afterCeasefire := agreement.Holds("ceasefire-in-force")
	paris := time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC)
	deploy := func(target agreement.PartyID) *agreement.Pattern {
		return &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: target}
	}
	perform := func(id agreement.ClauseID) *agreement.Pattern {
		return &agreement.Pattern{Kind: agreement.EventKindPerformance, Clause: agreement.LocalRef(id)}
	}
	troops := func(n int64, wording string) agreement.Range {
		return agreement.Range{Min: decimal.NewFromInt(n), Max: decimal.NewFromInt(n), Unit: agreement.UnitTroops, Wording: wording}
	}
	// The multinational force's size: the article gives no total; both
	// sizes are assumptions.
	force := func(n int64) []agreement.Clause {
		return []agreement.Clause{{
			ID: "mnf-size", Kind: agreement.DeonticObligation,
			Text:    "a multinational force led by Europe of the size chosen (an assumed size: the article gives only France's \"several thousand\")",
			Debtors: []agreement.PartyID{"FR", "GB"}, Joint: true, Creditors: []agreement.PartyID{"UA"},
			Action: deploy(""), Quantities: []agreement.Range{troops(n, "")}, Trigger: afterCeasefire,
		}}
	}
	// Sanctions relief: the article does not mention sanctions; the issue
	// and its clause are assumptions.
	relief := func(trigger agreement.Condition) []agreement.Clause {
		return []agreement.Clause{{
			ID: "sanctions-relief", Kind: agreement.DeonticObligation,
			Text:    "sanctions relief for Russia (an assumed issue: the article does not mention sanctions)",
			Debtors: []agreement.PartyID{"US", "FR", "GB", "DE"}, Creditors: []agreement.PartyID{"RU"},
			Action: perform("sanctions-relief"), Trigger: trigger,
		}}
	}
	issues := []negotiation.Issue{
		{ID: issueDonbas, Name: "sovereignty over the Donetsk and Luhansk oblasts", Alternatives: []negotiation.Alternative{
			{ID: "keep", Name: "no change: sovereignty stays as it stands"},
			// As the model's package "cede Donbas".
			{ID: "cede", Name: "Ukraine cedes them and withdraws within 60 days", Options: []agreement.Option{
				{ID: "cede-donbas", Kind: agreement.OptionKindCede, Areas: donbas, From: "UA", To: "RU",
					Text: "Ukraine cedes Donetsk and Luhansk oblasts to Russia"},
				{ID: "leave-donbas", Kind: agreement.OptionKindWithdraw, Areas: donbas, From: "UA", To: "RU",
					Deadline: agreement.Deadline{Period: agreement.Period{Days: 60}}},
			}},
			// As the model's package "defer to arbitration".
			{ID: "arbitration", Name: "the Permanent Court of Arbitration awards them within a year", Options: []agreement.Option{
				{ID: "arbitrate-donbas", Kind: agreement.OptionKindArbitration, Areas: donbas, Party: "PCA",
					Deadline: agreement.Deadline{Period: agreement.Period{Years: 1}},
					Results:  []agreement.Result{{Outcome: "RU", Sovereign: "RU"}, {Outcome: "UA", Sovereign: "UA"}},
					Lapse:    agreement.LapseFollowControl},
			}},
		}},
		{ID: issueLine, Name: "the line of contact", Alternatives: []negotiation.Alternative{
			// As the model's packages "freeze the line with a DMZ" and
			// "defer to arbitration": the whole front freezes. Withdrawing
			// from Donetsk and Luhansk conflicts with freezing them.
			{ID: "freeze-front", Name: "the whole front freezes", Options: []agreement.Option{
				{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: front, Parties: both}}},
			// As the model's package "cede Donbas".
			{ID: "freeze-south", Name: "the line freezes in Zaporizhzhia and Kherson only", Options: []agreement.Option{
				{ID: "freeze-south", Kind: agreement.OptionKindFreeze, Areas: south, Parties: both}}},
		}},
		{ID: issueDMZ, Name: "a demilitarised zone along the front", Alternatives: []negotiation.Alternative{
			{ID: "none", Name: "no zone"},
			// As the model's package "freeze the line with a DMZ".
			{ID: "dmz-15km", Name: "a zone 15 km on each side, within 30 days", Options: []agreement.Option{
				{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: front, Parties: both, Width: &width,
					Deadline: agreement.Deadline{Period: agreement.Period{Days: 30}}}}},
		}},
		{ID: issueBackstop, Name: "US support for the multinational force in the event of a new Russian attack", Alternatives: []negotiation.Alternative{
			{ID: "out", Name: "as the final communiqué: no US backstop"},
			// The draft statement's clause, as the coalition compiles it.
			{ID: "in", Name: "as the draft statement: the US backstop", Clauses: []agreement.Clause{{
				ID: "us-backstop", Kind: agreement.DeonticObligation, Force: agreement.ForcePoliticallyBinding,
				Category: agreement.CategoryImPK,
				Text:     `the U.S. would "support" the multinational force led by Europe "in the event of a new Russian attack"`,
				Source:   agreement.Source{Document: "draft statement", Date: paris},
				Debtors:  []agreement.PartyID{"US"}, Creditors: []agreement.PartyID{"UA"},
				Action: perform("us-backstop"), Trigger: afterCeasefire,
				Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}),
			}}},
		}},
		{ID: issueForce, Name: "the size of the multinational force (assumed sizes)", Alternatives: []negotiation.Alternative{
			{ID: "5000", Name: "5,000 troops", Clauses: force(5000)},
			{ID: "15000", Name: "15,000 troops", Clauses: force(15000)},
		}},
		{ID: issueBasing, Name: "where the NATO members' troops are based", Alternatives: []negotiation.Alternative{
			// The declaration of intent's clauses, as the coalition
			// compiles them.
			{ID: "in-ukraine", Name: "on the ground in Ukraine, as the declaration of intent", Clauses: []agreement.Clause{
				{ID: "fr-troops", Kind: agreement.DeonticObligation, Force: agreement.ForceDeclarationOfIntent,
					Category: agreement.CategoryImPK,
					Text:     `France could deploy "several thousand" troops to Ukraine after the conflict`,
					Source:   agreement.Source{Speaker: "Emmanuel Macron", Date: paris},
					Debtors:  []agreement.PartyID{"FR"}, Creditors: []agreement.PartyID{"UA"},
					Quantities: []agreement.Range{{Min: decimal.NewFromInt(2000), Max: decimal.NewFromInt(9000),
						Unit: agreement.UnitTroops, Wording: "several thousand"}},
					Action: deploy("UA"), Trigger: afterCeasefire},
				{ID: "gb-troops", Kind: agreement.DeonticObligation, Force: agreement.ForceDeclarationOfIntent,
					Category: agreement.CategoryImPK,
					Text:     "Britain, France, and other European partners to send troops into Ukraine following a ceasefire agreement",
					Source:   agreement.Source{Document: "trilateral declaration of intent", Date: paris},
					Debtors:  []agreement.PartyID{"GB"}, Creditors: []agreement.PartyID{"UA"},
					Action: deploy("UA"), Trigger: afterCeasefire},
			}},
			// Read from Merz's "German forces could join to oversee a
			// ceasefire, albeit based outside Ukraine", extended to the
			// whole force: an assumption.
			{ID: "outside", Name: "outside Ukraine only, as Germany offered for its forces", Clauses: []agreement.Clause{
				{ID: "troops-outside", Kind: agreement.DeonticObligation,
					Text:    "the multinational force oversees the ceasefire from bases outside Ukraine",
					Debtors: []agreement.PartyID{"FR", "GB", "DE"}, Creditors: []agreement.PartyID{"UA"},
					Action: deploy(""), Trigger: afterCeasefire},
			}},
		}},
		{ID: issueSanctions, Name: "sanctions relief for Russia (an assumed issue: the article does not mention sanctions)", Alternatives: []negotiation.Alternative{
			{ID: "at-signing", Name: "at signing", Clauses: relief(nil)},
			{ID: "at-withdrawal", Name: "once Russia completes a withdrawal", Clauses: relief(
				agreement.Happened(agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU"}))},
		}},
	}

	// The positions. Values are on a scale of 0 to 10 per alternative,
	// weights say how much each issue matters to the party; both, the pair
	// values and the reservation values are ILLUSTRATIVE ASSUMPTIONS.
	keepDonbas := agreement.Measure(agreement.UnitPercent).AtLeast(dec("100"))
	positions := []negotiation.Position{
		// Ukraine (assumed): the Donbas and a guarantee with teeth
		// matter most; it will not cede the areas.
		{
			Party: "UA", Reservation: dec("60"),
			Issues: []negotiation.IssueValue{
				values(issueDonbas, "4", "keep", "10", "cede", "0", "arbitration", "5"),
				values(issueLine, "1", "freeze-front", "7", "freeze-south", "3"),
				values(issueDMZ, "1", "none", "6", "dmz-15km", "5"),
				values(issueBackstop, "3", "out", "0", "in", "10"),
				values(issueForce, "2", "5000", "4", "15000", "10"),
				values(issueBasing, "2", "in-ukraine", "10", "outside", "3"),
				values(issueSanctions, "1", "at-signing", "2", "at-withdrawal", "8"),
			},
			// A backstop is worth more behind a larger force.
			Pairs: []negotiation.PairValue{pair(issueBackstop, "in", issueForce, "15000", "4")},
			RedLines: []negotiation.RedLine{{ID: "no-cession", Territory: &negotiation.TerritoryLine{
				Party: "UA", Areas: donbas, Bound: keepDonbas}}},
		},
		// Russia (assumed, but for its red line, which the article
		// reports): the Donbas, no NATO troops in Ukraine and early
		// sanctions relief matter most.
		{
			Party: "RU", Reservation: dec("70"),
			Issues: []negotiation.IssueValue{
				values(issueDonbas, "5", "keep", "0", "cede", "10", "arbitration", "4"),
				values(issueLine, "1", "freeze-front", "4", "freeze-south", "6"),
				values(issueDMZ, "1", "none", "8", "dmz-15km", "2"),
				values(issueBackstop, "2", "out", "10", "in", "0"),
				values(issueForce, "2", "5000", "8", "15000", "2"),
				values(issueBasing, "3", "in-ukraine", "0", "outside", "8"),
				values(issueSanctions, "3", "at-signing", "10", "at-withdrawal", "3"),
			},
			RedLines: []negotiation.RedLine{{ID: "no-nato-forces", Clause: &negotiation.ClauseLine{
				Pattern: agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "NATO", Target: "UA"}}}},
		},
		// The United States (assumed): a frozen, monitored line and no
		// backstop commitment, as its absence from the final communiqué
		// suggests; no red line.
		{
			Party: "US", Reservation: dec("55"),
			Issues: []negotiation.IssueValue{
				values(issueDonbas, "1", "keep", "5", "cede", "5", "arbitration", "6"),
				values(issueLine, "2", "freeze-front", "8", "freeze-south", "5"),
				values(issueDMZ, "1", "none", "4", "dmz-15km", "7"),
				values(issueBackstop, "3", "out", "8", "in", "3"),
				values(issueForce, "1", "5000", "5", "15000", "6"),
				values(issueBasing, "1", "in-ukraine", "6", "outside", "5"),
				values(issueSanctions, "2", "at-signing", "6", "at-withdrawal", "5"),
			},
		},
		// The coalition (assumed): troops in Ukraine, as its
		// declaration of intent, and the backstop; it will not endorse a
		// cession.
		{
			Party: "COW", Reservation: dec("70"),
			Issues: []negotiation.IssueValue{
				values(issueDonbas, "2", "keep", "8", "cede", "1", "arbitration", "7"),
				values(issueLine, "1", "freeze-front", "7", "freeze-south", "4"),
				values(issueDMZ, "1", "none", "4", "dmz-15km", "7"),
				values(issueBackstop, "3", "out", "2", "in", "10"),
				values(issueForce, "2", "5000", "6", "15000", "7"),
				values(issueBasing, "2", "in-ukraine", "10", "outside", "5"),
				values(issueSanctions, "1", "at-signing", "3", "at-withdrawal", "8"),
			},
			Pairs: []negotiation.PairValue{pair(issueBackstop, "in", issueForce, "15000", "3")},
			RedLines: []negotiation.RedLine{{ID: "no-capitulation", Territory: &negotiation.TerritoryLine{
				Party: "UA", Areas: donbas, Bound: keepDonbas}}},
		},
	}
	return Bargaining{
		Issues:    issues,
		Positions: positions,
		Stances: []Stance{
			{Party: "UA", RedLine: "no-cession",
				Note: "assumed: the article reports Russia's demand and that the territorial question is pending, not Kyiv's answer"},
			{Party: "RU", RedLine: "no-nato-forces",
				Quote: "has consistently opposed any NATO presence on the ground in Ukraine to oversee a cessation of hostilities"},
			{Party: "COW", RedLine: "no-capitulation",
				Quote: "essential to ensure that a peace agreement will never entail Ukrainian capitulation",
				Note:  "Macron, of the guarantees; reading capitulation as ceding the Donbas is an assumption"},
		},
		Sensitivity: Weight{Party: "RU", Issue: issueBasing},
	}
}

// values is a party's weight for an issue and its values for the issue's
// alternatives, given as id, value pairs.
func values(issue negotiation.IssueID, weight string, vs ...string) negotiation.IssueValue {
	iv := negotiation.IssueValue{Issue: issue, Weight: decimal.RequireFromString(weight)}
	for i := 0; i+1 < len(vs); i += 2 {
		iv.Values = append(iv.Values, negotiation.AlternativeValue{
			Alternative: negotiation.AlternativeID(vs[i]), Value: decimal.RequireFromString(vs[i+1])})
	}
	return iv
}

// pair is the value of choosing two alternatives together.
func pair(a negotiation.IssueID, x negotiation.AlternativeID, b negotiation.IssueID, y negotiation.AlternativeID, v string) negotiation.PairValue {
	return negotiation.PairValue{A: negotiation.Choice{Issue: a, Alternative: x}, B: negotiation.Choice{Issue: b, Alternative: y},
		Value: decimal.RequireFromString(v)}
}
