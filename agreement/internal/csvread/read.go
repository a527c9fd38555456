package csvread

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
)

// Format describes the file of one reader package. Make it with
// [NewFormat]; it is read-only after that and may be shared by any number of
// Readers.
type Format struct {
	name      string
	maxRecord int
	errSyntax error
	rowError  func(row, line int, err error) error
	tooLong   error
}

// NewFormat returns the Format of the package called name (the prefix of
// its messages, such as "pax"), whose records may take at most maxRecord
// bytes (a positive number; a multiple of 1 MiB reads best in the message),
// whose malformed rows wrap errSyntax, and whose error for a whole row is
// made by rowError (row 0 is the header; line is 1-based).
func NewFormat(name string, maxRecord int, errSyntax error, rowError func(row, line int, err error) error) *Format {
	var msg string
	if maxRecord%(1<<20) == 0 {
		msg = "record longer than " + strconv.Itoa(maxRecord>>20) + " MiB (" + strconv.Itoa(maxRecord) + " bytes); reading stopped"
	} else {
		msg = "record longer than " + strconv.Itoa(maxRecord) + " bytes; reading stopped"
	}
	return &Format{
		name:      name,
		maxRecord: maxRecord,
		errSyntax: errSyntax,
		rowError:  rowError,
		tooLong:   errors.New(msg),
	}
}

// MaxRecord returns the most bytes one record may take.
func (f *Format) MaxRecord() int { return f.maxRecord }

// Reader is one pass over a file: the CSV reader, the bound on each record
// and the number of the current row. It is not safe for concurrent use.
type Reader struct {
	f     *Format
	limit recordLimit
	cr    *csv.Reader
	row   int
}

// NewReader returns a Reader of r in format f, past a byte-order mark at
// the start of r if there is one. r must not be nil.
func NewReader(f *Format, r io.Reader) *Reader {
	rd := &Reader{f: f}
	rd.limit.init(r, f.maxRecord, f.tooLong)
	br := rd.limit.br
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	rd.limit.next() // the header starts after the byte-order mark
	rd.cr = csv.NewReader(br)
	rd.cr.ReuseRecord = true
	rd.cr.FieldsPerRecord = 0 // the header's field count, for every row
	return rd
}

// Row returns the number of the current data row, 1-based, the header not
// counted; 0 while the header is read.
func (rd *Reader) Row() int { return rd.row }

// Line returns the 1-based line of the file where field i of the current
// record starts.
func (rd *Reader) Line(i int) int {
	line, _ := rd.cr.FieldPos(i)
	return line
}

// Decoder decodes the rows of a format into T, reporting the problems of a
// row as E (the reader package's *RowError). [Read] makes one for each pass
// over a file.
type Decoder[T any, E error] interface {
	// Header is given the header's names, nil when the input holds no
	// record at all; a non-nil error ends the reading.
	Header(names []string) error
	// Decode fills *v, zero on each call, from the fields of the current
	// row and returns the row's problems; it must keep neither v nor
	// fields, which the next row reuses.
	Decode(fields []string, v *T) []E
}

// Read returns the iterator of a reader package's Read function: each pass
// reads r in format f with a Decoder that newDecoder makes for the pass's
// Reader, as [Run] does, or yields errNil alone when r is nil.
func Read[T any, E error](r io.Reader, f *Format, opts Options, errNil error, newDecoder func(*Reader) Decoder[T, E]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		if r == nil {
			var zero T
			yield(zero, errNil)
			return
		}
		rd := NewReader(f, r)
		d := newDecoder(rd)
		Run(rd, opts, d.Header, d.Decode, yield)
	}
}

// Run reads the file of rd: it gives the header's names to header, then the
// fields of each row to decode, and yields what they return.
//
// header is called once, with nil when the input holds no record at all; a
// non-nil error it returns is yielded and ends the reading. decode fills *v,
// zero on each call, from the fields of the current row and returns the
// row's problems; it must keep neither v nor fields, which the next row
// reuses. A row without problems is
// yielded with a nil error; otherwise each problem is yielded with a zero T.
// A malformed row is yielded as the format's row error wrapping its
// ErrSyntax and the [*encoding/csv.ParseError]. After any error from a row
// the reading goes on with the next row, unless opts.StopOnError is set. A
// record longer than the format allows, a malformed header, and an error of
// the underlying reader other than [io.EOF] end the reading; so does a
// yield that returns false.
func Run[T any, E error](rd *Reader, opts Options, header func(names []string) error, decode func(fields []string, v *T) []E, yield func(T, error) bool) {
	// v holds each row in turn: one variable for the whole file, since
	// decode's pointer to it makes it escape.
	var zero, v T
	if err := rd.header(header); err != nil {
		yield(zero, err)
		return
	}
	for {
		rd.limit.next()
		fields, err := rd.cr.Read()
		if err == io.EOF {
			return
		}
		rd.row++
		if err != nil {
			var pe *csv.ParseError
			if errors.Is(err, rd.f.tooLong) {
				yield(zero, rd.tooLong())
				return
			}
			if !errors.As(err, &pe) {
				yield(zero, fmt.Errorf("%s: reading row %d: %w", rd.f.name, rd.row, err))
				return
			}
			if !yield(zero, rd.syntax(pe, len(fields))) || opts.StopOnError {
				return
			}
			continue
		}
		v = zero
		errs := decode(fields, &v)
		if len(errs) == 0 {
			if !yield(v, nil) {
				return
			}
			continue
		}
		for _, e := range errs {
			if !yield(zero, e) || opts.StopOnError {
				return
			}
		}
	}
}

// header reads the header and hands it to header.
func (rd *Reader) header(header func(names []string) error) error {
	names, err := rd.cr.Read()
	if err == io.EOF {
		return header(nil)
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.Is(err, rd.f.tooLong) {
			return rd.tooLong()
		}
		if errors.As(err, &pe) {
			return rd.syntax(pe, len(names))
		}
		return fmt.Errorf("%s: reading header: %w", rd.f.name, err)
	}
	return header(names)
}

// syntax turns a csv parse error of the current record into the format's
// row error.
func (rd *Reader) syntax(pe *csv.ParseError, got int) error {
	var msg string
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		msg = "wrong number of fields: " + strconv.Itoa(got) + ", want " +
			strconv.Itoa(rd.cr.FieldsPerRecord) + " as in the header"
	} else {
		msg = pe.Err.Error() + " (line " + strconv.Itoa(pe.Line) + ", column " + strconv.Itoa(pe.Column) + ")"
	}
	return rd.f.rowError(rd.row, pe.StartLine, &syntaxError{msg: msg, sentinel: rd.f.errSyntax, err: pe})
}

// tooLong is the error for a current record (rd.row, 0 for the header)
// longer than the format allows.
func (rd *Reader) tooLong() error {
	return rd.f.rowError(rd.row, rd.limit.line, &syntaxError{msg: rd.f.tooLong.Error(), sentinel: rd.f.errSyntax, err: rd.f.tooLong})
}

// syntaxError is a malformed record: it wraps both the format's ErrSyntax
// and the error that found it (a *csv.ParseError, or the format's error for
// a record too long), and reads as a message for people.
type syntaxError struct {
	msg      string
	sentinel error
	err      error
}

func (e *syntaxError) Error() string   { return e.msg }
func (e *syntaxError) Unwrap() []error { return []error{e.sentinel, e.err} }

// MapHeader maps the names of a header to columns: col returns the column
// (an index of pos) of a name, or -1 for a name the reader ignores. It sets
// pos[c] to the index in names of column c, -1 when names lack it, and
// returns the names that stand more than once, in the order of their second
// and later appearances.
func MapHeader(names []string, pos []int, col func(name string) int) (dup []string) {
	for i := range pos {
		pos[i] = -1
	}
	for i, n := range names {
		c := col(n)
		if c < 0 {
			continue
		}
		if pos[c] >= 0 {
			dup = append(dup, n)
		} else {
			pos[c] = i
		}
	}
	return dup
}

// Missing returns the names of the columns c, in order, that MapHeader did
// not find (pos[c] < 0) and that the reader needs: name returns the name of
// column c and whether it is needed.
func Missing(pos []int, name func(c int) (string, bool)) []string {
	var missing []string
	for c, p := range pos {
		if p >= 0 {
			continue
		}
		if n, ok := name(c); ok {
			missing = append(missing, n)
		}
	}
	return missing
}

// Options are the settings of one reading, which the reader packages' sealed
// ReadOption types set.
type Options struct {
	// StopOnError ends the reading after the first error yielded, of any
	// kind; by default a bad row is yielded as errors and the reading goes
	// on with the next row.
	StopOnError bool
}

// Configure returns the Options that opts set, in order: O is a reader
// package's ReadOption interface, and apply sets one option (the package
// passes the method expression of its ReadOption's unexported method). A nil
// option is ignored.
func Configure[O any](opts []O, apply func(O, *Options)) Options {
	var o Options
	for _, opt := range opts {
		if any(opt) != nil {
			apply(opt, &o)
		}
	}
	return o
}
