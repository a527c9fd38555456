package agreement_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

func eventLogFixture() agreement.EventLog {
	t := time.Date(2026, time.January, 6, 18, 30, 0, 0, time.UTC)
	return agreement.EventLog{Start: t, Events: []agreement.Event{
		{At: t.Add(time.Hour), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA", Reporter: "US",
			Attribution: agreement.AttributionConfirmed, Area: "donetsk"},
		{At: t.Add(2 * time.Hour), Kind: agreement.EventKindPowerExercised, Actor: "UN", Clause: agreement.QualifiedRef("cf", "S1")},
		{At: t.Add(3 * time.Hour), Kind: agreement.EventKindControlChanged, Actor: "UA", Target: "RU", Area: "north",
			Quantities: []agreement.Quantity{{Value: exampleDecimal("12.5"), Unit: agreement.UnitPercent}}},
		{At: t.Add(4 * time.Hour), Kind: agreement.EventKindReferendumHeld, Actor: "UA", Area: "south", Outcome: "stay"},
	}}
}

func TestEventLogRoundTrip(t *testing.T) {
	roundTrip(t, eventLogFixture(), agreement.DecodeEventLog, agreementtest.Options())
}

func TestDecodeEventLogErrors(t *testing.T) {
	for _, tt := range []struct {
		name, doc string
		sentinel  error
		path      string
	}{
		{"no schema", `{"events":[]}`, agreement.ErrSchemaVersion, "schema"},
		{"unknown field", `{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x","colour":"red"}]}`, agreement.ErrUnknownField, "events[0].colour"},
		{"missing kind", `{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z"}]}`, agreement.ErrMissing, "events[0].kind"},
		{"missing instant", `{"schema":1,"events":[{"kind":"x"}]}`, agreement.ErrMissing, "events[0].at"},
		{"bad instant", `{"schema":1,"events":[{"at":"yesterday","kind":"x"}]}`, agreement.ErrInvalidValue, "events[0].at"},
		{"bad kind", `{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"Armed Attack"}]}`, agreement.ErrInvalidID, "events[0].kind"},
		{"bad attribution", `{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x","attribution":"sure"}]}`, agreement.ErrInvalidValue, "events[0].attribution"},
		{"number decimal", `{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x","quantities":[{"value":5}]}]}`, agreement.ErrSyntax, "events[0].quantities[0].value"},
		{"negative", `{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x","quantities":[{"value":"-5"}]}]}`, agreement.ErrNegative, "events[0].quantities[0].value"},
		{"bad ref", `{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x","clause":"a/b/c"}]}`, agreement.ErrInvalidID, "events[0].clause"},
		{"syntax", "{\"schema\":1,\n\"events\":[}", agreement.ErrSyntax, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := agreement.DecodeEventLog([]byte(tt.doc))
			if !problemAt(err, tt.sentinel, tt.path) {
				t.Errorf("DecodeEventLog(%s) = %v\nwant a problem at %q wrapping %v", tt.doc, err, tt.path, tt.sentinel)
			}
		})
	}
	_, err := agreement.DecodeEventLog([]byte("{\"schema\":1,\n\"events\":[}"))
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || ve.Problems[0].Msg == "" {
		t.Fatalf("syntax error: %v", err)
	}
	t.Log(err)
}

func FuzzDecodeEventLog(f *testing.F) {
	data, err := eventLogFixture().MarshalJSON()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	if data, err = measuredLog().MarshalJSON(); err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	if data, err = termLogFixture().MarshalJSON(); err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"schema":1}`))
	f.Add([]byte(`{"schema":1,"events":[{"at":"2026-01-01T00:00:00Z","kind":"x","quantities":[{"value":"1e3"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := agreement.DecodeEventLog(data)
		if err != nil {
			var ve *agreement.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error %v is not a *ValidationError with problems", err)
			}
			return
		}
		roundTrip(t, l, agreement.DecodeEventLog, agreementtest.Options())
	})
}

func TestDecodeEventLogZeroInstantAndPartialResult(t *testing.T) {
	l, err := agreement.DecodeEventLog([]byte(`{"schema":1,"events":[{"at":"0001-01-01T00:00:00Z","kind":"armed-attack"},{"at":"2026-01-01T00:00:00Z","kind":"x"}]}`))
	if !problemAt(err, agreement.ErrInvalidValue, "events[0].at") {
		t.Errorf("the zero instant: %v, want ErrInvalidValue at events[0].at", err)
	}
	if l.Start != (time.Time{}) || l.Events != nil {
		t.Errorf("a failed decode returned %+v, want the zero EventLog", l)
	}
}

func FuzzEventLogUnmarshalJSON(f *testing.F) { fuzzUnmarshalJSON(f, 2) }

// An event log inside another value decodes through json.Unmarshal, with
// problem paths relative to the log's own value.
func TestEventLogInsideAValue(t *testing.T) {
	type holder struct {
		Log  agreement.EventLog   `json:"log"`
		Logs []agreement.EventLog `json:"logs"`
	}
	in := holder{Log: eventLogFixture(), Logs: []agreement.EventLog{{}, eventLogFixture()}}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out holder
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("json.Unmarshal() error: %v\n%s", err, data)
	}
	if diff := cmp.Diff(in, out, agreementtest.Options()); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	err = json.Unmarshal([]byte(`{"log":{"schema":1,"events":[{"kind":"x"}]}}`), &out)
	if !problemAt(err, agreement.ErrMissing, "events[0].at") {
		t.Errorf("json.Unmarshal() error = %v, want a problem at events[0].at", err)
	}
}
