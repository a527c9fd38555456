package coalition_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// FuzzDecodeCoalition checks that DecodeCoalition never panics nor
// modifies its input, and that whatever it accepts encodes, and decodes
// again to an equal coalition that encodes to the same bytes. Its seeds
// are the files of testdata/fuzz/FuzzDecodeCoalition, the Paris 2026
// coalition, coalitions the generator makes, and the bad documents of
// TestDecodeCoalitionBad's kind.
func FuzzDecodeCoalition(f *testing.F) {
	for _, v := range []casebook.Version{casebook.VersionFinal, casebook.VersionDraft} {
		data, err := casebook.Paris2026Coalition(v).MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	gen := coalitiontest.Coalition(coalitiontest.Config{})
	for i := range 8 {
		data, err := gen.Example(i).MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(validDoc))
	f.Add([]byte(strings.Replace(validDoc, `"host": "UA"`, `"hots": "UK"`, 1)))
	f.Add([]byte(strings.Replace(validDoc, `"kind": "in-host"`, `"kind": "inside"`, 1)))
	f.Add([]byte(`{"schema": 1, "contributions": [{"condition": {"atLeast": {"k": 1, "of": [null]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		keep := bytes.Clone(data)
		c, err := coalition.DecodeCoalition(data)
		if !bytes.Equal(data, keep) {
			t.Fatal("DecodeCoalition modified its input")
		}
		if err != nil {
			return
		}
		enc, err := c.MarshalJSON()
		if err != nil {
			t.Fatalf("accepted coalition does not encode: %v", err)
		}
		again, err := coalition.DecodeCoalition(enc)
		if err != nil {
			t.Fatalf("re-encoded coalition does not decode: %v\n%s", err, enc)
		}
		if diff := cmp.Diff(c, again, coalitiontest.Options()); diff != "" {
			t.Fatalf("round trip differs (-first +second):\n%s", diff)
		}
		enc2, err := again.MarshalJSON()
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encodings differ (%v):\n%s\n%s", err, enc, enc2)
		}
	})
}
