// Package agreement is the language of peacekit: parties and their roles,
// clauses with deontic force, the typed condition language that says when a
// clause starts and stops binding, events, quantities, territory and
// territorial options, lifecycle states, validation and JSON. It knows
// nothing of time passing: package [github.com/peacekit/peacekit/scenario]
// replays timelines of events over agreements, by the rules stated here.
//
// # Agreements and processes
//
// An [Agreement] is one instrument (a declaration, a ceasefire, a framework
// agreement) with its parties ([Party], each with its [Role] in this
// agreement), party groups ([Group]), signatures ([Signature]), clauses
// ([Clause]), fluents ([Fluent]) and the condition for its own entry into
// force. A [Process] links several instruments; their
// conditions refer to one another by qualified [Ref] ("ceasefire-2026/C1").
// Agreements are plain data, built with struct literals and checked with
// [Agreement.Validate] or [Process.Validate]; nothing in this package modifies
// a value it is given.
//
// The PA-X dataset's vocabulary is kept where it applies: [Stage] and
// [SubStage] are PA-X codes, [SigningStatus] is PA-X's "Status" column,
// [Category] holds PA-X provision codes and [PartyKind] its actor types. The
// lifecycle values of clauses and agreements are called states ([State]),
// never status.
//
// # Names of constants
//
// Each constant of an enumeration is its type's name followed by its JSON
// spelling in Pascal case: [StateInEffect] is "in-effect",
// [OptionKindDemilitarisedZone] "demilitarised-zone", [EventKindArmedAttack]
// "armed-attack", [UnitKm] "km", [CategorySsrGua] "SsrGua". The value written
// as the empty string (not recorded, not stated) is <Type>Unspecified, such
// as [ForceUnspecified] and [UnitUnspecified]; [Stage], [SubStage] and
// [Category] leave it unnamed.
//
// # Clauses and conditions
//
// A clause is an obligation, prohibition, permission or power ([Deontic]) of
// some [Force], binding its Debtors to its Creditors. Several debtors are
// bound severally (each alone, with a lifecycle of its own) unless the
// clause is Joint. Its Action is an event [Pattern]. Its conditions are built
// from the atoms [Happened], [Holds], [ClauseIn], [ClauseInFor],
// [AgreementIn], [Before], [Within], [Since], [Breached], [Total] and [Level]
// with the combinators [All], [Any], [Not] and [AtLeast]. "The guarantees
// apply only once a ceasefire is in force" is a trigger:
//
//	Trigger: agreement.Holds("ceasefire-in-force")
//
// and "support in the event of a new attack" an antecedent, which sees only
// events after the guarantee was triggered:
//
//	Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"})
//
// Each slot of a clause means:
//
//	Trigger     moves the clause out of Dormant; nil: always holds
//	Antecedent  must hold too before the clause is InEffect; nil: none
//	Fulfilment  Fulfilled when it holds; nil: for an obligation, its Action happened;
//	            for a power, exercised when it holds (see Automatic powers)
//	Violation   Violated when it holds; nil: for a prohibition, its Action happened;
//	            for a standing clause, a breach is recorded instead
//	Deadline    an obligation still InEffect then is Violated; a duration counts from
//	            entering InEffect, paused while the clause is Suspended or
//	            (unless Surviving) its agreement is not in force; an anchored or
//	            absolute one is a fixed instant; one binding regardless of
//	            activation makes a clause still waiting Lapsed (see Calendar time)
//	Expiry      a Pending or InEffect clause is then Discharged (a prohibition in
//	            effect Fulfilled: it was kept; a standing clause or recurring duty in
//	            effect Fulfilled, or Violated if it recorded a breach); a duration
//	            counts from leaving Dormant
//
// Conditions are evaluated at an instant against the events up to it. A
// trigger sees every event. The event atoms (Happened, Before, Within,
// Since, and the tallies Total and Level) of an antecedent see only events
// strictly after the instant the trigger held, and those of a fulfilment
// or violation condition only events strictly after the instant the clause
// entered InEffect (or was last resumed): an attack before the ceasefire
// that triggered a guarantee is never "a new attack". Breached counts
// breaching acts by the same rule. Holds, ClauseIn and AgreementIn read the
// state at the instant. Triggers and antecedents latch: once the clause has
// moved on, they are not evaluated again.
//
// A power is exercised (Fulfilled, once) by its Action or, without one, by an
// [EventKindPowerExercised] event naming it, or, when it has a Fulfilment
// condition, the moment that condition holds (see Automatic powers and
// shares); its [Effect] then applies to its Targets, clauses or agreements:
// suspend them, discharge them or terminate them. A suspend power names the
// resume power (ResumedBy) whose exercise lifts its suspensions. Unless the
// Action names an actor or a group, or the clause is Joint, an action counts
// only when the debtor does it. Only obligations have deadlines; permissions
// and powers are never violated. A
// Surviving clause keeps its lifecycle while its agreement is not in force
// (dispute settlement, say); any other clause changes state only at instants
// its agreement is InForce, except to be Terminated with it.
//
// Condition nodes are pointers, as in go/ast: == between two conditions
// never panics and reports whether they are the same node, while
// [Condition.Equal] and [EqualConditions] compare structure. A nil condition
// in a slot means none; methods of a nil node return zero values. This
// package defines what conditions mean; package scenario evaluates them over
// timelines of events ([Event]).
//
// Since operands are pointers, one node may stand in many places, and a
// condition of a few dozen nodes built in Go may have more paths than can
// ever be walked (c = Any(c, c), sixty-three times over, has 2^64). A
// condition's size is therefore the number of nodes of its tree, counting a
// shared node once per place it occurs: the number of values in the JSON it
// encodes to. Validation rejects a slot whose condition is larger than
// [MaxConditionSize] (counting no further than the bound), the encoder
// refuses it, and [Walk], String and [EqualConditions] stay within the
// bound on any condition, valid or not; see [Condition].
//
// Amounts are exact decimals: a [Quantity], or a [Range] that keeps the
// source's wording ("several thousand"); see Measured acts and item classes,
// and Amounts and levels.
//
// # Lifecycle
//
// A clause is in one [State] at a time: Dormant (its trigger has not held),
// Pending (triggered, its antecedent has not held), InEffect (binding now),
// Suspended, or one of the final states Fulfilled, Violated, Discharged,
// Terminated and Lapsed, which nothing leaves. Discharged means released
// (by its expiry or a power); Lapsed means its precondition never came in
// time, which is neither a breach nor a release. It moves only along these edges, adapted
// from Symboleo's obligation and power state machines:
//
//	from                        when                                          to
//	Dormant                     trigger holds, antecedent not yet             Pending
//	Dormant                     trigger holds, antecedent holds or is nil     InEffect
//	Pending                     antecedent holds                              InEffect
//	Dormant, Pending            a deadline binding regardless of activation   Lapsed
//	                            is reached (before or as the trigger comes)
//	Pending, InEffect           expiry reached                                Discharged
//	InEffect (a prohibition,    expiry reached                                Fulfilled
//	not standing)
//	InEffect (standing)         expiry reached, no breach recorded            Fulfilled
//	InEffect (standing)         expiry reached, a breach recorded             Violated
//	InEffect                    fulfilment holds (a power: it is exercised)   Fulfilled
//	InEffect (not standing)     violation holds, or the deadline passes       Violated
//	InEffect (standing)         violation holds: a breach is recorded         InEffect
//	InEffect (recurring)        an occurrence falls due unperformed: a        InEffect
//	                            breach is recorded
//	InEffect (recurring)        expiry reached: Violated if a breach was      Fulfilled,
//	                            recorded, Fulfilled otherwise                 Violated
//	InEffect                    a power discharges it                         Discharged
//	InEffect                    a power suspends it                           Suspended
//	Suspended                   every power that suspended it is resumed      InEffect
//	Dormant, Pending,           a power terminates it, or its agreement       Terminated
//	InEffect, Suspended         is terminated
//
// An agreement is Draft, Signed, InForce, Suspended or Terminated (final).
// A replay starts it Signed when its SigningStatus is [SigningStatusSigned]
// and it records no Signatures, or when the signatures it records (undated,
// or dated at or before the start) sign it (see Calendar time); Draft
// otherwise. It moves along these edges:
//
//	from                        when                                          to
//	Draft                       its required signatories have all signed      Signed
//	                            (none required: a first signature)
//	Signed                      its EntryIntoForce holds (nil: at once) and   InForce
//	                            its InForceAt instant, if any, has come
//	InForce                     a power suspends it                           Suspended
//	Suspended                   every power that suspended it is resumed      InForce
//	Draft, Signed, InForce,     a power terminates it                         Terminated
//	Suspended
//
// # Calendar time
//
// Agreements count in calendar time relative to events: "no later than the
// third day after the start of the ceasefire", "within 30 days of signing",
// "by the end of the year", "not before day 61 after the transfer of
// authority", "every 30 days". The rules:
//
//   - Zones. An agreement (or one clause) declares the [Zone] its local days
//     are counted in: an IANA name, whose daylight saving changes come from
//     the zone database, or a fixed offset. Without one, UTC. A local day may
//     last 23 or 25 hours.
//   - Periods. A [Period] counts years and months, then weeks and days, on
//     that calendar, keeping the time of day; where the day does not exist
//     (one month after 31 January) it ends on the month's last day, as
//     Regulation (EEC, Euratom) No 1182/71, article 3(2)(c), counts periods.
//     An exact duration (After, "72 hours") is a different limit from
//     Period{Days: 3}.
//   - Limits. A [Deadline] is an instant: At, or a duration or period from
//     an anchor, rounded to the start or end of its local day. The anchor is
//     From, the first instant its condition holds ("30 days after signing":
//     From = Happened(signing)), or else the clause's own instant (entering
//     InEffect for a deadline, leaving Dormant for an expiry). An anchored or
//     absolute limit is a fixed instant and does not pause; a duration from
//     the clause's own instant pauses while it is suspended.
//   - Bounds. A limit is inclusive unless Exclusive or rounded: at an
//     inclusive limit's instant, what happens still counts (a violation beats
//     an expiry at the same instant, and an act at a deadline's instant is in
//     time); an exclusive limit is reached before anything at its instant.
//     A rounded limit falls on the midnight between two days, which belongs
//     to the later day: "no later than the third day after" a ceasefire at
//     06:00 on 1 March (Period{Days: 3}, RoundEndOfDay) is met at 23:59 on 4
//     March and missed at 00:00 on 5 March; "not before day 61" (an expiry of
//     Period{Days: 61}, RoundStartOfDay) lets an entry at 00:00 on day 61
//     through and makes one on day 60 a breach.
//   - Deadlines that run regardless of activation. An Unconditional fixed
//     deadline binds while the clause waits for its trigger or antecedent:
//     reached first, or at the very instant the precondition comes (which
//     leaves no time to perform), it makes the clause Lapsed. ClauseIn(x,
//     Violated) does not match a Lapsed clause; ask for StateLapsed.
//   - The clock. [From], [Until] and [Between] test the instant itself,
//     [from, until): "from 06:00 local time on 1 March".
//   - Recurring duties. [Recurrence] makes an obligation recur (every 30 days,
//     monthly from a date, within 48 hours of each incident); each occurrence
//     missed is a breach, counted like a standing clause's.
//   - Signing and entry into force. Signatories lists the parties whose
//     signatures the agreement requires; signing events name the signing
//     party as actor, and recorded [Signature] dates become the signings of a
//     replay (one starting before them starts unsigned). InForceAt states the
//     common rules in one declaration: on a date (At), N days after the last
//     required ratification (From: All of the ratifications; Period), or N days
//     after signing (a period alone). A Provisional clause applies from each
//     debtor's own signature, and entry into force continues it with no
//     transition.
//
// In JSON, instants may be written as plain dates ("2024-03-01"): local
// midnight at the start of that day in the zone of the clause, or else of
// the agreement, holding them.
//
// # Each debtor
//
// Two placeholders stand for parties a clause names: [Debtor] ("$debtor")
// and [Creditor] ("$creditor"). Either may stand as the Actor, Target or
// Reporter of any pattern inside a clause: its Action, the patterns of its
// four conditions, and a permission's Grant. [Debtor] may also stand as the
// Debtor of a [BreachFilter], as the debtor of [ClauseInFor] and as a
// power's TargetDebtor. Neither may stand in a fluent's patterns or in an
// agreement's EntryIntoForce, which belong to no clause.
//
// Each instance of a clause reads [Debtor] as its own debtor. A clause that
// binds several debtors severally (not Joint) has one instance per debtor,
// and each reads the placeholder as that debtor; a clause with one debtor
// reads that debtor; a joint clause reads any of its debtors. [Creditor]
// matches any creditor of the clause. "Each side withdraws its heavy
// weapons once it has itself declared the ceasefire" is one clause:
//
//	Debtors: []agreement.PartyID{"UA", "RU"},
//	Action:  &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
//	Trigger: agreement.Happened(agreement.Pattern{
//		Kind: agreement.EventKindCeasefireDeclared, Actor: agreement.Debtor}),
//
// Ukraine's instance is triggered by Ukraine's declaration, Russia's by
// Russia's. [ClauseIn] reads any instance of a clause; [ClauseInFor](ref, d,
// states) reads only d's instance of ref, and with d = [Debtor] the
// instance owed by the evaluating instance's own debtor: a reparation owed
// by each side for its own violation of ref is triggered by
// ClauseInFor(ref, Debtor, StateViolated).
//
// Validation rejects a clause binding several debtors severally whose
// fulfilment or violation condition names one of its own debtors as an
// actor ([ErrUnboundDebtor]): every instance would be ended by that one
// debtor's acts; write [Debtor] instead. [Agreement.Lint] (and
// [Process.Lint]), run only when asked for, flags what validation cannot
// decide: a pattern
// of such a clause that an act of another of its debtors could satisfy,
// and a [ClauseIn] or [Breached] read of a per-debtor clause, with no
// debtor, from another per-debtor clause, where each instance probably
// meant its own debtor's share.
//
// # Standing clauses
//
// A standing clause (Standing) is kept rather than achieved: a ceasefire,
// a ceiling on troops, a zone kept clear of heavy weapons. Only
// obligations and prohibitions stand; a standing clause has no Deadline,
// and a standing obligation needs a Violation condition (a standing
// prohibition without one reads its Action, as any prohibition does).
//
// The first breach of an ordinary prohibition is final: it is Violated,
// and nothing leaves that state. A standing clause is the exception. While
// it is InEffect, each time its violation holds a breach is recorded (its
// instant, its cause and the event that caused it) and the clause stays
// InEffect. A violation that is a single [Happened] atom, or the default
// one (the prohibited Action happened), counts every matching event: two
// attacks logged at the same instant are two breaches. A compound
// violation counts once each time it turns true. After a breach, the event
// atoms of the violation see only events after the breach's instant, so
// that one act is not counted twice.
//
// A breach never makes a standing clause final. A fulfilment condition can
// still end it (Fulfilled), a power can discharge or terminate it, and at
// its expiry it is Fulfilled if it recorded no breach and Violated
// otherwise.
//
// [Breached](ref, k, filter) counts the breaches of the standing clause
// ref: it is true once at least k breaches matching the filter
// ([BreachFilter]) have been recorded. A breach's act is the event that
// caused it (for a breach caused by no event, the breach itself). The
// filter's fields, each ignored when unset:
//
//	Debtor       only breaches of that debtor's instance of ref; Debtor:
//	             the evaluating instance's own debtor
//	Within       the k breaching acts lie within that long: the last less
//	             than Within after the first
//	Reporter     only acts whose reporter, as revised at the instant of
//	             evaluation, is that party (see Later attribution)
//	Attribution  only acts whose attribution, as revised at the instant of
//	             evaluation, is that one
//
// In a trigger, Breached counts every breach; in an antecedent,
// fulfilment or violation condition, only breaching acts after the
// evaluating clause entered its state, as the event atoms there see only
// later events. "Three confirmed breaches of the ceasefire within 30 days"
// is:
//
//	agreement.Breached(agreement.LocalRef("ceasefire"), 3, agreement.BreachFilter{
//		Within: 30 * agreement.Day, Attribution: agreement.AttributionConfirmed})
//
// # Automatic powers and shares
//
// A power with a Fulfilment condition is automatic: it is exercised the
// moment the condition holds, with no [EventKindPowerExercised] event, and
// its Effect applies at once. "The third confirmed breach suspends the
// agreement" is one declaration:
//
//	{ID: "snapback", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UN"},
//		Effect: agreement.EffectSuspend, ResumedBy: "reinstate",
//		Targets: []agreement.Ref{agreement.AgreementRef("ceasefire-2026")},
//		Fulfilment: agreement.Breached(agreement.LocalRef("ceasefire"), 3,
//			agreement.BreachFilter{Attribution: agreement.AttributionConfirmed})}
//
// TargetDebtor limits a power to one debtor's instance of each of its
// target clauses: a party id, or [Debtor] for the exercising instance's
// own debtor. So one party's share of a clause can be suspended while the
// other parties' shares run on: a power binding "UA" and "RU" severally,
// with Fulfilment Breached(ceasefire, 3, BreachFilter{Debtor: Debtor}) and
// TargetDebtor [Debtor], suspends the third-time offender's instance of
// its targets, and only that one.
//
// # Measured acts and item classes
//
// An event's quantities say how much and how far; each names what it
// measures in Of ("calibre", "distance-from-line"; "" for the event's main
// amount). A pattern's Measure is a [Bound] on one of them, built with
// [Measure] and its limiting methods: a limit at either end, both or
// neither, each open (the limit itself excluded) or closed. "At least
// 40 km" is
//
//	agreement.Measure(agreement.UnitKm).AtLeast(decimal.NewFromInt(40))
//
// An event matches a bound when one of its quantities with the same Of, in
// a unit that converts to the bound's, lies inside; compared exactly, so
// 40000 m is at least 40 km. An event lacking such a quantity never
// matches. Units convert within their dimension ([Unit.Dimension]): mm,
// cm, m and km; m2, ha and km2; kg and t; any other unit converts only to
// itself ([Convert]). Within one agreement, every bound on the same named
// quantity (the same Of, not "") must use units of one dimension;
// validation reports one that does not ([ErrInconsistent]).
//
// An event's Item names the thing acted with or on ("D-30 122 mm
// howitzer"). A pattern's Item must equal it; a pattern's Class must
// contain it. An [ItemClass], declared in the agreement's ItemClasses,
// contains the items its Items name, and, when it has a Rule, the item of
// every event whose quantities satisfy each bound of it: "artillery of
// 100 mm calibre and above" is
//
//	agreement.ItemClass{ID: "artillery-100mm", Rule: []agreement.Bound{
//		agreement.Measure(agreement.UnitMm).Of("calibre").AtLeast(decimal.NewFromInt(100))}}
//
// A clause's quantity ([Range]) names in its Class the item class it
// applies to: a withdrawal to 50 km for artillery of 100 mm and above, and
// to 15 km for mortars, in one clause. [Agreement.Concerns] answers which clauses an
// event concerns, with the quantities that apply to it, the stricter rule
// first.
//
// # Amounts and levels
//
// Two atoms read amounts over many events, in the unit of their bound.
// [Total](p, b) is true when the sum of the b-measured quantities of the
// events matching p lies in b: "3,000 detainees released", in tranches, is
// true at the tranche that brings the sum to 3,000. [Level](p, b) is true
// when the last matching event carrying the quantity reports a value in b:
// "troops reduced to 12,000" holds after a report of 11,500, and no longer
// after a later one of 12,400. Matching events lacking the quantity add
// nothing to a total and are passed over by a level. Like the event atoms,
// both see only events after the instant the evaluating clause entered its
// state, except in a trigger.
//
// # Consumed permissions
//
// A permission may relax prohibitions: its Relaxes names prohibitions
// that have an Action and no Violation condition. An act of such a
// prohibition, by a debtor of both the prohibition and the permission,
// that also matches the permission's Action, is excused while a grant of
// that debtor's instance of the permission covers it.
//
// Each event matching the permission's Grant while the permission is
// InEffect is a grant; with no Grant, the permission's entry into effect
// is its only grant. A grant covers Covers acts (0: one). With
// CoverWindow, it covers the acts from the grant's instant until
// CoverWindow has passed (grant <= act < grant+CoverWindow), all of them
// when Covers is 0 and at most Covers otherwise. Acts are covered by the
// earliest grant with cover left. An act no grant covers violates the
// prohibition, or, if it is standing, is a breach of it. Permissions are
// never violated, and one debtor's grant never covers another debtor's act.
// "Heavy weapons may be moved for repair, each movement notified to the
// mission beforehand" is a permission:
//
//	Kind:    agreement.DeonticPermission,
//	Debtors: []agreement.PartyID{"UA", "RU"},
//	Relaxes: []agreement.Ref{agreement.LocalRef("no-heavy-weapons")},
//	Action:  &agreement.Pattern{Kind: "heavy-weapons-moved"},
//	Grant:   &agreement.Pattern{Kind: "movement-notified", Actor: agreement.Debtor},
//	Covers:  1,
//
// # Later attribution
//
// An event may carry an ID. A later event of kind [EventKindRevised] whose
// Revises names that ID replaces the earlier event's Attribution, Reporter
// and Actor, each only if the revision sets it, from the revision's
// instant on. Before that instant conditions see the event as it was
// logged; from it on, as revised: an attack logged as alleged and
// confirmed by the monitor a week later matches a pattern asking for a
// confirmed attack from the confirmation on, and counts then for
// [Breached] with Attribution confirmed. Freshness is still judged by when
// the act happened: a revision does not make an attack from before a
// trigger "a new attack".
//
// # Terms and suspension
//
// A [Term] says how long an instrument runs and how it renews: "for five
// years, renewed for further periods of five years, at most twice, unless a
// party gives notice six months before the end". An agreement's term
// ([Agreement.Term]) runs from its entry into force; a clause's
// ([Clause.Term]) from the first time it takes effect, and a clause with a
// term has no expiry. Periods are counted on the calendar of the clause's
// or the agreement's zone, each end one period after the last.
//
// At the end of a term the instrument renews or expires. A renewal the
// parties agree during the term (an event of kind [EventKindRenewal]
// naming the instrument, whose [Event.Period] is the length of the next
// term) prevails; otherwise a notice given in time ends it (an event of
// kind [EventKindNotice] naming the instrument, or the exercise of a power
// whose effect is [EffectNotice] aimed at it: a notice counts for the
// first end at least Notice after it, [Term.NoticeBy]); otherwise it renews
// for Renewal while automatic renewals remain; otherwise it expires. An
// agreement that expires is terminated, and its commitments with it; a
// clause that expires ends as an expiry ends it (a prohibition kept to the
// end is fulfilled).
//
// When a commitment is suspended (by a power aimed at it, at its debtor's
// participation, or at its agreement), its [Clause.DuringSuspension] says
// what the acts done meanwhile count for: by default
// ([SuspensionExcuses]) nothing, then or after: once resumed, it reads only
// the acts that follow; with [SuspensionDefers] they are judged when it
// resumes, with the acts since it took effect (a standing commitment's
// breaches of the suspension are recorded then). Either way its deadlines
// pause while it is suspended.
//
// An [Amendment] is a new text of an agreement taking effect at an instant:
// a deadline extended, a clause added, a term lengthened. Package
// [github.com/peacekit/peacekit/scenario] replays terms, notices, renewals,
// suspensions and amendments, and says what carries over from one text to
// the next.
//
// # Territory
//
// A [Territory] of areas ([Area]) holds sovereignty and control as shares
// ([Share]) summing to exactly 100. Territorial options ([Option]: cede, recognise control, freeze,
// withdraw, demilitarised zone, international administration, special
// status, referendum, deferred arbitration), chosen as a [Package], are
// checked by [Package.Validate] and applied by [Package.Apply] or
// [Agreement.Settle] into a [Settlement]: a new territory and the ordinary
// clauses the options imply, whose ids are made by [ImpliedClauseID] from an
// [ImpliedVerb]. Applying a package keeps every area's shares summing to
// exactly 100 and its size unchanged; the empty package changes nothing.
// Figures over several areas are weighted by area ([Figure], percentages
// rounded to [PercentPlaces] places).
//
// # Versions and reports
//
// Package [github.com/peacekit/peacekit/agreement/revision] compares two
// versions of an agreement item by item and field by field, and applies the
// changes to the old version; [github.com/peacekit/peacekit/agreement/report]
// writes agreements and changes as tables and diagrams for people, with the
// escaping and table helpers of
// [github.com/peacekit/peacekit/agreement/markup].
//
// # Errors
//
// Validation and decoding report every problem at once, not just the first,
// in a [*ValidationError] whose problems ([Problem]) each carry a path in the
// JSON encoding ("clauses[3].trigger.all[1].happened.actor") and wrap a sentinel
// such as [ErrUnknownParty], so both [errors.Is] and [errors.As] work. Among
// them, validation rejects dependency cycles: a clause whose conditions read
// its own state through [ClauseIn], directly or through other clauses
// ([ErrCycle]). Decoding what [Agreement.MarshalJSON] writes of a valid
// agreement gives it back (decimals and instants equal by value, nil and
// empty lists alike), and encoding it again gives the same bytes; unknown
// fields and a schema other than [SchemaVersion] are errors.
//
// Package [github.com/peacekit/peacekit/agreement/agreementtest] has rapid
// generators and cmp options for tests that use these types.
package agreement
