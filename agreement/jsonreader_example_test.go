package agreement_test

import (
	"fmt"

	"github.com/peacekit/peacekit/agreement"
)

// Watch is a document of a package outside agreement: a name, the parties
// it watches, and a condition on their events.
type Watch struct {
	Name    string
	Parties []agreement.Party
	Alert   agreement.Condition
	Force   agreement.Force
}

// decodeWatch reads a watch document strictly, with the rules and messages
// of agreement documents for the agreement values it embeds.
func decodeWatch(data []byte) (Watch, error) {
	var r agreement.JSONReader
	var w Watch
	doc, ok := r.Document(data, 1)
	if !ok {
		return Watch{}, r.Err()
	}
	var hasName bool
	if r.Object("", doc, []string{"schema", "$schema", "name", "parties", "alert", "force"},
		func(field, path string, v agreement.JSONValue) bool {
			switch field {
			case "name":
				w.Name, hasName = r.String(path, v), true
			case "parties":
				w.Parties = agreement.JSONList(&r, path, v, r.Party)
			case "alert":
				w.Alert = r.Condition(path, v)
			case "force":
				w.Force = agreement.JSONEnum[agreement.Force](&r, path, v, "force")
			default:
				return r.SchemaMember(field, path, v)
			}
			return true
		}) {
		r.Required("", "name", hasName)
	}
	if err := r.Err(); err != nil {
		return Watch{}, err
	}
	return w, nil
}

func ExampleJSONReader() {
	w, err := decodeWatch([]byte(`{"schema": 1, "name": "line of contact",
		"parties": [{"id": "RU", "kind": "state"}],
		"alert": {"happened": {"kind": "shelling", "actor": "RU"}}}`))
	fmt.Println(w.Name, w.Parties[0].ID, w.Alert, err)

	_, err = decodeWatch([]byte(`{"schema": 1, "$schema": "watch.schema.json",
		"parties": [{"id": "RU", "kind": "stat"}],
		"alert": {"happend": {"kind": "shelling"}}, "force": "binding", "nmae": "x"}`))
	fmt.Println(err)
	// Output:
	// line of contact RU happened(shelling actor=RU) <nil>
	// agreement: 5 problems:
	// 	parties[0].kind: unknown party kind "stat" (did you mean "state"?); allowed: "state", "government", "armed-group", "intergovernmental-organisation", "state-coalition", "person", "civil-society", "other"
	// 	alert.happend: unknown condition operator "happend" (did you mean "happened"?)
	// 	force: unknown force "binding"; allowed: "legally-binding", "politically-binding", "declaration-of-intent", "aspiration"
	// 	nmae: unknown field "nmae" (did you mean "name"?)
	// 	name: missing field "name"
}
