package scenario

import (
	"math"
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// The steps of an instant, in the order commit takes them: activation,
// fulfilment, the effects of powers, violation and expiry; the clocks of
// duration deadlines; and the timers they schedule.

// pauseClock stops the clock of instance ii, in effect or suspended: a
// running duration deadline stops.
func (r *Run) pauseClock(ii int32) {
	s := &r.inst[ii]
	if !s.stopped && s.entered != never && (s.state == agreement.StateInEffect || s.state == agreement.StateSuspended) {
		s.stopped, s.stopAt = true, r.now
	}
	if s.remaining >= 0 && s.deadlineAt != never {
		s.remaining = max(s.deadlineAt-r.now, 0)
		s.deadlineAt = never
	}
}

// resumeClock restarts the clock of instance ii, and a paused duration
// deadline, if the instance is in effect and its gate is open.
func (r *Run) resumeClock(ii int32) {
	s := &r.inst[ii]
	if s.stopped && s.state == agreement.StateInEffect && r.gateOpen(ii) {
		s.stopped, s.stoppedFor = false, s.stoppedFor+r.now-s.stopAt
	}
	if s.remaining >= 0 && s.deadlineAt == never && s.state == agreement.StateInEffect && r.gateOpen(ii) {
		s.deadlineAt = addSat(r.now, s.remaining)
	}
}

// anchorInstant returns the instant an anchor condition rooted at root
// first held, now that it holds: its event's, for a Happened anchor, and
// now otherwise (the anchor is evaluated whenever what it reads changes).
func (r *Run) anchorInstant(root int32) int64 {
	if n := &r.e.nodes[root]; n.op == opHappened {
		if f := r.firstAfter(n.a, beforeAll); f >= 0 {
			return r.at.get(int(f))
		}
	}
	return r.now
}

// anchors fixes the deadlines and expiries whose anchor now holds.
func (r *Run) anchors() {
	// Nothing here marks an instance: the round's list stays as it is.
	for _, ii := range r.wk.cur {
		inst := &r.e.instances[ii]
		s := &r.inst[ii]
		if inst.flags&flagAnchored == 0 || s.state.IsFinal() {
			continue
		}
		cl := &r.e.clauses[inst.clause]
		if root := inst.roots[slotDeadline]; root >= 0 && !s.dlFired && r.test(root, beforeAll) {
			s.dlFired, s.dlAnchor = true, r.anchorInstant(root)
			r.setLive(ii)
			s.dlFixed = limit(cl.deadline, s.dlAnchor, cl.loc)
			if cl.deadline.Unconditional {
				s.lapseAt = s.dlFixed
			}
			if s.state == agreement.StateInEffect || s.state == agreement.StateSuspended {
				s.deadlineAt = s.dlFixed
			}
		}
		if root := inst.roots[slotExpiry]; root >= 0 && !s.expFired && r.test(root, beforeAll) {
			s.expFired, s.expAnchor = true, r.anchorInstant(root)
			r.setLive(ii)
			s.expFixed = limit(cl.expiry, s.expAnchor, cl.loc)
			if s.state != agreement.StateDormant {
				s.expiryAt = s.expFixed
			}
		}
	}
}

// lapse makes Lapsed every instance still waiting for its trigger or
// antecedent when its deadline, binding regardless of activation, comes:
// before activation, so that a trigger at that very instant comes too late.
func (r *Run) lapse() {
	w := &r.wk
	for pos := 0; pos < len(w.cur); pos++ {
		ii := w.cur[pos]
		s := &r.inst[ii]
		if s.lapseAt <= r.now && (s.state == agreement.StateDormant || s.state == agreement.StatePending) &&
			r.gateOpen(ii) {
			pos = r.stepAt(pos, ii, (*Run).lapseOne)
		}
	}
	w.pos = len(w.cur)
}

// lapseOne makes instance ii Lapsed.
func (r *Run) lapseOne(ii int32) { r.to(ii, agreement.StateLapsed, cause{kind: CauseDeadline}) }

// passedExclusive reports whether an exclusive deadline or expiry of
// instance ii has been reached: what happens at or after it no longer
// counts.
func (r *Run) passedExclusive(ii int32) bool {
	s := &r.inst[ii]
	if s.deadlineAt > r.now && s.expiryAt > r.now {
		return false
	}
	f := r.e.instances[ii].flags
	return f&flagDlExcl != 0 && s.deadlineAt <= r.now || f&flagExpExcl != 0 && s.expiryAt <= r.now
}

// settleExclusive applies an exclusive deadline or expiry of instance ii
// falling now before anything else at this instant: before the batch's
// events are recorded and before any other clause or agreement moves.
func (r *Run) settleExclusive(ii int32) {
	s := &r.inst[ii]
	if !r.gateOpen(ii) || !r.passedExclusive(ii) {
		return
	}
	switch s.state {
	case agreement.StateInEffect:
		if r.e.instances[ii].flags&flagDlExcl != 0 && s.deadlineAt <= r.now {
			r.to(ii, agreement.StateViolated, cause{kind: CauseDeadline})
			return
		}
		r.expireOne(ii)
	case agreement.StatePending:
		r.expireOne(ii)
	}
}

// recurs reports whether instance ii is a recurring duty: its fulfilment
// performs one occurrence, not the clause.
func (r *Run) recurs(ii int32) bool { return r.e.instances[ii].flags&flagRecurs != 0 }

// startRecurrence opens the occurrences of recurring duty ii as it enters
// into effect: periodic ones from its Start (those starting before now are
// not owed) or from now; occurrences of its On pattern from the events of
// now on.
func (r *Run) startRecurrence(ii int32) {
	s := &r.inst[ii]
	cl := &r.e.clauses[r.e.instances[ii].clause]
	rc := &cl.clause.Recurs
	s.recOpen, s.recNext, s.recK = nil, never, 0
	if !rc.Every.IsZero() {
		s.recBase = r.now
		if !rc.Start.IsZero() {
			s.recBase = nanos(rc.Start)
		}
		s.recNext = s.recBase
		if ex := int64(rc.Every.Exact); !rc.Every.Calendar() && ex > 0 && s.recBase < r.now {
			// Exact periods: the first start at or after now directly.
			k := (r.now - s.recBase + ex - 1) / ex
			s.recK = int32(min(k, math.MaxInt32))
			s.recNext = r.occurrenceStart(cl, s.recBase, s.recK)
		}
		for s.recNext < r.now && s.recK < math.MaxInt32 {
			s.recK++
			s.recNext = r.occurrenceStart(cl, s.recBase, s.recK)
		}
	}
	s.recSeen = beforeAll
}

// occurrenceStart returns the start of periodic occurrence k of clause cl,
// counted from base: Every multiplied by k, on the calendar of its zone.
func (r *Run) occurrenceStart(cl *clauseInfo, base int64, k int32) int64 {
	return nanos(r.occurrenceTime(cl, base, k))
}

func (r *Run) occurrenceTime(cl *clauseInfo, base int64, k int32) time.Time {
	e := cl.clause.Recurs.Every
	n := int(k)
	p := agreement.Period{Years: e.Years * n, Months: e.Months * n, Weeks: e.Weeks * n, Days: e.Days * n,
		Exact: e.Exact * time.Duration(n)}
	return p.AddTo(time.Unix(0, base), cl.loc)
}

// due returns the due instant of an occurrence of cl starting at start:
// Within after it, or else when next (the next periodic occurrence's
// start, as a time: it may lie beyond the instants a replay represents),
// then rounded; never when that lies beyond them.
func (r *Run) due(cl *clauseInfo, start int64, next time.Time) int64 {
	rc := &cl.clause.Recurs
	due := next
	if !rc.Within.IsZero() {
		due = rc.Within.AddTo(time.Unix(0, start), cl.loc)
	}
	return nanos(rc.Round.Apply(due, cl.loc))
}

// recur advances recurring duty ii, in effect, to now: it opens the
// periodic occurrences starting now or before and one for each event of
// this instant matching its On pattern (as logged), records a breach for
// each open one due now or before (an act at its due instant is too late),
// and lets an act now perform every occurrence still open.
func (r *Run) recur(ii int32) {
	s := &r.inst[ii]
	inst := &r.e.instances[ii]
	cl := &r.e.clauses[inst.clause]
	open := func(due int64) {
		i := len(s.recOpen)
		for i > 0 && s.recOpen[i-1] > due {
			i--
		}
		s.recOpen = slices.Insert(slices.Clip(s.recOpen), i, due)
	}
	for s.recNext <= r.now && s.recK < math.MaxInt32 {
		start := s.recNext
		s.recK++
		next := r.occurrenceTime(cl, s.recBase, s.recK)
		s.recNext = nanos(next)
		open(r.due(cl, start, next))
	}
	if p := inst.recOn; p >= 0 && s.recSeen != r.now {
		// The events of this instant matching On, as logged: a later
		// revision neither starts nor cancels an occurrence.
		s.recSeen = r.now
		for ei := r.events.len() - 1; ei >= 0 && r.at.get(ei) == r.now; ei-- {
			if r.e.matches(p, r.events.ptr(ei)) {
				open(r.due(cl, r.now, time.Time{}))
			}
		}
	}
	n := 0
	for n < len(s.recOpen) && s.recOpen[n] <= r.now {
		n++
	}
	if n > 0 {
		s.recOpen = slices.Clip(s.recOpen[n:])
		for range n {
			r.breach(ii, -1, cause{kind: CauseDeadline})
		}
	}
	if root := inst.roots[slotFulfilment]; len(s.recOpen) > 0 && root >= 0 && r.test(root, r.now-1) {
		s.recOpen = nil
	}
}

// The steps go through the round's list by a position of their own, for
// speed, and hand it to the wake state around what may mark an instance
// (see stepAt).

// stepAt takes instance ii, at position pos of the round in progress,
// through step, and returns its position after it: an instance that
// joins the round (see join) moves it.
func (r *Run) stepAt(pos int, ii int32, step func(*Run, int32)) int {
	r.wk.pos = pos
	step(r, ii)
	return r.wk.pos
}

func (r *Run) activate() {
	w := &r.wk
	for pos := 0; pos < len(w.cur); pos++ {
		ii := w.cur[pos]
		if st := r.inst[ii].state; (st == agreement.StateDormant || st == agreement.StatePending) && r.gateOpen(ii) {
			r.settled = true
			pos = r.stepAt(pos, ii, (*Run).activateOne)
			r.settled = false
		}
	}
	w.pos = len(w.cur)
}

// activateOne is activate for instance ii, Dormant or Pending, its gate
// open.
func (r *Run) activateOne(ii int32) {
	s := &r.inst[ii]
	roots := &r.e.instances[ii].roots
	switch s.state {
	case agreement.StateDormant:
		if roots[slotTrigger] >= 0 && !r.test(roots[slotTrigger], beforeAll) {
			return
		}
		var buf [2]decisionPart
		d := buf[:0]
		if roots[slotTrigger] >= 0 && r.rec == RecordTrace {
			d = append(d, r.decide(slotTrigger, roots[slotTrigger], beforeAll))
		}
		if roots[slotAntecedent] >= 0 && !r.test(roots[slotAntecedent], r.now) {
			r.to(ii, agreement.StatePending, r.causeOf(ii), d...)
			return
		}
		if roots[slotAntecedent] >= 0 && r.rec == RecordTrace {
			d = append(d, r.decide(slotAntecedent, roots[slotAntecedent], r.now))
		}
		r.to(ii, agreement.StateInEffect, r.causeOf(ii), d...)
	case agreement.StatePending:
		if roots[slotAntecedent] < 0 {
			r.to(ii, agreement.StateInEffect, r.causeOf(ii)) // an amendment removed the antecedent
		} else if r.test(roots[slotAntecedent], s.since) {
			r.to(ii, agreement.StateInEffect, r.causeOf(ii), r.decisions(slotAntecedent, roots[slotAntecedent], s.since)...)
		}
	}
}

func (r *Run) fulfil() {
	w := &r.wk
	for pos := 0; pos < len(w.cur); pos++ {
		ii := w.cur[pos]
		if r.inst[ii].state != agreement.StateInEffect || !r.gateOpen(ii) || r.passedExclusive(ii) {
			continue
		}
		pos = r.stepAt(pos, ii, (*Run).fulfilOne)
	}
	w.pos = len(w.cur)
}

// fulfilOne is fulfil for instance ii, in effect, its gate open and no
// exclusive limit passed.
func (r *Run) fulfilOne(ii int32) {
	if r.recurs(ii) {
		// Its acts perform occurrences, before the powers' effects.
		r.recur(ii)
		return
	}
	s := &r.inst[ii]
	root := r.e.instances[ii].roots[slotFulfilment]
	if root < 0 || !r.test(root, s.since) {
		return
	}
	if r.e.instances[ii].flags&flagPower == 0 {
		r.to(ii, agreement.StateFulfilled, r.causeOf(ii), r.decisions(slotFulfilment, root, s.since)...)
		return
	}
	// The root is the exercise: its recorded event is the exercise,
	// whatever the run records.
	var ev int32
	if r.rec == RecordTrace {
		d := r.decide(slotFulfilment, root, s.since)
		r.to(ii, agreement.StateFulfilled, r.causeOf(ii), d)
		ev = r.recordOf(&d, root-r.e.span(root)).event
	} else {
		ev = r.exercise(root, s.since)
		r.to(ii, agreement.StateFulfilled, r.causeOf(ii))
	}
	order := int(ev)
	if r.e.nodes[root].op != opHappened {
		order = -1 // exercised by its condition turning true, not by one event
	}
	r.effects = append(r.effects, effect{power: ii, event: int(ev), order: order})
}

// applyEffects applies the effects of the powers exercised in this round:
// discharges and terminations first, then (with suspensions true)
// suspensions and resumptions.
func (r *Run) applyEffects(suspensions bool) {
	for _, ef := range r.effects {
		pi := r.e.instances[ef.power].clause
		pc := &r.e.clauses[pi]
		eff := pc.clause.Effect
		if (eff == agreement.EffectSuspend || eff == agreement.EffectResume) != suspensions {
			continue
		}
		c := cause{kind: CausePower, hasBy: true, by: ef.power}.withEvent(int32(ef.event))
		share := pc.clause.TargetDebtor
		if share == agreement.Debtor {
			share = r.e.instances[ef.power].debtor
			if share == "" {
				share = soleDebtor(pc.clause)
			}
		}
		switch eff {
		case agreement.EffectNotice:
			// Recorded whether or not the instrument has a term now: an
			// amendment may give it one.
			ev := int32(ef.event)
			for _, ti := range pc.targets {
				r.pnotices.push(powerNotice{at: r.now, ev: ev, clause: ti, share: share})
				for _, ii := range r.e.clauses[ti].instances {
					if share == "" || slices.Contains(r.e.instanceDebtors(ii), share) {
						r.inst[ii].terms().addNotice(r.now, ev)
					}
				}
			}
			for _, ai := range pc.targetsA {
				r.agr[ai].terms().addNotice(r.now, ev)
			}
		case agreement.EffectDischarge, agreement.EffectTerminate, agreement.EffectSuspend:
			for _, ti := range pc.targets {
				for _, ii := range r.e.clauses[ti].instances {
					if share == "" || slices.Contains(r.e.instanceDebtors(ii), share) {
						r.applyEffect(ii, eff, pi, c)
					}
				}
			}
			for _, ai := range pc.targetsA {
				if pc.clause.TargetDebtor != "" {
					// A party's participation: its commitments, not the
					// agreement (none for a joint power naming its own
					// debtor, which has no one debtor).
					if share == "" {
						continue
					}
					for _, ii := range r.e.agreements[ai].instances {
						if !r.e.clauses[r.e.instances[ii].clause].surviving &&
							slices.Contains(r.e.instanceDebtors(ii), share) {
							r.applyEffect(ii, eff, pi, c)
						}
					}
					continue
				}
				switch {
				case eff == agreement.EffectTerminate && r.agrState[ai] != agreement.StateTerminated:
					r.agreementTo(ai, agreement.StateTerminated, c)
				case eff == agreement.EffectSuspend && r.agrState[ai] == agreement.StateInForce:
					r.agr[ai].suspBy = r.with(r.agr[ai].suspBy, pi)
					r.agreementTo(ai, agreement.StateSuspended, c)
				case eff == agreement.EffectSuspend && r.agrState[ai] == agreement.StateSuspended:
					r.agr[ai].suspBy = r.with(r.agr[ai].suspBy, pi)
				}
			}
		case agreement.EffectResume:
			sp := pc.resumes
			if sp < 0 {
				continue
			}
			sc := &r.e.clauses[sp]
			lift := func(ii int32) {
				s := &r.inst[ii]
				if s.state != agreement.StateSuspended || !slices.Contains(s.suspBy, sp) {
					return
				}
				if !r.gateOpen(ii) && !r.liftsOwnAgreement(ii, sp) {
					return // gated: the effect is lost, as for every other power
				}
				s.suspBy = r.without(s.suspBy, sp)
				if len(s.suspBy) == 0 {
					r.to(ii, agreement.StateInEffect, c)
				}
			}
			for _, ti := range sc.targets {
				for _, ii := range r.e.clauses[ti].instances {
					lift(ii)
				}
			}
			if sc.clause.TargetDebtor != "" {
				// It suspended participations: lift its holds on them.
				for _, ai := range sc.targetsA {
					for _, ii := range r.e.agreements[ai].instances {
						lift(ii)
					}
				}
				continue
			}
			for _, ai := range sc.targetsA {
				a := &r.agr[ai]
				if r.agrState[ai] != agreement.StateSuspended || !slices.Contains(a.suspBy, sp) {
					continue
				}
				a.suspBy = r.without(a.suspBy, sp)
				if len(a.suspBy) == 0 {
					r.agreementTo(ai, agreement.StateInForce, c)
				}
			}
		}
	}
}

// applyEffect applies one power's effect to one instance, where the
// lifecycle allows it.
func (r *Run) applyEffect(ii int32, eff agreement.Effect, power int32, c cause) {
	s := &r.inst[ii]
	if !r.gateOpen(ii) {
		return
	}
	switch eff {
	case agreement.EffectDischarge:
		if s.state == agreement.StateInEffect {
			r.to(ii, agreement.StateDischarged, c)
		}
	case agreement.EffectTerminate:
		if !s.state.IsFinal() {
			r.to(ii, agreement.StateTerminated, c)
		}
	case agreement.EffectSuspend:
		switch s.state {
		case agreement.StateInEffect:
			s.suspBy = r.with(s.suspBy, power)
			r.settled = true
			r.to(ii, agreement.StateSuspended, c)
			r.settled = false
		case agreement.StateSuspended:
			s.suspBy = r.with(s.suspBy, power)
		}
	}
}

func (r *Run) violate() {
	w := &r.wk
	for pos := 0; pos < len(w.cur); pos++ {
		ii := w.cur[pos]
		if r.inst[ii].state != agreement.StateInEffect || !r.gateOpen(ii) {
			continue
		}
		pos = r.stepAt(pos, ii, (*Run).violateOne)
	}
	w.pos = len(w.cur)
}

// violateOne is violate for instance ii, in effect, its gate open.
func (r *Run) violateOne(ii int32) {
	s := &r.inst[ii]
	excl := r.passedExclusive(ii)
	if r.e.instances[ii].flags&flagStandingClause != 0 {
		if !excl {
			r.breaches(ii)
		}
		return
	}
	root := r.e.instances[ii].roots[slotViolation]
	if root >= 0 && !excl && r.test(root, s.since) {
		r.to(ii, agreement.StateViolated, r.causeOf(ii), r.decisions(slotViolation, root, s.since)...)
		return
	}
	if s.deadlineAt <= r.now {
		r.to(ii, agreement.StateViolated, cause{kind: CauseDeadline})
	}
}

// expire takes the round's instances through expiry.
func (r *Run) expire() {
	w := &r.wk
	for pos := 0; pos < len(w.cur); pos++ {
		if ii := w.cur[pos]; r.inst[ii].expiryAt <= r.now { // as expireOne asks first
			pos = r.stepAt(pos, ii, (*Run).expireOne)
		}
	}
	w.pos = len(w.cur)
}

// expireOne discharges (or fulfils, or violates) instance ii, Pending or
// InEffect, when its expiry has come, or renews its term.
func (r *Run) expireOne(ii int32) {
	s := &r.inst[ii]
	if s.expiryAt > r.now || s.state != agreement.StatePending && s.state != agreement.StateInEffect || !r.gateOpen(ii) {
		return
	}
	to := agreement.StateDischarged
	ci := &r.e.clauses[r.e.instances[ii].clause]
	c := cause{kind: CauseExpiry}
	if ci.hasTerm {
		rec, renewed := s.terms().decide(ii, ci.term, ci.loc)
		for renewed && s.term.end <= r.now {
			r.rnlog.push(rec)
			rec, renewed = s.term.decide(ii, ci.term, ci.loc)
		}
		r.rnlog.push(rec)
		if renewed {
			s.expiryAt = s.term.end
			return
		}
		c = internal(rec.cause)
		c.kind = CauseTerm
	}
	switch {
	case s.state != agreement.StateInEffect:
	case ci.standing && s.breaches > 0:
		to = agreement.StateViolated
	case ci.standing, ci.clause.Kind == agreement.DeonticProhibition:
		to = agreement.StateFulfilled
	}
	r.to(ii, to, c)
}

// touch adds instance ii to those schedule takes at the end of this
// instant, once.
func (r *Run) touch(ii int32) {
	if s := &r.inst[ii]; !s.queued {
		s.queued = true
		r.touched = append(r.touched, ii)
	}
}

// schedule sets the next timer of every instance and agreement evaluated at
// this instant.
func (r *Run) schedule() {
	for _, ii := range r.touched {
		s := &r.inst[ii]
		s.queued = false
		if s.state.IsFinal() {
			continue
		}
		inst := &r.e.instances[ii]
		if inst.flags&flagUntimed != 0 && s.deadlineAt == never && s.expiryAt == never && s.lapseAt == never &&
			s.recNext == never && len(s.recOpen) == 0 {
			continue // nothing below can set a timer
		}
		// Anchors turn whatever the clause's state and gate.
		next := int64(never)
		if !s.dlFired && inst.roots[slotDeadline] >= 0 {
			next = r.nextChange(inst.timed[slotDeadline], beforeAll)
		}
		if !s.expFired && inst.roots[slotExpiry] >= 0 {
			next = min(next, r.nextChange(inst.timed[slotExpiry], beforeAll))
		}
		if !r.gateOpen(ii) || s.state == agreement.StateSuspended {
			if next != never && next > r.now && (s.timerAt <= r.now || next < s.timerAt) {
				s.timerAt = next
				r.timers.push(timer{at: next, idx: ii})
			}
			continue
		}
		switch s.state {
		case agreement.StateDormant:
			next = min(next, r.nextChange(inst.timed[slotTrigger], beforeAll), s.lapseAt)
		case agreement.StatePending:
			next = min(next, r.nextChange(inst.timed[slotAntecedent], s.since), s.expiryAt, s.lapseAt)
		case agreement.StateInEffect:
			next = min(next, r.nextChange(inst.timed[slotFulfilment], s.since),
				r.nextChange(inst.timed[slotViolation], s.since), s.deadlineAt, s.expiryAt, s.recNext)
			if len(s.recOpen) > 0 {
				next = min(next, s.recOpen[0])
			}
		}
		if next != never && next > r.now && (s.timerAt <= r.now || next < s.timerAt) {
			s.timerAt = next
			r.timers.push(timer{at: next, idx: ii})
		}
	}
	r.touched = r.touched[:0]
	// Agreements: those evaluated or moved at this instant (a timer, an
	// event or a change they read marks an agreement; a move records it),
	// so that an instant costs nothing per agreement it leaves alone.
	for _, ai := range r.touchedA {
		a := &r.agr[ai]
		info := &r.e.agreements[ai]
		st := r.agrState[ai]
		next := int64(never)
		if int(a.nextSig) < len(info.signings) {
			next = info.signings[a.nextSig].at
		}
		if info.ifRoot >= 0 && !a.ifFired && st != agreement.StateTerminated {
			next = min(next, r.nextChange(info.ifTimed, beforeAll))
		}
		if (st == agreement.StateInForce || st == agreement.StateSuspended) && a.term != nil && a.term.end > r.now {
			next = min(next, a.term.end)
		}
		if st == agreement.StateSigned {
			if a.ifAt > r.now {
				next = min(next, a.ifAt)
			}
			if info.entry >= 0 {
				next = min(next, r.nextChange(info.timed, beforeAll))
			}
		}
		if next != never && next > r.now && (a.timerAt <= r.now || next < a.timerAt) {
			a.timerAt = next
			r.timers.push(timer{at: next, idx: -1 - ai})
		}
	}
	r.touchedA = r.touchedA[:0]
}

// breaches records the new breaches of standing instance ii, which is in
// effect: one per new act when its violation counts acts, otherwise one
// when its violation turns true.
func (r *Run) breaches(ii int32) {
	s := &r.inst[ii]
	inst := &r.e.instances[ii]
	root := inst.roots[slotViolation]
	if root < 0 {
		return
	}
	if inst.counted {
		n := &r.e.nodes[root]
		checked := s.checked
		s.checked = r.now
		act := func(ei int32) bool {
			if r.at.get(int(ei)) > checked {
				r.breach(ii, ei, cause{kind: CauseEvent}.withEvent(ei))
			}
			return true
		}
		if n.op == opUncovered {
			r.uncovered(n, s.since, act)
			return
		}
		l := &r.occ[n.a]
		for i := r.firstIndexAfter(n.a, max(s.since, checked)); i < l.len(); i++ {
			act(l.get(i))
		}
		return
	}
	w := max(s.since, s.lastBreach)
	v := r.test(root, w)
	if v && !s.violTrue {
		d := r.decide(slotViolation, root, w)
		c := r.causeOf(ii)
		ev := int32(-1)
		for k := range d.root - r.e.span(d.root) + 1 {
			if rec := r.recordOf(&d, k); rec.value && rec.event >= 0 && r.at.get(int(rec.event)) > w {
				ev = rec.event
				c = cause{kind: CauseEvent}.withEvent(ev)
				break
			}
		}
		r.breach(ii, ev, c)
		// The violation starts afresh after the breach: event atoms see
		// only later events; a state that stays true is not a new breach.
		v = r.test(root, r.now)
	}
	s.violTrue = v
}

// breach records one breach of standing instance ii by event ei (-1: none)
// and wakes the conditions that count its clause's breaches.
func (r *Run) breach(ii, ei int32, c cause) {
	s := &r.inst[ii]
	s.breaches++
	s.lastBreach = r.now
	act := r.now
	if ei >= 0 {
		act = r.at.get(int(ei))
	}
	r.addBreach(breach{inst: ii, at: r.now, act: act, event: ei, cause: c, ver: int32(len(r.vers))})
	cl := &r.e.clauses[r.e.instances[ii].clause]
	bc := cause{kind: CauseBreach, hasBy: true, by: ii}.withEvent(ei)
	r.wakeInput(inBreach, r.e.instances[ii].clause, bc)
	for _, aj := range cl.breachReadersA {
		r.markAgr(aj, bc)
	}
}

// reviseBreaches wakes the conditions counting the breaches whose act is
// event t, which a revision has just re-attributed.
func (r *Run) reviseBreaches(t int32, c cause) {
	for _, b := range r.blog.all() {
		if b.event != t {
			continue
		}
		ci := r.e.instances[b.inst].clause
		cl := &r.e.clauses[ci]
		r.wakeInput(inBreach, ci, c)
		for _, aj := range cl.breachReadersA {
			r.markAgr(aj, c)
		}
	}
}
