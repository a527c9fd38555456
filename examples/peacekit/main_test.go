package main

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement/agreementtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenCase is one run of the program: its arguments, and the golden
// files of its output: testdata/golden/NAME.EXT for standard output (EXT
// says what it holds: .mmd for Mermaid, which CI parses), and
// testdata/golden/NAME.stderr for the exit status and standard error.
type goldenCase struct {
	name string
	ext  string
	args []string
}

const (
	cfDoc      = "testdata/ceasefire.json"
	newAttack  = "testdata/new-attack.json"
	draft      = "testdata/start/draft.json"
	final      = "testdata/start/final.json"
	timeline   = "testdata/start/timeline.json"
	model      = "testdata/model.json"
	space      = "testdata/negotiation/space.json"
	positions  = "testdata/negotiation/positions.json"
	mistakes   = "testdata/mistakes/"
	processDoc = "testdata/paris-draft-process.json"
	processTL  = "testdata/paris-new-attack.json"
)

var goldenCases = []goldenCase{
	// The overview, help and usage mistakes.
	{"overview", "txt", nil},
	{"help", "txt", []string{"help"}},
	{"help-replay", "txt", []string{"help", "replay"}},
	{"unknown-command", "txt", []string{"replya"}},
	{"unknown-format", "txt", []string{"replay", "-format", "html", cfDoc, newAttack}},
	{"unknown-kind", "txt", []string{"validate", "-kind", "agrement", cfDoc}},
	{"too-few-operands", "txt", []string{"replay", cfDoc}},
	{"unknown-flag", "txt", []string{"diff", "-colour", draft, final}},
	{"misspelt-flag", "txt", []string{"replay", "-fromat", "csv", final, timeline}},

	// validate, and the first-run mistakes.
	{"validate", "txt", []string{"validate", final, timeline}},
	{"lint-alias", "txt", []string{"lint", cfDoc, newAttack}},
	{"validate-strict", "txt", []string{"validate", "-strict", cfDoc}},
	{"validate-nolint", "txt", []string{"validate", "-strict", "-lint=false", cfDoc}},
	{"validate-bad", "txt", []string{"validate", "testdata/bad/invalid.json", "testdata/bad/syntax.json",
		"testdata/bad/timeline-bad-fields.json", "testdata/bad/no-such-file.json"}},
	{"validate-timeline-party", "txt", []string{"validate", cfDoc, "testdata/bad/timeline-unknown-party.json"}},
	{"validate-two-hosts", "txt", []string{"validate", "-lint=false", draft, final, "testdata/bad/timeline-unknown-party.json"}},
	{"validate-two-hosts-strict", "txt", []string{"validate", "-strict", draft, final, "testdata/bad/timeline-unknown-party.json"}},
	{"validate-two-timelines", "txt", []string{"validate", final, "testdata/paris-new-attack.json", "testdata/same-day-breach.json"}},
	{"validate-negotiation", "txt", []string{"validate", space, positions}},
	{"validate-model", "txt", []string{"validate", model}},
	{"validate-coalition", "txt", []string{"validate", "testdata/coalition.json"}},
	{"validate-coalition-bad", "txt", []string{"validate", mistakes + "coalition.json"}},
	{"mistake-party-kind", "txt", []string{"validate", mistakes + "party-kind.json"}},
	{"mistake-plain-dates", "txt", []string{"validate", draft, timeline}},
	{"mistake-event-kind", "txt", []string{"validate", mistakes + "prisoners.json", mistakes + "prisoners-timeline.json"}},
	{"mistake-event-kind-strict", "txt", []string{"validate", "-strict", mistakes + "prisoners.json", mistakes + "prisoners-timeline.json"}},
	{"mistake-several", "txt", []string{"validate", mistakes + "several.json"}},

	// replay.
	{"replay", "txt", []string{"replay", final, timeline}},
	{"replay-markdown", "md", []string{"replay", "-format", "markdown", cfDoc, newAttack}},
	{"replay-mermaid", "mmd", []string{"replay", "-format", "mermaid", cfDoc, newAttack}},
	{"replay-gantt", "gantt.mmd", []string{"replay", "-format", "gantt", cfDoc, newAttack}},
	{"replay-process", "txt", []string{"replay", processDoc, processTL}},
	{"replay-end", "txt", []string{"replay", "-end", "2026-04-15", cfDoc, "testdata/ceasefire-holds.json"}},
	{"replay-end-early", "txt", []string{"replay", "-end", "2026-03-01", cfDoc, newAttack}},
	{"replay-end-bad", "txt", []string{"replay", "-end", "31/03/2026", cfDoc, newAttack}},
	{"replay-csv-states", "csv", []string{"replay", "-format", "csv", "-table", "states", final, timeline}},
	{"replay-csv-default", "csv", []string{"replay", "-format", "csv", cfDoc, newAttack}},
	{"replay-json-transitions", "json", []string{"replay", "-format", "json", "-table", "transitions", final, timeline}},
	{"replay-csv-territory", "csv", []string{"replay", "-format", "csv", "-table", "territory", cfDoc, newAttack}},
	{"replay-table-unknown", "txt", []string{"replay", "-format", "csv", "-table", "stats", final, timeline}},
	{"replay-table-text", "txt", []string{"replay", "-table", "states", final, timeline}},
	{"replay-timeline-as-agreement", "txt", []string{"replay", newAttack, cfDoc}},
	{"replay-kind-timeline", "txt", []string{"replay", "-kind", "timeline", cfDoc, newAttack}},

	// explain.
	{"explain", "txt", []string{"explain", cfDoc, newAttack, "CF[RU]"}},
	{"explain-at", "txt", []string{"explain", cfDoc, newAttack, "ceasefire-sample/SUP", "-at", "2026-03-16"}},
	{"explain-unknown", "txt", []string{"explain", cfDoc, newAttack, "CF[RUS]"}},
	{"explain-process-short", "txt", []string{"explain", processDoc, processTL, "fr-troops"}},
	{"explain-ambiguous", "txt", []string{"explain", cfDoc, newAttack, "CF"}},
	{"explain-outside", "txt", []string{"explain", "-at", "2027-01-01", cfDoc, newAttack, "SUP"}},

	// diff.
	{"diff", "txt", []string{"diff", draft, final}},
	{"diff-markdown", "md", []string{"diff", "-format", "markdown", draft, final}},
	{"diff-same", "txt", []string{"diff", final, final}},
	{"diff-process", "txt", []string{"diff", processDoc, final}},
	{"diff-csv", "csv", []string{"diff", "-format", "csv", draft, final}},
	{"diff-json", "json", []string{"diff", "-format", "json", draft, final}},
	{"diff-same-csv", "csv", []string{"diff", "-format", "csv", final, final}},
	{"diff-unknown-format", "txt", []string{"diff", "-format", "xlsx", draft, final}},

	// deps.
	{"deps", "mmd", []string{"deps", final}},
	{"deps-text", "txt", []string{"deps", "-format", "text", processDocAgreement}},
	{"deps-ceasefire", "mmd", []string{"deps", cfDoc}},
	{"deps-process-text", "txt", []string{"deps", "-format", "text", "testdata/process-deps.json"}},
	{"deps-process-one", "mmd", []string{"deps", "-agreement", "guarantee", "testdata/process-deps.json"}},
	{"deps-process-unknown", "txt", []string{"deps", "-agreement", "guarantees", "testdata/process-deps.json"}},
	{"deps-process-mermaid", "txt", []string{"deps", "testdata/process-deps.json"}},

	// schema.
	{"schema-list", "txt", []string{"schema"}},
	{"schema-agreement", "json", []string{"schema", "agreement"}},
	{"schema-unknown", "txt", []string{"schema", "agreemnt"}},

	// montecarlo.
	{"montecarlo", "txt", []string{"montecarlo", "-runs", "300", "-seed", "7", final, model}},
	{"montecarlo-markdown", "md", []string{"montecarlo", "-runs", "300", "-seed", "7", "-format", "markdown", final, model}},
	{"montecarlo-csv", "csv", []string{"montecarlo", "-runs", "300", "-seed", "7", "-format", "csv", final, model}},
	{"montecarlo-json", "json", []string{"montecarlo", "-runs", "300", "-seed", "7", "-horizon", "90d", "-format", "json", final, model}},
	{"montecarlo-no-date", "txt", []string{"montecarlo", mistakes + "undated.json", model}},
	{"montecarlo-start-late", "txt", []string{"montecarlo", "-runs", "10", "-start", "2262-01-01", cfDoc, model}},
	{"montecarlo-bad-model", "txt", []string{"montecarlo", final, mistakes + "bad-model.json"}},

	// packages.
	{"packages", "txt", []string{"packages", space, positions}},
	{"packages-markdown", "md", []string{"packages", "-format", "markdown", space, positions}},
	{"packages-json", "json", []string{"packages", "-format", "json", space, positions}},
	{"packages-swapped", "txt", []string{"packages", positions, space}},
	{"packages-too-many", "txt", []string{"packages", "-max", "5", space, positions}},

	// pax and ceasefires.
	{"pax", "txt", []string{"pax", "-file", "testdata/pax.csv"}},
	{"pax-no-file", "txt", []string{"pax"}},
	{"ceasefires", "txt", []string{"ceasefires", "-file", "testdata/ceasefires.csv"}},
	{"ceasefires-markdown", "md", []string{"ceasefires", "-format", "markdown", "-file", "testdata/ceasefires.csv"}},
}

// processDocAgreement is an agreement whose clauses read others.
const processDocAgreement = "testdata/deps.json"

// runArgs runs the program in-process.
func runArgs(args ...string) (code int, stdout, stderr string) {
	var out, errs bytes.Buffer
	code = run(args, &out, &errs)
	return code, out.String(), errs.String()
}

// checkGolden compares got with the golden file testdata/golden/name, or
// rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	agreementtest.CheckGolden(t, filepath.Join("testdata", "golden", name), []byte(got), *update)
}

// TestGolden runs every case and compares its standard output, exit status
// and standard error with the golden files.
func TestGolden(t *testing.T) {
	t.Setenv(envPAX, "")
	t.Setenv(envCeasefires, "")
	seen := map[string]bool{}
	for _, c := range goldenCases {
		if seen[c.name] {
			t.Fatalf("two cases named %s", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runArgs(c.args...)
			checkGolden(t, c.name+"."+c.ext, out)
			checkGolden(t, c.name+".stderr", fmt.Sprintf("$ peacekit %s\nexit status %d\n%s",
				strings.Join(c.args, " "), code, errs))
			if code != exitOK && code != exitBadInput && code != exitUsage {
				t.Errorf("exit status %d", code)
			}
		})
	}
}
