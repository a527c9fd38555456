package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// benchTerritorial returns an agreement of 36 clauses over the benchmark's
// event kinds with a territory of 7 areas, a freeze over four of them and a
// demilitarised zone over the other three, all applied when it enters into
// force.
func benchTerritorial() agreement.Agreement {
	a := benchAgreement(36, 0)
	a.Parties = append(a.Parties, agreement.Party{ID: "UA"}, agreement.Party{ID: "RU"})
	var freeze, dmz []agreement.AreaID
	for k := range 7 {
		id := agreement.AreaID(fmt.Sprintf("area-%d", k))
		a.Territory.Areas = append(a.Territory.Areas, agreement.Area{ID: id, Size: pct(fmt.Sprint(100 * (k + 1))),
			Sovereignty: shares("UA", "100"), Control: shares("RU", "70", "UA", "30")})
		if k < 4 {
			freeze = append(freeze, id)
		} else {
			dmz = append(dmz, id)
		}
	}
	a.Options = []agreement.Option{
		{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: freeze},
		{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: dmz,
			Parties: []agreement.PartyID{"UA", "RU"}, Deadline: agreement.Deadline{After: 30 * agreement.Day},
			Width: func() *decimal.Decimal { w := pct("15"); return &w }()},
	}
	return a
}

// BenchmarkReplayTerritorial replays 60 events over an agreement whose
// territorial package applies when it enters into force, at the start.
func BenchmarkReplayTerritorial(b *testing.B) {
	a := benchTerritorial()
	st, err := a.Settle()
	if err != nil {
		b.Fatalf("%+v", err)
	}
	a.Clauses = append(a.Clauses, st.Clauses...)
	e, err := scenario.Compile(a)
	if err != nil {
		b.Fatal(err)
	}
	evs := benchEvents(60)
	tl := scenario.NewTimeline(benchStart, evs...)
	end := evs[len(evs)-1].At.Add(time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Replay(tl, end); err != nil {
			b.Fatal(err)
		}
	}
}
