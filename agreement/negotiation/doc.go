// Package negotiation asks which packages every party to a negotiation could
// accept: it enumerates the packages of a space of issues, evaluates each
// against every party's position exactly, and reports the acceptable set,
// its Pareto frontier and the classic bargaining solutions, with ties kept
// together and a certificate for every package left out.
//
// # Spaces and packages
//
// A [Space] is a territory (an [agreement.Territory]), party groups
// ([agreement.Group], for red lines on clauses) and issues ([Issue]), each
// with one or more alternatives ([Alternative]). A territorial issue's
// alternatives are territorial options ([agreement.Option]: cede, freeze,
// withdraw, a demilitarised zone, a referendum...) on the territory's areas;
// another issue's alternatives are sets of clauses ([agreement.Clause]): the
// backstop in or out, a force of 5,000 or of 15,000. An alternative may hold
// both, or neither (the status quo on that issue). [NewSpace] validates and
// copies; a Space is immutable.
//
// A [Package] chooses one alternative per issue, by index: Package[i] is the
// index of the alternative chosen for issue i. A space of k issues with n_i
// alternatives has n_1 × ... × n_k packages ([Space.Size]); they are
// enumerated in mixed-radix order, never held ([Space.All], [Space.Packages]).
// A package is infeasible when two of its alternatives (of different issues)
// have options that decide the same thing for one area, by the rule of
// [agreement.Package.Validate]: both decide its sovereignty (cede,
// referendum, arbitration), both its control (withdraw, international
// administration, freeze), or both are of the same other kind (two
// recognitions of control, two demilitarised zones, two special statuses).
// The conflicting pairs are found once, when the space is built, and kept
// as a bit per pair of alternatives (n² bits for n alternatives in all), so
// that enumeration checks a bit per alternative; [Space.Check] returns the
// [Conflict] naming both options and the area (the first area, in the
// order the alternatives first name them, on which they conflict), built
// when asked for. Two options of one
// alternative may not conflict (the space is invalid), and an option id may
// not be used by alternatives of two issues.
//
// # Positions and red lines
//
// A [Position] is one party's: a non-negative weight per issue, a value per
// alternative (an alternative contributes weight × value; an issue or
// alternative not listed contributes zero), values of pairs of alternatives
// of different issues chosen together ([PairValue]: a backstop worth more
// with a larger force), a reservation value (the value of no agreement), and
// red lines ([RedLine], at most [MaxRedLines]). A package's value for a party
// is the sum of its alternatives' contributions and of its pairs' values.
// A red line is a predicate over a package:
//
//   - [TerritoryLine]: the party's sovereignty (or control) over some areas,
//     weighted by their sizes, in the territory [agreement.Package.Apply]
//     settles, lies within a bound in percent: "UA keeps sovereignty over
//     Donetsk" is at least 100 percent of Donetsk. Options act per area, so a
//     line depends only on the issues whose options touch its areas: it is
//     computed once per combination of those issues' alternatives (at most
//     [MaxTable]), applying the options restricted to the line's areas; with
//     one such issue, it becomes a bit of each alternative.
//   - [ClauseLine]: a clause of the package (of its alternatives, or implied
//     by an alternative's options) commits a party to an action an
//     [agreement.Pattern] matches; the parties a clause commits are those
//     that could perform its action (its actor, the members of its group,
//     or each debtor, bound jointly or severally), and a field the action
//     leaves open matches no pattern that sets it: "no clause deploys forces of a NATO
//     member in UA"; with a Measure in the pattern, over the amounts the
//     clauses commit to (the upper end of each of their quantities): "no
//     clause deploys more than 10,000 troops". A bit of each alternative.
//   - [ChoiceLine]: the package chooses an alternative (or, with Require,
//     does not). A bit of each alternative.
//
// A package is acceptable (in the zone of possible agreement) when it is
// feasible, crosses no party's red line, and is worth at least every party's
// reservation value.
//
// # Exact arithmetic
//
// Amounts are decimals at the API ([decimal.Decimal]) below 10^9 in
// magnitude, with at most 9 decimal places once trailing zeros are dropped
// ("1." followed by any number of zeros is 1). [Compile] scales each
// party's contributions (weight × value), pair values and reservation to
// that party's own number of decimal places, the most any of them needs
// (so one party's tiny amounts never force a scale on another;
// [Evaluator.Places] is the most of any party), as int64, and refuses
// (with [ErrTooLarge], naming the value's path) positions whose sums could
// exceed 2^62 in magnitude, so no sum overflows. Comparisons within a
// party (reservations, domination, the Nash product, the Kalai-Smorodinsky
// ratios) use its own scale; those across parties (the egalitarian and
// welfare points) bring every party to the most decimal places, in
// math/big. No result is ever a float: values are reported as decimals.
//
// # Evaluation
//
// An [Evaluator] holds the space and positions as flat tables: per
// alternative, its contribution to each party and the red lines it crosses
// (a bitset per party); the pair terms; the territory tables; the
// conflicting pairs. Enumeration keeps, per issue, running sums of the
// levels above, so moving to the next package recomputes only the issues
// whose choice changed: on average little more than one.
//
// # Analyses
//
// [Evaluator.Analyze] enumerates every package once and returns an
// [Analysis]; [Evaluator.Count] only counts. Both may split the enumeration
// among workers ([Options.Workers]), each taking the packages that choose one
// alternative of the first issue at a time; the slices' results are merged
// in slice order. Results never depend on the order of the issues, of their
// alternatives, of the positions' lists, of the enumeration, or on the
// number of workers. Packages with the same value vector are
// indistinguishable to every analysis and are reported together as one
// [Point]: its Count, the first packages (at most [Options.List], by
// default [DefaultList]) in Packages, and every one through [Point.All], in
// increasing lexicographic order of their choices. An analysis holds a
// point's packages as one integer each (8 bytes a package), so a space
// where millions of packages tie costs tens of megabytes, not gigabytes.
// Points are listed in decreasing lexicographic order of their value
// vectors; the solutions' points are copies of the frontier's.
//
//   - Acceptable: the number of acceptable packages (the ZOPA's size);
//     [Evaluator.Acceptable] yields them, enumerating the space again.
//   - Frontier: the acceptable value vectors no other acceptable vector
//     dominates (at least as good for every party and better for one), with
//     their packages. It is built by chunks of acceptable packages (sort by
//     decreasing value vector, then a sweep keeping each vector no kept one
//     dominates), each merged with the frontier so far (a merge of two
//     sorted lists, then the sweep); a chunk grows to the frontier's size,
//     so memory is a chunk plus the frontier, at most about twice the
//     frontier. The sweep's test costs O(1) per vector for two parties,
//     O(log n) for three (a staircase of the kept vectors' second and
//     third values, in a balanced tree); four parties use Kung's divide
//     and conquer (O(n log² n) in all); for five or more, O(log n) when
//     that staircase shows the vector undominated, O(frontier) otherwise
//     (quadratic in the worst case, when parties are opposed).
//   - Nash: the frontier points with the largest product of gains over the
//     reservation values, exactly (big integers). When every frontier point
//     has a zero gain for some party, every point ties at zero.
//   - KalaiSmorodinsky: the frontier points with the largest smallest ratio
//     of a party's gain to its ideal gain (its largest gain over the
//     acceptable packages), compared exactly as rationals; parties whose
//     ideal gain is zero are left out (if all are, every point ties).
//   - Egalitarian: the frontier points with the largest smallest gain, in
//     the parties' own units.
//   - Welfare: the frontier points with the largest sum of values.
//
// Each solution lists every tied point; [Analysis.Gains] gives a point's
// gains over the reservation values. [Space.Package] names a package by
// its alternatives' ids. The Nash and Kalai-Smorodinsky points
// do not change when one party's values and reservation are rescaled
// together by v -> a×v + b with a > 0; the egalitarian and welfare points
// compare units across parties and do.
//
// [Analysis.Certify] says why a package is not on the frontier: the
// [Conflict] that makes it infeasible, the red lines it crosses (by party),
// the parties for which it is below the reservation value, or, for an
// acceptable package, the first frontier point that dominates it.
// [Analysis.Excluded] streams every package left out with its certificate.
//
// # The most contested issue
//
// [Evaluator.Contested] says, per issue, which red lines it decides (a red
// line some package crosses and the same package with another alternative
// for the issue does not; combinations of alternatives whose options
// conflict inside a territory red line's areas are left aside) and its
// opposition: over every pair of parties, the negative part of the
// covariance of their contributions over the alternatives, each
// party's contributions taken as a share of its range (the sum over the
// issues of its largest contribution less its smallest), summed and made
// positive, exactly (a [math/big.Rat]). Rescaling a party's values
// (v -> a×v + b, a > 0) changes no opposition. The most contested issues
// decide the most red lines and, among
// those, have the largest opposition; ties are all reported.
//
// # Sensitivity
//
// [Analysis.Sensitivity] says how far one party's weight for one issue can
// move, other things equal, before the Nash point changes: moving it by t
// moves each package's value for the party by t times the value of its
// alternative for the issue, so each package's Nash product is linear in t,
// and the point stays the same set of packages while its line stays
// strictly above every other package's and above zero. The bounds are
// exact rationals, open; the point is then no longer the same at them.
//
// # JSON
//
// [EncodeSpace] and [DecodeSpace] write and read spaces, and
// [EncodePositions] and [DecodePositions] positions, as strict, versioned
// documents ([SpaceSchema] and [PositionsSchema] state the encodings field by
// field; a space's territory, groups, options and clauses are written as in
// an agreement document). Decoding lists every problem with its path, such
// as "issues[1].alternatives[0].clauses[2].kind" or
// "positions[0].issues[1].weight"; positions are checked against a space by
// [Compile].
//
// # What if
//
// [Evaluator.WhatIf] lists every single change to one party's position that
// would make some package acceptable: dropping one red line (the packages
// that line alone keeps out), or lowering the reservation value to the
// highest value that admits a package (the packages held back by that
// reservation alone and worth exactly that much to the party), each with the
// number of packages it admits and their frontier; [Evaluator.Admitted]
// yields the packages themselves. With an empty acceptable set, these are
// the changes that make it non-empty.
package negotiation
