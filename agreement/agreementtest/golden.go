package agreementtest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// CheckGolden compares got with the golden file at path and reports a
// difference through t, showing both. With update set it first writes got to
// path (creating its folder), so a test run with an -update flag of the
// caller's records a deliberate change; the caller reviews the diff before
// committing it. A missing file is reported with the advice to run with
// -update. It is meant for output the caller's own code renders (reports,
// diagrams, encodings), never for cmp.Diff output, which is randomised.
// An empty path cannot be read or written and fails the test with
// t.Fatalf. CheckGolden panics if t is nil.
func CheckGolden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update after checking it):\n--- got ---\n%s\n--- want ---\n%s",
			path, got, want)
	}
}
