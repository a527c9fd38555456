package ceasefire

import (
	"errors"
	"strconv"

	"github.com/peacekit/peacekit/agreement/internal/csvread"
)

// Sentinel errors for problems of the file's structure. Problems with one
// cell's value wrap the sentinels of package agreement instead:
// [agreement.ErrMissing] (an empty required cell), [agreement.ErrInvalidValue]
// (a value that does not parse or is out of its column's range) and
// [agreement.ErrInconsistent] (cells that contradict one another, such as a
// uniq_id other than cc x 1000 + cf_id, or rows of one ceasefire that are not
// adjacent). Test for any of them with [errors.Is].
var (
	// ErrHeader: the header lacks a column the reader needs, or repeats one.
	// It is fatal: nothing after it is read.
	ErrHeader = errors.New("ceasefire: bad header")
	// ErrSyntax: a row is not well-formed CSV (a stray or missing quote),
	// has the wrong number of fields, or is longer than 1 MiB. The error
	// also wraps the [*encoding/csv.ParseError] that found it, if any.
	ErrSyntax = errors.New("ceasefire: malformed CSV")
	// ErrNilReader: [Read] was given a nil [io.Reader]. It is fatal.
	ErrNilReader = errors.New("ceasefire: nil reader")
)

// RowError is a problem with one row of the file, or with one cell of it: it
// names the data row, the line of the file, and the column. Err says what is
// wrong and wraps a sentinel: [ErrSyntax] for a malformed row, or one of
// [agreement.ErrMissing], [agreement.ErrInvalidValue] and
// [agreement.ErrInconsistent] for a bad cell. The zero value is not useful.
type RowError struct {
	// Row is the 1-based number of the data row, the header not counted
	// (the first actor row is row 1). It is 0 for the header itself.
	Row int
	// Line is the 1-based line of the file where the bad cell starts, or
	// where the row starts when Column is empty. It differs from Row+1 once
	// earlier rows have quoted fields spanning several lines.
	Line int
	// Column is the name of the bad cell's column as the header writes it,
	// such as "written" or "end_day"; "" when the problem is the whole row.
	Column string
	// Err is what is wrong, such as `want -1, 0, 1 or 2, not "7"`. It quotes
	// at most the first 64 bytes of the cell and then says how many bytes
	// it left out, so that a huge cell makes a short message.
	Err error
}

// Error returns `ceasefire: row 3 (line 5), column "written": want an integer, not "x"`;
// "ceasefire: row error (nil)" for a nil *RowError.
func (e *RowError) Error() string {
	if e == nil {
		return "ceasefire: row error (nil)"
	}
	return csvread.RowMessage("ceasefire", e.Row, e.Line, e.Column, e.Err)
}

// Unwrap returns Err; nil for a nil *RowError.
func (e *RowError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// HeaderError reports a header that lacks columns the reader needs or repeats
// one of them. It wraps [ErrHeader] and is fatal: the reader yields it once
// and stops. Columns the reader does not know are not an error; they are
// ignored. The zero value is not useful.
type HeaderError struct {
	// Missing lists the absent columns, in the order of [Columns].
	Missing []string
	// Duplicate lists the columns the header names more than once.
	Duplicate []string
}

// Error lists the missing and duplicated columns; for a nil *HeaderError it
// says only that the header is bad.
func (e *HeaderError) Error() string {
	if e == nil {
		return "ceasefire: bad header"
	}
	var none string
	if len(e.Missing) == len(columnNames) {
		none = "none of the " + strconv.Itoa(len(columnNames)) +
			" ceasefire columns found (empty input, or not the ETH/PRIO ceasefire CSV)"
	}
	return csvread.HeaderMessage("ceasefire", none, "", e.Missing, e.Duplicate)
}

// Unwrap returns [ErrHeader].
func (e *HeaderError) Unwrap() error { return ErrHeader }
