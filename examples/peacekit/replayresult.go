package main

import (
	"cmp"
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// input is the decoded AGREEMENT.json: always a process; Single says
// whether the document held one agreement rather than a process.
type input struct {
	Process agreement.Process
	Single  bool
}

// result is a replay and the answers computed from it; the writers only
// lay them out.
type result struct {
	In       input
	Timeline string // the timeline's file name
	Trace    *scenario.Trace
	// States are the state of every agreement, then of every clause
	// instance, at the end, with the instant it was entered.
	States []stateAt
	// Bound are the clause instances in effect at the end.
	Bound   []stateAt
	Fluents []fluentValue
	// Territories are the territories of the agreements that have one, at
	// the end.
	Territories []territoryAt
	Rejections  []scenario.Rejection
}

// stateAt is an instance's state at the end of the replay.
type stateAt = scenario.Standing

// fluentValue is whether a fluent holds at the end.
type fluentValue struct {
	Agreement agreement.AgreementID
	Fluent    agreement.FluentID
	Holds     bool
}

// territoryAt is an agreement's territory at the end, with its figures.
type territoryAt struct {
	Agreement   agreement.AgreementID
	Territory   agreement.Territory
	Control     []agreement.Figure
	Sovereignty []agreement.Figure
}

// endError is a problem with the -end flag given on the command line,
// rather than with a file.
type endError struct{ msg string }

func (e *endError) Error() string { return "-end: " + e.msg }

// simulate replays tl (named name) over in up to end (zero: the default
// end) and computes the answers. An end given before the timeline's start
// or one of its events is an *endError; a process the engine refuses a
// *compileError.
func simulate(in input, name string, tl scenario.Timeline, end time.Time) (*result, error) {
	e, err := scenario.CompileProcess(in.Process)
	if err != nil {
		return nil, &compileError{err}
	}
	if err := tl.Validate(e); err != nil {
		return nil, err
	}
	if end.IsZero() {
		end = defaultEnd(tl)
	} else if err := checkEnd(tl, name, end); err != nil {
		return nil, err
	}
	tr, err := e.Replay(tl, end)
	if err != nil {
		return nil, err
	}
	res := &result{In: in, Timeline: name, Trace: tr, Rejections: tr.Rejections()}
	end = tr.End()

	if res.States, err = tr.Standings(end); err != nil {
		return nil, err
	}
	for _, s := range res.States {
		if s.Bound() {
			res.Bound = append(res.Bound, s)
		}
	}
	for _, a := range in.Process.Agreements {
		for _, f := range a.Fluents {
			h, err := tr.FluentHolds(a.ID, f.ID, end)
			if err != nil {
				return nil, err
			}
			res.Fluents = append(res.Fluents, fluentValue{Agreement: a.ID, Fluent: f.ID, Holds: h})
		}
		if a.Territory.IsZero() {
			continue
		}
		t, err := tr.Territory(a.ID, end)
		if err != nil {
			return nil, err
		}
		ta := territoryAt{Agreement: a.ID, Territory: t}
		if ta.Control, err = t.ControlBreakdown(); err != nil {
			return nil, err
		}
		if ta.Sovereignty, err = t.SovereigntyBreakdown(); err != nil {
			return nil, err
		}
		res.Territories = append(res.Territories, ta)
	}
	return res, nil
}

// checkEnd reports an end given with -end before the start of tl (named
// name) or before its last event as an *endError naming both instants.
func checkEnd(tl scenario.Timeline, name string, end time.Time) error {
	if end.Before(tl.Start()) {
		return &endError{fmt.Sprintf("%s is before the start of %s, %s",
			formatInstant(end), name, formatInstant(tl.Start()))}
	}
	if n := tl.Len(); n > 0 {
		if last := tl.Event(n - 1).At; end.Before(last) {
			return &endError{fmt.Sprintf("%s is before the last event of %s, at %s: events after the end are not replayed",
				formatInstant(end), name, formatInstant(last))}
		}
	}
	return nil
}

// defaultEnd is the end of a replay when -end is not given: one day after
// the last event, or after the start when there is none, but no later than
// the last instant the library represents.
func defaultEnd(tl scenario.Timeline) time.Time {
	last := tl.Start()
	if n := tl.Len(); n > 0 {
		last = tl.Event(n - 1).At
	}
	if _, max := agreement.InstantRange(); last.After(max.Add(-agreement.Day)) {
		return max
	}
	return last.Add(agreement.Day)
}

// title names what was replayed: the agreement, or the process and its
// instruments.
func (r *result) title() string {
	p := r.In.Process
	if r.In.Single {
		a := p.Agreements[0]
		return fmt.Sprintf("agreement %s (%s)", a.ID, cmp.Or(a.Title, "untitled"))
	}
	return fmt.Sprintf("process %s (%d instruments)", cmp.Or(p.Title, "untitled"), len(p.Agreements))
}
