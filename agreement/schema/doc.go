// Package schema holds the JSON Schemas (draft 2020-12) of the JSON documents that
// package agreement and the packages built on it read, embedded in the
// module, and is the reference of those documents: every document, every
// member, every allowed value in its JSON spelling.
//
// # Using the schemas
//
// A document names its schema in an optional top-level "$schema" member,
// which the decoders ignore, so that an editor completes member names and
// allowed values and reports mistakes while the document is written:
//
//	{"$schema": "https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/agreement.schema.json",
//	 "schema": 1, "id": "ceasefire", ...}
//
// [Names] lists the documents, [JSON] returns one schema's bytes and [FS]
// all the files, "<name>.schema.json", each with the "$id"
// https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/<name>.schema.json.
// The process and timeline schemas refer to definitions of the agreement
// schema by relative URI ("agreement.schema.json#/$defs/agreementBody"): a
// validator loads every file under its "$id".
//
// A schema is as strict as its decoder wherever a schema can be: an unknown
// member, a missing required member, a value of the wrong JSON type, an
// unknown enumeration value, a malformed id, reference, instant, duration,
// period or decimal, and a negative amount are errors for both. What a schema
// cannot state, the decoders ([agreement.DecodeAgreement],
// [agreement.DecodeProcess], [agreement.DecodeEventLog],
// scenario.DecodeTimeline, coalition.DecodeCoalition,
// montecarlo.DecodeModel, negotiation.DecodeSpace and
// negotiation.DecodePositions) report: whether a reference resolves, whether
// ids are unique, whether a zone loads, whether shares sum to 100, how
// members of one object constrain each other (a sub-stage under its stage,
// a power's effect, min not above max, from before until), and the range of
// numbers (a period's parts, a duration's size, an instant's year in UTC).
// Members holding their zero value may be left out, and the encoders leave
// them out.
//
// # The agreement document
//
// An agreement document is one JSON object with these members:
//
//   - "$schema": the URI of its schema, for editors; optional, ignored.
//   - "schema": the version of the encoding, the number 1; required.
//   - "id": the agreement's id, unique in its process; required.
//   - "title": its title.
//   - "date": its date, an instant.
//   - "zone": the zone in which its plain dates are read and its deadlines
//     rounded: a zone database name ("Europe/Kyiv"), a fixed offset
//     ("+03:00") or "UTC"; empty or absent for UTC.
//   - "stage": its PA-X stage; "subStage": its PA-X sub-stage, one of the
//     stage given.
//   - "signingStatus": whether and how it was signed.
//   - "parties": its parties; "groups": named sets of parties;
//     "itemClasses": named classes of items; "signatures": its signatures;
//     "signatories": the ids of the parties whose signatures it needs,
//     each once.
//   - "clauses": its clauses; "fluents": the facts events start and end.
//   - "territory": its areas; "options": its territorial options.
//   - "entryIntoForce": the condition of its entry into force, or null.
//   - "inForceAt": a deadline by which it must be in force.
//   - "term": how long it runs and how it renews.
//
// The agreements nested in a process document and the texts of an event
// log's amendments are agreement objects without "schema" and "$schema"
// (the definition agreementBody of the agreement schema).
//
// # The objects of an agreement
//
// A party: {"id" (required), "name", "kind", "roles": [role, each once]}.
//
// A group: {"id" (required), "name", "members": [party id, each once]}.
//
// An item class: {"id" (required), "name", "items": ["BM-21 Grad", ...,
// each once], "rule": [bound, each with a unit]}; it needs items or a rule.
//
// A signature: {"party" (required), "signatory", "capacity", "date"}.
//
// A fluent: {"id" (required), "initiates": [pattern], "terminates":
// [pattern], "initially": true}: a fact that holds from an event matching an
// initiating pattern until one matching a terminating pattern, or from the
// start when "initially".
//
// A clause: {"id", "kind" and "debtors" (required), "text", "source":
// {"document", "speaker", "date"}, "force", "category", "joint",
// "creditors", "action", "quantities": [range], "trigger", "antecedent",
// "deadline", "expiry", "recurs", "zone", "term", "fulfilment",
// "violation", "standing", "effect", "targets", "resumedBy",
// "targetDebtor", "relaxes", "grant", "covers", "coverWindow",
// "surviving", "provisional", "duringSuspension"}. "debtors" lists at least
// one party id, each once, and "creditors" party ids, each once; "joint"
// binds the debtors jointly, in one instance, rather than severally.
// "action" is the pattern of the act the clause is about (null for none);
// "trigger", "antecedent", "fulfilment" and "violation" are conditions (null
// for none). "standing" makes an obligation or prohibition standing, kept
// throughout, its breaches counted. A power's "effect" acts on its "targets"
// (references), of one debtor when "targetDebtor" is set; a suspend power
// names its resume power in "resumedBy" (a clause id). A permission
// "relaxes" prohibitions (references), granting the acts matching "grant"
// (a pattern, never null), "covers" of them (a count, 0 for no limit)
// within "coverWindow" (a duration). "category" is a PA-X provision code
// ("Ce", "SsrGua": an upper-case letter, then up to 31 letters and digits).
// "zone" overrides the agreement's. "surviving" clauses survive the
// agreement's termination, and "provisional" ones apply before its entry
// into force. "duringSuspension" says what a suspension does to the
// clause's acts.
//
// A range: {"min" and "max" (required, decimals not negative), "unit",
// "wording", "what", "class": item class id}.
//
// A deadline: at most one of {"after": duration}, {"period": period} and
// {"at": instant}, with "from": the condition it counts from (null for the
// clause's start), "round": a rounding, "exclusive": true when its
// instant itself is too late, "unconditional": true when it runs whatever
// the trigger.
//
// A recurrence: {"every": period, "start": instant, "on": pattern (never
// null), "within": period, "round": rounding}, with "every" or "on" but not
// both.
//
// A term: {"period": the first term, "renewal": each renewal, "notice": the
// notice before a term's end (periods), "renewals": the number of automatic
// renewals, not negative, 0 for no limit}.
//
// A pattern, which events match when every member given matches:
// {"kind" (required), "actor", "group", "target", "area", "clause":
// reference, "reporter", "attribution", "item", "class": item class id,
// "measure": bound}.
//
// A bound, the range a quantity must lie in: {"unit", "of": the name of
// what is measured ("distance-from-line"), "min", "max" (decimals not
// negative), "minOpen": true when min itself is excluded (it needs "min"),
// "maxOpen": likewise for max}. A bound with a limit or "of" needs a unit.
//
// A territory: {"areas": [area]}. An area: {"id", "size" (km², a decimal
// above 0), "sovereignty" and "control" (at least one share each, summing
// to 100) required, "name", "arrangements": [arrangement]}. A share:
// {"party" and "percent" (a decimal above 0) required}. An arrangement:
// {"kind" and "option" (the option id) required, "party"}.
//
// An option: {"id" (1 to 24 ASCII letters, digits, '_' or '-', starting
// with a letter or digit), "kind" and "areas" (at least one area id)
// required, "text", "from", "to", "party", "parties", "width": a decimal
// not negative (km on each side of the line), "deadline", "results":
// [{"outcome" (required), "sovereign"}], "lapse"}.
//
// # Values
//
// An id ("UA", "C1", "ceasefire-2026") is 1 to 64 ASCII letters, digits,
// '.', '_' or '-', starting with a letter or digit. In a pattern's "actor",
// "target" and "reporter", a clause's "targetDebtor", and the "debtor" and
// "reporter" of clauseIn and breached, a party may also be a placeholder:
// "$debtor" (the debtor of the clause's instance) or "$creditor".
//
// An event kind, a unit and the name of what a bound or quantity measures
// are 1 to 64 characters of a-z, 0-9, '-' and '.', starting with a letter
// ("armed-attack", "km", "troops"); a unit may be empty, a plain number.
//
// A reference is "clause" (a clause of the agreement holding it),
// "agreement/clause" (a clause of another agreement of the process) or
// "agreement/" (that agreement itself).
//
// An instant is RFC 3339 text ("2026-02-01T00:00:00Z",
// "2026-02-01T03:00:00+03:00"), or a plain date ("2026-02-01"): local
// midnight at the start of that day in the zone of the clause holding it,
// else of its agreement (else of the event log), else UTC.
//
// A duration is exact and not negative, in the syntax of Go's
// time.ParseDuration ("72h", "1h30m", "90s"), or a whole number of 24-hour
// days ("30d"). A period is calendar time, not negative: whole numbers of
// years (y), months (mo), weeks (w) and days (d), in that order, each at
// most once, then optionally an exact duration: "3d", "1mo", "1y2w",
// "2w12h".
//
// A decimal is a JSON string in plain notation, never a JSON number: an
// optional '-', digits, and optionally '.' and more digits ("-12.5"), at
// most 1000 characters. Counts ("covers", "renewals", "atLeast", "k") are
// JSON integers.
//
// # Enumerations
//
// Each enumeration is written by name; the empty string, where listed, is
// the same as the member left out.
//
//   - A party's "kind": "", "state", "government", "armed-group",
//     "intergovernmental-organisation", "state-coalition", "person",
//     "civil-society", "other".
//   - A party's "roles": "party-to-conflict", "guarantor", "mediator",
//     "monitor", "witness", "observer", "beneficiary".
//   - "signingStatus": "", "signed", "unilateral", "unclear", "subsequent".
//   - "stage": "", "Pre", "SubPar", "SubComp", "Imp", "Cea", "Ren", "Oth".
//   - "subStage": "", "Proc", "Prin", "Conf", "PreMix", "PreOth" (of
//     "Pre"); "MultIss", "Iss", "FrparOth" (of "SubPar"); "FrAg", "FrCons",
//     "FrcomOth" (of "SubComp"); "ImpMod", "ExtSub", "ExtPar", "ImpOth" (of
//     "Imp"); "Ceas", "Rel", "CeaMix" (of "Cea"); "Repre", "Resub", "Reimp",
//     "Reoth" (of "Ren"); "Other" (of "Oth").
//   - A clause's "kind": "obligation", "prohibition", "permission", "power".
//   - "force": "", "legally-binding", "politically-binding",
//     "declaration-of-intent", "aspiration".
//   - "effect": "", "suspend", "resume", "discharge", "terminate", "notice";
//     only a power has one, and it must.
//   - "duringSuspension": "excuses" (the default), "defers".
//   - "round": "", "start-of-day", "end-of-day".
//   - "attribution": "", "alleged", "confirmed".
//   - An option's "kind": "cede", "recognise-control", "freeze",
//     "withdraw", "demilitarised-zone", "international-administration",
//     "special-status", "referendum", "arbitration"; an arrangement's
//     "kind" is one of these but "cede" and "withdraw".
//   - "lapse": "", "status-quo", "follow-control".
//   - The "states" of clauseIn, clause states: "dormant", "pending",
//     "in-effect", "suspended", "fulfilled", "violated", "discharged",
//     "terminated", "lapsed".
//   - The "states" of agreementIn, agreement states: "draft", "signed",
//     "in-force", "suspended", "terminated".
//
// # Conditions
//
// A condition is an object with exactly one operator; a condition slot
// ("trigger", "antecedent", "fulfilment", "violation", "entryIntoForce", a
// deadline's "from") may also be null, for none, but an operand may not.
// Operands nest to any depth the decoder allows (1000).
//
// happened: an event matching the pattern has happened.
//
//	{"happened": {"kind": "armed-attack", "actor": "RU", "target": "UA"}}
//
// holds: the fluent holds.
//
//	{"holds": "ceasefire"}
//
// clauseIn: the clause referred to ("clause", required), for one "debtor"
// when given, is in one of "states" (required, at least one).
//
//	{"clauseIn": {"clause": "C1", "debtor": "RU", "states": ["violated", "terminated"]}}
//
// agreementIn: the agreement ("agreement", empty or absent for the one
// holding the condition) is in one of "states" (required, at least one).
//
//	{"agreementIn": {"agreement": "ceasefire", "states": ["in-force"]}}
//
// before: an event matching "first" happened before one matching "then"
// (both required).
//
//	{"before": {"first": {"kind": "ceasefire-in-force"}, "then": {"kind": "withdrawal-completed", "actor": "RU"}}}
//
// within: an event matching "event" happened within "duration" (above
// zero) before now; both required.
//
//	{"within": {"event": {"kind": "armed-attack", "actor": "RU"}, "duration": "720h"}}
//
// since: "duration" has passed since an event matching "event"; both
// required.
//
//	{"since": {"event": {"kind": "ceasefire-in-force"}, "duration": "72h"}}
//
// breached: the standing clause referred to ("clause") has been breached
// at least "atLeast" times (at least 1), both required, counting only the
// breaches of "debtor", within the duration "within" before now, reported
// by "reporter" and so attributed ("attribution"), for those given.
//
//	{"breached": {"clause": "C1", "atLeast": 3, "debtor": "RU", "within": "720h", "reporter": "UA", "attribution": "confirmed"}}
//
// total: the sum of the quantities of the events matching "event" lies in
// "bound"; both required.
//
//	{"total": {"event": {"kind": "forces-deployed", "actor": "RU"}, "bound": {"unit": "troops", "max": "5000"}}}
//
// level: the quantity of the latest event matching "event" lies in
// "bound"; both required.
//
//	{"level": {"event": {"kind": "forces-deployed", "actor": "RU"}, "bound": {"unit": "troops", "min": "0", "max": "5000", "maxOpen": true}}}
//
// clock: the time is from "from" (an instant) until "until" (excluded):
// at least one of them.
//
//	{"clock": {"from": "2026-03-01", "until": "2026-03-05T12:00:00+02:00"}}
//
// all: every operand holds.
//
//	{"all": [{"holds": "ceasefire"}, {"happened": {"kind": "withdrawal-completed", "actor": "RU"}}]}
//
// any: some operand holds.
//
//	{"any": [{"happened": {"kind": "armed-attack", "actor": "RU"}}, {"clauseIn": {"clause": "C1", "states": ["violated"]}}]}
//
// not: the operand does not hold.
//
//	{"not": {"holds": "ceasefire"}}
//
// atLeast: at least "k" (required, not negative, at most their number) of
// the operands "of" hold.
//
//	{"atLeast": {"k": 2, "of": [{"holds": "ceasefire"}, {"happened": {"kind": "withdrawal-completed"}}, {"not": {"happened": {"kind": "armed-attack"}}}]}}
//
// # The process document
//
// A process document is {"$schema" (optional), "schema": 1 (required),
// "title", "agreements": [agreement without "schema"]}: the instruments of a
// peace process, which may refer to each other's clauses.
//
// # The timeline document
//
// A timeline is the event log document that scenario.DecodeTimeline reads
// (and [agreement.DecodeEventLog], which does not need "start"):
// {"$schema" (optional), "schema": 1 and "start" (an instant) required,
// "zone": the zone of its plain dates, "events": [event], "amendments":
// [amendment]}. Its instants may be plain dates, read in its "zone".
//
// An event: {"at" (an instant) and "kind" required, "id" (to be revised),
// "actor", "target", "reporter" (party ids), "clause" (a reference), "area",
// "quantities": [{"value" (required, a decimal not negative), "unit", "of":
// what is measured}], "outcome" (of an election, referendum or arbitration),
// "attribution", "item", "revises" (the id of the earlier event it
// revises), "period" (a period, such as an extension)}.
//
// An amendment: {"at" (an instant) and "text" (required: the amended
// agreement, without "schema", its plain dates read in its own zone, else
// UTC), "label"}.
//
// # The coalition document
//
// A coalition document is what coalition.DecodeCoalition reads: a
// coalition of guarantors, which compiles to an agreement whose clauses
// are its contributions. It is one JSON object with these members:
//
//   - "$schema": the URI of its schema, for editors; optional, ignored.
//   - "schema": the version of the encoding, the number 1; required.
//   - "id": the coalition's id, the id of the agreement it compiles to
//     ("coalition-of-the-willing"); required.
//   - "name": its name, the title of the compiled agreement.
//   - "party": the coalition as an actor ("COW"), a party id, when it is
//     named as one.
//   - "host": the state its contributions are for and based in ("UA"), a
//     party id: the beneficiary of every contribution that names none.
//   - "parties": every party it names, members or not, and "fluents": the
//     facts its conditions read, both written as in an agreement.
//   - "members": [member]; "functions": [function]; "cells": [cell];
//     "declarations": [declaration]; "meetings": [meeting];
//     "contributions": [contribution].
//
// A member: {"party" (required), "standing"}. "standing" is "member", a
// full member, or "partner", who takes part without being a member;
// absent means "member", and the encoder always writes it.
//
// A function, what the coalition does: {"id" (required, an event kind's
// syntax: "ceasefire-monitoring", "multinational-force"), "name", "leads":
// [party id], "leadWithoutContributions": true when leads are named while
// no contribution serves it yet, "category": the PA-X provision code of
// the clauses compiled from its contributions}.
//
// A cell, a coordination cell: {"participants" (required, at least one
// party id), "name", "location"}.
//
// A declaration: {"title" (required, not empty), "allMembers": true when
// every full member signed it, "signatories": [party id], "force", "date":
// an instant}. Either "allMembers" is true and there are no
// "signatories", or there is at least one signatory.
//
// A meeting: {"title", "location", "date": an instant, "attendees":
// [{"party" (required), "level", "representatives": ["Emmanuel Macron",
// ...]}], "unnamed": [{"count" (required, a JSON integer, not negative),
// "level"}]}: who attended, and how many attended unnamed, at which level.
// A "level" is "" (not stated), "leader", "minister", "envoy" or
// "official".
//
// A contribution, what a member or partner offers to one function:
// {"id" (the id of the clause it compiles to), "contributor" (a party id)
// and "function" (a function id) required, "text": the source's words,
// "quantities": [range], "basing", "condition": the condition under which
// it applies (null for none: unconditionally), "action": the pattern of
// the events that perform it (null for none), "beneficiaries": [party id]
// (absent or empty: the host), "force", "source": {"document", "speaker",
// "date"}}. Ranges, patterns, conditions and forces are written as in an
// agreement; a condition's clause references name contributions.
//
// A basing, where the contribution's forces or assets are based: {"kind":
// "" (not stated), "in-host", "outside-host" or "at-sea"; "areas": [area
// id, each once], which needs "kind" "in-host"; "location": the place in
// words}.
//
// Instants (a declaration's or meeting's "date", a source's "date", a
// clock's "from" and "until") are RFC 3339 text, or plain dates
// ("2026-01-06"): midnight UTC at the start of that day.
//
// # The Monte Carlo model document
//
// A Monte Carlo model is what montecarlo.DecodeModel reads: the random
// events a run adds to a timeline. It is {"$schema" (optional), "version"
// (the number 1) and "processes": [process] required}; its version is
// named "version", not "schema". Rates, factors, probabilities, shapes and
// hazards are JSON numbers, finite; durations are strings, as in an
// agreement.
//
// A process is exactly one of {"poisson": ...} and {"scheduled": ...}.
//
// A Poisson process adds events at a rate: {"perDay" (events per day, not
// negative) and "event" (a template) required, "name": for reports,
// "modifiers": [modifier]}. A modifier multiplies the rate by "factor"
// (not negative) while the clause "clause" (a reference), of "debtor" when
// given, is in one of "states" (at least one clause or agreement state:
// "dormant", "pending", "in-effect", "suspended", "fulfilled", "violated",
// "discharged", "terminated", "lapsed", "draft", "signed", "in-force");
// "clause", "states" and "factor" are required. The rate times every
// factor above 1 is below one event per nanosecond.
//
// A scheduled process draws one outcome after a delay: {"outcomes"
// (required, at least one), "name", "after", "once", "delay"}. Without
// "after", it draws once, at the start of the run; with "after", a match
// {"kind", "actor", "target", "area"} (each empty or absent for any), it
// draws after each event matching it, or after the first only when "once"
// is true. An outcome is {"probability" (from 0 to 1) and "event" (a
// template) required}; the probabilities sum to at most 1, the rest being
// no event. Without "delay", the outcome is at once.
//
// A delay is exactly one of:
//
//   - {"constant": {"perDay"}}: a constant hazard per day, not negative
//     (0: never); required.
//   - {"piecewise": {"cuts", "perDay" (required), "stdErrs"}}: the hazard
//     perDay[i] between cuts[i-1] and cuts[i]; "cuts" are positive
//     durations, increasing, "perDay" one hazard more than the cuts, each
//     not negative; "stdErrs", when given, one standard error per hazard,
//     not negative, and the hazards are then drawn per run.
//   - {"weibull": {"shape" (above 0) and "scale" (a duration above zero,
//     "200d") required}}.
//   - {"empirical": {"at" and "survival" required}}: a survival curve, the
//     probability that the delay exceeds at[i] being survival[i]; "at" holds
//     at least one duration, increasing, "survival" as many numbers from 0
//     to 1, not rising.
//   - {"uniform": {"min" and "max" required}}: durations, min not above
//     max.
//
// A template, the event a process adds: {"kind" (required, an event
// kind), "actor", "target", "reporter", "clause" (a reference), "area",
// "outcome" (a referendum's "yes"), "item", "quantities": [{"value"
// (required, a decimal not negative; exponent notation is read here),
// "unit", "of"}]}. In an outcome of a scheduled process with "after",
// "$trigger.actor" and "$trigger.target" stand for a party of the
// triggering event (as "actor", "target" or "reporter"), and
// "$trigger.area" for its area.
//
// # The negotiation space document
//
// A negotiation space is what negotiation.DecodeSpace reads: the issues of
// a negotiation, each with alternatives, a package choosing one
// alternative of each issue. It is {"$schema" (optional), "schema": 1 and
// "issues" (at least one) required, "groups": [group], "territory"}.
//
// An issue: {"id" and "alternatives" (at least one) required, "name"}. An
// alternative: {"id" (required, unique in its issue), "name", "options":
// [option], "clauses": [clause]}: the territorial options and clauses it
// adds to the agreement.
//
// Groups, the territory, options and clauses are written as in an
// agreement, and each alternative's options and clauses are read as an
// agreement's with the space's territory and groups: a reference names a
// clause of the same alternative. Every party the space names is taken as
// declared. A space declares no fluents, so a "holds" condition never
// applies.
//
// # The negotiation positions document
//
// The negotiation positions are what negotiation.DecodePositions reads:
// each party's values over a negotiation space. The document is
// {"$schema" (optional), "schema": 1 (required), "positions": [position]}.
//
// An amount is a decimal written as a string in plain notation ("2.5",
// "-2"; a leading '+' or '−' is read), below 10^9 in magnitude, with at
// most 9 decimal places (trailing zeros aside), at most 64 characters.
//
// A position: {"party" and "reservation" (an amount: a package worth less
// to the party is refused) required, "issues", "pairs", "redLines"}.
//
// Each of "issues", the value of one issue: {"issue" (the id) and
// "weight" (an amount) required, "values": [{"alternative" (its id) and
// "value" (an amount) required}]}: a package's value for the issue is the
// weight times the value of its alternative, 0 when not listed.
//
// Each of "pairs", a value added when two choices are made together: {"a",
// "b" (choices) and "value" (an amount) required}. A choice is {"issue"
// and "alternative" required}, ids in the space.
//
// Each of "redLines", under which the party refuses any package: {"id"
// (required, named in reports) and exactly one of "territory", "clause"
// and "choice"}:
//
//   - "territory": {"party" (required), "control": true for the share of
//     control rather than of sovereignty, "areas": [area id], "min", "max",
//     "minOpen", "maxOpen"}: the share, in percent, of the areas that the
//     party holds after the package must lie within the limits, else the
//     package is refused.
//   - "clause": {"kind" (required), "actor", "group", "target", "area",
//     "item", "measure": {"unit", "of", "min", "max", "minOpen",
//     "maxOpen"}, at least one limit}: a package with a clause whose action
//     matches is refused; only the members set are compared.
//   - "choice": {"choice" (required, a choice), "require": true when the
//     choice is required rather than refused}.
//
// A limit ("min", "max") is an amount, or "" for none; "minOpen" (true:
// the lower limit is excluded) needs a "min", "maxOpen" a "max".
package schema
