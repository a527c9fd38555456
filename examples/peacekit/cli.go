package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Exit statuses.
const (
	exitOK       = 0
	exitBadInput = 1
	exitUsage    = 2
)

// command is one subcommand.
type command struct {
	name    string
	args    string // the operands, as the usage line writes them
	summary string // one line, for the overview
	// help is what it does, in paragraphs, then examples: everything -h
	// prints but the usage line and the flags.
	help    string
	formats []string // the -format values, the default first; none: no -format flag
	output  bool     // whether it has -o
	// flags declares the subcommand's own flags.
	flags func(fs *flag.FlagSet, o *opts)
	run   func(e *env, args []string) int
}

// opts holds the values of every flag a subcommand may declare.
type opts struct {
	format, output, kind, table, at, end, file, agreement string
	strict, lint                                          bool
	runs                                                  int64
	seed, max                                             uint64
	workers                                               int
	start, horizon                                        string
}

// env is a subcommand's run: its writers, its flags' values and the
// output it builds before writing it (to stdout or to -o) on success.
type env struct {
	cmd            *command
	stdout, stderr io.Writer
	fs             *flag.FlagSet
	opts
	out bytes.Buffer
}

// usageLine returns the subcommand's usage line.
func (c *command) usageLine() string {
	return strings.TrimSpace("Usage: peacekit " + c.name + " [flags] " + c.args)
}

// newEnv prepares the flag set of c.
func newEnv(c *command, stdout, stderr io.Writer) *env {
	e := &env{cmd: c, stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("peacekit "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if len(c.formats) > 0 {
		fs.StringVar(&e.format, "format", c.formats[0], "output format: "+strings.Join(c.formats, ", "))
	}
	if c.output {
		fs.StringVar(&e.output, "o", "", "write the output to this file (created only on success) rather than to standard output")
	}
	if c.flags != nil {
		c.flags(fs, &e.opts)
	}
	fs.Usage = func() {} // parse writes the help, or the usage line

	e.fs = fs
	return e
}

// help writes the subcommand's help text.
func (e *env) help(w io.Writer) {
	c := e.cmd
	fmt.Fprintf(w, "%s\n\n%s\n", c.usageLine(), strings.TrimSpace(c.help))
	hasFlags := false
	e.fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintf(w, "\nFlags:\n")
		out := e.fs.Output()
		e.fs.SetOutput(w)
		e.fs.PrintDefaults()
		e.fs.SetOutput(out)
	}
}

// parse parses args, flags and operands in any order (a "--" ends the
// flags), and checks -format and the number of operands, between min and
// max (max < 0: no limit). It returns the operands, or the exit status to
// return at once (exitOK after -h).
func (e *env) parse(args []string, min, max int) ([]string, int, bool) {
	var operands []string
	for {
		if err := e.fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				e.help(e.stdout)
				return nil, exitOK, false
			}
			if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
				var names []string
				e.fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
				if s, ok := agreement.Suggest(strings.TrimPrefix(name, "-"), names); ok {
					fmt.Fprintf(e.stderr, "did you mean -%s?\n", s)
				}
			}
			fmt.Fprintf(e.stderr, "%s\nRun \"peacekit %s -h\" for more.\n", e.cmd.usageLine(), e.cmd.name)
			return nil, exitUsage, false
		}
		rest := e.fs.Args()
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			operands = append(operands, rest...)
			break
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
	if len(e.cmd.formats) > 0 && !slices.Contains(e.cmd.formats, e.format) {
		return nil, e.usageError("unknown format %q; %s writes %s", e.format, e.cmd.name, strings.Join(e.cmd.formats, ", ")), false
	}
	if len(operands) < min || (max >= 0 && len(operands) > max) {
		want := e.cmd.args
		if want == "" {
			want = "no operand"
		}
		return nil, e.usageError("want %s; got %d operand%s", want, len(operands), plural(len(operands))), false
	}
	return operands, exitOK, true
}

// usageError writes a usage problem and returns exitUsage.
func (e *env) usageError(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "peacekit %s: %s\n", e.cmd.name, fmt.Sprintf(format, args...))
	fmt.Fprintf(e.stderr, "%s\nRun \"peacekit %s -h\" for more.\n", e.cmd.usageLine(), e.cmd.name)
	return exitUsage
}

// finish writes the output built in e.out to -o or to stdout and returns
// the exit status code, or exitBadInput when the output cannot be
// written. Output is written only when code is exitOK.
func (e *env) finish(code int) int {
	if code != exitOK {
		return code
	}
	if e.output == "" {
		if _, err := e.stdout.Write(e.out.Bytes()); err != nil {
			fmt.Fprintf(e.stderr, "peacekit %s: %v\n", e.cmd.name, err)
			return exitBadInput
		}
		return code
	}
	if err := os.WriteFile(e.output, e.out.Bytes(), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "peacekit %s: %v\n", e.cmd.name, err)
		return exitBadInput
	}
	return code
}

// fail reports err, a problem with no file, and returns exitBadInput.
func (e *env) fail(err error) int {
	fmt.Fprintf(e.stderr, "peacekit %s: %v\n", e.cmd.name, err)
	return exitBadInput
}

// read reads the file name; on failure it reports it and returns false.
func (e *env) read(name string) ([]byte, bool) {
	data, err := os.ReadFile(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
		return nil, false
	}
	return data, true
}

// problems writes err, which concerns the file name, one problem a line as
// "FILE: path: message" (label, when not empty, before the message), and
// returns exitBadInput. The problems of an *agreement.ValidationError are
// listed one by one, with a last line counting those it did not keep.
func (e *env) problems(name, label string, err error) int {
	if label != "" {
		label += ": "
	}
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		fmt.Fprintf(e.stderr, "%s: %s%v\n", name, label, err)
		return exitBadInput
	}
	for _, p := range ve.Problems {
		if p.Path == "" {
			fmt.Fprintf(e.stderr, "%s: %s%s\n", name, label, p.Msg)
		} else {
			fmt.Fprintf(e.stderr, "%s: %s: %s%s\n", name, p.Path, label, p.Msg)
		}
	}
	if ve.Omitted > 0 {
		fmt.Fprintf(e.stderr, "%s: %sand %d more problems, not listed\n", name, label, ve.Omitted)
	}
	return exitBadInput
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Document kinds, by their names in -kind and in package schema.
const (
	kindAgreement  = "agreement"
	kindProcess    = "process"
	kindTimeline   = "timeline"
	kindCoalition  = "coalition"
	kindModel      = "montecarlo-model"
	kindSpace      = "negotiation-space"
	kindPositions  = "negotiation-positions"
	kindAuto       = "auto"
	kindListString = "auto, agreement, process, timeline, coalition, montecarlo-model, negotiation-space, negotiation-positions"
)

// kinds are the document kinds, in the order of package schema's names.
var kinds = []string{kindAgreement, kindProcess, kindTimeline, kindCoalition, kindModel, kindSpace, kindPositions}

// detectKind tells a document's kind by its top-level members: a process
// has "agreements", a timeline "events" or "start", a Monte Carlo model
// "processes", a negotiation space "issues", negotiation positions
// "positions", a coalition "members", "contributions", "functions" or
// "host", an agreement "clauses" or "parties".
// It returns "" for anything else, malformed JSON included.
func detectKind(data []byte) string {
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return ""
	}
	for _, k := range []struct{ member, kind string }{
		{"agreements", kindProcess},
		{"events", kindTimeline},
		{"start", kindTimeline},
		{"processes", kindModel},
		{"issues", kindSpace},
		{"positions", kindPositions},
		{"members", kindCoalition},
		{"contributions", kindCoalition},
		{"functions", kindCoalition},
		{"host", kindCoalition},
		{"clauses", kindAgreement},
		{"parties", kindAgreement},
	} {
		if _, ok := fields[k.member]; ok {
			return k.kind
		}
	}
	return ""
}

// article returns kind with its indefinite article: "an agreement".
func article(kind string) string {
	if kind == kindAgreement {
		return "an " + kind
	}
	return "a " + kind
}

// checkKind checks a -kind value among allowed, auto included; it returns
// the usage status on failure.
func (e *env) checkKind(allowed ...string) (int, bool) {
	if e.kind == kindAuto || slices.Contains(allowed, e.kind) {
		return exitOK, true
	}
	if slices.Contains(kinds, e.kind) {
		// A kind, but not of the operand: "replay reads an agreement or a
		// process as AGREEMENT".
		an := make([]string, len(allowed))
		for i, k := range allowed {
			an[i] = article(k)
		}
		operand, _, _ := strings.Cut(e.cmd.args, " ")
		return e.usageError("-kind %s: %s reads %s as %s; %s is not allowed here",
			e.kind, e.cmd.name, strings.Join(an, " or "), operand, e.kind), false
	}
	msg := fmt.Sprintf("unknown kind %q", e.kind)
	if s, ok := agreement.Suggest(e.kind, allowed); ok {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return e.usageError("%s; allowed: %s, %s", msg, kindAuto, strings.Join(allowed, ", ")), false
}

// parseInstant reads an RFC 3339 instant or a YYYY-MM-DD date (midnight
// UTC) within the instants the library represents.
func parseInstant(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		if t, err = time.Parse(time.DateOnly, s); err != nil {
			return time.Time{}, fmt.Errorf("%q is neither an RFC 3339 instant (2026-03-31T12:00:00Z) nor a date (2026-03-31)", s)
		}
	}
	t = t.UTC()
	if !agreement.InstantInRange(t) {
		first, last := agreement.InstantRange()
		return time.Time{}, fmt.Errorf("instant %s is outside the instants the library represents, %s to %s",
			formatInstant(t), formatInstant(first), formatInstant(last))
	}
	return t, nil
}

// formatInstant writes t in RFC 3339 with as many fractional digits as it
// needs, in UTC.
func formatInstant(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
