package schemacheck_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
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
var corruptions = map[string]func(t *rapid.T, doc map[string]any) (string, bool){
	"unknown field": func(t *rapid.T, doc map[string]any) (string, bool) {
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
	"wrong type": func(t *rapid.T, doc map[string]any) (string, bool) {
		ms := members(doc, func(_ string, v any) bool { _, ok := v.(string); return ok })
		if len(ms) == 0 {
			return "", false
		}
		m := rapid.SampledFrom(ms).Draw(t, "member")
		m.obj[m.key] = json.Number("7")
		return "number for the string at " + m.path + "." + m.key, true
	},
	"missing required field": func(t *rapid.T, doc map[string]any) (string, bool) {
		// Every object with an "id" in an agreement needs it, and the
		// document needs "schema".
		ms := members(doc, func(k string, _ any) bool { return k == "id" })
		if len(ms) == 0 || rapid.Bool().Draw(t, "schema") {
			delete(doc, "schema")
			return "schema removed", true
		}
		m := rapid.SampledFrom(ms).Draw(t, "member")
		delete(m.obj, m.key)
		return "id removed at " + m.path, true
	},
	"unknown enumeration value": func(t *rapid.T, doc map[string]any) (string, bool) {
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

// TestPropertyHandMadeCorruptionsRejected checks that the hand-made
// corruptions of a generated agreement's JSON are rejected by both the
// schema and agreement.DecodeAgreement.
func TestPropertyHandMadeCorruptionsRejected(t *testing.T) {
	names := make([]string, 0, len(corruptions))
	for n := range corruptions {
		names = append(names, n)
	}
	sort.Strings(names)
	done := map[string]int{}
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		data, err := a.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		name := rapid.SampledFrom(names).Draw(t, "corruption")
		desc, ok := corruptions[name](t, doc)
		if !ok {
			return
		}
		bad, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := agreement.DecodeAgreement(bad); err == nil {
			t.Fatalf("%s: DecodeAgreement accepts it\n%s", desc, bad)
		}
		if err := validate(t, "agreement", bad); err == nil {
			t.Fatalf("%s: the schema accepts it\n%s", desc, bad)
		}
		done[name]++
	})
	for _, n := range names {
		if done[n] == 0 {
			t.Errorf("no corruption %q was checked", n)
		}
	}
}
