package agreement_test

import (
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// concernQ is the quantity v of unit u measuring of.
func concernQ(v string, u agreement.Unit, of string) agreement.Quantity {
	return agreement.Quantity{Value: decimal.RequireFromString(v), Unit: u, Of: of}
}

// concernR is the range [min, max] of unit u counting what.
func concernR(min, max string, u agreement.Unit, what string) agreement.Range {
	return agreement.Range{Min: decimal.RequireFromString(min), Max: decimal.RequireFromString(max), Unit: u, What: what}
}

// Pattern.Matches with measures on concrete events: the limits, their
// openness, conversion between units, and events lacking the quantity.
func TestPatternMeasureMatches(t *testing.T) {
	zone := func(b agreement.Bound) agreement.Pattern {
		return agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Measure: b}
	}
	dist := agreement.Measure(agreement.UnitKm).Of("distance-from-line")
	two, twenty := decimal.NewFromInt(2), decimal.NewFromInt(20)
	tanks := agreement.ItemClass{ID: "tanks", Items: []string{"T-64", "T-72"}}
	classes := func(id agreement.ItemClassID) (agreement.ItemClass, bool) { return tanks, id == tanks.ID }
	withClass := zone(dist.Below(twenty))
	withClass.Class = "tanks"
	event := func(item string, qs ...agreement.Quantity) agreement.Event {
		return agreement.Event{Kind: agreement.EventKindForcesDeployed, Actor: "RU", Item: item, Quantities: qs}
	}
	for _, tc := range []struct {
		name  string
		p     agreement.Pattern
		e     agreement.Event
		match bool
	}{
		{"tanks 12 km from the line in a 20 km zone", zone(dist.Below(twenty)),
			event("T-72", concernQ("12", agreement.UnitKm, "distance-from-line")), true},
		{"tanks of the class 12 km from the line in a 20 km zone", withClass,
			event("T-72", concernQ("12", agreement.UnitKm, "distance-from-line")), true},
		{"an item outside the class 12 km from the line", withClass,
			event("BMP-2", concernQ("12", agreement.UnitKm, "distance-from-line")), false},
		{"tanks of the class 25 km from the line", withClass,
			event("T-72", concernQ("25", agreement.UnitKm, "distance-from-line")), false},
		{"2.5 km from the line in a 2 km zone", zone(dist.Below(two)),
			event("", concernQ("2.5", agreement.UnitKm, "distance-from-line")), false},
		{"2 km exactly, below 2 km", zone(dist.Below(two)),
			event("", concernQ("2", agreement.UnitKm, "distance-from-line")), false},
		{"2 km exactly, at most 2 km", zone(dist.AtMost(two)),
			event("", concernQ("2", agreement.UnitKm, "distance-from-line")), true},
		{"2000 m is 2 km exactly: at most 2 km", zone(dist.AtMost(two)),
			event("", concernQ("2000", agreement.UnitM, "distance-from-line")), true},
		{"2000 m is 2 km exactly: not below 2 km", zone(dist.Below(two)),
			event("", concernQ("2000", agreement.UnitM, "distance-from-line")), false},
		{"1999.999 m is below 2 km", zone(dist.Below(two)),
			event("", concernQ("1999.999", agreement.UnitM, "distance-from-line")), true},
		{"a distance in troops never matches", zone(dist.Below(twenty)),
			event("T-72", concernQ("12", agreement.UnitTroops, "distance-from-line")), false},
		{"an event without the distance never matches", zone(dist.Below(twenty)),
			event("T-72", concernQ("12", agreement.UnitKm, "")), false},
		{"an event without quantities never matches", zone(dist.Below(twenty)), event("T-72"), false},
		{"one quantity of several inside is enough", zone(dist.Below(twenty)),
			event("T-72", concernQ("400", agreement.UnitTroops, ""),
				concernQ("30", agreement.UnitKm, "distance-from-line"),
				concernQ("19", agreement.UnitKm, "distance-from-line")), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.MatchesIn(tc.e, "ceasefire", nil, classes); got != tc.match {
				t.Errorf("%v matches %v = %v, want %v", tc.p, tc.e, got, tc.match)
			}
			if tc.p.Class == "" {
				if got := tc.p.Matches(tc.e, "ceasefire", nil); got != tc.match {
					t.Errorf("Matches = %v, want %v (MatchesIn agrees)", got, tc.match)
				}
			}
		})
	}
}

// concernAgreement has a clause in each slot the query reads, placeholders
// in several, and quantities with and without classes.
func concernAgreement() agreement.Agreement {
	attack := agreement.EventKindArmedAttack
	report := agreement.EventKind("monitor-report")
	return agreement.Agreement{
		ID: "ceasefire",
		Parties: []agreement.Party{{ID: "RU"}, {ID: "UA"}, {ID: "BY"}, {ID: "OSCE"},
			{ID: "FR"}, {ID: "GB"}},
		Groups:      []agreement.Group{{ID: "guarantors", Members: []agreement.PartyID{"FR", "GB"}}},
		ItemClasses: []agreement.ItemClass{{ID: "drones", Items: []string{"Shahed-136"}}},
		Clauses: []agreement.Clause{
			{ // several debtors; the action defaults its actor; Creditor in the target
				ID: "no-attack", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"RU", "BY"},
				Creditors: []agreement.PartyID{"UA"},
				Action:    &agreement.Pattern{Kind: attack, Target: agreement.Creditor},
				Quantities: []agreement.Range{concernR("0", "0", "", "attacks"),
					{Min: decimal.NewFromInt(5), Max: decimal.NewFromInt(5), Unit: agreement.UnitKm, Class: "drones"},
					{Min: decimal.NewFromInt(1), Max: decimal.NewFromInt(1), Unit: agreement.UnitKm, Class: "undeclared"}},
			},
			{ // the same pattern twice in one slot, and once in another slot
				ID: "reparation", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action: &agreement.Pattern{Kind: "reparation-paid"},
				Trigger: agreement.Any(agreement.Happened(agreement.Pattern{Kind: attack, Actor: agreement.Debtor}),
					agreement.Within(agreement.Pattern{Kind: attack, Actor: agreement.Debtor}, time.Hour)),
				Violation: agreement.Not(agreement.Since(agreement.Pattern{Kind: attack, Actor: "RU"}, 24*time.Hour)),
			},
			{ // Debtor in a condition of a clause with several debtors
				ID: "monitoring", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU", "UA"},
				Action:     &agreement.Pattern{Kind: "access-granted"},
				Antecedent: agreement.Before(agreement.Pattern{Kind: report}, agreement.Pattern{Kind: attack, Target: agreement.Debtor}),
				Fulfilment: agreement.Level(agreement.Pattern{Kind: report, Reporter: "OSCE"},
					agreement.Measure(agreement.UnitTroops).AtMost(decimal.NewFromInt(100))),
			},
			{ // joint debtors: Debtor stands for any of them
				ID: "joint", Kind: agreement.DeonticObligation, Joint: true, Debtors: []agreement.PartyID{"FR", "GB"},
				Action: &agreement.Pattern{Kind: "support", Actor: agreement.Debtor},
			},
			{ // a power with no action, and a grant
				ID: "suspend", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UA"},
				Effect: agreement.EffectSuspend, Targets: []agreement.Ref{agreement.LocalRef("no-attack")},
			},
			{
				ID: "self-defence", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{"UA"},
				Creditors: []agreement.PartyID{"OSCE"},
				Action:    &agreement.Pattern{Kind: attack},
				Relaxes:   []agreement.Ref{agreement.LocalRef("no-attack")},
				Grant:     &agreement.Pattern{Kind: report, Reporter: agreement.Creditor, Group: "guarantors"},
			},
		},
	}
}

func TestConcernsSlotsAndPlaceholders(t *testing.T) {
	a := concernAgreement()
	attack := agreement.EventKindArmedAttack
	for _, tc := range []struct {
		name string
		e    agreement.Event
		want []string // String of each concern
	}{
		{"an attack by RU on UA", agreement.Event{Kind: attack, Actor: "RU", Target: "UA"}, []string{
			"ceasefire/no-attack[RU] action: armed-attack actor=RU target=UA with 0 attacks",
			"ceasefire/reparation trigger: armed-attack actor=RU",
			"ceasefire/reparation violation: armed-attack actor=RU",
			"ceasefire/monitoring[UA] antecedent: armed-attack target=UA",
		}},
		{"a drone attack by BY on UA: the drone distance applies, the undeclared class does not",
			agreement.Event{Kind: attack, Actor: "BY", Target: "UA", Item: "Shahed-136"}, []string{
				"ceasefire/no-attack[BY] action: armed-attack actor=BY target=UA with 0 attacks; 5 km for drones",
				"ceasefire/monitoring[UA] antecedent: armed-attack target=UA",
			}},
		{"an attack on a party that is no creditor: not the prohibition",
			agreement.Event{Kind: attack, Actor: "RU", Target: "BY"}, []string{
				"ceasefire/reparation trigger: armed-attack actor=RU",
				"ceasefire/reparation violation: armed-attack actor=RU",
			}},
		{"an attack by UA: permitted, its action read as written",
			agreement.Event{Kind: attack, Actor: "UA", Target: "RU"}, []string{
				"ceasefire/monitoring[RU] antecedent: armed-attack target=RU",
				"ceasefire/self-defence action: armed-attack actor=UA",
			}},
		{"a report by the creditor in the group: the grant, and each instance's condition",
			agreement.Event{Kind: "monitor-report", Actor: "FR", Reporter: "OSCE"}, []string{
				"ceasefire/monitoring[RU] antecedent: monitor-report",
				"ceasefire/monitoring[RU] fulfilment: monitor-report reporter=OSCE",
				"ceasefire/monitoring[UA] antecedent: monitor-report",
				"ceasefire/monitoring[UA] fulfilment: monitor-report reporter=OSCE",
				"ceasefire/self-defence grant: monitor-report group=guarantors reporter=OSCE",
			}},
		{"a report by a non-member: no grant",
			agreement.Event{Kind: "monitor-report", Actor: "RU", Reporter: "OSCE"}, []string{
				"ceasefire/monitoring[RU] antecedent: monitor-report",
				"ceasefire/monitoring[RU] fulfilment: monitor-report reporter=OSCE",
				"ceasefire/monitoring[UA] antecedent: monitor-report",
				"ceasefire/monitoring[UA] fulfilment: monitor-report reporter=OSCE",
			}},
		{"joint debtors: either of them", agreement.Event{Kind: "support", Actor: "GB"}, []string{
			"ceasefire/joint action: support actor=GB",
		}},
		{"joint debtors: not another party", agreement.Event{Kind: "support", Actor: "RU"}, nil},
		{"a power exercised by name", agreement.Event{Kind: agreement.EventKindPowerExercised, Actor: "UA",
			Clause: agreement.LocalRef("suspend")}, []string{
			"ceasefire/suspend action: power-exercised actor=UA clause=ceasefire/suspend",
		}},
		{"a power exercised by a party not its debtor", agreement.Event{Kind: agreement.EventKindPowerExercised,
			Actor: "RU", Clause: agreement.LocalRef("suspend")}, nil},
		{"the zero event", agreement.Event{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range a.Concerns(tc.e) {
				got = append(got, c.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Concerns(%v):\ngot  %q\nwant %q", tc.e, got, tc.want)
			}
		})
	}
}

// The stricter first: among concerns measuring the same thing (the same
// What, convertible units) the larger Max, then Min, comes first, in the
// positions they occupy; the others keep clause order.
func TestConcernsStricterFirst(t *testing.T) {
	withdraw := agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted}
	clause := func(id agreement.ClauseID, qs ...agreement.Range) agreement.Clause {
		return agreement.Clause{ID: id, Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Action: &withdraw, Quantities: qs}
	}
	a := agreement.Agreement{ID: "a", Parties: []agreement.Party{{ID: "RU"}}, Clauses: []agreement.Clause{
		clause("troops-small", concernR("1000", "1000", agreement.UnitTroops, "")),
		clause("m-50000", concernR("50000", "50000", agreement.UnitM, "distance")),
		clause("none"),
		clause("km-60", concernR("60", "60", agreement.UnitKm, "distance")),
		clause("troops-large", concernR("5000", "5000", agreement.UnitTroops, "")),
		clause("km-50-low", concernR("10", "50", agreement.UnitKm, "distance")),
		clause("km-50-high", concernR("40", "50", agreement.UnitKm, "distance")),
		clause("km-50-tie", concernR("40", "50", agreement.UnitKm, "distance")),
		clause("width-90", concernR("90", "90", agreement.UnitKm, "width")),
		clause("km2-99", concernR("99", "99", agreement.UnitKm2, "distance")),
		clause("several", concernR("3", "3", agreement.UnitKm, "distance"), concernR("70", "70", agreement.UnitKm, "distance"),
			concernR("2", "2", agreement.UnitTroops, "")),
	}}
	var got []agreement.ClauseID
	cs := a.Concerns(agreement.Event{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU"})
	for _, c := range cs {
		got = append(got, c.Clause)
	}
	want := []agreement.ClauseID{
		"troops-large", // troops: 5000 before 1000, in the positions they occupy
		"several",      // distance in km or m: 70 km (its first after ordering its own) first
		"none",         // no quantity: stays
		"km-60",
		"troops-small",
		"m-50000", // 50000 m equals 50 km in Max and beats 10-50 by Min; it came first
		"km-50-high",
		"km-50-tie", // equal to km-50-high: clause order
		"width-90",  // another What: stays
		"km2-99",    // another dimension: stays
		"km-50-low",
	}
	if !slices.Equal(got, want) {
		t.Errorf("order:\ngot  %v\nwant %v", got, want)
	}
	for _, c := range cs {
		if c.Clause == "several" {
			var qs []string
			for _, q := range c.Quantities {
				qs = append(qs, q.String())
			}
			if w := []string{"70 km distance", "3 km distance", "2 troops"}; !slices.Equal(qs, w) {
				t.Errorf("quantities of several = %q, want %q", qs, w)
			}
		}
	}
}

// Process.Concerns reads each agreement with its own groups and classes,
// names the agreement, and orders across agreements.
func TestProcessConcerns(t *testing.T) {
	withdraw := agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Group: "g", Class: "c"}
	mk := func(id agreement.AgreementID, members []agreement.PartyID, items []string, km string) agreement.Agreement {
		return agreement.Agreement{ID: id, Parties: []agreement.Party{{ID: "RU"}, {ID: "UA"}},
			Groups:      []agreement.Group{{ID: "g", Members: members}},
			ItemClasses: []agreement.ItemClass{{ID: "c", Items: items}},
			Clauses: []agreement.Clause{{ID: "w", Kind: agreement.DeonticObligation, Debtors: members,
				Action: &withdraw, Quantities: []agreement.Range{concernR(km, km, agreement.UnitKm, "")}}}}
	}
	p := agreement.Process{Agreements: []agreement.Agreement{
		mk("first", []agreement.PartyID{"RU"}, []string{"T-72"}, "15"),
		mk("second", []agreement.PartyID{"RU"}, []string{"T-72", "T-90"}, "30"),
		mk("third", []agreement.PartyID{"UA"}, []string{"T-72"}, "50"),
	}}
	var got []string
	for _, c := range p.Concerns(agreement.Event{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU", Item: "T-72"}) {
		got = append(got, c.Ref().String()+" "+c.Quantities[0].String())
	}
	if want := []string{"second/w 30 km", "first/w 15 km"}; !slices.Equal(got, want) {
		t.Errorf("T-72: got %q, want %q", got, want)
	}
	got = nil
	for _, c := range p.Concerns(agreement.Event{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU", Item: "T-90"}) {
		got = append(got, c.Ref().String())
	}
	if want := []string{"second/w"}; !slices.Equal(got, want) {
		t.Errorf("T-90: got %q, want %q", got, want)
	}
	if cs := (agreement.Process{}).Concerns(agreement.Event{Kind: agreement.EventKindWithdrawalCompleted}); cs != nil {
		t.Errorf("the zero process: %v, want nil", cs)
	}
}

// Concerns never panics, on invalid agreements and hostile values alike,
// and computes nothing with decimals too long to compute with.
func TestConcernsNoPanic(t *testing.T) {
	attack := agreement.EventKindArmedAttack
	// huge would take minutes to compare with a small number; long is
	// merely beyond what validation accepts.
	huge := decimal.New(1, 100_000_000)
	long := decimal.New(1, 5000)
	km := func(max decimal.Decimal) agreement.Range {
		return agreement.Range{Max: max, Unit: agreement.UnitKm}
	}
	var nilAll *agreement.AllCondition
	bad := agreement.Agreement{
		ItemClasses: []agreement.ItemClass{
			{ID: "c", Rule: []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.New(1, -5000))}},
			{ID: "c"}, {},
		},
		Groups: []agreement.Group{{}},
		Clauses: []agreement.Clause{
			{},
			{Kind: agreement.DeonticPower},
			{ID: "x", Debtors: []agreement.PartyID{"", "", agreement.Debtor}, Creditors: []agreement.PartyID{agreement.Creditor},
				Action:    &agreement.Pattern{Kind: attack, Actor: agreement.Creditor, Target: agreement.Debtor, Class: "c"},
				Trigger:   agreement.All(nil, nilAll, agreement.Not(nil), agreement.Happened(agreement.Pattern{Kind: attack})),
				Violation: nilAll,
				Grant:     &agreement.Pattern{},
				Quantities: []agreement.Range{{Min: huge, Max: huge, Unit: agreement.UnitKm}, {Max: huge, Unit: agreement.UnitM},
					{Unit: "length"}, {Unit: agreement.UnitKm}, {Class: "c"}, {Class: "missing"}}},
			{ID: "y", Action: &agreement.Pattern{Kind: attack,
				Measure: agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(long)}},
			{ID: "w", Action: &agreement.Pattern{Kind: attack,
				Measure: agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(10))}},
			{ID: "z1", Action: &agreement.Pattern{Kind: attack}, Quantities: []agreement.Range{km(huge)}},
			{ID: "z2", Action: &agreement.Pattern{Kind: attack}, Quantities: []agreement.Range{km(decimal.NewFromInt(1))}},
		},
	}
	events := []agreement.Event{
		{},
		{Kind: attack},
		{Kind: attack, Actor: agreement.Creditor, Target: agreement.Debtor, Item: "gun",
			Quantities: []agreement.Quantity{{Value: huge, Unit: agreement.UnitMm, Of: "calibre"},
				{Value: huge, Unit: agreement.UnitKm, Of: "distance-from-line"},
				{Value: decimal.NewFromInt(-5), Unit: agreement.UnitKm, Of: "distance-from-line"}}},
		{Kind: attack, Item: "gun", Quantities: []agreement.Quantity{{Value: decimal.New(5, 2), Unit: agreement.UnitMm, Of: "calibre"}}},
	}
	got := make([][]string, len(events))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i, e := range events {
			for _, a := range []agreement.Agreement{{}, bad} {
				for _, c := range a.Concerns(e) {
					got[i] = append(got[i], string(c.Clause)+"["+string(c.Debtor)+"] "+c.Slot+": "+c.Pattern.String())
				}
				_ = agreement.Process{Agreements: []agreement.Agreement{a, a}}.Concerns(e)
			}
		}
		_ = agreement.Concern{}.String()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Concerns did not return within 10 s")
	}
	// Clause y's bound is too long to compute with: it matches nothing. The
	// hostile event's placeholders are read as written, its huge calibre
	// and distance as absent (its distance of -5 km is inside w's bound),
	// and the class whose rule is too long holds only its items (none).
	want := [][]string{
		nil,
		{"x[] trigger: armed-attack", "x[$debtor] trigger: armed-attack", "z1[] action: armed-attack", "z2[] action: armed-attack"},
		{"x[] trigger: armed-attack", "x[$debtor] trigger: armed-attack",
			"w[] action: armed-attack distance-from-line < 10 km", "z1[] action: armed-attack", "z2[] action: armed-attack"},
		{"x[] trigger: armed-attack", "x[$debtor] trigger: armed-attack", "z1[] action: armed-attack", "z2[] action: armed-attack"},
	}
	for i := range events {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("event %d: concerns %q, want %q", i, got[i], want[i])
		}
	}
}

func TestConcernString(t *testing.T) {
	for _, tc := range []struct {
		c    agreement.Concern
		want string
	}{
		{agreement.Concern{}, " : "},
		{agreement.Concern{Clause: "C1", Slot: "trigger", Pattern: agreement.Pattern{Kind: "signing"}}, "C1 trigger: signing"},
		{agreement.Concern{Agreement: "a", Clause: "C1", Debtor: "UA", Slot: "action",
			Pattern:    agreement.Pattern{Kind: "withdrawal-completed", Actor: "UA"},
			Quantities: []agreement.Range{concernR("50", "50", agreement.UnitKm, ""), concernR("1", "2", agreement.UnitTroops, "")}},
			"a/C1[UA] action: withdrawal-completed actor=UA with 50 km; 1-2 troops"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

// A condition of many distinct patterns that all match is read in time
// linear in its size, and repeated patterns are reported once.
func TestConcernsManyPatterns(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("200,000 patterns: seconds, and minutes under the race detector")
	}
	const n = 100_000
	report := agreement.EventKind("monitor-report")
	dist := agreement.Measure(agreement.UnitKm).Of("distance-from-line")
	atoms := make([]agreement.Condition, 0, 2*n)
	for i := range n {
		p := agreement.Pattern{Kind: report, Measure: dist.Below(decimal.NewFromInt(int64(i + 1)))}
		atoms = append(atoms, agreement.Happened(p), agreement.Within(p, time.Hour))
	}
	a := agreement.Agreement{ID: "a", Clauses: []agreement.Clause{{ID: "c", Kind: agreement.DeonticObligation,
		Debtors: []agreement.PartyID{"RU"}, Trigger: agreement.Any(atoms...)}}}
	e := agreement.Event{Kind: report, Quantities: []agreement.Quantity{concernQ("0.5", agreement.UnitKm, "distance-from-line")}}
	start := time.Now()
	cs := a.Concerns(e)
	if d := time.Since(start); d > 20*time.Second {
		// Quadratic work (each pattern compared with every other) takes minutes.
		t.Errorf("Concerns took %v for %d patterns", d, 2*n)
	} else {
		t.Logf("Concerns took %v for %d patterns", d, 2*n)
	}
	if len(cs) != n {
		t.Fatalf("%d concerns, want %d (one per distinct pattern)", len(cs), n)
	}
	if want := "a/c trigger: monitor-report distance-from-line < 1 km"; cs[0].String() != want {
		t.Errorf("first concern %s, want %s", cs[0], want)
	}
}
