package scenario

import (
	"iter"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// termState is the progress of an instrument's term: the beginning and end
// of the current term (never before it begins), the automatic renewals
// made, the notices not yet spent and the renewal agreed for the current
// end.
type termState struct {
	begin, end int64
	renewals   int32 // automatic renewals made
	ends       int32 // ends taken that renewed
	// notices are the pending notices in order of instant, and agreed the
	// renewals agreed during the current term or later, in order of
	// instant (both replaced, never modified in place, so that forks may
	// share them).
	notices []notice
	agreed  []agreedRenewal
}

// agreedRenewal is a renewal for period p agreed at instant at by event ev.
type agreedRenewal struct {
	at int64
	p  agreement.Period
	ev int32
}

// notice is a notice against an instrument's renewal, given at instant at
// by event ev (-1 for a power's exercise with no event).
type notice struct {
	at int64
	ev int32
}

// powerNotice is a notice given by exercising a power, at instant at by
// event ev, against the instances of clause (those owed by share, when
// set).
type powerNotice struct {
	at     int64
	ev     int32
	clause int32
	share  agreement.PartyID
}

func newTermState() *termState { return &termState{begin: never, end: never} }

// terms returns the progress of the instance's term, starting it afresh
// the first time.
func (s *instState) terms() *termState {
	if s.term == nil {
		s.term = newTermState()
	}
	return s.term
}

// terms returns the progress of the agreement's term, starting it afresh
// the first time.
func (s *agrState) terms() *termState {
	if s.term == nil {
		s.term = newTermState()
	}
	return s.term
}

// renewal is the internal form of a [Renewal].
type renewal struct {
	idx       int32 // instance index, or -1-agreement index
	at, until int64 // until: never when it expired
	agreed    bool
	cause     Cause
}

// begin starts the first term of ts at now: it ends Period later.
func (ts *termState) start(t agreement.Term, now int64, loc *time.Location) {
	ts.begin = now
	ts.end = nanos(t.Period.AddTo(time.Unix(0, now), loc))
}

// addNotice records a notice at instant at (by event ev, or -1).
func (ts *termState) addNotice(at int64, ev int32) {
	n := len(ts.notices)
	i := n
	for i > 0 && ts.notices[i-1].at > at {
		i--
	}
	out := make([]notice, 0, n+1)
	out = append(out, ts.notices[:i]...)
	out = append(out, notice{at: at, ev: ev})
	ts.notices = append(out, ts.notices[i:]...)
}

// agree records a renewal agreed at instant at for period p by event ev:
// it counts for the first end at or after it, when it comes after the
// term's beginning (the instrument may have no term yet: an amendment may
// give it one).
func (ts *termState) agree(at int64, p agreement.Period, ev int32) {
	ts.agreed = append(ts.agreed[:len(ts.agreed):len(ts.agreed)], agreedRenewal{at: at, p: p, ev: ev})
}

// decide takes the end of the current term of ts, which has come: it
// renews the term (ts.end moves on, and renewed is true) or not. The
// returned record says which, and why.
func (ts *termState) decide(idx int32, t agreement.Term, loc *time.Location) (rec renewal, renewed bool) {
	e := ts.end
	rec = renewal{idx: idx, at: e, until: never}
	noticed := -1
	if len(ts.notices) > 0 && ts.notices[0].at <= nanos(t.NoticeBy(time.Unix(0, e), loc)) {
		noticed = 0
	}
	// The latest renewal agreed during this term: after its beginning, up
	// to its end (an end taken late, by a clause suspended at it, leaves
	// later ones to the next end).
	var p agreement.Period
	agreed, spent := -1, 0
	for k, a := range ts.agreed {
		if a.at > e {
			break
		}
		if a.at > ts.begin {
			agreed = k
		}
		spent = k + 1
	}
	switch {
	case agreed >= 0:
		a := ts.agreed[agreed]
		p = a.p
		rec.agreed = true
		rec.cause = Cause{Kind: CauseEvent}.WithEvent(int(a.ev))
	case noticed >= 0:
		rec.cause = Cause{Kind: CauseTerm}.WithEvent(int(ts.notices[0].ev))
	case !t.Renewal.IsZero() && (t.Renewals == 0 || int(ts.renewals) < t.Renewals):
		p = t.Renewal
		ts.renewals++
		rec.cause = Cause{Kind: CauseTerm}
	default:
		rec.cause = Cause{Kind: CauseTerm}
	}
	if noticed >= 0 {
		ts.notices = ts.notices[1:len(ts.notices):len(ts.notices)]
	}
	if spent > 0 {
		ts.agreed = ts.agreed[spent:len(ts.agreed):len(ts.agreed)]
	}
	if p.IsZero() {
		ts.end = never
		return rec, false
	}
	ts.begin = e
	ts.ends++
	ts.end = nanos(p.AddTo(time.Unix(0, e), loc))
	if ts.end <= e {
		ts.end = never // beyond the range of instants: never reached
	}
	rec.until = ts.end
	return rec, true
}

// instrument resolves the instrument an event of kind notice or renewal
// names: an agreement (ai >= 0) or a clause (ci >= 0); both are -1 when it
// names neither.
func (e *Engine) instrument(ref agreement.Ref) (ai, ci int32) {
	switch {
	case ref == (agreement.Ref{}):
		if len(e.agreements) == 1 {
			return 0, -1
		}
	case ref.IsAgreement():
		if i, ok := e.agrIndex[ref.Agreement]; ok {
			return i, -1
		}
	default:
		if ref.Agreement == "" && len(e.agreements) == 1 {
			ref = agreement.QualifiedRef(e.agreements[0].id, ref.Clause)
		}
		if i, ok := e.clauseIdx[ref]; ok {
			return -1, i
		}
	}
	return -1, -1
}

// termEvent applies an event of kind notice or renewal to the instrument it
// names.
func (r *Run) termEvent(ev *agreement.Event, ei int32) {
	ai, ci := r.e.instrument(ev.Clause)
	apply := func(ts *termState) {
		if ev.Kind == agreement.EventKindNotice {
			ts.addNotice(r.now, ei)
		} else if !ev.Period.IsZero() {
			ts.agree(r.now, ev.Period, ei)
		}
	}
	// Recorded whether or not the instrument has a term now: an amendment
	// may give it one.
	switch {
	case ai >= 0:
		apply(r.agr[ai].terms())
	case ci >= 0:
		for _, ii := range r.e.clauses[ci].instances {
			apply(r.inst[ii].terms())
		}
	}
}

// agreementTermEnds takes the end of agreement ai's term, which has come:
// it renews or the agreement expires.
func (r *Run) agreementTermEnds(ai int32) {
	info := &r.e.agreements[ai]
	rec, renewed := r.agr[ai].terms().decide(-1-ai, info.term, info.loc)
	r.rnlog.push(rec)
	if !renewed {
		c := internal(rec.cause)
		c.kind = CauseTerm
		r.agreementTo(ai, agreement.StateTerminated, c)
	}
}

// Renewals returns the ends of the terms of the agreements and clause
// instances with a term, in the order they came.
func (t *Trace) Renewals() iter.Seq[Renewal] {
	return func(yield func(Renewal) bool) {
		if !t.usable() {
			return
		}
		for _, rn := range t.rnlog {
			out := Renewal{At: time.Unix(0, rn.at).UTC(), Agreed: rn.agreed, Cause: rn.cause}
			if rn.until != never {
				out.Until = time.Unix(0, rn.until).UTC()
			}
			if rn.idx < 0 {
				out.Of = Instance{Ref: agreement.AgreementRef(t.e.agreements[-1-rn.idx].id)}
			} else {
				out.Of = t.instance(rn.idx)
			}
			if !yield(out) {
				return
			}
		}
	}
}
