package schemacheck_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// localErrors are documents with exactly one error of shape, one or more
// per document kind: the schema must report it at or under the location
// of the value changed, and nowhere else. A schema that checks its members
// through a "$ref" and closes its object with "unevaluatedProperties"
// would fail this: when the "$ref" fails, a validator drops what it
// evaluated and reports every other member of the object as unknown.
var localErrors = []struct {
	doc, base string
	mut       mutation
	at        string // the path mut changes, as in setM
}{
	{"agreement", "examples/peacekit/testdata/ceasefire.json",
		setM("unknown role", "parties/2/roles/0", "monitr"), "parties/2/roles/0"},
	{"agreement", "examples/peacekit/testdata/ceasefire.json",
		setM("unknown stage", "stage", "Pree"), "stage"},
	{"agreement", "examples/peacekit/testdata/ceasefire.json",
		setM("unknown field in a party", "parties/0/colour", "blue"), "parties/0"},
	{"process", "examples/peacekit/testdata/paris-draft-process.json",
		setM("unknown party kind", "agreements/0/parties/0/kind", "state-coalitoin"), "agreements/0/parties/0/kind"},
	{"process", "examples/peacekit/testdata/paris-draft-process.json",
		setM("unknown signing status", "agreements/0/signingStatus", "sigend"), "agreements/0/signingStatus"},
	{"timeline", "agreement/testdata/term-log.golden.json",
		setM("unknown party kind in an amendment", "amendments/0/text/parties/2/kind", "intergovernmental-organization"),
		"amendments/0/text/parties/2/kind"},
	{"timeline", "examples/peacekit/testdata/new-attack.json",
		setM("malformed event kind", "events/0/kind", "Armed-Attack"), "events/0/kind"},
	{"coalition", "examples/peacekit/testdata/coalition.json",
		setM("unknown standing", "members/0/standing", "membre"), "members/0/standing"},
	{"montecarlo-model", "scenario/montecarlo/testdata/ceasefire.json",
		setM("unknown state", "processes/2/poisson/modifiers/0/states/0", "in-efect"),
		"processes/2/poisson/modifiers/0/states/0"},
	{"negotiation-space", "agreement/negotiation/testdata/space.json",
		setM("unknown force", "issues/1/alternatives/1/clauses/0/force", "binding"),
		"issues/1/alternatives/1/clauses/0/force"},
	{"negotiation-positions", "agreement/negotiation/testdata/positions.json",
		setM("control as a string", "positions/0/redLines/1/territory/control", "yes"),
		"positions/0/redLines/1/territory/control"},
}

// TestErrorsAreLocal checks each document of localErrors: its base is
// accepted; its mutation is rejected with at least one error at or under
// the changed location, and with every error of the validator's tree on
// the way to or under it (no error at a sibling member).
func TestErrorsAreLocal(t *testing.T) {
	kinds := map[string]bool{}
	for _, c := range localErrors {
		kinds[c.doc] = true
		t.Run(c.doc+"/"+c.mut.name, func(t *testing.T) {
			base := read(t, c.base)
			both(t, c.doc, base, true)
			err := validate(t, c.doc, c.mut.op(t, base))
			var ve *jsonschema.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want a *jsonschema.ValidationError, got %T: %v", err, err)
			}
			at := strings.Split(c.at, "/")
			var under int
			var visit func(e *jsonschema.ValidationError)
			visit = func(e *jsonschema.ValidationError) {
				loc := e.InstanceLocation
				switch {
				case len(loc) >= len(at) && slices.Equal(loc[:len(at)], at):
					if len(e.Causes) == 0 {
						under++
					}
				case len(loc) < len(at) && slices.Equal(at[:len(loc)], loc):
					if len(e.Causes) == 0 {
						t.Errorf("error above /%s: at /%s: %s", c.at, strings.Join(loc, "/"), e.Error())
					}
				default:
					t.Errorf("error beside /%s: at /%s: %s", c.at, strings.Join(loc, "/"), e.Error())
				}
				for _, cause := range e.Causes {
					visit(cause)
				}
			}
			visit(ve)
			if under == 0 {
				t.Errorf("no error at or under /%s:\n%v", c.at, err)
			}
		})
	}
	for _, n := range []string{"agreement", "process", "timeline", "coalition", "montecarlo-model",
		"negotiation-space", "negotiation-positions"} {
		if !kinds[n] {
			t.Errorf("no document of kind %s in localErrors", n)
		}
	}
}
