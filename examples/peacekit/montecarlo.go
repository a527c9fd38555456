package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

var montecarloCmd = &command{
	name:    "montecarlo",
	args:    "AGREEMENT MODEL",
	summary: "simulate a stochastic model of events over an agreement, many times",
	help: `Runs the stochastic model MODEL (a Monte Carlo model document: processes
emitting events, package scenario/montecarlo) over AGREEMENT (an agreement
or process document) -runs times from -start for -horizon, and estimates
for every clause instance the probability of having been in effect,
fulfilled and violated by the horizon (an agreement: in force), with 95%
Wilson intervals, the expected number of breaches and the expected days in
effect. Run i draws only from streams derived from -seed and i, so the
estimates depend on -seed and -runs, not on -workers.

-start defaults to the agreement's date (the first instrument's, for a
process); an undated agreement needs -start. -horizon is a duration as
documents write them ("365d", "72h"). A run must end by the last instant
a replay represents (agreement.InstantRange, in April 2262): a later end
is bad usage.

Formats: text (the default), markdown (a table), csv and json (one row or
object per instance, with the interval bounds).

Example:

  peacekit montecarlo -runs 2000 -seed 7 -horizon 180d agreement.json model.json`,
	formats: []string{"text", "markdown", "csv", "json"},
	output:  true,
	flags: func(fs *flag.FlagSet, o *opts) {
		fs.Int64Var(&o.runs, "runs", 1000, "number of runs")
		fs.Uint64Var(&o.seed, "seed", 1, "master seed")
		fs.IntVar(&o.workers, "workers", 0, "goroutines running the runs (0: one per processor); the results do not depend on it")
		fs.StringVar(&o.start, "start", "", "instant every run starts at: RFC 3339 instant or YYYY-MM-DD (default: the agreement's date)")
		fs.StringVar(&o.horizon, "horizon", "365d", "how long every run lasts")
		fs.StringVar(&o.kind, "kind", kindAuto, "what AGREEMENT holds: auto, agreement or process")
	},
	run: runMonteCarlo,
}

// mcRow is the estimate for one clause instance or agreement.
type mcRow struct {
	Instance string `json:"instance"`
	// State is the first state whose probability is estimated: in-effect
	// for a clause, in-force for an agreement.
	State        string  `json:"state"`
	Reached      mcProb  `json:"reached"`
	Fulfilled    *mcProb `json:"fulfilled,omitempty"`
	Violated     *mcProb `json:"violated,omitempty"`
	Breaches     float64 `json:"meanBreaches"`
	DaysInEffect float64 `json:"meanDaysInEffect"`
}

// mcProb is an estimated probability with its 95% Wilson interval, rounded
// to 6 decimal places.
type mcProb struct {
	Estimate float64 `json:"estimate"`
	Low      float64 `json:"low"`
	High     float64 `json:"high"`
}

func runMonteCarlo(e *env, args []string) int {
	ops, code, ok := e.parse(args, 2, 2)
	if !ok {
		return code
	}
	if e.runs < 1 {
		return e.usageError("-runs: want at least 1, got %d", e.runs)
	}
	if e.workers < 0 {
		return e.usageError("-workers: want 0 or more, got %d", e.workers)
	}
	horizon, err := agreement.ParseDuration(e.horizon)
	if err != nil || horizon <= 0 {
		return e.usageError("-horizon: want a positive duration such as \"365d\" or \"72h\", got %q", e.horizon)
	}
	var start time.Time
	if e.start != "" {
		if start, err = parseInstant(e.start); err != nil {
			return e.usageError("-start: %v", err)
		}
	}
	if code, ok := e.checkKind(kindAgreement, kindProcess); !ok {
		return code
	}
	d, ok := e.load(ops[0], e.kind, kindAgreement, kindProcess)
	if !ok {
		return exitBadInput
	}
	p, _ := d.asProcess()
	if start.IsZero() {
		if len(p.Agreements) > 0 {
			start = p.Agreements[0].Date
		}
		if start.IsZero() {
			return e.usageError("%s has no date: give -start", ops[0])
		}
	}
	// Every run must end within the instants a replay represents: a -start
	// too late for -horizon is a mistake of the flags, not of the model.
	first, last := agreement.InstantRange()
	if start.Before(first) { // only the agreement's date: -start is checked when parsed
		return e.usageError("the date of %s, %s, is before %s, the first instant a replay represents: give -start",
			ops[0], formatInstant(start), formatInstant(first))
	}
	if last.Sub(start) < horizon {
		from := "-start " + e.start
		if e.start == "" {
			from = fmt.Sprintf("the date of %s, %s,", ops[0], formatInstant(start))
		}
		return e.usageError("-start, -horizon: a run from %s for %s would end after %s, the last instant a replay represents",
			from, e.horizon, formatInstant(last))
	}
	m, ok := e.load(ops[1], kindAuto, kindModel)
	if !ok {
		return exitBadInput
	}
	eng, err := scenario.CompileProcess(p)
	if err != nil {
		return e.problems(ops[0], "", err)
	}
	sum, err := montecarlo.Simulate(context.Background(), eng, m.model, montecarlo.Options{
		Runs: e.runs, Seed: e.seed, Workers: e.workers, Start: start, Horizon: horizon,
	})
	if err != nil {
		return e.problems(ops[1], "", err)
	}
	rows, err := mcRows(sum)
	if err != nil {
		return e.fail(err)
	}
	title := fmt.Sprintf("%d runs of %s over %s, seed %d, from %s for %s", sum.Runs(), ops[1], ops[0], e.seed,
		agreement.FormatInstant(start), e.horizon)
	if err := writeMonteCarlo(&e.out, e.format, title, rows); err != nil {
		return e.fail(err)
	}
	return e.finish(exitOK)
}

// mcRows reads the estimates of every instance of sum.
func mcRows(sum *montecarlo.Summary) ([]mcRow, error) {
	h := sum.Horizon()
	prob := func(inst scenario.Instance, st agreement.State) (mcProb, error) {
		pr, err := sum.Reached(inst, st, h)
		if err != nil {
			return mcProb{}, err
		}
		lo, hi := pr.Wilson(0.95)
		return mcProb{Estimate: round6(pr.Estimate()), Low: round6(lo), High: round6(hi)}, nil
	}
	var rows []mcRow
	for _, inst := range sum.Instances() {
		r := mcRow{Instance: inst.String()}
		var err error
		if inst.IsAgreement() {
			r.State = agreement.StateInForce.String()
			if r.Reached, err = prob(inst, agreement.StateInForce); err != nil {
				return nil, err
			}
			rows = append(rows, r)
			continue
		}
		r.State = agreement.StateInEffect.String()
		if r.Reached, err = prob(inst, agreement.StateInEffect); err != nil {
			return nil, err
		}
		f, err := prob(inst, agreement.StateFulfilled)
		if err != nil {
			return nil, err
		}
		v, err := prob(inst, agreement.StateViolated)
		if err != nil {
			return nil, err
		}
		r.Fulfilled, r.Violated = &f, &v
		b, err := sum.Breaches(inst)
		if err != nil {
			return nil, err
		}
		bound, err := sum.Bound(inst)
		if err != nil {
			return nil, err
		}
		r.Breaches = round6(b.Mean())
		r.DaysInEffect = round6(bound.Mean() / float64(agreement.Day))
		rows = append(rows, r)
	}
	return rows, nil
}

// round6 rounds x to 6 decimal places, which the estimates of a few
// thousand runs do not need, so that the output reads the same on every
// platform.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// writeMonteCarlo writes rows in format.
func writeMonteCarlo(w io.Writer, format, title string, rows []mcRow) error {
	f3 := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	pstr := func(p *mcProb) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%s [%s, %s]", f3(p.Estimate), f3(p.Low), f3(p.High))
	}
	head := []string{"instance", "reached", "P(reached)", "P(fulfilled)", "P(violated)", "mean breaches", "mean days in effect"}
	cells := func(r mcRow) []string {
		out := []string{r.Instance, r.State, pstr(&r.Reached), pstr(r.Fulfilled), pstr(r.Violated), "-", "-"}
		if r.Fulfilled != nil {
			out[5], out[6] = f3(r.Breaches), f3(r.DaysInEffect)
		}
		return out
	}
	switch format {
	case "json":
		b, err := json.MarshalIndent(struct {
			Title     string  `json:"title"`
			Instances []mcRow `json:"instances"`
		}{title, rows}, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"instance", "state", "reached", "reached_low", "reached_high", "fulfilled", "fulfilled_low",
			"fulfilled_high", "violated", "violated_low", "violated_high", "mean_breaches", "mean_days_in_effect"})
		for _, r := range rows {
			rec := []string{r.Instance, r.State, f3(r.Reached.Estimate), f3(r.Reached.Low), f3(r.Reached.High)}
			for _, p := range []*mcProb{r.Fulfilled, r.Violated} {
				if p == nil {
					rec = append(rec, "", "", "")
				} else {
					rec = append(rec, f3(p.Estimate), f3(p.Low), f3(p.High))
				}
			}
			if r.Fulfilled != nil {
				rec = append(rec, f3(r.Breaches), f3(r.DaysInEffect))
			} else {
				rec = append(rec, "", "")
			}
			_ = cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	case "markdown":
		p := markup.NewWriter(w)
		p.Printf("Monte Carlo estimates: %s. Probabilities by the horizon with 95%% Wilson intervals.\n\n", markup.Markdown(title))
		var rs [][]string
		for _, r := range rows {
			c := cells(r)
			for i := range c {
				c[i] = markup.Markdown(c[i])
			}
			rs = append(rs, c)
		}
		p.Table(head, rs)
		return p.Err()
	}
	p := markup.NewWriter(w)
	p.Printf("Monte Carlo estimates: %s.\nProbabilities by the horizon, with 95%% Wilson intervals.\n\n", title)
	rs := [][]string{head}
	for _, r := range rows {
		rs = append(rs, cells(r))
	}
	p.Columns("  ", rs)
	return p.Err()
}
