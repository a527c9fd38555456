package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

var explainCmd = &command{
	name:    "explain",
	args:    "AGREEMENT TIMELINE INSTANCE",
	summary: "explain why a clause is in its state at an instant",
	help: `Replays TIMELINE over AGREEMENT as replay does and explains why the clause
instance INSTANCE is in its state at -at (by default the end of the
replay): the steps that brought it there, each with its cause, and the
conditions that could move it on, evaluated at that instant.

INSTANCE is written as replay lists it: "ceasefire-sample/CF[RU]" (a
clause binding several debtors severally has one instance per debtor),
"ceasefire-sample/MON", or "ceasefire-sample/" for the agreement itself;
with one agreement, the agreement's id may be left out: "CF[RU]". An
unknown instance is bad input: the message lists the instances, with the
nearest one suggested.

Flags may come after the operands.

Examples:

  peacekit explain agreement.json timeline.json 'CF[RU]'
  peacekit explain agreement.json timeline.json ceasefire-sample/SUP -at 2026-03-16`,
	output: true,
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.StringVar(&o.at, "at", "", "the instant of the explanation: RFC 3339 instant or YYYY-MM-DD (default: the end of the replay)")
		fs.StringVar(&o.end, "end", "", "end of the replay: RFC 3339 instant or YYYY-MM-DD (default: a day after the last event)")
		fs.StringVar(&o.kind, "kind", kindAuto, "what AGREEMENT holds: auto, agreement or process")
	},
	run: runExplain,
}

func runExplain(e *env, args []string) int {
	ops, code, ok := e.parse(args, 3, 3)
	if !ok {
		return code
	}
	var at time.Time
	if e.at != "" {
		var err error
		if at, err = parseInstant(e.at); err != nil {
			return e.usageError("-at: %v", err)
		}
	}
	res, code, ok := e.replayed(ops[0], ops[1])
	if !ok {
		return code
	}
	tr := res.Trace
	if at.IsZero() {
		at = tr.End()
	} else if at.Before(tr.Start()) || at.After(tr.End()) {
		return e.fail(fmt.Errorf("-at: %s is outside the replay, %s to %s (see -end)",
			formatInstant(at), formatInstant(tr.Start()), formatInstant(tr.End())))
	}
	inst, ok := findInstance(res, ops[2])
	if !ok {
		var names []string
		for _, s := range res.States {
			names = append(names, s.Instance.String())
		}
		msg := fmt.Sprintf("%s: unknown clause instance %q", ops[0], ops[2])
		if s, ok := agreement.Suggest(ops[2], names); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else if s, ok := agreement.Suggest(qualify(res, ops[2]), names); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		fmt.Fprintf(e.stderr, "%s; the instances are:\n", msg)
		for _, n := range names {
			fmt.Fprintf(e.stderr, "  %s\n", n)
		}
		return exitBadInput
	}
	x, err := tr.Explain(inst, at)
	if err != nil {
		return e.fail(err)
	}
	fmt.Fprintln(&e.out, strings.TrimRight(x.String(), "\n"))
	return e.finish(exitOK)
}

// findInstance returns the instance of the replay named name: as
// scenario.Instance.String writes it, or, with one agreement, without the
// agreement's id.
func findInstance(res *result, name string) (scenario.Instance, bool) {
	q := qualify(res, name)
	for _, s := range res.States {
		if n := s.Instance.String(); n == name || n == q {
			return s.Instance, true
		}
	}
	return scenario.Instance{}, false
}

// qualify prefixes name with the agreement's id when the replay has one
// agreement and name has no agreement.
func qualify(res *result, name string) string {
	if as := res.In.Process.Agreements; len(as) == 1 && !strings.Contains(name, "/") {
		return string(as[0].ID) + "/" + name
	}
	return name
}
