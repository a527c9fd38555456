package main

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/ceasefire"
	"github.com/peacekit/peacekit/agreement/survival"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The hand-made fixtures: five invented ceasefires and the PA-X records of
// three invented agreements.
const (
	fixtureCeasefires = "testdata/ceasefires.csv"
	fixturePAX        = "testdata/pax.csv"
)

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestOutput runs the program on the fixtures and compares its report and
// chart with the golden files; run with -update to rewrite them after a
// deliberate change.
func TestOutput(t *testing.T) {
	mmd := filepath.Join(t.TempDir(), "chart.mmd")
	code, out, errOut := runArgs(t, "-ceasefires", fixtureCeasefires, "-pax", fixturePAX, "-mermaid", mmd, "-each")
	if code != 0 || errOut != "" {
		t.Fatalf("run = %d, stderr %q; want 0 and nothing", code, errOut)
	}
	agreementtest.CheckGolden(t, filepath.Join("testdata", "fixture.golden.md"), []byte(out), *update)
	chart, err := os.ReadFile(mmd)
	if err != nil {
		t.Fatal(err)
	}
	agreementtest.CheckGolden(t, filepath.Join("testdata", "fixture.mmd"), chart, *update)
	if !strings.Contains(out, "```mermaid\n"+string(chart)+"```\n") {
		t.Error("the report does not embed the chart written by -mermaid")
	}
}

// TestFixtureFigures checks figures of the fixture by hand, so that the
// golden file cannot silently hold wrong ones: 4 ceasefires observed (the
// fifth ends undated), 3 ended after 35, 5 and 0 days, 1 censored after 549.
func TestFixtureFigures(t *testing.T) {
	_, out, _ := runArgs(t, "-ceasefires", fixtureCeasefires, "-pax", fixturePAX, "-each")
	for _, want := range []string{
		"7 actor rows, 5 ceasefires. 3 ended (a recorded end date), 1 still in force",
		// Durations 0, 5 and 35 (ended) and 549 (censored): S(30) = 3/4 * 2/3
		// = 0.5, S(90) = S(365) = 0.5 * 1/2; the median is 5 days, the first
		// at which S <= 0.5; at risk at 30 the 35- and 549-day ceasefires, at
		// 90 and 365 the 549-day one.
		"| all ceasefires | 4 | 3 | 1 | 0.500 [0.058, 0.845] | 0.250 [",
		"| 5 | 2 | 1 | 1 |",
		"1 linked id(s) are not in the PA-X file: 9999.",
		"| expired at the recorded end (fulfilled) | 3 | events | 3 |",
		"| still in effect | 1 | censored | 1 |",
		"| 901003 | Alphaland | pax-9003 | Cea | 2019-07-01 | censored | 549 | in-effect since 2019-07-01 |",
		"| 901005 | Alphaland | pax-9002 | Pre | 2010-07-04 | 2010-07-04 | 0 | fulfilled since 2010-07-04 |",
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
	data, err := os.ReadFile(fixtureCeasefires)
	if err != nil {
		t.Fatal(err)
	}
	bad := writeFile(t, "bad.csv", strings.Replace(string(data), "\n901,5,901005,", "\n901,5,901006,", 1))
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"missing file", []string{"-ceasefires", "testdata/absent.csv", "-pax", fixturePAX}, 1,
			"ceasefires: open testdata/absent.csv: no such file or directory"},
		{"bad row", []string{"-ceasefires", bad, "-pax", fixturePAX}, 1,
			bad + `: ceasefire: row 7 (line 9), column "uniq_id": uniq_id 901006 is not cc x 1000 + cf_id = 901005`},
		{"not a PA-X file", []string{"-ceasefires", fixtureCeasefires, "-pax", fixtureCeasefires}, 1, "pax: bad header"},
		{"argument", []string{"x.csv"}, 2, "no arguments expected"},
		{"unknown flag", []string{"-x"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d and %q", code, out, errOut, tt.code, tt.stderr)
			}
		})
	}
}

// TestDefaultPaths: without flags the program reads the files the variables
// name; a variable naming a missing file is an error.
func TestDefaultPaths(t *testing.T) {
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	want, err := os.ReadFile(filepath.Join("testdata", "fixture.golden.md"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("env", func(t *testing.T) {
		t.Setenv(envCeasefires, abs(fixtureCeasefires))
		t.Setenv(envPAX, abs(fixturePAX))
		if code, out, errOut := runArgs(t, "-each"); code != 0 || out != string(want) {
			t.Errorf("exit %d, stderr %s, output:\n%s", code, errOut, out)
		}
	})
	t.Run("env names a missing file", func(t *testing.T) {
		t.Setenv(envCeasefires, filepath.Join(t.TempDir(), "absent.csv"))
		t.Setenv(envPAX, abs(fixturePAX))
		if code, _, errOut := runArgs(t); code != 1 || !strings.Contains(errOut, "absent.csv: no such file") {
			t.Errorf("exit %d, stderr:\n%s", code, errOut)
		}
	})
	t.Run("nothing", func(t *testing.T) {
		t.Setenv(envCeasefires, "")
		t.Setenv(envPAX, abs(fixturePAX))
		t.Chdir(t.TempDir())
		if code, _, errOut := runArgs(t); code != 2 || !strings.Contains(errOut, "$"+envCeasefires+" is unset") {
			t.Errorf("exit %d, stderr:\n%s", code, errOut)
		}
	})
}

// realPaths returns the real files as the program finds them by default,
// skipping when there are none.
func realPaths(t *testing.T) (cf, px string) {
	t.Helper()
	var ok bool
	if cf, ok = defaultPath(envCeasefires, "ceasefires.csv"); !ok {
		t.Skipf("%s unset and no shared/data/ceasefires.csv in the module root's parent", envCeasefires)
	}
	if px, ok = defaultPath(envPAX, "pax.csv"); !ok {
		t.Skipf("%s unset and no shared/data/pax.csv in the module root's parent", envPAX)
	}
	for _, p := range []string{cf, px} {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%s does not exist", p)
		}
	}
	return cf, px
}

// TestRealFiles runs the program on the real files, compares the report with
// its golden file, and checks the replays against a Kaplan-Meier estimate
// computed here, apart from the program: the linked ceasefires whose clause
// expired are exactly those the estimate counts as events, and those whose
// clause is still in effect exactly the censored ones.
func TestRealFiles(t *testing.T) {
	cfPath, paxPath := realPaths(t)
	mmd := filepath.Join(t.TempDir(), "chart.mmd")
	code, out, errOut := runArgs(t, "-ceasefires", cfPath, "-pax", paxPath, "-mermaid", mmd)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	agreementtest.CheckGolden(t, filepath.Join("testdata", "real.golden.md"), []byte(out), *update)
	chart, err := os.ReadFile(mmd)
	if err != nil {
		t.Fatal(err)
	}
	agreementtest.CheckGolden(t, filepath.Join("testdata", "real.mmd"), chart, *update)

	d, err := load(cfPath, paxPath)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analyse(d)
	if err != nil {
		t.Fatal(err)
	}
	if d.rows != 4091 || len(d.ceasefires) != 2203 || r.linked != 236 || r.linkedIDs != 235 ||
		!slices.Equal(r.unresolved, []int{1081}) {
		t.Errorf("%d rows, %d ceasefires, %d linked to %d agreements, unresolved %v", d.rows, len(d.ceasefires),
			r.linked, r.linkedIDs, r.unresolved)
	}
	var obs []survival.Observation
	for _, c := range d.ceasefires {
		if len(c.PAXIDs) == 0 {
			continue
		}
		if _, ok := d.pax[c.PAXIDs[0]]; !ok {
			continue
		}
		if o, ok := c.Observation(); ok {
			obs = append(obs, o)
		}
	}
	km, err := survival.KaplanMeier(obs)
	if err != nil {
		t.Fatal(err)
	}
	if km.Events() != r.clauseEnded || km.Censored() != r.clauseInForce || r.clauseOther != 0 {
		t.Errorf("clauses: %d expired, %d in effect, %d other; Kaplan-Meier: %d events, %d censored",
			r.clauseEnded, r.clauseInForce, r.clauseOther, km.Events(), km.Censored())
	}
	if km.Events() != 128 || km.Censored() != 84 {
		t.Errorf("Kaplan-Meier of the linked ceasefires: %d events, %d censored; want 128 and 84", km.Events(), km.Censored())
	}
	for _, rp := range r.replays {
		want := agreement.StateInEffect
		if rp.c.Status == ceasefire.StatusEnded {
			want = agreement.StateFulfilled
		}
		if rp.state != want {
			t.Errorf("ceasefire %d (%v): clause %v, want %v", rp.c.ID, rp.c.Status, rp.state, want)
		}
		if rp.c.Status == ceasefire.StatusEnded && !rp.since.Equal(rp.c.End) {
			t.Errorf("ceasefire %d: clause ended at %v, the ceasefire at %v", rp.c.ID, rp.since, rp.c.End)
		}
	}
	if strings.Contains(out, "| ceasefire | location |") {
		t.Error("the report lists the ceasefires without -each")
	}
	_, each, _ := runArgs(t, "-ceasefires", cfPath, "-pax", paxPath, "-each")
	if n := strings.Count(each, " | pax-"); n != len(r.replays) || n != 235 {
		t.Errorf("-each lists %d ceasefires, want the %d replayed (235: the 236 linked but the one whose agreement "+
			"is not in the PA-X file)", n, len(r.replays))
	}
	for _, want := range []string{
		"4091 actor rows, 2203 ceasefires. 1298 ended (a recorded end date), 748 still in force",
		"157 with an end the data code but do not date",
		"| all ceasefires | 2046 | 1298 | 748 |",
		"The clause endings equal the Kaplan-Meier events and censorings of the same ceasefires.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
