package coalition

import (
	"slices"

	"github.com/peacekit/peacekit/agreement"
)

// action returns the pattern that performs ct: a copy of ct.Action, or a
// performance of ct's clause by its contributor (the engine fills in the
// debtor as the actor).
func (ct Contribution) action() *agreement.Pattern {
	if ct.Action != nil {
		p := *ct.Action
		return &p
	}
	p := agreement.Pattern{Kind: agreement.EventKindPerformance}
	if ct.ID.Valid() {
		p.Clause = agreement.LocalRef(ct.ID.ClauseID())
	}
	return &p
}

// Clauses compiles c's contributions into clauses, one per contribution in
// order, after validating c (it returns Validate's error, and no clauses,
// when c is invalid). The clauses of a valid coalition validate as the
// clauses of [Coalition.Agreement]; to add them to an agreement of your own,
// that agreement must declare what they name (c's parties, fluents and the
// [MembersGroup] group).
//
// Contribution ct becomes this clause:
//
//   - ID: ct.ID (so two versions of a coalition keep their clause ids);
//     Text, Source and Force: ct's.
//   - Kind: [agreement.DeonticObligation]; Category: the function's Category, or
//     its [FunctionID.DefaultCategory].
//   - Debtors: ct.Contributor alone; Creditors: ct.Beneficiaries, or c.Host
//     when ct names none (no creditor when there is no host either).
//   - Action: ct.Action, or a [agreement.EventKindPerformance] event naming the
//     clause (performed by the debtor).
//   - Quantities: ct.Quantities, wording kept.
//   - Trigger and Antecedent: [SplitCondition](ct.Condition).
//
// No deadline, expiry, fulfilment or violation condition is set. The result
// shares nothing with c.
func (c Coalition) Clauses() ([]agreement.Clause, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c.clauses(), nil
}

func (c Coalition) clauses() []agreement.Clause {
	out := make([]agreement.Clause, 0, len(c.Contributions))
	for _, ct := range c.Contributions {
		cat := ct.Function.DefaultCategory()
		if f, ok := c.function(ct.Function); ok && f.Category != "" {
			cat = f.Category
		}
		creditors := slices.Clone(ct.Beneficiaries)
		if creditors == nil && c.Host != "" {
			creditors = []agreement.PartyID{c.Host}
		}
		trigger, antecedent := SplitCondition(ct.Condition)
		out = append(out, agreement.Clause{
			ID:         ct.ID.ClauseID(),
			Text:       ct.Text,
			Source:     ct.Source,
			Kind:       agreement.DeonticObligation,
			Force:      ct.Force,
			Category:   cat,
			Debtors:    []agreement.PartyID{ct.Contributor},
			Creditors:  creditors,
			Action:     ct.action(),
			Quantities: slices.Clone(ct.Quantities),
			Trigger:    trigger,
			Antecedent: antecedent,
		})
	}
	return out
}

// Agreement compiles c into an agreement that package scenario replays like
// any other, after validating c (it returns Validate's error when c is
// invalid). For a valid c, the result's Validate returns nil.
//
// The agreement has c's ID, its Name as title, and:
//
//   - Parties: c's parties, in order, with the role [agreement.RoleGuarantor]
//     added to every contributor and [agreement.RoleBeneficiary] to the host
//     (roles they already have are not repeated);
//   - Groups: the [MembersGroup] group of c's full members;
//   - Fluents: c's fluents;
//   - Clauses: [Coalition.Clauses];
//   - SigningStatus: [agreement.SigningStatusSigned] and no entry-into-force
//     condition, so that a replay treats the commitments as made, each
//     binding as soon as its own conditions hold. The agreement stands for
//     the commitments as their sources state them: a draft's, as if the
//     draft had been adopted (each clause's Source says which text it comes
//     from). To require a signing event first, set SigningStatus to
//     [agreement.SigningStatusUnspecified] on the result.
//
// Declarations, cells and meetings are not compiled: they bind nobody to
// anything a replay could observe. The result shares nothing with c.
func (c Coalition) Agreement() (agreement.Agreement, error) {
	if err := c.Validate(); err != nil {
		return agreement.Agreement{}, err
	}
	contributors := map[agreement.PartyID]bool{}
	for _, ct := range c.Contributions {
		contributors[ct.Contributor] = true
	}
	a := agreement.Agreement{
		ID:            c.ID,
		Title:         c.Name,
		SigningStatus: agreement.SigningStatusSigned,
		Groups:        []agreement.Group{c.membersGroup()},
		Clauses:       c.clauses(),
	}
	for _, p := range c.Parties {
		p.Roles = slices.Clone(p.Roles)
		if contributors[p.ID] && !slices.Contains(p.Roles, agreement.RoleGuarantor) {
			p.Roles = append(p.Roles, agreement.RoleGuarantor)
		}
		if p.ID == c.Host && !slices.Contains(p.Roles, agreement.RoleBeneficiary) {
			p.Roles = append(p.Roles, agreement.RoleBeneficiary)
		}
		a.Parties = append(a.Parties, p)
	}
	for _, f := range c.Fluents {
		f.Initiates = slices.Clone(f.Initiates)
		f.Terminates = slices.Clone(f.Terminates)
		a.Fluents = append(a.Fluents, f)
	}
	return a, nil
}
