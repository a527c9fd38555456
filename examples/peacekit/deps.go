package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/report"
)

var depsCmd = &command{
	name:    "deps",
	args:    "AGREEMENT",
	summary: "which clause reads which: the dependency graph",
	help: `Writes the clause dependency graph of AGREEMENT (an agreement or process
document): which clause's conditions read which clause's state.

Formats: mermaid (the default) is a Mermaid flowchart (package
agreement/report: clauses reading clauses and the agreement, the targets of
powers, suspend and resume pairs), which GitHub and most Markdown editors
draw; text lists, for each clause, the clauses its conditions read
(agreement.ClauseDependencies), "reads nothing" for none. For a process,
text lists every instrument's clauses, and mermaid draws the instrument
-agreement names.

Examples:

  peacekit deps agreement.json -o deps.mmd
  peacekit deps -format text process.json
  peacekit deps -agreement guarantee process.json`,
	formats: []string{"mermaid", "text"},
	output:  true,
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.StringVar(&o.agreement, "agreement", "", "for a process, the id of the instrument to draw or list (default: every one, for -format text)")
		fs.StringVar(&o.kind, "kind", kindAuto, "what AGREEMENT holds: auto, agreement or process")
	},
	run: runDeps,
}

func runDeps(e *env, args []string) int {
	ops, code, ok := e.parse(args, 1, 1)
	if !ok {
		return code
	}
	if code, ok := e.checkKind(kindAgreement, kindProcess); !ok {
		return code
	}
	d, ok := e.load(ops[0], e.kind, kindAgreement, kindProcess)
	if !ok {
		return exitBadInput
	}
	p, _ := d.asProcess()
	as := p.Agreements
	if e.agreement != "" {
		a, ok := p.Agreement(agreement.AgreementID(e.agreement))
		if !ok {
			var ids []string
			for _, a := range as {
				ids = append(ids, string(a.ID))
			}
			msg := fmt.Sprintf("%s: no agreement %q", ops[0], e.agreement)
			if s, ok := agreement.Suggest(e.agreement, ids); ok {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			fmt.Fprintf(e.stderr, "%s; the agreements are: %s\n", msg, strings.Join(ids, ", "))
			return exitBadInput
		}
		as = []agreement.Agreement{a}
	}
	if e.format == "text" {
		for i, a := range as {
			if i > 0 {
				fmt.Fprintln(&e.out)
			}
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
		}
		return e.finish(exitOK)
	}
	if len(as) != 1 {
		var ids []string
		for _, a := range as {
			ids = append(ids, string(a.ID))
		}
		fmt.Fprintf(e.stderr, "%s: a process of %d agreements, and mermaid draws one: name it with -agreement (%s), or use -format text\n",
			ops[0], len(as), strings.Join(ids, ", "))
		return exitBadInput
	}
	if err := report.DependencyMermaid(&e.out, as[0]); err != nil {
		return e.fail(err)
	}
	return e.finish(exitOK)
}
