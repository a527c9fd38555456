package export

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// errNoTrace is returned for a nil or zero trace.
var errNoTrace = errors.New("export: no trace (a nil or zero *scenario.Trace)")

// errTable is returned for an undeclared Table.
var errTable = errors.New("export: undeclared table")

// headers are the columns of each table, indexed by Table.
var headers = [...][]string{
	Transitions: {"at", "agreement", "clause", "debtor", "instance", "from", "to", "cause", "event", "event_kind", "by", "description"},
	States:      {"agreement", "clause", "debtor", "instance", "text", "state", "from", "until"},
	Bound:       {"agreement", "clause", "debtor", "instance", "text", "creditors", "from", "until"},
	Breaches:    {"agreement", "clause", "debtor", "instance", "at", "act", "cause", "event", "event_kind", "description"},
	Territory:   {"agreement", "area", "kind", "party", "share", "from", "until"},
}

// usable reports whether t is a trace of a replay.
func usable(t *scenario.Trace) bool { return t != nil && t.Engine() != nil }

// rows returns the header and the rows of table of t.
func rows(t *scenario.Trace, table Table) ([]string, [][]string, error) {
	if !usable(t) {
		return nil, nil, errNoTrace
	}
	if !table.valid() {
		return nil, nil, errTable
	}
	x := exporter{t: t, loc: t.Location()}
	var rs [][]string
	var err error
	switch table {
	case Transitions:
		rs = x.transitions()
	case States:
		rs, err = x.states()
	case Bound:
		rs, err = x.bound()
	case Breaches:
		rs = x.breaches()
	case Territory:
		rs, err = x.territory()
	}
	return headers[table], rs, err
}

// exporter computes the rows of a trace's tables.
type exporter struct {
	t   *scenario.Trace
	loc *time.Location
}

// instant writes an instant in the trace's zone, RFC 3339 with the
// fraction of a second it has (time.RFC3339Nano).
func (x exporter) instant(at time.Time) string { return at.In(x.loc).Format(time.RFC3339Nano) }

// instance returns the agreement, clause, debtor and instance columns of i.
func instance(i scenario.Instance) []string {
	return []string{string(i.Ref.Agreement), string(i.Ref.Clause), string(i.Debtor), i.String()}
}

// cause returns the cause, event, event_kind and description columns of c
// (by, for a transition, is written separately).
func (x exporter) cause(c scenario.Cause) (kind, event, eventKind, words string) {
	if i, ok := c.Event(); ok {
		event = strconv.Itoa(i)
		if ev, ok := x.t.Event(i); ok {
			eventKind = string(ev.Kind)
		}
	}
	return c.Kind.String(), event, eventKind, x.t.DescribeCause(c)
}

func (x exporter) transitions() [][]string {
	var rs [][]string
	for tr := range x.t.Transitions() {
		kind, event, eventKind, words := x.cause(tr.Cause)
		by := ""
		if tr.Cause.By != (scenario.Instance{}) {
			by = tr.Cause.By.String()
		}
		r := []string{x.instant(tr.At)}
		r = append(r, instance(tr.Instance)...)
		r = append(r, tr.From.String(), tr.To.String(), kind, event, eventKind, by, words)
		rs = append(rs, r)
	}
	return rs
}

// interval is a state an instance held from From until Until (zero: to the
// end of the replay).
type interval struct {
	State       agreement.State
	From, Until time.Time
}

// history is the states of one instance over the replay.
type history struct {
	Instance  scenario.Instance
	Intervals []interval
}

// histories returns the states of every agreement and clause instance over
// the replay, in the order of the States table.
func (x exporter) histories() ([]history, error) {
	e := x.t.Engine()
	var order []scenario.Instance
	for _, a := range e.Agreements() {
		order = append(order, scenario.Instance{Ref: agreement.Ref{Agreement: a}})
	}
	order = append(order, e.Instances()...)
	index := make(map[scenario.Instance]int, len(order))
	for k, i := range order {
		index[i] = k
	}
	hs := make([]history, len(order))
	for k, i := range order {
		hs[k].Instance = i
	}
	start := x.t.Start()
	for tr := range x.t.Transitions() {
		k, ok := index[tr.Instance]
		if !ok {
			k = len(hs)
			index[tr.Instance] = k
			hs = append(hs, history{Instance: tr.Instance})
		}
		h := &hs[k]
		if len(h.Intervals) == 0 {
			h.Intervals = append(h.Intervals, interval{State: tr.From, From: start})
		}
		h.Intervals[len(h.Intervals)-1].Until = tr.At
		h.Intervals = append(h.Intervals, interval{State: tr.To, From: tr.At})
	}
	// An instance an amendment added joins its agreement's.
	agr := make(map[agreement.AgreementID]int, len(e.Agreements()))
	for k, a := range e.Agreements() {
		agr[a] = k
	}
	slices.SortStableFunc(hs, func(a, b history) int {
		return cmp.Compare(agr[a.Instance.Ref.Agreement], agr[b.Instance.Ref.Agreement])
	})
	for k := range hs {
		if len(hs[k].Intervals) > 0 {
			continue
		}
		// No transition: the state before the first evaluation, held
		// throughout.
		s, err := x.t.State(hs[k].Instance, time.Time{})
		if err != nil {
			return nil, err
		}
		hs[k].Intervals = []interval{{State: s, From: start}}
	}
	return hs, nil
}

// text returns the text of instance i's clause as it stood at instant at
// (scenario.Trace.Clause): empty for an agreement.
func (x exporter) text(i scenario.Instance, at time.Time) string {
	if i.IsAgreement() {
		return ""
	}
	c, _ := x.t.Clause(i.Ref, at)
	return c.Text
}

// until writes the end of an interval: empty when it is open.
func (x exporter) until(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return x.instant(t)
}

func (x exporter) states() ([][]string, error) {
	hs, err := x.histories()
	if err != nil {
		return nil, err
	}
	var rs [][]string
	for _, h := range hs {
		for _, iv := range h.Intervals {
			r := append(instance(h.Instance), x.text(h.Instance, iv.From), iv.State.String(), x.instant(iv.From),
				x.until(iv.Until))
			rs = append(rs, r)
		}
	}
	return rs, nil
}

func (x exporter) bound() ([][]string, error) {
	hs, err := x.histories()
	if err != nil {
		return nil, err
	}
	var amended []time.Time // the instants an amendment took effect at
	for _, v := range x.t.Versions() {
		if v.Index > 0 {
			amended = append(amended, v.At)
		}
	}
	var rs [][]string
	for _, h := range hs {
		if h.Instance.IsAgreement() {
			continue
		}
		for _, iv := range h.Intervals {
			if !(scenario.Standing{Instance: h.Instance, State: iv.State}).Bound() {
				continue
			}
			// An amendment during the interval may change who is bound
			// to whom, or the text: one row per stretch of one version.
			from := iv.From
			cur := x.binding(h.Instance, from)
			for _, at := range amended {
				if !at.After(from) || (!iv.Until.IsZero() && !at.Before(iv.Until)) {
					continue
				}
				if next := x.binding(h.Instance, at); !slices.Equal(next, cur) {
					rs = append(rs, x.boundRow(h.Instance, cur, from, at))
					from, cur = at, next
				}
			}
			rs = append(rs, x.boundRow(h.Instance, cur, from, iv.Until))
		}
	}
	return rs, nil
}

// binding returns the debtor, the text and the creditors (separated by
// spaces) of the clause instance i as its clause stood at at: the debtor is
// the instance's own, else the clause's only debtor, else empty (a joint
// clause of several), as scenario.Standing.Debtor says.
func (x exporter) binding(i scenario.Instance, at time.Time) []string {
	c, _ := x.t.Clause(i.Ref, at)
	debtor := i.Debtor
	if debtor == "" && len(c.Debtors) == 1 {
		debtor = c.Debtors[0]
	}
	creditors := make([]string, len(c.Creditors))
	for k, p := range c.Creditors {
		creditors[k] = string(p)
	}
	return []string{string(debtor), c.Text, strings.Join(creditors, " ")}
}

// boundRow is the row of the Bound table of instance i over [from, until),
// with b as binding returns it.
func (x exporter) boundRow(i scenario.Instance, b []string, from, until time.Time) []string {
	return []string{string(i.Ref.Agreement), string(i.Ref.Clause), b[0], i.String(), b[1], b[2], x.instant(from),
		x.until(until)}
}

func (x exporter) breaches() [][]string {
	var rs [][]string
	for b := range x.t.Breaches() {
		kind, event, eventKind, words := x.cause(b.Cause)
		r := append(instance(b.Instance), x.instant(b.At), x.instant(b.Act), kind, event, eventKind, words)
		rs = append(rs, r)
	}
	return rs
}

// shareKey identifies one party's share of one kind in one area.
type shareKey struct {
	agreement int // index in the engine's agreements
	area      int // index in the agreement's territory as it stands
	sov       bool
	party     agreement.PartyID
}

// shareRow is one party's share held over an interval.
type shareRow struct {
	key         shareKey
	seen        int // the order the party first appeared in
	share       string
	from, until time.Time
}

func (x exporter) territory() ([][]string, error) {
	ids := x.t.Engine().Agreements()
	// The instants territory can change at: the start, every event and
	// every transition (an agreement entering into force, a withdrawal
	// performed, a question lapsing), up to the end.
	start, end := x.t.Start(), x.t.End()
	instants := []time.Time{start}
	for _, ev := range x.t.Events() {
		instants = append(instants, ev.At)
	}
	for tr := range x.t.Transitions() {
		instants = append(instants, tr.At)
	}
	slices.SortFunc(instants, func(a, b time.Time) int { return a.Compare(b) })
	instants = slices.CompactFunc(instants, func(a, b time.Time) bool { return a.Equal(b) })

	areaIndex := make([]map[agreement.AreaID]int, len(ids))
	open := map[shareKey]*shareRow{}
	seen := map[agreement.PartyID]int{}
	var done []*shareRow
	for _, at := range instants {
		if at.Before(start) || at.After(end) {
			continue
		}
		now := map[shareKey]string{}
		var order []shareKey // the keys of now, in the territory's order
		put := func(k shareKey, share string) {
			if _, ok := now[k]; !ok {
				order = append(order, k)
			}
			now[k] = share
		}
		for ai, id := range ids {
			terr, err := x.t.Territory(id, at)
			if err != nil {
				return nil, err
			}
			if areaIndex[ai] == nil {
				areaIndex[ai] = map[agreement.AreaID]int{}
			}
			for _, area := range terr.Areas {
				k, ok := areaIndex[ai][area.ID]
				if !ok {
					k = len(areaIndex[ai])
					areaIndex[ai][area.ID] = k
				}
				for _, sh := range area.Control {
					put(shareKey{ai, k, false, sh.Party}, sh.Percent.String())
				}
				for _, sh := range area.Sovereignty {
					put(shareKey{ai, k, true, sh.Party}, sh.Percent.String())
				}
			}
		}
		for k, r := range open {
			if s, ok := now[k]; !ok || s != r.share {
				r.until = at
				done = append(done, r)
				delete(open, k)
			}
		}
		for _, k := range order {
			if _, ok := open[k]; ok {
				continue
			}
			if _, ok := seen[k.party]; !ok {
				seen[k.party] = len(seen)
			}
			open[k] = &shareRow{key: k, seen: seen[k.party], share: now[k], from: at}
		}
	}
	for _, r := range open {
		done = append(done, r)
	}
	slices.SortFunc(done, func(a, b *shareRow) int {
		return cmp.Or(
			cmp.Compare(a.key.agreement, b.key.agreement),
			cmp.Compare(a.key.area, b.key.area),
			compareBool(a.key.sov, b.key.sov),
			a.from.Compare(b.from),
			cmp.Compare(a.seen, b.seen),
		)
	})
	areaIDs := make([][]agreement.AreaID, len(ids))
	for ai, m := range areaIndex {
		areaIDs[ai] = make([]agreement.AreaID, len(m))
		for id, k := range m {
			areaIDs[ai][k] = id
		}
	}
	rs := make([][]string, 0, len(done))
	for _, r := range done {
		kind := "control"
		if r.key.sov {
			kind = "sovereignty"
		}
		rs = append(rs, []string{string(ids[r.key.agreement]), string(areaIDs[r.key.agreement][r.key.area]), kind,
			string(r.key.party), r.share, x.instant(r.from), x.until(r.until)})
	}
	return rs, nil
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}
