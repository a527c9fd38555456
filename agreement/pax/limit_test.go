package pax_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement/pax"
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
	header := csvText(t, pax.Columns())
	row1 := baseRow("7")
	row1["Agt"] = "three\nline\ntitle"
	before := csvText(t, pax.Columns(), row1)
	for _, tt := range []struct {
		name      string
		done      string // the complete records before
		rest      string // the start of the record that never ends
		fill      byte
		row, line int
	}{
		{"unclosed quote", before, `"`, 'a', 2, 5},
		{"quoted line ends", before, `"`, '\n', 2, 5},
		{"no line end", before, "", 'a', 2, 5},
		{"row start", before, "Omegaland,", 'a', 2, 5},
		{"header", "", `"`, 'a', 0, 1},
		{"header without line end", "", "", 'a', 0, 1},
		{"first row", header, "", 'a', 1, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := &endless{prefix: tt.done + tt.rest, fill: tt.fill, limit: 8 * pax.MaxRecord}
			var errs []error
			for _, err := range pax.Read(src) {
				if err != nil {
					errs = append(errs, err)
				}
			}
			var re *pax.RowError
			if len(errs) != 1 || !errors.As(errs[0], &re) || !errors.Is(errs[0], pax.ErrSyntax) {
				t.Fatalf("errors %.300v, want one *RowError wrapping ErrSyntax", errs)
			}
			if re.Row != tt.row || re.Line != tt.line || re.Column != "" || !strings.Contains(re.Error(), "record longer than 4 MiB") {
				t.Errorf("error %q: row %d, line %d, column %q; want row %d, line %d, no column, record longer than 4 MiB",
					re, re.Row, re.Line, re.Column, tt.row, tt.line)
			}
			if most := len(tt.done) + pax.MaxRecord; src.n > most {
				t.Errorf("read %d bytes, want at most %d (the records before, and the limit)", src.n, most)
			}
		})
	}
}

// TestRecordAtLimit: a record of exactly the limit, with a quoted field of
// many lines, is read; one byte more is the error, on the line after it.
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
}
