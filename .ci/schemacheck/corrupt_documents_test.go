package schemacheck_test

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"
)

// mutation is one change to a document: its name, and what it does to the
// document's JSON.
type mutation struct {
	name string
	op   func(t rapid.TB, data []byte) []byte
}

// setM is the mutation that sets the value at path (see set).
func setM(name, path string, x any) mutation {
	return mutation{name, func(t rapid.TB, data []byte) []byte { return set(t, data, path, x) }}
}

// delM is the mutation that deletes the member at path (see del).
func delM(name, path string) mutation {
	return mutation{name, func(t rapid.TB, data []byte) []byte { return del(t, data, path) }}
}

// raw is the JSON text s as a value of a tree.
func raw(s string) any { return json.RawMessage(s) }

// documentCorruptions are hand-made corruptions of the repository's
// Monte Carlo models, negotiation spaces and negotiation positions: each
// base document is accepted by its schema and its decoder, and each
// mutation of it must be rejected by both.
var documentCorruptions = []struct {
	doc, base string
	muts      []mutation
}{
	{"montecarlo-model", "scenario/montecarlo/testdata/ceasefire.json", []mutation{
		setM("unknown field at the top", "extra", 1),
		setM("unknown field in a scheduled process", "processes/0/scheduled/colour", "red"),
		setM("unknown field in a Weibull delay", "processes/1/scheduled/delay/weibull/mean", "3d"),
		setM("unknown field in a modifier", "processes/2/poisson/modifiers/0/weight", 2),
		setM("unknown field in a match", "processes/1/scheduled/after/clause", "G1"),
		setM("unknown state", "processes/2/poisson/modifiers/0/states/0", "in-efect"),
		delM("missing perDay", "processes/2/poisson/perDay"),
		delM("missing version", "version"),
		delM("missing event kind", "processes/0/scheduled/outcomes/0/event/kind"),
		delM("missing Weibull scale", "processes/1/scheduled/delay/weibull/scale"),
		setM("perDay as a string", "processes/2/poisson/perDay", "0.05"),
		setM("once as a string", "processes/1/scheduled/once", "true"),
		setM("name null", "processes/0/scheduled/name", nil),
		setM("processes as an object", "processes", map[string]any{}),
		setM("malformed duration", "processes/1/scheduled/delay/weibull/scale", "200 days"),
		setM("fractional days", "processes/1/scheduled/delay/weibull/scale", "1.5d"),
		setM("malformed clause reference", "processes/2/poisson/modifiers/0/clause", "guar antee"),
		setM("clause reference with two slashes", "processes/2/poisson/modifiers/0/clause", "a/b/c"),
		setM("malformed event kind", "processes/2/poisson/event/kind", "Armed-Attack"),
		setM("both poisson and scheduled", "processes/0/poisson", raw(`{"perDay": 1, "event": {"kind": "x"}}`)),
		setM("empty process", "processes/0", raw(`{}`)),
		setM("two delays", "processes/1/scheduled/delay/constant", raw(`{"perDay": 1}`)),
		setM("version 2", "version", 2),
		setM("probability above 1", "processes/0/scheduled/outcomes/0/probability", 1.5),
		setM("negative rate", "processes/2/poisson/perDay", -1),
		setM("no outcomes", "processes/0/scheduled/outcomes", raw(`[]`)),
		setM("no states", "processes/2/poisson/modifiers/0/states", raw(`[]`)),
		setM("zero Weibull shape", "processes/1/scheduled/delay/weibull/shape", 0),
		setM("zero Weibull scale", "processes/1/scheduled/delay/weibull/scale", "0s"),
		setM("zero Weibull scale in days", "processes/1/scheduled/delay/weibull/scale", "0d"),
		setM("negative uniform min", "processes/3/scheduled/delay/uniform/min", "-1h"),
	}},
	{"montecarlo-model", "scenario/montecarlo/testdata/delays.json", []mutation{
		setM("unknown field in a quantity", "processes/3/scheduled/outcomes/0/event/quantities/0/measure", "x"),
		setM("malformed quantity value", "processes/3/scheduled/outcomes/0/event/quantities/0/value", "15,50"),
		setM("negative quantity value", "processes/3/scheduled/outcomes/0/event/quantities/0/value", "-15"),
		setM("quantity value as a number", "processes/3/scheduled/outcomes/0/event/quantities/0/value", 15.5),
		setM("malformed unit", "processes/3/scheduled/outcomes/0/event/quantities/0/unit", "Km"),
		setM("malformed quantity name", "processes/3/scheduled/outcomes/0/event/quantities/0/of", "Distance"),
		delM("missing quantity value", "processes/3/scheduled/outcomes/0/event/quantities/0/value"),
		setM("unknown field in a piecewise delay", "processes/1/scheduled/delay/piecewise/rates", raw(`[1]`)),
		setM("malformed cut", "processes/1/scheduled/delay/piecewise/cuts/0", "30 d"),
		setM("zero cut", "processes/1/scheduled/delay/piecewise/cuts/0", "0.0h"),
		setM("negative step", "processes/2/scheduled/delay/empirical/at/0", "-1s"),
		delM("missing empirical survival", "processes/2/scheduled/delay/empirical/survival"),
		setM("survival above 1", "processes/2/scheduled/delay/empirical/survival/0", 1.2),
		setM("empty empirical curve", "processes/2/scheduled/delay/empirical", raw(`{"at": [], "survival": []}`)),
		setM("unknown delay", "processes/3/scheduled/delay", raw(`{"gamma": {"shape": 1}}`)),
		setM("negative standard error", "processes/1/scheduled/delay/piecewise/stdErrs", raw(`[0.001, -0.001, 0]`)),
	}},
	{"negotiation-positions", "agreement/negotiation/testdata/positions.json", []mutation{
		setM("unknown field at the top", "extra", 1),
		setM("unknown field in a position", "positions/0/colour", "blue"),
		setM("unknown field in an issue value", "positions/0/issues/0/scale", "1"),
		setM("unknown field in an alternative value", "positions/0/issues/0/values/0/note", "x"),
		setM("unknown field in a choice", "positions/0/pairs/0/a/option", "x"),
		setM("unknown field in a measure", "positions/1/redLines/1/clause/measure/scale", "1"),
		setM("unknown field in a territory line", "positions/0/redLines/0/territory/share", "1"),
		setM("unknown red line kind", "positions/0/redLines/0/package", raw(`{}`)),
		delM("missing reservation", "positions/0/reservation"),
		delM("missing party", "positions/1/party"),
		delM("missing schema", "schema"),
		delM("missing weight", "positions/0/issues/1/weight"),
		delM("missing pair side", "positions/0/pairs/0/b"),
		delM("missing clause kind", "positions/1/redLines/0/clause/kind"),
		delM("missing red line id", "positions/1/redLines/2/id"),
		delM("missing choice of a choice line", "positions/1/redLines/2/choice/choice"),
		setM("reservation as a number", "positions/0/reservation", 1),
		setM("control as a string", "positions/0/redLines/1/territory/control", "yes"),
		setM("area as a number", "positions/0/redLines/0/territory/areas/0", 3),
		setM("party null", "positions/0/party", nil),
		setM("positions null", "positions", nil),
		setM("exponent notation", "positions/0/issues/0/weight", "1e3"),
		setM("decimal comma", "positions/0/issues/1/weight", "1,5"),
		setM("empty weight", "positions/0/issues/1/weight", ""),
		setM("ten decimal places", "positions/0/issues/0/values/0/value", "0.1234567891"),
		setM("10^9", "positions/0/reservation", "1000000000"),
		setM("longer than 64 characters", "positions/0/reservation", "1.00000000000000000000000000000000000000000000000000000000000000000"),
		delM("minOpen without min", "positions/0/redLines/1/territory/min"),
		setM("minOpen with an empty min", "positions/0/redLines/1/territory/min", ""),
		setM("measure without limits", "positions/1/redLines/1/clause/measure", raw(`{"unit": "troops"}`)),
		setM("schema 2", "schema", 2),
		setM("schema as a string", "schema", "1"),
	}},
	{"negotiation-space", "agreement/negotiation/testdata/space.json", []mutation{
		setM("unknown field at the top", "extra", 1),
		setM("unknown field in an issue", "issues/0/colour", "red"),
		setM("unknown field in an alternative", "issues/0/alternatives/0/colour", "red"),
		setM("unknown field in an option", "issues/0/alternatives/0/options/0/colour", "red"),
		setM("unknown field in an action", "issues/1/alternatives/1/clauses/0/action/colour", "red"),
		setM("unknown field in an area", "territory/areas/0/population", "1"),
		setM("unknown field in a group", "groups/0/colour", "blue"),
		setM("unknown field in a deadline", "issues/0/alternatives/2/options/0/deadline/before", "1h"),
		setM("unknown option kind", "issues/0/alternatives/0/options/0/kind", "freze"),
		setM("unknown deontic kind", "issues/1/alternatives/1/clauses/0/kind", "permision"),
		setM("unknown force", "issues/1/alternatives/1/clauses/0/force", "binding"),
		delM("missing clause id", "issues/1/alternatives/1/clauses/0/id"),
		delM("missing area size", "territory/areas/0/size"),
		delM("missing issue id", "issues/0/id"),
		delM("missing alternatives", "issues/1/alternatives"),
		delM("missing share percent", "territory/areas/0/control/0/percent"),
		delM("missing schema", "schema"),
		delM("missing debtors", "issues/1/alternatives/1/clauses/0/debtors"),
		delM("missing action kind", "issues/1/alternatives/1/clauses/0/action/kind"),
		setM("size as a number", "territory/areas/0/size", 26517),
		setM("members as a string", "groups/0/members", "FR"),
		setM("options null", "issues/0/alternatives/0/options", nil),
		setM("malformed decimal", "territory/areas/0/control/0/percent", "78%"),
		setM("decimal with a plus sign", "territory/areas/0/size", "+26517"),
		setM("malformed duration", "issues/0/alternatives/2/options/0/deadline/after", "90 days"),
		setM("malformed instant", "issues/0/alternatives/2/options/0/deadline/at", "1 March 2026"),
		setM("month 13", "issues/0/alternatives/2/options/0/deadline/at", "2026-13-01"),
		setM("negative duration", "issues/0/alternatives/2/options/0/deadline/after", "-1h"),
		setM("zero size", "territory/areas/0/size", "0"),
		setM("option id with a dot", "issues/0/alternatives/0/options/0/id", "free.ze"),
		setM("malformed period", "issues/0/alternatives/2/options/0/deadline/period", "3 months"),
		setM("malformed option id", "issues/0/alternatives/0/options/0/id", "free ze"),
		setM("malformed party id", "issues/1/alternatives/1/clauses/0/debtors/0", "F R"),
		setM("malformed issue id", "issues/0/id", "don etsk"),
		setM("malformed event kind", "issues/1/alternatives/1/clauses/0/action/kind", "Forces"),
		setM("condition with two operators", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"happened": {"kind": "x"}, "holds": "f"}`)),
		setM("unknown condition operator", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"occurred": {"kind": "x"}}`)),
		setM("empty condition", "issues/1/alternatives/1/clauses/0/trigger", raw(`{}`)),
		setM("unknown state in a condition", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"clauseIn": {"clause": "MNF", "states": ["active"]}}`)),
		setM("breached without atLeast", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"breached": {"clause": "MNF"}}`)),
		setM("bound minOpen without min", "issues/1/alternatives/1/clauses/0/action/measure", raw(`{"unit": "troops", "max": "10", "minOpen": false}`)),
		setM("clauseIn without states", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"clauseIn": {"clause": "MNF"}}`)),
		setM("agreementIn with a clause state", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"agreementIn": {"states": ["in-effect"]}}`)),
		setM("within a zero window", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"within": {"event": {"kind": "x"}, "duration": "0s"}}`)),
		setM("clock without instants", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"clock": {}}`)),
		setM("null in all", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"all": [null]}`)),
		setM("holds in a space", "issues/1/alternatives/1/clauses/0/trigger", raw(`{"holds": "f"}`)),
		setM("bound limit without a unit", "issues/1/alternatives/1/clauses/0/action/measure", raw(`{"min": "1"}`)),
		setM("negative bound limit", "issues/1/alternatives/1/clauses/0/action/measure", raw(`{"unit": "troops", "min": "-5"}`)),
		setM("share above 100", "territory/areas/0/control/0/percent", "101"),
		setM("arrangement without option", "territory/areas/0/arrangements", raw(`[{"kind": "freeze"}]`)),
		setM("no debtors", "issues/1/alternatives/1/clauses/0/debtors", raw(`[]`)),
		setM("$creditor as target debtor", "issues/1/alternatives/1/clauses/0/targetDebtor", "$creditor"),
		setM("schema 2", "schema", 2),
		setM("no issues", "issues", raw(`[]`)),
		setM("no alternatives", "issues/0/alternatives", raw(`[]`)),
	}},
}

// TestDocumentCorruptions checks that the schema and the decoder accept
// each base document of documentCorruptions and reject each of its
// mutations.
func TestDocumentCorruptions(t *testing.T) {
	for _, c := range documentCorruptions {
		t.Run(c.base, func(t *testing.T) {
			base := read(t, c.base)
			both(t, c.doc, base, true)
			for _, m := range c.muts {
				t.Run(m.name, func(t *testing.T) { both(t, c.doc, m.op(t, base), false) })
			}
		})
	}
}
