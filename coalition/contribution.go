package coalition

import (
	"github.com/peacekit/peacekit/agreement"
)

// ContributionID identifies a contribution within its coalition, such as
// "us-backstop". It is also the id of the clause the contribution compiles
// to, so that two versions of a coalition compile to agreements whose diff
// reports a removed commitment rather than a renumbering; it therefore has
// the syntax of [agreement.ClauseID]. The zero value is invalid.
type ContributionID string

// Valid reports whether id is well formed: 1 to 64 ASCII letters, digits,
// '.', '_' or '-', starting with a letter or digit.
func (id ContributionID) Valid() bool { return agreement.ClauseID(id).Valid() }

// ClauseID returns the id of the clause id compiles to: the same text.
func (id ContributionID) ClauseID() agreement.ClauseID { return agreement.ClauseID(id) }

// Basing says where a contribution's forces or assets are based. The zero
// value says nothing (BasingUnspecified).
type Basing struct {
	Kind BasingKind
	// Areas name where inside the host country, for Kind InHost only;
	// optional. Area ids have the syntax of [agreement.AreaID].
	Areas []agreement.AreaID
	// Location describes the place in words, such as "Poland" or "Black
	// Sea"; optional.
	Location string
}

// Contribution is what one member or partner offers to one function of a
// coalition: France's "several thousand" troops for the multinational force
// once a ceasefire holds; the United States' support for that force "in the
// event of a new Russian attack". The zero value is not valid.
//
// Condition is the condition under which the contribution applies, as the
// source states it; nil means unconditionally. Its conjuncts that require
// an armed attack ([RequiresEvent]) are read as a *new* attack: one after
// the rest of the condition holds. [SplitCondition] gives the exact mapping
// onto a clause's trigger and antecedent, and [Contribution.IsBackstop] the
// rule that makes a contribution part of the backstop.
type Contribution struct {
	ID ContributionID
	// Contributor is the member or partner that offers it.
	Contributor agreement.PartyID
	// Function is the declared function it serves.
	Function FunctionID
	// Text is the source's words, verbatim.
	Text string
	// Quantities are the amounts offered, as ranges that keep the source's
	// wording (France's "several thousand" troops); empty when the source
	// states none.
	Quantities []agreement.Range
	Basing     Basing
	Condition  agreement.Condition
	// Action is the event pattern that performs the contribution; nil means
	// a [agreement.Performance] event by the contributor naming the compiled
	// clause.
	Action *agreement.Pattern
	// Beneficiaries are whom the contribution is owed to, the creditors of
	// its clause; nil means the coalition's Host.
	Beneficiaries []agreement.PartyID
	Force         agreement.Force
	// Source says which text the contribution comes from: the draft
	// statement, the final communiqué, a leader's words.
	Source agreement.Source
}

// IsBackstop reports whether ct is a backstop commitment: one that applies
// only if the ceasefire is broken by a new attack. The rule is
// RequiresEvent(ct.Condition, agreement.ArmedAttack): the condition cannot
// hold unless an armed-attack event happens. See [RequiresEvent] for how
// each node of the condition is read.
func (ct Contribution) IsBackstop() bool {
	return RequiresEvent(ct.Condition, agreement.EventKindArmedAttack)
}

// RequiresEvent reports whether c cannot hold unless an event of the given
// kind happens, read from the structure of c alone (package coalition knows
// no timeline and does not look inside fluents):
//
//   - Happened(p), Within(p, d) and Since(p, d) require it when p.Kind is
//     kind; Before(a, b) when a.Kind or b.Kind is (both events must happen).
//     Other filters of the patterns (actor, target, ...) are not looked at.
//   - All requires it when some operand does.
//   - Any requires it when it has operands and every one does.
//   - AtLeast(k, ...) requires it when 1 <= k <= len(operands) and fewer
//     than k operands do not require it (every choice of k includes one that
//     does).
//   - Not never requires it (the rule is conservative: Not(Not(x)) is not
//     simplified); nor do Holds, ClauseIn and AgreementIn, nor a nil
//     condition.
//
// RequiresEvent never panics, whatever the depth of c: it walks c with a
// stack of its own rather than by recursion, and reads a node shared by
// several operands (the same pointer) once, so its time is linear in the
// number of distinct nodes. A nil pointer to a node type reads as that node
// with no operands.
func RequiresEvent(c agreement.Condition, kind agreement.EventKind) bool {
	if v, atom := requiresAtom(c, kind); atom {
		return v
	}
	// done holds the value of every combinator already read.
	done := map[agreement.Condition]bool{}
	value := func(o agreement.Condition) (v, known bool) {
		if v, atom := requiresAtom(o, kind); atom {
			return v, true
		}
		v, known = done[o]
		return v, known
	}
	stack := []agreement.Condition{c}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		if _, ok := done[n]; ok {
			stack = stack[:len(stack)-1]
			continue
		}
		ops := agreement.Operands(n)
		waiting := false
		for _, o := range ops {
			if _, known := value(o); !known {
				stack = append(stack, o)
				waiting = true
			}
		}
		if waiting {
			continue
		}
		stack = stack[:len(stack)-1]
		count := 0 // operands that require the event
		for _, o := range ops {
			if v, _ := value(o); v {
				count++
			}
		}
		switch n := n.(type) {
		case *agreement.AllCondition:
			done[n] = count > 0
		case *agreement.AnyCondition:
			done[n] = len(ops) > 0 && count == len(ops)
		case *agreement.AtLeastCondition:
			k := n.K()
			done[n] = 1 <= k && k <= len(ops) && len(ops)-count < k
		default:
			done[n] = false
		}
	}
	return done[c]
}

// requiresAtom reads a node RequiresEvent does not descend into: the
// event atoms, Not, the other atoms and nil. atom is false for All, Any and
// AtLeast.
func requiresAtom(c agreement.Condition, kind agreement.EventKind) (v, atom bool) {
	switch c := c.(type) {
	case *agreement.HappenedCondition:
		return c.Pattern().Kind == kind, true
	case *agreement.WithinCondition:
		return c.Pattern().Kind == kind, true
	case *agreement.SinceCondition:
		return c.Pattern().Kind == kind, true
	case *agreement.BeforeCondition:
		return c.First().Kind == kind || c.Then().Kind == kind, true
	case *agreement.AllCondition, *agreement.AnyCondition, *agreement.AtLeastCondition:
		return false, false
	}
	return false, true
}

// SplitCondition maps a contribution's condition onto the trigger and the
// antecedent of the clause it compiles to. This is what makes "in the event
// of a new attack" mean an attack after the ceasefire rather than any attack
// since the start of the war:
//
//  1. c is split into its conjuncts: the operands of a top-level All,
//     recursively (All inside All is flattened), or c itself when it is not
//     an All. A nil c has no conjuncts; nil operands (which validation
//     rejects) are dropped.
//  2. The conjuncts that require an armed attack
//     (RequiresEvent(x, agreement.ArmedAttack)) form the antecedent; all
//     the others form the trigger. Order is kept within each.
//     A conjunct Before(a, attack), where only the later event is an
//     attack, is split: Happened(a) joins the trigger and Happened(attack)
//     the antecedent, which keeps the order (the antecedent sees only
//     events after the trigger held) without asking the antecedent to see
//     a, which happened before.
//  3. Each part is nil when empty, the conjunct itself when it has one, and
//     the All of its conjuncts otherwise.
//
// So "after a ceasefire" (Holds("ceasefire-in-force")) becomes the trigger;
// "in the event of a new Russian attack" (Happened(armed-attack by RU))
// the antecedent. Package scenario lets an antecedent's event atoms see only
// events after the clause left Dormant, so strikes before the ceasefire
// never count as the new attack. A condition with only attack conjuncts has
// a nil trigger: its clause leaves Dormant as soon as its agreement is in
// force, and only attacks after that count.
//
// The antecedent is non-nil exactly when RequiresEvent(c,
// agreement.ArmedAttack), that is, when the contribution is a backstop
// commitment. Ignoring when events happen, the trigger and the antecedent
// both hold exactly when c does; with time, the antecedent's events count
// only after the trigger held, which is the point. SplitCondition never
// panics, whatever the depth of c: it walks c with a stack of its own
// rather than by recursion.
func SplitCondition(c agreement.Condition) (trigger, antecedent agreement.Condition) {
	var trig, ante []agreement.Condition
	for _, x := range conjuncts(c) {
		b, isBefore := x.(*agreement.BeforeCondition)
		switch {
		case isBefore && b.First().Kind != agreement.EventKindArmedAttack && b.Then().Kind == agreement.EventKindArmedAttack:
			// "an attack after x": x is part of what triggers the clause,
			// the attack is the new event it waits for.
			trig = append(trig, agreement.Happened(b.First()))
			ante = append(ante, agreement.Happened(b.Then()))
		case RequiresEvent(x, agreement.EventKindArmedAttack):
			ante = append(ante, x)
		default:
			trig = append(trig, x)
		}
	}
	return conjunction(trig), conjunction(ante)
}

// conjuncts returns the conjuncts of c in order: the operands of All,
// flattened, or c itself; nil operands dropped. It keeps a stack of its own
// rather than recursing, so that no depth of nested All overflows the
// goroutine's stack.
func conjuncts(c agreement.Condition) []agreement.Condition {
	var out []agreement.Condition
	stack := []agreement.Condition{c} // what is left to read, the next on top
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := n.(type) {
		case nil:
		case *agreement.AllCondition:
			ops := x.Conditions()
			for i := len(ops) - 1; i >= 0; i-- {
				stack = append(stack, ops[i])
			}
		default:
			out = append(out, n)
		}
	}
	return out
}

func conjunction(cs []agreement.Condition) agreement.Condition {
	switch len(cs) {
	case 0:
		return nil
	case 1:
		return cs[0]
	}
	return agreement.All(cs...)
}
