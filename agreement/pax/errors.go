package pax

import (
	"errors"
	"strconv"

	"github.com/peacekit/peacekit/agreement/internal/csvread"
)

// Sentinel errors for problems of the file's structure. Problems with one
// cell's value wrap the sentinels of package agreement instead:
// [agreement.ErrMissing] (an empty required cell), [agreement.ErrInvalidValue]
// (a value that does not parse or is not a known code) and
// [agreement.ErrInconsistent] (a sub-stage of another stage). Test for any of
// them with [errors.Is].
var (
	// ErrHeader: the header lacks a column the reader needs, or repeats one.
	// It is fatal: nothing after it is read.
	ErrHeader = errors.New("pax: bad header")
	// ErrSyntax: a row is not well-formed CSV (a stray or missing quote),
	// has the wrong number of fields, or is longer than 4 MiB. The error
	// also wraps the [*encoding/csv.ParseError] that found it, if any.
	ErrSyntax = errors.New("pax: malformed CSV")
	// ErrNilReader: [Read] was given a nil [io.Reader]. It is fatal.
	ErrNilReader = errors.New("pax: nil reader")
)

// RowError is a problem with one row of the file, or with one cell of it: it
// names the data row, the line of the file, and the column. Err says what is
// wrong and wraps a sentinel: [ErrSyntax] for a malformed row, or one of
// [agreement.ErrMissing], [agreement.ErrInvalidValue] and
// [agreement.ErrInconsistent] for a bad cell. The zero value is not useful.
type RowError struct {
	// Row is the 1-based number of the data row, the header not counted
	// (the first agreement is row 1). It is 0 for the header itself.
	Row int
	// Line is the 1-based line of the file where the bad cell starts, or
	// where the row starts when Column is empty. It differs from Row+1 once
	// earlier rows have quoted fields spanning several lines.
	Line int
	// Column is the name of the bad cell's column as the header writes it,
	// such as "Stage" or "Dat"; "" when the problem is the whole row.
	Column string
	// Err is what is wrong, such as `unknown PA-X stage "Xyz"`. It quotes
	// at most the first 64 bytes of the cell and then says how many bytes
	// it left out, so that a huge cell makes a short message.
	Err error
}

// Error returns `pax: row 3 (line 5), column "Stage": unknown PA-X stage "Xyz"`;
// "pax: row error (nil)" for a nil *RowError.
func (e *RowError) Error() string {
	if e == nil {
		return "pax: row error (nil)"
	}
	return csvread.RowMessage("pax", e.Row, e.Line, e.Column, e.Err)
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
	// Layout is the layout the header was read as: LayoutProvision when it
	// names a provision code, LayoutAgreement otherwise (see [Read]).
	Layout Layout
	// Missing lists the absent columns, in the order of the layout's
	// [Layout.Columns].
	Missing []string
	// Duplicate lists the columns the header names more than once.
	Duplicate []string
}

// Error lists the missing and duplicated columns; for a nil *HeaderError it
// says only that the header is bad.
func (e *HeaderError) Error() string {
	if e == nil {
		return "pax: bad header"
	}
	var none, context string
	if e.Layout == LayoutAgreement && len(e.Missing) == numColumns {
		none = "none of the " + strconv.Itoa(numColumns) +
			" PA-X columns found (empty input, or not the PA-X agreement-level CSV nor the provision-level one)"
	}
	if e.Layout == LayoutProvision {
		context = "provision-level file: "
	}
	return csvread.HeaderMessage("pax", none, context, e.Missing, e.Duplicate)
}

// Unwrap returns [ErrHeader].
func (e *HeaderError) Unwrap() error { return ErrHeader }
