package pax_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// FuzzRead feeds the reader arbitrary input: it must not panic or loop, and
// what it yields must be records that convert to valid agreements, or
// well-formed errors, in row order; StopOnError must yield a prefix of the
// default sequence ending at its first error.
func FuzzRead(f *testing.F) {
	small, err := os.ReadFile(filepath.Join("testdata", "small.csv"))
	if err != nil {
		f.Fatal(err)
	}
	header := strings.Join(pax.Columns(), ",")
	f.Add(small)
	f.Add([]byte{})
	f.Add([]byte("\uFEFF"))
	f.Add([]byte(header + "\n"))
	f.Add([]byte(header + "\n" + strings.Repeat(",", 37) + "\n"))
	f.Add([]byte(header + "\n\"unterminated\n"))
	f.Add([]byte(header + "\na\"b\n"))
	f.Add(bytes.Replace(small, []byte("Cea,Ceas"), []byte("Cea,ImpMod"), 1))
	f.Add(bytes.Replace(small, []byte("05/03/2001"), []byte("31/04/2001"), 1))
	f.Add(bytes.Replace(small, []byte("\n"), []byte("\r\n"), -1))
	prov, err := os.ReadFile(filepath.Join("testdata", "provisions.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(prov)
	f.Add(bytes.Replace(prov, []byte("2001-03-05"), []byte("2001-02-30"), 1))
	f.Add(bytes.Replace(prov, []byte(",NA,"), []byte(",N/B,"), 1))
	f.Add(bytes.Replace(prov, []byte(",0,0\n"), []byte(",4,\n"), 1))
	provHeader, _, _ := bytes.Cut(prov, []byte("\n"))
	f.Add(append(slices.Clone(provHeader), '\n'))

	f.Fuzz(func(t *testing.T, data []byte) {
		all := items(pax.Read(bytes.NewReader(data)))
		lastRow := 0
		for i, it := range all {
			if it.err == nil {
				checkRecord(t, it.rec)
				continue
			}
			var re *pax.RowError
			var he *pax.HeaderError
			switch {
			case errors.As(it.err, &he):
				if i != 0 || len(all) != 1 {
					t.Errorf("header error %v at position %d of %d", he, i, len(all))
				}
				if len(he.Missing)+len(he.Duplicate) == 0 {
					t.Errorf("header error lists no column: %v", he)
				}
			case errors.As(it.err, &re):
				checkRowError(t, re)
				if re.Row == 0 && (i != 0 || len(all) != 1) {
					t.Errorf("header row error %v at position %d of %d", re, i, len(all))
				}
				if re.Row < lastRow {
					t.Errorf("row %d reported after row %d", re.Row, lastRow)
				}
				lastRow = re.Row
			default:
				t.Errorf("error %v (%T) is neither *RowError nor *HeaderError", it.err, it.err)
			}
		}
		stopped := items(pax.Read(bytes.NewReader(data), pax.StopOnError()))
		want := all
		if i := slices.IndexFunc(all, func(it item) bool { return it.err != nil }); i >= 0 {
			want = all[:i+1]
		}
		if len(stopped) != len(want) {
			t.Fatalf("StopOnError yielded %d items, want %d", len(stopped), len(want))
		}
		for i := range want {
			if stopped[i].rec != want[i].rec || fmt.Sprint(stopped[i].err) != fmt.Sprint(want[i].err) {
				t.Errorf("item %d: StopOnError %v, default %v", i, stopped[i], want[i])
			}
		}
	})
}

func items(seq func(func(pax.Record, error) bool)) []item {
	var out []item
	for rec, err := range seq {
		out = append(out, item{rec, err})
	}
	return out
}

func checkRecord(t *testing.T, rec pax.Record) {
	t.Helper()
	a := rec.Agreement()
	if err := a.Validate(); err != nil {
		t.Errorf("record %d: agreement does not validate: %v", rec.AgtID, err)
	}
	if len(a.Clauses) != rec.Provisions.Len() || pax.LintCategories(a) != nil {
		t.Errorf("record %d: %d clauses for %d provisions, or stubs failing the lint", rec.AgtID, len(a.Clauses),
			rec.Provisions.Len())
	}
	if rec.Layout == pax.LayoutAgreement && (rec.Provisions.Len() != 0 || rec.ImSrc != 0) ||
		rec.Layout == pax.LayoutProvision && (rec.Description != "" || rec.StageLabel != "") ||
		rec.Layout > pax.LayoutProvision {
		t.Errorf("record %d: fields of the other layout set: %+v", rec.AgtID, rec)
	}
	if rec.AgtID <= 0 || rec.Date.Location() != time.UTC || rec.Stage == "" ||
		rec.SigningStatus == agreement.SigningStatusUnspecified || !rec.Agtp.Valid() {
		t.Errorf("record lacks a required value or has an invalid one: %+v", rec)
	}
}

func checkRowError(t *testing.T, re *pax.RowError) {
	t.Helper()
	if re.Row < 0 || re.Line < 1 || re.Err == nil {
		t.Errorf("malformed RowError %+v", re)
	}
	if re.Column != "" && !slices.Contains(pax.Columns(), re.Column) &&
		!slices.Contains(pax.LayoutProvision.Columns(), re.Column) {
		t.Errorf("RowError names unknown column %q", re.Column)
	}
	known := false
	for _, s := range []error{pax.ErrSyntax, agreement.ErrMissing, agreement.ErrInvalidValue, agreement.ErrInconsistent} {
		known = known || errors.Is(re, s)
	}
	if !known {
		t.Errorf("RowError %v wraps no sentinel", re)
	}
	if (re.Column == "") != errors.Is(re, pax.ErrSyntax) {
		t.Errorf("RowError %v: a column is named exactly when the row is well-formed CSV", re)
	}
}

// FuzzRoundTrip is TestPropertyRoundTrip driven by the fuzzer.
func FuzzRoundTrip(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(checkRoundTrip))
}

// FuzzReadProvisions feeds the reader the fixture's provision-level header
// followed by arbitrary rows: whatever it yields is well-formed, and each
// record's levels are the cells encoding/csv reads in the same row; each
// error on a provision column names a cell that is not 0 to 3.
func FuzzReadProvisions(f *testing.F) {
	prov, err := os.ReadFile(filepath.Join("testdata", "provisions.csv"))
	if err != nil {
		f.Fatal(err)
	}
	header, rows, _ := bytes.Cut(prov, []byte("\n"))
	header = append(header, '\n')
	f.Add(rows)
	f.Add([]byte{})
	f.Add(bytes.Replace(rows, []byte(",0,"), []byte(",3,"), 5))
	f.Add(bytes.Replace(rows, []byte(",0,"), []byte(",9,"), 2))
	f.Add(bytes.Replace(rows, []byte(",0,"), []byte(",,"), 1))
	f.Add(bytes.Replace(rows, []byte(",0,"), []byte(",0,0,"), 1))
	f.Add(bytes.Replace(rows, []byte("\n"), []byte("\r\n"), -1))

	codeCol := map[string]int{}
	for i, c := range pax.LayoutProvision.Columns() {
		codeCol[c] = i
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		data = append(slices.Clone(header), data...)
		// The rows as encoding/csv reads them, by data row number.
		cr := csv.NewReader(bytes.NewReader(data))
		cells := map[int][]string{}
		for row := 0; ; row++ {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err == nil && row > 0 {
				cells[row] = rec
			}
		}
		row := 0
		for rec, err := range pax.Read(bytes.NewReader(data)) {
			if err != nil {
				var re *pax.RowError
				if !errors.As(err, &re) {
					t.Fatalf("error %v (%T) is not a *RowError", err, err)
				}
				checkRowError(t, re)
				if re.Row < row || re.Row > row+1 {
					t.Fatalf("row error for row %d after row %d", re.Row, row)
				}
				row = re.Row
				if pax.IsCode(re.Column) {
					v := cells[row][codeCol[re.Column]]
					if len(v) == 1 && v[0] >= '0' && v[0] <= '3' {
						t.Errorf("row %d, %s: error for the level %q", row, re.Column, v)
					}
				}
				continue
			}
			row++
			checkRecord(t, rec)
			if rec.Layout != pax.LayoutProvision {
				t.Fatalf("row %d read as %v", row, rec.Layout)
			}
			got := cells[row]
			if got == nil {
				t.Fatalf("row %d: a record where encoding/csv finds no row", row)
			}
			for _, c := range pax.Codes() {
				if want := got[codeCol[string(c)]]; want != strconv.Itoa(int(rec.Provisions.Level(c))) {
					t.Errorf("row %d, %s: level %d, cell %q", row, c, rec.Provisions.Level(c), want)
				}
			}
		}
	})
}
