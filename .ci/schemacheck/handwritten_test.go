package schemacheck_test

import (
	"strings"
	"testing"
)

// clauseWith is an agreement with one obligation, whose members after the
// required ones are MEMBERS.
const clauseWith = `{"schema": 1, "id": "a", "parties": [{"id": "UA"}, {"id": "RU"}],
	"clauses": [{"id": "C1", "kind": "obligation", "debtors": ["RU"],
		"action": {"kind": "withdrawal-completed", "actor": "$debtor"} MEMBERS}]}`

// TestHandWritten checks the schemas and the decoders on documents as an
// analyst writes them: each case says whether both accept it.
func TestHandWritten(t *testing.T) {
	clause := func(members string) string { return strings.Replace(clauseWith, "MEMBERS", members, 1) }
	for _, c := range []struct {
		name, doc, data string
		ok              bool
	}{
		{"plain dates", "agreement", `{"schema": 1, "id": "a", "date": "2026-02-01", "zone": "+03:00",
			"parties": [{"id": "UA"}], "signatures": [{"party": "UA", "date": "2026-02-03"}]}`, true},
		{"no such month", "agreement", `{"schema": 1, "id": "a", "date": "2026-13-01"}`, false},
		{"time without zone", "agreement", `{"schema": 1, "id": "a", "date": "2026-02-01T10:00:00"}`, false},
		{"schema version 2", "agreement", `{"schema": 2, "id": "a"}`, false},
		{"no schema version", "agreement", `{"id": "a"}`, false},
		{"schema version as a string", "agreement", `{"schema": "1", "id": "a"}`, false},
		{"days as a duration", "agreement", clause(`, "deadline": {"after": "30d"}`), true},
		{"fractional hours", "agreement", clause(`, "deadline": {"after": "1.5h"}`), true},
		{"calendar period", "agreement", clause(`, "deadline": {"period": "1y2mo3d12h"}`), true},
		{"period parts out of order", "agreement", clause(`, "deadline": {"period": "2mo1y"}`), false},
		{"duration with days and hours", "agreement", clause(`, "deadline": {"after": "1d12h"}`), false},
		{"after and period", "agreement", clause(`, "deadline": {"after": "72h", "period": "3d"}`), false},
		{"rounded deadline", "agreement", clause(`, "deadline": {"period": "3d", "round": "end-of-day"}`), true},
		{"decimal in scientific notation", "agreement", clause(`, "quantities": [{"min": "1e3", "max": "2000"}]`),
			false},
		{"decimal with a point", "agreement", clause(`, "quantities": [{"min": "0.5", "max": "2000.25", "unit": "km"}]`),
			true},
		{"qualified reference", "agreement", clause(`, "trigger": {"happened": {"kind": "power-exercised", "clause": "a/C1"}}`),
			true},
		{"reference without agreement", "agreement",
			clause(`, "trigger": {"clauseIn": {"clause": "/C1", "states": ["violated"]}}`), false},
		{"null trigger", "agreement", clause(`, "trigger": null`), true},
		{"null operand", "agreement", clause(`, "trigger": {"not": null}`), false},
		{"two operators", "agreement", clause(`, "trigger": {"holds": "f", "not": {"holds": "f"}}`), false},
		{"empty condition", "agreement", clause(`, "trigger": {}`), false},
		{"zero window", "agreement",
			clause(`, "trigger": {"within": {"event": {"kind": "armed-attack"}, "duration": "0s"}}`), false},
		{"open limit without limit", "agreement",
			clause(`, "trigger": {"level": {"event": {"kind": "shelling"}, "bound": {"unit": "km", "minOpen": true}}}`),
			false},
		{"$schema in a process's agreement", "process",
			`{"schema": 1, "agreements": [{"$schema": "x", "id": "a"}]}`, false},
		{"schema in a process's agreement", "process", `{"schema": 1, "agreements": [{"schema": 1, "id": "a"}]}`, false},
		{"timeline with plain dates", "timeline", `{"schema": 1, "zone": "Europe/Kyiv", "start": "2026-01-01",
			"events": [{"at": "2026-01-02", "kind": "ceasefire-in-force"}]}`, true},
		{"timeline without start", "timeline", `{"schema": 1, "events": [{"at": "2026-01-02T00:00:00Z", "kind": "x"}]}`,
			false},
		{"event without kind", "timeline", `{"schema": 1, "start": "2026-01-01T00:00:00Z",
			"events": [{"at": "2026-01-02T00:00:00Z"}]}`, false},
		{"negative quantity", "timeline", `{"schema": 1, "start": "2026-01-01T00:00:00Z",
			"events": [{"at": "2026-01-02T00:00:00Z", "kind": "forces-deployed",
				"quantities": [{"value": "-5", "unit": "troops"}]}]}`, false},
		{"amendment", "timeline", `{"schema": 1, "start": "2026-01-01T00:00:00Z",
			"amendments": [{"at": "2026-01-05T00:00:00Z", "label": "extension", "text": {"id": "a"}}]}`, true},
		{"amendment text with schema", "timeline", `{"schema": 1, "start": "2026-01-01T00:00:00Z",
			"amendments": [{"at": "2026-01-05T00:00:00Z", "text": {"schema": 1, "id": "a"}}]}`, false},
		{"amendment without text", "timeline", `{"schema": 1, "start": "2026-01-01T00:00:00Z",
			"amendments": [{"at": "2026-01-05T00:00:00Z"}]}`, false},
	} {
		t.Run(c.name, func(t *testing.T) { both(t, c.doc, []byte(c.data), c.ok) })
	}
}

// TestDollarSchemaAllowed checks that every kind of document may name its
// schema in a top-level "$schema" string, which both the schema and the
// decoder accept, and that both reject a "$schema" of another type and a
// "$schema" anywhere but at the top.
func TestDollarSchemaAllowed(t *testing.T) {
	for _, c := range []struct{ doc, data, nested string }{
		{"agreement", `{"schema": 1, "id": "a", "parties": [{"id": "UA"}]}`, "parties/0"},
		{"process", `{"schema": 1, "agreements": [{"id": "a"}]}`, "agreements/0"},
		{"timeline", `{"schema": 1, "start": "2026-01-01T00:00:00Z",
			"events": [{"at": "2026-01-02T00:00:00Z", "kind": "ceasefire-in-force"}]}`, "events/0"},
		{"coalition", `{"schema": 1, "id": "c", "parties": [{"id": "FR"}], "members": [{"party": "FR"}]}`, "members/0"},
		{"montecarlo-model", `{"version": 1, "processes": [{"poisson": {"perDay": 1, "event": {"kind": "armed-attack"}}}]}`,
			"processes/0/poisson"},
		{"negotiation-space", `{"schema": 1, "issues": [{"id": "i", "alternatives": [{"id": "a"}]}]}`, "issues/0"},
		{"negotiation-positions", `{"schema": 1, "positions": [{"party": "UA", "reservation": "0"}]}`, "positions/0"},
	} {
		t.Run(c.doc, func(t *testing.T) {
			uri := idBase + c.doc + ".schema.json"
			base := []byte(c.data)
			both(t, c.doc, base, true)
			both(t, c.doc, set(t, base, "$schema", uri), true)
			both(t, c.doc, set(t, base, "$schema", 7), false)
			both(t, c.doc, set(t, base, "$schema", nil), false)
			both(t, c.doc, set(t, base, c.nested+"/$schema", uri), false)
		})
	}
}
