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
// from the atoms [Happened], [Holds], [ClauseIn], [AgreementIn], [Before],
// [Within] and [Since] with the combinators [All], [Any], [Not] and
// [AtLeast]. "The guarantees apply only once a ceasefire is in force" is a
// trigger:
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
//	Fulfilment  Fulfilled when it holds; nil: for an obligation, its Action happened
//	Violation   Violated when it holds; nil: for a prohibition, its Action happened
//	Deadline    an obligation still InEffect then is Violated; After counts from
//	            entering InEffect, paused while the clause is Suspended or
//	            (unless Surviving) its agreement is not in force
//	Expiry      a Pending or InEffect clause is then Discharged (a prohibition in
//	            effect Fulfilled: it was kept); After counts from leaving Dormant
//
// Conditions are evaluated at an instant against the events up to it. A
// trigger sees every event. The event atoms (Happened, Before, Within, Since)
// of an antecedent see only events strictly after the instant the trigger
// held, and those of a fulfilment or violation condition only events
// strictly after the instant the clause entered InEffect (or was last
// resumed): an attack before the ceasefire that triggered a guarantee is
// never "a new attack". Holds, ClauseIn and AgreementIn read the state at the
// instant. Triggers and antecedents latch: once the clause has moved on, they
// are not evaluated again.
//
// A power is exercised (Fulfilled, once) by its Action or, without one, by an
// [EventKindPowerExercised] event naming it; its [Effect] then applies to its
// Targets, clauses or agreements: suspend them, discharge them or terminate
// them. A suspend power names the resume power (ResumedBy) whose exercise
// lifts its suspensions. Unless the Action names an actor or a group, or the
// clause is Joint, an action counts only when the debtor does it. Only
// obligations have deadlines; permissions and powers are never violated. A
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
// source's wording ("several thousand").
//
// # Lifecycle
//
// A clause is in one [State] at a time: Dormant (its trigger has not held),
// Pending (triggered, its antecedent has not held), InEffect (binding now),
// Suspended, or one of the final states Fulfilled, Violated, Discharged and
// Terminated, which nothing leaves. It moves only along these edges, adapted
// from Symboleo's obligation and power state machines:
//
//	from                        when                                          to
//	Dormant                     trigger holds, antecedent not yet             Pending
//	Dormant                     trigger holds, antecedent holds or is nil     InEffect
//	Pending                     antecedent holds                              InEffect
//	Pending, InEffect           expiry reached                                Discharged
//	InEffect (a prohibition)    expiry reached                                Fulfilled
//	InEffect                    fulfilment holds (a power: it is exercised)   Fulfilled
//	InEffect                    violation holds, or the deadline passes       Violated
//	InEffect                    a power discharges it                         Discharged
//	InEffect                    a power suspends it                           Suspended
//	Suspended                   every power that suspended it is resumed      InEffect
//	Dormant, Pending,           a power terminates it, or its agreement       Terminated
//	InEffect, Suspended         is terminated
//
// An agreement is Draft, Signed, InForce, Suspended or Terminated (final).
// It starts Signed when its SigningStatus is [SigningStatusSigned] or it
// records Signatures, Draft otherwise, and moves along these edges:
//
//	from                        when                                          to
//	Draft                       a signing event names it                      Signed
//	Signed                      its EntryIntoForce holds (nil: at once)       InForce
//	InForce                     a power suspends it                           Suspended
//	Suspended                   every power that suspended it is resumed      InForce
//	Draft, Signed, InForce,     a power terminates it                         Terminated
//	Suspended
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
