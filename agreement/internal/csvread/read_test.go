package csvread

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// TestRunRows: good rows are yielded in order with their fields, a bad cell
// as the decoder's error with its line, a malformed row as a row error
// wrapping ErrSyntax and the *csv.ParseError; the reading goes on after
// each.
func TestRunRows(t *testing.T) {
	data := "name,count\n" + // line 1
		"alpha,1\n" + // row 1, line 2
		"\"be\nta\",!\n" + // row 2, lines 3-4: a bad cell on line 4
		"gamma\n" + // row 3, line 5: one field
		"de\"lta,4\n" + // row 4, line 6: a bare quote
		"\n" + // an empty line, skipped
		"epsilon,5\n" // row 5, line 8
	got := readAll(testFormat(1<<20), strings.NewReader(data), Options{})
	if !slices.Equal(got.header, []string{"name", "count"}) || got.noHeader {
		t.Fatalf("header %q, want name, count", got.header)
	}
	if len(got.items) != 5 {
		t.Fatalf("%d items %v, want 5", len(got.items), got.items)
	}
	for i, want := range map[int][]string{0: {"alpha", "1"}, 4: {"epsilon", "5"}} {
		if it := got.items[i]; it.err != nil || !slices.Equal(it.fields, want) {
			t.Errorf("item %d: %q, %v; want %q", i, it.fields, it.err, want)
		}
	}
	for i, want := range []struct {
		idx       int
		row, line int
		column    string
		msg       string
		is        error
	}{
		{1, 2, 4, "count", `test: row 2 (line 4), column "count": bad cell "!"`, errBadCell},
		{2, 3, 5, "", "test: row 3 (line 5): wrong number of fields: 1, want 2 as in the header", errTestSyntax},
		{3, 4, 6, "", `test: row 4 (line 6): bare " in non-quoted-field (line 6, column 3)`, errTestSyntax},
	} {
		it := got.items[want.idx]
		var re *rowError
		if it.fields != nil || !errors.As(it.err, &re) || !errors.Is(it.err, want.is) {
			t.Errorf("%d: item %d: %q, %v; want no fields and a row error wrapping %v", i, want.idx, it.fields, it.err, want.is)
			continue
		}
		if re.row != want.row || re.line != want.line || re.column != want.column || re.Error() != want.msg {
			t.Errorf("%d: error %q (row %d, line %d, column %q), want %q (row %d, line %d, column %q)",
				i, re, re.row, re.line, re.column, want.msg, want.row, want.line, want.column)
		}
		var pe *csv.ParseError
		if want.is == errTestSyntax && (!errors.As(it.err, &pe) || pe.StartLine != want.line) {
			t.Errorf("%d: error %v does not wrap the *csv.ParseError of line %d", i, it.err, want.line)
		}
	}
}

// TestRunStopOnError: with StopOnError the reading ends after the first
// error, of a cell or of a malformed row; a yield that returns false ends it
// as well.
func TestRunStopOnError(t *testing.T) {
	for _, tt := range []struct {
		name, data string
		want       int // items yielded
	}{
		{"bad cells", "a,b\n1,2\n!,!\n3,4\n", 2},
		{"malformed row", "a,b\n1,2\n\"x\"y,2\n3,4\n", 2},
		{"field count", "a,b\n1\n3,4\n", 1},
		{"no error", "a,b\n1,2\n3,4\n", 2},
	} {
		got := readAll(testFormat(1<<20), strings.NewReader(tt.data), Options{StopOnError: true})
		if len(got.items) != tt.want {
			t.Errorf("%s: %d items %v, want %d", tt.name, len(got.items), got.items, tt.want)
		}
		all := readAll(testFormat(1<<20), strings.NewReader(tt.data), Options{})
		if !slices.EqualFunc(got.items, all.items[:len(got.items)], func(a, b item) bool {
			return slices.Equal(a.fields, b.fields) && (a.err == nil) == (b.err == nil)
		}) {
			t.Errorf("%s: items %v, want the first of %v", tt.name, got.items, all.items)
		}
	}

	for stop := range 4 {
		rd := NewReader(testFormat(1<<20), strings.NewReader("a,b\n1,2\n!,!\n3,4\n5,6\n"))
		n := 0
		Run(rd, Options{}, func([]string) error { return nil },
			func(fields []string, v *[]string) []error {
				if fields[0] == "!" {
					return []error{errBadCell, errBadCell}
				}
				return nil
			},
			func([]string, error) bool {
				n++
				return n <= stop
			})
		if n != stop+1 {
			t.Errorf("yield false after %d: yielded %d times, want %d", stop+1, n, stop+1)
		}
	}
}

// TestRunHeader: the header's names go to header (nil for an input without
// records, after a byte-order mark if any), its error ends the reading; a
// malformed header is a row error on row 0.
func TestRunHeader(t *testing.T) {
	for _, data := range []string{"", "\uFEFF", "\n\n", "\uFEFF\r\n"} {
		got := readAll(testFormat(1<<20), strings.NewReader(data), Options{})
		if !got.noHeader || len(got.items) != 0 {
			t.Errorf("%q: header %q, items %v; want nil names and nothing yielded", data, got.header, got.items)
		}
	}
	got := readAll(testFormat(1<<20), strings.NewReader("\uFEFFname,count\r\nx,1\r\n"), Options{})
	if !slices.Equal(got.header, []string{"name", "count"}) || len(got.items) != 1 || !slices.Equal(got.items[0].fields, []string{"x", "1"}) {
		t.Errorf("with a byte-order mark: header %q, items %v; want name, count and x, 1", got.header, got.items)
	}
	// Only a byte-order mark at the very start is dropped.
	got = readAll(testFormat(1<<20), strings.NewReader("a\n\uFEFFb\n"), Options{})
	if len(got.items) != 1 || !slices.Equal(got.items[0].fields, []string{"\uFEFFb"}) {
		t.Errorf("a byte-order mark on row 1: items %v, want it kept", got.items)
	}

	got = readAll(testFormat(1<<20), strings.NewReader("na\"me,count\nx,1\n"), Options{})
	var re *rowError
	if len(got.items) != 1 || !errors.As(got.items[0].err, &re) || re.row != 0 || re.line != 1 || !errors.Is(re, errTestSyntax) ||
		re.Error() != `test: header (line 1): bare " in non-quoted-field (line 1, column 3)` {
		t.Errorf("malformed header: items %v, want one error on the header", got.items)
	}

	errHeader := errors.New("bad header")
	rd := NewReader(testFormat(1<<20), strings.NewReader("a,b\n1,2\n"))
	var items []item
	Run(rd, Options{}, func([]string) error { return errHeader },
		func(fields []string, v *[]string) []error { return nil },
		func(v []string, err error) bool {
			items = append(items, item{v, err})
			return true
		})
	if len(items) != 1 || items[0].err != errHeader {
		t.Errorf("header error: items %v, want only the header's error", items)
	}
}

// TestRunReaderError: an error of the underlying reader ends the reading,
// wrapped with the format's name and the row.
func TestRunReaderError(t *testing.T) {
	boom := errors.New("boom")
	for _, tt := range []struct {
		name, data, want string
		rows             int
	}{
		{"header", "", "test: reading header: boom", 0},
		{"row", "a,b\n1,2\n", "test: reading row 2: boom", 1},
	} {
		src := io.MultiReader(strings.NewReader(tt.data), iotest.ErrReader(boom))
		got := readAll(testFormat(1<<20), src, Options{})
		if len(got.items) != tt.rows+1 {
			t.Fatalf("%s: %d items %v, want %d", tt.name, len(got.items), got.items, tt.rows+1)
		}
		err := got.items[tt.rows].err
		if !errors.Is(err, boom) || err.Error() != tt.want {
			t.Errorf("%s: error %v, want %q wrapping the reader's error", tt.name, err, tt.want)
		}
	}
}

// TestMapHeader: each wanted name maps to its index, a repeated name keeps
// its first index and is listed, other names are ignored; Missing lists the
// needed columns not found, in column order.
func TestMapHeader(t *testing.T) {
	cols := []string{"a", "b", "c", "d"}
	col := func(n string) int { return slices.Index(cols, n) }
	pos := []int{7, 7, 7, 7}
	dup := MapHeader([]string{"x", "c", "a", "c", "y", "a", "c"}, pos, col)
	if !slices.Equal(pos, []int{2, -1, 1, -1}) {
		t.Errorf("pos %v, want [2 -1 1 -1]", pos)
	}
	if !slices.Equal(dup, []string{"c", "a", "c"}) {
		t.Errorf("duplicates %q, want c, a, c", dup)
	}
	missing := Missing(pos, func(c int) (string, bool) { return cols[c], c != 3 })
	if !slices.Equal(missing, []string{"b"}) {
		t.Errorf("missing %q, want b (d is not needed)", missing)
	}
	if dup := MapHeader(nil, pos, col); dup != nil || !slices.Equal(pos, []int{-1, -1, -1, -1}) {
		t.Errorf("no names: pos %v, duplicates %q; want all -1 and none", pos, dup)
	}
	if missing := Missing(pos, func(c int) (string, bool) { return cols[c], true }); !slices.Equal(missing, cols) {
		t.Errorf("missing %q, want all of %q", missing, cols)
	}
}

// option is an option interface as a reader package declares one.
type option interface{ set(*Options) }

// stop sets StopOnError to its value.
type stop bool

func (s stop) set(o *Options) { o.StopOnError = bool(s) }

// TestConfigure: options apply in order; nil ones are skipped.
func TestConfigure(t *testing.T) {
	for _, tt := range []struct {
		opts []option
		want bool
	}{
		{nil, false},
		{[]option{nil}, false},
		{[]option{stop(true)}, true},
		{[]option{nil, stop(true), nil}, true},
		{[]option{stop(true), stop(false)}, false},
	} {
		if got := Configure(tt.opts, option.set); got.StopOnError != tt.want {
			t.Errorf("options %v: StopOnError %v, want %v", tt.opts, got.StopOnError, tt.want)
		}
	}
}

// copier is a Decoder that copies each row's fields and counts its passes.
type copier struct{ headers *int }

func (c copier) Header(names []string) error {
	*c.headers++
	return nil
}

func (copier) Decode(fields []string, v *[]string) []error {
	*v = slices.Clone(fields)
	return nil
}

// TestRead: a nil reader yields the nil-reader error alone; otherwise each
// pass makes a decoder and reads the rows.
func TestRead(t *testing.T) {
	errNil := errors.New("test: nil reader")
	headers := 0
	newDecoder := func(*Reader) Decoder[[]string, error] { return copier{&headers} }
	var items []item
	for v, err := range Read(nil, testFormat(1<<20), Options{}, errNil, newDecoder) {
		items = append(items, item{v, err})
	}
	if len(items) != 1 || items[0].err != errNil || items[0].fields != nil || headers != 0 {
		t.Errorf("nil reader: items %v, %d headers; want only the nil-reader error", items, headers)
	}
	items = nil
	for v, err := range Read(strings.NewReader("a,b\n1,2\n3,4\n"), testFormat(1<<20), Options{}, errNil, newDecoder) {
		items = append(items, item{v, err})
	}
	if len(items) != 2 || !slices.Equal(items[1].fields, []string{"3", "4"}) || items[0].err != nil || items[1].err != nil || headers != 1 {
		t.Errorf("items %v, %d headers; want rows 1,2 and 3,4 after one header", items, headers)
	}
}
