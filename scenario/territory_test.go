package scenario_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

func pct(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func shares(pairs ...any) []agreement.Share {
	var out []agreement.Share
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, agreement.Share{Party: agreement.PartyID(pairs[i].(string)), Percent: pct(pairs[i+1].(string))})
	}
	return out
}

// territorial returns an unsigned agreement over two areas with a withdrawal,
// a referendum and an arbitration, and the clauses they imply.
func territorial(t *testing.T) agreement.Agreement {
	t.Helper()
	a := agreement.Agreement{
		ID:      "land",
		Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "PCA"}},
		Territory: agreement.Territory{Areas: []agreement.Area{
			{ID: "north", Size: pct("1000"), Sovereignty: shares("UA", "100"), Control: shares("RU", "60", "UA", "40")},
			{ID: "south", Size: pct("3000"), Sovereignty: shares("UA", "100"), Control: shares("RU", "100")},
			{ID: "east", Size: pct("500"), Sovereignty: shares("UA", "100"), Control: shares("RU", "100")},
		}},
		Options: []agreement.Option{
			{ID: "wd", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"north"}, From: "RU", To: "UA",
				Deadline: agreement.Deadline{After: 30 * agreement.Day}},
			{ID: "vote", Kind: agreement.OptionKindReferendum, Areas: []agreement.AreaID{"south"}, Party: "UA",
				Results: []agreement.Result{{Outcome: "join-ru", Sovereign: "RU"}, {Outcome: "stay"}}},
			{ID: "arb", Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"east"}, Party: "PCA",
				Deadline: agreement.Deadline{After: 60 * agreement.Day}, Results: []agreement.Result{{Outcome: "RU", Sovereign: "RU"}},
				Lapse: agreement.LapseFollowControl},
		},
	}
	st, err := a.Settle()
	if err != nil {
		t.Fatal(err)
	}
	a.Clauses = append(a.Clauses, st.Clauses...)
	return a
}

func controlled(t *testing.T, tr *scenario.Trace, p agreement.PartyID, area agreement.AreaID, at time.Time) string {
	t.Helper()
	terr, err := tr.Territory("", at)
	if err != nil {
		t.Fatal(err)
	}
	f, err := terr.Controlled(p, area)
	if err != nil {
		t.Fatal(err)
	}
	return f.Km2.String()
}

func sovereign(t *testing.T, tr *scenario.Trace, p agreement.PartyID, area agreement.AreaID, at time.Time) string {
	t.Helper()
	terr, _ := tr.Territory("", at)
	f, err := terr.Sovereign(p, area)
	if err != nil {
		t.Fatal(err)
	}
	return f.Km2.String()
}

func TestTerritoryDuringReplay(t *testing.T) {
	d := func(n int) time.Time { return t0.Add(time.Duration(n) * agreement.Day) }
	five := agreement.Quantity{Value: pct("5"), Unit: agreement.UnitPercent}
	e, tr := replay(t, territorial(t), t0, d(100),
		agreement.Event{At: d(1), Kind: agreement.EventKindControlChanged, Actor: "RU", Target: "UA", Area: "north",
			Quantities: []agreement.Quantity{five}},
		agreement.Event{At: d(2), Kind: agreement.EventKindControlChanged, Actor: "UA", Target: "RU", Area: "north",
			Quantities: []agreement.Quantity{{Value: pct("90"), Unit: agreement.UnitPercent}}}, // RU holds only 65%
		agreement.Event{At: d(3), Kind: agreement.EventKindSigning, Actor: "UA"},
		agreement.Event{At: d(4), Kind: agreement.EventKindReferendumHeld, Actor: "UA", Area: "south", Outcome: "join-ru"},
		agreement.Event{At: d(10), Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU", Area: "north"},
	)
	for _, c := range []struct {
		name string
		got  string
		want string
	}{
		{"RU control of north at start", controlled(t, tr, "RU", "north", d(0)), "600"},
		{"after RU takes 5% more", controlled(t, tr, "RU", "north", d(1)), "650"},
		{"after an impossible change", controlled(t, tr, "RU", "north", d(2)), "650"},
		{"in force, withdrawal pending", controlled(t, tr, "RU", "north", d(9)), "650"},
		{"after the withdrawal", controlled(t, tr, "RU", "north", d(10)), "0"},
		{"UA control of north after", controlled(t, tr, "UA", "north", d(10)), "1000"},
		{"south before the vote", sovereign(t, tr, "RU", "south", d(3)), "0"},
		{"south after the vote", sovereign(t, tr, "RU", "south", d(4)), "3000"},
		{"east before the award lapses", sovereign(t, tr, "RU", "east", d(62)), "0"},
		{"east after the award lapses: follows control", sovereign(t, tr, "RU", "east", d(63)), "500"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s km², want %s", c.name, c.got, c.want)
		}
	}
	rej := tr.Rejections()
	if len(rej) != 1 || rej[0].Event != 1 || !errors.Is(rej[0].Err, agreement.ErrInvalidValue) {
		t.Errorf("rejections = %+v, want the impossible control change (event 1)", rej)
	}
	award, _ := e.Instance(agreement.LocalRef(agreement.ImpliedClauseID("arb", "award", "east")), "")
	if s, _ := tr.State(award, d(63)); s != agreement.StateViolated {
		t.Errorf("award clause at day 63: %s, want violated", s)
	}
	if _, err := tr.Territory("nope", d(1)); err == nil {
		t.Error("Territory of an unknown agreement gave no error")
	}
}

func TestTimelineJSON(t *testing.T) {
	tl := scenario.NewTimeline(t0,
		agreement.Event{At: h(2), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"},
		agreement.Event{At: h(1), Kind: agreement.EventKindControlChanged, Actor: "RU", Area: "north",
			Quantities: []agreement.Quantity{{Value: pct("5"), Unit: agreement.UnitPercent}}},
	)
	data, err := tl.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := scenario.DecodeTimeline(data)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Start().Equal(tl.Start()) || back.Len() != 2 || back.Event(0).Kind != agreement.EventKindControlChanged ||
		!back.Event(0).Quantities[0].Equal(tl.Event(0).Quantities[0]) {
		t.Errorf("round trip: %s", data)
	}
	if _, err := scenario.DecodeTimeline([]byte(`{"schema":1,"events":[]}`)); err == nil {
		t.Error("a timeline without a start decoded")
	}
}

// TestTimelineSortIsStable puts many events at each of a few instants, in an
// order that sorting by instant alone would not keep, and checks that events
// of one instant keep the order they were given in.
func TestTimelineSortIsStable(t *testing.T) {
	var evs []agreement.Event
	for i := range 120 {
		evs = append(evs, agreement.Event{At: h(3 - i%3), Kind: agreement.EventKindArmedAttack,
			Outcome: fmt.Sprintf("%03d", i)})
	}
	tl := scenario.NewTimeline(t0, evs...)
	last := map[time.Time]string{}
	for _, ev := range tl.Events() {
		if prev, ok := last[ev.At]; ok && ev.Outcome < prev {
			t.Fatalf("at %s: event %s after %s: same-instant events were reordered", ev.At, ev.Outcome, prev)
		}
		last[ev.At] = ev.Outcome
	}
	for i := 1; i < tl.Len(); i++ {
		if tl.Event(i).At.Before(tl.Event(i - 1).At) {
			t.Fatalf("events %d and %d out of instant order", i-1, i)
		}
	}
}
