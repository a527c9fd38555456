package scenariotest

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// Rule is the rule of the lifecycle (the clause and agreement lifecycle
// tables of package [agreement]) that allows a transition. The clause
// table distinguishes some transitions between the same two states by what
// caused them (an obligation Violated by its violation condition or by its
// deadline; a clause Discharged by its expiry or by a power); the Rule keeps
// that distinction. The zero value is invalid: no edge has it.
type Rule uint8

// The rules.
const (
	_ Rule = iota
	// RuleTrigger: a clause leaves Dormant because its trigger holds (to
	// Pending, or to InEffect when its antecedent holds or it has none).
	RuleTrigger
	// RuleAntecedent: a Pending clause's antecedent holds (to InEffect).
	RuleAntecedent
	// RuleExpiry: a Pending or InEffect clause reaches its expiry
	// (Discharged; a prohibition in effect is Fulfilled; a standing clause
	// in effect is Fulfilled, or Violated when it recorded a breach).
	RuleExpiry
	// RuleFulfilment: an InEffect clause's fulfilment holds, or a power is
	// exercised (Fulfilled).
	RuleFulfilment
	// RuleViolation: an InEffect clause's violation condition holds
	// (Violated).
	RuleViolation
	// RuleDeadline: an InEffect clause's deadline passes unfulfilled
	// (Violated); or an unconditional deadline is reached while the clause
	// still waits for its trigger or antecedent (Lapsed).
	RuleDeadline
	// RulePower: a power discharges, suspends, resumes or terminates a clause,
	// or suspends, resumes or terminates an agreement.
	RulePower
	// RuleAgreementTerminated: a clause is Terminated with its agreement.
	RuleAgreementTerminated
	// RuleSigning: an agreement moves from Draft to Signed, by a signing
	// event or at the date of a signature it records.
	RuleSigning
	// RuleEntryIntoForce: a Signed agreement's entry-into-force condition
	// holds (InForce).
	RuleEntryIntoForce
	// RuleAgreementSuspended: a clause in effect is Suspended with its
	// agreement, or a Suspended one resumes (InEffect) with it.
	RuleAgreementSuspended
	// RuleTerm: the term of an agreement or of a clause ends without
	// renewal: the agreement is Terminated; the clause gets the outcome of
	// an expiry (Discharged; a prohibition, or a standing clause without
	// breaches, Fulfilled; a standing clause with breaches Violated).
	RuleTerm
	// RuleAmendment: an amendment removes a clause or a debtor's share of
	// it (Terminated), or the suspend power holding a suspended clause
	// (InEffect).
	RuleAmendment
)

var ruleNames = [...]string{"", "trigger", "antecedent", "expiry", "fulfilment", "violation", "deadline", "power",
	"agreement-terminated", "signing", "entry-into-force", "agreement-suspended", "term", "amendment"}

// String returns the rule's name, such as "deadline".
func (r Rule) String() string {
	if int(r) < len(ruleNames) && r != 0 {
		return ruleNames[r]
	}
	return "Rule(" + itoa(int(r)) + ")"
}

// Edge is one edge of the lifecycle: a move of a clause (or, with Agreement
// set, of an agreement) from one state to another by one rule. Edge is
// comparable and usable as a map key. The zero value is not an edge of the
// lifecycle.
type Edge struct {
	// Agreement is set for an edge of an agreement's lifecycle.
	Agreement bool
	From, To  agreement.State
	Rule      Rule
}

// String returns the edge as "clause in-effect -> violated (deadline)" or
// "agreement in-force -> suspended (power)".
func (e Edge) String() string {
	who := "clause"
	if e.Agreement {
		who = "agreement"
	}
	return who + " " + e.From.String() + " -> " + e.To.String() + " (" + e.Rule.String() + ")"
}

// clauseActive are the clause states a power or the agreement's termination
// can terminate.
var clauseActive = []agreement.State{agreement.StateDormant, agreement.StatePending, agreement.StateInEffect, agreement.StateSuspended}

// agreementActive are the agreement states a power can terminate.
var agreementActive = []agreement.State{agreement.StateDraft, agreement.StateSigned, agreement.StateInForce, agreement.StateSuspended}

// ClauseEdges returns every edge of the clause lifecycle table of package
// [agreement], one per from-state and per cause where a row names several:
// 33 edges, in the table's order, those of suspension with the agreement,
// of terms and of amendments last. It returns a new slice on each call.
func ClauseEdges() []Edge {
	c := func(from, to agreement.State, r Rule) Edge { return Edge{From: from, To: to, Rule: r} }
	out := []Edge{
		c(agreement.StateDormant, agreement.StatePending, RuleTrigger),
		c(agreement.StateDormant, agreement.StateInEffect, RuleTrigger),
		c(agreement.StatePending, agreement.StateInEffect, RuleAntecedent),
		c(agreement.StateDormant, agreement.StateLapsed, RuleDeadline),
		c(agreement.StatePending, agreement.StateLapsed, RuleDeadline),
		c(agreement.StatePending, agreement.StateDischarged, RuleExpiry),
		c(agreement.StateInEffect, agreement.StateDischarged, RuleExpiry),
		c(agreement.StateInEffect, agreement.StateFulfilled, RuleExpiry),
		c(agreement.StateInEffect, agreement.StateViolated, RuleExpiry),
		c(agreement.StateInEffect, agreement.StateFulfilled, RuleFulfilment),
		c(agreement.StateInEffect, agreement.StateViolated, RuleViolation),
		c(agreement.StateInEffect, agreement.StateViolated, RuleDeadline),
		c(agreement.StateInEffect, agreement.StateDischarged, RulePower),
		c(agreement.StateInEffect, agreement.StateSuspended, RulePower),
		c(agreement.StateSuspended, agreement.StateInEffect, RulePower),
	}
	for _, from := range clauseActive {
		out = append(out, c(from, agreement.StateTerminated, RulePower))
	}
	for _, from := range clauseActive {
		out = append(out, c(from, agreement.StateTerminated, RuleAgreementTerminated))
	}
	out = append(out,
		c(agreement.StateInEffect, agreement.StateSuspended, RuleAgreementSuspended),
		c(agreement.StateSuspended, agreement.StateInEffect, RuleAgreementSuspended),
		c(agreement.StateInEffect, agreement.StateDischarged, RuleTerm),
		c(agreement.StateInEffect, agreement.StateFulfilled, RuleTerm),
		c(agreement.StateInEffect, agreement.StateViolated, RuleTerm))
	for _, from := range clauseActive {
		out = append(out, c(from, agreement.StateTerminated, RuleAmendment))
	}
	return append(out, c(agreement.StateSuspended, agreement.StateInEffect, RuleAmendment))
}

// AgreementEdges returns every edge of the agreement lifecycle table of
// package [agreement]: Draft -> Signed, Signed -> InForce, InForce <->
// Suspended and any state not final -> Terminated by a power, InForce and
// Suspended -> Terminated at the end of its term; 10 edges. It returns a
// new slice on each call.
func AgreementEdges() []Edge {
	a := func(from, to agreement.State, r Rule) Edge { return Edge{Agreement: true, From: from, To: to, Rule: r} }
	out := []Edge{
		a(agreement.StateDraft, agreement.StateSigned, RuleSigning),
		a(agreement.StateSigned, agreement.StateInForce, RuleEntryIntoForce),
		a(agreement.StateInForce, agreement.StateSuspended, RulePower),
		a(agreement.StateSuspended, agreement.StateInForce, RulePower),
	}
	for _, from := range agreementActive {
		out = append(out, a(from, agreement.StateTerminated, RulePower))
	}
	return append(out,
		a(agreement.StateInForce, agreement.StateTerminated, RuleTerm),
		a(agreement.StateSuspended, agreement.StateTerminated, RuleTerm))
}

// Edges returns every edge of the lifecycle: [ClauseEdges] followed by
// [AgreementEdges]. It returns a new slice on each call.
func Edges() []Edge { return append(ClauseEdges(), AgreementEdges()...) }

// IsEdge reports whether some rule moves a clause (agreement false) or an
// agreement (agreement true) from state from to state to.
func IsEdge(agreementEdge bool, from, to agreement.State) bool {
	for _, e := range Edges() {
		if e.Agreement == agreementEdge && e.From == from && e.To == to {
			return true
		}
	}
	return false
}

// Classify returns the edge a recorded transition took, deciding the rule
// from its states and its cause kind: a clause Violated with
// [scenario.CauseDeadline] took the deadline edge, any other violation the
// condition edge; Lapsed, only with [scenario.CauseDeadline], the deadline
// edge; Discharged with [scenario.CauseExpiry] the expiry edge, with
// [scenario.CausePower] the power edge; Terminated with
// [scenario.CausePower] the power edge, with [scenario.CauseAgreement] the
// agreement's termination, with [scenario.CauseAmendment] the
// amendment's; Suspended or resumed with [scenario.CauseAgreement] the
// agreement's suspension, resumed with [scenario.CauseAmendment] the
// amendment's; Discharged, Fulfilled, Violated or (an agreement)
// Terminated with [scenario.CauseTerm] the end of a term; an agreement
// Signed by a signing event ([scenario.CauseEvent]) or a recorded
// signature's date ([scenario.CauseSignature]) the signing edge. It reports
// false when the transition is not an edge of the lifecycle or its cause
// cannot have set it off (a clause suspended by a deadline, say).
func Classify(tr scenario.Transition) (Edge, bool) {
	e := Edge{Agreement: tr.Instance.IsAgreement(), From: tr.From, To: tr.To}
	k := tr.Cause.Kind
	timed := k == scenario.CauseDeadline || k == scenario.CauseExpiry
	if e.Agreement {
		switch {
		case e.From == agreement.StateDraft && e.To == agreement.StateSigned &&
			(k == scenario.CauseEvent || k == scenario.CauseSignature):
			e.Rule = RuleSigning
		case e.From == agreement.StateSigned && e.To == agreement.StateInForce && !timed && k != scenario.CausePower &&
			k != scenario.CauseTerm:
			// An amendment may bring its entry into force about.
			e.Rule = RuleEntryIntoForce
		case k == scenario.CausePower:
			e.Rule = RulePower
		case k == scenario.CauseTerm:
			e.Rule = RuleTerm
		default:
			return e, false
		}
		return e, slices.Contains(AgreementEdges(), e)
	}
	switch {
	case k == scenario.CauseAmendment && (e.To == agreement.StateTerminated ||
		e.From == agreement.StateSuspended && e.To == agreement.StateInEffect):
		e.Rule = RuleAmendment
	case k == scenario.CauseAgreement && (e.To == agreement.StateSuspended ||
		e.From == agreement.StateSuspended && e.To == agreement.StateInEffect):
		e.Rule = RuleAgreementSuspended
	case k == scenario.CauseTerm:
		e.Rule = RuleTerm
	case e.From == agreement.StateDormant && (e.To == agreement.StatePending || e.To == agreement.StateInEffect):
		if timed || k == scenario.CausePower {
			return e, false
		}
		e.Rule = RuleTrigger
	case e.From == agreement.StatePending && e.To == agreement.StateInEffect:
		if timed {
			return e, false
		}
		e.Rule = RuleAntecedent
	case e.To == agreement.StateLapsed:
		if k != scenario.CauseDeadline {
			return e, false
		}
		e.Rule = RuleDeadline
	case e.To == agreement.StateFulfilled:
		switch k {
		case scenario.CauseExpiry:
			e.Rule = RuleExpiry
		case scenario.CauseDeadline:
			return e, false
		default:
			e.Rule = RuleFulfilment
		}
	case e.To == agreement.StateViolated:
		switch k {
		case scenario.CauseDeadline:
			e.Rule = RuleDeadline
		case scenario.CauseExpiry:
			e.Rule = RuleExpiry // a standing clause that recorded a breach
		default:
			e.Rule = RuleViolation
		}
	case e.To == agreement.StateTerminated && k == scenario.CauseAgreement:
		e.Rule = RuleAgreementTerminated
	case k == scenario.CauseExpiry:
		e.Rule = RuleExpiry
	case k == scenario.CausePower:
		e.Rule = RulePower
	default:
		return e, false
	}
	return e, slices.Contains(ClauseEdges(), e)
}

// Coverage collects the lifecycle edges seen over many traces, such as every
// trace of a rapid property run, so that a test can fail unless each edge of
// the lifecycle occurred: a property that never met an edge has not been
// tested on it. Build one with
// [NewCoverage]. The zero value expects no edge (it is complete after one
// run); a nil *Coverage expects none and records nothing: Observe does
// nothing, and the other methods return zero results. A Coverage is safe
// for concurrent use.
type Coverage struct {
	mu       sync.Mutex
	want     []Edge
	seen     map[Edge]int // edge -> the run (1-based) that first saw it
	runs     int
	complete int
}

// NewCoverage returns a Coverage that expects the given edges, or every edge
// of [Edges] when none is given.
func NewCoverage(want ...Edge) *Coverage {
	if len(want) == 0 {
		want = Edges()
	}
	return &Coverage{want: slices.Clone(want), seen: map[Edge]int{}}
}

// Observe records every edge taken in tr (see [Classify]) as one run.
// Transitions that are not edges are ignored: [AssertTransitionsValid]
// reports them.
func (c *Coverage) Observe(tr *scenario.Trace) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen == nil {
		c.seen = map[Edge]int{}
	}
	c.runs++
	for x := range tr.Transitions() {
		if e, ok := Classify(x); ok {
			if _, seen := c.seen[e]; !seen {
				c.seen[e] = c.runs
			}
		}
	}
	if c.complete == 0 && len(c.missing()) == 0 {
		c.complete = c.runs
	}
}

// Runs returns the number of traces observed.
func (c *Coverage) Runs() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.runs
}

// CompleteAfter returns the number of runs after which every expected edge
// had been seen, or 0 if some edge has not been seen yet.
func (c *Coverage) CompleteAfter() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.complete
}

// FirstSeen returns the run (counting from 1) in which edge e was first
// seen, or 0 if it has not been seen.
func (c *Coverage) FirstSeen(e Edge) int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen[e]
}

// Missing returns the expected edges not seen yet, in the order they were
// given to [NewCoverage].
func (c *Coverage) Missing() []Edge {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.missing()
}

func (c *Coverage) missing() []Edge {
	var out []Edge
	for _, e := range c.want {
		if _, ok := c.seen[e]; !ok {
			out = append(out, e)
		}
	}
	return out
}

// Report returns one line per expected edge with the run that first saw it,
// such as "clause dormant -> pending (trigger): run 1", sorted by that run;
// unseen edges say "never".
func (c *Coverage) Report() string {
	if c == nil {
		return ""
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	want := slices.Clone(c.want)
	sort.SliceStable(want, func(i, j int) bool {
		a, b := c.seen[want[i]], c.seen[want[j]]
		if a == 0 || b == 0 {
			return a != 0 && b == 0
		}
		return a < b
	})
	var b strings.Builder
	for _, e := range want {
		b.WriteString(e.String())
		if n := c.seen[e]; n > 0 {
			b.WriteString(": run " + itoa(n))
		} else {
			b.WriteString(": never")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Assert reports an error through t, listing the edges never seen, unless
// every expected edge was seen. Call it after [rapid.Check] returns, with the
// test's own *testing.T. It calls t.Errorf, not t.Fatalf. A nil or zero
// c expects nothing and passes. Assert panics if t is nil.
func (c *Coverage) Assert(t rapid.TB) {
	t.Helper()
	missing := c.Missing()
	if len(missing) == 0 {
		return
	}
	names := make([]string, len(missing))
	for i, e := range missing {
		names[i] = "\t" + e.String()
	}
	t.Errorf("coverage: %d of %d lifecycle edges never occurred in %d runs:\n%s", len(missing), len(c.want),
		c.Runs(), strings.Join(names, "\n"))
}
