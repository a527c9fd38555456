package scenariotest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
)

// WorkloadTimeline returns a random timeline of 20 to 100 events for
// [agreementtest.Workload], drawn from rng, starting at start: ceasefires
// taking effect and collapsing, armed attacks, shelling and drone
// incidents, deployments by the guarantors and by RU (some in an area),
// consultations, reports, withdrawals with a distance from the line of 5 to
// 30 km, talks, prisoner exchanges, sanctions, the monitor's suspend and
// resume powers, and changes of control of the workload's areas, between 10
// minutes and 3 days apart. The same rng state gives the same timeline; a
// nil rng draws from a fixed seed.
func WorkloadTimeline(rng *rand.Rand, start time.Time) scenario.Timeline {
	if rng == nil {
		rng = rand.New(rand.NewPCG(1, 2))
	}
	n := 20 + rng.IntN(81)
	evs := make([]agreement.Event, 0, n)
	at := start
	for range n {
		at = at.Add(10*time.Minute + time.Duration(rng.Int64N(int64(72*time.Hour-10*time.Minute))))
		evs = append(evs, workloadEvent(rng, at))
	}
	return scenario.NewTimeline(start, evs...)
}

// WorkloadEnd returns the instant a replay of tl, a [WorkloadTimeline],
// runs to: 30 days after its last event, so that its deadlines pass.
func WorkloadEnd(tl scenario.Timeline) time.Time {
	if tl.Len() == 0 {
		return tl.Start().Add(30 * agreement.Day)
	}
	return tl.Event(tl.Len() - 1).At.Add(30 * agreement.Day)
}

// workloadEvent draws one event at instant at.
func workloadEvent(rng *rand.Rand, at time.Time) agreement.Event {
	side := func() (agreement.PartyID, agreement.PartyID) {
		if rng.IntN(3) == 0 {
			return "UA", "RU"
		}
		return "RU", "UA"
	}
	guarantor := func() agreement.PartyID {
		return []agreement.PartyID{"FR", "UK", "US"}[rng.IntN(3)]
	}
	area := func() agreement.AreaID { return agreement.AreaID(fmt.Sprintf("area-%d", 1+rng.IntN(7))) }
	ev := agreement.Event{At: at}
	switch k := rng.IntN(20); {
	case k < 2:
		ev.Kind = agreement.EventKindCeasefireInForce
	case k < 3:
		ev.Kind = agreement.EventKindCeasefireCollapsed
	case k < 6:
		ev.Kind = agreement.EventKindArmedAttack
		ev.Actor, ev.Target = side()
	case k < 7:
		ev.Kind = agreementtest.KindShelling
		ev.Actor, _ = side()
	case k < 8:
		ev.Kind = agreementtest.KindDroneIncident
		ev.Actor, _ = side()
	case k < 10:
		ev.Kind, ev.Actor, ev.Target = agreement.EventKindForcesDeployed, guarantor(), "UA"
		if rng.IntN(3) == 0 {
			ev.Actor, ev.Target, ev.Area = "RU", "", area()
		}
	case k < 11:
		ev.Kind, ev.Actor = agreementtest.KindConsultation, guarantor()
	case k < 12:
		ev.Kind, ev.Actor = agreementtest.KindReport, "OSCE"
		if rng.IntN(2) == 0 {
			ev.Area = area()
		}
	case k < 13:
		ev.Kind, ev.Actor = agreement.EventKindWithdrawalCompleted, "RU"
		ev.Quantities = []agreement.Quantity{{Value: decimal.NewFromInt(int64(5 + rng.IntN(26))),
			Unit: agreement.UnitKm, Of: "distance-from-line"}}
	case k < 14:
		ev.Kind = agreementtest.KindHeavyWeapons
		ev.Actor, _ = side()
	case k < 15:
		ev.Kind = agreementtest.KindTalksHeld
	case k < 16:
		ev.Kind = agreementtest.KindPrisoners
		ev.Actor, _ = side()
	case k < 17:
		ev.Kind, ev.Actor = agreementtest.KindSanctions, "US"
	case k < 18:
		ev.Kind, ev.Actor = agreementtest.KindAirPolicing, guarantor()
	case k < 19:
		ev.Kind, ev.Actor = agreement.EventKindPowerExercised, "OSCE"
		ev.Clause = agreement.LocalRef("suspend-guarantee")
		if rng.IntN(2) == 0 {
			ev.Clause = agreement.LocalRef("resume-guarantee")
		}
	default:
		ev.Kind, ev.Area = agreement.EventKindControlChanged, area()
		ev.Actor, _ = side()
	}
	return ev
}
