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

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// refTransition is one change of state the reference model made.
type refTransition struct {
	Inst     scenario.Instance
	From, To agreement.State
	At       time.Time
	// Why is what caused it, where the package doc names one: "deadline"
	// (a lapse included), "expiry", "power" (By the power's instance),
	// "agreement" (By the agreement terminated), "signing" (a signing
	// event), "signature" (a recorded signature's date, By the agreement
	// with the party as debtor); "" when a condition decided it.
	Why string
	By  scenario.Instance
}

func (tr refTransition) String() string {
	return fmt.Sprintf("%s %s->%s at %s", tr.Inst, tr.From, tr.To, tr.At.UTC().Format(time.RFC3339Nano))
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
}

// reads returns every condition the instance reads: its four conditions
// and the anchors of its deadline and expiry (nil where absent).
func (in *refInst) reads() []agreement.Condition {
	return []agreement.Condition{in.conds[0], in.conds[1], in.conds[2], in.conds[3], in.clause.Deadline.From,
		in.clause.Expiry.From}
}

// recurs reports whether the instance is a recurring duty.
func (in *refInst) recurs() bool { return !in.clause.Recurs.IsZero() }

// refBreach is one breach of a standing clause instance the model recorded.
type refBreach struct {
	ii    int
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
	m := &refModel{p: p, start: start, byClause: map[agreement.Ref][]int{}, fluentIdx: map[refFluentKey]int{}}
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
				m.byClause[ref] = append(m.byClause[ref], len(m.insts))
				m.insts = append(m.insts, in)
			}
		}
	}
	// Consumed permissions: a prohibition instance owed by one debtor is
	// relaxed by the permission instances owed by that debtor alone.
	for pi := range m.insts {
		perm := &m.insts[pi]
		if perm.clause.Kind != agreement.DeonticPermission || perm.clause.Joint || len(perm.owed) != 1 {
			continue
		}
		for _, x := range perm.clause.Relaxes {
			for _, xi := range m.byClause[x.Resolve(perm.ref.Agreement)] {
				pr := &m.insts[xi]
				if pr.clause.Joint || len(pr.owed) != 1 || pr.owed[0] != perm.owed[0] ||
					pr.clause.Action == nil || pr.clause.Violation != nil {
					continue
				}
				pr.relaxedBy = append(pr.relaxedBy, pi)
				pr.counted = pr.clause.Standing
			}
		}
	}
	return m
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
// the event's.
func refRevised(events []agreement.Event, now time.Time) []agreement.Event {
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

// fluentsOver computes every fluent's value from scratch after events.
func (m *refModel) fluentsOver(events []agreement.Event) refFluents {
	vals := make(refFluents, len(m.fluents))
	for k, f := range m.fluents {
		vals[k] = f.f.Initially
	}
	for _, e := range events {
		m.applyFluents(vals, e, nil)
	}
	return vals
}

// refView is what a condition is evaluated against: the instant, every event
// up to it, and the fluent, clause and agreement states to read.
type refView struct {
	m      *refModel
	now    time.Time
	events []agreement.Event // every event at or before now, in timeline order, as revised at now
	fluent func(refFluentKey) bool
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
			bi := &v.m.insts[b.ii]
			if bi.ref != ref || w.set && !b.act.After(w.at) || debtor != "" && !bi.owes(debtor) {
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
	m      *refModel
	start  time.Time
	now    time.Time
	events []agreement.Event // every event at or before now
	fluent refFluents

	agr     []agreement.State
	agrSusp [][]agreement.Ref
	st      []refInstState

	// Signatures: who has signed each agreement, in the order they
	// signed; every signature with its instant (those counted at the start
	// at the start); how many of each agreement's dated signatures have
	// been taken; the instant each became Signed (zero: not yet).
	signers  [][]agreement.PartyID
	signLog  []refSigning
	sigTaken []int
	signedAt []time.Time
	// The anchor of each agreement's InForceAt: whether it has held, and
	// the instant it fixes.
	ifFired  []bool
	ifAnchor []time.Time

	log       []refTransition
	decisions [][]refDecision // per transition

	marks   []bool      // instances to evaluate in the next round
	effects []refEffect // powers exercised in the current round
	blog    []refBreach // breaches recorded, in order

	why string // cause of the transitions being made
	by  scenario.Instance

	batch []agreement.Event // the batch of the current instant
	// notes counts what the replay went through, for the tests' coverage
	// reports.
	notes map[string]int
}

// refResult is the outcome of a reference replay.
type refResult struct {
	m         *refModel
	start     time.Time
	end       time.Time
	events    []agreement.Event
	log       []refTransition
	decisions [][]refDecision
	breaches  []refBreach
	// upcoming are the instants after end at which a deadline, an expiry
	// or a timed atom could fire with no further event.
	upcoming []time.Time
	// notes counts what the replay went through: lapses, exclusive limits
	// reached before a batch, the breaches of recurring duties, clauses
	// moving provisionally, dated signatures, entries into force at
	// InForceAt.
	notes map[string]int
	run   *refRun // the run, as it ended
}

// limitsOf returns the instants after the end at which instance i's own
// deadline, expiry or lapse falls, or an occurrence of its recurrence
// starts or falls due.
func (res *refResult) limitsOf(i scenario.Instance) []time.Time {
	r := res.run
	var out []time.Time
	for ii := range r.m.insts {
		if r.m.insts[ii].id != i {
			continue
		}
		s := &r.st[ii]
		for _, f := range []func(int) (time.Time, bool){r.deadlineInstant, r.expiryInstant, r.lapseInstant} {
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
	m := refNewModel(p, start)
	r := &refRun{m: m, start: start, now: start, notes: map[string]int{}}
	n := len(p.Agreements)
	r.agr = make([]agreement.State, n)
	r.agrSusp = make([][]agreement.Ref, n)
	r.signers = make([][]agreement.PartyID, n)
	r.sigTaken = make([]int, n)
	r.signedAt = make([]time.Time, n)
	r.ifFired = make([]bool, n)
	r.ifAnchor = make([]time.Time, n)
	for ai := range p.Agreements {
		r.agr[ai] = m.initialAgreementState(ai)
		r.signers[ai] = m.signersAtStart(ai)
		for _, party := range r.signers[ai] {
			r.signLog = append(r.signLog, refSigning{ai, party, start})
		}
		// The dated signatures at or before the start are taken; an
		// agreement signed at the start became Signed at the last of them,
		// or at the start.
		last := start
		for _, sg := range m.datedSignatures(ai) {
			if !sg.at.After(start) {
				r.sigTaken[ai]++
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
	res := &refResult{m: m, start: start, end: end}
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
// every dated signature and instant of entry into force. Zero when there is
// none.
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
	for ai := range r.m.p.Agreements {
		a := &r.m.p.Agreements[ai]
		timed(a.EntryIntoForce, ai, nil)
		timed(a.InForceAt.From, ai, nil)
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
	return r.gateWith(ii, r.agr[r.m.insts[ii].ai], r.signers[r.m.insts[ii].ai])
}

// gateWith is gateOpen with the agreement in state agr, signed by
// signers.
func (r *refRun) gateWith(ii int, agr agreement.State, signers []agreement.PartyID) bool {
	in := &r.m.insts[ii]
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
		fluent:   func(k refFluentKey) bool { return r.fluent[r.m.fluentIdx[k]] },
		state:    func(ii int) (agreement.State, time.Time) { return r.st[ii].state, r.st[ii].since },
		agr:      func(ai int) agreement.State { return r.agr[ai] },
		breaches: r.blog,
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
	// Fluents: recomputed from scratch up to the batch, then through it.
	r.fluent = r.m.fluentsOver(upTo[:len(upTo)-len(batch)])
	flipped := make([]bool, len(r.m.fluents))
	for _, e := range batch {
		r.m.applyFluents(r.fluent, e, flipped)
	}
	r.marks = make([]bool, len(r.m.insts))
	// An exclusive limit is reached before anything at its instant: before
	// the batch, and before any agreement or other clause moves.
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
			r.markBreachReaders(r.m.insts[b.ii].ref)
		}
	}
	for ii := range r.m.insts {
		in := &r.m.insts[ii]
		if start {
			r.marks[ii] = true
			continue
		}
		seen := refRevised(r.events, r.now)
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
		reads = []read{{in.conds[refFulfilment], refAfter(s.since)}, {in.conds[refViolation], refAfter(s.since)}}
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
	agr := r.m.initialAgreementState(in.ai)
	running := false
	var since time.Time
	var elapsed time.Duration
	for _, tr := range r.log {
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
		now := state == agreement.StateInEffect && r.gateWith(ii, agr, r.signersAt(in.ai, tr.At))
		if running && (!now || arm) {
			elapsed += tr.At.Sub(since)
		}
		if arm {
			elapsed = 0
		}
		if now && (!running || arm) {
			since = tr.At
		}
		running = now
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
			dated := r.m.datedSignatures(ai)
			for r.sigTaken[ai] < len(dated) && !dated[r.sigTaken[ai]].at.After(r.now) {
				sg := dated[r.sigTaken[ai]]
				r.sigTaken[ai]++
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
// its state, every instance of it when it enters into force, and terminating
// every clause of it that is neither final nor surviving when it is
// terminated.
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
	if to == agreement.StateTerminated {
		for ii := range r.m.insts {
			in := &r.m.insts[ii]
			if in.ai == ai && !in.clause.Surviving && !r.st[ii].state.IsFinal() {
				r.because("agreement", r.m.agreementInstance(ai), func() { r.to(ii, agreement.StateTerminated, nil) })
			}
		}
	}
}

func (r *refRun) record(i scenario.Instance, from, to agreement.State, d []refDecision) {
	r.log = append(r.log, refTransition{Inst: i, From: from, To: to, At: r.now, Why: r.why, By: r.by})
	r.decisions = append(r.decisions, d)
}

// because sets the cause recorded with the transitions fn makes.
func (r *refRun) because(why string, by scenario.Instance, fn func()) {
	w, b := r.why, r.by
	r.why, r.by = why, by
	fn()
	r.why, r.by = w, b
}

// to moves instance ii to state to, marking the instances that read its
// clause's state and, unless to is final, itself. A recurring duty
// entering InEffect from Dormant or Pending starts its occurrences.
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
		s.judged, s.violTrue, s.lastBreach = r.now, false, refWindow{}
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
			if r.holds(ii, refAntecedent, refAfter(s.since)) {
				r.to(ii, agreement.StateInEffect, []refDecision{r.decide("antecedent", ante, in.ai, in, refAfter(s.since))})
			}
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
		w := refAfter(s.since)
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

// applyEffect applies the effect of power instance pi, exercised now.
func (r *refRun) applyEffect(pi int) {
	pin := &r.m.insts[pi]
	cl := pin.clause
	home := r.m.p.Agreements[pin.ai].ID
	targets := cl.Targets
	suspender := pin.ref
	if cl.Effect == agreement.EffectResume {
		// The paired suspend power, in the same agreement.
		targets = nil
		for _, o := range r.m.p.Agreements[pin.ai].Clauses {
			if o.Kind == agreement.DeonticPower && o.Effect == agreement.EffectSuspend && o.ResumedBy == cl.ID {
				targets = o.Targets
				suspender = agreement.QualifiedRef(home, o.ID)
			}
		}
	}
	// TargetDebtor: only the instances owed by that debtor (Debtor: the
	// exercising instance's own, or the power's sole debtor).
	share := cl.TargetDebtor
	if share == agreement.Debtor {
		share = pin.bind
	}
	for _, t := range targets {
		t = t.Resolve(home)
		if t.IsAgreement() {
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
		w := refAfter(s.since)
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
		w := refAfter(s.since)
		if s.judged.After(s.since) {
			w = refAfter(s.judged)
		}
		s.judged = r.now
		var acts []int
		if len(in.relaxedBy) > 0 {
			// Grants are consumed by every act since the clause entered
			// InEffect; only the acts not yet judged are new breaches.
			for _, k := range v.uncovered(in, refAfter(s.since)) {
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
	w := refAfter(s.since)
	if s.lastBreach.set && s.lastBreach.at.After(s.since) {
		w = s.lastBreach
	}
	val := v.eval(c, in.ai, in, w, nil)
	if val && !s.violTrue {
		r.breach(ii, v.firstEventAtom(c, in.ai, in, w))
		val = r.view().eval(c, in.ai, in, refAfter(r.now), nil)
	}
	s.violTrue = val
}

// firstEventAtom returns the event of the first true event atom of c (in
// walk order) whose event is visible after w: the first matching event of
// Happened, Since and the first pattern of Before, the last of Within, the
// last event read by Total or Level; -1 for none.
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
	r.blog = append(r.blog, refBreach{ii: ii, at: r.now, act: act, event: k})
	r.markBreachReaders(r.m.insts[ii].ref)
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
// otherwise.
func (r *refRun) expiry(work []int) {
	for _, ii := range work {
		s := &r.st[ii]
		if s.state != agreement.StatePending && s.state != agreement.StateInEffect || !r.gateOpen(ii) {
			continue
		}
		x, ok := r.expiryInstant(ii)
		if !ok || x.After(r.now) {
			continue
		}
		to := agreement.StateDischarged
		in := &r.m.insts[ii]
		kept := in.clause.Standing || in.recurs()
		switch {
		case s.state != agreement.StateInEffect:
		case kept && s.breaches > 0:
			to = agreement.StateViolated
		case kept, in.clause.Kind == agreement.DeonticProhibition:
			to = agreement.StateFulfilled
		}
		r.because("expiry", scenario.Instance{}, func() { r.to(ii, to, nil) })
	}
}

// State returns the model's state of instance i at the end of instant at.
func (res *refResult) State(i scenario.Instance, at time.Time) agreement.State {
	var s agreement.State
	if i.IsAgreement() {
		s = res.m.initialAgreementState(res.m.agreementIndex(i.Ref.Agreement))
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

// Instances returns every instance the model tracks: agreements first, then
// clause instances, in order.
func (res *refResult) Instances() []scenario.Instance {
	var out []scenario.Instance
	for ai := range res.m.p.Agreements {
		out = append(out, res.m.agreementInstance(ai))
	}
	for _, in := range res.m.insts {
		out = append(out, in.id)
	}
	return out
}

// viewAt returns the view at the end of instant at (which must not be after
// the end of the replay): events up to it, fluents after its batch, states
// after its last transition.
func (res *refResult) viewAt(at time.Time) *refView {
	n := 0
	for n < len(res.events) && !res.events[n].At.After(at) {
		n++
	}
	evs := res.events[:n]
	fl := res.m.fluentsOver(evs)
	var bs []refBreach
	for _, b := range res.breaches {
		if !b.at.After(at) {
			bs = append(bs, b)
		}
	}
	return &refView{
		m: res.m, now: at, events: refRevised(evs, at),
		fluent: func(k refFluentKey) bool { return fl[res.m.fluentIdx[k]] },
		state: func(ii int) (agreement.State, time.Time) {
			st, since := agreement.StateDormant, res.start
			for _, tr := range res.log {
				if tr.At.After(at) {
					break
				}
				if tr.Inst == res.m.insts[ii].id {
					st, since = tr.To, tr.At
				}
			}
			return st, since
		},
		agr:      func(ai int) agreement.State { return res.State(res.m.agreementInstance(ai), at) },
		breaches: bs,
	}
}

// inst returns the model's instance i, or nil.
func (res *refResult) inst(i scenario.Instance) *refInst {
	for k := range res.m.insts {
		if res.m.insts[k].id == i {
			return &res.m.insts[k]
		}
	}
	return nil
}

// Breaches returns the breaches the model recorded for instance i up to
// and including instant at.
func (res *refResult) Breaches(i scenario.Instance, at time.Time) []refBreach {
	var out []refBreach
	for _, b := range res.breaches {
		if !b.at.After(at) && res.m.insts[b.ii].id == i {
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
	for _, in := range res.m.insts {
		if !in.clause.Standing && !in.recurs() {
			continue
		}
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
		out = append(out, refTransition{Inst: x.Instance, From: x.From, To: x.To, At: x.At})
	}
	return out
}

// refCompare compares a trace with the model's replay of the same events up
// to the same end: every transition in order, and every instance's state
// and every fluent's value at the end. It returns a description of each
// difference.
func refCompare(tr *scenario.Trace, res *refResult) []string {
	var diffs []string
	got, want := refTransitions(tr), res.log
	if !slices.EqualFunc(got, want, func(a, b refTransition) bool {
		return a.Inst == b.Inst && a.From == b.From && a.To == b.To && a.At.Equal(b.At)
	}) {
		diffs = append(diffs, "transitions differ:\n"+refSideBySide(got, want))
	} else {
		diffs = append(diffs, refCompareCauses(tr, res)...)
	}
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
		for ai, a := range res.m.p.Agreements {
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
// matching the power's action), the termination of the agreement (By the
// agreement), a signing event, a recorded signature's date (By the
// agreement with the signing party as debtor). The transitions must already
// be equal.
func refCompareCauses(tr *scenario.Trace, res *refResult) []string {
	var diffs []string
	k := 0
	for x := range tr.Transitions() {
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
		case "power":
			if c.Kind != scenario.CausePower || c.By != want.By {
				bad("")
				continue
			}
			var power *refInst
			for i := range res.m.insts {
				if res.m.insts[i].id == want.By {
					power = &res.m.insts[i]
				}
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
			if !ok || ev.At.After(x.At) || !res.m.matchesIn(exercise, power.ai, ev, power) {
				bad(fmt.Sprintf("names event %+v, not an exercise of %s (%s) at %s", ev, want.By, exercise, refStamp(x.At)))
			}
		}
	}
	return diffs
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
	e, err := scenario.CompileProcess(p)
	if err != nil {
		t.Fatal(err)
	}
	tl := scenario.NewTimeline(start, events...)
	tr, err := e.Replay(tl, end)
	if err != nil {
		t.Fatal(err)
	}
	var sorted []agreement.Event
	for _, ev := range tl.Events() {
		sorted = append(sorted, ev)
	}
	for _, d := range refCompare(tr, refReplay(p, start, sorted, end)) {
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
		// suspended (the gate), and resumes with it.
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
