package agreement

import (
	"time"
)

// Source says where a clause's text comes from: which document, who said it,
// when. "draft statement" and "final communiqué" are two sources of the same
// meeting. The zero value means the source is not recorded.
type Source struct {
	Document string    // such as "final communiqué"
	Speaker  string    // who said or wrote it, if one person did
	Date     time.Time // zero when unknown
}

// Clause is one provision of an agreement: who is bound (Debtors) to whom
// (Creditors) to do, avoid or be allowed what (Action), and when that starts
// and ends (the conditions). The zero value is not a valid clause.
//
// The lifecycle and the meaning of each condition are stated in the package
// doc (Clauses and conditions, Lifecycle); package scenario applies them:
//   - Trigger (nil: true from the start) moves the clause out of Dormant;
//     it sees the whole history and latches.
//   - Antecedent (nil: none) must then also hold for it to be InEffect; it
//     latches and sees only events after the clause became Pending.
//   - Deadline: an obligation not fulfilled by then is Violated; one that
//     binds regardless of activation ([Deadline.Unconditional]) and is
//     reached before the clause is in effect makes it Lapsed.
//   - Expiry: the clause is Discharged then (a prohibition still in effect is
//     Fulfilled: it was kept).
//
// Deadlines and expiries may be durations, calendar periods, absolute
// instants, or anchored on an event or a transition: see [Deadline].
//   - Fulfilment (nil: the action happened, for an obligation that is not
//     standing) and Violation (nil: the action happened, for a prohibition)
//     end it; for a power, Fulfilment is when it is exercised. The
//     violation of a standing clause records a breach instead.
//
// A power (Kind == Power) changes the state of its Targets when exercised:
// by an event of kind [EventKindPowerExercised] naming it, or, for an
// automatic power, the moment its Fulfilment condition holds. Effect says
// how. A Suspend power names the Resume power (ResumedBy) that undoes it.
// TargetDebtor limits it to one debtor's instance of each target.
//
// A standing clause (Standing) is kept rather than achieved: a ceasefire, a
// limit on troops. Each breach is recorded and counted, and the clause stays
// in effect; see the package doc, Standing clauses.
//
// Clause values are treated as immutable by this package: nothing here
// modifies a clause it is given.
type Clause struct {
	ID       ClauseID
	Text     string // verbatim, from the source
	Source   Source
	Kind     Deontic
	Force    Force
	Category Category
	// Debtors are bound by the clause. Several debtors are bound severally
	// (each alone), unless Joint is set.
	Debtors []PartyID
	// Joint binds the debtors together rather than each alone.
	Joint bool
	// Creditors are whom the clause is owed to.
	Creditors []PartyID
	// Action is what the debtors must do (obligation), must not do
	// (prohibition), may do (permission) or do to exercise a power; nil when
	// the clause states no action, in which case an obligation needs a
	// Fulfilment and a prohibition a Violation condition.
	Action *Pattern
	// Quantities the clause commits to, such as "several thousand troops".
	Quantities []Range

	Trigger    Condition
	Antecedent Condition
	Deadline   Deadline
	Expiry     Deadline
	Fulfilment Condition
	Violation  Condition

	// Standing marks a prohibition or obligation of maintenance: each time
	// its violation holds it records a breach and stays in effect.
	Standing bool

	// Effect, Targets and ResumedBy describe a power; they are empty for any
	// other kind of clause.
	Effect  Effect
	Targets []Ref
	// ResumedBy names the Resume power paired with a Suspend power.
	ResumedBy ClauseID
	// TargetDebtor, set on a power, limits its effect to the instance of
	// each target owed by that debtor; [Debtor] names the exercising
	// instance's own debtor. Empty: every instance of each target.
	TargetDebtor PartyID

	// Relaxes, set on a permission, names the prohibitions (of the same
	// agreement or, qualified, another) whose acts it excuses: an act
	// matching both the prohibition's action and the permission's, by a
	// debtor of both, is no breach while the permission covers it. Covers
	// and CoverWindow say how many acts each grant covers; see the package
	// doc, Consumed permissions.
	Relaxes []Ref
	// Grant, set on a permission that relaxes, is the authorisation: each
	// event matching it grants cover. Nil: the permission's entry into
	// effect is the only grant.
	Grant *Pattern
	// Covers is how many acts one grant covers; 0 means one, unless
	// CoverWindow is set, in which case it means every act in the window.
	Covers int
	// CoverWindow, when positive, limits a grant to the acts within that
	// long from it (e.At <= act < e.At+CoverWindow).
	CoverWindow time.Duration

	// Surviving clauses keep their own lifecycle while the agreement is not
	// in force (dispute settlement, for instance).
	Surviving bool

	// Provisional clauses apply from each debtor's own signature, before
	// the agreement enters into force: the instance owed by a debtor (all
	// the debtors, when joint) may change state once that debtor has signed
	// (see [Agreement.Signatories]), while the agreement is Draft or Signed.
	// Entry into force then continues them with no transition.
	Provisional bool

	// Recurs makes an obligation a recurring duty (see [Recurrence]).
	Recurs Recurrence

	// Zone, when set, is the time zone of this clause's local days and
	// calendar periods instead of its agreement's [Agreement.Zone].
	Zone Zone

	// Term, when set, is how long the clause runs from its first entry
	// into effect and how it renews (see [Term]); a clause with a term has
	// no Expiry.
	Term Term
	// DuringSuspension says what acts done while the clause is suspended
	// count for (see [SuspensionRule]).
	DuringSuspension SuspensionRule
}

// Conditions returns the clause's four condition slots by their JSON names, in
// a fixed order, with nil for unset slots. Deadlines and expiries are not
// conditions and are not included.
func (c Clause) Conditions() [4]NamedCondition {
	return [4]NamedCondition{
		{"trigger", c.Trigger},
		{"antecedent", c.Antecedent},
		{"fulfilment", c.Fulfilment},
		{"violation", c.Violation},
	}
}

// NamedCondition is a condition with the name of the slot holding it.
type NamedCondition struct {
	Name      string
	Condition Condition
}
