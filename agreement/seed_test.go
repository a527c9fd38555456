package agreement_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/coalition/casebook"
)

// seedCore is the core of the joint declaration of the Paris meeting in
// the version of the draft statement (casebook.Paris2026Declaration): its
// parties (Ukraine and Russia as parties to the conflict, the United States
// monitoring, France, Britain and Germany as guarantors), its ceasefire
// fluent, and its first three clauses: the US-led ceasefire monitoring, the
// multinational force, and the US backstop that only the draft has. The
// tests name the agreement and the clauses by short ids (the agreement
// "paris-joint-declaration", the clauses MON, MNF and SUP), which their
// expected paths and cycle messages spell out.
func seedCore() agreement.Agreement {
	a := casebook.Paris2026Declaration(casebook.VersionDraft)
	a.ID = "paris-joint-declaration"
	clauses := a.Clauses
	a.Clauses = nil
	for _, r := range []struct{ id, short agreement.ClauseID }{
		{"ceasefire-monitoring", "MON"}, {"multinational-force", "MNF"}, {"us-backstop", "SUP"},
	} {
		cl := clauses[slices.IndexFunc(clauses, func(c agreement.Clause) bool { return c.ID == r.id })]
		cl.ID = r.short
		a.Clauses = append(a.Clauses, cl)
	}
	// The backstop's trigger refers to the multinational force by its id.
	a.Clauses[2].Trigger = agreement.ClauseIn(agreement.LocalRef("MNF"), agreement.StateInEffect)
	return a
}

func TestSeedCoreValidates(t *testing.T) {
	a := seedCore()
	if err := a.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	if got, want := a.PartiesWith(agreement.RoleGuarantor), []agreement.PartyID{"US", "FR", "GB", "DE"}; !slices.Equal(got, want) {
		t.Errorf("PartiesWith(Guarantor) = %v, want %v", got, want)
	}
}

// TestSeedCoreUnknownParty shows the exact error for a clause naming a party
// the agreement does not declare: "XX" as a debtor and as the actor of the
// attack its antecedent waits for.
func TestSeedCoreUnknownParty(t *testing.T) {
	a := seedCore()
	a.Clauses = slices.Clone(a.Clauses)
	sup := &a.Clauses[2]
	sup.Debtors = []agreement.PartyID{"US", "XX"}
	sup.Antecedent = agreement.Any(
		agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}),
		agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "XX"}),
	)

	err := a.Validate()
	const want = `agreement: 2 problems:
	clauses[2].debtors[1]: unknown party "XX"
	clauses[2].antecedent.any[1].happened.actor: unknown party "XX"`
	if err == nil || err.Error() != want {
		t.Fatalf("Validate() error:\n%v\nwant:\n%s", err, want)
	}
	if !errors.Is(err, agreement.ErrUnknownParty) {
		t.Errorf("errors.Is(err, ErrUnknownParty) = false")
	}
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 2 {
		t.Fatalf("errors.As: want a *ValidationError with 2 problems, got %#v", err)
	}
	if got := ve.Problems[1].Path; got != "clauses[2].antecedent.any[1].happened.actor" {
		t.Errorf("Problems[1].Path = %q", got)
	}
	// The caller's original is untouched.
	if orig := seedCore(); len(orig.Clauses[2].Debtors) != 1 {
		t.Errorf("seedCore modified: %v", orig.Clauses[2].Debtors)
	}
}
