package scenario_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// DecodeTimeline reports a missing start with every other problem of the
// document, in one error, and names the field or value meant.
func TestDecodeTimelineMessages(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the error's text
		is   []error
	}{
		{name: "misspellings and no start",
			in: `{"schema":1,"events":[{"at":"2024-01-01T00:00:00Z","kind":"ceasefire-violated","actr":"UA",` +
				`"attribution":"confimed"}]}`,
			want: "agreement: 3 problems:\n" +
				"\tevents[0].actr: unknown field \"actr\" (did you mean \"actor\"?)\n" +
				"\tevents[0].attribution: unknown attribution \"confimed\" (did you mean \"confirmed\"?); " +
				"allowed: \"alleged\", \"confirmed\"\n" +
				"\tstart: missing start instant",
			is: []error{agreement.ErrUnknownField, agreement.ErrInvalidValue, agreement.ErrMissing}},
		{name: "no schema and no start",
			in: `{"events":[]}`,
			want: "agreement: 2 problems:\n" +
				"\tschema: missing schema version (want \"schema\": 1)\n" +
				"\tstart: missing start instant",
			is: []error{agreement.ErrSchemaVersion, agreement.ErrMissing}},
		{name: "another schema version is reported alone",
			in:   `{"schema":2,"events":[]}`,
			want: "agreement: 1 problem: schema: unsupported schema version 2 (this package reads version 1)",
			is:   []error{agreement.ErrSchemaVersion}},
		{name: "a malformed start is not also missing",
			in: `{"schema":1,"start":"yesterday","strat":1}`,
			want: "agreement: 2 problems:\n" +
				"\tstart: invalid RFC 3339 instant \"yesterday\" " +
				"(want such as \"2026-02-01T00:00:00Z\", or a date such as \"2026-02-01\")\n" +
				"\tstrat: unknown field \"strat\" (did you mean \"start\"?)",
			is: []error{agreement.ErrInvalidValue, agreement.ErrUnknownField}},
		{name: "only a start",
			in:   `{"schema":1}`,
			want: "agreement: 1 problem: start: missing start instant",
			is:   []error{agreement.ErrMissing}},
		{name: "$schema in an amendment's text",
			in: `{"$schema":"https://example.org/timeline.json","schema":1,"start":"2024-01-01T00:00:00Z",` +
				`"amendments":[{"at":"2024-01-02T00:00:00Z","text":{"$schema":"https://example.org/a.json","id":"a"}}]}`,
			want: "agreement: 1 problem: amendments[0].text.$schema: unknown field \"$schema\"",
			is:   []error{agreement.ErrUnknownField}},
		{name: "$schema of the wrong type, and no start",
			in: `{"$schema":true,"schema":1}`,
			want: "agreement: 2 problems:\n" +
				"\t$schema: want string, got boolean\n" +
				"\tstart: missing start instant",
			is: []error{agreement.ErrSyntax, agreement.ErrMissing}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			_, err := scenario.DecodeTimeline(in)
			if err == nil {
				t.Fatalf("decoded without error, want:\n%s", tt.want)
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			for _, s := range tt.is {
				if !errors.Is(err, s) {
					t.Errorf("errors.Is(err, %v) = false", s)
				}
			}
			if !bytes.Equal(in, []byte(tt.in)) {
				t.Errorf("input modified")
			}
		})
	}
}

// A top-level "$schema" is read and ignored.
func TestDecodeTimelineSchemaMember(t *testing.T) {
	const plain = `{"schema":1,"start":"2024-01-01T00:00:00Z","events":[{"at":"2024-01-02T00:00:00Z","kind":"k"}]}`
	with := `{"$schema":"https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/timeline.schema.json",` +
		plain[1:]
	want, err := scenario.DecodeTimeline([]byte(plain))
	if err != nil {
		t.Fatal(err)
	}
	got, err := scenario.DecodeTimeline([]byte(with))
	if err != nil {
		t.Fatalf("with $schema: %v", err)
	}
	if diff := cmp.Diff(want, got, timelineCmp); diff != "" {
		t.Errorf("timeline differs (-without +with):\n%s", diff)
	}
}
