package pax

import (
	"io"
	"iter"
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/internal/csvread"
)

// ReadOption configures [Read]. It is a sealed interface: the options are the
// ones this package provides, such as [StopOnError]. A nil ReadOption is ignored.
type ReadOption interface {
	apply(*csvread.Options)
}

// stopOnError is the option of [StopOnError].
type stopOnError struct{}

func (stopOnError) apply(o *csvread.Options) { o.StopOnError = true }

// StopOnError makes [Read] stop after the first error it yields, so that a
// caller who wants all rows or nothing can stop at the first bad row. By
// default the reader yields an error for each bad row and goes on with the
// next.
func StopOnError() ReadOption {
	return stopOnError{}
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
	return csvread.Read(r, format, csvread.Configure(opts, ReadOption.apply), ErrNilReader, newDecoder)
}

// format is the PA-X files' CSV format.
var format = csvread.NewFormat("pax", maxRecord, ErrSyntax, func(row, line int, err error) error {
	return &RowError{Row: row, Line: line, Err: err}
})

// maxRecord is the most bytes one record of the file (the header or a row,
// with its line end) may take: 4 MiB, about 190 times the longest record of
// the real files (21,742 bytes). See the package doc, Errors.
const maxRecord = 4 << 20

// decoder holds the state of one pass over a file.
type decoder struct {
	rd     *csvread.Reader
	layout Layout
	// pos is the index in a row of each column: the metadata columns by
	// their col constants, then the provision codes (provision-level file)
	// from numAll on; -1 when the layout lacks the column.
	pos    [numAll + NumCodes]int
	fields []string    // the current row
	errs   []*RowError // the current row's problems
}

// newDecoder returns the decoder of one pass over a file, read by rd.
func newDecoder(rd *csvread.Reader) csvread.Decoder[Record, *RowError] {
	return &decoder{rd: rd}
}

// Header detects the layout from the header's names and maps each column
// to its index; names is nil for an empty input.
func (d *decoder) Header(names []string) error {
	if names == nil {
		return &HeaderError{Missing: Columns()}
	}
	d.layout = LayoutAgreement
	for _, n := range names {
		if IsCode(n) {
			d.layout = LayoutProvision
			break
		}
	}
	dup := csvread.MapHeader(names, d.pos[:], d.column)
	missing := csvread.Missing(d.pos[:], func(c int) (string, bool) {
		if c >= numAll {
			return string(book.codes[c-numAll]), d.layout == LayoutProvision
		}
		return columnNames[c], d.needs(c)
	})
	if len(missing) > 0 || len(dup) > 0 {
		return &HeaderError{Layout: d.layout, Missing: missing, Duplicate: dup}
	}
	return nil
}

// column returns the column of name n in the current layout, an index of
// d.pos; -1 when there is none.
func (d *decoder) column(n string) int {
	for c, want := range columnNames {
		if n == want && d.needs(c) {
			return c
		}
	}
	if d.layout != LayoutProvision {
		return -1
	}
	if k, ok := book.index[Code(n)]; ok {
		return numAll + k
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
	d.errs = append(d.errs, &RowError{
		Row: d.rd.Row(), Line: d.rd.Line(d.pos[c]), Column: columnNames[c],
		Err: &agreement.Problem{Err: sentinel, Msg: msg},
	})
}

// Decode fills rec from the row of fields and returns its bad cells.
func (d *decoder) Decode(fields []string, rec *Record) []*RowError {
	d.fields = fields
	d.errs = d.errs[:0]
	d.fill(rec)
	return d.errs
}

// fill fills rec from the current row, recording every bad cell.
func (d *decoder) fill(rec *Record) {
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
		d.fail(colAgtp, agreement.ErrInvalidValue, "unknown PA-X agreement type "+csvread.Quote(string(rec.Agtp)))
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
		d.fail(colInterim, agreement.ErrInvalidValue, "want Yes or No, not "+csvread.Quote(s))
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
	for k, p := range d.pos[numAll:] {
		s := d.fields[p]
		if len(s) == 1 && s[0]-'0' <= 3 {
			if v := s[0] - '0'; v != 0 {
				set.set(k, Level(v))
			}
			continue
		}
		sentinel, msg := agreement.ErrInvalidValue, "want a provision level 0, 1, 2 or 3, not "+csvread.Quote(s)
		if s == "" {
			sentinel, msg = agreement.ErrMissing, "empty; every provision code has a level 0 to 3"
		}
		d.errs = append(d.errs, &RowError{
			Row: d.rd.Row(), Line: d.rd.Line(p), Column: string(book.codes[k]),
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
		d.fail(colStage, agreement.ErrInvalidValue, "unknown PA-X stage "+csvread.Quote(string(st)))
		st = ""
	}
	sub := agreement.SubStage(d.cell(colStageSub))
	switch {
	case !sub.Valid():
		d.fail(colStageSub, agreement.ErrInvalidValue, "unknown PA-X sub-stage "+csvread.Quote(string(sub)))
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
		d.fail(c, agreement.ErrInvalidValue, "unknown signing status "+csvread.Quote(s))
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
		d.fail(c, agreement.ErrInvalidValue, "want a non-negative integer, not "+csvread.Quote(s))
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
		d.fail(c, agreement.ErrInvalidValue, "want a positive integer id such as 160 or 160.0, not "+csvread.Quote(s))
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
		d.fail(colAgtID, agreement.ErrInvalidValue, "want a positive integer id, not "+csvread.Quote(s))
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
		d.fail(c, agreement.ErrInvalidValue, "want an existing date written "+form+", not "+csvread.Quote(s))
		return time.Time{}
	}
	if !agreement.InstantInRange(t) {
		first, last := agreement.InstantRange()
		d.fail(c, agreement.ErrInvalidValue, "date "+csvread.Quote(s)+" is outside the dates the library represents, "+
			first.Format(time.DateOnly)+" to "+last.Format(time.DateOnly))
		return time.Time{}
	}
	return t
}
