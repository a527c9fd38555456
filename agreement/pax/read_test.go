package pax_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// item is one value the reader yields.
type item struct {
	rec pax.Record
	err error
}

func collect(t *testing.T, r io.Reader, opts ...pax.ReadOption) []item {
	t.Helper()
	var out []item
	for rec, err := range pax.Read(r, opts...) {
		if err != nil && rec != (pax.Record{}) {
			t.Errorf("error %v yielded with a non-zero record %+v", err, rec)
		}
		out = append(out, item{rec, err})
	}
	return out
}

// baseRow is a valid row, as column name -> cell.
func baseRow(id string) map[string]string {
	return map[string]string{
		"Con": "Omegaland", "Contp": "Government", "PP": "1", "PPName": "Omegaland process",
		"Reg": "Africa (excl MENA)", "AgtId": id, "Ver": "1", "Agt": "Agreement " + id, "Dat": "01/02/2003",
		"Status": "Multiparty signed/agreed", "Lgt": "2", "N_characters": "1000", "Agtp": "Intra",
		"Stage": "Imp", "StageSub": "ImpMod", "Interim": "No", "year": "2003", "stage - sort": "5",
	}
}

// csvText writes a header of header and one row per map, in header's order.
func csvText(t *testing.T, header []string, rows ...map[string]string) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(header)
	for _, r := range rows {
		line := make([]string, len(header))
		for i, h := range header {
			line[i] = r[h]
		}
		_ = w.Write(line)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func with(m map[string]string, col, val string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	out[col] = val
	return out
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// smallWant is testdata/small.csv, read by hand.
var smallWant = []pax.Record{
	{
		Con: "Alphaland/(Northern Hills)", Contp: "Government/territory", PP: 901,
		PPName: "Alphaland: Northern Hills process", Reg: "Cross-regional", AgtID: 9001, Ver: 2,
		Title: "Fictional Ceasefire Agreement between Alphaland and the Beta Front", Date: date(2001, time.March, 5),
		SigningStatus: agreement.SigningStatusSigned, Lgt: 3, NCharacters: 4521, Agtp: pax.AgreementTypeIntra,
		Stage: agreement.StageCea, SubStage: agreement.SubStageCeas,
		Part:     "Government of Alphaland, signed by the \"Minister of Peace\";\nBeta Front, signed by its chair",
		ThrdPart: "Witnessed by the Gamma Mediation Group", Loc1ISO: "ALP", Loc1GWNO: 100, UcdpCon: 11111,
		UcdpAgr: 1234567890123, CowWar: 901, Interim: true, Description: "Both sides stop firing, at once.",
		StageLabel: "Ceasefire", StageSort: 2, StageShort: "Ceasefire", AgtType: "Intrastate",
		AgtDat: "Fictional Ceasefire Agreement between Alphaland and the Beta Front (05/03/2001)", Year: 2001,
		PAXHyperlink: "https://example.org/agreements/9001/", PDFHyperlink: "https://example.org/documents/ag9001.pdf",
		StageDisplay: "Ceasefire/related", SubStageLabel: "Ceasefire",
	},
	{
		Con: "Alphaland/Betastan", Contp: "Territory", PP: 902, PPName: "Alphaland-Betastan border process",
		Reg: "Europe and Eurasia", AgtID: 9002, Ver: 1, Title: "Joint Statement on Talks", Date: date(1995, time.November, 7),
		SigningStatus: agreement.SigningStatusUnilateral, Lgt: 1, NCharacters: 800, Agtp: pax.AgreementTypeInterIntra,
		Stage: agreement.StagePre, SubStage: agreement.SubStageProc, Part: "Government of Alphaland",
		OthAgr: "Refers to the\n\n1990 Exchange of Letters", Loc1ISO: "ALP", Loc2ISO: "BET", Loc1GWNO: 100, Loc2GWNO: 101,
		PamAgr: 7, StageLabel: "Pre-negotiation/process", StageSort: 1, StageShort: "Pre-negotiation",
		AgtType: "Interstate/mixed", AgtDat: "Joint Statement on Talks (07/11/1995)", Year: 1995,
		PAXHyperlink: "https://example.org/agreements/9002/", PDFHyperlink: "https://example.org/documents/ag9002.pdf",
		StageDisplay: "Pre-negotiation/process", SubStageLabel: "Process",
	},
	{
		Con: "Gammaland", Contp: "Inter-group", PP: 903, PPName: "Gammaland local process", Reg: "Americas",
		AgtID: 9003, Ver: 10, Title: `The "Delta" Accord, Part II`, Date: date(2020, time.February, 29),
		SigningStatus: agreement.SigningStatusUnclear, Lgt: 12, NCharacters: 30000, Agtp: pax.AgreementTypeIntraLocal,
		Stage: agreement.StageCea, SubStage: agreement.SubStageRel, Part: "Delta Council, Epsilon Council",
		ThrdPart: "Unsigned; the text names no third party", Description: `Local arrangement, "provisional".`,
		StageLabel: "Ceasefire", StageSort: 2, StageShort: "Ceasefire", AgtType: "Local",
		AgtDat: `The "Delta" Accord, Part II (29/02/2020)`, Year: 2020,
		PAXHyperlink: "https://example.org/agreements/9003/", PDFHyperlink: "https://example.org/documents/ag9003.pdf",
		StageDisplay: "Ceasefire/related", SubStageLabel: "Related",
	},
}

func readSmall(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "small.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func checkRecords(t *testing.T, got []item, want []pax.Record) {
	t.Helper()
	var recs []pax.Record
	for _, it := range got {
		if it.err != nil {
			t.Errorf("unexpected error: %v", it.err)
			continue
		}
		recs = append(recs, it.rec)
	}
	if diff := cmp.Diff(want, recs); diff != "" {
		t.Errorf("records mismatch (-want +got):\n%s", diff)
	}
}

// TestReadFixture reads a hand-written file with a byte-order mark, quoted
// fields holding commas, doubled quotes and newlines, decimal-written ids and
// a leap day.
func TestReadFixture(t *testing.T) {
	data := readSmall(t)
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatal("testdata/small.csv should start with a byte-order mark")
	}
	checkRecords(t, collect(t, bytes.NewReader(data)), smallWant)
}

func TestReadWithoutBOMAndWithCRLF(t *testing.T) {
	data := bytes.TrimPrefix(readSmall(t), []byte("\xEF\xBB\xBF"))
	t.Run("no BOM", func(t *testing.T) {
		checkRecords(t, collect(t, bytes.NewReader(data)), smallWant)
	})
	t.Run("CRLF", func(t *testing.T) {
		crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		checkRecords(t, collect(t, bytes.NewReader(crlf)), smallWant)
	})
	t.Run("BOM before a quoted header field", func(t *testing.T) {
		quoted := append([]byte("\xEF\xBB\xBF\"Con\""), bytes.TrimPrefix(data, []byte("Con"))...)
		checkRecords(t, collect(t, bytes.NewReader(quoted)), smallWant)
	})
	t.Run("one byte at a time", func(t *testing.T) {
		checkRecords(t, collect(t, &oneByteReader{data: readSmall(t)}), smallWant)
	})
}

type oneByteReader struct{ data []byte }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.data[0]
	r.data = r.data[1:]
	return 1, nil
}

// TestHeaderOrderAndExtraColumns: columns may come in any order, and columns
// the reader does not know are ignored.
func TestHeaderOrderAndExtraColumns(t *testing.T) {
	header := pax.Columns()
	slices.Reverse(header)
	header = append(header, "Extra column")
	row := with(baseRow("7"), "Extra column", "ignored")
	got := collect(t, strings.NewReader(csvText(t, header, row)))
	if len(got) != 1 || got[0].err != nil {
		t.Fatalf("got %v, want one record", got)
	}
	if r := got[0].rec; r.AgtID != 7 || r.Stage != agreement.StageImp || !r.Date.Equal(date(2003, 2, 1)) {
		t.Errorf("record = %+v", r)
	}
}

func TestAgreement(t *testing.T) {
	for _, rec := range smallWant {
		a := rec.Agreement()
		if err := a.Validate(); err != nil {
			t.Errorf("record %d: Agreement().Validate() = %v", rec.AgtID, err)
		}
		if a.Title != rec.Title || !a.Date.Equal(rec.Date) || a.Stage != rec.Stage || a.SubStage != rec.SubStage ||
			a.SigningStatus != rec.SigningStatus || len(a.Parties) != 0 || len(a.Clauses) != 0 {
			t.Errorf("record %d: Agreement() = %+v", rec.AgtID, a)
		}
	}
	if got := smallWant[0].Agreement().ID; got != "pax-9001" {
		t.Errorf("ID = %q, want pax-9001", got)
	}
	if got := smallWant[0].Date.Location(); got != time.UTC {
		t.Errorf("Date location = %v, want UTC", got)
	}
}

// TestCellErrors: each bad cell is a *RowError naming the row, the line and
// the column, wrapping the right sentinel; the rows after it are still read.
func TestCellErrors(t *testing.T) {
	tests := []struct {
		col, val string
		want     error
		msg      string // a part of the message
	}{
		{"Stage", "Xyz", agreement.ErrInvalidValue, `unknown PA-X stage "Xyz"`},
		{"Stage", "", agreement.ErrMissing, "empty"},
		{"StageSub", "Ceas", agreement.ErrInconsistent, `sub-stage "Ceas" belongs to stage "Cea", not "Imp"`},
		{"StageSub", "Nope", agreement.ErrInvalidValue, `unknown PA-X sub-stage "Nope"`},
		{"Dat", "31/02/2020", agreement.ErrInvalidValue, `"31/02/2020"`},
		{"Dat", "2020-02-01", agreement.ErrInvalidValue, "DD/MM/YYYY"},
		{"Dat", "01/13/2020", agreement.ErrInvalidValue, "DD/MM/YYYY"},
		{"Dat", "1/2/20", agreement.ErrInvalidValue, "DD/MM/YYYY"},
		{"Dat", "", agreement.ErrMissing, "empty"},
		{"Status", "Signed?", agreement.ErrInvalidValue, `unknown signing status "Signed?"`},
		{"Status", "", agreement.ErrMissing, "empty"},
		{"AgtId", "", agreement.ErrMissing, "empty"},
		{"AgtId", "0", agreement.ErrInvalidValue, "positive"},
		{"AgtId", "12a", agreement.ErrInvalidValue, `"12a"`},
		{"Agtp", "Intrastate", agreement.ErrInvalidValue, `unknown PA-X agreement type "Intrastate"`},
		{"Loc1GWNO", "160.5", agreement.ErrInvalidValue, `"160.5"`},
		{"UcdpAgr", "0.0", agreement.ErrInvalidValue, "positive"},
		{"CowWar", "1e3", agreement.ErrInvalidValue, `"1e3"`},
		{"CowWar", "12.", agreement.ErrInvalidValue, `"12."`},
		{"UcdpAgr", "9999999999999999999", agreement.ErrInvalidValue, "positive integer"},
		{"UcdpCon", " 12", agreement.ErrInvalidValue, `" 12"`},
		{"PP", "-1", agreement.ErrInvalidValue, `"-1"`},
		{"year", "99999999999999999999", agreement.ErrInvalidValue, "integer"},
		{"stage - sort", "two", agreement.ErrInvalidValue, `"two"`},
		{"Interim", "Maybe", agreement.ErrInvalidValue, `want Yes or No, not "Maybe"`},
	}
	for _, tt := range tests {
		t.Run(tt.col+"="+tt.val, func(t *testing.T) {
			// Row 1 spans two lines, so the bad row 2 starts on line 4.
			first := with(baseRow("1"), "Part", "two\nlines")
			text := csvText(t, pax.Columns(), first, with(baseRow("2"), tt.col, tt.val), baseRow("3"))
			got := collect(t, strings.NewReader(text))
			if len(got) != 3 {
				t.Fatalf("got %d items, want record, error, record: %v", len(got), got)
			}
			if got[0].err != nil || got[0].rec.AgtID != 1 || got[2].err != nil || got[2].rec.AgtID != 3 {
				t.Errorf("rows 1 and 3 = %+v, %+v; want their records", got[0], got[2])
			}
			err := got[1].err
			var re *pax.RowError
			if !errors.As(err, &re) {
				t.Fatalf("row 2: error %v (%T), want a *pax.RowError", err, err)
			}
			if re.Row != 2 || re.Line != 4 || re.Column != tt.col {
				t.Errorf("RowError{Row: %d, Line: %d, Column: %q}, want {2, 4, %q}", re.Row, re.Line, re.Column, tt.col)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v does not wrap %v", err, tt.want)
			}
			prefix := `pax: row 2 (line 4), column "` + tt.col + `": `
			if msg := err.Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tt.msg) {
				t.Errorf("message %q, want prefix %q and %q in it", msg, prefix, tt.msg)
			}
		})
	}
}

// TestAcceptedForms: the other ways of writing values the reader accepts.
func TestAcceptedForms(t *testing.T) {
	row := baseRow("0042")
	for col, val := range map[string]string{
		"Dat": "1/2/2003", "Loc1GWNO": "160", "Loc2GWNO": "2.000", "UcdpAgr": "999999999999999999",
		"PP": "7.0", "Interim": "", "Agtp": "", "StageSub": "", "Status": "signed",
	} {
		row[col] = val
	}
	got := collect(t, strings.NewReader(csvText(t, pax.Columns(), row)))
	if len(got) != 1 || got[0].err != nil {
		t.Fatalf("got %v, want one record", got)
	}
	want := pax.Record{
		Con: "Omegaland", Contp: "Government", PP: 7, PPName: "Omegaland process", Reg: "Africa (excl MENA)",
		AgtID: 42, Ver: 1, Title: "Agreement 0042", Date: date(2003, time.February, 1),
		SigningStatus: agreement.SigningStatusSigned, Lgt: 2, NCharacters: 1000, Stage: agreement.StageImp,
		Loc1GWNO: 160, Loc2GWNO: 2, UcdpAgr: 999999999999999999, StageSort: 5, Year: 2003,
	}
	if diff := cmp.Diff(want, got[0].rec); diff != "" {
		t.Errorf("record mismatch (-want +got):\n%s", diff)
	}
}

// TestLaterColumnLine: a cell's line is where the cell starts, after a
// multi-line cell in the same row.
func TestLaterColumnLine(t *testing.T) {
	row := with(with(baseRow("1"), "Part", "a\nb\nc"), "Interim", "Maybe")
	got := collect(t, strings.NewReader(csvText(t, pax.Columns(), row)))
	var re *pax.RowError
	if len(got) != 1 || !errors.As(got[0].err, &re) {
		t.Fatalf("got %v, want one *RowError", got)
	}
	if re.Row != 1 || re.Line != 4 || re.Column != "Interim" {
		t.Errorf("RowError{Row: %d, Line: %d, Column: %q}, want {1, 4, Interim}", re.Row, re.Line, re.Column)
	}
}

func TestSeveralBadCells(t *testing.T) {
	bad := with(with(baseRow("2"), "Stage", "Xyz"), "Dat", "yesterday")
	got := collect(t, strings.NewReader(csvText(t, pax.Columns(), baseRow("1"), bad, baseRow("3"))))
	var cols []string
	for _, it := range got {
		var re *pax.RowError
		if errors.As(it.err, &re) {
			cols = append(cols, re.Column)
		}
	}
	if want := []string{"Dat", "Stage"}; !slices.Equal(cols, want) {
		t.Errorf("bad columns %q, want %q (in file order)", cols, want)
	}
	if len(got) != 4 || got[3].rec.AgtID != 3 {
		t.Errorf("got %v, want record 1, two errors, record 3", got)
	}
}

func TestStopOnError(t *testing.T) {
	text := csvText(t, pax.Columns(), baseRow("1"), with(baseRow("2"), "Stage", "Xyz"),
		with(baseRow("3"), "Dat", "x"), baseRow("4"))
	t.Run("default", func(t *testing.T) {
		got := collect(t, strings.NewReader(text))
		var ids []int
		errs := 0
		for _, it := range got {
			if it.err != nil {
				errs++
			} else {
				ids = append(ids, it.rec.AgtID)
			}
		}
		if errs != 2 || !slices.Equal(ids, []int{1, 4}) {
			t.Errorf("got %d errors and records %v, want 2 errors and records [1 4]", errs, ids)
		}
	})
	t.Run("StopOnError", func(t *testing.T) {
		got := collect(t, strings.NewReader(text), pax.StopOnError())
		if len(got) != 2 || got[0].err != nil || got[1].err == nil {
			t.Fatalf("got %v, want record 1 then one error", got)
		}
		var re *pax.RowError
		if !errors.As(got[1].err, &re) || re.Row != 2 || re.Column != "Stage" {
			t.Errorf("error %v, want row 2 column Stage", got[1].err)
		}
	})
	t.Run("nil option", func(t *testing.T) {
		if got := collect(t, strings.NewReader(text), nil); len(got) != 4 {
			t.Errorf("got %d items, want 4", len(got))
		}
	})
}

func TestHeaderErrors(t *testing.T) {
	all := pax.Columns()
	without := func(names ...string) []string {
		return slices.DeleteFunc(slices.Clone(all), func(s string) bool { return slices.Contains(names, s) })
	}
	tests := []struct {
		name          string
		text          string
		missing, dups []string
		msg           string
	}{
		{"missing Stage and Dat", csvText(t, without("Stage", "Dat"), baseRow("1")),
			[]string{"Dat", "Stage"}, nil, `pax: bad header: missing columns "Dat", "Stage"`},
		{"duplicate Con", csvText(t, append(slices.Clone(all), "Con"), baseRow("1")),
			nil, []string{"Con"}, `pax: bad header: duplicate column "Con"`},
		{"both", csvText(t, append(without("Reg"), "Agt"), baseRow("1")),
			[]string{"Reg"}, []string{"Agt"}, `missing column "Reg"; duplicate column "Agt"`},
		{"empty input", "", all, nil, "none of the 38 PA-X columns"},
		{"only a BOM", "\uFEFF", all, nil, "none of the 38 PA-X columns"},
		{"another file", "a,b\n1,2\n", all, nil, "not the PA-X agreement-level CSV"},
		{"wrong case", strings.Replace(csvText(t, all, baseRow("1")), "AgtId", "AgtID", 1),
			[]string{"AgtId"}, nil, `missing column "AgtId"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, strings.NewReader(tt.text))
			if len(got) != 1 {
				t.Fatalf("got %d items, want a single fatal error: %v", len(got), got)
			}
			var he *pax.HeaderError
			if !errors.As(got[0].err, &he) || !errors.Is(got[0].err, pax.ErrHeader) {
				t.Fatalf("error %v (%T), want a *pax.HeaderError wrapping ErrHeader", got[0].err, got[0].err)
			}
			if !slices.Equal(he.Missing, tt.missing) || !slices.Equal(he.Duplicate, tt.dups) {
				t.Errorf("Missing %q, Duplicate %q; want %q, %q", he.Missing, he.Duplicate, tt.missing, tt.dups)
			}
			if !strings.Contains(he.Error(), tt.msg) {
				t.Errorf("message %q does not contain %q", he.Error(), tt.msg)
			}
		})
	}
}

// TestMalformedRows: rows that are not well-formed CSV are errors wrapping
// ErrSyntax and the csv.ParseError, and the rows after them are still read.
func TestMalformedRows(t *testing.T) {
	good := func(id string) string { return strings.SplitN(csvText(t, pax.Columns(), baseRow(id)), "\n", 3)[1] }
	header := strings.Join(pax.Columns(), ",")
	tests := []struct {
		name, bad string
		msg       string
		line      int
	}{
		{"too few fields", "a,b,c", "wrong number of fields: 3, want 38", 3},
		{"too many fields", good("9") + ",extra", "wrong number of fields: 39, want 38", 3},
		{"bare quote", strings.Replace(good("9"), "Omegaland", `Omega"land`, 1), `bare " in non-quoted-field`, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := header + "\n" + good("1") + "\n" + tt.bad + "\n" + good("3") + "\n"
			got := collect(t, strings.NewReader(text))
			if len(got) != 3 || got[0].rec.AgtID != 1 || got[2].rec.AgtID != 3 {
				t.Fatalf("got %v, want record 1, an error, record 3", got)
			}
			err := got[1].err
			var re *pax.RowError
			var pe *csv.ParseError
			if !errors.As(err, &re) || !errors.Is(err, pax.ErrSyntax) || !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *RowError wrapping ErrSyntax and a *csv.ParseError", err, err)
			}
			if re.Row != 2 || re.Line != tt.line || re.Column != "" {
				t.Errorf("RowError{Row: %d, Line: %d, Column: %q}, want {2, %d, \"\"}", re.Row, re.Line, re.Column, tt.line)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("message %q does not contain %q", err.Error(), tt.msg)
			}
		})
	}
	t.Run("unterminated quote at the end", func(t *testing.T) {
		text := header + "\n" + good("1") + "\n\"never closed,\n"
		got := collect(t, strings.NewReader(text))
		if len(got) != 2 || got[0].rec.AgtID != 1 || !errors.Is(got[1].err, pax.ErrSyntax) {
			t.Errorf("got %v, want record 1 then a syntax error", got)
		}
	})
	t.Run("malformed header", func(t *testing.T) {
		got := collect(t, strings.NewReader(`Con,"Contp`+"\n"+good("1")))
		var re *pax.RowError
		if len(got) != 1 || !errors.As(got[0].err, &re) || re.Row != 0 || !errors.Is(re, pax.ErrSyntax) {
			t.Fatalf("got %v, want one fatal header RowError wrapping ErrSyntax", got)
		}
		if !strings.HasPrefix(re.Error(), "pax: header (line 1): ") {
			t.Errorf("message %q", re.Error())
		}
	})
}

var errBroken = errors.New("broken pipe (test)")

type failingReader struct {
	data []byte
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errBroken
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestReadError: an error of the underlying reader ends the iteration, and
// is wrapped, not replaced.
func TestReadError(t *testing.T) {
	text := csvText(t, pax.Columns(), baseRow("1"), baseRow("2"))
	got := collect(t, &failingReader{data: []byte(text)})
	if len(got) != 3 || got[1].rec.AgtID != 2 || !errors.Is(got[2].err, errBroken) {
		t.Fatalf("got %v, want records 1, 2 and the reader's error", got)
	}
	if got := collect(t, &failingReader{}); len(got) != 1 || !errors.Is(got[0].err, errBroken) {
		t.Fatalf("got %v, want the reader's error once", got)
	}
}

// TestBreak: breaking out of the loop stops the reader (the runtime panics if
// an iterator calls yield again after it returned false).
func TestBreak(t *testing.T) {
	text := csvText(t, pax.Columns(), with(baseRow("1"), "Stage", "X"), baseRow("2"), baseRow("3"))
	for _, stopAt := range []int{1, 2} {
		n := 0
		for range pax.Read(strings.NewReader(text)) {
			n++
			if n == stopAt {
				break
			}
		}
		if n != stopAt {
			t.Errorf("loop ran %d times, want %d", n, stopAt)
		}
	}
}

func TestAgreementType(t *testing.T) {
	for typ, label := range map[pax.AgreementType]string{
		pax.AgreementTypeInter: "Interstate", pax.AgreementTypeIntra: "Intrastate", pax.AgreementTypeIntraLocal: "Local",
		pax.AgreementTypeInterIntra: "Interstate/mixed", "": "", "Other": "",
	} {
		if got := typ.Label(); got != label {
			t.Errorf("%q.Label() = %q, want %q", typ, got, label)
		}
		if got, want := typ.Valid(), typ == "" || label != ""; got != want {
			t.Errorf("%q.Valid() = %v, want %v", typ, got, want)
		}
	}
}

func TestColumns(t *testing.T) {
	cols := pax.Columns()
	if len(cols) != 38 || cols[0] != "Con" || cols[37] != "substage_label" {
		t.Fatalf("Columns() = %q", cols)
	}
	cols[0] = "changed"
	if pax.Columns()[0] != "Con" {
		t.Error("Columns() shares its slice with the package")
	}
}

func TestRowErrorMessage(t *testing.T) {
	e := &pax.RowError{Row: 3, Line: 5, Column: "stage - sort", Err: errors.New("bad")}
	if got, want := e.Error(), `pax: row 3 (line 5), column "stage - sort": bad`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(errors.Unwrap(e), e.Err) {
		t.Error("Unwrap does not return Err")
	}
}
