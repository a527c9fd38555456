package scenario_test

import (
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// oblastPact is an agreement among RU, UA and the UN with a territory of
// two areas, "donetsk" and "luhansk", and two clauses, CF1 and PX.
func oblastPact() agreement.Agreement {
	area := func(id agreement.AreaID) agreement.Area {
		return agreement.Area{ID: id, Size: decimal.RequireFromString("26517"),
			Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.RequireFromString("100")}},
			Control:     []agreement.Share{{Party: "RU", Percent: decimal.RequireFromString("100")}}}
	}
	return agreement.Agreement{
		ID:      "pact",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "UN"}},
		Clauses: []agreement.Clause{
			{ID: "CF1", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action: &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted}},
			{ID: "PX", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action: &agreement.Pattern{Kind: "prisoner-exchange"}},
		},
		Territory: agreement.Territory{Areas: []agreement.Area{area("donetsk"), area("luhansk")}},
	}
}

// problemTexts returns the text of each problem of err, a
// *agreement.ValidationError, in order; nil for nil.
func problemTexts(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T), want a *agreement.ValidationError", err, err)
	}
	out := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = p.Error()
	}
	return out
}

// An event's unknown party, agreement, clause or area names the id meant
// among those the engine declares, the same whatever the order of its
// maps.
func TestTimelineValidateSuggests(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	ev := func(edit func(*agreement.Event)) agreement.Event {
		e := agreement.Event{At: t0.Add(time.Hour), Kind: agreement.EventKindWithdrawalCompleted}
		edit(&e)
		return e
	}
	one := mustCompile(t, oblastPact())
	second := agreement.Agreement{ID: "accord", Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Clauses: []agreement.Clause{{ID: "TALKS", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
			Action: &agreement.Pattern{Kind: "talks-opened"}}}}
	two := mustCompileProcess(t, oblastPact(), second)
	tests := []struct {
		name string
		e    *scenario.Engine
		ev   agreement.Event
		want []string
	}{
		{"RUS for RU", one, ev(func(e *agreement.Event) { e.Actor = "RUS" }),
			[]string{`events[0].actor: unknown party "RUS" (did you mean "RU"?)`}},
		{"party in lower case", one, ev(func(e *agreement.Event) { e.Target = "ua" }),
			[]string{`events[0].target: unknown party "ua" (did you mean "UA"?)`}},
		{"a tie goes to the first id in order", one, ev(func(e *agreement.Event) { e.Reporter = "UR" }),
			[]string{`events[0].reporter: unknown party "UR" (did you mean "RU"?)`}},
		{"party near none", one, ev(func(e *agreement.Event) { e.Actor = "PL" }),
			[]string{`events[0].actor: unknown party "PL"`}},
		{"every party field", one, ev(func(e *agreement.Event) { e.Actor, e.Target, e.Reporter = "RUS", "UAA", "UNO" }),
			[]string{`events[0].actor: unknown party "RUS" (did you mean "RU"?)`,
				`events[0].target: unknown party "UAA" (did you mean "UA"?)`,
				`events[0].reporter: unknown party "UNO" (did you mean "UN"?)`}},
		{"clause of the only agreement", one, ev(func(e *agreement.Event) { e.Clause = agreement.LocalRef("CF2") }),
			[]string{`events[0].clause: unknown clause "CF2" (did you mean "CF1"?)`}},
		{"clause qualified", one, ev(func(e *agreement.Event) { e.Clause = agreement.QualifiedRef("pact", "PY") }),
			[]string{`events[0].clause: unknown clause "pact/PY" (did you mean "pact/PX"?)`}},
		{"clause among those of its agreement only", two,
			ev(func(e *agreement.Event) { e.Clause = agreement.QualifiedRef("accord", "CF1") }),
			[]string{`events[0].clause: unknown clause "accord/CF1"`}},
		{"clause of the second agreement", two,
			ev(func(e *agreement.Event) { e.Clause = agreement.QualifiedRef("accord", "TALK") }),
			[]string{`events[0].clause: unknown clause "accord/TALK" (did you mean "accord/TALKS"?)`}},
		{"agreement", two, ev(func(e *agreement.Event) { e.Clause = agreement.QualifiedRef("pakt", "CF1") }),
			[]string{`events[0].clause: unknown agreement "pakt" (did you mean "pact"?)`}},
		{"agreement near none", two, ev(func(e *agreement.Event) { e.Clause = agreement.AgreementRef("minsk") }),
			[]string{`events[0].clause: unknown agreement "minsk"`}},
		{"area", one, ev(func(e *agreement.Event) { e.Area = "donetks" }),
			[]string{`events[0].area: unknown area "donetks" (did you mean "donetsk"?)`}},
		{"area near none", one, ev(func(e *agreement.Event) { e.Area = "crimea" }),
			[]string{`events[0].area: unknown area "crimea"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := scenario.NewTimeline(t0, tt.ev)
			// Maps iterate in a new order each time: the answer must not
			// depend on it.
			for range 10 {
				if diff := cmp.Diff(tt.want, problemTexts(t, tl.Validate(tt.e))); diff != "" {
					t.Fatalf("Timeline.Validate (-want +got):\n%s", diff)
				}
			}
			r, err := tt.e.Start(t0)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, "event"+w[len("events[0]"):])
			}
			if diff := cmp.Diff(want, problemTexts(t, r.Apply(tt.ev))); diff != "" {
				t.Errorf("Run.Apply (-want +got):\n%s", diff)
			}
		})
	}
}

// An event is checked against the texts in force at its instant: a party
// an amendment adds is suggested for events after it, not before.
func TestTimelineValidateSuggestsAfterAmendment(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	e := mustCompile(t, oblastPact())
	amended := oblastPact()
	amended.Parties = append(amended.Parties, agreement.Party{ID: "OSCE"})
	tl := scenario.NewTimeline(t0,
		agreement.Event{At: t0.Add(time.Hour), Kind: "patrol-report", Actor: "OSC"},
		agreement.Event{At: t0.Add(3 * time.Hour), Kind: "patrol-report", Actor: "OSC"},
		agreement.Event{At: t0.Add(4 * time.Hour), Kind: "patrol-report", Actor: "RUS"},
	).WithAmendments(agreement.Amendment{At: t0.Add(2 * time.Hour), Text: amended})
	want := []string{
		`events[0].actor: unknown party "OSC"`,
		`events[1].actor: unknown party "OSC" (did you mean "OSCE"?)`,
		`events[2].actor: unknown party "RUS" (did you mean "RU"?)`,
	}
	if diff := cmp.Diff(want, problemTexts(t, tl.Validate(e))); diff != "" {
		t.Errorf("Timeline.Validate (-want +got):\n%s", diff)
	}
}

// Past the budget of comparisons of one validation, unknown parties are
// still reported, without a suggestion.
func TestTimelineValidateSuggestBudget(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	a := oblastPact()
	for i := range 3000 {
		a.Parties = append(a.Parties, agreement.Party{ID: agreement.PartyID("P" + string(rune('A'+i%26)) +
			string(rune('A'+i/26%26)) + string(rune('A'+i/676)))})
	}
	e := mustCompile(t, a)
	evs := make([]agreement.Event, 200)
	for i := range evs {
		evs[i] = agreement.Event{At: t0.Add(time.Hour), Kind: "k", Actor: "RUS"}
	}
	got := problemTexts(t, scenario.NewTimeline(t0, evs...).Validate(e))
	if len(got) != len(evs) {
		t.Fatalf("%d problems, want %d", len(got), len(evs))
	}
	// 3003 candidates each, and listing them once counts as comparing
	// them: the budget of 2^18 covers 86 suggestions.
	const covered = (1<<18)/3003 - 1
	for i, p := range got {
		want := `events[` + strconv.Itoa(i) + `].actor: unknown party "RUS"`
		if i < covered {
			want += ` (did you mean "RU"?)`
		}
		if p != want {
			t.Fatalf("problem %d: %q, want %q", i, p, want)
		}
	}
}
