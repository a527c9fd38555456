package main

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/ceasefire"
	"github.com/peacekit/peacekit/agreement/pax"
	"github.com/peacekit/peacekit/agreement/survival"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The hand-made fixtures: five invented ceasefires and the PA-X records of
// three invented agreements, in each PA-X layout: the provision-level file
// (the real file's header, and invented levels: 9001 addresses Ce at level 3
// and SsrDdr at 2, 9002 SsrDdr at 1 and Ce not at all, 9003 Ce at 1 and
// SsrDdr not at all) and the agreement-level export.
const (
	fixtureCeasefires = "testdata/ceasefires.csv"
	fixtureProvisions = "testdata/pax_provisions.csv"
	fixturePAX        = "testdata/pax.csv"
)

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestOutput runs the program on the fixtures, with each PA-X layout, and
// compares its report and chart with the golden files; run with -update to
// rewrite them after a deliberate change. The chart shows no PA-X split, so
// it is the same with either layout.
func TestOutput(t *testing.T) {
	for _, tt := range []struct{ name, pax, golden string }{
		{"provision-level", fixtureProvisions, "fixture.golden.md"},
		{"agreement-level", fixturePAX, "fixture_agreement.golden.md"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mmd := filepath.Join(t.TempDir(), "chart.mmd")
			code, out, errOut := runArgs(t, "-ceasefires", fixtureCeasefires, "-pax", tt.pax, "-mermaid", mmd, "-each")
			if code != 0 || errOut != "" {
				t.Fatalf("run = %d, stderr %q; want 0 and nothing", code, errOut)
			}
			agreementtest.CheckGolden(t, filepath.Join("testdata", tt.golden), []byte(out), *update)
			chart, err := os.ReadFile(mmd)
			if err != nil {
				t.Fatal(err)
			}
			agreementtest.CheckGolden(t, filepath.Join("testdata", "fixture.mmd"), chart, *update)
			if !strings.Contains(out, "```mermaid\n"+string(chart)+"```\n") {
				t.Error("the report does not embed the chart written by -mermaid")
			}
		})
	}
}

// TestFixtureFigures checks figures of the fixture by hand, so that the
// golden files cannot silently hold wrong ones: 4 ceasefires observed (the
// fifth ends undated), 3 ended after 35, 5 and 0 days, 1 censored after 549.
func TestFixtureFigures(t *testing.T) {
	// Provision levels: the ceasefires of 35 days (agreement 9001: Ce 3,
	// SsrDdr 2), 5 and 0 days (9002: Ce 0, SsrDdr 1) and 549 days censored
	// (9003: Ce 1, SsrDdr 0). SsrDdr addressed: 0, 5 and 35 days, so S(30)
	// = 2/3 * 1/2 = 1/3 and the median is 5.
	_, out, _ := runArgs(t, "-ceasefires", fixtureCeasefires, "-pax", fixtureProvisions)
	for _, want := range []string{
		"| SsrDdr addressed (level 1-3) | 3 | 3 | 0 | 0.333 [0.009, 0.774] | 0.000 [0.000, 0.000] | 0.000 [0.000, 0.000] | 5 | 1 | 0 | 0 |",
		"| SsrDdr not addressed (level 0) | 1 | 0 | 1 | 1.000 [1.000, 1.000] |",
		"| Ce level 0 | 2 | 2 | 0 | 0.000 [",
		"| Ce level 1 | 1 | 0 | 1 | 1.000 [",
		"| Ce level 3 | 1 | 1 | 0 | 1.000 [1.000, 1.000] | 0.000 [",
		"PA-X code SsrDdr (disarmament, demobilisation, reintegration; under Ssr, security sector)",
		"PA-X code Ce (ceasefire; under Ssr, security sector)",
		"Log-rank test, over the groups of linked agreements with provision levels only: chi-square",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("provision-level output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, groupNoLevels) {
		t.Errorf("provision-level output has the group %q", groupNoLevels)
	}
	_, out, _ = runArgs(t, "-ceasefires", fixtureCeasefires, "-pax", fixturePAX)
	if n := strings.Count(out, "| "+groupNoLevels+" | 4 | 3 | 1 |"); n != 2 {
		t.Errorf("agreement-level output has %d rows %q of 4 ceasefires, want 2 (one per provision split):\n%s",
			n, groupNoLevels, out)
	}
	for _, paxPath := range []string{fixtureProvisions, fixturePAX} {
		_, out, _ := runArgs(t, "-ceasefires", fixtureCeasefires, "-pax", paxPath, "-each")
		testFixtureCommon(t, paxPath, out)
	}
}

// testFixtureCommon checks the figures of the fixture report that do not
// depend on the PA-X layout.
func testFixtureCommon(t *testing.T, paxPath, out string) {
	t.Helper()
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
			t.Errorf("output with %s lacks %q:\n%s", paxPath, want, out)
		}
	}
}

// TestGroups checks the PA-X groups of the ceasefires the fixture cannot
// place in a survival table: one with no PA-X link, one whose PA-X id is not
// in the file (its end is undated), and linked records without provision
// levels.
func TestGroups(t *testing.T) {
	prov, err := load(fixtureCeasefires, fixtureProvisions)
	if err != nil {
		t.Fatal(err)
	}
	agr, err := load(fixtureCeasefires, fixturePAX)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int]ceasefire.Ceasefire{}
	for _, c := range prov.ceasefires {
		byID[c.ID] = c
	}
	unlinked := byID[901001]
	unlinked.PAXIDs = nil
	level := func(rec pax.Record) string { return "Ce " + strconv.Itoa(int(rec.Provisions.Level("Ce"))) }
	for _, tt := range []struct {
		d    *data
		c    ceasefire.Ceasefire
		want string
	}{
		{prov, unlinked, groupNoLink},
		{prov, byID[901004], groupNotInFile},
		{prov, byID[901001], "Ce 3"},
		{prov, byID[901002], "Ce 0"},
		{agr, unlinked, groupNoLink},
		{agr, byID[901004], groupNotInFile},
		{agr, byID[901001], groupNoLevels},
	} {
		if got := tt.d.provisionGroup(tt.c, level); got != tt.want {
			t.Errorf("ceasefire %d (pax ids %v, %v): group %q, want %q", tt.c.ID, tt.c.PAXIDs,
				tt.d.pax[9001].Layout, got, tt.want)
		}
	}
}

// TestReplayProvisionStubs: the agreement built from a provision-level
// record holds the record's provision stubs, bound on pax.PartiesID, besides
// the ceasefire clause, and the clause read is the ceasefire clause: its
// state and since when are those of the agreement built from the same
// record without provision levels.
func TestReplayProvisionStubs(t *testing.T) {
	d, err := load(fixtureCeasefires, fixtureProvisions)
	if err != nil {
		t.Fatal(err)
	}
	n, stubbed := 0, 0
	for _, c := range d.ceasefires {
		rec, ok := d.pax[c.PAXIDs[0]]
		if !ok {
			continue
		}
		if rec.Layout != pax.LayoutProvision {
			t.Fatalf("agreement %d read as %v", rec.AgtID, rec.Layout)
		}
		a := buildAgreement(c, rec)
		var stubs, holds int
		for _, cl := range a.Clauses {
			switch {
			case cl.ID == holdClause:
				holds++
			case slices.Equal(cl.Debtors, []agreement.PartyID{pax.PartiesID}) && cl.Kind == agreement.DeonticPermission:
				stubs++
			default:
				t.Errorf("ceasefire %d: unexpected clause %q", c.ID, cl.ID)
			}
		}
		if _, ok := a.Party(pax.PartiesID); holds != 1 || stubs != rec.Provisions.Len() || !ok {
			t.Errorf("ceasefire %d: %d ceasefire clauses, %d stubs (want 1 and %d), parties %v", c.ID, holds, stubs,
				rec.Provisions.Len(), a.Parties)
		}
		bare := rec
		bare.Layout, bare.Provisions = pax.LayoutAgreement, pax.ProvisionSet{}
		got, err := replay(c, rec)
		if err != nil {
			t.Fatal(err)
		}
		want, err := replay(c, bare)
		if err != nil {
			t.Fatal(err)
		}
		if got.state != want.state || !got.since.Equal(want.since) {
			t.Errorf("ceasefire %d: clause %v since %v with the stubs, %v since %v without", c.ID, got.state, got.since,
				want.state, want.since)
		}
		n++
		if rec.Provisions.Len() > 0 {
			stubbed++
		}
	}
	if n != 4 || stubbed != 4 {
		t.Errorf("%d ceasefires replayed, %d with stubs; want 4 and 4", n, stubbed)
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
	golden := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	wantProvisions, wantAgreement := golden("fixture.golden.md"), golden("fixture_agreement.golden.md")
	t.Run("env", func(t *testing.T) {
		// The provision-level file comes first.
		t.Setenv(envCeasefires, abs(fixtureCeasefires))
		t.Setenv(envProvisions, abs(fixtureProvisions))
		t.Setenv(envPAX, abs(fixturePAX))
		if code, out, errOut := runArgs(t, "-each"); code != 0 || out != wantProvisions {
			t.Errorf("exit %d, stderr %s, output:\n%s", code, errOut, out)
		}
	})
	t.Run("agreement-level last", func(t *testing.T) {
		// Outside the module (no shared/data to find), with only
		// $PEACEKIT_PAX_CSV set.
		t.Setenv(envCeasefires, abs(fixtureCeasefires))
		t.Setenv(envProvisions, "")
		t.Setenv(envPAX, abs(fixturePAX))
		t.Chdir(t.TempDir())
		if code, out, errOut := runArgs(t, "-each"); code != 0 || out != wantAgreement {
			t.Errorf("exit %d, stderr %s, output:\n%s", code, errOut, out)
		}
	})
	for _, env := range []string{envCeasefires, envProvisions} {
		t.Run("env names a missing file/"+env, func(t *testing.T) {
			t.Setenv(envCeasefires, abs(fixtureCeasefires))
			t.Setenv(envProvisions, abs(fixtureProvisions))
			t.Setenv(envPAX, abs(fixturePAX))
			t.Setenv(env, filepath.Join(t.TempDir(), "absent.csv"))
			if code, _, errOut := runArgs(t); code != 1 || !strings.Contains(errOut, "absent.csv: no such file") {
				t.Errorf("exit %d, stderr:\n%s", code, errOut)
			}
		})
	}
	t.Run("nothing", func(t *testing.T) {
		t.Setenv(envCeasefires, "")
		t.Setenv(envProvisions, abs(fixtureProvisions))
		t.Chdir(t.TempDir())
		if code, _, errOut := runArgs(t); code != 2 || !strings.Contains(errOut, "$"+envCeasefires+" is unset") {
			t.Errorf("exit %d, stderr:\n%s", code, errOut)
		}
	})
	t.Run("no PA-X file", func(t *testing.T) {
		t.Setenv(envCeasefires, abs(fixtureCeasefires))
		t.Setenv(envProvisions, "")
		t.Setenv(envPAX, "")
		t.Chdir(t.TempDir())
		if code, _, errOut := runArgs(t); code != 2 || !strings.Contains(errOut, "no PA-X file: $"+envProvisions+
			" and $"+envPAX+" are unset") {
			t.Errorf("exit %d, stderr:\n%s", code, errOut)
		}
	})
}

// realPaths returns the real ceasefire file and the real PA-X
// provision-level file as the program finds them by default, skipping when
// there are none.
func realPaths(t *testing.T) (cf, px string) {
	t.Helper()
	var ok bool
	if cf, ok = defaultPath(envCeasefires, nameCeasefires); !ok {
		t.Skipf("%s unset and no shared/data/%s in the module root's parent", envCeasefires, nameCeasefires)
	}
	if px, ok = defaultPath(envProvisions, nameProvisions); !ok {
		t.Skipf("%s unset and no shared/data/%s in the module root's parent", envProvisions, nameProvisions)
	}
	for _, p := range []string{cf, px} {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%s does not exist", p)
		}
	}
	return cf, px
}

// TestRealFiles runs the program on the real files, with the PA-X file it
// reads by default (the provision-level file), compares the report with its
// golden file, and checks the replays against a Kaplan-Meier estimate
// computed here, apart from the program: the linked ceasefires whose clause
// expired are exactly those the estimate counts as events, and those whose
// clause is still in effect exactly the censored ones. It checks the
// provision splits' counts the same way, and the replays over agreements
// read from the agreement-level file when that file is there too.
func TestRealFiles(t *testing.T) {
	cfPath, paxPath := realPaths(t)
	mmd := filepath.Join(t.TempDir(), "chart.mmd")
	code, out, errOut := runArgs(t, "-ceasefires", cfPath, "-mermaid", mmd)
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
	if len(d.pax) != 2257 {
		t.Errorf("%d PA-X records, want 2257", len(d.pax))
	}
	for id, rec := range d.pax {
		if rec.Layout != pax.LayoutProvision {
			t.Fatalf("%s: agreement %d read as %v, want provision-level", paxPath, id, rec.Layout)
		}
	}
	checkReplays(t, d, r)
	checkProvisionSplit(t, d, r)
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

	t.Run("agreement-level", func(t *testing.T) {
		paxPath, ok := defaultPath(envPAX, namePAX)
		if !ok {
			t.Skipf("%s unset and no shared/data/%s in the module root's parent", envPAX, namePAX)
		}
		d, err := load(cfPath, paxPath)
		if err != nil {
			t.Fatal(err)
		}
		r, err := analyse(d)
		if err != nil {
			t.Fatal(err)
		}
		checkReplays(t, d, r)
		for _, sp := range r.splits[len(r.splits)-2:] {
			for _, g := range sp.groups {
				if g.name != groupNoLink && g.name != groupNotInFile && g.name != groupNoLevels {
					t.Errorf("split by %s: group %q from the agreement-level file", sp.title, g.name)
				}
			}
		}
	})
}

// checkReplays checks the replays of the real files' linked ceasefires
// against a Kaplan-Meier estimate of the same ceasefires computed here.
func checkReplays(t *testing.T, d *data, r *report) {
	t.Helper()
	if d.rows != 4091 || len(d.ceasefires) != 2203 || r.linked != 236 || r.linkedIDs != 235 ||
		!slices.Equal(r.unresolved, []int{1081}) || len(r.replays) != 235 {
		t.Errorf("%d rows, %d ceasefires, %d linked to %d agreements, unresolved %v, %d replays", d.rows,
			len(d.ceasefires), r.linked, r.linkedIDs, r.unresolved, len(r.replays))
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
}

// checkProvisionSplit checks the split by SsrDdr against counts made here
// from the records: the linked ceasefires observed whose agreement addresses
// SsrDdr, and those whose agreement does not.
func checkProvisionSplit(t *testing.T, d *data, r *report) {
	t.Helper()
	type counts struct{ n, events int }
	want := map[string]counts{}
	for _, c := range d.ceasefires {
		o, ok := c.Observation()
		if !ok || len(c.PAXIDs) == 0 {
			continue
		}
		rec, ok := d.pax[c.PAXIDs[0]]
		if !ok {
			continue
		}
		name := "SsrDdr not addressed (level 0)"
		if rec.Provisions.Level("SsrDdr") != 0 {
			name = "SsrDdr addressed (level 1-3)"
		}
		k := want[name]
		k.n++
		if o.Event {
			k.events++
		}
		want[name] = k
	}
	i := slices.IndexFunc(r.splits, func(s split) bool { return s.title == "PA-X provision SsrDdr" })
	if i < 0 {
		t.Fatal("no split by SsrDdr")
	}
	got := map[string]counts{}
	for _, g := range r.splits[i].groups {
		got[g.name] = counts{g.curve.N(), g.curve.Events()}
	}
	if got["SsrDdr addressed (level 1-3)"] != want["SsrDdr addressed (level 1-3)"] ||
		got["SsrDdr not addressed (level 0)"] != want["SsrDdr not addressed (level 0)"] ||
		want["SsrDdr addressed (level 1-3)"].n+want["SsrDdr not addressed (level 0)"].n != 212 {
		t.Errorf("split by SsrDdr: %v; counted from the records: %v (212 in all)", got, want)
	}
}
