package agreement_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// num returns the decimal n.
func num(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// Clause indices of cleanM.
const (
	cNoHeavy    = iota // standing prohibition, RU and BY severally, relaxed by cException
	cWithdraw          // standing obligation, RU and BY severally, violated by a level
	cRelease           // obligation of RU alone, fulfilled by a total
	cReparation        // obligation, RU and BY severally, triggered by breaches
	cException         // permission relaxing cNoHeavy, with a grant
	cSanction          // automatic power of UA limited to RU's instance
	cOwn               // power of RU and BY limited to the exercising debtor's instance
)

// cleanM returns a valid agreement that uses every construct the
// validation of measured acts, standing clauses, placeholders, breach
// counts, tallies, consumed permissions and target debtors checks.
func cleanM() agreement.Agreement {
	calibre := agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(num(100))
	return agreement.Agreement{
		ID: "ceasefire-2024",
		Parties: []agreement.Party{
			{ID: "UA", Kind: agreement.PartyKindState},
			{ID: "RU", Kind: agreement.PartyKindState},
			{ID: "BY", Kind: agreement.PartyKindState},
			{ID: "OSCE", Kind: agreement.PartyKindIntergovernmentalOrganisation},
		},
		Groups: []agreement.Group{{ID: "aggressors", Members: []agreement.PartyID{"RU", "BY"}}},
		ItemClasses: []agreement.ItemClass{
			{ID: "artillery-100mm", Name: "artillery of 100 mm and above", Rule: []agreement.Bound{calibre}},
			{ID: "mlrs", Items: []string{"BM-21 Grad", "BM-27 Uragan"}},
		},
		Fluents: []agreement.Fluent{{
			ID:        "monitored",
			Initiates: []agreement.Pattern{{Kind: "monitoring-started", Actor: "OSCE"}},
		}},
		Clauses: []agreement.Clause{
			{
				ID: "no-heavy", Kind: agreement.DeonticProhibition, Standing: true,
				Debtors: []agreement.PartyID{"RU", "BY"}, Creditors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{
					Kind: agreement.EventKindForcesDeployed, Actor: agreement.Debtor, Target: agreement.Creditor,
					Class:   "artillery-100mm",
					Measure: agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(num(20)),
				},
				Quantities: []agreement.Range{{Min: num(20), Max: num(20), Unit: agreement.UnitKm, Class: "artillery-100mm"}},
				Expiry:     agreement.Deadline{After: 365 * 24 * time.Hour},
			},
			{
				ID: "withdraw", Kind: agreement.DeonticObligation, Standing: true,
				Debtors: []agreement.PartyID{"RU", "BY"}, Creditors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: agreement.Debtor},
				Violation: agreement.Not(agreement.Level(
					agreement.Pattern{Kind: "troops-reported", Actor: agreement.Debtor, Reporter: "OSCE"},
					agreement.Measure(agreement.UnitTroops).AtMost(num(12000)))),
			},
			{
				ID: "release", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Fulfilment: agreement.Total(agreement.Pattern{Kind: "detainees-released", Actor: agreement.Debtor},
					agreement.Measure("detainees").AtLeast(num(3000))),
				Deadline: agreement.Deadline{After: 90 * 24 * time.Hour},
			},
			{
				ID: "reparation", Kind: agreement.DeonticObligation,
				Debtors: []agreement.PartyID{"RU", "BY"}, Creditors: []agreement.PartyID{"UA"},
				Trigger: agreement.Breached(agreement.LocalRef("no-heavy"), 3, agreement.BreachFilter{
					Debtor: agreement.Debtor, Within: 30 * 24 * time.Hour, Reporter: "OSCE",
					Attribution: agreement.AttributionConfirmed,
				}),
				Antecedent: agreement.ClauseInFor(agreement.LocalRef("withdraw"), agreement.Debtor, agreement.StateInEffect),
				Action:     &agreement.Pattern{Kind: "reparation-paid", Actor: agreement.Debtor, Target: agreement.Creditor},
			},
			{
				ID: "exception", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{"RU", "BY"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: agreement.Debtor, Item: "BM-21 Grad"},
				Relaxes: []agreement.Ref{agreement.LocalRef("no-heavy")},
				Grant: &agreement.Pattern{Kind: "rotation-authorised", Reporter: "OSCE", Target: agreement.Debtor,
					Measure: agreement.Measure(agreement.UnitM).Of("distance-from-line").AtMost(num(500))},
				Covers: 2, CoverWindow: 48 * time.Hour,
			},
			{
				ID: "sanction", Kind: agreement.DeonticPower, Effect: agreement.EffectDischarge,
				Debtors: []agreement.PartyID{"UA"}, Targets: []agreement.Ref{agreement.LocalRef("withdraw")},
				TargetDebtor: "RU",
				Fulfilment:   agreement.Breached(agreement.LocalRef("no-heavy"), 5, agreement.BreachFilter{Debtor: "RU"}),
			},
			{
				ID: "own", Kind: agreement.DeonticPower, Effect: agreement.EffectDischarge,
				Debtors: []agreement.PartyID{"RU", "BY"}, Targets: []agreement.Ref{agreement.LocalRef("reparation")},
				TargetDebtor: agreement.Debtor,
			},
		},
	}
}

// editM returns cleanM changed by edit.
func editM(edit func(a *agreement.Agreement)) agreement.Agreement {
	a := cleanM()
	edit(&a)
	return a
}

// clauseM returns cleanM with clause i changed by edit.
func clauseM(i int, edit func(c *agreement.Clause)) agreement.Agreement {
	return editM(func(a *agreement.Agreement) { edit(&a.Clauses[i]) })
}

func TestValidateCleanMeasured(t *testing.T) {
	a := cleanM()
	before := a.Clone()
	if err := a.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	if err := a.Lint(); err != nil {
		t.Fatalf("Lint() = %v, want nil", err)
	}
	if !reflect.DeepEqual(a, before) {
		t.Error("Validate or Lint modified the agreement")
	}
	p := agreement.Process{Agreements: []agreement.Agreement{a}}
	if err := p.Validate(); err != nil {
		t.Fatalf("Process.Validate() = %v, want nil", err)
	}
	if err := p.Lint(); err != nil {
		t.Fatalf("Process.Lint() = %v, want nil", err)
	}
}

func TestValidateMeasuredProblems(t *testing.T) {
	debtor, creditor := agreement.Debtor, agreement.Creditor
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	long := strings.Repeat("x", agreement.MaxItemBytes+1)
	tests := []struct {
		name     string
		a        agreement.Agreement
		sentinel error
		path     string
		msg      string // a part of the message, when set
	}{
		// Placeholders.
		{"debtor in a fluent", editM(func(a *agreement.Agreement) { a.Fluents[0].Initiates[0].Actor = debtor }),
			agreement.ErrInvalidValue, "fluents[0].initiates[0].actor", "stands only in a clause"},
		{"creditor in entry into force", editM(func(a *agreement.Agreement) {
			a.EntryIntoForce = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: creditor})
		}), agreement.ErrInvalidValue, "entryIntoForce.happened.actor", ""},
		{"debtor of ClauseInFor in entry into force", editM(func(a *agreement.Agreement) {
			a.EntryIntoForce = agreement.ClauseInFor(agreement.LocalRef("withdraw"), debtor, agreement.StateInEffect)
		}), agreement.ErrInvalidValue, "entryIntoForce.clauseIn.debtor", ""},
		{"breach filter debtor in entry into force", editM(func(a *agreement.Agreement) {
			a.EntryIntoForce = agreement.Breached(agreement.LocalRef("no-heavy"), 1, agreement.BreachFilter{Debtor: debtor})
		}), agreement.ErrInvalidValue, "entryIntoForce.breached.debtor", ""},
		{"creditor in a clause with no creditors", clauseM(cRelease, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Total(agreement.Pattern{Kind: "detainees-released", Target: creditor},
				agreement.Measure("detainees").AtLeast(num(1)))
		}), agreement.ErrInconsistent, "clauses[2].fulfilment.total.event.target", "no creditors"},
		{"debtor in a clause with no debtors", clauseM(cRelease, func(c *agreement.Clause) { c.Debtors = nil }),
			agreement.ErrInconsistent, "clauses[2].fulfilment.total.event.actor", "no debtors"},
		{"creditor in a grant with no creditors", clauseM(cException, func(c *agreement.Clause) { c.Grant.Target = creditor }),
			agreement.ErrInconsistent, "clauses[4].grant.target", ""},
		{"unknown party in a grant", clauseM(cException, func(c *agreement.Clause) { c.Grant.Reporter = "UN" }),
			agreement.ErrUnknownParty, "clauses[4].grant.reporter", ""},
		{"ClauseInFor debtor not a debtor of the clause", clauseM(cReparation, func(c *agreement.Clause) {
			c.Antecedent = agreement.ClauseInFor(agreement.LocalRef("release"), "BY", agreement.StateViolated)
		}), agreement.ErrInconsistent, "clauses[3].antecedent.clauseIn.debtor", `"BY" is not a debtor of "release"`},
		{"ClauseInFor $debtor naming a debtor the clause lacks", clauseM(cReparation, func(c *agreement.Clause) {
			c.Antecedent = agreement.ClauseInFor(agreement.LocalRef("release"), debtor, agreement.StateViolated)
		}), agreement.ErrInconsistent, "clauses[3].antecedent.clauseIn.debtor", `"BY" is not a debtor of "release"`},
		{"ClauseInFor unknown debtor", clauseM(cReparation, func(c *agreement.Clause) {
			c.Antecedent = agreement.ClauseInFor(agreement.LocalRef("withdraw"), "XX", agreement.StateInEffect)
		}), agreement.ErrUnknownParty, "clauses[3].antecedent.clauseIn.debtor", ""},
		{"ClauseInFor $creditor", clauseM(cReparation, func(c *agreement.Clause) {
			c.Antecedent = agreement.ClauseInFor(agreement.LocalRef("withdraw"), creditor, agreement.StateInEffect)
		}), agreement.ErrInvalidValue, "clauses[3].antecedent.clauseIn.debtor", ""},
		{"actor one of the several debtors", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Violation = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})
		}), agreement.ErrUnboundDebtor, "clauses[1].violation.happened.actor", "$debtor"},
		{"actor one of the several debtors, deep in a fulfilment", clauseM(cReparation, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Any(agreement.Not(agreement.Before(attack,
				agreement.Pattern{Kind: "reparation-paid", Actor: "BY"})))
		}), agreement.ErrUnboundDebtor, "clauses[3].fulfilment.any[0].not.before.then.actor", ""},
		{"actor one of the several debtors in a level", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Violation = agreement.Level(agreement.Pattern{Kind: "troops-reported", Actor: "BY"},
				agreement.Measure(agreement.UnitTroops).Above(num(12000)))
		}), agreement.ErrUnboundDebtor, "clauses[1].violation.level.event.actor", ""},
		{"actor one of the several debtors in a within", clauseM(cReparation, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Within(agreement.Pattern{Kind: "reparation-paid", Actor: "RU"}, time.Hour)
		}), agreement.ErrUnboundDebtor, "clauses[3].fulfilment.within.event.actor", ""},
		{"actor one of the several debtors in a since", clauseM(cReparation, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Since(agreement.Pattern{Kind: "reparation-paid", Actor: "RU"}, time.Hour)
		}), agreement.ErrUnboundDebtor, "clauses[3].fulfilment.since.event.actor", ""},

		// Standing clauses and breach counts.
		{"standing permission", clauseM(cException, func(c *agreement.Clause) { c.Standing = true }),
			agreement.ErrInconsistent, "clauses[4].standing", ""},
		{"standing power", clauseM(cOwn, func(c *agreement.Clause) { c.Standing = true }),
			agreement.ErrInconsistent, "clauses[6].standing", ""},
		{"standing obligation with a deadline", clauseM(cWithdraw, func(c *agreement.Clause) { c.Deadline.After = time.Hour }),
			agreement.ErrInconsistent, "clauses[1].deadline", "use expiry"},
		{"standing obligation without violation", clauseM(cWithdraw, func(c *agreement.Clause) { c.Violation = nil }),
			agreement.ErrMissing, "clauses[1].violation", ""},
		{"breached zero", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("no-heavy"), 0, agreement.BreachFilter{})
		}), agreement.ErrInvalidValue, "clauses[3].trigger.breached.atLeast", ""},
		{"breached negative", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("no-heavy"), -1, agreement.BreachFilter{Debtor: debtor})
		}), agreement.ErrNegative, "clauses[3].trigger.breached.atLeast", ""},
		{"breached not standing", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("release"), 1, agreement.BreachFilter{})
		}), agreement.ErrNotStanding, "clauses[3].trigger.breached.clause", ""},
		{"breached unknown clause", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("nope"), 1, agreement.BreachFilter{})
		}), agreement.ErrUnknownClause, "clauses[3].trigger.breached.clause", ""},
		{"breached an agreement", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.AgreementRef("ceasefire-2024"), 1, agreement.BreachFilter{})
		}), agreement.ErrInvalidValue, "clauses[3].trigger.breached.clause", ""},
		{"breached negative window", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("no-heavy"), 2, agreement.BreachFilter{Debtor: debtor, Within: -time.Hour})
		}), agreement.ErrNegative, "clauses[3].trigger.breached.within", ""},
		{"breached unknown reporter", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("no-heavy"), 2, agreement.BreachFilter{Debtor: debtor, Reporter: "UN"})
		}), agreement.ErrUnknownParty, "clauses[3].trigger.breached.reporter", ""},
		{"breached reporter $creditor without creditors", clauseM(cRelease, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("no-heavy"), 2, agreement.BreachFilter{Reporter: creditor})
		}), agreement.ErrInconsistent, "clauses[2].trigger.breached.reporter", ""},
		{"breached unknown attribution", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("no-heavy"), 2, agreement.BreachFilter{Debtor: debtor, Attribution: 9})
		}), agreement.ErrInvalidValue, "clauses[3].trigger.breached.attribution", ""},
		{"breached debtor not a debtor", clauseM(cRelease, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("no-heavy"), 2, agreement.BreachFilter{Debtor: "UA"})
		}), agreement.ErrInconsistent, "clauses[2].trigger.breached.debtor", ""},
		{"breached self cycle", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Violation = agreement.Breached(agreement.LocalRef("withdraw"), 1, agreement.BreachFilter{Debtor: debtor})
		}), agreement.ErrCycle, "clauses[1]", "withdraw -> withdraw"},
		{"breached two-clause cycle", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Trigger = agreement.ClauseInFor(agreement.LocalRef("reparation"), debtor, agreement.StateInEffect)
		}), agreement.ErrCycle, "clauses[0]", "no-heavy -> reparation -> no-heavy"},

		// Powers.
		{"target debtor on an obligation", clauseM(cWithdraw, func(c *agreement.Clause) { c.TargetDebtor = "RU" }),
			agreement.ErrInconsistent, "clauses[1].targetDebtor", ""},
		{"target debtor with a joint target", editM(func(a *agreement.Agreement) { a.Clauses[cWithdraw].Joint = true }),
			agreement.ErrInconsistent, "clauses[5].targets[0]", "jointly"},
		{"target debtor not a debtor of the target", clauseM(cSanction, func(c *agreement.Clause) { c.TargetDebtor = "UA" }),
			agreement.ErrInconsistent, "clauses[5].targetDebtor", "targets[0]"},
		{"target debtor unknown", clauseM(cSanction, func(c *agreement.Clause) { c.TargetDebtor = "XX" }),
			agreement.ErrUnknownParty, "clauses[5].targetDebtor", ""},
		{"target debtor $creditor", clauseM(cSanction, func(c *agreement.Clause) { c.TargetDebtor = creditor }),
			agreement.ErrInvalidValue, "clauses[5].targetDebtor", ""},
		{"target debtor $debtor without debtors", clauseM(cOwn, func(c *agreement.Clause) { c.Debtors = nil }),
			agreement.ErrInconsistent, "clauses[6].targetDebtor", ""},
		{"power still never violated", clauseM(cSanction, func(c *agreement.Clause) { c.Violation = agreement.Holds("monitored") }),
			agreement.ErrInconsistent, "clauses[5].violation", ""},

		// Measures and item classes.
		{"measure of a malformed quantity name", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Action.Measure = agreement.Measure(agreement.UnitKm).Of("Distance")
		}), agreement.ErrInvalidValue, "clauses[0].action.measure.of", ""},
		{"measure with a negative limit", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Action.Measure = agreement.Measure(agreement.UnitKm).Of("distance-from-line").AtLeast(num(-1))
		}), agreement.ErrNegative, "clauses[0].action.measure.min", ""},
		{"measure limits without unit", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Action.Measure = agreement.Measure("").AtMost(num(5))
		}), agreement.ErrMissing, "clauses[0].action.measure.unit", ""},
		{"measure that contains nothing", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Action.Measure = agreement.Measure(agreement.UnitKm).Above(num(5)).Below(num(5))
		}), agreement.ErrInvalidValue, "clauses[0].action.measure", ""},
		{"pattern item too long", clauseM(cException, func(c *agreement.Clause) { c.Action.Item = long }),
			agreement.ErrInvalidValue, "clauses[4].action.item", ""},
		{"pattern item not UTF-8", clauseM(cException, func(c *agreement.Clause) { c.Action.Item = "BM-21 \xff" }),
			agreement.ErrInvalidValue, "clauses[4].action.item", "UTF-8"},
		{"pattern class unknown", clauseM(cNoHeavy, func(c *agreement.Clause) { c.Action.Class = "tanks" }),
			agreement.ErrUnknownItemClass, "clauses[0].action.class", ""},
		{"pattern class malformed", clauseM(cNoHeavy, func(c *agreement.Clause) { c.Action.Class = "Tanks!" }),
			agreement.ErrInvalidID, "clauses[0].action.class", ""},
		{"fluent pattern class unknown", editM(func(a *agreement.Agreement) { a.Fluents[0].Initiates[0].Class = "tanks" }),
			agreement.ErrUnknownItemClass, "fluents[0].initiates[0].class", ""},
		{"range class unknown", clauseM(cNoHeavy, func(c *agreement.Clause) { c.Quantities[0].Class = "tanks" }),
			agreement.ErrUnknownItemClass, "clauses[0].quantities[0].class", ""},
		{"item class without id", editM(func(a *agreement.Agreement) { a.ItemClasses[1].ID = "" }),
			agreement.ErrMissing, "itemClasses[1].id", ""},
		{"item class malformed id", editM(func(a *agreement.Agreement) { a.ItemClasses[1].ID = "M L" }),
			agreement.ErrInvalidID, "itemClasses[1].id", ""},
		{"item class duplicate id", editM(func(a *agreement.Agreement) { a.ItemClasses[1].ID = "artillery-100mm" }),
			agreement.ErrDuplicateID, "itemClasses[1].id", ""},
		{"item class without items or rule", editM(func(a *agreement.Agreement) { a.ItemClasses[1].Items = nil }),
			agreement.ErrMissing, "itemClasses[1]", ""},
		{"item class empty item", editM(func(a *agreement.Agreement) { a.ItemClasses[1].Items[0] = "" }),
			agreement.ErrMissing, "itemClasses[1].items[0]", ""},
		{"item class duplicate item", editM(func(a *agreement.Agreement) { a.ItemClasses[1].Items[1] = "BM-21 Grad" }),
			agreement.ErrDuplicateID, "itemClasses[1].items[1]", "itemClasses[1].items[0]"},
		{"item class item too long", editM(func(a *agreement.Agreement) { a.ItemClasses[1].Items[1] = long }),
			agreement.ErrInvalidValue, "itemClasses[1].items[1]", ""},
		{"item class zero rule bound", editM(func(a *agreement.Agreement) {
			a.ItemClasses[0].Rule = []agreement.Bound{{}}
		}), agreement.ErrMissing, "itemClasses[0].rule[0]", ""},
		{"item class rule bound malformed unit", editM(func(a *agreement.Agreement) {
			a.ItemClasses[0].Rule = []agreement.Bound{agreement.Measure("Mm").Of("calibre")}
		}), agreement.ErrInvalidValue, "itemClasses[0].rule[0].unit", ""},
		{"bounds on one quantity in two dimensions", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Action.Measure = agreement.Measure(agreement.UnitKg).Of("calibre").AtLeast(num(100))
		}), agreement.ErrInconsistent, "clauses[0].action.measure", "itemClasses[0].rule[0]"},
		{"a tally bound in another dimension", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Violation = agreement.Level(agreement.Pattern{Kind: "troops-reported", Actor: debtor},
				agreement.Measure(agreement.UnitTroops).Of("distance-from-line").AtMost(num(5)))
		}), agreement.ErrInconsistent, "clauses[1].violation.level.bound", "clauses[0].action.measure"},

		// Totals and levels.
		{"total without bound", clauseM(cRelease, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Total(agreement.Pattern{Kind: "detainees-released"}, agreement.Bound{})
		}), agreement.ErrMissing, "clauses[2].fulfilment.total.bound", ""},
		{"level without bound", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Violation = agreement.Level(agreement.Pattern{Kind: "troops-reported"}, agreement.Bound{})
		}), agreement.ErrMissing, "clauses[1].violation.level.bound", ""},
		{"total pattern without kind", clauseM(cRelease, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Total(agreement.Pattern{Actor: debtor}, agreement.Measure("detainees"))
		}), agreement.ErrMissing, "clauses[2].fulfilment.total.event.kind", ""},
		{"level bound negative", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Violation = agreement.Level(agreement.Pattern{Kind: "troops-reported", Actor: debtor},
				agreement.Measure(agreement.UnitTroops).AtLeast(num(-3)))
		}), agreement.ErrNegative, "clauses[1].violation.level.bound.min", ""},

		// Consumed permissions.
		{"relaxes on a prohibition", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Relaxes = []agreement.Ref{agreement.LocalRef("withdraw")}
		}), agreement.ErrInconsistent, "clauses[0].relaxes", ""},
		{"grant on an obligation", clauseM(cWithdraw, func(c *agreement.Clause) { c.Grant = &agreement.Pattern{Kind: "x"} }),
			agreement.ErrInconsistent, "clauses[1].grant", ""},
		{"covers on a power", clauseM(cOwn, func(c *agreement.Clause) { c.Covers = 1 }),
			agreement.ErrInconsistent, "clauses[6].covers", ""},
		{"cover window on a prohibition", clauseM(cNoHeavy, func(c *agreement.Clause) { c.CoverWindow = time.Hour }),
			agreement.ErrInconsistent, "clauses[0].coverWindow", ""},
		{"grant without relaxes", clauseM(cException, func(c *agreement.Clause) { c.Relaxes = nil }),
			agreement.ErrInconsistent, "clauses[4].grant", "relaxes"},
		{"covers without relaxes", clauseM(cException, func(c *agreement.Clause) { c.Relaxes = nil }),
			agreement.ErrInconsistent, "clauses[4].covers", ""},
		{"cover window without relaxes", clauseM(cException, func(c *agreement.Clause) { c.Relaxes = nil }),
			agreement.ErrInconsistent, "clauses[4].coverWindow", ""},
		{"negative covers", clauseM(cException, func(c *agreement.Clause) { c.Covers = -1 }),
			agreement.ErrNegative, "clauses[4].covers", ""},
		{"negative cover window", clauseM(cException, func(c *agreement.Clause) { c.CoverWindow = -time.Hour }),
			agreement.ErrNegative, "clauses[4].coverWindow", ""},
		{"relaxes unknown clause", clauseM(cException, func(c *agreement.Clause) {
			c.Relaxes = []agreement.Ref{agreement.LocalRef("nope")}
		}), agreement.ErrUnknownClause, "clauses[4].relaxes[0]", ""},
		{"relaxes an agreement", clauseM(cException, func(c *agreement.Clause) {
			c.Relaxes = []agreement.Ref{agreement.AgreementRef("ceasefire-2024")}
		}), agreement.ErrInvalidValue, "clauses[4].relaxes[0]", ""},
		{"relaxes an obligation", clauseM(cException, func(c *agreement.Clause) {
			c.Relaxes = []agreement.Ref{agreement.LocalRef("withdraw")}
		}), agreement.ErrInconsistent, "clauses[4].relaxes[0]", "prohibitions only"},
		{"relaxes a prohibition without action", editM(func(a *agreement.Agreement) {
			a.Clauses[cNoHeavy].Action = nil
			a.Clauses[cNoHeavy].Violation = agreement.Happened(agreement.Pattern{Kind: "x", Actor: debtor})
		}), agreement.ErrInconsistent, "clauses[4].relaxes[0]", "no action"},
		{"relaxes a prohibition with a violation condition", editM(func(a *agreement.Agreement) {
			a.Clauses[cNoHeavy].Violation = agreement.Happened(agreement.Pattern{Kind: "x", Actor: debtor})
		}), agreement.ErrInconsistent, "clauses[4].relaxes[0]", "violation condition"},
		{"relaxes twice", clauseM(cException, func(c *agreement.Clause) {
			c.Relaxes = []agreement.Ref{agreement.LocalRef("no-heavy"), agreement.QualifiedRef("ceasefire-2024", "no-heavy")}
		}), agreement.ErrDuplicateID, "clauses[4].relaxes[1]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.a.Clone()
			err := tt.a.Validate()
			if !problemWith(err, tt.sentinel, tt.path, tt.msg) {
				t.Errorf("Validate() = %v\nwant a problem at %q wrapping %v, saying %q", err, tt.path, tt.sentinel, tt.msg)
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("errors.Is(err, %v) = false", tt.sentinel)
			}
			if !reflect.DeepEqual(tt.a, before) {
				t.Error("Validate modified the agreement")
			}
		})
	}
}

// problemWith reports whether err lists a problem at path wrapping
// sentinel whose message contains msg.
func problemWith(err error, sentinel error, path, msg string) bool {
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, p := range ve.Problems {
		if p.Path == path && errors.Is(p, sentinel) && strings.Contains(p.Msg, msg) {
			return true
		}
	}
	return false
}

// TestValidateMeasuredAccepts checks what the rules allow: a power with a
// fulfilment condition, a concrete debtor read from a joint or
// single-debtor clause, placeholders where they may stand, units of one
// dimension on one quantity, and a clause's own debtor as actor where no
// debtor's instance answers for it.
func TestValidateMeasuredAccepts(t *testing.T) {
	debtor := agreement.Debtor
	tests := []struct {
		name string
		a    agreement.Agreement
	}{
		{"automatic power", cleanM()},
		{"concrete debtor of a joint clause", editM(func(a *agreement.Agreement) {
			a.Clauses[cWithdraw].Joint = true
			a.Clauses[cReparation].Antecedent = agreement.ClauseInFor(agreement.LocalRef("withdraw"), "BY", agreement.StateInEffect)
			a.Clauses[cSanction].TargetDebtor = ""
		})},
		{"concrete debtor of a single-debtor clause", clauseM(cReparation, func(c *agreement.Clause) {
			c.Antecedent = agreement.ClauseInFor(agreement.LocalRef("release"), "RU", agreement.StateFulfilled)
		})},
		{"$debtor of a clause whose debtors include the holder's", clauseM(cRelease, func(c *agreement.Clause) {
			c.Trigger = agreement.ClauseInFor(agreement.LocalRef("withdraw"), debtor, agreement.StateInEffect)
		})},
		{"one quantity in km and m", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Action.Measure = agreement.Measure(agreement.UnitM).Of("distance-from-line").Below(num(20000))
		})},
		{"unnamed quantities in several units", clauseM(cRelease, func(c *agreement.Clause) {
			c.Antecedent = agreement.Level(agreement.Pattern{Kind: "front-measured"}, agreement.Measure(agreement.UnitKm).AtMost(num(5)))
		})},
		{"own debtor as actor in a trigger", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})
		})},
		{"own debtor as actor in a joint clause", editM(func(a *agreement.Agreement) {
			a.Clauses[cWithdraw].Joint = true
			a.Clauses[cWithdraw].Violation = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})
			a.Clauses[cSanction].TargetDebtor = ""
		})},
		{"own debtor as actor of a single debtor", clauseM(cRelease, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Happened(agreement.Pattern{Kind: "detainees-released", Actor: "RU"})
		})},
		{"standing prohibition with a violation condition", editM(func(a *agreement.Agreement) {
			a.Clauses[cNoHeavy].Violation = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: debtor})
			a.Clauses[cException].Relaxes = nil
			a.Clauses[cException].Grant = nil
			a.Clauses[cException].Covers, a.Clauses[cException].CoverWindow = 0, 0
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.a.Validate(); err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			}
		})
	}
}

// processM returns a process of cleanM and an instrument whose clauses
// read it by qualified references.
func processM() agreement.Process {
	other := agreement.Agreement{
		ID:      "protocol",
		Parties: []agreement.Party{{ID: "RU"}, {ID: "BY"}, {ID: "UA"}},
		Clauses: []agreement.Clause{
			{
				ID: "fine", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU", "BY"},
				Trigger: agreement.Breached(agreement.QualifiedRef("ceasefire-2024", "no-heavy"), 2,
					agreement.BreachFilter{Debtor: agreement.Debtor}),
				Antecedent: agreement.ClauseInFor(agreement.QualifiedRef("ceasefire-2024", "withdraw"), agreement.Debtor,
					agreement.StateInEffect),
				Action: &agreement.Pattern{Kind: "fine-paid", Actor: agreement.Debtor},
			},
			{
				ID: "drills", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{"RU"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: agreement.Debtor},
				Relaxes: []agreement.Ref{agreement.QualifiedRef("ceasefire-2024", "no-heavy")},
			},
		},
	}
	return agreement.Process{Agreements: []agreement.Agreement{cleanM(), other}}
}

func TestProcessValidateMeasured(t *testing.T) {
	p := processM()
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	if err := p.Lint(); err != nil {
		t.Fatalf("Lint() = %v, want nil", err)
	}
	tests := []struct {
		name     string
		edit     func(p *agreement.Process)
		sentinel error
		path     string
	}{
		{"breached a clause that is not standing", func(p *agreement.Process) {
			p.Agreements[1].Clauses[0].Trigger = agreement.Breached(agreement.QualifiedRef("ceasefire-2024", "release"), 1,
				agreement.BreachFilter{})
		}, agreement.ErrNotStanding, "agreements[1].clauses[0].trigger.breached.clause"},
		{"relaxes another instrument's obligation", func(p *agreement.Process) {
			p.Agreements[1].Clauses[1].Relaxes = []agreement.Ref{agreement.QualifiedRef("ceasefire-2024", "withdraw")}
		}, agreement.ErrInconsistent, "agreements[1].clauses[1].relaxes[0]"},
		{"ClauseInFor a debtor another instrument's clause lacks", func(p *agreement.Process) {
			p.Agreements[1].Clauses[0].Antecedent = agreement.ClauseInFor(agreement.QualifiedRef("ceasefire-2024", "release"),
				"BY", agreement.StateViolated)
		}, agreement.ErrInconsistent, "agreements[1].clauses[0].antecedent.clauseIn.debtor"},
		{"cycle through breaches across instruments", func(p *agreement.Process) {
			p.Agreements[0].Clauses[cWithdraw].Trigger = agreement.ClauseIn(agreement.QualifiedRef("protocol", "fine"),
				agreement.StateFulfilled)
			p.Agreements[0].Clauses[cNoHeavy].Trigger = agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateInEffect)
		}, agreement.ErrCycle, "agreements[0].clauses[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := processM()
			tt.edit(&p)
			if err := p.Validate(); !problemAt(err, tt.sentinel, tt.path) {
				t.Errorf("Validate() = %v\nwant a problem at %q wrapping %v", err, tt.path, tt.sentinel)
			}
		})
	}
}

func TestClauseDependenciesBreached(t *testing.T) {
	a := cleanM()
	got := agreement.ClauseDependencies(a.Clauses[cReparation], a.ID)
	want := []agreement.Ref{agreement.QualifiedRef(a.ID, "no-heavy"), agreement.QualifiedRef(a.ID, "withdraw")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ClauseDependencies(reparation) = %v, want %v", got, want)
	}
}

func TestLint(t *testing.T) {
	debtor := agreement.Debtor
	tests := []struct {
		name  string
		a     agreement.Agreement
		paths []string // every problem's path, in order; none when clean
	}{
		{"clean", cleanM(), nil},
		{"event atom with no actor", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Violation = agreement.Any(
				agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Target: "UA"}),
				agreement.Total(agreement.Pattern{Kind: "shells-fired"}, agreement.Measure("shells").AtLeast(num(10))))
		}), []string{"clauses[1].violation.any[0].happened", "clauses[1].violation.any[1].total.event"}},
		{"event atom with a group of two debtors", clauseM(cReparation, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Not(agreement.Before(
				agreement.Pattern{Kind: "x", Actor: debtor},
				agreement.Pattern{Kind: "reparation-paid", Group: "aggressors"}))
		}), []string{"clauses[3].fulfilment.not.before.then.group"}},
		{"event atom with a group of one debtor", editM(func(a *agreement.Agreement) {
			a.Groups[0].Members = []agreement.PartyID{"RU", "UA"}
			a.Clauses[cReparation].Fulfilment = agreement.Happened(agreement.Pattern{Kind: "reparation-paid", Group: "aggressors"})
		}), nil},
		{"default violation: the action with a group of two debtors", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Action.Actor, c.Action.Group = "", "aggressors"
		}), []string{"clauses[0].action.group"}},
		{"default violation: the action with no actor", clauseM(cNoHeavy, func(c *agreement.Clause) { c.Action.Actor = "" }), nil},
		{"default fulfilment: the action with a group of two debtors", clauseM(cReparation, func(c *agreement.Clause) {
			c.Action.Actor, c.Action.Group = "", "aggressors"
		}), []string{"clauses[3].action.group"}},
		{"the action of an obligation is its default fulfilment, whatever its violation", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Action.Actor, c.Action.Group = "", "aggressors"
		}), []string{"clauses[1].action.group"}},
		{"the action of a prohibition with a violation condition is no default", clauseM(cNoHeavy, func(c *agreement.Clause) {
			c.Action.Actor, c.Action.Group = "", "aggressors"
			c.Violation = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: debtor})
		}), nil},
		{"no actor in a trigger", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack})
		}), nil},
		{"no actor in a joint clause", editM(func(a *agreement.Agreement) {
			a.Clauses[cWithdraw].Joint = true
			a.Clauses[cWithdraw].Violation = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack})
		}), nil},
		{"no actor in a single-debtor clause", clauseM(cRelease, func(c *agreement.Clause) {
			c.Fulfilment = agreement.Happened(agreement.Pattern{Kind: "detainees-released"})
		}), nil},
		{"ClauseIn a several clause without debtor", clauseM(cReparation, func(c *agreement.Clause) {
			c.Antecedent = agreement.All(agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateInEffect))
		}), []string{"clauses[3].antecedent.all[0].clauseIn"}},
		{"ClauseIn a single-debtor clause without debtor", clauseM(cReparation, func(c *agreement.Clause) {
			c.Antecedent = agreement.ClauseIn(agreement.LocalRef("release"), agreement.StateFulfilled)
		}), nil},
		{"Breached a several clause without debtor", clauseM(cReparation, func(c *agreement.Clause) {
			c.Trigger = agreement.AtLeast(1, agreement.Breached(agreement.LocalRef("no-heavy"), 2, agreement.BreachFilter{}))
		}), []string{"clauses[3].trigger.atLeast.of[0].breached"}},
		{"Breached without debtor in a single-debtor clause", clauseM(cRelease, func(c *agreement.Clause) {
			c.Trigger = agreement.Breached(agreement.LocalRef("no-heavy"), 2, agreement.BreachFilter{})
		}), nil},
		{"own debtor as actor is Validate's, not Lint's", clauseM(cWithdraw, func(c *agreement.Clause) {
			c.Violation = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})
		}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.a.Clone()
			err := tt.a.Lint()
			var got []string
			if err != nil {
				var ve *agreement.ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("Lint() = %v (%T), want a *ValidationError", err, err)
				}
				for _, p := range ve.Problems {
					if !errors.Is(p, agreement.ErrUnboundDebtor) {
						t.Errorf("problem %v does not wrap ErrUnboundDebtor", p)
					}
					got = append(got, p.Path)
				}
			}
			if !reflect.DeepEqual(got, tt.paths) {
				t.Errorf("Lint() = %v\nwant problems at %q", err, tt.paths)
			}
			if !reflect.DeepEqual(tt.a, before) {
				t.Error("Lint modified the agreement")
			}
		})
	}
}

func TestProcessLint(t *testing.T) {
	p := processM()
	p.Agreements[1].Clauses[0].Antecedent = agreement.ClauseIn(agreement.QualifiedRef("ceasefire-2024", "withdraw"),
		agreement.StateInEffect)
	err := p.Lint()
	if !problemAt(err, agreement.ErrUnboundDebtor, "agreements[1].clauses[0].antecedent.clauseIn") {
		t.Errorf("Lint() = %v, want a problem at agreements[1].clauses[0].antecedent.clauseIn", err)
	}
}

// TestLintBadInput checks that Lint reads invalid agreements without
// panicking: nil and typed-nil conditions, unknown references, conditions
// nested past the limit.
func TestLintBadInput(t *testing.T) {
	deep := agreement.Condition(agreement.Happened(agreement.Pattern{Kind: "x"}))
	for range agreement.MaxDepth + 10 {
		deep = agreement.Not(deep)
	}
	a := clauseM(cReparation, func(c *agreement.Clause) {
		c.Trigger = agreement.All(nil, (*agreement.AnyCondition)(nil), agreement.ClauseIn(agreement.LocalRef("nope")),
			agreement.Breached(agreement.Ref{}, 0, agreement.BreachFilter{}))
		c.Antecedent = (*agreement.NotCondition)(nil)
		c.Fulfilment = deep
		c.Action = nil
	})
	a.Groups = append(a.Groups, agreement.Group{ID: "aggressors"})
	if err := a.Lint(); err != nil {
		t.Errorf("Lint() = %v, want nil: the only event atom is nested past the depth validation reads", err)
	}
	if err := (agreement.Agreement{}).Lint(); err != nil {
		t.Errorf("zero Agreement: Lint() = %v, want nil", err)
	}
	if err := (agreement.Process{}).Lint(); err != nil {
		t.Errorf("zero Process: Lint() = %v, want nil", err)
	}
}

// A power limited to one debtor and aimed at an agreement acts on that
// party's participation: valid, and so is a suspend power of a participation
// whose resume power does not survive (the agreement stays in force).
func TestValidateParticipationPowers(t *testing.T) {
	for _, eff := range []agreement.Effect{agreement.EffectTerminate, agreement.EffectDischarge} {
		a := clauseM(cSanction, func(c *agreement.Clause) {
			c.Effect = eff
			c.Targets = []agreement.Ref{agreement.AgreementRef("ceasefire-2024")}
		})
		if err := a.Validate(); err != nil {
			t.Errorf("%v of a participation: %v", eff, err)
		}
	}
}
