package ceasefire_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement/ceasefire"
)

// endless reads as prefix followed by fill repeated until limit bytes in
// all, then io.EOF; n counts the bytes it has given.
type endless struct {
	prefix string
	fill   byte
	limit  int
	n      int
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n >= e.limit {
		return 0, io.EOF
	}
	p = p[:min(len(p), e.limit-e.n)]
	for i := range p {
		if e.n+i < len(e.prefix) {
			p[i] = e.prefix[e.n+i]
		} else {
			p[i] = e.fill
		}
	}
	e.n += len(p)
	return len(p), nil
}

// TestRecordTooLong: a record that never ends (an unclosed quoted field, a
// line without a line end, in the header or a row) stops the reader with
// one *RowError wrapping ErrSyntax, naming the row and the line where the
// record starts, after reading no more than the record limit past the
// records before it.
func TestRecordTooLong(t *testing.T) {
	data := string(readFixture(t)) // 7 rows on 9 lines, ending in a line end
	header := data[:strings.IndexByte(data, '\n')+1]
	for _, tt := range []struct {
		name      string
		done      string // the complete records before
		rest      string // the start of the record that never ends
		fill      byte
		row, line int
	}{
		{"unclosed quote", data, `901,"`, 'a', 8, 10},
		{"quoted line ends", data, `901,"`, '\n', 8, 10},
		{"no line end", data, "", 'a', 8, 10},
		{"header", "", `"`, 'a', 0, 1},
		{"header without line end", "", "", 'a', 0, 1},
		{"first row", header, "", 'a', 1, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := &endless{prefix: tt.done + tt.rest, fill: tt.fill, limit: 8 * ceasefire.MaxRecord}
			var errs []error
			for _, err := range ceasefire.Read(src) {
				if err != nil {
					errs = append(errs, err)
				}
			}
			var re *ceasefire.RowError
			if len(errs) != 1 || !errors.As(errs[0], &re) || !errors.Is(errs[0], ceasefire.ErrSyntax) {
				t.Fatalf("errors %.300v, want one *RowError wrapping ErrSyntax", errs)
			}
			if re.Row != tt.row || re.Line != tt.line || re.Column != "" || !strings.Contains(re.Error(), "record longer than 1 MiB") {
				t.Errorf("error %q: row %d, line %d, column %q; want row %d, line %d, no column, record longer than 1 MiB",
					re, re.Row, re.Line, re.Column, tt.row, tt.line)
			}
			if most := len(tt.done) + ceasefire.MaxRecord; src.n > most {
				t.Errorf("read %d bytes, want at most %d (the records before, and the limit)", src.n, most)
			}
		})
	}
}

// TestRecordAtLimit: a row of exactly the limit, with a quoted field of
// many lines, is read; one byte more is the error, on the row's line.
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
}
