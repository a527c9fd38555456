package negotiation_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

// Misspelt fields of positions and spaces are reported with the field
// meant, and misspelt names inside a space's options and clauses with the
// name meant and those allowed.
func TestDecodeMessages(t *testing.T) {
	tests := []struct {
		name  string
		space bool // decode with DecodeSpace, else DecodePositions
		in    string
		want  string // the error's text
		is    []error
	}{
		{name: "positions: misspelt fields",
			in: `{"schema":1,"positions":[{"party":"UA","reservation":"1","redLine":[],` +
				`"issues":[{"issue":"i","weigth":"1","weight":"1"}]}]}`,
			want: "agreement: 2 problems:\n" +
				"\tpositions[0].redLine: unknown field \"redLine\" (did you mean \"redLines\"?)\n" +
				"\tpositions[0].issues[0].weigth: unknown field \"weigth\" (did you mean \"weight\"?)",
			is: []error{agreement.ErrUnknownField}},
		{name: "positions: $schema of the wrong type",
			in:   `{"$schema":["x"],"schema":1,"positions":[]}`,
			want: "agreement: 1 problem: $schema: want string, got array",
			is:   []error{agreement.ErrSyntax}},
		{name: "positions: $schema nested",
			in:   `{"schema":1,"positions":[{"$schema":"x","party":"UA","reservation":"1"}]}`,
			want: "agreement: 1 problem: positions[0].$schema: unknown field \"$schema\"",
			is:   []error{agreement.ErrUnknownField}},
		{name: "space: misspelt field and option kind", space: true,
			in: `{"schema":1,"isues":[],"issues":[{"id":"i","alternatives":[{"id":"a",` +
				`"options":[{"id":"o","kind":"freez","areas":[]}]}]}]}`,
			want: "agreement: 3 problems:\n" +
				"\tisues: unknown field \"isues\" (did you mean \"issues\"?)\n" +
				"\tissues[0].alternatives[0].options[0].kind: unknown option kind \"freez\" (did you mean \"freeze\"?); " +
				"allowed: \"cede\", \"recognise-control\", \"freeze\", \"withdraw\", \"demilitarised-zone\", " +
				"\"international-administration\", \"special-status\", \"referendum\", \"arbitration\"\n" +
				// in the same pass, what validating the option finds
				"\tissues[0].alternatives[0].options[0].areas: an option applies to at least one area",
			is: []error{agreement.ErrUnknownField, agreement.ErrInvalidValue, agreement.ErrMissing}},
		{name: "space: $schema nested in a clause", space: true,
			in: `{"schema":1,"issues":[{"id":"i","alternatives":[{"id":"a","clauses":[{"$schema":"x","id":"C1",` +
				`"kind":"permission","debtors":["UA"],"action":{"kind":"k"}}]}]}]}`,
			want: "agreement: 1 problem: issues[0].alternatives[0].clauses[0].$schema: unknown field \"$schema\"",
			is:   []error{agreement.ErrUnknownField}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.space {
				_, err = negotiation.DecodeSpace([]byte(tt.in))
			} else {
				_, err = negotiation.DecodePositions([]byte(tt.in))
			}
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
func TestDecodeSchemaMember(t *testing.T) {
	const url = `{"$schema":"https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/`
	tests := []struct {
		file, schema string
		roundTrip    func([]byte) ([]byte, error) // decodes and encodes again
	}{
		{"positions.json", "negotiation-positions", func(b []byte) ([]byte, error) {
			ps, err := negotiation.DecodePositions(b)
			if err != nil {
				return nil, err
			}
			return negotiation.EncodePositions(ps)
		}},
		{"space.json", "negotiation-space", func(b []byte) ([]byte, error) {
			s, err := negotiation.DecodeSpace(b)
			if err != nil {
				return nil, err
			}
			return negotiation.EncodeSpace(s)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			want, err := tt.roundTrip(data)
			if err != nil {
				t.Fatal(err)
			}
			body := bytes.TrimLeft(bytes.TrimSpace(data), "{")
			got, err := tt.roundTrip(append([]byte(url+tt.schema+`.schema.json",`), body...))
			if err != nil {
				t.Fatalf("with $schema: %v", err)
			}
			// Encodings are canonical: equal bytes, equal values.
			if !bytes.Equal(want, got) || bytes.Contains(got, []byte("$schema")) {
				t.Errorf("with $schema, encoded\n%s\nwant\n%s", got, want)
			}
		})
	}
}
