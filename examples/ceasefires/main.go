// Command ceasefires estimates how long the ceasefires of the ETH/PRIO Civil
// Conflict Ceasefire dataset lasted, and replays those linked to a PA-X
// agreement.
//
// Usage:
//
//	go run ./examples/ceasefires [-ceasefires ceasefires.csv] [-pax pax_all_agreements_v10.csv] [-mermaid chart.mmd] [-each]
//
// It prints, in Markdown: Kaplan-Meier estimates of ceasefire duration
// (survival at 30, 90 and 365 days with 95% log-log bands, the median, the
// numbers at risk), overall and split by the written code, the DDR code, the
// enforcement code, the stage of the linked PA-X agreement and, from PA-X's
// provision-level file, whether the linked agreement addresses disarmament,
// demobilisation and reintegration (PA-X code SsrDdr) and at which level it
// addresses the ceasefire (code Ce), with a log-rank test for each split; how many ceasefires link to PA-X agreements;
// and, for each linked ceasefire, how the ceasefire clause of an agreement
// built from its PA-X record ends when the ceasefire's real dates are
// replayed with package scenario. Those clause endings are counted against
// the Kaplan-Meier events and censorings of the same ceasefires; -each also
// lists every replayed ceasefire with its clause's state. A Mermaid
// line chart of the survival curves ends the report; -mermaid also writes it
// alone to a file.
//
// A duration runs from the ceasefire's effect date (its declaration when no
// effect date is recorded) to its recorded end: the dataset's codebook is not
// published with it, and the data do not say which ends are breakdowns.
// Package ceasefire states every rule applied to the data.
//
// The -pax file may be either PA-X layout (package pax tells them apart by
// the header): the provision-level file, which the provision splits need, or
// the agreement-level export, with which every linked ceasefire falls in
// those splits' group of records without provision levels.
//
// The ceasefire file defaults to the path $PEACEKIT_CEASEFIRES_CSV names,
// and, when it is unset, to shared/data/ceasefires.csv in the parent
// directory of the module root (the directory holding go.mod, found from the
// working directory up). The PA-X file defaults to the first of: the path
// $PEACEKIT_PAX_PROVISIONS_CSV names; shared/data/pax_all_agreements_v10.csv
// in the module root's parent, if it exists; the path $PEACEKIT_PAX_CSV
// names; shared/data/pax.csv there, if it exists. A variable that is set is
// used whether or not its file exists, so that a wrong setting is an error.
// The exit status is 1 when a file cannot be read or has bad rows, 2 on
// wrong usage, which includes finding no file to read when none is named.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/ceasefire"
	"github.com/peacekit/peacekit/agreement/markup"
	"github.com/peacekit/peacekit/agreement/pax"
	"github.com/peacekit/peacekit/agreement/survival"
	"github.com/peacekit/peacekit/scenario"
)

// The variables naming the default files.
const (
	envCeasefires = "PEACEKIT_CEASEFIRES_CSV"
	envProvisions = "PEACEKIT_PAX_PROVISIONS_CSV"
	envPAX        = "PEACEKIT_PAX_CSV"
)

// The default files' names under shared/data.
const (
	nameCeasefires = "ceasefires.csv"
	nameProvisions = "pax_all_agreements_v10.csv"
	namePAX        = "pax.csv"
)

// level is the confidence level of the bands.
const level = 0.95

// horizons are the durations, in days, at which the table reads the curves.
var horizons = []float64{30, 90, 365}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("ceasefires", flag.ContinueOnError)
	flags.SetOutput(stderr)
	cfPath := flags.String("ceasefires", "", "the ETH/PRIO ceasefire CSV (default $"+envCeasefires+
		", then shared/data/"+nameCeasefires+" in the module root's parent)")
	paxPath := flags.String("pax", "", "the PA-X CSV, provision-level or agreement-level (default $"+envProvisions+
		", then shared/data/"+nameProvisions+" in the module root's parent, then $"+envPAX+
		", then shared/data/"+namePAX+" there)")
	mmdPath := flags.String("mermaid", "", "also write the survival chart, alone, to this file")
	each := flags.Bool("each", false, "list every replayed ceasefire with its clause's state")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintln(stderr, "ceasefires: no arguments expected; name the files with -ceasefires and -pax")
		flags.Usage()
		return 2
	}
	if *cfPath == "" {
		var ok bool
		if *cfPath, ok = defaultPath(envCeasefires, nameCeasefires); !ok {
			fmt.Fprintf(stderr, "ceasefires: no %s: $%s is unset and shared/data/%s is not in the module root's parent\n",
				nameCeasefires, envCeasefires, nameCeasefires)
			flags.Usage()
			return 2
		}
	}
	if *paxPath == "" {
		var ok bool
		if *paxPath, ok = defaultPAXPath(); !ok {
			fmt.Fprintf(stderr, "ceasefires: no PA-X file: $%s and $%s are unset and neither shared/data/%s nor "+
				"shared/data/%s is in the module root's parent\n", envProvisions, envPAX, nameProvisions, namePAX)
			flags.Usage()
			return 2
		}
	}
	d, err := load(*cfPath, *paxPath)
	if err != nil {
		fmt.Fprintln(stderr, "ceasefires:", err)
		return 1
	}
	rep, err := analyse(d)
	if err != nil {
		fmt.Fprintln(stderr, "ceasefires:", err)
		return 1
	}
	var chart bytes.Buffer
	writeChart(&chart, rep)
	if *mmdPath != "" {
		if err := os.WriteFile(*mmdPath, chart.Bytes(), 0o644); err != nil {
			fmt.Fprintln(stderr, "ceasefires:", err)
			return 1
		}
	}
	if err := writeReport(stdout, rep, chart.String(), *each); err != nil {
		fmt.Fprintln(stderr, "ceasefires:", err)
		return 1
	}
	return 0
}

// defaultPath returns $env when set (whether or not the file exists, so that
// a wrong setting is an error), else shared/data/name in the parent
// directory of the module root when that file exists.
func defaultPath(env, name string) (string, bool) {
	if p := os.Getenv(env); p != "" {
		return p, true
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "data", name)
	if _, err := os.Stat(p); err != nil {
		return "", false
	}
	return p, true
}

// defaultPAXPath returns the default PA-X file: the provision-level file
// ($PEACEKIT_PAX_PROVISIONS_CSV, then shared/data/pax_all_agreements_v10.csv),
// else the agreement-level export ($PEACEKIT_PAX_CSV, then
// shared/data/pax.csv), each by the rule of defaultPath.
func defaultPAXPath() (string, bool) {
	if p, ok := defaultPath(envProvisions, nameProvisions); ok {
		return p, true
	}
	return defaultPath(envPAX, namePAX)
}

// data is what the program reads.
type data struct {
	rows       int
	ceasefires []ceasefire.Ceasefire
	pax        map[int]pax.Record
}

// load reads both files; any row error fails it, naming the file.
func load(cfPath, paxPath string) (*data, error) {
	d := &data{pax: map[int]pax.Record{}}
	f, err := os.Open(cfPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for c, err := range ceasefire.ReadCeasefires(f, ceasefire.StopOnError()) {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cfPath, err)
		}
		d.ceasefires = append(d.ceasefires, c)
		d.rows += len(c.Rows)
	}
	g, err := os.Open(paxPath)
	if err != nil {
		return nil, err
	}
	defer g.Close()
	for rec, err := range pax.Read(g, pax.StopOnError()) {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", paxPath, err)
		}
		d.pax[rec.AgtID] = rec
	}
	return d, nil
}

// The PA-X provision codes the report splits by.
const (
	codeDDR pax.Code = "SsrDdr"
	codeCe  pax.Code = "Ce"
)

// levelsNote says what a provision level means, as PA-X codes it.
const levelsNote = "PA-X's provision-level file codes each provision of an agreement 0 (not addressed) or 1 to 3 " +
	"(increasingly substantive)"

// codeNote describes a PA-X code by the labels package pax gives it and its
// parent: "PA-X code SsrDdr (disarmament, demobilisation, reintegration;
// under Ssr, security sector)". A label pax does not have is left out.
func codeNote(c pax.Code) string {
	var parts []string
	if l := pax.Label(c); l != string(c) {
		parts = append(parts, l)
	}
	if p := pax.Parent(c); p != "" {
		under := "under " + string(p)
		if l := pax.Label(p); l != string(p) {
			under += ", " + l
		}
		parts = append(parts, under)
	}
	if len(parts) == 0 {
		return "PA-X code " + string(c)
	}
	return "PA-X code " + string(c) + " (" + strings.Join(parts, "; ") + ")"
}

// The groups of the PA-X splits for a ceasefire whose PA-X record says
// nothing.
const (
	groupNoLink    = "no PA-X link"
	groupNotInFile = "PA-X id not in the PA-X file"
	groupNoLevels  = "no provision levels (agreement-level file)"
)

// paxGroup returns the group of ceasefire c in a split by its linked PA-X
// record (the record of its first pax_id): name(record), or groupNoLink or
// groupNotInFile.
func (d *data) paxGroup(c ceasefire.Ceasefire, name func(pax.Record) string) string {
	if len(c.PAXIDs) == 0 {
		return groupNoLink
	}
	rec, ok := d.pax[c.PAXIDs[0]]
	if !ok {
		return groupNotInFile
	}
	return name(rec)
}

// provisionGroup is paxGroup for a split by provision levels: a record read
// from the agreement-level file, which has none, is in groupNoLevels.
func (d *data) provisionGroup(c ceasefire.Ceasefire, name func(pax.Record) string) string {
	return d.paxGroup(c, func(rec pax.Record) string {
		if rec.Layout != pax.LayoutProvision {
			return groupNoLevels
		}
		return name(rec)
	})
}

// group is one row of a survival table.
type group struct {
	name  string
	curve *survival.Curve
}

// split is a covariate's groups and their log-rank test.
type split struct {
	title   string
	note    string
	groups  []group
	logRank *survival.LogRankResult // nil when the test cannot be made
	// levelsOnly: the log-rank test compares only the groups of linked
	// agreements with provision levels.
	levelsOnly bool
}

// replayed is a linked ceasefire replayed over its agreement.
type replayed struct {
	c      ceasefire.Ceasefire
	rec    pax.Record
	state  agreement.State // the clause's state at the end of coverage
	since  time.Time       // since when
	obs    survival.Observation
	hasObs bool
}

// report is everything the program prints.
type report struct {
	d          *data
	status     map[ceasefire.Status]int
	overall    *survival.Curve
	splits     []split
	linked     int   // ceasefires linking to PA-X
	linkedIDs  int   // distinct PA-X ids linked
	unresolved []int // PA-X ids not in the PA-X file
	replays    []replayed
	// The clause endings of the replays with an observation, and the
	// Kaplan-Meier counts of the same ceasefires.
	clauseEnded, clauseInForce, clauseOther int
	kmEvents, kmCensored                    int
	chartGroups                             []group
}

// analyse estimates the curves and replays the linked ceasefires.
func analyse(d *data) (*report, error) {
	r := &report{d: d, status: map[ceasefire.Status]int{}}
	var obs []survival.Observation
	var cfs []ceasefire.Ceasefire
	for _, c := range d.ceasefires {
		r.status[c.Status]++
		if o, ok := c.Observation(); ok {
			obs = append(obs, o)
			cfs = append(cfs, c)
		}
	}
	var err error
	if r.overall, err = survival.KaplanMeier(obs); err != nil {
		return nil, err
	}
	code := func(f func(ceasefire.Ceasefire) int, prefix string) func(ceasefire.Ceasefire) string {
		return func(c ceasefire.Ceasefire) string { return prefix + strconv.Itoa(f(c)) }
	}
	stage := func(c ceasefire.Ceasefire) string {
		return d.paxGroup(c, func(rec pax.Record) string { return "PA-X stage " + string(rec.Stage) })
	}
	ddr := func(c ceasefire.Ceasefire) string {
		return d.provisionGroup(c, func(rec pax.Record) string {
			if rec.Provisions.Level(codeDDR) > 0 {
				return string(codeDDR) + " addressed (level 1-3)"
			}
			return string(codeDDR) + " not addressed (level 0)"
		})
	}
	ce := func(c ceasefire.Ceasefire) string {
		return d.provisionGroup(c, func(rec pax.Record) string {
			return string(codeCe) + " level " + strconv.Itoa(int(rec.Provisions.Level(codeCe)))
		})
	}
	for _, s := range []struct {
		title, note string
		name        func(ceasefire.Ceasefire) string
		levelsOnly  bool
	}{
		{"written", "raw code: 0, 1, 2, or -1 unknown; not a yes-or-no flag, and the data do not say what 1 and 2 each mean",
			code(func(c ceasefire.Ceasefire) int { return c.Written }, "written="), false},
		{"ddr", "provisions on disarmament, demobilisation and reintegration: 0 no, 1 yes, -1 unknown",
			code(func(c ceasefire.Ceasefire) int { return c.DDR }, "ddr="), false},
		{"enforcement", "raw code: 0 to 3, or -1 unknown",
			code(func(c ceasefire.Ceasefire) int { return c.Enforcement }, "enforcement="), false},
		{"PA-X stage", "the stage of the PA-X agreement the ceasefire links to (pax_id)", stage, false},
		{"PA-X provision " + string(codeDDR), "whether the PA-X agreement the ceasefire links to (pax_id) addresses " +
			codeNote(codeDDR) + " at any level (1 to 3) or not (0); " + levelsNote +
			". This is PA-X's coding of the agreement's text, not the ceasefire data's ddr code", ddr, true},
		{"PA-X provision " + string(codeCe) + " level", "the level at which the PA-X agreement the ceasefire links to " +
			"(pax_id) addresses " + codeNote(codeCe) + "; " + levelsNote, ce, true},
	} {
		names := make([]string, len(cfs))
		for i, c := range cfs {
			names[i] = s.name(c)
		}
		gs, err := survival.Split(obs, names)
		if err != nil {
			return nil, err
		}
		sp := split{title: s.title, note: s.note, levelsOnly: s.levelsOnly}
		var lr [][]survival.Observation
		for _, g := range gs {
			sp.groups = append(sp.groups, group{g.Name, g.Curve})
			if s.levelsOnly && (g.Name == groupNoLink || g.Name == groupNotInFile || g.Name == groupNoLevels) {
				continue
			}
			lr = append(lr, g.Obs)
		}
		if res, err := survival.LogRank(lr...); err == nil {
			sp.logRank = &res
		}
		r.splits = append(r.splits, sp)
	}
	r.chartGroups = append([]group{{"overall", r.overall}}, r.splits[0].groups...)

	linkedIDs := map[int]bool{}
	for _, c := range d.ceasefires {
		if len(c.PAXIDs) == 0 {
			continue
		}
		r.linked++
		for _, id := range c.PAXIDs {
			if !linkedIDs[id] {
				linkedIDs[id] = true
				if _, ok := d.pax[id]; !ok {
					r.unresolved = append(r.unresolved, id)
				}
			}
		}
		rec, ok := d.pax[c.PAXIDs[0]]
		if !ok {
			continue
		}
		rp, err := replay(c, rec)
		if err != nil {
			return nil, fmt.Errorf("ceasefire %d: %w", c.ID, err)
		}
		r.replays = append(r.replays, rp)
		if !rp.hasObs {
			continue
		}
		if rp.obs.Event {
			r.kmEvents++
		} else {
			r.kmCensored++
		}
		switch rp.state {
		case agreement.StateInEffect:
			r.clauseInForce++
		case agreement.StateFulfilled:
			r.clauseEnded++
		default:
			r.clauseOther++
		}
	}
	r.linkedIDs = len(linkedIDs)
	return r, nil
}

// holdClause is the id of the ceasefire clause added to each agreement.
const holdClause agreement.ClauseID = "hold-ceasefire"

// buildAgreement returns the agreement of a linked ceasefire: the PA-X
// record's agreement, with the ceasefire's actors as parties whose
// declarations are recorded as signatures at the ceasefire's first event
// (so that the agreement is in force from it), and a ceasefire clause: a standing
// prohibition of armed attacks by the actors (the obligation to hold the
// ceasefire), binding them jointly (one instance for all), in effect once the ceasefire is in force
// and expiring when it ends.
func buildAgreement(c ceasefire.Ceasefire, rec pax.Record) agreement.Agreement {
	a := rec.Agreement()
	first := firstInstant(c)
	actors := c.Actors()
	for _, id := range actors {
		name := ""
		for _, row := range c.Rows {
			if ceasefire.Actor(row) == id {
				name = row.ActorName
				break
			}
		}
		a.Parties = append(a.Parties, agreement.Party{ID: id, Name: name})
		a.Signatures = append(a.Signatures, agreement.Signature{Party: id, Date: first})
	}
	a.Clauses = append(a.Clauses, agreement.Clause{
		ID:       holdClause,
		Text:     "The parties shall hold the ceasefire.",
		Kind:     agreement.DeonticProhibition,
		Category: agreement.CategoryCe,
		Debtors:  actors,
		Joint:    len(actors) > 1,
		Standing: true,
		Action:   &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: agreement.Debtor},
		Trigger:  agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}),
		Expiry:   agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: ceasefire.EventKindCeasefireEnded})},
	})
	return a
}

// firstInstant returns the instant of the ceasefire's first event: its
// declaration, or its start when the data put the effect date first.
func firstInstant(c ceasefire.Ceasefire) time.Time {
	if c.Start.Before(c.Declared) {
		return c.Start
	}
	return c.Declared
}

// replay replays the ceasefire's events over its agreement to the end of
// coverage and returns the clause's state then.
func replay(c ceasefire.Ceasefire, rec pax.Record) (replayed, error) {
	rp := replayed{c: c, rec: rec}
	rp.obs, rp.hasObs = c.Observation()
	a := buildAgreement(c, rec)
	if err := a.Validate(); err != nil {
		return rp, err
	}
	e, err := scenario.Compile(a)
	if err != nil {
		return rp, err
	}
	first := firstInstant(c)
	tl := scenario.NewTimeline(first, c.Events()...)
	if err := tl.Validate(e); err != nil {
		return rp, err
	}
	end := ceasefire.CoverageEnd
	if end.Before(first) {
		end = first
	}
	tr, err := e.Replay(tl, end)
	if err != nil {
		return rp, err
	}
	inst, ok := e.Instance(agreement.QualifiedRef(a.ID, holdClause), "")
	if !ok {
		return rp, errors.New("no instance of the ceasefire clause")
	}
	rp.state, rp.since, err = tr.StateSince(inst, end)
	return rp, err
}

// pct formats a survival probability.
func pct(s float64) string { return strconv.FormatFloat(s, 'f', 3, 64) }

// writeReport writes the Markdown report.
func writeReport(w io.Writer, r *report, chart string, each bool) error {
	p := markup.NewWriter(w)
	d := r.d
	p.Line("# How long ceasefires last")
	p.Line("")
	p.Printf("ETH/PRIO Civil Conflict Ceasefire dataset: %d actor rows, %d ceasefires. %d ended (a recorded end date), "+
		"%d still in force at the end of coverage (%s, right-censored), %d with an end the data code but do not date "+
		"(left out). Durations run from the ceasefire's effect date (its declaration when none is recorded) to its "+
		"recorded end, in days: the time to the recorded end, not to a breakdown, since the data do not say which "+
		"ends are breakdowns.\n",
		d.rows, len(d.ceasefires), r.status[ceasefire.StatusEnded], r.status[ceasefire.StatusCensored],
		ceasefire.CoverageEnd.Format(time.DateOnly), r.status[ceasefire.StatusEndUndated])
	p.Line("")
	p.Printf("Kaplan-Meier estimates; bands are pointwise %d%% log-log intervals (Greenwood variance); the median is "+
		"the first duration at which S <= 0.5; \"at risk\" counts the ceasefires lasting at least that many days.\n",
		int(level*100))
	p.Line("")
	p.Line("## Overall")
	p.Line("")
	writeTable(p, []group{{"all ceasefires", r.overall}})
	for _, s := range r.splits {
		p.Line("")
		p.Line("## By " + s.title)
		p.Line("")
		p.Line(markup.Markdown(strings.ToUpper(s.note[:1])+s.note[1:]) + ".")
		p.Line("")
		writeTable(p, s.groups)
		p.Line("")
		over := ""
		if s.levelsOnly {
			over = ", over the groups of linked agreements with provision levels only"
		}
		if s.logRank != nil {
			p.Printf("Log-rank test"+over+": chi-square %.2f on %d degrees of freedom, p = %.3g.\n", s.logRank.ChiSquare,
				s.logRank.DF, s.logRank.P)
		} else {
			p.Line("Log-rank test" + over + ": not defined for these groups.")
		}
	}
	p.Line("")
	p.Line("## Links to PA-X")
	p.Line("")
	p.Printf("%d of %d ceasefires link to a PA-X agreement (%d distinct agreements); ", r.linked, len(d.ceasefires), r.linkedIDs)
	if len(r.unresolved) == 0 {
		p.Line("every linked agreement is in the PA-X file.")
	} else {
		ids := make([]string, len(r.unresolved))
		for i, id := range r.unresolved {
			ids[i] = strconv.Itoa(id)
		}
		p.Printf("%d linked id(s) are not in the PA-X file: %s.\n", len(r.unresolved), strings.Join(ids, ", "))
	}
	p.Line("")
	p.Line("## Replays of the linked ceasefires")
	p.Line("")
	p.Printf("Each linked ceasefire whose agreement is in the PA-X file (%d) is replayed over the agreement of its "+
		"PA-X record (from a provision-level record, with a stub clause per provision the agreement addresses: a "+
		"permission of its parties taken together, with no action, which binds no one), with the ceasefire's actors "+
		"as parties and a ceasefire clause added: a standing prohibition of armed attacks "+
		"by the actors, jointly, in effect from the ceasefire's in-force event and expiring at its recorded end. The "+
		"timeline is the ceasefire's real dates (declared, in force, ended, for the ceasefire and per actor); the clause "+
		"is read at %s.\n", len(r.replays), ceasefire.CoverageEnd.Format(time.DateOnly))
	p.Line("")
	p.Table([]string{"clause at the end of coverage", "ceasefires", "Kaplan-Meier, same ceasefires", ""}, [][]string{
		{"expired at the recorded end (fulfilled)", strconv.Itoa(r.clauseEnded), "events", strconv.Itoa(r.kmEvents)},
		{"still in effect", strconv.Itoa(r.clauseInForce), "censored", strconv.Itoa(r.kmCensored)},
		{"other", strconv.Itoa(r.clauseOther), "", ""},
	})
	p.Line("")
	agree := r.clauseEnded == r.kmEvents && r.clauseInForce == r.kmCensored && r.clauseOther == 0
	if agree {
		p.Line("The clause endings equal the Kaplan-Meier events and censorings of the same ceasefires.")
	} else {
		p.Line("The clause endings DIFFER from the Kaplan-Meier events and censorings of the same ceasefires.")
	}
	p.Line("")
	if each {
		rows := [][]string{}
		for _, rp := range r.replays {
			end := "censored"
			switch {
			case rp.c.Status == ceasefire.StatusEnded:
				end = rp.c.End.Format(time.DateOnly)
			case !rp.hasObs:
				end = "undated (left out)"
			}
			rows = append(rows, []string{strconv.Itoa(rp.c.ID), markup.Markdown(rp.c.Location), string(rp.rec.ID()),
				string(rp.rec.Stage), rp.c.Start.Format(time.DateOnly), end, strconv.Itoa(rp.c.Duration),
				rp.state.String() + " since " + rp.since.Format(time.DateOnly)})
		}
		p.Table([]string{"ceasefire", "location", "agreement", "stage", "start", "end", "days", "clause"}, rows)
		p.Line("")
	}
	p.Line("## Survival curves")
	p.Line("")
	p.Printf("S(t) at 0 to 720 days, lines in this order: %s. S(0) is below 1 where ceasefires end the day "+
		"they start.\n", chartLegend(r))
	p.Line("")
	p.Line("```mermaid")
	p.Printf("%s", chart)
	p.Line("```")
	p.Line("")
	p.Line("Data: Clayton, G., Nygård, H. M., Strand, H., Rustad, S. A., Wiehler, C., Sagård, T., Landsverk, P., " +
		"Ryland, R., Sticher, V., Wink, E. and Bara, C. (2022) \"Introducing the ETH/PRIO Civil Conflict Ceasefire " +
		"Dataset\", Journal of Conflict Resolution, doi:10.1177/00220027221129195; Bell, C. and Badanjak, S. (2019) " +
		"\"Introducing PA-X: A new peace agreement database and dataset\", Journal of Peace Research 56(3).")
	if !agree {
		return errors.New("the clause endings differ from the Kaplan-Meier counts")
	}
	return p.Err()
}

// writeTable writes a survival table of groups.
func writeTable(p *markup.Writer, gs []group) {
	header := []string{"group", "n", "ended", "censored"}
	for _, h := range horizons {
		header = append(header, fmt.Sprintf("S(%v) [95%% band]", h))
	}
	header = append(header, "median (days)")
	for _, h := range horizons {
		header = append(header, fmt.Sprintf("at risk at %v", h))
	}
	var rows [][]string
	for _, g := range gs {
		c := g.curve
		row := []string{markup.Markdown(g.name), strconv.Itoa(c.N()), strconv.Itoa(c.Events()), strconv.Itoa(c.Censored())}
		for _, h := range horizons {
			lo, hi := c.Band(h, level)
			row = append(row, pct(c.Survival(h))+" ["+pct(lo)+", "+pct(hi)+"]")
		}
		if m, ok := c.Median(); ok {
			row = append(row, strconv.FormatFloat(m, 'f', -1, 64))
		} else {
			row = append(row, "not reached")
		}
		for _, h := range horizons {
			row = append(row, strconv.Itoa(c.AtRisk(h)))
		}
		rows = append(rows, row)
	}
	p.Table(header, rows)
}

// chartDays are the x-axis points of the chart.
var chartDays = func() []float64 {
	var ds []float64
	for d := 0.0; d <= 720; d += 30 {
		ds = append(ds, d)
	}
	return ds
}()

func chartLegend(r *report) string {
	names := make([]string, len(r.chartGroups))
	for i, g := range r.chartGroups {
		names[i] = g.name
	}
	return strings.Join(names, ", ")
}

// writeChart writes a Mermaid xychart-beta line chart of the curves of the
// chart groups.
func writeChart(w io.Writer, r *report) {
	p := markup.NewWriter(w)
	p.Line("xychart-beta")
	p.Line(`  title "Ceasefire survival: ` + markup.Mermaid(chartLegend(r)) + `"`)
	xs := make([]string, len(chartDays))
	for i, d := range chartDays {
		xs[i] = strconv.FormatFloat(d, 'f', -1, 64)
	}
	p.Line(`  x-axis "days" [` + strings.Join(xs, ", ") + `]`)
	p.Line(`  y-axis "S(t)" 0 --> 1`)
	for _, g := range r.chartGroups {
		ys := make([]string, len(chartDays))
		for i, d := range chartDays {
			ys[i] = pct(g.curve.Survival(d))
		}
		p.Line("  line [" + strings.Join(ys, ", ") + "]")
	}
}
