package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/peacekit/peacekit/agreement/ceasefire"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/survival"
)

// envCeasefires names the environment variable that gives the default
// ceasefire file.
const envCeasefires = "PEACEKIT_CEASEFIRES_CSV"

var ceasefiresCmd = &command{
	name:    "ceasefires",
	summary: "how long ceasefires last: Kaplan-Meier estimates from the ETH/PRIO data",
	help: `Reads the ETH/PRIO Civil Conflict Ceasefire dataset (package
agreement/ceasefire) and prints the Kaplan-Meier estimate of how long its
ceasefires lasted (package agreement/survival): the ceasefires counted, the
ended ones and the censored ones, the survival at 30, 90 and 365 days with
95% log-log bands and the numbers at risk, and the median. A duration runs
from the ceasefire's effect date to its recorded end, whatever ended it;
ceasefires whose end is undated are left out. The file is -file, or the
one $` + envCeasefires + ` names.

Bad rows are reported on standard error (at most 20) and left out; the exit
status is then 1.

Formats: text (the default), markdown.

Example:

  peacekit ceasefires -file ceasefires.csv -format markdown`,
	formats: []string{"text", "markdown"},
	output:  true,
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.StringVar(&o.file, "file", "", "the ETH/PRIO ceasefire CSV (default: $"+envCeasefires+")")
	},
	run: runCeasefires,
}

func runCeasefires(e *env, args []string) int {
	if _, code, ok := e.parse(args, 0, 0); !ok {
		return code
	}
	path := e.file
	if path == "" {
		if path = os.Getenv(envCeasefires); path == "" {
			return e.usageError("no file: give -file or set $%s", envCeasefires)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return e.fail(err)
	}
	defer f.Close()
	code := exitOK
	var obs []survival.Observation
	n, undated, errs := 0, 0, 0
	for c, err := range ceasefire.ReadCeasefires(f) {
		if err != nil {
			var re *ceasefire.RowError
			if !errors.As(err, &re) {
				return e.problems(path, "", err)
			}
			code = exitBadInput
			if errs++; errs <= 20 {
				fmt.Fprintf(e.stderr, "%s: %v\n", path, err)
			}
			continue
		}
		n++
		if o, ok := c.Observation(); ok {
			obs = append(obs, o)
		} else {
			undated++
		}
	}
	if errs > 20 {
		fmt.Fprintf(e.stderr, "%s: and %d more problems, not listed\n", path, errs-20)
	}
	curve, err := survival.KaplanMeier(obs)
	if err != nil {
		return e.problems(path, "", err)
	}
	md := e.format == "markdown"
	p := markup.NewWriter(&e.out)
	f3 := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	if md {
		p.Printf("## How long ceasefires lasted (Kaplan-Meier)\n\n")
	}
	p.Printf("%d ceasefires read from %s; %d with a duration (%d ended, %d censored at the end of coverage), %d with an undated end left out.\n",
		n, path, curve.N(), curve.Events(), curve.Censored(), undated)
	rows := [][]string{{"days", "survival", "95% band", "at risk"}}
	for _, t := range []float64{30, 90, 365} {
		lo, hi := curve.Band(t, 0.95)
		rows = append(rows, []string{strconv.FormatFloat(t, 'f', -1, 64), f3(curve.Survival(t)),
			"[" + f3(lo) + ", " + f3(hi) + "]", strconv.Itoa(curve.AtRisk(t))})
	}
	p.Printf("\n")
	if md {
		p.Table(rows[0], rows[1:])
	} else {
		p.Columns("  ", rows)
	}
	if m, ok := curve.Median(); ok {
		p.Printf("\nMedian duration: %s days.\n", strconv.FormatFloat(m, 'f', -1, 64))
	} else {
		p.Printf("\nMedian duration: not reached (survival stays above one half).\n")
	}
	if err := p.Err(); err != nil {
		return e.fail(err)
	}
	if code != exitOK {
		_, _ = e.stdout.Write(e.out.Bytes())
		return code
	}
	return e.finish(code)
}
