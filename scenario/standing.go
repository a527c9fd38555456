package scenario

import (
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Standing is where one agreement or clause instance stands at an instant:
// its state, since when, and, for a clause, whom it binds and to whom.
type Standing struct {
	Instance Instance
	State    agreement.State
	// Since is when it entered State, as [Trace.StateSince] says: zero when
	// it has been in that state since before the first evaluation.
	Since time.Time
	// Debtor is the party the instance binds: the instance's own debtor for
	// a clause expanded per debtor, the clause's only debtor otherwise; ""
	// for an agreement and for a joint clause of several debtors.
	Debtor agreement.PartyID
	// Creditors are the clause's creditors; nil for an agreement.
	Creditors []agreement.PartyID
}

// Bound reports whether the standing binds its debtors now: a clause
// instance in effect.
func (s Standing) Bound() bool {
	return !s.Instance.IsAgreement() && s.State == agreement.StateInEffect
}

// Standings returns where every agreement and every clause instance of the
// trace stands at instant at: the agreements first, in the engine's order
// ([Engine.Agreements]), then the clause instances ([Engine.Instances]).
// at may be any time.Time, as for [Trace.State]. Each Standing shares no
// slice with the trace. It returns an error for a
// nil or zero Trace; it is safe for concurrent use and never panics.
func (t *Trace) Standings(at time.Time) ([]Standing, error) {
	if t == nil || t.e == nil {
		return nil, errNoTrace
	}
	e := t.e
	out := make([]Standing, 0, len(e.agreements)+len(e.instances))
	add := func(i Instance) error {
		s, since, err := t.StateSince(i, at)
		if err != nil {
			return err
		}
		out = append(out, Standing{Instance: i, State: s, Since: since})
		return nil
	}
	for _, id := range e.Agreements() {
		if err := add(Instance{Ref: agreement.AgreementRef(id)}); err != nil {
			return nil, err
		}
	}
	for _, inst := range e.instances {
		cl := e.clauses[inst.clause].clause
		if err := add(Instance{Ref: e.clauses[inst.clause].ref, Debtor: inst.debtor}); err != nil {
			return nil, err
		}
		s := &out[len(out)-1]
		s.Debtor, s.Creditors = inst.debtor, slices.Clone(cl.Creditors)
		if s.Debtor == "" && len(cl.Debtors) == 1 {
			s.Debtor = cl.Debtors[0]
		}
	}
	return out, nil
}
