package revision_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/revision"
)

// termBase is a truce of one year with a mission clause.
func termBase() agreement.Agreement {
	return agreement.Agreement{
		ID:      "truce",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "OSCE"}},
		Clauses: []agreement.Clause{
			{ID: "MISSION", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"OSCE"},
				Action: &agreement.Pattern{Kind: "patrol-report"}},
			{ID: "NOTICE", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UA"},
				Effect: agreement.EffectNotice, Targets: []agreement.Ref{agreement.AgreementRef("truce")}},
		},
		Term: agreement.Term{Period: agreement.Period{Years: 1}},
	}
}

func TestDiffTerms(t *testing.T) {
	fiveYears := agreement.Term{Period: agreement.Period{Years: 5}, Renewal: agreement.Period{Years: 5},
		Notice: agreement.Period{Months: 6}}
	mandate := agreement.Term{Period: agreement.Period{Days: 120}, Renewal: agreement.Period{Days: 120}, Renewals: 2}
	for _, tt := range []struct {
		name string
		edit func(*agreement.Agreement)
		want string
	}{
		{"agreement term changed", func(a *agreement.Agreement) { a.Term = fiveYears },
			`agreement: term changed from 1y, not renewed unless agreed to 5y, renewed for 5y unless notice 6mo before the end`},
		{"agreement term removed", func(a *agreement.Agreement) {
			a.Term = agreement.Term{}
			a.Clauses = a.Clauses[:1]
		}, "agreement: term changed from 1y, not renewed unless agreed to none\nclause \"NOTICE\" removed"},
		{"after the zone", func(a *agreement.Agreement) {
			a.Term = fiveYears
			a.Zone = "Europe/Kyiv"
		}, "agreement: time zone changed from UTC to Europe/Kyiv\n" +
			"agreement: term changed from 1y, not renewed unless agreed to 5y, renewed for 5y unless notice 6mo before the end"},
		{"clause term", func(a *agreement.Agreement) { a.Clauses[0].Term = mandate },
			`clause "MISSION": term changed from none to 120d, renewed for 120d at most 2 times`},
		{"clause rule", func(a *agreement.Agreement) { a.Clauses[0].DuringSuspension = agreement.SuspensionDefers },
			`clause "MISSION": during suspension changed from excuses to defers`},
		{"clause zone, term and rule in order", func(a *agreement.Agreement) {
			a.Clauses[0].DuringSuspension = agreement.SuspensionDefers
			a.Clauses[0].Term = mandate
			a.Clauses[0].Zone = "+03:00"
		}, "clause \"MISSION\": time zone changed from UTC to +03:00\n" +
			"clause \"MISSION\": term changed from none to 120d, renewed for 120d at most 2 times\n" +
			"clause \"MISSION\": during suspension changed from excuses to defers"},
		{"notice power added", func(a *agreement.Agreement) {
			a.Clauses[0].Term = mandate
			a.Clauses[1].Targets = append(a.Clauses[1].Targets, agreement.LocalRef("MISSION"))
		}, "clause \"MISSION\": term changed from none to 120d, renewed for 120d at most 2 times\n" +
			"clause \"NOTICE\": targets changed from truce/ to truce/, MISSION"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, b := termBase(), termBase()
			tt.edit(&b)
			changes := revision.Diff(a, b)
			if got := strings.TrimSuffix(changeLines(changes), "\n"); got != diffIndent(tt.want) {
				t.Errorf("Diff() =\n%s\nwant:\n%s", got, diffIndent(tt.want))
			}
			got, err := changes.Apply(a)
			if err != nil {
				t.Fatalf("Apply() error: %v", err)
			}
			if diff := cmp.Diff(b, got, agreementtest.Options()); diff != "" {
				t.Errorf("Apply() mismatch (-want +got):\n%s", diff)
			}
			if again := revision.Diff(got, b); len(again) != 0 {
				t.Errorf("Diff(Apply(), b) = %v, want none", again)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("applied text does not validate: %v", err)
			}
		})
	}
}

// TestApplyTermsNotApplicable checks that a change of a term or a rule
// expecting another value, or a value of another type, is reported.
func TestApplyTermsNotApplicable(t *testing.T) {
	a := termBase()
	year := agreement.Term{Period: agreement.Period{Years: 1}}
	two := agreement.Term{Period: agreement.Period{Years: 2}}
	for _, c := range []revision.Change{
		{Op: revision.OpModified, Item: revision.ItemAgreement, Field: "term", Old: two, New: year},
		{Op: revision.OpModified, Item: revision.ItemAgreement, Field: "term", Old: year, New: "2y"},
		{Op: revision.OpModified, Item: revision.ItemClause, ID: "MISSION", Field: "duringSuspension",
			Old: agreement.SuspensionDefers, New: agreement.SuspensionExcuses},
		{Op: revision.OpModified, Item: revision.ItemClause, ID: "MISSION", Field: "duringSuspension",
			Old: agreement.SuspensionExcuses, New: 1},
		{Op: revision.OpModified, Item: revision.ItemClause, ID: "MISSION", Field: "term", Old: year, New: two},
	} {
		if _, err := (revision.Changes{c}).Apply(a); !errors.Is(err, revision.ErrNotApplicable) {
			t.Errorf("Apply(%v) = %v, want ErrNotApplicable", c, err)
		}
	}
	ok := revision.Changes{{Op: revision.OpModified, Item: revision.ItemClause, ID: "MISSION", Field: "term",
		Old: agreement.Term{}, New: two}}
	got, err := ok.Apply(a)
	if err != nil || !got.Clauses[0].Term.Equal(two) {
		t.Errorf("Apply(%v) = %v, %v", ok, got.Clauses[0].Term, err)
	}
}

func TestTermValuesAndLabels(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want string
	}{
		{agreement.Term{}, "none"},
		{agreement.Term{Period: agreement.Period{Days: 90}, Renewal: agreement.Period{Days: 90},
			Notice: agreement.Period{Exact: 36 * time.Hour}}, "90d, renewed for 90d unless notice 36h before the end"},
		{agreement.SuspensionExcuses, "excuses"},
		{agreement.SuspensionDefers, "defers"},
		{agreement.SuspensionRule(9), "SuspensionRule(9)"},
	} {
		if got := revision.FormatValue(tt.v); got != tt.want {
			t.Errorf("FormatValue(%#v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	for _, tt := range []struct {
		c    revision.Change
		want string
	}{
		{revision.Change{Op: revision.OpModified, Item: revision.ItemAgreement, Field: "term"}, "term"},
		{revision.Change{Op: revision.OpModified, Item: revision.ItemClause, Field: "term"}, "term"},
		{revision.Change{Op: revision.OpModified, Item: revision.ItemClause, Field: "duringSuspension"}, "during suspension"},
	} {
		if got := tt.c.FieldLabel(); got != tt.want {
			t.Errorf("FieldLabel(%s) = %q, want %q", tt.c.Field, got, tt.want)
		}
	}
}
