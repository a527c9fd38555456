package schemacheck_test

import (
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

// TestPropertyGeneratedCoalitionsConform checks that every coalition
// coalitiontest draws, with the default configuration and with a larger
// one, encodes to JSON that the coalition schema and
// coalition.DecodeCoalition accept.
func TestPropertyGeneratedCoalitionsConform(t *testing.T) {
	for _, cfg := range []coalitiontest.Config{{},
		{Depth: 5, Contributions: 20, Meetings: 4, Declarations: 4, Cells: 4}} {
		rapid.Check(t, func(t *rapid.T) {
			c := coalitiontest.Coalition(cfg).Draw(t, "coalition")
			data, err := c.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON: %v", err)
			}
			both(t, "coalition", data, true)
		})
	}
}

// TestParisCoalition checks that both texts of the Paris 2026 coalition of
// package casebook encode to JSON that the coalition schema and
// coalition.DecodeCoalition accept.
func TestParisCoalition(t *testing.T) {
	for _, v := range []casebook.Version{casebook.VersionFinal, casebook.VersionDraft} {
		data, err := casebook.Paris2026Coalition(v).MarshalJSON()
		if err != nil {
			t.Fatalf("version %v: MarshalJSON: %v", v, err)
		}
		both(t, "coalition", data, true)
	}
}

// coalitionDoc is a coalition document that the schema and the decoder
// accept, using every object of the encoding.
const coalitionDoc = `{"$schema": "x", "schema": 1, "id": "cow", "host": "UA",
 "parties": [{"id": "UA", "kind": "state"}, {"id": "FR", "kind": "state"}, {"id": "RU"}],
 "members": [{"party": "FR"}],
 "fluents": [{"id": "ceasefire-in-force"}],
 "functions": [{"id": "multinational-force", "leads": ["FR"]}],
 "declarations": [{"title": "joint declaration", "allMembers": true, "force": "politically-binding", "date": "2026-01-06"}],
 "meetings": [{"title": "Paris", "unnamed": [{"level": "leader", "count": 27}]}],
 "contributions": [{"id": "fr-troops", "contributor": "FR", "function": "multinational-force",
   "quantities": [{"min": "1000", "max": "5000", "unit": "troops"}],
   "basing": {"kind": "in-host"}, "action": null,
   "condition": {"all": [{"holds": "ceasefire-in-force"}, {"happened": {"kind": "armed-attack", "actor": "RU"}},
     {"within": {"event": {"kind": "x"}, "duration": "30d"}}, {"clock": {"from": "2026-01-01T00:00:00Z"}}]}}]}`

// TestCoalitionGoodVariants checks that the coalition schema and
// coalition.DecodeCoalition both accept variants of coalitionDoc that
// spell a field in another accepted way.
func TestCoalitionGoodVariants(t *testing.T) {
	for _, tc := range []struct{ name, old, new string }{
		{"empty category", `"leads": ["FR"]`, `"leads": ["FR"], "category": ""`},
		{"category", `"leads": ["FR"]`, `"leads": ["FR"], "category": "ImPK"`},
		{"empty unit", `"unit": "troops"`, `"unit": ""`},
		{"negative zero", `"min": "1000"`, `"min": "-0"`},
		{"fractional duration", `"duration": "30d"`, `"duration": ".5h"`},
		{"signed duration", `"duration": "30d"`, `"duration": "+30d"`},
		{"offset instant", `"2026-01-01T00:00:00Z"`, `"2026-01-01T03:00:00+03:00"`},
		{"agreement state", `{"holds": "ceasefire-in-force"}`, `{"agreementIn": {"agreement": "cow", "states": ["signed"]}}`},
		{"bound", `"actor": "RU"}`, `"actor": "RU", "measure": {"of": "distance", "min": "1", "minOpen": true, "unit": "km"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(coalitionDoc, tc.old) {
				t.Fatalf("coalitionDoc has no %q", tc.old)
			}
			both(t, "coalition", []byte(strings.Replace(coalitionDoc, tc.old, tc.new, 1)), true)
		})
	}
}

// TestCoalitionBadDocuments checks that the coalition schema and
// coalition.DecodeCoalition accept coalitionDoc and reject each of its
// corruptions.
func TestCoalitionBadDocuments(t *testing.T) {
	both(t, "coalition", []byte(coalitionDoc), true)
	for _, tc := range []struct{ name, old, new string }{
		{"unknown field", `"host": "UA"`, `"hots": "UA"`},
		{"unknown nested field", `"contributor": "FR"`, `"contributer": "FR"`},
		{"unknown operator", `{"holds": "ceasefire-in-force"}`, `{"hold": "ceasefire-in-force"}`},
		{"two operators", `{"holds": "ceasefire-in-force"}`, `{"holds": "ceasefire-in-force", "not": null}`},
		{"bad standing", `{"party": "FR"}`, `{"party": "FR", "standing": "partnr"}`},
		{"bad level", `"level": "leader"`, `"level": "leeder"`},
		{"bad basing kind", `{"kind": "in-host"}`, `{"kind": "inside"}`},
		{"bad force", `"force": "politically-binding"`, `"force": "political"`},
		{"bad party kind", `{"id": "UA", "kind": "state"}`, `{"id": "UA", "kind": "stat"}`},
		{"missing schema", `"schema": 1, `, ``},
		{"other schema", `"schema": 1`, `"schema": 2`},
		{"missing count", `, "count": 27`, ``},
		{"missing range max", `, "max": "5000"`, ``},
		{"missing contributor", `"contributor": "FR", `, ``},
		{"number decimal", `"min": "1000"`, `"min": 1000`},
		{"bad decimal", `"min": "1000"`, `"min": "1e3"`},
		{"wrong type", `"allMembers": true`, `"allMembers": "yes"`},
		{"bad instant", `"2026-01-06"`, `"6 January 2026"`},
		{"bad duration", `"30d"`, `"a month"`},
		{"null list", `"members": [{"party": "FR"}]`, `"members": null`},
		{"bad id", `"id": "cow"`, `"id": "cow!"`},
		{"bad $schema", `"$schema": "x"`, `"$schema": 3`},
		{"null operand", `{"holds": "ceasefire-in-force"}, `, `null, `},
		{"signatories with allMembers", `"allMembers": true`, `"allMembers": true, "signatories": ["FR"]`},
		{"no signatories", `"allMembers": true, `, ``},
		{"negative count", `"count": 27`, `"count": -1`},
		{"negative range min", `"min": "1000"`, `"min": "-1000"`},
		{"capitalised range unit", `"unit": "troops"`, `"unit": "Troops"`},
		{"decimal too long", `"max": "5000"`, `"max": "` + strings.Repeat("5", 1001) + `"`},
		{"no such month", `"2026-01-06"`, `"2026-13-06"`},
		{"lower-case instant", `"2026-01-01T00:00:00Z"`, `"2026-01-01t00:00:00z"`},
		{"no such hour", `"2026-01-01T00:00:00Z"`, `"2026-01-01T25:00:00Z"`},
		{"negative window", `"duration": "30d"`, `"duration": "-30d"`},
		{"zero window", `"duration": "30d"`, `"duration": "0s"`},
		{"negative since", `{"within": {"event": {"kind": "x"}, "duration": "30d"}}`,
			`{"since": {"event": {"kind": "x"}, "duration": "-1h"}}`},
		{"pattern without kind", `{"kind": "armed-attack", "actor": "RU"}`, `{"actor": "RU"}`},
		{"capitalised event kind", `{"kind": "armed-attack", "actor": "RU"}`, `{"kind": "Armed-attack", "actor": "RU"}`},
		{"bound limit without unit", `"actor": "RU"}`, `"actor": "RU", "measure": {"min": "1"}}`},
		{"negative bound limit", `"actor": "RU"}`, `"actor": "RU", "measure": {"min": "-1", "unit": "km"}}`},
		{"capitalised bound unit", `"actor": "RU"}`, `"actor": "RU", "measure": {"min": "1", "unit": "KM"}}`},
		{"capitalised bound quantity", `"actor": "RU"}`, `"actor": "RU", "measure": {"of": "Dist", "unit": "km"}}`},
		{"repeated role", `{"id": "UA", "kind": "state"}`, `{"id": "UA", "kind": "state", "roles": ["guarantor", "guarantor"]}`},
		{"agreement state as clause state", `{"holds": "ceasefire-in-force"}`,
			`{"clauseIn": {"clause": "fr-troops", "states": ["draft"]}}`},
		{"clause state as agreement state", `{"holds": "ceasefire-in-force"}`, `{"agreementIn": {"states": ["dormant"]}}`},
		{"clauseIn without states", `{"holds": "ceasefire-in-force"}`, `{"clauseIn": {"clause": "fr-troops"}}`},
		{"agreementIn without states", `{"holds": "ceasefire-in-force"}`, `{"agreementIn": {}}`},
		{"bad agreement id", `{"holds": "ceasefire-in-force"}`, `{"agreementIn": {"agreement": "a b", "states": ["signed"]}}`},
		{"empty clause reference", `{"holds": "ceasefire-in-force"}`, `{"breached": {"clause": "", "atLeast": 1}}`},
		{"no breach counted", `{"holds": "ceasefire-in-force"}`, `{"breached": {"clause": "fr-troops", "atLeast": 0}}`},
		{"before without then", `{"holds": "ceasefire-in-force"}`, `{"before": {"first": {"kind": "x"}}}`},
		{"within without event", `{"event": {"kind": "x"}, "duration": "30d"}`, `{"duration": "30d"}`},
		{"empty clock", `{"clock": {"from": "2026-01-01T00:00:00Z"}}`, `{"clock": {}}`},
		{"negative atLeast", `{"holds": "ceasefire-in-force"}`, `{"atLeast": {"k": -1, "of": []}}`},
		{"bad category", `"leads": ["FR"]`, `"leads": ["FR"], "category": "ssr"`},
		{"bad function id", `"function": "multinational-force"`, `"function": "Multinational-force"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(coalitionDoc, tc.old) {
				t.Fatalf("coalitionDoc has no %q", tc.old)
			}
			both(t, "coalition", []byte(strings.Replace(coalitionDoc, tc.old, tc.new, 1)), false)
		})
	}
}
