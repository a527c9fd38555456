package schema_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"testing"

	"github.com/peacekit/peacekit/agreement/schema"
)

// load returns the schema of the name, decoded.
func load(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := schema.JSON(name)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// keys returns the member names, in the order written, of the object at
// path (member names, one per level) in the JSON object data.
func keys(t *testing.T, data []byte, path ...string) []string {
	t.Helper()
	var v orderedObject
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	for _, p := range path {
		raw, ok := v.members[p]
		if !ok {
			t.Fatalf("no member %q", p)
		}
		v = orderedObject{}
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatalf("member %q: %v", p, err)
		}
	}
	return v.names
}

// orderedObject is a JSON object decoded with the order of its members.
type orderedObject struct {
	names   []string
	members map[string]json.RawMessage
}

// UnmarshalJSON decodes the object data, keeping the order of its members.
func (o *orderedObject) UnmarshalJSON(data []byte) error {
	if err := json.Unmarshal(data, &o.members); err != nil {
		return err
	}
	var order []string
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		order = append(order, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return err
		}
	}
	o.names = order
	return nil
}

// TestAgreementMembersListed checks that the agreement document and the
// agreement nested in a process or an amendment (agreementBody) each name
// every member of agreementMembers, in its order, in their own
// "properties", each referring to the member's schema with its
// description, and admit no other member: so that a member failing its
// schema leaves the others known to the validator.
func TestAgreementMembersListed(t *testing.T) {
	data, err := schema.JSON("agreement")
	if err != nil {
		t.Fatal(err)
	}
	s := load(t, "agreement")
	members := keys(t, data, "$defs", "agreementMembers", "properties")
	if len(members) == 0 {
		t.Fatal("agreementMembers has no properties")
	}
	for _, c := range []struct {
		name  string
		path  []string
		extra []string // members of its own, before the shared ones
	}{
		{"document", nil, []string{"$schema", "schema"}},
		{"agreementBody", []string{"$defs", "agreementBody"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			obj := s
			for _, p := range c.path {
				obj, _ = obj[p].(map[string]any)
			}
			if obj == nil {
				t.Fatalf("no object at %q", c.path)
			}
			want := append(slices.Clone(c.extra), members...)
			if got := keys(t, data, append(slices.Clone(c.path), "properties")...); !slices.Equal(got, want) {
				t.Errorf("properties %q, want %q", got, want)
			}
			if obj["additionalProperties"] != false {
				t.Errorf("additionalProperties is %v, want false", obj["additionalProperties"])
			}
			if obj["type"] != "object" {
				t.Errorf("type is %v, want object", obj["type"])
			}
			for _, key := range []string{"$ref", "allOf", "anyOf", "oneOf", "unevaluatedProperties"} {
				if _, ok := obj[key]; ok {
					t.Errorf("has %q", key)
				}
			}
			props, _ := obj["properties"].(map[string]any)
			for _, m := range members {
				p, _ := props[m].(map[string]any)
				wantDesc := at(t, s, "$defs/agreementMembers/properties/"+m+"/description")
				wantRef := "#/$defs/agreementMembers/properties/" + m
				if len(p) != 2 || p["$ref"] != wantRef || p["description"] != wantDesc {
					t.Errorf("property %q is %v, want only the $ref %q and the description %q", m, p, wantRef, wantDesc)
				}
			}
		})
	}
}

// unevaluated reports, in found, the path of every object of the schema v
// with "unevaluatedProperties" or "unevaluatedItems".
func unevaluated(path string, v any, found *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for _, key := range []string{"unevaluatedProperties", "unevaluatedItems"} {
			if _, ok := x[key]; ok {
				*found = append(*found, path+"/"+key)
			}
		}
		for k, e := range x {
			unevaluated(path+"/"+k, e, found)
		}
	case []any:
		for i, e := range x {
			unevaluated(path+"/"+strconv.Itoa(i), e, found)
		}
	}
}

// TestNoUnevaluated checks that no schema closes an object or a list with
// "unevaluatedProperties" or "unevaluatedItems": what they admit depends on
// whether the other subschemas succeed, so a single error makes a
// validator report every other member as unknown. Objects are closed with
// "additionalProperties", beside the "properties" that name every member.
func TestNoUnevaluated(t *testing.T) {
	for _, n := range schema.Names() {
		t.Run(n, func(t *testing.T) {
			var found []string
			unevaluated("", load(t, n), &found)
			slices.Sort(found)
			for _, f := range found {
				t.Errorf("%s at %s", n, f)
			}
		})
	}
}
