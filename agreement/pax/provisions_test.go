package pax_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

func readProvisions(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "provisions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func levels(t *testing.T, m map[pax.Code]pax.Level) pax.ProvisionSet {
	t.Helper()
	var s pax.ProvisionSet
	for c, l := range m {
		var ok bool
		if s, ok = s.With(c, l); !ok {
			t.Fatalf("With(%q, %d) refused", c, l)
		}
	}
	return s
}

// provisionsWant is testdata/provisions.csv, read by hand.
func provisionsWant(t *testing.T) []pax.Record {
	return []pax.Record{
		{
			Layout: pax.LayoutProvision, Con: "Alphaland/(Northern Hills)", Contp: "Government/territory", PP: 901,
			PPName: "Alphaland: Northern Hills process", Reg: "Cross-regional", AgtID: 9101, Ver: 2,
			Title: "Fictional Ceasefire Agreement between Alphaland and the Beta Front", Date: date(2001, time.March, 5),
			SigningStatus: agreement.SigningStatusSigned, Lgt: 3, NCharacters: 4521, Agtp: pax.AgreementTypeIntra,
			Stage: agreement.StageCea, SubStage: agreement.SubStageCeas,
			Part:     "Government of Alphaland, signed by the \"Minister of Peace\";\nBeta Front, signed by its chair",
			ThrdPart: "Witnessed by the Gamma Mediation Group", Loc1ISO: "ALP", Loc1GWNO: 100, UcdpCon: 11111,
			Interim: true, ImSrc: 1,
			Provisions: levels(t, map[pax.Code]pax.Level{"Ce": 2, "CeProv": 2, "SsrGua": 1, "ImUN": 1}),
		},
		{
			Layout: pax.LayoutProvision, Con: "Alphaland/Betastan", Contp: "Territory", PP: 902,
			PPName: "Alphaland-Betastan border process", Reg: "Europe and Eurasia", AgtID: 9102, Ver: 1,
			Title: "Joint Statement on Talks", Date: date(1995, time.November, 7),
			SigningStatus: agreement.SigningStatusUnilateral, Lgt: 1, NCharacters: 800, Agtp: pax.AgreementTypeInterIntra,
			Stage: agreement.StagePre, SubStage: agreement.SubStageProc, Part: "Government of Alphaland",
			OthAgr: "Refers to the\n\n1990 Exchange of Letters", Loc1ISO: "ALP", Loc2ISO: "BET", Loc1GWNO: 100,
			Loc2GWNO: 101, PamAgr: 7,
			Provisions: levels(t, map[pax.Code]pax.Level{"PpsGe": 1, "PpsGe:St": 3, "Terr": 1, "ImE": 3}),
		},
		{
			Layout: pax.LayoutProvision, Con: "Gammaland", Contp: "Inter-group", PP: 903, PPName: "Gammaland local process",
			Reg: "Americas", AgtID: 9103, Ver: 10, Title: `The "Delta" Accord, Part II`, Date: date(2020, time.February, 29),
			SigningStatus: agreement.SigningStatusUnclear, Lgt: 12, NCharacters: 30000, Agtp: pax.AgreementTypeIntraLocal,
			Stage: agreement.StageCea, SubStage: agreement.SubStageRel, Part: "Delta Council, Epsilon Council",
		},
	}
}

// TestReadProvisionsFixture reads a hand-written provision-level file: ISO
// dates, NA and N/A ids, levels 0 to 3, a code with a colon.
func TestReadProvisionsFixture(t *testing.T) {
	data := readProvisions(t)
	checkRecords(t, collect(t, bytes.NewReader(data)), provisionsWant(t))
	t.Run("BOM and CRLF", func(t *testing.T) {
		crlf := append([]byte("\uFEFF"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
		checkRecords(t, collect(t, bytes.NewReader(crlf)), provisionsWant(t))
	})
	t.Run("one byte at a time", func(t *testing.T) {
		checkRecords(t, collect(t, &oneByteReader{data: data}), provisionsWant(t))
	})
}

// TestProvisionAgreement: a provision-level record converts to an agreement
// with one valid stub per non-zero provision, in column order, all bound to
// the one party; an agreement-level record to one with no clauses.
func TestProvisionAgreement(t *testing.T) {
	recs := provisionsWant(t)
	a := recs[0].Agreement()
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range a.Clauses {
		got = append(got, string(c.ID)+"|"+string(c.Category)+"|"+c.Text)
		if c.Kind != agreement.DeonticPermission || !slices.Equal(c.Debtors, []agreement.PartyID{pax.PartiesID}) ||
			c.Action != nil || c.Force != agreement.ForceUnspecified {
			t.Errorf("stub %s = %+v", c.ID, c)
		}
	}
	want := []string{
		"pax-SsrGua|SsrGua|PA-X: addresses SsrGua (security guarantees) at level 1 of 3",
		"pax-Ce|Ce|PA-X: addresses Ce (ceasefire) at level 2 of 3",
		"pax-CeProv|CeProv|PA-X: addresses CeProv at level 2 of 3",
		"pax-ImUN|ImUN|PA-X: addresses ImUN (UN signatory or role) at level 1 of 3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stubs (-want +got):\n%s", diff)
	}
	if len(a.Parties) != 1 || a.Parties[0].ID != pax.PartiesID {
		t.Errorf("parties %+v, want the one %s", a.Parties, pax.PartiesID)
	}
	b := recs[1].Agreement()
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	if c, ok := b.Clause("pax-PpsGeSt"); !ok || c.Category != "PpsGeSt" {
		t.Errorf("no stub pax-PpsGeSt for PpsGe:St: %+v", b.Clauses)
	}
	for _, r := range []pax.Record{recs[2], smallWant[0]} {
		a := r.Agreement()
		if len(a.Clauses) != 0 || len(a.Parties) != 0 || a.Validate() != nil {
			t.Errorf("record %d with no provisions: %+v", r.AgtID, a)
		}
	}
}

// TestProvisionCellErrors: a provision cell that is not 0-3 is a RowError on
// that code's column; other cells of the row are still checked, and the next
// rows are read.
func TestProvisionCellErrors(t *testing.T) {
	all, err := csv.NewReader(bytes.NewReader(readProvisions(t))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(all[0], "CeGen")
	for _, tt := range []struct {
		val  string
		want error
	}{
		{"4", agreement.ErrInvalidValue}, {"-1", agreement.ErrInvalidValue}, {"1.0", agreement.ErrInvalidValue},
		{" 1", agreement.ErrInvalidValue}, {"x", agreement.ErrInvalidValue}, {"", agreement.ErrMissing},
	} {
		t.Run(tt.val, func(t *testing.T) {
			rows := slices.Clone(all)
			last := slices.Clone(rows[3])
			last[col] = tt.val
			last[col+1] = "7" // CeGen's neighbour, SsrPol: a second bad cell
			rows[3] = last
			var b bytes.Buffer
			w := csv.NewWriter(&b)
			if err := w.WriteAll(rows); err != nil {
				t.Fatal(err)
			}
			got := collect(t, &b)
			var errs []*pax.RowError
			for _, it := range got {
				var re *pax.RowError
				if errors.As(it.err, &re) {
					errs = append(errs, re)
				}
			}
			if len(got) != 4 || len(errs) != 2 {
				t.Fatalf("got %d items with %d row errors, want two records then two errors: %v", len(got), len(errs), got)
			}
			// Rows 1 and 2 span lines 2-3 and 4-6: row 3 is on line 7.
			for i, want := range []struct {
				col string
				err error
			}{{"CeGen", tt.want}, {"SsrPol", agreement.ErrInvalidValue}} {
				re := errs[i]
				if re.Row != 3 || re.Line != 7 || re.Column != want.col || !errors.Is(re, want.err) {
					t.Errorf("error %d: %v (row %d, line %d), want row 3, line 7, column %s, wrapping %v",
						i, re, re.Row, re.Line, want.col, want.err)
				}
			}
		})
	}
}

// TestProvisionDates: the provision-level file writes dates YYYY-MM-DD; any
// other form, or a day that does not exist, is an error on Dat.
func TestProvisionDates(t *testing.T) {
	data := string(readProvisions(t))
	for _, bad := range []string{"29/02/2020", "2021-02-29", "2020-2-29", "2020-02-2", "20200-02-29", "2020/02/29",
		"2020-13-01", "2020-00-10", "2020-01-00", "0001-01-01", "+020-01-01"} {
		text := strings.Replace(data, "2020-02-29", bad, 1)
		got := collect(t, strings.NewReader(text))
		var re *pax.RowError
		if len(got) != 3 || !errors.As(got[2].err, &re) || re.Column != "Dat" || !errors.Is(re, agreement.ErrInvalidValue) {
			t.Errorf("Dat %q: got %v, want an error on Dat for row 3", bad, got)
		}
	}
}

// TestProvisionHeader: the layout is the provision-level one as soon as the
// header names a provision code; then every code and the metadata columns
// are required.
func TestProvisionHeader(t *testing.T) {
	data := string(readProvisions(t))
	header, rest, _ := strings.Cut(data, "\n")
	for _, tt := range []struct {
		name, header string
		missing      []string
		dup          []string
	}{
		{"no ImSrc", strings.Replace(header, ",ImSrc,", ",Other,", 1), []string{"ImSrc"}, nil},
		{"no Terr", strings.Replace(header, ",Terr,", ",Terror,", 1), []string{"Terr"}, nil},
		{"Ce twice", strings.Replace(header, ",CeGen,", ",Ce,", 1), []string{"CeGen"}, []string{"Ce"}},
		{"agreement-level columns and one code",
			strings.Join(append(pax.Columns(), "Ce"), ","),
			append([]string{"ImSrc"}, slices.DeleteFunc(pax.LayoutProvision.Columns()[28:], func(s string) bool { return s == "Ce" })...),
			nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, strings.NewReader(tt.header+"\n"+rest))
			var he *pax.HeaderError
			if len(got) != 1 || !errors.As(got[0].err, &he) {
				t.Fatalf("got %v, want one HeaderError", got)
			}
			if he.Layout != pax.LayoutProvision || !slices.Equal(he.Missing, tt.missing) || !slices.Equal(he.Duplicate, tt.dup) {
				t.Errorf("HeaderError{%v, %q, %q}, want provision-level, %q, %q", he.Layout, he.Missing, he.Duplicate,
					tt.missing, tt.dup)
			}
			if !strings.Contains(he.Error(), "provision-level file: missing") {
				t.Errorf("message %q does not name the layout", he.Error())
			}
		})
	}
}

// TestProvisionSet: With, Level, Len and All agree, With refuses what is not
// a code or a level, and a copy is independent of the original.
func TestProvisionSet(t *testing.T) {
	var s pax.ProvisionSet
	if s.Len() != 0 || s.Level("Ce") != 0 {
		t.Fatal("zero set is not empty")
	}
	codes := pax.Codes()
	for i, c := range codes {
		var ok bool
		s, ok = s.With(c, pax.Level(i%4))
		if !ok {
			t.Fatalf("With(%s) refused", c)
		}
	}
	copied := s
	for i, c := range codes {
		if got := s.Level(c); got != pax.Level(i%4) {
			t.Errorf("Level(%s) = %d, want %d", c, got, i%4)
		}
	}
	var seen []pax.Code
	for c, l := range s.All() {
		if l == 0 || s.Level(c) != l {
			t.Errorf("All yielded %s at %d", c, l)
		}
		seen = append(seen, c)
	}
	if want := 251 - (251+3)/4; s.Len() != want || len(seen) != want {
		t.Errorf("Len %d, All yielded %d, want %d", s.Len(), len(seen), want)
	}
	if !slices.IsSortedFunc(seen, func(a, b pax.Code) int { return slices.Index(codes, a) - slices.Index(codes, b) }) {
		t.Error("All is not in column order")
	}
	cleared, _ := s.With("ImE", 0)
	if cleared.Level("ImE") != 0 || s.Level("ImE") != pax.Level(250%4) || !s.Equal(copied) || cleared.Equal(s) {
		t.Error("With changed the set it was called on, or did not change the copy")
	}
	for _, bad := range []struct {
		c pax.Code
		l pax.Level
	}{{"Ssr", 1}, {"ce", 1}, {"", 1}, {"Ce", 4}} {
		if got, ok := s.With(bad.c, bad.l); ok || got != s {
			t.Errorf("With(%q, %d) accepted", bad.c, bad.l)
		}
	}
	if s.Level("Ssr") != 0 || s.Level("nope") != 0 {
		t.Error("Level of a non-code is not 0")
	}
	for l := range pax.Level(10) {
		if l.Valid() != (l <= 3) {
			t.Errorf("Level(%d).Valid() = %v", l, l.Valid())
		}
	}
	for range s.All() {
		break // stops early without a panic
	}
}

// TestHugeProvisionCell: an error on a huge provision cell quotes only its
// start and says how much it left out.
func TestHugeProvisionCell(t *testing.T) {
	data := string(readProvisions(t))
	header, rest, _ := strings.Cut(data, "\n")
	huge := strings.Repeat("9", 1<<20)
	rest = strings.Replace(rest, ",0\n", ","+huge+"\n", 1) // ImE of row 1
	got := collect(t, strings.NewReader(header+"\n"+rest))
	var re *pax.RowError
	if len(got) == 0 || !errors.As(got[0].err, &re) || re.Column != "ImE" {
		t.Fatalf("got %v, want an error on ImE", got)
	}
	if msg := re.Error(); len(msg) > 400 || !strings.Contains(msg, "more bytes)") {
		t.Errorf("message of %d bytes: %.300s", len(msg), msg)
	}
}
