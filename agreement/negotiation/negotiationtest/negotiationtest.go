// Package negotiationtest provides rapid generators for tests of code built
// on package [negotiation]. It is for _test.go files only.
//
// [Case] draws a small negotiation: a territory of one to three areas held
// by UA and partly controlled by RU; three party groups (NATO, EU and a
// one-member group inside both); issues whose alternatives hold a
// territorial option of any kind (cede, freeze, withdraw, recognise control,
// special status, a demilitarised zone, a referendum, an arbitration,
// international administration) on one or several areas, clauses, both, or
// nothing. Two alternatives of different issues may conflict on an area.
// Clauses deploy forces (an actor, a group's action, debtors bound
// severally or jointly, a creditor as target, or no target; with or
// without troop ranges), oblige a performance, or prohibit a deployment.
// Positions for two or three parties have weights, values (integers and
// amounts of one to three decimal places, some negative), pair values,
// reservations and up to four red lines of every kind: choices (forbidden
// or required), clause patterns (by group, actor, target, with troop
// measures, closed or open bounds) and territory lines (one or several
// areas, sovereignty or control, closed or open bounds). Every case drawn
// is valid: [negotiation.NewSpace] and [negotiation.Compile] accept it. The
// generators draw from the *rapid.T only.
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
		c.Groups = []agreement.Group{
			{ID: "NATO", Members: []agreement.PartyID{"US", "FR", "GB"}},
			{ID: "EU", Members: []agreement.PartyID{"FR", "DE"}},
			{ID: "E1", Members: []agreement.PartyID{"FR"}},
		}
		nIssues := rapid.IntRange(1, cfg.Issues).Draw(t, "issues")
		opt := 0
		for i := range nIssues {
			is := negotiation.Issue{ID: negotiation.IssueID(fmt.Sprintf("i%d", i))}
			nAlt := rapid.IntRange(1, cfg.Alternatives).Draw(t, "alternatives")
			for a := range nAlt {
				alt := negotiation.Alternative{ID: negotiation.AlternativeID(fmt.Sprintf("a%d", a))}
				switch rapid.IntRange(0, 4).Draw(t, "alternative-kind") {
				case 0, 1:
					opt++
					alt.Options = append(alt.Options, drawOption(t, fmt.Sprintf("o%d", opt), nAreas))
				case 2:
					alt.Clauses = append(alt.Clauses, drawClause(t, "c0"))
					if rapid.IntRange(0, 3).Draw(t, "second-clause") == 0 {
						alt.Clauses = append(alt.Clauses, drawClause(t, "c1"))
					}
				case 3:
					opt++
					alt.Options = append(alt.Options, drawOption(t, fmt.Sprintf("o%d", opt), nAreas))
					alt.Clauses = append(alt.Clauses, drawClause(t, "c0"))
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
	first := rapid.IntRange(0, nAreas-1).Draw(t, "option-area")
	areas := []agreement.AreaID{areaIDs[first]}
	for k := first + 1; k < nAreas; k++ {
		if rapid.IntRange(0, 3).Draw(t, "option-more-areas") == 0 {
			areas = append(areas, areaIDs[k])
		}
	}
	o := agreement.Option{ID: agreement.OptionID(id), Areas: areas}
	month := agreement.Deadline{After: 30 * 24 * time.Hour}
	switch rapid.IntRange(0, 8).Draw(t, "option-kind") {
	case 0:
		o.Kind, o.From, o.To = agreement.OptionKindCede, "UA", "RU"
	case 1:
		o.Kind = agreement.OptionKindFreeze
		if rapid.Bool().Draw(t, "freeze-binds") {
			o.Parties = []agreement.PartyID{"UA", "RU"}
		}
	case 2:
		o.Kind, o.From, o.To = agreement.OptionKindWithdraw, "RU", "UA"
		o.Deadline = month
	case 3:
		o.Kind, o.Party = agreement.OptionKindRecogniseControl, "RU"
	case 4:
		o.Kind = agreement.OptionKindSpecialStatus
	case 5:
		w := decimal.NewFromInt(int64(rapid.IntRange(1, 30).Draw(t, "dmz-width")))
		o.Kind, o.Parties, o.Width, o.Deadline = agreement.OptionKindDemilitarisedZone, []agreement.PartyID{"UA", "RU"}, &w, month
	case 6:
		o.Kind, o.Party = agreement.OptionKindReferendum, "UA"
		o.Results = []agreement.Result{{Outcome: "yes", Sovereign: "RU"}, {Outcome: "no"}}
	case 7:
		o.Kind, o.Party, o.Deadline = agreement.OptionKindArbitration, "US", month
		o.Results = []agreement.Result{{Outcome: "RU", Sovereign: "RU"}, {Outcome: "UA", Sovereign: "UA"}}
	default:
		o.Kind, o.Party = agreement.OptionKindInternationalAdministration, rapid.SampledFrom([]agreement.PartyID{"US", "UA"}).Draw(t, "administrator")
	}
	return o
}

// drawClause draws a clause: a deployment of forces (by its debtors,
// severally or jointly, by a named actor, or by a group; in UA, in its
// creditor, or with no target; with or without troops), an obligation to
// perform, or a prohibition to deploy.
func drawClause(t *rapid.T, id agreement.ClauseID) agreement.Clause {
	parties := []agreement.PartyID{"US", "FR", "GB", "DE", "RU"}
	debtors := []agreement.PartyID{rapid.SampledFrom(parties).Draw(t, "debtor")}
	if other := rapid.SampledFrom(parties).Draw(t, "debtor-2"); other != debtors[0] && rapid.Bool().Draw(t, "two-debtors") {
		debtors = append(debtors, other)
	}
	c := agreement.Clause{ID: id, Kind: agreement.DeonticPermission, Debtors: debtors, Creditors: []agreement.PartyID{"UA"}}
	switch rapid.IntRange(0, 5).Draw(t, "clause-kind") {
	case 0:
		c.Kind = agreement.DeonticObligation
		c.Action = &agreement.Pattern{Kind: agreement.EventKindPerformance}
		return c
	case 1:
		c.Kind = agreement.DeonticProhibition
		c.Action = &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}
		return c
	}
	if rapid.Bool().Draw(t, "obligation") {
		c.Kind = agreement.DeonticObligation
	}
	act := agreement.Pattern{Kind: agreement.EventKindForcesDeployed}
	switch rapid.IntRange(0, 3).Draw(t, "deploy-actor") {
	case 0:
		c.Joint = len(debtors) > 1
	case 1:
		act.Actor = rapid.SampledFrom(parties).Draw(t, "actor")
	case 2:
		act.Group = rapid.SampledFrom([]agreement.GroupID{"NATO", "EU", "E1"}).Draw(t, "actor-group")
	}
	switch rapid.IntRange(0, 3).Draw(t, "deploy-target") {
	case 0, 1:
		act.Target = "UA"
	case 2:
		act.Target = agreement.Creditor
	}
	c.Action = &act
	if rapid.Bool().Draw(t, "troops") {
		lo := int64(rapid.IntRange(1, 20).Draw(t, "troops-min")) * 1000
		hi := lo + int64(rapid.IntRange(0, 10).Draw(t, "troops-span"))*1000
		c.Quantities = []agreement.Range{{Min: decimal.NewFromInt(lo), Max: decimal.NewFromInt(hi), Unit: agreement.UnitTroops}}
	}
	return c
}

// amount draws an amount in [-5, 5]: an integer, or one, two or three
// decimal places.
func amount(t *rapid.T, label string) decimal.Decimal {
	v := rapid.IntRange(-50, 50).Draw(t, label)
	switch rapid.IntRange(0, 5).Draw(t, label+"-places") {
	case 0, 1, 2:
		return decimal.NewFromInt(int64(v / 10))
	case 3:
		return decimal.New(int64(v), -1)
	case 4:
		return decimal.New(int64(v)*10+int64(rapid.IntRange(-9, 9).Draw(t, label+"-cents")), -2)
	default:
		return decimal.New(int64(v)*100+int64(rapid.IntRange(-99, 99).Draw(t, label+"-mils")), -3)
	}
}

// bound draws a bound of unit u with a lower limit, an upper one or both,
// each closed or open, from limits.
func bound(t *rapid.T, u agreement.Unit, limits *rapid.Generator[int]) agreement.Bound {
	b := agreement.Measure(u)
	ends := rapid.IntRange(0, 2).Draw(t, "bound-ends")
	lo := limits.Draw(t, "bound-lo")
	if ends != 1 {
		if rapid.Bool().Draw(t, "bound-lo-open") {
			b = b.Above(decimal.NewFromInt(int64(lo)))
		} else {
			b = b.AtLeast(decimal.NewFromInt(int64(lo)))
		}
	}
	if ends != 0 {
		hi := limits.Draw(t, "bound-hi")
		if ends == 2 {
			hi = max(hi, lo)
		}
		if rapid.Bool().Draw(t, "bound-hi-open") {
			b = b.Below(decimal.NewFromInt(int64(hi)))
		} else {
			b = b.AtMost(decimal.NewFromInt(int64(hi)))
		}
	}
	return b
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
	n := max(0, rapid.IntRange(-1, 4).Draw(t, "red-lines"))
	for k := range n {
		rl := negotiation.RedLine{ID: fmt.Sprintf("r%d", k)}
		switch rapid.IntRange(0, 2).Draw(t, "red-line-kind") {
		case 0:
			i := rapid.IntRange(0, len(c.Issues)-1).Draw(t, "line-issue")
			a := rapid.IntRange(0, len(c.Issues[i].Alternatives)-1).Draw(t, "line-alternative")
			rl.Choice = &negotiation.ChoiceLine{Choice: negotiation.Choice{Issue: c.Issues[i].ID, Alternative: c.Issues[i].Alternatives[a].ID},
				Require: rapid.IntRange(0, 3).Draw(t, "require") == 0}
		case 1:
			pat := agreement.Pattern{Kind: agreement.EventKindForcesDeployed}
			switch rapid.IntRange(0, 4).Draw(t, "clause-line") {
			case 0:
				pat.Group = rapid.SampledFrom([]agreement.GroupID{"NATO", "EU", "E1"}).Draw(t, "line-group")
			case 1:
				pat.Actor = rapid.SampledFrom([]agreement.PartyID{"US", "FR", "GB", "DE"}).Draw(t, "line-actor")
			case 2:
				pat = agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU"}
			case 3:
				pat.Kind = agreement.EventKindPerformance
			}
			if pat.Kind == agreement.EventKindForcesDeployed && rapid.Bool().Draw(t, "line-target") {
				pat.Target = "UA"
			}
			if pat.Kind == agreement.EventKindForcesDeployed && rapid.Bool().Draw(t, "line-measure") {
				pat.Measure = bound(t, agreement.UnitTroops, rapid.Map(rapid.IntRange(0, 30), func(v int) int { return v * 1000 }))
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
			tl := &negotiation.TerritoryLine{Party: rapid.SampledFrom([]agreement.PartyID{"UA", "RU"}).Draw(t, "line-party"),
				Control: rapid.Bool().Draw(t, "line-control"), Areas: areas, Bound: bound(t, agreement.UnitPercent, rapid.IntRange(0, 100))}
			rl.Territory = tl
		}
		pos.RedLines = append(pos.RedLines, rl)
	}
	return pos
}
