package agreement_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones named here load on any system

	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// The validation of calendar time: deadlines and expiries with periods,
// anchors, rounding and exclusive or unconditional limits; the instant of
// entry into force; clock conditions; recurring duties; zones; required
// signatories; provisional clauses; the Lapsed state.

// calendarBase is a valid agreement using every construct of calendar time:
// clauses 0 withdraw (a deadline of three local days from the ceasefire,
// to the end of the day), 1 hold-fire (an exclusive expiry), 2 report
// (monthly, in a zone of its own), 3 exchange (provisional, with an
// unconditional deadline), 4 notify (on each attack); a territory with
// one area and a withdrawal option whose deadline counts from the
// ceasefire.
func calendarBase() agreement.Agreement {
	ceasefire := agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce})
	ratified := func(p agreement.PartyID) agreement.Condition {
		return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: p})
	}
	hundred := decimal.NewFromInt(100)
	return agreement.Agreement{
		ID:          "ceasefire-2026",
		Zone:        "Europe/Kyiv",
		Parties:     []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "OSCE"}},
		Fluents:     []agreement.Fluent{{ID: "ceasefire-holds", Initiates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}}}},
		Signatories: []agreement.PartyID{"UA", "RU"},
		InForceAt: agreement.Deadline{Period: agreement.Period{Days: 30}, From: agreement.All(ratified("UA"), ratified("RU")),
			Round: agreement.RoundStartOfDay},
		Clauses: []agreement.Clause{
			{ID: "withdraw", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
				Creditors: []agreement.PartyID{"OSCE"},
				Action:    &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: agreement.Debtor},
				Deadline: agreement.Deadline{Period: agreement.Period{Days: 3}, From: ceasefire,
					Round: agreement.RoundEndOfDay}},
			{ID: "hold-fire", Kind: agreement.DeonticProhibition, Debtors: []agreement.PartyID{"UA", "RU"},
				Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: agreement.Debtor},
				Expiry: agreement.Deadline{Period: agreement.Period{Months: 6}, Exclusive: true}},
			{ID: "report", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Creditors: []agreement.PartyID{"OSCE"}, Action: &agreement.Pattern{Kind: "report-submitted"},
				Recurs: agreement.Recurrence{Every: agreement.Period{Months: 1}, Within: agreement.Period{Days: 5},
					Round: agreement.RoundEndOfDay},
				Zone: "+03:00"},
			{ID: "exchange", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
				Action:      &agreement.Pattern{Kind: "prisoners-exchanged", Actor: agreement.Debtor},
				Trigger:     agreement.ClauseInFor(agreement.LocalRef("withdraw"), agreement.Debtor, agreement.StateFulfilled),
				Deadline:    agreement.Deadline{At: time.Date(2026, time.June, 1, 0, 0, 0, 0, time.UTC), Unconditional: true},
				Provisional: true},
			{ID: "notify", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action: &agreement.Pattern{Kind: "incident-notified"},
				Recurs: agreement.Recurrence{On: &agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"},
					Within: agreement.Period{Exact: 48 * time.Hour}}},
		},
		Territory: agreement.Territory{Areas: []agreement.Area{{ID: "zone-a", Size: hundred,
			Sovereignty: []agreement.Share{{Party: "UA", Percent: hundred}},
			Control:     []agreement.Share{{Party: "RU", Percent: hundred}}}}},
		Options: []agreement.Option{{ID: "wd", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"zone-a"},
			From: "RU", To: "UA", Deadline: agreement.Deadline{Period: agreement.Period{Days: 30}, From: ceasefire}}},
	}
}

// calendarEdit returns calendarBase changed by edit, sharing nothing with
// any other.
func calendarEdit(edit func(a *agreement.Agreement)) agreement.Agreement {
	a := calendarBase().Clone()
	edit(&a)
	return a
}

var (
	inRange    = time.Date(2026, time.March, 1, 6, 0, 0, 0, time.UTC)
	outOfRange = time.Date(2300, time.January, 1, 0, 0, 0, 0, time.UTC)
)

func TestCalendarBaseValidates(t *testing.T) {
	if err := calendarBase().Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
}

// Constructs that are valid, each on top of calendarBase.
func TestValidateCalendarValid(t *testing.T) {
	tests := []struct {
		name string
		edit func(a *agreement.Agreement)
	}{
		{"anchor alone", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline = agreement.Deadline{From: agreement.Holds("ceasefire-holds")}
		}},
		{"anchor rounded", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline = agreement.Deadline{From: agreement.Holds("ceasefire-holds"), Round: agreement.RoundStartOfDay}
		}},
		{"exact duration, exclusive", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline = agreement.Deadline{After: 72 * time.Hour, Exclusive: true}
		}},
		{"absolute instant rounded", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline = agreement.Deadline{At: inRange, Round: agreement.RoundEndOfDay}
		}},
		{"unconditional from an anchor", func(a *agreement.Agreement) {
			a.Clauses[3].Deadline = agreement.Deadline{Period: agreement.Period{Days: 10}, Unconditional: true,
				From: agreement.ClauseIn(agreement.LocalRef("hold-fire"), agreement.StateInEffect)}
		}},
		{"anchor with the clause's own placeholders", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline.From = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindSigning,
				Actor: agreement.Debtor, Target: agreement.Creditor})
		}},
		{"anchor reading its own instance through another clause", func(a *agreement.Agreement) {
			a.Clauses[3].Deadline = agreement.Deadline{Period: agreement.Period{Days: 1},
				From: agreement.ClauseInFor(agreement.LocalRef("withdraw"), agreement.Debtor, agreement.StateFulfilled)}
		}},
		{"expiry from an anchor", func(a *agreement.Agreement) {
			a.Clauses[1].Expiry = agreement.Deadline{Period: agreement.Period{Years: 1}, From: agreement.Holds("ceasefire-holds")}
		}},
		{"in force at an instant", func(a *agreement.Agreement) {
			a.InForceAt = agreement.Deadline{At: inRange, Round: agreement.RoundStartOfDay}
		}},
		{"in force after a duration from signing", func(a *agreement.Agreement) {
			a.InForceAt = agreement.Deadline{After: 24 * time.Hour}
		}},
		{"clock from", func(a *agreement.Agreement) { a.Clauses[0].Trigger = agreement.From(inRange) }},
		{"clock until", func(a *agreement.Agreement) { a.Clauses[0].Trigger = agreement.Until(inRange) }},
		{"clock between", func(a *agreement.Agreement) {
			a.Clauses[0].Trigger = agreement.Not(agreement.Between(inRange, inRange.Add(time.Nanosecond)))
		}},
		{"clock in entry into force and in an anchor", func(a *agreement.Agreement) {
			a.EntryIntoForce = agreement.From(inRange)
			a.InForceAt.From = agreement.All(agreement.Until(inRange.Add(agreement.Day)), a.InForceAt.From)
		}},
		{"clause in lapsed", func(a *agreement.Agreement) {
			a.Clauses[1].Trigger = agreement.ClauseIn(agreement.LocalRef("exchange"), agreement.StateLapsed, agreement.StateFulfilled)
		}},
		{"every period from a start, until the next", func(a *agreement.Agreement) {
			a.Clauses[2].Recurs = agreement.Recurrence{Every: agreement.Period{Weeks: 2}, Start: inRange}
		}},
		{"every exact period", func(a *agreement.Agreement) {
			a.Clauses[2].Recurs = agreement.Recurrence{Every: agreement.Period{Exact: 12 * time.Hour}}
		}},
		{"on an event with the clause's placeholders", func(a *agreement.Agreement) {
			a.Clauses[2].Recurs = agreement.Recurrence{On: &agreement.Pattern{Kind: agreement.EventKindArmedAttack,
				Target: agreement.Creditor}, Within: agreement.Period{Days: 2}, Round: agreement.RoundEndOfDay}
		}},
		{"zones", func(a *agreement.Agreement) {
			a.Zone = "UTC"
			a.Clauses[0].Zone = "-05:30"
			a.Clauses[1].Zone = "America/New_York"
			a.Clauses[2].Zone = ""
		}},
		{"no signatories", func(a *agreement.Agreement) { a.Signatories = nil }},
		{"provisional joint clause", func(a *agreement.Agreement) { a.Clauses[3].Joint = true }},
		{"option deadline from a clause's state", func(a *agreement.Agreement) {
			a.Options[0].Deadline = agreement.Deadline{Period: agreement.Period{Days: 7}, Round: agreement.RoundEndOfDay,
				From: agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateFulfilled)}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := calendarEdit(tt.edit).Validate(); err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			}
		})
	}
}

// Each rule of calendar time broken once, on top of calendarBase: the
// problem is at its path and wraps its sentinel.
func TestValidateCalendarProblems(t *testing.T) {
	huge := make([]agreement.Condition, agreement.MaxConditionSize)
	for i := range huge {
		huge[i] = agreement.Holds("ceasefire-holds")
	}
	tests := []struct {
		name     string
		edit     func(a *agreement.Agreement)
		sentinel error
		path     string
	}{
		// Deadlines: after, period and at.
		{"after and period", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline = agreement.Deadline{After: time.Hour, Period: agreement.Period{Days: 1}}
		}, agreement.ErrInconsistent, "clauses[0].deadline"},
		{"period and at", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline = agreement.Deadline{Period: agreement.Period{Days: 1}, At: inRange}
		}, agreement.ErrInconsistent, "clauses[0].deadline"},
		{"negative after", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline = agreement.Deadline{After: -time.Hour, From: agreement.Holds("ceasefire-holds")}
		}, agreement.ErrNegative, "clauses[0].deadline.after"},
		{"negative period", func(a *agreement.Agreement) { a.Clauses[0].Deadline.Period = agreement.Period{Days: -3} },
			agreement.ErrNegative, "clauses[0].deadline.period.days"},
		{"period beyond any replay", func(a *agreement.Agreement) {
			a.Clauses[1].Expiry.Period = agreement.Period{Years: 1_000_000}
		}, agreement.ErrInvalidValue, "clauses[1].expiry.period.years"},
		{"at out of range", func(a *agreement.Agreement) {
			a.Clauses[3].Deadline.At = outOfRange
		}, agreement.ErrInvalidValue, "clauses[3].deadline.at"},
		{"anchor with at", func(a *agreement.Agreement) {
			a.Clauses[3].Deadline.From = agreement.Holds("ceasefire-holds")
		}, agreement.ErrInconsistent, "clauses[3].deadline.from"},
		// Rounding and exclusive.
		{"round alone", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline = agreement.Deadline{Round: agreement.RoundEndOfDay}
		}, agreement.ErrInconsistent, "clauses[0].deadline.round"},
		{"unknown rounding", func(a *agreement.Agreement) { a.Clauses[0].Deadline.Round = 9 },
			agreement.ErrInvalidValue, "clauses[0].deadline.round"},
		{"exclusive alone", func(a *agreement.Agreement) {
			a.Clauses[1].Expiry = agreement.Deadline{Exclusive: true}
		}, agreement.ErrInconsistent, "clauses[1].expiry.exclusive"},
		// Unconditional.
		{"unconditional counted from the clause", func(a *agreement.Agreement) {
			a.Clauses[3].Deadline = agreement.Deadline{Period: agreement.Period{Days: 3}, Unconditional: true}
		}, agreement.ErrInconsistent, "clauses[3].deadline.unconditional"},
		{"unconditional expiry", func(a *agreement.Agreement) {
			a.Clauses[1].Expiry = agreement.Deadline{At: inRange, Unconditional: true}
		}, agreement.ErrInconsistent, "clauses[1].expiry.unconditional"},
		{"unconditional entry into force", func(a *agreement.Agreement) { a.InForceAt.Unconditional = true },
			agreement.ErrInconsistent, "inForceAt.unconditional"},
		{"unconditional option deadline", func(a *agreement.Agreement) { a.Options[0].Deadline.Unconditional = true },
			agreement.ErrInconsistent, "options[0].deadline.unconditional"},
		// The anchor as a condition slot.
		{"anchor reads an unknown fluent", func(a *agreement.Agreement) { a.Clauses[0].Deadline.From = agreement.Holds("peace") },
			agreement.ErrUnknownFluent, "clauses[0].deadline.from.holds"},
		{"anchor reads an unknown clause", func(a *agreement.Agreement) {
			a.Clauses[1].Expiry.From = agreement.ClauseIn(agreement.LocalRef("nope"), agreement.StateInEffect)
		}, agreement.ErrUnknownClause, "clauses[1].expiry.from.clauseIn.clause"},
		{"anchor with a nil operand", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline.From = agreement.Any(agreement.Holds("ceasefire-holds"), nil)
		}, agreement.ErrMissing, "clauses[0].deadline.from.any[1]"},
		{"anchor too large", func(a *agreement.Agreement) { a.Clauses[0].Deadline.From = agreement.Any(huge...) },
			agreement.ErrInvalidValue, "clauses[0].deadline.from"},
		{"anchor too deep", func(a *agreement.Agreement) {
			c := agreement.Holds("ceasefire-holds")
			for range agreement.MaxDepth {
				c = agreement.Not(c)
			}
			a.Clauses[0].Deadline.From = c
		}, agreement.ErrInvalidValue, "clauses[0].deadline.from" + strings.Repeat(".not", agreement.MaxDepth)},
		{"anchor names a creditor the clause lacks", func(a *agreement.Agreement) {
			a.Clauses[1].Expiry.From = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindSigning, Actor: agreement.Creditor})
		}, agreement.ErrInconsistent, "clauses[1].expiry.from.happened.actor"},
		{"anchor reads an agreement in a clause state", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline.From = agreement.AgreementIn("", agreement.StateLapsed)
		}, agreement.ErrInvalidValue, "clauses[0].deadline.from.agreementIn.states[0]"},
		{"placeholder in the entry into force's anchor", func(a *agreement.Agreement) {
			a.InForceAt.From = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: agreement.Debtor})
		}, agreement.ErrInvalidValue, "inForceAt.from.happened.actor"},
		{"entry into force's anchor reads an unknown party", func(a *agreement.Agreement) {
			a.InForceAt.From = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: "XX"})
		}, agreement.ErrUnknownParty, "inForceAt.from.happened.actor"},
		{"option's anchor reads an unknown party", func(a *agreement.Agreement) {
			a.Options[0].Deadline.From = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce, Actor: "XX"})
		}, agreement.ErrUnknownParty, "options[0].deadline.from.happened.actor"},
		{"anchor reads the clause's own state", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline.From = agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateInEffect)
		}, agreement.ErrCycle, "clauses[0]"},
		{"anchor closes a cycle through a trigger", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline.From = agreement.ClauseIn(agreement.LocalRef("exchange"), agreement.StateInEffect)
		}, agreement.ErrCycle, "clauses[0]"},
		{"expiry's anchor closes a cycle", func(a *agreement.Agreement) {
			a.Clauses[1].Expiry.From = agreement.Breached(agreement.LocalRef("hold-fire"), 1, agreement.BreachFilter{})
			a.Clauses[1].Standing = true
		}, agreement.ErrCycle, "clauses[1]"},
		// Clock conditions.
		{"clock without bounds", func(a *agreement.Agreement) { a.Clauses[0].Trigger = agreement.From(time.Time{}) },
			agreement.ErrMissing, "clauses[0].trigger.clock"},
		{"clock from out of range", func(a *agreement.Agreement) { a.Clauses[0].Trigger = agreement.From(outOfRange) },
			agreement.ErrInvalidValue, "clauses[0].trigger.clock.from"},
		{"clock until out of range", func(a *agreement.Agreement) {
			a.EntryIntoForce = agreement.Not(agreement.Until(outOfRange))
		}, agreement.ErrInvalidValue, "entryIntoForce.not.clock.until"},
		{"clock interval reversed", func(a *agreement.Agreement) {
			a.Clauses[0].Deadline.From = agreement.Between(inRange, inRange.Add(-time.Hour))
		}, agreement.ErrInconsistent, "clauses[0].deadline.from.clock.until"},
		{"clock interval empty", func(a *agreement.Agreement) {
			a.Clauses[2].Fulfilment = agreement.All(agreement.Between(inRange, inRange))
		}, agreement.ErrInconsistent, "clauses[2].fulfilment.all[0].clock.until"},
		// Recurrence.
		{"recurring prohibition", func(a *agreement.Agreement) {
			a.Clauses[1].Recurs = agreement.Recurrence{Every: agreement.Period{Months: 1}}
		}, agreement.ErrInconsistent, "clauses[1].recurs"},
		{"recurring standing obligation", func(a *agreement.Agreement) {
			a.Clauses[2].Standing = true
			a.Clauses[2].Violation = agreement.Happened(agreement.Pattern{Kind: "report-falsified"})
		}, agreement.ErrInconsistent, "clauses[2].recurs"},
		{"recurring with a deadline", func(a *agreement.Agreement) {
			a.Clauses[2].Deadline = agreement.Deadline{Period: agreement.Period{Days: 3}}
		}, agreement.ErrInconsistent, "clauses[2].recurs"},
		{"every and on", func(a *agreement.Agreement) {
			a.Clauses[2].Recurs.On = &agreement.Pattern{Kind: agreement.EventKindArmedAttack}
		}, agreement.ErrInconsistent, "clauses[2].recurs"},
		{"neither every nor on", func(a *agreement.Agreement) {
			a.Clauses[2].Recurs = agreement.Recurrence{Within: agreement.Period{Days: 5}}
		}, agreement.ErrMissing, "clauses[2].recurs"},
		{"start without every", func(a *agreement.Agreement) { a.Clauses[4].Recurs.Start = inRange },
			agreement.ErrInconsistent, "clauses[4].recurs.start"},
		{"start out of range", func(a *agreement.Agreement) { a.Clauses[2].Recurs.Start = outOfRange },
			agreement.ErrInvalidValue, "clauses[2].recurs.start"},
		{"on without within", func(a *agreement.Agreement) { a.Clauses[4].Recurs.Within = agreement.Period{} },
			agreement.ErrMissing, "clauses[4].recurs.within"},
		{"negative every", func(a *agreement.Agreement) { a.Clauses[2].Recurs.Every = agreement.Period{Months: -1} },
			agreement.ErrNegative, "clauses[2].recurs.every.months"},
		{"within beyond any replay", func(a *agreement.Agreement) {
			a.Clauses[2].Recurs.Within = agreement.Period{Days: 1_000_000}
		}, agreement.ErrInvalidValue, "clauses[2].recurs.within.days"},
		{"unknown recurrence rounding", func(a *agreement.Agreement) { a.Clauses[2].Recurs.Round = 7 },
			agreement.ErrInvalidValue, "clauses[2].recurs.round"},
		{"on an unknown party's act", func(a *agreement.Agreement) { a.Clauses[4].Recurs.On.Actor = "XX" },
			agreement.ErrUnknownParty, "clauses[4].recurs.on.actor"},
		{"on a creditor the clause lacks", func(a *agreement.Agreement) { a.Clauses[4].Recurs.On.Target = agreement.Creditor },
			agreement.ErrInconsistent, "clauses[4].recurs.on.target"},
		{"on an event of no kind", func(a *agreement.Agreement) { a.Clauses[4].Recurs.On.Kind = "" },
			agreement.ErrMissing, "clauses[4].recurs.on.kind"},
		// Zones.
		{"unknown agreement zone", func(a *agreement.Agreement) { a.Zone = "Mars/Olympus_Mons" },
			agreement.ErrInvalidValue, "zone"},
		{"local zone", func(a *agreement.Agreement) { a.Zone = "Local" }, agreement.ErrInvalidValue, "zone"},
		{"offset beyond 14 hours", func(a *agreement.Agreement) { a.Clauses[2].Zone = "+25:00" },
			agreement.ErrInvalidValue, "clauses[2].zone"},
		{"zone naming a file", func(a *agreement.Agreement) { a.Clauses[0].Zone = "../../etc/passwd" },
			agreement.ErrInvalidValue, "clauses[0].zone"},
		// Signatories.
		{"unknown signatory", func(a *agreement.Agreement) { a.Signatories = []agreement.PartyID{"UA", "XX"} },
			agreement.ErrUnknownParty, "signatories[1]"},
		{"signatory twice", func(a *agreement.Agreement) { a.Signatories = []agreement.PartyID{"UA", "UA"} },
			agreement.ErrDuplicateID, "signatories[1]"},
		{"empty signatory", func(a *agreement.Agreement) { a.Signatories = []agreement.PartyID{""} },
			agreement.ErrMissing, "signatories[0]"},
		// Provisional clauses.
		{"provisional without debtors", func(a *agreement.Agreement) { a.Clauses[3].Debtors = nil },
			agreement.ErrInconsistent, "clauses[3].provisional"},
		{"provisional and surviving", func(a *agreement.Agreement) { a.Clauses[3].Surviving = true },
			agreement.ErrInconsistent, "clauses[3].provisional"},
		// Lapsed is a clause state only.
		{"agreement in lapsed", func(a *agreement.Agreement) {
			a.Clauses[0].Trigger = agreement.AgreementIn("", agreement.StateInForce, agreement.StateLapsed)
		}, agreement.ErrInvalidValue, "clauses[0].trigger.agreementIn.states[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := calendarEdit(tt.edit)
			err := a.Validate()
			if !problemAt(err, tt.sentinel, tt.path) {
				t.Errorf("Validate() = %v\nwant a problem at %q wrapping %v", err, tt.path, tt.sentinel)
			}
			var ve *agreement.ValidationError
			if errors.As(err, &ve) {
				for _, p := range ve.Problems {
					if p.Msg == "" {
						t.Errorf("problem at %q has no message", p.Path)
					}
				}
			}
		})
	}
}

// One agreement breaking several rules reports every problem, each at its
// path with its sentinel, and nothing else.
func TestValidateCalendarListsEveryProblem(t *testing.T) {
	a := calendarEdit(func(a *agreement.Agreement) {
		a.Zone = "Nowhere/Special"
		a.Signatories = []agreement.PartyID{"RU", "RU"}
		a.InForceAt = agreement.Deadline{Round: agreement.RoundEndOfDay, Unconditional: true}
		a.Clauses[0].Deadline = agreement.Deadline{After: 72 * time.Hour, Period: agreement.Period{Days: 3}, At: inRange,
			From: agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateInEffect)}
		a.Clauses[1].Expiry.Unconditional = true
		a.Clauses[2].Recurs.Start = outOfRange
		a.Clauses[2].Recurs.On = &agreement.Pattern{Kind: agreement.EventKindArmedAttack}
		a.Clauses[2].Zone = "+99:00"
		a.Clauses[3].Surviving = true
		a.Clauses[4].Trigger = agreement.Between(inRange, inRange)
	})
	want := []struct {
		sentinel error
		path     string
	}{
		{agreement.ErrInvalidValue, "zone"},
		{agreement.ErrDuplicateID, "signatories[1]"},
		{agreement.ErrInconsistent, "clauses[0].deadline"},
		{agreement.ErrInconsistent, "clauses[0].deadline.from"},
		{agreement.ErrInconsistent, "clauses[1].expiry.unconditional"},
		{agreement.ErrInvalidValue, "clauses[2].zone"},
		{agreement.ErrInconsistent, "clauses[2].recurs"},
		{agreement.ErrInvalidValue, "clauses[2].recurs.start"},
		{agreement.ErrInconsistent, "clauses[3].provisional"},
		{agreement.ErrInconsistent, "clauses[4].trigger.clock.until"},
		{agreement.ErrInconsistent, "inForceAt.round"},
		{agreement.ErrInconsistent, "inForceAt.unconditional"},
		{agreement.ErrCycle, "clauses[0]"},
	}
	err := a.Validate()
	var ve *agreement.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate() = %v, want a *ValidationError", err)
	}
	for _, w := range want {
		if !problemAt(err, w.sentinel, w.path) {
			t.Errorf("missing problem %v at %q", w.sentinel, w.path)
		}
	}
	if len(ve.Problems) != len(want) {
		t.Errorf("Validate() = %d problems, want %d:\n%v", len(ve.Problems), len(want), err)
	}
}

// The anchor of a territorial option's deadline, validated with its
// package alone, is checked for its shape: references to parties, clauses
// and fluents no agreement declares are syntax only, placeholders are
// rejected (no clause says whom they name), and the rules of deadlines
// hold.
func TestPackageValidateDeadlineAnchor(t *testing.T) {
	base := calendarBase()
	pkg := func(d agreement.Deadline) agreement.Package {
		o := base.Options[0]
		o.Deadline = d
		return agreement.Package{Options: []agreement.Option{o}}
	}
	valid := agreement.Deadline{Period: agreement.Period{Days: 30}, Round: agreement.RoundEndOfDay,
		From: agreement.All(
			agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce, Actor: "RU", Group: "E3", Class: "mlrs"}),
			agreement.ClauseIn(agreement.QualifiedRef("other-2025", "C1"), agreement.StateInEffect),
			agreement.ClauseInFor(agreement.LocalRef("C2"), "UA", agreement.StateFulfilled),
			agreement.Holds("ceasefire-holds"),
			agreement.AgreementIn("other-2025", agreement.StateInForce),
			agreement.Breached(agreement.LocalRef("C3"), 2, agreement.BreachFilter{Debtor: "RU", Reporter: "OSCE"}),
			agreement.Total(agreement.Pattern{Kind: "detainees-released"}, agreement.Measure("detainees").Of("released").AtLeast(decimal.NewFromInt(10))),
		)}
	if err := pkg(valid).Validate(base.Territory); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}
	if _, err := pkg(valid).Apply(base.Territory); err != nil {
		t.Errorf("Apply() error = %v, want nil", err)
	}
	for _, tt := range []struct {
		name     string
		d        agreement.Deadline
		sentinel error
		path     string
	}{
		{"invalid party id", agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindSigning, Actor: "a b"})},
			agreement.ErrInvalidID, "options[0].deadline.from.happened.actor"},
		{"invalid fluent id", agreement.Deadline{From: agreement.Holds("a b")},
			agreement.ErrInvalidID, "options[0].deadline.from.holds"},
		{"invalid group id", agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindSigning, Group: "a b"})},
			agreement.ErrInvalidID, "options[0].deadline.from.happened.group"},
		{"agreement for a clause", agreement.Deadline{From: agreement.ClauseIn(agreement.AgreementRef("other-2025"), agreement.StateInEffect)},
			agreement.ErrInvalidValue, "options[0].deadline.from.clauseIn.clause"},
		{"placeholder", agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindSigning, Actor: agreement.Debtor})},
			agreement.ErrInvalidValue, "options[0].deadline.from.happened.actor"},
		{"clock reversed", agreement.Deadline{From: agreement.Between(inRange, inRange)},
			agreement.ErrInconsistent, "options[0].deadline.from.clock.until"},
		{"unconditional", agreement.Deadline{At: inRange, Unconditional: true},
			agreement.ErrInconsistent, "options[0].deadline.unconditional"},
		{"anchor with at", agreement.Deadline{At: inRange, From: agreement.Holds("ceasefire-holds")},
			agreement.ErrInconsistent, "options[0].deadline.from"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := pkg(tt.d).Validate(base.Territory)
			if !problemAt(err, tt.sentinel, tt.path) {
				t.Errorf("Validate() = %v\nwant a problem at %q wrapping %v", err, tt.path, tt.sentinel)
			}
		})
	}
}

// The anchors of deadlines and expiries are read where the clause's
// conditions are: its dependencies, its patterns, the events that concern
// it, and lint; so is the event starting each occurrence of a recurring
// duty.
func TestCalendarConditionsAreRead(t *testing.T) {
	a := calendarEdit(func(a *agreement.Agreement) {
		a.Clauses[3].Deadline = agreement.Deadline{Period: agreement.Period{Days: 1},
			From: agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateFulfilled)}
		a.Clauses[3].Trigger = nil
		a.Clauses[1].Expiry = agreement.Deadline{Period: agreement.Period{Days: 1},
			From: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindControlChanged, Actor: agreement.Debtor})}
	})
	if err := a.Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}

	if got, want := agreement.ClauseDependencies(a.Clauses[3], a.ID), []agreement.Ref{agreement.QualifiedRef(a.ID, "withdraw")}; !slices.Equal(got, want) {
		t.Errorf("ClauseDependencies(exchange) = %v, want %v", got, want)
	}

	wantPatterns := []agreement.Pattern{
		{Kind: agreement.EventKindWithdrawalCompleted, Actor: agreement.Debtor},
		{Kind: agreement.EventKindCeasefireInForce},
	}
	if got := agreement.ClausePatterns(a.ID, a.Clauses[0]); !slices.Equal(got, wantPatterns) {
		t.Errorf("ClausePatterns(withdraw) = %v, want %v", got, wantPatterns)
	}
	wantPatterns = []agreement.Pattern{{Kind: "incident-notified", Actor: "RU"}, *a.Clauses[4].Recurs.On}
	if got := agreement.ClausePatterns(a.ID, a.Clauses[4]); !slices.Equal(got, wantPatterns) {
		t.Errorf("ClausePatterns(notify) = %v, want %v", got, wantPatterns)
	}

	slots := func(e agreement.Event) []string {
		var out []string
		for _, c := range a.Concerns(e) {
			out = append(out, string(c.Clause)+"["+string(c.Debtor)+"] "+c.Slot)
		}
		return out
	}
	if got, want := slots(agreement.Event{Kind: agreement.EventKindCeasefireInForce}), []string{"withdraw[UA] deadline.from",
		"withdraw[RU] deadline.from"}; !slices.Equal(got, want) {
		t.Errorf("concerns of a ceasefire = %v, want %v", got, want)
	}
	if got, want := slots(agreement.Event{Kind: agreement.EventKindControlChanged, Actor: "RU"}), []string{"hold-fire[RU] expiry.from"}; !slices.Equal(got, want) {
		t.Errorf("concerns of a change of control = %v, want %v", got, want)
	}
	if got, want := slots(agreement.Event{Kind: agreement.EventKindArmedAttack, Actor: "RU"}), []string{"hold-fire[RU] action",
		"notify[] recurs.on"}; !slices.Equal(got, want) {
		t.Errorf("concerns of an attack = %v, want %v", got, want)
	}

	// A clause binding several debtors severally, whose deadline counts
	// from another such clause's state read without a debtor: each
	// debtor's instance would count from any debtor's.
	lint := calendarEdit(func(a *agreement.Agreement) {
		a.Clauses[3].Trigger = nil
		a.Clauses[3].Deadline = agreement.Deadline{Period: agreement.Period{Days: 1},
			From: agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateFulfilled)}
	})
	if err := lint.Lint(); !problemAt(err, agreement.ErrUnboundDebtor, "clauses[3].deadline.from.clauseIn") {
		t.Errorf("Lint() = %v, want an unbound debtor at clauses[3].deadline.from.clauseIn", err)
	}
	if err := calendarBase().Lint(); err != nil {
		t.Errorf("Lint() of the base = %v, want nil", err)
	}
}

// A duty recurring more often than MinRecurrence is refused: a replay must
// be able to follow it for centuries.
func TestRecurrenceTooFrequent(t *testing.T) {
	a := agreement.Agreement{ID: "A", Parties: []agreement.Party{{ID: "X"}},
		Clauses: []agreement.Clause{{ID: "R", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"X"},
			Action: &agreement.Pattern{Kind: "report"},
			Recurs: agreement.Recurrence{Every: agreement.Period{Exact: time.Minute}}}}}
	var ve *agreement.ValidationError
	if err := a.Validate(); !errors.As(err, &ve) || len(ve.Problems) != 1 ||
		ve.Problems[0].Path != "clauses[0].recurs.every" || !errors.Is(ve.Problems[0].Err, agreement.ErrInvalidValue) {
		t.Errorf("Validate() = %v, want one ErrInvalidValue at clauses[0].recurs.every", err)
	}
	a.Clauses[0].Recurs.Every = agreement.Period{Exact: agreement.MinRecurrence}
	if err := a.Validate(); err != nil {
		t.Errorf("every %s: %v", agreement.MinRecurrence, err)
	}
}
