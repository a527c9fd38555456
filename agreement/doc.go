// Package agreement is the language of peacekit: parties and their roles,
// clauses with deontic force, the typed condition language that says when a
// clause starts and stops binding, events, lifecycle states, validation and
// JSON.
//
// # Agreements and processes
//
// An [Agreement] is one instrument (a declaration, a ceasefire, a framework
// agreement) with its [Party] list (each party's [Role] in this agreement),
// party [Group]s, [Signature]s, [Clause]s, [Fluent]s and the condition for its
// own entry into force. A [Process] links several instruments; their
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
// # Clauses and conditions
//
// A clause is an obligation, prohibition, permission or power ([Deontic]) of
// some [Force]. Its Action is an event [Pattern]; its Trigger, Antecedent,
// Fulfilment and Violation are [Condition]s, built from the atoms [Happened],
// [Holds], [ClauseIn], [AgreementIn], [Before], [Within] and [Since] with the
// combinators [All], [Any], [Not] and [AtLeast]. "The guarantees apply only
// once a ceasefire is in force" is a trigger:
//
//	Trigger: agreement.Holds("ceasefire-in-force")
//
// and "support in the event of a new attack" an antecedent that sees only
// events after the guarantee became active:
//
//	Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.ArmedAttack, Actor: "RU"})
//
// This package defines what conditions mean; package scenario evaluates them
// over timelines of [Event]s.
//
// Amounts are exact decimals: a [Quantity], or a [Range] that keeps the
// source's wording ("several thousand").
//
// # Territory
//
// A [Territory] of [Area]s holds sovereignty and control as [Share]s summing
// to exactly 100. Territorial [Option]s (cede, recognise control, freeze,
// withdraw, demilitarised zone, international administration, special
// status, referendum, deferred arbitration), chosen as a [Package], are
// checked by [Package.Validate] and applied by [Package.Apply] or
// [Agreement.Settle] into a [Settlement]: a new territory and the ordinary
// clauses the options imply. Figures over several areas are weighted by area
// ([Figure], percentages rounded to [PercentPlaces] places).
//
// # Versions and reports
//
// [Diff] compares two versions of an agreement item by item and field by
// field (a commitment dropped from a draft is reported as removed, not as a
// renumbering), and [Changes.Apply] turns the old version into the new.
// [Agreement.Markdown] and [Changes.Markdown] write tables an analyst can
// paste; [Agreement.MermaidDependencies] draws the clause dependency graph.
//
// # Errors
//
// Validation and decoding report every problem at once, in a
// [*ValidationError] whose [Problem]s each carry a path in the JSON encoding
// ("clauses[3].trigger.all[1].happened.actor") and wrap a sentinel such as
// [ErrUnknownParty], so both [errors.Is] and [errors.As] work.
//
// Package [github.com/peacekit/peacekit/agreement/agreementtest] has rapid
// generators and cmp options for tests that use these types.
package agreement
