package main

// The Monte Carlo section: how likely the guarantees are to activate, and the
// draft's US backstop to be triggered, under an illustrative model of what
// follows the meeting. The ceasefire's duration is drawn from a hazard fitted
// to real ceasefires (package scenario/montecarlo's calibration on the
// ETH/PRIO data); when a ceasefire comes and how often attacks follow its end
// are assumptions, stated as such in the output.

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/survival"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// MonteCarlo is the illustrative model of what follows the meeting and how
// many runs estimate it. Only End is fitted to data; CeasefirePerDay and
// AttackPerDay are assumptions.
type MonteCarlo struct {
	// Runs is the number of runs of each simulation; Seed its master seed;
	// Workers the goroutines (the results do not depend on it).
	Runs    int64
	Seed    uint64
	Workers int
	// CeasefirePerDay is the assumed constant hazard, per day, of a
	// ceasefire coming into force after the meeting.
	CeasefirePerDay float64
	// End is the hazard of the ceasefire's end, fitted to the ETH/PRIO
	// ceasefires (one of montecarlo.CeasefireCalibrations).
	End montecarlo.Calibration
	// AttackPerDay is the assumed rate, per day, of new Russian attacks on
	// Ukraine after the ceasefire's end (a Poisson process).
	AttackPerDay float64
	// Within is how long after the meeting question (a) looks; Year how
	// long after a ceasefire question (b) looks; Horizon how long the runs
	// from the meeting last (the survival curves' span).
	Within, Year, Horizon time.Duration
}

// monteCarlo returns the settings the program reports on.
func (m Model) monteCarlo() MonteCarlo {
	return MonteCarlo{
		Runs:    10000,
		Seed:    20260106,
		Workers: 2,
		// A ceasefire one year away on average: the article reports that
		// "there has been no recent reduction in hostilities" and that
		// "Putin is not demonstrating readiness for peace".
		CeasefirePerDay: 1.0 / 365,
		End:             montecarlo.CeasefireCalibrations()[0],
		AttackPerDay:    1.0 / 30,
		Within:          m.Start.AddDate(0, 6, 0).Sub(m.Start),
		Year:            365 * agreement.Day,
		Horizon:         730 * agreement.Day,
	}
}

// mcModel returns the stochastic model: a ceasefire after delay (none when
// nil: in force from the start), its end after mc.End's hazard, then new
// Russian attacks on Ukraine at mc.AttackPerDay.
func (mc MonteCarlo) mcModel(delay montecarlo.Distribution) montecarlo.Model {
	attack := montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
	one := func(t montecarlo.Template) []montecarlo.Outcome {
		return []montecarlo.Outcome{{Probability: 1, Event: t}}
	}
	gap := montecarlo.Constant{PerDay: mc.AttackPerDay}
	return montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Scheduled{Name: "ceasefire", Once: true, Delay: delay,
			Outcomes: one(montecarlo.Template{Kind: agreement.EventKindCeasefireInForce})},
		&montecarlo.Scheduled{Name: "ceasefire end", Once: true,
			After: &montecarlo.Match{Kind: agreement.EventKindCeasefireInForce}, Delay: mc.End.Delay,
			Outcomes: one(montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed})},
		// A Poisson process from the end: the first attack an exponential
		// gap after it, each next one an exponential gap after the last.
		&montecarlo.Scheduled{Name: "first attack after the end", Once: true,
			After: &montecarlo.Match{Kind: agreement.EventKindCeasefireCollapsed}, Delay: gap, Outcomes: one(attack)},
		&montecarlo.Scheduled{Name: "next attack",
			After: &montecarlo.Match{Kind: attack.Kind, Actor: attack.Actor, Target: attack.Target}, Delay: gap, Outcomes: one(attack)},
	}}
}

// MonteCarloResult is what the simulations estimate: every figure of the
// section is read from it.
type MonteCarloResult struct {
	Settings MonteCarlo
	// Draft and Final are the first and the last of the model's versions.
	Draft, Final Version
	Start        time.Time
	// Guarantees are the clause instances of the final communiqué's
	// guarantees (every contribution but the backstop), which both
	// versions hold; Backstop is the draft's backstop clause.
	Guarantees []scenario.Instance
	Backstop   scenario.Instance
	// FinalHasBackstop says whether the final communiqué's engine has the
	// backstop clause.
	FinalHasBackstop bool
	// FromMeeting are the runs from the meeting, both versions with
	// common random numbers; BackstopRuns the same runs of the draft alone,
	// with the backstop's time to its trigger recorded; FromCeasefire the
	// runs that start with a ceasefire in force.
	FromMeeting   *montecarlo.Comparison
	BackstopRuns  *montecarlo.Summary
	FromCeasefire *montecarlo.Comparison
	// Curves are the Kaplan-Meier curves of the time from the meeting to
	// the first guarantee's entry into effect in the draft and the final,
	// and to the backstop's trigger in the draft, in days.
	Curves []MonteCarloCurve
}

// MonteCarloCurve is a survival curve of a time to a state, in days.
type MonteCarloCurve struct {
	Name  string
	Curve *survival.Curve
}

// guarantee returns the instance the table reads for "the guarantees":
// the first guarantee.
func (r *MonteCarloResult) guarantee() scenario.Instance { return r.Guarantees[0] }

// simulate runs the illustrative model mc over the first and the last
// version of m.
func (m Model) simulate(ctx context.Context, mc MonteCarlo) (*MonteCarloResult, error) {
	if len(m.Versions) < 2 {
		return nil, fmt.Errorf("monte carlo: need a draft and a final version, have %d", len(m.Versions))
	}
	r := &MonteCarloResult{Settings: mc, Draft: m.Versions[0], Final: m.Versions[len(m.Versions)-1], Start: m.Start}
	engine := func(v Version) (*scenario.Engine, error) {
		p, err := m.process(v)
		if err != nil {
			return nil, err
		}
		return scenario.CompileProcess(p)
	}
	draft, err := engine(r.Draft)
	if err != nil {
		return nil, err
	}
	final, err := engine(r.Final)
	if err != nil {
		return nil, err
	}

	// The guarantees and the backstop, from the contributions and the
	// instruments that hold them.
	ref := func(v Version, id string) (agreement.Ref, bool) {
		for _, in := range v.Instruments {
			for _, c := range in.Contributions {
				if string(c) == id {
					return agreement.QualifiedRef(in.ID, agreement.ClauseID(id)), true
				}
			}
		}
		return agreement.Ref{}, false
	}
	for _, ct := range r.Final.Coalition.Contributions {
		if ct.IsBackstop() {
			continue
		}
		rf, ok := ref(r.Final, string(ct.ID))
		inst, found := final.Instance(rf, "")
		if !ok || !found {
			return nil, fmt.Errorf("monte carlo: %s: no clause instance for guarantee %s", r.Final.Name, ct.ID)
		}
		if _, found := draft.Instance(rf, ""); !found {
			return nil, fmt.Errorf("monte carlo: %s: no guarantee %s", r.Draft.Name, ct.ID)
		}
		r.Guarantees = append(r.Guarantees, inst)
	}
	backstop := r.Draft.Coalition.Backstop()
	if len(r.Guarantees) == 0 || len(backstop) != 1 {
		return nil, fmt.Errorf("monte carlo: want guarantees in %s and one backstop in %s, have %d and %d",
			r.Final.Name, r.Draft.Name, len(r.Guarantees), len(backstop))
	}
	rf, ok := ref(r.Draft, string(backstop[0].ID))
	inst, found := draft.Instance(rf, "")
	if !ok || !found {
		return nil, fmt.Errorf("monte carlo: %s: no clause instance for backstop %s", r.Draft.Name, backstop[0].ID)
	}
	r.Backstop = inst
	_, r.FinalHasBackstop = final.Instance(rf, "")

	opts := montecarlo.Options{
		Runs: mc.Runs, Seed: mc.Seed, Workers: mc.Workers,
		Start: m.Start, Horizon: mc.Horizon, At: []time.Duration{mc.Within, mc.Year},
		Survival: []montecarlo.Target{{Instance: r.guarantee(), State: agreement.StateInEffect}},
	}
	fromMeeting := mc.mcModel(montecarlo.Constant{PerDay: mc.CeasefirePerDay})
	if r.FromMeeting, err = montecarlo.Compare(ctx, draft, final, fromMeeting, opts); err != nil {
		return nil, fmt.Errorf("monte carlo from the meeting: %w", err)
	}
	bo := opts
	bo.Survival = []montecarlo.Target{{Instance: r.Backstop, State: agreement.StateInEffect}}
	if r.BackstopRuns, err = montecarlo.Simulate(ctx, draft, fromMeeting, bo); err != nil {
		return nil, fmt.Errorf("monte carlo from the meeting, %s: %w", r.Draft.Name, err)
	}
	co := opts
	co.Horizon, co.At, co.Survival = mc.Year, nil, nil
	if r.FromCeasefire, err = montecarlo.Compare(ctx, draft, final, mc.mcModel(nil), co); err != nil {
		return nil, fmt.Errorf("monte carlo from a ceasefire: %w", err)
	}

	curve := func(name string, s *montecarlo.Summary, inst scenario.Instance) error {
		tt := s.TimeToState(montecarlo.Target{Instance: inst, State: agreement.StateInEffect})
		if tt == nil {
			return fmt.Errorf("monte carlo: no time to %s in effect", inst)
		}
		ds, evs := tt.Observations()
		obs := make([]survival.Observation, len(ds))
		for i, d := range ds {
			obs[i] = survival.Observation{Time: inDays(d), Event: evs[i]}
		}
		c, err := survival.KaplanMeier(obs)
		if err != nil {
			return err
		}
		r.Curves = append(r.Curves, MonteCarloCurve{Name: name, Curve: c})
		return nil
	}
	if err := curve("guarantees ("+r.Draft.Name+")", r.FromMeeting.A, r.guarantee()); err != nil {
		return nil, err
	}
	if err := curve("guarantees ("+r.Final.Name+")", r.FromMeeting.B, r.guarantee()); err != nil {
		return nil, err
	}
	if err := curve("US backstop ("+r.Draft.Name+")", r.BackstopRuns, r.Backstop); err != nil {
		return nil, err
	}
	return r, nil
}

// inDays returns d in days.
func inDays(d time.Duration) float64 { return float64(d) / float64(agreement.Day) }

// runMonteCarlo simulates mc over m and writes the section as Markdown to w.
func runMonteCarlo(w io.Writer, m Model, mc MonteCarlo) error {
	r, err := m.simulate(context.Background(), mc)
	if err != nil {
		return err
	}
	return r.WriteMarkdown(w)
}

// mcLevel is the confidence level of every interval of the section.
const mcLevel = 0.95

// MonteCarloRow is one line of the section's table.
type MonteCarloRow struct {
	Version, Question string
	// Has is false when the version has no such clause.
	Has bool
	P   montecarlo.Proportion
}

// Rows returns the answers to the two questions for both versions.
func (r *MonteCarloResult) Rows() ([]MonteCarloRow, error) {
	mc := r.Settings
	qa := "(a) the guarantees enter into effect within six months of the meeting (by " +
		agreement.FormatInstant(r.Start.Add(mc.Within)) + ")"
	qb := "(b) the US backstop is triggered (a new attack after the ceasefire) within a year of a ceasefire"
	var rows []MonteCarloRow
	for _, s := range []struct {
		v   Version
		sum *montecarlo.Summary
	}{{r.Draft, r.FromMeeting.A}, {r.Final, r.FromMeeting.B}} {
		p, err := s.sum.Reached(r.guarantee(), agreement.StateInEffect, mc.Within)
		if err != nil {
			return nil, err
		}
		rows = append(rows, MonteCarloRow{Version: s.v.Name, Question: qa, Has: true, P: p})
	}
	for _, s := range []struct {
		v   Version
		sum *montecarlo.Summary
		has bool
	}{{r.Draft, r.FromCeasefire.A, true}, {r.Final, r.FromCeasefire.B, r.FinalHasBackstop}} {
		row := MonteCarloRow{Version: s.v.Name, Question: qb, Has: s.has, P: montecarlo.Proportion{Trials: s.sum.Runs()}}
		if s.has {
			p, err := s.sum.Reached(r.Backstop, agreement.StateInEffect, mc.Year)
			if err != nil {
				return nil, err
			}
			row.P = p
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// WriteMarkdown writes the section: the model, the table, the paired
// comparison and the chart.
func (r *MonteCarloResult) WriteMarkdown(w io.Writer) error {
	p := markup.NewWriter(w)
	mc := r.Settings
	rows, err := r.Rows()
	if err != nil {
		return err
	}
	p.Printf("\n## Monte Carlo: will the guarantees activate, and the backstop be tested? (an illustrative model)\n\n")
	p.Printf("Not a forecast: what follows the meeting is drawn at random, %s runs per question (seed %d,\n",
		withCommas(mc.Runs), mc.Seed)
	p.Printf("package scenario/montecarlo), replayed over the draft statement's and the final communiqué's\n")
	p.Printf("processes with common random numbers: run i of each version draws the same timeline.\n\n")
	p.Printf("The model:\n\n")
	p.Printf("- **Assumption:** a ceasefire comes into force (`%s`) after a delay with a constant hazard of\n",
		agreement.EventKindCeasefireInForce)
	p.Printf("  %s per day from the meeting (%s): one year away on average. The article reports no recent\n",
		perDayText(mc.CeasefirePerDay), agreement.FormatInstant(r.Start))
	p.Printf("  reduction in hostilities; it gives no timing.\n")
	p.Printf("- **Fitted to data:** the ceasefire ends (`%s`) after a delay drawn from a piecewise-constant\n",
		agreement.EventKindCeasefireCollapsed)
	p.Printf("  hazard fitted by maximum likelihood with right-censoring to the ETH/PRIO Civil Conflict Ceasefire\n")
	p.Printf("  dataset, 1989-2020 (%q: %s ceasefires, %s with a recorded end; montecarlo.CeasefireCalibrations).\n",
		mc.End.Name, withCommas(int64(mc.End.N)), withCommas(int64(mc.End.Events)))
	p.Printf("  A recorded end is whatever ended the ceasefire; these are civil-conflict ceasefires, not\n")
	p.Printf("  interstate ones. Hazard per day by interval (days):\n\n")
	p.Table([]string{"days", "hazard per day", "standard error"}, hazardRows(mc.End))
	p.Printf("\n  Source: Clayton, G., Nygård, H. M., Strand, H., Rustad, S. A., Wiehler, C., Sagård, T.,\n")
	p.Printf("  Landsverk, P., Ryland, R., Sticher, V., Wink, E. and Bara, C. (2022) \"Introducing the ETH/PRIO\n")
	p.Printf("  Civil Conflict Ceasefire Dataset\", Journal of Conflict Resolution, doi:10.1177/00220027221129195.\n")
	p.Printf("- **Assumption:** after the ceasefire's end, new Russian attacks on Ukraine (`%s` RU to UA) at a\n",
		agreement.EventKindArmedAttack)
	p.Printf("  Poisson rate of %s per day (one every %s days on average). Nothing else happens: strikes\n",
		perDayText(mc.AttackPerDay), strconv.FormatFloat(1/mc.AttackPerDay, 'f', -1, 64))
	p.Printf("  before the ceasefire are left out, as no guarantee counts them, and there is one ceasefire.\n\n")
	p.Printf("(a) is estimated on runs from the meeting (%s long); (b) on runs that start with the ceasefire in\n",
		daysText(mc.Horizon))
	p.Printf("force and last %s (the model does not depend on the date, so these are the runs after any\n", daysText(mc.Year))
	p.Printf("ceasefire). \"Enter into effect\" and \"triggered\" are the clause reaching `%s`.\n\n", agreement.StateInEffect)

	var tab [][]string
	for _, row := range rows {
		est, iv := "no such clause", "-"
		if row.Has {
			lo, hi := row.P.ClopperPearson(mcLevel)
			est, iv = percent(row.P.Estimate()), "["+percent(lo)+", "+percent(hi)+"]"
		}
		tab = append(tab, []string{markup.Markdown(row.Version), markup.Markdown(row.Question), est, iv,
			strconv.FormatInt(row.P.Trials, 10)})
	}
	p.Table([]string{"version", "question", "estimate", "95% interval", "n"}, tab)
	p.Printf("\nIntervals are exact binomial (Clopper-Pearson) intervals of the Monte Carlo estimate under the\n")
	p.Printf("model: they leave out the uncertainty of the fitted hazard and of the assumptions.\n")

	// What the common random numbers show.
	pa, err := r.FromMeeting.Paired(r.guarantee(), agreement.StateInEffect, mc.Within)
	if err != nil {
		return err
	}
	lo, hi := pa.Interval(mcLevel)
	p.Printf("\nPaired over the same runs, (a) final minus draft: %s, 95%% interval [%s, %s]; runs in which only\n",
		percentFine(pa.Difference()), percentFine(lo), percentFine(hi))
	p.Printf("the draft's guarantees were in effect: %d, only the final's: %d.", pa.OnlyA, pa.OnlyB)
	same, err := r.sameGuarantees()
	if err != nil {
		return err
	}
	p.Printf("\n")
	if same {
		p.Printf("Each of the %d guarantees has the same counts at every instant estimated, in both versions (they\n",
			len(r.Guarantees))
		p.Printf("wait only for the ceasefire); the table reads the first, %s. The guarantees:\n", r.guarantee())
	} else {
		p.Printf("The guarantees' counts differ from one another; the table reads the first, %s. The guarantees:\n",
			r.guarantee())
	}
	p.Printf("%s.\n", join(r.Guarantees, ", "))
	if !r.FinalHasBackstop {
		p.Printf("The final communiqué has no %s: the same attacks come in its runs, with nothing to trigger.\n",
			r.Backstop)
	}

	p.Printf("\nSurvival curves (Kaplan-Meier, from the runs from the meeting; censored at %s): the share of runs\n",
		daysText(mc.Horizon))
	p.Printf("in which the clause has not yet reached `%s`, by days since the meeting.\n\n", agreement.StateInEffect)
	var cols [][]string
	head := []string{"curve"}
	for _, d := range []float64{inDays(mc.Within), inDays(mc.Year), inDays(mc.Horizon)} {
		head = append(head, "S("+strconv.FormatFloat(d, 'f', -1, 64)+" days)")
	}
	head = append(head, "median (days)")
	for _, c := range r.Curves {
		row := []string{markup.Markdown(c.Name)}
		for _, d := range []float64{inDays(mc.Within), inDays(mc.Year), inDays(mc.Horizon)} {
			row = append(row, percent(c.Curve.Survival(d)))
		}
		med := "not reached"
		if t, ok := c.Curve.Median(); ok {
			med = strconv.FormatFloat(t, 'f', 1, 64)
		}
		row = append(row, med)
		cols = append(cols, row)
	}
	p.Table(head, cols)
	p.Printf("\n```mermaid\n")
	if err := p.Err(); err != nil {
		return err
	}
	if err := r.WriteMermaid(w); err != nil {
		return err
	}
	p.Printf("```\n")
	return p.Err()
}

// sameGuarantees reports whether every guarantee has the same counts as
// the first at every instant, in both versions.
func (r *MonteCarloResult) sameGuarantees() (bool, error) {
	for _, s := range []*montecarlo.Summary{r.FromMeeting.A, r.FromMeeting.B} {
		for _, at := range s.At() {
			want, err := s.Reached(r.guarantee(), agreement.StateInEffect, at)
			if err != nil {
				return false, err
			}
			for _, g := range r.Guarantees[1:] {
				got, err := s.Reached(g, agreement.StateInEffect, at)
				if err != nil {
					return false, err
				}
				if got != want {
					return false, nil
				}
			}
		}
	}
	return true, nil
}

// chartDays are the x-axis points of the chart, every 30 days.
func (r *MonteCarloResult) chartDays() []float64 {
	var ds []float64
	for d := 0.0; d <= inDays(r.Settings.Horizon); d += 30 {
		ds = append(ds, d)
	}
	return ds
}

// WriteMermaid writes a Mermaid xychart-beta line chart of the survival
// curves, one line per curve in the order of r.Curves (the title names
// them in that order).
func (r *MonteCarloResult) WriteMermaid(w io.Writer) error {
	p := markup.NewWriter(w)
	names := make([]string, len(r.Curves))
	for i, c := range r.Curves {
		names[i] = c.Name
	}
	p.Line("xychart-beta")
	p.Line(`  title "Runs not yet in effect, by days since the meeting - lines in order: ` +
		markup.Mermaid(strings.Join(names, ", ")) + `"`)
	ds := r.chartDays()
	xs := make([]string, len(ds))
	for i, d := range ds {
		xs[i] = strconv.FormatFloat(d, 'f', -1, 64)
	}
	p.Line(`  x-axis "days since the meeting" [` + strings.Join(xs, ", ") + `]`)
	p.Line(`  y-axis "S(t)" 0 --> 1`)
	for _, c := range r.Curves {
		ys := make([]string, len(ds))
		for i, d := range ds {
			ys[i] = strconv.FormatFloat(c.Curve.Survival(d), 'f', 3, 64)
		}
		p.Line("  line [" + strings.Join(ys, ", ") + "]")
	}
	return p.Err()
}

// hazardRows are the rows of the table of a calibration's hazard.
func hazardRows(c montecarlo.Calibration) [][]string {
	var rows [][]string
	from := "0"
	for i, v := range c.Delay.PerDay {
		to := "..."
		if i < len(c.Delay.Cuts) {
			to = strconv.FormatFloat(inDays(c.Delay.Cuts[i]), 'f', -1, 64)
		}
		rows = append(rows, []string{from + " to " + to, strconv.FormatFloat(v, 'g', 4, 64),
			strconv.FormatFloat(c.StdErrs[i], 'g', 2, 64)})
		from = to
	}
	return rows
}

// percent writes a probability as a percentage with one decimal.
func percent(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// percentFine writes a proportion as a percentage to two decimals, for
// differences whose interval may be narrower than a tenth of a percent.
func percentFine(x float64) string { return strconv.FormatFloat(100*x, 'f', 2, 64) + "%" }

// perDayText writes a rate per day.
func perDayText(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

// daysText writes a duration in days.
func daysText(d time.Duration) string {
	return strconv.FormatFloat(inDays(d), 'f', -1, 64) + " days"
}

// withCommas writes n with commas between groups of three digits.
func withCommas(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b []string
	for len(s) > 3 {
		b = append([]string{s[len(s)-3:]}, b...)
		s = s[:len(s)-3]
	}
	return strings.Join(append([]string{s}, b...), ",")
}
