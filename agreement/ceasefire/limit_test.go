package ceasefire_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement/ceasefire"
)

// TestRecordAtLimit: a row of exactly the limit, 1 MiB, with a quoted field
// of many lines, is read; one byte more is the error, on the row's line, and
// the reading stops. The bound's machinery (the header, records that never
// end, how much is read) is tested in package csvread.
func TestRecordAtLimit(t *testing.T) {
	data := readFixture(t)
	orig := strings.SplitAfter(string(data), "\n")[4] // row 3
	short := replaceCell(t, data, 3, "comment", `""`)
	base := len(orig) - (len(data) - len(short)) // row 3 with an empty quoted comment
	comment := strings.Repeat("comment line\n", (ceasefire.MaxRecord-base)/13)
	comment += strings.Repeat("x", ceasefire.MaxRecord-base-len(comment))
	long := replaceCell(t, data, 3, "comment", `"`+comment+`"`)
	if n := base + len(long) - len(short); n != ceasefire.MaxRecord {
		t.Fatalf("row of %d bytes, want %d", n, ceasefire.MaxRecord)
	}
	var rows []ceasefire.Row
	for row, err := range ceasefire.Read(bytes.NewReader(long)) {
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
	if len(rows) != 7 || rows[2].Comment != comment {
		t.Fatalf("%d rows, want 7 with row 3's comment", len(rows))
	}

	longer := replaceCell(t, data, 3, "comment", `"`+comment+`x"`)
	var errs []error
	n := 0
	for _, err := range ceasefire.Read(bytes.NewReader(longer)) {
		if err != nil {
			errs = append(errs, err)
		} else {
			n++
		}
	}
	var re *ceasefire.RowError
	if n != 2 || len(errs) != 1 || !errors.As(errs[0], &re) || re.Row != 3 || re.Line != 5 || !errors.Is(re, ceasefire.ErrSyntax) {
		t.Fatalf("%d rows and errors %.200v, want 2 rows then one error on row 3, line 5", n, errs)
	}
	if want := "ceasefire: row 3 (line 5): record longer than 1 MiB (1048576 bytes); reading stopped"; re.Error() != want {
		t.Errorf("error %q, want %q", re, want)
	}
}
