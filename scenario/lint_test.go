package scenario_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
	"pgregory.net/rapid"
)

// exchangeAgreement is an agreement with an obligation to exchange
// prisoners, a ceasefire fluent and a prohibition of attacks.
const exchangeAgreement = `{
  "schema": 1,
  "id": "exchange",
  "signingStatus": "signed",
  "parties": [
    {"id": "UA", "name": "Ukraine", "kind": "state"},
    {"id": "RU", "name": "Russia", "kind": "state"}
  ],
  "clauses": [
    {"id": "CF", "text": "The parties cease all armed attacks.", "kind": "prohibition",
     "debtors": ["UA", "RU"], "action": {"kind": "armed-attack"}},
    {"id": "REP", "text": "Russia reports monthly.", "kind": "obligation",
     "debtors": ["RU"], "action": {"kind": "report-filed"}, "recurs": {"every": "30d"}},
    {"id": "PX", "text": "The parties exchange all prisoners.", "kind": "obligation",
     "debtors": ["UA", "RU"], "joint": true, "action": {"kind": "prisoner-exchange"}}
  ],
  "fluents": [
    {"id": "ceasefire", "initiates": [{"kind": "ceasefire-in-force"}]}
  ]
}`

func exchangeEngine(t *testing.T) *scenario.Engine {
	t.Helper()
	a, err := agreement.DecodeAgreement([]byte(exchangeAgreement))
	if err != nil {
		t.Fatal(err)
	}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// problems returns the problems of err, a *agreement.ValidationError, or
// fails.
func problems(t rapid.TB, err error) []*agreement.Problem {
	t.Helper()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a *agreement.ValidationError", err)
	}
	return ve.Problems
}

func TestLintTypo(t *testing.T) {
	e := exchangeEngine(t)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	// The events out of order: the typo is the first event of the input,
	// the second of the timeline.
	tl := scenario.NewTimeline(start,
		agreement.Event{At: start.Add(48 * time.Hour), Kind: "prisoners-exchanged", Actor: "UA"},
		agreement.Event{At: start.Add(24 * time.Hour), Kind: "ceasefire-in-force"},
	)
	if err := tl.Validate(e); err != nil {
		t.Fatalf("Validate: %v (the typo is only a warning)", err)
	}
	if _, err := e.Replay(tl, start.Add(72*time.Hour)); err != nil {
		t.Fatalf("Replay: %v", err)
	}

	err := tl.Lint(e)
	if !errors.Is(err, scenario.ErrUnmentionedKind) {
		t.Fatalf("Lint: %v, want ErrUnmentionedKind", err)
	}
	ps := problems(t, err)
	if len(ps) != 1 {
		t.Fatalf("Lint: %d problems, want 1: %v", len(ps), err)
	}
	if want := "events[0].kind"; ps[0].Path != want {
		t.Errorf("Lint path %q, want %q", ps[0].Path, want)
	}
	if want := `event kind "prisoners-exchanged" is mentioned by nothing in the agreement (did you mean "prisoner-exchange"?)`; ps[0].Msg != want {
		t.Errorf("Lint message\n got %s\nwant %s", ps[0].Msg, want)
	}

	err = e.LintClauses(tl)
	if !errors.Is(err, scenario.ErrNoFulfilment) {
		t.Fatalf("LintClauses: %v, want ErrNoFulfilment", err)
	}
	ps = problems(t, err)
	if len(ps) != 1 {
		t.Fatalf("LintClauses: %d problems, want 1 (the recurring duty is left alone): %v", len(ps), err)
	}
	if want := "clauses[2]"; ps[0].Path != want {
		t.Errorf("LintClauses path %q, want %q", ps[0].Path, want)
	}
	if want := `obligation "PX" is fulfilled by a "prisoner-exchange" event, which the timeline does not have (did you mean "prisoners-exchanged"?)`; ps[0].Msg != want {
		t.Errorf("LintClauses message\n got %s\nwant %s", ps[0].Msg, want)
	}
}

func TestLintClean(t *testing.T) {
	e := exchangeEngine(t)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		events []agreement.Event
	}{
		{"mentioned kinds", []agreement.Event{
			{At: start, Kind: "ceasefire-in-force"},
			{At: start.Add(time.Hour), Kind: "prisoner-exchange", Actor: "UA"},
			{At: start.Add(2 * time.Hour), Kind: "armed-attack", Actor: "RU", Target: "UA"},
		}},
		{"kinds the engine reads", []agreement.Event{
			{At: start, Kind: agreement.EventKindSigning, Actor: "UA"},
			{At: start.Add(time.Hour), Kind: "prisoner-exchange", Actor: "RU"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := scenario.NewTimeline(start, tt.events...)
			if err := tl.Lint(e); err != nil {
				t.Errorf("Lint: %v", err)
			}
			if err := e.LintClauses(tl); err != nil {
				t.Errorf("LintClauses: %v", err)
			}
		})
	}
}

func TestLintProcessPath(t *testing.T) {
	a, err := agreement.DecodeAgreement([]byte(exchangeAgreement))
	if err != nil {
		t.Fatal(err)
	}
	b := a.Clone()
	b.ID = "second"
	e, err := scenario.CompileProcess(agreement.Process{Title: "two", Agreements: []agreement.Agreement{a, b}})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tl := scenario.NewTimeline(start, agreement.Event{At: start, Kind: "unheard-of"})
	ps := problems(t, e.LintClauses(tl))
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
		if !errors.Is(p, scenario.ErrNoFulfilment) {
			t.Errorf("%s: %v does not wrap ErrNoFulfilment", p.Path, p)
		}
	}
	if len(paths) != 2 || paths[0] != "agreements[0].clauses[2]" || paths[1] != "agreements[1].clauses[2]" {
		t.Errorf("paths %q, want agreements[0].clauses[2] and agreements[1].clauses[2]", paths)
	}
	// A process document of one agreement still names its clauses by
	// their place in the process document.
	one, err := scenario.CompileProcess(agreement.Process{Agreements: []agreement.Agreement{a}})
	if err != nil {
		t.Fatal(err)
	}
	if ps := problems(t, one.LintClauses(tl)); len(ps) != 1 || ps[0].Path != "agreements[0].clauses[2]" {
		t.Errorf("one-agreement process: %v, want one problem at agreements[0].clauses[2]", ps)
	}
	ps = problems(t, tl.Lint(e))
	if len(ps) != 1 || ps[0].Msg != `event kind "unheard-of" is mentioned by nothing in the agreements` {
		t.Errorf("Lint: %v", ps)
	}
}

func TestLintZero(t *testing.T) {
	var zero scenario.Timeline
	for _, e := range []*scenario.Engine{nil, new(scenario.Engine)} {
		if err := zero.Lint(e); err == nil {
			t.Errorf("Lint(%p): nil error for no engine", e)
		}
		if err := e.LintClauses(zero); err == nil {
			t.Errorf("LintClauses(%p): nil error for no engine", e)
		}
	}
	e := exchangeEngine(t)
	if err := zero.Lint(e); err != nil {
		t.Errorf("zero Timeline: Lint: %v", err)
	}
	// The zero Timeline starts at the zero time, which no replay reaches:
	// LintClauses reports the replay's error.
	_, want := e.Replay(zero, time.Time{}.Add(agreement.Day))
	if err := e.LintClauses(zero); want == nil || err == nil || err.Error() != want.Error() {
		t.Errorf("zero Timeline: LintClauses: %v, want the replay's error %v", err, want)
	}
}

// An event is read against the texts in force at its instant: a kind only
// an amendment mentions is a warning before the amendment, not after.
func TestLintAmendment(t *testing.T) {
	a, err := agreement.DecodeAgreement([]byte(exchangeAgreement))
	if err != nil {
		t.Fatal(err)
	}
	amended := a.Clone()
	amended.Clauses = append(amended.Clauses, agreement.Clause{
		ID: "MAP", Text: "The parties exchange maps of minefields.", Kind: agreement.DeonticObligation,
		Debtors: []agreement.PartyID{"UA", "RU"}, Action: &agreement.Pattern{Kind: "minefield-maps-exchanged"},
	})
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tl := scenario.NewTimeline(start,
		agreement.Event{At: start.Add(time.Hour), Kind: "minefield-maps-exchanged", Actor: "UA"},
		agreement.Event{At: start.Add(48 * time.Hour), Kind: "minefield-maps-exchanged", Actor: "RU"},
	).WithAmendments(agreement.Amendment{At: start.Add(24 * time.Hour), Text: amended})
	if err := tl.Validate(e); err != nil {
		t.Fatal(err)
	}
	ps := problems(t, tl.Lint(e))
	if len(ps) != 1 || ps[0].Path != "events[0].kind" {
		t.Errorf("Lint: %v, want one warning at events[0].kind", ps)
	}
}

// Every event Lint warns about changes no transition: the timeline without
// them replays to the same transitions. No obligation LintClauses warns about
// is fulfilled by an event, and each instance it warns about is in effect at
// some point of the replay it reads.
func TestPropertyLint(t *testing.T) {
	var warnedEvents, warnedClauses int // the cases with warnings of each kind
	rapid.Check(t, func(t *rapid.T) {
		p := scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg := scenariotest.TimelineConfig{Unrelated: 30}
		drawn := scenariotest.Timeline(p, cfg).Draw(t, "timeline")
		// The events in the timeline's order, so that paths index them.
		var events []agreement.Event
		for _, ev := range drawn.Events() {
			events = append(events, ev)
		}
		tl := scenario.NewTimeline(drawn.Start(), events...)
		flagged := map[int]bool{}
		if err := tl.Lint(e); err != nil {
			for _, pr := range problems(t, err) {
				var i int
				if _, err := fmt.Sscanf(pr.Path, "events[%d].kind", &i); err != nil || !errors.Is(pr, scenario.ErrUnmentionedKind) {
					t.Fatalf("problem %v: path %q", pr, pr.Path)
				}
				flagged[i] = true
			}
		}
		if len(flagged) > 0 {
			warnedEvents++
		}
		var kept []agreement.Event
		for i, ev := range events {
			if !flagged[i] || ev.ID != "" {
				kept = append(kept, ev)
			}
		}
		want, err := e.Replay(tl, cfg.End())
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.Replay(scenario.NewTimeline(tl.Start(), kept...), cfg.End())
		if err != nil {
			t.Fatal(err)
		}
		scenariotest.AssertSameTransitions(t, want, got)

		err = e.LintClauses(tl)
		if err == nil {
			return
		}
		warnedClauses++
		// The replay LintClauses reads: to a day after the last event.
		end := tl.Start()
		if n := tl.Len(); n > 0 {
			end = tl.Event(n - 1).At
		}
		linted, rerr := e.Replay(tl, end.Add(agreement.Day))
		if rerr != nil {
			t.Fatal(rerr)
		}
		for _, pr := range problems(t, err) {
			var ai, ci int
			if _, err := fmt.Sscanf(pr.Path, "agreements[%d].clauses[%d]", &ai, &ci); err != nil {
				t.Fatalf("problem %v: path %q", pr, pr.Path)
			}
			a := p.Agreements[ai]
			inst := scenario.Instance{Ref: agreement.Ref{Agreement: a.ID, Clause: a.Clauses[ci].ID}}
			if _, rest, ok := strings.Cut(pr.Msg, `" of "`); ok {
				d, _, _ := strings.Cut(rest, `"`)
				inst.Debtor = agreement.PartyID(d)
			}
			// In effect at some point, or of an agreement the replay
			// never puts in force (whose obligations are all read).
			wasInEffect, agreementInForce := false, false
			for x := range linted.Transitions() {
				wasInEffect = wasInEffect || (x.Instance == inst && x.To == agreement.StateInEffect)
				agreementInForce = agreementInForce ||
					(x.Instance == scenario.Instance{Ref: agreement.AgreementRef(a.ID)} && x.To == agreement.StateInForce)
			}
			if !wasInEffect && agreementInForce {
				t.Fatalf("%s warned about, yet %v never in effect though its agreement was in force", pr.Path, inst)
			}
			for x := range want.Transitions() {
				if x.Instance.Ref == (agreement.Ref{Agreement: a.ID, Clause: a.Clauses[ci].ID}) && x.To == agreement.StateFulfilled &&
					x.Cause.Kind == scenario.CauseEvent {
					t.Fatalf("%s warned about, yet %v fulfilled at %v by %s", pr.Path, x.Instance, x.At, want.DescribeCause(x.Cause))
				}
			}
		}
	})
	if warnedEvents == 0 || warnedClauses == 0 {
		t.Errorf("%d cases with events warned about, %d with obligations: want some of each", warnedEvents, warnedClauses)
	}
}

// An obligation that never comes into effect over the replay (a guarantee
// whose trigger never happens) is not warned about; one in effect is, once
// per instance in effect, naming the instance's debtor when the clause is
// expanded per debtor.
func TestLintClausesInEffect(t *testing.T) {
	a := agreement.Agreement{
		ID: "guarantee", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "US"}, {ID: "GB"}},
		Clauses: []agreement.Clause{
			{ID: "SUP", Text: "The guarantors support Ukraine after an attack.", Kind: agreement.DeonticObligation,
				Debtors: []agreement.PartyID{"US", "GB"}, Action: &agreement.Pattern{Kind: "support-provided"},
				Antecedent: agreement.Happened(agreement.Pattern{Kind: "armed-attack"})},
		},
	}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		events []agreement.Event
		want   []string
	}{
		{"the ceasefire holds", []agreement.Event{{At: start.Add(24 * time.Hour), Kind: "talks-held"}}, nil},
		{"no event at all", nil, nil},
		{"an attack", []agreement.Event{{At: start.Add(24 * time.Hour), Kind: "armed-attack", Actor: "RU"}}, []string{
			`obligation "SUP" of "US" is fulfilled by a "support-provided" event, which the timeline does not have`,
			`obligation "SUP" of "GB" is fulfilled by a "support-provided" event, which the timeline does not have`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := e.LintClauses(scenario.NewTimeline(start, tt.events...))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("LintClauses: %v, want no warning", err)
				}
				return
			}
			var got []string
			for _, p := range problems(t, err) {
				if p.Path != "clauses[0]" || !errors.Is(p, scenario.ErrNoFulfilment) {
					t.Errorf("problem %v at %q", p, p.Path)
				}
				got = append(got, p.Msg)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("LintClauses messages %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLintClausesDraft checks that the obligations of an agreement the
// replay never puts in force (an unsigned draft) are all read, since no
// replay tells which would come into effect, while those of the same text
// signed are read only when in effect; and that a timeline ending within a
// day of the last representable instant is linted, not refused.
func TestLintClausesDraft(t *testing.T) {
	text := func(status agreement.SigningStatus) agreement.Agreement {
		return agreement.Agreement{
			ID: "guarantee", SigningStatus: status,
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "US"}},
			Clauses: []agreement.Clause{
				{ID: "SUP", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"},
					Action:     &agreement.Pattern{Kind: "support-provided"},
					Antecedent: agreement.Happened(agreement.Pattern{Kind: "armed-attack"})},
			},
		}
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tl := scenario.NewTimeline(start, agreement.Event{At: start.Add(24 * time.Hour), Kind: "talks-held"})
	const want = `obligation "SUP" is fulfilled by a "support-provided" event, which the timeline does not have`
	draft, err := scenario.Compile(text(agreement.SigningStatusUnspecified))
	if err != nil {
		t.Fatal(err)
	}
	if ps := problems(t, draft.LintClauses(tl)); len(ps) != 1 || ps[0].Msg != want {
		t.Errorf("draft: %v, want one problem %q", ps, want)
	}
	signed, err := scenario.Compile(text(agreement.SigningStatusSigned))
	if err != nil {
		t.Fatal(err)
	}
	if err := signed.LintClauses(tl); err != nil {
		t.Errorf("signed, the guarantee never in effect: %v, want no warning", err)
	}
	// An event within a day of the last instant: the replay ends there.
	_, last := agreement.InstantRange()
	late := scenario.NewTimeline(start, agreement.Event{At: last.Add(-time.Hour), Kind: "talks-held"})
	if ps := problems(t, draft.LintClauses(late)); len(ps) != 1 || ps[0].Msg != want {
		t.Errorf("late timeline: %v, want one problem %q", ps, want)
	}
}
