package agreementtest

import (
	"strconv"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// calendarKinds are the corruptions of calendar time: zones, deadlines and
// expiries (periods, instants, anchors, roundings, exclusive and
// unconditional limits), entry into force at an instant, required
// signatories, recurring duties, provisional clauses and clock conditions.
var calendarKinds = []kind{
	// Zones.
	{
		name:    "unknown zone",
		targets: func(*agreement.Agreement) []target { return single("agreement:zone") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.Zone = drawBadZone(t)
			return expect{err: agreement.ErrInvalidValue, path: "zone", desc: strconv.Quote(string(a.Zone))}
		},
	},
	clauseKind("unknown clause zone", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Zone = drawBadZone(t)
		return expect{err: agreement.ErrInvalidValue, path: path + ".zone", desc: strconv.Quote(string(c.Zone))}
	}),

	// Required signatories.
	{
		name:    "dangling required signatory",
		targets: func(*agreement.Agreement) []target { return single("agreement:signatories") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			g := ghostParty(a)
			j := replaceOrAppend(t, &a.Signatories, g)
			return expect{err: agreement.ErrUnknownParty, path: at("signatories", j), desc: string(g)}
		},
	},
	{
		name: "duplicate required signatory",
		targets: func(a *agreement.Agreement) []target {
			if len(a.Signatories) == 0 {
				return nil
			}
			return single("agreement:signatories")
		},
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			p := rapid.SampledFrom(a.Signatories).Draw(t, "signatory")
			a.Signatories = append(a.Signatories, p)
			return expect{err: agreement.ErrDuplicateID, path: at("signatories", len(a.Signatories)-1), desc: string(p)}
		},
	},

	// Entry into force at an instant.
	{
		name:    "unconditional entry into force",
		targets: func(*agreement.Agreement) []target { return single("agreement:inForceAt") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			if a.InForceAt.IsZero() {
				a.InForceAt.At = drawInstant(t, "in-force-at")
			}
			a.InForceAt.Unconditional = true
			return expect{err: agreement.ErrInconsistent, path: "inForceAt.unconditional", desc: a.InForceAt.String()}
		},
	},
	{
		name:    "placeholder in entry into force instant",
		targets: func(*agreement.Agreement) []target { return single("agreement:inForceAt") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			p, field := placeholderPattern(t)
			n := embed(t, badNode{c: agreement.Happened(p), suffix: ".happened" + field})
			a.InForceAt = agreement.Deadline{From: n.c, Period: drawPeriod(t, "in-force-after")}
			return expect{err: agreement.ErrInvalidValue, path: "inForceAt.from" + n.suffix, desc: n.c.String()}
		},
	},

	// Deadlines and expiries.
	limitKind("period and at", false, func(t *rapid.T, _ *agreement.Agreement, d *agreement.Deadline) (string, error) {
		*d = agreement.Deadline{Period: drawPeriod(t, "period"), At: drawInstant(t, "at")}
		return "", agreement.ErrInconsistent
	}),
	limitKind("after and period", false, func(t *rapid.T, _ *agreement.Agreement, d *agreement.Deadline) (string, error) {
		*d = agreement.Deadline{After: drawPositiveDuration(t, "after"), Period: drawPeriod(t, "period")}
		return "", agreement.ErrInconsistent
	}),
	limitKind("anchor with an instant", false, func(t *rapid.T, _ *agreement.Agreement, d *agreement.Deadline) (string, error) {
		*d = agreement.Deadline{At: drawInstant(t, "at"), From: sibling}
		return ".from", agreement.ErrInconsistent
	}),
	limitKind("negative period", false, func(t *rapid.T, _ *agreement.Agreement, d *agreement.Deadline) (string, error) {
		p := drawPeriod(t, "period")
		var part string
		switch rapid.IntRange(0, 3).Draw(t, "negative-part") {
		case 0:
			p.Days, part = -rapid.IntRange(1, 30).Draw(t, "days"), "days"
		case 1:
			p.Weeks, part = -rapid.IntRange(1, 8).Draw(t, "weeks"), "weeks"
		case 2:
			p.Months, part = -rapid.IntRange(1, 12).Draw(t, "months"), "months"
		default:
			p.Years, part = -rapid.IntRange(1, 3).Draw(t, "years"), "years"
		}
		*d = agreement.Deadline{Period: p}
		return ".period." + part, agreement.ErrNegative
	}),
	limitKind("rounding alone", false, func(t *rapid.T, _ *agreement.Agreement, d *agreement.Deadline) (string, error) {
		*d = agreement.Deadline{Round: rapid.SampledFrom(roundings).Draw(t, "round")}
		return ".round", agreement.ErrInconsistent
	}),
	limitKind("exclusive alone", false, func(_ *rapid.T, _ *agreement.Agreement, d *agreement.Deadline) (string, error) {
		*d = agreement.Deadline{Exclusive: true}
		return ".exclusive", agreement.ErrInconsistent
	}),
	limitKind("unknown rounding", false, func(t *rapid.T, _ *agreement.Agreement, d *agreement.Deadline) (string, error) {
		*d = agreement.Deadline{Period: drawPeriod(t, "period"), Round: drawUnknown(t, agreement.RoundEndOfDay)}
		return ".round", agreement.ErrInvalidValue
	}),
	limitKind("unconditional expiry", true, func(t *rapid.T, _ *agreement.Agreement, d *agreement.Deadline) (string, error) {
		*d = agreement.Deadline{At: drawInstant(t, "at"), Unconditional: true}
		if rapid.Bool().Draw(t, "anchored") {
			*d = agreement.Deadline{From: sibling, Period: drawPeriod(t, "period"), Unconditional: true}
		}
		return ".unconditional", agreement.ErrInconsistent
	}),
	clauseKind("unconditional relative deadline", isObligation,
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Deadline = agreement.Deadline{Period: drawPeriod(t, "period"), Unconditional: true}
			if rapid.Bool().Draw(t, "exact") {
				c.Deadline = agreement.Deadline{After: drawPositiveDuration(t, "after"), Unconditional: true}
			}
			return expect{err: agreement.ErrInconsistent, path: path + ".deadline.unconditional", desc: c.Deadline.String()}
		}),
	limitKind("dangling clause in anchor", false, func(t *rapid.T, a *agreement.Agreement, d *agreement.Deadline) (string, error) {
		n := embed(t, badNode{c: agreement.ClauseIn(agreement.LocalRef(ghostClause(a)), agreement.StateFulfilled),
			suffix: ".clauseIn.clause"})
		*d = agreement.Deadline{From: n.c}
		if rapid.Bool().Draw(t, "with-period") {
			d.Period = drawPeriod(t, "period")
		}
		return ".from" + n.suffix, agreement.ErrUnknownClause
	}),
	{
		name: "unconditional option deadline",
		targets: func(a *agreement.Agreement) []target {
			return each("option", len(a.Options), func(i int) bool { return !a.Options[i].Deadline.IsZero() })
		},
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			o := &a.Options[tg.i]
			o.Deadline.Unconditional = true
			return expect{err: agreement.ErrInconsistent, path: optionPath(tg.i) + ".deadline.unconditional",
				desc: o.Deadline.String()}
		},
	},

	// Recurring duties.
	clauseKind("recurrence every and on", isObligation,
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			p := validPattern
			c.Recurs = agreement.Recurrence{Every: drawPeriod(t, "every"), On: &p, Within: drawPeriod(t, "within")}
			c.Deadline = agreement.Deadline{}
			return expect{err: agreement.ErrInconsistent, path: path + ".recurs", desc: c.Recurs.String()}
		}),
	clauseKind("recurrence of a non-obligation", func(c *agreement.Clause) bool { return !isObligation(c) },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Recurs = agreement.Recurrence{Every: drawPeriod(t, "every")}
			return expect{err: agreement.ErrInconsistent, path: path + ".recurs", desc: c.Kind.String()}
		}),
	clauseKind("recurrence with a deadline", isObligation,
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			if c.Recurs.IsZero() {
				c.Recurs = agreement.Recurrence{Every: drawPeriod(t, "every")}
			}
			c.Deadline = agreement.Deadline{Period: drawPeriod(t, "deadline")}
			return expect{err: agreement.ErrInconsistent, path: path + ".recurs", desc: "deadline " + c.Deadline.String()}
		}),
	clauseKind("recurrence on an event without within", isObligation,
		func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			p := validPattern
			c.Recurs = agreement.Recurrence{On: &p}
			c.Deadline = agreement.Deadline{}
			return expect{err: agreement.ErrMissing, path: path + ".recurs.within", desc: c.Recurs.String()}
		}),
	clauseKind("recurrence start without every", isObligation,
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			p := validPattern
			c.Recurs = agreement.Recurrence{On: &p, Within: drawPeriod(t, "within"), Start: drawInstant(t, "start")}
			c.Deadline = agreement.Deadline{}
			return expect{err: agreement.ErrInconsistent, path: path + ".recurs.start", desc: c.Recurs.String()}
		}),
	clauseKind("recurrence without every or on", isObligation,
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Recurs = agreement.Recurrence{Within: drawPeriod(t, "within")}
			if rapid.Bool().Draw(t, "round-only") {
				c.Recurs = agreement.Recurrence{Round: rapid.SampledFrom(roundings).Draw(t, "round")}
			}
			c.Deadline = agreement.Deadline{}
			return expect{err: agreement.ErrMissing, path: path + ".recurs", desc: c.Recurs.String()}
		}),
	clauseKind("negative recurrence period", isObligation,
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			every := drawPeriod(t, "every")
			every.Days = -rapid.IntRange(1, 30).Draw(t, "days")
			c.Recurs = agreement.Recurrence{Every: every}
			c.Deadline = agreement.Deadline{}
			return expect{err: agreement.ErrNegative, path: path + ".recurs.every.days", desc: c.Recurs.String()}
		}),

	// Provisional clauses.
	clauseKind("provisional and surviving", nil, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Provisional, c.Surviving = true, true
		return expect{err: agreement.ErrInconsistent, path: path + ".provisional", desc: "provisional and surviving"}
	}),

	// Clock conditions.
	conditionKind("clock from not before until", func(t *rapid.T, _ *agreement.Agreement) badNode {
		until := drawInstant(t, "until")
		from := until
		if rapid.Bool().Draw(t, "after") {
			from = until.Add(drawPositiveDuration(t, "by"))
		}
		return badNode{agreement.Between(from, until), ".clock.until", agreement.ErrInconsistent, "between"}
	}),
	conditionKind("clock without bounds", func(t *rapid.T, _ *agreement.Agreement) badNode {
		if rapid.Bool().Draw(t, "until") {
			return badNode{agreement.Until(time.Time{}), ".clock", agreement.ErrMissing, "until"}
		}
		return badNode{agreement.From(time.Time{}), ".clock", agreement.ErrMissing, "from"}
	}),
	conditionKind("clock instant out of range", func(t *rapid.T, _ *agreement.Agreement) badNode {
		far := time.Date(rapid.IntRange(2263, 9999).Draw(t, "year"), time.January, 1, 0, 0, 0, 0, time.UTC)
		if rapid.Bool().Draw(t, "until") {
			return badNode{agreement.Until(far), ".clock.until", agreement.ErrInvalidValue, "until"}
		}
		return badNode{agreement.From(far), ".clock.from", agreement.ErrInvalidValue, "from"}
	}),
}

// badZones are zone names that do not load: an unknown name, an offset
// beyond 14 hours, minutes beyond 59, an empty path element, the process's
// local zone, a relative file name, a trailing space.
var badZones = []agreement.Zone{"Mars/Olympus_Mons", "+25:00", "+03:60", "Europe//Kyiv", "Local", "../zoneinfo/UTC",
	"Europe/Kyiv "}

func drawBadZone(t *rapid.T) agreement.Zone { return rapid.SampledFrom(badZones).Draw(t, "zone") }

func isObligation(c *agreement.Clause) bool { return c.Kind == agreement.DeonticObligation }

// limitKind is a corruption of a clause's expiry or, for an obligation,
// sometimes its deadline (only its expiry, when expiryOnly): set sets the
// limit and returns the problem's path suffix, relative to the limit, and
// sentinel.
func limitKind(name string, expiryOnly bool,
	set func(t *rapid.T, a *agreement.Agreement, d *agreement.Deadline) (string, error)) kind {
	return clauseKind(name, nil, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		d, slot := &c.Expiry, "expiry"
		if !expiryOnly && isObligation(c) && rapid.Bool().Draw(t, "deadline") {
			d, slot = &c.Deadline, "deadline"
			// A recurring obligation has no deadline: leave only the
			// problem drawn.
			c.Recurs = agreement.Recurrence{}
		}
		suffix, err := set(t, a, d)
		return expect{err: err, path: path + "." + slot + suffix, desc: slot + " " + d.String()}
	})
}
