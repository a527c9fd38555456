package montecarlo_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// sameModel compares models by value, decimals by their numeric value.
func sameModel(a, b montecarlo.Model) string {
	return cmp.Diff(a, b, cmp.Comparer(func(x, y decimal.Decimal) bool { return x.Equal(y) }))
}

// fixtures returns the model documents of testdata.
func fixtures(tb testing.TB) map[string][]byte {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no fixtures: %v", err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	return out
}

func TestDecodeModelFixturesRoundTrip(t *testing.T) {
	for name, data := range fixtures(t) {
		m, err := montecarlo.DecodeModel(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(m.Processes) != 4 {
			t.Errorf("%s: %d processes, want 4", name, len(m.Processes))
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, err := montecarlo.DecodeModel(out)
		if err != nil {
			t.Fatalf("%s: re-decoding %s: %v", name, out, err)
		}
		if d := sameModel(m, again); d != "" {
			t.Errorf("%s: round trip differs (-first +second):\n%s", name, d)
		}
	}
}

func TestDecodeModelProblems(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want []string // "path: sentinel" of every problem
	}{
		{`{"processes":[]}`, []string{"version: missing"}},
		{`{"version":2,"processes":[]}`, []string{"version: version"}},
		{`{"version":1,"colour":"red"}`, []string{"colour: unknown field"}},
		{`{"version":1,"version":1}`, []string{"version: malformed"}},
		{`{"version":1,"processes":[{"poisson":{"perDay":-1,"event":{"kind":"x"},"extra":1}}]}`,
			[]string{"processes[0].poisson.extra: unknown field"}},
		{`{"version":1,"processes":[{"poisson":{"perDay":"fast"}}]}`,
			[]string{"processes[0].poisson.perDay: malformed", "processes[0].poisson.event: missing"}},
		{`{"version":1,"processes":[{"poisson":{"perDay":-1,"event":{"kind":"x"}}}]}`,
			[]string{"processes[0].poisson.perDay: negative"}},
		{`{"version":1,"processes":[{"scheduled":{"outcomes":[{"probability":0.7,"event":{"kind":"a"}},` +
			`{"probability":0.7,"event":{"kind":"b"}}],"delay":{"weibull":{"shape":0,"scale":"-1h"}}}}]}`,
			[]string{"processes[0].scheduled.delay.weibull.shape: invalid value", "processes[0].scheduled.delay.weibull.scale: invalid value",
				"processes[0].scheduled.outcomes: invalid value"}},
		{`{"version":1,"processes":[{"scheduled":{"outcomes":[{"probability":1,"event":{"kind":"a","actor":"$trigger.actor"}}]}}]}`,
			[]string{"processes[0].scheduled.outcomes[0].event: inconsistent"}},
		{`{"version":1,"processes":[{"scheduled":{"outcomes":[],"delay":{"uniform":{"min":"2d","max":"1d"},"constant":{"perDay":1}}}}]}`,
			[]string{"processes[0].scheduled.delay: invalid value"}},
		{`{"version":1,"processes":[{"poisson":{"perDay":1,"event":{"kind":"a"},"modifiers":[{"clause":"bad ref!","states":["sleepy"],"factor":1}]}}]}`,
			[]string{"processes[0].poisson.modifiers[0].clause: invalid identifier", "processes[0].poisson.modifiers[0].states[0]: invalid value"}},
		{`{"version":1,"processes":[{"scheduled":{"outcomes":[{"probability":1,"event":{"kind":"a"}}],` +
			`"delay":{"piecewise":{"cuts":["30d","10d"],"perDay":[1]}}}}]}`,
			[]string{"processes[0].scheduled.delay.piecewise.perDay: inconsistent", "processes[0].scheduled.delay.piecewise.cuts[1]: invalid value"}},
		{`{"version":1,"processes":[{"scheduled":{"outcomes":[{"probability":1,"event":{"kind":"a",` +
			`"quantities":[{"value":"x","unit":"km"},{"unit":"km","colour":1}]}}]}}]}`,
			[]string{"processes[0].scheduled.outcomes[0].event.quantities[0].value: invalid value",
				"processes[0].scheduled.outcomes[0].event.quantities[1].value: missing",
				"processes[0].scheduled.outcomes[0].event.quantities[1].colour: unknown field"}},
		{`[`, []string{": malformed"}},
		{`{"version":1} {}`, []string{": malformed"}},
	} {
		m, err := montecarlo.DecodeModel([]byte(c.doc))
		var ve *agreement.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: error %v, want a ValidationError", c.doc, err)
			continue
		}
		if !reflect.DeepEqual(m, montecarlo.Model{}) {
			t.Errorf("%s: model %#v with an error", c.doc, m)
		}
		for _, w := range c.want {
			path, kind, _ := strings.Cut(w, ": ")
			found := false
			for _, p := range ve.Problems {
				if p.Path == path && strings.Contains(p.Err.Error(), kind) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no problem %q in %v", c.doc, w, err)
			}
		}
	}
}

// FuzzDecodeModel checks that DecodeModel never panics, leaves its input
// as it was, returns either a valid model or a ValidationError, and that a
// decoded model encodes to a document that decodes to the same model.
func FuzzDecodeModel(f *testing.F) {
	for _, data := range fixtures(f) {
		f.Add(data)
	}
	for _, s := range []string{`{"version":1,"processes":[]}`, `{"version":2}`, `{"version":1,"processes":[{"poisson":{}}]}`,
		`{"version":1,"processes":[{"scheduled":{"outcomes":[{"probability":1,"event":{"kind":"a"}}],"delay":{"empirical":{"at":["0s"],"survival":[0.5]}}}}]}`,
		`[[[[[[[[`, ``, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		m, err := montecarlo.DecodeModel(data)
		if !bytes.Equal(orig, data) {
			t.Fatal("input modified")
		}
		if err != nil {
			var ve *agreement.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error %v is not a ValidationError with problems", err)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("decoded model not valid: %v", err)
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("encoding: %v", err)
		}
		again, err := montecarlo.DecodeModel(out)
		if err != nil {
			t.Fatalf("re-decoding %s: %v", out, err)
		}
		if d := sameModel(m, again); d != "" {
			t.Fatalf("round trip differs (-first +second):\n%s", d)
		}
	})
}

func TestModelUnmarshalJSON(t *testing.T) {
	var doc struct {
		Model montecarlo.Model `json:"model"`
	}
	data := fixtures(t)["ceasefire.json"]
	if err := json.Unmarshal([]byte(`{"model":`+string(data)+`}`), &doc); err != nil {
		t.Fatal(err)
	}
	want, _ := montecarlo.DecodeModel(data)
	if d := sameModel(want, doc.Model); d != "" {
		t.Fatalf("Unmarshal differs from DecodeModel:\n%s", d)
	}
	if err := json.Unmarshal([]byte(`{"model":null}`), &doc); err != nil || len(doc.Model.Processes) != 4 {
		t.Fatalf("null: %v, %d processes left", err, len(doc.Model.Processes))
	}
	err := json.Unmarshal([]byte(`{"model":{"version":1,"processes":[{}]}}`), &doc)
	if !errors.Is(err, agreement.ErrInvalidValue) || len(doc.Model.Processes) != 4 {
		t.Fatalf("bad model: %v, %d processes left", err, len(doc.Model.Processes))
	}
	both := montecarlo.Compose(want, doc.Model)
	if len(both.Processes) != 8 || both.Processes[0] != want.Processes[0] || both.Processes[4] != doc.Model.Processes[0] {
		t.Fatalf("Compose gives %d processes", len(both.Processes))
	}
	if _, err := json.Marshal(montecarlo.Model{Processes: []montecarlo.Process{&montecarlo.Poisson{PerDay: math.NaN()}}}); err == nil {
		t.Fatal("an invalid model encodes")
	}
}
