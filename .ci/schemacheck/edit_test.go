package schemacheck_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"pgregory.net/rapid"
)

// read returns the file at rel, a path from root.
func read(t rapid.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// both checks that the schema of the document name and its decoder agree
// on data: both accept it when want is true, both reject it otherwise.
func both(t rapid.TB, name string, data []byte, want bool) {
	t.Helper()
	decode, ok := decoders[name]
	if !ok {
		t.Fatalf("no decoder for %s documents", name)
	}
	serr := validate(t, name, data)
	derr := decode(data)
	if (serr == nil) != want || (derr == nil) != want {
		t.Errorf("%s: want accepted = %v; the schema says %v; the decoder says %v\n%s", name, want, serr, derr, data)
	}
}

// tree decodes data into a tree of map[string]any, []any, json.Number,
// string, bool and nil.
func tree(t rapid.TB, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// encode returns the JSON of the tree v.
func encode(t rapid.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// index returns the index the step of path stands for in the list l.
func index(t rapid.TB, l []any, path, step string) int {
	t.Helper()
	i, err := strconv.Atoi(step)
	if err != nil || i < 0 || i >= len(l) {
		t.Fatalf("path %s: no index %s in a list of %d", path, step, len(l))
	}
	return i
}

// parent returns the object or list holding the last step of path (object
// members and list indices separated by '/') in the tree v, and that step.
func parent(t rapid.TB, v any, path string) (any, string) {
	t.Helper()
	steps := strings.Split(path, "/")
	for _, s := range steps[:len(steps)-1] {
		switch c := v.(type) {
		case map[string]any:
			next, ok := c[s]
			if !ok {
				t.Fatalf("path %s: no member %s", path, s)
			}
			v = next
		case []any:
			v = c[index(t, c, path, s)]
		default:
			t.Fatalf("path %s: step %s in a %T", path, s, v)
		}
	}
	return v, steps[len(steps)-1]
}

// set returns data with the value at path replaced by x, or, when the last
// step of path names no member of its object, added.
func set(t rapid.TB, data []byte, path string, x any) []byte {
	t.Helper()
	v := tree(t, data)
	c, last := parent(t, v, path)
	switch c := c.(type) {
	case map[string]any:
		c[last] = x
	case []any:
		c[index(t, c, path, last)] = x
	default:
		t.Fatalf("set %s in a %T", path, c)
	}
	return encode(t, v)
}

// del returns data without the member at path, which must exist.
func del(t rapid.TB, data []byte, path string) []byte {
	t.Helper()
	v := tree(t, data)
	c, last := parent(t, v, path)
	obj, ok := c.(map[string]any)
	if !ok {
		t.Fatalf("del %s in a %T", path, c)
	}
	if _, ok := obj[last]; !ok {
		t.Fatalf("del %s: no such member", path)
	}
	delete(obj, last)
	return encode(t, v)
}
