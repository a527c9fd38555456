package coalition_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// TestJSONGenerated checks that every coalition the generator makes
// encodes through encoding/json and decodes back through UnmarshalJSON,
// inside another value, to an equal coalition.
func TestJSONGenerated(t *testing.T) {
	type doc struct {
		Coalition coalition.Coalition `json:"coalition"`
	}
	rapid.Check(t, func(t *rapid.T) {
		c := coalitiontest.Coalition(coalitiontest.Config{}).Draw(t, "coalition")
		data, err := json.Marshal(doc{c})
		if err != nil {
			t.Fatalf("json.Marshal: %v", err)
		}
		var got doc
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatalf("json.Unmarshal: %v\n%s", err, data)
		}
		if diff := cmp.Diff(c, got.Coalition, coalitiontest.Options()); diff != "" {
			t.Fatalf("(-want +got):\n%s", diff)
		}
	})
}

func TestUnmarshalJSONNullAndFailure(t *testing.T) {
	c := casebook.Paris2026Coalition(casebook.VersionFinal)
	keep := coalitiontest.DeepCopy(c)
	if err := c.UnmarshalJSON([]byte(" null ")); err != nil {
		t.Errorf("null: %v", err)
	}
	if err := c.UnmarshalJSON([]byte(`{"schema": 1, "idd": "x"}`)); !errors.Is(err, agreement.ErrUnknownField) {
		t.Errorf("bad document: error %v, want one wrapping ErrUnknownField", err)
	}
	if diff := cmp.Diff(keep, c, coalitiontest.Options()); diff != "" {
		t.Errorf("UnmarshalJSON changed the coalition (-before +after):\n%s", diff)
	}
	var nilC *coalition.Coalition
	if err := nilC.UnmarshalJSON([]byte(`{"schema": 1}`)); !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("nil receiver: error %v, want one wrapping ErrInvalidValue", err)
	}
}

// TestDecodeCoalitionSharesNothing checks that decoding leaves its input
// as it was and that the result does not change when the input does.
func TestDecodeCoalitionSharesNothing(t *testing.T) {
	data, err := casebook.Paris2026Coalition(casebook.VersionDraft).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	keep := bytes.Clone(data)
	c, err := coalition.DecodeCoalition(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, keep) {
		t.Fatal("DecodeCoalition modified its input")
	}
	want := coalitiontest.DeepCopy(c)
	for i := range data {
		data[i] = 'x'
	}
	if diff := cmp.Diff(want, c, coalitiontest.Options()); diff != "" {
		t.Errorf("overwriting the input changed the decoded coalition:\n%s", diff)
	}
}

func TestDecodeCoalitionAccepts(t *testing.T) {
	for _, tc := range []struct{ name, doc string }{
		{"$schema", `{"$schema": "https://example.org/coalition.schema.json", "schema": 1, "id": "c", "parties": [{"id": "FR"}], "members": [{"party": "FR"}]}`},
		{"byte-order mark", "\uFEFF" + `{"schema": 1, "id": "c", "parties": [{"id": "FR"}], "members": [{"party": "FR", "standing": "partner"}]}`},
		{"empty optional enums", `{"schema": 1, "id": "c", "parties": [{"id": "FR", "kind": ""}], "members": [{"party": "FR"}], "meetings": [{"unnamed": [{"level": "", "count": 3}]}]}`},
		{"null condition and action", `{"schema": 1, "id": "c", "parties": [{"id": "FR"}], "members": [{"party": "FR"}], "functions": [{"id": "training"}], "contributions": [{"id": "t", "contributor": "FR", "function": "training", "condition": null, "action": null}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := coalition.DecodeCoalition([]byte(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if c.ID != "c" || len(c.Members) != 1 {
				t.Errorf("decoded %+v", c)
			}
		})
	}
}

func TestDecodeCoalitionDeep(t *testing.T) {
	// depth is the nesting of the condition: depth-1 nots around a holds.
	for _, depth := range []int{agreement.MaxDepth, agreement.MaxDepth + 1, 5000} {
		t.Run(fmt.Sprint(depth), func(t *testing.T) {
			cond := strings.Repeat(`{"not": `, depth-1) + `{"holds": "f"}` + strings.Repeat(`}`, depth-1)
			doc := `{"schema": 1, "id": "c", "parties": [{"id": "FR"}], "members": [{"party": "FR"}], "fluents": [{"id": "f"}],` +
				` "functions": [{"id": "training"}], "contributions": [{"id": "t", "contributor": "FR", "function": "training",` +
				` "condition": ` + cond + `}]}`
			_, err := coalition.DecodeCoalition([]byte(doc))
			if depth > agreement.MaxDepth && !errors.Is(err, agreement.ErrInvalidValue) {
				t.Errorf("depth %d: error %v, want one wrapping ErrInvalidValue", depth, err)
			}
			if depth <= agreement.MaxDepth && err != nil {
				t.Errorf("depth %d: %v", depth, err)
			}
		})
	}
}

func TestMarshalJSONCannot(t *testing.T) {
	c := casebook.Paris2026Coalition(casebook.VersionFinal)
	c = c.Clone()
	c.Members[1].Standing = 7
	c.Meetings[0].Title = "bad \xff"
	c.Contributions[0].Condition = agreement.All(agreement.Holds("f\xff"))
	c.Contributions[1].Quantities = []agreement.Range{{Unit: "troops\xff"}}
	_, err := c.MarshalJSON()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v, want *agreement.ValidationError", err)
	}
	var got []string
	for _, p := range ve.Problems {
		if !errors.Is(p, agreement.ErrInvalidValue) {
			t.Errorf("problem %v does not wrap ErrInvalidValue", p)
		}
		got = append(got, p.Path)
	}
	want := []string{"contributions[0].condition.all[0].holds", "contributions[1].quantities[0].unit",
		"members[1].standing", "meetings[0].title"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problem paths (-want +got):\n%s", diff)
	}
}

func ExampleDecodeCoalition() {
	c, err := coalition.DecodeCoalition([]byte(`{
	  "schema": 1,
	  "id": "coalition-of-the-willing",
	  "host": "UA",
	  "parties": [{"id": "UA"}, {"id": "FR"}, {"id": "RU"}],
	  "members": [{"party": "FR"}],
	  "fluents": [{"id": "ceasefire-in-force"}],
	  "functions": [{"id": "multinational-force", "leads": ["FR"]}],
	  "contributions": [{
	    "id": "fr-troops", "contributor": "FR", "function": "multinational-force",
	    "quantities": [{"min": "2000", "max": "9000", "unit": "troops", "wording": "several thousand"}],
	    "condition": {"holds": "ceasefire-in-force"}
	  }]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.ID, c.Contributions[0].Quantities[0].Wording, c.Contributions[0].Quantities[0].Max)

	_, err = coalition.DecodeCoalition([]byte(`{"schema": 1, "id": "c", "hots": "UA",
	  "parties": [{"id": "FR", "kind": "stat"}], "members": [{"party": "FRA"}]}`))
	fmt.Println(err)
	// Output:
	// coalition-of-the-willing several thousand 9000
	// agreement: 3 problems:
	// 	hots: unknown field "hots" (did you mean "host"?)
	// 	parties[0].kind: unknown party kind "stat" (did you mean "state"?); allowed: "state", "government", "armed-group", "intergovernmental-organisation", "state-coalition", "person", "civil-society", "other"
	// 	members[0].party: unknown party "FRA" (did you mean "FR"?)
}

func TestJSONZeroCoalition(t *testing.T) {
	data, err := coalition.Coalition{}.MarshalJSON()
	if err != nil || string(data) != `{"schema":1}` {
		t.Fatalf("zero coalition encodes as %s, %v; want {\"schema\":1}", data, err)
	}
	_, err = coalition.DecodeCoalition(data)
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Path != "id" || !errors.Is(err, agreement.ErrMissing) {
		t.Errorf("decoding the zero coalition: %v, want only the missing id", err)
	}
}
