package export_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
)

// An amendment that changes a clause's creditors while it is in effect
// splits its bound interval: each row names the creditors of the text in
// force then. An amendment that changes neither creditors nor text of the
// clause does not.
func TestBoundAmendedCreditors(t *testing.T) {
	a := agreement.Agreement{
		ID: "handover", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "X"}, {ID: "Y"}, {ID: "Z"}},
		Clauses: []agreement.Clause{
			{ID: "HO", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
				Creditors: []agreement.PartyID{"Y"}, Text: "X hands the area over to Y.",
				Action: &agreement.Pattern{Kind: "area-handed-over"}},
			{ID: "REP", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"Y", "Z"},
				Joint: true, Text: "Y and Z report.", Action: &agreement.Pattern{Kind: "report"}},
		},
	}
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	other := a.Clone()
	other.Clauses[1].Text = "Y and Z report weekly."
	toZ := other.Clone()
	toZ.Clauses[0].Creditors = []agreement.PartyID{"Y", "Z"}
	tl := scenario.NewTimeline(day(1),
		agreement.Event{At: day(20), Kind: "area-handed-over", Actor: "X"},
	).WithAmendments(
		agreement.Amendment{At: day(5), Label: "other clause", Text: other},
		agreement.Amendment{At: day(10), Label: "Z a creditor", Text: toZ},
	)
	tr := replay(t, a, tl)
	var b bytes.Buffer
	if err := export.WriteCSV(&b, tr, export.Bound); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes())
	want := [][]string{
		rows[0],
		{"handover", "HO", "X", "handover/HO", "X hands the area over to Y.", "Y", "2026-03-01T00:00:00Z", "2026-03-10T00:00:00Z"},
		{"handover", "HO", "X", "handover/HO", "X hands the area over to Y.", "Y Z", "2026-03-10T00:00:00Z", "2026-03-20T00:00:00Z"},
		{"handover", "REP", "", "handover/REP", "Y and Z report.", "", "2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z"},
		{"handover", "REP", "", "handover/REP", "Y and Z report weekly.", "", "2026-03-05T00:00:00Z", ""},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("bound rows (-want +got):\n%s", diff)
	}
}
