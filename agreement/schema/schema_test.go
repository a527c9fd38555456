package schema_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/schema"
)

// documents are the names of every document a schema may exist for, in
// the order Names keeps.
var documents = []string{"agreement", "process", "timeline", "coalition", "montecarlo-model", "negotiation-space",
	"negotiation-positions"}

const idBase = "https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/"

func TestNamesAndFiles(t *testing.T) {
	names := schema.Names()
	for _, want := range []string{"agreement", "process", "timeline"} {
		if !slices.Contains(names, want) {
			t.Errorf("Names() = %q, without %q", names, want)
		}
	}
	// Names keeps the order of documents.
	last := -1
	for _, n := range names {
		i := slices.Index(documents, n)
		if i <= last {
			t.Errorf("Names() = %q: %q is unknown or out of order", names, n)
		}
		last = i
	}
	files, err := fs.Glob(schema.FS(), "*")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(names) {
		t.Errorf("FS holds %q, Names() returns %q", files, names)
	}
	for _, f := range files {
		n, ok := strings.CutSuffix(f, ".schema.json")
		if !ok || !slices.Contains(names, n) {
			t.Errorf("FS holds %q, which is no schema of Names()", f)
		}
	}
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			data, err := schema.JSON(n)
			if err != nil {
				t.Fatal(err)
			}
			file, err := fs.ReadFile(schema.FS(), n+".schema.json")
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != string(file) {
				t.Error("JSON differs from the file of FS")
			}
			var doc struct {
				Schema      string `json:"$schema"`
				ID          string `json:"$id"`
				Description string `json:"description"`
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatalf("not valid JSON: %v", err)
			}
			if doc.Schema != "https://json-schema.org/draft/2020-12/schema" {
				t.Errorf("$schema is %q", doc.Schema)
			}
			if doc.ID != idBase+n+".schema.json" {
				t.Errorf("$id is %q", doc.ID)
			}
			if doc.Description == "" {
				t.Error("no description")
			}
		})
	}
}

// TestFreshCopies checks that the results of Names and JSON are the
// caller's to modify.
func TestFreshCopies(t *testing.T) {
	names := schema.Names()
	names[0] = "changed"
	if schema.Names()[0] != "agreement" {
		t.Error("modifying the result of Names changed the next one")
	}
	data, err := schema.JSON("agreement")
	if err != nil {
		t.Fatal(err)
	}
	data[0] = 'X'
	again, err := schema.JSON("agreement")
	if err != nil {
		t.Fatal(err)
	}
	if again[0] != '{' {
		t.Error("modifying the result of JSON changed the next one")
	}
}

func TestJSONUnknownName(t *testing.T) {
	for _, c := range []struct {
		name, suggestion string
	}{
		{"agreemnt", "agreement"},
		{"Timeline", "timeline"},
		{"proces", "process"},
		{"agreement.schema.json", ""},
		{"", ""},
		{"xyz", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := schema.JSON(c.name)
			if err == nil {
				t.Fatalf("JSON(%q) returned %d bytes and no error", c.name, len(data))
			}
			if data != nil {
				t.Errorf("JSON(%q) returned bytes with its error", c.name)
			}
			if !errors.Is(err, agreement.ErrInvalidValue) {
				t.Errorf("the error does not wrap agreement.ErrInvalidValue: %v", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, `unknown schema "`) {
				t.Errorf("message %q does not start with the unknown name", msg)
			}
			hint := `(did you mean "` + c.suggestion + `"?)`
			if c.suggestion != "" && !strings.Contains(msg, hint) {
				t.Errorf("message %q does not suggest %q", msg, c.suggestion)
			}
			if c.suggestion == "" && strings.Contains(msg, "did you mean") {
				t.Errorf("message %q suggests a name", msg)
			}
			var quoted []string
			for _, n := range schema.Names() {
				quoted = append(quoted, `"`+n+`"`)
			}
			if !strings.HasSuffix(msg, "; allowed: "+strings.Join(quoted, ", ")) {
				t.Errorf("message %q does not list every name", msg)
			}
		})
	}
}

// TestJSONLongName checks that a long unknown name is cut in the message.
func TestJSONLongName(t *testing.T) {
	_, err := schema.JSON(strings.Repeat("é", 1000))
	if err == nil {
		t.Fatal("no error")
	}
	if n := len(err.Error()); n > 400 {
		t.Errorf("message of %d bytes for a long name", n)
	}
}
