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

func TestDecodePositionsFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "positions.json"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := negotiation.DecodePositions(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || len(ps[0].RedLines) != 2 || len(ps[1].RedLines) != 4 || !ps[0].Issues[1].Weight.Equal(d("1.5")) {
		t.Fatalf("decoded %+v", ps)
	}
	if _, err := negotiation.Compile(exampleSpaceWithNone(t), ps); err != nil {
		t.Fatalf("the fixture's positions do not compile: %v", err)
	}
	enc, err := negotiation.EncodePositions(ps)
	if err != nil {
		t.Fatal(err)
	}
	again, err := negotiation.DecodePositions(enc)
	if err != nil {
		t.Fatal(err)
	}
	enc2, _ := negotiation.EncodePositions(again)
	if !bytes.Equal(enc, enc2) {
		t.Fatalf("round trip changed the encoding:\n%s\n%s", enc, enc2)
	}
}

// exampleSpaceWithNone is the example space; its force issue has the
// alternative "none" the fixture requires.
func exampleSpaceWithNone(t *testing.T) *negotiation.Space {
	t.Helper()
	return exampleSpace()
}

func TestDecodePositionsListsEveryProblem(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "bad.json"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = negotiation.DecodePositions(data)
	got := problems(t, err)
	want := []string{
		"extra: " + agreement.ErrUnknownField.Error(),
		"positions[0].party: " + agreement.ErrSyntax.Error(),
		"positions[0].reservation: " + agreement.ErrInvalidValue.Error(),
		"positions[0].issues[0].weight: " + agreement.ErrInvalidValue.Error(),
		"positions[0].issues[0].weight: " + agreement.ErrSyntax.Error(), // repeated
		"positions[0].redLines[0].territory.min: " + agreement.ErrMissing.Error(),
		"positions[0].redLines[0].id: " + agreement.ErrMissing.Error(),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, doc := range []string{``, `[]`, `{"positions":[]}`, `{"schema":2}`, `{"schema":1}{}`, `null`} {
		if _, err := negotiation.DecodePositions([]byte(doc)); err == nil {
			t.Errorf("%q decoded", doc)
		} else if ve := (*agreement.ValidationError)(nil); !errors.As(err, &ve) {
			t.Errorf("%q: %v is not a ValidationError", doc, err)
		}
	}
}

func FuzzDecodePositions(f *testing.F) {
	for _, name := range []string{"positions.json", "bad.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"schema":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := bytes.Clone(data)
		ps, err := negotiation.DecodePositions(data)
		if !bytes.Equal(in, data) {
			t.Fatal("DecodePositions modified its input")
		}
		if err != nil {
			var ve *agreement.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 || ps != nil {
				t.Fatalf("error %v: want a ValidationError with problems and no positions", err)
			}
			return
		}
		enc, err := negotiation.EncodePositions(ps)
		if err != nil {
			t.Fatalf("decoded positions do not encode: %v", err)
		}
		again, err := negotiation.DecodePositions(enc)
		if err != nil {
			t.Fatalf("encoding %s does not decode: %v", enc, err)
		}
		if len(again) != len(ps) {
			t.Fatalf("round trip: %d positions, want %d", len(again), len(ps))
		}
		enc2, err := negotiation.EncodePositions(again)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("round trip changed the encoding:\n%s\n%s", enc, enc2)
		}
	})
}
