package main

import (
	"encoding/json"
	"fmt"

	"github.com/peacekit/peacekit/agreement/report"
	"github.com/peacekit/peacekit/agreement/revision"
)

var diffCmd = &command{
	name:    "diff",
	args:    "OLD NEW",
	summary: "what changed between two versions of an agreement",
	help: `Compares two versions of an agreement (agreement documents): what the draft
OLD promised that the final text NEW dropped, which clause changed force,
which party gained a role. Items are matched by id, never by position, so a
clause dropped from the middle of the draft is reported as removed and
nothing else (package agreement/revision).

Formats: text (the default) writes one change a line; markdown a table
(package agreement/report); csv and json one row or object per change, for
a spreadsheet or a notebook (revision.Changes.WriteCSV and MarshalJSON),
with the columns item, id, occurrence, change (added, removed, modified or
reordered), field (as the JSON documents spell it), before, after and
description (the line text writes). So that no spreadsheet runs a cell as
a formula, csv puts a single quote before every cell that begins with '=',
'+', '-', '@', a tab, a carriage return or a single quote. A difference is
not an error: the exit status is 0 whether or not the versions differ.

Examples:

  peacekit diff draft.json final.json
  peacekit diff -format csv -o changes.csv draft.json final.json`,
	formats: []string{"text", "markdown", "csv", "json"},
	output:  true,
	run:     runDiff,
}

func runDiff(e *env, args []string) int {
	ops, code, ok := e.parse(args, 2, 2)
	if !ok {
		return code
	}
	old, ok := e.load(ops[0], kindAuto, kindAgreement)
	if !ok {
		return exitBadInput
	}
	cur, ok := e.load(ops[1], kindAuto, kindAgreement)
	if !ok {
		return exitBadInput
	}
	cs := revision.Diff(old.agreement, cur.agreement)
	switch e.format {
	case "csv":
		if err := cs.WriteCSV(&e.out); err != nil {
			return e.fail(err)
		}
	case "json":
		enc := json.NewEncoder(&e.out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(cs); err != nil {
			return e.fail(err)
		}
	case "markdown":
		fmt.Fprintf(&e.out, "Changes from `%s` to `%s`:\n\n", ops[0], ops[1])
		if err := report.ChangesMarkdown(&e.out, cs); err != nil {
			return e.fail(err)
		}
	default:
		fmt.Fprintf(&e.out, "%d change%s from %s to %s\n", len(cs), plural(len(cs)), ops[0], ops[1])
		for _, c := range cs {
			fmt.Fprintf(&e.out, "  %s\n", c)
		}
	}
	return e.finish(exitOK)
}
