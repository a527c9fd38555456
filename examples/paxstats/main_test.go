package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement/agreementtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const fixture = "testdata/agreements.csv"

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestOutput runs the program on a small hand-written file and compares what
// it prints with the golden file; run with -update to rewrite it after a
// deliberate change.
func TestOutput(t *testing.T) {
	code, out, errOut := runArgs(t, fixture)
	if code != 0 || errOut != "" {
		t.Fatalf("run = %d, stderr %q; want 0 and nothing", code, errOut)
	}
	agreementtest.CheckGolden(t, filepath.Join("testdata", "output.golden"), []byte(out), *update)
}

// TestCountsAreComputed checks a few numbers against the fixture by hand, so
// that the golden file cannot silently hold wrong counts.
func TestCountsAreComputed(t *testing.T) {
	_, out, _ := runArgs(t, fixture)
	for _, want := range []string{
		"PA-X agreements read: 7 (rows with errors, left out: 0)",
		"  Cea      Ceasefire                                 3\n",
		"  SubComp  Framework-substantive, comprehensive      0\n",
		"  2010s     0\n", // a decade without agreements between two with
		"non-empty ThrdPart field: 2 of 3 (66.7%)",
		"ThrdPart has the word \"unsigned\" in 1 of these 2.",
		"sometimes records instead that the agreement is\n  unsigned",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestErrors(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	badStage := writeFile(t, "bad-stage.csv", strings.Replace(string(data), ",Cea,Rel,", ",Xyz,Rel,", 1))
	tests := []struct {
		name    string
		args    []string
		code    int
		stderr  []string // parts of the error output
		stdout  string   // a part of the output; "" for none at all
		noUsage bool
	}{
		{name: "missing file", args: []string{"testdata/no-such-file.csv"}, code: 1,
			stderr: []string{"paxstats: open testdata/no-such-file.csv: no such file or directory"}},
		{name: "not a PA-X file", args: []string{writeFile(t, "other.csv", "a,b\n1,2\n")}, code: 1,
			stderr: []string{"pax: bad header: none of the 38 PA-X columns found"}},
		{name: "missing column", args: []string{writeFile(t, "no-stage.csv",
			strings.Replace(string(data), ",Stage,", ",Stadium,", 1))}, code: 1,
			stderr: []string{`pax: bad header: missing column "Stage"`}},
		{name: "bad row", args: []string{badStage}, code: 1,
			stderr: []string{badStage + `: pax: row 4 (line 6), column "Stage": unknown PA-X stage "Xyz"`},
			stdout: "PA-X agreements read: 6 (rows with errors, left out: 1)"},
		{name: "two files", args: []string{fixture, fixture}, code: 2,
			stderr: []string{"give at most one file", "usage: paxstats [pax.csv]"}},
		{name: "unknown flag", args: []string{"-x"}, code: 2, stderr: []string{"usage: paxstats"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
			if tt.stdout == "" && out != "" {
				t.Errorf("printed a report for a failed run:\n%s", out)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, out)
			}
		})
	}
}

// TestManyBadRows: the first 20 errors are shown, the rest counted.
func TestManyBadRows(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	text := lines[0] + strings.Repeat(strings.Replace(lines[1], ",Pre,Proc,", ",Bad,Proc,", 1), 25)
	code, _, errOut := runArgs(t, writeFile(t, "bad.csv", text))
	if code != 1 || strings.Count(errOut, "unknown PA-X stage") != 20 || !strings.Contains(errOut, "5 more errors not shown") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

// TestDefaultPath: without an argument the program reads $PEACEKIT_PAX_CSV,
// and prints its usage and exits with 2 when it is unset.
func TestDefaultPath(t *testing.T) {
	abs, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "output.golden"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("env", func(t *testing.T) {
		t.Setenv(envPAX, abs)
		if code, out, _ := runArgs(t); code != 0 || out != string(want) {
			t.Errorf("exit %d, output:\n%s", code, out)
		}
	})
	t.Run("env names a missing file", func(t *testing.T) {
		t.Setenv(envPAX, filepath.Join(t.TempDir(), "absent.csv"))
		if code, _, errOut := runArgs(t); code != 1 || !strings.Contains(errOut, "absent.csv: no such file") {
			t.Errorf("exit %d, stderr:\n%s", code, errOut)
		}
	})
	t.Run("unset", func(t *testing.T) {
		t.Setenv(envPAX, "")
		t.Chdir(t.TempDir())
		code, out, errOut := runArgs(t)
		if code != 2 || out != "" || !strings.Contains(errOut, "usage: paxstats") ||
			!strings.Contains(errOut, envPAX+" is unset") {
			t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
		}
	})
}

// TestRealFile runs the program on the real PA-X file that PEACEKIT_PAX_CSV
// names (as the agreement/pax tests do: skipped only when it is unset; CI
// sets it).
func TestRealFile(t *testing.T) {
	path := os.Getenv(envPAX)
	if path == "" {
		t.Skipf("%s unset: no real PA-X file to read", envPAX)
	}
	code, out, errOut := runArgs(t, path)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	for _, want := range []string{
		"PA-X agreements read: 2257 (rows with errors, left out: 0)",
		"  Pre      Pre-negotiation/process                 602\n",
		"  Cea      Ceasefire                               483\n",
		"non-empty ThrdPart field: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
