// Package casebook holds real cases encoded as data: what was agreed or
// declared, by whom, on what condition, over which territory, with the
// source of every quotation and figure cited in the doc comments. A reader
// can check each value against its source, replay a case with package
// [github.com/peacekit/peacekit/scenario], compare its versions with
// package [github.com/peacekit/peacekit/agreement/revision], and use it as
// a fixture in tests of code built on packages
// [github.com/peacekit/peacekit/agreement] and
// [github.com/peacekit/peacekit/coalition].
//
// # Cases
//
// [Paris2026] is the meeting of the Coalition of the Willing in Paris on
// 6 January 2026, in the [Version] of the draft statement or of the final
// communiqué: the coalition ([coalition.Coalition]), the instruments its
// commitments are split between ([coalition.Instrument]), the territory
// still to be negotiated (the Donbas and the other areas Russia controls,
// with DeepState's figures for 1 January 2026) and three territorial
// packages to compare. [Paris2026Declaration] is the same meeting's joint
// declaration written directly as one [agreement.Agreement], clause by
// clause, for code that does not use package coalition.
//
// # Sources and modelling choices
//
// Quotations are the sources' words; what the sources do not say is not
// invented, and where a case has to choose (a range for "several
// thousand", which party leads a function) the doc comment of the function
// that encodes it says so. Figures are built from decimal strings as the
// sources report them; derived figures say how they are derived.
//
// # Values
//
// Every function returns a fresh value that shares nothing with the values
// earlier calls returned (conditions, which are immutable, aside), so a
// caller may modify what it gets. Every value is valid: it passes
// [coalition.Coalition.Validate], [agreement.Agreement.Validate] and
// [coalition.Coalition.Process]. The package keeps no state; its functions
// are safe for concurrent use and never panic.
package casebook
