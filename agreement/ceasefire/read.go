package ceasefire

import (
	"io"
	"iter"
	"strconv"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/internal/csvread"
)

// ReadOption configures [Read] and [ReadCeasefires]. It is a sealed
// interface: the options are the ones this package provides, such as
// [StopOnError]. A nil ReadOption is ignored.
type ReadOption interface {
	apply(*csvread.Options)
}

// stopOnError is the option of [StopOnError].
type stopOnError struct{}

func (stopOnError) apply(o *csvread.Options) { o.StopOnError = true }

// StopOnError makes [Read] and [ReadCeasefires] stop after the first error
// they yield. By default the reader yields an error for each bad row and goes
// on with the next.
func StopOnError() ReadOption {
	return stopOnError{}
}

// Read returns an iterator over the actor rows of the ETH/PRIO ceasefire CSV
// read from r: one [Row] and a nil error per good row, in file order.
//
// The input is UTF-8 with or without a byte-order mark; fields may be quoted
// and quoted fields may hold commas, doubled quotes and newlines. The header
// names the columns: every name of [Columns] must appear once, in any order;
// other columns are ignored.
//
// Errors are yielded with a zero Row:
//   - a *[RowError] for each bad cell of a row (a row with several bad cells
//     yields several errors, then no row), or for a malformed row; the
//     iteration then goes on with the next row, unless the [StopOnError]
//     option was given;
//   - a *[HeaderError] when the header lacks columns or repeats one, and a
//     *[RowError] with Row 0 when the header is malformed CSV; both are fatal;
//   - a *[RowError] wrapping [ErrSyntax] for a record (the header or a row,
//     with its line end) longer than 1 MiB, such as one whose quoted field
//     never closes, naming the line after the record before it; fatal. The
//     reader so holds no more than about one 1 MiB record at a time;
//   - an error from r other than [io.EOF], wrapped; fatal;
//   - [ErrNilReader] when r is nil; fatal.
//
// The iterator reads r as it goes and is single-use. It is not safe for
// concurrent use. Breaking out of the loop stops reading; r is not closed.
// Read never panics on any input.
func Read(r io.Reader, opts ...ReadOption) iter.Seq2[Row, error] {
	return csvread.Read(r, format, csvread.Configure(opts, ReadOption.apply), ErrNilReader, newDecoder)
}

// format is the ceasefire file's CSV format.
var format = csvread.NewFormat("ceasefire", maxRecord, ErrSyntax, func(row, line int, err error) error {
	return &RowError{Row: row, Line: line, Err: err}
})

// maxRecord is the most bytes one record of the file (the header or a row,
// with its line end) may take: 1 MiB, about 480 times the longest record of
// the real file (2,174 bytes). See the package doc, Errors.
const maxRecord = 1 << 20

// decoder holds the state of one pass over a file.
type decoder struct {
	rd     *csvread.Reader
	pos    [numColumns]int // index of each column in a row
	fields []string        // the current row
	errs   []*RowError     // the current row's problems
}

// newDecoder returns the decoder of one pass over a file, read by rd.
func newDecoder(rd *csvread.Reader) csvread.Decoder[Row, *RowError] {
	return &decoder{rd: rd}
}

// Header maps each column to its index; names is nil for an empty input.
func (d *decoder) Header(names []string) error {
	if names == nil {
		return &HeaderError{Missing: Columns()}
	}
	index := make(map[string]int, numColumns)
	for c, n := range columnNames {
		index[n] = c
	}
	dup := csvread.MapHeader(names, d.pos[:], func(n string) int {
		if c, ok := index[n]; ok {
			return c
		}
		return -1
	})
	missing := csvread.Missing(d.pos[:], func(c int) (string, bool) { return columnNames[c], true })
	if len(missing) > 0 || len(dup) > 0 {
		return &HeaderError{Missing: missing, Duplicate: dup}
	}
	return nil
}

// cell returns the current row's value of column c.
func (d *decoder) cell(c int) string { return d.fields[d.pos[c]] }

// fail records a problem with column c of the current row.
func (d *decoder) fail(c int, sentinel error, msg string) {
	d.errs = append(d.errs, &RowError{
		Row: d.rd.Row(), Line: d.rd.Line(d.pos[c]), Column: columnNames[c],
		Err: &agreement.Problem{Err: sentinel, Msg: msg},
	})
}

// Decode fills row from the row of fields and returns its bad cells.
func (d *decoder) Decode(fields []string, row *Row) []*RowError {
	d.fields = fields
	d.errs = d.errs[:0]
	d.fill(row)
	return d.errs
}

// fill fills row from the current row, recording every bad cell.
func (d *decoder) fill(row *Row) {
	row.Row = d.rd.Row()
	row.Line = d.rd.Line(0)
	var okCC, okCFID, okUniq bool
	row.CC, okCC = d.intOK(colCC, 1, 999)
	row.CFID, okCFID = d.intOK(colCFID, 1, 999)
	row.UniqID, okUniq = d.intOK(colUniqID, 1, 999999)
	if okCC && okCFID && okUniq && row.UniqID != row.CC*1000+row.CFID {
		d.fail(colUniqID, agreement.ErrInconsistent, "uniq_id "+strconv.Itoa(row.UniqID)+" is not cc x 1000 + cf_id = "+
			strconv.Itoa(row.CC*1000+row.CFID))
	}
	row.Location = d.cell(colLocation)
	row.Region = d.code(colRegion)
	row.Link = d.code(colLink)
	row.UCDPActorID = d.intIn(colUCDPActorID, -1, 1<<31-1)
	row.ActorName = d.cell(colActorName)
	if row.ActorName == "" {
		d.fail(colActorName, agreement.ErrMissing, "empty; every row names its actor")
	}
	row.UCDPACDID = d.intIn(colUCDPACDID, -1, 1<<31-1)
	if d.cell(colUCDPDyad) == "" {
		row.UCDPDyad = Unknown
	} else {
		row.UCDPDyad = d.intIn(colUCDPDyad, -2, 1<<31-1)
	}
	row.PAXID = d.intIn(colPAXID, -1, 1<<31-1)
	if row.PAXID == 0 {
		d.fail(colPAXID, agreement.ErrInvalidValue, "want -1 (none) or a positive PA-X id, not 0")
	}
	n := len(d.errs)
	row.Declared = d.date(colDecYr, colDecMonth, colDecDay)
	if len(d.errs) == n && !row.Declared.Recorded() {
		d.fail(colDecYr, agreement.ErrMissing, "no declaration year ("+csvread.Quote(d.cell(colDecYr))+"); every row has one")
	}
	row.Effect = d.date(colEffectYr, colEffectMonth, colEffectDay)
	row.EvidenceOnset = d.cell(colEvidenceOnset)
	row.Side = d.code(colSide)
	row.Partial = d.code(colPartial)
	row.Written = d.intIn(colWritten, -1, 2)
	row.Fixed = d.code(colFixed)
	row.FixedTime = d.cell(colFixedTime)
	row.NSAFrac = d.code(colNSAFrac)
	row.Purposes = Purposes{
		Humanitarian: d.flag(colPHumanitarian),
		PeaceProcess: d.flag(colPPeaceProcess),
		Holiday:      d.flag(colPHoliday),
		Election:     d.flag(colPElection),
		Other:        d.flag(colPOther),
		OtherComment: d.cell(colPOtherComment),
		Unclear:      d.flag(colPUnclear),
	}
	row.Class = d.code(colClass)
	row.Timing = d.code(colTiming)
	row.CFPP = d.cell(colCFPP)
	row.MediatorNego = d.code(colMediatorNego)
	row.MediatorSend = d.cell(colMediatorSend)
	row.Implement = d.code(colImplement)
	row.Enforcement = d.intIn(colEnforcement, -1, 3)
	row.DDR = d.intIn(colDDR, -1, 1)
	row.Splinter = d.code(colSplinter)
	row.Ended = d.intIn(colEnded, -1, 4)
	row.End = d.date(colEndYr, colEndMonth, colEndDay)
	row.EvidenceEnd = d.cell(colEvidenceEnd)
	row.Comment = d.cell(colComment)
	row.FactiviaSource = d.cell(colFactiviaSource)
	row.FactiviaPage = d.cell(colFactiviaPage)
	row.Truce = d.code(colTruce)
	row.RecentAdditions = d.code(colRecentAdditions)
	for i := range NumLinks {
		if d.cell(colLink1+i) != "" {
			row.LinkIDs[i] = d.intIn(colLink1+i, -1, 1<<31-1)
		}
	}
	row.Coder = d.cell(colCoder)
	row.ID = d.intIn(colID, 1, 1<<31-1)
}

// maxCode bounds the raw codes the reader accepts.
const maxCode = 1 << 20

// code reads a raw code: an integer from -1 to 2^20.
func (d *decoder) code(c int) int { return d.intIn(c, -1, maxCode) }

// flag reads a 0-or-1 column.
func (d *decoder) flag(c int) bool { return d.intIn(c, 0, 1) == 1 }

// intIn reads a required integer in [lo, hi]; a bad cell reads as lo after
// recording the problem.
func (d *decoder) intIn(c, lo, hi int) int {
	v, _ := d.intOK(c, lo, hi)
	return v
}

// intOK is intIn that also reports whether the cell was good, so that a check
// across columns can skip a row whose cells it depends on are already
// reported.
func (d *decoder) intOK(c, lo, hi int) (int, bool) {
	s := d.cell(c)
	if s == "" {
		d.fail(c, agreement.ErrMissing, "empty; want an integer from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
		return lo, false
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		d.fail(c, agreement.ErrInvalidValue, "want an integer from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi)+
			", not "+csvread.Quote(s))
		return lo, false
	}
	return v, true
}

// date reads the year, month and day columns of a date.
func (d *decoder) date(cy, cm, cd int) Date {
	n := len(d.errs)
	y := d.intIn(cy, -1, 2100)
	m := d.intIn(cm, -1, 12)
	day := d.intIn(cd, -1, 31)
	if len(d.errs) > n {
		return Date{Year: -1, Month: -1, Day: -1}
	}
	if y > 0 && y < 1900 {
		d.fail(cy, agreement.ErrInvalidValue, "want -1, 0 or a year from 1900 to 2100, not "+csvread.Quote(d.cell(cy)))
	}
	zeros := 0
	for _, v := range []int{y, m, day} {
		if v == 0 {
			zeros++
		}
	}
	if zeros != 0 && zeros != 3 {
		d.fail(cy, agreement.ErrInconsistent, "date "+strconv.Itoa(y)+"/"+strconv.Itoa(m)+"/"+strconv.Itoa(day)+
			": 0 stands only in a date of zeros, 0/0/0")
	}
	return Date{Year: y, Month: m, Day: day}
}
