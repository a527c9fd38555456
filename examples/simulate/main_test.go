package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// samples are the sample runs: an agreement or process file and a timeline,
// both in testdata.
var sampleRuns = []struct{ agreement, timeline string }{
	{"ceasefire.json", "no-ceasefire.json"},
	{"ceasefire.json", "ceasefire-holds.json"},
	{"ceasefire.json", "new-attack.json"},
	{"ceasefire.json", "same-day-breach.json"},
	{"paris-draft-process.json", "paris-new-attack.json"},
}

// formats are the -format values with the extension of their golden files.
// Mermaid files end in .mmd: CI parses every testdata/*.mmd with Mermaid.
var formats = []struct{ name, ext string }{{"text", "txt"}, {"markdown", "md"}, {"mermaid", "mmd"}, {"gantt", "gantt.mmd"}}

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(args, &out, &errs)
	return code, out.String(), errs.String()
}

// checkGolden compares got with the golden file testdata/golden/name, or
// rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	agreementtest.CheckGolden(t, filepath.Join("testdata", "golden", name), []byte(got), *update)
}

// TestSamples runs every sample in every format against its golden file.
func TestSamples(t *testing.T) {
	for _, s := range sampleRuns {
		for _, f := range formats {
			base := strings.TrimSuffix(s.agreement, ".json") + "_" + strings.TrimSuffix(s.timeline, ".json")
			t.Run(base+"."+f.ext, func(t *testing.T) {
				code, out, errs := runArgs(t, "-format", f.name,
					filepath.Join("testdata", s.agreement), filepath.Join("testdata", s.timeline))
				if code != exitOK || errs != "" {
					t.Fatalf("exit %d, stderr:\n%s", code, errs)
				}
				checkGolden(t, base+"."+f.ext, out)
			})
		}
	}
}

// TestBuiltInSample: with no file, the program replays its embedded sample
// and succeeds, printing what the same files give when named.
func TestBuiltInSample(t *testing.T) {
	code, out, errs := runArgs(t)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	if !strings.Contains(errs, "built-in sample") {
		t.Errorf("stderr %q does not say the built-in sample is replayed", errs)
	}
	_, named, _ := runArgs(t, sampleAgreement, sampleTimeline)
	if out != named {
		t.Errorf("built-in sample output differs from the named files':\n--- built in ---\n%s\n--- named ---\n%s", out, named)
	}
	for _, f := range formats[1:] {
		if code, _, errs := runArgs(t, "-format", f.name); code != exitOK {
			t.Errorf("-format %s with no file: exit %d, stderr:\n%s", f.name, code, errs)
		}
	}
}

// TestEnd: -end moves the end of the replay, and deadlines after the
// default end are reached: France deploys, Britain does not, and its
// 60-day deadline from the ceasefire passes on 2 April.
func TestEnd(t *testing.T) {
	code, out, errs := runArgs(t, "-end", "2026-04-15", "testdata/ceasefire.json", "testdata/ceasefire-holds.json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	for _, want := range [][]string{
		{"replayed from 2026-01-20 to 2026-04-15"},
		{"2026-04-02", "ceasefire-sample/MNF[GB]", "in-effect -> violated", "deadline"},
		{"ceasefire-sample/MNF[FR]", "fulfilled", "since 2026-03-01"},
	} {
		if !hasLine(out, want...) {
			t.Errorf("output has no line with %q:\n%s", want, out)
		}
	}
	// By default the replay ends a day after the last event, before the
	// deadline.
	_, out, _ = runArgs(t, "testdata/ceasefire.json", "testdata/ceasefire-holds.json")
	if !strings.Contains(out, "replayed from 2026-01-20 to 2026-03-02") || strings.Contains(out, "violated") {
		t.Errorf("default end: want the replay to end on 2026-03-02 with nothing violated:\n%s", out)
	}
	// An instant with a time of day.
	code, out, errs = runArgs(t, "-end", "2026-03-20T06:30:00Z", "testdata/ceasefire.json", "testdata/new-attack.json")
	if code != exitOK || !strings.Contains(out, "to 2026-03-20T06:30:00Z") {
		t.Errorf("-end with a time: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
}

// hasLine reports whether some line of s contains every one of parts.
func hasLine(s string, parts ...string) bool {
	for _, line := range strings.Split(s, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

// TestBadInput: every bad file is refused with exit status 1 and a message
// naming the file and, for each problem, its path in the document (or the
// line and column of a syntax error); nothing is written to stdout.
func TestBadInput(t *testing.T) {
	ceasefire := filepath.Join("testdata", "ceasefire.json")
	timeline := filepath.Join("testdata", "new-attack.json")
	bad := func(name string) string { return filepath.Join("testdata", "bad", name) }
	tests := []struct {
		name string
		args []string
		file string   // the file the message must name
		want []string // what the message must also contain
	}{
		{"agreement syntax", []string{bad("syntax.json"), timeline}, bad("syntax.json"),
			[]string{"invalid character", "line 5, column 3"}},
		{"agreement validation", []string{bad("invalid.json"), timeline}, bad("invalid.json"),
			[]string{"2 problems", `clauses[0].debtors[1]: unknown party "XX"`,
				`clauses[0].trigger.holds: unknown fluent "ceasefire"`}},
		{"process validation", []string{bad("process-invalid.json"), timeline}, bad("process-invalid.json"),
			[]string{`agreements[1].clauses[0].trigger.clauseIn.clause: unknown clause "ceasefire/CF2"`}},
		{"process read as an agreement", []string{"-kind", "agreement", bad("process-invalid.json"), timeline},
			bad("process-invalid.json"), []string{`agreements: unknown field "agreements"`}},
		{"agreement read as a process", []string{"-kind", "process", ceasefire, timeline}, ceasefire,
			[]string{`id: unknown field "id"`}},
		{"timeline syntax", []string{ceasefire, bad("timeline-syntax.json")}, bad("timeline-syntax.json"),
			[]string{"line 6, column 65"}},
		{"timeline fields", []string{ceasefire, bad("timeline-bad-fields.json")}, bad("timeline-bad-fields.json"),
			[]string{"4 problems", `start: invalid RFC 3339 instant "20 January 2026"`,
				`events[0].kind: invalid event kind "Armed Attack"`, `events[1].colour: unknown field "colour"`,
				"events[1].at: missing instant"}},
		{"timeline party", []string{ceasefire, bad("timeline-unknown-party.json")}, bad("timeline-unknown-party.json"),
			[]string{`events[2].actor: unknown party "PL"`}},
		{"events after the end", []string{"-end", "2026-03-01", ceasefire, timeline}, timeline,
			[]string{"simulate: -end: 2026-03-01T00:00:00Z is before the last event of", "at 2026-03-17T00:00:00Z"}},
		{"end before the start", []string{"-end", "2025-12-31", ceasefire, timeline}, timeline,
			[]string{"simulate: -end: 2025-12-31T00:00:00Z is before the start of", "2026-01-20T00:00:00Z"}},
		{"missing file", []string{bad("no-such-file.json"), timeline}, bad("no-such-file.json"),
			[]string{"no such file"}},
		{"agreement is a directory", []string{filepath.Join("testdata", "bad"), timeline}, filepath.Join("testdata", "bad"),
			[]string{"directory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runArgs(t, tt.args...)
			if code != exitBadInput {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, exitBadInput, errs)
			}
			if out != "" {
				t.Errorf("wrote a report for bad input:\n%s", out)
			}
			for _, want := range append([]string{tt.file}, tt.want...) {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr does not contain %q:\n%s", want, errs)
				}
			}
			t.Logf("stderr:\n%s", errs)
		})
	}
}

// TestUsage: bad usage exits with status 2 and says what is wrong; -h
// prints the usage and succeeds.
func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"one file", []string{"testdata/ceasefire.json"}, exitUsage, "want two files"},
		{"three files", []string{"a", "b", "c"}, exitUsage, "want two files"},
		{"unknown format", []string{"-format", "html"}, exitUsage, `unknown format "html"`},
		{"unknown kind", []string{"-kind", "treaty"}, exitUsage, `unknown kind "treaty"`},
		{"bad end", []string{"-end", "31/03/2026"}, exitUsage, `"31/03/2026" is neither`},
		{"zero end", []string{"-end", "0001-01-01"}, exitUsage,
			"-end: instant 0001-01-01T00:00:00Z is outside the instants the library represents"},
		{"end before the range", []string{"-end", "1600-01-01T00:00:00Z"}, exitUsage, "-end: instant 1600-01-01T00:00:00Z is outside"},
		{"end after the range", []string{"-end", "2300-01-01"}, exitUsage, "-end: instant 2300-01-01T00:00:00Z is outside"},
		{"unknown flag", []string{"-colour"}, exitUsage, "flag provided but not defined"},
		{"help", []string{"-h"}, exitOK, "Usage: simulate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runArgs(t, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.want)
			}
			if out != "" {
				t.Errorf("wrote to stdout:\n%s", out)
			}
		})
	}
}

// TestDefaultEndAtTheLastInstant: when a day after the last event is past
// the last instant the library represents, the replay ends at that instant
// (named in the report) rather than failing with no instant named.
func TestDefaultEndAtTheLastInstant(t *testing.T) {
	_, last := agreement.InstantRange()
	for _, at := range []time.Time{last, last.Add(-time.Hour), last.Add(-agreement.Day)} {
		tl := fmt.Sprintf(`{"schema": 1, "start": "2026-01-20T00:00:00Z", "events": [
			{"at": %q, "kind": "ceasefire-in-force"}]}`, at.Format(time.RFC3339Nano))
		name := filepath.Join(t.TempDir(), "late.json")
		if err := os.WriteFile(name, []byte(tl), 0o600); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runArgs(t, filepath.Join("testdata", "ceasefire.json"), name)
		if code != exitOK {
			t.Errorf("last event at %s: exit %d, stderr:\n%s", at, code, errs)
			continue
		}
		if want := "to " + last.Format(time.RFC3339Nano); !strings.Contains(out, want) {
			t.Errorf("last event at %s: output does not contain %q:\n%s", at, want, out)
		}
	}
}

// TestBadInputManyProblems: an agreement with more problems than an
// agreement.ValidationError keeps is refused with the count of all of
// them, the first agreement.MaxProblems listed and the rest summarised.
func TestBadInputManyProblems(t *testing.T) {
	const n = agreement.MaxProblems + 500
	var clauses []string
	for i := range n {
		clauses = append(clauses, fmt.Sprintf(
			`{"id": "C%d", "kind": "prohibition", "debtors": ["XX"], "action": {"kind": "armed-attack"}}`, i))
	}
	name := filepath.Join(t.TempDir(), "many.json")
	doc := `{"schema": 1, "id": "many", "parties": [{"id": "UA"}], "clauses": [` + strings.Join(clauses, ",\n") + `]}`
	if err := os.WriteFile(name, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runArgs(t, name, filepath.Join("testdata", "new-attack.json"))
	if code != exitBadInput || out != "" {
		t.Errorf("exit %d, stdout %q; want exit %d and nothing", code, out, exitBadInput)
	}
	for _, want := range []string{
		fmt.Sprintf("simulate: %s: %d problems:\n", name, n),
		fmt.Sprintf("%s: and %d more, not listed\n", name, n-agreement.MaxProblems),
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not contain %q:\n%.2000s", want, errs)
		}
	}
	if got, want := strings.Count(errs, `unknown party "XX"`), agreement.MaxProblems; got != want {
		t.Errorf("stderr lists %d problems, want %d", got, want)
	}
}
