package coalition

import (
	"slices"
	"strconv"

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

// Instrument is one instrument of a coalition's process, for
// [Coalition.Process]: one of the coalition's declarations and the
// contributions it holds. The zero value names no declaration, which
// Process reports. Instrument values are only read.
type Instrument struct {
	// ID is the instrument's agreement id.
	ID agreement.AgreementID
	// Declaration is the title of the declaration (one of
	// Coalition.Declarations) the instrument records: its title, date and
	// signatories are the instrument's.
	Declaration string
	// Stage and SubStage are the instrument's PA-X stage.
	Stage    agreement.Stage
	SubStage agreement.SubStage
	// Contributions are the contributions it holds, in order; ids the
	// coalition has no contribution for are skipped, so that one list
	// serves several versions of a coalition.
	Contributions []ContributionID
	// AllParties declares every party of the coalition in the instrument;
	// otherwise it declares the signatories and the parties its clauses
	// name.
	AllParties bool
	// Signers name who signed for a signatory, and in which capacity: the
	// Signatory and Capacity of the entry for a party are recorded on its
	// signature (the date is the declaration's). Entries for parties that
	// did not sign the declaration are ignored.
	Signers []agreement.Signature
	// Groups are party groups the instrument declares, beside the
	// [MembersGroup] group, when all their members are among its parties.
	Groups []agreement.Group
}

// Process returns c's instruments as a process of agreements that package
// scenario replays, after validating c (it returns Validate's error when c
// is invalid). The process's title is c's Name; it holds one agreement per
// instrument, in order, each [Coalition.Agreement] cut down to the
// instrument's contributions:
//
//   - ID, Stage and SubStage: the instrument's; Title and Date: its
//     declaration's; SigningStatus: [agreement.SigningStatusSigned];
//   - Signatures: one per signatory of the declaration
//     ([Coalition.Signatories]), dated the declaration's date, with the
//     signatory and capacity of the instrument's Signers;
//   - Clauses: the clauses ([Coalition.Clauses]) of its contributions;
//   - Parties: every party of the coalition (AllParties), or those among
//     the signatories, the clauses' debtors and creditors and the actors,
//     targets and reporters of their event patterns
//     ([agreement.ClausePatterns]), in the coalition's order, with the
//     roles Agreement gives them;
//   - Groups: the [MembersGroup] group and the instrument's Groups, each
//     only when all its members are among the parties;
//   - Fluents: c's fluents.
//
// An instrument naming no declaration of c, a contribution held by two
// instruments and a contribution held by none are errors: an
// *agreement.ValidationError whose problems wrap
// [agreement.ErrInvalidValue], [agreement.ErrDuplicateID] and
// [agreement.ErrMissing]. The process is then validated
// ([agreement.Process.Validate]) and its error returned. The result shares
// nothing with c or the instruments. Process never panics.
func (c Coalition) Process(instruments ...Instrument) (agreement.Process, error) {
	compiled, err := c.Agreement()
	if err != nil {
		return agreement.Process{}, err
	}
	clauses := map[agreement.ClauseID]agreement.Clause{}
	for _, cl := range compiled.Clauses {
		clauses[cl.ID] = cl
	}
	var ps agreement.ValidationError
	placed := map[agreement.ClauseID]bool{}
	p := agreement.Process{Title: c.Name}
	for k, in := range instruments {
		path := agreement.IndexPath("instruments", k)
		i := slices.IndexFunc(c.Declarations, func(d Declaration) bool { return d.Title == in.Declaration })
		if i < 0 {
			ps.Add(agreement.FieldPath(path, "declaration"), agreement.ErrInvalidValue, "no declaration "+strconv.Quote(in.Declaration))
			continue
		}
		decl := c.Declarations[i]
		a := agreement.Agreement{
			ID:            in.ID,
			Title:         decl.Title,
			Date:          decl.Date,
			Stage:         in.Stage,
			SubStage:      in.SubStage,
			SigningStatus: agreement.SigningStatusSigned,
		}
		for _, f := range compiled.Fluents {
			f.Initiates = slices.Clone(f.Initiates)
			f.Terminates = slices.Clone(f.Terminates)
			a.Fluents = append(a.Fluents, f)
		}
		named := map[agreement.PartyID]bool{}
		for _, s := range c.Signatories(decl) {
			named[s] = true
			sig := agreement.Signature{Party: s, Date: decl.Date}
			if j := slices.IndexFunc(in.Signers, func(x agreement.Signature) bool { return x.Party == s }); j >= 0 {
				sig.Signatory, sig.Capacity = in.Signers[j].Signatory, in.Signers[j].Capacity
			}
			a.Signatures = append(a.Signatures, sig)
		}
		for j, id := range in.Contributions {
			cl, ok := clauses[id.ClauseID()]
			if !ok {
				continue
			}
			if placed[cl.ID] {
				ps.Add(agreement.IndexPath(agreement.FieldPath(path, "contributions"), j), agreement.ErrDuplicateID,
					"contribution "+strconv.Quote(string(cl.ID))+" is in two instruments")
				continue
			}
			placed[cl.ID] = true
			a.Clauses = append(a.Clauses, cl)
			for _, id := range slices.Concat(cl.Debtors, cl.Creditors) {
				named[id] = true
			}
			for _, pat := range agreement.ClausePatterns(a.ID, cl) {
				for _, id := range []agreement.PartyID{pat.Actor, pat.Target, pat.Reporter} {
					named[id] = named[id] || id != ""
				}
			}
		}
		for _, party := range compiled.Parties {
			if in.AllParties || named[party.ID] {
				party.Roles = slices.Clone(party.Roles)
				a.Parties = append(a.Parties, party)
			}
		}
		for _, g := range slices.Concat(compiled.Groups, in.Groups) {
			if !slices.ContainsFunc(g.Members, func(m agreement.PartyID) bool {
				return !slices.ContainsFunc(a.Parties, func(q agreement.Party) bool { return q.ID == m })
			}) {
				g.Members = slices.Clone(g.Members)
				a.Groups = append(a.Groups, g)
			}
		}
		p.Agreements = append(p.Agreements, a)
	}
	for _, cl := range compiled.Clauses {
		if !placed[cl.ID] {
			ps.Add("instruments", agreement.ErrMissing, "contribution "+strconv.Quote(string(cl.ID))+" is in no instrument")
		}
	}
	if err := ps.Err(); err != nil {
		return agreement.Process{}, err
	}
	if err := p.Validate(); err != nil {
		return agreement.Process{}, err
	}
	return p, nil
}
