package scenario_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// An event naming an area no agreement's territory declares is a problem
// with its path; with no territory anywhere, any well-formed area is.
func TestTimelineValidateUnknownArea(t *testing.T) {
	a := territorial(t)
	e := mustCompile(t, a)
	typo := agreement.Event{At: h(1), Kind: agreement.EventKindControlChanged, Actor: "UA", Target: "RU", Area: "donetks"}
	err := scenario.NewTimeline(t0, typo).Validate(e)
	checkProblemAt(t, err, "events[0].area", agreement.ErrUnknownArea)
	if _, err := e.Replay(scenario.NewTimeline(t0, typo), h(2)); !errors.Is(err, agreement.ErrUnknownArea) {
		t.Errorf("Replay with an unknown area: %v, want ErrUnknownArea", err)
	}
	r, err := e.Start(t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Apply(typo); !errors.Is(err, agreement.ErrUnknownArea) {
		t.Errorf("Run.Apply with an unknown area: %v, want ErrUnknownArea", err)
	}
	known := typo
	known.Area = "north"
	if err := scenario.NewTimeline(t0, known).Validate(e); err != nil {
		t.Errorf("a declared area: %v", err)
	}
	if err := scenario.NewTimeline(t0, typo).Validate(mustCompile(t, base())); err != nil {
		t.Errorf("no territory anywhere: %v, want any well-formed area accepted", err)
	}
}

// A control change takes quantities in percent only: any other unit is a
// problem with its path, never "all of the area's control".
func TestTimelineValidateControlChangeUnits(t *testing.T) {
	a := territorial(t)
	e := mustCompile(t, a)
	for _, q := range []agreement.Quantity{
		{Value: pct("50"), Unit: agreement.UnitKm2},
		{Value: pct("0.5")},
		{Value: pct("3"), Unit: agreement.UnitTroops},
	} {
		evt := agreement.Event{At: h(1), Kind: agreement.EventKindControlChanged, Actor: "UA", Target: "RU",
			Area: "south", Quantities: []agreement.Quantity{q}}
		err := scenario.NewTimeline(t0, evt).Validate(e)
		checkProblemAt(t, err, "events[0].quantities[0].unit", agreement.ErrInvalidValue)
		if _, err := e.Replay(scenario.NewTimeline(t0, evt), h(2)); !errors.Is(err, agreement.ErrInvalidValue) {
			t.Errorf("Replay with a quantity in %q: %v, want ErrInvalidValue", q.Unit, err)
		}
		r, err := e.Start(t0)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Apply(evt); !errors.Is(err, agreement.ErrInvalidValue) {
			t.Errorf("Run.Apply with a quantity in %q: %v, want ErrInvalidValue", q.Unit, err)
		}
	}
	// Other kinds take any unit.
	other := agreement.Event{At: h(1), Kind: agreement.EventKindArmedAttack, Actor: "RU", Area: "south",
		Quantities: []agreement.Quantity{{Value: pct("50"), Unit: agreement.UnitKm2}}}
	if err := scenario.NewTimeline(t0, other).Validate(e); err != nil {
		t.Errorf("an armed attack over 50 km2: %v", err)
	}
}

// Problems name an event by its position in the input, not in the sorted
// timeline.
func TestTimelineProblemsNameInputPositions(t *testing.T) {
	e := mustCompile(t, base())
	tl, err := scenario.DecodeTimeline([]byte(`{"schema":1,"start":"2026-03-01T00:00:00Z","events":[
		{"at":"2026-03-01T05:00:00Z","kind":"armed-attack","actor":"RU"},
		{"at":"2026-03-01T03:00:00Z","kind":"armed-attack","actor":"RU"},
		{"at":"2026-03-01T01:00:00Z","kind":"armed-attack","actor":"XX"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	checkProblemAt(t, tl.Validate(e), "events[2].actor", agreement.ErrUnknownParty)
	tl = scenario.NewTimeline(t0, ev(h(9), agreement.EventKindArmedAttack, "RU"), ev(h(1), agreement.EventKindArmedAttack, "RU"))
	if _, err := e.Replay(tl, h(5)); err == nil || !strings.Contains(err.Error(), "events[0]") {
		t.Errorf("Replay with the first event given after the end: %v, want it named events[0]", err)
	}
}
