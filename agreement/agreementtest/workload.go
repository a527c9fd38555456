package agreementtest

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Event kinds of [Workload] beyond the library's own.
const (
	KindReport        agreement.EventKind = "report"       // a monitor reports
	KindConsultation  agreement.EventKind = "consultation" // a guarantor consults the parties
	KindTalksHeld     agreement.EventKind = "talks-held"   // a round of talks
	KindPrisoners     agreement.EventKind = "prisoners-exchanged"
	KindShelling      agreement.EventKind = "shelling"          // artillery fire across the line
	KindDroneIncident agreement.EventKind = "drone-incident"    // a drone crosses the line
	KindSanctions     agreement.EventKind = "sanctions-imposed" // sanctions are imposed again
	KindAirPolicing   agreement.EventKind = "air-policing"      // guarantors police the airspace
	KindHeavyWeapons  agreement.EventKind = "heavy-weapons-withdrawn"
)

// The parties of [Workload].
var workloadParties = []agreement.PartyID{"UA", "RU", "FR", "UK", "US", "OSCE"}

// Workload returns a valid agreement of 36 clauses modelled on a ceasefire
// with guarantees, for measuring how fast an engine replays one agreement
// many times. It has a ceasefire fluent (ceasefire-in-force starts it,
// ceasefire-collapsed ends it); a standing ceasefire of UA and RU whose
// breaches are counted; a guarantee owed severally by FR, UK and US whose
// antecedent is a new armed attack on UA, with a 72-hour deadline, and a
// consultation bound to each guarantor's own instance of it; a duty
// triggered by three breaches by RU within 30 days; a withdrawal of at
// least 15 km from the line (a quantity bound) by the end of the 30th day
// after the ceasefire took effect (an anchored calendar deadline); clauses
// whose triggers use Since, Within, Before and AtLeast; a suspend and
// resume pair of the monitor's powers over the guarantee (the suspension
// available once the guarantee is in effect); a prohibition of
// deployment in each frozen area and a monitoring duty per area; and a territory of 7 areas with a freeze over four and a
// demilitarised zone over three, whose implied clauses are included. The
// agreement is signed, so it is in force from the start of a replay. Each
// call returns a new value that shares nothing with earlier ones.
func Workload() agreement.Agreement {
	loc := func(id agreement.ClauseID) agreement.Ref { return agreement.LocalRef(id) }
	p := func(k agreement.EventKind) agreement.Pattern { return agreement.Pattern{Kind: k} }
	parties := func(ids ...agreement.PartyID) []agreement.PartyID { return ids }
	attackOnUA := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
	a := agreement.Agreement{
		ID:            "workload",
		Title:         "Ceasefire with guarantees (measurement workload)",
		SigningStatus: agreement.SigningStatusSigned,
		Fluents: []agreement.Fluent{{ID: "ceasefire",
			Initiates:  []agreement.Pattern{p(agreement.EventKindCeasefireInForce)},
			Terminates: []agreement.Pattern{p(agreement.EventKindCeasefireCollapsed)}}},
	}
	for _, id := range workloadParties {
		a.Parties = append(a.Parties, agreement.Party{ID: id})
	}
	cf := agreement.Holds("ceasefire")
	a.Clauses = []agreement.Clause{
		{ID: "ceasefire", Kind: agreement.DeonticProhibition, Standing: true, Debtors: parties("UA", "RU"),
			Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: agreement.Debtor}, Trigger: cf},
		{ID: "guarantee", Kind: agreement.DeonticObligation, Debtors: parties("FR", "UK", "US"), Creditors: parties("UA"),
			Action:  &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: agreement.Debtor, Target: "UA"},
			Trigger: cf, Antecedent: agreement.Happened(attackOnUA), Deadline: agreement.Deadline{After: 72 * time.Hour}},
		{ID: "consult", Kind: agreement.DeonticObligation, Debtors: parties("FR", "UK", "US"),
			Action:   &agreement.Pattern{Kind: KindConsultation, Actor: agreement.Debtor},
			Trigger:  agreement.ClauseInFor(loc("guarantee"), agreement.Debtor, agreement.StateInEffect),
			Deadline: agreement.Deadline{After: 24 * time.Hour}},
		{ID: "sanctions", Kind: agreement.DeonticObligation, Debtors: parties("US"),
			Action:   &agreement.Pattern{Kind: KindSanctions, Actor: "US"},
			Trigger:  agreement.Breached(loc("ceasefire"), 3, agreement.BreachFilter{Debtor: "RU", Within: 30 * agreement.Day}),
			Deadline: agreement.Deadline{Period: agreement.Period{Days: 7}}},
		{ID: "withdraw", Kind: agreement.DeonticObligation, Debtors: parties("RU"),
			Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU",
				Measure: agreement.Measure(agreement.UnitKm).Of("distance-from-line").AtLeast(decimal.NewFromInt(15))},
			Trigger: cf,
			Deadline: agreement.Deadline{Period: agreement.Period{Days: 30}, Round: agreement.RoundEndOfDay,
				From: agreement.Happened(p(agreement.EventKindCeasefireInForce))}},
		{ID: "heavy-weapons", Kind: agreement.DeonticObligation, Debtors: parties("UA", "RU"),
			Action:   &agreement.Pattern{Kind: KindHeavyWeapons, Actor: agreement.Debtor},
			Trigger:  agreement.Since(p(agreement.EventKindCeasefireInForce), 48*time.Hour),
			Deadline: agreement.Deadline{After: 14 * agreement.Day}},
		{ID: "report", Kind: agreement.DeonticObligation, Debtors: parties("OSCE"),
			Action:   &agreement.Pattern{Kind: KindReport, Actor: "OSCE"},
			Trigger:  agreement.Within(p(agreement.EventKindArmedAttack), 24*time.Hour),
			Deadline: agreement.Deadline{After: 48 * time.Hour}},
		{ID: "prisoners", Kind: agreement.DeonticObligation, Debtors: parties("UA", "RU"),
			Action:   &agreement.Pattern{Kind: KindPrisoners, Actor: agreement.Debtor},
			Trigger:  agreement.Before(p(agreement.EventKindCeasefireInForce), p(KindTalksHeld)),
			Deadline: agreement.Deadline{Period: agreement.Period{Days: 14}}},
		{ID: "air-policing", Kind: agreement.DeonticObligation, Debtors: parties("FR", "UK"),
			Action: &agreement.Pattern{Kind: KindAirPolicing, Actor: agreement.Debtor},
			Trigger: agreement.AtLeast(2, agreement.Happened(attackOnUA), agreement.Happened(p(KindDroneIncident)),
				agreement.Within(p(KindShelling), 24*time.Hour)),
			Deadline: agreement.Deadline{After: 48 * time.Hour}},
		{ID: "no-buildup", Kind: agreement.DeonticProhibition, Debtors: parties("RU"),
			Action:  &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: "RU"},
			Trigger: cf, Expiry: agreement.Deadline{Period: agreement.Period{Days: 90}}},
		{ID: "suspend-guarantee", Kind: agreement.DeonticPower, Debtors: parties("OSCE"),
			Effect: agreement.EffectSuspend, Targets: []agreement.Ref{loc("guarantee")}, ResumedBy: "resume-guarantee",
			Trigger: agreement.ClauseIn(loc("guarantee"), agreement.StateInEffect)},
		{ID: "resume-guarantee", Kind: agreement.DeonticPower, Debtors: parties("OSCE"), Effect: agreement.EffectResume},
		{ID: "talks", Kind: agreement.DeonticObligation, Debtors: parties("UA", "RU"), Joint: true,
			Action:   &agreement.Pattern{Kind: KindTalksHeld},
			Trigger:  agreement.All(cf, agreement.Not(agreement.Within(p(KindShelling), 12*time.Hour))),
			Deadline: agreement.Deadline{Period: agreement.Period{Days: 21}}},
		{ID: "verify", Kind: agreement.DeonticObligation, Debtors: parties("OSCE"),
			Action:     &agreement.Pattern{Kind: KindReport, Actor: "OSCE"},
			Trigger:    agreement.ClauseIn(loc("withdraw"), agreement.StateFulfilled, agreement.StateViolated),
			Antecedent: agreement.Happened(p(KindTalksHeld)),
			Deadline:   agreement.Deadline{After: 5 * agreement.Day}},
		{ID: "snapback", Kind: agreement.DeonticObligation, Debtors: parties("US"),
			Action:   &agreement.Pattern{Kind: KindSanctions, Actor: "US"},
			Trigger:  agreement.Any(agreement.ClauseIn(loc("withdraw"), agreement.StateViolated), agreement.Happened(p(agreement.EventKindCeasefireCollapsed))),
			Deadline: agreement.Deadline{After: 10 * agreement.Day}},
	}
	var freeze, dmz []agreement.AreaID
	for k := range 7 {
		id := agreement.AreaID(fmt.Sprintf("area-%d", k+1))
		a.Territory.Areas = append(a.Territory.Areas, agreement.Area{ID: id,
			Size:        decimal.NewFromInt(int64(100 * (k + 1))),
			Sovereignty: workloadShares("UA", 100), Control: workloadShares("RU", 70, "UA", 30)})
		if k < 4 {
			freeze = append(freeze, id)
		} else {
			dmz = append(dmz, id)
		}
		if k < 4 {
			a.Clauses = append(a.Clauses, agreement.Clause{ID: agreement.ClauseID("no-deploy-" + string(id)),
				Kind: agreement.DeonticProhibition, Debtors: parties("RU"),
				Action:  &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: "RU", Area: id},
				Trigger: cf})
		}
		a.Clauses = append(a.Clauses, agreement.Clause{ID: agreement.ClauseID("monitor-" + string(id)),
			Kind: agreement.DeonticObligation, Debtors: parties("OSCE"),
			Action:   &agreement.Pattern{Kind: KindReport, Actor: "OSCE", Area: id},
			Trigger:  agreement.Happened(agreement.Pattern{Kind: agreement.EventKindControlChanged, Area: id}),
			Deadline: agreement.Deadline{After: 48 * time.Hour}})
	}
	a.Options = []agreement.Option{
		{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: freeze, Parties: parties("UA", "RU")},
		{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: dmz, Parties: parties("UA", "RU"),
			Deadline: agreement.Deadline{After: 30 * agreement.Day},
			Width:    func() *decimal.Decimal { w := decimal.NewFromInt(15); return &w }()},
	}
	st, err := a.Settle()
	if err != nil {
		panic("agreementtest: Workload: " + err.Error())
	}
	a.Clauses = append(a.Clauses, st.Clauses...)
	return a
}

// workloadShares returns shares of the given parties and whole percentages,
// in pairs.
func workloadShares(pairs ...any) []agreement.Share {
	var s []agreement.Share
	for i := 0; i+1 < len(pairs); i += 2 {
		s = append(s, agreement.Share{Party: agreement.PartyID(pairs[i].(string)),
			Percent: decimal.NewFromInt(int64(pairs[i+1].(int)))})
	}
	return s
}
