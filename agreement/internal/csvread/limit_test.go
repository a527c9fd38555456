package csvread

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// testMax is the record limit of the tests' format: small, so that the
// tests stay fast and the limit falls inside bufio's first read.
const testMax = 64

// TestTooLongMessage: the message of a record too long names the limit in
// MiB when it is a whole number of MiB, in bytes otherwise.
func TestTooLongMessage(t *testing.T) {
	for _, tt := range []struct {
		max  int
		want string
	}{
		{4 << 20, "record longer than 4 MiB (4194304 bytes); reading stopped"},
		{1 << 20, "record longer than 1 MiB (1048576 bytes); reading stopped"},
		{64, "record longer than 64 bytes; reading stopped"},
	} {
		f := testFormat(tt.max)
		if got := f.tooLong.Error(); got != tt.want {
			t.Errorf("max %d: message %q, want %q", tt.max, got, tt.want)
		}
		if f.MaxRecord() != tt.max {
			t.Errorf("MaxRecord() = %d, want %d", f.MaxRecord(), tt.max)
		}
	}
}

// TestRecordTooLong: a record that never ends (an unclosed quoted field, a
// line without a line end, in the header or a row) stops the reader with
// one row error wrapping the format's ErrSyntax, naming the row and the line
// where the record starts, after reading no more than the record limit past
// the records before it.
func TestRecordTooLong(t *testing.T) {
	const header = "name,count\n"
	const before = header + "\"three\nline\nname\",1\n" // row 1 on lines 2 to 4
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
		{"row start", before, "omega,", 'a', 2, 5},
		{"header", "", `"`, 'a', 0, 1},
		{"header without line end", "", "", 'a', 0, 1},
		{"first row", header, "", 'a', 1, 2},
		{"blank lines before a row", header, "", '\n', 1, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := testFormat(testMax)
			src := &endless{prefix: tt.done + tt.rest, fill: tt.fill, limit: 8 * testMax}
			got := readAll(f, src, Options{})
			var errs []error
			for _, it := range got.items {
				if it.err != nil {
					errs = append(errs, it.err)
				}
			}
			var re *rowError
			if len(errs) != 1 || !errors.As(errs[0], &re) || !errors.Is(errs[0], errTestSyntax) || !errors.Is(errs[0], f.tooLong) {
				t.Fatalf("errors %.300v, want one row error wrapping ErrSyntax and the limit's error", errs)
			}
			if re.row != tt.row || re.line != tt.line || re.column != "" || !strings.Contains(re.Error(), "record longer than 64 bytes") {
				t.Errorf("error %q: row %d, line %d, column %q; want row %d, line %d, no column, record longer than 64 bytes",
					re, re.row, re.line, re.column, tt.row, tt.line)
			}
			if got.items[len(got.items)-1].err != errs[0] {
				t.Errorf("items %v: the error is not the last", got.items)
			}
			if most := len(tt.done) + testMax; src.n > most {
				t.Errorf("read %d bytes, want at most %d (the records before, and the limit)", src.n, most)
			}
		})
	}
}

// TestRecordAtLimit: a record of exactly the limit, with a quoted field of
// many lines, is read; one byte more is the error, on the line where the
// record starts, and so for the header. The limit counts from each record's start, so that any
// number of records at the limit read.
func TestRecordAtLimit(t *testing.T) {
	const header = "name,count\n"
	// `"` + cell + `",1` + "\n" is exactly testMax bytes.
	cell := strings.Repeat("ab\n", (testMax-5)/3)
	cell += strings.Repeat("x", testMax-5-len(cell))
	row := `"` + cell + "\",1\n"
	if len(row) != testMax {
		t.Fatalf("row of %d bytes, want %d", len(row), testMax)
	}
	data := header + row + row + row + "last,2\n"
	got := readAll(testFormat(testMax), strings.NewReader(data), Options{})
	if len(got.items) != 4 {
		t.Fatalf("%d items (%.200v), want 4 rows", len(got.items), got.items)
	}
	for i, it := range got.items[:3] {
		if it.err != nil || len(it.fields) != 2 || it.fields[0] != cell {
			t.Errorf("item %d: %.100q, %v; want the long cell and no error", i, it.fields, it.err)
		}
	}

	longer := header + row + `"x` + cell + "\",1\nlast,2\n"
	got = readAll(testFormat(testMax), strings.NewReader(longer), Options{})
	var re *rowError
	if len(got.items) != 2 || got.items[0].err != nil || !errors.As(got.items[1].err, &re) ||
		re.row != 2 || re.line != 3+(testMax-5)/3 || !errors.Is(re, errTestSyntax) {
		t.Fatalf("%d items (%.200v), want a row, then one error on row 2, line %d", len(got.items), got.items, 3+(testMax-5)/3)
	}

	// The header is bounded as well.
	longHeader := strings.Repeat("h", testMax-1) + "\n"
	got = readAll(testFormat(testMax), strings.NewReader(longHeader+"a\n"), Options{})
	if len(got.items) != 1 || got.items[0].err != nil || len(got.header) != 1 {
		t.Errorf("header of %d bytes: %v, want it read and one row", len(longHeader), got.items)
	}
	got = readAll(testFormat(testMax), strings.NewReader("h"+longHeader+"a\n"), Options{})
	var he *rowError
	if len(got.items) != 1 || !errors.As(got.items[0].err, &he) || he.row != 0 || he.line != 1 || !errors.Is(he, errTestSyntax) {
		t.Errorf("header of %d bytes: items %v, want one error on the header, line 1", len(longHeader)+1, got.items)
	}
}

// TestMalformedPastLimit: a malformed row whose error lies within the limit
// is yielded as malformed even when it runs on past the limit; the reading
// goes on from the limit, so the rest of the row reads as the next row.
func TestMalformedPastLimit(t *testing.T) {
	data := "name,count\n" + "x\"" + strings.Repeat("y", testMax) + ",1\n" + "z,2\n"
	got := readAll(testFormat(testMax), strings.NewReader(data), Options{})
	var re *rowError
	if len(got.items) != 3 || !errors.As(got.items[0].err, &re) || re.row != 1 || re.line != 2 ||
		!errors.Is(re, errTestSyntax) || errors.Is(re, testFormat(testMax).tooLong) || !strings.Contains(re.Error(), `bare "`) {
		t.Fatalf("items %v, want a malformed row 1 on line 2, then two rows", got.items)
	}
	rest := strings.Repeat("y", 2) // the row's bytes past the limit, less ",1\n"
	if !slices.Equal(got.items[1].fields, []string{rest, "1"}) || !slices.Equal(got.items[2].fields, []string{"z", "2"}) {
		t.Errorf("rows %q, %q; want %q, 1 and z, 2", got.items[1].fields, got.items[2].fields, rest)
	}
}
