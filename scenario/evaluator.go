package scenario

import (
	"errors"
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Evaluator evaluates conditions over a history of events outside any
// replay: the work a rule engine does when it is handed the same
// conditions. It shares the engine's compiled form and evaluator, so its
// answers are the engine's. An Evaluator is immutable and safe for
// concurrent use; each goroutine needs its own [History]. Build one with
// [NewEvaluator]. The zero value, like a nil *Evaluator, has no
// condition: Len is 0, NewHistory returns nil and Eval false.
type Evaluator struct {
	e     *Engine
	roots []int32
}

// NewEvaluator compiles conds in the scope of agreement a (the parties,
// groups, fluents and clauses they may name). Condition i is evaluated by
// [Evaluator.Eval] with index i. It accepts every agreement
// [agreement.Agreement.Validate] accepts, one with no parties included, and
// returns the validation error of a, or of a condition, with paths
// "conditions[i]...".
func NewEvaluator(a agreement.Agreement, conds ...agreement.Condition) (*Evaluator, error) {
	for i, c := range conds {
		if c == nil {
			return nil, &agreement.ValidationError{Problems: []*agreement.Problem{{
				Path: fmt.Sprintf("conditions[%d]", i), Err: agreement.ErrMissing, Msg: "missing condition"}}}
		}
	}
	// Each condition is the trigger of a probe clause, which needs a
	// debtor. Without parties the debtor is a probe party, which the
	// conditions may not name: they are checked with two different ones.
	debtors := []agreement.PartyID{probeParty, probeParty + ".other"}
	if len(a.Parties) > 0 || len(conds) == 0 {
		debtors = []agreement.PartyID{""}
		if len(a.Parties) > 0 {
			debtors[0] = a.Parties[0].ID
		}
	}
	var probe agreement.Agreement
	for k, debtor := range debtors {
		p := a
		p.Clauses = append([]agreement.Clause(nil), a.Clauses...)
		if len(a.Parties) == 0 && len(conds) > 0 {
			p.Parties = []agreement.Party{{ID: debtor}}
		}
		for i, c := range conds {
			p.Clauses = append(p.Clauses, agreement.Clause{ID: probeID(i), Kind: agreement.DeonticPermission,
				Debtors: []agreement.PartyID{debtor}, Trigger: c})
		}
		if err := p.Validate(); err != nil {
			var ve *agreement.ValidationError
			if !errors.As(err, &ve) {
				return nil, err
			}
			for _, p := range ve.Problems {
				var i int
				var rest string
				if n, _ := fmt.Sscanf(p.Path, "clauses[%d]", &i); n == 1 && i >= len(a.Clauses) {
					_, rest, _ = cutPath(p.Path)
					p.Path = fmt.Sprintf("conditions[%d]%s", i-len(a.Clauses), rest)
				}
			}
			return nil, ve
		}
		if k == 0 {
			probe = p
		}
	}
	e := compile(agreement.Process{Agreements: []agreement.Agreement{probe}})
	ev := &Evaluator{e: e}
	for i := range conds {
		ci := e.clauseIdx[agreement.QualifiedRef(a.ID, probeID(i))]
		ev.roots = append(ev.roots, e.clauses[ci].roots[slotTrigger])
	}
	return ev, nil
}

// probeParty is the debtor of the probe clauses of an agreement with no
// parties.
const probeParty agreement.PartyID = "evaluator.probe"

func probeID(i int) agreement.ClauseID {
	return agreement.ClauseID(fmt.Sprintf("evaluator.probe.%d", i))
}

// cutPath splits "clauses[3].trigger.all[0]" into "clauses[3]", the slot
// ".trigger" dropped, and the rest ".all[0]".
func cutPath(p string) (head, rest string, ok bool) {
	for i := range p {
		if p[i] == ']' {
			head, rest = p[:i+1], p[i+1:]
			rest = trimPrefix(rest, ".trigger")
			return head, rest, true
		}
	}
	return p, "", false
}

func trimPrefix(s, prefix string) string {
	if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):]
	}
	return s
}

// Len returns the number of conditions; 0 for a nil or zero Evaluator.
func (ev *Evaluator) Len() int {
	if ev == nil {
		return 0
	}
	return len(ev.roots)
}

// History is a sequence of events and the states that state atoms read,
// for an [Evaluator]. Events must be added in order of their instants. A
// History is not safe for concurrent use. Build one with
// [Evaluator.NewHistory]; the zero value, like a nil *History, is not
// usable: Add and the setters return an error, Reset does nothing, and
// Eval over it is false.
type History struct {
	world
}

// NewHistory returns an empty history: no events, fluents at their initial
// values, every clause Dormant and the agreement in force. It returns nil
// for a nil or zero Evaluator.
func (ev *Evaluator) NewHistory() *History {
	if ev == nil || ev.e == nil {
		return nil
	}
	h := &History{world: ev.e.newWorld(beforeAll, nil)}
	h.Reset()
	return h
}

// errNoHistory is returned by the methods of a nil or zero History.
var errNoHistory = errors.New("scenario: no history (build one with Evaluator.NewHistory)")

// usable reports whether h was built by Evaluator.NewHistory.
func (h *History) usable() bool { return h != nil && h.e != nil }

// Reset empties h, keeping its memory for reuse.
func (h *History) Reset() {
	if !h.usable() {
		return
	}
	h.reset(beforeAll, true)
	h.events.truncate()
	for i := range h.agrState {
		h.agrState[i] = agreement.StateInForce
	}
}

// Add appends an event: it records which patterns it matches and moves the
// fluents it initiates or terminates. Its instant must not be before the
// last event's. A revision (an event of kind [agreement.EventKindRevised])
// revises the earlier event it names for every later evaluation, whatever
// its instant: a History keeps no record of what was seen before it.
func (h *History) Add(ev agreement.Event) error {
	if !h.usable() {
		return errNoHistory
	}
	t, err := instant(ev.At)
	if err != nil {
		return err
	}
	if h.at.len() > 0 && t < h.at.last() {
		return ErrOutOfOrder
	}
	ei := int32(h.events.len())
	h.events.push(ev)
	h.at.push(t)
	var buf [8]int32
	h.fluents(ei, h.match(ei, h.events.ptr(int(ei)), buf[:0]), func(fi int32, v bool, ei int32) {
		if h.fluentVal[fi] != v {
			h.fluentVal[fi], h.fluentEv[fi] = v, ei
		}
	})
	if ev.Kind == agreement.EventKindRevised {
		h.revise(ei, nil) // seen at every instant of evaluation from now on
	}
	return nil
}

// SetClauseState sets the state that ClauseIn (and ClauseInFor) reads for every instance of
// clause ref (unqualified refs name the evaluator's agreement).
func (h *History) SetClauseState(ref agreement.Ref, s agreement.State) error {
	if !h.usable() {
		return errNoHistory
	}
	ci, ok := h.e.clauseIdx[ref.Resolve(h.e.agreements[0].id)]
	if !ok || !s.IsClauseState() {
		return fmt.Errorf("scenario: cannot set clause %s to %s", ref, s)
	}
	h.counts[ci] = [numStates]int32{}
	h.counts[ci][s] = int32(len(h.e.clauses[ci].instances))
	for _, ii := range h.e.clauses[ci].instances {
		h.instSt[ii] = s
	}
	return nil
}

// SetAgreementState sets the state that AgreementIn reads for the
// evaluator's agreement.
func (h *History) SetAgreementState(s agreement.State) error {
	if !h.usable() {
		return errNoHistory
	}
	if !s.IsAgreementState() {
		return fmt.Errorf("scenario: %s is not an agreement state", s)
	}
	h.agrState[0] = s
	return nil
}

// Eval returns the value of condition i at instant at, over every event of
// h (events after at included: add only those up to at). Any time.Time is
// a valid instant, also one outside [agreement.InstantRange] (which no
// event of h can be): Within and Since compare it with the instants of the
// events exactly, never wrapped. It does not allocate. It returns false for
// a nil or zero Evaluator or History; it panics if i is out of range or h
// was built by another Evaluator.
func (ev *Evaluator) Eval(i int, h *History, at time.Time) bool {
	if ev == nil || ev.e == nil || !h.usable() {
		return false
	}
	if h.e != ev.e {
		panic("scenario: Evaluator.Eval with a History from another Evaluator")
	}
	h.now, h.late = nanos(at), time.Time{}
	if h.now == never {
		h.late = at
	}
	return h.test(ev.roots[i], beforeAll)
}
