package scenario_test

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

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

// TestPropertyTerritoryForks checks control changes against a model that
// applies MoveControl to each agreement's whole territory: two agreements,
// the second over every third area of the first in the reverse order, of
// territories of sizes around the levels of the run's tree of areas;
// changes from and to any party, by any share or all of it (the model's
// errors are the run's rejections), several at an instant or not; runs
// forked at random and traces taken at random, each of which must keep
// the territories it had at every instant.
func TestPropertyTerritoryForks(t *testing.T) {
	parties := []agreement.PartyID{"RU", "UA", "PL"}
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.SampledFrom([]int{1, 2, 31, 32, 33, 64, 65, 1024, 1025}).Draw(t, "areas")
		a := scaleTerritorial(n)
		a.ID = "first"
		a.Parties = append(a.Parties, agreement.Party{ID: "PL"})
		b := scaleTerritorial(0)
		b.ID = "second"
		b.Parties = a.Parties
		for k := n - 1; k >= 0; k -= 3 {
			b.Territory.Areas = append(b.Territory.Areas, a.Territory.Areas[k].Clone())
		}
		e, err := scenario.CompileProcess(agreement.Process{Agreements: []agreement.Agreement{a, b}})
		if err != nil {
			t.Fatal(err)
		}
		ids := []agreement.AgreementID{a.ID, b.ID}
		type state [2]agreement.Territory
		type branch struct {
			run      *scenario.Run
			model    state
			hist     map[time.Time]state // the territories at each instant closed
			now      time.Time
			rejected int
		}
		type snap struct {
			tr   *scenario.Trace
			end  time.Time
			hist map[time.Time]state
			rej  int
		}
		r, err := e.Start(t0)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.AdvanceTo(t0); err != nil {
			t.Fatal(err)
		}
		init := state{a.Territory, b.Territory}
		branches := []*branch{{run: r, model: init, hist: map[time.Time]state{t0: init}, now: t0}}
		var snaps []snap
		steps := rapid.IntRange(1, 40).Draw(t, "steps")
		for range steps {
			br := branches[rapid.IntRange(0, len(branches)-1).Draw(t, "branch")]
			switch rapid.IntRange(0, 9).Draw(t, "op") {
			case 0:
				f := &branch{run: br.run.Fork(), model: br.model, hist: maps.Clone(br.hist), now: br.now, rejected: br.rejected}
				branches = append(branches, f)
			case 1:
				snaps = append(snaps, snap{br.run.Trace(), br.now, br.hist, br.rejected})
			default:
				at := br.now.Add(time.Duration(rapid.IntRange(1, 3).Draw(t, "minutes")) * time.Minute)
				for range rapid.IntRange(1, 3).Draw(t, "events") {
					k := rapid.IntRange(0, n-1).Draw(t, "area")
					id := agreement.AreaID(fmt.Sprintf("area-%d", k))
					from := rapid.SampledFrom(parties).Draw(t, "from")
					to := rapid.SampledFrom(parties).Draw(t, "to")
					ev := agreement.Event{At: at, Kind: agreement.EventKindControlChanged, Actor: to, Target: from, Area: id}
					var pc *decimal.Decimal
					if s := rapid.SampledFrom([]string{"", "5", "10", "33.3", "70", "100"}).Draw(t, "percent"); s != "" {
						v := pct(s)
						pc = &v
						ev.Quantities = []agreement.Quantity{{Value: v, Unit: agreement.UnitPercent}}
					}
					if err := br.run.Apply(ev); err != nil {
						t.Fatalf("apply %+v: %v", ev, err)
					}
					for i := range br.model {
						if _, ok := br.model[i].Area(id); !ok {
							continue
						}
						next, err := br.model[i].MoveControl(id, from, to, pc)
						if err != nil {
							br.rejected++
							continue
						}
						br.model[i] = next
					}
				}
				if err := br.run.AdvanceTo(at); err != nil {
					t.Fatal(err)
				}
				br.now = at
				br.hist[at] = br.model
			}
		}
		for _, br := range branches {
			snaps = append(snaps, snap{br.run.Trace(), br.now, br.hist, br.rejected})
		}
		for si, s := range snaps {
			if got := len(s.tr.Rejections()); got != s.rej {
				t.Fatalf("trace %d: %d rejections, want %d", si, got, s.rej)
			}
			check := func(at time.Time, want state) {
				for i, id := range ids {
					got, err := s.tr.Territory(id, at)
					if err != nil {
						t.Fatal(err)
					}
					if !got.Equal(want[i]) {
						t.Fatalf("trace %d, %s at %s: %v, want %v", si, id, at, got, want[i])
					}
					if len(got.Areas) > 0 {
						got.Areas[0].Control[0].Party = "XX" // a copy
					}
				}
			}
			check(t0.Add(-time.Hour), init)
			for at, want := range s.hist {
				if at.After(s.end) {
					continue
				}
				check(at, want)
				// Between instants, and after the trace's end, the
				// territory is the one of the instant before.
				check(at.Add(30*time.Second), want)
			}
		}
	})
}
