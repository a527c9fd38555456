// Package negotiationtest provides rapid generators for tests of code built
// on package [negotiation]. It is for _test.go files only.
//
// [Case] draws a small negotiation: a territory of one to three areas held
// by UA and partly controlled by RU, one party group, issues whose
// alternatives are territorial options on those areas (cede, freeze,
// withdraw, recognise control, special status; two alternatives of
// different issues may conflict on an area), clauses (permissions to deploy
// forces, obligations to pay) or nothing, and positions for two or three
// parties with weights, values (integers and one-decimal amounts, some
// negative), pair values, reservations and red lines of every kind. Every
// case drawn is valid: [negotiation.NewSpace] and [negotiation.Compile]
// accept it. The generators draw from the *rapid.T only.
package negotiationtest

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// Config bounds the sizes of a drawn case; zero fields take the defaults
// shown.
type Config struct {
	Issues       int // most issues: 4
	Alternatives int // most alternatives per issue: 4
	Parties      int // most parties, at least 2: 3
}

func (c Config) normalised() Config {
	if c.Issues <= 0 {
		c.Issues = 4
	}
	if c.Alternatives <= 0 {
		c.Alternatives = 4
	}
	if c.Parties < 2 {
		c.Parties = 3
	}
	return c
}

// CaseData is a drawn negotiation, as the plain values NewSpace and
// Compile take.
type CaseData struct {
	Territory agreement.Territory
	Groups    []agreement.Group
	Issues    []negotiation.Issue
	Positions []negotiation.Position
}

var (
	allParties = []agreement.PartyID{"UA", "RU", "US"}
	areaIDs    = []agreement.AreaID{"north", "south", "east"}
)

// Case returns a generator of valid cases within cfg.
func Case(cfg Config) *rapid.Generator[CaseData] {
	cfg = cfg.normalised()
	return rapid.Custom(func(t *rapid.T) CaseData {
		var c CaseData
		nAreas := rapid.IntRange(1, 3).Draw(t, "areas")
		for k := range nAreas {
			ru := rapid.IntRange(0, 100).Draw(t, "ru-control")
			area := agreement.Area{ID: areaIDs[k], Size: decimal.NewFromInt(int64(rapid.IntRange(1, 900).Draw(t, "size"))),
				Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(100)}}}
			switch ru {
			case 0:
				area.Control = []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(100)}}
			case 100:
				area.Control = []agreement.Share{{Party: "RU", Percent: decimal.NewFromInt(100)}}
			default:
				area.Control = []agreement.Share{{Party: "RU", Percent: decimal.NewFromInt(int64(ru))}, {Party: "UA", Percent: decimal.NewFromInt(int64(100 - ru))}}
			}
			c.Territory.Areas = append(c.Territory.Areas, area)
		}
		c.Groups = []agreement.Group{{ID: "NATO", Members: []agreement.PartyID{"US", "FR"}}}
		nIssues := rapid.IntRange(1, cfg.Issues).Draw(t, "issues")
		opt := 0
		for i := range nIssues {
			is := negotiation.Issue{ID: negotiation.IssueID(fmt.Sprintf("i%d", i))}
			nAlt := rapid.IntRange(1, cfg.Alternatives).Draw(t, "alternatives")
			for a := range nAlt {
				alt := negotiation.Alternative{ID: negotiation.AlternativeID(fmt.Sprintf("a%d", a))}
				switch rapid.IntRange(0, 3).Draw(t, "alternative-kind") {
				case 0, 1:
					opt++
					alt.Options = append(alt.Options, drawOption(t, fmt.Sprintf("o%d", opt), nAreas))
				case 2:
					alt.Clauses = append(alt.Clauses, drawClause(t))
				}
				is.Alternatives = append(is.Alternatives, alt)
			}
			c.Issues = append(c.Issues, is)
		}
		nParties := rapid.IntRange(2, cfg.Parties).Draw(t, "parties")
		for q := range nParties {
			c.Positions = append(c.Positions, drawPosition(t, allParties[q], c, nAreas))
		}
		return c
	})
}

func drawOption(t *rapid.T, id string, nAreas int) agreement.Option {
	area := areaIDs[rapid.IntRange(0, nAreas-1).Draw(t, "option-area")]
	o := agreement.Option{ID: agreement.OptionID(id), Areas: []agreement.AreaID{area}}
	switch rapid.IntRange(0, 4).Draw(t, "option-kind") {
	case 0:
		o.Kind, o.From, o.To = agreement.OptionKindCede, "UA", "RU"
	case 1:
		o.Kind = agreement.OptionKindFreeze
	case 2:
		o.Kind, o.From, o.To = agreement.OptionKindWithdraw, "RU", "UA"
		o.Deadline = agreement.Deadline{After: 30 * 24 * time.Hour}
	case 3:
		o.Kind, o.Party = agreement.OptionKindRecogniseControl, "RU"
	default:
		o.Kind = agreement.OptionKindSpecialStatus
	}
	return o
}

func drawClause(t *rapid.T) agreement.Clause {
	debtor := rapid.SampledFrom([]agreement.PartyID{"US", "FR", "RU"}).Draw(t, "debtor")
	if rapid.Bool().Draw(t, "deploy") {
		return agreement.Clause{ID: "deploy", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{debtor},
			Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}}
	}
	return agreement.Clause{ID: "perform", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{debtor},
		Action: &agreement.Pattern{Kind: agreement.EventKindPerformance}}
}

// amount draws an integer or one-decimal amount in [-5, 5].
func amount(t *rapid.T, label string) decimal.Decimal {
	v := rapid.IntRange(-50, 50).Draw(t, label)
	if rapid.Bool().Draw(t, label+"-whole") {
		return decimal.NewFromInt(int64(v / 10))
	}
	return decimal.New(int64(v), -1)
}

func drawPosition(t *rapid.T, party agreement.PartyID, c CaseData, nAreas int) negotiation.Position {
	// Reservations are mostly low, so that many cases have acceptable
	// packages.
	pos := negotiation.Position{Party: party, Reservation: amount(t, "reservation").Sub(decimal.NewFromInt(int64(rapid.IntRange(0, 12).Draw(t, "reservation-drop"))))}
	for _, is := range c.Issues {
		if !rapid.Bool().Draw(t, "values-issue") {
			continue
		}
		iv := negotiation.IssueValue{Issue: is.ID, Weight: decimal.NewFromInt(int64(rapid.IntRange(0, 3).Draw(t, "weight")))}
		for _, alt := range is.Alternatives {
			if rapid.IntRange(0, 5).Draw(t, "values-alternative") > 0 {
				iv.Values = append(iv.Values, negotiation.AlternativeValue{Alternative: alt.ID, Value: amount(t, "value")})
			}
		}
		pos.Issues = append(pos.Issues, iv)
	}
	if len(c.Issues) >= 2 && rapid.Bool().Draw(t, "pair") {
		i := rapid.IntRange(0, len(c.Issues)-2).Draw(t, "pair-issue")
		j := rapid.IntRange(i+1, len(c.Issues)-1).Draw(t, "pair-other")
		a := rapid.IntRange(0, len(c.Issues[i].Alternatives)-1).Draw(t, "pair-a")
		b := rapid.IntRange(0, len(c.Issues[j].Alternatives)-1).Draw(t, "pair-b")
		pos.Pairs = append(pos.Pairs, negotiation.PairValue{
			A:     negotiation.Choice{Issue: c.Issues[i].ID, Alternative: c.Issues[i].Alternatives[a].ID},
			B:     negotiation.Choice{Issue: c.Issues[j].ID, Alternative: c.Issues[j].Alternatives[b].ID},
			Value: amount(t, "pair-value")})
	}
	n := max(0, rapid.IntRange(-1, 2).Draw(t, "red-lines"))
	for k := range n {
		rl := negotiation.RedLine{ID: fmt.Sprintf("r%d", k)}
		switch rapid.IntRange(0, 2).Draw(t, "red-line-kind") {
		case 0:
			i := rapid.IntRange(0, len(c.Issues)-1).Draw(t, "line-issue")
			a := rapid.IntRange(0, len(c.Issues[i].Alternatives)-1).Draw(t, "line-alternative")
			rl.Choice = &negotiation.ChoiceLine{Choice: negotiation.Choice{Issue: c.Issues[i].ID, Alternative: c.Issues[i].Alternatives[a].ID},
				Require: rapid.IntRange(0, 3).Draw(t, "require") == 0}
		case 1:
			pat := agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}
			switch rapid.IntRange(0, 2).Draw(t, "clause-line") {
			case 0:
				pat.Group = "NATO"
			case 1:
				pat = agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU"}
			}
			rl.Clause = &negotiation.ClauseLine{Pattern: pat}
		default:
			areas := []agreement.AreaID{areaIDs[rapid.IntRange(0, nAreas-1).Draw(t, "line-area")]}
			if nAreas > 1 && rapid.Bool().Draw(t, "line-two-areas") {
				other := areaIDs[rapid.IntRange(0, nAreas-1).Draw(t, "line-area-2")]
				if other != areas[0] {
					areas = append(areas, other)
				}
			}
			b := agreement.Measure(agreement.UnitPercent)
			limit := decimal.NewFromInt(int64(rapid.IntRange(0, 100).Draw(t, "line-limit")))
			if rapid.Bool().Draw(t, "line-at-least") {
				b = b.AtLeast(limit)
			} else {
				b = b.AtMost(limit)
			}
			tl := &negotiation.TerritoryLine{Party: rapid.SampledFrom([]agreement.PartyID{"UA", "RU"}).Draw(t, "line-party"),
				Control: rapid.Bool().Draw(t, "line-control"), Areas: areas, Bound: b}
			rl.Territory = tl
		}
		pos.RedLines = append(pos.RedLines, rl)
	}
	return pos
}
