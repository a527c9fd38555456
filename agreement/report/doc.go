// Package report renders agreements and their changes for people: Markdown
// tables an analyst pastes into a document, and Mermaid diagrams that GitHub
// and most Markdown editors draw.
//
//   - [Markdown] writes an agreement: its own fields, parties and roles,
//     groups, signatures, fluents, clauses with their conditions in words,
//     territory and territorial options.
//   - [ChangesMarkdown] writes the changes between two versions, as
//     [github.com/peacekit/peacekit/agreement/revision.Diff] computes them.
//   - [DependencyMermaid] draws which clause reads which (ClauseIn,
//     AgreementIn), the targets of powers, and the pairs of suspend and
//     resume powers, as a flowchart.
//
// Text taken from an agreement is escaped with package
// [github.com/peacekit/peacekit/agreement/markup], so it reads as written and
// cannot break a table or a diagram. The renderers depend only on their
// arguments, need no valid agreement, never modify what they are given and
// never panic; each returns the first error of the writer. Package scenario
// renders replays (Trace.Markdown, Trace.Mermaid) with the same helpers.
package report
