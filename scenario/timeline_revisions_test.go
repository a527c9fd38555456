package scenario_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// problemExactly reports whether err is an *agreement.ValidationError with
// a problem at exactly path wrapping sentinel.
func problemExactly(err error, path string, sentinel error) bool {
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	for _, p := range ve.Problems {
		if p != nil && p.Path == path && errors.Is(p, sentinel) {
			return true
		}
	}
	return false
}

// revisedEvents returns a valid sequence of events using ids, a revision,
// an item and a named quantity.
func revisedEvents() []agreement.Event {
	return []agreement.Event{
		{ID: "shelling-1", At: h(1), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA", Reporter: "UN",
			Attribution: agreement.AttributionAlleged, Item: "D-30 122 mm howitzer",
			Quantities: []agreement.Quantity{
				{Value: decimal.NewFromInt(122), Unit: agreement.UnitMm, Of: "calibre"},
				{Value: decimal.NewFromInt(12), Unit: agreement.UnitKm, Of: "distance-from-line"},
			}},
		{ID: "shelling-1-confirmed", At: h(2), Kind: agreement.EventKindRevised, Reporter: "UN",
			Attribution: agreement.AttributionConfirmed, Revises: "shelling-1"},
	}
}

func TestTimelineValidateEventIDs(t *testing.T) {
	e := mustCompile(t, base())
	evs := revisedEvents()
	if err := scenario.NewTimeline(t0, evs...).Validate(e); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	r, err := e.Start(t0)
	if err != nil {
		t.Fatal(err)
	}
	for i, ev := range evs {
		if err := r.Apply(ev); err != nil {
			t.Fatalf("Apply(events[%d]) = %v, want nil", i, err)
		}
	}

	long := strings.Repeat("x", agreement.MaxItemBytes+1)
	tests := []struct {
		name     string
		edit     func(evs []agreement.Event) []agreement.Event
		path     string // in the timeline; Apply reports it under "event"
		sentinel error
		alone    bool // whether Run.Apply, which sees the event alone, reports it
	}{
		{"malformed id", func(evs []agreement.Event) []agreement.Event { evs[0].ID = "Shelling 1"; return evs },
			"events[0].id", agreement.ErrInvalidID, true},
		{"revises on another kind", func(evs []agreement.Event) []agreement.Event {
			evs[1].Kind = agreement.EventKindArmedAttack
			return evs
		}, "events[1].revises", agreement.ErrInconsistent, true},
		{"revision without revises", func(evs []agreement.Event) []agreement.Event { evs[1].Revises = ""; return evs },
			"events[1].revises", agreement.ErrMissing, true},
		{"malformed revises", func(evs []agreement.Event) []agreement.Event { evs[1].Revises = "no such id!"; return evs },
			"events[1].revises", agreement.ErrInvalidID, true},
		{"item too long", func(evs []agreement.Event) []agreement.Event { evs[0].Item = long; return evs },
			"events[0].item", agreement.ErrInvalidValue, true},
		{"item not UTF-8", func(evs []agreement.Event) []agreement.Event { evs[0].Item = "D-30 \xfe"; return evs },
			"events[0].item", agreement.ErrInvalidValue, true},
		{"malformed quantity name", func(evs []agreement.Event) []agreement.Event {
			evs[0].Quantities[0].Of = "Calibre"
			return evs
		}, "events[0].quantities[0].of", agreement.ErrInvalidValue, true},
		{"revises an unknown id", func(evs []agreement.Event) []agreement.Event { evs[1].Revises = "shelling-2"; return evs },
			"events[1].revises", agreement.ErrUnknownEvent, false},
		{"revises an event at its own instant", func(evs []agreement.Event) []agreement.Event {
			evs[1].At = evs[0].At
			return evs
		}, "events[1].revises", agreement.ErrInconsistent, false},
		{"revises a later event, given first", func(evs []agreement.Event) []agreement.Event {
			evs[1].At, evs[0].At = h(1), h(2)
			return []agreement.Event{evs[1], evs[0]}
		}, "events[0].revises", agreement.ErrInconsistent, false},
		{"duplicate id", func(evs []agreement.Event) []agreement.Event { evs[1].ID = "shelling-1"; return evs },
			"events[1].id", agreement.ErrDuplicateID, false},
		{"duplicate id, given out of order", func(evs []agreement.Event) []agreement.Event {
			dup := agreement.Event{ID: "shelling-1", At: h(3), Kind: agreement.EventKindArmedAttack}
			return []agreement.Event{dup, evs[0], evs[1]}
		}, "events[0].id", agreement.ErrDuplicateID, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := tt.edit(revisedEvents())
			tl := scenario.NewTimeline(t0, evs...)
			err := tl.Validate(e)
			if !problemExactly(err, tt.path, tt.sentinel) {
				t.Errorf("Validate() = %v\nwant a problem at %q wrapping %v", err, tt.path, tt.sentinel)
			}
			if _, err := e.Replay(tl, h(4)); !errors.Is(err, tt.sentinel) {
				t.Errorf("Replay() = %v, want %v", err, tt.sentinel)
			}
			if !tt.alone {
				return
			}
			i := 0
			if strings.HasPrefix(tt.path, "events[1]") {
				i = 1
			}
			r, err := e.Start(t0)
			if err != nil {
				t.Fatal(err)
			}
			want := "event" + strings.TrimPrefix(tt.path, "events["+string(rune('0'+i))+"]")
			if err := r.Apply(evs[i]); !problemExactly(err, want, tt.sentinel) {
				t.Errorf("Apply(events[%d]) = %v\nwant a problem at %q wrapping %v", i, err, want, tt.sentinel)
			}
		})
	}
}

// The duplicate-id message names the other event by its input position.
func TestTimelineDuplicateIDNamesTheOther(t *testing.T) {
	e := mustCompile(t, base())
	evs := revisedEvents()
	dup := agreement.Event{ID: "shelling-1", At: h(3), Kind: agreement.EventKindArmedAttack}
	err := scenario.NewTimeline(t0, dup, evs[0], evs[1]).Validate(e)
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 {
		t.Fatalf("Validate() = %v, want one problem", err)
	}
	if p := ve.Problems[0]; !strings.Contains(p.Msg, "events[1]") {
		t.Errorf("problem %q does not name events[1], the earlier event with the id", p.Error())
	}
}
