package agreement_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// "No heavy weapons within 20 km of the line" bounds the distance from the
// line: an event carrying that distance in any unit of length is compared
// exactly, and the open limit leaves 20 km itself outside.
func ExampleMeasure() {
	near := agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(20))
	fmt.Println(near)
	for _, q := range []agreement.Quantity{
		{Value: decimal.RequireFromString("19.5"), Unit: agreement.UnitKm, Of: "distance-from-line"},
		{Value: decimal.NewFromInt(20000), Unit: agreement.UnitM, Of: "distance-from-line"},
		{Value: decimal.NewFromInt(12), Unit: agreement.UnitKm},                           // not the distance from the line
		{Value: decimal.NewFromInt(5), Unit: agreement.UnitKm2, Of: "distance-from-line"}, // not a length
	} {
		fmt.Printf("%v: %v\n", q, near.Contains(q))
	}

	// As a pattern's measure: an event lacking the quantity never matches.
	p := agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: "RU", Measure: near}
	fmt.Println(p)
	e := agreement.Event{Kind: agreement.EventKindForcesDeployed, Actor: "RU", Quantities: []agreement.Quantity{
		{Value: decimal.NewFromInt(400), Unit: agreement.UnitTroops},
		{Value: decimal.NewFromInt(8500), Unit: agreement.UnitM, Of: "distance-from-line"},
	}}
	fmt.Println(p.Matches(e, "ceasefire", nil))
	e.Quantities = e.Quantities[:1]
	fmt.Println(p.Matches(e, "ceasefire", nil))

	// Limits are kept in canonical form: 20 and 20.0 make the same bound.
	fmt.Println(near == agreement.Measure(agreement.UnitKm).Of("distance-from-line").Below(decimal.RequireFromString("20.0")))
	// Output:
	// distance-from-line < 20 km
	// 19.5 km distance-from-line: true
	// 20000 m distance-from-line: false
	// 12 km: false
	// 5 km2 distance-from-line: false
	// forces-deployed actor=RU distance-from-line < 20 km
	// true
	// false
	// true
}

// A class of items is named items, or a rule on the quantities the event
// carries: here artillery of 100 mm calibre and above, with multiple rocket
// launchers listed by name.
func ExampleItemClass_Contains() {
	artillery := agreement.ItemClass{
		ID:    "artillery-100mm",
		Name:  "artillery of 100 mm calibre and above",
		Items: []string{"BM-21 Grad"},
		Rule:  []agreement.Bound{agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))},
	}
	calibre := func(v string, u agreement.Unit) []agreement.Quantity {
		return []agreement.Quantity{{Value: decimal.RequireFromString(v), Unit: u, Of: "calibre"}}
	}
	events := []agreement.Event{
		{Kind: agreement.EventKindForcesDeployed, Item: "D-30 howitzer", Quantities: calibre("122", agreement.UnitMm)},
		{Kind: agreement.EventKindForcesDeployed, Item: "M-30 howitzer", Quantities: calibre("10", agreement.UnitCm)},
		{Kind: agreement.EventKindForcesDeployed, Item: "2B14 mortar", Quantities: calibre("82", agreement.UnitMm)},
		{Kind: agreement.EventKindForcesDeployed, Item: "BM-21 Grad"},
		{Kind: agreement.EventKindForcesDeployed, Item: "D-20 howitzer"},
	}
	for _, e := range events {
		fmt.Printf("%s: %v\n", e.Item, artillery.Contains(e))
	}

	// A pattern names the class; MatchesIn resolves it among the
	// agreement's classes.
	p := agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Class: artillery.ID}
	classes := func(id agreement.ItemClassID) (agreement.ItemClass, bool) {
		return artillery, id == artillery.ID
	}
	fmt.Println(p.MatchesIn(events[0], "ceasefire", nil, classes), p.MatchesIn(events[2], "ceasefire", nil, classes))
	// Output:
	// D-30 howitzer: true
	// M-30 howitzer: true
	// 2B14 mortar: false
	// BM-21 Grad: true
	// D-20 howitzer: false
	// true false
}
