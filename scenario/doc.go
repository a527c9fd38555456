// Package scenario is time for peacekit: timelines of events replayed over an
// agreement (or a [agreement.Process] of linked agreements), with the state of
// every clause at every instant and an explanation of each.
//
// [Compile] turns an agreement into an [Engine]: conditions compiled into a
// flat program evaluated without allocating, and an index from everything a
// clause depends on (event patterns, fluents, other clauses' states, the
// agreement's state, timers) to the clauses that depend on it, so that an
// event re-evaluates only those. An Engine is immutable and safe for
// concurrent use. [Engine.Replay] runs a whole [Timeline] up to an end
// instant into a [Trace]; [Engine.Start] returns a [Run] that takes events
// one at a time ([Run.Apply]), advances the clock ([Run.AdvanceTo]) so that
// deadlines, expiries and timed conditions fire with no event, and forks
// ([Run.Fork]) so that what-if branches share their prefix.
//
// # Semantics
//
// The lifecycle is DESIGN.md's, adapted from Symboleo. This package applies
// it as follows.
//
//   - Start. A run starts at an instant. Every clause is Dormant; an agreement
//     is Signed if its signing status is signed or it records signatures,
//     Draft otherwise; each fluent has its initial value. Everything is first
//     evaluated when the start instant closes, with the events at it.
//   - Batches. The events of one instant form a batch, committed when the
//     clock moves past the instant (a later event, [Run.AdvanceTo], or the
//     end of a replay), so one-at-a-time and whole-timeline replays agree.
//     Within a batch, events are taken in timeline order: each adds an
//     occurrence to every pattern it matches, sets the fluents it initiates
//     and then clears those it terminates.
//   - Agreements. A signing event naming an agreement (Event.Clause is the
//     agreement's ref, or empty when there is only one) moves it from Draft
//     to Signed. A Signed agreement enters into force as soon as its
//     entry-into-force condition holds (at once when it has none). A clause
//     that does not survive changes state only while its agreement is in
//     force, and its deadline does not run otherwise; when the agreement is
//     terminated, so is every such clause not yet final.
//   - Order and fixpoint. After the batch, an instant runs in rounds until
//     nothing changes: agreements entering into force; then, for the clauses
//     whose dependencies changed, in order: activation (Dormant to Pending or
//     InEffect, Pending to InEffect), fulfilment, the effects of powers
//     exercised in the round (discharge and termination, then suspension and
//     resumption), violation (by condition, then by deadline), expiry. A
//     transition marks the clauses that read it for the next round.
//     Validation forbids dependency cycles, so rounds end.
//   - What conditions see. A trigger sees every event up to the instant. An
//     antecedent, fulfilment or violation condition's event atoms see only
//     events strictly after the instant the clause entered its current state
//     (for an antecedent checked on leaving Dormant, after the current
//     instant): strikes before a ceasefire are never "a new attack" for a
//     guarantee it triggered. The agreement's suspension is a gate, not a
//     transition: a clause in effect across it sees, at resumption, the
//     events that happened meanwhile. Holds, ClauseIn and AgreementIn read the state
//     at the instant, as it stands in the current round. Triggers and
//     antecedents latch: once the clause has moved on, they are not
//     evaluated again.
//   - Timed atoms. Within(p, d) holds at t when the last visible event
//     matching p happened at or before t and less than d before it;
//     Since(p, d) when the first visible matching event happened d or more
//     before t; Before(a, b) when the first visible a is strictly before the
//     last visible b. The engine wakes at every instant such an atom changes
//     value, with no event.
//   - Actions. An obligation without a fulfilment condition is fulfilled by
//     its action happening; a prohibition without a violation condition is
//     violated by it; a power is fulfilled (exercised, once) by its action
//     or, without one, by a [agreement.EventKindPowerExercised] event naming it. The
//     action's actor, unless the pattern names one or a group or the clause
//     is joint, is the debtor.
//   - Several debtors. A clause binding several debtors severally becomes one
//     instance per debtor ("M2[UA]", "M2[RU]"), each with its own lifecycle;
//     ClauseIn holds when any instance of the clause is in one of its states.
//   - Deadlines and expiry. A duration deadline runs from entering InEffect
//     while the clause is in effect and its gate open; an absolute deadline
//     is an instant, and one passed while suspended is a violation at the
//     instant of resumption. An expiry runs from leaving Dormant (or is an
//     instant): a Pending or InEffect clause reaching it is Discharged, a
//     prohibition in effect Fulfilled.
//   - Powers. Exercising a power applies its effect to every instance of
//     its target clauses at the same instant: discharge (InEffect), terminate
//     (any state not final), suspend (InEffect, remembering the suspending
//     power); its paired resume power lifts that power's suspensions, and a
//     clause resumes when none is left. A power aimed at an agreement
//     terminates it, or suspends it until the paired resume power is
//     exercised. An effect on a clause whose gate is closed is lost (the
//     power is spent), except that a resume lifting its suspend power's hold
//     on both a clause and that clause's agreement lifts both. Powers
//     exercised at one instant act in the order of their exercises.
//   - Waking. A clause is evaluated in a round only when something it
//     depends on changed (a matching event, a fluent, a state it reads) or
//     one of its own instants falls due (a timed atom turning, its deadline,
//     its expiry); a clause woken in a round sees the transitions made
//     earlier in that round.
//   - Territory. A replay starts from each agreement's stated territory.
//     Control-changed events move control (Actor gains, from Target, a
//     percent quantity or all of it); referendum-held and arbitration-award
//     events resolve the question pending in their area (an arbitration only
//     by its arbiter). When an agreement enters into force, its options take
//     effect, except withdrawals and administrations: those move control when
//     every debtor has fulfilled the implied withdrawal clause. A referendum
//     or award clause violated by its deadline lets the question lapse. The
//     implied clauses ([agreement.Agreement.Settle]) are replayed when the
//     agreement includes them. An event that cannot change territory as it
//     says is kept and listed by [Trace.Rejections]; [Trace.Territory]
//     answers who holds what at any instant.
//
// Every transition records its cause ([Cause]) and, when a condition decided
// it, each condition node's value as the evaluator computed it; [Trace.Explain]
// shows those, and evaluates the conditions still open at any instant with
// the same evaluator. [Trace.Markdown] and [Trace.Mermaid] render a trace's
// transitions and causes as a table and as a sequence diagram.
package scenario
