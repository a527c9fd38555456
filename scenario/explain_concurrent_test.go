package scenario_test

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/peacekit/peacekit/scenario"
)

// TestExplainConcurrently explains every instance of a replay at several
// instants from four goroutines at once and checks each explanation
// against the one a single goroutine gives: explanations share the history
// they rebuild, one caller at a time.
func TestExplainConcurrently(t *testing.T) {
	e, err := scenario.Compile(benchAgreement(40, 0))
	if err != nil {
		t.Fatal(err)
	}
	evs := benchEvents(200)
	end := evs[len(evs)-1].At.Add(time.Hour)
	tr, err := e.Replay(scenario.NewTimeline(benchStart, evs...), end)
	if err != nil {
		t.Fatal(err)
	}
	type query struct {
		i  scenario.Instance
		at time.Time
	}
	var qs []query
	for _, at := range []time.Time{evs[10].At, evs[100].At, end} {
		for _, i := range e.Instances() {
			qs = append(qs, query{i, at})
		}
	}
	want := make([]*scenario.Explanation, len(qs))
	for k, q := range qs {
		if want[k], err = tr.Explain(q.i, q.at); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	got := make([][]*scenario.Explanation, 4)
	for g := range got {
		wg.Go(func() {
			got[g] = make([]*scenario.Explanation, len(qs))
			for k := range qs {
				q := qs[(k+g*len(qs)/4)%len(qs)] // each goroutine from its own place
				x, err := tr.Explain(q.i, q.at)
				if err != nil {
					t.Error(err)
					return
				}
				got[g][(k+g*len(qs)/4)%len(qs)] = x
			}
		})
	}
	wg.Wait()
	for g := range got {
		for k := range qs {
			if !reflect.DeepEqual(got[g][k], want[k]) {
				t.Fatalf("goroutine %d, %s at %s: explanation differs from the sequential one", g, qs[k].i, qs[k].at)
			}
		}
	}
}
