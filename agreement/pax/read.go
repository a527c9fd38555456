package pax

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// ReadOption configures [Read]. It is a sealed interface: the options are the
// ones this package provides, such as [StopOnError]. A nil ReadOption is ignored.
type ReadOption interface {
	apply(*config)
}

type config struct {
	stopOnError bool
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// StopOnError makes [Read] stop after the first error it yields, so that a
// caller who wants all rows or nothing can stop at the first bad row. By
// default the reader yields an error for each bad row and goes on with the
// next.
func StopOnError() ReadOption {
	return optionFunc(func(c *config) { c.stopOnError = true })
}

// Read returns an iterator over the agreements of a PA-X CSV read from r,
// the agreement-level export or the provision-level file: one [Record] and a
// nil error per good row, in file order.
//
// The input is UTF-8 with or without a byte-order mark; fields may be quoted
// and quoted fields may hold commas, doubled quotes and newlines (CRLF line
// ends are read as LF). The header names the columns and gives the layout:
// a header naming any provision code of [Codes] is provision-level, any
// other agreement-level. Every name of the layout's [Layout.Columns] must
// then appear once, in any order; other columns are ignored. Each record's
// Layout says which layout it was read as.
//
// Errors are yielded with a zero Record:
//   - a *[RowError] for each bad cell of a row (a row with several bad cells
//     yields several errors, then no record), or for a malformed row; the
//     iteration then goes on with the next row, unless the [StopOnError]
//     option was given;
//   - a *[HeaderError] when the header lacks columns of its layout or
//     repeats one, and a
//     *[RowError] with Row 0 when the header is malformed CSV; both are fatal;
//   - a *[RowError] wrapping [ErrSyntax] for a record (the header or a row,
//     with its line end) longer than 4 MiB, such as one whose quoted field
//     never closes, naming the line after the record before it; fatal. The
//     reader so holds no more than about one 4 MiB record at a time;
//   - an error from r other than [io.EOF], wrapped; fatal;
//   - [ErrNilReader] when r is nil; fatal.
//
// The iterator reads r as it goes and is single-use: r is consumed by the
// first iteration. It is not safe for concurrent use. Breaking out of the
// loop stops reading; r is not closed. Read never panics on any input (r's
// own Read method is called as it is: a nil pointer of a reader type may
// panic).
func Read(r io.Reader, opts ...ReadOption) iter.Seq2[Record, error] {
	var c config
	for _, o := range opts {
		if o != nil {
			o.apply(&c)
		}
	}
	return func(yield func(Record, error) bool) {
		if r == nil {
			yield(Record{}, ErrNilReader)
			return
		}
		d := decoder{stopOnError: c.stopOnError}
		d.run(r, yield)
	}
}

// decoder holds the state of one pass over a file.
type decoder struct {
	stopOnError bool
	limit       *recordLimit
	cr          *csv.Reader
	layout      Layout
	pos         [numAll]int   // index of each column in a row; -1 when the layout lacks it
	provPos     [NumCodes]int // index of each provision code's column (provision-level file)
	fields      []string      // the current row
	row         int           // the current data row, 1-based
	errs        []*RowError   // the current row's problems
}

func (d *decoder) run(r io.Reader, yield func(Record, error) bool) {
	d.limit = newRecordLimit(r)
	br := d.limit.br
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	d.limit.next() // the header starts after the byte-order mark
	d.cr = csv.NewReader(br)
	d.cr.ReuseRecord = true
	d.cr.FieldsPerRecord = 0 // the header's field count, for every row

	if err := d.header(); err != nil {
		yield(Record{}, err)
		return
	}
	for {
		d.limit.next()
		fields, err := d.cr.Read()
		if err == io.EOF {
			return
		}
		d.row++
		if err != nil {
			var pe *csv.ParseError
			if errors.Is(err, errRecordTooLong) {
				yield(Record{}, d.tooLong())
				return
			}
			if !errors.As(err, &pe) {
				yield(Record{}, fmt.Errorf("pax: reading row %d: %w", d.row, err))
				return
			}
			if !yield(Record{}, d.syntax(pe, len(fields))) || d.stopOnError {
				return
			}
			continue
		}
		d.fields = fields
		d.errs = d.errs[:0]
		var rec Record
		d.decode(&rec)
		if len(d.errs) == 0 {
			if !yield(rec, nil) {
				return
			}
			continue
		}
		for _, e := range d.errs {
			if !yield(Record{}, e) || d.stopOnError {
				return
			}
		}
	}
}

// header reads the header, detects the layout and maps each column to its
// index.
func (d *decoder) header() error {
	names, err := d.cr.Read()
	if err == io.EOF {
		return &HeaderError{Missing: Columns()}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.Is(err, errRecordTooLong) {
			return d.tooLong()
		}
		if errors.As(err, &pe) {
			return d.syntax(pe, len(names))
		}
		return fmt.Errorf("pax: reading header: %w", err)
	}
	d.layout = LayoutAgreement
	for _, n := range names {
		if IsCode(n) {
			d.layout = LayoutProvision
			break
		}
	}
	for i := range d.pos {
		d.pos[i] = -1
	}
	for i := range d.provPos {
		d.provPos[i] = -1
	}
	var dup []string
	for i, n := range names {
		if c := d.column(n); c >= 0 {
			if d.pos[c] >= 0 {
				dup = append(dup, n)
			} else {
				d.pos[c] = i
			}
			continue
		}
		if d.layout != LayoutProvision {
			continue
		}
		if k, ok := book.index[Code(n)]; ok {
			if d.provPos[k] >= 0 {
				dup = append(dup, n)
			} else {
				d.provPos[k] = i
			}
		}
	}
	var missing []string
	for c, p := range d.pos {
		if p < 0 && d.needs(c) {
			missing = append(missing, columnNames[c])
		}
	}
	if d.layout == LayoutProvision {
		for k, p := range d.provPos {
			if p < 0 {
				missing = append(missing, string(book.codes[k]))
			}
		}
	}
	if len(missing) > 0 || len(dup) > 0 {
		return &HeaderError{Layout: d.layout, Missing: missing, Duplicate: dup}
	}
	return nil
}

// column returns the col constant of the metadata column named n in the
// current layout; -1 when there is none.
func (d *decoder) column(n string) int {
	for c, want := range columnNames {
		if n == want && d.needs(c) {
			return c
		}
	}
	return -1
}

// needs reports whether the current layout has column c.
func (d *decoder) needs(c int) bool {
	if d.layout == LayoutProvision {
		return c < numShared || c == colImSrc
	}
	return c < numColumns
}

// syntax turns a csv parse error of the current row into a *RowError.
func (d *decoder) syntax(pe *csv.ParseError, got int) *RowError {
	var msg string
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		msg = "wrong number of fields: " + strconv.Itoa(got) + ", want " +
			strconv.Itoa(d.cr.FieldsPerRecord) + " as in the header"
	} else {
		msg = pe.Err.Error() + " (line " + strconv.Itoa(pe.Line) + ", column " + strconv.Itoa(pe.Column) + ")"
	}
	return &RowError{Row: d.row, Line: pe.StartLine, Err: &syntaxError{msg: msg, err: pe}}
}

// tooLong is the error for a current record (d.row, 0 for the header)
// longer than maxRecord.
func (d *decoder) tooLong() *RowError {
	return &RowError{Row: d.row, Line: d.limit.line, Err: &syntaxError{msg: errRecordTooLong.Error(), err: errRecordTooLong}}
}

// cell returns the current row's value of column c; "" when the layout
// lacks c.
func (d *decoder) cell(c int) string {
	if p := d.pos[c]; p >= 0 {
		return d.fields[p]
	}
	return ""
}

// fail records a problem with column c of the current row.
func (d *decoder) fail(c int, sentinel error, msg string) {
	line, _ := d.cr.FieldPos(d.pos[c])
	d.errs = append(d.errs, &RowError{
		Row: d.row, Line: line, Column: columnNames[c],
		Err: &agreement.Problem{Err: sentinel, Msg: msg},
	})
}

// decode fills rec from the current row, recording every bad cell.
func (d *decoder) decode(rec *Record) {
	rec.Layout = d.layout
	rec.Con = d.cell(colCon)
	rec.Contp = d.cell(colContp)
	rec.PP = d.int(colPP)
	rec.PPName = d.cell(colPPName)
	rec.Reg = d.cell(colReg)
	rec.AgtID = d.agtID()
	rec.Ver = d.int(colVer)
	rec.Title = d.cell(colAgt)
	rec.Date = d.date(colDat)
	rec.SigningStatus = d.status(colStatus)
	rec.Lgt = d.int(colLgt)
	rec.NCharacters = d.int(colNCharacters)
	rec.Agtp = AgreementType(d.cell(colAgtp))
	if !rec.Agtp.Valid() {
		d.fail(colAgtp, agreement.ErrInvalidValue, "unknown PA-X agreement type "+quote(string(rec.Agtp)))
	}
	rec.Stage, rec.SubStage = d.stage()
	rec.Part = d.cell(colPart)
	rec.ThrdPart = d.cell(colThrdPart)
	rec.OthAgr = d.cell(colOthAgr)
	rec.Loc1ISO = d.cell(colLoc1ISO)
	rec.Loc2ISO = d.cell(colLoc2ISO)
	rec.Loc1GWNO = int(d.id(colLoc1GWNO))
	rec.Loc2GWNO = int(d.id(colLoc2GWNO))
	rec.UcdpCon = d.id(colUcdpCon)
	rec.UcdpAgr = d.id(colUcdpAgr)
	rec.PamAgr = d.id(colPamAgr)
	rec.CowWar = d.id(colCowWar)
	switch s := d.cell(colInterim); s {
	case "Yes":
		rec.Interim = true
	case "No", "":
	default:
		d.fail(colInterim, agreement.ErrInvalidValue, "want Yes or No, not "+quote(s))
	}
	if d.layout == LayoutProvision {
		rec.ImSrc = d.int(colImSrc)
		d.provisions(&rec.Provisions)
		return
	}
	rec.Description = d.cell(colDescription)
	rec.StageLabel = d.cell(colStageLabel)
	rec.StageSort = d.int(colStageSort)
	rec.StageShort = d.cell(colStageShort)
	rec.AgtType = d.cell(colAgtType)
	rec.AgtDat = d.cell(colAgtDat)
	rec.Year = d.int(colYear)
	rec.PAXHyperlink = d.cell(colPAXHyperlink)
	rec.PDFHyperlink = d.cell(colPDFHyperlink)
	rec.StageDisplay = d.cell(colStageDisplay)
	rec.SubStageLabel = d.cell(colSubStageLabel)
}

// provisions reads the 251 provision columns: each cell is one digit, 0
// to 3.
func (d *decoder) provisions(set *ProvisionSet) {
	for k, p := range d.provPos {
		s := d.fields[p]
		if len(s) == 1 && s[0]-'0' <= 3 {
			if v := s[0] - '0'; v != 0 {
				set.set(k, Level(v))
			}
			continue
		}
		line, _ := d.cr.FieldPos(p)
		sentinel, msg := agreement.ErrInvalidValue, "want a provision level 0, 1, 2 or 3, not "+quote(s)
		if s == "" {
			sentinel, msg = agreement.ErrMissing, "empty; every provision code has a level 0 to 3"
		}
		d.errs = append(d.errs, &RowError{
			Row: d.row, Line: line, Column: string(book.codes[k]),
			Err: &agreement.Problem{Err: sentinel, Msg: msg},
		})
	}
}

// stage reads the Stage and StageSub columns.
func (d *decoder) stage() (agreement.Stage, agreement.SubStage) {
	st := agreement.Stage(d.cell(colStage))
	switch {
	case st == "":
		d.fail(colStage, agreement.ErrMissing, "empty; every PA-X agreement has a stage")
	case !st.Valid():
		d.fail(colStage, agreement.ErrInvalidValue, "unknown PA-X stage "+quote(string(st)))
		st = ""
	}
	sub := agreement.SubStage(d.cell(colStageSub))
	switch {
	case !sub.Valid():
		d.fail(colStageSub, agreement.ErrInvalidValue, "unknown PA-X sub-stage "+quote(string(sub)))
	case sub != "" && st != "" && sub.Stage() != st:
		d.fail(colStageSub, agreement.ErrInconsistent, "sub-stage "+strconv.Quote(string(sub))+
			" belongs to stage "+strconv.Quote(string(sub.Stage()))+", not "+strconv.Quote(string(st)))
	}
	return st, sub
}

// status reads the Status column.
func (d *decoder) status(c int) agreement.SigningStatus {
	s := d.cell(c)
	if s == "" {
		d.fail(c, agreement.ErrMissing, "empty; every PA-X agreement has a signing status")
		return 0
	}
	st, err := agreement.ParseSigningStatus(s)
	if err != nil {
		d.fail(c, agreement.ErrInvalidValue, "unknown signing status "+quote(s))
		return 0
	}
	return st
}

// int reads an optional non-negative integer column; empty reads as 0.
func (d *decoder) int(c int) int {
	s := d.cell(c)
	if s == "" {
		return 0
	}
	v, ok := parseUint(s)
	if !ok || int64(int(v)) != v {
		d.fail(c, agreement.ErrInvalidValue, "want a non-negative integer, not "+quote(s))
		return 0
	}
	return int(v)
}

// id reads an optional positive id, which the file may write as "160.0";
// empty reads as 0, and so do "NA" and "N/A" in the provision-level file.
func (d *decoder) id(c int) int64 {
	s := d.cell(c)
	if s == "" || d.layout == LayoutProvision && (s == "NA" || s == "N/A") {
		return 0
	}
	v, ok := parseUint(s)
	if !ok || v == 0 || (c == colLoc1GWNO || c == colLoc2GWNO) && int64(int(v)) != v {
		d.fail(c, agreement.ErrInvalidValue, "want a positive integer id such as 160 or 160.0, not "+quote(s))
		return 0
	}
	return v
}

// agtID reads the required AgtId column.
func (d *decoder) agtID() int {
	s := d.cell(colAgtID)
	if s == "" {
		d.fail(colAgtID, agreement.ErrMissing, "empty; every PA-X agreement has an id")
		return 0
	}
	v, ok := parseUint(s)
	if !ok || v == 0 || int64(int(v)) != v {
		d.fail(colAgtID, agreement.ErrInvalidValue, "want a positive integer id, not "+quote(s))
		return 0
	}
	return int(v)
}

// date reads a required DD/MM/YYYY column (YYYY-MM-DD in the
// provision-level file). A date outside
// [agreement.InstantRange] (such as 01/01/0001, which would read as the zero
// time.Time, an undated agreement) is a row error.
func (d *decoder) date(c int) time.Time {
	s := d.cell(c)
	if s == "" {
		d.fail(c, agreement.ErrMissing, "empty; every PA-X agreement has a date")
		return time.Time{}
	}
	parse, form := parseDate, "DD/MM/YYYY"
	if d.layout == LayoutProvision {
		parse, form = parseISODate, "YYYY-MM-DD"
	}
	t, ok := parse(s)
	if !ok {
		d.fail(c, agreement.ErrInvalidValue, "want an existing date written "+form+", not "+quote(s))
		return time.Time{}
	}
	if !agreement.InstantInRange(t) {
		first, last := agreement.InstantRange()
		d.fail(c, agreement.ErrInvalidValue, "date "+quote(s)+" is outside the dates the library represents, "+
			first.Format(time.DateOnly)+" to "+last.Format(time.DateOnly))
		return time.Time{}
	}
	return t
}
