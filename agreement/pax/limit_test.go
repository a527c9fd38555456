package pax_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement/pax"
)

// TestRecordAtLimit: a record of exactly the limit, 4 MiB, with a quoted
// field of many lines, is read; one byte more is the error, on the line
// where the record starts, and the reading stops. The bound's machinery
// (the header, records that never end, how much is read) is tested in
// package csvread.
func TestRecordAtLimit(t *testing.T) {
	row1 := baseRow("7")
	row1["Agt"] = ""
	header := csvText(t, pax.Columns())
	base := len(csvText(t, pax.Columns(), row1)) - len(header)
	// A quoted Agt of many lines, so that the record is exactly the limit:
	// the cell adds its length and two quotes.
	cell := strings.Repeat("title line\n", (pax.MaxRecord-base-2)/11)
	cell += strings.Repeat("x", pax.MaxRecord-base-2-len(cell))
	row1["Agt"] = cell
	row2 := baseRow("8")
	data := csvText(t, pax.Columns(), row1, row2)
	if n := len(data) - len(header) - (len(csvText(t, pax.Columns(), row2)) - len(header)); n != pax.MaxRecord {
		t.Fatalf("record of %d bytes, want %d", n, pax.MaxRecord)
	}
	items := collect(t, strings.NewReader(data))
	if len(items) != 2 || items[0].err != nil || items[1].err != nil || items[0].rec.Title != cell {
		t.Fatalf("%d items, want both records read without error", len(items))
	}

	row1["Agt"] = cell + "x"
	items = collect(t, strings.NewReader(csvText(t, pax.Columns(), row1, row2)))
	var re *pax.RowError
	if len(items) != 1 || !errors.As(items[0].err, &re) || re.Row != 1 || re.Line != 2 || !errors.Is(re, pax.ErrSyntax) {
		t.Fatalf("%d items (%.200v), want one error on row 1, line 2", len(items), items)
	}
	if want := "pax: row 1 (line 2): record longer than 4 MiB (4194304 bytes); reading stopped"; re.Error() != want {
		t.Errorf("error %q, want %q", re, want)
	}
}
