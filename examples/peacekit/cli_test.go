package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/schema"
)

// TestHelp: every command answers -h, --help and "help COMMAND" on
// standard output with status 0, with its usage line, a description, its
// flags and an example; the overview names every command.
func TestHelp(t *testing.T) {
	_, overview, _ := runArgs("help")
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(overview, "\n  "+c.name+" ") {
				t.Errorf("the overview does not list %s:\n%s", c.name, overview)
			}
			var outs []string
			for _, args := range [][]string{{c.name, "-h"}, {c.name, "--help"}, {"help", c.name}} {
				code, out, errs := runArgs(args...)
				if code != exitOK || errs != "" {
					t.Errorf("%q: exit %d, stderr %q", args, code, errs)
				}
				outs = append(outs, out)
			}
			if outs[0] != outs[1] || outs[0] != outs[2] {
				t.Errorf("-h, --help and help %s differ:\n%s\n---\n%s\n---\n%s", c.name, outs[0], outs[1], outs[2])
			}
			h := outs[0]
			for _, want := range []string{"Usage: peacekit " + c.name, "\nExample", "\n  peacekit " + c.name} {
				if !strings.Contains(h, want) {
					t.Errorf("help has no %q:\n%s", want, h)
				}
			}
			if len(c.formats) > 0 && !strings.Contains(h, "-format") {
				t.Errorf("help lists no -format:\n%s", h)
			}
		})
	}
}

// TestOutputFile: -o writes the output to a file, created only on success.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.txt")
	code, stdout, errs := runArgs("replay", "-o", out, final, timeline)
	if code != exitOK || stdout != "" || errs != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := runArgs("replay", final, timeline)
	if string(got) != want {
		t.Errorf("-o wrote\n%s\nwant\n%s", got, want)
	}

	bad := filepath.Join(dir, "bad.txt")
	if code, _, _ := runArgs("replay", "-o", bad, "testdata/bad/invalid.json", timeline); code != exitBadInput {
		t.Errorf("bad input: exit %d", code)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("bad input created %s (stat: %v)", bad, err)
	}
	if code, _, errs := runArgs("diff", "-o", filepath.Join(dir, "no-such-dir", "x"), draft, final); code != exitBadInput ||
		!strings.Contains(errs, "no-such-dir") {
		t.Errorf("unwritable -o: exit %d, stderr %q", code, errs)
	}
}

// TestVersion: version names the module version and the schema version.
func TestVersion(t *testing.T) {
	code, out, errs := runArgs("version")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := regexp.MustCompile(`^peacekit \S+\nJSON schema version ` + strconv.Itoa(agreement.SchemaVersion) + `\n$`)
	if !want.MatchString(out) {
		t.Errorf("version wrote %q", out)
	}
	if code, _, _ := runArgs("version", "extra"); code != exitUsage {
		t.Errorf("version with an operand: exit %d", code)
	}
}

// TestOperandsAndFlags: flags may follow operands, and "--" ends them.
func TestOperandsAndFlags(t *testing.T) {
	_, want, _ := runArgs("replay", "-format", "markdown", final, timeline)
	for _, args := range [][]string{
		{"replay", final, "-format", "markdown", timeline},
		{"replay", final, timeline, "-format=markdown"},
		{"replay", "-format", "markdown", "--", final, timeline},
	} {
		code, got, errs := runArgs(args...)
		if code != exitOK || got != want {
			t.Errorf("%q: exit %d, stderr %q, output differs: %v", args, code, errs, got != want)
		}
	}
	if code, _, errs := runArgs("replay", "--", final, "-format"); code != exitBadInput || !strings.Contains(errs, "-format: no such file") {
		t.Errorf(`an operand after "--" that looks like a flag: exit %d, stderr %q`, code, errs)
	}
}

// TestSuggestCommand: a misspelt command is answered with the nearest.
func TestSuggestCommand(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{"replya", "replay"}, {"valdate", "validate"}, {"lnit", "lint"}, {"dif", "diff"}, {"montecralo", "montecarlo"},
	} {
		code, _, errs := runArgs(tt.got)
		if code != exitUsage || !strings.Contains(errs, `(did you mean "`+tt.want+`"?)`) {
			t.Errorf("%s: exit %d, stderr %q; want a suggestion of %q", tt.got, code, errs, tt.want)
		}
	}
	if _, _, errs := runArgs("frobnicate"); strings.Contains(errs, "did you mean") {
		t.Errorf("frobnicate: suggested something: %q", errs)
	}
}

// TestEnvironmentFiles: pax and ceasefires read the files the environment
// names when -file is not given.
func TestEnvironmentFiles(t *testing.T) {
	t.Setenv(envPAX, "testdata/pax.csv")
	t.Setenv(envCeasefires, "testdata/ceasefires.csv")
	for _, c := range [][]string{{"pax"}, {"ceasefires"}} {
		code, out, errs := runArgs(c...)
		_, want, _ := runArgs(append(c, "-file", os.Getenv(map[string]string{"pax": envPAX, "ceasefires": envCeasefires}[c[0]]))...)
		if code != exitOK || out != want {
			t.Errorf("%s: exit %d, stderr %q, output differs from -file's: %v", c[0], code, errs, out != want)
		}
	}
}

// TestSchemaFiles: schema -o DIR writes every schema file of package
// schema, and schema NAME -o FILE that one, byte for byte.
func TestSchemaFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "schemas")
	code, out, errs := runArgs("schema", "-o", dir)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, name := range schema.Names() {
		want, err := schema.JSON(name)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name+".schema.json")
		got, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from schema.JSON(%q)", file, name)
		}
		if !strings.Contains(out, file+"\n") {
			t.Errorf("stdout does not name %s:\n%s", file, out)
		}
	}
	one := filepath.Join(t.TempDir(), "timeline.json")
	if code, out, errs := runArgs("schema", "timeline", "-o", one); code != exitOK || out != "" || errs != "" {
		t.Fatalf("schema timeline -o: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	got, err := os.ReadFile(one)
	want, _ := schema.JSON("timeline")
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("schema timeline -o wrote %d bytes (%v), want the %d of schema.JSON", len(got), err, len(want))
	}
}

// TestDiffFormatsAgree: diff -format json has one object per line of
// -format text, whose description is that line, and -format csv, read back
// with a leading single quote dropped from each cell, holds the cells of
// the JSON, an empty cell for null.
func TestDiffFormatsAgree(t *testing.T) {
	for _, pair := range [][2]string{{draft, final}, {final, draft}, {cfDoc, final}, {final, final}} {
		t.Run(pair[0]+" "+pair[1], func(t *testing.T) {
			_, text, _ := runArgs("diff", pair[0], pair[1])
			code, js, errs := runArgs("diff", "-format", "json", pair[0], pair[1])
			if code != exitOK || errs != "" {
				t.Fatalf("json: exit %d, stderr %q", code, errs)
			}
			code, csvOut, errs := runArgs("diff", "-format", "csv", pair[0], pair[1])
			if code != exitOK || errs != "" {
				t.Fatalf("csv: exit %d, stderr %q", code, errs)
			}
			if !strings.HasPrefix(js, "[") {
				t.Errorf("json is no array:\n%s", js)
			}
			lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")[1:]
			var objs []map[string]*string
			if err := json.Unmarshal([]byte(js), &objs); err != nil {
				t.Fatalf("json: %v\n%s", err, js)
			}
			if len(objs) != len(lines) {
				t.Fatalf("%d objects for %d lines of text:\n%s\n%s", len(objs), len(lines), js, text)
			}
			recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
			if err != nil || len(recs) != len(objs)+1 {
				t.Fatalf("csv: %d records (%v), want a header and %d:\n%s", len(recs), err, len(objs), csvOut)
			}
			for i, o := range objs {
				if d := o["description"]; d == nil || "  "+*d != lines[i] {
					t.Errorf("object %d: description %v, want the line %q", i, d, lines[i])
				}
				for k, col := range recs[0] {
					want := ""
					if v := o[col]; v != nil {
						want = *v
					}
					if got := strings.TrimPrefix(recs[i+1][k], "'"); got != want {
						t.Errorf("row %d: %s %q in csv, %q in json", i, col, got, want)
					}
				}
			}
		})
	}
}

// TestMistakesNamed: each mistake is reported as what it is, with the exit
// status it deserves: a timeline checked against no agreement is not
// valid and is a warning; a late -start is the flag's fault, not the
// model's; a finding of the clause lint names its timeline; an instance
// named without its agreement is found in a process; a kind replay does
// not read is named as such.
func TestMistakesNamed(t *testing.T) {
	const unknownParty = "testdata/bad/timeline-unknown-party.json"
	for _, c := range []struct {
		name string
		args []string
		code int
		// Each of want is in standard output or standard error; none of
		// unwanted is in either.
		want, unwanted []string
	}{
		{"timeline with two agreements, strict", []string{"validate", "-strict", draft, final, unknownParty}, exitBadInput,
			[]string{unknownParty + ": unchecked timeline", unknownParty + ": warning: timeline decoded, not checked against an agreement (2 agreements or processes given; give one)", "1 warning, and -strict"},
			[]string{unknownParty + ": valid"}},
		{"timeline with two agreements", []string{"validate", draft, final, unknownParty}, exitOK,
			[]string{unknownParty + ": warning: timeline decoded, not checked"}, []string{unknownParty + ": valid"}},
		{"positions with two spaces, strict", []string{"validate", "-strict", "-lint=false", space, space, positions}, exitBadInput,
			[]string{positions + ": unchecked", positions + ": warning: positions decoded, not checked against a negotiation space (2 spaces given; give one)"},
			[]string{positions + ": valid"}},
		{"late start", []string{"montecarlo", "-runs", "10", "-start", "2262-01-01", cfDoc, model}, exitUsage,
			[]string{"peacekit montecarlo: -start, -horizon: a run from -start 2262-01-01 for 365d would end after"},
			[]string{model + ":"}},
		{"late start for the horizon", []string{"montecarlo", "-runs", "10", "-start", "2261-12-01", "-horizon", "30d", cfDoc, model}, exitOK, nil, nil},
		{"two timelines", []string{"validate", "-strict", final, "testdata/paris-new-attack.json", "testdata/same-day-breach.json"}, exitBadInput,
			[]string{
				final + ": clauses[1]: warning (with testdata/paris-new-attack.json): obligation \"MON\"",
				final + ": clauses[1]: warning (with testdata/same-day-breach.json): obligation \"MON\"",
				"2 warnings, and -strict",
			}, []string{final + ": clauses[1]: warning: "}},
		{"instance in a process without its agreement", []string{"explain", processDoc, processTL, "fr-troops"}, exitOK,
			[]string{"trilateral-declaration/fr-troops at "}, nil},
		{"instance with its agreement", []string{"explain", processDoc, processTL, "trilateral-declaration/fr-troops"}, exitOK,
			[]string{"trilateral-declaration/fr-troops at "}, nil},
		{"instance of one agreement without it", []string{"explain", cfDoc, newAttack, "CF[RU]"}, exitOK,
			[]string{"ceasefire-sample/CF[RU] at "}, nil},
		{"a near instance in a process", []string{"explain", processDoc, processTL, "fr-troop"}, exitBadInput,
			[]string{`unknown clause instance "fr-troop" (did you mean "trilateral-declaration/fr-troops"?)`}, nil},
		{"a clause of several instances", []string{"explain", cfDoc, newAttack, "CF"}, exitBadInput,
			[]string{`clause instance "CF" is ambiguous: give one of "ceasefire-sample/CF[UA]" or "ceasefire-sample/CF[RU]"`}, nil},
		{"replay of a timeline kind", []string{"replay", "-kind", "timeline", cfDoc, newAttack}, exitUsage,
			[]string{"replay reads an agreement or a process as AGREEMENT; timeline is not allowed here"}, []string{"unknown kind"}},
		{"montecarlo of a model kind", []string{"montecarlo", "-kind", "montecarlo-model", cfDoc, model}, exitUsage,
			[]string{"montecarlo reads an agreement or a process as AGREEMENT; montecarlo-model is not allowed here"}, nil},
		{"replay of a misspelt kind", []string{"replay", "-kind", "timelin", cfDoc, newAttack}, exitUsage,
			[]string{`unknown kind "timelin"`}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runArgs(c.args...)
			if code != c.code {
				t.Errorf("exit status %d, want %d", code, c.code)
			}
			both := out + errs
			for _, w := range c.want {
				if !strings.Contains(both, w) {
					t.Errorf("no %q in\n%s", w, both)
				}
			}
			for _, u := range c.unwanted {
				if strings.Contains(both, u) {
					t.Errorf("%q in\n%s", u, both)
				}
			}
		})
	}
}

// TestMontecarloEarlyDate checks that an agreement dated before the
// instants a replay represents, run without -start, is bad usage naming
// the date and -start, not a complaint about the model or the horizon.
func TestMontecarloEarlyDate(t *testing.T) {
	data, err := os.ReadFile(cfDoc)
	if err != nil {
		t.Fatal(err)
	}
	early := strings.Replace(string(data), `"date": "2026-01-20T00:00:00Z"`, `"date": "1600-01-01T00:00:00Z"`, 1)
	if early == string(data) {
		t.Fatalf("%s has no date to change", cfDoc)
	}
	name := filepath.Join(t.TempDir(), "early.json")
	if err := os.WriteFile(name, []byte(early), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runArgs("montecarlo", "-runs", "10", name, model)
	if code != exitUsage {
		t.Errorf("exit status %d, want %d\n%s%s", code, exitUsage, out, errs)
	}
	first, _ := agreement.InstantRange()
	want := "the date of " + name + ", 1600-01-01T00:00:00Z, is before " + first.Format(time.RFC3339Nano) +
		", the first instant a replay represents: give -start"
	if !strings.Contains(errs, want) || strings.Contains(errs, "would end after") {
		t.Errorf("stderr\n%s\nwant %q", errs, want)
	}
}
