package ceasefire_test

import (
	"bytes"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/ceasefire"
	"github.com/peacekit/peacekit/scenario"
)

// replayClause replays the ceasefire's events over an agreement holding one
// clause, a standing prohibition of armed attacks by the ceasefire's actors,
// in effect from the ceasefire's in-force event and expiring at its ended
// event, and returns the clause's state at the end of coverage.
func replayClause(t *testing.T, c ceasefire.Ceasefire) agreement.State {
	t.Helper()
	actors := c.Actors()
	first := c.Declared
	if c.Start.Before(first) {
		first = c.Start
	}
	a := agreement.Agreement{ID: "cf", Title: "Ceasefire " + c.Location, SigningStatus: agreement.SigningStatusSigned}
	for _, id := range actors {
		a.Parties = append(a.Parties, agreement.Party{ID: id})
	}
	a.Clauses = []agreement.Clause{{
		ID: "hold", Kind: agreement.DeonticProhibition, Standing: true, Debtors: actors, Joint: len(actors) > 1,
		Action:  &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: agreement.Debtor},
		Trigger: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}),
		Expiry:  agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: ceasefire.EventKindCeasefireEnded})},
	}}
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatalf("ceasefire %d: %v", c.ID, err)
	}
	tl := scenario.NewTimeline(first, c.Events()...)
	if err := tl.Validate(e); err != nil {
		t.Fatalf("ceasefire %d: %v", c.ID, err)
	}
	end := ceasefire.CoverageEnd
	if end.Before(first) {
		end = first
	}
	tr, err := e.Replay(tl, end)
	if err != nil {
		t.Fatalf("ceasefire %d: %v", c.ID, err)
	}
	inst, _ := e.Instance(agreement.LocalRef("hold"), "")
	st, since, err := tr.StateSince(inst, end)
	if err != nil {
		t.Fatalf("ceasefire %d: %v", c.ID, err)
	}
	if st == agreement.StateFulfilled && !since.Equal(c.End) {
		t.Errorf("ceasefire %d: clause expired at %v, the ceasefire ended at %v", c.ID, since, c.End)
	}
	return st
}

// checkReplays replays every ceasefire with a duration: the clause expires
// for exactly the ceasefires whose observation is an event, and is still in
// effect for the censored ones. It returns the counts.
func checkReplays(t *testing.T, data []byte) (ended, inEffect int) {
	t.Helper()
	for c, err := range ceasefire.ReadCeasefires(bytes.NewReader(data)) {
		if err != nil {
			t.Fatal(err)
		}
		o, ok := c.Observation()
		if !ok {
			continue
		}
		st := replayClause(t, c)
		switch {
		case o.Event && st == agreement.StateFulfilled:
			ended++
		case !o.Event && st == agreement.StateInEffect:
			inEffect++
		default:
			t.Errorf("ceasefire %d (%v, %v days): clause %v at the end of coverage", c.ID, c.Status, o.Time, st)
		}
	}
	return ended, inEffect
}

// TestReplayFixture replays the fixture's ceasefires with package scenario.
func TestReplayFixture(t *testing.T) {
	ended, inEffect := checkReplays(t, readFixture(t))
	if ended != 3 || inEffect != 1 {
		t.Errorf("%d clauses expired and %d in effect, want 3 and 1", ended, inEffect)
	}
}

// TestRealReplay replays every real ceasefire with a duration: 1,298
// clauses expire at the recorded end, 748 are still in effect at the end of
// coverage, the Kaplan-Meier events and censorings.
func TestRealReplay(t *testing.T) {
	data := realFile(t, envCeasefires, "ceasefires.csv")
	ended, inEffect := checkReplays(t, data)
	if ended != 1298 || inEffect != 748 {
		t.Errorf("%d clauses expired and %d in effect, want 1298 and 748", ended, inEffect)
	}
}
