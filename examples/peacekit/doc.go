// Command peacekit reads peace agreements, processes, timelines and the
// documents of the analyses, written as JSON, and checks, replays and
// analyses them: the library for analysts who do not write Go.
//
// Install it with
//
//	go install github.com/peacekit/peacekit/examples/peacekit@latest
//
// Usage:
//
//	peacekit COMMAND [flags] [operands]
//
// Flags and operands may come in any order; "--" ends the flags. Every
// command prints its help, with an example, for -h or --help, and
// "peacekit help COMMAND" does the same; "peacekit" alone or "peacekit help"
// prints the overview. The commands:
//
//	validate FILE...
//	    Decodes each FILE with the library's decoder for its kind, told by
//	    content or given with -kind (agreement, process, timeline,
//	    coalition, montecarlo-model, negotiation-space,
//	    negotiation-positions), and
//	    reports every problem. Then it lints what is valid:
//	    agreement.Agreement.Lint or agreement.Process.Lint, and
//	    pax.LintCategories. With exactly one agreement or process, each
//	    timeline given is checked against it (scenario.Timeline.Validate)
//	    and linted with it (scenario.Timeline.Lint, Engine.LintClauses);
//	    with exactly one negotiation space, each positions document
//	    (negotiation.Compile). A finding of Engine.LintClauses names its
//	    timeline ("final.json: clauses[1]: warning (with timeline.json):
//	    ..."). A timeline given with two or more agreements or processes
//	    (positions with two or more spaces) is checked against none: it is
//	    reported "unchecked", not "valid", with a warning ("timeline
//	    decoded, not checked against an agreement (2 agreements or
//	    processes given; give one)"). Lint findings and unchecked documents
//	    are warnings: the exit status stays 0 unless -strict is given.
//	    -lint=false skips the lint. "peacekit lint" is the same command.
//	replay AGREEMENT TIMELINE
//	    Replays a timeline over an agreement or process (package scenario)
//	    up to -end, and writes the states at the end and since when, who
//	    is bound, every transition with its cause, the fluents and the
//	    territory, as -format text, markdown (scenario.Trace.Markdown and
//	    tables), mermaid (scenario.Trace.Mermaid) or gantt (export.Gantt:
//	    the states over time); or, as -format csv or json, one table of
//	    package scenario/export chosen with -table: transitions, states
//	    (the default), bound, breaches or territory.
//	explain AGREEMENT TIMELINE INSTANCE
//	    Replays as replay does and explains why one clause instance
//	    ("ceasefire-sample/CF[RU]", or "CF[RU]" when that names one
//	    instance, with one agreement or a process) is in its state at -at
//	    (default: the end): scenario.Trace.Explain. An unknown instance is
//	    bad input; the message lists the instances and suggests the nearest
//	    (agreement.Suggest); an ambiguous one ("CF" for "CF[RU]" and
//	    "CF[UA]") is bad input, with the instances it could mean.
//	diff OLD NEW
//	    What changed between two versions of an agreement
//	    (revision.Diff): what the draft promised that the final text
//	    dropped. -format text (one change a line), markdown
//	    (report.ChangesMarkdown), or csv and json for a spreadsheet or a
//	    notebook (revision.Changes.WriteCSV and MarshalJSON: one row or
//	    object per change, with its item, id, occurrence, change, field,
//	    before, after and description; formula-like csv cells escaped with
//	    a leading single quote). Differences are not an error.
//	deps AGREEMENT
//	    The clause dependency graph of an agreement or process: -format
//	    mermaid (report.DependencyMermaid; for a process, of the
//	    instrument -agreement names) or text (agreement.ClauseDependencies
//	    for each clause).
//	schema [NAME]
//	    Prints the JSON Schema (draft 2020-12) of one document (package
//	    agreement/schema: agreement, process, timeline, coalition,
//	    montecarlo-model, negotiation-space, negotiation-positions), or
//	    lists the names; with -o DIR and no NAME, writes every schema file
//	    to DIR. Documents may name their schema in a top-level "$schema"
//	    member, which the decoders ignore, for completion in an editor.
//	montecarlo AGREEMENT MODEL
//	    Runs a Monte Carlo model (montecarlo.DecodeModel) over an
//	    agreement or process -runs times with -seed and -workers, from
//	    -start (default: the agreement's date) for -horizon
//	    (montecarlo.Simulate), and writes for every clause instance the
//	    probability of having been in effect, fulfilled and violated by
//	    the horizon with 95% Wilson intervals, the mean number of breaches
//	    and the mean days in effect: -format text, markdown, csv or json.
//	packages SPACE POSITIONS
//	    Enumerates the packages of a negotiation space against the
//	    parties' positions (negotiation.DecodeSpace, DecodePositions,
//	    Compile, Evaluator.Analyze): how many are infeasible and
//	    acceptable, the Pareto frontier, and the Nash, Kalai-Smorodinsky,
//	    egalitarian and welfare points. -format text, markdown or json. A
//	    space of more than -max packages is refused (bad input).
//	pax
//	    Agreements per stage and per decade in the PA-X CSV (package pax):
//	    the file is -file or $PEACEKIT_PAX_CSV.
//	ceasefires
//	    The Kaplan-Meier estimate of ceasefire durations in the ETH/PRIO
//	    ceasefire CSV (packages ceasefire and survival): survival at 30, 90
//	    and 365 days with 95% bands, and the median. The file is -file or
//	    $PEACEKIT_CEASEFIRES_CSV. -format text or markdown.
//	version
//	    The module version (from the build information: "(devel)" for a
//	    build from a checkout) and the version of the JSON documents
//	    (agreement.SchemaVersion).
//	help [COMMAND]
//	    The overview, or a command's help.
//
// # Instants
//
// -end, -at and -start take an RFC 3339 instant ("2026-03-31T12:00:00Z")
// or a date ("2026-03-31", midnight UTC) within the instants the library
// represents (agreement.InstantRange); documents may write plain dates too.
//
// # Output
//
// Commands that write a report write it to standard output, or with
// -o FILE to FILE, which is created (or replaced) only on success. -format
// chooses among the formats a command has; any other is a usage error that
// lists them.
//
// # Errors and exit status
//
// Problems go to standard error, one a line, as "FILE: path: message",
// where path is the problem's place in the JSON document
// ("clauses[2].debtors[0]"); a syntax error gives its line and column
// instead. Every problem a decoder finds is listed, not only the first. Lint
// findings read "FILE: path: warning: message". A document of another kind
// than a command wants is named as such ("this is a timeline document").
//
// The exit status is 0 on success (warnings included, without -strict), 1
// for bad input (a file that cannot be read, decoded, validated, replayed
// or simulated; warnings with -strict; an unknown or ambiguous clause
// instance), and 2 for bad usage (an unknown command, flag, format or kind,
// the wrong number of operands, a malformed instant or duration, a -kind
// the operand cannot be, a montecarlo -start and -horizon ending after the
// instants a replay represents). An
// unknown command is answered with the list of commands and the nearest
// one ("peacekit replya": did you mean "replay"?).
package main
