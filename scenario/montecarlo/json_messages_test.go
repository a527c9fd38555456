package montecarlo_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// A model's misspelt fields and states are reported with the name meant
// (and, for a state, those allowed), with every other problem.
func TestDecodeModelMessages(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the error's text
		is   []error
	}{
		{name: "misspelt field and state, and a negative rate",
			in: `{"version":1,"processes":[{"poisson":{"perday":1,"perDay":-1,"event":{"kind":"a"},` +
				`"modifiers":[{"clause":"C1","states":["in-efect"],"factor":1}]}}]}`,
			want: "montecarlo: 3 problems:\n" +
				"\tprocesses[0].poisson.perday: unknown field \"perday\" (did you mean \"perDay\"?)\n" +
				"\tprocesses[0].poisson.modifiers[0].states[0]: unknown state \"in-efect\" (did you mean \"in-effect\"?); " +
				"allowed: \"dormant\", \"pending\", \"in-effect\", \"suspended\", \"fulfilled\", \"violated\", " +
				"\"discharged\", \"terminated\", \"draft\", \"signed\", \"in-force\", \"lapsed\"\n" +
				"\tprocesses[0].poisson.perDay: negative rate -1",
			is: []error{agreement.ErrUnknownField, agreement.ErrInvalidValue, agreement.ErrNegative}},
		{name: "a field near none",
			in:   `{"version":1,"processes":[],"colour":"red"}`,
			want: `montecarlo: 1 problem: colour: unknown field "colour"`,
			is:   []error{agreement.ErrUnknownField}},
		{name: "$schema of the wrong type",
			in:   `{"$schema":1,"version":1,"processes":[]}`,
			want: `montecarlo: 1 problem: $schema: want string, got number`,
			is:   []error{agreement.ErrSyntax}},
		{name: "$schema nested in a process",
			in:   `{"version":1,"processes":[{"$schema":"x","poisson":{"perDay":1,"event":{"kind":"a"}}}]}`,
			want: `montecarlo: 1 problem: processes[0].$schema: unknown field "$schema"`,
			is:   []error{agreement.ErrUnknownField}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := montecarlo.DecodeModel([]byte(tt.in))
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
		})
	}
}

// A top-level "$schema" is read and ignored, and not written back.
func TestDecodeModelSchemaMember(t *testing.T) {
	for name, data := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			want, err := montecarlo.DecodeModel(data)
			if err != nil {
				t.Fatal(err)
			}
			with := append([]byte(`{"$schema":"https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/montecarlo-model.schema.json",`),
				bytesAfterBrace(t, data)...)
			got, err := montecarlo.DecodeModel(with)
			if err != nil {
				t.Fatalf("with $schema: %v", err)
			}
			if d := sameModel(want, got); d != "" {
				t.Errorf("model differs (-without +with):\n%s", d)
			}
			out, err := got.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(out), "$schema") {
				t.Errorf("MarshalJSON wrote $schema: %s", out)
			}
		})
	}
}

// bytesAfterBrace returns data after the "{" opening it, past white space.
func bytesAfterBrace(t *testing.T, data []byte) []byte {
	t.Helper()
	s := strings.TrimSpace(string(data))
	if !strings.HasPrefix(s, "{") {
		t.Fatalf("document does not start with {: %.20q", s)
	}
	return []byte(s[1:])
}
