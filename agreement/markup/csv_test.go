package markup_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement/markup"
)

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("https://example.org/x","click")`, `'=HYPERLINK("https://example.org/x","click")`},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'quoted", "''quoted"},
		{"", ""},
		{"ceasefire/CF[UA]", "ceasefire/CF[UA]"},
		{"2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := markup.CSVCell(tt.in)
			if got != tt.want {
				t.Fatalf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
			// Through encoding/csv and back, one leading quote dropped.
			var b bytes.Buffer
			w := csv.NewWriter(&b)
			if err := w.Write([]string{got, "x"}); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			rec, err := csv.NewReader(&b).Read()
			if err != nil {
				t.Fatal(err)
			}
			back, _ := strings.CutPrefix(rec[0], "'")
			if back != tt.in {
				t.Errorf("read back %q, want %q", back, tt.in)
			}
		})
	}
}

// TestWriteCSV checks that WriteCSV writes the header as it is and every
// cell of the rows through CSVCell, and that encoding/csv reads back the
// cells with one leading quote dropped where CSVCell added one.
func TestWriteCSV(t *testing.T) {
	header := []string{"id", "text"}
	rows := [][]string{{"CF", "=1+1"}, {"-x", "a, \"b\"\nc"}, {"", ""}}
	orig := [][]string{{"CF", "=1+1"}, {"-x", "a, \"b\"\nc"}, {"", ""}}
	var b bytes.Buffer
	if err := markup.WriteCSV(&b, header, rows); err != nil {
		t.Fatal(err)
	}
	want := "id,text\nCF,'=1+1\n'-x,\"a, \"\"b\"\"\nc\"\n,\n"
	if b.String() != want {
		t.Fatalf("WriteCSV wrote\n%q\nwant\n%q", b.String(), want)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs[1:] {
		for k, c := range r {
			if c != markup.CSVCell(orig[i][k]) {
				t.Errorf("row %d cell %d read back %q, want %q escaped", i, k, c, orig[i][k])
			}
		}
	}
	for i := range rows {
		for k := range rows[i] {
			if rows[i][k] != orig[i][k] {
				t.Fatalf("WriteCSV modified its rows: %q", rows)
			}
		}
	}
}
