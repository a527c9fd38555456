package scenario_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
)

// timelineCmp compares timelines by their start and events, under
// agreementtest.Options.
var timelineCmp = cmp.Options{
	agreementtest.Options(),
	cmp.Transformer("Timeline", func(tl scenario.Timeline) struct {
		Start  time.Time
		Events []agreement.Event
	} {
		var evs []agreement.Event
		for _, ev := range tl.Events() {
			evs = append(evs, ev)
		}
		return struct {
			Start  time.Time
			Events []agreement.Event
		}{tl.Start(), evs}
	}),
}

// timelineFixture sets every field of an event somewhere, with events given
// out of order and two at one instant.
func timelineFixture() scenario.Timeline {
	start := time.Date(2026, time.January, 6, 18, 30, 0, 0, time.UTC)
	at := func(h int) time.Time { return start.Add(time.Duration(h) * time.Hour) }
	return scenario.NewTimeline(start,
		agreement.Event{At: at(3), Kind: agreement.EventKindControlChanged, Actor: "UA", Target: "RU", Area: "north",
			Quantities: []agreement.Quantity{{Value: decimal.RequireFromString("12.5"), Unit: agreement.UnitPercent},
				{Value: decimal.NewFromInt(300), Unit: agreement.UnitTroops}}},
		agreement.Event{At: at(1), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA", Reporter: "US",
			Attribution: agreement.AttributionConfirmed, Area: "donetsk"},
		agreement.Event{At: at(2), Kind: agreement.EventKindPowerExercised, Actor: "UN",
			Clause: agreement.QualifiedRef("cf", "S1")},
		agreement.Event{At: at(1), Kind: agreement.EventKindReferendumHeld, Actor: "UA", Outcome: "stay",
			Clause: agreement.LocalRef("C1")},
	)
}

func TestTimelineUnmarshalJSONRoundTrip(t *testing.T) {
	type holder struct {
		Timeline  scenario.Timeline   `json:"timeline"`
		Pointer   *scenario.Timeline  `json:"pointer"`
		Timelines []scenario.Timeline `json:"timelines"`
	}
	tl := timelineFixture()
	in := holder{Timeline: tl, Pointer: &tl, Timelines: []scenario.Timeline{tl, scenario.NewTimeline(tl.Start())}}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatalf("json.Marshal() error: %v", err)
	}
	var out holder
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("json.Unmarshal() error: %v\n%s", err, data)
	}
	if diff := cmp.Diff(in, out, timelineCmp); diff != "" {
		t.Errorf("json.Unmarshal(json.Marshal(x)) mismatch (-want +got):\n%s", diff)
	}
	if out.Timeline.Event(0).Kind != agreement.EventKindArmedAttack || out.Timeline.Event(1).Outcome != "stay" {
		t.Errorf("events at one instant lost their order: %s", data)
	}
}

// json.Unmarshal into a Timeline is as strict as DecodeTimeline, returns
// its problems, and leaves the timeline unchanged on error.
func TestTimelineUnmarshalJSONErrors(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		path      string
		sentinel  error
	}{
		{"no schema", `{"start":"2026-01-01T00:00:00Z"}`, "schema", agreement.ErrSchemaVersion},
		{"other schema", `{"schema":2,"start":"2026-01-01T00:00:00Z"}`, "schema", agreement.ErrSchemaVersion},
		{"no start", `{"schema":1,"events":[]}`, "start", agreement.ErrMissing},
		{"unknown field", `{"schema":1,"start":"2026-01-01T00:00:00Z","colour":"red"}`, "colour",
			agreement.ErrUnknownField},
		{"unknown event field", `{"schema":1,"start":"2026-01-01T00:00:00Z","events":[{"at":"2026-01-01T00:00:00Z",` +
			`"kind":"x","colour":"red"}]}`, "events[0].colour", agreement.ErrUnknownField},
		{"duplicate field", `{"schema":1,"start":"2026-01-01T00:00:00Z","start":"2026-01-02T00:00:00Z"}`, "start",
			agreement.ErrSyntax},
		{"bad instant", `{"schema":1,"start":"2026-01-01T00:00:00Z","events":[{"at":"noon","kind":"x"}]}`,
			"events[0].at", agreement.ErrInvalidValue},
		{"negative quantity", `{"schema":1,"start":"2026-01-01T00:00:00Z","events":[{"at":"2026-01-01T00:00:00Z",` +
			`"kind":"x","quantities":[{"value":"-1"}]}]}`, "events[0].quantities[0].value", agreement.ErrNegative},
		{"not an object", `[]`, "", agreement.ErrSyntax},
		{"a string", `"2026-01-01T00:00:00Z"`, "", agreement.ErrSyntax},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, decodeErr := scenario.DecodeTimeline([]byte(tt.doc))
			if !agreementtest.HasProblem(decodeErr, tt.sentinel, tt.path) {
				t.Fatalf("DecodeTimeline(%s) = %v, want a problem at %q wrapping %v", tt.doc, decodeErr, tt.path,
					tt.sentinel)
			}
			checkTimelineUnmarshalJSON(t, []byte(tt.doc))
		})
	}
	for _, doc := range []string{"null", " null\n", `{"schema":1`, ``, `{"schema":1,"start":"2026-01-01T00:00:00Z"} x`} {
		checkTimelineUnmarshalJSON(t, []byte(doc))
	}
}

// problemValues returns the problems of err, a *agreement.ValidationError,
// as values.
func problemValues(t *testing.T, err error) []agreement.Problem {
	t.Helper()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *agreement.ValidationError", err, err)
	}
	out := make([]agreement.Problem, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = *p
	}
	return out
}

// checkTimelineUnmarshalJSON checks json.Unmarshal of data into a timeline
// against DecodeTimeline: malformed JSON is reported by encoding/json, null
// changes nothing, an error has the same problems as DecodeTimeline's and
// leaves the timeline unchanged, and a timeline decoded is DecodeTimeline's
// and survives json.Marshal and json.Unmarshal unchanged.
func checkTimelineUnmarshalJSON(t *testing.T, data []byte) {
	t.Helper()
	tl := timelineFixture()
	err := json.Unmarshal(data, &tl)
	want, decodeErr := scenario.DecodeTimeline(data)
	switch {
	case !json.Valid(data):
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("json.Unmarshal(%q): error %v (%T), want a *json.SyntaxError", data, err, err)
		}
	case string(bytes.TrimSpace(data)) == "null":
		if err != nil {
			t.Fatalf("json.Unmarshal(null): %v", err)
		}
	case decodeErr != nil:
		if err == nil {
			t.Fatalf("json.Unmarshal(%q) succeeded; DecodeTimeline fails: %v", data, decodeErr)
		}
		sameSentinel := cmp.Comparer(func(a, b error) bool { return a == b })
		if diff := cmp.Diff(problemValues(t, decodeErr), problemValues(t, err), sameSentinel); diff != "" {
			t.Fatalf("json.Unmarshal(%q): problems differ from DecodeTimeline's (-decode +unmarshal):\n%s",
				data, diff)
		}
	default:
		if err != nil {
			t.Fatalf("json.Unmarshal(%q): %v; DecodeTimeline succeeds", data, err)
		}
		if diff := cmp.Diff(want, tl, timelineCmp); diff != "" {
			t.Fatalf("json.Unmarshal(%q) differs from DecodeTimeline (-decode +unmarshal):\n%s", data, diff)
		}
		again, err := json.Marshal(tl)
		if err != nil {
			t.Fatalf("json.Marshal(timeline decoded from %q): %v", data, err)
		}
		var back scenario.Timeline
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatalf("json.Unmarshal(json.Marshal(timeline)): %v\n%s", err, again)
		}
		if diff := cmp.Diff(tl, back, timelineCmp); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
		return
	}
	if diff := cmp.Diff(timelineFixture(), tl, timelineCmp); diff != "" {
		t.Fatalf("json.Unmarshal(%q) changed the timeline on error (-want +got):\n%s", data, diff)
	}
}

func FuzzTimelineUnmarshalJSON(f *testing.F) {
	data, err := json.Marshal(timelineFixture())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	// A timeline with amendments, whose texts are whole agreements.
	am, err := json.Marshal(scenario.NewTimeline(t0).WithAmendments(
		agreement.Amendment{At: h(2), Label: "two years", Text: amended(func(a *agreement.Agreement) {
			a.Term.Period = agreement.Period{Years: 2}
		})}))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(am)
	for _, doc := range []string{
		`null`, `{"schema":1}`, `{"schema":1,"start":"2026-01-01T00:00:00Z"}`,
		`{"schema":1,"start":"2026-01-01T00:00:00Z","events":[{"at":"2025-12-31T23:00:00-02:00","kind":"x",` +
			`"quantities":[{"value":"0.50","unit":"km"}]},{"at":"2026-01-01T00:00:00Z","kind":"y"}]}`,
		`{"schema":1,"start":"2026-01-01T00:00:00Z","events":[{"kind":"x"}]}`,
	} {
		f.Add([]byte(doc))
	}
	f.Fuzz(checkTimelineUnmarshalJSON)
}
