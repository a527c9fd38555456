package coalition_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

const ceasefire agreement.FluentID = "ceasefire-in-force"

// The seed is casebook.Paris2026's coalition: the Coalition of the Willing
// at its Paris meeting of 6 January 2026, in the version of the draft
// statement or of the final communiqué, which differ in one commitment
// only: the draft's US support for the multinational force "in the event
// of a new Russian attack", "absent from the final communiqué".
func seedDraft() coalition.Coalition { return casebook.Paris2026Coalition(casebook.VersionDraft) }
func seedFinal() coalition.Coalition { return casebook.Paris2026Coalition(casebook.VersionFinal) }

// eachVersion runs f, as a subtest, on the seed in each version.
func eachVersion(t *testing.T, f func(t *testing.T, c coalition.Coalition)) {
	for _, v := range []casebook.Version{casebook.VersionDraft, casebook.VersionFinal} {
		t.Run(v.String(), func(t *testing.T) { f(t, casebook.Paris2026Coalition(v)) })
	}
}

type version struct {
	name string
	c    coalition.Coalition
}

// versions returns the seed in each version, for TestScenarioBackstop.
func versions() []version {
	return []version{{"draft", seedDraft()}, {"final", seedFinal()}}
}

func ids(cts []coalition.Contribution) []coalition.ContributionID {
	var out []coalition.ContributionID
	for _, ct := range cts {
		out = append(out, ct.ID)
	}
	return out
}

func TestSeedValidates(t *testing.T) {
	eachVersion(t, func(t *testing.T, c coalition.Coalition) {
		coalitiontest.AssertValid(t, c)
		a, err := c.Agreement()
		if err != nil {
			t.Fatalf("Agreement() error: %v", err)
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("compiled agreement: %v", err)
		}
	})
}

func TestSeedAttendance(t *testing.T) {
	m := seedFinal().Meetings[0]
	if got := m.Attending(); got != 35 {
		t.Errorf("Attending() = %d, want 35 countries", got)
	}
	if got := m.AtLevel(coalition.Leader); got != 27 {
		t.Errorf("AtLevel(Leader) = %d, want 27 leaders", got)
	}
	if got := m.AtLevel(coalition.Envoy); got != 1 {
		t.Errorf("AtLevel(Envoy) = %d, want 1 (the United States)", got)
	}
	// Membership is separate from attendance: five named members, 35
	// attending.
	if got := len(seedFinal().Members); got != 5 {
		t.Errorf("len(Members) = %d, want 5", got)
	}
}

func TestSeedBackstop(t *testing.T) {
	draft := seedDraft().Backstop()
	if got, want := ids(draft), []coalition.ContributionID{"us-backstop"}; !slices.Equal(got, want) {
		t.Fatalf("draft Backstop() = %v, want %v", got, want)
	}
	if draft[0].Contributor != "US" || draft[0].Function != coalition.MultinationalForce {
		t.Errorf("draft backstop by %s for %s, want US for the multinational force", draft[0].Contributor, draft[0].Function)
	}
	if got := seedFinal().Backstop(); len(got) != 0 {
		t.Errorf("final Backstop() = %v, want none: the commitment was absent from the final communiqué", ids(got))
	}
}

func TestSeedLeadsAndGaps(t *testing.T) {
	c := seedFinal()
	leads := map[coalition.FunctionID][]agreement.PartyID{}
	for _, f := range c.Functions {
		leads[f.ID] = f.Leads
	}
	if got := leads[coalition.CeasefireMonitoring]; !slices.Equal(got, []agreement.PartyID{"US"}) {
		t.Errorf("ceasefire monitoring led by %v, want [US]", got)
	}
	if got := leads[coalition.MultinationalForce]; !slices.Equal(got, []agreement.PartyID{"GB", "FR"}) {
		t.Errorf("multinational force led by %v, want [GB FR]", got)
	}
	want := []coalition.Gap{{Function: coalition.WeaponsHubs, NoLead: true}}
	if diff := cmp.Diff(want, c.Gaps()); diff != "" {
		t.Errorf("Gaps() mismatch (-want +got):\n%s", diff)
	}
}

func TestSeedTotals(t *testing.T) {
	eachVersion(t, func(t *testing.T, c coalition.Coalition) {
		troops := agreement.Range{Min: decimal.NewFromInt(2000), Max: decimal.NewFromInt(9000), Unit: agreement.UnitTroops}
		wantF := []coalition.FunctionTotal{{Function: coalition.MultinationalForce, Amount: troops, Contributions: 1}}
		if diff := cmp.Diff(wantF, c.TotalsByFunction(), coalitiontest.Options()); diff != "" {
			t.Errorf("TotalsByFunction() mismatch (-want +got):\n%s", diff)
		}
		wantB := []coalition.BasingTotal{{Basing: coalition.InHost, Amount: troops, Contributions: 1}}
		if diff := cmp.Diff(wantB, c.TotalsByBasing(), coalitiontest.Options()); diff != "" {
			t.Errorf("TotalsByBasing() mismatch (-want +got):\n%s", diff)
		}
		// The source's wording stays on the contribution.
		if got := c.Contributions[1].Quantities[0].Wording; got != "several thousand" {
			t.Errorf("France's wording = %q", got)
		}
		// Germany contributes only from outside Ukraine.
		for _, ct := range c.Contributions {
			if ct.Contributor == "DE" && ct.Basing.Kind != coalition.OutsideHost {
				t.Errorf("%s: Germany based %q, want outside-host", ct.ID, ct.Basing.Kind)
			}
		}
	})
}

func TestSeedCellAndDeclarations(t *testing.T) {
	c := seedFinal()
	if cell := c.Cells[0]; cell.Location != "Paris" || !slices.Equal(cell.Participants, []agreement.PartyID{"US", "UA", "COW"}) {
		t.Errorf("cell = %+v, want in Paris for US, UA and the coalition", cell)
	}
	if got, want := c.Signatories(c.Declarations[0]), []agreement.PartyID{"UA", "FR", "GB", "DE"}; !slices.Equal(got, want) {
		t.Errorf("joint declaration signed by %v, want every full member %v", got, want)
	}
	if got, want := c.Signatories(c.Declarations[1]), []agreement.PartyID{"FR", "GB", "UA"}; !slices.Equal(got, want) {
		t.Errorf("trilateral declaration signed by %v, want %v", got, want)
	}
	if got := c.Declarations[1].Force; got != agreement.ForceDeclarationOfIntent {
		t.Errorf("trilateral declaration force = %s", got)
	}
}

// TestSeedDraftFinalClauses checks that the clause ids derive from the
// contribution ids: the final version compiles to the draft's clauses
// minus the US backstop, every other clause unchanged.
func TestSeedDraftFinalClauses(t *testing.T) {
	draft, err := seedDraft().Clauses()
	if err != nil {
		t.Fatal(err)
	}
	final, err := seedFinal().Clauses()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[agreement.ClauseID]agreement.Clause{}
	for _, cl := range final {
		byID[cl.ID] = cl
	}
	var removed []agreement.ClauseID
	for _, cl := range draft {
		f, ok := byID[cl.ID]
		if !ok {
			removed = append(removed, cl.ID)
			continue
		}
		if diff := cmp.Diff(cl, f, coalitiontest.Options()); diff != "" {
			t.Errorf("clause %s differs between draft and final (-draft +final):\n%s", cl.ID, diff)
		}
	}
	if want := []agreement.ClauseID{"us-backstop"}; !slices.Equal(removed, want) || len(final) != len(draft)-1 {
		t.Errorf("removed clauses %v (final has %d of %d), want exactly %v", removed, len(final), len(draft), want)
	}
	// The backstop's clause: "after a ceasefire" is its trigger, "in the
	// event of a new Russian attack" its antecedent.
	sup := draft[len(draft)-1]
	if got, want := sup.Trigger, agreement.Holds(ceasefire); !agreement.EqualConditions(got, want) {
		t.Errorf("us-backstop trigger = %v, want %v", got, want)
	}
	wantAnte := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"})
	if !agreement.EqualConditions(sup.Antecedent, wantAnte) {
		t.Errorf("us-backstop antecedent = %v, want %v", sup.Antecedent, wantAnte)
	}
	if !slices.Equal(sup.Debtors, []agreement.PartyID{"US"}) || !slices.Equal(sup.Creditors, []agreement.PartyID{"UA"}) {
		t.Errorf("us-backstop debtors %v creditors %v, want [US] and [UA]", sup.Debtors, sup.Creditors)
	}
}

func TestSeedRemoveGermany(t *testing.T) {
	c := seedFinal().WithoutMember("DE")
	if c.IsMember("DE") {
		t.Error("DE still a member")
	}
	for _, ct := range c.Contributions {
		if ct.Contributor == "DE" {
			t.Errorf("DE's contribution %s kept", ct.ID)
		}
	}
	// Monitoring keeps the US contribution: no new gap.
	if err := c.Validate(); err != nil {
		t.Errorf("without Germany: %v", err)
	}
	if !seedFinal().IsMember("DE") {
		t.Error("WithoutMember modified its receiver")
	}
	// Without France, the multinational force loses its troop numbers.
	noFR := seedFinal().WithoutMember("FR")
	if got := noFR.TotalsByFunction(); len(got) != 0 {
		t.Errorf("without France, totals = %v, want none", got)
	}
	var ve *agreement.ValidationError
	if err := noFR.Validate(); err != nil && !errors.As(err, &ve) {
		t.Errorf("Validate() = %v, want nil or a *ValidationError", err)
	}
}
