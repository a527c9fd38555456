package scenario_test

// This file holds a reference model of the activation engine: a second,
// deliberately naive implementation of the semantics stated in the package docs
// of scenario and agreement, used by the state-machine and explanation tests in
// statemachine_test.go. It shares no code with the engine: it evaluates the
// agreement.Condition trees directly, with a recursive type switch, against the
// whole list of events up to the instant; fluents are recomputed by scanning
// every event; clause and agreement states are read from the model's own
// current states; deadline clocks are recomputed from the model's own
// transition log. There is no compilation, no index from dependencies to
// clauses and no timer queue: the model visits, by brute force, every instant
// at which anything could happen (each event instant, and every e.At+d for
// every timed atom and every matching event, every bound of a clock atom,
// every deadline, expiry and lapse, every start and due instant of a recurring
// duty, every dated signature and every instant of entry into force).
//
// What the model keeps of the engine's round structure is what the package doc
// (Order inside an instant) states: after the batch, an instant runs in rounds;
// each round first lets every agreement take its dated signatures, fix the
// anchor of its InForceAt and, once signed, enter into force when it may; then
// takes the clause instances whose dependencies changed and runs, in order,
// the anchors of their deadlines and expiries, lapse, activation, fulfilment,
// the effects of powers exercised in the round (discharge and termination,
// then suspension and resumption), violation (recurring duties, then by
// condition, then deadline) and expiry; a transition marks the instances that
// read it for the next round. Before the batch, every exclusive limit falling
// at the instant is reached. "Dependencies changed" is decided afresh for
// every instance by walking its own conditions (see refRun.firstMarks and
// refRun.to): a batch event matching a pattern it mentions (the patterns of
// its anchors and of a recurrence's On included), a fluent it reads changing
// in the batch, a clause or agreement it reads changing state, its own
// agreement entering into force, a signature by one of its debtors when it
// applies provisionally, its own transition to a state that is not final, and,
// when it can move (its gate open, not suspended), a timed atom of the
// conditions of its current state (or of an anchor not yet fixed) turning,
// or its deadline, expiry, lapse or a recurrence's start or due instant
// falling, at the instant.
//
// Calendar time follows the rules of the package docs: limits are
// agreement.Deadline.Instant of their anchor in the clause's zone, an
// instant beyond agreement.InstantRange is never reached; the model keeps
// the anchors, signers and occurrences of recurring duties as plain state.
//
// Terms, notices and renewals follow the package doc of agreement (Term)
// and the rules the scenario package states for them: the model keeps each
// instrument's current term (its start, its length, the ends taken, the
// automatic renewals made) and the notices given, in the order it recorded
// them, and decides each end by scanning every event. A suspension is
// visible: an agreement's suspension suspends its clauses in effect, held by
// the agreement, and a power aimed at an agreement with a target debtor acts
// on that party's share of its clauses; what a clause's conditions see
// after its resumption follows its DuringSuspension rule. Amendments are
// interpreted the simple way: at an amendment's instant the model builds
// itself afresh from the whole amended text, carries the states over by
// clause id and debtor, terminates what the text no longer has, and from then
// on reads only the new text; what it needs of the past (the time a
// deadline's clock has run, the fluents' values, the gates) it recomputes
// from its own log, reading at each instant the text then in force.

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
	"github.com/peacekit/peacekit/scenario"
)

// refTransition is one change of state the reference model made.
type refTransition struct {
	Inst     scenario.Instance
	From, To agreement.State
	At       time.Time
	// Why is what caused it, where the package doc names one: "deadline"
	// (a lapse included), "expiry", "power" (By the power's instance),
	// "agreement" (By the agreement terminated, suspended or resumed),
	// "signing" (a signing event), "signature" (a recorded signature's
	// date, By the agreement with the party as debtor), "term" (the end of
	// a term without renewal, Event the notice event that ended it),
	// "amendment" (a clause or an instance the amended text no longer
	// has, or a suspension whose power it no longer has); "" when a
	// condition decided it.
	Why string
	By  scenario.Instance
	// Event is the event of a "term" cause: the notice; -1 for none.
	Event int
	// Version is the number of amendments in force at At.
	Version int
}

func (tr refTransition) String() string {
	v := ""
	if tr.Version > 0 {
		v = fmt.Sprintf(" v%d", tr.Version)
	}
	return fmt.Sprintf("%s %s->%s at %s%s", tr.Inst, tr.From, tr.To, tr.At.UTC().Format(time.RFC3339Nano), v)
}

// refDecision is a condition the model evaluated when it decided a
// transition: its slot, instant, window (zero: whole history) and the value
// of every node in agreement.Walk order.
type refDecision struct {
	Slot   string
	At     time.Time
	Window time.Time
	Cond   agreement.Condition
	Values []bool
}

// refWindow is the instant after which event atoms see events; set false
// means they see the whole history.
type refWindow struct {
	set bool
	at  time.Time
}

func refAfter(t time.Time) refWindow { return refWindow{set: true, at: t} }

func (w refWindow) time() time.Time {
	if !w.set {
		return time.Time{}
	}
	return w.at
}

// Slots of a clause instance's conditions.
const (
	refTrigger = iota
	refAntecedent
	refFulfilment
	refViolation
)

var refSlotNames = [...]string{"trigger", "antecedent", "fulfilment", "violation"}

// refInst is one clause instance: a clause, or one debtor's share of a clause
// binding several debtors severally.
type refInst struct {
	id     scenario.Instance
	ai     int // index of its agreement in the process
	clause agreement.Clause
	ref    agreement.Ref // qualified
	// conds are the effective trigger, antecedent, fulfilment and violation:
	// the clause's own, or its action where the action is their default.
	conds [4]agreement.Condition
	// bind is what the placeholder agreement.Debtor stands for in its
	// patterns: its own debtor, or the clause's only debtor; "" for a joint
	// clause of several debtors, where it stands for any of them.
	bind agreement.PartyID
	// owed are the debtors the instance is owed by: its own, or every
	// debtor of a clause not expanded per debtor.
	owed []agreement.PartyID
	// counted is set for a standing clause whose violation counts acts (one
	// Happened atom, the default action, or uncovered acts): one breach per
	// act.
	counted bool
	// relaxedBy are the permission instances whose grants may cover its
	// acts (a relaxed prohibition: its violation is its uncovered acts).
	relaxedBy []int
	// loc is the zone of its local days: the clause's, else its
	// agreement's, else UTC.
	loc *time.Location
	// ghost is set for an instance an amended text no longer has: it keeps
	// its place, its clause's last text and its final state, and never
	// moves again.
	ghost bool
}

// reads returns every condition the instance reads: its four conditions
// and the anchors of its deadline and expiry (nil where absent).
func (in *refInst) reads() []agreement.Condition {
	return []agreement.Condition{in.conds[0], in.conds[1], in.conds[2], in.conds[3], in.clause.Deadline.From,
		in.clause.Expiry.From}
}

// recurs reports whether the instance is a recurring duty.
func (in *refInst) recurs() bool { return !in.clause.Recurs.IsZero() }

// refBreach is one breach of a standing clause instance the model recorded,
// with what Breached needs of the instance (which may be amended away
// later): its clause and its debtors.
type refBreach struct {
	inst  scenario.Instance
	ref   agreement.Ref
	owed  []agreement.PartyID
	at    time.Time // recorded
	act   time.Time // the act's instant
	event int       // the act's event, in the timeline; -1 for none
}

// refModel is a process prepared for the reference replay: its agreements and
// the list of clause instances, in the engine's documented order (agreements
// in order, clauses in order, debtors in order).
type refModel struct {
	p     agreement.Process
	start time.Time
	insts []refInst
	// locs are the zones of the agreements.
	locs []*time.Location
	// byClause lists the instances of each clause (qualified ref).
	byClause map[agreement.Ref][]int
	// fluents lists every fluent with its agreement; fluentIdx finds one.
	fluents   []refFluentDef
	fluentIdx map[refFluentKey]int
	// member[ai] reports whether a party belongs to a group of agreement ai.
	member []func(agreement.GroupID, agreement.PartyID) bool
	// class[ai] resolves the item classes of agreement ai.
	class []func(agreement.ItemClassID) (agreement.ItemClass, bool)
}

type refFluentDef struct {
	ai int
	f  agreement.Fluent
}

// refZone loads zone z, UTC when it is empty or does not load.
func refZone(z agreement.Zone, def *time.Location) *time.Location {
	if z == "" {
		return def
	}
	loc, err := z.Location()
	if err != nil {
		return def
	}
	return loc
}

func refNewModel(p agreement.Process, start time.Time) *refModel {
	m := &refModel{p: p, start: start, fluentIdx: map[refFluentKey]int{}}
	for ai := range p.Agreements {
		a := &p.Agreements[ai]
		m.locs = append(m.locs, refZone(a.Zone, time.UTC))
		for _, f := range a.Fluents {
			m.fluentIdx[refFluentKey{ai, f.ID}] = len(m.fluents)
			m.fluents = append(m.fluents, refFluentDef{ai, f})
		}
		m.member = append(m.member, func(g agreement.GroupID, party agreement.PartyID) bool {
			for _, gr := range a.Groups {
				if gr.ID == g {
					return slices.Contains(gr.Members, party)
				}
			}
			return false
		})
		m.class = append(m.class, func(id agreement.ItemClassID) (agreement.ItemClass, bool) {
			for _, c := range a.ItemClasses {
				if c.ID == id {
					return c, true
				}
			}
			return agreement.ItemClass{}, false
		})
		for _, cl := range a.Clauses {
			ref := agreement.QualifiedRef(a.ID, cl.ID)
			debtors := []agreement.PartyID{""}
			if !cl.Joint && len(cl.Debtors) > 1 {
				debtors = cl.Debtors
			}
			for _, d := range debtors {
				in := refInst{id: scenario.Instance{Ref: ref, Debtor: d}, ai: ai, clause: cl, ref: ref,
					loc: refZone(cl.Zone, m.locs[ai])}
				in.conds = [4]agreement.Condition{cl.Trigger, cl.Antecedent, cl.Fulfilment, cl.Violation}
				in.bind, in.owed = d, []agreement.PartyID{d}
				if d == "" {
					in.owed = cl.Debtors
					if len(cl.Debtors) == 1 {
						in.bind = cl.Debtors[0]
					}
				}
				if act := refAction(cl, d, ref); act != nil {
					switch {
					// A standing obligation's action is no fulfilment; a
					// power with a fulfilment condition is automatic.
					case cl.Kind == agreement.DeonticPower && cl.Fulfilment == nil,
						cl.Kind == agreement.DeonticObligation && cl.Fulfilment == nil && !cl.Standing:
						in.conds[refFulfilment] = agreement.Happened(*act)
					case cl.Kind == agreement.DeonticProhibition && cl.Violation == nil:
						in.conds[refViolation] = agreement.Happened(*act)
					}
				}
				_, one := in.conds[refViolation].(*agreement.HappenedCondition)
				in.counted = cl.Standing && one
				m.insts = append(m.insts, in)
			}
		}
	}
	m.index()
	return m
}

// index lists the instances of each clause and the permissions relaxing
// each prohibition, in the order of m.insts.
func (m *refModel) index() {
	m.byClause = map[agreement.Ref][]int{}
	for ii := range m.insts {
		in := &m.insts[ii]
		m.byClause[in.ref] = append(m.byClause[in.ref], ii)
		in.relaxedBy = nil
	}
	// Consumed permissions: a prohibition instance owed by one debtor is
	// relaxed by the permission instances owed by that debtor alone.
	for pi := range m.insts {
		perm := &m.insts[pi]
		if perm.ghost || perm.clause.Kind != agreement.DeonticPermission || perm.clause.Joint || len(perm.owed) != 1 {
			continue
		}
		for _, x := range perm.clause.Relaxes {
			for _, xi := range m.byClause[x.Resolve(perm.ref.Agreement)] {
				pr := &m.insts[xi]
				if pr.ghost || pr.clause.Joint || len(pr.owed) != 1 || pr.owed[0] != perm.owed[0] ||
					pr.clause.Action == nil || pr.clause.Violation != nil {
					continue
				}
				pr.relaxedBy = append(pr.relaxedBy, pi)
				pr.counted = pr.clause.Standing
			}
		}
	}
}

// instance returns the model's instance id, or nil.
func (m *refModel) instance(id scenario.Instance) *refInst {
	for ii := range m.insts {
		if m.insts[ii].id == id {
			return &m.insts[ii]
		}
	}
	return nil
}

// owes reports whether instance in is owed by debtor d.
func (in *refInst) owes(d agreement.PartyID) bool { return slices.Contains(in.owed, d) }

// matchesIn reports whether e matches p held by agreement ai as instance in
// (nil: no clause) reads it: agreement.Debtor is the instance's debtor (any
// of the clause's debtors for a joint clause), agreement.Creditor any of
// its creditors.
func (m *refModel) matchesIn(p agreement.Pattern, ai int, e agreement.Event, in *refInst) bool {
	if in != nil {
		for _, f := range []struct {
			p *agreement.PartyID
			x agreement.PartyID
		}{{&p.Actor, e.Actor}, {&p.Target, e.Target}, {&p.Reporter, e.Reporter}} {
			switch *f.p {
			case agreement.Debtor:
				if in.bind != "" {
					*f.p = in.bind
					continue
				}
				if !slices.Contains(in.clause.Debtors, f.x) {
					return false
				}
				*f.p = ""
			case agreement.Creditor:
				if !slices.Contains(in.clause.Creditors, f.x) {
					return false
				}
				*f.p = ""
			}
		}
	}
	return p.MatchesIn(e, m.p.Agreements[ai].ID, m.member[ai], m.class[ai])
}

// refAction is the package doc's Actions and debtors: the pattern whose occurrence
// performs the action of the instance of cl for debtor (empty for a single
// debtor or joint debtors): the clause's action, or for a power without one
// the exercise of the power itself; its actor is the debtor unless the
// pattern names an actor or a group or the clause is joint.
func refAction(cl agreement.Clause, debtor agreement.PartyID, self agreement.Ref) *agreement.Pattern {
	var p agreement.Pattern
	switch {
	case cl.Action != nil:
		p = *cl.Action
	case cl.Kind == agreement.DeonticPower:
		p = agreement.Pattern{Kind: agreement.EventKindPowerExercised, Clause: self}
	default:
		return nil
	}
	if p.Actor == "" && p.Group == "" && !cl.Joint {
		if debtor == "" {
			debtor = cl.Debtors[0]
		}
		p.Actor = debtor
	}
	return &p
}

func (m *refModel) agreementIndex(id agreement.AgreementID) int {
	for i := range m.p.Agreements {
		if m.p.Agreements[i].ID == id {
			return i
		}
	}
	return -1
}

func (m *refModel) agreementInstance(ai int) scenario.Instance {
	return scenario.Instance{Ref: agreement.AgreementRef(m.p.Agreements[ai].ID)}
}

// matches reports whether e matches p held by agreement ai.
func (m *refModel) matches(p agreement.Pattern, ai int, e agreement.Event) bool {
	return m.matchesIn(p, ai, e, nil)
}

// refRevised returns events as conditions see them at instant now: each
// event revised by every event of kind revised at or before now that names
// it (the latest event with that id at an instant strictly before the
// revision), in timeline order; each set field of the revision replaces
// the event's. With no revision at or before now it returns events itself:
// callers only read the result.
func refRevised(events []agreement.Event, now time.Time) []agreement.Event {
	if !slices.ContainsFunc(events, func(r agreement.Event) bool {
		return r.Kind == agreement.EventKindRevised && r.Revises != "" && !r.At.After(now)
	}) {
		return events
	}
	out := slices.Clone(events)
	for _, r := range events {
		if r.Kind != agreement.EventKindRevised || r.Revises == "" || r.At.After(now) {
			continue
		}
		t := -1
		for k, e := range events {
			if e.ID == r.Revises && e.At.Before(r.At) {
				t = k
			}
		}
		if t < 0 {
			continue
		}
		if r.Attribution != agreement.AttributionUnspecified {
			out[t].Attribution = r.Attribution
		}
		if r.Reporter != "" {
			out[t].Reporter = r.Reporter
		}
		if r.Actor != "" {
			out[t].Actor = r.Actor
		}
	}
	return out
}

// refDatedSignature is a recorded signature with a date.
type refDatedSignature struct {
	party agreement.PartyID
	at    time.Time
}

// refSignatureKey identifies a dated signature taken.
type refSignatureKey struct {
	party agreement.PartyID
	at    int64
}

func (sg refDatedSignature) key() refSignatureKey { return refSignatureKey{sg.party, sg.at.UnixNano()} }

// datedSignatures returns the dated signatures of agreement ai, by date
// (signatures of one date in the order recorded).
func (m *refModel) datedSignatures(ai int) []refDatedSignature {
	var out []refDatedSignature
	for _, sg := range m.p.Agreements[ai].Signatures {
		if !sg.Date.IsZero() {
			out = append(out, refDatedSignature{sg.Party, sg.Date})
		}
	}
	slices.SortStableFunc(out, func(a, b refDatedSignature) int { return a.at.Compare(b.at) })
	return out
}

// signersAtStart returns the parties that have signed agreement ai when the
// replay starts: its undated signatures, and those dated at or before the
// start.
func (m *refModel) signersAtStart(ai int) []agreement.PartyID {
	var out []agreement.PartyID
	for _, sg := range m.p.Agreements[ai].Signatures {
		if sg.Date.IsZero() || !sg.Date.After(m.start) {
			out = append(out, sg.Party)
		}
	}
	return out
}

// satisfied reports whether signers sign agreement ai: every required
// signatory has signed, or, when it requires none, someone has.
func (m *refModel) satisfied(ai int, signers []agreement.PartyID) bool {
	req := m.p.Agreements[ai].Signatories
	if len(req) == 0 {
		return len(signers) > 0
	}
	for _, p := range req {
		if !slices.Contains(signers, p) {
			return false
		}
	}
	return true
}

// initialAgreementState is the package doc's Start: Signed if the signing
// status is signed and it records no signatures, or if the signatures
// recorded undated or dated at or before the start sign it; Draft
// otherwise.
func (m *refModel) initialAgreementState(ai int) agreement.State {
	a := &m.p.Agreements[ai]
	if a.SigningStatus == agreement.SigningStatusSigned && len(a.Signatures) == 0 ||
		m.satisfied(ai, m.signersAtStart(ai)) {
		return agreement.StateSigned
	}
	return agreement.StateDraft
}

// refLimit returns the instant of limit d counted from anchor in zone loc,
// as agreement.Deadline.Instant computes it; false when it lies beyond
// agreement.InstantRange (never reached). An instant before the range is
// its first instant: reached at once.
func refLimit(d agreement.Deadline, anchor time.Time, loc *time.Location) (time.Time, bool) {
	t := d.Instant(anchor, loc)
	first, last := agreement.InstantRange()
	switch {
	case t.After(last):
		return time.Time{}, false
	case t.Before(first):
		return first, true
	}
	return t, true
}

// refExclusive reports whether limit d is reached before anything at its
// instant: Exclusive, or rounded to a boundary of a day.
func refExclusive(d agreement.Deadline) bool { return d.Exclusive || d.Round != agreement.RoundNone }

type refFluentKey struct {
	ai int
	id agreement.FluentID
}

// refFluents are fluent values, in the model's fluent order.
type refFluents []bool

// applyFluents applies one event to fluent values: it sets the fluents the
// event initiates, then clears those it terminates. It records in changed
// (when not nil) the fluents whose value changed at least once on the way.
func (m *refModel) applyFluents(vals refFluents, e agreement.Event, changed []bool) {
	for k, f := range m.fluents {
		on, off := false, false
		for _, p := range f.f.Initiates {
			on = on || m.matches(p, f.ai, e)
		}
		for _, p := range f.f.Terminates {
			off = off || m.matches(p, f.ai, e)
		}
		v := vals[k]
		if on && !v || off && (v || on) {
			if changed != nil {
				changed[k] = true
			}
		}
		if on {
			v = true
		}
		if off {
			v = false
		}
		vals[k] = v
	}
}

// refFluentsOver computes every fluent's value from scratch after events,
// each event applied with the fluents of the text in force at its instant:
// an amendment (at or before upto, before the events at its instant) keeps
// the value of a fluent it keeps and starts a new one at its Initially. The
// values are those of the fluents in force at upto; with each, the last
// event (its position in events) that changed the fluent's value, at least
// for a moment, or -1.
func refFluentsOver(versions []refVersion, events []agreement.Event, upto time.Time) (refFluents, []int) {
	m := versions[0].m
	vals := make(refFluents, len(m.fluents))
	last := make([]int, len(m.fluents))
	for k, f := range m.fluents {
		vals[k], last[k] = f.f.Initially, -1
	}
	v := 1
	advance := func(t time.Time) {
		for v < len(versions) && !versions[v].at.After(t) {
			next := versions[v].m
			carried := make(refFluents, len(next.fluents))
			lastCarried := make([]int, len(next.fluents))
			for k, f := range next.fluents {
				carried[k], lastCarried[k] = f.f.Initially, -1
				if old, ok := m.fluentIdx[refFluentKey{f.ai, f.f.ID}]; ok {
					carried[k], lastCarried[k] = vals[old], last[old]
				}
			}
			m, vals, last = next, carried, lastCarried
			v++
		}
	}
	for ei, e := range events {
		advance(e.At)
		changed := make([]bool, len(m.fluents))
		m.applyFluents(vals, e, changed)
		for k, c := range changed {
			if c {
				last[k] = ei
			}
		}
	}
	advance(upto)
	return vals, last
}

// refView is what a condition is evaluated against: the instant, every event
// up to it, and the fluent, clause and agreement states to read.
type refView struct {
	m      *refModel
	now    time.Time
	events []agreement.Event // every event at or before now, in timeline order, as revised at now
	fluent func(refFluentKey) bool
	// fluentEvent returns the event that last changed a fluent (its
	// position in events), or -1.
	fluentEvent func(refFluentKey) int
	// state returns the state of instance ii and when it entered it.
	state    func(ii int) (agreement.State, time.Time)
	agr      func(ai int) agreement.State
	breaches []refBreach // recorded so far
}

// clause reports whether some instance of ref, owed by one of debtors when
// debtors is not nil, is in one of states.
func (v *refView) clause(ref agreement.Ref, debtors []agreement.PartyID, states []agreement.State) bool {
	for _, ii := range v.m.byClause[ref] {
		if debtors != nil && !slices.ContainsFunc(debtors, v.m.insts[ii].owes) {
			continue
		}
		if st, _ := v.state(ii); slices.Contains(states, st) {
			return true
		}
	}
	return false
}

// debtorsFor returns the debtors a debtor filter d (a party, or
// agreement.Debtor) read by instance in stands for; nil for no filter.
func refDebtorsFor(d agreement.PartyID, in *refInst) []agreement.PartyID {
	switch {
	case d == "":
		return nil
	case d != agreement.Debtor:
		return []agreement.PartyID{d}
	case in == nil:
		return []agreement.PartyID{}
	case in.bind != "":
		return []agreement.PartyID{in.bind}
	}
	return in.clause.Debtors
}

// quantityIn returns the quantity of e that b measures, in b's unit: the
// first of e's quantities measuring the same thing in a convertible unit.
func refQuantityIn(e agreement.Event, b agreement.Bound) (agreement.Quantity, bool) {
	for _, q := range e.Quantities {
		if q.Of != b.Measures() {
			continue
		}
		if v, ok := agreement.Convert(q.Value, q.Unit, b.Unit()); ok {
			return agreement.Quantity{Value: v, Unit: b.Unit(), Of: b.Measures()}, true
		}
	}
	return agreement.Quantity{}, false
}

// breached evaluates Breached(ref, k, f) read by instance in with window w.
func (v *refView) breached(c *agreement.BreachedCondition, home agreement.AgreementID, in *refInst, w refWindow) bool {
	ref := c.Ref().Resolve(home)
	f := c.Filter()
	reporters := refDebtorsFor(f.Reporter, in)
	count := func(debtor agreement.PartyID) bool {
		var acts []time.Time
		for _, b := range v.breaches {
			if b.ref != ref || w.set && !b.act.After(w.at) || debtor != "" && !slices.Contains(b.owed, debtor) {
				continue
			}
			if reporters != nil || f.Attribution != agreement.AttributionUnspecified {
				if b.event < 0 {
					continue
				}
				e := v.events[b.event]
				if reporters != nil && !slices.Contains(reporters, e.Reporter) ||
					f.Attribution != agreement.AttributionUnspecified && e.Attribution != f.Attribution {
					continue
				}
			}
			acts = append(acts, b.act)
		}
		if f.Within <= 0 {
			return len(acts) >= c.K()
		}
		slices.SortFunc(acts, time.Time.Compare)
		for i := 0; i+c.K()-1 < len(acts); i++ {
			if acts[i+c.K()-1].Sub(acts[i]) < f.Within {
				return true
			}
		}
		return false
	}
	if f.Debtor == "" {
		return count("")
	}
	for _, d := range refDebtorsFor(f.Debtor, in) {
		if count(d) {
			return true
		}
	}
	return false
}

// uncovered returns, in order, the acts of relaxed prohibition instance x
// (events matching its action, visible after w) that no grant of the
// permissions relaxing it covers, their state read now.
func (v *refView) uncovered(x *refInst, w refWindow) []int {
	type grant struct {
		at   time.Time
		used int
	}
	grants := make([][]grant, len(x.relaxedBy))
	for k, pi := range x.relaxedBy {
		st, since := v.state(pi)
		if st != agreement.StateInEffect {
			continue
		}
		pin := &v.m.insts[pi]
		if pin.clause.Grant == nil {
			grants[k] = []grant{{at: since}}
			continue
		}
		for _, e := range v.events {
			if !e.At.Before(since) && !e.At.After(v.now) && v.m.matchesIn(*pin.clause.Grant, pin.ai, e, pin) {
				grants[k] = append(grants[k], grant{at: e.At})
			}
		}
	}
	act := x.conds[refViolation].(*agreement.HappenedCondition).Pattern()
	var out []int
	for ei, e := range v.events {
		if e.At.After(v.now) || w.set && !e.At.After(w.at) || !v.m.matchesIn(act, x.ai, e, x) {
			continue
		}
		covered := false
		for k, pi := range x.relaxedBy {
			pin := &v.m.insts[pi]
			cl := pin.clause
			if cl.Action != nil {
				pa := *cl.Action
				if pa.Actor == "" && pa.Group == "" {
					pa.Actor = pin.owed[0]
				}
				if !v.m.matchesIn(pa, pin.ai, e, pin) {
					continue
				}
			}
			limit := cl.Covers
			if limit == 0 && cl.CoverWindow == 0 {
				limit = 1
			}
			for g := range grants[k] {
				gr := &grants[k][g]
				if gr.at.After(e.At) || cl.CoverWindow > 0 && !e.At.Before(gr.at.Add(cl.CoverWindow)) ||
					limit > 0 && gr.used >= limit {
					continue
				}
				gr.used++
				covered = true
				break
			}
			if covered {
				break
			}
		}
		if !covered {
			out = append(out, ei)
		}
	}
	return out
}

// eval evaluates c, held by agreement ai, at v.now with event atoms seeing
// only the events strictly after the window. With rec set it evaluates every
// node and appends each node's value in agreement.Walk order.
func (v *refView) eval(c agreement.Condition, ai int, in *refInst, w refWindow, rec *[]bool) bool {
	slot := -1
	if rec != nil {
		slot = len(*rec)
		*rec = append(*rec, false)
	}
	var val bool
	visible := func(e agreement.Event) bool {
		return !e.At.After(v.now) && (!w.set || e.At.After(w.at))
	}
	any := func(p agreement.Pattern, ok func(agreement.Event) bool) bool {
		for _, e := range v.events {
			if visible(e) && v.m.matchesIn(p, ai, e, in) && ok(e) {
				return true
			}
		}
		return false
	}
	always := func(agreement.Event) bool { return true }
	home := v.m.p.Agreements[ai].ID
	switch c := c.(type) {
	case *agreement.HappenedCondition:
		if in != nil && len(in.relaxedBy) > 0 && agreement.Condition(c) == in.conds[refViolation] {
			// A relaxed prohibition is violated by its uncovered acts.
			val = len(v.uncovered(in, w)) > 0
			break
		}
		val = any(c.Pattern(), always)
	case *agreement.HoldsCondition:
		val = v.fluent(refFluentKey{ai, c.Fluent()})
	case *agreement.ClauseInCondition:
		var debtors []agreement.PartyID
		if c.Debtor() != "" {
			debtors = refDebtorsFor(c.Debtor(), in)
		}
		val = v.clause(c.Ref().Resolve(home), debtors, c.States())
	case *agreement.BreachedCondition:
		val = v.breached(c, home, in, w)
	case *agreement.TallyCondition:
		sum, seen := decimal.Zero, false
		var last agreement.Quantity
		for _, e := range v.events {
			if !visible(e) || !v.m.matchesIn(c.Pattern(), ai, e, in) {
				continue
			}
			if q, ok := refQuantityIn(e, c.Bound()); ok {
				sum, last, seen = sum.Add(q.Value), q, true
			}
		}
		if c.Sum() {
			val = c.Bound().Contains(agreement.Quantity{Value: sum, Unit: c.Bound().Unit(), Of: c.Bound().Measures()})
		} else {
			val = seen && c.Bound().Contains(last)
		}
	case *agreement.AgreementInCondition:
		id := c.Agreement()
		if id == "" {
			id = home
		}
		val = slices.Contains(c.States(), v.agr(v.m.agreementIndex(id)))
	case *agreement.BeforeCondition:
		// Some visible first strictly before some visible then.
		val = any(c.First(), func(f agreement.Event) bool {
			return any(c.Then(), func(l agreement.Event) bool { return f.At.Before(l.At) })
		})
	case *agreement.WithinCondition:
		// Some visible matching event e with e.At <= now < e.At+d.
		val = any(c.Pattern(), func(e agreement.Event) bool { return v.now.Before(e.At.Add(c.Duration())) })
	case *agreement.SinceCondition:
		// Some visible matching event e with e.At+d <= now (then the first
		// one qualifies too).
		val = any(c.Pattern(), func(e agreement.Event) bool { return !e.At.Add(c.Duration()).After(v.now) })
	case *agreement.ClockCondition:
		// The instant itself in [from, until); a zero bound is no bound.
		val = (c.From().IsZero() || !v.now.Before(c.From())) && (c.Until().IsZero() || v.now.Before(c.Until()))
	case *agreement.AllCondition:
		val = true
		for _, o := range c.Conditions() {
			if !v.eval(o, ai, in, w, rec) {
				val = false
				if rec == nil {
					break
				}
			}
		}
	case *agreement.AnyCondition:
		for _, o := range c.Conditions() {
			if v.eval(o, ai, in, w, rec) {
				val = true
				if rec == nil {
					break
				}
			}
		}
	case *agreement.NotCondition:
		val = !v.eval(c.Condition(), ai, in, w, rec)
	case *agreement.AtLeastCondition:
		n := 0
		for _, o := range c.Conditions() {
			if v.eval(o, ai, in, w, rec) {
				n++
			}
		}
		val = n >= c.K()
	default:
		panic(fmt.Sprintf("reference model: unknown condition %T", c))
	}
	if rec != nil {
		(*rec)[slot] = val
	}
	return val
}

// refInstState is the model's state of one clause instance.
type refInstState struct {
	state       agreement.State
	since       time.Time // when it entered state
	leftDormant time.Time // zero while it has not
	susp        []agreement.Ref
	// A standing clause's bookkeeping since it last entered InEffect: acts
	// at or before judged have been judged; whether its compound violation
	// held after the last check; the instant of its last breach.
	judged     time.Time
	violTrue   bool
	lastBreach refWindow
	breaches   int // in all
	// The anchors of its deadline and expiry: whether each has held, and
	// the instant it fixes (the first matching event of a Happened anchor,
	// otherwise the instant it was found to hold).
	dlFired, expFired   bool
	dlAnchor, expAnchor time.Time
	// A recurring duty, since it entered InEffect: that instant; the base
	// of its periodic occurrences and the index of the next one to open;
	// the events of its On pattern that started an occurrence (positions
	// in the timeline); the due instants of the open occurrences (zero:
	// never due).
	recEntry time.Time
	recBase  time.Time
	recK     int
	recSeen  map[int]bool
	recOpen  []time.Time
	// window is the instant after which its fulfilment and violation see
	// events: its entry into InEffect, or its last resumption unless its
	// suspensions defer (agreement.SuspensionDefers).
	window time.Time
	// term is the progress of its term, begun at its first entry into
	// InEffect.
	term refTerm
}

// refSigning is a signature the model took: party signed agreement ai at
// instant at.
type refSigning struct {
	ai    int
	party agreement.PartyID
	at    time.Time
}

// refRun is one reference replay in progress.
type refRun struct {
	m        *refModel
	start    time.Time
	now      time.Time
	events   []agreement.Event // every event at or before now
	fluent   refFluents
	fluentEv []int // the event that last changed each fluent, or -1

	agr     []agreement.State
	agrSusp [][]agreement.Ref
	st      []refInstState

	// Signatures: who has signed each agreement, in the order they
	// signed; every signature with its instant (those counted at the start
	// at the start); the dated signatures of each agreement that have been
	// taken; the instant each became Signed (zero: not yet).
	signers  [][]agreement.PartyID
	signLog  []refSigning
	sigTaken []map[refSignatureKey]bool
	signedAt []time.Time
	// The anchor of each agreement's InForceAt: whether it has held, and
	// the instant it fixes.
	ifFired  []bool
	ifAnchor []time.Time

	log       []refTransition
	decisions [][]refDecision // per transition

	// m0 is the model of the texts compiled; versions are the texts in
	// force, version 0 first, then one per amendment applied; amendments
	// are those of the replay, in order, next the first not yet applied.
	m0         *refModel
	versions   []refVersion
	amendments []agreement.Amendment
	next       int
	// relimited are the instances the amendments at this instant changed
	// or resumed, in order: their exclusive limits are settled first.
	relimited []int
	// Terms: each agreement's; the notices given, in the order recorded;
	// the notices each instrument has spent (by its refTermKey); the ends
	// taken, in order.
	agrTerm  []refTerm
	notices  []refNotice
	spent    map[string]map[int]bool
	renewals []refRenewal

	marks   []bool      // instances to evaluate in the next round
	effects []refEffect // powers exercised in the current round
	blog    []refBreach // breaches recorded, in order

	why string // cause of the transitions being made
	by  scenario.Instance
	ev  int // the event of a "term" cause

	batch []agreement.Event // the batch of the current instant
	// notes counts what the replay went through, for the tests' coverage
	// reports.
	notes map[string]int
}

// refResult is the outcome of a reference replay.
type refResult struct {
	m         *refModel // the model of the texts in force at the end
	m0        *refModel // the model of the texts compiled
	start     time.Time
	end       time.Time
	events    []agreement.Event
	log       []refTransition
	decisions [][]refDecision
	breaches  []refBreach
	// versions are the texts in force, version 0 first; renewals the ends
	// of terms taken, in order.
	versions []refVersion
	renewals []refRenewal
	// upcoming are the instants after end at which a deadline, an expiry
	// or a timed atom could fire with no further event.
	upcoming []time.Time
	// notes counts what the replay went through: lapses, exclusive limits
	// reached before a batch, the breaches of recurring duties, clauses
	// moving provisionally, dated signatures, entries into force at
	// InForceAt, the ends of terms, suspensions and amendments.
	notes map[string]int
	run   *refRun // the run, as it ended
}

// limitsOf returns the instants after the end at which instance i's own
// deadline, expiry, lapse or term end falls, or an occurrence of its
// recurrence starts or falls due.
func (res *refResult) limitsOf(i scenario.Instance) []time.Time {
	r := res.run
	var out []time.Time
	for ii := range r.m.insts {
		if r.m.insts[ii].id != i {
			continue
		}
		s := &r.st[ii]
		for _, f := range []func(int) (time.Time, bool){r.deadlineInstant, r.expiryInstant, r.lapseInstant, r.clauseTermEnd} {
			if at, ok := f(ii); ok {
				out = append(out, at)
			}
		}
		if st, ok := r.occurrenceStart(ii, s.recK); ok && s.state == agreement.StateInEffect {
			out = append(out, st)
		}
		out = append(out, s.recOpen...)
	}
	return slices.DeleteFunc(out, func(t time.Time) bool { return !t.After(res.end) })
}

// refReplay replays events (sorted stably by instant, none before start)
// over p from start up to and including end, recomputing everything from
// scratch at every instant it visits. An end before start evaluates nothing.
func refReplay(p agreement.Process, start time.Time, events []agreement.Event, end time.Time) *refResult {
	return refReplayAmended(p, start, events, nil, end)
}

// refReplayAmended is refReplay with amendments (sorted stably by instant,
// none before start) taking effect during the replay.
func refReplayAmended(p agreement.Process, start time.Time, events []agreement.Event, amendments []agreement.Amendment,
	end time.Time) *refResult {
	m := refNewModel(p, start)
	r := &refRun{m: m, m0: m, start: start, now: start, notes: map[string]int{}, spent: map[string]map[int]bool{},
		amendments: amendments}
	r.versions = []refVersion{{at: start, m: m}}
	n := len(p.Agreements)
	r.agr = make([]agreement.State, n)
	r.agrSusp = make([][]agreement.Ref, n)
	r.signers = make([][]agreement.PartyID, n)
	r.sigTaken = make([]map[refSignatureKey]bool, n)
	r.signedAt = make([]time.Time, n)
	r.ifFired = make([]bool, n)
	r.ifAnchor = make([]time.Time, n)
	r.agrTerm = make([]refTerm, n)
	for ai := range p.Agreements {
		r.agr[ai] = m.initialAgreementState(ai)
		r.signers[ai] = m.signersAtStart(ai)
		r.sigTaken[ai] = map[refSignatureKey]bool{}
		for _, party := range r.signers[ai] {
			r.signLog = append(r.signLog, refSigning{ai, party, start})
		}
		// The dated signatures at or before the start are taken; an
		// agreement signed at the start became Signed at the last of them,
		// or at the start.
		last := start
		for _, sg := range m.datedSignatures(ai) {
			if !sg.at.After(start) {
				r.sigTaken[ai][sg.key()] = true
				last = sg.at
			}
		}
		if r.agr[ai] == agreement.StateSigned {
			r.signedAt[ai] = last
		}
	}
	r.st = make([]refInstState, len(m.insts))
	for i := range r.st {
		r.st[i] = refInstState{state: agreement.StateDormant, since: start}
	}
	res := &refResult{m: m, m0: m, start: start, end: end, versions: r.versions}
	if end.Before(start) {
		return res
	}
	t := start
	i := 0
	for {
		j := i
		for j < len(events) && !events[j].At.After(t) {
			j++
		}
		r.step(t, events[:j], events[i:j])
		i = j
		next := r.nextInstant(t, events[i:])
		if next.IsZero() || next.After(end) {
			break
		}
		t = next
	}
	res.m, res.versions, res.renewals = r.m, r.versions, r.renewals
	res.events = events[:i]
	res.log, res.decisions, res.breaches, res.notes, res.run = r.log, r.decisions, r.blog, r.notes, r
	r.candidates(nil, func(c time.Time) {
		if c.After(end) && !slices.ContainsFunc(res.upcoming, c.Equal) {
			res.upcoming = append(res.upcoming, c)
		}
	})
	slices.SortFunc(res.upcoming, time.Time.Compare)
	return res
}

// nextInstant returns the first instant after t at which anything could
// happen, found by brute force: the next event; every e.At+d for every timed
// atom anywhere in the process and every event matching it; every bound of
// a clock atom; every deadline, expiry and lapse of the model's own clocks;
// the next start and the due instants of every recurring duty in effect;
// every dated signature and instant of entry into force; the end of every
// term running; the next amendment. Zero when there is none.
func (r *refRun) nextInstant(t time.Time, future []agreement.Event) time.Time {
	var best time.Time
	r.candidates(future, func(c time.Time) {
		if c.After(t) && (best.IsZero() || c.Before(best)) {
			best = c
		}
	})
	return best
}

// candidates calls consider with every instant at which something could
// happen next, some of them possibly past.
func (r *refRun) candidates(future []agreement.Event, consider func(time.Time)) {
	if len(future) > 0 {
		consider(future[0].At)
	}
	timed := func(c agreement.Condition, ai int, in *refInst) {
		agreement.Walk(c, func(n agreement.Condition) bool {
			var p agreement.Pattern
			var d time.Duration
			switch n := n.(type) {
			case *agreement.WithinCondition:
				p, d = n.Pattern(), n.Duration()
			case *agreement.SinceCondition:
				p, d = n.Pattern(), n.Duration()
			case *agreement.ClockCondition:
				for _, b := range []time.Time{n.From(), n.Until()} {
					if !b.IsZero() {
						consider(b)
					}
				}
				return true
			default:
				return true
			}
			for _, e := range refRevised(r.events, r.now) {
				if r.m.matchesIn(p, ai, e, in) {
					consider(e.At.Add(d))
				}
			}
			return true
		})
	}
	if r.next < len(r.amendments) {
		consider(r.amendments[r.next].At)
	}
	for ai := range r.m.p.Agreements {
		a := &r.m.p.Agreements[ai]
		timed(a.EntryIntoForce, ai, nil)
		timed(a.InForceAt.From, ai, nil)
		if e, ok := refTermEnd(&r.agrTerm[ai], a.Term, r.m.locs[ai]); ok &&
			(r.agr[ai] == agreement.StateInForce || r.agr[ai] == agreement.StateSuspended) {
			consider(e)
		}
		for _, sg := range r.m.datedSignatures(ai) {
			consider(sg.at)
		}
		if at, ok := r.inForceInstant(ai); ok {
			consider(at)
		}
	}
	for ii := range r.m.insts {
		in := &r.m.insts[ii]
		for _, c := range in.reads() {
			timed(c, in.ai, in)
		}
		if d, ok := r.deadlineInstant(ii); ok {
			consider(d)
		}
		if x, ok := r.expiryInstant(ii); ok {
			consider(x)
		}
		if l, ok := r.lapseInstant(ii); ok {
			consider(l)
		}
		if e, ok := r.clauseTermEnd(ii); ok {
			consider(e)
		}
		if s := &r.st[ii]; s.state == agreement.StateInEffect && in.recurs() {
			if st, ok := r.occurrenceStart(ii, s.recK); ok {
				consider(st)
			}
			for _, due := range s.recOpen {
				if !due.IsZero() {
					consider(due)
				}
			}
		}
	}
}

// gateOpen is the package doc's gate (Agreements): a clause that does not
// survive changes state only while its agreement is in force, or, applied
// provisionally, while its agreement is Draft or Signed and every debtor of
// the instance has signed it.
func (r *refRun) gateOpen(ii int) bool {
	in := &r.m.insts[ii]
	return refGate(in, r.agr[in.ai], r.signers[in.ai])
}

// refGate is the gate of instance in with its agreement in state agr,
// signed by signers.
func refGate(in *refInst, agr agreement.State, signers []agreement.PartyID) bool {
	if in.clause.Surviving || agr == agreement.StateInForce {
		return true
	}
	if !in.clause.Provisional || agr != agreement.StateDraft && agr != agreement.StateSigned || len(in.owed) == 0 {
		return false
	}
	for _, d := range in.owed {
		if !slices.Contains(signers, d) {
			return false
		}
	}
	return true
}

// signersAt returns who had signed agreement ai by instant t, by the
// model's own log of signatures.
func (r *refRun) signersAt(ai int, t time.Time) []agreement.PartyID {
	var out []agreement.PartyID
	for _, sg := range r.signLog {
		if sg.ai == ai && !sg.at.After(t) {
			out = append(out, sg.party)
		}
	}
	return out
}

// view returns the view of the current instant, with live states.
func (r *refRun) view() *refView {
	return &refView{
		m: r.m, now: r.now, events: refRevised(r.events, r.now),
		fluent:      func(k refFluentKey) bool { return r.fluent[r.m.fluentIdx[k]] },
		fluentEvent: func(k refFluentKey) int { return r.fluentEv[r.m.fluentIdx[k]] },
		state:       func(ii int) (agreement.State, time.Time) { return r.st[ii].state, r.st[ii].since },
		agr:         func(ai int) agreement.State { return r.agr[ai] },
		breaches:    r.blog,
	}
}

// holds evaluates a condition of instance ii (nil: true).
func (r *refRun) holds(ii, slot int, w refWindow) bool {
	c := r.m.insts[ii].conds[slot]
	return c == nil || r.view().eval(c, r.m.insts[ii].ai, &r.m.insts[ii], w, nil)
}

// decide records the evaluation of a condition that decided a transition.
func (r *refRun) decide(slot string, c agreement.Condition, ai int, in *refInst, w refWindow) refDecision {
	var vals []bool
	r.view().eval(c, ai, in, w, &vals)
	return refDecision{Slot: slot, At: r.now, Window: w.time(), Cond: c, Values: vals}
}

// step runs instant t: the exclusive limits falling at t, the batch, then
// rounds until nothing changes.
func (r *refRun) step(t time.Time, upTo, batch []agreement.Event) {
	r.now, r.events, r.batch = t, upTo, batch
	r.marks = make([]bool, len(r.m.insts))
	// The amendments taking effect now, before anything else.
	for r.next < len(r.amendments) && !r.amendments[r.next].At.After(t) {
		r.amend(r.amendments[r.next])
		r.next++
	}
	// Fluents: recomputed from scratch up to the batch, then through it.
	r.fluent, r.fluentEv = refFluentsOver(r.versions, upTo[:len(upTo)-len(batch)], t)
	flipped := make([]bool, len(r.m.fluents))
	for k, e := range batch {
		changed := make([]bool, len(r.m.fluents))
		r.m.applyFluents(r.fluent, e, changed)
		for fi, c := range changed {
			if c {
				flipped[fi], r.fluentEv[fi] = true, len(upTo)-len(batch)+k
			}
		}
	}
	// An exclusive limit is reached before anything at its instant: before
	// the batch, and before any agreement or other clause moves. Those the
	// amendments at t put (or leave) at or before t come first, in the
	// order the amendments reached them.
	for _, ii := range r.relimited {
		if r.passedExclusive(ii) {
			r.notes["exclusive limit reached by amendment"]++
		}
		r.settleExclusive(ii)
	}
	r.relimited = r.relimited[:0]
	if !t.Equal(r.start) {
		for ii := range r.m.insts {
			r.settleExclusive(ii)
		}
	}
	r.firstMarks(batch, flipped)
	// Signing events sign for their actor (without one, for every required
	// signatory, and the agreement as a whole).
	for _, e := range batch {
		if e.Kind != agreement.EventKindSigning {
			continue
		}
		ai := -1
		switch {
		case e.Clause.IsAgreement():
			ai = r.m.agreementIndex(e.Clause.Agreement)
		case e.Clause == (agreement.Ref{}) && len(r.m.p.Agreements) == 1:
			ai = 0
		}
		if ai >= 0 {
			r.because("signing", scenario.Instance{}, func() { r.signBy(ai, e.Actor) })
		}
	}
	r.noticeEvents(batch, len(upTo)-len(batch))
	for {
		r.agreementPhase()
		var work []int
		for ii, mk := range r.marks {
			if mk {
				work = append(work, ii)
			}
		}
		if len(work) == 0 {
			break
		}
		r.marks = make([]bool, len(r.m.insts))
		r.effects = nil
		r.anchors(work)
		r.lapse(work)
		r.activation(work)
		r.fulfilment(work)
		r.applyEffects(false)
		r.applyEffects(true)
		r.violation(work)
		r.expiry(work)
	}
}

// refMentions walks c and reports its patterns, fluents, clause refs and
// agreements read.
func refMentions(c agreement.Condition, fn func(agreement.Condition)) {
	agreement.Walk(c, func(n agreement.Condition) bool { fn(n); return true })
}

func refPatterns(n agreement.Condition) []agreement.Pattern {
	switch n := n.(type) {
	case *agreement.HappenedCondition:
		return []agreement.Pattern{n.Pattern()}
	case *agreement.BeforeCondition:
		return []agreement.Pattern{n.First(), n.Then()}
	case *agreement.WithinCondition:
		return []agreement.Pattern{n.Pattern()}
	case *agreement.SinceCondition:
		return []agreement.Pattern{n.Pattern()}
	case *agreement.TallyCondition:
		return []agreement.Pattern{n.Pattern()}
	}
	return nil
}

// refInstPatterns returns every pattern instance in reads, with the
// instance reading it: those of its conditions and anchors, the On pattern
// of its recurrence, and for a relaxed prohibition the grant and action of
// each permission relaxing it.
func (m *refModel) refInstPatterns(in *refInst) []refReadPattern {
	var out []refReadPattern
	for _, c := range in.reads() {
		refMentions(c, func(n agreement.Condition) {
			for _, p := range refPatterns(n) {
				out = append(out, refReadPattern{p, in})
			}
		})
	}
	if on := in.clause.Recurs.On; on != nil {
		out = append(out, refReadPattern{*on, in})
	}
	for _, pi := range in.relaxedBy {
		pin := &m.insts[pi]
		if pin.clause.Grant != nil {
			out = append(out, refReadPattern{*pin.clause.Grant, pin})
		}
		if pin.clause.Action != nil {
			out = append(out, refReadPattern{*pin.clause.Action, pin})
		}
	}
	return out
}

// refReadPattern is a pattern with the instance reading it.
type refReadPattern struct {
	p  agreement.Pattern
	in *refInst
}

// firstMarks marks the instances whose dependencies changed at the instant
// before its first round: everything at the start instant; otherwise a batch
// event matching a pattern an instance mentions, a fluent it reads changing
// in the batch, and for an instance that can move, a timed atom of the
// conditions of its current state (or of an anchor not yet fixed) turning
// now, its deadline, expiry or lapse falling now, or, for a recurring duty
// in effect, its next occurrence starting or an open one falling due now.
func (r *refRun) firstMarks(batch []agreement.Event, flipped []bool) {
	start := r.now.Equal(r.start)
	// Events revised by a revision of this instant, as seen before it.
	before := refRevised(r.events, r.now.Add(-1))
	after := refRevised(r.events, r.now)
	revs := make([]bool, len(r.events))
	for k := range r.events {
		b, a := before[k], after[k]
		revs[k] = b.Actor != a.Actor || b.Reporter != a.Reporter || b.Attribution != a.Attribution
	}
	// Breaches whose act a revision of this instant re-attributes wake the
	// conditions counting them.
	for _, b := range r.blog {
		if b.event >= 0 && revs[b.event] {
			r.markBreachReaders(b.ref)
		}
	}
	for ii := range r.m.insts {
		in := &r.m.insts[ii]
		if start {
			r.marks[ii] = true
			continue
		}
		seen := after
		for _, rp := range r.m.refInstPatterns(in) {
			for k, e := range seen {
				if e.At.Equal(r.now) && r.m.matchesIn(rp.p, rp.in.ai, e, rp.in) {
					r.marks[ii] = true
				}
				// A revision at the instant that changes whether the
				// event it revises matches.
				if revs[k] && r.m.matchesIn(rp.p, rp.in.ai, before[k], rp.in) != r.m.matchesIn(rp.p, rp.in.ai, e, rp.in) {
					r.marks[ii] = true
				}
			}
		}
		for _, c := range in.reads() {
			refMentions(c, func(n agreement.Condition) {
				if h, ok := n.(*agreement.HoldsCondition); ok && flipped[r.m.fluentIdx[refFluentKey{in.ai, h.Fluent()}]] {
					r.marks[ii] = true
				}
			})
		}
		// The timed atoms of an anchor not yet fixed wake an instance
		// not final, whatever its gate: an anchor is fixed the instant it
		// holds.
		s := &r.st[ii]
		if !s.state.IsFinal() && r.timedTurnsNow(ii, true) {
			r.marks[ii] = true
		}
		// Clocks wake an instance that can move: its gate open, and
		// Dormant, Pending or InEffect. (One that cannot is woken when it
		// can again: its agreement entering into force or its resumption
		// marks it.)
		if !r.gateOpen(ii) || s.state != agreement.StateDormant && s.state != agreement.StatePending && s.state != agreement.StateInEffect {
			continue
		}
		if r.timedTurnsNow(ii, false) {
			r.marks[ii] = true
		}
		if d, ok := r.deadlineInstant(ii); ok && d.Equal(r.now) {
			r.marks[ii] = true
		}
		if x, ok := r.expiryInstant(ii); ok && x.Equal(r.now) && s.state != agreement.StateDormant {
			r.marks[ii] = true
		}
		if l, ok := r.lapseInstant(ii); ok && l.Equal(r.now) && s.state != agreement.StateInEffect {
			r.marks[ii] = true
		}
		if e, ok := r.clauseTermEnd(ii); ok && e.Equal(r.now) {
			r.marks[ii] = true
		}
		if s.state == agreement.StateInEffect && in.recurs() {
			if st, ok := r.occurrenceStart(ii, s.recK); ok && st.Equal(r.now) {
				r.marks[ii] = true
			}
			if slices.ContainsFunc(s.recOpen, r.now.Equal) {
				r.marks[ii] = true
			}
		}
	}
}

// timedTurnsNow reports whether a Within, Since or clock atom of the
// conditions of instance ii's current state, or of the anchor of its
// deadline or expiry while it has not held, changes value at the current
// instant with no event: Within(p, d) when the last visible event matching
// p before now happened exactly d before; Since(p, d) when the first one
// did; a clock atom when one of its bounds is now. With anchorsOnly, only
// the anchors are read.
func (r *refRun) timedTurnsNow(ii int, anchorsOnly bool) bool {
	in := &r.m.insts[ii]
	s := &r.st[ii]
	type read struct {
		c agreement.Condition
		w refWindow
	}
	var reads []read
	state := s.state
	if anchorsOnly {
		state = 0
	}
	switch state {
	case agreement.StateDormant:
		reads = []read{{in.conds[refTrigger], refWindow{}}}
	case agreement.StatePending:
		reads = []read{{in.conds[refAntecedent], refAfter(s.since)}}
	case agreement.StateInEffect:
		reads = []read{{in.conds[refFulfilment], refAfter(s.window)}, {in.conds[refViolation], refAfter(s.window)}}
	}
	if !s.dlFired {
		reads = append(reads, read{in.clause.Deadline.From, refWindow{}})
	}
	if !s.expFired {
		reads = append(reads, read{in.clause.Expiry.From, refWindow{}})
	}
	turns := false
	for _, rd := range reads {
		w := rd.w
		refMentions(rd.c, func(n agreement.Condition) {
			var p agreement.Pattern
			var d time.Duration
			last := false
			switch n := n.(type) {
			case *agreement.WithinCondition:
				p, d, last = n.Pattern(), n.Duration(), true
			case *agreement.SinceCondition:
				p, d = n.Pattern(), n.Duration()
			case *agreement.ClockCondition:
				if n.From().Equal(r.now) || n.Until().Equal(r.now) {
					turns = true
				}
				return
			default:
				return
			}
			var found *agreement.Event
			seen := refRevised(r.events, r.now)
			for k := range seen {
				e := &seen[k]
				if !e.At.Before(r.now) || w.set && !e.At.After(w.at) || !r.m.matchesIn(p, in.ai, *e, in) {
					continue
				}
				if found == nil || last {
					found = e
				}
			}
			if found != nil && found.At.Add(d).Equal(r.now) {
				turns = true
			}
		})
	}
	return turns
}

// deadlineInstant returns when instance ii's deadline passes, if it is in
// effect and the deadline is known: an absolute one; an anchored one once
// its anchor has held; one counted from the clause while its clock runs.
func (r *refRun) deadlineInstant(ii int) (time.Time, bool) {
	in := &r.m.insts[ii]
	dl := in.clause.Deadline
	if r.st[ii].state != agreement.StateInEffect || dl.IsZero() {
		return time.Time{}, false
	}
	if dl.Fixed() {
		return r.fixedDeadline(ii)
	}
	total, ok := r.deadlineTotal(ii)
	if !ok {
		return time.Time{}, false
	}
	elapsed, running := r.deadlineClock(ii)
	if !running {
		return time.Time{}, false
	}
	return r.now.Add(total - elapsed), true
}

// fixedDeadline returns the instant of instance ii's absolute or anchored
// deadline, once known.
func (r *refRun) fixedDeadline(ii int) (time.Time, bool) {
	in := &r.m.insts[ii]
	dl := in.clause.Deadline
	switch {
	case dl.From != nil:
		if !r.st[ii].dlFired {
			return time.Time{}, false
		}
		return refLimit(dl, r.st[ii].dlAnchor, in.loc)
	case !dl.At.IsZero():
		return refLimit(dl, time.Time{}, in.loc)
	}
	return time.Time{}, false
}

// deadlineTotal returns how long instance ii's deadline counted from the
// clause runs: from the instant it last entered InEffect (from Dormant or
// Pending) to the limit counted from that instant, none if negative; false
// when the limit is never reached.
func (r *refRun) deadlineTotal(ii int) (time.Duration, bool) {
	in := &r.m.insts[ii]
	var entry time.Time
	for _, tr := range r.log {
		if tr.Inst == in.id && tr.To == agreement.StateInEffect && tr.From != agreement.StateSuspended {
			entry = tr.At
		}
	}
	at, ok := refLimit(in.clause.Deadline, entry, in.loc)
	if !ok {
		return 0, false
	}
	return max(at.Sub(entry), 0), true
}

// deadlinePassed reports whether instance ii, in effect, has passed its
// deadline: a fixed one at or before now, or one counted from the clause
// whose clock has run for at least its length.
func (r *refRun) deadlinePassed(ii int) bool {
	dl := r.m.insts[ii].clause.Deadline
	switch {
	case dl.IsZero():
		return false
	case dl.Fixed():
		at, ok := r.fixedDeadline(ii)
		return ok && !at.After(r.now)
	}
	total, ok := r.deadlineTotal(ii)
	if !ok {
		return false
	}
	elapsed, _ := r.deadlineClock(ii)
	return elapsed >= total
}

// deadlineClock recomputes, from the model's own transition log, how long
// instance ii's deadline counted from the clause has run: from its last
// entry into InEffect from Dormant or Pending, counting only the time it
// was in effect with its gate open (not suspended, its agreement in force
// unless it survives or applies provisionally). It also reports whether the
// clock runs now.
func (r *refRun) deadlineClock(ii int) (time.Duration, bool) {
	in := &r.m.insts[ii]
	agrID := r.m.agreementInstance(in.ai)
	state := agreement.StateDormant
	agr := r.m0.initialAgreementState(in.ai)
	running := false
	var since time.Time
	var elapsed time.Duration
	// The gate is read with the text in force: an amendment may open or
	// close it with no transition.
	v := 0
	gate := func(at time.Time) bool {
		if x := r.versions[v].m.instance(in.id); x != nil {
			return refGate(x, agr, r.signersAt(in.ai, at))
		}
		return refGate(in, agr, r.signersAt(in.ai, at))
	}
	move := func(at time.Time, arm bool) {
		now := state == agreement.StateInEffect && gate(at)
		if running && (!now || arm) {
			elapsed += at.Sub(since)
		}
		if arm {
			elapsed = 0
		}
		if now && (!running || arm) {
			since = at
		}
		running = now
	}
	for _, tr := range r.log {
		for v+1 < len(r.versions) && !r.versions[v+1].at.After(tr.At) {
			v++
			move(r.versions[v].at, false)
		}
		arm := false
		switch tr.Inst {
		case in.id:
			state = tr.To
			arm = tr.To == agreement.StateInEffect && tr.From != agreement.StateSuspended
		case agrID:
			agr = tr.To
		default:
			continue
		}
		move(tr.At, arm)
	}
	for v+1 < len(r.versions) {
		v++
		move(r.versions[v].at, false)
	}
	if running {
		elapsed += r.now.Sub(since)
	}
	return elapsed, running
}

// expiryInstant returns instance ii's expiry instant once it has left
// Dormant: absolute, anchored (once its anchor has held), or counted from
// leaving Dormant.
func (r *refRun) expiryInstant(ii int) (time.Time, bool) {
	in := &r.m.insts[ii]
	x := in.clause.Expiry
	s := &r.st[ii]
	if x.IsZero() || s.leftDormant.IsZero() {
		return time.Time{}, false
	}
	switch {
	case x.From != nil:
		if !s.expFired {
			return time.Time{}, false
		}
		return refLimit(x, s.expAnchor, in.loc)
	case !x.At.IsZero():
		return refLimit(x, time.Time{}, in.loc)
	}
	return refLimit(x, s.leftDormant, in.loc)
}

// lapseInstant returns the instant of instance ii's unconditional
// deadline, which binds while it waits: absolute, or anchored once its
// anchor has held.
func (r *refRun) lapseInstant(ii int) (time.Time, bool) {
	if !r.m.insts[ii].clause.Deadline.Unconditional {
		return time.Time{}, false
	}
	return r.fixedDeadline(ii)
}

// passedExclusive reports whether an exclusive deadline or expiry of
// instance ii, in effect, has been reached: then only the limit decides.
func (r *refRun) passedExclusive(ii int) bool {
	cl := &r.m.insts[ii].clause
	if refExclusive(cl.Deadline) && r.deadlinePassed(ii) {
		return true
	}
	x, ok := r.expiryInstant(ii)
	return refExclusive(cl.Expiry) && ok && !x.After(r.now)
}

// settleExclusive reaches, before anything else at the instant, an
// exclusive limit of instance ii (its gate open) at or before now: an
// exclusive deadline makes it Violated, an exclusive expiry expires it.
func (r *refRun) settleExclusive(ii int) {
	s := &r.st[ii]
	if !r.gateOpen(ii) || s.state != agreement.StateInEffect && s.state != agreement.StatePending {
		return
	}
	in := &r.m.insts[ii]
	note := func(what string) {
		r.notes["exclusive "+what+" reached"]++
		// An act of the instance at that very instant comes too late.
		for _, e := range r.batch {
			for _, c := range in.conds[refFulfilment : refViolation+1] {
				for _, p := range agreement.Patterns(c) {
					if r.m.matchesIn(p, in.ai, e, in) {
						r.notes["exclusive "+what+" reached at the instant of an act"]++
						return
					}
				}
			}
		}
	}
	if s.state == agreement.StateInEffect && refExclusive(in.clause.Deadline) && r.deadlinePassed(ii) {
		note("deadline")
		r.because("deadline", scenario.Instance{}, func() { r.to(ii, agreement.StateViolated, nil) })
		return
	}
	if x, ok := r.expiryInstant(ii); ok && refExclusive(in.clause.Expiry) && !x.After(r.now) {
		note("expiry")
		r.expiry([]int{ii})
	}
}

// inForceInstant returns the instant agreement ai's InForceAt sets, once
// known: absolute; anchored once its anchor has held; counted from the
// instant it became Signed.
func (r *refRun) inForceInstant(ai int) (time.Time, bool) {
	d := r.m.p.Agreements[ai].InForceAt
	loc := r.m.locs[ai]
	switch {
	case d.IsZero():
		return time.Time{}, false
	case !d.At.IsZero():
		return refLimit(d, time.Time{}, loc)
	case d.From != nil:
		if !r.ifFired[ai] {
			return time.Time{}, false
		}
		return refLimit(d, r.ifAnchor[ai], loc)
	case r.signedAt[ai].IsZero():
		return time.Time{}, false
	}
	return refLimit(d, r.signedAt[ai], loc)
}

// anchorInstant returns the instant anchor c fixes now that it holds: the
// first visible event matching it, for a Happened atom; otherwise now.
func (r *refRun) anchorInstant(c agreement.Condition, ai int, in *refInst) time.Time {
	if h, ok := c.(*agreement.HappenedCondition); ok {
		for _, e := range refRevised(r.events, r.now) {
			if !e.At.After(r.now) && r.m.matchesIn(h.Pattern(), ai, e, in) {
				return e.At
			}
		}
	}
	return r.now
}

// agreementPhase lets every agreement take the dated signatures falling
// now, fix the anchor of its InForceAt, and, once Signed, enter into force
// when its entry-into-force condition holds (or it has none) and its
// InForceAt instant (if any) has come; until none moves.
func (r *refRun) agreementPhase() {
	for changed := true; changed; {
		changed = false
		for ai := range r.m.p.Agreements {
			a := &r.m.p.Agreements[ai]
			if r.agreementTermEnds(ai) {
				changed = true
			}
			for _, sg := range r.m.datedSignatures(ai) {
				if sg.at.After(r.now) || r.sigTaken[ai][sg.key()] {
					continue
				}
				r.sigTaken[ai][sg.key()] = true
				by := scenario.Instance{Ref: agreement.AgreementRef(a.ID), Debtor: sg.party}
				r.notes["dated signature taken"]++
				r.because("signature", by, func() { r.signBy(ai, sg.party) })
				changed = true
			}
			if from := a.InForceAt.From; from != nil && !r.ifFired[ai] && r.agr[ai] != agreement.StateTerminated &&
				r.view().eval(from, ai, nil, refWindow{}, nil) {
				r.ifFired[ai], r.ifAnchor[ai] = true, r.anchorInstant(from, ai, nil)
				changed = true
			}
			if r.agr[ai] != agreement.StateSigned {
				continue
			}
			if !a.InForceAt.IsZero() {
				if at, ok := r.inForceInstant(ai); !ok || at.After(r.now) {
					continue
				}
			}
			entry := a.EntryIntoForce
			if entry == nil {
				r.agreementTo(ai, agreement.StateInForce, nil)
				changed = true
				continue
			}
			if r.view().eval(entry, ai, nil, refWindow{}, nil) {
				r.agreementTo(ai, agreement.StateInForce, []refDecision{r.decide("entryIntoForce", entry, ai, nil, refWindow{})})
				changed = true
			}
		}
	}
}

// refVersion is a text in force during the replay: version 0, the texts
// compiled, or the text of an amendment from its instant on, with the
// model built from the whole process as amended.
type refVersion struct {
	at        time.Time
	agreement agreement.AgreementID // amended; empty for version 0
	label     string
	old, text agreement.Agreement // the amended agreement's text before and after
	m         *refModel
}

// refVersionAt returns the version in force at instant at: the last
// taking effect at or before it.
func refVersionAt(versions []refVersion, at time.Time) int {
	v := 0
	for v+1 < len(versions) && !versions[v+1].at.After(at) {
		v++
	}
	return v
}

// refTextEqual reports whether two values of an agreement's text are the
// same: conditions, deadlines, terms, recurrences, instants and decimals by
// their Equal methods, pointers by what they point to, everything else field
// by field and element by element.
func refTextEqual(a, b any) bool {
	return refValuesEqual(reflect.ValueOf(a), reflect.ValueOf(b))
}

// refEqualMethods caches refEqualMethod's answers by type.
var refEqualMethods sync.Map // reflect.Type to int

// refEqualMethod returns the index of t's method Equal(t) bool, or -1.
func refEqualMethod(t reflect.Type) int {
	if m, ok := refEqualMethods.Load(t); ok {
		return m.(int)
	}
	m := -1
	if eq, ok := t.MethodByName("Equal"); ok {
		ft, in := eq.Type, 1 // the receiver first, but for an interface's method
		if t.Kind() == reflect.Interface {
			in = 0
		}
		if ft.NumIn() == in+1 && ft.In(in) == t && ft.NumOut() == 1 && ft.Out(0).Kind() == reflect.Bool {
			m = eq.Index
		}
	}
	refEqualMethods.Store(t, m)
	return m
}

func refValuesEqual(a, b reflect.Value) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	if a.Kind() == reflect.Interface || a.Kind() == reflect.Pointer {
		if a.IsNil() || b.IsNil() {
			return a.IsNil() && b.IsNil()
		}
	}
	if a.Kind() == reflect.Pointer && a.Pointer() == b.Pointer() {
		return true // the same value: an amendment keeps most of the text
	}
	if m := refEqualMethod(a.Type()); m >= 0 {
		return a.Method(m).Call([]reflect.Value{b})[0].Bool()
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		return refValuesEqual(a.Elem(), b.Elem())
	case reflect.Struct:
		for k := range a.NumField() {
			if !a.Type().Field(k).IsExported() {
				return reflect.DeepEqual(a.Interface(), b.Interface())
			}
			if !refValuesEqual(a.Field(k), b.Field(k)) {
				return false
			}
		}
		return true
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for k := range a.Len() {
			if !refValuesEqual(a.Index(k), b.Index(k)) {
				return false
			}
		}
		return true
	case reflect.Map:
		return reflect.DeepEqual(a.Interface(), b.Interface())
	}
	return a.Interface() == b.Interface()
}

// amend makes amendment a take effect now, before anything else at the
// instant. The model is built afresh from the process with the amended
// text in place, its instances ordered as the package doc says (those kept
// in their place, the new ones after every other, in the order of the new
// text), and the run's state carried over by clause id and debtor: an
// instance the text no longer has is Terminated (unless final) and never
// moves again, even if a later text has it again (it keeps its place, as
// a ghost, an instance of its clause in its final state); a new one starts
// Dormant; a kept one keeps its state, the
// instant it entered it, its breaches, occurrences and term, and its
// suspensions except those by a suspend power the text no longer has (one
// left with none resumes now). A kept instance whose clause changed, and a
// new one, are evaluated now; so are the instances reading the state of an
// instance removed. A changed anchor is fixed afresh; a changed term
// keeps its beginning and the ends taken, its current term counted with the
// new text's length. Limits are read from the text in force, so they are
// the new text's counted from the past as it happened.
func (r *refRun) amend(a agreement.Amendment) {
	old := r.m
	ai := old.agreementIndex(a.Text.ID)
	p := old.p.Clone()
	was := p.Agreements[ai]
	p.Agreements[ai] = a.Text.Clone()
	m := refNewModel(p, r.start)
	// Order: the instances already known in their place (those the text
	// no longer has among them, as ghosts), then the new ones.
	var insts []refInst
	for _, in := range old.insts {
		if x := m.instance(in.id); x != nil {
			insts = append(insts, *x)
		} else {
			in.ghost = true
			insts = append(insts, in)
		}
	}
	for _, in := range m.insts {
		if old.instance(in.id) == nil {
			insts = append(insts, in)
		}
	}
	m.insts = insts
	m.index()
	r.versions = append(r.versions, refVersion{at: r.now, agreement: a.Text.ID, label: a.Label, old: was,
		text: p.Agreements[ai], m: m})
	r.notes["amendment"]++
	if refTextEqual(was, p.Agreements[ai]) {
		r.notes["amendment changing nothing"]++
	}
	oldSt, oldMarks := r.st, r.marks
	changed := make([]bool, len(old.insts))
	r.m = m
	r.st = make([]refInstState, len(m.insts))
	r.marks = make([]bool, len(m.insts))
	for ii := range m.insts {
		in := &m.insts[ii]
		oi := slices.IndexFunc(old.insts, func(x refInst) bool { return x.id == in.id })
		if oi < 0 {
			r.st[ii] = refInstState{state: agreement.StateDormant, since: r.now}
			r.marks[ii] = true
			r.notes["instance added by amendment"]++
			continue
		}
		r.st[ii] = oldSt[oi]
		r.marks[ii] = oldMarks[oi]
		s := &r.st[ii]
		was := &old.insts[oi]
		if in.ghost {
			continue
		}
		if was.ghost {
			r.notes["instance removed and added again"]++
		}
		if s.state == agreement.StateInEffect {
			signers := r.signersAt(in.ai, r.now)
			switch g0, g1 := refGate(was, r.agr[in.ai], signers), refGate(in, r.agr[in.ai], signers); {
			case g0 && !g1:
				r.notes["gate of a clause in effect closed by amendment"]++
			case !g0 && g1:
				r.notes["gate of a clause in effect opened by amendment"]++
			}
		}
		if !refTextEqual(was.clause, in.clause) {
			r.marks[ii] = true
			changed[ii] = !s.state.IsFinal()
			r.notes["clause changed by amendment"]++
			if !refTextEqual(was.clause.Deadline.From, in.clause.Deadline.From) {
				s.dlFired, s.dlAnchor = false, time.Time{}
			}
			if !refTextEqual(was.clause.Expiry.From, in.clause.Expiry.From) {
				s.expFired, s.expAnchor = false, time.Time{}
			}
			if !was.clause.Term.Equal(in.clause.Term) && s.term.ends > 0 {
				s.term.length = in.clause.Term.Renewal
			}
			// A duty in effect whose recurrence the new text changes (or
			// gives it) starts its occurrences afresh now, as on entry.
			if in.recurs() && s.state == agreement.StateInEffect && !refTextEqual(was.clause.Recurs, in.clause.Recurs) {
				r.notes["recurrence changed by amendment while in effect"]++
				r.startRecurrence(ii)
			}
		}
		ids := func(m *refModel, in *refInst) []scenario.Instance {
			var out []scenario.Instance
			for _, pi := range in.relaxedBy {
				out = append(out, m.insts[pi].id)
			}
			return out
		}
		if !slices.Equal(ids(old, was), ids(m, in)) {
			r.marks[ii] = true
		}
	}
	// A clause with new shares reads differently to the conditions on its
	// state (the package doc, Amendments: a new share is Dormant from t and
	// what reads its clause's state is evaluated at t), as if it had moved:
	// mark them as a transition of the clause does (see to).
	for ii := range m.insts {
		in := &m.insts[ii]
		if slices.ContainsFunc(old.insts, func(x refInst) bool { return x.id == in.id }) {
			continue
		}
		for jj := range m.insts {
			if slices.Contains(m.insts[jj].relaxedBy, ii) {
				r.marks[jj] = true
			}
			other := &m.insts[jj]
			home := m.p.Agreements[other.ai].ID
			for _, c := range other.reads() {
				refMentions(c, func(n agreement.Condition) {
					if ci, ok := n.(*agreement.ClauseInCondition); ok && ci.Ref().Resolve(home) == in.ref {
						r.marks[jj] = true
					}
				})
			}
		}
	}
	// The agreement's own text: a changed anchor of its entry into force
	// is fixed afresh; a changed term keeps its progress, its current term
	// counted with the new text's length.
	if !refTextEqual(was.InForceAt.From, p.Agreements[ai].InForceAt.From) {
		r.ifFired[ai], r.ifAnchor[ai] = false, time.Time{}
	}
	if !was.Term.Equal(p.Agreements[ai].Term) {
		r.notes["agreement term changed by amendment"]++
		if r.agrTerm[ai].ends > 0 {
			r.agrTerm[ai].length = p.Agreements[ai].Term.Renewal
		}
	}
	suspends := func(h agreement.Ref) bool {
		if h.IsAgreement() {
			return true
		}
		for _, q := range p.Agreements {
			for _, c := range q.Clauses {
				if agreement.QualifiedRef(q.ID, c.ID) == h {
					return c.Kind == agreement.DeonticPower && c.Effect == agreement.EffectSuspend
				}
			}
		}
		return false
	}
	r.because("amendment", scenario.Instance{}, func() {
		for ii := range old.insts {
			s := &r.st[ii] // the instances already known keep their place
			if m.insts[ii].ghost {
				if !s.state.IsFinal() {
					r.notes["instance removed by amendment while "+s.state.String()]++
					r.to(ii, agreement.StateTerminated, nil)
				}
				continue
			}
			kept := slices.DeleteFunc(slices.Clone(s.susp), func(h agreement.Ref) bool { return !suspends(h) })
			if len(kept) != len(s.susp) {
				s.susp = kept
				if s.state == agreement.StateSuspended && len(kept) == 0 {
					r.notes["suspension dropped by amendment"]++
					r.to(ii, agreement.StateInEffect, nil)
					changed[ii] = true
				}
			}
			if changed[ii] {
				r.relimited = append(r.relimited, ii)
			}
		}
	})
}

// refTerm is the progress of an instrument's term (agreement.Term): begun
// at the instrument's first entry (into force, or into effect), its current
// term running from cur, the ends taken so far.
type refTerm struct {
	begun  bool
	begin  time.Time
	cur    time.Time        // the start of the current term: begin, or the last end taken
	length agreement.Period // the current term's length, once an end has been taken
	ends   int              // ends taken
	autos  int              // automatic renewals made
	done   bool             // expired
}

// refNotice is a notice given against the term of an agreement, or of the
// instances of a clause (owed by debtor, when set).
type refNotice struct {
	at        time.Time
	event     int               // the notice event; -1 for a power's
	by        scenario.Instance // the power that gave it
	agreement agreement.AgreementID
	clause    agreement.Ref
	debtor    agreement.PartyID
}

// refRenewal is an end of a term the model took: renewed until the next
// end, or (until zero) expired.
type refRenewal struct {
	of        scenario.Instance
	at, until time.Time
	agreed    bool
	// event is the renewal event of an agreed renewal, or the notice
	// event that ended the term; -1 for none. notice is set when a
	// notice (an event's or a power's) ended it.
	event  int
	notice bool
}

func (rn refRenewal) String() string {
	s := fmt.Sprintf("%s end %s", rn.of, refStamp(rn.at))
	switch {
	case !rn.until.IsZero():
		s += " renewed until " + refStamp(rn.until)
	case rn.notice:
		s += " expired by notice"
	default:
		s += " expired"
	}
	if rn.agreed {
		s += " (agreed)"
	}
	if rn.event >= 0 {
		s += fmt.Sprintf(" event #%d", rn.event)
	}
	return s
}

// refTermEnd returns the end of the current term of ts under term, counted
// in loc: the text's Period after the beginning for the first term, the
// length set at the last end taken for the others. False when there is no
// term, it has not begun or has expired, or its end lies beyond
// agreement.InstantRange (never reached).
func refTermEnd(ts *refTerm, term agreement.Term, loc *time.Location) (time.Time, bool) {
	if term.IsZero() || !ts.begun || ts.done {
		return time.Time{}, false
	}
	length := term.Period
	if ts.ends > 0 {
		length = ts.length
	}
	e := length.AddTo(ts.cur, loc)
	if _, last := agreement.InstantRange(); e.After(last) {
		return time.Time{}, false
	}
	return e, true
}

// resolveEventRef returns the instrument an event's Clause names: a local
// reference is to the engine's only agreement.
func (r *refRun) resolveEventRef(x agreement.Ref) agreement.Ref {
	if x.Agreement == "" && len(r.m.p.Agreements) == 1 {
		x.Agreement = r.m.p.Agreements[0].ID
	}
	return x
}

// namesAgreement reports whether event e names agreement ai: its reference,
// or none with a single agreement.
func (r *refRun) namesAgreement(e agreement.Event, ai int) bool {
	if e.Clause == (agreement.Ref{}) {
		return len(r.m.p.Agreements) == 1
	}
	return e.Clause == agreement.AgreementRef(r.m.p.Agreements[ai].ID)
}

// decideEnd takes the end of instrument of's current term (ts under term,
// counted in loc) that has come, in the order of precedence of
// agreement.Term: a renewal agreed by the latest renewal event naming the
// instrument (names) after the last end and at or before this one; else
// expiry, when a notice counts (the earliest one aimed at the instrument,
// notice, not yet spent, given at or before the last instant for this
// end), the notice being spent either way; else an automatic renewal while
// any is left; else expiry. It records the end and returns it.
func (r *refRun) decideEnd(of scenario.Instance, ts *refTerm, term agreement.Term, loc *time.Location,
	names func(agreement.Event) bool, notice func(refNotice) bool) refRenewal {
	e, _ := refTermEnd(ts, term, loc)
	key := of.String()
	agreed := -1
	for k, ev := range r.events {
		if ev.Kind == agreement.EventKindRenewal && !ev.Period.IsZero() && names(ev) && ev.At.After(ts.cur) && !ev.At.After(e) {
			agreed = k
		}
	}
	by := term.NoticeBy(e, loc)
	counts := -1
	for k, n := range r.notices {
		if !notice(n) || r.spent[key][k] || n.at.After(by) {
			continue
		}
		if counts < 0 || n.at.Before(r.notices[counts].at) {
			counts = k
		}
	}
	if counts >= 0 {
		if r.spent[key] == nil {
			r.spent[key] = map[int]bool{}
		}
		r.spent[key][counts] = true
	}
	rn := refRenewal{of: of, at: e, event: -1}
	ts.ends++
	ts.cur = e
	switch {
	case agreed >= 0:
		ts.length = r.events[agreed].Period
		rn.agreed, rn.event = true, agreed
		r.notes["term renewed as agreed"]++
		if counts >= 0 {
			r.notes["term renewed as agreed despite a notice"]++
		}
	case counts >= 0:
		ts.done = true
		rn.notice, rn.event = true, r.notices[counts].event
		r.notes["term ended by notice"]++
		if r.notices[counts].event < 0 {
			r.notes["term ended by a power's notice"]++
		}
	case !term.Renewal.IsZero() && (term.Renewals == 0 || ts.autos < term.Renewals):
		ts.length = term.Renewal
		ts.autos++
		r.notes["term renewed automatically"]++
	default:
		ts.done = true
		r.notes["term expired"]++
	}
	if !ts.done {
		rn.until = ts.length.AddTo(e, loc)
	}
	r.renewals = append(r.renewals, rn)
	return rn
}

// agreementTermEnds takes, in the agreement round, the ends of agreement
// ai's term that have come while it is in force or suspended: at one
// without renewal it is Terminated (and its clauses with it). It reports
// whether the agreement moved.
func (r *refRun) agreementTermEnds(ai int) bool {
	a := &r.m.p.Agreements[ai]
	ts := &r.agrTerm[ai]
	self := r.m.agreementInstance(ai)
	for r.agr[ai] == agreement.StateInForce || r.agr[ai] == agreement.StateSuspended {
		e, ok := refTermEnd(ts, a.Term, r.m.locs[ai])
		if !ok || e.After(r.now) {
			return false
		}
		rn := r.decideEnd(self, ts, a.Term, r.m.locs[ai],
			func(ev agreement.Event) bool { return r.namesAgreement(ev, ai) },
			func(n refNotice) bool { return n.agreement == a.ID })
		if ts.done {
			if r.agr[ai] == agreement.StateSuspended {
				r.notes["suspended agreement's term ended"]++
			}
			r.becauseEvent("term", scenario.Instance{}, rn.event, func() { r.agreementTo(ai, agreement.StateTerminated, nil) })
			return true
		}
	}
	return false
}

// clauseTermEnd returns the end of instance ii's current term while it is
// in effect.
func (r *refRun) clauseTermEnd(ii int) (time.Time, bool) {
	if r.st[ii].state != agreement.StateInEffect {
		return time.Time{}, false
	}
	in := &r.m.insts[ii]
	return refTermEnd(&r.st[ii].term, in.clause.Term, in.loc)
}

// clauseTermEnds takes the ends of instance ii's term that have come (it is
// in effect with its gate open: one suspended or gated at an end takes it
// when it can move again); at one without renewal the instance gets the
// outcome of an expiry, caused by its term. It reports whether the instance
// has a term whose end has come.
func (r *refRun) clauseTermEnds(ii int) bool {
	in := &r.m.insts[ii]
	s := &r.st[ii]
	came := false
	for s.state == agreement.StateInEffect {
		e, ok := r.clauseTermEnd(ii)
		if !ok || e.After(r.now) {
			break
		}
		came = true
		if e.Before(r.now) {
			r.notes["clause term end taken late"]++
		}
		rn := r.decideEnd(in.id, &s.term, in.clause.Term, in.loc,
			func(ev agreement.Event) bool {
				return !ev.Clause.IsAgreement() && r.resolveEventRef(ev.Clause) == in.ref
			},
			func(n refNotice) bool { return n.clause == in.ref && (n.debtor == "" || in.owes(n.debtor)) })
		if s.term.done {
			to := r.expiryOutcome(ii)
			r.notes["clause term ended: "+to.String()]++
			r.becauseEvent("term", scenario.Instance{}, rn.event, func() { r.to(ii, to, nil) })
		}
	}
	return came
}

// noticeEvents records the notices given by the events of kind notice of
// the batch (the first of which is event first of the timeline): against
// the agreement or every instance of the clause each names.
func (r *refRun) noticeEvents(batch []agreement.Event, first int) {
	for k, e := range batch {
		if e.Kind != agreement.EventKindNotice {
			continue
		}
		n := refNotice{at: e.At, event: first + k}
		x := r.resolveEventRef(e.Clause)
		switch {
		case e.Clause == (agreement.Ref{}) && len(r.m.p.Agreements) == 1:
			n.agreement = r.m.p.Agreements[0].ID
		case x.IsAgreement():
			n.agreement = x.Agreement
		default:
			n.clause = x
		}
		r.notices = append(r.notices, n)
		r.notes["notice event"]++
	}
}

// signBy records that party signed agreement ai ("": the agreement as a
// whole, for every required signatory): a provisional clause owed by a new
// signer is marked, and a Draft agreement is Signed once its signatories
// have all signed (by a signature without a party, at once).
func (r *refRun) signBy(ai int, party agreement.PartyID) {
	news := []agreement.PartyID{party}
	if party == "" {
		news = r.m.p.Agreements[ai].Signatories
	}
	for _, p := range news {
		if slices.Contains(r.signers[ai], p) {
			continue
		}
		r.signers[ai] = append(r.signers[ai], p)
		r.signLog = append(r.signLog, refSigning{ai, p, r.now})
		for ii := range r.m.insts {
			if in := &r.m.insts[ii]; in.ai == ai && in.clause.Provisional && in.owes(p) {
				r.marks[ii] = true
			}
		}
	}
	if r.agr[ai] == agreement.StateDraft && (party == "" || r.m.satisfied(ai, r.signers[ai])) {
		r.agreementTo(ai, agreement.StateSigned, nil)
	}
}

// agreementTo moves agreement ai to state to, marking the instances that read
// its state and every instance of it when it enters into force. Its
// instances that do not survive go with it: terminated when it is
// terminated (unless final); suspended, held by it, when it is suspended
// (those in effect; one already suspended gets its hold too); and when it
// resumes, each loses its hold, and one with none left resumes. Its term
// begins at its first entry into force.
func (r *refRun) agreementTo(ai int, to agreement.State, d []refDecision) {
	from := r.agr[ai]
	if to == agreement.StateInForce && from == agreement.StateSigned && !r.m.p.Agreements[ai].InForceAt.IsZero() {
		r.notes["entry into force after InForceAt"]++
	}
	r.agr[ai] = to
	r.record(r.m.agreementInstance(ai), from, to, d)
	if to == agreement.StateSigned {
		r.signedAt[ai] = r.now
	}
	if to == agreement.StateInForce && from == agreement.StateSigned && !r.agrTerm[ai].begun {
		r.agrTerm[ai] = refTerm{begun: true, begin: r.now, cur: r.now}
	}
	id := r.m.p.Agreements[ai].ID
	for ii := range r.m.insts {
		in := &r.m.insts[ii]
		home := r.m.p.Agreements[in.ai].ID
		for _, c := range in.reads() {
			refMentions(c, func(n agreement.Condition) {
				if a, ok := n.(*agreement.AgreementInCondition); ok && (a.Agreement() == id || a.Agreement() == "" && home == id) {
					r.marks[ii] = true
				}
			})
		}
		if in.ai == ai && to == agreement.StateInForce {
			r.marks[ii] = true
		}
	}
	self := r.m.agreementInstance(ai)
	hold := self.Ref
	for ii := range r.m.insts {
		in := &r.m.insts[ii]
		s := &r.st[ii]
		if in.ai != ai {
			continue
		}
		if to == agreement.StateInForce && from == agreement.StateSuspended && s.state == agreement.StateSuspended &&
			slices.Contains(s.susp, hold) {
			// Its hold is lifted whatever the text now says of the
			// clause's survival.
			s.susp = refWithout(s.susp, hold)
			if len(s.susp) == 0 {
				r.notes["clause resumed with its agreement"]++
				r.because("agreement", self, func() { r.to(ii, agreement.StateInEffect, nil) })
			}
			continue
		}
		if in.clause.Surviving {
			continue
		}
		switch {
		case to == agreement.StateTerminated && !s.state.IsFinal():
			r.because("agreement", self, func() { r.to(ii, agreement.StateTerminated, nil) })
		case to == agreement.StateSuspended && s.state == agreement.StateInEffect:
			// The agreement's suspension suspends its clauses in effect,
			// held by the agreement.
			s.susp = refWith(s.susp, hold)
			r.notes["clause suspended with its agreement"]++
			r.because("agreement", self, func() { r.to(ii, agreement.StateSuspended, nil) })
		case to == agreement.StateSuspended && s.state == agreement.StateSuspended:
			s.susp = refWith(s.susp, hold)
		}
	}
}

func (r *refRun) record(i scenario.Instance, from, to agreement.State, d []refDecision) {
	ev := -1
	if r.why == "term" {
		ev = r.ev
	}
	r.log = append(r.log, refTransition{Inst: i, From: from, To: to, At: r.now, Why: r.why, By: r.by, Event: ev,
		Version: len(r.versions) - 1})
	r.decisions = append(r.decisions, d)
}

// because sets the cause recorded with the transitions fn makes.
func (r *refRun) because(why string, by scenario.Instance, fn func()) {
	r.becauseEvent(why, by, -1, fn)
}

// becauseEvent is because with the event of a "term" cause (-1: none).
func (r *refRun) becauseEvent(why string, by scenario.Instance, ev int, fn func()) {
	w, b, e := r.why, r.by, r.ev
	r.why, r.by, r.ev = why, by, ev
	fn()
	r.why, r.by, r.ev = w, b, e
}

// to moves instance ii to state to, marking the instances that read its
// clause's state and, unless to is final, itself. A recurring duty
// entering InEffect from Dormant or Pending starts its occurrences; the
// first entry into InEffect begins the instance's term.
func (r *refRun) to(ii int, to agreement.State, d []refDecision) {
	s := &r.st[ii]
	in := &r.m.insts[ii]
	from := s.state
	if a := r.agr[in.ai]; in.clause.Provisional && (a == agreement.StateDraft || a == agreement.StateSigned) {
		r.notes["provisional clause moves before entry into force"]++
	}
	r.record(in.id, from, to, d)
	s.state, s.since = to, r.now
	if from == agreement.StateDormant {
		s.leftDormant = r.now
	}
	if to == agreement.StateInEffect {
		// Resumed: a clause whose suspensions defer sees the events of
		// the suspension (and judges a standing clause's acts of it);
		// otherwise only those after now.
		if from != agreement.StateSuspended || in.clause.DuringSuspension != agreement.SuspensionDefers {
			s.window = r.now
			s.judged, s.violTrue, s.lastBreach = r.now, false, refWindow{}
		} else {
			r.notes["suspension deferred"]++
		}
		if !s.term.begun {
			s.term = refTerm{begun: true, begin: r.now, cur: r.now}
		}
	}
	if to == agreement.StateInEffect && from != agreement.StateSuspended && in.recurs() {
		r.startRecurrence(ii)
	}
	for jj := range r.m.insts {
		if slices.Contains(r.m.insts[jj].relaxedBy, ii) {
			r.marks[jj] = true // its acts' cover reads this permission's state
		}
	}
	for jj := range r.m.insts {
		other := &r.m.insts[jj]
		home := r.m.p.Agreements[other.ai].ID
		for _, c := range other.reads() {
			refMentions(c, func(n agreement.Condition) {
				if ci, ok := n.(*agreement.ClauseInCondition); ok && ci.Ref().Resolve(home) == in.ref {
					r.marks[jj] = true
				}
			})
		}
	}
	if !to.IsFinal() {
		r.marks[ii] = true
	}
}

// anchors fixes, for each marked instance not final (whatever its gate),
// the anchors of its deadline and expiry that hold now for the first time,
// seeing the whole history.
func (r *refRun) anchors(work []int) {
	for _, ii := range work {
		s := &r.st[ii]
		in := &r.m.insts[ii]
		if s.state.IsFinal() {
			continue
		}
		if from := in.clause.Deadline.From; from != nil && !s.dlFired && r.view().eval(from, in.ai, in, refWindow{}, nil) {
			s.dlFired, s.dlAnchor = true, r.anchorInstant(from, in.ai, in)
		}
		if from := in.clause.Expiry.From; from != nil && !s.expFired && r.view().eval(from, in.ai, in, refWindow{}, nil) {
			s.expFired, s.expAnchor = true, r.anchorInstant(from, in.ai, in)
		}
	}
}

// lapse: a Dormant or Pending instance, its gate open, at or after the
// instant of its unconditional deadline is Lapsed, before activation.
func (r *refRun) lapse(work []int) {
	for _, ii := range work {
		s := &r.st[ii]
		if s.state != agreement.StateDormant && s.state != agreement.StatePending || !r.gateOpen(ii) {
			continue
		}
		if l, ok := r.lapseInstant(ii); ok && !l.After(r.now) {
			r.notes["lapsed "+s.state.String()]++
			r.because("deadline", scenario.Instance{}, func() { r.to(ii, agreement.StateLapsed, nil) })
		}
	}
}

// activation: Dormant to Pending or InEffect when the trigger holds (whole
// history) and the antecedent (seeing no event yet) holds or not; Pending to
// InEffect when the antecedent holds (events after it became Pending).
func (r *refRun) activation(work []int) {
	for _, ii := range work {
		if !r.gateOpen(ii) {
			continue
		}
		in := &r.m.insts[ii]
		s := &r.st[ii]
		trig, ante := in.conds[refTrigger], in.conds[refAntecedent]
		switch s.state {
		case agreement.StateDormant:
			if !r.holds(ii, refTrigger, refWindow{}) {
				continue
			}
			var d []refDecision
			if trig != nil {
				d = append(d, r.decide("trigger", trig, in.ai, in, refWindow{}))
			}
			if !r.holds(ii, refAntecedent, refAfter(r.now)) {
				r.to(ii, agreement.StatePending, d)
				continue
			}
			if ante != nil {
				d = append(d, r.decide("antecedent", ante, in.ai, in, refAfter(r.now)))
			}
			r.to(ii, agreement.StateInEffect, d)
		case agreement.StatePending:
			if !r.holds(ii, refAntecedent, refAfter(s.since)) {
				continue
			}
			var d []refDecision
			if ante != nil { // an amendment may leave a Pending clause without one
				d = append(d, r.decide("antecedent", ante, in.ai, in, refAfter(s.since)))
			}
			r.to(ii, agreement.StateInEffect, d)
		}
	}
}

// fulfilment: InEffect to Fulfilled when the fulfilment condition holds,
// unless it is a recurring duty (an act performs an occurrence) or an
// exclusive limit has been reached; a power so fulfilled is exercised, its
// effect applied later in the round.
func (r *refRun) fulfilment(work []int) {
	for _, ii := range work {
		in := &r.m.insts[ii]
		s := &r.st[ii]
		c := in.conds[refFulfilment]
		if s.state == agreement.StateInEffect && r.gateOpen(ii) && in.recurs() && !r.passedExclusive(ii) {
			r.recur(ii) // its acts perform occurrences, before the powers' effects
			continue
		}
		if s.state != agreement.StateInEffect || c == nil || !r.gateOpen(ii) || in.recurs() || r.passedExclusive(ii) {
			continue
		}
		w := refAfter(s.window)
		if !r.view().eval(c, in.ai, in, w, nil) {
			continue
		}
		r.to(ii, agreement.StateFulfilled, []refDecision{r.decide("fulfilment", c, in.ai, in, w)})
		if in.clause.Kind == agreement.DeonticPower {
			// The exercise: the first visible event of the action, or of
			// an automatic power's Happened fulfilment; none for a
			// compound one.
			k := -1
			if h, ok := c.(*agreement.HappenedCondition); ok {
				seen := refRevised(r.events, r.now)
				k = slices.IndexFunc(seen, func(e agreement.Event) bool {
					return e.At.After(w.at) && r.m.matchesIn(h.Pattern(), in.ai, e, in)
				})
			}
			r.effects = append(r.effects, refEffect{ii, k})
		}
	}
}

// refEffect is a power instance exercised in the current round, with the
// position in the timeline of the event that exercised it.
type refEffect struct{ ii, event int }

// applyEffects applies the effects of the powers exercised in the round:
// discharge and termination, or (suspensions) suspension and resumption;
// within each, in the order of the events that exercised them (the package
// doc's Order inside an instant). A power's clause targets are handled
// before its agreement targets (the package doc does not say).
func (r *refRun) applyEffects(suspensions bool) {
	slices.SortStableFunc(r.effects, func(a, b refEffect) int { return a.event - b.event })
	for _, ef := range r.effects {
		pi := ef.ii
		pin := &r.m.insts[pi]
		cl := pin.clause
		if (cl.Effect == agreement.EffectSuspend || cl.Effect == agreement.EffectResume) != suspensions {
			continue
		}
		r.because("power", pin.id, func() { r.applyEffect(pi) })
	}
}

// applyEffect applies the effect of power instance pi, exercised now, to
// its clause targets, then to its agreement targets: an agreement aimed at
// with a target debtor is that party's participation (the instances of its
// clauses owed by the party), otherwise the agreement itself. A notice
// power gives notice against the terms of its targets.
func (r *refRun) applyEffect(pi int) {
	pin := &r.m.insts[pi]
	cl := pin.clause
	home := r.m.p.Agreements[pin.ai].ID
	targets := cl.Targets
	suspender := pin.ref
	// TargetDebtor: only the instances owed by that debtor (Debtor: the
	// exercising instance's own, or the power's sole debtor). A resume
	// power acts on what its suspend power suspended, as that power did.
	limited := cl.TargetDebtor
	if cl.Effect == agreement.EffectResume {
		// The paired suspend power, in the same agreement.
		targets = nil
		for _, o := range r.m.p.Agreements[pin.ai].Clauses {
			if o.Kind == agreement.DeonticPower && o.Effect == agreement.EffectSuspend && o.ResumedBy == cl.ID {
				targets = o.Targets
				suspender = agreement.QualifiedRef(home, o.ID)
				limited = o.TargetDebtor
			}
		}
	}
	share := cl.TargetDebtor
	if share == agreement.Debtor {
		share = pin.bind
	}
	for _, t := range targets {
		t = t.Resolve(home)
		if t.IsAgreement() {
			continue
		}
		if cl.Effect == agreement.EffectNotice {
			r.notices = append(r.notices, refNotice{at: r.now, event: -1, by: pin.id, clause: t, debtor: share})
			r.notes["notice by a power"]++
			continue
		}
		for _, ii := range r.m.byClause[t] {
			if share != "" && cl.Effect != agreement.EffectResume && !r.m.insts[ii].owes(share) {
				continue
			}
			r.effectOn(ii, cl.Effect, suspender, targets)
		}
	}
	for _, t := range targets {
		t = t.Resolve(home)
		if !t.IsAgreement() {
			continue
		}
		ai := r.m.agreementIndex(t.Agreement)
		if cl.Effect == agreement.EffectNotice {
			r.notices = append(r.notices, refNotice{at: r.now, event: -1, by: pin.id, agreement: t.Agreement})
			r.notes["notice by a power"]++
			continue
		}
		if limited != "" {
			// A party's participation: the instances of the agreement's
			// clauses that do not survive and are owed by the party (for
			// a resumption: those its suspend power holds, whatever the
			// text in force now says of their survival).
			r.notes["participation "+cl.Effect.String()]++
			for ii := range r.m.insts {
				in := &r.m.insts[ii]
				if in.ai != ai || cl.Effect != agreement.EffectResume && (in.clause.Surviving || !in.owes(share)) {
					continue
				}
				r.effectOn(ii, cl.Effect, suspender, targets)
			}
			continue
		}
		switch cl.Effect {
		case agreement.EffectTerminate:
			if r.agr[ai] != agreement.StateTerminated {
				r.agreementTo(ai, agreement.StateTerminated, nil)
			}
		case agreement.EffectSuspend:
			switch r.agr[ai] {
			case agreement.StateInForce:
				r.agrSusp[ai] = refWith(r.agrSusp[ai], suspender)
				r.agreementTo(ai, agreement.StateSuspended, nil)
			case agreement.StateSuspended:
				r.agrSusp[ai] = refWith(r.agrSusp[ai], suspender)
			}
		case agreement.EffectResume:
			if r.agr[ai] == agreement.StateSuspended && slices.Contains(r.agrSusp[ai], suspender) {
				r.agrSusp[ai] = refWithout(r.agrSusp[ai], suspender)
				if len(r.agrSusp[ai]) == 0 {
					r.agreementTo(ai, agreement.StateInForce, nil)
				}
			}
		}
	}
}

// effectOn applies a power's effect to one target instance, when its gate is
// open and the lifecycle allows it. A power's effects are simultaneous: a
// resume power that also lifts the only suspension of the target's
// agreement (targets are those of its paired suspend power) opens the gate
// it resumes the clause through, although the engine order applies clause
// targets before agreement targets.
func (r *refRun) effectOn(ii int, eff agreement.Effect, suspender agreement.Ref, targets []agreement.Ref) {
	s := &r.st[ii]
	if !r.gateOpen(ii) {
		in := &r.m.insts[ii]
		id := r.m.p.Agreements[in.ai].ID
		home := suspender.Agreement
		liftsGate := eff == agreement.EffectResume && r.agr[in.ai] == agreement.StateSuspended &&
			slices.Equal(r.agrSusp[in.ai], []agreement.Ref{suspender}) &&
			slices.ContainsFunc(targets, func(t agreement.Ref) bool { return t.Resolve(home) == agreement.AgreementRef(id) })
		if !liftsGate {
			return
		}
	}
	switch eff {
	case agreement.EffectDischarge:
		if s.state == agreement.StateInEffect {
			r.to(ii, agreement.StateDischarged, nil)
		}
	case agreement.EffectTerminate:
		if !s.state.IsFinal() {
			r.to(ii, agreement.StateTerminated, nil)
		}
	case agreement.EffectSuspend:
		switch s.state {
		case agreement.StateInEffect:
			s.susp = refWith(s.susp, suspender)
			r.to(ii, agreement.StateSuspended, nil)
		case agreement.StateSuspended:
			s.susp = refWith(s.susp, suspender)
		}
	case agreement.EffectResume:
		if s.state == agreement.StateSuspended && slices.Contains(s.susp, suspender) {
			s.susp = refWithout(s.susp, suspender)
			if len(s.susp) == 0 {
				r.to(ii, agreement.StateInEffect, nil)
			}
		}
	}
}

func refWith(s []agreement.Ref, v agreement.Ref) []agreement.Ref {
	if slices.Contains(s, v) {
		return s
	}
	return append(slices.Clip(s), v)
}

func refWithout(s []agreement.Ref, v agreement.Ref) []agreement.Ref {
	return slices.DeleteFunc(slices.Clone(s), func(x agreement.Ref) bool { return x == v })
}

// violation: InEffect to Violated when the violation condition holds, or
// else when the deadline has passed. A standing clause records breaches
// instead, and a recurring duty first records the occurrences it missed;
// neither happens, nor does the violation condition count, once an
// exclusive limit has been reached.
func (r *refRun) violation(work []int) {
	for _, ii := range work {
		in := &r.m.insts[ii]
		s := &r.st[ii]
		if s.state != agreement.StateInEffect || !r.gateOpen(ii) {
			continue
		}
		excl := r.passedExclusive(ii)
		if in.clause.Standing {
			if !excl {
				r.breaches(ii)
			}
			continue
		}
		w := refAfter(s.window)
		if c := in.conds[refViolation]; c != nil && !excl && r.view().eval(c, in.ai, in, w, nil) {
			r.to(ii, agreement.StateViolated, []refDecision{r.decide("violation", c, in.ai, in, w)})
			continue
		}
		if r.deadlinePassed(ii) {
			r.because("deadline", scenario.Instance{}, func() { r.to(ii, agreement.StateViolated, nil) })
		}
	}
}

// startRecurrence starts the occurrences of recurring duty ii as it enters
// InEffect now: periodic ones counted from its Start (or from now), the
// first owed being the first to start at or after now; those of its On
// pattern from the events at or after now.
func (r *refRun) startRecurrence(ii int) {
	s := &r.st[ii]
	rc := &r.m.insts[ii].clause.Recurs
	s.recEntry, s.recSeen, s.recOpen, s.recK = r.now, map[int]bool{}, nil, 0
	if rc.Every.IsZero() {
		return
	}
	s.recBase = r.now
	if !rc.Start.IsZero() {
		s.recBase = rc.Start
	}
	for {
		st, ok := r.occurrenceStart(ii, s.recK)
		if !ok || !st.Before(r.now) {
			return
		}
		s.recK++
	}
}

// occurrenceTime returns the start of periodic occurrence k of recurring
// duty ii: its base plus Every multiplied by k (every part of the period),
// on the calendar of its zone, wherever it lies; zero when it has none.
func (r *refRun) occurrenceTime(ii, k int) time.Time {
	in := &r.m.insts[ii]
	e := in.clause.Recurs.Every
	if e.IsZero() {
		return time.Time{}
	}
	p := agreement.Period{Years: e.Years * k, Months: e.Months * k, Weeks: e.Weeks * k, Days: e.Days * k,
		Exact: e.Exact * time.Duration(k)}
	return p.AddTo(r.st[ii].recBase, in.loc)
}

// occurrenceStart returns the start of periodic occurrence k of recurring
// duty ii; false when it has none or it lies beyond
// agreement.InstantRange.
func (r *refRun) occurrenceStart(ii, k int) (time.Time, bool) {
	t := r.occurrenceTime(ii, k)
	if t.IsZero() {
		return time.Time{}, false
	}
	return refInRange(t)
}

// refInRange returns t and true when it lies within
// agreement.InstantRange, the range's first instant for one before it,
// and false for one beyond it (never reached).
func refInRange(t time.Time) (time.Time, bool) {
	return refLimit(agreement.Deadline{}, t, time.UTC)
}

// occurrenceDue returns the due instant of an occurrence of recurring duty
// ii starting at start: Within after it, or (none given) next, the start of
// the next periodic occurrence wherever it lies; then rounded, and only
// then taken as an instant. Zero: never due.
func (r *refRun) occurrenceDue(ii int, start, next time.Time) time.Time {
	in := &r.m.insts[ii]
	rc := &in.clause.Recurs
	due := next
	if !rc.Within.IsZero() {
		due = rc.Within.AddTo(start, in.loc)
	}
	if due.IsZero() {
		return time.Time{}
	}
	due, ok := refInRange(rc.Round.Apply(due, in.loc))
	if !ok {
		return time.Time{}
	}
	return due
}

// recur advances recurring duty ii, in effect with its gate open: it opens
// every occurrence starting at or before now (periodic ones, and one per
// event of its On pattern at or after its entry into effect), records a
// breach for every open occurrence due at or before now (an act at the due
// instant is too late), then lets an act now (its fulfilment holding with
// event atoms seeing only the events of this instant) perform every
// occurrence still open.
func (r *refRun) recur(ii int) {
	s := &r.st[ii]
	in := &r.m.insts[ii]
	for {
		st, ok := r.occurrenceStart(ii, s.recK)
		if !ok || st.After(r.now) {
			break
		}
		s.recOpen = append(s.recOpen, r.occurrenceDue(ii, st, r.occurrenceTime(ii, s.recK+1)))
		s.recK++
	}
	if on := in.clause.Recurs.On; on != nil {
		if s.recSeen == nil {
			// A duty given its recurrence by an amendment while
			// suspended, and resumed since: it never started its
			// occurrences, and sees the events of each instant from now.
			s.recSeen = map[int]bool{}
		}
		// Only the events of this instant, as logged, start occurrences.
		for k, e := range r.events {
			if !s.recSeen[k] && e.At.Equal(r.now) && !e.At.Before(s.recEntry) && r.m.matchesIn(*on, in.ai, e, in) {
				s.recSeen[k] = true
				s.recOpen = append(s.recOpen, r.occurrenceDue(ii, e.At, time.Time{}))
			}
		}
	}
	var open []time.Time
	for _, due := range s.recOpen {
		if !due.IsZero() && !due.After(r.now) {
			r.notes["recurring duty: occurrence missed"]++
			r.breach(ii, -1)
			continue
		}
		open = append(open, due)
	}
	s.recOpen = open
	if c := in.conds[refFulfilment]; len(s.recOpen) > 0 && c != nil &&
		r.view().eval(c, in.ai, in, refAfter(r.now.Add(-1)), nil) {
		r.notes["recurring duty: occurrences performed"]++
		s.recOpen = nil
	}
}

// breaches records the new breaches of standing instance ii, in effect
// with its gate open. A violation that counts acts: one breach per act
// after the instance entered InEffect not judged yet, at the act's instant.
// Otherwise one breach each time the violation turns from false to true,
// its event atoms seeing events after the entry or the last breach; after
// a breach it is evaluated again with the window at the breach, so that a
// state that stays true is not a new breach.
func (r *refRun) breaches(ii int) {
	in := &r.m.insts[ii]
	s := &r.st[ii]
	c := in.conds[refViolation]
	if c == nil {
		return
	}
	v := r.view()
	if in.counted {
		w := refAfter(s.window)
		if s.judged.After(s.window) {
			w = refAfter(s.judged)
		}
		s.judged = r.now
		var acts []int
		if len(in.relaxedBy) > 0 {
			// Grants are consumed by every act since the clause entered
			// InEffect; only the acts not yet judged are new breaches.
			for _, k := range v.uncovered(in, refAfter(s.window)) {
				if v.events[k].At.After(w.at) {
					acts = append(acts, k)
				}
			}
		} else {
			p := c.(*agreement.HappenedCondition).Pattern()
			for k, e := range v.events {
				if e.At.After(w.at) && !e.At.After(r.now) && r.m.matchesIn(p, in.ai, e, in) {
					acts = append(acts, k)
				}
			}
		}
		for _, k := range acts {
			r.breach(ii, k)
		}
		return
	}
	w := refAfter(s.window)
	if s.lastBreach.set && s.lastBreach.at.After(s.window) {
		w = s.lastBreach
	}
	val := v.eval(c, in.ai, in, w, nil)
	if val && !s.violTrue {
		r.breach(ii, v.firstEventAtom(c, in.ai, in, w))
		val = r.view().eval(c, in.ai, in, refAfter(r.now), nil)
	}
	s.violTrue = val
}

// firstEventAtom returns the event of the first true atom of c naming an
// event (in walk order) whose event is visible after w: the first matching
// event of Happened, Since and the first pattern of Before, the last of
// Within, the last event read by Total or Level, the event that last
// changed the fluent of Holds; -1 for none.
func (v *refView) firstEventAtom(c agreement.Condition, ai int, in *refInst, w refWindow) int {
	found := -1
	visible := func(e agreement.Event) bool { return !e.At.After(v.now) && (!w.set || e.At.After(w.at)) }
	match := func(p agreement.Pattern, last bool) int {
		k := -1
		for j, e := range v.events {
			if visible(e) && v.m.matchesIn(p, ai, e, in) {
				k = j
				if !last {
					break
				}
			}
		}
		return k
	}
	agreement.Walk(c, func(n agreement.Condition) bool {
		if found >= 0 {
			return false
		}
		k := -1
		switch n := n.(type) {
		case *agreement.HappenedCondition:
			k = match(n.Pattern(), false)
		case *agreement.SinceCondition:
			k = match(n.Pattern(), false)
		case *agreement.BeforeCondition:
			k = match(n.First(), false)
		case *agreement.WithinCondition:
			k = match(n.Pattern(), true)
		case *agreement.TallyCondition:
			for j, e := range v.events {
				if visible(e) && v.m.matchesIn(n.Pattern(), ai, e, in) {
					if _, ok := refQuantityIn(e, n.Bound()); ok {
						k = j
					}
				}
			}
		case *agreement.HoldsCondition:
			if j := v.fluentEvent(refFluentKey{ai, n.Fluent()}); j >= 0 && visible(v.events[j]) {
				k = j
			}
		default:
			return true
		}
		if k >= 0 && v.eval(n, ai, in, w, nil) {
			found = k
		}
		return false
	})
	return found
}

// breach records a breach of standing instance ii by event k (-1: none)
// and marks the instances and agreements counting its clause's breaches.
func (r *refRun) breach(ii, k int) {
	s := &r.st[ii]
	s.breaches++
	s.lastBreach = refAfter(r.now)
	act := r.now
	if k >= 0 {
		act = r.events[k].At
	}
	in := &r.m.insts[ii]
	r.blog = append(r.blog, refBreach{inst: in.id, ref: in.ref, owed: in.owed, at: r.now, act: act, event: k})
	r.markBreachReaders(in.ref)
}

// markBreachReaders marks every instance whose conditions count the
// breaches of clause ref.
func (r *refRun) markBreachReaders(ref agreement.Ref) {
	for jj := range r.m.insts {
		other := &r.m.insts[jj]
		home := r.m.p.Agreements[other.ai].ID
		for _, c := range other.reads() {
			refMentions(c, func(n agreement.Condition) {
				if b, ok := n.(*agreement.BreachedCondition); ok && b.Ref().Resolve(home) == ref {
					r.marks[jj] = true
				}
			})
		}
	}
}

// expiry: a Pending or InEffect instance reaching its expiry is Discharged,
// or Fulfilled for a prohibition in effect; a standing clause or a
// recurring duty in effect is Violated if it recorded a breach, Fulfilled
// otherwise. An instance in effect reaching the end of its term takes it
// here too: renewed, or given the same outcome, caused by its term.
func (r *refRun) expiry(work []int) {
	for _, ii := range work {
		s := &r.st[ii]
		if s.state != agreement.StatePending && s.state != agreement.StateInEffect || !r.gateOpen(ii) {
			continue
		}
		if r.clauseTermEnds(ii) {
			continue
		}
		x, ok := r.expiryInstant(ii)
		if !ok || x.After(r.now) {
			continue
		}
		to := r.expiryOutcome(ii)
		r.because("expiry", scenario.Instance{}, func() { r.to(ii, to, nil) })
	}
}

// expiryOutcome is the state instance ii expires to: Discharged, or, in
// effect, Fulfilled for a prohibition, and for a standing clause or a
// recurring duty Violated if it recorded a breach, Fulfilled otherwise.
func (r *refRun) expiryOutcome(ii int) agreement.State {
	s := &r.st[ii]
	in := &r.m.insts[ii]
	kept := in.clause.Standing || in.recurs()
	switch {
	case s.state != agreement.StateInEffect:
	case kept && s.breaches > 0:
		return agreement.StateViolated
	case kept, in.clause.Kind == agreement.DeonticProhibition:
		return agreement.StateFulfilled
	}
	return agreement.StateDischarged
}

// State returns the model's state of instance i at the end of instant at.
func (res *refResult) State(i scenario.Instance, at time.Time) agreement.State {
	var s agreement.State
	if i.IsAgreement() {
		s = res.m0.initialAgreementState(res.m0.agreementIndex(i.Ref.Agreement))
	} else {
		s = agreement.StateDormant
	}
	for _, tr := range res.log {
		if tr.At.After(at) {
			break
		}
		if tr.Inst == i {
			s = tr.To
		}
	}
	return s
}

// Instances returns every instance the model tracked: agreements first,
// then clause instances, in order of the texts compiled, then those that
// amendments added.
func (res *refResult) Instances() []scenario.Instance {
	var out []scenario.Instance
	for ai := range res.m0.p.Agreements {
		out = append(out, res.m0.agreementInstance(ai))
	}
	for _, v := range res.versions {
		for _, in := range v.m.insts {
			if !slices.Contains(out, in.id) {
				out = append(out, in.id)
			}
		}
	}
	return out
}

// modelAt returns the model of the texts in force at instant at.
func (res *refResult) modelAt(at time.Time) *refModel {
	return res.versions[refVersionAt(res.versions, at)].m
}

// viewAt returns the view at the end of instant at (which must not be after
// the end of the replay): events up to it, fluents after its batch, states
// after its last transition, with the texts in force at it.
func (res *refResult) viewAt(at time.Time) *refView {
	n := 0
	for n < len(res.events) && !res.events[n].At.After(at) {
		n++
	}
	evs := res.events[:n]
	m := res.modelAt(at)
	fl, flEv := refFluentsOver(res.versions, evs, at)
	var bs []refBreach
	for _, b := range res.breaches {
		if !b.at.After(at) {
			bs = append(bs, b)
		}
	}
	return &refView{
		m: m, now: at, events: refRevised(evs, at),
		fluent:      func(k refFluentKey) bool { return fl[m.fluentIdx[k]] },
		fluentEvent: func(k refFluentKey) int { return flEv[m.fluentIdx[k]] },
		state: func(ii int) (agreement.State, time.Time) {
			st, since := agreement.StateDormant, res.start
			for _, tr := range res.log {
				if tr.At.After(at) {
					break
				}
				if tr.Inst == m.insts[ii].id {
					st, since = tr.To, tr.At
				}
			}
			return st, since
		},
		agr:      func(ai int) agreement.State { return res.State(m.agreementInstance(ai), at) },
		breaches: bs,
	}
}

// windowAt returns the window of the fulfilment and violation of instance
// i, in effect at the end of instant at: after its entry into InEffect, or
// its last resumption unless its clause (in the text in force then) defers
// what happens during its suspensions.
func (res *refResult) windowAt(i scenario.Instance, at time.Time) refWindow {
	var w time.Time
	for _, tr := range res.log {
		if tr.At.After(at) {
			break
		}
		if tr.Inst != i || tr.To != agreement.StateInEffect {
			continue
		}
		if tr.From == agreement.StateSuspended {
			if in := res.modelAt(tr.At).instance(i); in != nil && in.clause.DuringSuspension == agreement.SuspensionDefers {
				continue
			}
		}
		w = tr.At
	}
	return refAfter(w)
}

// inst returns the model's instance i in the texts in force at the end, or
// else in the latest text that had it; nil if none did.
func (res *refResult) inst(i scenario.Instance) *refInst {
	for v := len(res.versions) - 1; v >= 0; v-- {
		if in := res.versions[v].m.instance(i); in != nil {
			return in
		}
	}
	return nil
}

// Breaches returns the breaches the model recorded for instance i up to
// and including instant at.
func (res *refResult) Breaches(i scenario.Instance, at time.Time) []refBreach {
	var out []refBreach
	for _, b := range res.breaches {
		if !b.at.After(at) && b.inst == i {
			out = append(out, b)
		}
	}
	return out
}

// refCompareBreaches compares the breaches of every standing instance and
// recurring duty the engine recorded up to at with the model's: how many,
// each one's instant and its act's.
func refCompareBreaches(tr *scenario.Trace, res *refResult, at time.Time) []string {
	var diffs []string
	var insts []refInst
	for _, v := range res.versions {
		for _, in := range v.m.insts {
			if (in.clause.Standing || in.recurs()) && !slices.ContainsFunc(insts, func(x refInst) bool { return x.id == in.id }) {
				insts = append(insts, in)
			}
		}
	}
	for _, in := range insts {
		got, err := tr.BreachesOf(in.id, at)
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("Breaches(%s): %v", in.id, err))
			continue
		}
		want := res.Breaches(in.id, at)
		same := len(got) == len(want)
		for k := 0; same && k < len(got); k++ {
			same = got[k].At.Equal(want[k].at) && got[k].Act.Equal(want[k].act)
		}
		if !same {
			var g, w []string
			for _, b := range got {
				g = append(g, refStamp(b.At)+" act "+refStamp(b.Act))
			}
			for _, b := range want {
				w = append(w, refStamp(b.at)+" act "+refStamp(b.act))
			}
			diffs = append(diffs, fmt.Sprintf("breaches of %s up to %s: engine %d %v, model %d %v", in.id, refStamp(at),
				len(got), g, len(want), w))
		}
	}
	return diffs
}

// FluentHolds reports the model's value of fluent f of agreement ai at the
// end of instant at.
func (res *refResult) FluentHolds(ai int, f agreement.FluentID, at time.Time) bool {
	return res.viewAt(at).fluent(refFluentKey{ai, f})
}

// refTransitions converts a trace's transitions for comparison with the
// model's.
func refTransitions(tr *scenario.Trace) []refTransition {
	var out []refTransition
	for x := range tr.Transitions() {
		out = append(out, refTransition{Inst: x.Instance, From: x.From, To: x.To, At: x.At, Version: x.Version})
	}
	return out
}

// refCompare compares a trace with the model's replay of the same events up
// to the same end: every transition in order (with the version in force),
// the ends of terms and the versions, and every instance's state and every
// fluent's value at the end. It returns a description of each difference.
func refCompare(tr *scenario.Trace, res *refResult) []string {
	var diffs []string
	got, want := refTransitions(tr), res.log
	if !slices.EqualFunc(got, want, func(a, b refTransition) bool {
		return a.Inst == b.Inst && a.From == b.From && a.To == b.To && a.At.Equal(b.At) && a.Version == b.Version
	}) {
		diffs = append(diffs, "transitions differ:\n"+refSideBySide(got, want))
	} else {
		diffs = append(diffs, refCompareCauses(tr, res)...)
	}
	diffs = append(diffs, refCompareRenewals(tr, res)...)
	diffs = append(diffs, refCompareVersions(tr, res)...)
	end := tr.End()
	if !end.Before(res.start) {
		diffs = append(diffs, refCompareBreaches(tr, res, end)...)
	}
	for _, i := range res.Instances() {
		s, err := tr.State(i, end)
		if err != nil {
			diffs = append(diffs, fmt.Sprintf("State(%s): %v", i, err))
			continue
		}
		if w := res.State(i, end); s != w {
			diffs = append(diffs, fmt.Sprintf("state of %s at %s: engine %s, model %s", i, refStamp(end), s, w))
		}
	}
	if !end.Before(res.start) {
		for ai, a := range res.modelAt(end).p.Agreements {
			for _, f := range a.Fluents {
				got, err := tr.FluentHolds(a.ID, f.ID, end)
				if err != nil {
					diffs = append(diffs, fmt.Sprintf("FluentHolds(%s, %s): %v", a.ID, f.ID, err))
					continue
				}
				if want := res.FluentHolds(ai, f.ID, end); got != want {
					diffs = append(diffs, fmt.Sprintf("fluent %s/%s at %s: engine %t, model %t", a.ID, f.ID, refStamp(end), got, want))
				}
			}
		}
	}
	return diffs
}

// refCompareCauses checks the cause of every transition whose cause the
// package doc names: a deadline (a lapse included), an expiry, a power (By
// the power's instance, Event its exercise: an event of the instant
// matching the power's action), the termination, suspension or resumption
// of the agreement (By the agreement), a signing event, a recorded
// signature's date (By the agreement with the signing party as debtor), the
// end of a term (Event the notice event that ended it, if one did), an
// amendment. The transitions must already be equal.
func refCompareCauses(tr *scenario.Trace, res *refResult) []string {
	return refCompareCausesOf(slices.Collect(tr.Transitions()), tr, res)
}

// refCompareCausesOf is refCompareCauses for the transitions xs of tr, the
// first of its transitions, as many as the model's.
func refCompareCausesOf(xs []scenario.Transition, tr *scenario.Trace, res *refResult) []string {
	var diffs []string
	k := 0
	for _, x := range xs {
		want := res.log[k]
		k++
		c := x.Cause
		bad := func(msg string) {
			diffs = append(diffs, fmt.Sprintf("cause of %s: %s %s (event %d, by %s), want %s", want, c.Kind, msg, eventOf(c), c.By, want.Why))
		}
		switch want.Why {
		case "deadline":
			if c.Kind != scenario.CauseDeadline {
				bad("")
			}
		case "expiry":
			if c.Kind != scenario.CauseExpiry {
				bad("")
			}
		case "agreement":
			if c.Kind != scenario.CauseAgreement || c.By != want.By {
				bad("")
			}
		case "signing":
			if ev, ok := tr.Event(eventOf(c)); c.Kind != scenario.CauseEvent || !ok || ev.Kind != agreement.EventKindSigning || !ev.At.Equal(x.At) {
				bad("(not the signing event)")
			}
		case "signature":
			if c.Kind != scenario.CauseSignature || c.By != want.By {
				bad("")
			}
		case "term":
			// The notice event that ended the term, when an event did.
			if i, ok := c.Event(); c.Kind != scenario.CauseTerm || want.Event >= 0 && (!ok || i != want.Event) {
				bad(fmt.Sprintf("(want the notice event %d)", want.Event))
			}
		case "amendment":
			if c.Kind != scenario.CauseAmendment {
				bad("")
			}
		case "power":
			if c.Kind != scenario.CausePower || c.By != want.By {
				bad("")
				continue
			}
			m := res.modelAt(x.At)
			power := m.instance(want.By)
			if power == nil {
				bad("(the power is not in the text in force)")
				continue
			}
			h, isEvent := power.conds[refFulfilment].(*agreement.HappenedCondition)
			if !isEvent {
				continue // an automatic power, exercised by its condition
			}
			k := eventOf(c)
			ev, ok := tr.Event(k)
			exercise := h.Pattern()
			// The exercise is at the instant, or earlier when the power's
			// gate was closed then; it matches as revised at the instant.
			if ok {
				ev = refRevised(res.events, x.At)[k]
			}
			if !ok || ev.At.After(x.At) || !m.matchesIn(exercise, power.ai, ev, power) {
				bad(fmt.Sprintf("names event %+v, not an exercise of %s (%s) at %s", ev, want.By, exercise, refStamp(x.At)))
			}
		}
	}
	return diffs
}

// refCompareRenewals compares the ends of terms the engine took with the
// model's, in order: the instrument, the end, the end of the next term (zero
// when it expired), whether a renewal event set its length, and the event
// named (the renewal event, or the notice event that ended the term) when
// the model has one.
func refCompareRenewals(tr *scenario.Trace, res *refResult) []string {
	var got []scenario.Renewal
	for rn := range tr.Renewals() {
		got = append(got, rn)
	}
	same := len(got) == len(res.renewals)
	for k := 0; same && k < len(got); k++ {
		g, w := got[k], res.renewals[k]
		same = g.Of == w.of && g.At.Equal(w.at) && g.Until.Equal(w.until) && g.Agreed == w.agreed
		if i, ok := g.Cause.Event(); same && w.event >= 0 && (!ok || i != w.event) {
			same = false
		}
	}
	if same {
		return nil
	}
	var b strings.Builder
	for k := range max(len(got), len(res.renewals)) {
		g, w := "-", "-"
		if k < len(got) {
			x := got[k]
			g = refRenewal{of: x.Of, at: x.At, until: x.Until, agreed: x.Agreed, event: eventOf(x.Cause)}.String() +
				" cause " + x.Cause.Kind.String()
		}
		if k < len(res.renewals) {
			w = res.renewals[k].String()
		}
		fmt.Fprintf(&b, "%3d engine %-70s model %s\n", k, g, w)
	}
	return []string{"renewals differ:\n" + b.String()}
}

// refChanges writes changes one a line.
func refChanges(cs revision.Changes) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.String() + "\n")
	}
	return b.String()
}

// refCompareVersions compares the engine's versions with the model's:
// version 0 at the start, then one per amendment applied, with its instant,
// agreement, label and the changes revision.Diff reports between the text
// before it and its own.
func refCompareVersions(tr *scenario.Trace, res *refResult) []string {
	got := tr.Versions()
	var diffs []string
	if len(got) != len(res.versions) {
		return []string{fmt.Sprintf("%d versions, model %d", len(got), len(res.versions))}
	}
	for k, v := range res.versions {
		g := got[k]
		want := revision.Diff(v.old, v.text)
		if k == 0 {
			want = nil
		}
		if g.Index != k || !g.At.Equal(v.at) || g.Agreement != v.agreement || g.Label != v.label ||
			refChanges(g.Changes) != refChanges(want) {
			diffs = append(diffs, fmt.Sprintf("version %d: engine %d at %s of %q %q (%d changes), model at %s of %q %q (%d changes)",
				k, g.Index, refStamp(g.At), g.Agreement, g.Label, len(g.Changes), refStamp(v.at), v.agreement, v.label, len(want)))
		}
	}
	return diffs
}

// refDescribeLog writes the model's transitions with their causes, for
// failure reports.
func refDescribeLog(res *refResult) string {
	var b strings.Builder
	for _, x := range res.log {
		fmt.Fprintf(&b, "  %s", x)
		if x.Why != "" {
			fmt.Fprintf(&b, " (%s", x.Why)
			if x.By != (scenario.Instance{}) {
				fmt.Fprintf(&b, " by %s", x.By)
			}
			b.WriteString(")")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func refSideBySide(got, want []refTransition) string {
	var b strings.Builder
	for k := 0; k < max(len(got), len(want)); k++ {
		g, w := "-", "-"
		if k < len(got) {
			g = got[k].String()
		}
		if k < len(want) {
			w = want[k].String()
		}
		mark := "  "
		if g != w {
			mark = "! "
		}
		fmt.Fprintf(&b, "%s%3d engine %-60s model %s\n", mark, k, g, w)
	}
	return b.String()
}

func refStamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// refCheckReplay replays events over p with both the engine and the model,
// reports every difference, and returns the engine's trace.
func refCheckReplay(t *testing.T, p agreement.Process, start time.Time, events []agreement.Event, end time.Time) *scenario.Trace {
	t.Helper()
	return refCheckTimeline(t, p, scenario.NewTimeline(start, events...), end)
}

// refCheckTimeline is refCheckReplay for a timeline, with its amendments.
func refCheckTimeline(t *testing.T, p agreement.Process, tl scenario.Timeline, end time.Time) *scenario.Trace {
	t.Helper()
	e, err := scenario.CompileProcess(p)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := e.Replay(tl, end)
	if err != nil {
		t.Fatal(err)
	}
	var sorted []agreement.Event
	for _, ev := range tl.Events() {
		sorted = append(sorted, ev)
	}
	for _, d := range refCompare(tr, refReplayAmended(p, tl.Start(), sorted, tl.Amendments(), end)) {
		t.Error(d)
	}
	return tr
}

// Regression tests: each is a minimal case, found by TestStateMachineEngine
// or built from run.go, where the engine disagreed with the package doc and
// the reference model. Each replays the case with both and also states the
// expected states explicitly.

func refAt(h int) time.Time { return refHour(h) }

func refWant(t *testing.T, tr *scenario.Trace, ref string, debtor agreement.PartyID, at time.Time, want agreement.State) {
	t.Helper()
	r, err := agreement.ParseRef(ref)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tr.State(scenario.Instance{Ref: r, Debtor: debtor}, at)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s at %s: %s, want %s", ref, refStamp(at), got, want)
	}
}

// refCheckAgreement is refCheckReplay for agreement a alone, from hour 0.
func refCheckAgreement(t *testing.T, a agreement.Agreement, end time.Time, evs ...agreement.Event) *scenario.Trace {
	t.Helper()
	return refCheckReplay(t, agreement.Process{Agreements: []agreement.Agreement{a}}, refAt(0), evs, end)
}

// refSigned returns agreement a1, signed, with party UA and the given
// clauses.
func refSigned(clauses []agreement.Clause) agreement.Agreement {
	return agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}}, Clauses: clauses}
}

// The package doc's Agreements: "A signing event ... moves it from Draft to
// Signed. A Signed agreement enters into force as soon as its
// entry-into-force condition holds, at once when it has none." The engine
// moved the agreement to Signed but never evaluated it again, since nothing
// woke it: it stayed Signed forever and none of its clauses ever moved.
func TestRegressionRefSigningEntersIntoForce(t *testing.T) {
	a := agreement.Agreement{
		ID:      "a1", // SigningStatus unspecified, no signatures: Draft
		Parties: []agreement.Party{{ID: "UA"}},
		Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Action: &agreement.Pattern{Kind: "aid-delivered"}}},
	}
	sign := agreement.Event{At: refAt(1), Kind: agreement.EventKindSigning, Actor: "UA"}
	tr := refCheckAgreement(t, a, refAt(2), sign)
	refWant(t, tr, "a1/", "", refAt(1), agreement.StateInForce)
	refWant(t, tr, "C1", "", refAt(1), agreement.StateInEffect)
}

// The package doc's Order inside an instant: each event "sets the fluents it
// initiates and then clears those it terminates". The engine applied, per
// event, each matching pattern in the order the patterns were first
// mentioned (interned), setting and clearing as it went: when a pattern that
// terminates f2 was interned before one that initiates it (here by fluent
// f1), an event matching both left f2 set. So Holds(f2) was wrongly true,
// and C1 wrongly activated.
func TestRegressionRefFluentInitiateThenTerminate(t *testing.T) {
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	attackUA := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "UA"}
	a := agreement.Agreement{
		ID: "a1", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}},
		Fluents: []agreement.Fluent{
			{ID: "f1", Initiates: []agreement.Pattern{attack}},
			{ID: "f2", Initiates: []agreement.Pattern{attackUA}, Terminates: []agreement.Pattern{attack}},
		},
		Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Action: &agreement.Pattern{Kind: "aid-delivered"}, Trigger: agreement.Holds("f2")}},
	}
	ev := agreement.Event{At: refAt(1), Kind: agreement.EventKindArmedAttack, Actor: "UA"}
	tr := refCheckAgreement(t, a, refAt(2), ev)
	if got, err := tr.FluentHolds("", "f2", refAt(1)); err != nil || got {
		t.Errorf("f2 holds after an event that initiates and terminates it: %t (%v), want false", got, err)
	}
	refWant(t, tr, "C1", "", refAt(1), agreement.StateDormant)
}

// The package doc's Agreements: "a clause that does not survive changes
// state only while its agreement is in force", and its Powers: "An effect on
// a clause whose gate is closed is lost". The engine gated every power
// effect on a target (discharge, terminate, suspend) but not resumption: a
// surviving resume power exercised while the agreement was suspended (by
// another power) moved its non-surviving target from Suspended to InEffect.
// Found by TestPropertyAgreementGate and by TestStateMachineEngine.
func TestRegressionRefResumeWhileAgreementSuspended(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	a := refSigned([]agreement.Clause{
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"}},
		{ID: "SC", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "RC"},
		{ID: "RC", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume, Surviving: true},
		{ID: "SA", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.AgreementRef("a1")}, ResumedBy: "RA", Surviving: true},
		{ID: "RA", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume, Surviving: true},
	})
	exercise := func(h int, c agreement.ClauseID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef(c)}
	}
	evs := []agreement.Event{exercise(1, "SC"), exercise(2, "SA"), exercise(3, "RC")}
	tr := refCheckAgreement(t, a, refAt(4), evs...)
	refWant(t, tr, "C", "", refAt(1), agreement.StateSuspended)
	refWant(t, tr, "a1/", "", refAt(3), agreement.StateSuspended)
	refWant(t, tr, "C", "", refAt(3), agreement.StateSuspended) // the engine once: in-effect
}

// The package doc's Order inside an instant: a round takes "the woken
// clauses", a clause is woken when "a timed atom of their conditions" turns
// at the instant, and "a transition wakes, for the next round, ... every
// clause and agreement whose conditions read its state". The engine also
// woke a clause at a stale timer: X's Within(p, 2h) was due to turn at 3h
// after p at 1h, p again at 2h pushed that to 4h, but the 3h timer still
// fired and put X in the first round at 3h. There X read Y's activation in
// the same round and was activated before the discharge power P, exercised
// at 3h, applied: the engine discharged X. By the package doc X is not in
// that round (nothing it reads changed before it), reads Y's activation in
// the next round, after P's effect: X ends InEffect. The outcome depended on
// a timer no atom justifies.
func TestRegressionRefStaleTimerWakesClause(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	p := agreement.Pattern{Kind: "patrol"}
	a := refSigned([]agreement.Clause{
		{ID: "Y", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"},
			Trigger: agreement.Happened(agreement.Pattern{Kind: "request"})},
		{ID: "X", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"},
			Trigger: agreement.All(agreement.ClauseIn(agreement.LocalRef("Y"), agreement.StateInEffect),
				agreement.Within(p, 2*time.Hour))},
		{ID: "P", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectDischarge,
			Targets: []agreement.Ref{agreement.LocalRef("X")}},
	})
	evs := []agreement.Event{
		{At: refAt(1), Kind: "patrol", Actor: "UA"},
		{At: refAt(2), Kind: "patrol", Actor: "UA"},
		{At: refAt(3), Kind: "request", Actor: "UA"},
		{At: refAt(3), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef("P")},
	}
	tr := refCheckAgreement(t, a, refAt(5), evs...)
	refWant(t, tr, "Y", "", refAt(3), agreement.StateInEffect)
	refWant(t, tr, "X", "", refAt(3), agreement.StateInEffect) // the engine once: discharged
}

// Cause.Event: "the exercise for CausePower"; the package doc's
// Explanations: every transition records its cause. The engine recorded as a
// power's exercise the first event of the batch that woke the power, here
// the attack matching the power's trigger, which precedes the exercise in
// the batch: the explanation of C's discharge named the attack.
func TestRegressionRefPowerCauseNamesExercise(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	a := refSigned([]agreement.Clause{
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"}},
		{ID: "P", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectDischarge,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, Trigger: agreement.Happened(attack)},
	})
	evs := []agreement.Event{
		{At: refAt(1), Kind: agreement.EventKindArmedAttack, Actor: "UA"},
		{At: refAt(2), Kind: agreement.EventKindArmedAttack, Actor: "UA"},
		{At: refAt(2), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef("P")},
	}
	tr := refCheckAgreement(t, a, refAt(3), evs...)
	refWant(t, tr, "C", "", refAt(2), agreement.StateDischarged)
	for x := range tr.Transitions() {
		if x.Instance.Ref.Clause == "C" && x.To == agreement.StateDischarged {
			if x.Cause.Kind != scenario.CausePower || eventOf(x.Cause) != 2 {
				ev, _ := tr.Event(eventOf(x.Cause))
				t.Errorf("C discharged with cause %s by %s naming event #%d (%s), want the exercise, event #2",
					x.Cause.Kind, x.Cause.By, eventOf(x.Cause), ev.Kind)
			}
		}
	}
}

// The package doc, Order inside an instant: the effects of a round's
// powers come in the order of the events that exercised them, an action or
// a Happened fulfilment; a power exercised by another condition turning true
// comes first. A state-machine seed found the engine ordering a suspend
// power exercised by Since(s, 0) by the event its condition read, after the
// resume power exercised earlier in the batch, so that the target stayed
// suspended where the model resumed it.
func TestRegressionRefPowerOrderByExercise(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	a := refSigned([]agreement.Clause{
		{ID: "T", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"}},
		{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("T")}, ResumedBy: "R",
			Fulfilment: agreement.Since(agreement.Pattern{Kind: "suspend-signal"}, 0)},
		{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume,
			Action: &agreement.Pattern{Kind: "resume-signal"}},
	})
	evs := []agreement.Event{
		{At: refAt(1), Kind: "resume-signal", Actor: "UA"},
		{At: refAt(1), Kind: "suspend-signal", Actor: "UA"},
	}
	tr := refCheckAgreement(t, a, refAt(2), evs...)
	refWant(t, tr, "S", "", refAt(1), agreement.StateFulfilled)
	refWant(t, tr, "R", "", refAt(1), agreement.StateFulfilled)
	refWant(t, tr, "T", "", refAt(1), agreement.StateInEffect) // suspended, then resumed
	var causes []string
	for x := range tr.Transitions() {
		if x.Instance.Ref.Clause == "T" && x.At.Equal(refAt(1)) {
			causes = append(causes, fmt.Sprintf("%s by %s", x.To, x.Cause.By.Ref.Clause))
		}
	}
	if want := []string{"suspended by S", "in-effect by R"}; !slices.Equal(causes, want) {
		t.Errorf("T at hour 1: %q, want %q", causes, want)
	}
}

// TestReferenceModelDocExamples pins the reference model to the package
// doc's explicit statements with small hand-computed cases, each also replayed by
// the engine and compared in full.
func TestReferenceModelDocExamples(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	cf := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	exercise := func(h int, c agreement.ClauseID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef(c)}
	}
	ev := func(h int, k agreement.EventKind, actor agreement.PartyID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: k, Actor: actor}
	}
	agr := func(cs ...agreement.Clause) agreement.Agreement {
		return agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}}, Clauses: cs}
	}
	suspendPair := []agreement.Clause{
		{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R"},
		{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume},
	}
	type want struct {
		ref   string
		at    int
		state agreement.State
	}
	cases := []struct {
		name string
		a    agreement.Agreement
		evs  []agreement.Event
		end  int
		want []want
	}{{
		// Since(ceasefire, 30 days) turns true exactly 30 days later.
		name: "since turns by time alone",
		a: agr(agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
			Trigger: agreement.Since(cf, 30*agreement.Day)}),
		evs:  []agreement.Event{ev(1, agreement.EventKindCeasefireInForce, "UA")},
		end:  1 + 30*24 + 1,
		want: []want{{"C", 30 * 24, agreement.StateDormant}, {"C", 1 + 30*24, agreement.StateInEffect}},
	}, {
		// Freshness: an antecedent sees only events after the clause became
		// Pending, never those at the instant it left Dormant.
		name: "new attack after the ceasefire",
		a: agr(agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
			Trigger: agreement.Happened(cf), Antecedent: agreement.Happened(attack)}),
		evs: []agreement.Event{ev(1, agreement.EventKindArmedAttack, "RU"), ev(2, agreement.EventKindCeasefireInForce, "UA"),
			ev(2, agreement.EventKindArmedAttack, "RU"), ev(3, agreement.EventKindArmedAttack, "RU")},
		end:  4,
		want: []want{{"C", 2, agreement.StatePending}, {"C", 3, agreement.StateInEffect}},
	}, {
		// A duration deadline pauses while the clause is suspended: 4h of
		// deadline, 1h in effect, suspended for 5h, then 3h more.
		name: "duration deadline paused while suspended",
		a: agr(append([]agreement.Clause{{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
			Deadline: agreement.Deadline{After: 4 * time.Hour}}}, suspendPair...)...),
		evs:  []agreement.Event{exercise(1, "S"), exercise(6, "R")},
		end:  12,
		want: []want{{"C", 1, agreement.StateSuspended}, {"C", 8, agreement.StateInEffect}, {"C", 9, agreement.StateViolated}},
	}, {
		// An absolute deadline passed while suspended is a violation at the
		// instant of resumption.
		name: "absolute deadline passed while suspended",
		a: agr(append([]agreement.Clause{{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
			Deadline: agreement.Deadline{At: refAt(3)}}}, suspendPair...)...),
		evs:  []agreement.Event{exercise(1, "S"), exercise(6, "R")},
		end:  8,
		want: []want{{"C", 5, agreement.StateSuspended}, {"C", 6, agreement.StateViolated}},
	}, {
		// A duration deadline does not run while the agreement is
		// suspended: the clause is suspended with it, and resumes with it.
		name: "deadline gated by the agreement",
		a: agr(
			agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
				Deadline: agreement.Deadline{After: 4 * time.Hour}},
			agreement.Clause{ID: "SA", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
				Targets: []agreement.Ref{agreement.AgreementRef("a1")}, ResumedBy: "RA"},
			agreement.Clause{ID: "RA", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume, Surviving: true}),
		evs:  []agreement.Event{exercise(2, "SA"), exercise(10, "RA")},
		end:  14,
		want: []want{{"a1/", 5, agreement.StateSuspended}, {"C", 11, agreement.StateInEffect}, {"C", 12, agreement.StateViolated}},
	}, {
		// A prohibition in effect at its expiry is Fulfilled; a Pending
		// clause at its expiry is Discharged.
		name: "expiry",
		a: agr(
			agreement.Clause{ID: "P", Kind: agreement.DeonticProhibition, Debtors: ua, Action: aid,
				Expiry: agreement.Deadline{After: 2 * time.Hour}},
			agreement.Clause{ID: "Q", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
				Antecedent: agreement.Happened(attack), Expiry: agreement.Deadline{At: refAt(3)}}),
		end:  4,
		want: []want{{"P", 1, agreement.StateInEffect}, {"P", 2, agreement.StateFulfilled}, {"Q", 3, agreement.StateDischarged}},
	}, {
		// Several debtors: one instance each; the action's actor defaults
		// to each debtor; ClauseIn holds when any instance is in a state.
		name: "several debtors",
		a: agr(
			agreement.Clause{ID: "M", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"}, Action: aid},
			agreement.Clause{ID: "N", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
				Trigger: agreement.ClauseIn(agreement.LocalRef("M"), agreement.StateFulfilled)}),
		evs:  []agreement.Event{ev(1, "aid-delivered", "RU")},
		end:  2,
		want: []want{{"M[UA]", 1, agreement.StateInEffect}, {"M[RU]", 1, agreement.StateFulfilled}, {"N", 1, agreement.StateInEffect}},
	}, {
		// A suspension by two powers lifts only when both are resumed.
		name: "two suspensions",
		a: agr(append(append([]agreement.Clause{{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid}},
			suspendPair...),
			agreement.Clause{ID: "S2", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
				Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R2"},
			agreement.Clause{ID: "R2", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume})...),
		evs:  []agreement.Event{exercise(1, "S"), exercise(2, "S2"), exercise(3, "R"), exercise(4, "R2")},
		end:  5,
		want: []want{{"C", 3, agreement.StateSuspended}, {"C", 4, agreement.StateInEffect}},
	}, {
		// Priority inside an instant: fulfilment before violation.
		name: "fulfilment beats violation",
		a: agr(agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
			Violation: agreement.Happened(attack)}),
		evs:  []agreement.Event{ev(1, agreement.EventKindArmedAttack, "RU"), ev(1, "aid-delivered", "UA")},
		end:  2,
		want: []want{{"C", 1, agreement.StateFulfilled}},
	}, {
		// Agreement termination terminates every clause neither final nor
		// surviving; the surviving one keeps its lifecycle.
		name: "agreement terminated",
		a: agr(
			agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
				Trigger: agreement.Happened(attack)},
			agreement.Clause{ID: "D", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Surviving: true,
				Trigger: agreement.Happened(attack)},
			agreement.Clause{ID: "T", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectTerminate,
				Targets: []agreement.Ref{agreement.AgreementRef("a1")}}),
		evs:  []agreement.Event{exercise(1, "T"), ev(2, agreement.EventKindArmedAttack, "RU")},
		end:  3,
		want: []want{{"a1/", 1, agreement.StateTerminated}, {"C", 1, agreement.StateTerminated}, {"D", 2, agreement.StateInEffect}},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := agreement.Process{Agreements: []agreement.Agreement{c.a}}
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			res := refReplay(p, refAt(0), c.evs, refAt(c.end))
			for _, w := range c.want {
				ref, debtor, _ := strings.Cut(strings.TrimSuffix(w.ref, "]"), "[")
				r, err := agreement.ParseRef(ref)
				if err != nil {
					t.Fatal(err)
				}
				r = r.Resolve("a1")
				if got := res.State(scenario.Instance{Ref: r, Debtor: agreement.PartyID(debtor)}, refAt(w.at)); got != w.state {
					t.Errorf("model: %s at +%dh: %s, want %s", w.ref, w.at, got, w.state)
				}
			}
			refCheckReplay(t, p, refAt(0), c.evs, refAt(c.end))
		})
	}
}

// The package doc's Order inside an instant: the powers exercised in a round
// act "in the order of the events that exercised them", which the engine
// applied by sorting them by Cause.Event: since that was the first event of
// the batch that woke the power rather than its exercise (see
// TestRegressionRefPowerCauseNamesExercise), R, exercised after S in the
// batch but woken first by an attack matching its trigger, acted first: it
// resumed nothing, then S suspended C for good. In the order of the
// exercises S suspends C and R resumes it.
func TestRegressionRefPowersActInExerciseOrder(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	a := refSigned([]agreement.Clause{
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"}},
		{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R"},
		{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume, Trigger: agreement.Happened(attack)},
	})
	evs := []agreement.Event{
		{At: refAt(1), Kind: agreement.EventKindArmedAttack, Actor: "UA"},
		{At: refAt(2), Kind: agreement.EventKindArmedAttack, Actor: "UA"},
		{At: refAt(2), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef("S")},
		{At: refAt(2), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef("R")},
	}
	tr := refCheckAgreement(t, a, refAt(3), evs...)
	refWant(t, tr, "C", "", refAt(2), agreement.StateInEffect) // the engine once: suspended
}

// TestReferenceModelCalendar pins the reference model to the rules of
// calendar time with small hand-computed cases, each also replayed by the
// engine and compared in full (transitions, causes, breaches, final
// states): local days in a zone, anchored limits, exclusive and rounded
// limits at the instant of an act, deadlines that lapse a clause still
// waiting, clock atoms, recurring duties, required and dated signatures,
// InForceAt and provisional application. Hours count from refBase
// (2026-01-01T00:00Z).
func TestReferenceModelCalendar(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	cf := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	report := &agreement.Pattern{Kind: "report-filed"}
	ev := func(h int, k agreement.EventKind, actor agreement.PartyID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: k, Actor: actor}
	}
	sign := func(h int, actor agreement.PartyID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: agreement.EventKindSigning, Actor: actor}
	}
	agr := func(cs ...agreement.Clause) agreement.Agreement {
		return agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}}, Clauses: cs}
	}
	obl := func(id agreement.ClauseID, action *agreement.Pattern) agreement.Clause {
		return agreement.Clause{ID: id, Kind: agreement.DeonticObligation, Debtors: ua, Action: action}
	}
	with := func(c agreement.Clause, f func(*agreement.Clause)) agreement.Clause { f(&c); return c }
	zoned := func(a agreement.Agreement, z agreement.Zone) agreement.Agreement { a.Zone = z; return a }
	type want struct {
		ref   string
		at    int
		state agreement.State
	}
	type breaches struct {
		ref string
		at  []int
	}
	cases := []struct {
		name     string
		a        agreement.Agreement
		evs      []agreement.Event
		end      int
		want     []want
		breaches []breaches
	}{{
		// "No later than the third day after the ceasefire", in a zone three
		// hours ahead: the ceasefire at 03:00Z (06:00 local) on 1 January;
		// the third day after is 4 January, which ends at 00:00 local on 5
		// January, 21:00Z on 4 January (hour 93). Rounded: exclusive.
		name: "third local day after an anchor, missed",
		a: zoned(agr(with(obl("W", aid), func(c *agreement.Clause) {
			c.Trigger = agreement.Happened(cf)
			c.Deadline = agreement.Deadline{From: agreement.Happened(cf), Period: agreement.Period{Days: 3},
				Round: agreement.RoundEndOfDay}
		})), "+03:00"),
		evs:  []agreement.Event{ev(3, agreement.EventKindCeasefireInForce, "UA")},
		end:  100,
		want: []want{{"W", 92, agreement.StateInEffect}, {"W", 93, agreement.StateViolated}},
	}, {
		name: "third local day after an anchor, an act at its end comes too late",
		a: zoned(agr(with(obl("W", aid), func(c *agreement.Clause) {
			c.Trigger = agreement.Happened(cf)
			c.Deadline = agreement.Deadline{From: agreement.Happened(cf), Period: agreement.Period{Days: 3},
				Round: agreement.RoundEndOfDay}
		})), "+03:00"),
		evs:  []agreement.Event{ev(3, agreement.EventKindCeasefireInForce, "UA"), ev(93, "aid-delivered", "UA")},
		end:  100,
		want: []want{{"W", 93, agreement.StateViolated}},
	}, {
		name: "third local day after an anchor, an act an hour before its end is in time",
		a: zoned(agr(with(obl("W", aid), func(c *agreement.Clause) {
			c.Trigger = agreement.Happened(cf)
			c.Deadline = agreement.Deadline{From: agreement.Happened(cf), Period: agreement.Period{Days: 3},
				Round: agreement.RoundEndOfDay}
		})), "+03:00"),
		evs:  []agreement.Event{ev(3, agreement.EventKindCeasefireInForce, "UA"), ev(92, "aid-delivered", "UA")},
		end:  100,
		want: []want{{"W", 92, agreement.StateFulfilled}},
	}, {
		// An exclusive deadline is reached before an act at its instant; an
		// inclusive one is not.
		name: "exclusive and inclusive deadlines at the instant of an act",
		a: agr(
			with(obl("X", aid), func(c *agreement.Clause) { c.Deadline = agreement.Deadline{After: 4 * time.Hour, Exclusive: true} }),
			with(obl("I", aid), func(c *agreement.Clause) { c.Deadline = agreement.Deadline{After: 4 * time.Hour} })),
		evs:  []agreement.Event{ev(4, "aid-delivered", "UA")},
		end:  6,
		want: []want{{"X", 4, agreement.StateViolated}, {"I", 4, agreement.StateFulfilled}},
	}, {
		// An exclusive expiry is reached before an attack at its instant:
		// the prohibition is kept; at an inclusive one the attack counts.
		name: "exclusive and inclusive expiries at the instant of an act",
		a: agr(
			agreement.Clause{ID: "X", Kind: agreement.DeonticProhibition, Debtors: ua, Action: &attack,
				Expiry: agreement.Deadline{After: 5 * time.Hour, Exclusive: true}},
			agreement.Clause{ID: "I", Kind: agreement.DeonticProhibition, Debtors: ua, Action: &attack,
				Expiry: agreement.Deadline{After: 5 * time.Hour}}),
		evs:  []agreement.Event{ev(5, agreement.EventKindArmedAttack, "UA")},
		end:  6,
		want: []want{{"X", 5, agreement.StateFulfilled}, {"I", 5, agreement.StateViolated}},
	}, {
		// An unconditional deadline lapses a clause still waiting for its
		// trigger, even when the trigger comes at that very instant, and
		// one waiting for its antecedent; reached once in effect, it is an
		// ordinary deadline.
		name: "unconditional deadlines",
		a: agr(
			with(obl("D", aid), func(c *agreement.Clause) {
				c.Trigger = agreement.Happened(cf)
				c.Deadline = agreement.Deadline{At: refAt(5), Unconditional: true}
			}),
			with(obl("P", aid), func(c *agreement.Clause) {
				c.Antecedent = agreement.Happened(attack)
				c.Deadline = agreement.Deadline{At: refAt(5), Unconditional: true}
			}),
			with(obl("E", aid), func(c *agreement.Clause) {
				c.Trigger = agreement.Happened(agreement.Pattern{Kind: "request"})
				c.Deadline = agreement.Deadline{At: refAt(5), Unconditional: true}
			}),
			with(obl("A", aid), func(c *agreement.Clause) {
				c.Trigger = agreement.Happened(cf)
				c.Deadline = agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: "order"}),
					After: 2 * time.Hour, Unconditional: true}
			})),
		evs: []agreement.Event{ev(1, "order", "UA"), ev(3, "request", "UA"), ev(5, agreement.EventKindCeasefireInForce, "UA")},
		end: 8,
		want: []want{{"D", 5, agreement.StateLapsed}, {"P", 0, agreement.StatePending}, {"P", 5, agreement.StateLapsed},
			{"E", 3, agreement.StateInEffect}, {"E", 5, agreement.StateViolated}, {"A", 3, agreement.StateLapsed}},
	}, {
		// An anchor holding while the clause is in effect sets its
		// deadline at once.
		name: "anchored deadline fixed while in effect",
		a: agr(with(obl("W", aid), func(c *agreement.Clause) {
			c.Deadline = agreement.Deadline{From: agreement.Happened(cf), After: 2 * time.Hour}
		})),
		evs:  []agreement.Event{ev(3, agreement.EventKindCeasefireInForce, "UA")},
		end:  8,
		want: []want{{"W", 4, agreement.StateInEffect}, {"W", 5, agreement.StateViolated}},
	}, {
		// Clock atoms: From(t) from t on, Until(t) before t only.
		name: "clock",
		a: agr(
			with(obl("F", aid), func(c *agreement.Clause) { c.Trigger = agreement.From(refAt(10)) }),
			with(obl("U", aid), func(c *agreement.Clause) { c.Trigger = agreement.Not(agreement.Until(refAt(6))) }),
			with(obl("B", aid), func(c *agreement.Clause) {
				c.Trigger = agreement.Between(refAt(2), refAt(4))
				c.Violation = agreement.Not(agreement.Between(refAt(2), refAt(4)))
			})),
		end: 12,
		want: []want{{"F", 9, agreement.StateDormant}, {"F", 10, agreement.StateInEffect},
			{"U", 5, agreement.StateDormant}, {"U", 6, agreement.StateInEffect},
			{"B", 2, agreement.StateInEffect}, {"B", 3, agreement.StateInEffect}, {"B", 4, agreement.StateViolated}},
	}, {
		// A report every 6 hours from entry into effect, each due when the
		// next is: the report at hour 3 performs the first; none in [6, 12):
		// a breach at 12, where the report comes too late for it and
		// performs the third; none in [18, 24): a breach at 24, and at the
		// expiry, at 24, the duty is Violated.
		name: "recurring every 6 hours",
		a: agr(with(obl("R", report), func(c *agreement.Clause) {
			c.Recurs = agreement.Recurrence{Every: agreement.Period{Exact: 6 * time.Hour}}
			c.Expiry = agreement.Deadline{After: 24 * time.Hour}
		})),
		evs:      []agreement.Event{ev(3, "report-filed", "UA"), ev(12, "report-filed", "UA")},
		end:      30,
		want:     []want{{"R", 23, agreement.StateInEffect}, {"R", 24, agreement.StateViolated}},
		breaches: []breaches{{"R", []int{12, 24}}},
	}, {
		// Every local day from a start before the clause entered into
		// effect (at hour 1), in a zone two hours ahead: occurrences start
		// at local midnight, 22:00Z; those of hours -26 and -2 are not
		// owed; each is due within 3 hours: the one of hour 22 is
		// performed at 23, the one of hour 46 missed at 49.
		name: "recurring every local day within hours",
		a: zoned(agr(with(obl("R", report), func(c *agreement.Clause) {
			c.Trigger = agreement.Happened(cf)
			c.Recurs = agreement.Recurrence{Every: agreement.Period{Days: 1}, Start: refAt(-26),
				Within: agreement.Period{Exact: 3 * time.Hour}}
			c.Expiry = agreement.Deadline{At: refAt(50)}
		})), "+02:00"),
		evs:      []agreement.Event{ev(1, agreement.EventKindCeasefireInForce, "UA"), ev(23, "report-filed", "UA")},
		end:      52,
		want:     []want{{"R", 49, agreement.StateInEffect}, {"R", 50, agreement.StateViolated}},
		breaches: []breaches{{"R", []int{49}}},
	}, {
		// A notification within 2 hours of each incident: the first is
		// notified in time, the second not (a breach at its due instant);
		// Violated at the expiry.
		name: "recurring on each event",
		a: agr(with(obl("N", &agreement.Pattern{Kind: "notified"}), func(c *agreement.Clause) {
			c.Recurs = agreement.Recurrence{On: &agreement.Pattern{Kind: "incident"}, Within: agreement.Period{Exact: 2 * time.Hour}}
			c.Expiry = agreement.Deadline{At: refAt(10)}
		})),
		evs:      []agreement.Event{ev(1, "incident", "UA"), ev(2, "notified", "UA"), ev(5, "incident", "UA")},
		end:      12,
		want:     []want{{"N", 9, agreement.StateInEffect}, {"N", 10, agreement.StateViolated}},
		breaches: []breaches{{"N", []int{7}}},
	}, {
		// Two signatories: the agreement is Signed once both have signed;
		// a provisional clause owed by UA applies from UA's signature.
		name: "signatories and provisional application",
		a: func() agreement.Agreement {
			a := agr(obl("C", aid), with(obl("P", aid), func(c *agreement.Clause) { c.Provisional = true }))
			a.SigningStatus, a.Signatories = agreement.SigningStatusUnspecified, []agreement.PartyID{"UA", "RU"}
			return a
		}(),
		evs: []agreement.Event{sign(1, "UA"), sign(2, "RU")},
		end: 4,
		want: []want{{"a1/", 1, agreement.StateDraft}, {"P", 1, agreement.StateInEffect}, {"C", 1, agreement.StateDormant},
			{"a1/", 2, agreement.StateInForce}, {"C", 2, agreement.StateInEffect}},
	}, {
		// Recorded signatures: UA's before the start counts from it, RU's
		// is taken at its date; then the agreement enters into force a
		// day after it was signed.
		name: "dated signatures and InForceAt a day after signing",
		a: func() agreement.Agreement {
			a := agr(obl("C", aid))
			a.SigningStatus, a.Signatories = agreement.SigningStatusUnspecified, []agreement.PartyID{"UA", "RU"}
			a.Signatures = []agreement.Signature{{Party: "UA", Date: refAt(-5)}, {Party: "RU", Date: refAt(3)}}
			a.InForceAt = agreement.Deadline{Period: agreement.Period{Days: 1}}
			return a
		}(),
		end: 30,
		want: []want{{"a1/", 2, agreement.StateDraft}, {"a1/", 3, agreement.StateSigned}, {"a1/", 26, agreement.StateSigned},
			{"a1/", 27, agreement.StateInForce}, {"C", 27, agreement.StateInEffect}},
	}, {
		// InForceAt two hours after the ratification.
		name: "InForceAt from an anchor",
		a: func() agreement.Agreement {
			a := agr(obl("C", aid))
			a.InForceAt = agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification}),
				After: 2 * time.Hour}
			return a
		}(),
		evs:  []agreement.Event{ev(5, agreement.EventKindRatification, "UA")},
		end:  10,
		want: []want{{"a1/", 6, agreement.StateSigned}, {"a1/", 7, agreement.StateInForce}},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := agreement.Process{Agreements: []agreement.Agreement{c.a}}
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			res := refReplay(p, refAt(0), c.evs, refAt(c.end))
			inst := func(ref string) scenario.Instance {
				ref, debtor, _ := strings.Cut(strings.TrimSuffix(ref, "]"), "[")
				r, err := agreement.ParseRef(ref)
				if err != nil {
					t.Fatal(err)
				}
				return scenario.Instance{Ref: r.Resolve("a1"), Debtor: agreement.PartyID(debtor)}
			}
			for _, w := range c.want {
				if got := res.State(inst(w.ref), refAt(w.at)); got != w.state {
					t.Errorf("model: %s at +%dh: %s, want %s", w.ref, w.at, got, w.state)
				}
			}
			for _, b := range c.breaches {
				var got []int
				for _, x := range res.Breaches(inst(b.ref), refAt(c.end)) {
					got = append(got, int(x.at.Sub(refBase)/time.Hour))
				}
				if !slices.Equal(got, b.at) {
					t.Errorf("model: breaches of %s at hours %v, want %v", b.ref, got, b.at)
				}
			}
			refCheckReplay(t, p, refAt(0), c.evs, refAt(c.end))
		})
	}
}

// refCase is a hand-computed case of the reference model: an agreement, a
// timeline with amendments, and the states, breaches and ends of terms
// expected, at hours counted from refBase.
type refCase struct {
	name       string
	a          agreement.Agreement
	evs        []agreement.Event
	amendments []agreement.Amendment
	end        int
	want       []refWantState
	breaches   []refWantBreaches
	// renewals are the ends of terms, in order, as "of@hour->until" (until
	// the hour the next term ends, or "expired").
	renewals []string
	// versions are the versions of the transitions of ref@hour, for the
	// transitions listed.
	versions map[string]int
}

type refWantState struct {
	ref   string
	at    int
	state agreement.State
}

type refWantBreaches struct {
	ref string
	at  []int // each breach's instant
	act []int // each breach's act
}

// refRunCases checks the model against each case's expectations, then
// replays it with the engine too and compares them in full.
func refRunCases(t *testing.T, cases []refCase) {
	t.Helper()
	hour := func(at time.Time) int { return int(at.Sub(refBase) / time.Hour) }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := agreement.Process{Agreements: []agreement.Agreement{c.a}}
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			tl := scenario.NewTimeline(refAt(0), c.evs...).WithAmendments(c.amendments...)
			var sorted []agreement.Event
			for _, ev := range tl.Events() {
				sorted = append(sorted, ev)
			}
			res := refReplayAmended(p, refAt(0), sorted, tl.Amendments(), refAt(c.end))
			inst := func(ref string) scenario.Instance {
				ref, debtor, _ := strings.Cut(strings.TrimSuffix(ref, "]"), "[")
				r, err := agreement.ParseRef(ref)
				if err != nil {
					t.Fatal(err)
				}
				return scenario.Instance{Ref: r.Resolve(c.a.ID), Debtor: agreement.PartyID(debtor)}
			}
			for _, w := range c.want {
				if got := res.State(inst(w.ref), refAt(w.at)); got != w.state {
					t.Errorf("model: %s at +%dh: %s, want %s", w.ref, w.at, got, w.state)
				}
			}
			for _, b := range c.breaches {
				var at, act []int
				for _, x := range res.Breaches(inst(b.ref), refAt(c.end)) {
					at, act = append(at, hour(x.at)), append(act, hour(x.act))
				}
				if !slices.Equal(at, b.at) || b.act != nil && !slices.Equal(act, b.act) {
					t.Errorf("model: breaches of %s at hours %v acts %v, want %v acts %v", b.ref, at, act, b.at, b.act)
				}
			}
			var rns []string
			for _, rn := range res.renewals {
				of := rn.of.String()
				if rn.of.IsAgreement() {
					of = string(rn.of.Ref.Agreement) + "/"
				} else {
					of = strings.TrimPrefix(of, string(c.a.ID)+"/")
				}
				until := "expired"
				if !rn.until.IsZero() {
					until = fmt.Sprint(hour(rn.until))
				}
				rns = append(rns, fmt.Sprintf("%s@%d->%s", of, hour(rn.at), until))
			}
			if !slices.Equal(rns, c.renewals) {
				t.Errorf("model: renewals %q, want %q", rns, c.renewals)
			}
			for key, v := range c.versions {
				ref, h, _ := strings.Cut(key, "@")
				found := false
				for _, x := range res.log {
					if x.Inst == inst(ref) && fmt.Sprint(hour(x.At)) == h {
						found = true
						if x.Version != v {
							t.Errorf("model: %s version %d, want %d", x, x.Version, v)
						}
					}
				}
				if !found {
					t.Errorf("model: no transition of %s", key)
				}
			}
			if t.Failed() {
				for _, x := range res.log {
					t.Logf("model: %s (%s)", x, x.Why)
				}
			}
			refCheckTimeline(t, p, tl, refAt(c.end))
		})
	}
}

// TestReferenceModelTerms pins the reference model to the rules of terms,
// notice and renewal with small hand-computed cases (in UTC, hours from
// refBase), each also replayed by the engine and compared in full.
func TestReferenceModelTerms(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	attack := &agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	hours := func(h int) agreement.Period { return agreement.Period{Exact: time.Duration(h) * time.Hour} }
	agr := func(term agreement.Term, cs ...agreement.Clause) agreement.Agreement {
		a := refSigned(cs)
		a.Term = term
		return a
	}
	obl := agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid}
	ev := func(h int, k agreement.EventKind, clause agreement.Ref) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: k, Actor: "UA", Clause: clause}
	}
	renew := func(h int, clause agreement.Ref, p agreement.Period) agreement.Event {
		e := ev(h, agreement.EventKindRenewal, clause)
		e.Period = p
		return e
	}
	with := func(c agreement.Clause, f func(*agreement.Clause)) agreement.Clause { f(&c); return c }
	refRunCases(t, []refCase{{
		// A day's term, no renewal: the agreement is terminated at its
		// end, and its clause in effect with it.
		name: "agreement term expires",
		a:    agr(agreement.Term{Period: hours(24)}, obl),
		end:  30,
		want: []refWantState{{"a1/", 23, agreement.StateInForce}, {"a1/", 24, agreement.StateTerminated},
			{"C", 23, agreement.StateInEffect}, {"C", 24, agreement.StateTerminated}},
		renewals: []string{"a1/@24->expired"},
	}, {
		// Renewed automatically twice, for 12 hours each time, then
		// expired.
		name:     "automatic renewals",
		a:        agr(agreement.Term{Period: hours(24), Renewal: hours(12), Renewals: 2}, obl),
		end:      60,
		want:     []refWantState{{"a1/", 47, agreement.StateInForce}, {"a1/", 48, agreement.StateTerminated}},
		renewals: []string{"a1/@24->36", "a1/@36->48", "a1/@48->expired"},
	}, {
		// Notice 6 hours before the end: given at hour 20, too late for
		// the end at 24, it counts for the next, at 48; one given at hour
		// 18 exactly would have ended the first term.
		name:     "late notice counts for the next end",
		a:        agr(agreement.Term{Period: hours(24), Renewal: hours(24), Notice: hours(6)}, obl),
		evs:      []agreement.Event{ev(20, agreement.EventKindNotice, agreement.Ref{})},
		end:      60,
		want:     []refWantState{{"a1/", 47, agreement.StateInForce}, {"a1/", 48, agreement.StateTerminated}},
		renewals: []string{"a1/@24->48", "a1/@48->expired"},
	}, {
		name:     "notice in time",
		a:        agr(agreement.Term{Period: hours(24), Renewal: hours(24), Notice: hours(6)}, obl),
		evs:      []agreement.Event{ev(18, agreement.EventKindNotice, agreement.AgreementRef("a1"))},
		end:      30,
		want:     []refWantState{{"a1/", 24, agreement.StateTerminated}},
		renewals: []string{"a1/@24->expired"},
	}, {
		// A renewal agreed during the term wins over a notice, which it
		// spends; the agreed term of 12 hours then ends with no renewal.
		// The renewal event at the very end counts.
		name: "agreed renewal beats notice",
		a:    agr(agreement.Term{Period: hours(24)}, obl),
		evs: []agreement.Event{ev(5, agreement.EventKindNotice, agreement.Ref{}),
			renew(24, agreement.Ref{}, hours(12))},
		end:      40,
		want:     []refWantState{{"a1/", 35, agreement.StateInForce}, {"a1/", 36, agreement.StateTerminated}},
		renewals: []string{"a1/@24->36", "a1/@36->expired"},
	}, {
		// Several notices: the earliest counts for the first end, the
		// other for the next.
		name: "two notices",
		a:    agr(agreement.Term{Period: hours(24), Renewal: hours(24)}, obl),
		evs: []agreement.Event{ev(2, agreement.EventKindNotice, agreement.Ref{}),
			renew(3, agreement.Ref{}, hours(10)), ev(4, agreement.EventKindNotice, agreement.Ref{})},
		end:      40,
		want:     []refWantState{{"a1/", 33, agreement.StateInForce}, {"a1/", 34, agreement.StateTerminated}},
		renewals: []string{"a1/@24->34", "a1/@34->expired"},
	}, {
		// A clause's term runs from its entry into effect; at its end
		// without renewal it gets the outcome of an expiry: an obligation
		// Discharged, a prohibition kept Fulfilled, a standing one
		// breached Violated; an act at the very end still counts.
		name: "clause terms",
		a: agr(agreement.Term{},
			with(obl, func(c *agreement.Clause) {
				c.Trigger = agreement.Happened(agreement.Pattern{Kind: "request"})
				c.Term = agreement.Term{Period: hours(10)}
			}),
			agreement.Clause{ID: "P", Kind: agreement.DeonticProhibition, Debtors: ua, Action: attack,
				Term: agreement.Term{Period: hours(10)}},
			agreement.Clause{ID: "Q", Kind: agreement.DeonticProhibition, Debtors: ua, Action: attack,
				Standing: true, Term: agreement.Term{Period: hours(12)}},
			agreement.Clause{ID: "V", Kind: agreement.DeonticProhibition, Debtors: ua,
				Action: &agreement.Pattern{Kind: "incursion"}, Term: agreement.Term{Period: hours(10)}}),
		evs: []agreement.Event{ev(2, "request", agreement.Ref{}), ev(11, agreement.EventKindArmedAttack, agreement.Ref{}),
			ev(10, "incursion", agreement.Ref{})},
		end: 20,
		want: []refWantState{{"C", 11, agreement.StateInEffect}, {"C", 12, agreement.StateDischarged},
			{"P", 10, agreement.StateFulfilled}, {"Q", 11, agreement.StateInEffect}, {"Q", 12, agreement.StateViolated},
			{"V", 10, agreement.StateViolated}},
		breaches: []refWantBreaches{{"Q", []int{11}, []int{11}}},
		renewals: []string{"P@10->expired", "C@12->expired", "Q@12->expired"},
	}, {
		// A notice naming a clause ends its term; a power giving notice
		// against the agreement ends the agreement's.
		name: "notice against a clause, and by a power",
		a: agr(agreement.Term{Period: hours(30), Renewal: hours(30)},
			with(obl, func(c *agreement.Clause) { c.Term = agreement.Term{Period: hours(10), Renewal: hours(10)} }),
			agreement.Clause{ID: "N", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectNotice,
				Targets: []agreement.Ref{agreement.AgreementRef("a1")}, Surviving: true}),
		evs: []agreement.Event{ev(3, agreement.EventKindNotice, agreement.LocalRef("C")),
			ev(4, agreement.EventKindPowerExercised, agreement.LocalRef("N"))},
		end:      40,
		want:     []refWantState{{"C", 10, agreement.StateDischarged}, {"N", 4, agreement.StateFulfilled}, {"a1/", 30, agreement.StateTerminated}},
		renewals: []string{"C@10->expired", "a1/@30->expired"},
	}, {
		// A clause suspended at the end of its term takes that end when
		// it resumes; the ends after it stay where they were.
		name: "clause suspended at its term's end",
		a: agr(agreement.Term{},
			with(obl, func(c *agreement.Clause) { c.Term = agreement.Term{Period: hours(10), Renewal: hours(10)} }),
			agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
				Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R"},
			agreement.Clause{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume}),
		evs: []agreement.Event{ev(5, agreement.EventKindPowerExercised, agreement.LocalRef("S")),
			ev(8, agreement.EventKindNotice, agreement.LocalRef("C")),
			ev(15, agreement.EventKindPowerExercised, agreement.LocalRef("R"))},
		end:      30,
		want:     []refWantState{{"C", 14, agreement.StateSuspended}, {"C", 15, agreement.StateDischarged}},
		renewals: []string{"C@10->expired"},
	}, {
		// An agreement's term runs while it is suspended, and ends it.
		name: "suspended agreement's term",
		a: agr(agreement.Term{Period: hours(10)}, obl,
			agreement.Clause{ID: "SA", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
				Targets: []agreement.Ref{agreement.AgreementRef("a1")}, ResumedBy: "RA"},
			agreement.Clause{ID: "RA", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume, Surviving: true}),
		evs: []agreement.Event{ev(5, agreement.EventKindPowerExercised, agreement.LocalRef("SA"))},
		end: 20,
		want: []refWantState{{"a1/", 9, agreement.StateSuspended}, {"C", 9, agreement.StateSuspended}, {"a1/", 10, agreement.StateTerminated},
			{"C", 10, agreement.StateTerminated}, {"RA", 10, agreement.StateInEffect}},
		renewals: []string{"a1/@10->expired"},
	}})
}

// TestReferenceModelSuspension pins the reference model to the rules of
// visible suspension: an agreement's suspension suspends its clauses in
// effect, a power aimed at an agreement with a target debtor acts on that
// party's share of it, and what acts during a suspension count for.
func TestReferenceModelSuspension(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	attack := &agreement.Pattern{Kind: agreement.EventKindArmedAttack}
	exercise := func(h int, c agreement.ClauseID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef(c)}
	}
	ev := func(h int, k agreement.EventKind, actor agreement.PartyID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: k, Actor: actor}
	}
	agr := func(cs ...agreement.Clause) agreement.Agreement {
		return agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}}, Clauses: cs}
	}
	pair := func(target agreement.Ref, debtor agreement.PartyID) []agreement.Clause {
		return []agreement.Clause{
			{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
				Targets: []agreement.Ref{target}, ResumedBy: "R", TargetDebtor: debtor, Surviving: true},
			{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume, Surviving: true},
		}
	}
	refRunCases(t, []refCase{{
		// The agreement's suspension suspends its obligations in effect;
		// at its resumption they resume. Aid delivered during it is
		// excused for C (no fulfilment) and deferred for D (fulfilled at
		// the resumption).
		name: "agreement suspension, excused and deferred",
		a: agr(append([]agreement.Clause{
			{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid},
			{ID: "D", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, DuringSuspension: agreement.SuspensionDefers},
			{ID: "W", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
				Trigger: agreement.Happened(agreement.Pattern{Kind: "request"})},
		}, pair(agreement.AgreementRef("a1"), "")...)...),
		evs: []agreement.Event{exercise(2, "S"), ev(3, "aid-delivered", "UA"), ev(4, "request", "UA"), exercise(5, "R")},
		end: 8,
		want: []refWantState{{"a1/", 2, agreement.StateSuspended}, {"C", 2, agreement.StateSuspended}, {"D", 4, agreement.StateSuspended},
			{"W", 4, agreement.StateDormant}, {"a1/", 5, agreement.StateInForce}, {"C", 5, agreement.StateInEffect},
			{"D", 5, agreement.StateFulfilled}, {"W", 5, agreement.StateInEffect}},
	}, {
		// A power aimed at the agreement with a target debtor suspends
		// that party's share: RU's instance, not UA's, nor the agreement.
		name: "participation suspended",
		a: agr(append([]agreement.Clause{
			{ID: "M", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"}, Action: aid},
		}, pair(agreement.AgreementRef("a1"), "RU")...)...),
		evs: []agreement.Event{exercise(2, "S"), ev(3, "aid-delivered", "RU"), exercise(5, "R"), ev(6, "aid-delivered", "RU")},
		end: 8,
		want: []refWantState{{"a1/", 3, agreement.StateInForce}, {"M[RU]", 2, agreement.StateSuspended}, {"M[UA]", 3, agreement.StateInEffect},
			{"M[RU]", 5, agreement.StateInEffect}, {"M[RU]", 6, agreement.StateFulfilled}},
	}, {
		// A standing prohibition suspended by a power: its suspensions
		// defer, so the attack during the suspension is a breach recorded
		// at the resumption; the excused one records none.
		name: "standing clause, deferred and excused",
		a: agr(append([]agreement.Clause{
			{ID: "K", Kind: agreement.DeonticProhibition, Debtors: ua, Action: attack, Standing: true,
				DuringSuspension: agreement.SuspensionDefers},
			{ID: "X", Kind: agreement.DeonticProhibition, Debtors: ua, Action: attack, Standing: true},
		}, pair(agreement.AgreementRef("a1"), "")...)...),
		evs:      []agreement.Event{exercise(2, "S"), ev(3, agreement.EventKindArmedAttack, "UA"), exercise(5, "R")},
		end:      8,
		want:     []refWantState{{"K", 5, agreement.StateInEffect}, {"X", 5, agreement.StateInEffect}},
		breaches: []refWantBreaches{{"K", []int{5}, []int{3}}, {"X", nil, nil}},
	}, {
		// An absolute deadline passed during the suspension: the excused
		// act does not fulfil C, Violated at the resumption; D's deferred
		// act does.
		name: "deadline passed while suspended with the agreement",
		a: agr(append([]agreement.Clause{
			{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Deadline: agreement.Deadline{At: refAt(4)}},
			{ID: "D", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid, Deadline: agreement.Deadline{At: refAt(4)},
				DuringSuspension: agreement.SuspensionDefers},
		}, pair(agreement.AgreementRef("a1"), "")...)...),
		evs:  []agreement.Event{exercise(2, "S"), ev(3, "aid-delivered", "UA"), exercise(6, "R")},
		end:  8,
		want: []refWantState{{"C", 5, agreement.StateSuspended}, {"C", 6, agreement.StateViolated}, {"D", 6, agreement.StateFulfilled}},
	}})
}

// TestReferenceModelAmendments pins the reference model to the rules of
// amendments with small hand-computed cases: deadlines extended and
// shortened, before and after they pass; clauses removed and added; a text
// unchanged; a term changed; a suspension whose power is removed.
func TestReferenceModelAmendments(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	ev := func(h int, k agreement.EventKind) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: k, Actor: "UA"}
	}
	exercise := func(h int, c agreement.ClauseID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef(c)}
	}
	hours := func(h int) agreement.Period { return agreement.Period{Exact: time.Duration(h) * time.Hour} }
	due := func(h int) agreement.Clause {
		return agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
			Deadline: agreement.Deadline{After: time.Duration(h) * time.Hour}}
	}
	waits := agreement.Clause{ID: "D", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid,
		Trigger: agreement.Happened(agreement.Pattern{Kind: "request"})}
	amend := func(h int, label string, cs ...agreement.Clause) agreement.Amendment {
		return agreement.Amendment{At: refAt(h), Label: label, Text: refSigned(cs)}
	}
	termed := func(term agreement.Term) agreement.Agreement {
		a := refSigned([]agreement.Clause{due(100)})
		a.Term = term
		return a
	}
	suspend := []agreement.Clause{
		{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R"},
		{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume},
	}
	refRunCases(t, []refCase{{
		// Four hours to deliver, extended to ten at hour 2: Violated at
		// 10, a transition of version 1.
		name:       "deadline extended in time",
		a:          refSigned([]agreement.Clause{due(4)}),
		amendments: []agreement.Amendment{amend(2, "extension", due(10))},
		end:        12,
		want:       []refWantState{{"C", 9, agreement.StateInEffect}, {"C", 10, agreement.StateViolated}},
		versions:   map[string]int{"C@0": 0, "C@10": 1},
	}, {
		// An extension agreed after the deadline passed does not undo the
		// breach.
		name:       "deadline extended too late",
		a:          refSigned([]agreement.Clause{due(4)}),
		amendments: []agreement.Amendment{amend(6, "extension", due(10))},
		end:        12,
		want:       []refWantState{{"C", 4, agreement.StateViolated}, {"C", 11, agreement.StateViolated}},
		versions:   map[string]int{"C@4": 0},
	}, {
		// Shortened to three hours at hour 5: reached at once.
		name:       "deadline shortened into the past",
		a:          refSigned([]agreement.Clause{due(10)}),
		amendments: []agreement.Amendment{amend(5, "shortened", due(3))},
		end:        12,
		want:       []refWantState{{"C", 4, agreement.StateInEffect}, {"C", 5, agreement.StateViolated}},
		versions:   map[string]int{"C@5": 1},
	}, {
		// Removing C (in effect) and D (dormant) terminates them; the new
		// clause N is evaluated at once and in effect; the request at 4
		// reaches no D.
		name:       "clauses removed and added",
		a:          refSigned([]agreement.Clause{due(10), waits}),
		evs:        []agreement.Event{ev(4, "request")},
		amendments: []agreement.Amendment{amend(3, "", agreement.Clause{ID: "N", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid})},
		end:        6,
		want: []refWantState{{"C", 3, agreement.StateTerminated}, {"D", 3, agreement.StateTerminated},
			{"N", 2, agreement.StateDormant}, {"N", 3, agreement.StateInEffect}},
		versions: map[string]int{"C@3": 1, "D@3": 1, "N@3": 1},
	}, {
		// An amendment that changes nothing changes only the version.
		name:       "unchanged text",
		a:          refSigned([]agreement.Clause{due(4), waits}),
		evs:        []agreement.Event{ev(1, "request")},
		amendments: []agreement.Amendment{amend(1, "same", due(4), waits)},
		end:        6,
		want:       []refWantState{{"C", 4, agreement.StateViolated}, {"D", 1, agreement.StateInEffect}},
		versions:   map[string]int{"C@0": 0, "D@1": 1, "C@4": 1},
	}, {
		// The agreement's term lengthened from 24 to 48 hours during its
		// first term: the end moves.
		name:       "term lengthened",
		a:          termed(agreement.Term{Period: hours(24)}),
		amendments: []agreement.Amendment{{At: refAt(10), Text: termed(agreement.Term{Period: hours(48)})}},
		end:        60,
		want:       []refWantState{{"a1/", 47, agreement.StateInForce}, {"a1/", 48, agreement.StateTerminated}},
		renewals:   []string{"a1/@48->expired"},
	}, {
		// The suspend power holding C is removed: C resumes at once.
		name:       "suspension dropped",
		a:          refSigned(append([]agreement.Clause{due(100)}, suspend...)),
		evs:        []agreement.Event{exercise(1, "S")},
		amendments: []agreement.Amendment{amend(3, "", due(100))},
		end:        6,
		want:       []refWantState{{"C", 2, agreement.StateSuspended}, {"C", 3, agreement.StateInEffect}, {"R", 3, agreement.StateTerminated}},
	}})
}

// TestRegressionRefInstrumentsOverTime replays the minimal cases on which the
// engine once disagreed with the rules of terms, suspension and amendments
// and with the reference model, each found by TestStateMachineEngine or
// TestPropertyInstrumentsOverTimeMatchModel; each states the expected
// states and is compared with the model in full. What the engine once did is
// said in each case's comment.
func TestRegressionRefInstrumentsOverTime(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	aid := &agreement.Pattern{Kind: "aid-delivered"}
	hours := func(h int) agreement.Period { return agreement.Period{Exact: time.Duration(h) * time.Hour} }
	exercise := func(h int, c agreement.ClauseID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef(c)}
	}
	obl := agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: aid}
	with := func(c agreement.Clause, f func(*agreement.Clause)) agreement.Clause { f(&c); return c }
	pair := []agreement.Clause{
		{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R"},
		{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume},
	}
	termed := func(term agreement.Term, cs ...agreement.Clause) agreement.Agreement {
		a := refSigned(cs)
		a.Term = term
		return a
	}
	signedBefore := agreement.Agreement{ID: "a1", Parties: []agreement.Party{{ID: "UA"}},
		Signatures: []agreement.Signature{{Party: "UA", Date: refAt(-30)}},
		InForceAt:  agreement.Deadline{After: 24 * time.Hour}, Clauses: []agreement.Clause{obl}}
	deferred := signedBefore.Clone()
	deferred.Clauses[0].DuringSuspension = agreement.SuspensionDefers
	refRunCases(t, []refCase{{
		// A term added to an agreement in force for 50 hours: its ends at
		// 12 and 36 are both reached at the amendment. The engine took the
		// first only; the next, past, never came.
		name:       "term added with two ends past",
		a:          refSigned([]agreement.Clause{obl}),
		amendments: []agreement.Amendment{{At: refAt(50), Text: termed(agreement.Term{Period: hours(12), Renewal: hours(24), Renewals: 2}, obl)}},
		end:        100,
		want:       []refWantState{{"a1/", 59, agreement.StateInForce}, {"a1/", 60, agreement.StateTerminated}},
		renewals:   []string{"a1/@12->36", "a1/@36->60", "a1/@60->expired"},
	}, {
		// Removing the power that holds a suspended agreement leaves it
		// suspended. The engine resumed it, by an edge the lifecycle does
		// not have.
		name: "agreement's hold kept by an amendment",
		a: refSigned([]agreement.Clause{obl,
			{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
				Targets: []agreement.Ref{agreement.AgreementRef("a1")}, ResumedBy: "R", Surviving: true},
			{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume, Surviving: true}}),
		evs:        []agreement.Event{exercise(1, "S")},
		amendments: []agreement.Amendment{{At: refAt(3), Text: refSigned([]agreement.Clause{obl})}},
		end:        5,
		want:       []refWantState{{"a1/", 5, agreement.StateSuspended}, {"C", 5, agreement.StateSuspended}, {"R", 3, agreement.StateTerminated}},
	}, {
		// A relative InForceAt counts from the last recorded signature
		// also after an amendment at the start. The engine counted it
		// from the start.
		name:       "InForceAt after an amendment at the start",
		a:          signedBefore,
		amendments: []agreement.Amendment{{At: refAt(0), Text: deferred}},
		end:        30,
		want:       []refWantState{{"a1/", 0, agreement.StateInForce}, {"C", 0, agreement.StateInEffect}},
		versions:   map[string]int{"a1/@0": 1},
	}, {
		// A duration deadline added after a suspension counts the time
		// paused: 5 hours from the entry at 0, plus 10 paused. The engine
		// did not count the pause.
		name:       "deadline added after a suspension",
		a:          refSigned(append([]agreement.Clause{obl}, pair...)),
		evs:        []agreement.Event{exercise(1, "S"), exercise(11, "R")},
		amendments: []agreement.Amendment{{At: refAt(12), Text: refSigned(append([]agreement.Clause{with(obl, func(c *agreement.Clause) { c.Deadline.After = 5 * time.Hour })}, pair...))}},
		end:        20,
		want:       []refWantState{{"C", 14, agreement.StateInEffect}, {"C", 15, agreement.StateViolated}},
	}, {
		// A notice naming a clause counts for the instances an amendment
		// adds to it later. The engine lost it for them.
		name: "notice for instances added later",
		a: agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
			Clauses: []agreement.Clause{with(obl, func(c *agreement.Clause) {
				c.Trigger = agreement.Happened(agreement.Pattern{Kind: "request"})
				c.Term = agreement.Term{Period: hours(12), Renewal: hours(12)}
			})}},
		evs: []agreement.Event{{At: refAt(1), Kind: agreement.EventKindNotice, Actor: "UA", Clause: agreement.LocalRef("C")},
			{At: refAt(3), Kind: "request", Actor: "UA"}},
		amendments: []agreement.Amendment{{At: refAt(2), Text: agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
			Clauses: []agreement.Clause{with(obl, func(c *agreement.Clause) {
				c.Debtors = []agreement.PartyID{"UA", "RU"}
				c.Trigger = agreement.Happened(agreement.Pattern{Kind: "request"})
				c.Term = agreement.Term{Period: hours(12), Renewal: hours(12)}
			})}}}},
		end: 20,
		want: []refWantState{{"C", 2, agreement.StateTerminated}, {"C[UA]", 15, agreement.StateDischarged},
			{"C[RU]", 15, agreement.StateDischarged}},
		renewals: []string{"C[UA]@15->expired", "C[RU]@15->expired"},
	}, {
		// An end taken late, at the resumption, counts only the renewals
		// agreed up to that end; the one agreed after it counts for the
		// next. The engine counted it for the first.
		name: "renewal agreed after an end taken late",
		a:    refSigned(append([]agreement.Clause{with(obl, func(c *agreement.Clause) { c.Term = agreement.Term{Period: hours(12), Renewal: hours(12)} })}, pair...)),
		evs: []agreement.Event{exercise(6, "S"),
			{At: refAt(14), Kind: agreement.EventKindRenewal, Actor: "UA", Clause: agreement.LocalRef("C"), Period: hours(6)},
			exercise(23, "R")},
		end:      40,
		renewals: []string{"C@12->24", "C@24->30", "C@30->42"},
	}, {
		// New instances after an amendment come in the order of the new
		// text: the new clause G1, written first, before the new shares of
		// C. The engine put the shares of C, a clause it kept, first.
		name: "new instances in the order of the new text",
		a: agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
			Clauses: []agreement.Clause{with(obl, func(c *agreement.Clause) { c.Trigger = agreement.Happened(agreement.Pattern{Kind: "request"}) })}},
		evs: []agreement.Event{{At: refAt(2), Kind: "request", Actor: "UA"}},
		amendments: []agreement.Amendment{{At: refAt(1), Text: agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
			Clauses: []agreement.Clause{
				with(obl, func(c *agreement.Clause) {
					c.ID, c.Trigger = "G1", agreement.Happened(agreement.Pattern{Kind: "request"})
				}),
				with(obl, func(c *agreement.Clause) {
					c.Debtors, c.Trigger = []agreement.PartyID{"UA", "RU"}, agreement.Happened(agreement.Pattern{Kind: "request"})
				})}}}},
		end:  4,
		want: []refWantState{{"C", 1, agreement.StateTerminated}, {"G1", 2, agreement.StateInEffect}, {"C[RU]", 2, agreement.StateInEffect}},
	}, {
		// A term changed to one without automatic renewal ends a renewed
		// current term at once. The engine left it without an end.
		name:       "term changed to one not renewed",
		a:          termed(agreement.Term{Period: hours(12), Renewal: hours(12)}, obl),
		amendments: []agreement.Amendment{{At: refAt(30), Text: termed(agreement.Term{Period: hours(48)}, obl)}},
		end:        100,
		want:       []refWantState{{"a1/", 29, agreement.StateInForce}, {"a1/", 30, agreement.StateTerminated}},
		renewals:   []string{"a1/@12->24", "a1/@24->36", "a1/@24->expired"},
	}})
}

// TestRegressionRefNewSharesWakeTheirReaders: the package doc's
// Amendments, "A new clause or share is Dormant from t", and what reads the
// clause's state sees it so at t. A CI seed found an agreement whose entry
// into force reads a1/C dormant left Signed when an amendment at t gave C
// new shares (its one instance already final, so that nothing was
// terminated), which left Dormant in the same instant: nothing woke the
// agreement until they had, and then it read them in effect. A clause
// reading C (E) is woken the same way; the model once did not wake it.
func TestRegressionRefNewSharesWakeTheirReaders(t *testing.T) {
	a1 := agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{
			{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action: &agreement.Pattern{Kind: "aid-delivered"}},
			// Taken after C at the start (C is in effect by then), before
			// C's new shares at the amendment.
			{ID: "E", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Trigger: agreement.ClauseIn(agreement.LocalRef("C"), agreement.StateDormant),
				Action:  &agreement.Pattern{Kind: "report"}},
		}}
	a2 := agreement.Agreement{ID: "a2", // Draft: signed at hour 1, when a1/C is in effect
		Parties:        []agreement.Party{{ID: "UA"}},
		EntryIntoForce: agreement.ClauseIn(agreement.QualifiedRef("a1", "C"), agreement.StateDormant),
		Clauses: []agreement.Clause{{ID: "D", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Action: &agreement.Pattern{Kind: "report"}}}}
	b := a1.Clone()
	b.Clauses[0].Debtors = []agreement.PartyID{"RU", "UA"} // severally: two new shares
	tl := scenario.NewTimeline(refAt(0),
		agreement.Event{At: refAt(1), Kind: "aid-delivered", Actor: "RU"}, // C fulfilled: the amendment terminates nothing
		agreement.Event{At: refAt(1), Kind: agreement.EventKindSigning, Actor: "UA", Clause: agreement.AgreementRef("a2")}).
		WithAmendments(agreement.Amendment{At: refAt(2), Text: b})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a1, a2}}, tl, refAt(5))
	refWant(t, tr, "a2/", "", refAt(1), agreement.StateSigned)
	refWant(t, tr, "a2/", "", refAt(2), agreement.StateInForce)
	refWant(t, tr, "a1/E", "", refAt(1), agreement.StateDormant)
	refWant(t, tr, "a1/E", "", refAt(2), agreement.StateInEffect)
	refWant(t, tr, "a1/C", "UA", refAt(2), agreement.StateInEffect)
}

// TestRegressionRefAmendedLimitBeforeTheBatch: an exclusive limit that an
// amendment at t puts at t is reached before the batch at t, after every
// amendment at t, so with the latest version. The engine reached it in the
// rounds (after the act at t of another clause), and later between the
// amendments, with the version of the one that set it.
func TestRegressionRefAmendedLimitBeforeTheBatch(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	c := agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"}}
	s := agreement.Clause{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectDischarge,
		Targets: []agreement.Ref{agreement.LocalRef("C")}}
	a := refSigned([]agreement.Clause{c, s})
	b := a.Clone()
	b.Clauses[1].Expiry = agreement.Deadline{After: time.Hour, Exclusive: true}
	tl := scenario.NewTimeline(refAt(0), agreement.Event{At: refAt(1), Kind: "aid-delivered", Actor: "UA"}).
		WithAmendments(agreement.Amendment{At: refAt(1), Text: b}, agreement.Amendment{At: refAt(1), Label: "unchanged", Text: b})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(5))
	if got, want := refTransitionsAt(tr, refAt(1)), []string{"a1/S->discharged v2", "a1/C->fulfilled v2"}; !slices.Equal(got, want) {
		t.Errorf("at +1h: %v, want %v", got, want)
	}
}

// refTransitionsAt returns the transitions of tr at instant at, in order,
// as "instance->state vN" (N the version that decided it).
func refTransitionsAt(tr *scenario.Trace, at time.Time) []string {
	var out []string
	for x := range tr.Transitions() {
		if x.At.Equal(at) {
			out = append(out, fmt.Sprintf("%s->%s v%d", x.Instance, x.To, x.Version))
		}
	}
	return out
}

// TestRegressionRefAmendedLimitBeforeTheClock: an exclusive limit an
// amendment at t puts before t is reached before the exclusive limits the
// clock brings to t, whatever the order of evaluation. The model once
// settled them all in the order of evaluation, the engine the amended ones
// first.
func TestRegressionRefAmendedLimitBeforeTheClock(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	a := refSigned([]agreement.Clause{
		{ID: "P", Kind: agreement.DeonticProhibition, Debtors: ua, Action: &agreement.Pattern{Kind: "shelling"},
			Expiry: agreement.Deadline{After: 2 * time.Hour, Exclusive: true}},
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"}}})
	b := a.Clone()
	b.Clauses[1].Deadline = agreement.Deadline{At: refAt(1), Exclusive: true}
	tl := scenario.NewTimeline(refAt(0), agreement.Event{At: refAt(2), Kind: "aid-delivered", Actor: "UA"}).
		WithAmendments(agreement.Amendment{At: refAt(2), Text: b})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(5))
	if got, want := refTransitionsAt(tr, refAt(2)), []string{"a1/C->violated v1", "a1/P->fulfilled v1"}; !slices.Equal(got, want) {
		t.Errorf("at +2h: %v, want %v", got, want)
	}
}

// TestRegressionRefResumedByAmendmentPastItsLimit: an instance an
// amendment resumes, whose exclusive deadline passed while it was
// suspended, is Violated at the amendment before the batch: its act at
// that instant comes too late. The engine once judged it in the rounds,
// after the act, the model before the batch.
func TestRegressionRefResumedByAmendmentPastItsLimit(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	a := refSigned([]agreement.Clause{
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"},
			Deadline: agreement.Deadline{At: refAt(3), Exclusive: true}},
		{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R"},
		{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume},
		{ID: "D", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "report"},
			Trigger: agreement.Happened(agreement.Pattern{Kind: "aid-delivered"})}})
	b := a.Clone()
	b.Clauses = slices.Delete(b.Clauses, 1, 3)
	tl := scenario.NewTimeline(refAt(0),
		agreement.Event{At: refAt(1), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef("S")},
		agreement.Event{At: refAt(5), Kind: "aid-delivered", Actor: "UA"}).
		WithAmendments(agreement.Amendment{At: refAt(5), Text: b})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(8))
	if got, want := refTransitionsAt(tr, refAt(5)), []string{"a1/C->in-effect v1", "a1/R->terminated v1", "a1/C->violated v1", "a1/D->in-effect v1"}; !slices.Equal(got, want) {
		t.Errorf("at +5h: %v, want %v", got, want)
	}
}

// TestRegressionRefAmendedLimitKeepsItsAnchor: an amendment that lengthens
// an anchored limit and keeps its anchor counts the new length from the
// instant the anchor was fixed at, as if the new text had been in force
// from the start. The engine once fixed the anchor again at the amendment,
// the model kept it.
func TestRegressionRefAmendedLimitKeepsItsAnchor(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	a := refSigned([]agreement.Clause{
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"},
			Deadline: agreement.Deadline{After: 4 * time.Hour, From: agreement.Holds("cf")}},
		{ID: "D", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "report"},
			Expiry: agreement.Deadline{After: 4 * time.Hour, From: agreement.Holds("cf")}}})
	a.Fluents = []agreement.Fluent{{ID: "cf", Initiates: []agreement.Pattern{{Kind: "ceasefire"}}}}
	b := a.Clone()
	b.Clauses[0].Deadline.After = 6 * time.Hour
	b.Clauses[1].Expiry.After = 6 * time.Hour
	tl := scenario.NewTimeline(refAt(0), agreement.Event{At: refAt(1), Kind: "ceasefire"}).
		WithAmendments(agreement.Amendment{At: refAt(3), Text: b})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(12))
	// From the ceasefire at +1h: six hours, not six from the amendment.
	refWant(t, tr, "C", "", refAt(6), agreement.StateInEffect)
	refWant(t, tr, "C", "", refAt(7), agreement.StateViolated)
	refWant(t, tr, "D", "", refAt(6), agreement.StateInEffect)
	refWant(t, tr, "D", "", refAt(7), agreement.StateDischarged)
}

// TestRegressionRefPowerNoticeForANewShare: a notice given by a power
// against a clause counts for the share of it an amendment adds later (a
// new debtor's), as a notice event does. The engine once gave it only to
// the instances there were at the exercise.
func TestRegressionRefPowerNoticeForANewShare(t *testing.T) {
	a := refSigned([]agreement.Clause{
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
			Action: &agreement.Pattern{Kind: "aid-delivered"},
			Term: agreement.Term{Period: agreement.Period{Exact: 6 * time.Hour},
				Renewal: agreement.Period{Exact: 6 * time.Hour}, Notice: agreement.Period{Exact: time.Hour}}},
		{ID: "N", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UA"}, Effect: agreement.EffectNotice,
			Targets: []agreement.Ref{agreement.LocalRef("C")}}})
	a.Parties = append(a.Parties, agreement.Party{ID: "RU"}, agreement.Party{ID: "BY"})
	b := a.Clone()
	b.Clauses[0].Debtors = append(b.Clauses[0].Debtors, "BY")
	tl := scenario.NewTimeline(refAt(0),
		agreement.Event{At: refAt(1), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef("N")}).
		WithAmendments(agreement.Amendment{At: refAt(2), Text: b})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(12))
	// The share added at +2h enters into effect then: its term ends at +8h.
	refWant(t, tr, "C", "UA", refAt(6), agreement.StateDischarged)
	refWant(t, tr, "C", "BY", refAt(7), agreement.StateInEffect)
	refWant(t, tr, "C", "BY", refAt(8), agreement.StateDischarged)
}

// TestRegressionRefGateChangedByAmendment: an amendment that closes a
// clause's gate (it no longer applies provisionally) stops the clock of its
// duration deadline until the gate opens again (by the agreement's entry
// into force, or by an amendment making it provisional again), and a later
// amendment that lengthens the deadline counts only the time the clock
// ran. The engine once let the clock run while the gate was closed, and
// counted that time against the lengthened deadline.
func TestRegressionRefGateChangedByAmendment(t *testing.T) {
	a := agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}}, Signatures: []agreement.Signature{{Party: "UA"}},
		InForceAt: agreement.Deadline{At: refAt(10)},
		Clauses: []agreement.Clause{{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Provisional: true, Action: &agreement.Pattern{Kind: "aid-delivered"},
			Deadline: agreement.Deadline{After: 4 * time.Hour}}}}
	closed := a.Clone()
	closed.Clauses[0].Provisional = false
	longer := closed.Clone()
	longer.Clauses[0].Deadline.After = 5 * time.Hour
	for _, tc := range []struct {
		name       string
		amendments []agreement.Amendment
		violated   int // the hour the clause is Violated at
	}{
		// One hour run before +1h, two from +10h: three of five at +12h.
		{"opened by entry into force", []agreement.Amendment{{At: refAt(1), Text: closed}, {At: refAt(12), Text: longer}}, 14},
		// One hour run before +1h, three from +5h.
		{"opened by amendment", []agreement.Amendment{{At: refAt(1), Text: closed}, {At: refAt(5), Text: a}}, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := scenario.NewTimeline(refAt(0)).WithAmendments(tc.amendments...)
			tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(20))
			refWant(t, tr, "C", "", refAt(tc.violated-1), agreement.StateInEffect)
			refWant(t, tr, "C", "", refAt(tc.violated), agreement.StateViolated)
		})
	}
}

// TestRegressionRefSuspendPowerNoLonger: an amendment that makes a suspend
// power another kind of power drops the holds it had on the instances it
// suspended, as removing it does: an instance left with none resumes. The
// engine once dropped the holds of removed powers only.
func TestRegressionRefSuspendPowerNoLonger(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	a := refSigned([]agreement.Clause{
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, Action: &agreement.Pattern{Kind: "aid-delivered"}},
		{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R"},
		{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume}})
	b := a.Clone()
	b.Clauses[1].Effect, b.Clauses[1].ResumedBy = agreement.EffectDischarge, ""
	b.Clauses = b.Clauses[:2]
	tl := scenario.NewTimeline(refAt(0),
		agreement.Event{At: refAt(1), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef("S")}).
		WithAmendments(agreement.Amendment{At: refAt(3), Text: b})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(6))
	refWant(t, tr, "C", "", refAt(2), agreement.StateSuspended)
	refWant(t, tr, "C", "", refAt(3), agreement.StateInEffect)
}

// TestRegressionRefClauseAddedAgain: a clause removed by one amendment and
// added again by a later one (with other debtors) is the same clause: a
// condition on it sees its instance the removal terminated. The engine once
// gave the clause a new place, and an anchor ClauseIn(C1, Terminated)
// never held.
func TestRegressionRefClauseAddedAgain(t *testing.T) {
	a := agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
			Action: &agreement.Pattern{Kind: "aid-delivered"}}}}
	removed := a.Clone()
	removed.Clauses = nil
	again := a.Clone()
	again.Clauses[0].Debtors = []agreement.PartyID{"RU", "UA"}
	anchored := again.Clone()
	anchored.Clauses = append(anchored.Clauses, agreement.Clause{ID: "added", Kind: agreement.DeonticObligation,
		Debtors: []agreement.PartyID{"RU"}, Action: &agreement.Pattern{Kind: "report"},
		Deadline: agreement.Deadline{After: 24 * time.Hour, Exclusive: true,
			From: agreement.ClauseIn(agreement.LocalRef("C1"), agreement.StateTerminated)}})
	tl := scenario.NewTimeline(refAt(0)).WithAmendments(agreement.Amendment{At: refAt(2), Text: removed},
		agreement.Amendment{At: refAt(3), Text: again}, agreement.Amendment{At: refAt(9), Text: anchored})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(48))
	refWant(t, tr, "C1", "", refAt(4), agreement.StateTerminated)
	refWant(t, tr, "C1", "UA", refAt(4), agreement.StateInEffect)
	refWant(t, tr, "added", "", refAt(32), agreement.StateInEffect)
	refWant(t, tr, "added", "", refAt(33), agreement.StateViolated)
}

// TestRegressionRefForkAfterAmend: a run forked while an amendment is
// pending gives the trace the run gives. The fork once lost the agreement's
// entry into force at its InForceAt.
func TestRegressionRefForkAfterAmend(t *testing.T) {
	a := refSigned([]agreement.Clause{{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
		Action: &agreement.Pattern{Kind: "aid-delivered"}}})
	a.InForceAt = agreement.Deadline{After: 3 * time.Hour}
	b := a.Clone()
	b.Clauses[0].Deadline = agreement.Deadline{After: 24 * time.Hour}
	e, err := scenario.CompileProcess(agreement.Process{Agreements: []agreement.Agreement{a}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Start(refAt(0))
	if err != nil {
		t.Fatal(err)
	}
	am := agreement.Amendment{At: refAt(1), Text: b}
	if err := r.Amend(am); err != nil {
		t.Fatal(err)
	}
	f := r.Fork()
	for _, run := range []*scenario.Run{r, f} {
		if err := run.AdvanceTo(refAt(4)); err != nil {
			t.Fatal(err)
		}
		res := refReplayAmended(agreement.Process{Agreements: []agreement.Agreement{a}}, refAt(0), nil,
			[]agreement.Amendment{am}, refAt(4))
		for _, d := range refCompare(run.Trace(), res) {
			t.Error(d)
		}
		refWant(t, run.Trace(), "a1/", "", refAt(3), agreement.StateInForce)
	}
}

// TestRegressionRefExplainDeferred: the open conditions of a clause whose
// suspensions defer are explained with the window from before its
// suspension, as they are evaluated. The explanation once used the
// resumption, and showed the aid delivered during the suspension as not
// seen although it decides the fulfilment.
func TestRegressionRefExplainDeferred(t *testing.T) {
	ua := []agreement.PartyID{"UA"}
	a := refSigned([]agreement.Clause{
		{ID: "C", Kind: agreement.DeonticObligation, Debtors: ua, DuringSuspension: agreement.SuspensionDefers,
			Fulfilment: agreement.All(agreement.Happened(agreement.Pattern{Kind: "aid-delivered"}),
				agreement.Happened(agreement.Pattern{Kind: "report"}))},
		{ID: "S", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectSuspend,
			Targets: []agreement.Ref{agreement.LocalRef("C")}, ResumedBy: "R"},
		{ID: "R", Kind: agreement.DeonticPower, Debtors: ua, Effect: agreement.EffectResume}})
	ex := func(h int, c agreement.ClauseID) agreement.Event {
		return agreement.Event{At: refAt(h), Kind: agreement.EventKindPowerExercised, Actor: "UA", Clause: agreement.LocalRef(c)}
	}
	evs := []agreement.Event{ex(2, "S"), {At: refAt(3), Kind: "aid-delivered", Actor: "UA"}, ex(4, "R"),
		{At: refAt(6), Kind: "report", Actor: "UA"}}
	p := agreement.Process{Agreements: []agreement.Agreement{a}}
	tr := refCheckReplay(t, p, refAt(0), evs, refAt(8))
	refWant(t, tr, "C", "", refAt(6), agreement.StateFulfilled)
	res := refReplay(p, refAt(0), evs, refAt(8))
	for _, d := range refCheckExplanation(tr, res, scenario.Instance{Ref: agreement.QualifiedRef("a1", "C")}, refAt(5), refCoverage{}) {
		t.Error(d)
	}
}

// TestRegressionRefClauseInForSeesReplacedShare: a condition on one
// debtor's instance of a clause sees the share that debtor owed before an
// amendment changed the clause's debtors (from RU alone to RU and UA), as
// conditions on the clause see the instances of a clause removed and
// added again. The engine once read only the new share.
func TestRegressionRefClauseInForSeesReplacedShare(t *testing.T) {
	a := agreement.Agreement{ID: "a1", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{{ID: "C2", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"RU"},
			Action: &agreement.Pattern{Kind: "aid-delivered", Actor: "UA"}}}}
	split := a.Clone()
	split.Clauses[0].Debtors = []agreement.PartyID{"RU", "UA"}
	split.Clauses = append(split.Clauses, agreement.Clause{ID: "S1", Kind: agreement.DeonticObligation,
		Debtors:    []agreement.PartyID{"RU"},
		Fulfilment: agreement.ClauseInFor(agreement.LocalRef("C2"), "RU", agreement.StateViolated),
		Violation:  agreement.All()})
	tl := scenario.NewTimeline(refAt(0), agreement.Event{At: refAt(5), Kind: "aid-delivered", Actor: "UA"}).
		WithAmendments(agreement.Amendment{At: refAt(23), Text: split})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(48))
	refWant(t, tr, "C2", "", refAt(6), agreement.StateViolated)
	refWant(t, tr, "C2", "RU", refAt(23), agreement.StateInEffect)
	refWant(t, tr, "S1", "", refAt(23), agreement.StateFulfilled)
}

// TestRegressionRefClauseAddedAgainIsItsDebtorsShare: a clause with one
// debtor (RU), removed by one amendment and added again by a later one with
// another (US), has its one instance again, Terminated by the removal:
// US's share under the text in force, which a ClauseInFor naming US sees.
// The engine kept it as a ghost owed by RU, so that the antecedent below
// saw no instance of US's and the clause stayed Pending (a CI seed of
// TestPropertyInstrumentsOverTimeMatchModel found it).
func TestRegressionRefClauseAddedAgainIsItsDebtorsShare(t *testing.T) {
	ru, us := []agreement.PartyID{"RU"}, []agreement.PartyID{"US"}
	c1 := agreement.Clause{ID: "C1", Kind: agreement.DeonticObligation, Debtors: ru,
		Action: &agreement.Pattern{Kind: "aid-delivered"}}
	a := refSigned([]agreement.Clause{c1})
	a.Parties = append(a.Parties, agreement.Party{ID: "RU"}, agreement.Party{ID: "US"})
	removed := a.Clone()
	removed.Clauses = nil
	again := a.Clone()
	again.Clauses = []agreement.Clause{
		{ID: "added", Kind: agreement.DeonticObligation, Debtors: ru, Action: &agreement.Pattern{Kind: "report"},
			Antecedent: agreement.ClauseInFor(agreement.LocalRef("C1"), "US", agreement.StateTerminated)},
		{ID: "C1", Kind: agreement.DeonticObligation, Debtors: us, Action: &agreement.Pattern{Kind: "aid-delivered"}},
	}
	tl := scenario.NewTimeline(refAt(0)).WithAmendments(agreement.Amendment{At: refAt(0), Text: removed},
		agreement.Amendment{At: refAt(1), Text: again})
	tr := refCheckTimeline(t, agreement.Process{Agreements: []agreement.Agreement{a}}, tl, refAt(3))
	refWant(t, tr, "a1/C1", "", refAt(2), agreement.StateTerminated)
	refWant(t, tr, "a1/added", "", refAt(2), agreement.StateInEffect)
}
