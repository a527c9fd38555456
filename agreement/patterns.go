package agreement

import "slices"

// Patterns returns every event pattern condition c mentions, in the order
// [Walk] visits them: the pattern of each Happened, Within and Since atom
// and both patterns of each Before atom (first, then), as written (clause
// filters unresolved, duplicates kept). It returns nil for a nil condition
// or one that mentions no event. The result is a new slice; it is safe for
// concurrent use and never panics. Like Walk, it reads at most
// [MaxConditionSize] nodes of c.
func Patterns(c Condition) []Pattern {
	var out []Pattern
	Walk(c, func(n Condition) bool {
		switch n := n.(type) {
		case *HappenedCondition:
			out = append(out, n.Pattern())
		case *WithinCondition:
			out = append(out, n.Pattern())
		case *SinceCondition:
			out = append(out, n.Pattern())
		case *BeforeCondition:
			out = append(out, n.First(), n.Then())
		}
		return true
	})
	return out
}

// ActionPatterns returns the patterns whose events perform clause c of
// agreement home, as package scenario reads them (its "Actions" rule): the
// clause's action or, for a power without one, the
// [EventKindPowerExercised] event naming it by qualified reference; with
// the actor set to each debtor in turn unless the pattern names an actor or
// a group, the clause binds its debtors jointly or it has no debtor. It
// returns nil for a clause with no action that is not a power (the zero
// Clause included). The result is a new slice; it never panics.
func ActionPatterns(home AgreementID, c Clause) []Pattern {
	var p Pattern
	switch {
	case c.Action != nil:
		p = *c.Action
	case c.Kind == DeonticPower:
		p = Pattern{Kind: EventKindPowerExercised, Clause: QualifiedRef(home, c.ID)}
	default:
		return nil
	}
	if p.Actor != "" || p.Group != "" || c.Joint || len(c.Debtors) == 0 {
		return []Pattern{p}
	}
	out := make([]Pattern, len(c.Debtors))
	for i, d := range c.Debtors {
		out[i] = p
		out[i].Actor = d
	}
	return out
}

// ClausePatterns returns every event pattern clause c of agreement home
// mentions: its [ActionPatterns], then the [Patterns] of each condition
// slot in the order of [Clause.Conditions] (trigger, antecedent,
// fulfilment, violation), of the anchors (From) of its deadline and
// expiry, and the pattern starting the occurrences of a recurring duty
// ([Recurrence.On]). It returns nil when there is none. The result is a
// new slice; it never panics.
func ClausePatterns(home AgreementID, c Clause) []Pattern {
	out := ActionPatterns(home, c)
	for _, nc := range clauseConditions(&c) {
		out = append(out, Patterns(nc.Condition)...)
	}
	if c.Recurs.On != nil {
		out = append(out, *c.Recurs.On)
	}
	return out
}

// Performers returns the parties that perform clause c's action, clause c
// being a clause of agreement a (a is consulted only for the members of a
// group), by the rules package scenario replays with (its "Actions" rule:
// the action's actor defaults to the debtor):
//
//   - an action naming an actor is performed by that actor alone;
//   - an action naming a group (Pattern.Group) by any member of the group,
//     so the result is the group's members as a declares them (none when a
//     does not declare the group);
//   - otherwise by the debtors: each for its own share when the clause
//     binds them severally, all of them together when it binds them
//     jointly ([Clause.Joint]: one performance by any of them performs the
//     clause for all). The result is the debtors in both cases; c.Joint
//     tells them apart.
//
// A power without an action is performed by its debtors exercising it. A
// clause with no action that is not a power (the zero Clause included) has
// no performer: the result is nil. For a prohibition the performers are
// those whose performing the action would violate it. The result is a new
// slice without duplicates, in the order of the actor, the group's members
// or the debtors. It is safe for concurrent use and never panics.
func Performers(a Agreement, c Clause) []PartyID {
	var out []PartyID
	switch {
	case c.Action != nil && c.Action.Actor != "":
		out = []PartyID{c.Action.Actor}
	case c.Action != nil && c.Action.Group != "":
		for _, g := range a.Groups {
			if g.ID == c.Action.Group {
				out = append(out, g.Members...)
			}
		}
	case c.Action != nil || c.Kind == DeonticPower:
		out = slices.Clone(c.Debtors)
	}
	return dedup(out)
}

// dedup removes repeated parties, keeping the first of each.
func dedup(ps []PartyID) []PartyID {
	var out []PartyID
	for _, p := range ps {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}
