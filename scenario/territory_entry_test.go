package scenario_test

import (
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// TestEntryIntoForceSettlesTerritory checks the territory an agreement's
// package makes when it enters into force, against the package applied
// directly: of the territory as stated (which Compile settles once), and of
// one a control change altered before the entry into force, and after an
// amendment that states another territory (both settled at the entry).
func TestEntryIntoForceSettlesTerritory(t *testing.T) {
	a := benchTerritorial()
	a.InForceAt = agreement.Deadline{After: 2 * time.Hour}
	st, err := a.Settle()
	if err != nil {
		t.Fatal(err)
	}
	a.Clauses = append(a.Clauses, st.Clauses...)
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	pkg := agreement.Package{Options: a.Options}
	ten := pct("10")
	moved, err := a.Territory.MoveControl("area-0", "RU", "UA", &ten)
	if err != nil {
		t.Fatal(err)
	}
	amended := a.Clone()
	amended.Territory = moved
	for _, tc := range []struct {
		name   string
		tl     scenario.Timeline
		before agreement.Territory // the territory just before the entry into force
	}{
		{"as stated", scenario.NewTimeline(benchStart), a.Territory},
		{"changed before", scenario.NewTimeline(benchStart, agreement.Event{At: benchStart.Add(time.Hour),
			Kind: agreement.EventKindControlChanged, Actor: "UA", Target: "RU", Area: "area-0",
			Quantities: []agreement.Quantity{{Value: ten, Unit: agreement.UnitPercent}}}), moved},
		// The run keeps the territory as it stands: the amended text's
		// statement of it does not replace it.
		{"amended before", scenario.NewTimeline(benchStart).WithAmendments(
			agreement.Amendment{At: benchStart.Add(time.Hour), Text: amended}), a.Territory},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := pkg.Apply(tc.before)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := e.Replay(tc.tl, benchStart.Add(3*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			got, err := tr.Territory("", benchStart.Add(3*time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(want.Territory) {
				t.Errorf("territory after the entry into force:\n%v\nwant\n%v", got, want.Territory)
			}
			if got.Equal(tc.before) {
				t.Error("the package changed nothing")
			}
		})
	}
}
