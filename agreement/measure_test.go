package agreement

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// dec parses s, failing the test when it is not a decimal.
func dec(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("decimal %q: %v", s, err)
	}
	return d
}

func TestUnitDimension(t *testing.T) {
	for _, tc := range []struct {
		u    Unit
		want string
	}{
		{UnitMm, "length"},
		{UnitCm, "length"},
		{UnitM, "length"},
		{UnitKm, "length"},
		{UnitM2, "area"},
		{UnitHa, "area"},
		{UnitKm2, "area"},
		{UnitKg, "mass"},
		{UnitT, "mass"},
		{UnitTroops, "troops"},
		{UnitPercent, "percent"},
		{UnitDays, "days"},
		{UnitAircraft, "aircraft"},
		{UnitUnspecified, ""},
		{"detainees", "detainees"},
	} {
		if got := tc.u.Dimension(); got != tc.want {
			t.Errorf("Unit(%q).Dimension() = %q, want %q", tc.u, got, tc.want)
		}
	}
}

func TestUnitConvertible(t *testing.T) {
	for _, tc := range []struct {
		a, b Unit
		want bool
	}{
		{UnitKm, UnitM, true},
		{UnitMm, UnitKm, true},
		{UnitCm, UnitMm, true},
		{UnitKm, UnitKm, true},
		{UnitHa, UnitKm2, true},
		{UnitM2, UnitHa, true},
		{UnitT, UnitKg, true},
		{UnitTroops, UnitTroops, true},
		{UnitUnspecified, UnitUnspecified, true},
		{UnitKm, UnitKm2, false},
		{UnitM, UnitM2, false},
		{UnitKg, UnitKm, false},
		{UnitTroops, UnitUnspecified, false},
		{UnitTroops, "soldiers", false},
		{UnitAircraft, UnitVessels, false},
		{UnitPercent, UnitKm, false},
	} {
		if got := tc.a.Convertible(tc.b); got != tc.want {
			t.Errorf("Unit(%q).Convertible(%q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := tc.b.Convertible(tc.a); got != tc.want {
			t.Errorf("Unit(%q).Convertible(%q) = %v, want %v (not symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

// A unit spelled like the name of a dimension is a unit of its own, as
// every unit outside the known families is: it converts only to itself,
// and a bound in kilometres never contains 5 "length".
func TestUnitNamedLikeDimension(t *testing.T) {
	for _, tc := range []struct {
		odd   Unit
		known Unit
	}{
		{"length", UnitKm},
		{"length", UnitMm},
		{"area", UnitHa},
		{"mass", UnitKg},
	} {
		if tc.odd.Convertible(tc.known) {
			t.Errorf("Unit(%q).Convertible(%q) = true, want false", tc.odd, tc.known)
		}
		if _, ok := Convert(decimal.NewFromInt(5), tc.odd, tc.known); ok {
			t.Errorf("Convert(5, %q, %q) ok, want not convertible", tc.odd, tc.known)
		}
		b := Measure(tc.known).AtLeast(decimal.Zero)
		if q := (Quantity{Value: decimal.NewFromInt(5), Unit: tc.odd}); b.Contains(q) {
			t.Errorf("%v contains %v", b, q)
		}
	}
}

func TestConvertExact(t *testing.T) {
	for _, tc := range []struct {
		v        string
		from, to Unit
		want     string // "" when not convertible
	}{
		{"1.5", UnitKm, UnitM, "1500"},
		{"1", UnitMm, UnitKm, "0.000001"},
		{"1500", UnitM, UnitKm, "1.5"},
		{"0.000001", UnitKm, UnitMm, "1"},
		{"122", UnitMm, UnitCm, "12.2"},
		{"12.2", UnitCm, UnitMm, "122"},
		{"3", UnitM, UnitCm, "300"},
		{"0", UnitKm, UnitMm, "0"},
		{"1", UnitKm2, UnitHa, "100"},
		{"1", UnitHa, UnitM2, "10000"},
		{"250", UnitM2, UnitKm2, "0.00025"},
		{"2.5", UnitT, UnitKg, "2500"},
		{"1", UnitKg, UnitT, "0.001"},
		{"12000", UnitTroops, UnitTroops, "12000"},
		{"7", UnitUnspecified, UnitUnspecified, "7"},
		// Many significant digits survive exactly, where a float would not.
		{"0.1234567890123456789", UnitKm, UnitMm, "123456.7890123456789"},
		{"1", UnitKm, UnitKm2, ""},
		{"1", UnitKg, UnitKm, ""},
		{"1", UnitTroops, UnitUnspecified, ""},
		{"1", UnitTroops, "soldiers", ""},
	} {
		got, ok := Convert(dec(t, tc.v), tc.from, tc.to)
		switch {
		case tc.want == "" && ok:
			t.Errorf("Convert(%s, %q, %q) = %v, ok; want not convertible", tc.v, tc.from, tc.to, got)
		case tc.want == "":
		case !ok:
			t.Errorf("Convert(%s, %q, %q) not convertible, want %s", tc.v, tc.from, tc.to, tc.want)
		case !got.Equal(dec(t, tc.want)):
			t.Errorf("Convert(%s, %q, %q) = %v, want exactly %s", tc.v, tc.from, tc.to, got, tc.want)
		}
	}
}

func TestBoundString(t *testing.T) {
	d := decimal.NewFromInt
	km := Measure(UnitKm)
	for _, tc := range []struct {
		b    Bound
		want string
	}{
		{Bound{}, ""},
		{Measure(""), ""},
		{Measure("").AtLeast(d(3)), ""},
		{km, "any km"},
		{km.Of("distance-from-line").AtLeast(d(0)).Below(d(20)), "distance-from-line in [0, 20) km"},
		{Measure(UnitMm).Of("calibre").AtLeast(d(100)), "calibre >= 100 mm"},
		{km.Above(d(5)), "> 5 km"},
		{km.AtLeast(d(5)), ">= 5 km"},
		{km.Below(d(20)), "< 20 km"},
		{Measure(UnitTroops).AtMost(d(12000)), "<= 12000 troops"},
		{km.Above(d(1)).AtMost(d(2)), "in (1, 2] km"},
		{km.AtLeast(d(1)).AtMost(d(2)), "in [1, 2] km"},
		{km.Above(d(1)).Below(d(2)), "in (1, 2) km"},
		{km.AtLeast(dec(t, "20.0")), ">= 20 km"},
		{km.AtLeast(dec(t, "1.50")), ">= 1.5 km"},
		{km.AtLeast(decimal.New(2, 1)), ">= 20 km"},
		// The later limit on one side replaces the earlier one.
		{km.AtLeast(d(1)).Above(d(3)), "> 3 km"},
		{km.Below(d(1)).AtMost(d(9)), "<= 9 km"},
	} {
		if got := tc.b.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

func TestBoundAccessors(t *testing.T) {
	b := Measure(UnitKm).Of("distance-from-line").Above(decimal.NewFromInt(5)).AtMost(dec(t, "20.50"))
	if b.Unit() != UnitKm || b.Measures() != "distance-from-line" || b.IsZero() {
		t.Errorf("Unit, Measures, IsZero = %q, %q, %v", b.Unit(), b.Measures(), b.IsZero())
	}
	if lo, open, ok := b.Min(); !ok || !open || !lo.Equal(decimal.NewFromInt(5)) {
		t.Errorf("Min() = %v, %v, %v; want 5, open", lo, open, ok)
	}
	if hi, open, ok := b.Max(); !ok || open || !hi.Equal(dec(t, "20.5")) {
		t.Errorf("Max() = %v, %v, %v; want 20.5, closed", hi, open, ok)
	}
	u := Measure(UnitTroops)
	if _, _, ok := u.Min(); ok {
		t.Errorf("Min() of %v reports a limit", u)
	}
	if _, _, ok := u.Max(); ok {
		t.Errorf("Max() of %v reports a limit", u)
	}
	if !(Bound{}).IsZero() || !Measure("").IsZero() {
		t.Error("the zero Bound and Measure(\"\") are not zero")
	}
}

// The limiting methods return a new bound: the bound they are called on
// keeps its limits, so that one can be a base for several.
func TestBoundMethodsDoNotModify(t *testing.T) {
	base := Measure(UnitKm).Of("distance-from-line")
	keep := base
	_ = base.AtLeast(decimal.NewFromInt(1))
	_ = base.Above(decimal.NewFromInt(1))
	_ = base.AtMost(decimal.NewFromInt(9))
	_ = base.Below(decimal.NewFromInt(9))
	_ = base.Of("calibre")
	if base != keep {
		t.Errorf("bound changed from %v to %v", keep, base)
	}
}

func TestBoundComparable(t *testing.T) {
	twenty := Measure(UnitKm).Below(decimal.NewFromInt(20))
	for _, other := range []Bound{
		Measure(UnitKm).Below(dec(t, "20.0")),
		Measure(UnitKm).Below(dec(t, "20.000")),
		Measure(UnitKm).Below(decimal.New(2, 1)),
		Measure(UnitKm).Below(decimal.New(200, -1)),
	} {
		if other != twenty {
			t.Errorf("%#v != %#v", other, twenty)
		}
	}
	for _, other := range []Bound{
		Measure(UnitKm).AtMost(decimal.NewFromInt(20)),
		Measure(UnitM).Below(decimal.NewFromInt(20)),
		Measure(UnitKm).Below(dec(t, "20.01")),
		Measure(UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(20)),
		Measure(UnitKm).AtLeast(decimal.NewFromInt(20)),
	} {
		if other == twenty {
			t.Errorf("%v == %v", other, twenty)
		}
	}
	// Patterns with equal bounds are one map key.
	m := map[Pattern]int{{Kind: EventKindArmedAttack, Measure: twenty}: 1}
	if m[Pattern{Kind: EventKindArmedAttack, Measure: Measure(UnitKm).Below(dec(t, "20.0"))}] != 1 {
		t.Error("a pattern with the bound < 20.0 km is not the key of the pattern with < 20 km")
	}
}

func TestBoundContains(t *testing.T) {
	q := func(v string, u Unit, of string) Quantity { return Quantity{Value: dec(t, v), Unit: u, Of: of} }
	line := Measure(UnitKm).Of("distance-from-line").AtLeast(decimal.Zero).Below(decimal.NewFromInt(20))
	calibre := Measure(UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))
	for _, tc := range []struct {
		b    Bound
		q    Quantity
		want bool
	}{
		{line, q("0", UnitKm, "distance-from-line"), true},
		{line, q("19.999", UnitKm, "distance-from-line"), true},
		{line, q("20", UnitKm, "distance-from-line"), false},
		{line, q("20.0", UnitKm, "distance-from-line"), false},
		{line, q("19999", UnitM, "distance-from-line"), true},
		{line, q("20000", UnitM, "distance-from-line"), false},
		{line, q("19999999", UnitMm, "distance-from-line"), true},
		{line, q("2000000", UnitCm, "distance-from-line"), false},
		{line, q("5", UnitKm, ""), false},                    // not what is bounded
		{line, q("5", UnitKm, "depth"), false},               // not what is bounded
		{line, q("5", UnitKm2, "distance-from-line"), false}, // not convertible
		{line, q("5", UnitUnspecified, "distance-from-line"), false},
		{calibre, q("100", UnitMm, "calibre"), true},
		{calibre, q("99.999", UnitMm, "calibre"), false},
		{calibre, q("12.2", UnitCm, "calibre"), true},
		{calibre, q("0.1", UnitM, "calibre"), true},
		{calibre, q("0.0999", UnitM, "calibre"), false},
		{calibre, q("1", UnitKm, "calibre"), true},
		{calibre, q("152", UnitKg, "calibre"), false},
		{Measure(UnitTroops).AtMost(decimal.NewFromInt(12000)), q("12000", UnitTroops, ""), true},
		{Measure(UnitTroops).AtMost(decimal.NewFromInt(12000)), q("12000.5", UnitTroops, ""), false},
		{Measure(UnitTroops).AtMost(decimal.NewFromInt(12000)), q("12000", UnitUnspecified, ""), false},
		{Measure(UnitKm).Above(decimal.NewFromInt(40)), q("40", UnitKm, ""), false},
		{Measure(UnitKm).Above(decimal.NewFromInt(40)), q("40001", UnitM, ""), true},
		{Measure(UnitKm), q("0", UnitM, ""), true},
		{Measure(UnitKm), q("3", UnitKg, ""), false},
		// An equal pair of limits, closed, holds exactly that value.
		{Measure(UnitT).AtLeast(decimal.NewFromInt(2)).AtMost(decimal.NewFromInt(2)), q("2000", UnitKg, ""), true},
		{Measure(UnitT).AtLeast(decimal.NewFromInt(2)).AtMost(decimal.NewFromInt(2)), q("2001", UnitKg, ""), false},
		// The zero Bound contains everything.
		{Bound{}, q("5", UnitKg, "anything"), true},
		{Measure("").Below(decimal.NewFromInt(1)), q("5", UnitKg, ""), true},
	} {
		if got := tc.b.Contains(tc.q); got != tc.want {
			t.Errorf("(%v).Contains(%v) = %v, want %v", tc.b, tc.q, got, tc.want)
		}
	}
}

func TestBoundMatches(t *testing.T) {
	b := Measure(UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(20))
	inside := Quantity{Value: decimal.NewFromInt(15000), Unit: UnitM, Of: "distance-from-line"}
	outside := Quantity{Value: decimal.NewFromInt(25), Unit: UnitKm, Of: "distance-from-line"}
	other := Quantity{Value: decimal.NewFromInt(1), Unit: UnitKm}
	for _, tc := range []struct {
		qs   []Quantity
		want bool
	}{
		{nil, false},
		{[]Quantity{other}, false},
		{[]Quantity{outside}, false},
		{[]Quantity{outside, other}, false},
		{[]Quantity{inside}, true},
		{[]Quantity{outside, other, inside}, true},
	} {
		if got := b.Matches(tc.qs); got != tc.want {
			t.Errorf("(%v).Matches(%v) = %v, want %v", b, tc.qs, got, tc.want)
		}
	}
	if !(Bound{}).Matches(nil) {
		t.Error("the zero Bound does not match an event with no quantity")
	}
}

// checkBound runs b.check at path and returns the problems.
func checkBound(b Bound, path string) []*Problem {
	var ps ValidationError
	b.check(&ps, path)
	return ps.Problems
}

func TestBoundCheck(t *testing.T) {
	d := decimal.NewFromInt
	type want struct {
		path string
		err  error
	}
	for _, tc := range []struct {
		name string
		b    Bound
		want []want
	}{
		{"zero", Bound{}, nil},
		{"unlimited", Measure(UnitKm), nil},
		{"closed both", Measure(UnitKm).Of("distance-from-line").AtLeast(d(0)).AtMost(d(20)), nil},
		{"equal closed", Measure(UnitKm).AtLeast(d(20)).AtMost(decimal.RequireFromString("20.0")), nil},
		{"user unit", Measure("detainees").AtLeast(d(3000)), nil},
		{"no unit", Measure("").Of("calibre").AtLeast(d(1)), []want{{"m.unit", ErrMissing}}},
		{"bad unit", Measure("Km").Below(d(1)), []want{{"m.unit", ErrInvalidValue}}},
		{"bad name", Measure(UnitKm).Of("Distance"), []want{{"m.of", ErrInvalidValue}}},
		{"negative min", Measure(UnitKm).AtLeast(d(-1)), []want{{"m.min", ErrNegative}}},
		{"negative max", Measure(UnitKm).Below(d(-1)), []want{{"m.max", ErrNegative}}},
		{"huge min", Measure(UnitKm).AtLeast(decimal.New(1, 2000)), []want{{"m.min", ErrInvalidValue}}},
		{"unparsable max", Bound{unit: UnitKm, max: "twenty"}, []want{{"m.max", ErrInvalidValue}}},
		{"crossed", Measure(UnitKm).AtLeast(d(20)).AtMost(d(10)), []want{{"m", ErrInvalidValue}}},
		{"equal open min", Measure(UnitKm).Above(d(20)).AtMost(d(20)), []want{{"m", ErrInvalidValue}}},
		{"equal open max", Measure(UnitKm).AtLeast(d(20)).Below(d(20)), []want{{"m", ErrInvalidValue}}},
		{"several", Measure("KM").Of("X").AtLeast(d(-2)).AtMost(d(-3)), []want{
			{"m.unit", ErrInvalidValue}, {"m.of", ErrInvalidValue},
			{"m.min", ErrNegative}, {"m.max", ErrNegative}, {"m", ErrInvalidValue},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := checkBound(tc.b, "m")
			if len(ps) != len(tc.want) {
				t.Fatalf("check(%v) reported %d problems, want %d: %v", tc.b, len(ps), len(tc.want), ps)
			}
			for i, p := range ps {
				if p.Path != tc.want[i].path || !errors.Is(p, tc.want[i].err) {
					t.Errorf("problem %d = %q (%v), want %v at %q", i, p.Path, p, tc.want[i].err, tc.want[i].path)
				}
				if p.Msg == "" {
					t.Errorf("problem %d at %q has no message", i, p.Path)
				}
			}
		})
	}
	// Paths start where the bound stands; at the root they are the field
	// names alone.
	ps := checkBound(Measure(UnitKm).AtLeast(d(-1)), "clauses[2].action.measure")
	if len(ps) != 1 || ps[0].Path != "clauses[2].action.measure.min" {
		t.Errorf("problems at a nested path: %v", ps)
	}
	ps = checkBound(Measure(UnitKm).AtLeast(d(-1)), "")
	if len(ps) != 1 || ps[0].Path != "min" {
		t.Errorf("problems at the root: %v", ps)
	}
	// The message of an empty bound says which bound it is.
	ps = checkBound(Measure(UnitKm).Above(d(20)).Below(d(20)), "")
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "(20, 20) km") {
		t.Errorf("problems of an empty bound: %v", ps)
	}
}

func TestItemClassContains(t *testing.T) {
	calibre := func(v string, u Unit) Quantity { return Quantity{Value: dec(t, v), Unit: u, Of: "calibre"} }
	artillery := ItemClass{
		ID:    "artillery-100mm",
		Name:  "artillery of 100 mm calibre and above",
		Items: []string{"BM-21 Grad"},
		Rule:  []Bound{Measure(UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))},
	}
	heavy := ItemClass{
		ID: "heavy-towed",
		Rule: []Bound{
			Measure(UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100)),
			Measure(UnitT).Of("weight").AtLeast(decimal.NewFromInt(3)),
		},
	}
	listed := ItemClass{ID: "mlrs", Items: []string{"BM-21 Grad", "BM-27 Uragan"}}
	for _, tc := range []struct {
		name string
		c    ItemClass
		e    Event
		want bool
	}{
		{"named", artillery, Event{Item: "BM-21 Grad"}, true},
		{"named, no quantity needed", listed, Event{Item: "BM-27 Uragan"}, true},
		{"names compared exactly", listed, Event{Item: "bm-21 grad"}, false},
		{"not named, no rule", listed, Event{Item: "T-72", Quantities: []Quantity{calibre("125", UnitMm)}}, false},
		{"rule at the limit", artillery, Event{Item: "M-30", Quantities: []Quantity{calibre("100", UnitMm)}}, true},
		{"rule in another unit", artillery, Event{Item: "D-30", Quantities: []Quantity{calibre("12.2", UnitCm)}}, true},
		{"rule not met", artillery, Event{Item: "2B14", Quantities: []Quantity{calibre("82", UnitMm)}}, false},
		{"rule, quantity lacking", artillery, Event{Item: "D-30"}, false},
		{"rule, other quantity", artillery, Event{Item: "D-30", Quantities: []Quantity{{Value: dec(t, "122"), Unit: UnitMm}}}, false},
		{"no item", artillery, Event{Quantities: []Quantity{calibre("152", UnitMm)}}, false},
		{"every bound met", heavy, Event{Item: "D-20", Quantities: []Quantity{calibre("152", UnitMm), {Value: dec(t, "5650"), Unit: UnitKg, Of: "weight"}}}, true},
		{"one bound not met", heavy, Event{Item: "D-30", Quantities: []Quantity{calibre("122", UnitMm), {Value: dec(t, "2.95"), Unit: UnitT, Of: "weight"}}}, false},
		{"one bound lacking", heavy, Event{Item: "D-20", Quantities: []Quantity{calibre("152", UnitMm)}}, false},
		{"empty class", ItemClass{ID: "none"}, Event{Item: "D-30"}, false},
		{"empty name listed", ItemClass{ID: "blank", Items: []string{""}}, Event{}, false},
	} {
		if got := tc.c.Contains(tc.e); got != tc.want {
			t.Errorf("%s: class %s Contains(%v) = %v, want %v", tc.name, tc.c.ID, tc.e, got, tc.want)
		}
	}
}

// Patterns match by item, by class and by measure, each a filter on top of
// the others; a class is resolved only through MatchesIn.
func TestPatternMeasureItemClass(t *testing.T) {
	artillery := ItemClass{ID: "artillery-100mm", Rule: []Bound{Measure(UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))}}
	classes := func(id ItemClassID) (ItemClass, bool) {
		if id == artillery.ID {
			return artillery, true
		}
		return ItemClass{}, false
	}
	near := Measure(UnitKm).Of("distance-from-line").Below(decimal.NewFromInt(50))
	deployed := Event{
		Kind: EventKindForcesDeployed, Actor: "RU", Item: "D-30",
		Quantities: []Quantity{
			{Value: dec(t, "122"), Unit: UnitMm, Of: "calibre"},
			{Value: dec(t, "30000"), Unit: UnitM, Of: "distance-from-line"},
		},
	}
	far := deployed
	far.Quantities = []Quantity{deployed.Quantities[0], {Value: dec(t, "50"), Unit: UnitKm, Of: "distance-from-line"}}
	for _, tc := range []struct {
		name    string
		p       Pattern
		e       Event
		classes func(ItemClassID) (ItemClass, bool)
		want    bool
	}{
		{"measure inside", Pattern{Kind: EventKindForcesDeployed, Measure: near}, deployed, nil, true},
		{"measure at the open limit", Pattern{Kind: EventKindForcesDeployed, Measure: near}, far, nil, false},
		{"measure, no quantities", Pattern{Kind: EventKindForcesDeployed, Measure: near}, Event{Kind: EventKindForcesDeployed}, nil, false},
		{"item", Pattern{Kind: EventKindForcesDeployed, Item: "D-30"}, deployed, nil, true},
		{"other item", Pattern{Kind: EventKindForcesDeployed, Item: "D-20"}, deployed, nil, false},
		{"class", Pattern{Kind: EventKindForcesDeployed, Class: artillery.ID, Measure: near}, deployed, classes, true},
		{"class and far", Pattern{Kind: EventKindForcesDeployed, Class: artillery.ID, Measure: near}, far, classes, false},
		{"unknown class", Pattern{Kind: EventKindForcesDeployed, Class: "mlrs"}, deployed, classes, false},
		{"class without resolver", Pattern{Kind: EventKindForcesDeployed, Class: artillery.ID}, deployed, nil, false},
		{"measure, other kind", Pattern{Kind: EventKindArmedAttack, Measure: near}, deployed, nil, false},
	} {
		if got := tc.p.MatchesIn(tc.e, "a", nil, tc.classes); got != tc.want {
			t.Errorf("%s: (%v).MatchesIn(%v) = %v, want %v", tc.name, tc.p, tc.e, got, tc.want)
		}
		if tc.classes == nil {
			if got := tc.p.Matches(tc.e, "a", nil); got != tc.want {
				t.Errorf("%s: (%v).Matches(%v) = %v, want %v", tc.name, tc.p, tc.e, got, tc.want)
			}
		}
	}
	// Matching reads the event and the class without changing them.
	before := len(deployed.Quantities)
	_ = Pattern{Kind: EventKindForcesDeployed, Class: artillery.ID}.MatchesIn(deployed, "a", nil, classes)
	if len(deployed.Quantities) != before || !deployed.Quantities[0].Equal(Quantity{Value: dec(t, "122"), Unit: UnitMm, Of: "calibre"}) {
		t.Errorf("matching changed the event: %v", deployed)
	}
}

// Agreement.Validate checks every bound where it stands, with the paths of
// the JSON encoding, and that the bounds on one named quantity use units
// of one dimension.
func TestBoundValidatedInAgreement(t *testing.T) {
	d := decimal.NewFromInt
	build := func(action, class, second Bound) Agreement {
		return Agreement{
			ID:          "ceasefire",
			Parties:     []Party{{ID: "UA"}, {ID: "RU"}},
			ItemClasses: []ItemClass{{ID: "artillery-100mm", Rule: []Bound{class}}},
			Clauses: []Clause{
				{ID: "C1", Kind: DeonticProhibition, Debtors: []PartyID{"RU"}, Creditors: []PartyID{"UA"},
					Action: &Pattern{Kind: EventKindForcesDeployed, Measure: action}},
				{ID: "C2", Kind: DeonticObligation, Debtors: []PartyID{"UA"}, Creditors: []PartyID{"RU"},
					Fulfilment: Total(Pattern{Kind: EventKindWithdrawalCompleted, Actor: "UA"}, second)},
			},
		}
	}
	line := Measure(UnitKm).Of("distance-from-line").Below(d(20))
	calibre := Measure(UnitMm).Of("calibre").AtLeast(d(100))
	far := Measure(UnitM).Of("distance-from-line").AtLeast(d(50000))
	if err := build(line, calibre, far).Validate(); err != nil {
		t.Fatalf("valid agreement: %v", err)
	}
	type want struct {
		path string
		err  error
	}
	for _, tc := range []struct {
		name                  string
		action, class, second Bound
		want                  []want
	}{
		{"negative limit in an action", Measure(UnitKm).Of("distance-from-line").Below(d(-1)), calibre, far,
			[]want{{"clauses[0].action.measure.max", ErrNegative}}},
		{"crossed limits in a class rule", line, Measure(UnitMm).Of("calibre").AtLeast(d(100)).Below(d(50)), far,
			[]want{{"itemClasses[0].rule[0]", ErrInvalidValue}}},
		{"no unit in a total", line, calibre, Measure("").Of("distance-from-line").AtLeast(d(1)),
			[]want{{"clauses[1].fulfilment.total.bound.unit", ErrMissing}}},
		{"one quantity in two dimensions", line, calibre, Measure(UnitKm2).Of("distance-from-line").AtLeast(d(1)),
			[]want{{"clauses[1].fulfilment.total.bound", ErrInconsistent}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := build(tc.action, tc.class, tc.second).Validate()
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate() = %v, want a *ValidationError", err)
			}
			if len(ve.Problems) != len(tc.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(ve.Problems), len(tc.want), err)
			}
			for i, p := range ve.Problems {
				if p.Path != tc.want[i].path || !errors.Is(p, tc.want[i].err) {
					t.Errorf("problem %d = %v, want %v at %q", i, p, tc.want[i].err, tc.want[i].path)
				}
			}
		})
	}
}
