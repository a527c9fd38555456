package coalition_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// roundTrip encodes c, decodes the result and checks that it is equal to
// c, and that encoding it again gives the same bytes.
func roundTrip(t rapid.TB, c coalition.Coalition) []byte {
	t.Helper()
	keep := coalitiontest.DeepCopy(c)
	data, err := c.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	if diff := cmp.Diff(keep, c, coalitiontest.Options()); diff != "" {
		t.Fatalf("MarshalJSON modified the coalition (-before +after):\n%s", diff)
	}
	got, err := coalition.DecodeCoalition(data)
	if err != nil {
		t.Fatalf("DecodeCoalition of\n%s\n: %v", data, err)
	}
	if diff := cmp.Diff(c, got, coalitiontest.Options()); diff != "" {
		t.Fatalf("decoded coalition differs (-encoded +decoded):\n%s\nJSON: %s", diff, data)
	}
	again, err := got.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON of the decoded coalition: %v", err)
	}
	if !bytes.Equal(data, again) {
		t.Fatalf("encodings differ:\n%s\n%s", data, again)
	}
	return data
}

func TestJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		roundTrip(t, coalitiontest.Coalition(coalitiontest.Config{}).Draw(t, "coalition"))
	})
}

func TestJSONRoundTripDeep(t *testing.T) {
	cfg := coalitiontest.Config{Depth: 5, Contributions: 20, Meetings: 4, Declarations: 4, Cells: 4}
	rapid.Check(t, func(t *rapid.T) {
		roundTrip(t, coalitiontest.Coalition(cfg).Draw(t, "coalition"))
	})
}

func TestJSONParis2026(t *testing.T) {
	for _, v := range []casebook.Version{casebook.VersionFinal, casebook.VersionDraft} {
		t.Run(v.String(), func(t *testing.T) {
			c := casebook.Paris2026Coalition(v)
			data := roundTrip(t, c)
			if !bytes.HasPrefix(data, []byte(`{"schema":1,"id":"`)) {
				t.Errorf("encoding starts %.40s, want the schema first", data)
			}
		})
	}
}
