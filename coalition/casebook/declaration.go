package casebook

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Paris2026Declaration returns version v of the joint declaration of the
// Coalition of the Willing, Paris, 6 January 2026, written directly as one
// agreement, clause by clause, from the article "Western Allies Forge Robust
// Security Framework for Ukraine Amid Ongoing Tensions" (london-news-net):
// "the security assurances for Ukraine would only be activated once a
// ceasefire is established"; "the United States spearheading a mechanism for
// monitoring the truce, with support from European allies"; Britain, France
// and other European partners "to send troops into Ukraine following a
// ceasefire"; France's "several thousand" troops; "military hubs" and
// "secure facilities for weapons and military equipment" after a ceasefire;
// German forces joining "to oversee a ceasefire, albeit based outside
// Ukraine"; a "coordination cell for the U.S., Ukraine, and the Coalition in
// Paris". Only the draft statement (VersionDraft) has the commitment "that
// the U.S. would 'support' the multinational force led by Europe 'in the
// event of a new Russian attack'": it "was absent from the final
// communiqué" (VersionFinal).
//
// It is a reading of the same statement as [Paris2026], for code that uses
// package agreement without package coalition: its id is "paris-2026", its
// clause ids name what each clause is about ("ceasefire-monitoring",
// "multinational-force", "french-contingent", "military-hubs",
// "weapons-facilities", "german-support", "coordination-cell", and
// "us-backstop" in the draft, after the multinational force), and it gives
// parties their roles itself (the United States monitor and guarantor,
// France guarantor and mediator, Britain and Germany guarantors), where
// [Paris2026Coalition] leaves them to [coalition.Coalition.Agreement].
//
// Each clause's source is the statement that reported it, the same in both
// versions: only the backstop's source is the draft. The agreement is valid;
// the two versions differ by exactly that clause.
func Paris2026Declaration(v Version) agreement.Agreement {
	state := agreement.PartyKindState
	jan6 := time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC)
	ceasefire := agreement.Holds("ceasefire-in-force")
	mnfInEffect := agreement.ClauseIn(agreement.LocalRef("multinational-force"), agreement.StateInEffect)
	source := func(speaker string) agreement.Source {
		return agreement.Source{Document: "Paris joint declaration", Speaker: speaker, Date: jan6}
	}
	// clause is an obligation owed to Ukraine once the ceasefire is in force,
	// as most of the declaration's commitments are.
	clause := func(id agreement.ClauseID, text, speaker string, force agreement.Force, category agreement.Category,
		action agreement.Pattern, debtors ...agreement.PartyID) agreement.Clause {
		return agreement.Clause{ID: id, Text: text, Source: source(speaker), Kind: agreement.DeonticObligation,
			Force: force, Category: category, Debtors: debtors, Creditors: []agreement.PartyID{"UA"},
			Action: &action, Trigger: ceasefire}
	}
	french := clause("french-contingent",
		"France could deploy \"several thousand\" troops to Ukraine after the conflict",
		"Emmanuel Macron", agreement.ForceDeclarationOfIntent, agreement.CategoryImPK,
		agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: "FR", Target: "UA"}, "FR")
	french.Quantities = []agreement.Range{{Min: decimal.NewFromInt(2000), Max: decimal.NewFromInt(9000),
		Unit: agreement.UnitTroops, Wording: "several thousand", What: "French troops in Ukraine"}}
	french.Trigger = mnfInEffect
	// Germany may, not must: a permission.
	german := clause("german-support", "German forces could join to oversee a ceasefire, albeit based outside Ukraine",
		"Friedrich Merz", agreement.ForceDeclarationOfIntent, agreement.CategoryImPK,
		agreement.Pattern{Kind: "ceasefire-overseen-from-outside", Actor: "DE"}, "DE")
	german.Kind = agreement.DeonticPermission
	// The cell is owed jointly to the US and Ukraine, with no condition.
	cell := clause("coordination-cell", "set up a coordination cell for the U.S., Ukraine, and the Coalition in Paris",
		"", agreement.ForcePoliticallyBinding, agreement.CategorySsrGua,
		agreement.Pattern{Kind: "coordination-cell-established"}, "FR", "GB", "DE")
	cell.Joint, cell.Creditors, cell.Trigger = true, []agreement.PartyID{"US", "UA"}, nil
	a := agreement.Agreement{
		ID:            "paris-2026",
		Title:         "Joint declaration of the Coalition of the Willing on security guarantees for Ukraine",
		Date:          jan6,
		Stage:         agreement.StagePre,
		SubStage:      agreement.SubStagePrin,
		SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{
			{ID: "UA", Name: "Ukraine", Kind: state, Roles: []agreement.Role{agreement.RolePartyToConflict, agreement.RoleBeneficiary}},
			{ID: "RU", Name: "Russia", Kind: state, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "US", Name: "United States", Kind: state, Roles: []agreement.Role{agreement.RoleMonitor, agreement.RoleGuarantor}},
			{ID: "FR", Name: "France", Kind: state, Roles: []agreement.Role{agreement.RoleGuarantor, agreement.RoleMediator}},
			{ID: "GB", Name: "United Kingdom", Kind: state, Roles: []agreement.Role{agreement.RoleGuarantor}},
			{ID: "DE", Name: "Germany", Kind: state, Roles: []agreement.Role{agreement.RoleGuarantor}},
		},
		Fluents: []agreement.Fluent{{
			ID:         "ceasefire-in-force",
			Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}},
		}},
		Clauses: []agreement.Clause{
			clause("ceasefire-monitoring",
				"the United States spearheading a mechanism for monitoring the truce, with support from European allies",
				"Emmanuel Macron", agreement.ForcePoliticallyBinding, agreement.CategoryCe,
				agreement.Pattern{Kind: "monitoring-established", Actor: "US"}, "US"),
			clause("multinational-force",
				"Britain, France and other European partners to send troops into Ukraine following a ceasefire",
				"Emmanuel Macron, Keir Starmer, Volodymyr Zelensky", agreement.ForceDeclarationOfIntent, agreement.CategoryImPK,
				agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"}, "GB", "FR"),
			french,
			clause("military-hubs",
				"after a ceasefire, both the U.K. and France would create \"military hubs\" throughout Ukraine",
				"Keir Starmer", agreement.ForceDeclarationOfIntent, agreement.CategorySsrGua,
				agreement.Pattern{Kind: "military-hubs-established"}, "GB", "FR"),
			clause("weapons-facilities",
				"develop secure facilities for weapons and military equipment to meet Ukraine's defensive needs",
				"Keir Starmer", agreement.ForceDeclarationOfIntent, agreement.CategorySsrGua,
				agreement.Pattern{Kind: "protected-facilities-developed"}, "GB", "FR"),
			german,
			cell,
		},
	}
	if v == VersionDraft {
		backstop := agreement.Clause{
			ID:         "us-backstop",
			Text:       "the U.S. would \"support\" the multinational force led by Europe \"in the event of a new Russian attack\"",
			Source:     agreement.Source{Document: "Paris joint declaration, draft statement", Date: jan6},
			Kind:       agreement.DeonticObligation,
			Force:      agreement.ForcePoliticallyBinding,
			Category:   agreement.CategorySsrGua,
			Debtors:    []agreement.PartyID{"US"},
			Creditors:  []agreement.PartyID{"GB", "FR", "UA"},
			Action:     &agreement.Pattern{Kind: "support-provided", Actor: "US"},
			Trigger:    mnfInEffect,
			Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}),
		}
		// In the draft, the backstop follows the multinational force.
		cs := a.Clauses
		a.Clauses = append(append(cs[:2:2], backstop), cs[2:]...)
	}
	return a
}
