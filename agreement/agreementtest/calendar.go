package agreementtest

import (
	"time"
	// The zones drawn include zone database names; the embedded copy of
	// the database makes them load on machines that have none.
	_ "time/tzdata"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// limitUse says where a drawn deadline goes, which decides what it may be.
type limitUse int

const (
	// useExpiry is a clause's expiry: any limit, never unconditional.
	useExpiry limitUse = iota
	// useDeadline is a clause's deadline (an obligation's): any limit, and
	// unconditional when fixed.
	useDeadline
	// useOption is an option's deadline: a duration, a period or an
	// instant, never anchored, since the clauses an option implies have
	// no conditions of their own.
	useOption
)

// limitSort is what a drawn limit sets.
type limitSort int

const (
	limitNone         limitSort = iota // nothing: no limit
	limitAfter                         // an exact duration
	limitAt                            // an instant
	limitPeriod                        // a calendar period
	limitAnchor                        // an anchor alone
	limitAnchorPeriod                  // a period from an anchor
	limitAnchorAfter                   // an exact duration from an anchor
)

// drawZone draws the zero Zone (UTC) or, one time in oneIn, a zone of
// zonePool.
func drawZone(t *rapid.T, label string, oneIn int) agreement.Zone {
	if rapid.IntRange(0, oneIn-1).Draw(t, "has-"+label) != 0 {
		return ""
	}
	return rapid.SampledFrom(zonePool).Draw(t, label)
}

// drawPeriod draws a small non-zero period as agreements write them: days,
// weeks, months or years, sometimes two of them, sometimes with an exact
// part in hours, and sometimes exact only ("72 hours").
func drawPeriod(t *rapid.T, label string) agreement.Period {
	var p agreement.Period
	switch rapid.IntRange(0, 6).Draw(t, label+"-sort") {
	case 0:
		p.Days = rapid.IntRange(1, 90).Draw(t, label+"-days")
	case 1:
		p.Weeks = rapid.IntRange(1, 8).Draw(t, label+"-weeks")
	case 2:
		p.Months = rapid.IntRange(1, 12).Draw(t, label+"-months")
	case 3:
		p.Years = rapid.IntRange(1, 3).Draw(t, label+"-years")
	case 4:
		p.Months = rapid.IntRange(0, 6).Draw(t, label+"-months")
		p.Days = rapid.IntRange(1, 30).Draw(t, label+"-days")
	case 5:
		p.Days = rapid.IntRange(1, 10).Draw(t, label+"-days")
		p.Exact = time.Duration(rapid.IntRange(1, 23).Draw(t, label+"-hours")) * time.Hour
	default:
		p.Exact = time.Duration(rapid.IntRange(1, 240).Draw(t, label+"-hours")) * time.Hour
	}
	return p
}

// drawLimit draws a deadline or expiry, the zero Deadline among them: an
// exact duration, a calendar period, an instant, an anchor on its own or
// a duration or period from an anchor (see drawAnchor, which draws from s
// within depth); then sometimes rounded to a local day's start or end, and
// exclusive; for use as a clause's deadline, a fixed one (an instant or an
// anchor) sometimes binds unconditionally. Round and Exclusive are set only
// on a limit that sets something else.
func drawLimit(t *rapid.T, label string, s *Scope, use limitUse, depth int) agreement.Deadline {
	// The sorts, with the zero Deadline twice as likely as each other
	// sort of expiry, and durations and instants twice as likely as each
	// other sort of deadline (which only obligations have: this keeps
	// their share of the sorts that were the only ones once).
	sorts := []limitSort{limitNone, limitNone, limitAfter, limitAt, limitPeriod, limitAnchor, limitAnchorPeriod,
		limitAnchorAfter}
	switch use {
	case useDeadline:
		sorts = []limitSort{limitNone, limitAfter, limitAfter, limitAt, limitAt, limitPeriod, limitAnchor,
			limitAnchorPeriod, limitAnchorAfter}
	case useOption:
		sorts = sorts[:5]
	}
	var d agreement.Deadline
	switch sorts[rapid.IntRange(0, len(sorts)-1).Draw(t, label+"-sort")] {
	case limitNone:
		return agreement.Deadline{}
	case limitAfter:
		d.After = drawPositiveDuration(t, label)
	case limitAt:
		d.At = drawInstant(t, label)
	case limitPeriod:
		d.Period = drawPeriod(t, label+"-period")
	case limitAnchor:
		d.From = drawAnchor(t, s, depth)
	case limitAnchorPeriod:
		d.From = drawAnchor(t, s, depth)
		d.Period = drawPeriod(t, label+"-period")
	case limitAnchorAfter:
		d.From = drawAnchor(t, s, depth)
		d.After = drawPositiveDuration(t, label)
	}
	if rapid.IntRange(0, 2).Draw(t, label+"-rounded") == 0 {
		d.Round = rapid.SampledFrom(roundings).Draw(t, label+"-round")
	}
	if use != useOption && rapid.IntRange(0, 3).Draw(t, label+"-exclusive") == 0 {
		d.Exclusive = true
	}
	if use == useDeadline && d.Fixed() && rapid.Bool().Draw(t, label+"-unconditional") {
		d.Unconditional = true
	}
	return d
}

// drawAnchor draws the condition a deadline counts from, naming only what
// s allows: an event ("after the ceasefire comes into force"), the state of
// a clause that the holder may read ("once C1 is fulfilled"), the state of
// an agreement ("from entry into force"), or any condition of at most
// depth (and one) levels of combinators.
func drawAnchor(t *rapid.T, s *Scope, depth int) agreement.Condition {
	switch rapid.IntRange(0, 3).Draw(t, "anchor") {
	case 0:
		return agreement.Happened(drawPattern(t, s))
	case 1:
		if len(s.Depends) > 0 {
			return drawClauseIn(t, s)
		}
		return agreement.Happened(drawPattern(t, s))
	case 2:
		return drawAgreementIn(t, s)
	}
	return drawCondition(t, s, min(depth, 1))
}

// drawClock draws a clock condition: from an instant, until one, or
// between two, the first strictly before the second.
func drawClock(t *rapid.T) agreement.Condition {
	from := drawInstant(t, "clock")
	switch rapid.IntRange(0, 2).Draw(t, "clock-sort") {
	case 0:
		return agreement.From(from)
	case 1:
		return agreement.Until(from)
	}
	return agreement.Between(from, from.Add(drawPositiveDuration(t, "clock-span")))
}

// drawRecurrence draws what makes an obligation recur, naming in its
// pattern only what s allows: every period (from the clause's entry into
// effect or from an instant; due when the next starts, or within a
// period), or at each event matching a pattern, within a period; each due
// instant sometimes rounded to its local day.
func drawRecurrence(t *rapid.T, s *Scope) agreement.Recurrence {
	var r agreement.Recurrence
	if rapid.IntRange(0, 2).Draw(t, "recurs-on") == 0 {
		p := drawPattern(t, s)
		r.On = &p
		r.Within = drawPeriod(t, "recurs-within")
	} else {
		r.Every = drawPeriod(t, "recurs-every")
		if rapid.Bool().Draw(t, "recurs-has-start") {
			r.Start = drawInstant(t, "recurs-start")
		}
		if rapid.Bool().Draw(t, "recurs-has-within") {
			r.Within = drawPeriod(t, "recurs-within")
		}
	}
	if rapid.IntRange(0, 2).Draw(t, "recurs-rounded") == 0 {
		r.Round = rapid.SampledFrom(roundings).Draw(t, "recurs-round")
	}
	return r
}

// drawInForceAt draws when an agreement enters into force, the zero
// Deadline (on its entry-into-force condition alone) among them: on an
// instant, a period after its signing, or a period after a ratification
// (an event pattern naming only what s allows); sometimes rounded to a
// local day.
func drawInForceAt(t *rapid.T, s *Scope) agreement.Deadline {
	var d agreement.Deadline
	switch rapid.IntRange(0, 5).Draw(t, "in-force-at") {
	case 0:
		d.At = drawInstant(t, "in-force-at")
	case 1:
		d.Period = drawPeriod(t, "in-force-after")
	case 2:
		p := drawPattern(t, s)
		p.Kind = agreement.EventKindRatification
		d.From = agreement.Happened(p)
		d.Period = drawPeriod(t, "in-force-after")
	default:
		return agreement.Deadline{}
	}
	if rapid.IntRange(0, 2).Draw(t, "in-force-rounded") == 0 {
		d.Round = rapid.SampledFrom(roundings).Draw(t, "in-force-round")
	}
	return d
}
