package negotiation_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/negotiation/negotiationtest"
)

// TestPropertySpaceJSONRoundTrip encodes drawn spaces, decodes them, and
// checks that the space and its analysis are unchanged.
func TestPropertySpaceJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{}).Draw(t, "case")
		s, _, a := analyse(t, c, negotiation.Options{})
		enc, err := negotiation.EncodeSpace(s)
		if err != nil {
			t.Fatal(err)
		}
		back, err := negotiation.DecodeSpace(enc)
		if err != nil {
			t.Fatalf("%s\ndoes not decode: %v", enc, err)
		}
		enc2, err := negotiation.EncodeSpace(back)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("round trip changed the encoding:\n%s\n%s", enc, enc2)
		}
		e, err := negotiation.Compile(back, c.Positions)
		if err != nil {
			t.Fatal(err)
		}
		b, err := e.Analyze(negotiation.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(summarise(s, a), summarise(back, b)); diff != "" {
			t.Fatalf("analysis changed (-want +got):\n%s", diff)
		}
	})
}

func TestDecodeSpaceFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "space.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := negotiation.DecodeSpace(data)
	if err != nil {
		t.Fatal(err)
	}
	pdata, err := os.ReadFile(filepath.Join("testdata", "positions.json"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := negotiation.DecodePositions(pdata)
	if err != nil {
		t.Fatal(err)
	}
	e, err := negotiation.Compile(s, ps)
	if err != nil {
		t.Fatal(err)
	}
	c, err := e.Count(negotiation.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Packages != 6 {
		t.Errorf("%d packages, want 6", c.Packages)
	}
}

func TestDecodeSpaceListsEveryProblem(t *testing.T) {
	doc := `{"schema":1,"x":1,"territory":{"areas":[{"id":"d","size":"-1","sovereignty":[{"party":"UA","percent":"100"}],"control":[{"party":"UA","percent":"100"}]}]},
	"issues":[{"id":"a","alternatives":[{"id":"x","options":[{"id":"o","kind":"nope","areas":["d"]}]},{"id":"y","clauses":[{"id":"c","kind":"obligation"}]}]},{"alternatives":[]}]}`
	_, err := negotiation.DecodeSpace([]byte(doc))
	got := problems(t, err)
	want := []string{
		"x: " + agreement.ErrUnknownField.Error(),
		"territory.areas[0].size: " + agreement.ErrNegative.Error(),
		"issues[0].alternatives[0].options[0].kind: " + agreement.ErrInvalidValue.Error(),
		"issues[0].alternatives[1].clauses[0].debtors: " + agreement.ErrMissing.Error(),
		"issues[0].alternatives[1].clauses[0]: " + agreement.ErrMissing.Error(),
		"issues[1].id: " + agreement.ErrMissing.Error(),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func FuzzDecodeSpace(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "space.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"schema":1,"issues":[{"id":"a","alternatives":[{"id":"x"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := bytes.Clone(data)
		s, err := negotiation.DecodeSpace(data)
		if !bytes.Equal(in, data) {
			t.Fatal("DecodeSpace modified its input")
		}
		if err != nil {
			var ve *agreement.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 || s != nil {
				t.Fatalf("error %v: want a ValidationError with problems and no space", err)
			}
			return
		}
		enc, err := negotiation.EncodeSpace(s)
		if err != nil {
			t.Fatalf("a decoded space does not encode: %v", err)
		}
		back, err := negotiation.DecodeSpace(enc)
		if err != nil {
			t.Fatalf("encoding %s does not decode: %v", enc, err)
		}
		if back.Size().Cmp(s.Size()) != 0 {
			t.Fatalf("round trip: %v packages, want %v", back.Size(), s.Size())
		}
		enc2, err := negotiation.EncodeSpace(back)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("round trip changed the encoding:\n%s\n%s", enc, enc2)
		}
	})
}
