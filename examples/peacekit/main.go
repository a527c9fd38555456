package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/peacekit/peacekit/agreement"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// commands are the subcommands, in the order the overview lists them.
var commands []*command

func init() {
	commands = []*command{
		validateCmd, replayCmd, explainCmd, diffCmd, depsCmd, schemaCmd,
		montecarloCmd, packagesCmd, paxCmd, ceasefiresCmd, versionCmd, helpCmd,
	}
}

// aliases are other names of subcommands.
var aliases = map[string]string{"lint": "validate"}

// run is the program: it runs the subcommand args name with the rest of
// args, writes its output to stdout and its problems to stderr, and
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		overview(stdout)
		return exitOK
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		overview(stdout)
		return exitOK
	}
	if a, ok := aliases[name]; ok {
		name = a
	}
	c := lookup(name)
	if c == nil {
		var names []string
		for _, c := range commands {
			names = append(names, c.name)
		}
		for a := range aliases {
			names = append(names, a)
		}
		msg := fmt.Sprintf("peacekit: unknown command %q", args[0])
		if s, ok := agreement.Suggest(args[0], names); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		fmt.Fprintln(stderr, msg)
		fmt.Fprintf(stderr, "Commands: %s.\nRun \"peacekit help\" for an overview.\n", strings.Join(names[:len(commands)], ", "))
		return exitUsage
	}
	e := newEnv(c, stdout, stderr)
	return c.run(e, args[1:])
}

// lookup returns the subcommand name, nil if there is none.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// overview writes the program's overview: what it is for and its
// subcommands.
func overview(w io.Writer) {
	fmt.Fprint(w, `peacekit reads peace agreements, processes and timelines written as JSON,
checks them, replays them and analyses them.

Usage: peacekit COMMAND [flags] [operands]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
"peacekit lint" is another name for "peacekit validate".
Run "peacekit COMMAND -h" for a command's flags and an example.

Exit status: 0 success, 1 bad input (a file that cannot be read, decoded,
validated or replayed; lint warnings with -strict), 2 bad usage.
`)
}

var helpCmd = &command{
	name:    "help",
	args:    "[COMMAND]",
	summary: "print this overview, or a command's help",
	help: `Prints the overview of the commands, or with COMMAND that command's help,
as "peacekit COMMAND -h" does.

Example:

  peacekit help replay`,
	run: func(e *env, args []string) int {
		ops, code, ok := e.parse(args, 0, 1)
		if !ok {
			return code
		}
		if len(ops) == 0 {
			overview(e.stdout)
			return exitOK
		}
		name := ops[0]
		if a, ok := aliases[name]; ok {
			name = a
		}
		c := lookup(name)
		if c == nil {
			return run([]string{ops[0]}, e.stdout, e.stderr)
		}
		newEnv(c, e.stdout, e.stderr).help(e.stdout)
		return exitOK
	},
}

var versionCmd = &command{
	name:    "version",
	summary: "print the module version and the JSON schema version",
	help: `Prints the version of the module the program was built from (as
"go install ...@VERSION" records it; "(devel)" for a build from a
checkout) and the version of the JSON documents it reads: the "schema"
member of agreement, process and timeline documents.

Example:

  peacekit version`,
	run: func(e *env, args []string) int {
		if _, code, ok := e.parse(args, 0, 0); !ok {
			return code
		}
		fmt.Fprintf(&e.out, "peacekit %s\nJSON schema version %d\n", moduleVersion(), agreement.SchemaVersion)
		return e.finish(exitOK)
	},
}

// moduleVersion returns the version of the main module, from the build
// information: "(devel)" when built from a checkout, "unknown" without
// build information.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "unknown"
	}
	return bi.Main.Version
}
