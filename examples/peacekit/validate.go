package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/pax"
	"github.com/peacekit/peacekit/scenario"
)

var validateCmd = &command{
	name:    "validate",
	args:    "FILE...",
	summary: "check documents and lint them (also: peacekit lint)",
	help: `Decodes each FILE with the library's decoder for its kind and reports every
problem, one a line as "FILE: path: message"; a valid file gets one line on
standard output saying what it holds. The kind is told by content (a
process has "agreements", a timeline "events", a Monte Carlo model
"processes", a negotiation space "issues", negotiation positions
"positions", a coalition "members" or "contributions"; anything else is
read as an agreement) or given with -kind:
` + kindListString + `.

Then, unless -lint=false, it lints what is valid: agreement.Lint or
Process.Lint (severally bound debtors a condition does not tell apart,
local days without a time zone) and pax.LintCategories (clause categories
that are not PA-X codes). When exactly one agreement or process is given
with timelines, each timeline is checked against it (parties, clauses and
areas its events name must exist: an error), then linted with it:
scenario's Timeline.Lint (events of a kind nothing in the agreement
mentions, usually a typo) and Engine.LintClauses (obligations no event of
the timeline could fulfil: "AGREEMENT: path: warning (with TIMELINE):
message", one finding for each timeline). When negotiation positions are
given with exactly one space, they are checked against it.

A timeline given with two or more agreements or processes is decoded but
checked against none: its line on standard output says "unchecked", not
"valid", and it gets a warning ("timeline decoded, not checked against an
agreement (2 agreements or processes given; give one)"); so do positions
given with two or more spaces. Give one with them to have them checked.

Lint findings and unchecked documents are warnings, "FILE: path: warning:
message" on standard error; they leave the exit status 0 unless -strict is
given, when they make it 1 (-lint=false skips the lint, not the warnings
of unchecked documents). "peacekit lint" is the same command.

Examples:

  peacekit validate agreement.json timeline.json
  peacekit lint -strict draft.json final.json`,
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.StringVar(&o.kind, "kind", kindAuto, "the kind of every FILE: "+kindListString)
		fs.BoolVar(&o.strict, "strict", false, "exit with status 1 on any warning: a lint finding or an unchecked document")
		fs.BoolVar(&o.lint, "lint", true, "lint the valid documents")
	},
	run: runValidate,
}

func runValidate(e *env, args []string) int {
	files, code, ok := e.parse(args, 1, -1)
	if !ok {
		return code
	}
	if code, ok := e.checkKind(kinds...); !ok {
		return code
	}
	code = exitOK
	var docs []*document
	for _, name := range files {
		d, ok := e.load(name, e.kind)
		if !ok {
			code = exitBadInput
			continue
		}
		docs = append(docs, d)
	}
	warnings := 0
	warnLabel := func(name, label string, err error) {
		var ve *agreement.ValidationError
		if errors.As(err, &ve) {
			warnings += len(ve.Problems) + ve.Omitted
		} else {
			warnings++
		}
		e.problems(name, label, err)
	}
	warn := func(name string, err error) { warnLabel(name, "warning", err) }
	var hosts, timelines, spaces, positions []*document
	for _, d := range docs {
		switch d.kind {
		case kindAgreement, kindProcess:
			hosts = append(hosts, d)
		case kindTimeline:
			timelines = append(timelines, d)
		case kindSpace:
			spaces = append(spaces, d)
		case kindPositions:
			positions = append(positions, d)
		}
	}
	failed := map[*document]bool{}
	// The timelines checked against the one agreement or process, for the
	// lint.
	var eng *scenario.Engine
	var checked []*document
	// Documents that could not be checked against the one document they
	// need because several were given: a warning each, not "valid".
	unchecked := map[*document]string{}
	if len(hosts) == 1 && len(timelines) > 0 {
		var err error
		if eng, err = hosts[0].compile(); err != nil {
			code = e.problems(hosts[0].name, "", err)
			failed[hosts[0]] = true
		} else {
			for _, tl := range timelines {
				if err := tl.timeline.Validate(eng); err != nil {
					code = e.problems(tl.name, "", err)
					failed[tl] = true
				} else {
					checked = append(checked, tl)
				}
			}
		}
	}
	if len(hosts) > 1 {
		for _, tl := range timelines {
			unchecked[tl] = fmt.Sprintf("timeline decoded, not checked against an agreement (%d agreements or processes given; give one)", len(hosts))
		}
	}
	if len(spaces) > 1 {
		for _, ps := range positions {
			unchecked[ps] = fmt.Sprintf("positions decoded, not checked against a negotiation space (%d spaces given; give one)", len(spaces))
		}
	}
	if len(spaces) == 1 && len(positions) > 0 {
		for _, ps := range positions {
			if _, err := negotiation.Compile(spaces[0].space, ps.positions); err != nil {
				code = e.problems(ps.name, "", err)
				failed[ps] = true
			}
		}
	}
	for _, d := range docs {
		switch {
		case failed[d]:
		case unchecked[d] != "":
			fmt.Fprintf(&e.out, "%s: unchecked %s\n", d.name, d.describe())
			warn(d.name, errors.New(unchecked[d]))
		default:
			fmt.Fprintf(&e.out, "%s: valid %s\n", d.name, d.describe())
		}
	}
	if e.lint {
		for _, d := range hosts {
			if failed[d] {
				continue
			}
			p, _ := d.asProcess()
			var err error
			if d.kind == kindAgreement {
				err = d.agreement.Lint()
			} else {
				err = p.Lint()
			}
			if err != nil {
				warn(d.name, err)
			}
			var ve agreement.ValidationError
			for i, a := range p.Agreements {
				prefix := ""
				if d.kind == kindProcess {
					prefix = agreement.IndexPath("agreements", i) + "."
				}
				for _, f := range pax.LintCategories(a) {
					ve.Add(prefix+f.Path, agreement.ErrInvalidValue, strings.TrimPrefix(f.String(), f.Path+": "))
				}
			}
			if err := ve.Err(); err != nil {
				warn(d.name, err)
			}
		}
	}
	if e.lint {
		// Timeline.Lint reads the events against the agreement, and
		// LintClauses the obligations against the events.
		for _, tl := range checked {
			if err := tl.timeline.Lint(eng); err != nil {
				warn(tl.name, err)
			}
			// The findings are about the agreement with this timeline.
			if err := eng.LintClauses(tl.timeline); err != nil {
				warnLabel(hosts[0].name, "warning (with "+tl.name+")", err)
			}
		}
	}
	if warnings > 0 && e.strict && code == exitOK {
		fmt.Fprintf(e.stderr, "peacekit %s: %d warning%s, and -strict\n", e.cmd.name, warnings, plural(warnings))
		code = exitBadInput
	}
	if code != exitOK {
		// What is valid was said; the status says something is not.
		_, _ = e.stdout.Write(e.out.Bytes())
		return code
	}
	return e.finish(code)
}
