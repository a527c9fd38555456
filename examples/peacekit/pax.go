package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// envPAX names the environment variable that gives the default PA-X file.
const envPAX = "PEACEKIT_PAX_CSV"

var paxCmd = &command{
	name:    "pax",
	summary: "summarise the PA-X agreements CSV: agreements per stage and decade",
	help: `Reads the CSV of PA-X, the Peace Agreements Database (either layout: the
agreement-level export or the provision-level file; package agreement/pax)
and prints how many agreements there are per stage and per decade. The file
is -file, or the one $` + envPAX + ` names.

Bad rows are reported on standard error ("FILE: row N, line L, column C:
message", at most 20) and left out of the counts; the exit status is then 1.

Example:

  peacekit pax -file pax.csv`,
	formats: []string{"text"},
	output:  true,
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.StringVar(&o.file, "file", "", "the PA-X CSV (default: $"+envPAX+")")
	},
	run: runPAX,
}

// paxStages is PA-X's display order of the stages.
var paxStages = []agreement.Stage{
	agreement.StagePre, agreement.StageCea, agreement.StageSubPar, agreement.StageSubComp,
	agreement.StageImp, agreement.StageRen, agreement.StageOth,
}

func runPAX(e *env, args []string) int {
	if _, code, ok := e.parse(args, 0, 0); !ok {
		return code
	}
	path := e.file
	if path == "" {
		if path = os.Getenv(envPAX); path == "" {
			return e.usageError("no file: give -file or set $%s", envPAX)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return e.fail(err)
	}
	defer f.Close()
	code := exitOK
	n, errs := 0, 0
	perStage := map[agreement.Stage]int{}
	perDecade := map[int]int{}
	lo, hi := 0, 0
	for rec, err := range pax.Read(f) {
		if err != nil {
			var re *pax.RowError
			if !errors.As(err, &re) || re.Row == 0 {
				return e.problems(path, "", err)
			}
			code = exitBadInput
			if errs++; errs <= 20 {
				fmt.Fprintf(e.stderr, "%s: %v\n", path, err)
			}
			continue
		}
		d := rec.Date.Year() / 10 * 10
		if n == 0 || d < lo {
			lo = d
		}
		if n == 0 || d > hi {
			hi = d
		}
		n++
		perStage[rec.Stage]++
		perDecade[d]++
	}
	if errs > 20 {
		fmt.Fprintf(e.stderr, "%s: and %d more problems, not listed\n", path, errs-20)
	}
	fmt.Fprintf(&e.out, "PA-X agreements read: %d\n\nAgreements per stage:\n", n)
	for _, st := range paxStages {
		fmt.Fprintf(&e.out, "  %-8s %-37s %5d\n", st, st.Label(), perStage[st])
	}
	fmt.Fprintf(&e.out, "\nAgreements per decade:\n")
	for d := lo; n > 0 && d <= hi; d += 10 {
		fmt.Fprintf(&e.out, "  %ds %5d\n", d, perDecade[d])
	}
	if code != exitOK {
		_, _ = e.stdout.Write(e.out.Bytes())
		return code
	}
	return e.finish(code)
}
