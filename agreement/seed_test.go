package agreement_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// seedCore is the core of the January 2026 Paris meeting (../shared/seed):
// Ukraine and Russia as parties to the conflict; the United States leading
// ceasefire monitoring; France and Britain leading a multinational force;
// Germany contributing from outside Ukraine; guarantees that activate only
// once a ceasefire is established.
func seedCore() agreement.Agreement {
	state := agreement.PartyKindState
	ceasefire := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	return agreement.Agreement{
		ID:            "paris-joint-declaration",
		Title:         "Joint declaration of the Coalition of the Willing",
		Date:          time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC),
		Stage:         agreement.StagePre,
		SubStage:      agreement.SubStagePrin,
		SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{
			{ID: "UA", Name: "Ukraine", Kind: state, Roles: []agreement.Role{agreement.RolePartyToConflict, agreement.RoleBeneficiary}},
			{ID: "RU", Name: "Russia", Kind: state, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "US", Name: "United States", Kind: state, Roles: []agreement.Role{agreement.RoleMonitor}},
			{ID: "FR", Name: "France", Kind: state, Roles: []agreement.Role{agreement.RoleGuarantor}},
			{ID: "GB", Name: "United Kingdom", Kind: state, Roles: []agreement.Role{agreement.RoleGuarantor}},
			{ID: "DE", Name: "Germany", Kind: state, Roles: []agreement.Role{agreement.RoleGuarantor}},
		},
		Groups: []agreement.Group{{ID: "NATO", Name: "NATO members on the ground", Members: []agreement.PartyID{"US", "FR", "GB", "DE"}}},
		Fluents: []agreement.Fluent{{
			ID:         "ceasefire-in-force",
			Initiates:  []agreement.Pattern{ceasefire},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}},
		}},
		Clauses: []agreement.Clause{
			{
				ID:        "MON",
				Text:      "the United States spearheading a mechanism for monitoring the truce",
				Source:    agreement.Source{Document: "final communiqué", Speaker: "Emmanuel Macron"},
				Kind:      agreement.DeonticObligation,
				Force:     agreement.ForcePoliticallyBinding,
				Category:  agreement.CategoryCe,
				Debtors:   []agreement.PartyID{"US"},
				Creditors: []agreement.PartyID{"UA"},
				Action:    &agreement.Pattern{Kind: "monitoring-established", Actor: "US"},
				Trigger:   agreement.Happened(ceasefire),
			},
			{
				ID:         "MNF",
				Text:       "Britain, France and other European partners to send troops into Ukraine following a ceasefire",
				Source:     agreement.Source{Document: "trilateral declaration of intent"},
				Kind:       agreement.DeonticObligation,
				Force:      agreement.ForceDeclarationOfIntent,
				Category:   agreement.CategorySsrGua,
				Debtors:    []agreement.PartyID{"FR", "GB"},
				Creditors:  []agreement.PartyID{"UA"},
				Action:     &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"},
				Quantities: []agreement.Range{{Min: exampleDecimal("2000"), Max: exampleDecimal("9000"), Unit: agreement.UnitTroops, Wording: "several thousand", What: "French troops"}},
				Trigger:    agreement.Holds("ceasefire-in-force"),
			},
			{
				ID:      "SUP",
				Text:    "the U.S. would support the multinational force in the event of a new Russian attack",
				Source:  agreement.Source{Document: "draft statement"},
				Kind:    agreement.DeonticObligation,
				Force:   agreement.ForcePoliticallyBinding,
				Debtors: []agreement.PartyID{"US"},
				Trigger: agreement.All(
					agreement.Holds("ceasefire-in-force"),
					agreement.ClauseIn(agreement.LocalRef("MNF"), agreement.StateInEffect),
				),
				Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}),
				Action:     &agreement.Pattern{Kind: "support-provided", Actor: "US"},
			},
		},
	}
}

func TestSeedCoreValidates(t *testing.T) {
	a := seedCore()
	if err := a.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	if got, want := a.PartiesWith(agreement.RoleGuarantor), []agreement.PartyID{"FR", "GB", "DE"}; !slices.Equal(got, want) {
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
