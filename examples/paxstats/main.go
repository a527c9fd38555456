// Command paxstats summarises the PA-X agreement-level CSV: how many
// agreements there are per stage and per decade, and how many ceasefire-stage
// agreements have anything in their third-party (ThrdPart) field.
//
// Usage:
//
//	go run ./examples/paxstats [pax.csv]
//
// Without an argument it reads the file named by the PEACEKIT_PAX_CSV
// environment variable; when that is unset it prints its usage and exits
// with status 2. Bad rows are
// reported on standard error and left out of the counts; the exit status is
// then 1, as it is when the file cannot be read or is not a PA-X file.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// envPAX names the environment variable that gives the default file.
const envPAX = "PEACEKIT_PAX_CSV"

// maxReported bounds the row errors printed; the rest are only counted.
const maxReported = 20

// stageOrder is PA-X's display order of the stages (its "stage - sort").
var stageOrder = []agreement.Stage{
	agreement.StagePre, agreement.StageCea, agreement.StageSubPar, agreement.StageSubComp,
	agreement.StageImp, agreement.StageRen, agreement.StageOth,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("paxstats", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() { usage(stderr) }
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var path string
	switch flags.NArg() {
	case 0:
		var ok bool
		if path, ok = defaultPath(); !ok {
			fmt.Fprintf(stderr, "paxstats: no file given and %s is unset\n", envPAX)
			usage(stderr)
			return 2
		}
	case 1:
		path = flags.Arg(0)
	default:
		fmt.Fprintln(stderr, "paxstats: give at most one file")
		usage(stderr)
		return 2
	}

	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(stderr, "paxstats:", err)
		return 1
	}
	defer f.Close()
	s, err := tally(pax.Read(f), func(err error) {
		fmt.Fprintf(stderr, "paxstats: %s: %v\n", path, err)
	})
	if err != nil {
		fmt.Fprintf(stderr, "paxstats: %s: %v\n", path, err)
		return 1
	}
	if s.errors > maxReported {
		fmt.Fprintf(stderr, "paxstats: %s: %d more errors not shown\n", path, s.errors-maxReported)
	}
	s.print(stdout)
	if s.badRows > 0 {
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintf(w, `usage: paxstats [pax.csv]

Prints the agreements of the PA-X agreement-level CSV per stage and per decade,
and the share of ceasefire-stage agreements with a non-empty ThrdPart field.
Without an argument, reads the file $%s names.
`, envPAX)
}

// defaultPath returns the file to read when none is given: $PEACEKIT_PAX_CSV
// when set (whether or not it exists, so that a wrong setting is an error).
// ok is false when it is unset.
func defaultPath() (path string, ok bool) {
	path = os.Getenv(envPAX)
	return path, path != ""
}

// stats are the counts the program prints.
type stats struct {
	agreements int
	badRows    int // rows with at least one error
	errors     int // errors, several per row possible
	perStage   map[agreement.Stage]int
	perDecade  map[int]int // by the decade's first year
	cea        int         // Cea-stage agreements
	ceaThird   int         // of which with a non-empty ThrdPart
	ceaThirdUn int         // of which with "unsigned" in ThrdPart
}

// tally counts the records of seq. It calls report for each of the first
// maxReported row errors and returns a fatal error (a bad header, a read
// failure) if there is one.
func tally(seq iter.Seq2[pax.Record, error], report func(error)) (stats, error) {
	s := stats{perStage: map[agreement.Stage]int{}, perDecade: map[int]int{}}
	lastBad := 0
	for rec, err := range seq {
		if err != nil {
			var re *pax.RowError
			if !errors.As(err, &re) || re.Row == 0 {
				return s, err
			}
			if re.Row != lastBad {
				s.badRows++
				lastBad = re.Row
			}
			s.errors++
			if s.errors <= maxReported {
				report(err)
			}
			continue
		}
		s.agreements++
		s.perStage[rec.Stage]++
		s.perDecade[decade(rec.Date.Year())]++
		if rec.Stage == agreement.StageCea {
			s.cea++
			if strings.TrimSpace(rec.ThrdPart) != "" {
				s.ceaThird++
				if strings.Contains(strings.ToLower(rec.ThrdPart), "unsigned") {
					s.ceaThirdUn++
				}
			}
		}
	}
	return s, nil
}

// decade returns the first year of y's decade, y >= 0: 1990 for 1994.
func decade(y int) int { return y / 10 * 10 }

func (s stats) print(w io.Writer) {
	fmt.Fprintf(w, "PA-X agreements read: %d (rows with errors, left out: %d)\n", s.agreements, s.badRows)

	fmt.Fprintln(w, "\nAgreements per stage:")
	for _, st := range stageOrder {
		fmt.Fprintf(w, "  %-8s %-37s %5d\n", st, st.Label(), s.perStage[st])
	}

	fmt.Fprintln(w, "\nAgreements per decade:")
	if len(s.perDecade) > 0 {
		lo, hi := 0, 0
		first := true
		for d := range s.perDecade {
			if first || d < lo {
				lo = d
			}
			if first || d > hi {
				hi = d
			}
			first = false
		}
		for d := lo; d <= hi; d += 10 {
			fmt.Fprintf(w, "  %ds %5d\n", d, s.perDecade[d])
		}
	}

	fmt.Fprintf(w, "\nCeasefire-stage (Cea) agreements with a non-empty ThrdPart field: %d of %d (%s)\n",
		s.ceaThird, s.cea, percent(s.ceaThird, s.cea))
	fmt.Fprintf(w, "  ThrdPart has the word \"unsigned\" in %d of these %d.\n", s.ceaThirdUn, s.ceaThird)
	fmt.Fprint(w, `  Caution: ThrdPart is free text. It usually names third parties (mediators,
  guarantors, witnesses), but sometimes records instead that the agreement is
  unsigned, or who was present, so this share counts agreements with any
  ThrdPart text, not agreements with third-party signatories.
`)
}

// percent returns num/den as a percentage with one decimal, rounded half up,
// computed in integers: "66.7%"; "n/a" when den is 0.
func percent(num, den int) string {
	if den == 0 {
		return "n/a"
	}
	tenths := (num*2000 + den) / (2 * den)
	return fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)
}
