package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario/export"
)

// replayFormats are the formats of replay.
var replayFormats = []string{"text", "markdown", "mermaid", "gantt", "csv", "json"}

// replayTableHelp documents -table.
const replayTableHelp = `

-format csv and json write one table of the replay for a spreadsheet or a
notebook (package scenario/export), chosen with -table: transitions (every
change of state with its cause), states (every state of every agreement
and clause instance, from when until when; the default), bound (who is
bound to what, when), breaches, or territory.`

// replayTableFlag declares -table.
func replayTableFlag(fs *flag.FlagSet, o *opts) {
	var names []string
	for _, t := range export.Tables() {
		names = append(names, t.String())
	}
	fs.StringVar(&o.table, "table", "", "the table -format csv and json write: "+strings.Join(names, ", ")+" (default states)")
}

// tableWriter returns the writer of -format csv or json and -table.
func (e *env) tableWriter() (func(io.Writer, *result) error, int, bool) {
	t, err := export.ParseTable(cmp.Or(e.table, export.States.String()))
	if err != nil {
		var names []string
		for _, t := range export.Tables() {
			names = append(names, t.String())
		}
		msg := fmt.Sprintf("unknown table %q", e.table)
		if s, ok := agreement.Suggest(e.table, names); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return nil, e.usageError("%s; tables: %s", msg, strings.Join(names, ", ")), false
	}
	write := export.WriteCSV
	if e.format == "json" {
		write = export.WriteJSON
	}
	return func(w io.Writer, r *result) error { return write(w, r.Trace, t) }, exitOK, true
}

// writeGantt writes the replay as a Mermaid Gantt chart (export.Gantt).
func writeGantt(w io.Writer, r *result) error { return export.Gantt(w, r.Trace) }

// writeMermaid writes the replay as one Mermaid sequence diagram
// (scenario.Trace.Mermaid): every transition as an arrow from its cause.
func writeMermaid(w io.Writer, r *result) error { return r.Trace.Mermaid(w) }
