package schemacheck_test

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// spaces returns negotiation spaces made of the pieces of the agreement
// object a: one space with its clauses and options as the one alternative
// of one issue when the negotiation space decoder accepts it, else one
// space per clause and one per option; each with the agreement's groups
// and territory. It returns those the decoder accepts.
func spaces(t rapid.TB, a map[string]json.RawMessage) [][]byte {
	t.Helper()
	var clauses, options []json.RawMessage
	for k, l := range map[string]*[]json.RawMessage{"clauses": &clauses, "options": &options} {
		if a[k] == nil {
			continue
		}
		if err := json.Unmarshal(a[k], l); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
	}
	space := func(clauses, options []json.RawMessage) []byte {
		alt := map[string]any{"id": "alt"}
		if len(clauses) > 0 {
			alt["clauses"] = clauses
		}
		if len(options) > 0 {
			alt["options"] = options
		}
		doc := map[string]any{"schema": 1, "issues": []any{map[string]any{"id": "issue", "alternatives": []any{alt}}}}
		for _, k := range []string{"groups", "territory"} {
			if v, ok := a[k]; ok {
				doc[k] = v
			}
		}
		return encode(t, doc)
	}
	decode := decoders["negotiation-space"]
	if whole := space(clauses, options); decode(whole) == nil {
		return [][]byte{whole}
	}
	var candidates [][]byte
	for _, c := range clauses {
		candidates = append(candidates, space([]json.RawMessage{c}, nil))
	}
	for _, o := range options {
		candidates = append(candidates, space(nil, []json.RawMessage{o}))
	}
	var accepted [][]byte
	for _, c := range candidates {
		if decode(c) == nil {
			accepted = append(accepted, c)
		}
	}
	return accepted
}

// TestAgreementPiecesAsSpace checks that the negotiation space schema
// accepts every space made of the pieces of the repository's valid
// agreement and process documents that the decoder accepts.
func TestAgreementPiecesAsSpace(t *testing.T) {
	checked := 0
	for _, rel := range documents(t) {
		if _, bad := invalid[rel]; bad {
			continue
		}
		data := read(t, rel)
		var agreements []map[string]json.RawMessage
		switch classify(data) {
		case "agreement":
			var a map[string]json.RawMessage
			if err := json.Unmarshal(data, &a); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			agreements = append(agreements, a)
		case "process":
			var p struct{ Agreements []map[string]json.RawMessage }
			if err := json.Unmarshal(data, &p); err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			agreements = p.Agreements
		}
		for i, a := range agreements {
			for _, s := range spaces(t, a) {
				checked++
				if err := validate(t, "negotiation-space", s); err != nil {
					t.Errorf("%s, agreement %d: the decoder accepts it, the schema rejects it: %v\n%s", rel, i, err, s)
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no space made of the pieces of an agreement was checked")
	}
}

// TestPropertyGeneratedAgreementPiecesAsSpace checks that the negotiation
// space schema accepts every space made of the pieces of an agreement
// agreementtest draws that the decoder accepts.
func TestPropertyGeneratedAgreementPiecesAsSpace(t *testing.T) {
	checked := 0
	rapid.Check(t, func(t *rapid.T) {
		data, err := agreementtest.Agreement(agreementtest.DefaultConfig()).Draw(t, "agreement").MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		var a map[string]json.RawMessage
		if err := json.Unmarshal(data, &a); err != nil {
			t.Fatal(err)
		}
		for _, s := range spaces(t, a) {
			checked++
			if err := validate(t, "negotiation-space", s); err != nil {
				t.Fatalf("the decoder accepts it, the schema rejects it: %v\n%s", err, s)
			}
		}
	})
	if checked == 0 {
		t.Error("no space made of the pieces of a generated agreement was checked")
	}
}
