package schemacheck_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// node is a place in a JSON tree: a value and the path to it.
type node struct {
	path string
	v    any
}

// walk lists every value of the JSON tree v, parents before children,
// members in sorted order so that a draw replays.
func walk(path string, v any, out *[]node) {
	*out = append(*out, node{path, v})
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walk(path+"."+k, x[k], out)
		}
	case []any:
		for i, e := range x {
			walk(path+"["+strconv.Itoa(i)+"]", e, out)
		}
	}
}

// members returns the members of the objects of the tree v that keep
// accepts.
func members(v any, keep func(key string, val any) bool) []member {
	var nodes []node
	walk("", v, &nodes)
	var out []member
	for _, n := range nodes {
		obj, ok := n.v.(map[string]any)
		if !ok {
			continue
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if keep(k, obj[k]) {
				out = append(out, member{n.path, obj, k})
			}
		}
	}
	return out
}

// member is one member of an object of a JSON tree.
type member struct {
	path string
	obj  map[string]any
	key  string
}

// enumMembers are the members that hold nothing but a value of an
// enumeration, wherever they stand in an agreement.
var enumMembers = []string{"signingStatus", "stage", "subStage", "force", "effect", "lapse", "round", "attribution",
	"duringSuspension"}

// corruptions are the hand-made corruptions of an agreement's JSON tree:
// each changes the tree in place and says what it did, or reports false
// when the tree has no place for it.
var corruptions = map[string]func(t *rapid.T, doc map[string]any, kind string) (string, bool){
	"unknown field": func(t *rapid.T, doc map[string]any, kind string) (string, bool) {
		var nodes []node
		walk("", doc, &nodes)
		var objs []node
		for _, n := range nodes {
			if _, ok := n.v.(map[string]any); ok {
				objs = append(objs, n)
			}
		}
		n := rapid.SampledFrom(objs).Draw(t, "object")
		n.v.(map[string]any)["zzUnknown"] = true
		return "unknown field at " + n.path, true
	},
	"wrong type": func(t *rapid.T, doc map[string]any, kind string) (string, bool) {
		ms := members(doc, func(_ string, v any) bool { _, ok := v.(string); return ok })
		if len(ms) == 0 {
			return "", false
		}
		m := rapid.SampledFrom(ms).Draw(t, "member")
		m.obj[m.key] = json.Number("7")
		return "number for the string at " + m.path + "." + m.key, true
	},
	"missing required field": func(t *rapid.T, doc map[string]any, kind string) (string, bool) {
		// Every object with an "id" in an agreement needs it (an event
		// need not have one), every document needs "schema", and a
		// timeline "start".
		if kind == "timeline" {
			key := rapid.SampledFrom([]string{"schema", "start"}).Draw(t, "key")
			delete(doc, key)
			return key + " removed", true
		}
		ms := members(doc, func(k string, _ any) bool { return k == "id" })
		if len(ms) == 0 || rapid.Bool().Draw(t, "schema") {
			delete(doc, "schema")
			return "schema removed", true
		}
		m := rapid.SampledFrom(ms).Draw(t, "member")
		delete(m.obj, m.key)
		return "id removed at " + m.path, true
	},
	"unknown enumeration value": func(t *rapid.T, doc map[string]any, kind string) (string, bool) {
		ms := members(doc, func(k string, v any) bool {
			s, ok := v.(string)
			return ok && s != "" && slices.Contains(enumMembers, k)
		})
		if len(ms) == 0 {
			return "", false
		}
		m := rapid.SampledFrom(ms).Draw(t, "member")
		m.obj[m.key] = m.obj[m.key].(string) + "x"
		return "unknown value at " + m.path + "." + m.key, true
	},
}

// handMadeDocs are the generated documents the hand-made corruptions
// apply to: each draws one and returns its JSON, and the check that must
// reject its corruptions: the decoder, and for a timeline, whose decoder
// leaves the amendments' texts to the agreements replayed, its validation
// against the process it was drawn for.
var handMadeDocs = map[string]func(t *rapid.T) ([]byte, func([]byte) error){
	"agreement": func(t *rapid.T) ([]byte, func([]byte) error) {
		data, err := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement").MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		return data, decoders["agreement"]
	},
	"process": func(t *rapid.T) ([]byte, func([]byte) error) {
		data, err := agreementtest.Process(agreementtest.Config{}).Draw(t, "process").MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		return data, decoders["process"]
	},
	"timeline": func(t *rapid.T) ([]byte, func([]byte) error) {
		p := agreementtest.Process(agreementtest.Config{}).Draw(t, "process")
		data, err := scenariotest.AmendedTimeline(p, scenariotest.TimelineConfig{}).Draw(t, "timeline").MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		return data, func(b []byte) error {
			tl, err := scenario.DecodeTimeline(b)
			if err != nil {
				return err
			}
			e, err := scenario.CompileProcess(p)
			if err != nil {
				t.Fatalf("CompileProcess: %v", err)
			}
			return tl.Validate(e)
		}
	},
}

// TestPropertyHandMadeCorruptionsRejected checks that each hand-made
// corruption of a generated agreement's, process's or timeline's JSON is
// rejected by both the schema and the decoder. Every corruption is applied,
// each to its own copy of the document drawn, so that each is checked on
// agreements whatever the draws.
func TestPropertyHandMadeCorruptionsRejected(t *testing.T) {
	names := make([]string, 0, len(corruptions))
	for n := range corruptions {
		names = append(names, n)
	}
	sort.Strings(names)
	done := map[string]int{}
	rapid.Check(t, func(t *rapid.T) {
		kind := rapid.SampledFrom([]string{"agreement", "process", "timeline"}).Draw(t, "document")
		data, check := handMadeDocs[kind](t)
		for _, name := range names {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			var doc map[string]any
			if err := dec.Decode(&doc); err != nil {
				t.Fatal(err)
			}
			desc, ok := corruptions[name](t, doc, kind)
			if !ok {
				continue
			}
			bad, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			if err := check(bad); err == nil {
				t.Fatalf("%s of a %s: the decoder accepts it\n%s", desc, kind, bad)
			}
			if err := validate(t, kind, bad); err == nil {
				t.Fatalf("%s of a %s: the schema accepts it\n%s", desc, kind, bad)
			}
			done[name+" of a "+kind]++
		}
	})
	for _, n := range names {
		if done[n+" of a agreement"] == 0 {
			t.Errorf("no corruption %q of an agreement was checked", n)
		}
	}
}
