package schemacheck_test

import (
	"os"
	"testing"
)

func TestSmoke(t *testing.T) {
	for _, c := range []struct{ name, file string }{
		{"agreement", "agreement/testdata/agreement.golden.json"},
		{"agreement", "agreement/testdata/calendar.golden.json"},
		{"agreement", "agreement/testdata/term.golden.json"},
		{"process", "agreement/testdata/process.golden.json"},
		{"timeline", "agreement/testdata/term-log.golden.json"},
	} {
		data, err := os.ReadFile(root + "/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, c.name, data); err != nil {
			t.Errorf("%s: %v", c.file, err)
		}
	}
}
