// Package coalition models groups of guarantor states, such as the
// "Coalition of the Willing" that met in Paris in January 2026: who belongs
// to them, what they do and who leads it, what each member offers and under
// which condition, and how the commitments add up. It compiles the
// commitments into ordinary [agreement.Clause]s, so that package scenario
// replays them with every other clause.
//
// # Model
//
// A [Coalition] declares its parties (members or not: the host, the
// adversary its conditions name, the coalition itself as an actor), its
// [Member]s with their [Standing] (full member or partner), its [Function]s
// (ceasefire monitoring, a multinational force, weapons hubs, ... and
// user-defined ones) with their leads, its coordination [Cell]s, its
// [Declaration]s with their signatories and force, and its [Meeting]s with
// who attended at which [Level], separately from membership (headcounts keep
// the attendance a source gives only as numbers).
//
// A [Contribution] is what one member or partner offers to one function:
// quantities as [agreement.Range]s that keep the source's wording (France's
// "several thousand" troops), a [Basing] (inside the host country, possibly
// in named areas; outside it; at sea), the [agreement.Condition] under which
// it applies ("after a ceasefire", "in the event of a new attack"), its
// force and its source (draft statement or final communiqué).
//
// Coalitions are plain data, built with struct literals and checked with
// [Coalition.Validate], which reports every problem at once in an
// [*agreement.ValidationError] with paths such as
// "contributions[3].contributor" and sentinels such as [ErrNotMember] or
// [agreement.ErrUnknownParty].
//
// Nothing in this package modifies a value it is given, keeps package-level
// state, or panics, on any input. Results are fresh values that share no
// slice with their inputs (conditions, which are immutable, are shared), so
// every function and method is safe for concurrent use on values that no
// goroutine modifies.
//
// # Analysis
//
//   - [Coalition.TotalsByFunction] and [Coalition.TotalsByBasing] add up
//     ranges exactly, in any order; amounts in different units are separate
//     totals, never added.
//   - [Coalition.Gaps] lists functions without a lead or without
//     contributions.
//   - [Coalition.Backstop] lists the commitments that apply only if the
//     ceasefire is broken by a new attack: those whose condition requires an
//     armed attack ([RequiresEvent]).
//   - [Coalition.Shares] gives each contributor's burden share of a
//     function, as a percentage range rounded to [SharePlaces] places.
//   - [Coalition.WithoutMember] asks what is left if a member withdraws.
//
// # Compilation
//
// [Coalition.Clauses] and [Coalition.Agreement] turn each contribution into
// an obligation of its contributor towards the host, with the same id.
// [SplitCondition] maps the contribution's condition onto the clause's
// trigger and antecedent: the conjuncts that require an armed attack become
// the antecedent, whose events package scenario counts only after the clause
// is triggered, so that strikes before a ceasefire are never "a new attack".
//
// # Encoding
//
// A coalition reads from and writes to JSON like an agreement document:
// [DecodeCoalition] reads one strictly (a top-level "schema": 1, field
// names in lowerCamelCase, enumerations by name, decimals as strings,
// instants in RFC 3339 or as plain dates) and validates it, reporting every
// problem at once in an [*agreement.ValidationError], with "did you mean"
// suggestions for unknown fields, enumeration names, parties and
// functions; [Coalition.MarshalJSON] writes one, always to the same bytes
// for equal coalitions; [Coalition.UnmarshalJSON] lets encoding/json do
// either. Parties, fluents, ranges, sources, patterns and conditions are
// written exactly as in agreement documents. [SchemaVersion] describes the
// encoding field by field; the JSON Schema
// agreement/schema/coalition.schema.json describes it for editors and
// validators.
//
// Package [github.com/peacekit/peacekit/coalition/coalitiontest] has rapid
// generators of valid coalitions for tests.
package coalition
