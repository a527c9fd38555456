package coalition

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// Validate checks c: every id well formed and unique; every party named
// anywhere declared in Parties; every contributor and every lead a member
// (of any standing; [ErrNotMember] otherwise); every contribution serving a
// declared function ([ErrUnknownFunction]); no lead for a function without
// contributions unless the function allows it
// ([ErrLeadWithoutContributions]); every range with min <= max and no
// negative bound, each bound within [MaxDecimalDigits]
// ([agreement.ErrInvalidValue] otherwise, with the value's exponent); every enum value known; every condition and action
// well formed and resolving in the agreement c compiles to (its parties,
// fluents, the [MembersGroup] group, and the clauses compiled from its
// contributions, by contribution id); no dependency cycle between
// contributions' conditions.
//
// It returns nil or an [*agreement.ValidationError] listing every problem,
// each with its path (in the field names of the coalition's future JSON
// encoding: "contributions[3].contributor",
// "contributions[0].condition.all[1].happened.actor",
// "functions[2].leads[0]") and its sentinel, one of this package's or one
// of package agreement's. Problems are listed section by section, in the
// order of the fields of [Coalition].
//
// Conditions are checked by package agreement's own validation, so they
// follow exactly its rules; a condition naming another instrument of a
// process ("ceasefire-2026/C1") cannot resolve and is reported with
// [agreement.ErrUnknownAgreement]. Validate never panics and never modifies
// c.
func (c Coalition) Validate() error {
	var ve agreement.ValidationError
	probe, probeOmitted := probeProblems(c)
	addAll := func(ps []*agreement.Problem) {
		for _, p := range ps {
			ve.Add(p.Path, p.Err, p.Msg)
		}
	}

	switch {
	case c.ID == "":
		ve.Add("id", agreement.ErrMissing, "missing coalition id")
	case !c.ID.Valid():
		ve.Add("id", agreement.ErrInvalidID, "invalid coalition id "+strconv.Quote(string(c.ID)))
	}
	c.declaredRef(&ve, "party", c.Party, false)
	c.declaredRef(&ve, "host", c.Host, false)
	addAll(probe["parties"])

	seenMember := map[agreement.PartyID]bool{}
	for i, m := range c.Members {
		mp := agreement.IndexPath("members", i)
		pp := agreement.FieldPath(mp, "party")
		c.declaredRef(&ve, pp, m.Party, true)
		once(&ve, pp, m.Party, seenMember)
		if !m.Standing.Valid() {
			ve.Add(agreement.FieldPath(mp, "standing"), agreement.ErrInvalidValue, "unknown standing "+m.Standing.String())
		}
	}
	addAll(probe["fluents"])

	served := map[FunctionID]bool{}
	for _, ct := range c.Contributions {
		served[ct.Function] = true
	}
	seenFunction := map[FunctionID]bool{}
	for i, f := range c.Functions {
		fp := agreement.IndexPath("functions", i)
		declare(&ve, agreement.FieldPath(fp, "id"), "function", f.ID, f.ID.Valid(),
			" (want lower-case letters, digits, '-' and '.', starting with a letter)", seenFunction)
		if !f.Category.Valid() {
			ve.Add(agreement.FieldPath(fp, "category"), agreement.ErrInvalidValue,
				"malformed provision category "+strconv.Quote(string(f.Category)))
		}
		c.partyList(&ve, agreement.FieldPath(fp, "leads"), f.Leads, false, true)
		if len(f.Leads) > 0 && !served[f.ID] && !f.LeadWithoutContributions {
			ve.Add(agreement.FieldPath(fp, "leads"), ErrLeadWithoutContributions, "function "+strconv.Quote(string(f.ID))+
				" has a lead but no contributions (set leadWithoutContributions to allow it)")
		}
	}

	for i, cell := range c.Cells {
		path := agreement.FieldPath(agreement.IndexPath("cells", i), "participants")
		c.partyList(&ve, path, cell.Participants, true, false)
	}

	for i, d := range c.Declarations {
		dp := agreement.IndexPath("declarations", i)
		if d.Title == "" {
			ve.Add(agreement.FieldPath(dp, "title"), agreement.ErrMissing, "missing title")
		}
		switch {
		case d.AllMembers && len(d.Signatories) > 0:
			ve.Add(agreement.FieldPath(dp, "signatories"), agreement.ErrInconsistent,
				"a declaration by all members lists no signatories")
		case !d.AllMembers:
			c.partyList(&ve, agreement.FieldPath(dp, "signatories"), d.Signatories, true, false)
		}
		if !d.Force.Valid() {
			ve.Add(agreement.FieldPath(dp, "force"), agreement.ErrInvalidValue, "unknown force "+d.Force.String())
		}
	}

	for i, m := range c.Meetings {
		mp := agreement.IndexPath("meetings", i)
		seen := map[agreement.PartyID]bool{}
		for j, a := range m.Attendees {
			ap := agreement.IndexPath(agreement.FieldPath(mp, "attendees"), j)
			pp := agreement.FieldPath(ap, "party")
			c.declaredRef(&ve, pp, a.Party, true)
			once(&ve, pp, a.Party, seen)
			if !a.Level.Valid() {
				ve.Add(agreement.FieldPath(ap, "level"), agreement.ErrInvalidValue, "unknown level "+a.Level.String())
			}
		}
		for j, h := range m.Unnamed {
			hp := agreement.IndexPath(agreement.FieldPath(mp, "unnamed"), j)
			if !h.Level.Valid() {
				ve.Add(agreement.FieldPath(hp, "level"), agreement.ErrInvalidValue, "unknown level "+h.Level.String())
			}
			if h.Count < 0 {
				ve.Add(agreement.FieldPath(hp, "count"), agreement.ErrNegative, "negative count "+strconv.Itoa(h.Count))
			}
		}
	}

	seenContribution := map[ContributionID]bool{}
	for i, ct := range c.Contributions {
		cp := agreement.IndexPath("contributions", i)
		declare(&ve, agreement.FieldPath(cp, "id"), "contribution", ct.ID, ct.ID.Valid(), "", seenContribution)
		c.memberRef(&ve, agreement.FieldPath(cp, "contributor"), ct.Contributor)
		switch fnp := agreement.FieldPath(cp, "function"); {
		case ct.Function == "":
			ve.Add(fnp, agreement.ErrMissing, "missing function")
		case !seenFunction[ct.Function]:
			ve.Add(fnp, ErrUnknownFunction, "unknown function "+strconv.Quote(string(ct.Function)))
		}
		bp := agreement.FieldPath(cp, "basing")
		if !ct.Basing.Kind.Valid() {
			ve.Add(agreement.FieldPath(bp, "kind"), agreement.ErrInvalidValue, "unknown basing kind "+ct.Basing.Kind.String())
		}
		if len(ct.Basing.Areas) > 0 && ct.Basing.Kind != InHost {
			ve.Add(agreement.FieldPath(bp, "areas"), agreement.ErrInconsistent, "areas name places inside the host country; "+
				"basing kind is "+strconv.Quote(ct.Basing.Kind.String())+", not "+strconv.Quote(InHost.String()))
		}
		seenArea := map[agreement.AreaID]bool{}
		for j, a := range ct.Basing.Areas {
			ap := agreement.IndexPath(agreement.FieldPath(bp, "areas"), j)
			switch {
			case !a.Valid():
				ve.Add(ap, agreement.ErrInvalidID, "invalid area id "+strconv.Quote(string(a)))
			case seenArea[a]:
				ve.Add(ap, agreement.ErrDuplicateID, "area "+strconv.Quote(string(a))+" listed twice")
			}
			seenArea[a] = true
		}
		addAll(probe[cp])
		for j, q := range ct.Quantities {
			qp := agreement.IndexPath(agreement.FieldPath(cp, "quantities"), j)
			for _, b := range []struct {
				name string
				d    decimal.Decimal
			}{{"min", q.Min}, {"max", q.Max}} {
				if !boundedDecimal(b.d) {
					ve.Add(agreement.FieldPath(qp, b.name), agreement.ErrInvalidValue, "decimal "+describeDecimal(b.d)+
						" out of range: at most "+strconv.Itoa(MaxDecimalDigits)+" digits and an exponent of at most "+
						strconv.Itoa(MaxDecimalDigits)+" either way")
				}
			}
		}
	}
	ve.Omitted += probeOmitted
	return ve.Err()
}

// declaredRef checks a reference to a declared party; an empty id is a
// problem only when required.
func (c Coalition) declaredRef(ve *agreement.ValidationError, path string, p agreement.PartyID, required bool) bool {
	switch {
	case p == "":
		if required {
			ve.Add(path, agreement.ErrMissing, "missing party")
		}
		return false
	case !c.declared(p):
		ve.Add(path, agreement.ErrUnknownParty, "unknown party "+strconv.Quote(string(p)))
		return false
	}
	return true
}

// memberRef checks a reference to a member: declared, and a member.
func (c Coalition) memberRef(ve *agreement.ValidationError, path string, p agreement.PartyID) {
	if c.declaredRef(ve, path, p, true) && !c.IsMember(p) {
		ve.Add(path, ErrNotMember, "party "+strconv.Quote(string(p))+" is not a member of the coalition")
	}
}

// partyList checks a list of distinct declared parties (members, when
// members is set), not empty when nonEmpty.
func (c Coalition) partyList(ve *agreement.ValidationError, path string, ids []agreement.PartyID,
	nonEmpty, members bool) {
	if nonEmpty && len(ids) == 0 {
		ve.Add(path, agreement.ErrMissing, "no parties")
	}
	seen := map[agreement.PartyID]bool{}
	for i, p := range ids {
		ip := agreement.IndexPath(path, i)
		if members {
			c.memberRef(ve, ip, p)
		} else {
			c.declaredRef(ve, ip, p, true)
		}
		once(ve, ip, p, seen)
	}
}

// declare checks the id at path of an item of the given kind ("function"):
// present, valid (hint follows the message of an invalid one) and not
// declared before, as recorded in seen; it records the id in seen.
func declare[ID ~string](ve *agreement.ValidationError, path, kind string, id ID, valid bool, hint string, seen map[ID]bool) {
	switch {
	case id == "":
		ve.Add(path, agreement.ErrMissing, "missing "+kind+" id")
	case !valid:
		ve.Add(path, agreement.ErrInvalidID, "invalid "+kind+" id "+strconv.Quote(string(id))+hint)
	case seen[id]:
		ve.Add(path, agreement.ErrDuplicateID, "duplicate "+kind+" id "+strconv.Quote(string(id)))
	}
	seen[id] = true
}

// once reports the party p at path when an earlier entry of its list, as
// recorded in seen, named it too; it records p in seen.
func once(ve *agreement.ValidationError, path string, p agreement.PartyID, seen map[agreement.PartyID]bool) {
	if p != "" && seen[p] {
		ve.Add(path, agreement.ErrDuplicateID, "party "+strconv.Quote(string(p))+" listed twice")
	}
	seen[p] = true
}

// probeProblems validates, with package agreement's own validation, what c
// hands to it: its parties and fluents, and for each contribution a clause
// whose trigger is the contribution's whole condition, whose action,
// quantities, force and creditors are the contribution's. Problems are
// returned by section ("parties", "fluents", "contributions[i]") with their
// paths rewritten to the coalition's ("clauses[2].trigger.all[1]" becomes
// "contributions[2].condition.all[1]"); problems with what this package
// checks itself (debtors, ids, categories, the members group) are dropped.
// omitted is the number of problems the probe found beyond
// [agreement.MaxProblems] and did not keep.
func probeProblems(c Coalition) (problems map[string][]*agreement.Problem, omitted int) {
	id := c.ID
	if !id.Valid() {
		id = "coalition" // reported by Validate itself
	}
	a := agreement.Agreement{
		ID:      id,
		Parties: c.Parties,
		Fluents: c.Fluents,
		Groups:  []agreement.Group{c.membersGroup()},
	}
	for _, ct := range c.Contributions {
		qs := ct.Quantities
		if slices.ContainsFunc(qs, func(q agreement.Range) bool { return !boundedRange(q) }) {
			// Decimals out of bounds, which Validate reports itself, would
			// make package agreement's comparisons slow: the probe sees
			// the range [0, 0] in its unit instead.
			qs = slices.Clone(qs)
			for i, q := range qs {
				if !boundedRange(q) {
					qs[i].Min, qs[i].Max = decimal.Zero, decimal.Zero
				}
			}
		}
		a.Clauses = append(a.Clauses, agreement.Clause{
			ID:         ct.ID.ClauseID(),
			Kind:       agreement.DeonticObligation,
			Force:      ct.Force,
			Creditors:  ct.Beneficiaries,
			Action:     ct.action(),
			Quantities: qs,
			Trigger:    ct.Condition,
		})
	}
	err := a.Validate()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		return nil, 0
	}
	out := map[string][]*agreement.Problem{}
	for _, p := range ve.Problems {
		if p == nil {
			continue
		}
		if section, path, ok := coalitionPath(p.Path); ok {
			out[section] = append(out[section], &agreement.Problem{Path: path, Err: p.Err, Msg: p.Msg})
		}
	}
	return out, ve.Omitted
}

// coalitionPath rewrites the path of a problem found in the probe agreement
// into the coalition's, with the section it belongs to; ok is false for
// problems the coalition reports itself.
func coalitionPath(p string) (section, path string, ok bool) {
	for _, s := range []string{"parties", "fluents"} {
		if strings.HasPrefix(p, s+"[") {
			return s, p, true
		}
	}
	rest, found := strings.CutPrefix(p, "clauses[")
	if !found {
		return "", "", false
	}
	n, rest, found := strings.Cut(rest, "]")
	if !found {
		return "", "", false
	}
	base := "contributions[" + n + "]"
	if rest == "" { // the clause as a whole: a dependency cycle
		return base, base, true
	}
	rest, found = strings.CutPrefix(rest, ".")
	if !found {
		return "", "", false
	}
	name, tail := rest, ""
	if j := strings.IndexAny(rest, ".["); j >= 0 {
		name, tail = rest[:j], rest[j:]
	}
	switch name {
	case "trigger":
		name = "condition"
	case "creditors":
		name = "beneficiaries"
	case "action", "quantities", "force":
	default:
		return "", "", false
	}
	return base, base + "." + name + tail, true
}

// describeDecimal describes d without writing out its digits, which may be
// millions: "with exponent 10000000 and a coefficient of 1 digits".
func describeDecimal(d decimal.Decimal) string {
	c := d.Coefficient()
	var digits string
	if bits := c.BitLen(); bits <= maxCoefficientBits {
		digits = strconv.Itoa(len(c.Abs(c).String()))
	} else {
		// bits×log10(2), rounded up: the number of digits, or one more.
		digits = "about " + strconv.Itoa(bits*30103/100000+1)
	}
	return "with exponent " + strconv.Itoa(int(d.Exponent())) + " and a coefficient of " + digits + " digits"
}

// membersGroup returns the MembersGroup group: the declared full members,
// each once.
func (c Coalition) membersGroup() agreement.Group {
	g := agreement.Group{ID: MembersGroup, Name: "members"}
	if c.Name != "" {
		g.Name = "members of the " + c.Name
	}
	for _, p := range c.FullMembers() {
		if c.declared(p) {
			g.Members = append(g.Members, p)
		}
	}
	return g
}
