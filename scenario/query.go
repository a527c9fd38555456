package scenario

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// State returns the state of instance i (a clause, a debtor's share of
// one, or an agreement) in the run as it stands: after every instant closed
// ([Run.Now]) and any amendment already applied ([Run.Amend]), not counting
// events applied at an instant not yet closed. since is the instant of its
// latest transition, zero when it has not changed state since the run
// started (as [Trace.StateSince] reads it). It reads the run's own state,
// recording no trace, and allocates nothing for a known instance; it
// returns an error for an unknown instance, the zero Instance included,
// and for a nil or zero Run.
func (r *Run) State(i Instance) (state agreement.State, since time.Time, err error) {
	if !r.usable() {
		return 0, time.Time{}, errNoRun
	}
	idx, ok := r.e.lookup(i)
	if !ok {
		return 0, time.Time{}, fmt.Errorf("scenario: unknown instance %s", i)
	}
	if idx < 0 {
		ai := -1 - idx
		if r.agrTrans[ai] >= 0 {
			since = time.Unix(0, r.agr[ai].since).UTC()
		}
		return r.agrState[ai], since, nil
	}
	if r.instTrans[idx] >= 0 {
		since = time.Unix(0, r.instSince[idx]).UTC()
	}
	return r.instSt[idx], since, nil
}

// States appends to dst the state of every clause instance of the run as
// it stands (as [Run.State] reads each), in the order of [Engine.Instances]
// of the engine that started it, and returns the extended slice. An
// amendment that adds clauses appends their instances after those; the
// instances of a clause an amendment removes keep their places (in their
// final state: see the package doc, Amendments). It reads a run's outcome in one call, allocating nothing when dst
// has room. It returns dst unchanged for a nil or zero Run.
func (r *Run) States(dst []agreement.State) []agreement.State {
	if !r.usable() {
		return dst
	}
	return append(dst, r.instSt...)
}

// NextWake returns the next instant after [Run.Now] at which the run will
// evaluate something with no further event: the earliest deadline, expiry,
// lapse, recurring occurrence, end of a term, entry into force, turn of a
// timed condition or amendment it has scheduled. It is false when nothing is
// scheduled: then no state changes until the next event. Events applied at
// an instant not yet closed are not counted. It allocates nothing, and
// returns false for a nil or zero Run.
func (r *Run) NextWake() (time.Time, bool) {
	if !r.usable() {
		return time.Time{}, false
	}
	next := int64(never)
	if r.amendAt > r.closed {
		next = r.amendAt
	}
	for _, tm := range r.timers {
		if tm.at <= r.closed || tm.at >= next {
			continue
		}
		// A timer superseded by a later scheduling of the same instance
		// or agreement, or of one now final, no longer stands.
		if tm.idx >= 0 {
			if s := &r.inst[tm.idx]; s.timerAt == tm.at && !s.state.IsFinal() {
				next = tm.at
			}
		} else if ai := -1 - tm.idx; r.agr[ai].timerAt == tm.at && r.agrState[ai] != agreement.StateTerminated {
			next = tm.at
		}
	}
	if next == never {
		return time.Time{}, false
	}
	return time.Unix(0, next).UTC(), true
}

// Breaches returns how many breaches instance i, a clause instance, has
// recorded in the run as it stands: after every instant closed, as
// [Trace.BreachesOf] lists them at the instant last closed. Only a standing
// clause records breaches ([agreement.Clause]); another has none. It reads
// the run's own state, for a run recording states only as for one
// recording its trace, and allocates nothing; it returns an error for an
// unknown instance, an agreement, and a nil or zero Run.
func (r *Run) Breaches(i Instance) (int, error) {
	if !r.usable() {
		return 0, errNoRun
	}
	idx, ok := r.e.lookup(i)
	if !ok || idx < 0 {
		return 0, fmt.Errorf("scenario: unknown clause instance %s", i)
	}
	return int(r.inst[idx].breaches), nil
}
