// Command simulate replays a timeline of events over an agreement, or over a
// process of linked agreements, and reports what happened: the state of every
// clause at the end and since when, who is bound to what and since when,
// every change with its cause, the fluents, and who controls what. It is for
// analysts who write JSON rather than Go.
//
// Usage:
//
//	go run ./examples/simulate [-format text|markdown|mermaid|gantt] [-end INSTANT] [-kind auto|agreement|process] AGREEMENT.json TIMELINE.json
//
// AGREEMENT.json is an agreement document (package agreement's JSON
// encoding, read by agreement.DecodeAgreement) or a process document (read
// by agreement.DecodeProcess); -kind auto, the default, tells them apart by
// content: a document with an "agreements" field is a process. TIMELINE.json
// is an event log (read by scenario.DecodeTimeline): {"schema": 1, "start":
// ..., "events": [...]}.
//
// The replay ends at -end, an RFC 3339 instant ("2026-03-31T12:00:00Z") or a
// date ("2026-03-31", midnight UTC), within the instants the library
// represents (agreement.InstantRange, 1677-09-21 to 2262-04-11): any other,
// 0001-01-01 included, is bad usage. Without it, it ends one day (24 hours)
// after the last event, or one day after the timeline's start when there are
// no events, or at the last representable instant when that day would pass
// it; deadlines that fall later are not reached. An -end before the
// timeline's start or before one of its events is bad input, reported as a
// problem with -end that names both instants.
//
// -format text (the default) writes a plain-text report. markdown writes
// the trace (scenario.Trace.Markdown: events, and every transition with its
// cause), tables of the states at the end, who is bound, the fluents and
// the territory, then each agreement (agreement.Agreement.Markdown).
// mermaid writes the trace as one Mermaid sequence diagram
// (scenario.Trace.Mermaid). gantt writes one Mermaid Gantt chart of every
// agreement's and clause's states over the replay: what is in effect when.
//
// With no file, it replays its built-in sample (testdata/ceasefire.json with
// testdata/new-attack.json, embedded in the program), so that
//
//	go run ./examples/simulate
//
// demonstrates something; the samples in testdata/ show the formats.
//
// Bad input is reported on standard error, one problem a line, with the
// file and the problem's path in the document ("ceasefire.json:
// clauses[2].debtors[0]: unknown party "XX""); malformed JSON with its line
// and column. The exit status is 0 on success, 1 for bad input (a file that
// cannot be read, decoded, validated or replayed) and 2 for bad usage.
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// samples holds the built-in sample run without arguments.
//
//go:embed testdata/ceasefire.json testdata/new-attack.json
var samples embed.FS

// The built-in sample's files, in samples.
const (
	sampleAgreement = "testdata/ceasefire.json"
	sampleTimeline  = "testdata/new-attack.json"
)

// Exit statuses.
const (
	exitOK       = 0
	exitBadInput = 1
	exitUsage    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program: it parses args, reads the files they name (or the
// built-in sample), replays, writes the report to stdout and problems to
// stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("simulate", flag.ContinueOnError)
	flags.SetOutput(stderr)
	format := flags.String("format", "text", "report format: text, markdown, mermaid or gantt")
	endFlag := flags.String("end", "", "end of the replay: RFC 3339 instant or YYYY-MM-DD (default: a day after the last event)")
	kind := flags.String("kind", "auto", "what AGREEMENT.json holds: auto, agreement or process")
	flags.Usage = func() { usage(stderr, flags) }
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	write, ok := writers[*format]
	if !ok {
		fmt.Fprintf(stderr, "simulate: unknown format %q: want text, markdown, mermaid or gantt\n", *format)
		return exitUsage
	}
	var decode decoder
	switch *kind {
	case "auto":
		decode = decodeAuto
	case "agreement":
		decode = decodeAgreement
	case "process":
		decode = decodeProcess
	default:
		fmt.Fprintf(stderr, "simulate: unknown kind %q: want auto, agreement or process\n", *kind)
		return exitUsage
	}
	var end time.Time
	if *endFlag != "" {
		var err error
		if end, err = parseInstant(*endFlag); err != nil {
			fmt.Fprintf(stderr, "simulate: -end: %v\n", err)
			return exitUsage
		}
		if !agreement.InstantInRange(end) {
			first, last := agreement.InstantRange()
			fmt.Fprintf(stderr, "simulate: -end: instant %s is outside the instants the library represents, %s to %s\n",
				formatInstant(end), formatInstant(first), formatInstant(last))
			return exitUsage
		}
	}

	var agrName, tlName string
	var agrData, tlData []byte
	switch flags.NArg() {
	case 0:
		agrName, tlName = sampleAgreement, sampleTimeline
		agrData, _ = samples.ReadFile(sampleAgreement)
		tlData, _ = samples.ReadFile(sampleTimeline)
		fmt.Fprintf(stderr, "simulate: no files given: replaying the built-in sample %s with %s (see -h)\n",
			agrName, tlName)
	case 2:
		agrName, tlName = flags.Arg(0), flags.Arg(1)
		var err error
		if agrData, err = os.ReadFile(agrName); err != nil {
			fmt.Fprintln(stderr, "simulate:", err)
			return exitBadInput
		}
		if tlData, err = os.ReadFile(tlName); err != nil {
			fmt.Fprintln(stderr, "simulate:", err)
			return exitBadInput
		}
	default:
		fmt.Fprintf(stderr, "simulate: want two files, AGREEMENT.json and TIMELINE.json; got %d\n", flags.NArg())
		usage(stderr, flags)
		return exitUsage
	}

	in, err := decode(agrData)
	if err != nil {
		report(stderr, agrName, err)
		return exitBadInput
	}
	res, err := simulate(in, tlName, tlData, end)
	var ee *endError
	if errors.As(err, &ee) {
		fmt.Fprintf(stderr, "simulate: %v\n", ee)
		return exitBadInput
	}
	if err != nil {
		report(stderr, tlName, err)
		return exitBadInput
	}
	if err := write(stdout, res); err != nil {
		fmt.Fprintln(stderr, "simulate:", err)
		return exitBadInput
	}
	return exitOK
}

func usage(w io.Writer, flags *flag.FlagSet) {
	fmt.Fprint(w, `Usage: simulate [flags] AGREEMENT.json TIMELINE.json

Replays the events of TIMELINE.json over the agreement or process of
AGREEMENT.json and reports the states, who is bound since when, the
changes and their causes, the fluents and the territory. With no file,
replays the built-in sample.

Flags:
`)
	flags.PrintDefaults()
}

// parseInstant reads an RFC 3339 instant or a YYYY-MM-DD date (midnight UTC).
func parseInstant(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is neither an RFC 3339 instant (2026-03-31T12:00:00Z) nor a date (2026-03-31)", s)
}

// formatInstant writes t in RFC 3339 with as many fractional digits as it
// needs, in UTC.
func formatInstant(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
