package schemacheck_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/schema"
)

// root is the repository's top directory, from this module's.
const root = "../.."

// schemaDir is the directory of the schema files, from root.
const schemaDir = "agreement/schema"

// idBase is the "$id" of every schema file but its name.
const idBase = "https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/"

// draft is the "$schema" of every schema file.
const draft = "https://json-schema.org/draft/2020-12/schema"

var (
	compileOnce sync.Once
	compiled    map[string]*jsonschema.Schema
	compileErr  error
)

// schemas returns every schema file of the schema directory compiled with
// draft 2020-12, by document name, each file loaded under its "$id" so
// that the relative references between files resolve.
func schemas(t rapid.TB) map[string]*jsonschema.Schema {
	t.Helper()
	compileOnce.Do(func() { compiled, compileErr = compileAll() })
	if compileErr != nil {
		t.Fatal(compileErr)
	}
	return compiled
}

// schemaFiles returns the names of the schema files on disk, sorted.
func schemaFiles() ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(root, schemaDir, "*.schema.json"))
	if err != nil {
		return nil, err
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	sort.Strings(names)
	return names, nil
}

func compileAll() (map[string]*jsonschema.Schema, error) {
	files, err := schemaFiles()
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.schema.json in %s", schemaDir)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	var errs []error
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, schemaDir, f))
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", f, err))
			continue
		}
		obj, _ := doc.(map[string]any)
		if obj["$schema"] != draft {
			errs = append(errs, fmt.Errorf("%s: $schema is %v, want %s", f, obj["$schema"], draft))
		}
		if id := obj["$id"]; id != idBase+f {
			errs = append(errs, fmt.Errorf("%s: $id is %v, want %s", f, id, idBase+f))
			continue
		}
		if err := c.AddResource(idBase+f, doc); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", f, err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := map[string]*jsonschema.Schema{}
	for _, f := range files {
		sch, err := c.Compile(idBase + f)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", f, err))
			continue
		}
		out[strings.TrimSuffix(f, ".schema.json")] = sch
	}
	return out, errors.Join(errs...)
}

// validate validates data against the schema of the document name: nil when
// it conforms, else the reason (malformed JSON included).
func validate(t rapid.TB, name string, data []byte) error {
	t.Helper()
	sch, ok := schemas(t)[name]
	if !ok {
		t.Fatalf("no schema %q", name)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(doc)
}

// TestCompile compiles every schema file, and checks that the files on disk
// are those the package embeds, one for each of its names, with the $schema
// and $id of their name.
func TestCompile(t *testing.T) {
	got := schemas(t)
	files, err := schemaFiles()
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := fs.Glob(schema.FS(), "*.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(embedded)
	if !slices.Equal(files, embedded) {
		t.Errorf("files on disk %q, embedded %q", files, embedded)
	}
	names := schema.Names()
	if len(names) != len(got) {
		t.Errorf("schema.Names() = %q, but %d schema files compiled", names, len(got))
	}
	for _, n := range names {
		if got[n] == nil {
			t.Errorf("schema.Names() lists %q, which did not compile", n)
		}
		data, err := schema.JSON(n)
		if err != nil {
			t.Errorf("schema.JSON(%q): %v", n, err)
			continue
		}
		disk, err := os.ReadFile(filepath.Join(root, schemaDir, n+".schema.json"))
		if err != nil || !bytes.Equal(data, disk) {
			t.Errorf("schema.JSON(%q) differs from the file on disk (%v)", n, err)
		}
	}
	for _, want := range []string{"agreement", "process", "timeline"} {
		if got[want] == nil {
			t.Errorf("no schema %q compiled", want)
		}
	}
}

// TestBrokenSchemaFails checks that compilation can fail: a schema with a
// keyword of the wrong type is rejected by the meta-schema.
func TestBrokenSchemaFails(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	var doc any
	if err := json.Unmarshal([]byte(`{"$schema": "`+draft+`", "type": "object", "required": "id"}`), &doc); err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource(idBase+"broken.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Compile(idBase + "broken.schema.json"); err == nil {
		t.Error("a schema whose required is a string compiled")
	}
}
