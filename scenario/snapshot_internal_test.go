package scenario

import (
	"reflect"
	"testing"
	"time"

	"pgregory.net/rapid"

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

// restored is what restore sets in a run, for comparison.
type restored struct {
	Now                                        int64
	FluentVal                                  []bool
	FluentEv, AgrTrans, ClauseTrans, InstTrans []int32
	AgrState, InstSt                           []agreement.State
	Counts                                     [][numStates]int32
	InstSince                                  []int64
	Inst                                       []instState
	Agr                                        []agrState
	Timers                                     timerHeap
	Log                                        []transition
	Parts                                      []decisionPart
	Recs                                       []nodeRecord
	Flog                                       []fluentChange
	Blog                                       []breach
	Terr                                       []terrVal
	TerrAsStated, Gates                        []bool
	Moves, LastMoveN                           int
	LastMoveAt                                 int64
}

// elems returns the elements of h, nil for none.
func elems[T any](h *hist[T]) []T {
	if h.len() == 0 {
		return nil
	}
	return h.flat()
}

func restoredOf(r *Run) restored {
	return restored{Now: r.now, FluentVal: r.fluentVal, FluentEv: r.fluentEv, AgrTrans: r.agrTrans,
		ClauseTrans: r.clauseTrans, InstTrans: r.instTrans, AgrState: r.agrState, InstSt: r.instSt, Counts: r.counts,
		InstSince: r.instSince, Inst: r.inst, Agr: r.agr, Timers: r.timers, Log: elems(&r.log), Parts: elems(&r.parts),
		Recs: elems(&r.recs), Flog: elems(&r.flog), Blog: elems(&r.blog), Terr: r.terr, TerrAsStated: r.terrAsStated,
		Gates: r.gates, Moves: r.moves, LastMoveN: r.lastMoveN, LastMoveAt: r.lastMoveAt}
}

// TestPropertyPrivateSnapshotRestoresTheSame checks that a run restoring
// its start from a copy of the engine's snapshot of its own (see
// Run.ownSnap), in blocks of whole lines or in pages (see place), ends in
// the state a run restoring from the engine's own snapshot does, for
// every recording, and that making the copy leaves the engine's snapshot
// as it was.
func TestPropertyPrivateSnapshotRestoresTheSame(t *testing.T) {
	start := time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC)
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.DefaultConfig()).Draw(t, "agreement")
		e, err := Compile(a)
		if err != nil {
			t.Skip("not compiled:", err)
		}
		for _, rec := range []Recording{RecordTrace, RecordStates} {
			r, err := e.Start(start)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.SetRecording(rec); err != nil {
				t.Fatal(err)
			}
			empty := NewTimeline(start)
			for range 2 { // the second plain start takes the snapshot
				if err := r.Replay(empty, start); err != nil {
					t.Fatal(err)
				}
			}
			s := e.starts.snap[rec].Load()
			if s == nil {
				t.Fatalf("recording %s: no snapshot after two plain starts", rec)
			}
			before := restoredOf(s.r)
			own, paged := s.private(nil), s.private(&place{pages: true})
			if !reflect.DeepEqual(restoredOf(s.r), before) {
				t.Fatalf("recording %s: copying the snapshot changed it", rec)
			}
			var got [3]restored
			for k, from := range []*startSnap{s, own, paged} {
				f, err := e.Start(start)
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetRecording(rec); err != nil {
					t.Fatal(err)
				}
				f.reset(s.start, nil)
				f.begin(s.start, false)
				f.restore(from)
				got[k] = restoredOf(f)
			}
			for k := 1; k < len(got); k++ {
				if !reflect.DeepEqual(got[0], got[k]) {
					t.Fatalf("recording %s: restored from the engine's snapshot\n%+v\nfrom the run's copy %d\n%+v", rec, got[0], k, got[k])
				}
			}
		}
	})
}

// TestLineCap checks that lineCap gives at least the capacity asked for,
// in memory of whole blocks of its own by the rule it states (more than
// 704 bytes or a multiple of cacheLine), and no more elements than that
// rule needs.
func TestLineCap(t *testing.T) {
	own := func(b uintptr) bool { return b > 704 || b > 0 && b%cacheLine == 0 }
	for sz := uintptr(1); sz <= 300; sz++ {
		for n := 0; n <= 200; n++ {
			c := lineCap(n, sz)
			if c < max(n, 1) || !own(uintptr(c)*sz) {
				t.Fatalf("lineCap(%d, %d) = %d: %d bytes", n, sz, c, uintptr(c)*sz)
			}
			if c > max(n, 1) && own(uintptr(c-1)*sz) {
				t.Fatalf("lineCap(%d, %d) = %d, where %d would do", n, sz, c, c-1)
			}
		}
	}
	if s := lined(nil, make([]int32, 0, 3)); cap(s) != 32 || len(s) != 0 {
		t.Errorf("lined of 3 int32s: len %d cap %d, want 0 and 32", len(s), cap(s))
	}
	if s := make([]int32, 5, 32); &lined(nil, s)[:1][0] != &s[0] {
		t.Error("lined moved a buffer of whole blocks")
	}
}
