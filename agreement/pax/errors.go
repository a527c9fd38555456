package pax

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
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

// maxQuoted is the most bytes of a cell that a message quotes.
const maxQuoted = 64

// quote returns s quoted as [strconv.Quote] does, cut after maxQuoted bytes
// (at a character boundary) and followed by how many bytes were left out,
// so that a huge cell makes a short message: "\"abc\"... (1048512 more
// bytes)".
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	n := maxQuoted
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strconv.Quote(s[:n]) + "... (" + strconv.Itoa(len(s)-n) + " more bytes)"
}

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
	var b strings.Builder
	b.WriteString("pax: ")
	if e.Row == 0 {
		b.WriteString("header")
	} else {
		b.WriteString("row ")
		b.WriteString(strconv.Itoa(e.Row))
	}
	b.WriteString(" (line ")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(")")
	if e.Column != "" {
		b.WriteString(", column ")
		b.WriteString(strconv.Quote(e.Column))
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("unknown problem")
	}
	return b.String()
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
	var b strings.Builder
	b.WriteString("pax: bad header: ")
	switch {
	case e.Layout == LayoutAgreement && len(e.Missing) == numColumns:
		b.WriteString("none of the " + strconv.Itoa(numColumns) +
			" PA-X columns found (empty input, or not the PA-X agreement-level CSV nor the provision-level one)")
	case len(e.Missing) > 0:
		if e.Layout == LayoutProvision {
			b.WriteString("provision-level file: ")
		}
		b.WriteString("missing ")
		quoteList(&b, "column", e.Missing)
	}
	if len(e.Duplicate) > 0 {
		if len(e.Missing) > 0 {
			b.WriteString("; ")
		}
		b.WriteString("duplicate ")
		quoteList(&b, "column", e.Duplicate)
	}
	return b.String()
}

// Unwrap returns [ErrHeader].
func (e *HeaderError) Unwrap() error { return ErrHeader }

func quoteList(b *strings.Builder, noun string, names []string) {
	b.WriteString(noun)
	if len(names) > 1 {
		b.WriteString("s")
	}
	for i, n := range names {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(" ")
		b.WriteString(strconv.Quote(n))
	}
}

// syntaxError is a malformed row: it wraps both ErrSyntax and the csv
// package's error, and reads as a message for people.
type syntaxError struct {
	msg string
	err error // the *csv.ParseError
}

func (e *syntaxError) Error() string   { return e.msg }
func (e *syntaxError) Unwrap() []error { return []error{ErrSyntax, e.err} }
