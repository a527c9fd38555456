package ceasefire_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/ceasefire"
)

// FuzzRead feeds the reader arbitrary input: it must not panic or loop; what
// it yields must be rows with their parts in range or well-formed errors, in
// row order; StopOnError must yield a prefix of the default sequence ending
// at its first error; and grouping must account for every good row, each
// ceasefire satisfying the package's invariants.
func FuzzRead(f *testing.F) {
	small, err := os.ReadFile(filepath.Join("testdata", "small.csv"))
	if err != nil {
		f.Fatal(err)
	}
	header := strings.Join(ceasefire.Columns(), ",")
	f.Add(small)
	f.Add([]byte{})
	f.Add([]byte("\uFEFF"))
	f.Add([]byte(header + "\n"))
	f.Add([]byte(header + "\n" + strings.Repeat(",", 86) + "\n"))
	f.Add([]byte(header + "\n\"unterminated\n"))
	f.Add(bytes.Replace(small, []byte("2001,4,10"), []byte("2001,0,10"), 1))
	f.Add(bytes.Replace(small, []byte("\n901,5,901005,"), []byte("\n901,1,901001,"), 1))
	f.Add(bytes.Replace(small, []byte("\n"), []byte("\r\n"), -1))

	f.Fuzz(func(t *testing.T, data []byte) {
		type item struct {
			row ceasefire.Row
			err error
		}
		var all []item
		good := 0
		lastRow := 0
		for r, err := range ceasefire.Read(bytes.NewReader(data)) {
			all = append(all, item{r, err})
			if err == nil {
				good++
				checkRow(t, r)
				if r.Row <= lastRow {
					t.Errorf("row %d after row %d", r.Row, lastRow)
				}
				lastRow = r.Row
				continue
			}
			var re *ceasefire.RowError
			var he *ceasefire.HeaderError
			switch {
			case errors.As(err, &he):
				if len(all) != 1 || len(he.Missing)+len(he.Duplicate) == 0 {
					t.Errorf("header error %v at position %d", he, len(all))
				}
			case errors.As(err, &re):
				if re.Row < lastRow || re.Line < 1 || re.Column != "" && !slices.Contains(ceasefire.Columns(), re.Column) {
					t.Errorf("malformed row error %+v after row %d", re, lastRow)
				}
				lastRow = re.Row
				known := false
				for _, s := range []error{ceasefire.ErrSyntax, agreement.ErrMissing, agreement.ErrInvalidValue, agreement.ErrInconsistent} {
					known = known || errors.Is(re, s)
				}
				if !known {
					t.Errorf("row error %v wraps no sentinel", re)
				}
			default:
				t.Errorf("error %v (%T) is neither *RowError nor *HeaderError", err, err)
			}
		}
		var stopped []item
		for r, err := range ceasefire.Read(bytes.NewReader(data), ceasefire.StopOnError()) {
			stopped = append(stopped, item{r, err})
		}
		want := all
		if i := slices.IndexFunc(all, func(it item) bool { return it.err != nil }); i >= 0 {
			want = all[:i+1]
		}
		if len(stopped) != len(want) {
			t.Fatalf("StopOnError yielded %d items, want %d", len(stopped), len(want))
		}
		for i := range want {
			if stopped[i].row != want[i].row || fmt.Sprint(stopped[i].err) != fmt.Sprint(want[i].err) {
				t.Errorf("item %d: StopOnError %v, default %v", i, stopped[i], want[i])
			}
		}
		grouped, notAdjacent := 0, 0
		for c, err := range ceasefire.ReadCeasefires(bytes.NewReader(data)) {
			if err != nil {
				var re *ceasefire.RowError
				if errors.As(err, &re) && re.Column == "uniq_id" && strings.Contains(re.Error(), "not adjacent") {
					notAdjacent++
				}
				continue
			}
			grouped += len(c.Rows)
			checkCeasefire(t, c)
		}
		if grouped+notAdjacent != good {
			t.Errorf("%d rows grouped and %d not adjacent, of %d good rows", grouped, notAdjacent, good)
		}
	})
}

// checkRow checks the ranges the reader promises.
func checkRow(t *testing.T, r ceasefire.Row) {
	t.Helper()
	if r.UniqID != r.CC*1000+r.CFID || r.Written < -1 || r.Written > 2 || r.Ended < -1 || r.Ended > 4 ||
		r.DDR < -1 || r.DDR > 1 || r.Enforcement < -1 || r.Enforcement > 3 || r.PAXID == 0 || r.PAXID < -1 ||
		!r.Declared.Recorded() || r.ActorName == "" {
		t.Errorf("row out of range: %+v", r)
	}
	for _, d := range []ceasefire.Date{r.Declared, r.Effect, r.End} {
		tm, _, ok := d.Time()
		first, last, ok2 := d.Interval()
		if ok != d.Recorded() || ok2 != ok || ok && (tm.Before(first) || tm.After(last)) {
			t.Errorf("date %v: %v in [%v, %v]", d, tm, first, last)
		}
	}
}
