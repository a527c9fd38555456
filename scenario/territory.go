package scenario

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/shopspring/decimal"
)

// terrChange records an agreement's territory after a change.
type terrChange struct {
	at        int64
	agreement int32
	territory terrVal
	event     int32 // the event that made it; -1 for a clause or the entry into force
}

// Rejection is a change of territory that could not be made, and why. With
// Event set, an event could not change territory as its kind says: a control
// change from a party holding less than it moves, or a referendum-held or
// arbitration-award outcome that no result of the option names; the event
// still counts for conditions. With Event -1, the options an agreement
// applies when it enters into force, or when a withdrawal is performed,
// could not be applied. A referendum-held or arbitration-award event by a
// party other than the option's, or where no question is pending (none was
// agreed, or it was resolved or lapsed), changes nothing and is no
// rejection.
type Rejection struct {
	Event     int // index in the trace's events; -1 for none
	Agreement agreement.AgreementID
	Err       error
}

// setTerritory records agreement ai's new territory.
func (r *Run) setTerritory(ai int32, t terrVal, ei int32) {
	r.terr[ai] = t
	r.terrAsStated[ai] = false
	r.tlog.push(terrChange{at: r.now, agreement: ai, territory: t, event: ei})
}

// territoryEvent applies a control change, referendum result or award to the
// territory of every agreement that has the event's area. It changes that
// area only: the functions of package agreement apply to it alone, in a
// territory of its own, and the agreement's territory is the one it had
// with the new area in place of the old.
func (r *Run) territoryEvent(ev *agreement.Event, ei int32) {
	for ai := range r.terr {
		cur := r.terr[ai]
		i, ok := cur.lookup(ev.Area)
		if !ok {
			continue
		}
		var next agreement.Area
		var err error
		switch ev.Kind {
		case agreement.EventKindControlChanged:
			// The area's own MoveControl: the new area shares what does
			// not change with the old, which nothing modifies.
			pc, ok := percentOf(ev)
			if !ok {
				err = errNoPercent
				break
			}
			next, err = cur.area(i).MoveControl(ev.Target, ev.Actor, pc)
		case agreement.EventKindReferendumHeld, agreement.EventKindArbitrationAward:
			var t agreement.Territory
			t, err = r.resolve(int32(ai), agreement.Territory{Areas: []agreement.Area{*cur.area(i)}}, ev)
			if err == nil && t.IsZero() {
				continue // no question pending there
			}
			if err == nil {
				next = t.Areas[0]
			}
		default:
			continue
		}
		if err != nil {
			r.rejected.push(Rejection{Event: int(ei), Agreement: r.e.agreements[ai].id, Err: err})
			continue
		}
		r.setTerritory(int32(ai), cur.with(i, next), ei)
	}
}

// resolve resolves the referendum or arbitration of agreement ai pending in
// the event's area, t's one area, and held (or made) by the event's actor.
// It returns the zero territory when none is pending there.
func (r *Run) resolve(ai int32, t agreement.Territory, ev *agreement.Event) (agreement.Territory, error) {
	kind := agreement.OptionKindReferendum
	if ev.Kind == agreement.EventKindArbitrationAward {
		kind = agreement.OptionKindArbitration
	}
	for _, p := range t.Areas[0].Pending() {
		if p.Kind != kind {
			continue
		}
		for _, o := range r.e.agreements[ai].options {
			if o.ID == p.Option && (o.Party == "" || o.Party == ev.Actor) {
				return o.Resolve(t, ev.Area, ev.Outcome)
			}
		}
	}
	return agreement.Territory{}, nil
}

// errNoPercent rejects a control change whose quantities are all in units
// it cannot use, so that they never read as "all of the area's control".
var errNoPercent = errors.New("scenario: a control change needs its quantity in percent")

// percentOf returns the event's first quantity in percent, or nil when it
// has no quantity. ok is false when it has quantities but none in percent.
func percentOf(ev *agreement.Event) (pc *decimal.Decimal, ok bool) {
	for _, q := range ev.Quantities {
		if q.Unit == agreement.UnitPercent {
			v := q.Value
			return &v, true
		}
	}
	return nil, len(ev.Quantities) == 0
}

// enterIntoForce applies the agreement's options that take effect with it.
func (r *Run) enterIntoForce(ai int32) {
	info := &r.e.agreements[ai]
	if len(info.atEntry.Options) == 0 {
		return
	}
	// A territory as the text states it settles as computed at Compile
	// (territories are never modified, so runs may share it).
	t, err := info.settled, info.settledErr
	if !r.terrAsStated[ai] {
		var st agreement.Settlement
		if st, err = info.atEntry.Apply(r.terr[ai].territory(false)); err == nil {
			t = newTerrVal(st.Territory, r.terr[ai].lay)
		}
	}
	if err != nil {
		r.rejected.push(Rejection{Event: -1, Agreement: info.id, Err: err})
		return
	}
	r.setTerritory(ai, t, -1)
}

// territorialTransition applies what a clause's transition does to
// territory: a withdrawal fulfilled by every debtor moves control; a
// referendum or award not made in time lapses.
func (r *Run) territorialTransition(ci int32, to agreement.State) {
	c := &r.e.clauses[ci]
	switch {
	case c.withdraws != nil && to == agreement.StateFulfilled && int(r.counts[ci][agreement.StateFulfilled]) == len(c.instances):
		info := &r.e.agreements[c.home]
		o := info.options[c.withdraws.option]
		o.Areas = []agreement.AreaID{c.withdraws.area}
		// The package checks the whole territory: applied to it whole.
		cur := r.terr[c.home]
		st, err := agreement.Package{Options: []agreement.Option{o}}.Apply(cur.territory(false))
		if err != nil {
			r.rejected.push(Rejection{Event: -1, Agreement: info.id, Err: err})
			return
		}
		r.setTerritory(c.home, newTerrVal(st.Territory, cur.lay), -1)
	case c.lapses != nil && to == agreement.StateViolated:
		// A question lapses in its area alone, as territoryEvent changes it.
		info := &r.e.agreements[c.home]
		o := info.options[c.lapses.option]
		cur := r.terr[c.home]
		i, ok := cur.lookup(c.lapses.area)
		if !ok {
			return // as Expire fails for an unknown area
		}
		if t, err := o.Expire(agreement.Territory{Areas: []agreement.Area{*cur.area(i)}}, c.lapses.area); err == nil {
			r.setTerritory(c.home, cur.with(i, t.Areas[0]), -1)
		}
	}
}

// Territory returns agreement a's territory (a may be empty when the engine
// has one agreement) at instant at: as the agreement states it, then
// changed by control-changed events, by the options that take effect when
// it enters into force, by withdrawals performed, by referendum results and
// arbitration awards, and by questions that lapsed; after the trace's end,
// the territory at the end. at may be any time.Time, also one outside
// [agreement.InstantRange]. The result is a copy. It returns an error for
// an unknown agreement and for a nil or zero Trace.
func (t *Trace) Territory(a agreement.AgreementID, at time.Time) (agreement.Territory, error) {
	if !t.usable() {
		return agreement.Territory{}, errNoTrace
	}
	if a == "" && len(t.e.agreements) == 1 {
		a = t.e.agreements[0].id
	}
	ai, ok := t.e.agrIndex[a]
	if !ok {
		return agreement.Territory{}, fmt.Errorf("scenario: unknown agreement %q", a)
	}
	n := nanos(at)
	cur := t.e.agreements[ai].territory
	for _, c := range t.tlog {
		if c.at > n {
			break
		}
		if c.agreement == ai {
			cur = c.territory
		}
	}
	return cur.territory(true), nil
}

// Rejections returns the changes of territory that could not be made (see
// [Rejection]), in the order they were attempted; nil for a nil or zero
// Trace.
func (t *Trace) Rejections() []Rejection {
	if t == nil {
		return nil
	}
	return slices.Clone(t.rejected)
}
