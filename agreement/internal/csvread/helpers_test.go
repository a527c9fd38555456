package csvread

import (
	"errors"
	"io"
	"slices"
)

// errTestSyntax is the test format's ErrSyntax.
var errTestSyntax = errors.New("test: malformed CSV")

// rowError is the test format's error for a row or a cell.
type rowError struct {
	row, line int
	column    string
	err       error
}

func (e *rowError) Error() string { return RowMessage("test", e.row, e.line, e.column, e.err) }
func (e *rowError) Unwrap() error { return e.err }

// testFormat returns a format named "test" whose records take at most max
// bytes.
func testFormat(max int) *Format {
	return NewFormat("test", max, errTestSyntax, func(row, line int, err error) error {
		return &rowError{row: row, line: line, err: err}
	})
}

// errBadCell is the problem of a cell that reads "!".
var errBadCell = errors.New("bad cell \"!\"")

// item is what Run yields once: a row's fields, or an error.
type item struct {
	fields []string
	err    error
}

// reading is the outcome of reading a file with Run.
type reading struct {
	header   []string // a copy of the header's names
	noHeader bool     // header was given nil
	called   bool     // header was called
	items    []item
}

// readAll reads src in format f with a decoder that copies each row's fields
// and reports each cell "!" as a problem of its column, named by the header.
func readAll(f *Format, src io.Reader, opts Options) reading {
	var out reading
	rd := NewReader(f, src)
	header := func(names []string) error {
		out.header = slices.Clone(names)
		out.noHeader = names == nil
		out.called = true
		return nil
	}
	decode := func(fields []string, v *[]string) []error {
		*v = slices.Clone(fields)
		var errs []error
		for i, s := range fields {
			if s == "!" {
				errs = append(errs, &rowError{row: rd.Row(), line: rd.Line(i), column: out.header[i], err: errBadCell})
			}
		}
		return errs
	}
	Run(rd, opts, header, decode, func(fields []string, err error) bool {
		out.items = append(out.items, item{fields, err})
		return true
	})
	return out
}

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
