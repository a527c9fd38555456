package ceasefire_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/peacekit/peacekit/agreement/ceasefire"
	"github.com/peacekit/peacekit/agreement/pax"
)

// The variables that name the real files.
const (
	envCeasefires = "PEACEKIT_CEASEFIRES_CSV"
	envPAX        = "PEACEKIT_PAX_CSV"
)

// realFile returns the contents of the real file the variable env names;
// when it is unset, of shared/data/name in the parent directory of the
// module root, if that exists. It skips only when neither gives a file; a variable naming a file
// that cannot be read is a failure.
func realFile(tb testing.TB, env, name string) []byte {
	tb.Helper()
	path := os.Getenv(env)
	if path == "" {
		dir, err := os.Getwd()
		if err != nil {
			tb.Fatal(err)
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				tb.Skipf("%s unset and no module root found", env)
			}
			dir = parent
		}
		path = filepath.Join(dir, "..", "shared", "data", name)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			tb.Skipf("%s unset and no %s: no real file to read", env, path)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading the real file (%s=%q): %v", env, os.Getenv(env), err)
	}
	return data
}

// TestRealRows reads every row of the real ceasefire file, with no row
// error, and counts the messy data the package documentation states, both
// from the rows the reader yields and, for the raw cells, from
// encoding/csv directly.
func TestRealRows(t *testing.T) {
	data := realFile(t, envCeasefires, "ceasefires.csv")
	var rows []ceasefire.Row
	for r, err := range ceasefire.Read(bytes.NewReader(data)) {
		if err != nil {
			t.Errorf("row error: %v", err)
			continue
		}
		rows = append(rows, r)
	}
	if len(rows) != 4091 {
		t.Fatalf("read %d rows, want 4091", len(rows))
	}

	// The raw cells, by encoding/csv.
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4092 || len(recs[0]) != 87 {
		t.Fatalf("encoding/csv: %d records of %d fields, want 4092 of 87", len(recs), len(recs[0]))
	}
	col := map[string]int{}
	for i, n := range recs[0] {
		col[n] = i
	}
	raw := func(pred func(get func(string) string) bool) int {
		n := 0
		for _, rec := range recs[1:] {
			if pred(func(c string) string { return rec[col[c]] }) {
				n++
			}
		}
		return n
	}
	count := func(pred func(r ceasefire.Row) bool) int {
		n := 0
		for _, r := range rows {
			if pred(r) {
				n++
			}
		}
		return n
	}
	for i, rec := range recs[1:] {
		r := rows[i]
		if strconv.Itoa(r.UniqID) != rec[col["uniq_id"]] || r.ActorName != rec[col["actor_name"]] ||
			strconv.Itoa(r.Ended) != rec[col["ended"]] || r.CFPP != rec[col["cf_pp"]] || r.Row != i+1 {
			t.Fatalf("row %d differs from encoding/csv's record: %+v", i+1, r)
		}
	}
	dayUnknown := func(d ceasefire.Date) int {
		if d.Day == ceasefire.Unknown {
			return 1
		}
		return 0
	}
	days := 0
	for _, r := range rows {
		days += dayUnknown(r.Declared) + dayUnknown(r.Effect) + dayUnknown(r.End)
	}
	rawDays := 0
	for _, c := range []string{"cf_dec_day", "cf_effect_day", "end_day"} {
		rawDays += raw(func(get func(string) string) bool { return get(c) == "-1" })
	}
	checks := []struct {
		name      string
		got, want int
	}{
		{"day fields -1", days, 2437},
		{"day fields -1 (encoding/csv)", rawDays, 2437},
		{"declaration days -1", count(func(r ceasefire.Row) bool { return r.Declared.Day == -1 }), 144},
		{"effect days -1", count(func(r ceasefire.Row) bool { return r.Effect.Day == -1 }), 263},
		{"end days -1", count(func(r ceasefire.Row) bool { return r.End.Day == -1 }), 2030},
		{"rows with an unknown end year", count(func(r ceasefire.Row) bool { return r.End.Unknown() }), 1500},
		{"rows without any end date", count(func(r ceasefire.Row) bool { return r.End == ceasefire.Date{Year: -1, Month: -1, Day: -1} }), 1498},
		{"declarations with a year, no month", count(func(r ceasefire.Row) bool { return r.Declared.Recorded() && r.Declared.Month == -1 }), 28},
		{"effects with a year, no month", count(func(r ceasefire.Row) bool { return r.Effect.Recorded() && r.Effect.Month == -1 }), 24},
		{"ends with a year, no month", count(func(r ceasefire.Row) bool { return r.End.Recorded() && r.End.Month == -1 }), 219},
		{"ended -1 with an end year", count(func(r ceasefire.Row) bool { return r.Ended == -1 && r.End.Recorded() }), 531},
		{"ended -1 with an end year (encoding/csv)", raw(func(get func(string) string) bool {
			y, _ := strconv.Atoi(get("end_yr"))
			return get("ended") == "-1" && y > 0
		}), 531},
		{"end 0/0/0", count(func(r ceasefire.Row) bool { return r.End.ZeroCoded() }), 319},
		{"end 0/0/0 (encoding/csv)", raw(func(get func(string) string) bool {
			return get("end_yr") == "0" && get("end_month") == "0" && get("end_day") == "0"
		}), 319},
		{"end 0/0/0 with ended 0", count(func(r ceasefire.Row) bool { return r.End.ZeroCoded() && r.Ended == 0 }), 200},
		{"end 0/0/0 with ended 3", count(func(r ceasefire.Row) bool { return r.End.ZeroCoded() && r.Ended == 3 }), 112},
		{"effect 0/0/0", count(func(r ceasefire.Row) bool { return r.Effect.ZeroCoded() }), 117},
		{"days beyond the month", count(func(r ceasefire.Row) bool {
			n := 0
			for _, d := range []ceasefire.Date{r.Declared, r.Effect, r.End} {
				if _, imputed, ok := d.Time(); ok && imputed && d.Exact() {
					n++
				}
			}
			return n > 0
		}), 3},
		{"written 0", count(func(r ceasefire.Row) bool { return r.Written == 0 }), 2378},
		{"written 1", count(func(r ceasefire.Row) bool { return r.Written == 1 }), 766},
		{"written 2", count(func(r ceasefire.Row) bool { return r.Written == 2 }), 725},
		{"written -1", count(func(r ceasefire.Row) bool { return r.Written == -1 }), 222},
		{"fixed_time not an integer", count(func(r ceasefire.Row) bool { _, err := strconv.Atoi(r.FixedTime); return err != nil }), 90},
		{"ucdp_dyad empty (encoding/csv)", raw(func(get func(string) string) bool { return get("ucdp_dyad") == "" }), 1},
		{"no UCDP actor id", count(func(r ceasefire.Row) bool { return r.UCDPActorID == -1 }), 35},
		{"rows linking to PA-X", count(func(r ceasefire.Row) bool { return r.PAXID > 0 }), 613},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
}

// TestRealCeasefires groups the real file into its 2,203 ceasefires and
// checks the counts of every rule of the package documentation.
func TestRealCeasefires(t *testing.T) {
	data := realFile(t, envCeasefires, "ceasefires.csv")
	var cfs []ceasefire.Ceasefire
	rows := 0
	for c, err := range ceasefire.ReadCeasefires(bytes.NewReader(data)) {
		if err != nil {
			t.Errorf("error: %v", err)
			continue
		}
		cfs = append(cfs, c)
		rows += len(c.Rows)
	}
	if len(cfs) != 2203 || rows != 4091 {
		t.Fatalf("%d ceasefires of %d rows, want 2203 of 4091", len(cfs), rows)
	}
	count := func(pred func(c ceasefire.Ceasefire) bool) int {
		n := 0
		for _, c := range cfs {
			if pred(c) {
				n++
			}
		}
		return n
	}
	distinct := func(f func(r ceasefire.Row) int) func(c ceasefire.Ceasefire) bool {
		return func(c ceasefire.Ceasefire) bool {
			for _, r := range c.Rows {
				if f(r) != f(c.Rows[0]) {
					return true
				}
			}
			return false
		}
	}
	paxAgreements := map[int]bool{}
	for _, c := range cfs {
		for _, id := range c.PAXIDs {
			paxAgreements[id] = true
		}
	}
	checks := []struct {
		name      string
		got, want int
	}{
		{"ended", count(func(c ceasefire.Ceasefire) bool { return c.Status == ceasefire.StatusEnded }), 1298},
		{"censored", count(func(c ceasefire.Ceasefire) bool { return c.Status == ceasefire.StatusCensored }), 748},
		{"end undated", count(func(c ceasefire.Ceasefire) bool { return c.Status == ceasefire.StatusEndUndated }), 157},
		{"ended with code -1", count(func(c ceasefire.Ceasefire) bool { return c.Status == ceasefire.StatusEnded && c.EndedCode == -1 }), 246},
		{"conflicting ended codes", count(func(c ceasefire.Ceasefire) bool { return c.ConflictingEnded }), 45},
		{"conflicting ended codes (from rows)", count(distinct(func(r ceasefire.Row) int { return r.Ended })), 45},
		{"start from the declaration", count(func(c ceasefire.Ceasefire) bool { return c.Effect.IsZero() }), 89},
		{"end the day they start", count(func(c ceasefire.Ceasefire) bool {
			return c.Status == ceasefire.StatusEnded && c.Duration == 0 && !c.Clamped
		}), 130},
		{"clamped", count(func(c ceasefire.Ceasefire) bool { return c.Clamped }), 5},
		{"clamped, exact dates", count(func(c ceasefire.Ceasefire) bool { return c.Clamped && !c.Imputed }), 2},
		{"imputed", count(func(c ceasefire.Ceasefire) bool { return c.Imputed }), 351},
		{"written differs", count(distinct(func(r ceasefire.Row) int { return r.Written })), 2},
		{"ddr differs", count(distinct(func(r ceasefire.Row) int { return r.DDR })), 4},
		{"enforcement differs", count(distinct(func(r ceasefire.Row) int { return r.Enforcement })), 0},
		{"linked to PA-X", count(func(c ceasefire.Ceasefire) bool { return len(c.PAXIDs) > 0 }), 236},
		{"linked to several PA-X agreements", count(func(c ceasefire.Ceasefire) bool { return len(c.PAXIDs) > 1 }), 0},
		{"linked by some rows only", count(func(c ceasefire.Ceasefire) bool {
			return len(c.PAXIDs) > 0 && distinct(func(r ceasefire.Row) int { return r.PAXID })(c)
		}), 5},
		{"distinct PA-X agreements", len(paxAgreements), 235},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
	for _, c := range cfs {
		checkCeasefire(t, c)
	}
}

// TestRealPAXLinks resolves every PA-X id the ceasefires link to against
// the PA-X agreement-level file: all but one, 1081 (linked by the two rows of
// ceasefire 530006, Ethiopia, 2010), which the PA-X file does not hold.
func TestRealPAXLinks(t *testing.T) {
	cfData := realFile(t, envCeasefires, "ceasefires.csv")
	paxData := realFile(t, envPAX, "pax.csv")
	agreements := map[int]bool{}
	for rec, err := range pax.Read(bytes.NewReader(paxData)) {
		if err != nil {
			t.Fatalf("PA-X: %v", err)
		}
		agreements[rec.AgtID] = true
	}
	linked, unresolved := map[int]bool{}, map[int]bool{}
	for c, err := range ceasefire.ReadCeasefires(bytes.NewReader(cfData)) {
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range c.PAXIDs {
			linked[id] = true
			if !agreements[id] {
				unresolved[id] = true
			}
		}
	}
	if len(linked) != 235 {
		t.Errorf("%d distinct PA-X ids linked, want 235", len(linked))
	}
	if len(unresolved) != 1 || !unresolved[1081] {
		t.Errorf("PA-X ids not in the PA-X file: %v, want only 1081", unresolved)
	}
}
