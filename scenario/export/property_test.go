package export_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
	"github.com/peacekit/peacekit/scenario/scenariotest"
	"pgregory.net/rapid"
)

// drawTrace replays a random timeline over a random process: one built to
// move through the lifecycle, or one of package agreementtest's (which
// have territories).
func drawTrace(t *rapid.T) *scenario.Trace {
	var p agreement.Process
	if rapid.Bool().Draw(t, "lifecycle") {
		p = scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
	} else {
		p = agreementtest.Process(agreementtest.Config{}).Draw(t, "process")
	}
	e, err := scenario.CompileProcess(p)
	if err != nil {
		t.Fatal(err)
	}
	cfg := scenariotest.TimelineConfig{}
	gen := scenariotest.Timeline(p, cfg)
	if rapid.Bool().Draw(t, "amended") {
		gen = scenariotest.AmendedTimeline(p, cfg)
	}
	tl := gen.Draw(t, "timeline")
	tr, err := e.Replay(tl, cfg.End())
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// readCSV reads a table written by WriteCSV back with encoding/csv, one
// leading single quote dropped from each cell, as the package doc says.
func readCSV(t rapid.TB, data []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV back: %v\n%s", err, data)
	}
	for _, r := range recs {
		for k, c := range r {
			if strings.HasPrefix(c, "'") {
				r[k] = c[1:]
			} else if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q not escaped", c)
			}
		}
	}
	return recs
}

// readJSON reads a table written by WriteJSON into rows of cells in the
// order of header, null as "".
func readJSON(t rapid.TB, header []string, data []byte) [][]string {
	t.Helper()
	var objs []map[string]*string
	if err := json.Unmarshal(data, &objs); err != nil {
		t.Fatalf("reading the JSON back: %v\n%s", err, data)
	}
	rows := [][]string{header}
	for _, o := range objs {
		if len(o) != len(header) {
			t.Errorf("object with %d members, want %d: %v", len(o), len(header), o)
		}
		r := make([]string, len(header))
		for k, h := range header {
			if v := o[h]; v != nil {
				r[k] = *v
			}
		}
		rows = append(rows, r)
	}
	return rows
}

func tables(t rapid.TB, tr *scenario.Trace) map[export.Table][][]string {
	t.Helper()
	all := map[export.Table][][]string{}
	for _, table := range export.Tables() {
		var c, j bytes.Buffer
		if err := export.WriteCSV(&c, tr, table); err != nil {
			t.Fatalf("WriteCSV %v: %v", table, err)
		}
		if err := export.WriteJSON(&j, tr, table); err != nil {
			t.Fatalf("WriteJSON %v: %v", table, err)
		}
		read := readCSV(t, c.Bytes())
		rows := readJSON(t, read[0], j.Bytes())
		// encoding/csv reads a line break "\r\n" in a cell as "\n" (see
		// markup.WriteCSV); the JSON keeps it, and the checks below read
		// the JSON's exact cells.
		asRead := make([][]string, len(rows))
		for i, r := range rows {
			for _, c := range r {
				asRead[i] = append(asRead[i], strings.ReplaceAll(c, "\r\n", "\n"))
			}
		}
		if !slices.EqualFunc(read, asRead, slices.Equal) {
			t.Fatalf("%v: the CSV read back and unescaped differs from the JSON:\n%q\n%q", table, read, rows)
		}
		all[table] = rows
	}
	return all
}

func TestPropertyTables(t *testing.T) {
	// seen counts the cases that exercise each table, so that the property
	// fails unless the generators reach them.
	seen := map[string]int{}
	rapid.Check(t, func(t *rapid.T) {
		tr := drawTrace(t)
		all := tables(t, tr)
		for table, rows := range all {
			if len(rows) > 1 {
				seen[table.String()]++
			}
		}
		if len(tr.Versions()) > 1 {
			seen["amended"]++
		}
		loc := tr.Location()
		instant := func(at time.Time) string { return at.In(loc).Format(time.RFC3339Nano) }

		// The transitions table is the trace's transitions, in order.
		var trs []scenario.Transition
		for x := range tr.Transitions() {
			trs = append(trs, x)
		}
		rows := all[export.Transitions][1:]
		if len(rows) != len(trs) {
			t.Fatalf("%d transition rows, want %d", len(rows), len(trs))
		}
		for k, x := range trs {
			ev := ""
			if i, ok := x.Cause.Event(); ok {
				ev = strconv.Itoa(i)
			}
			want := []string{instant(x.At), x.Instance.String(), x.From.String(), x.To.String(), x.Cause.Kind.String(), ev,
				tr.DescribeCause(x.Cause)}
			r := rows[k]
			if got := []string{r[0], r[4], r[5], r[6], r[7], r[8], r[11]}; !slices.Equal(got, want) {
				t.Fatalf("transition row %d: %q, want %q", k, got, want)
			}
		}

		// The states of each instance tile the replay and follow its
		// transitions.
		byInstance := map[string][][]string{}
		var order []string
		for _, r := range all[export.States][1:] {
			if _, ok := byInstance[r[3]]; !ok {
				order = append(order, r[3])
			}
			byInstance[r[3]] = append(byInstance[r[3]], r)
		}
		if want := len(tr.Engine().Agreements()) + len(tr.Engine().Instances()); len(order) < want {
			t.Fatalf("states of %d instances, want at least %d", len(order), want)
		}
		moves := map[string][]scenario.Transition{}
		for _, x := range trs {
			moves[x.Instance.String()] = append(moves[x.Instance.String()], x)
		}
		for _, name := range order {
			rs, ms := byInstance[name], moves[name]
			if len(rs) != len(ms)+1 {
				t.Fatalf("%s: %d states for %d transitions", name, len(rs), len(ms))
			}
			if rs[0][6] != instant(tr.Start()) {
				t.Fatalf("%s: first state from %s, want the start %s", name, rs[0][6], instant(tr.Start()))
			}
			if rs[len(rs)-1][7] != "" {
				t.Fatalf("%s: last state until %q, want open", name, rs[len(rs)-1][7])
			}
			// Each row's text is the clause's text as it stood when the
			// row's state began.
			for k, r := range rs {
				from := tr.Start()
				if k > 0 {
					from = ms[k-1].At
				}
				want := ""
				if r[1] != "" {
					c, _ := tr.Clause(agreement.QualifiedRef(agreement.AgreementID(r[0]), agreement.ClauseID(r[1])), from)
					want = c.Text
				}
				if r[4] != want {
					t.Fatalf("%s: state %d text %q, want %q", name, k, r[4], want)
				}
			}
			for k, m := range ms {
				if rs[k][7] != rs[k+1][6] || rs[k][7] != instant(m.At) {
					t.Fatalf("%s: state %d until %s, next from %s, transition at %s", name, k, rs[k][7], rs[k+1][6], instant(m.At))
				}
				if rs[k][5] != m.From.String() || rs[k+1][5] != m.To.String() {
					t.Fatalf("%s: states %s then %s, transition %v to %v", name, rs[k][5], rs[k+1][5], m.From, m.To)
				}
			}
		}

		// Bound is the in-effect intervals of States, each split only at
		// amendments that change the row's debtor, text or creditors, and
		// each row reads the clause as it stood at its from.
		type span struct{ inst, text, from, until string }
		var inEffect []span
		for _, r := range all[export.States][1:] {
			if r[5] == agreement.StateInEffect.String() && r[1] != "" {
				inEffect = append(inEffect, span{r[3], r[4], r[6], r[7]})
			}
		}
		amendedAt := map[string]bool{}
		for _, v := range tr.Versions()[1:] {
			amendedAt[instant(v.At)] = true
		}
		bound := all[export.Bound][1:]
		k := 0
		for _, want := range inEffect {
			if k >= len(bound) || bound[k][3] != want.inst || bound[k][6] != want.from || bound[k][4] != want.text {
				t.Fatalf("in-effect state %v, bound rows from %d: %q", want, k, bound[k:])
			}
			for bound[k][7] != want.until {
				next := k + 1
				if next >= len(bound) || bound[next][3] != want.inst || bound[next][6] != bound[k][7] ||
					!amendedAt[bound[next][6]] || slices.Equal([]string{bound[k][2], bound[k][4], bound[k][5]},
					[]string{bound[next][2], bound[next][4], bound[next][5]}) {
					t.Fatalf("in-effect state %v split into %q", want, bound[k:min(next+1, len(bound))])
				}
				k = next
			}
			k++
		}
		if k != len(bound) {
			t.Fatalf("bound rows %q beyond the in-effect states %v", bound[k:], inEffect)
		}
		for _, r := range bound {
			from, err := time.Parse(time.RFC3339Nano, r[6])
			if err != nil {
				t.Fatal(err)
			}
			c, _ := tr.Clause(agreement.Ref{Agreement: agreement.AgreementID(r[0]), Clause: agreement.ClauseID(r[1])}, from)
			debtor := ""
			if _, d, ok := strings.Cut(strings.TrimSuffix(r[3], "]"), "["); ok {
				debtor = d
			} else if len(c.Debtors) == 1 {
				debtor = string(c.Debtors[0])
			}
			var creditors []string
			for _, p := range c.Creditors {
				creditors = append(creditors, string(p))
			}
			if r[2] != debtor || r[4] != c.Text || r[5] != strings.Join(creditors, " ") {
				t.Fatalf("bound row %q, clause at its from: debtor %q, text %q, creditors %q", r, debtor, c.Text, creditors)
			}
		}

		// Breaches are the trace's, in order.
		n := 0
		for b := range tr.Breaches() {
			if n+1 >= len(all[export.Breaches]) || all[export.Breaches][n+1][3] != b.Instance.String() {
				t.Fatalf("breach %d of %v missing or out of order", n, b.Instance)
			}
			n++
		}
		if n != len(all[export.Breaches])-1 {
			t.Fatalf("%d breach rows, want %d", len(all[export.Breaches])-1, n)
		}

		checkTerritory(t, tr, all[export.Territory][1:])
		checkGanttRows(t, tr)
	})
	// With -short, rapid draws too few cases to see every kind: the
	// coverage is checked by full runs, as the package scenario's are.
	if t.Failed() || testing.Short() {
		return
	}
	for _, what := range []string{"transitions", "states", "bound", "breaches", "territory", "amended"} {
		if seen[what] == 0 {
			t.Errorf("no case exercised %s", what)
		}
	}
}

// checkTerritory checks that the territory rows give, at every event
// instant, each share the trace's territory has then.
func checkTerritory(t *rapid.T, tr *scenario.Trace, rows [][]string) {
	loc := tr.Location()
	for _, ev := range tr.Events() {
		at := ev.At.In(loc).Format(time.RFC3339Nano)
		for _, id := range tr.Engine().Agreements() {
			terr, err := tr.Territory(id, ev.At)
			if err != nil {
				t.Fatal(err)
			}
			for _, area := range terr.Areas {
				for _, sh := range area.Control {
					if got := shareAt(rows, id, area.ID, "control", sh.Party, at); got != sh.Percent.String() {
						t.Fatalf("%s %s control of %s at %s: %q, want %s", id, area.ID, sh.Party, at, got, sh.Percent)
					}
				}
				for _, sh := range area.Sovereignty {
					if got := shareAt(rows, id, area.ID, "sovereignty", sh.Party, at); got != sh.Percent.String() {
						t.Fatalf("%s %s sovereignty of %s at %s: %q, want %s", id, area.ID, sh.Party, at, got, sh.Percent)
					}
				}
			}
		}
	}
}

// shareAt returns the share the territory rows give at instant at. The
// rows' instants are compared as instants: as strings, RFC 3339 with
// fractional seconds does not sort ("00Z" after "00.000000082Z").
func shareAt(rows [][]string, a agreement.AgreementID, area agreement.AreaID, kind string, p agreement.PartyID, at string) string {
	when := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return time.Time{} // reported below as unparsable
		}
		return t
	}
	got := ""
	for _, r := range rows {
		if r[0] != string(a) || r[1] != string(area) || r[2] != kind || r[3] != string(p) {
			continue
		}
		from, until := when(r[5]), when(r[6])
		if from.IsZero() || r[6] != "" && until.IsZero() {
			return fmt.Sprintf("unparsable instants %q, %q", r[5], r[6])
		}
		if !when(at).Before(from) && (r[6] == "" || when(at).Before(until)) {
			if got != "" {
				return "two rows"
			}
			got = r[4]
		}
	}
	return got
}

// checkGanttRows lays out the Gantt chart of tr as Mermaid's compact mode
// does (in each section, bars sorted by start then declaration, each on the
// first row free at its start) and checks that each row holds the bars of
// one instance, and each instance one row.
func checkGanttRows(t rapid.TB, tr *scenario.Trace) {
	var b bytes.Buffer
	if err := export.Gantt(&b, tr); err != nil {
		t.Fatal(err)
	}
	type bar struct {
		name       string // the row's name: the task's without its state
		start, end time.Time
		order      int
	}
	sections := map[string][]bar{}
	var section string
	sc := bufio.NewScanner(&b)
	for n := 0; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if s, ok := strings.CutPrefix(line, "section "); ok {
			section = s
			continue
		}
		name, data, ok := strings.Cut(line, " :")
		if !ok || section == "" || strings.Contains(data, "milestone") {
			continue
		}
		f := strings.Split(data, ", ")
		start, err1 := time.Parse("2006-01-02 15:04", f[len(f)-2])
		end, err2 := time.Parse("2006-01-02 15:04", f[len(f)-1])
		if err1 != nil || err2 != nil || !end.After(start) {
			t.Fatalf("bar %q: bad interval", line)
		}
		_, row, _ := strings.Cut(name, " ")
		sections[section] = append(sections[section], bar{row, start, end, n})
	}
	for s, bars := range sections {
		sorted := slices.Clone(bars)
		slices.SortStableFunc(sorted, func(a, b bar) int { return a.start.Compare(b.start) })
		var ends []time.Time
		var names []string
		for _, x := range sorted {
			j := slices.IndexFunc(ends, func(e time.Time) bool { return !x.start.Before(e) })
			if j < 0 {
				j = len(ends)
				ends = append(ends, time.Time{})
				names = append(names, x.name)
			}
			if names[j] != x.name {
				t.Fatalf("section %s: bar of %q on the row of %q", s, x.name, names[j])
			}
			ends[j] = x.end
		}
		for i, n := range names {
			if slices.Index(names, n) != i {
				t.Fatalf("section %s: %q on two rows", s, n)
			}
		}
	}
}

// shareAt reads a row that ends 82 ns after a whole second as covering that
// second, and the next row as starting after it: RFC 3339 strings with
// fractional seconds do not sort as their instants do (a rapid seed found
// the property failing on a right table).
func TestShareAtComparesInstants(t *testing.T) {
	rows := [][]string{
		{"a", "8", "sovereignty", "P", "0.8", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00.000000082Z"},
		{"a", "8", "sovereignty", "P", "100", "2026-02-01T00:00:00.000000082Z", ""},
	}
	for at, want := range map[string]string{
		"2026-02-01T00:00:00Z":           "0.8",
		"2026-02-01T00:00:00.000000081Z": "0.8",
		"2026-02-01T00:00:00.000000082Z": "100",
		"2026-03-01T00:00:00Z":           "100",
		"2025-12-31T23:59:59.5Z":         "",
	} {
		if got := shareAt(rows, "a", "8", "sovereignty", "P", at); got != want {
			t.Errorf("at %s: %q, want %q", at, got, want)
		}
	}
}
