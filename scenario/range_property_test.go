package scenario_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// decodable bounds the instants the decoders accept: the years 0001 to 9999.
var (
	firstDecodable = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDecodable  = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
)

// nearOffsets are the distances at which an instant is drawn around an
// anchor.
var nearOffsets = []time.Duration{0, time.Nanosecond, time.Microsecond, time.Second, time.Hour, 24 * time.Hour,
	365 * 24 * time.Hour, 100 * 365 * 24 * time.Hour}

// drawInstant draws an instant the decoders accept: anywhere in the years
// 0001 to 9999, or at or around one of the anchors (the edges of
// agreement.InstantRange among them).
func drawInstant(t *rapid.T, label string, anchors ...time.Time) time.Time {
	first, last := agreement.InstantRange()
	anchors = append(anchors, first, last)
	if rapid.Bool().Draw(t, label+"-uniform") {
		s := rapid.Int64Range(firstDecodable.Unix(), lastDecodable.Unix()).Draw(t, label+"-sec")
		return notZero(time.Unix(s, rapid.Int64Range(0, 999999999).Draw(t, label+"-ns")).UTC())
	}
	x := rapid.SampledFrom(anchors).Draw(t, label+"-anchor")
	d := rapid.SampledFrom(nearOffsets).Draw(t, label+"-offset")
	if rapid.Bool().Draw(t, label+"-before") {
		d = -d
	}
	if y := x.Add(d); !y.Before(firstDecodable) && !y.After(lastDecodable) {
		x = y
	}
	return notZero(x)
}

// notZero returns x, or the instant after it for the zero time.Time, which
// stands for "none" in a deadline or an expiry.
func notZero(x time.Time) time.Time {
	if x.IsZero() {
		return x.Add(time.Nanosecond)
	}
	return x
}

// drawWindow draws a trace's start and end within agreement.InstantRange:
// in 2026, or against either edge of the range.
func drawWindow(t *rapid.T) (start, end time.Time) {
	first, last := agreement.InstantRange()
	span := time.Duration(rapid.Int64Range(0, int64(10*365*24*time.Hour)).Draw(t, "span"))
	switch rapid.IntRange(0, 2).Draw(t, "window") {
	case 0:
		start = first.Add(time.Duration(rapid.Int64Range(0, int64(time.Hour)).Draw(t, "from-first")))
		return start, start.Add(span)
	case 1:
		end = last.Add(-time.Duration(rapid.Int64Range(0, int64(time.Hour)).Draw(t, "to-last")))
		return end.Add(-span), end
	}
	return t0, t0.Add(span)
}

// between draws an instant from lo to hi.
func between(t *rapid.T, label string, lo, hi time.Time) time.Time {
	return lo.Add(time.Duration(rapid.Int64Range(0, int64(hi.Sub(lo))).Draw(t, label)))
}

// For every instant the decoders accept, an absolute deadline or expiry
// there, or a query there, behaves as a time.Time reference computation
// says, around the edges of agreement.InstantRange too; a deadline or
// expiry outside the range may instead be rejected by Compile with its path.
func TestPropertyInstantsNeverWrap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start, end := drawWindow(t)
		switch rapid.SampledFrom([]string{"deadline", "expiry", "query", "eval"}).Draw(t, "what") {
		case "deadline", "expiry":
			x := drawInstant(t, "limit", start, end)
			var a agreement.Agreement
			want := agreement.StateDischarged
			path := "clauses[0].expiry"
			if rapid.Bool().Draw(t, "is-deadline") {
				a, want, path = limitAgreement(agreement.Deadline{At: x}, agreement.Deadline{}), agreement.StateViolated, "clauses[0].deadline"
			} else {
				a = limitAgreement(agreement.Deadline{}, agreement.Deadline{At: x})
			}
			checkLimit(t, a, path, x, start, end, want)
		case "query":
			checkQuery(t, start, end)
		case "eval":
			checkEval(t, start, end)
		}
	})
}

// checkLimit replays a (one obligation in effect from start, with a limit
// at x) and checks that it moved to want at max(x, start) if that is not
// after end, and is in effect otherwise.
func checkLimit(t *rapid.T, a agreement.Agreement, path string, x, start, end time.Time, want agreement.State) {
	e, err := scenario.Compile(a)
	if err != nil {
		var ve *agreement.ValidationError
		if agreement.InstantInRange(x) || !errors.As(err, &ve) {
			t.Fatalf("Compile with a limit at %v: %v", x, err)
		}
		for _, p := range ve.Problems {
			if p != nil && strings.HasPrefix(p.Path, path) && errors.Is(p.Err, agreement.ErrInvalidValue) {
				return
			}
		}
		t.Fatalf("Compile with a limit at %v: %v, want an invalid-value problem under %s", x, err, path)
	}
	tr, err := e.Replay(scenario.NewTimeline(start), end)
	if err != nil {
		t.Fatal(err)
	}
	moves := x
	if moves.Before(start) {
		moves = start
	}
	var got []scenario.Transition
	for tr := range tr.Transitions() {
		if !tr.Instance.IsAgreement() && tr.To != agreement.StateInEffect {
			got = append(got, tr)
		}
	}
	switch {
	case moves.After(end):
		if len(got) != 0 {
			t.Fatalf("limit at %v after the end %v: transitions %v", x, end, got)
		}
	case len(got) != 1 || got[0].To != want || !got[0].At.Equal(moves):
		t.Fatalf("limit at %v (start %v): transitions %v, want %s at %v", x, start, got, want, moves)
	}
}

// checkQuery replays a ceasefire at an instant of the window and queries the
// trace at a drawn instant.
func checkQuery(t *rapid.T, start, end time.Time) {
	a := base(agreement.Clause{ID: "C", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
		Action: &agreement.Pattern{Kind: "aid-delivered"}, Trigger: agreement.Holds("ceasefire")})
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	cf := between(t, "ceasefire", start, end)
	tr, err := e.Replay(scenario.NewTimeline(start, ev(cf, agreement.EventKindCeasefireInForce, "UA")), end)
	if err != nil {
		t.Fatal(err)
	}
	x := drawInstant(t, "query", start, end, cf)
	inst, _ := e.Instance(agreement.LocalRef("C"), "")
	holds := !x.Before(cf)
	want := agreement.StateDormant
	if holds {
		want = agreement.StateInEffect
	}
	if s, err := tr.State(inst, x); err != nil || s != want {
		t.Fatalf("State(C, %v) = %s, %v; want %s (ceasefire at %v)", x, s, err, want, cf)
	}
	if s, since, err := tr.StateSince(inst, x); err != nil || s != want || holds != !since.IsZero() || holds && !since.Equal(cf) {
		t.Fatalf("StateSince(C, %v) = %s, %v, %v; want %s (ceasefire at %v)", x, s, since, err, want, cf)
	}
	if ok, err := tr.FluentHolds("", "ceasefire", x); err != nil || ok != holds {
		t.Fatalf("FluentHolds(ceasefire, %v) = %t, %v; want %t (ceasefire at %v)", x, ok, err, holds, cf)
	}
	if ss, err := tr.Standings(x); err != nil || ss[1].State != want {
		t.Fatalf("Standings(%v) = %v, %v; want C %s", x, ss, err, want)
	}
	if _, err := tr.Territory("", x); err != nil {
		t.Fatalf("Territory(%v): %v", x, err)
	}
	outside := x.Before(start) || x.After(end)
	if xp, err := tr.Explain(inst, x); outside != (err != nil) || err == nil && xp.State != want {
		t.Fatalf("Explain(C, %v) = %v, %v; outside the trace %t, want %s", x, xp, err, outside, want)
	}
}

// checkEval evaluates Within and Since, over an event in the window, at a
// drawn instant.
func checkEval(t *rapid.T, start, end time.Time) {
	d := time.Duration(rapid.Int64Range(1, 1<<63-1).Draw(t, "duration"))
	p := agreement.Pattern{Kind: "aid-delivered"}
	evr, err := scenario.NewEvaluator(agreement.Agreement{ID: "A", Parties: []agreement.Party{{ID: "UA"}}},
		agreement.Within(p, d), agreement.Since(p, d))
	if err != nil {
		t.Fatal(err)
	}
	hist := evr.NewHistory()
	at := between(t, "event", start, end)
	if err := hist.Add(agreement.Event{At: at, Kind: "aid-delivered"}); err != nil {
		t.Fatal(err)
	}
	turn := at.Add(d)
	x := drawInstant(t, "eval", at, turn, start, end)
	if got, want := evr.Eval(0, hist, x), x.Before(turn); got != want {
		t.Fatalf("Within(%v) over an event at %v, at %v = %t, want %t", d, at, x, got, want)
	}
	if got, want := evr.Eval(1, hist, x), !x.Before(turn); got != want {
		t.Fatalf("Since(%v) over an event at %v, at %v = %t, want %t", d, at, x, got, want)
	}
}
