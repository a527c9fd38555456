package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// TestTerritorySharedByForksAndTraces checks, over a territory of more
// areas than one level of the run's tree of areas holds, that control
// changes applied to a run and to its fork each change their own territory
// as MoveControl does on the whole territory, that traces taken earlier
// keep the territory they had at every instant, and that changing the
// territory a trace returns changes nothing else.
func TestTerritorySharedByForksAndTraces(t *testing.T) {
	const n = 1100
	a := scaleTerritorial(n)
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.Start(t0)
	if err != nil {
		t.Fatal(err)
	}
	type snap struct {
		tr   *scenario.Trace
		want map[time.Time]agreement.Territory // the territory at each instant so far
	}
	// step applies a control change of ten points of area k to run x (at
	// minute m) and to the model, and returns the model after it.
	step := func(x *scenario.Run, model agreement.Territory, hist map[time.Time]agreement.Territory, m, k int, from, to agreement.PartyID) agreement.Territory {
		t.Helper()
		at := t0.Add(time.Duration(m) * time.Minute)
		id := agreement.AreaID(fmt.Sprintf("area-%d", k))
		ten := pct("10")
		ev := agreement.Event{At: at, Kind: agreement.EventKindControlChanged, Actor: to, Target: from, Area: id,
			Quantities: []agreement.Quantity{{Value: ten, Unit: agreement.UnitPercent}}}
		if err := x.Apply(ev); err != nil {
			t.Fatal(err)
		}
		if err := x.AdvanceTo(at); err != nil {
			t.Fatal(err)
		}
		if next, err := model.MoveControl(id, from, to, &ten); err == nil {
			model = next
		}
		hist[at] = model
		return model
	}
	check := func(name string, s snap) {
		t.Helper()
		for at, want := range s.want {
			got, err := s.tr.Territory("", at)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(want) {
				for i := range want.Areas {
					if i >= len(got.Areas) || !got.Areas[i].Equal(want.Areas[i]) {
						t.Fatalf("%s at %s: area %d differs: %+v, want %+v", name, at, i, got.Areas[i], want.Areas[i])
					}
				}
				t.Fatalf("%s at %s: %d areas, want %d", name, at, len(got.Areas), len(want.Areas))
			}
			// What a trace returns is a copy.
			got.Areas[0].Control[0].Party = "XX"
			got.Areas[len(got.Areas)-1].Control = nil
		}
	}
	clone := func(h map[time.Time]agreement.Territory) map[time.Time]agreement.Territory {
		out := make(map[time.Time]agreement.Territory, len(h))
		for k, v := range h {
			out[k] = v
		}
		return out
	}

	model := a.Territory.Clone()
	hist := map[time.Time]agreement.Territory{t0: model}
	if err := r.AdvanceTo(t0); err != nil {
		t.Fatal(err)
	}
	var snaps []snap
	areas := []int{0, 31, 32, 1023, 1024, n - 1, 500, 0, 32, 1024}
	m := 1
	for _, k := range areas {
		model = step(r, model, hist, m, k, "RU", "UA")
		m++
		snaps = append(snaps, snap{r.Trace(), clone(hist)})
	}
	// Eight changes of ten points from RU, which holds 70 points: the
	// eighth is rejected.
	for range 8 {
		model = step(r, model, hist, m, 7, "RU", "UA")
		m++
	}
	snaps = append(snaps, snap{r.Trace(), clone(hist)})

	f := r.Fork()
	fmodel, fhist := model, clone(hist)
	for i, k := range []int{0, 1, 33, 1024, n - 1, 7} {
		model = step(r, model, hist, m+i, k, "RU", "UA")
		snaps = append(snaps, snap{r.Trace(), clone(hist)})
		fmodel = step(f, fmodel, fhist, m+i, (k+1)%n, "UA", "RU")
		snaps = append(snaps, snap{f.Trace(), clone(fhist)})
	}
	for i, s := range snaps {
		check(fmt.Sprintf("trace %d", i), s)
	}
	if got := len(r.Trace().Rejections()); got != 2 {
		t.Errorf("%d rejections in the run, want 2", got)
	}
	if got := len(f.Trace().Rejections()); got != 1 {
		t.Errorf("%d rejections in the fork, want 1", got)
	}
}
