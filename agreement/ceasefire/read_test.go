package ceasefire_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/ceasefire"
)

func readFixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "small.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// checkCeasefire checks the invariants every ceasefire the package derives
// satisfies.
func checkCeasefire(t *testing.T, c ceasefire.Ceasefire) {
	t.Helper()
	if len(c.Rows) == 0 || c.ID != c.CC*1000+c.CFID {
		t.Fatalf("ceasefire %d: %d rows, cc %d, cf_id %d", c.ID, len(c.Rows), c.CC, c.CFID)
	}
	for _, r := range c.Rows {
		if r.UniqID != c.ID {
			t.Errorf("ceasefire %d holds a row of %d", c.ID, r.UniqID)
		}
	}
	whole := func(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }
	o, ok := c.Observation()
	switch c.Status {
	case ceasefire.StatusEnded:
		if c.End.Before(c.Start) || c.Duration != whole(c.Start, c.End) || !ok || !o.Event || o.Time != float64(c.Duration) {
			t.Errorf("ended ceasefire %d: start %v end %v duration %d observation %v %v", c.ID, c.Start, c.End, c.Duration, o, ok)
		}
	case ceasefire.StatusCensored:
		if !c.End.IsZero() || c.Duration != max(0, whole(c.Start, ceasefire.CoverageEnd)) || !ok || o.Event ||
			o.Time != float64(c.Duration) {
			t.Errorf("censored ceasefire %d: start %v end %v duration %d observation %v %v", c.ID, c.Start, c.End, c.Duration, o, ok)
		}
	case ceasefire.StatusEndUndated:
		if ok || !c.End.IsZero() {
			t.Errorf("undated ceasefire %d: end %v, observation %v %v", c.ID, c.End, o, ok)
		}
	default:
		t.Errorf("ceasefire %d: status %v", c.ID, c.Status)
	}
	if !slices.IsSorted(c.PAXIDs) || slices.Contains(c.PAXIDs, 0) || len(slices.Compact(slices.Clone(c.PAXIDs))) != len(c.PAXIDs) {
		t.Errorf("ceasefire %d: PA-X ids %v", c.ID, c.PAXIDs)
	}
	if c.Start.IsZero() {
		return
	}
	evs := c.Events()
	if !slices.IsSortedFunc(evs, func(a, b agreement.Event) int { return a.At.Compare(b.At) }) {
		t.Errorf("ceasefire %d: events out of order", c.ID)
	}
	var inForce, ended int
	for _, e := range evs {
		if !e.Kind.Valid() || e.Actor != "" && !e.Actor.Valid() || e.At.Location() != time.UTC {
			t.Errorf("ceasefire %d: bad event %v at %v", c.ID, e, e.At)
		}
		if e.Actor == "" && e.Kind == agreement.EventKindCeasefireInForce {
			inForce++
			if !e.At.Equal(c.Start) {
				t.Errorf("ceasefire %d: in force at %v, start %v", c.ID, e.At, c.Start)
			}
		}
		if e.Kind == ceasefire.EventKindCeasefireEnded {
			if e.At.Before(c.Start) {
				t.Errorf("ceasefire %d: ended at %v before its start %v", c.ID, e.At, c.Start)
			}
			if e.Actor == "" {
				ended++
				if !e.At.Equal(c.End) {
					t.Errorf("ceasefire %d: ended event at %v, end %v", c.ID, e.At, c.End)
				}
			}
		}
	}
	if inForce != 1 || (ended == 1) != (c.Status == ceasefire.StatusEnded) || ended > 1 {
		t.Errorf("ceasefire %d (%v): %d in-force and %d ended events for the whole ceasefire", c.ID, c.Status, inForce, ended)
	}
}

// TestFixture reads the hand-made fixture and checks every derived value.
func TestFixture(t *testing.T) {
	var cfs []ceasefire.Ceasefire
	for c, err := range ceasefire.ReadCeasefires(bytes.NewReader(readFixture(t))) {
		if err != nil {
			t.Fatal(err)
		}
		checkCeasefire(t, c)
		cfs = append(cfs, c)
	}
	if len(cfs) != 5 {
		t.Fatalf("%d ceasefires, want 5", len(cfs))
	}
	type want struct {
		id                   int
		rows                 int
		status               ceasefire.Status
		start, end           time.Time
		duration             int
		clamped, imputed     bool
		code                 int
		conflicting          bool
		written, ddr, enforc int
		pax                  []int
	}
	wants := []want{
		{901001, 2, ceasefire.StatusEnded, day(2001, 3, 6), day(2001, 4, 10), 35, false, false, 1, false, 1, 1, 2, []int{9001}},
		// End in May, day unknown, from the 20th on: the 25th.
		{901002, 1, ceasefire.StatusEnded, day(2002, 5, 20), day(2002, 5, 25), 5, false, true, -1, false, 2, 0, 0, nil},
		// No effect date: start at the declaration, month unknown: 1 July.
		{901003, 1, ceasefire.StatusCensored, day(2019, 7, 1), time.Time{}, 549, false, true, -1, false, -1, -1, -1, nil},
		// 31 February: the 28th; end 0/0/0 with code 3.
		{901004, 2, ceasefire.StatusEndUndated, day(2005, 2, 28), time.Time{}, 0, false, true, 3, true, 0, 0, 0, nil},
		{901005, 1, ceasefire.StatusEnded, day(2010, 7, 4), day(2010, 7, 4), 0, true, false, 4, false, 0, 0, 0, nil},
	}
	for i, w := range wants {
		c := cfs[i]
		got := want{c.ID, len(c.Rows), c.Status, c.Start, c.End, c.Duration, c.Clamped, c.Imputed, c.EndedCode,
			c.ConflictingEnded, c.Written, c.DDR, c.Enforcement, c.PAXIDs}
		if !got.start.Equal(w.start) || !got.end.Equal(w.end) || got.id != w.id || got.rows != w.rows ||
			got.status != w.status || got.duration != w.duration || got.clamped != w.clamped || got.imputed != w.imputed ||
			got.code != w.code || got.conflicting != w.conflicting || got.written != w.written || got.ddr != w.ddr ||
			got.enforc != w.enforc || !slices.Equal(got.pax, w.pax) {
			t.Errorf("ceasefire %d:\n got %+v\nwant %+v", w.id, got, w)
		}
	}
	r := cfs[0].Rows[0]
	if r.CFPP != "Both sides stop firing, \"at once\";\nmonitors follow." || r.MediatorSend != "Gamma Group, Delta Union" ||
		!r.Purposes.PeaceProcess || r.Purposes.Holiday || r.Row != 1 || r.Line != 2 || r.ID != 1 {
		t.Errorf("first row: %+v", r)
	}
	if r2 := cfs[0].Rows[1]; r2.Line != 4 || r2.LinkIDs[0] != 1 || r2.Side != 2 {
		t.Errorf("second row (after a two-line cell): line %d, links %v, side %d", r2.Line, r2.LinkIDs[:2], r2.Side)
	}
	if got := cfs[1].Rows[0].FixedTime; got != "72 hours" {
		t.Errorf("fixed_time %q", got)
	}
	if got := cfs[2].Actors(); !slices.Equal(got, []agreement.PartyID{"row-4"}) {
		t.Errorf("actors without a UCDP id: %v", got)
	}
	if got := cfs[0].Actors(); !slices.Equal(got, []agreement.PartyID{"ucdp-9001", "ucdp-9002"}) {
		t.Errorf("actors: %v", got)
	}
}

func TestEvents(t *testing.T) {
	var c ceasefire.Ceasefire
	for cf, err := range ceasefire.ReadCeasefires(bytes.NewReader(readFixture(t))) {
		if err != nil {
			t.Fatal(err)
		}
		c = cf
		break
	}
	var got []string
	for _, e := range c.Events() {
		got = append(got, e.At.Format(time.DateOnly)+" "+e.String())
	}
	want := []string{
		"2001-03-05 ceasefire-declared",
		"2001-03-05 ceasefire-declared by ucdp-9001",
		"2001-03-05 ceasefire-declared by ucdp-9002",
		"2001-03-06 ceasefire-in-force",
		"2001-03-06 ceasefire-in-force by ucdp-9001",
		"2001-03-06 ceasefire-in-force by ucdp-9002",
		"2001-04-10 ceasefire-ended",
		"2001-04-10 ceasefire-ended by ucdp-9001",
		"2001-04-12 ceasefire-ended by ucdp-9002",
	}
	if !slices.Equal(got, want) {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		d           ceasefire.Date
		t           time.Time
		first, last time.Time
		imputed, ok bool
		s           string
	}{
		{ceasefire.Date{Year: 1995, Month: 1, Day: 6}, day(1995, 1, 6), day(1995, 1, 6), day(1995, 1, 6), false, true, "1995-01-06"},
		{ceasefire.Date{Year: 1995, Month: 1, Day: -1}, day(1995, 1, 15), day(1995, 1, 1), day(1995, 1, 31), true, true, "1995-01-?"},
		{ceasefire.Date{Year: 1995, Month: -1, Day: -1}, day(1995, 7, 1), day(1995, 1, 1), day(1995, 12, 31), true, true, "1995-?-?"},
		{ceasefire.Date{Year: 1994, Month: 2, Day: 31}, day(1994, 2, 28), day(1994, 2, 28), day(1994, 2, 28), true, true, "1994-02-31"},
		{ceasefire.Date{Year: 2020, Month: 2, Day: -1}, day(2020, 2, 15), day(2020, 2, 1), day(2020, 2, 29), true, true, "2020-02-?"},
		{ceasefire.Date{}, time.Time{}, time.Time{}, time.Time{}, false, false, "0/0/0"},
		{ceasefire.Date{Year: -1, Month: 5, Day: -1}, time.Time{}, time.Time{}, time.Time{}, false, false, "?-05-?"},
	}
	for _, tt := range tests {
		got, imputed, ok := tt.d.Time()
		first, last, ok2 := tt.d.Interval()
		if !got.Equal(tt.t) || imputed != tt.imputed || ok != tt.ok || ok2 != tt.ok || !first.Equal(tt.first) ||
			!last.Equal(tt.last) || tt.d.String() != tt.s {
			t.Errorf("%v: Time %v %v %v, Interval %v %v %v, String %q", tt.d, got, imputed, ok, first, last, ok2, tt.d.String())
		}
		if tt.ok && (got.Before(first) || got.After(last)) {
			t.Errorf("%v: %v outside its interval", tt.d, got)
		}
	}
}

// replaceCell returns the fixture with the cell of column col in data row
// row (1-based) replaced by v.
func replaceCell(t *testing.T, data []byte, row int, col, v string) []byte {
	t.Helper()
	lines := strings.SplitAfter(string(data), "\n")
	header := strings.Split(strings.TrimSpace(strings.TrimPrefix(lines[0], "\uFEFF")), ",")
	i := slices.Index(header, col)
	// Row 1 spans two lines (a quoted newline); the rows the tests edit come
	// after it and have no quoted commas.
	line := row + 1
	if row > 1 {
		line++
	}
	cells := strings.Split(strings.TrimSuffix(lines[line-1], "\n"), ",")
	if i < 0 || len(cells) != len(header) {
		t.Fatalf("cannot edit column %q of row %d", col, row)
	}
	cells[i] = v
	lines[line-1] = strings.Join(cells, ",") + "\n"
	return []byte(strings.Join(lines, ""))
}

func TestRowErrors(t *testing.T) {
	data := readFixture(t)
	tests := []struct {
		name     string
		data     []byte
		msg      string
		sentinel error
	}{
		{"written 3", replaceCell(t, data, 3, "written", "3"),
			`ceasefire: row 3 (line 5), column "written": want an integer from -1 to 2, not "3"`, agreement.ErrInvalidValue},
		{"ended empty", replaceCell(t, data, 4, "ended", ""),
			`ceasefire: row 4 (line 6), column "ended": empty; want an integer from -1 to 4`, agreement.ErrMissing},
		{"month 13", replaceCell(t, data, 3, "end_month", "13"),
			`ceasefire: row 3 (line 5), column "end_month": want an integer from -1 to 12, not "13"`, agreement.ErrInvalidValue},
		{"zero month only", replaceCell(t, data, 3, "cf_effect_month", "0"),
			`ceasefire: row 3 (line 5), column "cf_effect_yr": date 2002/0/20: 0 stands only in a date of zeros, 0/0/0`, agreement.ErrInconsistent},
		{"uniq_id", replaceCell(t, data, 3, "uniq_id", "901009"),
			`ceasefire: row 3 (line 5), column "uniq_id": uniq_id 901009 is not cc x 1000 + cf_id = 901002`, agreement.ErrInconsistent},
		{"cc x", replaceCell(t, data, 3, "cc", "x"),
			`ceasefire: row 3 (line 5), column "cc": want an integer from 1 to 999, not "x"`, agreement.ErrInvalidValue},
		{"cf_id empty", replaceCell(t, data, 3, "cf_id", ""),
			`ceasefire: row 3 (line 5), column "cf_id": empty; want an integer from 1 to 999`, agreement.ErrMissing},
		{"uniq_id x", replaceCell(t, data, 3, "uniq_id", "x"),
			`ceasefire: row 3 (line 5), column "uniq_id": want an integer from 1 to 999999, not "x"`, agreement.ErrInvalidValue},
		{"no declaration year", replaceCell(t, data, 3, "cf_dec_yr", "-1"),
			`ceasefire: row 3 (line 5), column "cf_dec_yr": no declaration year ("-1"); every row has one`, agreement.ErrMissing},
		{"pax_id 0", replaceCell(t, data, 3, "pax_id", "0"),
			`ceasefire: row 3 (line 5), column "pax_id": want -1 (none) or a positive PA-X id, not 0`, agreement.ErrInvalidValue},
		{"year 1066", replaceCell(t, data, 3, "end_yr", "1066"),
			`ceasefire: row 3 (line 5), column "end_yr": want -1, 0 or a year from 1900 to 2100, not "1066"`, agreement.ErrInvalidValue},
		{"purpose 2", replaceCell(t, data, 3, "p_holiday", "2"),
			`ceasefire: row 3 (line 5), column "p_holiday": want an integer from 0 to 1, not "2"`, agreement.ErrInvalidValue},
		{"short row", []byte(strings.Replace(string(data), "\n901,5,", "\n901,", 1)),
			`ceasefire: row 7 (line 9): wrong number of fields: 86, want 87 as in the header`, ceasefire.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs []error
			rows := 0
			for _, err := range ceasefire.Read(bytes.NewReader(tt.data)) {
				if err != nil {
					errs = append(errs, err)
				} else {
					rows++
				}
			}
			if len(errs) != 1 || errs[0].Error() != tt.msg || !errors.Is(errs[0], tt.sentinel) {
				t.Fatalf("errors %v, want one: %s", errs, tt.msg)
			}
			if rows != 6 {
				t.Errorf("%d good rows, want the other 6", rows)
			}
			var re *ceasefire.RowError
			if !errors.As(errs[0], &re) {
				t.Errorf("%T is not a *RowError", errs[0])
			}
			// StopOnError stops at it.
			n := 0
			for _, err := range ceasefire.ReadCeasefires(bytes.NewReader(tt.data), ceasefire.StopOnError()) {
				n++
				if err != nil {
					break
				}
			}
			for range ceasefire.ReadCeasefires(bytes.NewReader(tt.data), ceasefire.StopOnError()) {
				n--
			}
			if n != 0 {
				t.Errorf("StopOnError went on after the error")
			}
		})
	}
}

func TestHeaderErrors(t *testing.T) {
	data := readFixture(t)
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"empty", nil, "ceasefire: bad header: none of the 87 ceasefire columns found (empty input, or not the ETH/PRIO ceasefire CSV)"},
		{"other", []byte("a,b\n1,2\n"), "ceasefire: bad header: none of the 87 ceasefire columns found"},
		{"missing", bytes.Replace(data, []byte(",written,"), []byte(",scribbled,"), 1), `ceasefire: bad header: missing column "written"`},
		{"duplicate", bytes.Replace(data, []byte(",coder,"), []byte(",written,"), 1), `ceasefire: bad header: missing column "coder"; duplicate column "written"`},
	}
	for _, tt := range tests {
		var errs []error
		for _, err := range ceasefire.Read(bytes.NewReader(tt.data)) {
			errs = append(errs, err)
		}
		if len(errs) != 1 || !errors.Is(errs[0], ceasefire.ErrHeader) || !strings.HasPrefix(errs[0].Error(), tt.msg) {
			t.Errorf("%s: %v, want %s", tt.name, errs, tt.msg)
		}
	}
	for _, err := range ceasefire.Read(nil) {
		if !errors.Is(err, ceasefire.ErrNilReader) {
			t.Errorf("nil reader: %v", err)
		}
	}
}

// TestNotAdjacent: a ceasefire whose rows are separated by another's is
// reported, not merged or split silently.
func TestNotAdjacent(t *testing.T) {
	data := readFixture(t)
	// The last row (ceasefire 901005) made a row of ceasefire 901001.
	text := strings.Replace(string(data), "\n901,5,901005,", "\n901,1,901001,", 1)
	var errs []error
	n := 0
	for _, err := range ceasefire.ReadCeasefires(strings.NewReader(text)) {
		if err != nil {
			errs = append(errs, err)
		} else {
			n++
		}
	}
	if len(errs) != 1 || !errors.Is(errs[0], agreement.ErrInconsistent) ||
		!strings.Contains(errs[0].Error(), `row 7 (line 9), column "uniq_id": the rows of ceasefire 901001 are not adjacent`) {
		t.Errorf("errors %v", errs)
	}
	if n != 4 {
		t.Errorf("%d ceasefires, want the other 4", n)
	}
}
