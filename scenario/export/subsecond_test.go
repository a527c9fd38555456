package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
)

// Two transitions within one second are written with their fractions: the
// state held between them does not read as entered and left at one instant.
func TestSubSecondInstants(t *testing.T) {
	a := agreement.Agreement{
		ID: "subsec", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA", Name: "Ukraine", Kind: agreement.PartyKindState}},
		Clauses: []agreement.Clause{{
			ID: "SUP", Text: "Support after an attack.", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"UA"}, Action: &agreement.Pattern{Kind: "support-provided"},
			Antecedent: agreement.Happened(agreement.Pattern{Kind: "armed-attack"}),
		}},
	}
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	attack := time.Date(2026, 3, 2, 12, 0, 0, 400_000_000, time.UTC)
	support := time.Date(2026, 3, 2, 12, 0, 0, 900_000_000, time.UTC)
	tr := replay(t, a, scenario.NewTimeline(start,
		agreement.Event{At: attack, Kind: "armed-attack"},
		agreement.Event{At: support, Kind: "support-provided", Actor: "UA"},
	))
	tests := []struct {
		table export.Table
		want  []string
	}{
		{export.States, []string{
			"pending,2026-03-01T00:00:00Z,2026-03-02T12:00:00.4Z",
			"in-effect,2026-03-02T12:00:00.4Z,2026-03-02T12:00:00.9Z",
			"fulfilled,2026-03-02T12:00:00.9Z,\n",
		}},
		{export.Bound, []string{"2026-03-02T12:00:00.4Z,2026-03-02T12:00:00.9Z\n"}},
		{export.Transitions, []string{"\n2026-03-02T12:00:00.4Z,subsec,SUP", "\n2026-03-02T12:00:00.9Z,subsec,SUP"}},
	}
	for _, tt := range tests {
		t.Run(tt.table.String(), func(t *testing.T) {
			var b bytes.Buffer
			if err := export.WriteCSV(&b, tr, tt.table); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("%s table without %q:\n%s", tt.table, w, b.String())
				}
			}
		})
	}
}
