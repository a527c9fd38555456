package main

import (
	"fmt"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/report"
)

var depsCmd = &command{
	name:    "deps",
	args:    "AGREEMENT",
	summary: "which clause reads which: the dependency graph",
	help: `Writes the clause dependency graph of AGREEMENT (an agreement document):
which clause's conditions read which clause's state.

Formats: mermaid (the default) is a Mermaid flowchart (package
agreement/report: clauses reading clauses and the agreement, the targets of
powers, suspend and resume pairs), which GitHub and most Markdown editors
draw; text lists, for each clause, the clauses its conditions read
(agreement.ClauseDependencies), "reads nothing" for none.

Examples:

  peacekit deps agreement.json -o deps.mmd
  peacekit deps -format text agreement.json`,
	formats: []string{"mermaid", "text"},
	output:  true,
	run:     runDeps,
}

func runDeps(e *env, args []string) int {
	ops, code, ok := e.parse(args, 1, 1)
	if !ok {
		return code
	}
	d, ok := e.load(ops[0], kindAuto, kindAgreement)
	if !ok {
		return exitBadInput
	}
	a := d.agreement
	if e.format == "text" {
		fmt.Fprintf(&e.out, "Clauses of %s and the clauses they read:\n", a.ID)
		for _, c := range a.Clauses {
			deps := agreement.ClauseDependencies(c, a.ID)
			refs := make([]string, len(deps))
			for i, r := range deps {
				refs[i] = r.String()
			}
			what := "reads nothing"
			if len(refs) > 0 {
				what = "reads " + strings.Join(refs, ", ")
			}
			fmt.Fprintf(&e.out, "  %s/%s %s\n", a.ID, c.ID, what)
		}
		return e.finish(exitOK)
	}
	if err := report.DependencyMermaid(&e.out, a); err != nil {
		return e.fail(err)
	}
	return e.finish(exitOK)
}
