package schemacheck_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// minimalAgreement is the agreement each condition example of the
// package doc of agreement/schema is validated in, as the trigger of clause
// C2; package schema's tests decode the same examples in the same
// agreement.
const minimalAgreement = `{"schema": 1, "id": "ceasefire",
	"parties": [{"id": "UA"}, {"id": "RU"}],
	"fluents": [{"id": "ceasefire", "initiates": [{"kind": "ceasefire-in-force"}],
		"terminates": [{"kind": "ceasefire-collapsed"}]}],
	"clauses": [
		{"id": "C1", "kind": "prohibition", "debtors": ["RU"], "standing": true,
			"action": {"kind": "armed-attack", "actor": "$debtor"}},
		{"id": "C2", "kind": "obligation", "debtors": ["RU"],
			"action": {"kind": "withdrawal-completed", "actor": "$debtor"}, "trigger": CONDITION}]}`

// TestReferenceExamplesConform checks that every JSON example of the
// section Conditions of the package doc of agreement/schema conforms to
// the agreement schema.
func TestReferenceExamplesConform(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(root, schemaDir, "doc.go"), nil,
		parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatal("no package doc")
	}
	_, section, ok := strings.Cut(f.Doc.Text(), "\n# Conditions\n")
	if !ok {
		t.Fatal("the package doc has no section Conditions")
	}
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	n := 0
	for _, line := range strings.Split(section, "\n") {
		code, ok := strings.CutPrefix(line, "\t")
		if !ok || !strings.HasPrefix(code, "{") {
			continue
		}
		n++
		doc := strings.Replace(minimalAgreement, "CONDITION", code, 1)
		if err := validate(t, "agreement", []byte(doc)); err != nil {
			t.Errorf("%s: %#v", code, err)
		}
	}
	if n < 15 {
		t.Errorf("%d condition examples, want one per operator (15)", n)
	}
}
