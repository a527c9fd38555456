package main

import (
	"flag"
	"io"
)

// replayFormats are the formats of replay.
var replayFormats = []string{"text", "markdown", "mermaid", "gantt"}

// replayTableHelp documents -table.
const replayTableHelp = ""

// replayTableFlag declares -table.
func replayTableFlag(fs *flag.FlagSet, o *opts) {}

// tableWriter returns the writer of a table format.
func (e *env) tableWriter() (func(io.Writer, *result) error, int, bool) {
	return nil, e.usageError("unknown format %q", e.format), false
}
