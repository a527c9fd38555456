package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/schema"
)

var schemaCmd = &command{
	name:    "schema",
	args:    "[NAME]",
	summary: "print the JSON Schema of a document, or write them all",
	help: `Prints the JSON Schema (draft 2020-12) of the document NAME, one of:
` + strings.Join(schema.Names(), ", ") + `.
Without NAME, lists the names; with -o DIR and no NAME, writes every schema
to DIR as NAME.schema.json (creating DIR); with -o FILE and NAME, writes that
schema to FILE.

Editors that read JSON Schema (VS Code, JetBrains) complete and check a
document that names its schema in a top-level "$schema" member, which the
decoders accept and ignore:

  {"$schema": "https://raw.githubusercontent.com/peacekit/peacekit/main/agreement/schema/agreement.schema.json", "schema": 1, ...}

or, offline, the path of a file "peacekit schema -o" wrote.

Examples:

  peacekit schema
  peacekit schema agreement -o agreement.schema.json
  peacekit schema -o schemas`,
	output: true,
	run:    runSchema,
}

func runSchema(e *env, args []string) int {
	ops, code, ok := e.parse(args, 0, 1)
	if !ok {
		return code
	}
	if len(ops) == 0 {
		if e.output != "" {
			return e.writeSchemas(e.output)
		}
		for _, n := range schema.Names() {
			fmt.Fprintln(&e.out, n)
		}
		return e.finish(exitOK)
	}
	b, err := schema.JSON(ops[0])
	if err != nil {
		msg := fmt.Sprintf("unknown schema %q", ops[0])
		if s, ok := agreement.Suggest(ops[0], schema.Names()); ok {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return e.usageError("%s; names: %s", msg, strings.Join(schema.Names(), ", "))
	}
	e.out.Write(b)
	return e.finish(exitOK)
}

// writeSchemas writes every schema file to dir.
func (e *env) writeSchemas(dir string) int {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return e.fail(err)
	}
	files, err := fs.ReadDir(schema.FS(), ".")
	if err != nil {
		return e.fail(err)
	}
	for _, f := range files {
		b, err := fs.ReadFile(schema.FS(), f.Name())
		if err != nil {
			return e.fail(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name()), b, 0o644); err != nil {
			return e.fail(err)
		}
		fmt.Fprintf(e.stdout, "%s\n", filepath.Join(dir, f.Name()))
	}
	return exitOK
}
