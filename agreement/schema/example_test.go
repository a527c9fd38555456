package schema_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/peacekit/peacekit/agreement/schema"
)

// The agreement schema, its $id, and the kinds of party it allows.
func ExampleJSON() {
	data, err := schema.JSON("agreement")
	if err != nil {
		fmt.Println(err)
		return
	}
	var s struct {
		ID   string `json:"$id"`
		Defs struct {
			Party struct {
				Properties struct {
					Kind struct {
						Enum []string `json:"enum"`
					} `json:"kind"`
				} `json:"properties"`
			} `json:"party"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.ID)
	fmt.Printf("%q\n", s.Defs.Party.Properties.Kind.Enum)
	_, err = schema.JSON("agreemnt")
	msg, _, _ := strings.Cut(err.Error(), ";")
	fmt.Println(msg)
	// Output:
	// https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/agreement.schema.json
	// ["" "state" "government" "armed-group" "intergovernmental-organisation" "state-coalition" "person" "civil-society" "other"]
	// unknown schema "agreemnt" (did you mean "agreement"?)
}
