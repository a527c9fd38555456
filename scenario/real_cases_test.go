package scenario_test

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// Real agreements as a new user encodes them: each debtor in conditions,
// standing clauses and counted breaches, automatic powers, powers on one
// debtor's share, measured acts, tallies, consumed permissions and later
// attribution.

// wantInst checks the state of one instance (debtor "" for a clause not
// expanded per debtor) at a day.
func wantInst(t *testing.T, tr *scenario.Trace, c agreement.ClauseID, debtor agreement.PartyID, day int,
	want agreement.State) {
	t.Helper()
	got, err := tr.State(scenario.Instance{Ref: agreement.QualifiedRef("A", c), Debtor: debtor}, docDay(day))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s[%s] at day %d = %s, want %s", c, debtor, day, got, want)
	}
}

func breachCount(t *testing.T, tr *scenario.Trace, c agreement.ClauseID, debtor agreement.PartyID, day int) int {
	t.Helper()
	bs, err := tr.BreachesOf(scenario.Instance{Ref: agreement.QualifiedRef("A", c), Debtor: debtor}, docDay(day))
	if err != nil {
		t.Fatal(err)
	}
	return len(bs)
}

func parties(ids ...agreement.PartyID) []agreement.Party {
	var ps []agreement.Party
	for _, id := range ids {
		ps = append(ps, agreement.Party{ID: id})
	}
	return ps
}

func dec(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// Memorandum on Security Assurances in connection with Ukraine's accession
// to the Treaty on the Non-Proliferation of Nuclear Weapons (Budapest, 5
// December 1994), point 2. The breach is written as a violation condition,
// so the attacker must be named as the debtor of the instance: $debtor.
// The reparation owed by each guarantor reads its own instance.
func TestThreeGuarantorsOnlyTheAttackerViolates(t *testing.T) {
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned,
		Parties: parties("US", "RU", "GB", "UA"),
		Clauses: []agreement.Clause{
			{ID: "P2", Kind: agreement.DeonticProhibition,
				Text: "The United States of America, the Russian Federation, and the United Kingdom of Great " +
					"Britain and Northern Ireland, reaffirm their obligation to refrain from the threat or use of " +
					"force against the territorial integrity or political independence of Ukraine",
				Debtors: []agreement.PartyID{"US", "RU", "GB"}, Creditors: []agreement.PartyID{"UA"},
				Violation: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack,
					Actor: agreement.Debtor, Target: agreement.Creditor})},
			{ID: "R", Kind: agreement.DeonticObligation, Text: "reparation for a breach of point 2",
				Debtors: []agreement.PartyID{"US", "RU", "GB"}, Creditors: []agreement.PartyID{"UA"},
				Trigger: agreement.ClauseInFor(agreement.LocalRef("P2"), agreement.Debtor, agreement.StateViolated),
				Action:  &agreement.Pattern{Kind: "reparation-paid"}},
		}}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	tr := docReplay(t, a, 10, agreement.Event{At: docDay(3), Kind: agreement.EventKindArmedAttack, Actor: "RU",
		Target: "UA"})
	wantInst(t, tr, "P2", "RU", 3, agreement.StateViolated)
	wantInst(t, tr, "P2", "US", 10, agreement.StateInEffect)
	wantInst(t, tr, "P2", "GB", 10, agreement.StateInEffect)
	wantInst(t, tr, "R", "RU", 3, agreement.StateInEffect)
	wantInst(t, tr, "R", "US", 10, agreement.StateDormant)
	wantInst(t, tr, "R", "GB", 10, agreement.StateDormant)
}

// ceasefireWithSuspension is a ceasefire kept as a standing prohibition by
// two sides, and a commission's automatic power to suspend the agreement at
// the k-th confirmed breach (within a window, when within > 0).
func ceasefireWithSuspension(k int, within time.Duration) agreement.Agreement {
	return agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned,
		Parties: parties("UA", "RU", "JC"),
		Clauses: []agreement.Clause{
			{ID: "CF", Kind: agreement.DeonticProhibition, Standing: true,
				Text:    "Ensure an immediate bilateral ceasefire",
				Debtors: []agreement.PartyID{"UA", "RU"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindArmedAttack}},
			{ID: "SUS", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"JC"},
				Targets: []agreement.Ref{agreement.AgreementRef("A")}, ResumedBy: "RES",
				Fulfilment: agreement.Breached(agreement.LocalRef("CF"), k, agreement.BreachFilter{
					Attribution: agreement.AttributionConfirmed, Within: within})},
			{ID: "RES", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"JC"},
				Surviving: true},
		}}
}

func attack(day int, actor agreement.PartyID, at agreement.Attribution) agreement.Event {
	return agreement.Event{At: docDay(day), Kind: agreement.EventKindArmedAttack, Actor: actor, Attribution: at}
}

// The Minsk Protocol (5 September 2014), point 1, kept as a standing
// prohibition: breaches are counted and the ceasefire stays in effect; the
// third confirmed one suspends the agreement through an automatic power.
func TestCeasefireBreachesCountedAndThirdConfirmedSuspends(t *testing.T) {
	a := ceasefireWithSuspension(3, 0)
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	tr := docReplay(t, a, 20,
		attack(2, "RU", agreement.AttributionConfirmed),
		attack(4, "UA", agreement.AttributionAlleged),
		attack(6, "RU", agreement.AttributionConfirmed),
		attack(9, "UA", agreement.AttributionConfirmed))
	wantInst(t, tr, "CF", "RU", 8, agreement.StateInEffect)
	if got := breachCount(t, tr, "CF", "RU", 8); got != 2 {
		t.Errorf("RU breaches by day 8 = %d, want 2", got)
	}
	if got := breachCount(t, tr, "CF", "UA", 8); got != 1 {
		t.Errorf("UA breaches by day 8 = %d, want 1", got)
	}
	docWant(t, tr, "A", "", 8, agreement.StateInForce)
	docWant(t, tr, "A", "", 9, agreement.StateSuspended)
	wantInst(t, tr, "SUS", "", 9, agreement.StateFulfilled)
	// The breach at day 9 happened: the ceasefire is suspended with the
	// agreement, and visibly so; no breach made it final.
	wantInst(t, tr, "CF", "UA", 20, agreement.StateSuspended)
	wantInst(t, tr, "CF", "RU", 20, agreement.StateSuspended)
	if got := breachCount(t, tr, "CF", "UA", 20); got != 2 {
		t.Errorf("UA breaches by day 20 = %d, want 2", got)
	}
	// The suspension's cause names the power.
	for tn := range tr.Transitions() {
		if tn.Instance.IsAgreement() && tn.To == agreement.StateSuspended {
			if tn.Cause.Kind != scenario.CausePower || tn.Cause.By.Ref.Clause != "SUS" {
				t.Errorf("suspension caused by %+v, want the power SUS", tn.Cause)
			}
		}
	}
}

// "Two confirmed violations within 7 days suspend the agreement": two
// confirmed breaches 8 days apart do not; a third 3 days after the second
// does.
func TestTwoConfirmedBreachesWithinSevenDays(t *testing.T) {
	tr := docReplay(t, ceasefireWithSuspension(2, 7*agreement.Day), 20,
		attack(1, "RU", agreement.AttributionConfirmed),
		attack(9, "UA", agreement.AttributionConfirmed),
		attack(12, "RU", agreement.AttributionConfirmed))
	docWant(t, tr, "A", "", 11, agreement.StateInForce)
	docWant(t, tr, "A", "", 12, agreement.StateSuspended)
}

// Two acts in one batch are two breaches; a standing clause kept with
// breaches ends Violated at its expiry, one kept without ends Fulfilled.
func TestStandingBatchAndExpiry(t *testing.T) {
	a := ceasefireWithSuspension(10, 0)
	a.Clauses[0].Expiry = agreement.Deadline{After: 10 * agreement.Day}
	tr := docReplay(t, a, 12, attack(3, "RU", 0), attack(3, "RU", 0))
	if got := breachCount(t, tr, "CF", "RU", 3); got != 2 {
		t.Errorf("breaches in one batch = %d, want 2", got)
	}
	wantInst(t, tr, "CF", "RU", 9, agreement.StateInEffect)
	wantInst(t, tr, "CF", "RU", 10, agreement.StateViolated)
	wantInst(t, tr, "CF", "UA", 10, agreement.StateFulfilled)
}

// A compound violation counts once each time it turns true: a fluent
// "heavy weapons in the zone" breaches a standing prohibition when it
// starts to hold, not again while it holds, and again when it holds anew.
func TestStandingCompoundViolationCountsEachTurn(t *testing.T) {
	in := agreement.Pattern{Kind: "weapons-entered", Actor: "RU"}
	out := agreement.Pattern{Kind: "weapons-left", Actor: "RU"}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("RU"),
		Fluents: []agreement.Fluent{{ID: "in-zone", Initiates: []agreement.Pattern{in},
			Terminates: []agreement.Pattern{out}}},
		Clauses: []agreement.Clause{{ID: "Z", Kind: agreement.DeonticProhibition, Standing: true,
			Debtors: []agreement.PartyID{"RU"}, Violation: agreement.Holds("in-zone")}}}
	ev := func(day int, p agreement.Pattern) agreement.Event {
		return agreement.Event{At: docDay(day), Kind: p.Kind, Actor: p.Actor}
	}
	tr := docReplay(t, a, 10, ev(1, in), ev(2, in), ev(3, out), ev(5, in))
	if got := breachCount(t, tr, "Z", "", 4); got != 1 {
		t.Errorf("breaches while the fluent held = %d, want 1", got)
	}
	if got := breachCount(t, tr, "Z", "", 10); got != 2 {
		t.Errorf("breaches after it held anew = %d, want 2", got)
	}
	wantInst(t, tr, "Z", "", 10, agreement.StateInEffect)
}

// A heavy-weapons-free zone of 20 km and a 2 km zone, measured from the
// line: tanks 12 km from the line breach the first; a unit 2.5 km from the
// line keeps the second.
func TestMeasuredZones(t *testing.T) {
	zone := func(id agreement.ClauseID, km int64) agreement.Clause {
		return agreement.Clause{ID: id, Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"RU"},
			Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed,
				Measure: agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(dec(km))}}
	}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("RU"),
		Clauses: []agreement.Clause{zone("HW20", 20), zone("Z2", 2)}}
	at := func(day int, v decimal.Decimal, u agreement.Unit) agreement.Event {
		return agreement.Event{At: docDay(day), Kind: agreement.EventKindForcesDeployed, Actor: "RU",
			Item: "T-72", Quantities: []agreement.Quantity{{Value: v, Unit: u, Of: "distance-from-line"}}}
	}
	tr := docReplay(t, a, 5, at(1, decimal.RequireFromString("2.5"), agreement.UnitKm))
	wantInst(t, tr, "Z2", "", 5, agreement.StateInEffect)
	wantInst(t, tr, "HW20", "", 1, agreement.StateViolated)
	tr = docReplay(t, a, 5, at(1, dec(12000), agreement.UnitM), at(2, dec(2000), agreement.UnitM))
	wantInst(t, tr, "HW20", "", 1, agreement.StateViolated)
	wantInst(t, tr, "Z2", "", 2, agreement.StateInEffect) // 2 km exactly is outside a zone under 2 km
	// An event without the distance never matches the bound.
	tr = docReplay(t, a, 5, agreement.Event{At: docDay(1), Kind: agreement.EventKindForcesDeployed, Actor: "RU"})
	wantInst(t, tr, "HW20", "", 5, agreement.StateInEffect)
}

// Korean Armistice Agreement (Panmunjom, 27 July 1953), article I,
// paragraph 7: each crossing needs its own authorisation; another side's
// authorisation never covers an act.
func TestEachCrossingNeedsItsOwnAuthorisation(t *testing.T) {
	crossing := agreement.Pattern{Kind: "mdl-crossed"}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned,
		Parties: parties("KPA", "UNC", "MAC"),
		Clauses: []agreement.Clause{
			{ID: "I7", Kind: agreement.DeonticProhibition,
				Text: "No person, military or civilian, shall be permitted to cross the Military Demarcation Line " +
					"unless specifically authorized to do so by the Military Armistice Commission.",
				Debtors: []agreement.PartyID{"KPA", "UNC"}, Action: &crossing},
			{ID: "I7-auth", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{"KPA", "UNC"},
				Action: &crossing, Relaxes: []agreement.Ref{agreement.LocalRef("I7")},
				Grant: &agreement.Pattern{Kind: "crossing-authorised", Actor: "MAC", Target: agreement.Debtor}},
		}}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	ev := func(day int, kind agreement.EventKind, actor, target agreement.PartyID) agreement.Event {
		return agreement.Event{At: docDay(day), Kind: kind, Actor: actor, Target: target}
	}
	tr := docReplay(t, a, 10,
		ev(1, "crossing-authorised", "MAC", "KPA"),
		ev(2, "mdl-crossed", "KPA", ""),
		ev(3, "mdl-crossed", "KPA", ""),
		ev(4, "crossing-authorised", "MAC", "KPA"), // for the other side's act below: it is not KPA's grant
		ev(5, "mdl-crossed", "UNC", ""))
	wantInst(t, tr, "I7", "KPA", 2, agreement.StateInEffect)
	wantInst(t, tr, "I7", "KPA", 3, agreement.StateViolated)
	wantInst(t, tr, "I7", "UNC", 5, agreement.StateViolated)
	wantInst(t, tr, "I7-auth", "KPA", 10, agreement.StateInEffect) // a permission is never violated
	// A window: one authorisation covers every crossing within two days.
	a.Clauses[1].CoverWindow = 2 * agreement.Day
	tr = docReplay(t, a, 10,
		ev(1, "crossing-authorised", "MAC", "KPA"),
		ev(2, "mdl-crossed", "KPA", ""),
		ev(2, "mdl-crossed", "KPA", ""),
		ev(3, "mdl-crossed", "KPA", ""))
	wantInst(t, tr, "I7", "KPA", 2, agreement.StateInEffect)
	wantInst(t, tr, "I7", "KPA", 3, agreement.StateViolated)
}

// A guarantee that applies to a confirmed attack: an attack logged as
// alleged and confirmed a week later activates it from the confirmation,
// not before; the history before the revision is not rewritten.
func TestAttributionRevisedAWeekLater(t *testing.T) {
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("RU", "UA", "OSCE"),
		Clauses: []agreement.Clause{{ID: "G", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"OSCE"},
			Trigger: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU",
				Attribution: agreement.AttributionConfirmed}),
			Action: &agreement.Pattern{Kind: "assistance-provided"}}}}
	tr := docReplay(t, a, 20,
		agreement.Event{ID: "a1", At: docDay(1), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA",
			Attribution: agreement.AttributionAlleged},
		agreement.Event{At: docDay(8), Kind: agreement.EventKindRevised, Revises: "a1", Reporter: "OSCE",
			Attribution: agreement.AttributionConfirmed})
	wantInst(t, tr, "G", "", 7, agreement.StateDormant)
	wantInst(t, tr, "G", "", 8, agreement.StateInEffect)
	x, err := tr.Explain(scenario.Instance{Ref: agreement.QualifiedRef("A", "G")}, docDay(7))
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Open) != 1 || x.Open[0].Root.Value {
		t.Errorf("before the revision the trigger is false; explanation:\n%s", x)
	}
	x, err = tr.Explain(scenario.Instance{Ref: agreement.QualifiedRef("A", "G")}, docDay(10))
	if err != nil {
		t.Fatal(err)
	}
	if s := x.String(); !strings.Contains(s, "(alleged) at 2026-01-02T00:00:00Z, revised by event #1 at 2026-01-09T00:00:00Z: confirmed reported by OSCE") {
		t.Errorf("the explanation does not show the attack as logged and as revised:\n%s", s)
	}
	for tn := range tr.Transitions() {
		if tn.Instance.Ref.Clause == "G" && tn.To == agreement.StateInEffect {
			if i, ok := tn.Cause.Event(); !ok || i != 1 {
				t.Errorf("activation caused by %+v, want the revision (event 1)", tn.Cause)
			}
		}
	}
}

// Releases in tranches: 3,000 detainees released in three batches of
// 1,000 fulfil the obligation at the third, not before.
func TestDetaineesReleasedInTranches(t *testing.T) {
	release := agreement.Pattern{Kind: "detainees-released", Actor: agreement.Debtor}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("UA", "RU"),
		Clauses: []agreement.Clause{{ID: "D", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Text:       "release up to 3,000 detainees",
			Fulfilment: agreement.Total(release, agreement.Measure("detainees").AtLeast(dec(3000)))}}}
	rel := func(day int, actor agreement.PartyID, n int64) agreement.Event {
		return agreement.Event{At: docDay(day), Kind: "detainees-released", Actor: actor,
			Quantities: []agreement.Quantity{{Value: dec(n), Unit: "detainees"}}}
	}
	tr := docReplay(t, a, 10, rel(1, "RU", 1000), rel(2, "UA", 5000), rel(3, "RU", 1000), rel(5, "RU", 1000))
	wantInst(t, tr, "D", "", 4, agreement.StateInEffect)
	wantInst(t, tr, "D", "", 5, agreement.StateFulfilled)
}

// "Reduce to 12,000 troops": a report of 12,400 does not fulfil it; one of
// 11,500 does.
func TestTroopsReducedToALevel(t *testing.T) {
	report := agreement.Pattern{Kind: "troops-reported", Actor: agreement.Debtor}
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("RU"),
		Clauses: []agreement.Clause{{ID: "T", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Fulfilment: agreement.Level(report, agreement.Measure(agreement.UnitTroops).AtMost(dec(12000)))}}}
	rep := func(day int, n int64) agreement.Event {
		return agreement.Event{At: docDay(day), Kind: "troops-reported", Actor: "RU",
			Quantities: []agreement.Quantity{{Value: dec(n), Unit: agreement.UnitTroops}}}
	}
	tr := docReplay(t, a, 10, rep(1, 12400), rep(4, 11500))
	wantInst(t, tr, "T", "", 3, agreement.StateInEffect)
	wantInst(t, tr, "T", "", 4, agreement.StateFulfilled)
}

// A withdrawal "conditional on" the other side's commitments: an automatic
// discharge power releases it when the other side breaches them.
func TestWithdrawalReleasedByTheOtherSidesBreach(t *testing.T) {
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("A1", "B1"),
		Clauses: []agreement.Clause{
			{ID: "W", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"A1"},
				Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted}},
			{ID: "NA", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"B1"},
				Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack}},
			{ID: "REL", Kind: agreement.DeonticPower, Effect: agreement.EffectDischarge,
				Debtors: []agreement.PartyID{"A1"}, Targets: []agreement.Ref{agreement.LocalRef("W")},
				Fulfilment: agreement.ClauseIn(agreement.LocalRef("NA"), agreement.StateViolated)},
		}}
	tr := docReplay(t, a, 10, attack(4, "B1", 0))
	wantInst(t, tr, "W", "", 3, agreement.StateInEffect)
	wantInst(t, tr, "W", "", 4, agreement.StateDischarged)
	wantInst(t, tr, "REL", "", 4, agreement.StateFulfilled)
}

// Suspending one party's participation suspends its share of a clause
// binding three parties severally, while the others' shares run.
func TestOneSharesSuspension(t *testing.T) {
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("P1", "P2", "P3"),
		Clauses: []agreement.Clause{
			{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"P1", "P2", "P3"},
				Action: &agreement.Pattern{Kind: "report-filed"}},
			{ID: "S", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"P1"},
				Targets: []agreement.Ref{agreement.LocalRef("C")}, TargetDebtor: "P2", ResumedBy: "R"},
			{ID: "R", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"P1"}},
		}}
	ex := func(c agreement.ClauseID, day int) agreement.Event {
		return agreement.Event{At: docDay(day), Kind: agreement.EventKindPowerExercised, Actor: "P1",
			Clause: agreement.LocalRef(c)}
	}
	tr := docReplay(t, a, 10, ex("S", 2), ex("R", 6))
	wantInst(t, tr, "C", "P2", 3, agreement.StateSuspended)
	wantInst(t, tr, "C", "P1", 3, agreement.StateInEffect)
	wantInst(t, tr, "C", "P3", 3, agreement.StateInEffect)
	wantInst(t, tr, "C", "P2", 6, agreement.StateInEffect)
}

// Item classes in a replay: artillery of 100 mm calibre and above (a rule
// on the event's quantities) and multiple rocket launchers (named items)
// may not stand within 25 km of the line; a D-30 122 mm howitzer at 10 km
// breaches it, an 82 mm mortar there does not, and a BM-21 Grad named in
// the list does.
func TestItemClassesInAReplay(t *testing.T) {
	near := agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(dec(25))
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("UA", "ORDLO"),
		ItemClasses: []agreement.ItemClass{
			{ID: "artillery-100mm", Rule: []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(dec(100))}},
			{ID: "mlrs", Items: []string{"BM-21 Grad", "BM-27 Uragan"}}},
		Clauses: []agreement.Clause{
			{ID: "ART", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"UA", "ORDLO"},
				Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Class: "artillery-100mm", Measure: near}},
			{ID: "MLRS", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"UA", "ORDLO"},
				Action: &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Class: "mlrs", Measure: near}},
		}}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	gun := func(day int, item string, calibre int64) agreement.Event {
		return agreement.Event{At: docDay(day), Kind: agreement.EventKindForcesDeployed, Actor: "ORDLO", Item: item,
			Quantities: []agreement.Quantity{{Value: dec(calibre), Unit: agreement.UnitMm, Of: "calibre"},
				{Value: dec(10), Unit: agreement.UnitKm, Of: "distance-from-line"}}}
	}
	tr := docReplay(t, a, 5, gun(1, "D-30", 122), gun(2, "2B14 Podnos", 82), gun(3, "BM-21 Grad", 122))
	if got := breachCount(t, tr, "ART", "ORDLO", 2); got != 1 {
		t.Errorf("artillery breaches by day 2 = %d, want 1 (the D-30, not the mortar)", got)
	}
	if got := breachCount(t, tr, "ART", "ORDLO", 5); got != 2 {
		t.Errorf("artillery breaches by day 5 = %d, want 2 (the Grad is 122 mm too)", got)
	}
	if got := breachCount(t, tr, "MLRS", "ORDLO", 5); got != 1 {
		t.Errorf("rocket launcher breaches = %d, want 1", got)
	}
	if got := breachCount(t, tr, "ART", "UA", 5); got != 0 {
		t.Errorf("UA's share breached %d times by ORDLO's acts", got)
	}
}

// Two clauses counting the breaches of one standing clause, and a joint
// clause reading its debtors' instances: the engine compiles them, and an
// explanation shows the condition as written.
func TestBreachCountersAndJointDebtorRead(t *testing.T) {
	counted := agreement.Breached(agreement.LocalRef("S"), 1, agreement.BreachFilter{})
	a := agreement.Agreement{ID: "A", SigningStatus: agreement.SigningStatusSigned, Parties: parties("UA", "RU"),
		Clauses: []agreement.Clause{
			{ID: "S", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"UA", "RU"},
				Action: &agreement.Pattern{Kind: "attack"}},
			{ID: "A1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: "aid"}, Trigger: counted},
			{ID: "B1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: "aid"}, Trigger: counted},
			{ID: "J", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"}, Joint: true,
				Action:  &agreement.Pattern{Kind: "talks"},
				Trigger: agreement.Breached(agreement.LocalRef("S"), 2, agreement.BreachFilter{Debtor: agreement.Debtor})},
		}}
	tr := docReplay(t, a, 5, agreement.Event{At: docDay(1), Kind: "attack", Actor: "RU"},
		agreement.Event{At: docDay(2), Kind: "attack", Actor: "UA"})
	wantInst(t, tr, "A1", "", 1, agreement.StateInEffect)
	wantInst(t, tr, "B1", "", 1, agreement.StateInEffect)
	wantInst(t, tr, "J", "", 1, agreement.StateDormant)
	wantInst(t, tr, "J", "", 2, agreement.StateInEffect) // one breach of each debtor's share: two of the joint debtors'
	x, err := tr.Explain(scenario.Instance{Ref: agreement.QualifiedRef("A", "J")}, docDay(2))
	if err != nil {
		t.Fatal(err)
	}
	if got := x.Steps[0].Decisions[0].Root.Condition; !got.Equal(a.Clauses[3].Trigger) {
		t.Errorf("explained trigger %s, want the written %s", got, a.Clauses[3].Trigger)
	}
}
