package schema_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/schema"
)

// enum is an enumeration of package agreement.
type enum interface {
	~uint8
	Valid() bool
	String() string
}

// spellings returns the JSON spelling of every valid value of E that keep
// accepts, in order; the zero value, when valid, is "".
func spellings[E enum](keep func(E) bool) []string {
	var out []string
	for i := range 256 {
		v := E(i)
		if v.Valid() && keep(v) {
			out = append(out, v.String())
		}
	}
	return out
}

func all[E enum](E) bool { return true }

// at returns the member of the JSON tree v at the slash-separated path.
func at(t *testing.T, v any, path string) any {
	t.Helper()
	for _, k := range strings.Split(path, "/") {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("no object at %q", k)
		}
		v = m[k]
	}
	return v
}

func strs(t *testing.T, v any) []string {
	t.Helper()
	list, ok := v.([]any)
	if !ok {
		t.Fatalf("%v is no list", v)
	}
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.(string)
	}
	return out
}

// TestEnumsMatchGo checks that every enumeration of the agreement schema
// allows exactly the values package agreement reads, in its spelling (in
// any order).
func TestEnumsMatchGo(t *testing.T) {
	data, err := schema.JSON("agreement")
	if err != nil {
		t.Fatal(err)
	}
	var s any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	notCedeOrWithdraw := func(k agreement.OptionKind) bool {
		return k != agreement.OptionKindCede && k != agreement.OptionKindWithdraw
	}
	for _, c := range []struct {
		path string
		want []string
	}{
		{"$defs/party/properties/kind/enum", spellings(all[agreement.PartyKind])},
		{"$defs/party/properties/roles/items/enum", spellings(all[agreement.Role])},
		{"$defs/agreementMembers/properties/signingStatus/enum", spellings(all[agreement.SigningStatus])},
		{"$defs/clause/properties/kind/enum", spellings(all[agreement.Deontic])},
		{"$defs/clause/properties/force/enum", spellings(all[agreement.Force])},
		{"$defs/clause/properties/effect/enum", spellings(all[agreement.Effect])},
		{"$defs/clause/properties/duringSuspension/enum", spellings(all[agreement.SuspensionRule])},
		{"$defs/rounding/enum", spellings(all[agreement.Rounding])},
		{"$defs/attribution/enum", spellings(all[agreement.Attribution])},
		{"$defs/option/properties/kind/enum", spellings(all[agreement.OptionKind])},
		{"$defs/arrangement/properties/kind/enum", spellings(notCedeOrWithdraw)},
		{"$defs/option/properties/lapse/enum", spellings(all[agreement.Lapse])},
		{"$defs/condition/properties/clauseIn/properties/states/items/enum", spellings(agreement.State.IsClauseState)},
		{"$defs/condition/properties/agreementIn/properties/states/items/enum",
			spellings(agreement.State.IsAgreementState)},
	} {
		got := strs(t, at(t, s, c.path))
		if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(c.want))) {
			t.Errorf("%s = %q, package agreement reads %q", c.path, got, c.want)
		}
	}
	stages := strs(t, at(t, s, "$defs/agreementMembers/properties/stage/enum"))
	for _, st := range stages {
		if !agreement.Stage(st).Valid() {
			t.Errorf("stage %q is not a valid agreement.Stage", st)
		}
	}
	subs := strs(t, at(t, s, "$defs/agreementMembers/properties/subStage/enum"))
	seen := map[agreement.Stage]bool{}
	for _, sub := range subs {
		ss := agreement.SubStage(sub)
		if !ss.Valid() {
			t.Errorf("sub-stage %q is not a valid agreement.SubStage", sub)
		}
		if sub != "" && !slices.Contains(stages, string(ss.Stage())) {
			t.Errorf("sub-stage %q belongs to stage %q, which the schema does not allow", sub, ss.Stage())
		}
		seen[ss.Stage()] = true
	}
	for _, st := range stages {
		if st != "" && !seen[agreement.Stage(st)] {
			t.Errorf("stage %q has no sub-stage in the schema", st)
		}
	}
}
