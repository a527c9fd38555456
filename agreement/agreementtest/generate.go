package agreementtest

import (
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// Scope is what a drawn [Condition] or [Pattern] may name. Every name in it
// must resolve in the agreement (or process) that will hold the drawn value;
// the generators never name anything else. The zero Scope names nothing:
// patterns then filter on kind, any area, attribution, item and measure only,
// and conditions use the atoms that need no names (Happened, Before,
// Within, Since, Total, Level, the clock conditions, and AgreementIn of the
// holder). A Scope is
// read, never modified.
type Scope struct {
	// Parties may appear as an event pattern's actor, target or reporter.
	Parties []agreement.PartyID
	// Groups may appear as an event pattern's group.
	Groups []agreement.GroupID
	// Fluents may appear in Holds.
	Fluents []agreement.FluentID
	// Depends are the clauses a ClauseIn atom may read. Reading a clause's
	// state is a dependency: to keep an agreement free of cycles, list only
	// clauses that do not themselves depend, directly or not, on the clause
	// that will hold the condition. With no Depends, ClauseIn is never drawn.
	Depends []agreement.Ref
	// Mentions are the clauses and agreements an event pattern's Clause
	// filter may name. A mention is not a dependency.
	Mentions []agreement.Ref
	// Agreements may be named by AgreementIn, besides the holder itself
	// (written ""), which is always allowed.
	Agreements []agreement.AgreementID
	// Areas may appear as an event pattern's area filter. With none, any
	// well-formed area id may, which only an agreement without territory
	// accepts.
	Areas []agreement.AreaID
	// ItemClasses may appear as an event pattern's item class.
	ItemClasses []agreement.ItemClassID
	// Standing are the standing clauses ([agreement.Clause.Standing]) a
	// Breached atom may count. Counting a clause's breaches is a dependency,
	// as reading its state is: list only clauses that Depends could list.
	// With no Standing, Breached is never drawn.
	Standing []agreement.Ref
	// DebtorsOf gives the debtors of clauses of Depends and Standing, keyed
	// by the reference as written there. ClauseInFor (rather than ClauseIn)
	// and a Breached filter on one debtor are drawn only for a clause it
	// lists, naming one of its debtors that Parties also holds, or
	// [agreement.Debtor] when every debtor in HolderDebtors is one of its
	// debtors.
	DebtorsOf map[agreement.Ref][]agreement.PartyID
	// HolderDebtors and HolderCreditors are the debtors and creditors of
	// the clause that will hold the drawn value (its action, a condition or
	// a permission's grant). With debtors, event patterns may name the
	// placeholder [agreement.Debtor] as actor, target or reporter; with
	// creditors, [agreement.Creditor]. Leave both empty for a fluent's
	// patterns and the entry-into-force condition, which may name neither.
	HolderDebtors   []agreement.PartyID
	HolderCreditors []agreement.PartyID
}

func (s Scope) clone() Scope {
	return Scope{
		Parties:    slices.Clone(s.Parties),
		Groups:     slices.Clone(s.Groups),
		Fluents:    slices.Clone(s.Fluents),
		Depends:    slices.Clone(s.Depends),
		Mentions:   slices.Clone(s.Mentions),
		Agreements: slices.Clone(s.Agreements),
		Areas:      slices.Clone(s.Areas),

		ItemClasses:     slices.Clone(s.ItemClasses),
		Standing:        slices.Clone(s.Standing),
		DebtorsOf:       cloneDebtorsOf(s.DebtorsOf),
		HolderDebtors:   slices.Clone(s.HolderDebtors),
		HolderCreditors: slices.Clone(s.HolderCreditors),
	}
}

func cloneDebtorsOf(m map[agreement.Ref][]agreement.PartyID) map[agreement.Ref][]agreement.PartyID {
	if m == nil {
		return nil
	}
	out := maps.Clone(m)
	for r, ds := range out {
		out[r] = slices.Clone(ds)
	}
	return out
}

// Agreement returns a generator of agreements that are valid by
// construction: [agreement.Agreement.Validate] returns nil for every one.
// Sizes are bounded by cfg (the zero Config means [DefaultConfig]).
//
// A drawn agreement has one or more parties with unique ids, kinds and
// distinct roles; groups whose members are parties; fluents initiated and
// terminated by event patterns; signatures by parties; sometimes required
// signatories (distinct parties); a PA-X stage and sub-stage that agree; a
// signing status; sometimes a zone (UTC, a fixed offset or a zone database
// name); an optional entry-into-force condition and an optional instant of
// entry into force (an instant, a period after signing or after a
// ratification, sometimes rounded to a local day); clauses of every deontic
// kind; and, unless cfg.Areas is
// negative, sometimes a territory (as [Territory] draws them, declaring
// every area its event patterns name and up to cfg.Areas more) with
// territorial options (as [Package] draws them). Clauses have several or
// joint debtors, creditors, optional actions, quantity ranges (min <= max,
// exact decimals, optional wording), deadlines and expiries, and
// conditions of bounded depth that use every node type. A deadline or
// expiry is a positive duration, a small calendar period (days, weeks,
// months, years, sometimes with hours), an absolute instant in UTC between
// 2000 and 2040, an anchor (an event, a clause's state the clause may read,
// an agreement's state, or a shallow condition) or a duration or period
// from an anchor; sometimes rounded to the start or end of a local day and
// sometimes exclusive; an obligation's fixed deadline (an instant or an
// anchor) sometimes binds unconditionally. Some obligations recur instead
// of having a deadline: every period (from their entry into effect or from
// an instant, due within a period or when the next occurrence starts), or
// at each event matching a pattern, within a period. Some clauses are
// provisional (never surviving as well), some declare a zone of their own,
// and ClauseIn atoms name every clause state, Lapsed included. Some
// agreements and clauses have a term ([agreement.Term]: a first period of a
// week to five years, on the calendar or exact, mostly renewed, for the
// same period or another, a limited number of times or not, sometimes with
// a period of notice, which may be longer than the term); a clause with a
// term has no expiry. Some clauses defer the acts of a suspension
// ([agreement.SuspensionDefers]). Powers have every effect: suspend powers
// name a paired resume power, notice powers aim at agreements and clauses
// that have a term, the other powers target other clauses or the
// agreement; suspend, terminate and notice powers are sometimes aimed at
// one party's participation in an agreement (a single agreement target,
// with a TargetDebtor). A clause reads (with ClauseIn,
// ClauseInFor or Breached) only clauses drawn before it, and the clause
// order is then shuffled, so there is never a dependency cycle but
// dependencies point both ways in the list. Only local and self-qualified
// references are drawn.
//
// Less often, so that the constructs above keep their share of the draws,
// an agreement also has item classes (named items, or a rule of bounds) that
// patterns and quantity ranges name, and its clauses use the rest of the
// language: patterns filtering on an item, an item class or a measured
// quantity ([agreement.Bound]: every bound on one quantity name is in units
// of one dimension), the placeholders [agreement.Debtor] and
// [agreement.Creditor] in a clause's own patterns (never in fluents or the
// entry-into-force condition), Total and Level tallies, standing
// obligations (with a violation condition) and prohibitions (with no
// deadline) whose breaches Breached counts, automatic powers (with a
// fulfilment condition), powers limited to one debtor's instance of their
// targets (TargetDebtor, a debtor of every target or the placeholder), and
// permissions relaxing prohibitions that have an action and no violation
// condition, with a grant pattern, a number of acts covered and a cover
// window. A clause binding several debtors severally never names one of them
// as the actor of an event in its fulfilment or violation condition.
//
// The generator is safe for concurrent use and never panics. Values drawn
// share no slices with one another; their conditions are immutable.
func Agreement(cfg Config) *rapid.Generator[agreement.Agreement] {
	cfg = cfg.normalised()
	return rapid.Custom(func(t *rapid.T) agreement.Agreement {
		id := drawIDs[agreement.AgreementID](t, "agreement-id", 1, agreementPool, nameGen)[0]
		plans := []plan{drawPlan(t, cfg, id)}
		return fill(t, cfg, plans, 0)
	})
}

// Process returns a generator of processes that are valid by construction:
// [agreement.Process.Validate] returns nil for every one. A process has one
// to cfg.Agreements instruments with unique ids, each drawn as by
// [Agreement], with qualified cross-references between them: ClauseIn atoms
// reading another instrument's clauses ("other/C1", only of instruments
// earlier in the list, so the process stays free of cycles), AgreementIn
// atoms naming any instrument, powers targeting clauses of other
// instruments, and event patterns mentioning them.
//
// The generator is safe for concurrent use and never panics.
func Process(cfg Config) *rapid.Generator[agreement.Process] {
	cfg = cfg.normalised()
	return rapid.Custom(func(t *rapid.T) agreement.Process {
		n := rapid.IntRange(1, cfg.Agreements).Draw(t, "agreements")
		ids := drawIDs[agreement.AgreementID](t, "agreement-id", n, agreementPool, nameGen)
		plans := make([]plan, n)
		for i := range plans {
			plans[i] = drawPlan(t, cfg, ids[i])
		}
		p := agreement.Process{Title: textGen.Draw(t, "process-title")}
		for i := range plans {
			p.Agreements = append(p.Agreements, fill(t, cfg, plans, i))
		}
		return p
	})
}

// Condition returns a generator of conditions that name only what s allows
// and nest combinators at most depth deep (a negative depth means atoms
// only). Every node type can be drawn: Happened, Holds (when s has
// fluents), ClauseIn and ClauseInFor (when s has Depends), Breached (when s
// has Standing), AgreementIn, Before, Within, Since, Total, Level, the
// clock conditions From, Until and Between (from strictly before until),
// All, Any, Not and AtLeast (with 0 <= k <= operands). ClauseIn and AgreementIn have
// one or more states of the right sort; Within windows are positive and
// Since durations non-negative; Breached counts at least one breach;
// Total and Level have a bound with a unit. The generator copies s; it is
// safe for concurrent use and never panics.
func Condition(s Scope, depth int) *rapid.Generator[agreement.Condition] {
	s = s.clone()
	return rapid.Custom(func(t *rapid.T) agreement.Condition {
		return drawCondition(t, &s, depth)
	})
}

// Pattern returns a generator of event patterns whose filters name only what
// s allows. The kind is a well-known [agreement.EventKind] or a custom one;
// each filter is set or not; the item, item class and measure filters
// less often than the others. The generator copies s; it is safe for
// concurrent use and never panics.
func Pattern(s Scope) *rapid.Generator[agreement.Pattern] {
	s = s.clone()
	return rapid.Custom(func(t *rapid.T) agreement.Pattern {
		return drawPattern(t, &s)
	})
}

// plan is the skeleton of one agreement, drawn before any agreement of a
// process is filled in, so that references can name what comes later.
type plan struct {
	id      agreement.AgreementID
	parties []agreement.PartyID
	groups  []agreement.GroupID
	fluents []agreement.FluentID
	// clauses in dependency order: clause i reads only clauses before it.
	clauses []agreement.ClauseID
	kinds   []agreement.Deontic
	effects []agreement.Effect
	// resumer[i] is the index of the resume power paired with the suspend
	// power i, and -1 for any other clause.
	resumer []int
	// debtors[i] and joint[i] are clause i's debtors and whether it binds
	// them jointly.
	debtors [][]agreement.PartyID
	joint   []bool
	// standing[i] is whether clause i (an obligation or a prohibition) is
	// standing.
	standing []bool
	// relaxable[i] is whether clause i is a prohibition with an action and
	// no violation condition, which a permission may relax.
	relaxable []bool
	// classes are the ids of the agreement's item classes.
	classes []agreement.ItemClassID
	// term is the agreement's term and terms[i] clause i's, the zero Term
	// for none; they are drawn with the plan, so that a notice power
	// drawn before the instruments it aims at knows which have a term.
	term  agreement.Term
	terms []agreement.Term
}

func drawPlan(t *rapid.T, cfg Config, id agreement.AgreementID) plan {
	p := plan{id: id}
	p.parties = drawIDs[agreement.PartyID](t, "party-id",
		rapid.IntRange(1, cfg.Parties).Draw(t, "parties"), partyPool, nameGen)
	p.groups = drawIDs[agreement.GroupID](t, "group-id",
		rapid.IntRange(0, cfg.Groups).Draw(t, "groups"), groupPool, nameGen)
	p.fluents = drawIDs[agreement.FluentID](t, "fluent-id",
		rapid.IntRange(0, cfg.Fluents).Draw(t, "fluents"), fluentPool, nameGen)
	n := rapid.IntRange(0, cfg.Clauses).Draw(t, "clauses")
	p.clauses = drawIDs[agreement.ClauseID](t, "clause-id", n, clausePool, nameGen)
	p.term = drawMaybeTerm(t, "agreement-term", 4)
	p.terms = make([]agreement.Term, n)
	for i := range n {
		p.terms[i] = drawMaybeTerm(t, "clause-term", 6)
	}
	p.kinds = make([]agreement.Deontic, n)
	p.effects = make([]agreement.Effect, n)
	p.resumer = make([]int, n)
	for i := 0; i < n; i++ {
		p.resumer[i] = -1
		p.kinds[i] = rapid.SampledFrom(deontics).Draw(t, "deontic")
		if p.kinds[i] != agreement.DeonticPower {
			continue
		}
		effects := []agreement.Effect{agreement.EffectDischarge, agreement.EffectTerminate}
		if i+1 < n {
			effects = append(effects, agreement.EffectSuspend)
		}
		if p.hasTermOther(i) {
			effects = append(effects, agreement.EffectNotice)
		}
		p.effects[i] = rapid.SampledFrom(effects).Draw(t, "effect")
		if p.effects[i] == agreement.EffectSuspend {
			p.resumer[i] = i + 1
			p.resumer[i+1] = -1
			p.kinds[i+1] = agreement.DeonticPower
			p.effects[i+1] = agreement.EffectResume
			i++
		}
	}
	p.debtors = make([][]agreement.PartyID, n)
	p.joint = make([]bool, n)
	p.standing = make([]bool, n)
	p.relaxable = make([]bool, n)
	for i := range n {
		p.debtors[i] = take(t, "debtors", p.parties, 1, 3)
		p.joint[i] = len(p.debtors[i]) >= 2 && rapid.Bool().Draw(t, "joint")
		switch p.kinds[i] {
		case agreement.DeonticObligation:
			p.standing[i] = rapid.IntRange(0, 4).Draw(t, "standing") == 0
		case agreement.DeonticProhibition:
			p.standing[i] = rapid.IntRange(0, 4).Draw(t, "standing") == 0
			p.relaxable[i] = rapid.IntRange(0, 2).Draw(t, "relaxable") == 0
		}
	}
	if rapid.IntRange(0, 2).Draw(t, "has-item-classes") == 0 {
		p.classes = drawIDs[agreement.ItemClassID](t, "item-class-id",
			rapid.IntRange(1, 2).Draw(t, "item-classes"), itemClassPool, nameGen)
	}
	return p
}

// fill draws agreement k of plans in full.
func fill(t *rapid.T, cfg Config, plans []plan, k int) agreement.Agreement {
	pl := plans[k]
	a := agreement.Agreement{
		ID:            pl.id,
		Title:         textGen.Draw(t, "title"),
		Date:          drawMaybeInstant(t, "date"),
		SigningStatus: rapid.SampledFrom(signingStatuses).Draw(t, "signing-status"),
	}
	a.Stage, a.SubStage = drawStage(t)
	a.Zone = drawZone(t, "zone", 3)
	a.Term = pl.term

	for _, id := range pl.parties {
		a.Parties = append(a.Parties, agreement.Party{
			ID:    id,
			Name:  textGen.Draw(t, "party-name"),
			Kind:  rapid.SampledFrom(partyKinds).Draw(t, "party-kind"),
			Roles: take(t, "roles", roles, 0, 3),
		})
	}
	for _, id := range pl.groups {
		a.Groups = append(a.Groups, agreement.Group{
			ID:      id,
			Name:    textGen.Draw(t, "group-name"),
			Members: take(t, "members", pl.parties, 0, len(pl.parties)),
		})
	}

	for _, id := range pl.classes {
		a.ItemClasses = append(a.ItemClasses, drawItemClass(t, id))
	}

	s := Scope{Parties: pl.parties, Groups: pl.groups, Fluents: pl.fluents, Mentions: mentions(plans, k),
		ItemClasses: pl.classes, DebtorsOf: debtorsOf(plans, k)}
	for _, q := range plans {
		s.Agreements = append(s.Agreements, q.id)
	}

	for _, id := range pl.fluents {
		f := agreement.Fluent{ID: id, Initially: rapid.Bool().Draw(t, "initially")}
		for range rapid.IntRange(0, 2).Draw(t, "initiates") {
			f.Initiates = append(f.Initiates, drawPattern(t, &s))
		}
		for range rapid.IntRange(0, 2).Draw(t, "terminates") {
			f.Terminates = append(f.Terminates, drawPattern(t, &s))
		}
		a.Fluents = append(a.Fluents, f)
	}
	for range rapid.IntRange(0, len(pl.parties)).Draw(t, "signatures") {
		a.Signatures = append(a.Signatures, agreement.Signature{
			Party:     rapid.SampledFrom(pl.parties).Draw(t, "signatory-party"),
			Signatory: textGen.Draw(t, "signatory"),
			Capacity:  textGen.Draw(t, "capacity"),
			Date:      drawMaybeInstant(t, "signature-date"),
		})
	}

	if rapid.IntRange(0, 2).Draw(t, "has-signatories") == 0 {
		a.Signatories = take(t, "signatories", pl.parties, 1, len(pl.parties))
	}

	for i := range pl.clauses {
		s.Depends = depends(plans, k, i)
		s.Standing = standingIn(plans, k, s.Depends)
		a.Clauses = append(a.Clauses, drawClause(t, cfg, &s, plans, k, i))
	}
	survivingResumers(&a)
	if len(a.Clauses) > 1 {
		a.Clauses = rapid.Permutation(a.Clauses).Draw(t, "clause-order")
	}

	if rapid.Bool().Draw(t, "has-entry-into-force") {
		// The entry-into-force condition is not a clause: it may read any.
		s.Depends = nil
		for _, q := range plans {
			s.Depends = append(s.Depends, clauseRefs(q, pl.id, len(q.clauses))...)
		}
		s.Standing = standingIn(plans, k, s.Depends)
		a.EntryIntoForce = drawCondition(t, &s, cfg.Depth)
	}
	a.InForceAt = drawInForceAt(t, &s)

	// The territory comes last, so that it declares every area the
	// patterns drawn above name.
	if cfg.Areas >= 0 && rapid.Bool().Draw(t, "has-territory") {
		drawTerritoryFor(t, cfg, &a, pl.parties)
	}
	return a
}

func drawClause(t *rapid.T, cfg Config, s *Scope, plans []plan, k, i int) agreement.Clause {
	pl := plans[k]
	c := agreement.Clause{
		ID:       pl.clauses[i],
		Text:     textGen.Draw(t, "text"),
		Source:   drawSource(t),
		Kind:     pl.kinds[i],
		Force:    rapid.SampledFrom(forces).Draw(t, "force"),
		Category: drawCategory(t),
	}
	c.Debtors = slices.Clone(pl.debtors[i])
	c.Joint = pl.joint[i]
	c.Creditors = take(t, "creditors", pl.parties, 0, 3)
	c.Standing = pl.standing[i]
	// The clause's own patterns may name its debtor and creditor by
	// placeholder.
	own := *s
	own.HolderDebtors, own.HolderCreditors = c.Debtors, c.Creditors
	s = &own
	// A clause binding several debtors severally is fulfilled or violated
	// by each debtor's instance on its own: its fulfilment and violation
	// name the acting debtor as Debtor, never one of them by id.
	ends := own
	if len(c.Debtors) >= 2 && !c.Joint {
		ends.Parties = slices.DeleteFunc(slices.Clone(own.Parties), func(p agreement.PartyID) bool {
			return slices.Contains(c.Debtors, p)
		})
	}
	if pl.relaxable[i] || rapid.Bool().Draw(t, "has-action") {
		p := drawPattern(t, s)
		c.Action = &p
	}
	for range rapid.IntRange(0, 2).Draw(t, "quantities") {
		c.Quantities = append(c.Quantities, drawRangeIn(t, s.ItemClasses))
	}
	c.Trigger = drawMaybeCondition(t, "trigger", s, cfg.Depth)
	c.Antecedent = drawMaybeCondition(t, "antecedent", s, cfg.Depth)
	if c.Kind != agreement.DeonticPower {
		c.Fulfilment = drawMaybeCondition(t, "fulfilment", &ends, cfg.Depth)
	} else if rapid.IntRange(0, 3).Draw(t, "automatic") == 0 {
		// An automatic power, exercised the moment its fulfilment holds.
		c.Fulfilment = drawCondition(t, &ends, cfg.Depth)
	}
	// A clause with a term has no expiry: its term ends it.
	c.Term = pl.terms[i]
	if c.Term.IsZero() {
		c.Expiry = drawLimit(t, "expiry", s, useExpiry, cfg.Depth)
	}
	c.DuringSuspension = drawSuspensionRule(t)
	switch c.Kind {
	case agreement.DeonticObligation:
		switch {
		case c.Standing:
		case rapid.IntRange(0, 3).Draw(t, "recurs") == 0:
			// A recurring duty: each occurrence has its own due instant.
			c.Recurs = drawRecurrence(t, s)
		default:
			c.Deadline = drawLimit(t, "deadline", s, useDeadline, cfg.Depth)
		}
		c.Violation = drawMaybeCondition(t, "violation", &ends, cfg.Depth)
		if c.Action == nil && c.Fulfilment == nil {
			c.Fulfilment = drawCondition(t, &ends, cfg.Depth)
		}
		if c.Standing && c.Violation == nil {
			c.Violation = drawCondition(t, &ends, cfg.Depth)
		}
	case agreement.DeonticProhibition:
		if !pl.relaxable[i] {
			c.Violation = drawMaybeCondition(t, "violation", &ends, cfg.Depth)
		}
		if c.Action == nil && c.Violation == nil {
			c.Violation = drawCondition(t, &ends, cfg.Depth)
		}
	case agreement.DeonticPermission:
		drawRelaxes(t, s, &c, plans, k)
	case agreement.DeonticPower:
		c.Effect = pl.effects[i]
		if c.Effect != agreement.EffectResume {
			self := agreement.QualifiedRef(pl.id, c.ID)
			var targets []agreement.Ref
			for _, r := range s.Mentions {
				if r.Resolve(pl.id) != self && !(r.IsAgreement() && c.Effect == agreement.EffectDischarge) {
					targets = append(targets, r)
				}
			}
			if c.Effect == agreement.EffectNotice {
				// A notice is given against a term: only instruments
				// with one are aimed at.
				targets = noticeTargets(plans, k, targets)
				if len(targets) == 0 {
					c.Effect = agreement.EffectTerminate
				}
			}
			if len(targets) == 0 {
				// Only agreements to aim at (or, for a notice, none with
				// a term): they are terminated, not discharged.
				c.Effect = agreement.EffectTerminate
				for _, r := range s.Mentions {
					if r.Resolve(pl.id) != self {
						targets = append(targets, r)
					}
				}
			}
			c.Targets = take(t, "targets", targets, 1, 3)
			if !drawParticipation(t, &c, plans, k) {
				c.TargetDebtor = drawTargetDebtor(t, &c, plans, k)
			}
		}
		if j := pl.resumer[i]; j >= 0 {
			c.ResumedBy = pl.clauses[j]
		}
	}
	// A provisional clause applies before entry into force; a surviving
	// one outlives the agreement: never both.
	if rapid.IntRange(0, 4).Draw(t, "provisional") == 0 {
		c.Provisional = true
	} else {
		c.Surviving = rapid.Bool().Draw(t, "surviving")
	}
	c.Zone = drawZone(t, "clause-zone", 6)
	return c
}

// clauseRefs returns references to the first n clauses of q as written in
// agreement home: both the local and the self-qualified form for home's own
// clauses, the qualified form for others'.
func clauseRefs(q plan, home agreement.AgreementID, n int) []agreement.Ref {
	var out []agreement.Ref
	for _, id := range q.clauses[:n] {
		if q.id == home {
			out = append(out, agreement.LocalRef(id))
		}
		out = append(out, agreement.QualifiedRef(q.id, id))
	}
	return out
}

// depends returns what clause i of plans[k] may read: the clauses before it
// in its own agreement and every clause of earlier agreements.
func depends(plans []plan, k, i int) []agreement.Ref {
	var out []agreement.Ref
	for m := range k {
		out = append(out, clauseRefs(plans[m], plans[k].id, len(plans[m].clauses))...)
	}
	return append(out, clauseRefs(plans[k], plans[k].id, i)...)
}

// mentions returns every clause and agreement of the process, as written in
// plans[k].
func mentions(plans []plan, k int) []agreement.Ref {
	var out []agreement.Ref
	for _, q := range plans {
		out = append(out, clauseRefs(q, plans[k].id, len(q.clauses))...)
		out = append(out, agreement.AgreementRef(q.id))
	}
	return out
}

// The node types of the condition language, in the order drawCondition
// numbers them: atoms first, then combinators.
const (
	nodeHappened = iota
	nodeHolds
	nodeClauseIn
	nodeAgreementIn
	nodeBefore
	nodeWithin
	nodeSince
	nodeBreached
	nodeTally
	nodeClock
	nodeAll
	nodeAny
	nodeNot
	nodeAtLeast
	nodeTypes
	atomTypes = nodeAll
)

func drawMaybeCondition(t *rapid.T, label string, s *Scope, depth int) agreement.Condition {
	if !rapid.Bool().Draw(t, "has-"+label) {
		return nil
	}
	return drawCondition(t, s, depth)
}

func drawCondition(t *rapid.T, s *Scope, depth int) agreement.Condition {
	n := atomTypes
	if depth > 0 {
		n = nodeTypes
	}
	node := rapid.IntRange(0, n-1).Draw(t, "node")
	switch {
	case node == nodeHolds && len(s.Fluents) == 0,
		node == nodeClauseIn && len(s.Depends) == 0,
		node == nodeBreached && len(s.Standing) == 0:
		node = nodeHappened
	}
	operands := func(lo int) []agreement.Condition {
		var cs []agreement.Condition
		for range rapid.IntRange(lo, 3).Draw(t, "operands") {
			cs = append(cs, drawCondition(t, s, depth-1))
		}
		return cs
	}
	switch node {
	case nodeHappened:
		return agreement.Happened(drawPattern(t, s))
	case nodeHolds:
		return agreement.Holds(rapid.SampledFrom(s.Fluents).Draw(t, "fluent"))
	case nodeClauseIn:
		return drawClauseIn(t, s)
	case nodeBreached:
		ref := rapid.SampledFrom(s.Standing).Draw(t, "standing-clause")
		var f agreement.BreachFilter
		if rapid.IntRange(0, 2).Draw(t, "breach-debtor") == 0 {
			f.Debtor = drawInstanceDebtor(t, s, ref)
		}
		if rapid.IntRange(0, 2).Draw(t, "breach-within") == 0 {
			f.Within = drawPositiveDuration(t, "breach-within")
		}
		f.Reporter = optional(t, "breach-reporter", s.Parties)
		f.Attribution = rapid.SampledFrom(attributions).Draw(t, "breach-attribution")
		return agreement.Breached(ref, rapid.IntRange(1, 3).Draw(t, "breaches"), f)
	case nodeTally:
		p, b := drawPattern(t, s), drawBound(t, true)
		if rapid.Bool().Draw(t, "total") {
			return agreement.Total(p, b)
		}
		return agreement.Level(p, b)
	case nodeAgreementIn:
		return drawAgreementIn(t, s)
	case nodeClock:
		return drawClock(t)
	case nodeBefore:
		return agreement.Before(drawPattern(t, s), drawPattern(t, s))
	case nodeWithin:
		return agreement.Within(drawPattern(t, s), drawPositiveDuration(t, "window"))
	case nodeSince:
		d := time.Duration(0)
		if rapid.Bool().Draw(t, "since-delay") {
			d = drawPositiveDuration(t, "since")
		}
		return agreement.Since(drawPattern(t, s), d)
	case nodeAll:
		return agreement.All(operands(0)...)
	case nodeAny:
		return agreement.Any(operands(0)...)
	case nodeNot:
		return agreement.Not(drawCondition(t, s, depth-1))
	default:
		cs := operands(0)
		return agreement.AtLeast(rapid.IntRange(0, len(cs)).Draw(t, "k"), cs...)
	}
}

// drawClauseIn draws a ClauseIn (or ClauseInFor) atom reading a clause of
// s.Depends, which must not be empty.
func drawClauseIn(t *rapid.T, s *Scope) agreement.Condition {
	ref := rapid.SampledFrom(s.Depends).Draw(t, "clause")
	states := rapid.SliceOfN(rapid.SampledFrom(clauseStates), 1, 3).Draw(t, "states")
	if rapid.IntRange(0, 2).Draw(t, "clause-in-for") == 0 {
		if d := drawInstanceDebtor(t, s, ref); d != "" {
			return agreement.ClauseInFor(ref, d, states...)
		}
	}
	return agreement.ClauseIn(ref, states...)
}

// drawAgreementIn draws an AgreementIn atom naming the holder or an
// agreement of s.
func drawAgreementIn(t *rapid.T, s *Scope) agreement.Condition {
	var id agreement.AgreementID
	if len(s.Agreements) > 0 && rapid.Bool().Draw(t, "names-agreement") {
		id = rapid.SampledFrom(s.Agreements).Draw(t, "agreement")
	}
	return agreement.AgreementIn(id, rapid.SliceOfN(rapid.SampledFrom(agreementStates), 1, 3).Draw(t, "states")...)
}

func drawPattern(t *rapid.T, s *Scope) agreement.Pattern {
	p := agreement.Pattern{Kind: drawEventKind(t)}
	parties := s.Parties
	if len(s.HolderDebtors) > 0 {
		parties = append(slices.Clip(parties), agreement.Debtor)
	}
	if len(s.HolderCreditors) > 0 {
		parties = append(slices.Clip(parties), agreement.Creditor)
	}
	p.Actor = optional(t, "actor", parties)
	p.Group = optional(t, "group", s.Groups)
	p.Target = optional(t, "target", parties)
	switch {
	case len(s.Areas) > 0:
		p.Area = optional(t, "area", s.Areas)
	case rapid.Bool().Draw(t, "has-area"):
		p.Area = agreement.AreaID(areaGen.Draw(t, "area"))
	}
	p.Clause = optional(t, "clause", s.Mentions)
	p.Reporter = optional(t, "reporter", parties)
	p.Attribution = rapid.SampledFrom(attributions).Draw(t, "attribution")
	if rapid.IntRange(0, 4).Draw(t, "has-item") == 0 {
		p.Item = rapid.SampledFrom(itemPool).Draw(t, "item")
	}
	if len(s.ItemClasses) > 0 && rapid.IntRange(0, 3).Draw(t, "has-class") == 0 {
		p.Class = rapid.SampledFrom(s.ItemClasses).Draw(t, "class")
	}
	if rapid.IntRange(0, 4).Draw(t, "has-measure") == 0 {
		p.Measure = drawBound(t, true)
	}
	return p
}

// drawInstanceDebtor draws the debtor whose instance of the clause ref a
// ClauseInFor or a Breached filter reads: one of ref's debtors that s
// names as a party, or Debtor when every debtor of the holding clause is
// one of ref's; "" when there is none to draw.
func drawInstanceDebtor(t *rapid.T, s *Scope, ref agreement.Ref) agreement.PartyID {
	ds, ok := s.DebtorsOf[ref]
	if !ok {
		return ""
	}
	var choices []agreement.PartyID
	for _, d := range ds {
		if slices.Contains(s.Parties, d) {
			choices = append(choices, d)
		}
	}
	if len(s.HolderDebtors) > 0 && !slices.ContainsFunc(s.HolderDebtors, func(d agreement.PartyID) bool {
		return !slices.Contains(ds, d)
	}) {
		choices = append(choices, agreement.Debtor)
	}
	if len(choices) == 0 {
		return ""
	}
	return rapid.SampledFrom(choices).Draw(t, "instance-debtor")
}

// debtorsOf returns the debtors of every clause of the process, keyed by
// every reference plans[k] may write for it.
func debtorsOf(plans []plan, k int) map[agreement.Ref][]agreement.PartyID {
	out := map[agreement.Ref][]agreement.PartyID{}
	for _, q := range plans {
		refs := clauseRefs(q, plans[k].id, len(q.clauses))
		per := len(refs) / max(1, len(q.clauses))
		for j, r := range refs {
			out[r] = q.debtors[j/per]
		}
	}
	return out
}

// standingIn returns the references of refs (as written in plans[k]) to
// standing clauses.
func standingIn(plans []plan, k int, refs []agreement.Ref) []agreement.Ref {
	var out []agreement.Ref
	for _, r := range refs {
		if q, j, ok := planClause(plans, k, r); ok && q.standing[j] {
			out = append(out, r)
		}
	}
	return out
}

// planClause finds the clause r (as written in plans[k]) refers to: its
// plan and index.
func planClause(plans []plan, k int, r agreement.Ref) (plan, int, bool) {
	if r.IsAgreement() {
		return plan{}, 0, false
	}
	r = r.Resolve(plans[k].id)
	for _, q := range plans {
		if q.id != r.Agreement {
			continue
		}
		if j := slices.Index(q.clauses, r.Clause); j >= 0 {
			return q, j, true
		}
	}
	return plan{}, 0, false
}

// drawRelaxes sometimes makes the permission c relax prohibitions of the
// process that have an action and no violation condition, with a grant,
// a number of acts covered and a cover window each drawn or not.
func drawRelaxes(t *rapid.T, s *Scope, c *agreement.Clause, plans []plan, k int) {
	var relaxable []agreement.Ref
	for _, q := range plans {
		for j, id := range q.clauses {
			if !q.relaxable[j] {
				continue
			}
			if q.id == plans[k].id && rapid.Bool().Draw(t, "relaxes-local") {
				relaxable = append(relaxable, agreement.LocalRef(id))
			} else {
				relaxable = append(relaxable, agreement.QualifiedRef(q.id, id))
			}
		}
	}
	if len(relaxable) == 0 || rapid.IntRange(0, 2).Draw(t, "relaxes") != 0 {
		return
	}
	c.Relaxes = take(t, "relaxed", relaxable, 1, 2)
	if rapid.Bool().Draw(t, "has-grant") {
		g := drawPattern(t, s)
		c.Grant = &g
	}
	c.Covers = rapid.IntRange(0, 3).Draw(t, "covers")
	if rapid.Bool().Draw(t, "has-cover-window") {
		c.CoverWindow = drawPositiveDuration(t, "cover-window")
	}
}

// drawTargetDebtor sometimes limits the power c, whose targets are drawn,
// to one debtor's instance of each: when every target is a clause binding
// its debtors severally (or having one), a debtor of all of them that c's
// agreement declares, or Debtor.
func drawTargetDebtor(t *rapid.T, c *agreement.Clause, plans []plan, k int) agreement.PartyID {
	if len(c.Targets) == 0 || rapid.IntRange(0, 2).Draw(t, "has-target-debtor") != 0 {
		return ""
	}
	common := slices.Clone(plans[k].parties)
	for _, r := range c.Targets {
		q, j, ok := planClause(plans, k, r)
		if !ok || q.joint[j] {
			return ""
		}
		common = slices.DeleteFunc(common, func(p agreement.PartyID) bool { return !slices.Contains(q.debtors[j], p) })
	}
	return rapid.SampledFrom(append(common, agreement.Debtor)).Draw(t, "target-debtor")
}

// measures are the quantities bounds constrain, each in units of one
// dimension, so that every bound of an agreement on one quantity name is in
// units of one dimension.
var measures = []struct {
	of    string
	units []agreement.Unit
}{
	{"", []agreement.Unit{agreement.UnitTroops}},
	{"calibre", []agreement.Unit{agreement.UnitMm, agreement.UnitCm}},
	{"distance-from-line", []agreement.Unit{agreement.UnitKm, agreement.UnitM}},
	{"payload", []agreement.Unit{agreement.UnitKg, agreement.UnitT}},
	{"zone", []agreement.Unit{agreement.UnitKm2, agreement.UnitHa, agreement.UnitM2}},
	{"detainees", []agreement.Unit{"detainees"}},
}

// drawBound draws a bound of one of measures, with a lower limit, an upper
// limit, both (lower <= upper, and closed when equal) or neither; the zero
// Bound too, unless nonZero.
func drawBound(t *rapid.T, nonZero bool) agreement.Bound {
	if !nonZero && rapid.IntRange(0, 3).Draw(t, "zero-bound") == 0 {
		return agreement.Bound{}
	}
	m := measures[rapid.IntRange(0, len(measures)-1).Draw(t, "measure")]
	b := agreement.Measure(rapid.SampledFrom(m.units).Draw(t, "bound-unit")).Of(m.of)
	sort := rapid.IntRange(0, 3).Draw(t, "bound-sort")
	lo := drawDecimal(t, "bound-min")
	hi := lo.Add(drawDecimal(t, "bound-spread"))
	loOpen, hiOpen := rapid.Bool().Draw(t, "min-open"), rapid.Bool().Draw(t, "max-open")
	if sort == 3 && lo.Equal(hi) {
		loOpen, hiOpen = false, false
	}
	if sort&1 != 0 {
		if loOpen {
			b = b.Above(lo)
		} else {
			b = b.AtLeast(lo)
		}
	}
	if sort&2 != 0 {
		if hiOpen {
			b = b.Below(hi)
		} else {
			b = b.AtMost(hi)
		}
	}
	return b
}

// drawItemClass draws the item class id: named items, or a rule of one or
// two bounds.
func drawItemClass(t *rapid.T, id agreement.ItemClassID) agreement.ItemClass {
	c := agreement.ItemClass{ID: id, Name: textGen.Draw(t, "item-class-name")}
	if rapid.Bool().Draw(t, "item-class-rule") {
		for range rapid.IntRange(1, 2).Draw(t, "rule") {
			c.Rule = append(c.Rule, drawBound(t, true))
		}
	} else {
		c.Items = take(t, "items", itemPool, 1, 3)
	}
	return c
}

// optional draws the zero value or one of xs.
func optional[T any](t *rapid.T, label string, xs []T) T {
	var zero T
	if len(xs) == 0 || !rapid.Bool().Draw(t, "has-"+label) {
		return zero
	}
	return rapid.SampledFrom(xs).Draw(t, label)
}

// Subset returns a generator of between lo and hi distinct elements of xs
// (hi capped at len(xs), lo at hi, and a negative bound read as zero), in
// random order; elements are distinct by position, so a repeated value of
// xs may be drawn twice. It draws nil when it draws none, and so always
// for an empty xs. The generator copies xs; it is safe for concurrent use
// and never panics.
func Subset[T any](xs []T, lo, hi int) *rapid.Generator[[]T] {
	xs = slices.Clone(xs)
	return rapid.Custom(func(t *rapid.T) []T { return take(t, "subset", xs, lo, hi) })
}

// take draws between lo and hi distinct elements of xs as [Subset]
// describes.
func take[T any](t *rapid.T, label string, xs []T, lo, hi int) []T {
	hi = max(0, min(hi, len(xs)))
	lo = max(0, min(lo, hi))
	m := rapid.IntRange(lo, hi).Draw(t, label)
	if m == 0 {
		return nil
	}
	return rapid.Permutation(xs).Draw(t, label)[:m:m]
}

// IDs returns a generator of n distinct ids (nil for n <= 0): each is
// mostly an entry of a shuffled pool of realistic ids, otherwise a name
// drawn from names with the suffix "."+index. As long as no pool entry ends
// in "." followed by digits, the ids are distinct without any rejection;
// they are well formed as long as the pool entries are and names draws ids
// short enough for the suffix. A nil names draws short well-formed names.
// The generator copies pool; it is safe for concurrent use and never
// panics.
func IDs[T ~string](n int, pool []string, names *rapid.Generator[string]) *rapid.Generator[[]T] {
	if n <= 0 {
		return rapid.Just[[]T](nil)
	}
	if names == nil {
		names = nameGen
	}
	pool = slices.Clone(pool)
	return rapid.Custom(func(t *rapid.T) []T { return drawIDs[T](t, "id", n, pool, names) })
}

// drawIDs draws n distinct ids as [IDs] describes.
func drawIDs[T ~string](t *rapid.T, label string, n int, pool []string, names *rapid.Generator[string]) []T {
	if n <= 0 {
		return nil
	}
	perm := rapid.Permutation(pool).Draw(t, label+"-pool")
	out := make([]T, n)
	for i := range out {
		if i < len(perm) && rapid.IntRange(0, 3).Draw(t, label+"-pooled") > 0 {
			out[i] = T(perm[i])
		} else {
			out[i] = T(names.Draw(t, label) + "." + strconv.Itoa(i))
		}
	}
	return out
}

func drawEventKind(t *rapid.T) agreement.EventKind {
	if rapid.IntRange(0, 3).Draw(t, "custom-kind") == 0 {
		return agreement.EventKind(kindNameGen.Draw(t, "kind"))
	}
	return rapid.SampledFrom(eventKinds).Draw(t, "kind")
}

func drawCategory(t *rapid.T) agreement.Category {
	switch rapid.IntRange(0, 2).Draw(t, "category-sort") {
	case 0:
		return ""
	case 1:
		return rapid.SampledFrom(categories).Draw(t, "category")
	}
	return agreement.Category(categoryGen.Draw(t, "category"))
}

func drawStage(t *rapid.T) (agreement.Stage, agreement.SubStage) {
	switch rapid.IntRange(0, 3).Draw(t, "stage-sort") {
	case 0:
		return "", ""
	case 1:
		return rapid.SampledFrom(stages).Draw(t, "stage"), ""
	case 2:
		ss := rapid.SampledFrom(subStages).Draw(t, "sub-stage")
		return ss.Stage(), ss
	}
	return "", rapid.SampledFrom(subStages).Draw(t, "sub-stage")
}

func drawSource(t *rapid.T) agreement.Source {
	if !rapid.Bool().Draw(t, "has-source") {
		return agreement.Source{}
	}
	return agreement.Source{
		Document: documentGen.Draw(t, "document"),
		Speaker:  textGen.Draw(t, "speaker"),
		Date:     drawMaybeInstant(t, "source-date"),
	}
}

// Decimal returns a generator of non-negative decimals, built from integers
// or from decimal text (never from a float): whole numbers up to 100,000,
// numbers with up to 4 decimal places below 1,000,000,000, and decimal text
// of up to 30 integer digits and 6 decimal places, beyond the range of
// int64. It is safe for concurrent use and never panics.
func Decimal() *rapid.Generator[decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) decimal.Decimal { return drawDecimal(t, "decimal") })
}

// drawDecimal draws a decimal as [Decimal] describes.
func drawDecimal(t *rapid.T, label string) decimal.Decimal {
	switch rapid.IntRange(0, 2).Draw(t, label+"-sort") {
	case 0:
		return decimal.NewFromInt(rapid.Int64Range(0, 100_000).Draw(t, label))
	case 1:
		return decimal.New(rapid.Int64Range(0, 1_000_000_000).Draw(t, label),
			-int32(rapid.IntRange(0, 4).Draw(t, label+"-exp")))
	}
	return decimal.RequireFromString(decimalTextGen.Draw(t, label))
}

func drawRange(t *rapid.T) agreement.Range { return drawRangeIn(t, nil) }

// drawRangeIn draws a range that sometimes applies to one of classes.
func drawRangeIn(t *rapid.T, classes []agreement.ItemClassID) agreement.Range {
	r := agreement.Range{Min: drawDecimal(t, "min")}
	r.Max = r.Min
	if rapid.Bool().Draw(t, "inexact") {
		r.Max = r.Min.Add(drawDecimal(t, "spread"))
	}
	r.Unit = agreement.Unit(unitGen.Draw(t, "unit"))
	if rapid.Bool().Draw(t, "has-wording") {
		r.Wording = wordingGen.Draw(t, "wording")
	}
	r.What = textGen.Draw(t, "what")
	if len(classes) > 0 && rapid.IntRange(0, 2).Draw(t, "range-has-class") == 0 {
		r.Class = rapid.SampledFrom(classes).Draw(t, "range-class")
	}
	return r
}

// Instants are drawn between 2000-01-01 and 2040-01-01, in UTC.
const (
	minUnix = 946684800  // 2000-01-01T00:00:00Z
	maxUnix = 2208988800 // 2040-01-01T00:00:00Z
)

func drawInstant(t *rapid.T, label string) time.Time {
	sec := rapid.Int64Range(minUnix, maxUnix-1).Draw(t, label)
	var ns int64
	if rapid.Bool().Draw(t, label+"-has-ns") {
		ns = rapid.Int64Range(0, 999_999_999).Draw(t, label+"-ns")
	}
	return time.Unix(sec, ns).UTC()
}

func drawMaybeInstant(t *rapid.T, label string) time.Time {
	if !rapid.Bool().Draw(t, "has-"+label) {
		return time.Time{}
	}
	return drawInstant(t, label)
}

func drawPositiveDuration(t *rapid.T, label string) time.Duration {
	switch rapid.IntRange(0, 2).Draw(t, label+"-unit") {
	case 0:
		return time.Duration(rapid.IntRange(1, 3650).Draw(t, label)) * agreement.Day
	case 1:
		return time.Duration(rapid.IntRange(1, 1000).Draw(t, label)) * time.Hour
	}
	return time.Duration(rapid.Int64Range(1, int64(20*365*agreement.Day)).Draw(t, label))
}

func drawDeadline(t *rapid.T, label string) agreement.Deadline {
	switch rapid.IntRange(0, 2).Draw(t, label+"-sort") {
	case 1:
		return agreement.Deadline{After: drawPositiveDuration(t, label)}
	case 2:
		return agreement.Deadline{At: drawInstant(t, label)}
	}
	return agreement.Deadline{}
}

// survivingResumers marks as surviving (and so not provisional) the resume
// power of every suspend power aimed at its own agreement, as validation
// requires: otherwise it could never be exercised while the agreement is
// suspended.
func survivingResumers(a *agreement.Agreement) {
	for _, c := range a.Clauses {
		if c.Effect != agreement.EffectSuspend || c.ResumedBy == "" {
			continue
		}
		for _, t := range c.Targets {
			if t.IsAgreement() && t.Agreement == a.ID {
				for j := range a.Clauses {
					if a.Clauses[j].ID == c.ResumedBy {
						a.Clauses[j].Surviving, a.Clauses[j].Provisional = true, false
					}
				}
			}
		}
	}
}
