package agreement

import (
	"slices"
	"strings"
)

// Concern is one way an event bears on a clause: a pattern, in one slot of
// one instance of the clause, that the event matches, with the clause's
// quantities that apply to the event. [Agreement.Concerns] and
// [Process.Concerns] list them.
type Concern struct {
	// Agreement is the agreement holding the clause.
	Agreement AgreementID
	// Clause is the clause concerned.
	Clause ClauseID
	// Debtor is the debtor of the clause instance concerned, for a clause
	// expanded per debtor (several debtors bound severally); "" for a
	// clause with a single instance (one debtor, joint debtors or none),
	// as package scenario names instances.
	Debtor PartyID
	// Slot is where the pattern stands in the clause: "action" (the
	// clause's action or, for a power without one, the event exercising
	// it), "trigger", "antecedent", "fulfilment", "violation",
	// "deadline.from", "expiry.from" (an event atom of that condition or
	// anchor), "recurs.on" (the event starting each occurrence of a
	// recurring duty, [Recurrence.On]), or "grant" (a permission's
	// [Clause.Grant]).
	Slot string
	// Pattern is the pattern the event matches, as the instance reads it:
	// [Debtor] and [Creditor] replaced by the party they stand for and, in
	// the action, the actor defaulted to the instance's debtor.
	Pattern Pattern
	// Quantities are the clause's quantities that apply to the event: those
	// without a class, and those whose class ([Range.Class]) contains the
	// event's item; of two measuring the same thing, the one demanding
	// more first (see [Agreement.Concerns]). Nil when none applies.
	Quantities []Range
}

// Ref returns the clause concerned as a reference qualified by its
// agreement (unqualified when Agreement is "").
func (c Concern) Ref() Ref { return QualifiedRef(c.Agreement, c.Clause) }

// String returns the concern as the clause reference, the instance's
// debtor in brackets when set, the slot, ": " and the pattern, then
// " with " and the applicable quantities separated by "; ", such as
// `minsk-2015/2-artillery[UA] action: withdrawal-completed actor=UA class=artillery-100mm with 50 km for artillery-100mm`.
func (c Concern) String() string {
	var b strings.Builder
	b.WriteString(c.Ref().String())
	if c.Debtor != "" {
		b.WriteString("[" + string(c.Debtor) + "]")
	}
	b.WriteString(" " + c.Slot + ": " + c.Pattern.String())
	for i, q := range c.Quantities {
		if i == 0 {
			b.WriteString(" with ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(q.String())
	}
	return b.String()
}

// Concerns returns the clauses of a that event e concerns: for each clause,
// each instance of it and each slot, the patterns e matches, with the
// clause's quantities that apply to e. "Which withdrawal distance applies
// to a 122 mm gun?" is answered by the Quantities of the concerns of a
// withdrawal of one.
//
// # Matching
//
// A clause has one instance per debtor when it binds several debtors
// severally, and a single instance otherwise. For each instance, the
// patterns read are, in this slot order: the action (or, for a power
// without one, an [EventKindPowerExercised] event naming it), with the
// actor defaulting to the instance's debtor unless the action names an
// actor or a group or the clause is joint, as [ActionPatterns] reads it;
// the event atoms of the trigger, antecedent, fulfilment and violation
// conditions and of the anchors of the deadline and expiry ([Happened],
// [Within], [Since], both patterns of [Before], and the patterns of
// [Total] and [Level], whatever their bound), in walk order; the pattern
// starting the occurrences of a recurring duty ([Recurrence.On]); and a
// permission's Grant. In each, the placeholder [Debtor]
// stands for the instance's debtor (for a clause with a single instance:
// its only debtor, or any of its debtors when it has several), and
// [Creditor] for any of the clause's creditors; each field naming a
// placeholder is matched on its own. The event must then match the bound
// pattern by [Pattern.MatchesIn], with a's groups and item classes.
// Concerns report what e could satisfy, not what it does satisfy at some
// instant: conditions, states and deadlines are not evaluated. The same
// bound pattern is reported once per instance and slot.
//
// # Quantities
//
// A clause quantity applies to e when it has no Class, or when a declares
// its class and the class contains e's item ([ItemClass.Contains]; the
// first class with the id, as for [Pattern.Class]); a quantity of a class
// a does not declare applies to nothing. Every concern of a clause
// carries the same applicable quantities, each in a slice of its own.
//
// # Order: the stricter first
//
// Concerns are listed in clause order (a.Clauses), then instance order
// (the debtors'), then slot order; then reordered so that, of two concerns
// measuring the same thing, the one demanding more comes first. Two ranges
// measure the same thing when they have the same What and units that
// convert exactly into one another ([Convert]: mm, cm, m and km, say);
// the one demanding more is the one with the larger Max, converted, and
// then the larger Min; equal ones keep their order. A concern measures
// what the first of its Quantities measures. Reordering only permutes the
// concerns that measure the same thing among the positions they occupy,
// so concerns without quantities, and those measuring something else,
// stay where clause order puts them. The Quantities of each concern are
// ordered by the same rule.
//
// A larger quantity is the stricter for what the agreements this package
// models measure this way: the distance to withdraw to, the width of a
// zone to keep clear, the number of detainees to release. A Range that is
// a ceiling rather than a requirement ("no more than 12,000 troops")
// reads the other way round; give such ranges a What of their own so that
// they are not compared with requirements.
//
// Concerns does not validate a, and never panics, whatever a and e hold: on
// an invalid agreement it reads the clauses by the rules above. Its work is
// proportional to the number of instances times the patterns of e's kind
// their clauses hold; of each condition it reads at most the first
// [MaxConditionSize] nodes, as [Walk] does. An event
// quantity, bound limit or range too long to compute with (beyond the
// 1000 characters in plain notation validation allows) is treated as
// absent, as matching nothing and as measuring nothing respectively. The
// result is new: changing it changes nothing in a or e. It is nil when e
// concerns no clause.
func (a Agreement) Concerns(e Event) []Concern {
	out := a.concerns(sanitized(e))
	strictFirst(out, concernLead)
	return out
}

// Concerns returns the clauses of every agreement of p that event e
// concerns, each read in its own agreement (its groups, item classes and
// unqualified references) by the rules of [Agreement.Concerns], in the
// order of p.Agreements and then of each agreement's concerns, reordered
// across agreements so that of two concerns measuring the same thing the
// one demanding more comes first. Concern.Agreement tells the agreements
// apart. It never panics; the result is new, nil when e concerns nothing.
func (p Process) Concerns(e Event) []Concern {
	e = sanitized(e)
	var out []Concern
	for _, a := range p.Agreements {
		out = append(out, a.concerns(e)...)
	}
	strictFirst(out, concernLead)
	return out
}

// sanitized returns e without the quantities too long to compute with,
// sharing nothing with e's quantities when it drops any.
func sanitized(e Event) Event {
	for i, q := range e.Quantities {
		if !decimalInBounds(q.Value) {
			kept := slices.Clone(e.Quantities[:i])
			for _, q := range e.Quantities[i+1:] {
				if decimalInBounds(q.Value) {
					kept = append(kept, q)
				}
			}
			e.Quantities = kept
			return e
		}
	}
	return e
}

// boundUsable reports whether b's limits can be computed with.
func boundUsable(b Bound) bool {
	if d, _, ok := b.Min(); ok && !decimalInBounds(d) {
		return false
	}
	if d, _, ok := b.Max(); ok && !decimalInBounds(d) {
		return false
	}
	return true
}

// concernMatcher matches the patterns of one agreement's clauses against
// one event.
type concernMatcher struct {
	a *Agreement
	e *Event
}

// member reports whether party p is a member of a group g of the agreement.
func (m concernMatcher) member(g GroupID, p PartyID) bool {
	for _, gr := range m.a.Groups {
		if gr.ID == g && slices.Contains(gr.Members, p) {
			return true
		}
	}
	return false
}

// class returns the agreement's first class with id; a class whose rule
// has a limit too long to compute with keeps only its named items, that
// limit matching nothing.
func (m concernMatcher) class(id ItemClassID) (ItemClass, bool) {
	for _, c := range m.a.ItemClasses {
		if c.ID != id {
			continue
		}
		for _, b := range c.Rule {
			if !boundUsable(b) {
				return ItemClass{ID: c.ID, Name: c.Name, Items: c.Items}, true
			}
		}
		return c, true
	}
	return ItemClass{}, false
}

// instance is one instance of a clause: the debtor reported (as package
// scenario names it) and the debtor [Debtor] binds to ("" when it stands
// for any of the clause's debtors).
type instance struct{ report, bind PartyID }

// instances returns the instances of c, without repeating a debtor.
func instances(c *Clause) []instance {
	switch {
	case len(c.Debtors) > 1 && !c.Joint:
		var out []instance
		for _, d := range c.Debtors {
			if !slices.Contains(out, instance{d, d}) {
				out = append(out, instance{d, d})
			}
		}
		return out
	case len(c.Debtors) == 1:
		return []instance{{"", c.Debtors[0]}}
	}
	return []instance{{"", ""}}
}

// bind returns p as instance in of clause c reads it against the event,
// and whether each placeholder of p can stand for the event's party.
func (m concernMatcher) bind(p Pattern, c *Clause, in instance) (Pattern, bool) {
	e := m.e
	for _, f := range [...]struct {
		field *PartyID
		event PartyID
	}{{&p.Actor, e.Actor}, {&p.Target, e.Target}, {&p.Reporter, e.Reporter}} {
		switch *f.field {
		case Debtor:
			switch {
			case in.bind != "":
				*f.field = in.bind
			case slices.Contains(c.Debtors, f.event):
				*f.field = f.event
			default:
				return p, false
			}
		case Creditor:
			if !slices.Contains(c.Creditors, f.event) {
				return p, false
			}
			*f.field = f.event
		}
	}
	return p, true
}

// matches reports whether the event matches p, already bound.
func (m concernMatcher) matches(p Pattern) bool {
	return boundUsable(p.Measure) && p.MatchesIn(*m.e, m.a.ID, m.member, m.class)
}

// slotPatterns is the patterns of one slot of a clause.
type slotPatterns struct {
	slot     string
	patterns []Pattern
	action   bool // the actor defaults to the instance's debtor
}

// concerns returns a's concerns with e in clause, instance and slot order.
func (a Agreement) concerns(e Event) []Concern {
	m := concernMatcher{a: &a, e: &e}
	var out []Concern
	for ci := range a.Clauses {
		c := &a.Clauses[ci]
		slots := clauseSlots(a.ID, c, e.Kind)
		if len(slots) == 0 {
			continue
		}
		var quantities []Range
		for _, q := range c.Quantities {
			if q.Class == "" {
				quantities = append(quantities, q)
			} else if cl, ok := m.class(q.Class); ok && cl.Contains(e) {
				quantities = append(quantities, q)
			}
		}
		strictFirst(quantities, func(r Range) (Range, bool) { return r, true })
		for _, in := range instances(c) {
			for _, s := range slots {
				seen := map[Pattern]bool{}
				for _, p := range s.patterns {
					if s.action && p.Actor == "" && p.Group == "" && !c.Joint {
						p.Actor = in.bind
					}
					bound, ok := m.bind(p, c, in)
					if !ok || seen[bound] {
						continue
					}
					seen[bound] = true
					if !m.matches(bound) {
						continue
					}
					out = append(out, Concern{Agreement: a.ID, Clause: c.ID, Debtor: in.report,
						Slot: s.slot, Pattern: bound, Quantities: slices.Clone(quantities)})
				}
			}
		}
	}
	return out
}

// clauseSlots returns the patterns of c of the event kind k, by slot, in
// slot order, each once, leaving out the slots with none.
func clauseSlots(home AgreementID, c *Clause, k EventKind) []slotPatterns {
	var out []slotPatterns
	add := func(s slotPatterns) {
		seen := map[Pattern]bool{}
		s.patterns = slices.DeleteFunc(s.patterns, func(p Pattern) bool {
			drop := p.Kind == "" || p.Kind != k || seen[p]
			seen[p] = true
			return drop
		})
		if len(s.patterns) > 0 {
			out = append(out, s)
		}
	}
	switch {
	case c.Action != nil:
		add(slotPatterns{"action", []Pattern{*c.Action}, true})
	case c.Kind == DeonticPower:
		add(slotPatterns{"action", []Pattern{{Kind: EventKindPowerExercised, Clause: QualifiedRef(home, c.ID)}}, true})
	}
	for _, nc := range clauseConditions(c) {
		add(slotPatterns{slot: nc.Name, patterns: eventPatterns(nc.Condition, k)})
	}
	if c.Recurs.On != nil {
		add(slotPatterns{slot: "recurs.on", patterns: []Pattern{*c.Recurs.On}})
	}
	if c.Grant != nil {
		add(slotPatterns{slot: "grant", patterns: []Pattern{*c.Grant}})
	}
	return out
}

// eventPatterns returns the patterns of kind k of the event atoms of c, in
// walk order: those [Patterns] returns and those of [Total] and [Level].
func eventPatterns(c Condition, k EventKind) []Pattern {
	var out []Pattern
	add := func(p Pattern) {
		if p.Kind == k {
			out = append(out, p)
		}
	}
	Walk(c, func(n Condition) bool {
		switch n := n.(type) {
		case *HappenedCondition:
			add(n.Pattern())
		case *WithinCondition:
			add(n.Pattern())
		case *SinceCondition:
			add(n.Pattern())
		case *BeforeCondition:
			add(n.First())
			add(n.Then())
		case *TallyCondition:
			add(n.Pattern())
		}
		return true
	})
	return out
}

// concernLead returns the quantity a concern measures: its first.
func concernLead(c Concern) (Range, bool) {
	if len(c.Quantities) == 0 {
		return Range{}, false
	}
	return c.Quantities[0], true
}

// measureKey is what a range measures, for ordering: its What and the
// family of units its unit converts into.
type measureKey struct {
	what   string
	family string
}

// rangeMeasure returns what r measures, and false when its bounds are too
// long to compute with.
func rangeMeasure(r Range) (measureKey, bool) {
	if !decimalInBounds(r.Min) || !decimalInBounds(r.Max) {
		return measureKey{}, false
	}
	// A unit of a known dimension converts to that dimension's units; any
	// other only to itself. Prefixes keep a unit named like a dimension
	// apart from it.
	if d, ok := dimensions[r.Unit]; ok {
		return measureKey{r.What, "dimension:" + d.name}, true
	}
	return measureKey{r.What, "unit:" + string(r.Unit)}, true
}

// demand compares r and o, which measure the same thing: +1 when r demands
// more (a larger Max, converted, then a larger Min), -1 when less, 0 when
// they demand the same.
func demand(r, o Range) int {
	if c := compareIn(r.Max, r.Unit, o.Max, o.Unit); c != 0 {
		return c
	}
	return compareIn(r.Min, r.Unit, o.Min, o.Unit)
}

// strictFirst reorders xs in place so that, among the elements whose lead
// ranges measure the same thing, the one demanding more comes first, each
// such group keeping the positions it occupies and equal elements keeping
// their order. Elements without a lead range stay where they are.
func strictFirst[T any](xs []T, lead func(T) (Range, bool)) {
	groups := map[measureKey][]int{}
	var keys []measureKey
	for i, x := range xs {
		r, ok := lead(x)
		if !ok {
			continue
		}
		k, ok := rangeMeasure(r)
		if !ok {
			continue
		}
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range keys {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		items := make([]T, len(idx))
		for j, i := range idx {
			items[j] = xs[i]
		}
		slices.SortStableFunc(items, func(x, y T) int {
			rx, _ := lead(x)
			ry, _ := lead(y)
			return demand(ry, rx)
		})
		for j, i := range idx {
			xs[i] = items[j]
		}
	}
}
