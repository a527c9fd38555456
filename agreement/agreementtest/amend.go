package agreementtest

import (
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// Amendment returns a generator of amendments of a: each
// [agreement.Amendment] has an instant between 2000 and 2040 (in UTC), a
// label (sometimes empty) and, as its Text, a valid amended version of a,
// with a's id. Most texts make one to three changes, each drawn among
// those that apply to the text as changed so far: a clause's deadline or
// expiry extended or replaced (or removed), a clause's term or the
// agreement's set, changed or removed, a clause added (of any deontic
// kind, drawn as [Agreement] draws clauses), a clause removed (one that
// nothing else in the agreement refers to, or a suspend power with its
// resume power), a clause's debtors changed (keeping those that other
// clauses read the instances of or aim powers at), and one of a clause's
// conditions replaced (reading only clauses that do not read it, so that
// no dependency cycle appears), and a clause made provisional, surviving
// or neither. One text in six is a's own, unchanged.
// Sizes are bounded by cfg as for [Agreement].
//
// a must be valid; the text is then valid as long as a names measured
// quantities in units of one dimension each as [Agreement] does (a drawn
// condition may bound them). The generator copies a; it is safe for
// concurrent use and never panics.
func Amendment(a agreement.Agreement, cfg Config) *rapid.Generator[agreement.Amendment] {
	return ProcessAmendment(agreement.Process{Agreements: []agreement.Agreement{a}}, cfg)
}

// ProcessAmendment returns a generator of amendments of one agreement of
// p, drawn among them, as [Amendment] draws them, such that p with the
// amended text in place of the agreement is valid
// ([agreement.Process.Validate]) when p is: a clause that another
// instrument refers to is never removed, nor are debtors that another
// instrument reads the instances of; a replaced condition reads no clause
// of any instrument that depends on the clause holding it; and an
// instrument that a notice power of any instrument aims at keeps a term.
// For a process without agreements it draws the zero Amendment. The
// generator copies p; it is safe for concurrent use and never panics.
func ProcessAmendment(p agreement.Process, cfg Config) *rapid.Generator[agreement.Amendment] {
	cfg = cfg.normalised()
	as := make([]agreement.Agreement, len(p.Agreements))
	for i, a := range p.Agreements {
		as[i] = a.Clone()
	}
	return rapid.Custom(func(t *rapid.T) agreement.Amendment {
		k := rapid.IntRange(0, max(len(as), 1)-1).Draw(t, "amended")
		if len(as) == 0 {
			return agreement.Amendment{}
		}
		return drawAmendment(t, cfg, as, k)
	})
}

// amendLabels are labels of amendments, besides drawn text.
var amendLabels = []string{"extension of the handover deadline", "second protocol", "exchange of letters",
	"accession of a guarantor", "renewal agreed at the summit"}

// drawAmendment draws an amendment of as[k], as [ProcessAmendment]
// describes; as is not modified.
func drawAmendment(t *rapid.T, cfg Config, as []agreement.Agreement, k int) agreement.Amendment {
	m := amender{cfg: cfg, as: slices.Clone(as), k: k}
	m.as[k] = as[k].Clone()
	out := agreement.Amendment{At: drawInstant(t, "amendment-at")}
	if rapid.Bool().Draw(t, "has-label") {
		out.Label = rapid.OneOf(rapid.SampledFrom(amendLabels), textGen).Draw(t, "label")
	}
	if rapid.IntRange(0, 5).Draw(t, "identical") != 0 {
		for range rapid.IntRange(1, 3).Draw(t, "changes") {
			var ops []amendOp
			for _, op := range amendOps {
				if op.applies(&m) {
					ops = append(ops, op)
				}
			}
			// A term for the agreement is always a change to make.
			op := ops[rapid.IntRange(0, len(ops)-1).Draw(t, "change")]
			op.apply(&m, t)
		}
	}
	out.Text = m.as[k]
	return out
}

// amender holds the process whose agreement k is being amended; as[k] is
// its own copy, changed in place.
type amender struct {
	cfg Config
	as  []agreement.Agreement
	k   int
}

func (m *amender) text() *agreement.Agreement { return &m.as[m.k] }

// amendOp is one kind of change: whether it applies to the text as it
// stands, and how to make it.
type amendOp struct {
	name    string
	applies func(m *amender) bool
	apply   func(m *amender, t *rapid.T)
}

// amendOps are the kinds of change an amendment makes.
var amendOps = []amendOp{
	{"deadline", func(m *amender) bool { return len(m.clauses(hasOwnDeadline)) > 0 }, (*amender).changeDeadline},
	{"expiry", func(m *amender) bool { return len(m.clauses(canExpire)) > 0 }, (*amender).changeExpiry},
	{"term", func(m *amender) bool { return len(m.text().Clauses) > 0 }, (*amender).changeClauseTerm},
	{"agreement term", func(*amender) bool { return true }, (*amender).changeAgreementTerm},
	{"add", func(m *amender) bool { return len(m.text().Parties) > 0 }, (*amender).addClause},
	{"remove", func(m *amender) bool { return len(m.removable()) > 0 }, (*amender).removeClause},
	{"debtors", func(m *amender) bool { return len(m.text().Clauses) > 0 }, (*amender).changeDebtors},
	{"condition", func(m *amender) bool { return len(m.text().Clauses) > 0 }, (*amender).changeCondition},
	{"gate", func(m *amender) bool { return len(m.gated()) > 0 }, (*amender).changeGate},
}

// gated returns the indexes of the clauses whose gate an amendment may
// open or close: those that may become provisional (having debtors, not
// surviving) or cease to be, and those that may become surviving (not
// provisional) or cease to be (when no suspend power names them as its
// resume power, which may have to survive).
func (m *amender) gated() []int {
	return m.clauses(func(c *agreement.Clause) bool {
		if c.Surviving {
			return !slices.ContainsFunc(m.text().Clauses, func(o agreement.Clause) bool { return o.ResumedBy == c.ID })
		}
		return true
	})
}

// changeGate makes a clause provisional, surviving or neither, where it was
// otherwise: an amendment that opens or closes its gate while the
// agreement is not in force.
func (m *amender) changeGate(t *rapid.T) {
	c := &m.text().Clauses[pick(t, "gate-clause", m.gated())]
	switch {
	case c.Provisional, c.Surviving:
		c.Provisional, c.Surviving = false, false
	case len(c.Debtors) > 0 && rapid.Bool().Draw(t, "provisional"):
		c.Provisional = true
	default:
		c.Surviving = true
	}
}

// hasOwnDeadline reports whether c is an obligation whose deadline an
// amendment may change: neither standing nor recurring.
func hasOwnDeadline(c *agreement.Clause) bool {
	return c.Kind == agreement.DeonticObligation && !c.Standing && c.Recurs.IsZero()
}

// canExpire reports whether c may have an expiry: it has no term.
func canExpire(c *agreement.Clause) bool { return c.Term.IsZero() }

// clauses returns the indexes of the clauses of the text satisfying ok.
func (m *amender) clauses(ok func(c *agreement.Clause) bool) []int {
	var out []int
	for i := range m.text().Clauses {
		if ok(&m.text().Clauses[i]) {
			out = append(out, i)
		}
	}
	return out
}

// pick draws one of the indexes is.
func pick(t *rapid.T, label string, is []int) int { return rapid.SampledFrom(is).Draw(t, label) }

// changeDeadline extends an obligation's deadline (later by a drawn
// duration or period, or to a later instant) or replaces it with a drawn
// one, the zero Deadline among them.
func (m *amender) changeDeadline(t *rapid.T) {
	i := pick(t, "deadline-clause", m.clauses(hasOwnDeadline))
	c := &m.text().Clauses[i]
	if !extend(t, &c.Deadline) {
		s := m.holderScope(i)
		c.Deadline = drawLimit(t, "deadline", &s, useDeadline, m.cfg.Depth)
	}
}

// changeExpiry extends or replaces the expiry of a clause without a term.
func (m *amender) changeExpiry(t *rapid.T) {
	i := pick(t, "expiry-clause", m.clauses(canExpire))
	c := &m.text().Clauses[i]
	if !extend(t, &c.Expiry) {
		s := m.holderScope(i)
		c.Expiry = drawLimit(t, "expiry", &s, useExpiry, m.cfg.Depth)
	}
}

// extend sometimes moves the limit d later, keeping its sort, and reports
// whether it did: an exact duration or a period grows, an instant moves
// later. An anchor alone and the zero Deadline are not extended.
func extend(t *rapid.T, d *agreement.Deadline) bool {
	if !rapid.Bool().Draw(t, "extend") {
		return false
	}
	switch {
	case d.After > 0:
		d.After += time.Duration(rapid.IntRange(1, 30).Draw(t, "extend-days")) * agreement.Day
	case !d.Period.IsZero():
		d.Period.Days += rapid.IntRange(1, 30).Draw(t, "extend-days")
	case !d.At.IsZero():
		d.At = d.At.AddDate(0, 0, rapid.IntRange(1, 90).Draw(t, "extend-days"))
	default:
		return false
	}
	return true
}

// changeClauseTerm gives a clause a term (dropping its expiry), another
// term, a longer first period, or none, when no notice power aims at it.
func (m *amender) changeClauseTerm(t *rapid.T) {
	i := rapid.IntRange(0, len(m.text().Clauses)-1).Draw(t, "term-clause")
	c := &m.text().Clauses[i]
	ref := agreement.QualifiedRef(m.text().ID, c.ID)
	c.Term = m.changeTerm(t, c.Term, m.noticeAimedAt(ref))
	if !c.Term.IsZero() {
		c.Expiry = agreement.Deadline{}
	}
}

// changeAgreementTerm gives the agreement a term, another one, a longer
// first period, or none, when no notice power aims at it.
func (m *amender) changeAgreementTerm(t *rapid.T) {
	a := m.text()
	a.Term = m.changeTerm(t, a.Term, m.noticeAimedAt(agreement.AgreementRef(a.ID)))
}

// changeTerm returns a drawn change of tm: a new term, tm with a longer
// first period, or (unless keep) none.
func (m *amender) changeTerm(t *rapid.T, tm agreement.Term, keep bool) agreement.Term {
	if tm.IsZero() {
		return drawTerm(t, "term")
	}
	switch rapid.IntRange(0, 2).Draw(t, "term-change") {
	case 0:
		tm.Period.Months += rapid.IntRange(1, 6).Draw(t, "term-longer")
		return tm
	case 1:
		if !keep {
			return agreement.Term{}
		}
	}
	return drawTerm(t, "term")
}

// noticeAimedAt reports whether a notice power of the process aims at r
// (qualified).
func (m *amender) noticeAimedAt(r agreement.Ref) bool {
	for _, a := range m.as {
		for _, c := range a.Clauses {
			if c.Kind != agreement.DeonticPower || c.Effect != agreement.EffectNotice {
				continue
			}
			for _, tr := range c.Targets {
				if tr.Resolve(a.ID) == r {
					return true
				}
			}
		}
	}
	return false
}

// addClause adds a clause of a drawn deontic kind at a drawn place, drawn
// as [Agreement] draws clauses, with a fresh id; a power discharges,
// terminates or gives notice. Nothing reads it, so it may read any clause.
func (m *amender) addClause(t *rapid.T) {
	a := m.text()
	plans := m.plans()
	pl := &plans[m.k]
	id := m.freshClause(t)
	i := len(pl.clauses)
	pl.clauses = append(pl.clauses, id)
	kind := rapid.SampledFrom(deontics).Draw(t, "deontic")
	pl.kinds = append(pl.kinds, kind)
	effect := agreement.EffectUnspecified
	if kind == agreement.DeonticPower {
		effect = rapid.SampledFrom([]agreement.Effect{agreement.EffectDischarge, agreement.EffectTerminate,
			agreement.EffectNotice}).Draw(t, "effect")
	}
	pl.effects = append(pl.effects, effect)
	pl.resumer = append(pl.resumer, -1)
	debtors := take(t, "debtors", pl.parties, 1, 3)
	pl.debtors = append(pl.debtors, debtors)
	pl.joint = append(pl.joint, len(debtors) >= 2 && rapid.Bool().Draw(t, "joint"))
	standing := kind != agreement.DeonticPermission && kind != agreement.DeonticPower &&
		rapid.IntRange(0, 4).Draw(t, "standing") == 0
	pl.standing = append(pl.standing, standing)
	pl.relaxable = append(pl.relaxable, kind == agreement.DeonticProhibition && rapid.IntRange(0, 2).Draw(t, "relaxable") == 0)
	pl.terms = append(pl.terms, drawMaybeTerm(t, "clause-term", 4))

	s := m.scope(plans)
	s.Depends = m.safeDepends(plans, agreement.QualifiedRef(a.ID, id))
	s.Standing = standingIn(plans, m.k, s.Depends)
	c := drawClause(t, m.cfg, &s, plans, m.k, i)
	at := rapid.IntRange(0, len(a.Clauses)).Draw(t, "added-at")
	a.Clauses = slices.Insert(a.Clauses, at, c)
}

// freshClause draws an id no clause of the text has.
func (m *amender) freshClause(t *rapid.T) agreement.ClauseID {
	taken := func(s string) bool { _, ok := m.text().Clause(agreement.ClauseID(s)); return ok }
	var free []string
	for _, id := range clausePool {
		if !taken(id) {
			free = append(free, id)
		}
	}
	if len(free) > 0 && rapid.IntRange(0, 3).Draw(t, "pooled-id") > 0 {
		return agreement.ClauseID(rapid.SampledFrom(free).Draw(t, "added-id"))
	}
	return agreement.ClauseID(fresh("added", taken))
}

// removeClause removes a clause nothing else refers to, or a suspend power
// and its resume power when nothing else refers to either (half the time
// when there is such a pair: they are rarer).
func (m *amender) removeClause(t *rapid.T) {
	a := m.text()
	groups := m.removable()
	if pairs := slices.DeleteFunc(slices.Clone(groups), func(g []agreement.ClauseID) bool { return len(g) < 2 }); len(pairs) > 0 &&
		rapid.Bool().Draw(t, "remove-pair") {
		groups = pairs
	}
	group := rapid.SampledFrom(groups).Draw(t, "removed")
	a.Clauses = slices.DeleteFunc(a.Clauses, func(c agreement.Clause) bool { return slices.Contains(group, c.ID) })
}

// removable returns the clauses, or pairs of a suspend power and its resume
// power, that can be removed from the text: nothing in the process refers
// to them but themselves.
func (m *amender) removable() [][]agreement.ClauseID {
	a := m.text()
	refs := referrers(m.as)
	// only reports whether everything referring to clause id is one of
	// group.
	only := func(id agreement.ClauseID, group ...agreement.ClauseID) bool {
		for _, from := range refs[agreement.QualifiedRef(a.ID, id)] {
			if from.Agreement != a.ID || from.IsAgreement() || !slices.Contains(group, from.Clause) {
				return false
			}
		}
		return true
	}
	var out [][]agreement.ClauseID
	for _, c := range a.Clauses {
		switch {
		case c.Kind == agreement.DeonticPower && c.Effect == agreement.EffectResume:
			// Removed with its suspend power.
		case c.Kind == agreement.DeonticPower && c.Effect == agreement.EffectSuspend:
			if r, ok := a.Clause(c.ResumedBy); ok && r.Kind == agreement.DeonticPower && r.Effect == agreement.EffectResume &&
				only(c.ID, c.ID, r.ID) && only(r.ID, c.ID, r.ID) {
				out = append(out, []agreement.ClauseID{c.ID, r.ID})
			}
		case only(c.ID, c.ID):
			out = append(out, []agreement.ClauseID{c.ID})
		}
	}
	return out
}

// referrers returns, for each clause of as (by qualified reference), the
// places that refer to it: clauses (by qualified reference) through their
// patterns, the clauses they read, their targets, the prohibitions they
// relax and the resume power they name; and agreements (by agreement
// reference) through their fluents, entry-into-force condition, instant
// of entry into force and options.
func referrers(as []agreement.Agreement) map[agreement.Ref][]agreement.Ref {
	out := map[agreement.Ref][]agreement.Ref{}
	for _, a := range as {
		add := func(from, to agreement.Ref) {
			if to != (agreement.Ref{}) && !to.IsAgreement() {
				to = to.Resolve(a.ID)
				out[to] = append(out[to], from)
			}
		}
		cond := func(from agreement.Ref, c agreement.Condition) {
			for _, p := range conditionPatterns(c) {
				add(from, p.Clause)
			}
			agreement.Walk(c, func(n agreement.Condition) bool {
				switch n := n.(type) {
				case *agreement.ClauseInCondition:
					add(from, n.Ref())
				case *agreement.BreachedCondition:
					add(from, n.Ref())
				}
				return true
			})
		}
		self := agreement.AgreementRef(a.ID)
		for _, f := range a.Fluents {
			for _, p := range slices.Concat(f.Initiates, f.Terminates) {
				add(self, p.Clause)
			}
		}
		cond(self, a.EntryIntoForce)
		cond(self, a.InForceAt.From)
		for _, o := range a.Options {
			cond(self, o.Deadline.From)
		}
		for _, c := range a.Clauses {
			from := agreement.QualifiedRef(a.ID, c.ID)
			for _, nc := range clauseConditions(c) {
				cond(from, nc)
			}
			for _, p := range []*agreement.Pattern{c.Action, c.Grant, c.Recurs.On} {
				if p != nil {
					add(from, p.Clause)
				}
			}
			for _, r := range slices.Concat(c.Targets, c.Relaxes) {
				add(from, r)
			}
			if c.ResumedBy != "" {
				add(from, agreement.LocalRef(c.ResumedBy))
			}
		}
	}
	return out
}

// conditionPatterns returns the patterns of c's event atoms, those of its
// tallies included.
func conditionPatterns(c agreement.Condition) []agreement.Pattern {
	out := agreement.Patterns(c)
	agreement.Walk(c, func(n agreement.Condition) bool {
		if tc, ok := n.(*agreement.TallyCondition); ok {
			out = append(out, tc.Pattern())
		}
		return true
	})
	return out
}

// clauseConditions returns every condition of c: its four slots and the
// anchors of its deadline and expiry (nil ones included).
func clauseConditions(c agreement.Clause) []agreement.Condition {
	var out []agreement.Condition
	for _, nc := range c.Conditions() {
		out = append(out, nc.Condition)
	}
	return append(out, c.Deadline.From, c.Expiry.From)
}

// changeDebtors draws new debtors for a clause: those that other clauses
// require (the debtor whose instance a ClauseInFor or a breach filter
// reads, a power's target debtor) and some of the parties the clause's own
// reads allow; the clause stays joint (or becomes several, with one
// debtor). A clause binding several debtors severally never gains one its
// fulfilment or violation names as an actor. When the draw cannot respect
// all that, the debtors stay as they were.
func (m *amender) changeDebtors(t *rapid.T) {
	a := m.text()
	i := rapid.IntRange(0, len(a.Clauses)-1).Draw(t, "debtors-clause")
	c := &a.Clauses[i]
	self := agreement.QualifiedRef(a.ID, c.ID)
	required, aimed := m.requiredDebtors(self)
	pool := m.allowedDebtors(c)
	var actors []agreement.PartyID
	for _, cond := range []agreement.Condition{c.Fulfilment, c.Violation} {
		for _, p := range conditionPatterns(cond) {
			actors = append(actors, p.Actor)
		}
	}
	var extra []agreement.PartyID
	for _, p := range pool {
		if !slices.Contains(required, p) && (c.Joint || !slices.Contains(actors, p)) {
			extra = append(extra, p)
		}
	}
	lo := 0
	if len(required) == 0 {
		lo = 1
	}
	debtors := slices.Concat(required, take(t, "new-debtors", extra, lo, 3))
	joint := c.Joint && len(debtors) >= 2
	switch {
	case len(debtors) == 0:
		return
	case !joint && len(debtors) >= 2 && slices.ContainsFunc(debtors, func(p agreement.PartyID) bool {
		return slices.Contains(actors, p)
	}):
		// A required debtor is an actor of the fulfilment or violation:
		// only binding jointly keeps the clause valid.
		if aimed {
			return
		}
		joint = true
	case joint && aimed:
		return
	}
	c.Debtors = slices.Clip(debtors)
	c.Joint = joint
}

// requiredDebtors returns the debtors clause r must keep: those whose
// instance of it another clause (or an agreement's condition) reads, or a
// power limited to one debtor aims at; and whether such a power aims at it
// (so that it must not bind jointly).
func (m *amender) requiredDebtors(r agreement.Ref) ([]agreement.PartyID, bool) {
	var out []agreement.PartyID
	aimed := false
	need := func(p agreement.PartyID) {
		if p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, a := range m.as {
		read := func(holder *agreement.Clause, c agreement.Condition) {
			debtorReads(c, func(ref agreement.Ref, d agreement.PartyID) {
				if ref.Resolve(a.ID) != r {
					return
				}
				switch {
				case d == agreement.Debtor && holder != nil:
					for _, hd := range holder.Debtors {
						need(hd)
					}
				case !d.IsPlaceholder():
					need(d)
				}
			})
		}
		read(nil, a.EntryIntoForce)
		read(nil, a.InForceAt.From)
		for ci := range a.Clauses {
			c := &a.Clauses[ci]
			for _, cond := range clauseConditions(*c) {
				read(c, cond)
			}
			if c.TargetDebtor == "" || !slices.ContainsFunc(c.Targets, func(tr agreement.Ref) bool { return tr.Resolve(a.ID) == r }) {
				continue
			}
			aimed = true
			if !c.TargetDebtor.IsPlaceholder() {
				need(c.TargetDebtor)
			}
		}
	}
	return out, aimed
}

// allowedDebtors returns the parties of the text that may be debtors of c
// as far as c's own reads go: with the placeholder Debtor as the debtor of
// a ClauseInFor or a breach filter, only debtors of the clause read.
func (m *amender) allowedDebtors(c *agreement.Clause) []agreement.PartyID {
	a := m.text()
	var out []agreement.PartyID
	for _, p := range a.Parties {
		out = append(out, p.ID)
	}
	for _, cond := range clauseConditions(*c) {
		debtorReads(cond, func(ref agreement.Ref, d agreement.PartyID) {
			if d != agreement.Debtor {
				return
			}
			read := m.debtorsOf(ref.Resolve(a.ID))
			out = slices.DeleteFunc(out, func(p agreement.PartyID) bool { return !slices.Contains(read, p) })
		})
	}
	return out
}

// debtorReads calls fn with the clause and the debtor (possibly empty or a
// placeholder) of every ClauseInFor and breach count in c.
func debtorReads(c agreement.Condition, fn func(ref agreement.Ref, d agreement.PartyID)) {
	agreement.Walk(c, func(n agreement.Condition) bool {
		switch n := n.(type) {
		case *agreement.ClauseInCondition:
			fn(n.Ref(), n.Debtor())
		case *agreement.BreachedCondition:
			fn(n.Ref(), n.Filter().Debtor)
		}
		return true
	})
}

// debtorsOf returns the debtors of the clause r (qualified) of the
// process.
func (m *amender) debtorsOf(r agreement.Ref) []agreement.PartyID {
	for _, a := range m.as {
		if a.ID != r.Agreement {
			continue
		}
		if c, ok := a.Clause(r.Clause); ok {
			return c.Debtors
		}
	}
	return nil
}

// changeCondition replaces one of a clause's conditions with a drawn one
// (or none, where the clause may do without): its trigger or antecedent;
// its fulfilment (an automatic power's, for a power); an obligation's or a
// prohibition's violation, unless a permission relaxes the prohibition. The
// new condition reads only clauses that do not depend on the clause.
func (m *amender) changeCondition(t *rapid.T) {
	a := m.text()
	i := rapid.IntRange(0, len(a.Clauses)-1).Draw(t, "condition-clause")
	c := &a.Clauses[i]
	slots := []string{"trigger", "antecedent", "fulfilment"}
	if c.Kind == agreement.DeonticObligation ||
		c.Kind == agreement.DeonticProhibition && !m.relaxed(agreement.QualifiedRef(a.ID, c.ID)) {
		slots = append(slots, "violation")
	}
	s := m.holderScope(i)
	// A clause binding several debtors severally never names one of them
	// in its fulfilment or violation.
	ends := s
	if len(c.Debtors) >= 2 && !c.Joint {
		ends.Parties = slices.DeleteFunc(slices.Clone(s.Parties), func(p agreement.PartyID) bool {
			return slices.Contains(c.Debtors, p)
		})
	}
	depth := m.cfg.Depth
	switch rapid.SampledFrom(slots).Draw(t, "slot") {
	case "trigger":
		c.Trigger = drawMaybeCondition(t, "trigger", &s, depth)
	case "antecedent":
		c.Antecedent = drawMaybeCondition(t, "antecedent", &s, depth)
	case "fulfilment":
		// An obligation without an action needs its fulfilment.
		if c.Kind == agreement.DeonticObligation && c.Action == nil {
			c.Fulfilment = drawCondition(t, &ends, depth)
		} else {
			c.Fulfilment = drawMaybeCondition(t, "fulfilment", &ends, depth)
		}
	case "violation":
		// A standing obligation, and a prohibition without an action, need
		// their violation.
		if c.Standing && c.Kind == agreement.DeonticObligation || c.Kind == agreement.DeonticProhibition && c.Action == nil {
			c.Violation = drawCondition(t, &ends, depth)
		} else {
			c.Violation = drawMaybeCondition(t, "violation", &ends, depth)
		}
	}
}

// relaxed reports whether a permission of the process relaxes the
// prohibition r (qualified).
func (m *amender) relaxed(r agreement.Ref) bool {
	for _, a := range m.as {
		for _, c := range a.Clauses {
			for _, x := range c.Relaxes {
				if x.Resolve(a.ID) == r {
					return true
				}
			}
		}
	}
	return false
}

// plans returns the plans of the process as it stands.
func (m *amender) plans() []plan {
	out := make([]plan, len(m.as))
	for i := range m.as {
		out[i] = planOf(&m.as[i])
	}
	return out
}

// planOf returns the plan of an agreement already drawn.
func planOf(a *agreement.Agreement) plan {
	p := plan{id: a.ID, term: a.Term}
	for _, x := range a.Parties {
		p.parties = append(p.parties, x.ID)
	}
	for _, g := range a.Groups {
		p.groups = append(p.groups, g.ID)
	}
	for _, f := range a.Fluents {
		p.fluents = append(p.fluents, f.ID)
	}
	for _, ic := range a.ItemClasses {
		p.classes = append(p.classes, ic.ID)
	}
	for _, c := range a.Clauses {
		p.clauses = append(p.clauses, c.ID)
		p.kinds = append(p.kinds, c.Kind)
		p.effects = append(p.effects, c.Effect)
		p.resumer = append(p.resumer, -1)
		p.debtors = append(p.debtors, slices.Clone(c.Debtors))
		p.joint = append(p.joint, c.Joint)
		p.standing = append(p.standing, c.Standing)
		p.relaxable = append(p.relaxable, c.Kind == agreement.DeonticProhibition && c.Action != nil && c.Violation == nil)
		p.terms = append(p.terms, c.Term)
	}
	return p
}

// scope returns what a condition or pattern of the text may name, as fill
// builds it, without Depends and Standing: areas are those of its
// territory, when it has one.
func (m *amender) scope(plans []plan) Scope {
	a := m.text()
	pl := plans[m.k]
	s := Scope{Parties: pl.parties, Groups: pl.groups, Fluents: pl.fluents, Mentions: mentions(plans, m.k),
		ItemClasses: pl.classes, DebtorsOf: debtorsOf(plans, m.k)}
	for _, q := range plans {
		s.Agreements = append(s.Agreements, q.id)
	}
	for _, ar := range a.Territory.Areas {
		s.Areas = append(s.Areas, ar.ID)
	}
	return s
}

// holderScope returns what a condition or limit of clause i of the text
// may name: its own debtors and creditors by placeholder, and the clauses
// that do not depend on it.
func (m *amender) holderScope(i int) Scope {
	a := m.text()
	c := &a.Clauses[i]
	plans := m.plans()
	s := m.scope(plans)
	s.Depends = m.safeDepends(plans, agreement.QualifiedRef(a.ID, c.ID))
	s.Standing = standingIn(plans, m.k, s.Depends)
	s.HolderDebtors, s.HolderCreditors = c.Debtors, c.Creditors
	return s
}

// safeDepends returns the clauses of the process (as written in the text)
// that a condition of clause self may read without a cycle: every clause
// but self and those that read self, directly or not.
func (m *amender) safeDepends(plans []plan, self agreement.Ref) []agreement.Ref {
	deps := map[agreement.Ref][]agreement.Ref{}
	for _, a := range m.as {
		for _, c := range a.Clauses {
			deps[agreement.QualifiedRef(a.ID, c.ID)] = agreement.ClauseDependencies(c, a.ID)
		}
	}
	// reaches memoises whether a clause reads self, directly or not; the
	// graph is acyclic, as the process is valid.
	reaches := map[agreement.Ref]bool{}
	var visit func(r agreement.Ref) bool
	visit = func(r agreement.Ref) bool {
		if v, ok := reaches[r]; ok {
			return v
		}
		reaches[r] = false
		for _, d := range deps[r] {
			if d == self || visit(d) {
				reaches[r] = true
				break
			}
		}
		return reaches[r]
	}
	home := m.text().ID
	var out []agreement.Ref
	for _, q := range plans {
		for _, id := range q.clauses {
			r := agreement.QualifiedRef(q.id, id)
			if r == self || visit(r) {
				continue
			}
			if q.id == home {
				out = append(out, agreement.LocalRef(id))
			}
			out = append(out, r)
		}
	}
	return out
}
