package agreement

// Lint reports what may be a mistake in a, though it is valid: the places
// where a clause binding two or more debtors severally (not Joint) reads,
// in a condition each debtor's instance evaluates on its own, an act or a
// state that can be another debtor's. Each debtor's instance of such a
// clause would then answer for what another debtor did. Lint reports, each
// with [ErrUnboundDebtor]:
//
//   - an event atom ([Happened], [Before], [Within], [Since], [Total],
//     [Level]) of the clause's fulfilment or violation condition whose
//     pattern can match another debtor's act: it names no actor and no
//     group (at the pattern's path), or no actor and a group holding two or
//     more of the clause's debtors (at its group). When the slot is empty
//     its default stands in: the action, for an obligation's fulfilment
//     and a prohibition's violation; the action's actor defaults to the
//     debtor, so only an action naming such a group is reported;
//   - a [ClauseIn] in any of the clause's conditions (the anchors of its
//     deadline and expiry included), reading without a debtor a clause
//     that itself binds two or more debtors severally (at the clauseIn
//     node): [ClauseInFor] with [Debtor] reads the instance's own
//     debtor's;
//   - a [Breached] in any of those conditions, with no filter
//     debtor, counting the breaches of such a clause (at the breached
//     node).
//
// Write [Debtor] where the instance's own debtor is meant; where any
// party's act is meant, the problem can be ignored.
//
// Lint also reports, with [ErrNoZone], every deadline, expiry, recurrence,
// term and InForceAt that counts local days (a calendar period or a day
// rounding) in an agreement that declares no zone, for a clause that
// declares none either (the agreement's term included): its days are then UTC days, which is right only
// for agreements that mean UTC. Lint does not repeat
// what [Agreement.Validate] reports (a condition naming one of the
// clause's own debtors as actor is a validation problem), and reads an
// invalid agreement as far as it can, without failing or panicking. It
// returns nil when there is nothing to report, and otherwise a
// *ValidationError listing every problem with its path, as Validate does.
// It does not modify a.
func (a Agreement) Lint() error {
	var ps ValidationError
	v := newValidator(&ps, []Agreement{a})
	v.lint(&a, "")
	return ps.Err()
}

// Lint reports what [Agreement.Lint] does for every instrument of p, with
// qualified references resolved across instruments. Paths start with
// "agreements[i]". It does not modify p.
func (p Process) Lint() error {
	var ps ValidationError
	v := newValidator(&ps, p.Agreements)
	for i := range p.Agreements {
		v.lint(&p.Agreements[i], idx("agreements", i))
	}
	return ps.Err()
}

// lint adds the lint problems of a, at path, to v's list.
func (v *validator) lint(a *Agreement, path string) {
	v.lintZones(a, path)
	v.home = a.ID
	v.local = map[ClauseID]*Clause{}
	for i := range a.Clauses {
		if _, dup := v.local[a.Clauses[i].ID]; !dup {
			v.local[a.Clauses[i].ID] = &a.Clauses[i]
		}
	}
	members := map[GroupID][]PartyID{}
	for _, g := range a.Groups {
		if _, dup := members[g.ID]; !dup {
			members[g.ID] = g.Members
		}
	}
	for i := range a.Clauses {
		c := &a.Clauses[i]
		if !several(c) {
			continue
		}
		cp := idx(field(path, "clauses"), i)
		l := clauseLint{v: v, c: c, members: members}
		for _, nc := range clauseConditions(c) {
			if isNil(nc.Condition) {
				continue
			}
			acts := nc.Name == "fulfilment" || nc.Name == "violation"
			budget := MaxConditionSize
			l.walk(field(cp, nc.Name), nc.Condition, 1, &budget, acts)
		}
		def := c.Kind == DeonticObligation && isNil(c.Fulfilment) || c.Kind == DeonticProhibition && isNil(c.Violation)
		if def && c.Action != nil && c.Action.Actor == "" && l.sharedGroup(c.Action.Group) {
			l.groupProblem(field(field(cp, "action"), "group"), c.Action.Group)
		}
	}
}

// clauseLint lints the conditions of one clause binding several debtors
// severally.
type clauseLint struct {
	v       *validator
	c       *Clause
	members map[GroupID][]PartyID
}

// walk visits the condition at path and its operands, as validation does:
// at most [MaxDepth] deep and, through budget, [MaxConditionSize] nodes.
// acts is set in a fulfilment or violation condition, whose event atoms
// are checked.
func (l *clauseLint) walk(path string, c Condition, depth int, budget *int, acts bool) {
	if *budget--; *budget < 0 || depth > MaxDepth || isNil(c) {
		return
	}
	switch c := c.(type) {
	case *HappenedCondition:
		l.pattern(field(path, "happened"), c.pattern, acts)
	case *BeforeCondition:
		l.pattern(field(field(path, "before"), "first"), c.first, acts)
		l.pattern(field(field(path, "before"), "then"), c.then, acts)
	case *WithinCondition:
		l.pattern(field(field(path, "within"), "event"), c.pattern, acts)
	case *SinceCondition:
		l.pattern(field(field(path, "since"), "event"), c.pattern, acts)
	case *TallyCondition:
		name := "level"
		if c.sum {
			name = "total"
		}
		l.pattern(field(field(path, name), "event"), c.pattern, acts)
	case *ClauseInCondition:
		if t, ok := l.v.resolve(c.ref); ok && c.debtor == "" && several(t) {
			l.v.add(field(path, "clauseIn"), ErrUnboundDebtor, "reads "+quote(c.ref.String())+
				", which binds its debtors severally, without a debtor: any debtor's instance in those states "+
				"would do for every debtor's instance of this clause; read the instance's own debtor's with "+
				"ClauseInFor and "+quote(string(Debtor)))
		}
	case *BreachedCondition:
		if t, ok := l.v.resolve(c.ref); ok && c.filter.Debtor == "" && several(t) {
			l.v.add(field(path, "breached"), ErrUnboundDebtor, "counts the breaches of "+quote(c.ref.String())+
				", which binds its debtors severally, with no filter debtor: every debtor's breaches count for "+
				"every debtor's instance of this clause; set the filter's debtor to "+quote(string(Debtor))+
				" to count the instance's own debtor's")
		}
	case *AllCondition:
		for i, o := range c.cs {
			l.walk(idx(field(path, "all"), i), o, depth+1, budget, acts)
		}
	case *AnyCondition:
		for i, o := range c.cs {
			l.walk(idx(field(path, "any"), i), o, depth+1, budget, acts)
		}
	case *NotCondition:
		l.walk(field(path, "not"), c.c, depth+1, budget, acts)
	case *AtLeastCondition:
		for i, o := range c.cs {
			l.walk(idx(field(field(path, "atLeast"), "of"), i), o, depth+1, budget, acts)
		}
	}
}

// pattern reports, in a fulfilment or violation condition (acts), a
// pattern that can match another debtor's act.
func (l *clauseLint) pattern(path string, p Pattern, acts bool) {
	if !acts || p.Actor != "" {
		return
	}
	if p.Group == "" {
		l.v.add(path, ErrUnboundDebtor, "the pattern names no actor, so it matches any party's act, another "+
			"debtor's included, and each debtor's instance would answer for it; write actor "+
			quote(string(Debtor))+" for the instance's own debtor")
		return
	}
	if l.sharedGroup(p.Group) {
		l.groupProblem(field(path, "group"), p.Group)
	}
}

// sharedGroup reports whether group g holds two or more of the clause's
// debtors.
func (l *clauseLint) sharedGroup(g GroupID) bool {
	if g == "" {
		return false
	}
	n := 0
	seen := map[PartyID]bool{}
	for _, m := range l.members[g] {
		if !seen[m] && isDebtor(l.c, m) {
			n++
		}
		seen[m] = true
	}
	return n >= 2
}

func (l *clauseLint) groupProblem(path string, g GroupID) {
	l.v.add(path, ErrUnboundDebtor, "group "+quote(string(g))+" holds several of the debtors the clause binds "+
		"severally, so each debtor's instance would answer for another's act; write actor "+
		quote(string(Debtor))+" for the instance's own debtor")
}

// lintZones reports the limits and recurrences counting local days with no
// zone declared.
func (v *validator) lintZones(a *Agreement, path string) {
	if a.Zone != "" {
		return
	}
	local := func(d Deadline) bool { return d.Period.Calendar() || d.Round != RoundNone }
	report := func(p, what string) {
		v.add(p, ErrNoZone, what+" counts local days, but no zone is declared: they are UTC days; "+
			"declare the agreement's zone (or the clause's)")
	}
	if local(a.InForceAt) {
		report(field(path, "inForceAt"), "the entry into force")
	}
	if calendarTerm(a.Term) {
		report(field(path, "term"), "the term")
	}
	for i := range a.Clauses {
		c := &a.Clauses[i]
		if c.Zone != "" {
			continue
		}
		cp := idx(field(path, "clauses"), i)
		if local(c.Deadline) {
			report(field(cp, "deadline"), "the deadline")
		}
		if local(c.Expiry) {
			report(field(cp, "expiry"), "the expiry")
		}
		if r := c.Recurs; r.Every.Calendar() || r.Within.Calendar() || r.Round != RoundNone {
			report(field(cp, "recurs"), "the recurrence")
		}
		if calendarTerm(c.Term) {
			report(field(cp, "term"), "the term")
		}
	}
}

// calendarTerm reports whether t counts any of its periods on the calendar.
func calendarTerm(t Term) bool {
	return t.Period.Calendar() || t.Renewal.Calendar() || t.Notice.Calendar()
}
