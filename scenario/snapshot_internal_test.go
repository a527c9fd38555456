package scenario

import (
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// TestStartSnapshotTaken checks when an engine keeps a snapshot of a
// start instant: the second time a run of a recording closes that start
// with nothing at it, not for a start with an event, and per recording.
func TestStartSnapshotTaken(t *testing.T) {
	e, err := Compile(agreementtest.Workload())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC)
	ev := agreement.Event{At: start.Add(time.Hour), Kind: agreement.EventKindCeasefireDeclared}
	replay := func(tl Timeline) {
		t.Helper()
		if _, err := e.Replay(tl, start.Add(48*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	snap := func(rec Recording) *startSnap { return e.starts.snap[rec].Load() }

	// An event at the start: the start is never plain.
	atStart := NewTimeline(start, agreement.Event{At: start, Kind: agreement.EventKindCeasefireDeclared})
	for range 3 {
		replay(atStart)
	}
	if s := snap(RecordTrace); s != nil {
		t.Fatalf("a snapshot of a start with an event: %+v", s)
	}

	plain := NewTimeline(start, ev)
	replay(plain)
	if s := snap(RecordTrace); s != nil {
		t.Fatal("a snapshot after one replay from the start")
	}
	replay(plain)
	s := snap(RecordTrace)
	if s == nil || s.start != start.UnixNano() || !s.r.started || s.r.now != s.start {
		t.Fatalf("after two replays from the start, snapshot %+v", s)
	}
	if snap(RecordStates) != nil {
		t.Fatal("a snapshot for the recording of states, which no run used")
	}
	// A run recording states takes its own.
	r, err := e.Start(start)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetRecording(RecordStates); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := r.Replay(plain, start.Add(48*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if s := snap(RecordStates); s == nil || s.r.rec != RecordStates {
		t.Fatalf("after two replays recording states, snapshot %+v", s)
	}
	// Another start: the snapshot of the first stays until the second is
	// seen twice.
	later := NewTimeline(start.Add(time.Minute), ev)
	replay(later)
	if snap(RecordTrace) != s {
		t.Fatal("one replay from another start replaced the snapshot")
	}
	replay(later)
	if got := snap(RecordTrace); got == s || got.start != start.Add(time.Minute).UnixNano() {
		t.Fatal("two replays from another start kept the old snapshot")
	}
}
