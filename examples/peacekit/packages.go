package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/negotiation"
)

var packagesCmd = &command{
	name:    "packages",
	args:    "SPACE POSITIONS",
	summary: "which packages every party could accept: frontier, Nash, Kalai-Smorodinsky",
	help: `Enumerates every package of the negotiation space SPACE (one alternative per
issue) and evaluates each against every party's position in POSITIONS
(package agreement/negotiation), exactly: how many packages are feasible and
acceptable to every party (within every red line and worth at least every
reservation value), the Pareto frontier of the acceptable ones, and the
Nash, Kalai-Smorodinsky, egalitarian and welfare points among them, ties
kept together. A package is written issue=alternative for each issue.
A space of more than -max packages is refused rather than enumerated.

Formats: text (the default), markdown, json.

Example:

  peacekit packages space.json positions.json`,
	formats: []string{"text", "markdown", "json"},
	output:  true,
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.IntVar(&o.workers, "workers", 1, "goroutines enumerating the packages; the results do not depend on it")
		fs.Uint64Var(&o.max, "max", 1e9, "the most packages to enumerate: a larger space is refused (enumeration takes about a second per million packages)")
	},
	run: runPackages,
}

// pkPoint is a frontier point for the output: the parties' values and
// the packages that have them.
type pkPoint struct {
	Values   map[string]string `json:"values"`
	Count    uint64            `json:"count"`
	Packages []string          `json:"packages"`
}

// pkResult is the analysis for the output.
type pkResult struct {
	Parties          []string  `json:"parties"`
	Packages         uint64    `json:"packages"`
	Infeasible       uint64    `json:"infeasible"`
	Acceptable       uint64    `json:"acceptable"`
	Frontier         []pkPoint `json:"frontier"`
	Nash             []pkPoint `json:"nash"`
	KalaiSmorodinsky []pkPoint `json:"kalaiSmorodinsky"`
	Egalitarian      []pkPoint `json:"egalitarian"`
	Welfare          []pkPoint `json:"welfare"`
}

// maxListed bounds the packages listed per point.
const maxListed = 10

func runPackages(e *env, args []string) int {
	ops, code, ok := e.parse(args, 2, 2)
	if !ok {
		return code
	}
	if e.workers < 1 {
		return e.usageError("-workers: want at least 1, got %d", e.workers)
	}
	sp, ok := e.load(ops[0], kindAuto, kindSpace)
	if !ok {
		return exitBadInput
	}
	ps, ok := e.load(ops[1], kindAuto, kindPositions)
	if !ok {
		return exitBadInput
	}
	if n := sp.space.Size(); !n.IsUint64() || n.Uint64() > e.max {
		fmt.Fprintf(e.stderr, "%s: the space has %s packages, more than -max %d\n", ops[0], n, e.max)
		return exitBadInput
	}
	ev, err := negotiation.Compile(sp.space, ps.positions)
	if err != nil {
		return e.problems(ops[1], "", err)
	}
	an, err := ev.Analyze(negotiation.Options{Workers: e.workers, List: maxListed})
	if err != nil {
		return e.fail(err)
	}
	res := pkResult{Packages: an.Packages, Infeasible: an.Infeasible, Acceptable: an.Acceptable}
	for _, p := range ev.Parties() {
		res.Parties = append(res.Parties, string(p))
	}
	issues := sp.space.Issues()
	points := func(pts []negotiation.Point) []pkPoint {
		out := []pkPoint{}
		for _, pt := range pts {
			q := pkPoint{Values: map[string]string{}, Count: pt.Count, Packages: []string{}}
			for i, v := range pt.Values {
				q.Values[res.Parties[i]] = v.String()
			}
			for _, pk := range pt.Packages {
				var parts []string
				for i, alt := range sp.space.Alternatives(pk) {
					parts = append(parts, string(issues[i].ID)+"="+string(alt))
				}
				q.Packages = append(q.Packages, strings.Join(parts, " "))
			}
			out = append(out, q)
		}
		return out
	}
	res.Frontier = points(an.Frontier)
	res.Nash = points(an.Nash)
	res.KalaiSmorodinsky = points(an.KalaiSmorodinsky)
	res.Egalitarian = points(an.Egalitarian)
	res.Welfare = points(an.Welfare)
	if err := writePackages(&e.out, e.format, ops, res); err != nil {
		return e.fail(err)
	}
	return e.finish(exitOK)
}

// writePackages writes res in format; files are the space's and the
// positions' names.
func writePackages(w io.Writer, format string, files []string, res pkResult) error {
	if format == "json" {
		b, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	md := format == "markdown"
	p := markup.NewWriter(w)
	esc := func(s string) string {
		if md {
			return markup.Markdown(s)
		}
		return s
	}
	values := func(pt pkPoint) string {
		var vs []string
		for _, party := range res.Parties {
			vs = append(vs, party+" "+pt.Values[party])
		}
		return strings.Join(vs, ", ")
	}
	pkgs := func(pt pkPoint) string {
		s := strings.Join(pt.Packages, "; ")
		if more := pt.Count - uint64(len(pt.Packages)); more > 0 {
			s += fmt.Sprintf("; and %d more", more)
		}
		return s
	}
	if md {
		p.Printf("## Packages of `%s` for the positions of `%s`\n\n", files[0], files[1])
	} else {
		p.Printf("Packages of %s for the positions of %s (parties %s)\n\n", files[0], files[1], strings.Join(res.Parties, ", "))
	}
	p.Printf("%d packages: %d infeasible, %d acceptable to every party.\n", res.Packages, res.Infeasible, res.Acceptable)
	sections := []struct {
		name string
		pts  []pkPoint
	}{
		{"Pareto frontier", res.Frontier}, {"Nash", res.Nash}, {"Kalai-Smorodinsky", res.KalaiSmorodinsky},
		{"Egalitarian", res.Egalitarian}, {"Welfare", res.Welfare},
	}
	for _, s := range sections {
		if md {
			p.Printf("\n### %s\n\n", s.name)
		} else {
			p.Printf("\n%s:\n", s.name)
		}
		if len(s.pts) == 0 {
			if md {
				p.Printf("None: no package is acceptable.\n")
			} else {
				p.Printf("  none: no package is acceptable\n")
			}
			continue
		}
		if md {
			var rows [][]string
			for _, pt := range s.pts {
				rows = append(rows, []string{esc(values(pt)), esc(pkgs(pt))})
			}
			p.Table([]string{"Values", "Packages"}, rows)
			continue
		}
		for _, pt := range s.pts {
			p.Printf("  %s: %s\n", values(pt), pkgs(pt))
		}
	}
	return p.Err()
}
