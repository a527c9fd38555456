package scenario

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/markup"
)

// errNoTrace is returned when querying or rendering the zero Trace, or a
// nil one.
var errNoTrace = errors.New("scenario: no trace (the zero or a nil Trace)")

// Markdown writes t as Markdown that an analyst can paste into a report: a
// heading naming the agreements and the period, a table of the events (with
// the index a cause refers to, the instant and the event in words), and a
// timeline table of every transition in the order it happened: its instant,
// the instance (a clause, one debtor's share of a clause, or an agreement),
// "from → to", and its cause in words, with the event that set it off
// described ("event #2: armed-attack by RU against UA") or the clause whose
// change did ("paris-2026/multinational-force[FR] became in-effect"); then,
// when standing clauses recorded breaches, a table of them: the instant, the
// instance, the instant of the breaching act and the cause. When amendments
// took effect, the timeline table has a column naming the version that
// decided each transition, and a table of the versions follows (index,
// instant, agreement, label and the changes in words); when terms ended, a
// table of their ends (instant, instrument, renewed until when or expired,
// and why). Instants are
// written in the trace's zone ([Trace.Location]), RFC 3339 with their offset
// ("2024-03-01T06:00:00+03:00"; "Z" in UTC). Text from the events is escaped
// so that it reads as written and cannot break a table. It uses only the
// public API of the trace; it returns an error for a nil or zero Trace, and
// the first error from w. It is safe for concurrent use (with distinct
// writers) and never panics.
func (t *Trace) Markdown(w io.Writer) error {
	if t == nil || t.Engine() == nil {
		return errNoTrace
	}
	e := t.Engine()
	loc := t.Location()
	r := markup.NewWriter(w)
	r.Line("# Trace of " + markup.Markdown(renderAgreements(e)) + " from " + renderStamp(t.Start(), loc) + " to " +
		renderStamp(t.End(), loc))
	r.Line("")
	r.Line("## Events")
	r.Line("")
	var rows [][]string
	for i, ev := range t.Events() {
		rows = append(rows, []string{strconv.Itoa(i), renderStamp(ev.At, loc), markup.Markdown(ev.String())})
	}
	if len(rows) == 0 {
		r.Line("No events.")
	} else {
		r.Table([]string{"#", "Instant", "Event"}, rows)
	}
	r.Line("")
	r.Line("## Transitions")
	r.Line("")
	trs := renderTransitions(t)
	rows = rows[:0]
	vers := t.Versions()
	for k, tr := range trs {
		row := []string{renderStamp(tr.At, loc), markup.Markdown(renderInstance(tr.Instance)),
			tr.From.String() + " → " + tr.To.String(), markup.Markdown(renderCause(t, trs, k))}
		if len(vers) > 1 {
			row = append(row, strconv.Itoa(tr.Version))
		}
		rows = append(rows, row)
	}
	switch {
	case len(trs) == 0:
		r.Line("No transitions.")
	case len(vers) > 1:
		r.Table([]string{"Instant", "Instance", "From → To", "Cause", "Version"}, rows)
	default:
		r.Table([]string{"Instant", "Instance", "From → To", "Cause"}, rows)
	}
	rows = rows[:0]
	for _, v := range vers[1:] {
		changes := make([]string, len(v.Changes))
		for i, c := range v.Changes {
			changes[i] = c.String()
		}
		rows = append(rows, []string{strconv.Itoa(v.Index), renderStamp(v.At, loc), markup.Markdown(string(v.Agreement)),
			markup.Markdown(v.Label), markup.Markdown(strings.Join(changes, "; "))})
	}
	if len(rows) > 0 {
		r.Line("")
		r.Line("## Versions")
		r.Line("")
		r.Table([]string{"Version", "From", "Agreement", "Label", "Changes"}, rows)
	}
	rows = rows[:0]
	for rn := range t.Renewals() {
		outcome := "expired"
		if !rn.Until.IsZero() {
			outcome = "renewed until " + renderStamp(rn.Until, loc)
		}
		rows = append(rows, []string{renderStamp(rn.At, loc), markup.Markdown(renderInstance(rn.Of)), outcome,
			markup.Markdown(renderTermCause(t, rn))})
	}
	if len(rows) > 0 {
		r.Line("")
		r.Line("## Terms")
		r.Line("")
		r.Table([]string{"End", "Instrument", "Outcome", "Why"}, rows)
	}
	rows = rows[:0]
	for b := range t.Breaches() {
		rows = append(rows, []string{renderStamp(b.At, loc), markup.Markdown(renderInstance(b.Instance)),
			renderStamp(b.Act, loc), markup.Markdown(t.DescribeCause(b.Cause))})
	}
	if len(rows) > 0 {
		r.Line("")
		r.Line("## Breaches")
		r.Line("")
		r.Table([]string{"Instant", "Instance", "Act", "Cause"}, rows)
	}
	return r.Err()
}

// Mermaid writes t as a Mermaid sequence diagram, which GitHub and most
// Markdown editors display: time runs down the page, one lifeline per
// agreement and clause instance that changes state (or sets a change off),
// with "events" and "clock" lifelines for what the timeline and time passing
// set off. Each transition is an arrow from its cause (the events, the clock
// for the start, timers, deadlines, expiries and the dates of recorded
// signatures, or the clause, agreement or power whose change set it off) to
// the instance, labelled "from → to" and, for an event, the event in words;
// a note spanning every lifeline marks each new instant, in the trace's zone
// as [Trace.Markdown] writes it, and another each amendment taking effect. Participants have generated ids (ev, clock,
// a0, i0, ...) and every label has the characters Mermaid interprets written
// as entity codes, so ids and event texts with any characters are safe. It
// uses only the public API of the trace; it returns an error for a nil or
// zero Trace, and the first error from w. It is safe for concurrent use
// (with distinct writers) and never panics.
func (t *Trace) Mermaid(w io.Writer) error {
	if t == nil || t.Engine() == nil {
		return errNoTrace
	}
	e := t.Engine()
	loc := t.Location()
	trs := renderTransitions(t)

	// Participants, in a fixed order: events, clock, agreements, instances
	// (and, defensively, any instance the engine does not list, in order of
	// appearance).
	const evID, clockID = "ev", "clock"
	type participant struct{ id, label string }
	var known, extra []participant
	ids := map[Instance]string{}
	for i, a := range e.Agreements() {
		inst := Instance{Ref: agreement.AgreementRef(a)}
		ids[inst] = "a" + strconv.Itoa(i)
		known = append(known, participant{ids[inst], renderInstance(inst)})
	}
	for i, inst := range e.Instances() {
		ids[inst] = "i" + strconv.Itoa(i)
		known = append(known, participant{ids[inst], renderInstance(inst)})
	}
	idOf := func(inst Instance) string {
		id, ok := ids[inst]
		if !ok {
			id = "u" + strconv.Itoa(len(extra))
			ids[inst] = id
			extra = append(extra, participant{id, renderInstance(inst)})
		}
		return id
	}
	sender := func(tr Transition) string {
		switch tr.Cause.Kind {
		case CauseEvent, CauseRevision:
			return evID
		case CauseClause, CauseAgreement, CausePower, CauseBreach:
			if tr.Cause.By != (Instance{}) {
				return idOf(tr.Cause.By)
			}
			if _, ok := tr.Cause.Event(); ok {
				return evID
			}
		}
		return clockID
	}
	used := map[string]bool{}
	for _, tr := range trs {
		used[sender(tr)] = true
		used[idOf(tr.Instance)] = true
	}
	var parts []participant
	if used[evID] {
		parts = append(parts, participant{evID, "events"})
	}
	if used[clockID] {
		parts = append(parts, participant{clockID, "clock"})
	}
	for _, p := range append(known, extra...) {
		if used[p.id] {
			parts = append(parts, p)
		}
	}

	r := markup.NewWriter(w)
	r.Line("sequenceDiagram")
	for _, p := range parts {
		r.Line("  participant " + p.id + " as " + markup.Mermaid(p.label))
	}
	span := ""
	if len(parts) > 0 {
		span = parts[0].id
		if len(parts) > 1 {
			span += "," + parts[len(parts)-1].id
		}
	}
	var last time.Time
	vers := t.Versions()[1:]
	for k, tr := range trs {
		if k == 0 || !tr.At.Equal(last) {
			r.Line("  Note over " + span + ": " + markup.Mermaid(renderStamp(tr.At, loc)))
			last = tr.At
		}
		for len(vers) > 0 && !vers[0].At.After(tr.At) {
			r.Line("  Note over " + span + ": " + markup.Mermaid("from here "+renderVersion(t, vers[0].Index)+
				" of "+string(vers[0].Agreement)))
			vers = vers[1:]
		}
		label := tr.From.String() + " → " + tr.To.String()
		switch tr.Cause.Kind {
		case CauseEvent:
			label += " (" + renderCauseEvent(t, tr.Cause) + ")"
		case CauseRevision:
			label += " (revised by " + renderCauseEvent(t, tr.Cause) + ")"
		case CauseBreach:
			label += " (breach)"
		case CauseStart, CauseTimer, CauseDeadline, CauseExpiry:
			label += " (" + tr.Cause.Kind.String() + ")"
		case CausePower:
			label += " (power)"
		case CauseSignature:
			label += " (" + renderSignature(tr.Cause, false) + ")"
		case CauseTerm:
			label += " (term ended)"
		case CauseAmendment:
			label += " (amended by " + renderVersion(t, tr.Version) + ")"
		}
		r.Line("  " + sender(tr) + "->>" + idOf(tr.Instance) + ": " + markup.Mermaid(label))
	}
	return r.Err()
}

// DescribeCause describes cause c of a transition of t on one line: the kind
// of cause, then, when c names an event of t, ": #" its index and the event
// in words ([agreement.Event.String]), then, when c names the instance whose
// change set it off, " by " that instance; such as "event: #2 armed-attack
// by RU against UA" or "clause by paris-2026/multinational-force[FR]". A
// signature is described by its signatory and agreement: "signature by UA of
// paris-2026". An event index t does not have (or a nil or zero t) leaves
// the event out. It is safe for concurrent use and never panics.
func (t *Trace) DescribeCause(c Cause) string {
	if c.Kind == CauseSignature {
		return renderSignature(c, true)
	}
	s := c.Kind.String()
	if t != nil {
		if i, ok := c.Event(); ok {
			if ev, ok := t.Event(i); ok {
				s += ": #" + strconv.Itoa(i) + " " + ev.String()
			}
		}
	}
	if c.By != (Instance{}) {
		s += " by " + c.By.String()
	}
	return s
}

// renderTransitions returns the transitions of t in order.
func renderTransitions(t *Trace) []Transition {
	var out []Transition
	for tr := range t.Transitions() {
		out = append(out, tr)
	}
	return out
}

func renderAgreements(e *Engine) string {
	ids := e.Agreements()
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = string(id)
	}
	return strings.Join(parts, ", ")
}

// renderInstance names an instance: "paris-2026/G1[FR]", or "agreement
// paris-2026".
func renderInstance(i Instance) string {
	if i.IsAgreement() {
		return "agreement " + string(i.Ref.Agreement)
	}
	return i.String()
}

// renderCause describes the cause of transition k of trs in words.
func renderCause(t *Trace, trs []Transition, k int) string {
	tr := trs[k]
	c := tr.Cause
	switch c.Kind {
	case CauseStart:
		return "start"
	case CauseEvent:
		return renderCauseEvent(t, c)
	case CauseTimer:
		return "timer: a timed condition changed value"
	case CauseDeadline:
		return "deadline passed"
	case CauseExpiry:
		return "expiry reached"
	case CauseClause, CauseAgreement:
		// The change of By that set this one off: its latest transition
		// at this instant, before this one.
		for j := k - 1; j >= 0 && trs[j].At.Equal(tr.At); j-- {
			if trs[j].Instance == c.By {
				return renderInstance(c.By) + " became " + trs[j].To.String()
			}
		}
		return renderInstance(c.By) + " changed state"
	case CauseRevision:
		return "revised by " + renderCauseEvent(t, c)
	case CauseBreach:
		s := "breach of " + renderInstance(c.By)
		if _, ok := c.Event(); ok {
			s += " (" + renderCauseEvent(t, c) + ")"
		}
		return s
	case CausePower:
		s := "power " + renderInstance(c.By) + " exercised"
		if _, ok := c.Event(); ok {
			s += " (" + renderCauseEvent(t, c) + ")"
		}
		return s
	case CauseSignature:
		return renderSignature(c, true)
	case CauseTerm:
		s := "term ended"
		if _, ok := c.Event(); ok {
			s += " on notice (" + renderCauseEvent(t, c) + ")"
		}
		return s
	case CauseAmendment:
		return "amended by " + renderVersion(t, tr.Version)
	}
	return c.Kind.String()
}

// renderVersion names version k of t: "version 1 (extension)".
func renderVersion(t *Trace, k int) string {
	s := "version " + strconv.Itoa(k)
	if vs := t.Versions(); k < len(vs) && vs[k].Label != "" {
		s += " (" + vs[k].Label + ")"
	}
	return s
}

// renderTermCause says why a term ended as it did.
func renderTermCause(t *Trace, rn Renewal) string {
	switch {
	case rn.Agreed:
		return "renewal agreed (" + renderCauseEvent(t, rn.Cause) + ")"
	case rn.Until.IsZero():
		if _, ok := rn.Cause.Event(); ok {
			return "notice (" + renderCauseEvent(t, rn.Cause) + ")"
		}
		return "no renewal left"
	}
	return "renewed automatically"
}

func renderCauseEvent(t *Trace, c Cause) string {
	i, ok := c.Event()
	if !ok {
		return "event"
	}
	ev, ok := t.Event(i)
	if !ok {
		return "event #" + strconv.Itoa(i)
	}
	return "event #" + strconv.Itoa(i) + ": " + ev.String()
}

// renderSignature describes a signature cause: "signature by UA", and with
// withAgreement " of paris-2026", the agreement its By names.
func renderSignature(c Cause, withAgreement bool) string {
	s := c.Kind.String()
	if c.By.Debtor != "" {
		s += " by " + string(c.By.Debtor)
	}
	if withAgreement && c.By.Ref.Agreement != "" {
		s += " of " + string(c.By.Ref.Agreement)
	}
	return s
}

// renderStamp writes an instant in loc, RFC 3339 with its offset ("Z" in
// UTC).
func renderStamp(t time.Time, loc *time.Location) string { return t.In(loc).Format(time.RFC3339Nano) }
