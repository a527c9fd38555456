package scenario

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
)

// Version is one text of an agreement in force during a replay: the text
// the engine was compiled from (Index 0, for every agreement) or an
// amendment's (Index k for the k-th amendment the run applied, counting
// those of every agreement).
type Version struct {
	Index int
	// At is the instant it took effect: the run's start for version 0.
	At        time.Time
	Agreement agreement.AgreementID // the agreement amended; empty for version 0
	Label     string
	// Changes are the changes from the text before it to its own, as
	// [revision.Diff] reports them; empty for version 0.
	Changes revision.Changes
}

// Renewal is the end of one term of an instrument with a [agreement.Term]:
// renewed for a new term ending at Until, or, when Until is zero, expired.
type Renewal struct {
	// Of is the instrument: an agreement (Of.IsAgreement) or a clause
	// instance.
	Of Instance
	// At is the end of the term; Until the end of the next, zero when the
	// instrument expired at At.
	At, Until time.Time
	// Agreed is set when a renewal event set the new term's length, and
	// Cause then names it; a notice that ended the term is Cause's event.
	Agreed bool
	Cause  Cause
}

// ErrAmendment is wrapped by the errors of [Run.Amend] and of the
// amendments [Timeline.Validate] rejects.
var ErrAmendment = errors.New("scenario: invalid amendment")

// WithAmendments returns a copy of tl with the given amendments, sorted
// stably by instant, in place of tl's own. Their texts are copied.
func (tl Timeline) WithAmendments(as ...agreement.Amendment) Timeline {
	out := make([]agreement.Amendment, len(as))
	for i, a := range as {
		a.At = a.At.UTC()
		a.Text = a.Text.Clone()
		out[i] = a
	}
	slices.SortStableFunc(out, func(a, b agreement.Amendment) int { return a.At.Compare(b.At) })
	tl.amendments, tl.memo = out, new(timelineMemo)
	return tl
}

// Amendments returns the timeline's amendments in order of instant; the
// result is the caller's own.
func (tl Timeline) Amendments() []agreement.Amendment {
	out := make([]agreement.Amendment, len(tl.amendments))
	for i, a := range tl.amendments {
		a.Text = a.Text.Clone()
		out[i] = a
	}
	return out
}

// version is an amended text in force from instant at: the engine
// compiled from it, the agreement amended, and what changed.
type version struct {
	at int64
	// log is the number of transitions recorded before it: the first of
	// its transitions is the log's log'th (see Trace.verOf).
	log     int32
	e       *Engine
	agr     int32
	label   string
	changes revision.Changes
}

// Amend makes amendment a take effect at its instant, which must be after
// every instant the run has closed ([ErrOutOfOrder] otherwise); instants
// before it are committed first, and it takes effect before the events,
// deadlines and timers at its instant (events at that instant already given
// to [Run.Apply] included). Its text must be valid, name one of the
// engine's agreements, and keep the process valid with the other
// agreements' texts; otherwise Amend changes nothing and returns an error
// wrapping [ErrAmendment] and an *agreement.ValidationError whose paths
// start with "text". Amendments at one instant take effect in the order
// given. See the package doc, Amendments, for what carries over.
func (r *Run) Amend(a agreement.Amendment) error {
	if !r.usable() {
		return errNoRun
	}
	t, err := instant(a.At)
	if err != nil {
		return err
	}
	if t <= r.closed {
		return ErrOutOfOrder
	}
	p, ai, err := r.e.amended(a.Text, "text")
	if err != nil {
		return err
	}
	if err := r.admit(t); err != nil {
		return err
	}
	r.amend(a, p, ai, t)
	return nil
}

// amended returns the process of e with text in place of the agreement
// with its id, and that agreement's index; or an error wrapping
// ErrAmendment and the *agreement.ValidationError of its problems, with
// paths under path.
func (e *Engine) amended(text agreement.Agreement, path string) (agreement.Process, int32, error) {
	var ve agreement.ValidationError
	ai, ok := e.agrIndex[text.ID]
	if !ok {
		ve.Add(path+".id", agreement.ErrUnknownAgreement, "amends "+strconv.Quote(string(text.ID))+", not an agreement of the engine")
	}
	p := agreement.Process{Agreements: slices.Clone(e.process.Agreements)}
	if ok {
		p.Agreements[ai] = text
	}
	var err error
	if ok && len(p.Agreements) > 1 {
		err = p.Validate()
	} else {
		err = text.Validate()
	}
	var pe *agreement.ValidationError
	if errors.As(err, &pe) {
		for _, pr := range pe.Problems {
			sub := pr.Path
			if len(p.Agreements) > 1 {
				// Process paths start "agreements[i]".
				if rest, ok := strings.CutPrefix(sub, "agreements["+strconv.Itoa(int(ai))+"]"); ok {
					sub = strings.TrimPrefix(rest, ".")
				}
			}
			q := path
			if sub != "" {
				q += "." + sub
			}
			ve.Add(q, pr.Err, pr.Msg)
		}
	} else if err != nil {
		ve.Add(path, agreement.ErrInvalidValue, err.Error())
	}
	if len(ve.Problems) > 0 {
		return agreement.Process{}, -1, errors.Join(ErrAmendment, &ve)
	}
	return p, ai, nil
}

// amendedCause is the cause with which an amendment wakes what it changed:
// the amendment, or the start when it takes effect at the start instant.
func amendedCause(started bool) cause {
	if !started {
		return cause{kind: CauseStart}
	}
	return cause{kind: CauseAmendment}
}

// amend applies amendment a, whose process p (agreement ai amended) is
// valid, at instant t, which is open: nothing at t has been committed.
func (r *Run) amend(a agreement.Amendment, p agreement.Process, ai int32, t int64) {
	old := r.e
	ne := compileAfter(p, old)
	if r.base == nil {
		r.base = old
	}
	r.vers = append(r.vers[:len(r.vers):len(r.vers)], version{at: t, log: int32(r.log.len()), e: ne, agr: ai, label: a.Label,
		changes: revision.Diff(old.process.Agreements[ai], ne.process.Agreements[ai])})
	r.now = t
	r.world.e = ne
	r.regate()
	for ii := range r.inst {
		r.setLive(int32(ii)) // the new text may judge where the old did not
	}
	// The run's wake lists were the old text's; while the text changes,
	// every wake wakes.
	r.wk.resetWakes()
	r.wk.eager = true
	defer func() { r.wk.eager = false }()
	// The agreement keeps its territory as it stands, which its new text
	// may state otherwise: entry into force applies the new options to it.
	r.terrAsStated[ai] = false

	// What conditions see: occurrences (and revisions) of the events
	// committed, for the new patterns.
	n := r.events.len() - len(r.batch)
	r.occ, r.rev, r.revs, r.rlog = ne.occurrences(r.events.prefix(n), r.at.prefix(n))

	// Fluents keep their values; new ones start at their initial value.
	nf := len(ne.fluents)
	for i := len(r.fluentVal); i < nf; i++ {
		r.fluentVal = append(r.fluentVal, ne.fluents[i].initially)
		r.fluentEv = append(r.fluentEv, -1)
	}

	// Clauses and instances: old ones keep their indices; new ones are
	// Dormant from now.
	for ci := len(r.clauseTrans); ci < len(ne.clauses); ci++ {
		r.clauseTrans = append(r.clauseTrans, -1)
		r.counts = append(r.counts, [numStates]int32{})
		if r.byClause != nil {
			r.byClause = append(r.byClause, hist[int32]{})
		}
	}
	for ii := len(r.inst); ii < len(ne.instances); ii++ {
		s := ne.startInstState(ii)
		s.since = t
		r.inst = append(r.inst, s)
		r.instSt = append(r.instSt, agreement.StateDormant)
		r.instSince = append(r.instSince, t)
		r.instTrans = append(r.instTrans, -1)
		ci := ne.instances[ii].clause
		r.counts[ci][agreement.StateDormant]++
		// The notices given so far against its clause count for it too:
		// events naming it, then powers' exercises aimed at it (at one
		// instant, the batch comes before the rounds).
		for ei := range n {
			if ev := r.events.ptr(ei); ev.Kind == agreement.EventKindNotice {
				if _, nci := ne.instrument(ev.Clause); nci == ci {
					r.inst[ii].terms().addNotice(r.at.get(ei), int32(ei))
				}
			}
		}
		for _, pn := range r.pnotices.all() {
			if pn.clause == ci && (pn.share == "" || slices.Contains(ne.instanceDebtors(int32(ii)), pn.share)) {
				r.inst[ii].terms().addNotice(pn.at, pn.ev)
			}
		}
		r.markInst(int32(ii), amendedCause(r.started))
	}
	// A clause with new shares reads differently to the conditions on its
	// state (a new share is Dormant): they are evaluated at t.
	for ii := len(old.instances); ii < len(ne.instances); ii++ {
		ci := ne.instances[ii].clause
		r.wakeInput(inClause, ci, amendedCause(r.started))
		for _, aj := range ne.clauses[ci].readersA {
			r.markAgr(aj, amendedCause(r.started))
		}
	}
	amended := amendedCause(r.started)
	for ii := range len(old.instances) {
		s := &r.inst[ii]
		ni := &ne.instances[ii]
		if s.state.IsFinal() {
			continue
		}
		if ni.ghost {
			r.to(int32(ii), agreement.StateTerminated, cause{kind: CauseAmendment})
			continue
		}
		// Holds of suspend powers the text no longer has (removed, or no
		// longer suspend powers) are dropped.
		for _, h := range s.suspBy {
			if h < 0 {
				continue
			}
			if hc := &ne.clauses[h]; hc.ghost || hc.clause.Kind != agreement.DeonticPower || hc.clause.Effect != agreement.EffectSuspend {
				s.suspBy = r.without(s.suspBy, h)
			}
		}
		resumed := s.state == agreement.StateSuspended && len(s.suspBy) == 0
		if resumed {
			r.to(int32(ii), agreement.StateInEffect, cause{kind: CauseAmendment})
		}
		// A gate the new text closes stops its clock; one it opens
		// restarts it.
		switch was, is := r.gateOpenIn(old, int32(ii)), r.gateOpenIn(ne, int32(ii)); {
		case was && !is:
			r.pauseClock(int32(ii))
		case !was && is:
			r.resumeClock(int32(ii))
		}
		oc, nc := &old.clauses[old.instances[ii].clause], &ne.clauses[ni.clause]
		changed := !reflect.DeepEqual(oc.clause, nc.clause) || oc.loc != nc.loc
		if changed {
			r.relimit(int32(ii), oc, nc)
			r.markInst(int32(ii), amended)
		}
		if changed || resumed {
			// An exclusive limit the amendment puts (or, resuming it,
			// leaves) at or before t is reached before the batch at t,
			// after every amendment at t (see commit).
			r.relimited = append(r.relimited, int32(ii))
		}
	}
	// Agreements: a changed text is evaluated again, its term counted anew.
	oa, na := &old.agreements[ai], &ne.agreements[ai]
	st := &r.agr[ai]
	if !reflect.DeepEqual(old.process.Agreements[ai], ne.process.Agreements[ai]) {
		if na.term != oa.term {
			r.reterm(ai)
		}
		if as := r.agrState[ai]; as == agreement.StateSigned {
			switch {
			case !na.inForceAt.At.IsZero():
				st.ifAt = na.ifAt
			case na.relativeInForce():
				// Counted from its signing: for one signed at the start, its
				// last recorded signature then, or the start.
				base := st.since
				if r.agrTrans[ai] < 0 {
					for _, sg := range oa.signings {
						if sg.at <= r.start {
							base = sg.at
						}
					}
				}
				st.ifAt = limit(na.inForceAt, base, na.loc)
			case na.inForceAt.From != nil:
				st.ifFired, st.ifAt = false, never
			default:
				st.ifAt = never
			}
		}
		r.markAgr(ai, amended)
	}
	r.amendAt = t
}

// relimit recomputes the limits of instance ii, whose clause's text changed
// from oc to nc, as if nc had been the text from the start: a running
// duration deadline keeps the time it has run and paused; an anchored limit
// whose anchor is unchanged keeps the instant the anchor was fixed at.
func (r *Run) relimit(ii int32, oc, nc *clauseInfo) {
	s := &r.inst[ii]
	if !reflect.DeepEqual(oc.deadline, nc.deadline) || oc.loc != nc.loc {
		r.redeadline(ii, oc, nc)
	}
	if !reflect.DeepEqual(oc.expiry, nc.expiry) || oc.loc != nc.loc || oc.term != nc.term {
		r.reexpiry(ii, oc, nc)
	}
	if nc.recurs && s.state == agreement.StateInEffect && !reflect.DeepEqual(oc.clause.Recurs, nc.clause.Recurs) {
		r.startRecurrence(ii)
	}
}

// redeadline recomputes the deadline of instance ii under the new text nc.
func (r *Run) redeadline(ii int32, oc, nc *clauseInfo) {
	s := &r.inst[ii]
	running := s.state == agreement.StateInEffect || s.state == agreement.StateSuspended
	if s.dlFired && nc.deadline.From != nil && agreement.EqualConditions(oc.deadline.From, nc.deadline.From) {
		// The same anchor: the instant it was fixed at stays, the new
		// limit counted from it.
		s.dlFixed = limit(nc.deadline, s.dlAnchor, nc.loc)
		s.lapseAt = never
		if nc.deadline.Unconditional {
			s.lapseAt = s.dlFixed
		}
		if running {
			s.deadlineAt, s.remaining = s.dlFixed, -1
		}
		return
	}
	s.dlFired, s.dlFixed = false, never
	r.setLive(ii)
	s.lapseAt = never
	if nc.deadline.Unconditional && nc.deadline.From == nil {
		s.lapseAt = nc.dlAt
	}
	switch {
	case !running:
	case nc.deadline.IsZero(), nc.deadline.From != nil:
		s.deadlineAt, s.remaining = never, -1
	case !nc.deadline.At.IsZero():
		s.deadlineAt, s.remaining = nc.dlAt, -1
	default:
		// The time the deadline has run: all of it since the entry into
		// effect, less the time its clock was stopped (suspended, or its
		// gate closed).
		e0 := s.entered
		ran := r.now - e0 - s.stoppedFor
		if s.stopped {
			ran -= r.now - s.stopAt
		}
		s.remaining = max(limit(nc.deadline, e0, nc.loc)-e0-max(ran, 0), 0)
		s.deadlineAt = never
		r.resumeClock(ii)
	}
}

// reexpiry recomputes the expiry (or term) of instance ii under the new
// text nc.
func (r *Run) reexpiry(ii int32, oc, nc *clauseInfo) {
	s := &r.inst[ii]
	left := s.state != agreement.StateDormant
	if s.expFired && !nc.hasTerm && nc.expiry.From != nil && agreement.EqualConditions(oc.expiry.From, nc.expiry.From) {
		// The same anchor: the instant it was fixed at stays.
		s.expFixed = limit(nc.expiry, s.expAnchor, nc.loc)
		if left {
			s.expiryAt = s.expFixed
		}
		return
	}
	s.expFired, s.expFixed = false, never
	r.setLive(ii)
	switch {
	case !left:
	case nc.hasTerm:
		if s.terms().begin == never {
			if s.entered != never {
				s.term.start(nc.term, s.entered, nc.loc)
			}
		} else {
			p := nc.term.Period
			if s.term.ends > 0 {
				p = nc.term.Renewal
			}
			// A term of no length (no renewal left in the new text)
			// ends where it began: at once.
			s.term.end = s.term.begin
			if !p.IsZero() {
				s.term.end = limit(agreement.Deadline{Period: p}, s.term.begin, nc.loc)
			}
		}
		s.expiryAt = s.term.end
	case nc.expiry.IsZero(), nc.expiry.From != nil:
		s.expiryAt = never
	case !nc.expiry.At.IsZero():
		s.expiryAt = nc.expAt
	default:
		s.expiryAt = limit(nc.expiry, s.left, nc.loc)
	}
}

// reterm counts agreement ai's current term anew under its amended term.
func (r *Run) reterm(ai int32) {
	info := &r.e.agreements[ai]
	ts := r.agr[ai].terms()
	st := r.agrState[ai]
	if st != agreement.StateInForce && st != agreement.StateSuspended {
		return
	}
	if info.term.IsZero() {
		ts.end = never
		return
	}
	if ts.begin == never {
		// A term added: it runs from the entry into force.
		if at := r.agr[ai].forceAt; at != never {
			ts.start(info.term, at, info.loc)
		}
		return
	}
	p := info.term.Period
	if ts.ends > 0 {
		p = info.term.Renewal
	}
	ts.end = ts.begin // no length: the current term ends at once
	if !p.IsZero() {
		ts.end = limit(agreement.Deadline{Period: p}, ts.begin, info.loc)
	}
}

// occurrences returns, for the events given (committed, in order, at the
// instants given), the occurrences of every pattern of e, and the revision
// tables that the revisions among them make.
func (e *Engine) occurrences(events hist[agreement.Event], at hist[int64]) (occ []hist[int32], rev, revs []int32, rlog []occChange) {
	w := world{e: e, events: events, at: at, occ: make([]hist[int32], len(e.patterns))}
	for ei := range events.len() {
		ev := events.ptr(ei)
		for _, pi := range e.kinds.patterns(ev.Kind) {
			if e.matches(pi, ev) {
				w.occ[pi].push(int32(ei))
			}
		}
		if ev.Kind == agreement.EventKindRevised {
			w.now = at.get(ei)
			w.revise(int32(ei), nil)
		}
	}
	return w.occ, w.rev, w.revs, w.rlog
}

// Versions returns the texts in force during the replay, in order: version
// 0, the texts compiled, then one per amendment.
func (t *Trace) Versions() []Version {
	if !t.usable() {
		return nil
	}
	out := make([]Version, len(t.vers)+1)
	for k := range out {
		out[k] = t.version(k)
	}
	return out
}

// version returns version k of Versions.
func (t *Trace) version(k int) Version {
	if k == 0 {
		return Version{At: time.Unix(0, t.start).UTC()}
	}
	v := &t.vers[k-1]
	return Version{Index: k, At: time.Unix(0, v.at).UTC(), Agreement: v.e.agreements[v.agr].id, Label: v.label,
		Changes: slices.Clone(v.changes)}
}

// versionAt returns the index of the version in force at instant n, and
// its engine.
func (t *Trace) versionAt(n int64) (int, *Engine) {
	k := 0
	for k < len(t.vers) && t.vers[k].at <= n {
		k++
	}
	switch {
	case k > 0:
		return k, t.vers[k-1].e
	case t.base != nil:
		return 0, t.base
	}
	return 0, t.e
}
