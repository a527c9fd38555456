package agreement_test

import (
	"errors"
	"testing"

	"github.com/peacekit/peacekit/agreement"
)

// Local days with no zone are UTC days: Lint says so for every limit and
// recurrence that counts them, and says nothing once a zone is declared,
// on the agreement or on the clause.
func TestLintLocalDaysWithoutZone(t *testing.T) {
	days := agreement.Period{Days: 3}
	a := agreement.Agreement{ID: "A", Parties: []agreement.Party{{ID: "X"}},
		InForceAt: agreement.Deadline{Period: agreement.Period{Days: 30}},
		Clauses: []agreement.Clause{
			{ID: "D", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
				Action: &agreement.Pattern{Kind: "done"}, Deadline: agreement.Deadline{Period: days}},
			{ID: "E", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"X"},
				Action: &agreement.Pattern{Kind: "done"},
				Expiry: agreement.Deadline{After: agreement.Day, Round: agreement.RoundEndOfDay}},
			{ID: "R", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
				Action: &agreement.Pattern{Kind: "report"}, Recurs: agreement.Recurrence{Every: agreement.Period{Months: 1}}},
			{ID: "Z", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"}, Zone: "+03:00",
				Action: &agreement.Pattern{Kind: "done"}, Deadline: agreement.Deadline{Period: days}},
			{ID: "H", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
				Action: &agreement.Pattern{Kind: "done"}, Deadline: agreement.Deadline{After: agreement.Day}},
		}}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	var ve *agreement.ValidationError
	if err := a.Lint(); !errors.As(err, &ve) {
		t.Fatalf("Lint() = %v, want a *ValidationError", err)
	}
	want := map[string]bool{"inForceAt": true, "clauses[0].deadline": true, "clauses[1].expiry": true,
		"clauses[2].recurs": true}
	for _, p := range ve.Problems {
		if !errors.Is(p.Err, agreement.ErrNoZone) {
			t.Errorf("%s: %v, want ErrNoZone", p.Path, p.Err)
			continue
		}
		if !want[p.Path] {
			t.Errorf("unexpected problem at %s: %s", p.Path, p.Msg)
		}
		delete(want, p.Path)
	}
	for p := range want {
		t.Errorf("no problem at %s", p)
	}
	a.Zone = "Europe/Kyiv"
	if err := a.Lint(); err != nil {
		t.Errorf("with a zone, Lint() = %v", err)
	}
}
