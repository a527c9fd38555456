package scenario

import (
	"errors"
	"strconv"

	"github.com/peacekit/peacekit/agreement"
)

// ErrUnmentionedKind is wrapped by the warnings of [Timeline.Lint]: an event
// whose kind nothing in the agreements mentions.
var ErrUnmentionedKind = errors.New("scenario: event kind nothing mentions")

// ErrNoFulfilment is wrapped by the warnings of [Engine.LintClauses]: an
// obligation that no event of the timeline could fulfil.
var ErrNoFulfilment = errors.New("scenario: no event of the timeline fulfils the clause")

// engineKinds are the event kinds the engine itself gives a meaning to,
// whatever the agreements say: signatures, territory, revisions, terms and
// the exercise of powers.
var engineKinds = []agreement.EventKind{
	agreement.EventKindSigning,
	agreement.EventKindControlChanged,
	agreement.EventKindReferendumHeld,
	agreement.EventKindArbitrationAward,
	agreement.EventKindRevised,
	agreement.EventKindNotice,
	agreement.EventKindRenewal,
	agreement.EventKindPowerExercised,
}

// mentionedKinds returns the event kinds e reads: the kind of every event
// pattern of its agreements (in a condition, an anchor, a fluent, a clause's
// action, a permission's grant, a recurring duty's start), in the order
// compiled, then the kinds the engine itself acts on; without duplicates.
func (e *Engine) mentionedKinds() []agreement.EventKind {
	seen := make(map[agreement.EventKind]bool, len(e.byKind)+len(engineKinds))
	var kinds []agreement.EventKind
	add := func(k agreement.EventKind) {
		if !seen[k] {
			seen[k] = true
			kinds = append(kinds, k)
		}
	}
	for i := range e.patterns {
		add(e.patterns[i].key.p.Kind)
	}
	for _, k := range engineKinds {
		add(k)
	}
	return kinds
}

// Lint warns about the events of tl that nothing in the agreements of engine
// e reads: an event whose kind no pattern of theirs mentions (no condition,
// anchor, fluent, clause action, permission grant or recurring duty), and
// that the engine gives no meaning of its own (a signing, a control change,
// a referendum or an award, a revision, a notice, a renewal, the exercise of
// a power). Such an event changes no transition (see Guarantees), which is
// usually a typo in its kind: each is a problem at "events[i].kind" (i the
// event's position in the input, as [Timeline.Validate] counts) wrapping
// [ErrUnmentionedKind], with the nearest mentioned kind suggested
// (agreement.Suggest):
//
//	event kind "prisoners-exchanged" is mentioned by nothing in the agreement (did you mean "prisoner-exchange"?)
//
// An event is read against the texts in force at its instant: the engine's,
// as the timeline's amendments (Timeline.WithAmendments) change them from
// their instants, so that an event of a kind only an amendment mentions is
// no warning once the amendment is in force.
//
// These are warnings: a timeline with them is valid and replays. Lint returns
// nil when it has nothing to say, a *agreement.ValidationError otherwise,
// and an error (not a ValidationError) for a nil or zero Engine. It does not
// validate tl, never panics, and is safe for concurrent use.
func (tl Timeline) Lint(e *Engine) error {
	if !e.usable() {
		return errNoEngine
	}
	// The texts in force at each event's instant, as Validate reads them;
	// the problems of the amendments are Validate's to report.
	var discard agreement.ValidationError
	versions := append([]textsInForce{{e: e}}, tl.checkAmendments(e, &discard)...)
	type mentioned struct {
		known map[agreement.EventKind]bool
		names []string
	}
	memo := make(map[*Engine]*mentioned, len(versions))
	lookup := func(en *Engine) *mentioned {
		if m, ok := memo[en]; ok {
			return m
		}
		kinds := en.mentionedKinds()
		m := &mentioned{known: make(map[agreement.EventKind]bool, len(kinds)), names: make([]string, len(kinds))}
		for i, k := range kinds {
			m.known[k] = true
			m.names[i] = string(k)
		}
		memo[en] = m
		return m
	}
	where := "the agreement"
	if len(e.agreements) > 1 {
		where = "the agreements"
	}
	var ve agreement.ValidationError
	for i := range tl.events {
		ev := &tl.events[i]
		en := e
		for _, v := range versions[1:] {
			if v.at.After(ev.At) {
				break
			}
			en = v.e
		}
		m := lookup(en)
		k := ev.Kind
		if m.known[k] {
			continue
		}
		msg := "event kind " + strconv.Quote(string(k)) + " is mentioned by nothing in " + where
		if s, ok := agreement.Suggest(string(k), m.names); ok {
			msg += " (did you mean " + strconv.Quote(s) + "?)"
		}
		path := agreement.FieldPath(agreement.IndexPath("events", tl.inputIndex(i)), "kind")
		ve.Add(path, ErrUnmentionedKind, msg)
	}
	return ve.Err()
}

// LintClauses warns about the obligations of e's agreements that no event of
// tl could fulfil: an obligation fulfilled by its action (one without a
// fulfilment condition, see the package doc, Actions and debtors) whose
// action's kind no event of tl has, and which is in effect at some point of
// a replay of tl on e. The replay runs, as the peacekit command's does by
// default, to a day ([agreement.Day]) after tl's last event, or after tl's
// start when it has none (at the last instant of [agreement.InstantRange]
// when that day would pass it); an obligation that never comes into effect
// over it (a guarantee whose trigger never happens) need not be fulfilled,
// and is left alone. For an agreement the replay never puts in force (an
// unsigned draft), no replay tells which of its obligations would come into
// effect, so each instance of each of its obligations is read as if it did.
// Each warning is a problem wrapping [ErrNoFulfilment] at the clause's path in the
// document compiled: "clauses[2]" for an engine of one agreement built by
// [Compile], "agreements[1].clauses[2]" for one built by [CompileProcess]. Its message names the
// clause, and the debtor of the instance for a clause expanded per debtor
// (one warning per instance in effect), and the kind it waits for, and
// suggests the nearest kind tl has
// (agreement.Suggest), so that a typo in the timeline shows from the clause's
// side too:
//
//	obligation "PX" is fulfilled by a "prisoner-exchange" event, which the timeline does not have (did you mean "prisoners-exchanged"?)
//	obligation "SUP" of "UA" is fulfilled by a "support-provided" event, which the timeline does not have
//
// Only the texts compiled into e are read, not those of the timeline's
// amendments. Obligations with a fulfilment condition, and recurring duties,
// are left alone.
// Only kinds are compared: an event of the right kind by the wrong party
// still counts as one that could match. These are warnings: the replay is
// valid, and the obligation may simply not be performed. LintClauses
// returns nil when it has nothing to say, a *agreement.ValidationError
// otherwise, and an error (not a ValidationError) for a nil or zero Engine.
// When tl cannot be replayed on e ([Timeline.Validate] rejects it), it
// returns the replay's error, which for a rejected event is itself a
// *agreement.ValidationError, as [Engine.Replay] returns it.
// It never panics and is safe for concurrent use.
func (e *Engine) LintClauses(tl Timeline) error {
	if !e.usable() {
		return errNoEngine
	}
	have := make(map[agreement.EventKind]bool)
	var names []string
	for i := range tl.events {
		k := tl.events[i].Kind
		if !have[k] {
			have[k] = true
			names = append(names, string(k))
		}
	}
	type candidate struct {
		ai, ci int
	}
	var cands []candidate
	for ai := range e.process.Agreements {
		a := &e.process.Agreements[ai]
		for ci := range a.Clauses {
			cl := &a.Clauses[ci]
			if cl.Kind != agreement.DeonticObligation || !cl.Recurs.Every.IsZero() || cl.Recurs.On != nil {
				continue
			}
			if cl.Fulfilment != nil || cl.Action == nil || have[cl.Action.Kind] {
				continue
			}
			cands = append(cands, candidate{ai, ci})
		}
	}
	if len(cands) == 0 {
		return nil
	}
	inEffect, err := e.inEffect(tl)
	if err != nil {
		return err
	}
	var ve agreement.ValidationError
	for _, c := range cands {
		a := &e.process.Agreements[c.ai]
		cl := &a.Clauses[c.ci]
		want := cl.Action.Kind
		path := agreement.IndexPath("clauses", c.ci)
		if !e.document {
			path = agreement.IndexPath(agreement.FieldPath(agreement.IndexPath("agreements", c.ai), "clauses"), c.ci)
		}
		for _, inst := range inEffect[agreement.Ref{Agreement: a.ID, Clause: cl.ID}] {
			msg := "obligation " + strconv.Quote(string(cl.ID))
			if inst.Debtor != "" {
				msg += " of " + strconv.Quote(string(inst.Debtor))
			}
			msg += " is fulfilled by a " + strconv.Quote(string(want)) + " event, which the timeline does not have"
			if s, ok := agreement.Suggest(string(want), names); ok {
				msg += " (did you mean " + strconv.Quote(s) + "?)"
			}
			ve.Add(path, ErrNoFulfilment, msg)
		}
	}
	return ve.Err()
}

// inEffect replays tl on e to a day after its last event (or its start),
// or to the last representable instant when that day would pass it, and
// returns the clause instances of e that are in effect at some point of
// it, and every clause instance of an agreement the replay never puts in
// force, by clause, in the order of [Engine.Instances].
func (e *Engine) inEffect(tl Timeline) (map[agreement.Ref][]Instance, error) {
	end := tl.start
	for i := range tl.events {
		if at := tl.events[i].At; at.After(end) {
			end = at
		}
	}
	if _, last := agreement.InstantRange(); end.After(last.Add(-agreement.Day)) {
		end = last
	} else {
		end = end.Add(agreement.Day)
	}
	tr, err := e.Replay(tl, end)
	if err != nil {
		return nil, err
	}
	seen := make(map[Instance]bool)
	inForce := make(map[agreement.AgreementID]bool)
	for x := range tr.Transitions() {
		switch {
		case x.Instance.IsAgreement() && x.To == agreement.StateInForce:
			inForce[x.Instance.Ref.Agreement] = true
		case x.To == agreement.StateInEffect:
			seen[x.Instance] = true
		}
	}
	out := make(map[agreement.Ref][]Instance)
	for _, inst := range e.Instances() {
		if seen[inst] || !inForce[inst.Ref.Agreement] {
			out[inst.Ref] = append(out[inst.Ref], inst)
		}
	}
	return out, nil
}
