package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestOutput runs the program and compares what it prints with the golden
// file; run with -update to rewrite the file after a deliberate change.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, model()); err != nil {
		t.Fatalf("run: %v", err)
	}
	golden := filepath.Join("testdata", "output.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output differs from %s (run with -update after checking it):\n--- got ---\n%s\n--- want ---\n%s",
			golden, out.Bytes(), want)
	}
}

// TestReportIsComputed checks that the report comes from the model: removing
// the guarantee's trigger removes its line, and a model naming an undeclared
// party is refused with the validator's error.
func TestReportIsComputed(t *testing.T) {
	var with, without bytes.Buffer
	if err := run(&with, model()); err != nil {
		t.Fatal(err)
	}
	m := model()
	m.Clauses = slices.Clone(m.Clauses)
	m.Clauses[0].Trigger = nil
	if err := run(&without, m); err != nil {
		t.Fatal(err)
	}
	const line = "trigger: holds(ceasefire-in-force)"
	if !strings.Contains(with.String(), line) || strings.Contains(without.String(), line) {
		t.Errorf("trigger line %q: want it only in the first report\n--- with ---\n%s\n--- without ---\n%s",
			line, with.String(), without.String())
	}

	bad := model()
	bad.Clauses = slices.Clone(bad.Clauses)
	bad.Clauses[0].Debtors = []agreement.PartyID{"FR", "XX"}
	var out bytes.Buffer
	err := run(&out, bad)
	if !errors.Is(err, agreement.ErrUnknownParty) {
		t.Fatalf("run(model with unknown debtor) = %v, want ErrUnknownParty", err)
	}
	if out.Len() != 0 {
		t.Errorf("run printed a report for an invalid model:\n%s", out.String())
	}
}
