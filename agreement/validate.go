package agreement

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Validate checks a on its own: every id well formed and unique, every
// reference resolved, every enum value known, no negative quantity or
// duration, no contradiction between fields, no dependency cycle between
// clauses, and every instant the replay engine computes with (an absolute
// deadline or expiry of a clause or an option) and every signature's date
// within [InstantRange] ([ErrInvalidValue]), and every condition nested at
// most [MaxDepth] deep and of at most [MaxConditionSize] nodes, a shared
// operand counted once per place it occurs ([ErrInvalidValue]); the size is
// counted only up to the bound, so that validation takes time linear in
// the agreement however many paths shared operands make. Its territory is checked as
// [Territory.Validate] does, with the parties of its shares and
// arrangements declared; its options as [Package.Validate] does against
// that territory, with their parties declared. When it has a territory,
// every area filter of an event pattern must name one of its areas
// ([ErrUnknownArea]); without one, area filters are checked for syntax
// only. A reference to another agreement cannot resolve on its own and is
// reported with ErrUnknownAgreement; validate linked instruments together
// with [Process.Validate]. Durations need no bound: the engine adds them
// to instants without overflow.
//
// An unknown id referred to (a party, party group, clause, fluent, area,
// item class or agreement) is reported as `unknown party "RUS"`, followed,
// when [Suggest] finds it misspells one of the ids of that kind declared
// in scope, by ` (did you mean "RU"?)`. One validation compares at most
// 262144 candidates for its suggestions, and reports unknown ids past that
// without one, so that many unknown references among many ids stay fast.
//
// Placeholders: [Debtor] and [Creditor] may stand as actor, target or
// reporter of a pattern only inside a clause (its action, its four
// conditions, a permission's grant) and as a [BreachFilter]'s reporter
// there; [Debtor] also as the debtor of [ClauseInFor] or a BreachFilter
// and as a power's TargetDebtor. Anywhere else (a fluent's patterns, the
// entry-into-force condition) a placeholder is [ErrInvalidValue]; [Debtor]
// in a clause with no debtors, or [Creditor] in one with no creditors, is
// [ErrInconsistent]. A concrete debtor of ClauseInFor or a BreachFilter
// must be a debtor of the clause it reads; with [Debtor], every debtor of
// the holding clause must be ([ErrInconsistent], naming the one that is
// not). In a clause binding two or more debtors severally (not Joint), an
// event atom of its fulfilment or violation condition whose pattern's
// actor is one of the clause's own debtors is [ErrUnboundDebtor]: each
// debtor's instance would answer for that debtor's act ([Agreement.Lint]
// reports the ambiguous cases).
//
// Standing clauses ([Clause.Standing]) are obligations or prohibitions,
// with no deadline (use expiry); a standing obligation needs a violation
// condition. [Breached] needs k >= 1, a clause that is standing
// ([ErrNotStanding]), a window that is not negative, a known attribution,
// and reads the clause's state: it is a dependency for the cycle check as
// [ClauseIn] is.
//
// Powers may have a fulfilment condition (an automatic power, exercised
// when it holds), never a violation condition. TargetDebtor is set only on
// a power, whose targets must then be clauses, none joint, each with the
// target debtor among its debtors ([Debtor]: the power needs debtors).
//
// Item classes ([Agreement.ItemClasses]) have well-formed unique ids and
// need items or a rule; items are non-empty, unique, valid UTF-8 of at
// most [MaxItemBytes]; a pattern's Item is checked the same way, and a
// pattern's Class and a range's Class must name a declared class
// ([ErrUnknownItemClass]). Every bound (a pattern's Measure, a class's
// rule, a [Total] or [Level] bound, which is required) is checked, and,
// within one agreement, every bound on the same named quantity
// ([Bound.Of]) must use units of one dimension ([Unit.Dimension]): a later
// bound in another dimension is [ErrInconsistent] at its path, naming the
// first. Bounds on the unnamed quantity are not compared, as it is each
// kind of event's own main amount.
//
// Consumed permissions: Relaxes, Grant, Covers and CoverWindow are set only
// on a permission, and Grant, Covers and CoverWindow only with Relaxes;
// neither count may be negative; each relaxed reference (qualified ones
// allowed) must name a prohibition with an action and no violation
// condition.
//
// Calendar time. A [Deadline] (a clause's deadline and expiry, an option's
// deadline, [Agreement.InForceAt]) sets at most one of After, Period and At
// ([ErrInconsistent]); After is not negative, Period is valid
// ([Period.Validate]: "deadline.period.days"), At is in [InstantRange];
// From is not set with At ([ErrInconsistent]); Round is a known rounding,
// and Round and Exclusive are set only with something to apply them to
// (After, Period, At or From: [ErrInconsistent]); Unconditional is set only
// on a clause's deadline, and only a fixed one ([Deadline.Fixed]:
// [ErrInconsistent]). The anchor From is checked as the clause's condition
// slots are, at "deadline.from" (its references, size, depth, and the
// clause's placeholders), and a clause state it reads is a dependency for
// the cycle check; the anchors of an option's deadline and of InForceAt
// are checked as the entry-into-force condition is. A clock condition
// ([From], [Until], [Between]) has a bound, each in InstantRange, and from
// strictly before until ([ErrInconsistent]). A [Recurrence] is set only on
// an obligation that is neither standing nor with a deadline
// ([ErrInconsistent]), with exactly one of Every and On ([ErrInconsistent]
// for both, [ErrMissing] for neither), Start only with Every, Within with
// On ([ErrMissing]), valid periods, Every at least [MinRecurrence]
// ([ErrInvalidValue]), Start in InstantRange and On checked as
// the clause's action is. The zones of the agreement and its clauses load
// ([Zone.Location]: [ErrInvalidValue]). Signatories are declared parties,
// each listed once ([ErrDuplicateID]). A provisional clause has debtors
// and is not surviving ([ErrInconsistent]). [StateLapsed] is a clause
// state: [ClauseIn] may name it, [AgreementIn] may not.
//
// Terms. A [Term] (the agreement's, at "term", or a clause's, at
// "clauses[i].term") that sets anything sets its Period ([ErrMissing] at
// "term.period"); its periods are valid ([Period.Validate]: at
// "term.period", "term.renewal" and "term.notice"), an exact renewal no
// shorter than [MinRecurrence] ([ErrInvalidValue]); Renewals is not
// negative ([ErrNegative]) and is set only with a Renewal to count
// ([ErrInconsistent] at "term.renewals"). A clause with a term has no
// expiry ([ErrInconsistent] at "clauses[i].term"), and its
// DuringSuspension is a declared rule ([ErrInvalidValue]). A power with
// [EffectNotice] aims only at agreements and clauses that have a term
// ([ErrInconsistent] at the target), and, like every power but a suspend
// power, is resumed by none.
//
// It returns nil or a *ValidationError listing every problem, each with its
// path in the JSON encoding and its sentinel.
func (a Agreement) Validate() error {
	var ps ValidationError
	v := newValidator(&ps, []Agreement{a})
	v.agreement(&a, "")
	v.cycles([]Agreement{a}, func(int) string { return "" })
	return ps.Err()
}

// Validate checks every instrument of p as [Agreement.Validate] does, with
// qualified references resolved across instruments and cycles detected
// across them; agreement ids must be unique. Paths start with
// "agreements[i]".
func (p Process) Validate() error {
	var ps ValidationError
	v := newValidator(&ps, p.Agreements)
	seen := map[AgreementID]int{}
	for i := range p.Agreements {
		path := idx("agreements", i)
		id := p.Agreements[i].ID
		if j, dup := seen[id]; dup && id != "" {
			ps.Add(field(path, "id"), ErrDuplicateID, "duplicate agreement id "+quote(string(id))+
				" (also agreements["+itoa(j)+"])")
		} else {
			seen[id] = i
		}
		v.agreement(&p.Agreements[i], path)
	}
	v.cycles(p.Agreements, func(i int) string { return idx("agreements", i) })
	return ps.Err()
}

// validator holds what one agreement's references may resolve to.
type validator struct {
	ps *ValidationError
	// clauses of every agreement in scope, by agreement id
	clauses map[AgreementID]map[ClauseID]*Clause

	// the agreement being checked
	home    AgreementID
	local   map[ClauseID]*Clause // its own clauses (first of each id)
	parties map[PartyID]bool
	groups  map[GroupID]bool
	fluents map[FluentID]bool
	// suspenders counts, for each clause id, the suspend powers of the
	// agreement whose ResumedBy names it.
	suspenders map[ClauseID]int
	// areas declared by its territory; nil when it has none, and then area
	// filters are checked for syntax only.
	areas map[AreaID]bool
	// item classes it declares
	classes map[ItemClassID]bool
	// dims records, for each quantity name a bound constrains, the first
	// bound of the agreement that names it: its path and unit.
	dims map[string]boundSite
	// terms are the terms of the agreements in scope, by id (the first
	// agreement with each id).
	terms map[AgreementID]Term

	// holder is the clause whose action, conditions or grant is being
	// checked, nil elsewhere; slot is the name of the condition slot being
	// checked ("" outside one).
	holder *Clause
	slot   string

	// sorted caches the sorted ids that messages about unknown ones
	// suggest from, by kind (see sortedIDs); emptied for each agreement.
	sorted map[string][]string
	// compared counts the candidates suggestions have compared, up to
	// suggestBudget.
	compared int

	// budget is how many more nodes of the condition being checked
	// conditionAt may visit.
	budget int

	// anyParty is set when a value is checked on its own (a Territory or a
	// Package), with no agreement to declare parties: party ids, and the
	// references of a condition (the anchor of an option's deadline:
	// clauses, agreements, fluents, groups, item classes), are then
	// checked for syntax only.
	anyParty bool
}

func newValidator(ps *ValidationError, all []Agreement) *validator {
	v := &validator{ps: ps, clauses: map[AgreementID]map[ClauseID]*Clause{}, terms: map[AgreementID]Term{}}
	for i := range all {
		a := &all[i]
		if _, dup := v.clauses[a.ID]; dup {
			continue
		}
		v.terms[a.ID] = a.Term
		m := map[ClauseID]*Clause{}
		for j := range a.Clauses {
			if _, dup := m[a.Clauses[j].ID]; !dup {
				m[a.Clauses[j].ID] = &a.Clauses[j]
			}
		}
		v.clauses[a.ID] = m
	}
	return v
}

func (v *validator) add(path string, err error, msg string) { v.ps.Add(path, err, msg) }

// full reports whether v's list of problems holds [MaxProblems] already,
// so that a problem added now is only counted.
func (v *validator) full() bool { return v.ps != nil && len(v.ps.Problems) >= MaxProblems }

func (v *validator) agreement(a *Agreement, path string) {
	v.home = a.ID
	v.local = map[ClauseID]*Clause{}
	v.sorted = nil
	v.suspenders = map[ClauseID]int{}
	for i := range a.Clauses {
		c := &a.Clauses[i]
		if _, dup := v.local[c.ID]; !dup {
			v.local[c.ID] = c
		}
		if c.Kind == DeonticPower && c.Effect == EffectSuspend {
			v.suspenders[c.ResumedBy]++
		}
	}
	v.parties = map[PartyID]bool{}
	v.groups = map[GroupID]bool{}
	v.fluents = map[FluentID]bool{}
	v.classes = map[ItemClassID]bool{}
	v.dims = map[string]boundSite{}
	v.holder, v.slot = nil, ""
	v.areas = nil
	if !a.Territory.IsZero() {
		v.areas = map[AreaID]bool{}
		for _, ar := range a.Territory.Areas {
			v.areas[ar.ID] = true
		}
	}

	v.id(field(path, "id"), "agreement", string(a.ID), a.ID.Valid())
	if !a.Stage.Valid() {
		v.add(field(path, "stage"), ErrInvalidValue, "unknown PA-X stage "+quote(string(a.Stage)))
	}
	if !a.SubStage.Valid() {
		v.add(field(path, "subStage"), ErrInvalidValue, "unknown PA-X sub-stage "+quote(string(a.SubStage)))
	} else if a.SubStage != "" && a.Stage.Valid() && a.Stage != "" && a.SubStage.Stage() != a.Stage {
		v.add(field(path, "subStage"), ErrInconsistent, "sub-stage "+quote(string(a.SubStage))+
			" belongs to stage "+quote(string(a.SubStage.Stage()))+", not "+quote(string(a.Stage)))
	}
	if !a.SigningStatus.Valid() {
		v.add(field(path, "signingStatus"), ErrInvalidValue, "unknown signing status "+a.SigningStatus.String())
	}
	v.zone(field(path, "zone"), a.Zone)

	// Declarations first, so that references anywhere resolve.
	for i, p := range a.Parties {
		pp := idx(field(path, "parties"), i)
		declare(v, v.parties, field(pp, "id"), "party", p.ID)
		if !p.Kind.Valid() {
			v.add(field(pp, "kind"), ErrInvalidValue, "unknown party kind "+p.Kind.String())
		}
		seen := map[Role]bool{}
		for j, r := range p.Roles {
			rp := idx(field(pp, "roles"), j)
			switch {
			case !r.Valid():
				v.add(rp, ErrInvalidValue, "unknown role "+r.String())
			case seen[r]:
				v.add(rp, ErrDuplicateID, "duplicate role "+quote(r.String()))
			}
			seen[r] = true
		}
	}
	for i, g := range a.Groups {
		gp := idx(field(path, "groups"), i)
		declare(v, v.groups, field(gp, "id"), "group", g.ID)
		v.partyList(field(gp, "members"), g.Members, false)
	}
	for i, f := range a.Fluents {
		declare(v, v.fluents, field(idx(field(path, "fluents"), i), "id"), "fluent", f.ID)
	}
	for i := range a.ItemClasses {
		declare(v, v.classes, field(idx(field(path, "itemClasses"), i), "id"), "item class", a.ItemClasses[i].ID)
	}
	for i := range a.ItemClasses {
		v.itemClass(idx(field(path, "itemClasses"), i), &a.ItemClasses[i])
	}

	v.territory(field(path, "territory"), &a.Territory)

	for i, s := range a.Signatures {
		sp := idx(field(path, "signatures"), i)
		v.party(field(sp, "party"), s.Party, true)
		if !s.Date.IsZero() {
			v.instant(field(sp, "date"), s.Date)
		}
	}
	v.partyList(field(path, "signatories"), a.Signatories, false)
	for i, f := range a.Fluents {
		fp := idx(field(path, "fluents"), i)
		for j, p := range f.Initiates {
			v.pattern(idx(field(fp, "initiates"), j), p)
		}
		for j, p := range f.Terminates {
			v.pattern(idx(field(fp, "terminates"), j), p)
		}
	}
	seen := map[ClauseID]bool{}
	for i := range a.Clauses {
		c := &a.Clauses[i]
		cp := idx(field(path, "clauses"), i)
		declare(v, seen, field(cp, "id"), "clause", c.ID)
		v.clause(a, c, cp)
	}
	v.options(field(path, "options"), a.Options, &a.Territory)
	if a.EntryIntoForce != nil {
		v.condition(field(path, "entryIntoForce"), a.EntryIntoForce)
	}
	v.deadline(field(path, "inForceAt"), a.InForceAt, "the instant of entry into force (inForceAt)")
	v.term(field(path, "term"), a.Term)
}

// implied reports, for Agreement.Settle, a clause of a that already has the
// id of a clause one of its options implies.
func (v *validator) implied(a *Agreement, path string) {
	if len(a.Options) == 0 {
		return
	}
	clauses := map[ClauseID]int{}
	for i, c := range a.Clauses {
		if _, dup := clauses[c.ID]; !dup {
			clauses[c.ID] = i
		}
	}
	for i := range a.Options {
		o := &a.Options[i]
		if !o.ID.Valid() {
			continue
		}
		for _, ar := range o.Areas {
			for _, verb := range o.verbs() {
				id := ImpliedClauseID(o.ID, verb, ar)
				if j, ok := clauses[id]; ok {
					v.add(field(idx(field(path, "options"), i), "id"), ErrDuplicateID, "option "+
						quote(string(o.ID))+" implies clause "+quote(string(id))+", which "+
						idx(field(path, "clauses"), j)+" already has")
				}
			}
		}
	}
}

// id reports a missing or malformed id and returns whether it is well formed.
func (v *validator) id(path, what, s string, valid bool) bool {
	switch {
	case s == "":
		v.add(path, ErrMissing, "missing "+what+" id")
	case !valid:
		v.add(path, ErrInvalidID, "invalid "+what+" id "+quote(s))
	default:
		return true
	}
	return false
}

// identifier is an id type that checks its own syntax.
type identifier interface {
	~string
	Valid() bool
}

// declare checks the id of a declaration at path as [validator.id] does,
// and reports it when seen already holds it; it then records it in seen.
// what names the kind of id in messages.
func declare[ID identifier](v *validator, seen map[ID]bool, path, what string, id ID) {
	if !v.id(path, what, string(id), id.Valid()) {
		return
	}
	if seen[id] {
		v.add(path, ErrDuplicateID, "duplicate "+what+" id "+quote(string(id)))
	}
	seen[id] = true
}

// validateAlone runs check on a value on its own, with paths starting at
// the value, and returns nil or a *ValidationError listing every problem.
func validateAlone(check func(ps *ValidationError, path string)) error {
	var ps ValidationError
	check(&ps, "")
	return ps.Err()
}

// unknownID returns the message for a reference to id, an id of the kind
// what that declared, the ids in scope, does not hold: `unknown what "id"`,
// followed, when suggestID finds id misspells one of them, by ` (did you
// mean "other"?)`.
func unknownID[ID ~string, V any](v *validator, what string, id ID, declared map[ID]V) string {
	msg := "unknown " + what + " " + quote(string(id))
	if s, ok := suggestID(v, string(id), what, declared); ok {
		msg += " (did you mean " + quote(s) + "?)"
	}
	return msg
}

// suggestBudget is how many candidates the suggestions of one validation
// may compare in all: past it, unknown ids are reported without one, so
// that no input (many unknown references among many ids) makes validation
// slow.
const suggestBudget = 1 << 18

// suggestID returns the id of declared that got misspells, as [Suggest]
// finds it among the ids in sorted order (so that the answer does not
// depend on the order of a map), from v's cache under key (see sortedIDs).
// It reports false, without comparing, once v's list of problems is full
// (a problem is then only counted) or once the suggestions of this
// validation have compared suggestBudget candidates.
func suggestID[ID ~string, V any](v *validator, got, key string, declared map[ID]V) (string, bool) {
	if v.full() || v.compared+len(declared) > suggestBudget {
		return "", false
	}
	v.compared += len(declared)
	return Suggest(got, sortedIDs(v, key, declared))
}

// sortedIDs returns the keys of m as strings, sorted, from v's cache under
// key when it holds as many as m has: the maps of declared ids only grow
// while one agreement is checked, and the cache is emptied for the next,
// so that many unknown references among many ids sort the ids once.
func sortedIDs[ID ~string, V any](v *validator, key string, m map[ID]V) []string {
	if c, ok := v.sorted[key]; ok && len(c) == len(m) {
		return c
	}
	out := make([]string, 0, len(m))
	for id := range m {
		out = append(out, string(id))
	}
	slices.Sort(out)
	if v.sorted == nil {
		v.sorted = map[string][]string{}
	}
	v.sorted[key] = out
	return out
}

// party checks a reference to a party; an empty id is a problem only when
// required.
func (v *validator) party(path string, id PartyID, required bool) {
	if v.anyParty {
		v.partyRef(path, id, required)
		return
	}
	switch {
	case id == "":
		if required {
			v.add(path, ErrMissing, "missing party")
		}
	case !v.parties[id]:
		v.add(path, ErrUnknownParty, unknownID(v, "party", id, v.parties))
	}
}

func (v *validator) partyList(path string, ids []PartyID, nonEmpty bool) {
	if nonEmpty && len(ids) == 0 {
		v.add(path, ErrMissing, "no parties")
	}
	seen := map[PartyID]bool{}
	for i, id := range ids {
		ip := idx(path, i)
		v.party(ip, id, true)
		if seen[id] && id != "" {
			v.add(ip, ErrDuplicateID, "party "+quote(string(id))+" listed twice")
		}
		seen[id] = true
	}
}

func (v *validator) clause(a *Agreement, c *Clause, path string) {
	switch {
	case c.Kind == 0:
		v.add(field(path, "kind"), ErrMissing, "missing deontic kind")
	case !c.Kind.Valid():
		v.add(field(path, "kind"), ErrInvalidValue, "unknown deontic kind "+c.Kind.String())
	}
	if !c.Force.Valid() {
		v.add(field(path, "force"), ErrInvalidValue, "unknown force "+c.Force.String())
	}
	if !c.Category.Valid() {
		v.add(field(path, "category"), ErrInvalidValue, "malformed provision category "+quote(string(c.Category)))
	}
	v.partyList(field(path, "debtors"), c.Debtors, true)
	v.partyList(field(path, "creditors"), c.Creditors, false)
	if c.Joint && len(c.Debtors) < 2 {
		v.add(field(path, "joint"), ErrInconsistent, "joint needs at least two debtors")
	}
	v.holder, v.slot = c, ""
	defer func() { v.holder, v.slot = nil, "" }()
	if c.Action != nil {
		v.pattern(field(path, "action"), *c.Action)
	}
	for i, q := range c.Quantities {
		qp := idx(field(path, "quantities"), i)
		q.check(v.ps, qp)
		v.itemClassRef(field(qp, "class"), q.Class)
	}
	for _, nc := range c.Conditions() {
		if nc.Condition != nil {
			v.slot = nc.Name
			v.condition(field(path, nc.Name), nc.Condition)
		}
	}
	v.slot = "deadline"
	v.deadline(field(path, "deadline"), c.Deadline, "")
	v.slot = "expiry"
	v.deadline(field(path, "expiry"), c.Expiry, "an expiry")
	v.slot = ""
	v.zone(field(path, "zone"), c.Zone)
	v.recurrence(c, path)
	v.term(field(path, "term"), c.Term)
	if !c.Term.IsZero() && !c.Expiry.IsZero() {
		v.add(field(path, "term"), ErrInconsistent, "a clause with a term ends at the end of its last term: it has "+
			"no expiry")
	}
	if !c.DuringSuspension.Valid() {
		v.add(field(path, "duringSuspension"), ErrInvalidValue, "unknown suspension rule "+c.DuringSuspension.String())
	}
	if c.Provisional {
		if len(c.Debtors) == 0 {
			v.add(field(path, "provisional"), ErrInconsistent, "a provisional clause applies from its debtors' "+
				"signatures: it needs debtors")
		}
		if c.Surviving {
			v.add(field(path, "provisional"), ErrInconsistent, "a clause is provisional (applying before the "+
				"agreement enters into force) or surviving (applying while it is not in force), not both")
		}
	}

	inconsistent := func(name, why string) { v.add(field(path, name), ErrInconsistent, why) }
	switch c.Kind {
	case DeonticObligation:
		if c.Action == nil && c.Fulfilment == nil {
			v.add(path, ErrMissing, "an obligation needs an action or a fulfilment condition")
		}
	case DeonticProhibition:
		if c.Action == nil && c.Violation == nil {
			v.add(path, ErrMissing, "a prohibition needs an action or a violation condition")
		}
		if !c.Deadline.IsZero() {
			inconsistent("deadline", "a prohibition has no deadline (use expiry)")
		}
	case DeonticPermission:
		if c.Violation != nil {
			inconsistent("violation", "a permission is never violated")
		}
		if !c.Deadline.IsZero() {
			inconsistent("deadline", "a permission has no deadline (use expiry)")
		}
		v.relaxes(c, path)
	case DeonticPower:
		v.power(a, c, path)
	}
	if c.Standing {
		switch c.Kind {
		case DeonticObligation:
			if !c.Deadline.IsZero() {
				inconsistent("deadline", "a standing obligation has no deadline (use expiry): it is kept, not achieved")
			}
			if c.Violation == nil {
				v.add(field(path, "violation"), ErrMissing, "a standing obligation needs a violation condition: "+
					"it says what breaches it")
			}
		case DeonticPermission, DeonticPower:
			inconsistent("standing", "only an obligation or a prohibition is standing, not a "+c.Kind.String())
		}
	}
	if c.Kind != DeonticPower {
		if c.Effect != EffectUnspecified {
			inconsistent("effect", "only a power has an effect")
		}
		if len(c.Targets) > 0 {
			inconsistent("targets", "only a power has targets")
		}
		if c.ResumedBy != "" {
			inconsistent("resumedBy", "only a suspend power is resumed")
		}
		if c.TargetDebtor != "" {
			inconsistent("targetDebtor", "only a power is limited to one debtor's instance of its targets")
		}
	}
	if c.Kind != DeonticPermission {
		for _, f := range []struct {
			name string
			set  bool
		}{{"relaxes", len(c.Relaxes) > 0}, {"grant", c.Grant != nil}, {"covers", c.Covers != 0}, {"coverWindow", c.CoverWindow != 0}} {
			if f.set {
				inconsistent(f.name, "only a permission relaxes prohibitions")
			}
		}
	}
}

// relaxes checks what a permission says about the prohibitions it relaxes:
// each must resolve to a prohibition with an action and no violation
// condition (the permission excuses acts matching both actions, which a
// violation condition would not see); grant, covers and coverWindow need
// relaxes, and neither count may be negative.
func (v *validator) relaxes(c *Clause, path string) {
	if len(c.Relaxes) == 0 {
		for _, f := range []struct {
			name string
			set  bool
		}{{"grant", c.Grant != nil}, {"covers", c.Covers != 0}, {"coverWindow", c.CoverWindow != 0}} {
			if f.set {
				v.add(field(path, f.name), ErrInconsistent, f.name+" is set only on a permission that relaxes a prohibition (relaxes)")
			}
		}
	}
	if c.Covers < 0 {
		v.add(field(path, "covers"), ErrNegative, "negative count "+itoa(c.Covers))
	}
	if c.CoverWindow < 0 {
		v.add(field(path, "coverWindow"), ErrNegative, "negative duration "+FormatDuration(c.CoverWindow))
	}
	seen := map[Ref]int{}
	for i, r := range c.Relaxes {
		rp := idx(field(path, "relaxes"), i)
		v.ref(rp, r, false)
		if j, dup := seen[r.Resolve(v.home)]; dup && r.Valid() {
			v.add(rp, ErrDuplicateID, "prohibition "+quote(r.String())+" relaxed twice (also "+idx(field(path, "relaxes"), j)+")")
			continue
		}
		seen[r.Resolve(v.home)] = i
		t, ok := v.resolve(r)
		switch {
		case !ok:
		case t.Kind != DeonticProhibition:
			v.add(rp, ErrInconsistent, "clause "+quote(r.String())+" is a "+t.Kind.String()+"; a permission relaxes prohibitions only")
		case t.Action == nil:
			v.add(rp, ErrInconsistent, "prohibition "+quote(r.String())+" has no action: a permission excuses acts "+
				"matching the prohibition's action, so it relaxes only a prohibition with one")
		case t.Violation != nil:
			v.add(rp, ErrInconsistent, "prohibition "+quote(r.String())+" has a violation condition: a permission "+
				"excuses acts matching the prohibition's action, so it relaxes only a prohibition breached by its action")
		}
	}
	if c.Grant != nil {
		v.pattern(field(path, "grant"), *c.Grant)
	}
}

// resolve returns the clause r names, when r names a clause of an
// agreement in scope that exists.
func (v *validator) resolve(r Ref) (*Clause, bool) {
	if !r.Valid() || r.IsAgreement() {
		return nil, false
	}
	home := r.Resolve(v.home)
	if home.Agreement == v.home {
		c, ok := v.local[home.Clause]
		return c, ok
	}
	c, ok := v.clauses[home.Agreement][home.Clause]
	return c, ok
}

// several reports whether c binds at least two debtors severally: each
// debtor has an instance of its own.
func several(c *Clause) bool { return c != nil && len(c.Debtors) >= 2 && !c.Joint }

// isDebtor reports whether id is one of c's debtors.
func isDebtor(c *Clause, id PartyID) bool {
	for _, d := range c.Debtors {
		if d == id {
			return true
		}
	}
	return false
}

func (v *validator) power(a *Agreement, c *Clause, path string) {
	inconsistent := func(name, why string) { v.add(field(path, name), ErrInconsistent, why) }
	if c.Violation != nil {
		inconsistent("violation", "a power is never violated")
	}
	if !c.Deadline.IsZero() {
		inconsistent("deadline", "a power has no deadline (use expiry)")
	}
	switch {
	case c.Effect == EffectUnspecified:
		v.add(field(path, "effect"), ErrMissing, "a power needs an effect")
	case !c.Effect.Valid():
		v.add(field(path, "effect"), ErrInvalidValue, "unknown effect "+c.Effect.String())
	case c.Effect == EffectResume:
		if len(c.Targets) > 0 {
			inconsistent("targets", "a resume power resumes what its suspend power suspended; it has no targets")
		}
		if pairs := v.suspenders[c.ID]; pairs != 1 {
			inconsistent("effect", "a resume power must be named by exactly one suspend power's resumedBy; "+
				itoa(pairs)+" name "+quote(string(c.ID)))
		}
	default:
		if len(c.Targets) == 0 {
			v.add(field(path, "targets"), ErrMissing, "a "+c.Effect.String()+" power needs targets")
		}
	}
	for i, t := range c.Targets {
		tp := idx(field(path, "targets"), i)
		v.ref(tp, t, true)
		if t.Resolve(v.home) == LocalRef(c.ID).Resolve(v.home) {
			v.add(tp, ErrInconsistent, "a power cannot target itself")
		}
		if t.IsAgreement() && c.Effect == EffectDischarge && c.TargetDebtor == "" {
			v.add(tp, ErrInconsistent, "an agreement is terminated or suspended, not discharged")
		}
		if t.IsAgreement() && t.Agreement == v.home && c.Effect == EffectSuspend && c.ResumedBy != "" &&
			c.TargetDebtor == "" {
			if r, ok := v.local[c.ResumedBy]; ok && !r.Surviving {
				v.add(field(path, "resumedBy"), ErrInconsistent, "the resume power of a power that suspends its own "+
					"agreement must survive, or it could never be exercised while the agreement is suspended")
			}
		}
	}
	if c.Effect == EffectNotice {
		v.noticeTargets(a, c, path)
	}
	v.targetDebtor(c, path)
	if c.Effect == EffectSuspend {
		rp := field(path, "resumedBy")
		if c.ResumedBy == "" {
			v.add(rp, ErrMissing, "a suspend power must name its resume power")
		} else if r, ok := v.local[c.ResumedBy]; !ok {
			v.add(rp, ErrUnknownClause, unknownID(v, "clause", c.ResumedBy, v.local))
		} else if r.Kind != DeonticPower || r.Effect != EffectResume {
			v.add(rp, ErrInconsistent, "clause "+quote(string(c.ResumedBy))+" is not a resume power")
		}
	} else if c.ResumedBy != "" {
		inconsistent("resumedBy", "only a suspend power is resumed")
	}
}

// noticeTargets reports each target of the notice power c that names an
// agreement or clause in scope without a term: a notice is given against a
// term's renewal. Targets that do not resolve are reported by ref.
func (v *validator) noticeTargets(a *Agreement, c *Clause, path string) {
	for i, t := range c.Targets {
		if !t.Valid() {
			continue
		}
		var term Term
		switch {
		case t.IsAgreement() && t.Agreement == v.home:
			term = a.Term
		case t.IsAgreement():
			var ok bool
			if term, ok = v.terms[t.Agreement]; !ok {
				continue
			}
		default:
			tc, ok := v.resolve(t)
			if !ok {
				continue
			}
			term = tc.Term
		}
		if term.IsZero() {
			what := "clause"
			if t.IsAgreement() {
				what = "agreement"
			}
			v.add(idx(field(path, "targets"), i), ErrInconsistent, "a notice power gives notice against the renewal "+
				"of a term, and the "+what+" "+quote(t.String())+" has none")
		}
	}
}

// term checks the term t at path: a period when anything is set, valid
// periods, renewals not negative and counting a renewal that is set.
func (v *validator) term(path string, t Term) {
	if t.IsZero() {
		return
	}
	if t.Period.IsZero() {
		v.add(field(path, "period"), ErrMissing, "a term with a renewal or a notice needs its period: how long "+
			"the first term runs")
	}
	t.Period.check(v.ps, field(path, "period"))
	t.Renewal.check(v.ps, field(path, "renewal"))
	if !t.Renewal.Calendar() && t.Renewal.Exact > 0 && t.Renewal.Exact < MinRecurrence {
		v.add(field(path, "renewal"), ErrInvalidValue, "a term renews for "+FormatDuration(t.Renewal.Exact)+
			", more often than every "+FormatDuration(MinRecurrence))
	}
	t.Notice.check(v.ps, field(path, "notice"))
	switch {
	case t.Renewals < 0:
		v.add(field(path, "renewals"), ErrNegative, "negative count "+itoa(t.Renewals))
	case t.Renewals > 0 && t.Renewal.IsZero():
		v.add(field(path, "renewals"), ErrInconsistent, "renewals counts the automatic renewals, and the term "+
			"renews automatically only with a renewal period: set renewal")
	}
}

// targetDebtor checks a power's TargetDebtor: a declared party that is a
// debtor of every clause target, or [Debtor] in a power that has debtors;
// no clause target may then be joint. An agreement target stands for the
// party's participation in it: every commitment it owes there.
func (v *validator) targetDebtor(c *Clause, path string) {
	d := c.TargetDebtor
	if d == "" {
		return
	}
	dp := field(path, "targetDebtor")
	concrete := false
	switch {
	case d == Creditor:
		v.add(dp, ErrInvalidValue, "a power's target debtor is a debtor or "+quote(string(Debtor))+", not "+quote(string(Creditor)))
	case d == Debtor:
		if len(c.Debtors) == 0 {
			v.add(dp, ErrInconsistent, "placeholder "+quote(string(Debtor))+" in a power with no debtors")
		}
	case !v.parties[d]:
		v.add(dp, ErrUnknownParty, unknownID(v, "party", d, v.parties))
	default:
		concrete = true
	}
	for i, t := range c.Targets {
		tp := idx(field(path, "targets"), i)
		if t.IsAgreement() {
			continue // the party's participation
		}
		tc, ok := v.resolve(t)
		switch {
		case !ok:
		case tc.Joint:
			v.add(tp, ErrInconsistent, "clause "+quote(t.String())+" binds its debtors jointly: a power cannot "+
				"limit it to one debtor's share (targetDebtor)")
		case concrete && !isDebtor(tc, d):
			v.add(dp, ErrInconsistent, quote(string(d))+" is not a debtor of "+tp+" "+quote(t.String()))
		}
	}
}

// itemClass checks the declaration of an item class: items or a rule, the
// items non-empty, at most [MaxItemBytes] of UTF-8 each and unique, the
// rule's bounds well formed.
func (v *validator) itemClass(path string, c *ItemClass) {
	if len(c.Items) == 0 && len(c.Rule) == 0 {
		v.add(path, ErrMissing, "an item class needs items or a rule")
	}
	seen := map[string]int{}
	for i, it := range c.Items {
		ip := idx(field(path, "items"), i)
		if it == "" {
			v.add(ip, ErrMissing, "empty item name")
			continue
		}
		v.item(ip, it)
		if j, dup := seen[it]; dup {
			v.add(ip, ErrDuplicateID, "item "+quote(it)+" listed twice (also "+idx(field(path, "items"), j)+")")
			continue
		}
		seen[it] = i
	}
	for i, b := range c.Rule {
		bp := idx(field(path, "rule"), i)
		if b == (Bound{}) {
			v.add(bp, ErrMissing, "a rule's bound needs a unit")
			continue
		}
		v.bound(bp, b)
	}
}

// MaxItemBytes is the longest item name ([Event.Item], [Pattern.Item],
// [ItemClass.Items]) that validation accepts, in bytes.
const MaxItemBytes = 200

// item reports an item name longer than [MaxItemBytes] or not valid UTF-8.
func (v *validator) item(path, s string) {
	if len(s) > MaxItemBytes {
		v.add(path, ErrInvalidValue, "item name of "+itoa(len(s))+" bytes; at most "+itoa(MaxItemBytes))
	}
	if !utf8.ValidString(s) {
		v.add(path, ErrInvalidValue, "item name "+quote(s)+" is not valid UTF-8")
	}
}

// itemClassRef checks a reference to an item class; "" refers to none.
func (v *validator) itemClassRef(path string, id ItemClassID) {
	switch {
	case id == "":
	case !id.Valid():
		v.add(path, ErrInvalidID, "invalid item class id "+quote(string(id)))
	case v.anyParty:
	case !v.classes[id]:
		v.add(path, ErrUnknownItemClass, unknownID(v, "item class", id, v.classes))
	}
}

// boundSite is where a bound stands and its unit.
type boundSite struct {
	path string
	unit Unit
}

// bound checks b, at path, and that its unit has the dimension of the
// first bound of the agreement constraining the same named quantity (see
// [Bound.Of]). Bounds on the unnamed quantity are not compared: it is
// whatever the event's main amount is, which differs between kinds of
// event.
func (v *validator) bound(path string, b Bound) {
	b.check(v.ps, path)
	if b.IsZero() || !b.unit.Valid() || b.of == "" || v.dims == nil {
		return
	}
	first, ok := v.dims[b.of]
	if !ok {
		v.dims[b.of] = boundSite{path, b.unit}
		return
	}
	if first.unit.Dimension() != b.unit.Dimension() {
		v.add(path, ErrInconsistent, "quantity "+quote(b.of)+" bounded in "+quote(string(b.unit))+" ("+
			b.unit.Dimension()+"), but "+first.path+" bounds it in "+quote(string(first.unit))+" ("+
			first.unit.Dimension()+"): the units do not convert")
	}
}

// deadline checks the limit d at path: at most one of after, period and
// at, none of them negative or out of range; an anchor (from) that is a
// valid condition, and not with at; a known rounding, and a rounding or
// exclusive flag only with an instant to apply it to; unconditional only on
// a clause's deadline, and a fixed one. elsewhere names the place of d when
// it is not a clause's deadline ("an expiry"), and is "" when it is. The
// anchor of a clause's limit is checked as a condition slot of the clause
// (the caller sets v.holder and v.slot); any other is checked as the
// entry-into-force condition is.
func (v *validator) deadline(path string, d Deadline, elsewhere string) {
	if d.IsZero() {
		return
	}
	if d.After < 0 {
		v.add(field(path, "after"), ErrNegative, "negative duration "+FormatDuration(d.After))
	}
	d.Period.check(v.ps, field(path, "period"))
	set := 0
	for _, b := range []bool{d.After != 0, !d.Period.IsZero(), !d.At.IsZero()} {
		if b {
			set++
		}
	}
	if set > 1 {
		v.add(path, ErrInconsistent, "set at most one of after, period and at")
	}
	if !d.At.IsZero() {
		v.instant(field(path, "at"), d.At)
	}
	if !isNil(d.From) {
		if !d.At.IsZero() {
			v.add(field(path, "from"), ErrInconsistent, "an absolute limit (at) counts from no anchor (from)")
		}
		v.condition(field(path, "from"), d.From)
	}
	instant := set > 0 || !isNil(d.From)
	switch {
	case !d.Round.Valid():
		v.add(field(path, "round"), ErrInvalidValue, "unknown rounding "+d.Round.String())
	case d.Round != RoundNone && !instant:
		v.add(field(path, "round"), ErrInconsistent, "a rounding needs an instant to round: set after, period, "+
			"at or from")
	}
	if d.Exclusive && !instant {
		v.add(field(path, "exclusive"), ErrInconsistent, "exclusive needs a limit to make exclusive: set after, "+
			"period, at or from")
	}
	if d.Unconditional {
		switch {
		case elsewhere != "":
			v.add(field(path, "unconditional"), ErrInconsistent, "only a clause's deadline binds while the clause "+
				"waits for its trigger (unconditional), not "+elsewhere)
		case !d.Fixed():
			v.add(field(path, "unconditional"), ErrInconsistent, "an unconditional deadline is a fixed instant "+
				"(at, or from an anchor): a limit counted from the clause entering into effect cannot bind before it does")
		}
	}
}

// zone reports a zone that does not load ([Zone.Location]).
func (v *validator) zone(path string, z Zone) {
	if _, err := z.Location(); err != nil {
		msg := err.Error()
		var p *Problem
		if errors.As(err, &p) {
			msg = p.Msg
		}
		v.add(path, ErrInvalidValue, msg)
	}
}

// recurrence checks the recurrence of clause c, at path: only on an
// obligation that is not standing and has no deadline; exactly one of
// every and on; start only with every, within required with on; periods
// valid, instants in range, rounding known, the pattern checked as the
// clause's action is.
func (v *validator) recurrence(c *Clause, path string) {
	r := c.Recurs
	if r.IsZero() {
		return
	}
	rp := field(path, "recurs")
	switch {
	case c.Kind.Valid() && c.Kind != DeonticObligation:
		v.add(rp, ErrInconsistent, "only an obligation recurs, not a "+c.Kind.String())
	case c.Standing:
		v.add(rp, ErrInconsistent, "a standing obligation is kept throughout; a recurring one is performed once "+
			"per occurrence: not both")
	}
	if !c.Deadline.IsZero() {
		v.add(rp, ErrInconsistent, "a recurring obligation has no deadline: each occurrence is due within its own "+
			"period (within, or until the next occurrence)")
	}
	switch {
	case !r.Every.IsZero() && r.On != nil:
		v.add(rp, ErrInconsistent, "an occurrence starts every period or on each event, not both: set every or on")
	case r.Every.IsZero() && r.On == nil:
		v.add(rp, ErrMissing, "a recurrence needs every (a period) or on (an event)")
	}
	r.Every.check(v.ps, field(rp, "every"))
	if !r.Every.IsZero() && !r.Every.Calendar() && r.Every.Exact < MinRecurrence {
		v.add(field(rp, "every"), ErrInvalidValue, "a duty recurring every "+r.Every.String()+
			" recurs more often than every "+FormatDuration(MinRecurrence))
	}
	if !r.Start.IsZero() {
		if r.Every.IsZero() {
			v.add(field(rp, "start"), ErrInconsistent, "start is the start of the first of the occurrences "+
				"every period starts: it needs every")
		}
		v.instant(field(rp, "start"), r.Start)
	}
	if r.On != nil {
		v.pattern(field(rp, "on"), *r.On)
		if r.Within.IsZero() {
			v.add(field(rp, "within"), ErrMissing, "an occurrence started by an event needs within: how long it has")
		}
	}
	r.Within.check(v.ps, field(rp, "within"))
	if !r.Round.Valid() {
		v.add(field(rp, "round"), ErrInvalidValue, "unknown rounding "+r.Round.String())
	}
}

// instant reports an instant outside [InstantRange]; the zero time, which
// stands for none, is for the caller to allow or not.
func (v *validator) instant(path string, t time.Time) {
	if !InstantInRange(t) {
		v.add(path, ErrInvalidValue, "instant "+t.UTC().Format(time.RFC3339Nano)+" is outside the range the library "+
			"represents exactly, "+firstInstant.Format(time.RFC3339Nano)+" to "+lastInstant.Format(time.RFC3339Nano))
	}
}

// ref checks a reference to a clause or, when agreementOK, to an agreement.
func (v *validator) ref(path string, r Ref, agreementOK bool) {
	if !r.Valid() {
		v.add(path, ErrInvalidID, "invalid reference "+quote(r.String()))
		return
	}
	if v.anyParty {
		if r.IsAgreement() && !agreementOK {
			v.add(path, ErrInvalidValue, "reference "+quote(r.String())+" names an agreement, not a clause")
		}
		return
	}
	home := r.Resolve(v.home)
	clauses, ok := v.clauses[home.Agreement]
	if home.Agreement == v.home {
		clauses, ok = v.local, true
	}
	if !ok {
		v.add(path, ErrUnknownAgreement, unknownID(v, "agreement", home.Agreement, v.clauses))
		return
	}
	if r.IsAgreement() {
		if !agreementOK {
			v.add(path, ErrInvalidValue, "reference "+quote(r.String())+" names an agreement, not a clause")
		}
		return
	}
	if _, ok := clauses[r.Clause]; !ok {
		msg := "unknown clause " + quote(r.String())
		key := "clause" // the key of v.local, as unknownID's for a resumedBy
		if home.Agreement != v.home {
			key = "clause of " + string(home.Agreement)
		}
		if s, ok := suggestID(v, string(r.Clause), key, clauses); ok {
			msg += " (did you mean " + quote(Ref{Agreement: r.Agreement, Clause: ClauseID(s)}.String()) + "?)"
		}
		v.add(path, ErrUnknownClause, msg)
	}
}

func (v *validator) pattern(path string, p Pattern) {
	switch {
	case p.Kind == "":
		v.add(field(path, "kind"), ErrMissing, "missing event kind")
	case !p.Kind.Valid():
		v.add(field(path, "kind"), ErrInvalidID, "invalid event kind "+quote(string(p.Kind)))
	}
	v.patternParty(field(path, "actor"), p.Actor)
	v.patternParty(field(path, "target"), p.Target)
	v.patternParty(field(path, "reporter"), p.Reporter)
	switch {
	case p.Group == "":
	case v.anyParty:
		if !p.Group.Valid() {
			v.add(field(path, "group"), ErrInvalidID, "invalid party group id "+quote(string(p.Group)))
		}
	case !v.groups[p.Group]:
		v.add(field(path, "group"), ErrUnknownGroup, unknownID(v, "party group", p.Group, v.groups))
	}
	switch {
	case p.Area == "":
	case !p.Area.Valid():
		v.add(field(path, "area"), ErrInvalidID, "invalid area id "+quote(string(p.Area)))
	case v.areas != nil && !v.areas[p.Area]:
		msg := unknownID(v, "area", p.Area, v.areas)
		if !strings.HasSuffix(msg, "?)") {
			msg += " (the agreement's territory does not declare it)"
		}
		v.add(field(path, "area"), ErrUnknownArea, msg)
	}
	if p.Clause != (Ref{}) {
		v.ref(field(path, "clause"), p.Clause, true)
	}
	if !p.Attribution.Valid() {
		v.add(field(path, "attribution"), ErrInvalidValue, "unknown attribution "+p.Attribution.String())
	}
	if p.Item != "" {
		v.item(field(path, "item"), p.Item)
	}
	v.itemClassRef(field(path, "class"), p.Class)
	v.bound(field(path, "measure"), p.Measure)
}

// eventPattern checks the pattern of an event atom at path, and, in the
// fulfilment or violation condition of a clause binding several debtors
// severally, reports an actor that is one of the clause's own debtors
// ([ErrUnboundDebtor]): every debtor's instance evaluates the condition,
// and each would answer for that one debtor's act.
func (v *validator) eventPattern(path string, p Pattern) {
	v.pattern(path, p)
	c := v.holder
	if !several(c) || v.slot != "fulfilment" && v.slot != "violation" || !isDebtor(c, p.Actor) {
		return
	}
	v.add(field(path, "actor"), ErrUnboundDebtor, "actor "+quote(string(p.Actor))+" is one of the debtors the clause "+
		"binds severally: each debtor's instance would answer for "+quote(string(p.Actor))+"'s act; write "+
		quote(string(Debtor))+" for the instance's own debtor")
}

// patternParty checks a party a pattern names: a declared party, or a
// placeholder where one may stand (see validator.placeholder).
func (v *validator) patternParty(path string, id PartyID) {
	if id.IsPlaceholder() {
		v.placeholder(path, id)
		return
	}
	v.party(path, id, false)
}

// placeholder checks a placeholder ([Debtor] or [Creditor]) at path: it
// stands only in a clause's action, conditions and grant, and names a
// debtor or creditor the clause has.
func (v *validator) placeholder(path string, id PartyID) {
	c := v.holder
	switch {
	case c == nil:
		v.add(path, ErrInvalidValue, "placeholder "+quote(string(id))+" stands only in a clause's action, "+
			"conditions and grant, where the clause says whom it names")
	case id == Debtor && len(c.Debtors) == 0:
		v.add(path, ErrInconsistent, "placeholder "+quote(string(id))+" in a clause with no debtors")
	case id == Creditor && len(c.Creditors) == 0:
		v.add(path, ErrInconsistent, "placeholder "+quote(string(id))+" in a clause with no creditors")
	}
}

// debtorOf checks the debtor d whose instance of the clause r a condition
// reads ([ClauseInFor], [BreachFilter].Debtor): "" (any instance), a
// declared party that is a debtor of r, or [Debtor] in a clause every
// debtor of which is a debtor of r.
func (v *validator) debtorOf(path string, d PartyID, r Ref) {
	switch {
	case d == "":
		return
	case d == Creditor:
		v.add(path, ErrInvalidValue, "an instance is read by its debtor or "+quote(string(Debtor))+", not "+quote(string(Creditor)))
		return
	case d == Debtor:
		v.placeholder(path, d)
	case v.anyParty:
		v.partyRef(path, d, false)
		return
	case !v.parties[d]:
		v.add(path, ErrUnknownParty, unknownID(v, "party", d, v.parties))
		return
	}
	t, ok := v.resolve(r)
	if !ok {
		return
	}
	if d != Debtor {
		if !isDebtor(t, d) {
			v.add(path, ErrInconsistent, quote(string(d))+" is not a debtor of "+quote(r.String())+
				", so it has no instance of it")
		}
		return
	}
	if v.holder == nil {
		return
	}
	for _, cd := range v.holder.Debtors {
		if cd != "" && !isDebtor(t, cd) {
			v.add(path, ErrInconsistent, quote(string(Debtor))+" names each debtor of this clause, and "+
				quote(string(cd))+" is not a debtor of "+quote(r.String()))
		}
	}
}

func (v *validator) states(path string, ss []State, clause bool) {
	if len(ss) == 0 {
		v.add(path, ErrMissing, "no states")
	}
	for i, s := range ss {
		switch {
		case clause && !s.IsClauseState():
			v.add(idx(path, i), ErrInvalidValue, quote(s.String())+" is not a clause state")
		case !clause && !s.IsAgreementState():
			v.add(idx(path, i), ErrInvalidValue, quote(s.String())+" is not an agreement state")
		}
	}
}

// MaxDepth is the deepest nesting of conditions that validation accepts.
const MaxDepth = 1000

// oversizeChecked is how many nodes of a condition over [MaxConditionSize]
// validation checks, in walk order, besides reporting its size: enough to
// reach and report a nesting deeper than [MaxDepth] along the first path.
const oversizeChecked = 10 * MaxDepth

// condition checks the condition in the slot at path: its size (see
// [MaxConditionSize]), counted at most to the bound, then its nodes. The
// nodes of a condition over the bound are checked only as far as the
// first oversizeChecked of them, in walk order, so that a hand-built
// condition whose shared operands make more paths than can be walked is
// still checked in little time.
func (v *validator) condition(path string, c Condition) {
	v.budget = MaxConditionSize
	if conditionSize(c, MaxConditionSize) > MaxConditionSize {
		v.add(path, ErrInvalidValue, "condition of more than "+itoa(MaxConditionSize)+
			" nodes (a shared operand counts once per place it occurs)")
		v.budget = oversizeChecked
	}
	v.conditionAt(path, c, 1)
}

func (v *validator) conditionAt(path string, c Condition, depth int) {
	if v.budget--; v.budget < 0 {
		return
	}
	if depth > MaxDepth {
		v.add(path, ErrInvalidValue, "condition nested more than "+itoa(MaxDepth)+" deep")
		return
	}
	if isNil(c) {
		v.add(path, ErrMissing, "missing condition")
		return
	}
	switch c := c.(type) {
	default:
		v.add(path, ErrInvalidValue, "unsupported condition type: build conditions with this package's constructors")
	case *HappenedCondition:
		v.eventPattern(field(path, "happened"), c.pattern)
	case *HoldsCondition:
		switch {
		case v.anyParty:
			if !c.fluent.Valid() {
				v.add(field(path, "holds"), ErrInvalidID, "invalid fluent id "+quote(string(c.fluent)))
			}
		case !v.fluents[c.fluent]:
			v.add(field(path, "holds"), ErrUnknownFluent, unknownID(v, "fluent", c.fluent, v.fluents))
		}
	case *ClauseInCondition:
		v.ref(field(field(path, "clauseIn"), "clause"), c.ref, false)
		v.debtorOf(field(field(path, "clauseIn"), "debtor"), c.debtor, c.ref)
		v.states(field(field(path, "clauseIn"), "states"), c.states, true)
	case *AgreementInCondition:
		p := field(path, "agreementIn")
		if c.agreement != "" {
			v.ref(field(p, "agreement"), AgreementRef(c.agreement), true)
		}
		v.states(field(p, "states"), c.states, false)
	case *BeforeCondition:
		v.eventPattern(field(field(path, "before"), "first"), c.first)
		v.eventPattern(field(field(path, "before"), "then"), c.then)
	case *WithinCondition:
		v.eventPattern(field(field(path, "within"), "event"), c.pattern)
		if c.d <= 0 {
			err := ErrInvalidValue
			if c.d < 0 {
				err = ErrNegative
			}
			v.add(field(field(path, "within"), "duration"), err, "window must be positive, not "+FormatDuration(c.d))
		}
	case *SinceCondition:
		v.eventPattern(field(field(path, "since"), "event"), c.pattern)
		if c.d < 0 {
			v.add(field(field(path, "since"), "duration"), ErrNegative, "negative duration "+FormatDuration(c.d))
		}
	case *BreachedCondition:
		v.breached(field(path, "breached"), c)
	case *ClockCondition:
		v.clock(field(path, "clock"), c)
	case *TallyCondition:
		p := field(path, "level")
		if c.sum {
			p = field(path, "total")
		}
		v.eventPattern(field(p, "event"), c.pattern)
		if c.bound == (Bound{}) {
			v.add(field(p, "bound"), ErrMissing, "missing bound: a total or level needs the range it must lie in")
		} else {
			v.bound(field(p, "bound"), c.bound)
		}
	case *AllCondition:
		for i, o := range c.cs {
			v.conditionAt(idx(field(path, "all"), i), o, depth+1)
		}
	case *AnyCondition:
		for i, o := range c.cs {
			v.conditionAt(idx(field(path, "any"), i), o, depth+1)
		}
	case *NotCondition:
		v.conditionAt(field(path, "not"), c.c, depth+1)
	case *AtLeastCondition:
		p := field(path, "atLeast")
		switch {
		case c.k < 0:
			v.add(field(p, "k"), ErrNegative, "negative count "+itoa(c.k))
		case c.k > len(c.cs):
			v.add(field(p, "k"), ErrInvalidValue, "at least "+itoa(c.k)+" of "+itoa(len(c.cs))+" can never hold")
		}
		for i, o := range c.cs {
			v.conditionAt(idx(field(p, "of"), i), o, depth+1)
		}
	}
}

// clock checks a clock atom ([From], [Until], [Between]) at path: a
// bound set, each in [InstantRange], from strictly before until.
func (v *validator) clock(path string, c *ClockCondition) {
	from, until := c.from, c.until
	if from.IsZero() && until.IsZero() {
		v.add(path, ErrMissing, "a clock condition needs from, until or both")
		return
	}
	if !from.IsZero() {
		v.instant(field(path, "from"), from)
	}
	if !until.IsZero() {
		v.instant(field(path, "until"), until)
	}
	if !from.IsZero() && !until.IsZero() && !from.Before(until) {
		v.add(field(path, "until"), ErrInconsistent, "until "+until.UTC().Format(time.RFC3339Nano)+
			" is not after from "+from.UTC().Format(time.RFC3339Nano)+": the interval [from, until) is empty")
	}
}

// breached checks a [Breached] atom at path: a standing clause, at least
// one breach, a window that is not negative, and a filter's reporter,
// attribution and debtor as patterns and [ClauseInFor] have them.
func (v *validator) breached(path string, c *BreachedCondition) {
	cp := field(path, "clause")
	v.ref(cp, c.ref, false)
	if t, ok := v.resolve(c.ref); ok && !t.Standing {
		v.add(cp, ErrNotStanding, "clause "+quote(c.ref.String())+" is not standing: it records no breaches to count")
	}
	switch {
	case c.k < 0:
		v.add(field(path, "atLeast"), ErrNegative, "negative count "+itoa(c.k))
	case c.k == 0:
		v.add(field(path, "atLeast"), ErrInvalidValue, "count 0: at least one breach is needed")
	}
	f := c.filter
	if f.Within < 0 {
		v.add(field(path, "within"), ErrNegative, "negative duration "+FormatDuration(f.Within))
	}
	v.patternParty(field(path, "reporter"), f.Reporter)
	if !f.Attribution.Valid() {
		v.add(field(path, "attribution"), ErrInvalidValue, "unknown attribution "+f.Attribution.String())
	}
	v.debtorOf(field(path, "debtor"), f.Debtor, c.ref)
}

// ClauseDependencies returns the clauses whose states c's conditions read
// (through [ClauseIn], [ClauseInFor] and [Breached]), resolved against
// home, in order of first mention and without repeats: its four condition
// slots, then the anchors (From) of its deadline and expiry, which count
// from the first instant their condition holds. It reads each condition as
// [Walk] does: at most [MaxConditionSize] nodes of it.
func ClauseDependencies(c Clause, home AgreementID) []Ref {
	var out []Ref
	seen := map[Ref]bool{}
	for _, nc := range clauseConditions(&c) {
		Walk(nc.Condition, func(n Condition) bool {
			var r Ref
			switch n := n.(type) {
			case *ClauseInCondition:
				r = n.ref.Resolve(home)
			case *BreachedCondition:
				r = n.ref.Resolve(home)
			default:
				return true
			}
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
			return true
		})
	}
	return out
}

// clauseConditions returns every condition of c with the path of its slot
// in the clause, nil ones included: the four of [Clause.Conditions], then
// the anchors of its deadline and expiry ("deadline.from", "expiry.from").
func clauseConditions(c *Clause) []NamedCondition {
	cs := c.Conditions()
	return append(cs[:], NamedCondition{"deadline.from", c.Deadline.From}, NamedCondition{"expiry.from", c.Expiry.From})
}

// cycles reports dependency cycles: for every strongly connected set of
// clauses that holds a cycle, once, the first cycle a depth-first search
// meets in it (its first back edge), at the path of the clause the edge
// returns to. The message names at most maxCycleNames clauses of the cycle
// and counts the others, so that it stays short however long the cycle.
// Both searches are iterative, so that no number of clauses exhausts the
// stack, and take time linear in the number of clauses and dependencies.
func (v *validator) cycles(all []Agreement, prefix func(int) string) {
	type node struct {
		path string
		deps []int // indices into nodes, dangling references left out
	}
	index := map[Ref]int{}
	var nodes []node
	var refs []Ref
	for i := range all {
		a := &all[i]
		for j := range a.Clauses {
			r := QualifiedRef(a.ID, a.Clauses[j].ID)
			if _, dup := index[r]; dup {
				continue
			}
			index[r] = len(nodes)
			nodes = append(nodes, node{path: idx(field(prefix(i), "clauses"), j)})
			refs = append(refs, r)
		}
	}
	// Resolve dependencies once every clause has its index; a dangling
	// reference is reported elsewhere.
	k := 0
	for i := range all {
		a := &all[i]
		for j := range a.Clauses {
			r := QualifiedRef(a.ID, a.Clauses[j].ID)
			if index[r] != k || refs[k] != r {
				continue // a duplicate id: its first clause stands for it
			}
			for _, d := range ClauseDependencies(a.Clauses[j], a.ID) {
				if di, ok := index[d]; ok {
					nodes[k].deps = append(nodes[k].deps, di)
				}
			}
			k++
		}
	}
	comp := components(len(nodes), func(n int) []int { return nodes[n].deps })

	const (
		white = iota
		grey
		black
	)
	colour := make([]int8, len(nodes))
	reported := map[int]bool{}
	type frame struct{ n, next int }
	var stack []frame
	for root := range nodes {
		if colour[root] != white {
			continue
		}
		colour[root] = grey
		stack = append(stack[:0], frame{n: root})
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next == len(nodes[f.n].deps) {
				colour[f.n] = black
				stack = stack[:len(stack)-1]
				continue
			}
			d := nodes[f.n].deps[f.next]
			f.next++
			switch colour[d] {
			case white:
				colour[d] = grey
				stack = append(stack, frame{n: d})
			case grey:
				if reported[comp[d]] {
					continue
				}
				reported[comp[d]] = true
				start := len(stack) - 1
				for stack[start].n != d {
					start--
				}
				cycle := make([]Ref, 0, len(stack)-start)
				for _, s := range stack[start:] {
					cycle = append(cycle, refs[s.n])
				}
				v.add(nodes[d].path, ErrCycle, "dependency cycle "+v.cycleText(cycle))
			}
		}
	}
}

// maxCycleNames is the most clauses a cycle's message names.
const maxCycleNames = 8

// cycleText writes the cycle through the clauses of cycle, back to the
// first: "A -> B -> A"; for a long one, the first clauses, "...", the last
// and the first again, and how many it leaves out.
func (v *validator) cycleText(cycle []Ref) string {
	var b strings.Builder
	n := len(cycle)
	for i, r := range cycle {
		if n > maxCycleNames && i == maxCycleNames-1 {
			b.WriteString("... -> ")
			b.WriteString(v.name(cycle[n-1]))
			b.WriteString(" -> ")
			break
		}
		b.WriteString(v.name(r))
		b.WriteString(" -> ")
	}
	b.WriteString(v.name(cycle[0]))
	if n > maxCycleNames {
		b.WriteString(" (" + itoa(n) + " clauses; " + itoa(n-maxCycleNames) + " more not named)")
	}
	return b.String()
}

// components returns, for each of the n nodes of a graph whose edges deps
// gives, the number of its strongly connected component (Tarjan's
// algorithm, without recursion).
func components(n int, deps func(int) []int) []int {
	const unvisited = -1
	index := make([]int, n)
	low := make([]int, n)
	comp := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = unvisited
	}
	var sccStack []int
	type frame struct{ n, next int }
	var call []frame
	counter, ncomp := 0, 0
	for root := range n {
		if index[root] != unvisited {
			continue
		}
		call = append(call[:0], frame{n: root})
		index[root], low[root] = counter, counter
		counter++
		sccStack = append(sccStack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			ds := deps(f.n)
			if f.next < len(ds) {
				d := ds[f.next]
				f.next++
				switch {
				case index[d] == unvisited:
					index[d], low[d] = counter, counter
					counter++
					sccStack = append(sccStack, d)
					onStack[d] = true
					call = append(call, frame{n: d})
				case onStack[d]:
					low[f.n] = min(low[f.n], index[d])
				}
				continue
			}
			u := f.n
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].n
				low[p] = min(low[p], low[u])
			}
			if low[u] == index[u] {
				for {
					w := sccStack[len(sccStack)-1]
					sccStack = sccStack[:len(sccStack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == u {
						break
					}
				}
				ncomp++
			}
		}
	}
	return comp
}

// name writes a resolved ref short when it is in a single-agreement scope.
func (v *validator) name(r Ref) string {
	if len(v.clauses) == 1 {
		return string(r.Clause)
	}
	return r.String()
}
