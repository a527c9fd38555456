package main

import (
	"flag"
	"fmt"
	"strconv"
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
"ceasefire-sample/MON", or "ceasefire-sample/" for the agreement itself.
The agreement's id may be left out, for a process too, when what is left
names exactly one instance: "CF[RU]", or "fr-troops" for
"trilateral-declaration/fr-troops"; so may a debtor, when the clause has
one instance. An unknown instance is bad input: the message lists the
instances, with the nearest suggested; so is an ambiguous one ("CF" for
"CF[RU]" and "CF[UA]", or a clause id two agreements of a process use),
with the instances it could mean.

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
	inst, matches := findInstance(res, ops[2])
	if len(matches) != 1 {
		var names []string
		for _, s := range res.States {
			names = append(names, s.Instance.String())
		}
		msg := fmt.Sprintf("%s: unknown clause instance %q", ops[0], ops[2])
		if len(matches) > 1 {
			msg = fmt.Sprintf("%s: clause instance %q is ambiguous: give one of %s", ops[0], ops[2], quoteList(matches))
		} else if s, ok := suggestInstance(res, ops[2]); ok {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
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

// findInstance returns the instance of the replay named name, as
// scenario.Instance.String writes it or without its agreement's id
// ("fr-troops" for "trilateral-declaration/fr-troops") when that names
// exactly one instance of the replay. It returns the instance with matches
// holding its name, or, when name names none or several, the names of the
// instances it could mean: those name leaves out the agreement of, or, for
// a clause binding several debtors severally, those of the clause's
// debtors ("CF" for "ceasefire-sample/CF[RU]" and "ceasefire-sample/CF[UA]").
func findInstance(res *result, name string) (inst scenario.Instance, matches []string) {
	var shares []scenario.Instance
	for _, s := range res.States {
		n := s.Instance.String()
		if n == name {
			return s.Instance, []string{n}
		}
		if strings.Contains(name, "/") {
			continue
		}
		if shortName(s.Instance) == name {
			inst, matches = s.Instance, append(matches, n)
		} else if !s.Instance.IsAgreement() && string(s.Instance.Ref.Clause) == name {
			shares = append(shares, s.Instance)
		}
	}
	if len(matches) == 0 {
		// A clause binding several debtors severally: each debtor's share
		// is an instance, and name is the clause.
		for _, sh := range shares {
			inst, matches = sh, append(matches, sh.String())
		}
	}
	return inst, matches
}

// shortName is the name of inst without its agreement's id.
func shortName(inst scenario.Instance) string {
	return strings.TrimPrefix(inst.String(), string(inst.Ref.Agreement)+"/")
}

// suggestInstance returns the instances of the replay nearest to name,
// quoted: one written in full, or those whose names without their
// agreement's ids are nearest to name when it has no agreement.
func suggestInstance(res *result, name string) (string, bool) {
	var names, short []string
	for _, s := range res.States {
		names = append(names, s.Instance.String())
		short = append(short, shortName(s.Instance))
	}
	if s, ok := agreement.Suggest(name, names); ok {
		return strconv.Quote(s), true
	}
	if strings.Contains(name, "/") {
		return "", false
	}
	s, ok := agreement.Suggest(name, short)
	if !ok {
		return "", false
	}
	var full []string
	for i, sh := range short {
		if sh == s {
			full = append(full, names[i])
		}
	}
	return quoteList(full), true
}

// quoteList writes names quoted, separated by commas and "or".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
