package schema_test

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/schema"
)

// referenced are the schemas the package doc is the reference of: all of
// them.
var referenced = []string{"agreement", "process", "timeline", "coalition", "montecarlo-model", "negotiation-space",
	"negotiation-positions"}

// described are the schemas whose every definition and property has a
// description.
var described = referenced

// operators are the operators of the condition language.
var operators = []string{"happened", "holds", "clauseIn", "agreementIn", "before", "within", "since", "breached",
	"total", "level", "clock", "all", "any", "not", "atLeast"}

// packageDoc returns the text of the package doc comment, read from the
// source.
func packageDoc(t *testing.T) string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatal("doc.go has no package doc")
	}
	return f.Doc.Text()
}

// vocabulary returns every member name under "properties" and every
// non-empty enumeration value of the schema v.
func vocabulary(v any, names, values map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if props, ok := x["properties"].(map[string]any); ok {
			for k := range props {
				names[k] = true
			}
		}
		if enum, ok := x["enum"].([]any); ok {
			for _, e := range enum {
				if s, ok := e.(string); ok && s != "" {
					values[s] = true
				}
			}
		}
		for _, e := range x {
			vocabulary(e, names, values)
		}
	case []any:
		for _, e := range x {
			vocabulary(e, names, values)
		}
	}
}

// TestReferenceNamesEverything checks that the package doc names every
// member and every enumeration value of the schemas it is the reference
// of, quoted as JSON writes them.
func TestReferenceNamesEverything(t *testing.T) {
	doc := packageDoc(t)
	if !slices.Equal(referenced, schema.Names()) {
		t.Errorf("the reference covers %q, the package has the schemas %q", referenced, schema.Names())
	}
	for _, n := range referenced {
		data, err := schema.JSON(n)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		names, values := map[string]bool{}, map[string]bool{}
		vocabulary(v, names, values)
		if (len(names) < 10 && n == "agreement") || len(names) == 0 {
			t.Fatalf("only %d member names found in the %s schema", len(names), n)
		}
		for _, set := range []map[string]bool{names, values} {
			var missing []string
			for w := range set {
				if !strings.Contains(doc, `"`+w+`"`) {
					missing = append(missing, w)
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				t.Errorf("the package doc does not mention %q of the %s schema", missing, n)
			}
		}
	}
}

// conditionExamples returns the code blocks of the doc's section
// "Conditions" that are JSON objects, one per condition node.
func conditionExamples(t *testing.T, doc string) []string {
	t.Helper()
	_, section, ok := strings.Cut(doc, "\n# Conditions\n")
	if !ok {
		t.Fatal("the package doc has no section Conditions")
	}
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	var out []string
	for _, line := range strings.Split(section, "\n") {
		if code, ok := strings.CutPrefix(line, "\t"); ok && strings.HasPrefix(code, "{") {
			out = append(out, code)
		}
	}
	return out
}

// minimal is the agreement each condition example is read in, as the
// trigger of clause C2: it declares what the examples name.
const minimal = `{"schema": 1, "id": "ceasefire",
	"parties": [{"id": "UA"}, {"id": "RU"}],
	"fluents": [{"id": "ceasefire", "initiates": [{"kind": "ceasefire-in-force"}],
		"terminates": [{"kind": "ceasefire-collapsed"}]}],
	"clauses": [
		{"id": "C1", "kind": "prohibition", "debtors": ["RU"], "standing": true,
			"action": {"kind": "armed-attack", "actor": "$debtor"}},
		{"id": "C2", "kind": "obligation", "debtors": ["RU"],
			"action": {"kind": "withdrawal-completed", "actor": "$debtor"}, "trigger": CONDITION}]}`

// TestReferenceConditionExamples checks that the doc has one example for
// every operator of the condition language, and that each decodes, in a
// minimal agreement, with agreement.DecodeAgreement.
func TestReferenceConditionExamples(t *testing.T) {
	examples := conditionExamples(t, packageDoc(t))
	var ops []string
	for _, ex := range examples {
		var node map[string]json.RawMessage
		if err := json.Unmarshal([]byte(ex), &node); err != nil {
			t.Errorf("example %s is not a JSON object: %v", ex, err)
			continue
		}
		var op string
		for k := range node {
			ops = append(ops, k)
			op = k
		}
		t.Run(op, func(t *testing.T) {
			doc := strings.Replace(minimal, "CONDITION", ex, 1)
			a, err := agreement.DecodeAgreement([]byte(doc))
			if err != nil {
				t.Fatalf("%s does not decode: %v", ex, err)
			}
			if a.Clauses[1].Trigger == nil {
				t.Fatalf("%s decoded to no condition", ex)
			}
		})
	}
	sort.Strings(ops)
	want := slices.Clone(operators)
	sort.Strings(want)
	if !slices.Equal(ops, want) {
		t.Errorf("the examples' operators are %q, want one example of each of %q", ops, want)
	}
}

// TestReferenceMinimalRejectsBadExample checks that the check of the
// examples can fail: a condition naming an undeclared fluent is rejected.
func TestReferenceMinimalRejectsBadExample(t *testing.T) {
	doc := strings.Replace(minimal, "CONDITION", `{"holds": "no-such-fluent"}`, 1)
	if _, err := agreement.DecodeAgreement([]byte(doc)); err == nil {
		t.Error("the minimal agreement accepts a condition on an undeclared fluent")
	}
}

// undescribed reports, in missing, the path of every definition and property
// of the schema v without a description, which is what editors show.
func undescribed(path string, v any, missing *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for _, key := range []string{"$defs", "properties"} {
			if m, ok := x[key].(map[string]any); ok {
				for k, s := range m {
					obj, _ := s.(map[string]any)
					if d, _ := obj["description"].(string); d == "" {
						*missing = append(*missing, path+"/"+key+"/"+k)
					}
				}
			}
		}
		for k, e := range x {
			undescribed(path+"/"+k, e, missing)
		}
	case []any:
		for _, e := range x {
			undescribed(path+"/[]", e, missing)
		}
	}
}

// TestDescriptions checks that every definition and property of the
// described schemas has a description.
func TestDescriptions(t *testing.T) {
	for _, n := range described {
		data, err := schema.JSON(n)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		var missing []string
		undescribed("", v, &missing)
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s: no description at %q", n, missing)
		}
	}
}
