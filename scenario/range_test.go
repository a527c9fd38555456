package scenario_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// farInstants are instants outside agreement.InstantRange, on both sides,
// whose Unix nanoseconds wrap.
var (
	farPast   = []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1677, 9, 21, 0, 0, 0, 0, time.UTC)}
	farFuture = []time.Time{time.Date(2262, 4, 12, 0, 0, 0, 0, time.UTC), time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)}
)

// Queries at instants outside agreement.InstantRange give the initial state
// before the range and the state at the end after it, never a wrapped
// instant's.
func TestQueriesOutsideInstantRange(t *testing.T) {
	a := base(agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
		Action: &agreement.Pattern{Kind: "aid-delivered"}, Trigger: agreement.Holds("ceasefire")})
	e, tr := replay(t, a, t0, h(10), ev(h(1), agreement.EventKindCeasefireInForce, "UA"))
	c := instanceOf(t, e, "C")
	for _, at := range farFuture {
		if s, err := tr.State(c, at); err != nil || s != agreement.StateInEffect {
			t.Errorf("State(C, %v) = %s, %v; want in-effect", at, s, err)
		}
		if s, since, err := tr.StateSince(c, at); err != nil || s != agreement.StateInEffect || !since.Equal(h(1)) {
			t.Errorf("StateSince(C, %v) = %s, %v, %v; want in-effect since %v", at, s, since, err, h(1))
		}
		if ok, err := tr.FluentHolds("", "ceasefire", at); err != nil || !ok {
			t.Errorf("FluentHolds(ceasefire, %v) = %t, %v; want true", at, ok, err)
		}
		if ss, err := tr.Standings(at); err != nil || ss[1].State != agreement.StateInEffect {
			t.Errorf("Standings(%v) = %v, %v; want C in effect", at, ss, err)
		}
		if _, err := tr.Explain(c, at); err == nil {
			t.Errorf("Explain(C, %v): no error for an instant after the trace", at)
		}
	}
	for _, at := range farPast {
		if s, err := tr.State(c, at); err != nil || s != agreement.StateDormant {
			t.Errorf("State(C, %v) = %s, %v; want dormant", at, s, err)
		}
		if s, since, err := tr.StateSince(c, at); err != nil || s != agreement.StateDormant || !since.IsZero() {
			t.Errorf("StateSince(C, %v) = %s, %v, %v; want dormant since zero", at, s, since, err)
		}
		if ok, err := tr.FluentHolds("", "ceasefire", at); err != nil || ok {
			t.Errorf("FluentHolds(ceasefire, %v) = %t, %v; want false", at, ok, err)
		}
		if _, err := tr.Explain(c, at); err == nil {
			t.Errorf("Explain(C, %v): no error for an instant before the trace", at)
		}
	}
}

func TestTerritoryOutsideInstantRange(t *testing.T) {
	a := territorial(t)
	a.Clauses = nil
	a.Options = nil
	half := agreement.Quantity{Value: pct("50"), Unit: agreement.UnitPercent}
	_, tr := replay(t, a, t0, h(10), agreement.Event{At: h(1), Kind: agreement.EventKindControlChanged,
		Actor: "UA", Target: "RU", Area: "south", Quantities: []agreement.Quantity{half}})
	for _, at := range farFuture {
		if got := controlled(t, tr, "UA", "south", at); got != "1500" {
			t.Errorf("UA controls %s km2 of south at %v, want 1500 (as at the end)", got, at)
		}
	}
	for _, at := range farPast {
		if got := controlled(t, tr, "UA", "south", at); got != "0" {
			t.Errorf("UA controls %s km2 of south at %v, want 0 (as stated)", got, at)
		}
	}
}

// Within and Since compare an Eval instant outside agreement.InstantRange
// with the events' instants exactly.
func TestEvalOutsideInstantRange(t *testing.T) {
	const century = 100 * 365 * 24 * time.Hour
	p := agreement.Pattern{Kind: "aid-delivered"}
	a := agreement.Agreement{ID: "A", Parties: []agreement.Party{{ID: "UA"}}}
	ev, err := scenario.NewEvaluator(a, agreement.Within(p, century), agreement.Since(p, century))
	if err != nil {
		t.Fatal(err)
	}
	hist := ev.NewHistory()
	at := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := hist.Add(agreement.Event{At: at, Kind: "aid-delivered"}); err != nil {
		t.Fatal(err)
	}
	turn := at.Add(century)
	for _, c := range []struct {
		at                time.Time
		within, sinceWant bool
	}{
		{turn.Add(-time.Nanosecond), true, false},
		{turn, false, true},
		{turn.Add(time.Nanosecond), false, true},
		{time.Date(2290, 1, 1, 0, 0, 0, 0, time.UTC), true, false},
		{time.Date(2310, 1, 1, 0, 0, 0, 0, time.UTC), false, true},
		{time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), false, true},
		{time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), true, false},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), true, false},
	} {
		if got := ev.Eval(0, hist, c.at); got != c.within {
			t.Errorf("Within at %v = %t, want %t", c.at, got, c.within)
		}
		if got := ev.Eval(1, hist, c.at); got != c.sinceWant {
			t.Errorf("Since at %v = %t, want %t", c.at, got, c.sinceWant)
		}
	}
}

// limitAgreement returns a signed agreement with one obligation in effect
// from the start, with the given deadline and expiry.
func limitAgreement(deadline, expiry agreement.Deadline) agreement.Agreement {
	return base(agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
		Action: &agreement.Pattern{Kind: "aid-delivered"}, Deadline: deadline, Expiry: expiry})
}

// An absolute deadline or expiry outside agreement.InstantRange is rejected
// by Compile with its path, never replayed wrongly.
func TestLimitsOutsideInstantRange(t *testing.T) {
	at := func(y int) agreement.Deadline {
		return agreement.Deadline{At: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}
	}
	for _, c := range []struct {
		name             string
		deadline, expiry agreement.Deadline
		path             string
	}{
		{"deadline 2300", at(2300), agreement.Deadline{}, "clauses[0].deadline.at"},
		{"deadline 1600", at(1600), agreement.Deadline{}, "clauses[0].deadline.at"},
		{"expiry 9999", agreement.Deadline{}, at(9999), "clauses[0].expiry.at"},
		{"expiry 1600", agreement.Deadline{}, at(1600), "clauses[0].expiry.at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := limitAgreement(c.deadline, c.expiry)
			_, err := scenario.Compile(a)
			checkProblemAt(t, err, c.path, agreement.ErrInvalidValue)
		})
	}
}

// checkProblemAt fails t unless err is an *agreement.ValidationError with a
// problem under path wrapping sentinel.
func checkProblemAt(t testing.TB, err error, path string, sentinel error) {
	t.Helper()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *agreement.ValidationError", err, err)
	}
	for _, p := range ve.Problems {
		if p != nil && strings.HasPrefix(p.Path, path) && errors.Is(p.Err, sentinel) {
			return
		}
	}
	t.Fatalf("no %v problem under %q in %v", sentinel, path, err)
}
