package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
)

var replayCmd = &command{
	name:    "replay",
	args:    "AGREEMENT TIMELINE",
	summary: "replay a timeline of events over an agreement or process",
	help: `Replays the events of TIMELINE (a timeline document) over AGREEMENT (an
agreement or process document) and reports what happened: the state of
every clause at the end and since when, who is bound to what and since
when, every change with its cause, the fluents, and who controls what.

The replay ends at -end, an RFC 3339 instant ("2026-03-31T12:00:00Z") or a
date ("2026-03-31", midnight UTC); by default one day after the last event
(after the start when there is none). An -end before the timeline's start
or one of its events is bad input.

Formats: text (the default) is a plain-text report; markdown the trace,
tables of the states, who is bound, fluents and territory, then each
agreement; mermaid the trace as a Mermaid sequence diagram; gantt a Mermaid
Gantt chart of what is in effect when.` + replayTableHelp + `

Examples:

  peacekit replay agreement.json timeline.json
  peacekit replay -end 2026-04-15 -format markdown agreement.json timeline.json
  peacekit replay -format csv -table states -o states.csv agreement.json timeline.json`,
	formats: replayFormats,
	output:  true,
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.StringVar(&o.end, "end", "", "end of the replay: RFC 3339 instant or YYYY-MM-DD (default: a day after the last event)")
		fs.StringVar(&o.kind, "kind", kindAuto, "what AGREEMENT holds: auto, agreement or process")
		replayTableFlag(fs, o)
	},
	run: runReplay,
}

// replayed decodes the agreement or process agrName and the timeline
// tlName, and replays up to e.end; it reports problems and returns false
// on failure, with the exit status.
func (e *env) replayed(agrName, tlName string) (*result, int, bool) {
	var end time.Time
	if e.end != "" {
		var err error
		if end, err = parseInstant(e.end); err != nil {
			return nil, e.usageError("-end: %v", err), false
		}
	}
	if code, ok := e.checkKind(kindAgreement, kindProcess); !ok {
		return nil, code, false
	}
	d, ok := e.load(agrName, e.kind, kindAgreement, kindProcess)
	if !ok {
		return nil, exitBadInput, false
	}
	p, _ := d.asProcess()
	in := input{Process: p, Single: d.kind == kindAgreement}
	tl, ok := e.load(tlName, kindAuto, kindTimeline)
	if !ok {
		return nil, exitBadInput, false
	}
	res, err := simulate(in, tlName, tl.timeline, end)
	var ee *endError
	if errors.As(err, &ee) {
		return nil, e.fail(ee), false
	}
	var ce *compileError
	if errors.As(err, &ce) {
		return nil, e.problems(agrName, "", ce.err), false
	}
	if err != nil {
		return nil, e.problems(tlName, "", err), false
	}
	return res, exitOK, true
}

func runReplay(e *env, args []string) int {
	ops, code, ok := e.parse(args, 2, 2)
	if !ok {
		return code
	}
	write, code, ok := e.replayWriter()
	if !ok {
		return code
	}
	res, code, ok := e.replayed(ops[0], ops[1])
	if !ok {
		return code
	}
	if err := write(&e.out, res); err != nil {
		return e.fail(err)
	}
	return e.finish(exitOK)
}

// replayWriter returns the writer of -format and -table.
func (e *env) replayWriter() (func(io.Writer, *result) error, int, bool) {
	if w, ok := writers[e.format]; ok {
		if e.table != "" {
			return nil, e.usageError("-table is for -format csv and json, not %s", e.format), false
		}
		return w, exitOK, true
	}
	return e.tableWriter()
}

// compileError is an agreement or process the engine refuses.
type compileError struct{ err error }

func (e *compileError) Error() string { return fmt.Sprint(e.err) }
