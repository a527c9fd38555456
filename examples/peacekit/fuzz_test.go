package main

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRun writes arbitrary bytes to a file and runs the commands that read
// documents on it, alone and as either file of a pair with a valid
// document: bad input is exit status 1, never a panic, and nothing else
// than 0 or 1. The seeds are the test documents.
func FuzzRun(f *testing.F) {
	for _, name := range []string{
		cfDoc, newAttack, draft, final, timeline, model, space, positions, processDoc, processTL,
		mistakes + "several.json", mistakes + "party-kind.json", mistakes + "prisoners-timeline.json",
		mistakes + "bad-model.json", "testdata/bad/syntax.json", "testdata/coalition.json", "testdata/bad/timeline-bad-fields.json",
	} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file := filepath.Join(t.TempDir(), "fuzz.json")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"validate", file},
			{"validate", final, file},
			{"validate", space, file},
			{"replay", file, timeline},
			{"replay", final, file},
			{"replay", "-format", "markdown", file, newAttack},
			{"replay", "-format", "gantt", cfDoc, file},
			{"replay", "-format", "csv", "-table", "transitions", file, newAttack},
			{"replay", "-format", "json", "-table", "territory", cfDoc, file},
			{"validate", "-strict", cfDoc, file},
			{"explain", file, timeline, "CF[RU]"},
			{"explain", final, file, "MNF"},
			{"diff", file, final},
			{"diff", draft, file},
			{"diff", "-format", "csv", file, final},
			{"diff", "-format", "json", draft, file},
			{"deps", file},
			{"deps", "-format", "text", file},
			{"montecarlo", "-runs", "3", file, model},
			{"montecarlo", "-runs", "3", "-start", "2026-01-01", final, file},
			{"packages", file, positions},
			{"packages", space, file},
		} {
			code, _, _ := runArgs(args...)
			if code != exitOK && code != exitBadInput {
				t.Errorf("%q: exit status %d", args, code)
			}
		}
	})
}
