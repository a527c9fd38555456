package main

import (
	"fmt"
	"slices"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
	"github.com/peacekit/peacekit/scenario"
)

// Report is what the program computes from a [Model]: every field is an
// answer of package agreement, coalition, scenario or negotiation; [Report.WriteText]
// only lays them out.
type Report struct {
	Model Model
	// Processes are the versions' processes, in the order of Model.Versions.
	Processes []agreement.Process
	// Changes are the differences between the first version (the draft)
	// and the last (the final), instrument by instrument, as
	// revision.Diff finds them; instruments without changes are left out.
	Changes []InstrumentChanges
	// Collisions are, per version, the commitments whose performance a red
	// line opposes.
	Collisions [][]Collision
	// Baseline is the territory before any deal; Packages what each
	// territorial package makes of it.
	Baseline  TerritoryFigures
	Packages  []PackageResult
	Scenarios []ScenarioResult
	// Bargain is which packages every party could accept.
	Bargain BargainResult
}

// InstrumentChanges are the changes revision.Diff finds between the
// first version's instrument and the last version's.
type InstrumentChanges struct {
	Agreement agreement.AgreementID
	Changes   revision.Changes
}

// Collision is a commitment whose performance would be an event a red line
// opposes: the action of clause Agreement/Clause performed by Performer.
type Collision struct {
	RedLine   RedLine
	Agreement agreement.AgreementID
	Clause    agreement.ClauseID
	Performer agreement.PartyID
}

// TerritoryFigures are the area-weighted figures of a territory, as package
// agreement computes them.
type TerritoryFigures struct {
	Territory agreement.Territory
	// Control and Sovereignty are each party's holding of the whole
	// territory, in the order the parties first appear.
	Control, Sovereignty []agreement.Figure
	// Demands are, per demand of the model, the holder's control and
	// sovereignty of the demanded areas, and whether the demand is met.
	Demands []DemandResult
}

// DemandResult says how much of a demand's areas its holder keeps.
type DemandResult struct {
	Demand               Demand
	Control, Sovereignty agreement.Figure
	Met                  bool
}

// PackageResult is a territorial package applied to the territory.
type PackageResult struct {
	Package agreement.Package
	Figures TerritoryFigures
	// Implied are the ids of the clauses the options imply.
	Implied []agreement.ClauseID
	// Pending are, per area, the questions left pending.
	Pending []AreaPending
}

// AreaPending is an area with a question still pending.
type AreaPending struct {
	Area    agreement.AreaID
	Pending []agreement.Arrangement
}

// ScenarioResult is one scenario replayed over every version.
type ScenarioResult struct {
	Scenario Scenario
	Runs     []RunResult // in the order of Model.Versions
}

// RunResult is one replay: a scenario over one version's process.
type RunResult struct {
	Version string
	Trace   *scenario.Trace
	// States are the state at the end of every agreement, then of every
	// clause instance, with the instant it was entered.
	States []StateAt
	// Bound are the clause instances in effect at the end: who is bound,
	// to whom, since when.
	Bound []StateAt
	// Fluents are the values of every fluent of every agreement at the end.
	Fluents []FluentValue
	// Crossings are the events of the replay that a red line opposes.
	Crossings []Crossing
	// Territory is the territorial instrument's territory at the end.
	Territory TerritoryFigures
	// Rejections are the events that could not change the territory.
	Rejections []scenario.Rejection
}

// StateAt is an instance's state at the end of a replay.
type StateAt = scenario.Standing

// FluentValue is whether a fluent holds at the end of a replay.
type FluentValue struct {
	Agreement agreement.AgreementID
	Fluent    agreement.FluentID
	Holds     bool
}

// Crossing is an event of a replay that a red line opposes.
type Crossing struct {
	RedLine RedLine
	Event   int // index in the trace's events
}

// analyse computes the report of m.
func analyse(m Model) (*Report, error) {
	if len(m.Versions) == 0 {
		return nil, fmt.Errorf("no version to report on")
	}
	r := &Report{Model: m}
	for _, v := range m.Versions {
		p, err := m.process(v)
		if err != nil {
			return nil, err
		}
		r.Processes = append(r.Processes, p)
		r.Collisions = append(r.Collisions, m.collisions(p))
	}
	r.Changes = changes(r.Processes[0], r.Processes[len(r.Processes)-1])

	var err error
	if r.Baseline, err = m.figures(m.Territory.Territory); err != nil {
		return nil, err
	}
	for _, pkg := range m.Packages {
		s, err := pkg.Apply(m.Territory.Territory)
		if err != nil {
			return nil, fmt.Errorf("package %q: %w", pkg.Name, err)
		}
		res := PackageResult{Package: pkg}
		if res.Figures, err = m.figures(s.Territory); err != nil {
			return nil, err
		}
		for _, c := range s.Clauses {
			res.Implied = append(res.Implied, c.ID)
		}
		for _, a := range s.Territory.Areas {
			if p := a.Pending(); len(p) > 0 {
				res.Pending = append(res.Pending, AreaPending{Area: a.ID, Pending: p})
			}
		}
		r.Packages = append(r.Packages, res)
	}

	for _, sc := range m.Scenarios {
		res := ScenarioResult{Scenario: sc}
		for i, v := range m.Versions {
			run, err := m.replay(r.Processes[i], sc)
			if err != nil {
				return nil, fmt.Errorf("scenario %s, %s: %w", sc.Key, v.Name, err)
			}
			run.Version = v.Name
			res.Runs = append(res.Runs, run)
		}
		r.Scenarios = append(r.Scenarios, res)
	}
	if r.Bargain, err = m.bargain(); err != nil {
		return nil, err
	}
	return r, nil
}

// member returns the group membership the red lines are read with: the
// model's NATO group.
func (m Model) member(g agreement.GroupID, p agreement.PartyID) bool {
	return g == m.NATO.ID && slices.Contains(m.NATO.Members, p)
}

// collisions returns the commitments of p whose performance a red line of
// m opposes: for each clause with an action and each party that performs
// it (agreement.Performers: the action's actor, the members of the group
// it names, or the debtors, severally or jointly), the event that
// performs it (the action, with that party as actor) is matched against
// the red line's pattern.
func (m Model) collisions(p agreement.Process) []Collision {
	var out []Collision
	for _, a := range p.Agreements {
		for _, cl := range a.Clauses {
			if cl.Action == nil || cl.Kind == agreement.DeonticProhibition {
				continue
			}
			for _, by := range agreement.Performers(a, cl) {
				ev := agreement.Event{Kind: cl.Action.Kind, Actor: by, Target: cl.Action.Target,
					Area: cl.Action.Area, Clause: cl.Action.Clause}
				for _, rl := range m.RedLines {
					if rl.Opposes.Matches(ev, a.ID, m.member) {
						out = append(out, Collision{RedLine: rl, Agreement: a.ID, Clause: cl.ID, Performer: by})
					}
				}
			}
		}
	}
	return out
}

// changes compares two versions of a process instrument by instrument,
// with revision.Diff. An instrument only one version has is compared with
// the empty agreement.
func changes(draft, final agreement.Process) []InstrumentChanges {
	var out []InstrumentChanges
	for _, a := range draft.Agreements {
		b, _ := final.Agreement(a.ID)
		if cs := revision.Diff(a, b); len(cs) > 0 {
			out = append(out, InstrumentChanges{Agreement: a.ID, Changes: cs})
		}
	}
	for _, b := range final.Agreements {
		if _, ok := draft.Agreement(b.ID); !ok {
			out = append(out, InstrumentChanges{Agreement: b.ID, Changes: revision.Diff(agreement.Agreement{}, b)})
		}
	}
	return out
}

// figures computes the figures of territory t: every party's control and
// sovereignty, and how much of each demand's areas its holder keeps.
func (m Model) figures(t agreement.Territory) (TerritoryFigures, error) {
	f := TerritoryFigures{Territory: t}
	var err error
	if f.Control, err = t.ControlBreakdown(); err != nil {
		return f, err
	}
	if f.Sovereignty, err = t.SovereigntyBreakdown(); err != nil {
		return f, err
	}
	for _, d := range m.Demands {
		res := DemandResult{Demand: d}
		if res.Control, err = t.Controlled(d.Holder, d.Areas...); err != nil {
			return f, err
		}
		if res.Sovereignty, err = t.Sovereign(d.Holder, d.Areas...); err != nil {
			return f, err
		}
		res.Met = res.Control.Km2.IsZero() && res.Sovereignty.Km2.IsZero()
		f.Demands = append(f.Demands, res)
	}
	return f, nil
}

// replay runs scenario sc over process p from m.Start to m.End.
func (m Model) replay(p agreement.Process, sc Scenario) (RunResult, error) {
	e, err := scenario.CompileProcess(p)
	if err != nil {
		return RunResult{}, err
	}
	tr, err := e.Replay(scenario.NewTimeline(m.Start, sc.Events...), m.End)
	if err != nil {
		return RunResult{}, err
	}
	res := RunResult{Trace: tr, Rejections: tr.Rejections()}
	end := tr.End()

	if res.States, err = tr.Standings(end); err != nil {
		return RunResult{}, err
	}
	for _, s := range res.States {
		if s.Bound() {
			res.Bound = append(res.Bound, s)
		}
	}
	for _, a := range p.Agreements {
		for _, f := range a.Fluents {
			h, err := tr.FluentHolds(a.ID, f.ID, end)
			if err != nil {
				return RunResult{}, err
			}
			res.Fluents = append(res.Fluents, FluentValue{Agreement: a.ID, Fluent: f.ID, Holds: h})
		}
	}
	for i, ev := range tr.Events() {
		for _, rl := range m.RedLines {
			if rl.Opposes.Matches(ev, "", m.member) {
				res.Crossings = append(res.Crossings, Crossing{RedLine: rl, Event: i})
			}
		}
	}
	t, err := tr.Territory(m.Territory.ID, end)
	if err != nil {
		return RunResult{}, err
	}
	if res.Territory, err = m.figures(t); err != nil {
		return RunResult{}, err
	}
	return res, nil
}

// state returns the state of instance i at the end of run, and whether
// the run has it.
func (run RunResult) state(i scenario.Instance) (StateAt, bool) {
	k := slices.IndexFunc(run.States, func(s StateAt) bool { return s.Instance == i })
	if k < 0 {
		return StateAt{}, false
	}
	return run.States[k], true
}
