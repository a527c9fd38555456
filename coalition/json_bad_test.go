package coalition_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
)

// validDoc is a small valid coalition document; the bad documents below
// change one thing in it.
const validDoc = `{"schema": 1, "id": "cow", "host": "UA",
 "parties": [{"id": "UA", "kind": "state"}, {"id": "FR", "kind": "state"}, {"id": "RU"}],
 "members": [{"party": "FR"}],
 "fluents": [{"id": "ceasefire-in-force"}],
 "functions": [{"id": "multinational-force", "leads": ["FR"]}],
 "declarations": [{"title": "joint declaration", "allMembers": true, "force": "politically-binding", "date": "2026-01-06"}],
 "meetings": [{"title": "Paris", "unnamed": [{"level": "leader", "count": 27}]}],
 "contributions": [{"id": "fr-troops", "contributor": "FR", "function": "multinational-force",
   "quantities": [{"min": "1000", "max": "5000", "unit": "troops"}],
   "basing": {"kind": "in-host"},
   "condition": {"all": [{"holds": "ceasefire-in-force"}, {"happened": {"kind": "armed-attack", "actor": "RU"}}]}}]}`

func TestDecodeCoalitionValidDoc(t *testing.T) {
	c, err := coalition.DecodeCoalition([]byte(validDoc))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Contributions) != 1 || !c.Contributions[0].IsBackstop() || c.Contributions[0].Basing.Kind != coalition.InHost {
		t.Errorf("decoded contributions %+v, want one backstop based in the host", c.Contributions)
	}
	if got := c.Declarations[0].Date.Format("2006-01-02T15:04:05Z07:00"); got != "2026-01-06T00:00:00Z" {
		t.Errorf("plain date read as %s, want midnight UTC", got)
	}
}

// jsonProblem is one expected problem: its path, sentinel and message.
type jsonProblem struct {
	path string
	err  error
	msg  string
}

func TestDecodeCoalitionBad(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new string // replace old by new in validDoc; old "" means doc is new
		want     []jsonProblem
	}{
		{name: "unknown field", old: `"host": "UA"`, new: `"hots": "UA"`, want: []jsonProblem{
			{"hots", agreement.ErrUnknownField, "unknown field \"hots\" (did you mean \"host\"?)"},
		}},
		{name: "unknown nested field", old: `"contributor": "FR"`, new: `"contributer": "FR"`, want: []jsonProblem{
			{"contributions[0].contributer", agreement.ErrUnknownField, "unknown field \"contributer\" (did you mean \"contributor\"?)"},
			{"contributions[0].contributor", agreement.ErrMissing, "missing party"},
		}},
		{name: "unknown field no suggestion", old: `"host": "UA"`, new: `"host": "UA", "xyz": 1`, want: []jsonProblem{
			{"xyz", agreement.ErrUnknownField, "unknown field \"xyz\""},
		}},
		{name: "bad standing", old: `{"party": "FR"}`, new: `{"party": "FR", "standing": "partnr"}`, want: []jsonProblem{
			{"members[0].standing", agreement.ErrInvalidValue, "unknown standing \"partnr\" (did you mean \"partner\"?); allowed: \"member\", \"partner\""},
		}},
		{name: "bad level", old: `"level": "leader"`, new: `"level": "leeder"`, want: []jsonProblem{
			{"meetings[0].unnamed[0].level", agreement.ErrInvalidValue, "unknown level \"leeder\" (did you mean \"leader\"?); allowed: \"leader\", \"minister\", \"envoy\", \"official\""},
		}},
		{name: "bad basing kind", old: `{"kind": "in-host"}`, new: `{"kind": "inside"}`, want: []jsonProblem{
			{"contributions[0].basing.kind", agreement.ErrInvalidValue, "unknown basing kind \"inside\"; allowed: \"in-host\", \"outside-host\", \"at-sea\""},
		}},
		{name: "bad force", old: `"force": "politically-binding"`, new: `"force": "political"`, want: []jsonProblem{
			{"declarations[0].force", agreement.ErrInvalidValue, "unknown force \"political\"; allowed: \"legally-binding\", \"politically-binding\", \"declaration-of-intent\", \"aspiration\""},
		}},
		{name: "bad party kind", old: `{"id": "UA", "kind": "state"}`, new: `{"id": "UA", "kind": "stat"}`, want: []jsonProblem{
			{"parties[0].kind", agreement.ErrInvalidValue, "unknown party kind \"stat\" (did you mean \"state\"?); allowed: \"state\", \"government\", \"armed-group\", \"intergovernmental-organisation\", \"state-coalition\", \"person\", \"civil-society\", \"other\""},
		}},
		{name: "bad role", old: `{"id": "RU"}`, new: `{"id": "RU", "roles": ["guarantr"]}`, want: []jsonProblem{
			{"parties[2].roles[0]", agreement.ErrInvalidValue, "unknown role \"guarantr\" (did you mean \"guarantor\"?); allowed: \"party-to-conflict\", \"guarantor\", \"mediator\", \"monitor\", \"witness\", \"observer\", \"beneficiary\""},
		}},
		{name: "unknown party", old: `"contributor": "FR"`, new: `"contributor": "FRA"`, want: []jsonProblem{
			{"contributions[0].contributor", agreement.ErrUnknownParty, "unknown party \"FRA\" (did you mean \"FR\"?)"},
		}},
		{name: "unknown lead", old: `"leads": ["FR"]`, new: `"leads": ["XX"]`, want: []jsonProblem{
			{"functions[0].leads[0]", agreement.ErrUnknownParty, "unknown party \"XX\""},
		}},
		{name: "unknown function", old: `"function": "multinational-force"`, new: `"function": "multinational-forces"`, want: []jsonProblem{
			{"contributions[0].function", coalition.ErrUnknownFunction, "unknown function \"multinational-forces\" (did you mean \"multinational-force\"?)"},
			{"functions[0].leads", coalition.ErrLeadWithoutContributions, "function \"multinational-force\" has a lead but no contributions (set leadWithoutContributions to allow it)"},
		}},
		{name: "missing schema", old: `"schema": 1, `, new: ``, want: []jsonProblem{
			{"schema", agreement.ErrSchemaVersion, "missing schema version (want \"schema\": 1)"},
		}},
		{name: "other schema", old: `"schema": 1`, new: `"schema": 2`, want: []jsonProblem{
			{"schema", agreement.ErrSchemaVersion, "unsupported schema version 2 (this package reads version 1)"},
		}},
		{name: "missing count", old: `, "count": 27`, new: ``, want: []jsonProblem{
			{"meetings[0].unnamed[0].count", agreement.ErrMissing, "missing field \"count\""},
		}},
		{name: "missing range max", old: `, "max": "5000"`, new: ``, want: []jsonProblem{
			{"contributions[0].quantities[0].max", agreement.ErrMissing, "missing field \"max\""},
		}},
		{name: "number decimal", old: `"min": "1000"`, new: `"min": 1000`, want: []jsonProblem{
			{"contributions[0].quantities[0].min", agreement.ErrSyntax, "want string, got number 1000 (write decimals as strings, such as \"1000\")"},
		}},
		{name: "bad decimal", old: `"min": "1000"`, new: `"min": "1e3"`, want: []jsonProblem{
			{"contributions[0].quantities[0].min", agreement.ErrInvalidValue, "invalid decimal \"1e3\" (want plain notation such as \"-12.5\")"},
		}},
		{name: "wrong type", old: `"allMembers": true`, new: `"allMembers": "yes"`, want: []jsonProblem{
			{"declarations[0].allMembers", agreement.ErrSyntax, "want boolean, got string"},
			{"declarations[0].signatories", agreement.ErrMissing, "no parties"},
		}},
		{name: "bad date", old: `"2026-01-06"`, new: `"2026-02-30"`, want: []jsonProblem{
			{"declarations[0].date", agreement.ErrInvalidValue, "invalid date \"2026-02-30\" (no such day)"},
		}},
		{name: "bad instant", old: `"2026-01-06"`, new: `"6 January 2026"`, want: []jsonProblem{
			{"declarations[0].date", agreement.ErrInvalidValue, "invalid RFC 3339 instant \"6 January 2026\" (want such as \"2026-02-01T00:00:00Z\", or a date such as \"2026-02-01\")"},
		}},
		{name: "duplicate field", old: `"host": "UA"`, new: `"host": "UA", "host": "FR"`, want: []jsonProblem{
			{"host", agreement.ErrSyntax, "duplicate field \"host\""},
		}},
		{name: "null list", old: `"members": [{"party": "FR"}]`, new: `"members": null`, want: []jsonProblem{
			{"members", agreement.ErrSyntax, "want array, got null"},
			{"functions[0].leads[0]", coalition.ErrNotMember, "party \"FR\" is not a member of the coalition"},
			{"contributions[0].contributor", coalition.ErrNotMember, "party \"FR\" is not a member of the coalition"},
		}},
		{name: "unknown operator", old: `{"holds": "ceasefire-in-force"}`, new: `{"hold": "ceasefire-in-force"}`, want: []jsonProblem{
			{"contributions[0].condition.all[0].hold", agreement.ErrUnknownField, "unknown condition operator \"hold\" (did you mean \"holds\"?)"},
		}},
		{name: "two operators", old: `{"holds": "ceasefire-in-force"}`, new: `{"holds": "ceasefire-in-force", "not": null}`, want: []jsonProblem{
			{"contributions[0].condition.all[0]", agreement.ErrSyntax, "a condition has exactly one operator, not 2 (\"holds\", \"not\")"},
		}},
		{name: "bad state", old: `{"holds": "ceasefire-in-force"}`, new: `{"clauseIn": {"clause": "fr-troops", "states": ["violatd"]}}`, want: []jsonProblem{
			{"contributions[0].condition.all[0].clauseIn.states[0]", agreement.ErrInvalidValue, "unknown state \"violatd\" (did you mean \"violated\"?); allowed: \"dormant\", \"pending\", \"in-effect\", \"suspended\", \"fulfilled\", \"violated\", \"discharged\", \"terminated\", \"draft\", \"signed\", \"in-force\", \"lapsed\""},
		}},
		{name: "validation", old: `"id": "cow"`, new: `"id": "cow!"`, want: []jsonProblem{
			{"id", agreement.ErrInvalidID, "invalid coalition id \"cow!\""},
		}},
		{name: "validation beside reading", old: `"id": "cow", "host": "UA"`, new: `"id": "cow!", "host": "UK"`, want: []jsonProblem{
			{"host", agreement.ErrUnknownParty, "unknown party \"UK\" (did you mean \"UA\"?)"},
			{"id", agreement.ErrInvalidID, "invalid coalition id \"cow!\""},
		}},
		{name: "invalid schema string", old: `{"schema": 1,`, new: `{"schema": 1, "$schema": 3,`, want: []jsonProblem{
			{"$schema", agreement.ErrSyntax, "want string, got number"},
		}},
		{name: "not an object", new: `[]`, want: []jsonProblem{
			{"", agreement.ErrSyntax, "want object, got array"},
		}},
		{name: "syntax", new: "{\"schema\": 1,\n \"id\": }", want: []jsonProblem{
			{"", agreement.ErrSyntax, "invalid character '}' looking for beginning of value (line 2, column 8, byte offset 21)"},
		}},
		{name: "trailing data", new: `{"schema": 1} {}`, want: []jsonProblem{
			{"", agreement.ErrSyntax, "invalid character '{' after top-level value (line 1, column 15, byte offset 14)"},
		}},
		{name: "empty", new: ` `, want: []jsonProblem{
			{"", agreement.ErrSyntax, "empty input (line 1, column 2, byte offset 1)"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.new
			if tc.old != "" {
				if !strings.Contains(validDoc, tc.old) {
					t.Fatalf("validDoc does not contain %q", tc.old)
				}
				doc = strings.Replace(validDoc, tc.old, tc.new, 1)
			}
			c, err := coalition.DecodeCoalition([]byte(doc))
			if err == nil {
				t.Fatalf("no error; decoded %+v", c)
			}
			if c.ID != "" || c.Parties != nil {
				t.Errorf("failed decode returned a non-zero coalition %+v", c)
			}
			var ve *agreement.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T %v, want *agreement.ValidationError", err, err)
			}
			for i, p := range ve.Problems {
				t.Logf("{%q, %v, %q}", p.Path, p.Err, p.Msg)
				if i >= len(tc.want) {
					t.Errorf("unexpected problem %v", p)
					continue
				}
				w := tc.want[i]
				if p.Path != w.path || !errors.Is(p, w.err) || p.Msg != w.msg {
					t.Errorf("problem %d = %q %v %q, want %q %v %q", i, p.Path, p.Err, p.Msg, w.path, w.err, w.msg)
				}
			}
			if len(ve.Problems) < len(tc.want) {
				t.Errorf("%d problems, want %d", len(ve.Problems), len(tc.want))
			}
		})
	}
}
