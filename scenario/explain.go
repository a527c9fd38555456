package scenario

import (
	"fmt"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// Node is one node of an explained condition: the condition, its truth value
// at the instant of the evaluation, what decided it, and its operands.
type Node struct {
	Condition agreement.Condition
	Value     bool
	// Event is the index (in the trace's events) of the event that decided
	// the node: the matching event of an event atom, the event that last
	// moved a fluent; -1 for none.
	Event int
	// Later is, for Before, the index of the later event; -1 otherwise.
	Later int
	// Transition is, for ClauseIn and AgreementIn, the index in
	// Trace.Transitions of the latest change of the state read; -1 for none.
	Transition int
	// Turns is, for Since and Within, the instant at which the node turns
	// (true for Since, false for Within); zero when no event started it.
	Turns    time.Time
	Operands []*Node
}

// Decision is a condition slot of a clause (or an agreement's entry into
// force) evaluated at an instant.
type Decision struct {
	// Slot is the condition's name: "trigger", "antecedent", "fulfilment",
	// "violation" or "entryIntoForce".
	Slot string
	// At is the instant of the evaluation; Window is the instant after which
	// its event atoms see events (zero when they see the whole history).
	At, Window time.Time
	Root       *Node
}

// Step is one transition of the explained instance, with the decisions that
// made it (none for a deadline, an expiry, a power or the agreement's
// termination: the Cause says which).
type Step struct {
	Transition Transition
	Decisions  []Decision
}

// Explanation says why an instance is in its state at an instant: the steps
// that brought it there, and the conditions of that state evaluated at the
// instant (why it has not moved on). [Trace.Explain] builds one; a
// hand-built Explanation (the zero value included) has no trace to name
// events and transitions from, and its String describes them by index.
type Explanation struct {
	Instance Instance
	At       time.Time
	State    agreement.State
	// Since is when it entered State; zero if it has been there from the start.
	Since time.Time
	Steps []Step
	// Open lists the conditions that could move it on, evaluated at At.
	Open []Decision
	// Deadline and Expiry are the clause's time limits as the agreement
	// states them; zero for an agreement or a clause without them.
	Deadline, Expiry agreement.Deadline
	// Version is the text in force at At (see [Trace.Versions]): the one
	// whose conditions and limits are explained.
	Version Version
	trace   *Trace
}

// Explain returns why instance i is in its state at instant at. Each
// condition's node values come from the engine's own evaluator: recorded at
// the instant it decided a transition, or computed again over the history up
// to at. It returns an error for an unknown instance or an instant outside
// the trace (any time.Time outside [agreement.InstantRange] is), and for a
// nil or zero Trace.
func (t *Trace) Explain(i Instance, at time.Time) (*Explanation, error) {
	if !t.usable() {
		return nil, errNoTrace
	}
	n := nanos(at)
	if n < t.start || n > t.end {
		loc := t.Location()
		return nil, fmt.Errorf("scenario: %s outside the trace (%s to %s)", renderStamp(at, loc),
			renderStamp(t.Start(), loc), renderStamp(t.End(), loc))
	}
	trs, idx, err := t.transitionsAndIndex(i)
	if err != nil {
		return nil, err
	}
	if i.Ref.Agreement == "" {
		i.Ref.Agreement = t.e.agreements[0].id
	}
	state, k := t.stateAt(i, trs, n)
	x := &Explanation{Instance: i, At: at.UTC(), State: state, trace: t}
	if k >= 0 {
		x.Steps = make([]Step, k+1)
	}
	for j, ti := range trs[:k+1] {
		step := &x.Steps[j]
		step.Transition = t.transition(ti)
		e := t.versionEngine(t.verOf(ti))
		if ds := t.decisionsOf(ti); len(ds) > 0 {
			step.Decisions = make([]Decision, len(ds))
			for m := range ds {
				step.Decisions[m] = decision(e, &ds[m], t.recsOf(e, &ds[m]), t.log[ti].at)
			}
		}
	}
	since := t.start
	if k >= 0 {
		since = t.log[trs[k]].at
		x.Since = time.Unix(0, since).UTC()
	}
	ver, e := t.versionAt(n)
	x.Version = t.version(ver)
	w := t.takeWorld(e, n)
	defer t.putWorld(w)
	open := func(sl slot, root int32, win int64) {
		if root < 0 {
			return
		}
		d, recs := w.decide(sl, root, win)
		x.Open = append(x.Open, decision(e, &d, recs, n))
	}
	if idx < 0 {
		ai := -1 - idx
		if state == agreement.StateSigned || state == agreement.StateDraft {
			open(slotEntry, e.agreements[ai].entry, beforeAll)
		}
		return x, nil
	}
	if int(idx) >= len(e.instances) {
		return x, nil // not yet in the text in force at the instant
	}
	inst := &e.instances[idx]
	x.Deadline, x.Expiry = e.clauses[inst.clause].deadline, e.clauses[inst.clause].expiry
	switch state {
	case agreement.StateDormant:
		open(slotTrigger, inst.roots[slotTrigger], beforeAll)
	case agreement.StatePending:
		open(slotAntecedent, inst.roots[slotAntecedent], since)
	case agreement.StateInEffect:
		if e.clauses[inst.clause].defers {
			// Resumed, it sees the events since it entered into effect
			// before its suspensions.
			for j := k; j >= 0; j-- {
				if tr := &t.log[trs[j]]; tr.to == agreement.StateInEffect && tr.from != agreement.StateSuspended {
					since = tr.at
					break
				}
			}
		}
		open(slotFulfilment, inst.roots[slotFulfilment], since)
		open(slotViolation, inst.roots[slotViolation], since)
	}
	return x, nil
}

// decision converts a recorded evaluation at instant now, d with its node
// records recs, of the nodes of engine e, into a Decision.
func decision(e *Engine, d *decisionPart, recs []nodeRecord, now int64) Decision {
	out := Decision{Slot: d.slot.String(), At: time.Unix(0, now).UTC()}
	if d.w != beforeAll {
		out.Window = time.Unix(0, d.w).UTC()
	}
	out.Root = decisionNode(e, d, recs, d.root)
	return out
}

// decisionNode returns node i of decision d as a Node, with its operands.
func decisionNode(e *Engine, d *decisionPart, recs []nodeRecord, i int32) *Node {
	r := recs[i-e.span(d.root)]
	nd := &e.nodes[i]
	out := &Node{Condition: nd.src, Value: r.value, Event: int(r.event), Later: int(r.other), Transition: int(r.trans)}
	if r.at != never {
		out.Turns = time.Unix(0, r.at).UTC()
	}
	for _, k := range e.kids[nd.first : nd.first+nd.n] {
		out.Operands = append(out.Operands, decisionNode(e, d, recs, k))
	}
	return out
}

// String returns the explanation as indented text: the state, each step with
// the conditions that decided it, the clause's deadline and expiry, and the
// open conditions with each node's value and the event that decided it.
// Instants are written in the trace's zone ([Trace.Location]; UTC for a
// hand-built Explanation), RFC 3339 with their offset, durations as the
// agreement states them ([agreement.Deadline.String]). A nil *Explanation
// gives "", and nil nodes and conditions of a hand-built one are written as
// "<none>"; it never panics.
func (x *Explanation) String() string {
	if x == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s at %s: %s", x.Instance, x.stamp(x.At), x.State)
	if !x.Since.IsZero() {
		fmt.Fprintf(&b, " since %s", x.stamp(x.Since))
	}
	b.WriteByte('\n')
	if v := x.Version; v.Index > 0 {
		fmt.Fprintf(&b, "  under version %d", v.Index)
		if v.Label != "" {
			fmt.Fprintf(&b, " (%s)", v.Label)
		}
		fmt.Fprintf(&b, ", amending %s from %s\n", v.Agreement, x.stamp(v.At))
	}
	for _, s := range x.Steps {
		tr := s.Transition
		fmt.Fprintf(&b, "  %s -> %s at %s (%s)\n", tr.From, tr.To, x.stamp(tr.At), x.cause(tr.Cause))
		for _, d := range s.Decisions {
			x.writeDecision(&b, d, "    ")
		}
	}
	loc := x.trace.Location()
	if !x.Deadline.IsZero() {
		fmt.Fprintf(&b, "  deadline: %s\n", localDeadline(x.Deadline, loc))
	}
	if !x.Expiry.IsZero() {
		fmt.Fprintf(&b, "  expiry: %s\n", localDeadline(x.Expiry, loc))
	}
	if len(x.Open) > 0 {
		fmt.Fprintf(&b, "  open at %s:\n", x.stamp(x.At))
		for _, d := range x.Open {
			x.writeDecision(&b, d, "    ")
		}
	}
	return b.String()
}

func (x *Explanation) writeDecision(b *strings.Builder, d Decision, indent string) {
	fmt.Fprintf(b, "%s%s", indent, d.Slot)
	if !d.Window.IsZero() {
		fmt.Fprintf(b, " (events after %s)", x.stamp(d.Window))
	}
	b.WriteString(":\n")
	x.writeNode(b, d.Root, indent+"  ")
}

func (x *Explanation) writeNode(b *strings.Builder, n *Node, indent string) {
	if n == nil {
		fmt.Fprintf(b, "%s<none>\n", indent)
		return
	}
	label := "<none>"
	switch {
	case n.Condition == nil:
	case len(n.Operands) > 0:
		label = nodeName(n.Condition)
	default:
		label = localCondition(n.Condition, x.trace.Location()).String()
	}
	fmt.Fprintf(b, "%s%s = %t", indent, label, n.Value)
	var notes []string
	if n.Event >= 0 {
		notes = append(notes, x.event(n.Event))
	}
	if n.Later >= 0 {
		notes = append(notes, "then "+x.event(n.Later))
	}
	if n.Transition >= 0 && x.trace.usable() && n.Transition < len(x.trace.log) {
		tr := x.trace.transition(int32(n.Transition))
		notes = append(notes, fmt.Sprintf("%s became %s at %s", tr.Instance, tr.To, x.stamp(tr.At)))
	}
	if !n.Turns.IsZero() {
		notes = append(notes, "turns at "+x.stamp(n.Turns))
	}
	if len(notes) > 0 {
		fmt.Fprintf(b, "  [%s]", strings.Join(notes, "; "))
	}
	b.WriteByte('\n')
	for _, o := range n.Operands {
		x.writeNode(b, o, indent+"  ")
	}
}

func (x *Explanation) event(i int) string {
	ev, ok := x.trace.Event(i)
	if !ok {
		return fmt.Sprintf("event #%d", i)
	}
	s := fmt.Sprintf("event #%d %s", i, ev.Kind)
	if ev.Actor != "" {
		s += " by " + string(ev.Actor)
	}
	if ev.Target != "" {
		s += " against " + string(ev.Target)
	}
	if ev.Attribution != agreement.AttributionUnspecified {
		s += " (" + ev.Attribution.String() + ")"
	}
	s += " at " + x.stamp(ev.At)
	if ri, ok := x.trace.revision(i, nanos(x.At)); ok {
		rev, _ := x.trace.Event(ri)
		s += fmt.Sprintf(", revised by event #%d at %s:", ri, x.stamp(rev.At))
		if rev.Actor != "" {
			s += " by " + string(rev.Actor)
		}
		if rev.Attribution != agreement.AttributionUnspecified {
			s += " " + rev.Attribution.String()
		}
		if rev.Reporter != "" {
			s += " reported by " + string(rev.Reporter)
		}
	}
	return s
}

// revision returns the latest revision of event i at or before instant n.
func (t *Trace) revision(i int, n int64) (int, bool) {
	if !t.usable() {
		return 0, false
	}
	found := -1
	for _, ri := range t.revs {
		if t.at[ri] > n {
			break
		}
		w := world{events: flatHist(t.events), at: flatHist(t.at)}
		if int(w.target(ri)) == i {
			found = int(ri)
		}
	}
	return found, found >= 0
}

func (x *Explanation) cause(c Cause) string {
	if c.Kind == CauseSignature {
		return renderSignature(c, true)
	}
	s := c.Kind.String()
	if i, ok := c.Event(); ok {
		s += ": " + x.event(i)
	}
	if c.By != (Instance{}) {
		s += " by " + c.By.String()
	}
	return s
}

// nodeName is the operator of a combinator, for the tree rendering.
func nodeName(c agreement.Condition) string {
	switch c := c.(type) {
	case *agreement.AllCondition:
		return "all"
	case *agreement.AnyCondition:
		return "any"
	case *agreement.NotCondition:
		return "not"
	case *agreement.AtLeastCondition:
		return fmt.Sprintf("at-least-%d", c.K())
	}
	return c.String()
}

// stamp writes an instant in the trace's zone, RFC 3339 with its offset.
func (x *Explanation) stamp(t time.Time) string { return renderStamp(t, x.trace.Location()) }

// localDeadline returns d with its instants (At, and those of clock
// conditions in From) in loc, for Deadline.String to write them as local
// times.
func localDeadline(d agreement.Deadline, loc *time.Location) agreement.Deadline {
	if !d.At.IsZero() {
		d.At = d.At.In(loc)
	}
	d.From = localCondition(d.From, loc)
	return d
}

// localCondition returns c with the instants of its clock conditions in
// loc, so that its String writes them as local times; c itself when it has
// none.
func localCondition(c agreement.Condition, loc *time.Location) agreement.Condition {
	var ops []agreement.Condition
	switch c := c.(type) {
	case *agreement.ClockCondition:
		if c == nil {
			return c
		}
		from, until := c.From(), c.Until()
		switch {
		case from.IsZero():
			return agreement.Until(until.In(loc))
		case until.IsZero():
			return agreement.From(from.In(loc))
		}
		return agreement.Between(from.In(loc), until.In(loc))
	case *agreement.AllCondition, *agreement.AnyCondition, *agreement.AtLeastCondition, *agreement.NotCondition:
		ops = agreement.Operands(c)
	default:
		return c
	}
	changed := false
	for i, o := range ops {
		if l := localCondition(o, loc); l != o {
			ops[i], changed = l, true
		}
	}
	if !changed {
		return c
	}
	switch c := c.(type) {
	case *agreement.AllCondition:
		return agreement.All(ops...)
	case *agreement.AnyCondition:
		return agreement.Any(ops...)
	case *agreement.AtLeastCondition:
		return agreement.AtLeast(c.K(), ops...)
	}
	return agreement.Not(ops[0])
}

// takeWorld returns the world of the history up to instant n under the
// text of engine e, for the caller's use alone until it hands it back with
// putWorld: the one kept from the last explanation when it is the same,
// else a new one.
func (t *Trace) takeWorld(e *Engine, n int64) *world {
	t.wmu.Lock()
	w := t.wcache
	if w != nil && w.e == e && w.now == n {
		t.wcache = nil
		t.wmu.Unlock()
		return w
	}
	t.wmu.Unlock()
	return t.worldWith(e, n)
}

// putWorld keeps w, which nothing else uses, for the next explanation.
func (t *Trace) putWorld(w *world) {
	t.wmu.Lock()
	t.wcache = w
	t.wmu.Unlock()
}
