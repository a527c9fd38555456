// Package scenario is time for peacekit: timelines of events replayed over an
// agreement (or an [agreement.Process] of linked agreements), with the state of
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
// ([Run.Fork]) so that what-if branches share their prefix; a run answers,
// allocating nothing, the state of any clause or agreement as it stands
// ([Run.State]) and the next instant it will act on its own
// ([Run.NextWake]).
//
// The lifecycles of clauses and agreements, and what each condition slot
// means, are defined by package [agreement]. The sections below state how a
// replay applies them, in the order the engine does, and what it guarantees.
//
// # Start
//
// A run starts at an instant. Every clause is Dormant; an agreement is Signed
// if its signing status is [agreement.SigningStatusSigned] or it records
// signatures, Draft otherwise; each fluent has its initial value. Nothing is
// evaluated until the start instant closes; then every clause and agreement
// is woken, with the events at the start instant as the first batch.
//
// # Instants and batches
//
// The events of one instant form a batch, taken in timeline order. The state
// "at t" is the state after the batch at t and everything it sets off. A run
// commits an instant only when its clock moves past it (a later event,
// [Run.AdvanceTo], or the end of a replay), so one-at-a-time and
// whole-timeline replays agree. Time passing alone also moves clauses: the
// clock stops at every instant at which a deadline or an expiry falls, or a
// timed atom changes value.
//
// # Order inside an instant
//
// An instant is committed in three steps, after the amendments taking
// effect at it (see Amendments).
//
//  1. The clauses and agreements that have something falling due at the
//     instant are woken: a timed atom of their conditions turning, a
//     deadline, an expiry, an occurrence of a recurring duty, a recorded
//     signature's date. An exclusive limit (see Calendar time) falling now
//     takes effect at once, before the batch: what happens at its instant
//     no longer counts.
//  2. The events of the batch, in timeline order: each adds an occurrence to
//     every pattern it matches, sets the fluents it initiates and then clears
//     those it terminates, waking every clause and agreement whose
//     conditions (or actions) mention a pattern it matches or a fluent it
//     changes. A signing event records its actor's signature (see
//     Agreements);
//     control-changed, referendum-held and arbitration-award events change
//     territory (see Territory); a revised event revises an earlier one (see
//     Later attribution). Conditions see only the result of the whole
//     batch: a fluent set and cleared within one instant never holds for them.
//  3. Rounds, until nothing is woken. A round first takes the recorded
//     signatures falling due and the ends of the agreements' terms (see
//     Terms), and lets each woken Signed agreement whose entry into force
//     has come (see Agreements) enter into force.
//     Then it takes the woken clauses in declaration order (agreement by
//     agreement, clause by clause, debtor by debtor) through, in turn:
//     anchors (a deadline or expiry whose From condition now holds becomes
//     a fixed instant); lapse (a deadline binding regardless of activation
//     reached while the clause is Dormant or Pending: Lapsed);
//     activation (Dormant to Pending or InEffect, Pending to InEffect);
//     fulfilment (for a recurring duty: its occurrences, see Calendar
//     time); the effects of the powers exercised in this round
//     (discharge and termination, then suspension and resumption), in the
//     order of the events that exercised them: a power's action, or the
//     event its Happened fulfilment names; a power whose fulfilment is any
//     other condition is exercised by that condition turning true, not by
//     one event, and its effects come first, in the order the round took
//     the powers; violation, by condition and then by
//     deadline (for a standing clause: its breaches, see Standing
//     clauses); expiry.
//
// So when one clause could move in several ways in a round, fulfilment wins
// over discharge or termination, which win over suspension, which wins over
// violation, which wins over expiry. A clause taken later in a round sees the
// transitions made earlier in it. A transition wakes, for the next round, the
// clause itself (unless its new state is final) and every clause and
// agreement whose conditions read its state; an agreement entering into
// force wakes all its clauses; a breach wakes every clause and agreement
// whose conditions count that clause's breaches. Rounds end: apart from suspension and
// resumption, which each take the exercise of a power (and a power is
// exercised once), nothing returns to a state it has left.
//
// # What conditions see
//
// A condition is evaluated only when the clause or agreement holding it is
// woken; otherwise its value cannot have changed. A trigger, like an
// agreement's entry-into-force condition, sees every event up to the
// instant, the batch included. The event atoms (Happened, Before, Within,
// Since) of an antecedent see only events strictly after the instant the
// trigger held, and those of a fulfilment or violation condition only events
// strictly after the instant the clause entered InEffect or was last
// resumed. So strikes before a ceasefire are never "a new attack" for a
// guarantee it triggered, an action at the start instant does not fulfil a
// clause in effect from the start, and a clause's conditions never see the
// events of its own suspension, unless its rule defers them (see
// Suspension).
//
// Total, Level and Breached are event atoms too: they read only the events
// (and breaching acts) the slot sees.
//
// Holds, ClauseIn and AgreementIn read the state at the instant, as it
// stands in the current round; ClauseIn holds when any instance of the clause
// is in one of its states, ClauseInFor when the named debtor's instance is.
// Over the events it sees, Happened(p) holds when one
// matches p; Before(a, b) when one matching b happened strictly after the
// first matching a; Within(p, d), at t, when the last matching p happened less
// than d before t; Since(p, d) when the first matching p happened d or more
// before t; Total(p, b) when the quantities b measures of the matching events
// add up to a value inside b; Level(p, b) when the last matching event that
// carries the quantity reports a value inside b; Breached(x, k, f) when k
// breaches of x matching f were recorded. Triggers and antecedents latch:
// once the clause has moved on, they are not evaluated again.
//
// # Each debtor
//
// The conditions of a clause are compiled once per instance when they name
// [agreement.Debtor]: each instance of a clause expanded per debtor reads it
// as its own debtor, a clause with one debtor as that debtor, a joint clause
// as any of its debtors; [agreement.Creditor] is any creditor of the clause.
// So "refrain from the use of force", owed by three guarantors with the
// violation Happened(armed-attack actor=$debtor), is violated only for the
// attacker, and a reparation owed by each with the trigger
// ClauseInFor(x, $debtor, Violated) activates only for it.
//
// # Standing clauses
//
// A standing clause ([agreement.Clause] Standing) in effect records a breach
// each time its violation holds, and stays InEffect. A violation that is one
// Happened atom, or the default action, records one breach per matching event
// (two in one batch are two breaches), each judged at its own instant and
// caused by its event; any other violation records one breach each time it
// turns true, its event atoms then seeing only events after the breach, so
// that a state that stays true is one breach. [Trace.Breaches] lists them. A
// breach never makes the clause final: a fulfilment condition may still end
// it, and at its expiry it is Violated if it recorded a breach, Fulfilled
// otherwise. Breached counts the breaches whose act (the breaching event, or
// the breach itself when no event caused it) the evaluating slot sees, of
// every instance or of one debtor's, with the attribution and reporter their
// events have at the instant of evaluation, and with a window between the
// first and the last of the k acts.
//
// # Measured acts
//
// A pattern with an item, an item class or a measure matches an event only
// when the event names that item, its item is in the class, or it carries a
// quantity of that name inside the bound, in a unit that converts exactly
// ([agreement.Bound]); an event lacking the quantity never matches.
//
// # Consumed permissions
//
// A prohibition relaxed by permissions ([agreement.Clause] Relaxes) is
// violated (or breached, when standing) by the acts of its action that no
// grant covers: an act by a debtor is covered by a grant of that debtor's
// instance of the permission, in effect at the instant of evaluation (a
// grant is an event matching the permission's Grant at or after it entered
// InEffect, or that entry itself), made at or before the act, within its
// window, with a cover left; grants are consumed earliest first, and
// another debtor's grant never covers an act.
//
// # Later attribution
//
// An event of kind [agreement.EventKindRevised] revises the attribution,
// reporter and actor of the earlier event it names, from its own instant
// on: every pattern's match of the revised event is reconsidered then, the
// clauses whose conditions mention a pattern it now matches (or no longer
// matches) are woken with the revision as cause, and conditions see the
// revised event; they saw the event as logged before. What a slot sees is
// still judged by the instant of the act, and fluents keep what the event
// did when it happened. Explanations show an event as logged and as revised
// at the explained instant.
//
// # Actions and debtors
//
// An obligation without a fulfilment condition is fulfilled by its action
// happening; a prohibition without a violation condition is violated by it;
// a permission is fulfilled only by a fulfilment condition of its own. A power
// is exercised (fulfilled, once) by its action or, without one, by an
// [agreement.EventKindPowerExercised] event naming it. The action's actor,
// unless the pattern names one or a group or the clause is joint, must be
// the debtor. A clause binding several debtors severally becomes one
// [Instance] per debtor ("ceasefire/M2[UA]", "ceasefire/M2[RU]"), each with
// its own lifecycle.
//
// # Deadlines and expiries
//
// A duration deadline (an exact duration or a calendar period, counted on
// the clause's zone) runs from the instant the clause enters InEffect, while
// it is InEffect and its agreement's gate (see Agreements) is open: the
// period fixes how long it runs, and suspension pauses it. An absolute
// deadline is an instant, and so is an anchored one once its anchor has
// held: neither pauses. An obligation still InEffect when its
// deadline passes is Violated then. One that cannot move when its absolute
// deadline passes (it is Dormant, Pending, Suspended or gated) is Violated
// at the instant it is next InEffect with its gate open, unless its
// fulfilment holds then.
//
// An expiry runs from the instant the clause leaves Dormant (or is an
// instant) and never pauses: a Pending or InEffect clause reaching it is
// Discharged, a prohibition in effect Fulfilled. A clause suspended or gated
// at its expiry expires at the instant it can move again, and one that leaves
// Dormant after its absolute expiry expires at once; a Dormant clause never
// expires.
//
// # Powers
//
// A power with a fulfilment condition is automatic: it is exercised, once,
// the moment its condition holds while it is in effect, and its effects carry
// that condition's deciding event as their cause. A power with a target
// debtor acts only on the instances of its targets owed by that debtor (by
// the exercising instance's own debtor, for [agreement.Debtor]): one party's
// share of a clause binding several parties severally is suspended while
// the others run.
//
// Exercising a power applies its effect at the same instant to every instance
// of its target clauses (or its target debtor's): discharge (an InEffect instance), terminate (any
// instance not final), suspend (an InEffect instance; one already Suspended
// is then held by one more power), notice (against the renewal of the
// target's term, see Terms). Its paired resume power lifts that power's
// holds, and an instance resumes when none is left. A power aimed at an
// agreement terminates it (in any state but Terminated) or suspends it (when
// InForce; held by one more power when already Suspended), and the agreement
// resumes when no hold is left; aimed at an agreement with a target debtor,
// it acts on that party's participation instead (see Suspension). An effect
// on a clause whose gate is closed is lost (the power is spent), except that
// a resume power lifting its suspend power's hold on both a clause and that
// clause's agreement (when it is the agreement's only hold) lifts both at
// once. A power is a clause, exercised only while it is in effect with its
// gate open: a power that does not survive is suspended with its agreement,
// and exercised meanwhile takes effect at the resumption only if its rule
// defers the acts of its suspension (see Suspension).
//
// # Suspension
//
// A suspension is a state of the commitments it holds back, so that every
// query, rendering and explanation says so:
//
//   - A power suspending a clause makes each of its InEffect instances (or
//     its target debtor's) Suspended, held by the power.
//   - A power suspending an agreement makes it Suspended, and, at the same
//     instant, each InEffect instance of its clauses that do not survive
//     Suspended too (cause CauseAgreement), held by the agreement; one
//     already Suspended is held by the agreement as well. Dormant and
//     Pending ones stay as they are, gated. When the agreement is in force
//     again, each loses the agreement's hold and one left with none is
//     InEffect again at that instant.
//   - A power aimed at an agreement with a target debtor suspends (or
//     terminates, or discharges) that party's participation: every
//     instance of the agreement's clauses that do not survive and that the
//     party owes, as a power aimed at each of them would; the agreement's
//     own state does not change, and the other parties' commitments run.
//     Its paired resume power lifts those holds.
//
// A duration deadline pauses while its clause is Suspended. What the acts
// done meanwhile count for is the clause's [agreement.SuspensionRule]
// (DuringSuspension): by default (SuspensionExcuses) they count for
// nothing, then or at resumption: from the resumption on, the clause's
// fulfilment and violation conditions (and a standing clause's breaches)
// see only later events. With SuspensionDefers they are judged at the
// resumption: its conditions then see every event since the clause entered
// InEffect before the suspension, and a standing clause records the
// suspension's breaches at that instant.
//
// # Terms
//
// An agreement with a [agreement.Term] begins its first term when it first
// enters into force, a clause instance when it first enters InEffect; each
// term ends one period (on the calendar of the zone) after it began, and
// the next begins at that end. At each end the instrument renews or
// expires, as [agreement.Term] says: for the period of the latest renewal
// agreed during the term (an [agreement.EventKindRenewal] event naming it,
// carrying a Period), else not at all if a notice counts for this end (the
// earliest notice not yet spent, given by an [agreement.EventKindNotice]
// event naming it, or by exercising a power with [agreement.EffectNotice]
// aimed at it, no later than [agreement.Term.NoticeBy] of the end), else for
// Renewal while automatic renewals remain, else not at all. An event names
// an agreement by its reference (or, when the engine has one agreement, by
// none), a clause by its reference: every instance of it. A notice, by an
// event or a power (a power limited to a debtor's share: the instances
// that debtor owes), counts for every instance of the clause it is aimed
// at, those an amendment adds later included; notices and agreed renewals
// count whether or not the instrument has a term when they are given, so
// that one an amendment gives a term sees them (an agreed renewal only
// when given after the term began).
//
// An agreement's term ends in the round that takes its end, after the
// batch (a notice or a renewal at the very instant counts) and before any
// clause moves at that instant: an agreement that does not renew is
// Terminated then (cause CauseTerm, naming the notice that ended it), with
// every clause not final that does not survive, as a termination does. A
// clause's term ends as its expiry would, last in the order of the round:
// one that does not renew is Discharged, or Fulfilled (a prohibition, or a
// standing clause without breaches), or Violated (a standing clause with
// breaches), with cause CauseTerm; one Suspended or gated at its end
// decides at the instant it can move again, its later ends unchanged.
// [Trace.Renewals] lists every end taken, renewed or not.
//
// # Amendments
//
// An [agreement.Amendment] ([Timeline.WithAmendments], [Run.Amend]) puts
// a new text of one agreement in force from its instant t, before anything
// else happens at t; amendments at one instant apply in order. Nothing
// before t changes. From t, the engine applies the new text, and every
// transition records the version in force ([Transition.Version]: 0 for the
// compiled text, k for the k-th amendment of the run; [Trace.Versions]
// lists them with their changes, and explanations name the one in force at
// the explained instant). What carries over:
//
//   - Clauses are matched by id, instances by clause and debtor, fluents by
//     id. A clause removed by one amendment and added again by a later one
//     is the same clause: its instances from before keep their states (one
//     the removal terminated stays Terminated), and conditions on the
//     clause see them. So do conditions on one debtor's instance
//     ([agreement.ClauseInFor], a [agreement.BreachFilter] with a debtor):
//     besides that debtor's share under the text in force, they see each
//     earlier share it owed that an amendment replaced by changing the
//     clause's debtors (the one instance of a clause owed by RU, when RU
//     and UA become its debtors severally). A kept instance keeps its state and the instant it entered it, its
//     holds, breaches and recurring occurrences, except that a duty in
//     effect whose recurrence the new text changes (or gives it) starts
//     its occurrences afresh at t, as on entry; its agreement keeps its
//     state, signatures, territory as it stands and the progress of its
//     term. A fluent keeps its value; a new one starts at its initial value.
//   - A clause (or one debtor's share of it) the new text no longer has is
//     Terminated at t if not final (cause CauseAmendment). A new clause or
//     share is Dormant from t, and the conditions reading its clause's
//     state are evaluated at t. A clause instance's holds of a suspend power
//     the text no longer has (removed, or no longer a suspend power) are
//     dropped: an instance left with none resumes
//     at t (cause CauseAmendment). An agreement keeps its holds: suspended,
//     it stays suspended until its resume powers, if the text keeps them,
//     are exercised.
//   - A kept instance whose gate the new text closes (its clause no longer
//     provisional, or no longer surviving) has the clock of its duration
//     deadline stopped at t; one whose gate the new text opens, restarted.
//   - A kept clause whose text changed is evaluated at t under its new
//     text, with its limits counted as if that text had been in force from
//     the start: a duration deadline is the new duration counted from the
//     instant it first entered InEffect, of which the time its clock has run
//     (InEffect with its gate open) is spent;
//     an absolute limit is the new instant; an anchored one whose anchor
//     condition is unchanged is counted from the instant its anchor was
//     fixed at, and one whose anchor changed is fixed again the first time
//     its anchor is evaluated from t (a bare Happened anchor at its first
//     matching event, any other at t); a term ends its new
//     length after the current term began (every end it puts at or before t
//     is taken at t, in turn; a term of no length, when the new text has no
//     renewal for the current term, ends at once). A limit that falls at or
//     before t is reached at t, after every amendment at t, so an
//     obligation whose extended deadline has already passed is Violated
//     then; an extension agreed after the deadline passed does not undo the
//     violation already recorded.
//   - An exclusive limit at or before t of an instance an amendment at t
//     changed or resumed is reached before the batch at t and before the
//     exclusive limits the clock brings to t, in the order the amendments
//     reached those instances (amendment by amendment, each in the order
//     of evaluation). A resumed instance whose exclusive deadline passed
//     while it was suspended is thus Violated at t, before any act at t.
//   - An agreement whose text changed is evaluated at t; its entry into
//     force and its term are counted under the new text.
//   - Kept clauses, instances and fluents keep their place in the order of
//     evaluation; new ones (new clauses, and new debtors' shares of kept
//     ones) come after all of them, in the order of the new text.
//
// An amendment whose text is the text in force changes nothing but the
// version the later transitions record.
//
// # Calendar time
//
// Limits are computed in the clause's zone (its own, else its agreement's,
// else UTC) by [agreement.Deadline.Instant]: a limit beyond
// [agreement.InstantRange] is never reached.
//
//   - An anchored limit (From set) is fixed the first instant its condition
//     holds, seeing the whole history as a trigger does (for a bare
//     Happened anchor, the instant of the first matching event): it is
//     evaluated whenever what it reads changes, its timed atoms included,
//     also while the clause is Dormant, suspended or gated.
//   - An exclusive limit (Exclusive, or rounded to a day boundary) at
//     instant T is reached before the batch at T: a clause in effect is
//     Violated by its deadline or expires then, and at T and after neither
//     its fulfilment, its violation nor its breaches are considered. An
//     inclusive limit keeps the order of the rounds: an act at its instant
//     counts.
//   - A deadline binding regardless of activation makes a Dormant or Pending
//     clause Lapsed at its instant, before activation, so a trigger at that
//     very instant is too late. Once in effect, it is an ordinary fixed
//     deadline.
//   - A recurring duty ([agreement.Recurrence]) starts its occurrences when
//     it enters InEffect: every Every from its Start (those starting before
//     the entry not owed) or from the entry, occurrence k Every times k
//     after the base (so monthly from 31 January gives 28 February, then 31
//     March); or one at each event matching On (as logged at its instant)
//     that the duty, in effect with its gate open, sees at that instant. Each is
//     due Within after it starts (or when the next starts), rounded. At each
//     instant it is evaluated, in effect and with its gate open, the duty
//     opens the occurrences starting then, records a breach (no event; cause
//     CauseDeadline) for each open occurrence due then or earlier, and then,
//     if its action (or fulfilment condition) holds with event atoms seeing
//     only that instant's events, performs every occurrence still open.
//     An act at a due instant is therefore too late for that occurrence and
//     counts for the next. The duty is never fulfilled by an act; at its
//     expiry it is Violated if it recorded a breach, Fulfilled otherwise.
//   - Clock atoms ([agreement.From], [agreement.Until], [agreement.Between])
//     turn at their bounds without an event.
//
// # Agreements
//
// A signing event (Event.Clause is the agreement's reference, or empty when
// the engine has one agreement) records the signature of its actor; one
// with no actor signs for every required signatory. Recorded
// [agreement.Signature] values sign at their dates: those undated or dated
// at or before the start count from the start, later ones are taken at their
// date with the cause [CauseSignature]. An agreement is Signed, from Draft,
// once every party in its Signatories has signed (with none listed, once
// anyone has). A Signed agreement enters into force as soon as its
// entry-into-force condition holds (at once when it has none) and its
// InForceAt instant has come: an absolute instant, an anchored one once its
// anchor holds, or a period counted from the instant it became Signed (for
// one signed at the start: its last recorded signature, or the start).
//
// The agreement's state is a gate: a clause that does not survive changes
// state only while its agreement is in force (apart from being suspended,
// resumed and terminated with it), and its duration deadline does not run
// otherwise; when the agreement is terminated, so is every such clause not
// yet final, at the same instant. Surviving clauses ignore the
// gate. A provisional clause's instance also passes it while the agreement
// is Draft or Signed and every debtor of the instance has signed; entry into
// force then continues it with no transition.
//
// # Territory
//
// A replay starts from each agreement's stated territory. A control-changed
// event moves control in its area, in every agreement whose territory has
// the area: Actor gains Target's control, all of it or the percentage points
// of the event's first percent quantity (with neither Target nor quantity,
// the whole area). A control change takes quantities in percent only, and
// names an area some agreement's territory declares: [Timeline.Validate]
// rejects any other. A referendum-held or arbitration-award event by the
// option's party (the organiser, the arbiter) resolves the question pending
// in its area ([agreement.Option.Resolve]); one by another party, or where no
// question is pending (none was agreed, or it was resolved or lapsed),
// changes nothing. When an agreement
// enters into force, its options take effect ([agreement.Package.Apply]),
// except withdrawals and international administrations: each moves control
// in an area when every instance of its implied withdrawal clause is
// fulfilled, so only when the agreement includes the clauses its options
// imply ([agreement.Agreement.Settle]). A referendum or award clause that is
// violated lets the question lapse ([agreement.Option.Expire]). An event that
// should change territory but cannot (a control change from a party holding
// less than it moves, an outcome no result names) still counts for
// conditions, and [Trace.Rejections] lists it; [Trace.Territory] answers who
// holds what at any instant.
//
// # Explanations
//
// Every transition records its [Cause] and, when a condition decided it, each
// condition node's value as the evaluator computed it; when a true node of
// that condition names an event of the instant, the first such event is the
// cause, whatever woke the clause.
// [Trace.Explain] shows those, and evaluates the conditions still open at any
// instant with the same evaluator. [Trace.Markdown] and [Trace.Mermaid] render
// a trace's transitions and causes as a table and as a sequence diagram.
//
// # Replaying many times
//
// An engine replayed many times (Monte Carlo over random timelines,
// searches over packages) replays best through one [Run]: [Run.Replay]
// puts it back at a timeline's start and replays it in the memory the run
// already has, and [Run.SetRecording] with [RecordStates] makes the run
// keep only what its own queries read ([Run.State], [Run.States],
// [Run.Transitions], [Run.NextWake]): no condition values, no causes drawn
// from them, no territory, no trace. States, instants and the number of
// transitions are those of a run that records everything; once the run's
// buffers have grown to the longest timeline, a replay allocates nothing.
// [Engine.Replay] keeps the memory of the runs it makes in the same way,
// so that a replay allocates what its trace keeps (its logs, each in
// memory of exactly its size) and little more. A timeline remembers the
// engine it was last found valid for, so replaying it again validates
// nothing; and a timeline replayed under an engine it was found valid for
// before (validated, or replayed) works out once which of the engine's
// patterns each of its events matches, and reads that in this replay and
// later ones rather than matching every event again (a replay's first
// amendment ends it: the amended text matches afresh). The first replay
// of a new timeline matches its events as they come, and allocates
// nothing for them.
//
// The start instant comes out the same in every such replay when nothing
// happens at it (no event, no amendment): every clause and agreement is
// evaluated once, the unconditional clauses enter into effect, timers are
// set. Once runs of an engine, with one recording, have closed the same
// start that way twice, the engine keeps the state after it (about the
// size of one short run's) and later runs from that start copy it instead
// of evaluating the start again; the engine keeps one such start per
// recording, the one last seen twice in a row. A run copies a small one
// (up to about a thousand instances) into memory of its own the first
// time it uses it, so that runs replaying in parallel do not all read the
// same memory at every replay. Nothing a run or its trace reports changes
// with it.
//
// One engine serves any number of goroutines, each replaying through a run
// of its own. A core reading memory in order fetches the lines after it
// in the same page before they are asked for; where those lines are
// another run's, written by another core, the two cores take them from
// each other at every replay, and the run whose buffers lie after the
// other's replays about a fifth slower. A run replayed a 1024th time
// therefore moves the memory it writes or copies from at every replay
// into pages of its own (see [Run.Replay]), and [Engine.Replay] does the
// same with the memory it keeps from one replay to the next. On a
// machine whose cores are free, two goroutines then replay about 1.8 to
// 1.9 times as many timelines as one, against about 2 for a loop of pure
// arithmetic.
//
// # Guarantees
//
// For every valid agreement or process and every valid timeline:
//
//   - Replay is deterministic, and a [Run] fed the same events one at a
//     time, its clock advanced to any instants before each next event, gives
//     the trace [Engine.Replay] gives; so does a run forked at any point and
//     continued with the same events.
//   - A run that records states only ([RecordStates]) is, at every instant
//     it closes, in the states the trace gives for that instant, with the
//     same number of transitions, whether replayed through [Run.Replay]
//     after other timelines or fed event by event.
//   - Events that match no pattern of the agreements (in a condition, a
//     fluent, an action or a power's exercise) and are not signings change
//     no transition: at the same end instant, the trace with them has the
//     same transitions as the trace without them.
//   - Every transition is an edge of the lifecycle, with a cause that can set
//     it off, and leaves the state the instance was actually in: final states
//     are final. Instants never decrease.
//   - A clause leaves Dormant only at an instant at which its trigger holds: a
//     guarantee conditional on a ceasefire is never in effect before the
//     ceasefire.
//   - When every clause has an absolute expiry, no clause is Pending or
//     InEffect while its gate is open at the end of any instant from the
//     latest absolute expiry or deadline on.
//   - A clause that does not survive changes state only at instants at which
//     its agreement is in force (for part of the instant at least), except to
//     be terminated with it; after its agreement is terminated it is never
//     InEffect again.
//   - A Signed agreement with no entry-into-force condition is never still
//     Signed at the end of an instant.
//   - A breach never makes a standing clause final.
//   - Swapping two debtors' ids throughout an agreement and a timeline swaps
//     their instances' traces.
//   - An amendment taking effect at t changes no transition before t; one
//     whose text is the text in force changes no transition at all.
//   - An agreement whose term renews automatically and receives no notice
//     has, before its first end, the transitions it has without the term;
//     every end falls exactly one period after the one before.
package scenario
