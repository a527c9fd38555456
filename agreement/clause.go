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

// Deadline is a time limit on a clause: either a duration counted from an
// instant the clause reaches (After), or an absolute instant (At). At most one
// of the two is set; the zero value means "no limit".
//
// Used as [Clause.Deadline], After counts from the instant the clause entered
// InEffect and pauses while it is suspended. Used as [Clause.Expiry], After
// counts from the instant the clause left Dormant.
type Deadline struct {
	After time.Duration
	At    time.Time
}

// IsZero reports whether d sets no limit.
func (d Deadline) IsZero() bool { return d.After == 0 && d.At.IsZero() }

// Equal reports whether d and o set the same limit; instants are compared
// with [time.Time.Equal].
func (d Deadline) Equal(o Deadline) bool { return d.After == o.After && d.At.Equal(o.At) }

// String returns "after 3d", "at 2026-02-01T00:00:00Z" or "none".
func (d Deadline) String() string {
	switch {
	case d.After != 0:
		return "after " + FormatDuration(d.After)
	case !d.At.IsZero():
		return "at " + d.At.UTC().Format(time.RFC3339)
	}
	return "none"
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
//   - Deadline: an obligation not fulfilled by then is Violated.
//   - Expiry: the clause is Discharged then (a prohibition still in effect is
//     Fulfilled: it was kept).
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
