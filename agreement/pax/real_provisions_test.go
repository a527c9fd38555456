package pax_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement/pax"
)

// TestRealProvisionsFile reads the whole PA-X provision-level file: 2,257
// agreements and 251 provision codes with no row error; the non-zero count
// of each code, and its count at each level, equal the counts made from the
// same bytes with encoding/csv alone; Ce is non-zero in 1,038 agreements and
// Terr in 194, as the data's documentation says; every record converts to
// an agreement that validates, with one stub clause per non-zero provision.
func TestRealProvisionsFile(t *testing.T) {
	data := realProvisionsFile(t)

	// The reference counts, by encoding/csv alone.
	cr := csv.NewReader(bytes.NewReader(data))
	header, err := cr.Read()
	if err != nil {
		t.Fatal(err)
	}
	if len(header) != 279 {
		t.Fatalf("header has %d columns, want 279", len(header))
	}
	codeCols := header[28:]
	want := map[string]*[4]int{}
	for _, c := range codeCols {
		want[c] = new([4]int)
	}
	rows, na, slashNA := 0, 0, 0
	naRows := map[int]bool{}
	idCols := map[int]bool{}
	for i, h := range header {
		switch h {
		case "UcdpCon", "UcdpAgr", "PamAgr", "CowWar":
			idCols[i] = true
		}
	}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows++
		for i := range idCols {
			switch row[i] {
			case "NA":
				na++
				naRows[rows] = true
			case "N/A":
				slashNA++
				naRows[rows] = true
			}
		}
		for i, c := range codeCols {
			v := row[28+i]
			if len(v) != 1 || v[0] < '0' || v[0] > '3' {
				t.Fatalf("row %d, %s: %q is not 0-3", rows, c, v)
			}
			want[c][v[0]-'0']++
		}
	}
	if rows != 2257 {
		t.Fatalf("encoding/csv read %d rows, want 2257", rows)
	}
	// The counts the package doc gives.
	if na != 2114 || slashNA != 92 || len(naRows) != 749 {
		t.Errorf("ids written NA %d, N/A %d, in %d rows; the package doc says 2,114, 92, 749", na, slashNA, len(naRows))
	}
	var byLevel [4]int
	for _, w := range want {
		for l := range w {
			byLevel[l] += w[l]
		}
	}
	if byLevel != [4]int{524077, 35601, 4332, 2497} {
		t.Errorf("provision cells by level %v; the package doc says [524077 35601 4332 2497]", byLevel)
	}

	got := map[pax.Code]*[4]int{}
	for _, c := range pax.Codes() {
		got[c] = new([4]int)
	}
	n, bad, imSrc := 0, 0, 0
	for rec, err := range pax.Read(bytes.NewReader(data)) {
		if err != nil {
			bad++
			if bad <= 10 {
				t.Errorf("row error: %v", err)
			}
			continue
		}
		n++
		imSrc += rec.ImSrc
		if rec.Layout != pax.LayoutProvision {
			t.Fatalf("agreement %d: layout %v, want provision-level", rec.AgtID, rec.Layout)
		}
		nonZero := 0
		for _, c := range pax.Codes() {
			l := rec.Provisions.Level(c)
			got[c][l]++
			if l != 0 {
				nonZero++
			}
		}
		if rec.Provisions.Len() != nonZero {
			t.Errorf("agreement %d: Len %d, %d non-zero levels", rec.AgtID, rec.Provisions.Len(), nonZero)
		}
		a := rec.Agreement()
		if err := a.Validate(); err != nil {
			t.Errorf("agreement %s does not validate: %v", a.ID, err)
		}
		if len(a.Clauses) != nonZero {
			t.Errorf("agreement %s: %d clauses, want one per non-zero provision, %d", a.ID, len(a.Clauses), nonZero)
		}
		if f := pax.LintCategories(a); f != nil {
			t.Errorf("agreement %s: its own stubs fail the category lint: %v", a.ID, f)
		}
		if rec.Date.IsZero() || rec.Stage == "" || rec.Description != "" || rec.ImSrc > 1 {
			t.Errorf("agreement %d: date %v, stage %q, description %q, ImSrc %d", rec.AgtID, rec.Date, rec.Stage,
				rec.Description, rec.ImSrc)
		}
	}
	if bad != 0 {
		t.Errorf("%d row errors, want 0", bad)
	}
	if n != 2257 {
		t.Errorf("read %d agreements, want 2257", n)
	}
	if imSrc != 237 {
		t.Errorf("ImSrc 1 in %d agreements; the package doc says 237", imSrc)
	}
	if len(got) != 251 || len(want) != 251 {
		t.Fatalf("%d codes read, %d in the header; want 251", len(got), len(want))
	}
	for c, g := range got {
		w, ok := want[string(c)]
		if !ok {
			t.Errorf("code %s is not a column of the file", c)
			continue
		}
		if *g != *w {
			t.Errorf("code %s: levels 0-3 counted %v, encoding/csv counts %v", c, *g, *w)
		}
	}
	for c, w := range map[pax.Code]int{"Ce": 1038, "Terr": 194} {
		if nz := 2257 - got[c][0]; nz != w {
			t.Errorf("%s non-zero in %d agreements, want %d", c, nz, w)
		}
	}
}

// TestRealProvisionsHeader: the codebook's codes are the real file's
// provision columns, in order; its metadata columns are those of
// LayoutProvision.Columns; and deriving the codebook from the real header
// gives the parents the package has.
func TestRealProvisionsHeader(t *testing.T) {
	data := realProvisionsFile(t)
	line, _, _ := strings.Cut(string(data), "\n")
	header, err := csv.NewReader(strings.NewReader(line)).Read()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(header, pax.LayoutProvision.Columns()) {
		t.Fatalf("the real header differs from LayoutProvision.Columns():\n%q\n%q", header, pax.LayoutProvision.Columns())
	}
	var codes []string
	for _, c := range pax.Codes() {
		codes = append(codes, string(c))
	}
	if !slices.Equal(header[28:], codes) {
		t.Errorf("the real provision columns differ from Codes()")
	}
	parents, _ := pax.DeriveParents(header[28:])
	for i, c := range header[28:] {
		if got := string(pax.Parent(pax.Code(c))); got != parents[i] {
			t.Errorf("Parent(%s) = %q; derived from the real header: %q", c, got, parents[i])
		}
	}
}
