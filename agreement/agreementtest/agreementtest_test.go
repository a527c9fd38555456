package agreementtest_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

func nodeName(c agreement.Condition) string {
	switch c := c.(type) {
	case *agreement.HappenedCondition:
		return "node:happened"
	case *agreement.HoldsCondition:
		return "node:holds"
	case *agreement.ClauseInCondition:
		if c.Debtor() != "" {
			return "node:clause-in-for"
		}
		return "node:clause-in"
	case *agreement.BreachedCondition:
		return "node:breached"
	case *agreement.TallyCondition:
		if c.Sum() {
			return "node:total"
		}
		return "node:level"
	case *agreement.AgreementInCondition:
		return "node:agreement-in"
	case *agreement.BeforeCondition:
		return "node:before"
	case *agreement.WithinCondition:
		return "node:within"
	case *agreement.SinceCondition:
		return "node:since"
	case *agreement.AllCondition:
		return "node:all"
	case *agreement.AnyCondition:
		return "node:any"
	case *agreement.NotCondition:
		return "node:not"
	case *agreement.AtLeastCondition:
		return "node:at-least"
	case *agreement.ClockCondition:
		return "node:clock"
	}
	return fmt.Sprintf("node:%T", c)
}

var allNodes = []string{"node:happened", "node:holds", "node:clause-in", "node:clause-in-for", "node:agreement-in",
	"node:before", "node:within", "node:since", "node:breached", "node:total", "node:level", "node:clock", "node:all",
	"node:any", "node:not", "node:at-least"}

// wantFeatures are the features every run must reach.
var wantFeatures = slices.Concat(allNodes, []string{
	"kind:obligation", "kind:prohibition", "kind:permission", "kind:power",
	"effect:suspend", "effect:resume", "effect:discharge", "effect:terminate",
	"joint", "several", "depth>=2", "expiry:after", "expiry:at",
	"range:inexact", "range:wording", "entry-into-force", "group", "fluent", "signature", "sub-stage",
	"target:agreement", "pattern:clause", "instant:ns",
	"territory", "area:pattern", "shares:split", "shares:fine", "arrangement", "options:several",
	"item-class:items", "item-class:rule", "range:class", "pattern:item", "pattern:class", "pattern:measure",
	"placeholder:debtor", "placeholder:creditor", "standing:obligation", "standing:prohibition",
	"power:automatic", "target-debtor:placeholder", "target-debtor:party", "relaxes", "grant", "covers",
	"cover-window", "breach-filter:debtor", "breach-filter:within", "instance:placeholder",
	"limit:period", "limit:anchor", "zone:agreement", "zone:clause", "provisional", "signatories", "in-force-at",
	"term:agreement", "term:clause", "effect:notice", "during-suspension:defers", "target-debtor:agreement",
})

// termFeatures are the features of terms, notice and suspension, which
// TestTermCoverage checks: terms of agreements and clauses, with and
// without automatic renewal, limited or not, with a notice period, their
// periods on the calendar and exact; notice powers aimed at agreements and
// at clauses, limited to one debtor or not; powers of every effect but
// discharge and resume aimed at a party's participation in an agreement.
var termFeatures = []string{
	"term:agreement", "term:clause", "term:renewal", "term:renewal-other", "term:renewals", "term:unlimited",
	"term:not-renewed", "term:notice", "term:notice-longer", "term:calendar", "term:exact",
	"notice:agreement", "notice:clause", "notice:target-debtor", "participation:suspend",
	"participation:terminate", "participation:notice", "participation:party", "participation:placeholder",
	"during-suspension:defers",
}

// calendarFeatures are the features of time limits and calendar time
// that only some clauses of one kind can have, which TestCalendarCoverage
// checks: every sort of limit as a deadline and as an expiry, rounded,
// exclusive and unconditional; every sort of anchor and of period; every
// form of recurrence; zones of every sort; every sort of entry into force
// at an instant; every clock condition; the Lapsed state.
var calendarFeatures = []string{
	"deadline:after", "deadline:at", "deadline:period", "deadline:anchor", "deadline:anchor+period", "deadline:anchor+after", "deadline:round",
	"deadline:exclusive", "deadline:unconditional", "expiry:period", "expiry:anchor", "expiry:anchor+period",
	"expiry:anchor+after", "expiry:round", "expiry:exclusive", "anchor:happened", "anchor:clause-in",
	"anchor:agreement-in", "period:days", "period:weeks", "period:months", "period:years", "period:exact",
	"round:start-of-day", "round:end-of-day", "zone:offset", "zone:database", "recurs:every",
	"recurs:every-start", "recurs:every-within", "recurs:on", "recurs:round", "in-force-at:at",
	"in-force-at:period", "in-force-at:ratification", "option-deadline:period", "clock:from", "clock:until",
	"clock:between", "state:lapsed",
}

func depth(c agreement.Condition) int {
	d := 0
	for _, o := range agreement.Operands(c) {
		d = max(d, depth(o)+1)
	}
	return d
}

// record adds the features of a to cov.
func record(cov *agreementtest.Coverage, a agreement.Agreement) {
	var keys []string
	pattern := func(p agreement.Pattern) {
		if p.Item != "" {
			keys = append(keys, "pattern:item")
		}
		if p.Class != "" {
			keys = append(keys, "pattern:class")
		}
		if !p.Measure.IsZero() {
			keys = append(keys, "pattern:measure")
		}
		d, c := p.Placeholders()
		if d {
			keys = append(keys, "placeholder:debtor")
		}
		if c {
			keys = append(keys, "placeholder:creditor")
		}
	}
	walk := func(c agreement.Condition) {
		if c == nil {
			return
		}
		if depth(c) >= 2 {
			keys = append(keys, "depth>=2")
		}
		agreement.Walk(c, func(n agreement.Condition) bool {
			keys = append(keys, nodeName(n))
			if h, ok := n.(*agreement.HappenedCondition); ok && h.Pattern().Clause != (agreement.Ref{}) {
				keys = append(keys, "pattern:clause")
			}
			switch n := n.(type) {
			case *agreement.HappenedCondition:
				pattern(n.Pattern())
			case *agreement.TallyCondition:
				pattern(n.Pattern())
			case *agreement.ClauseInCondition:
				if n.Debtor() == agreement.Debtor {
					keys = append(keys, "instance:placeholder")
				}
				if slices.Contains(n.States(), agreement.StateLapsed) {
					keys = append(keys, "state:lapsed")
				}
			case *agreement.ClockCondition:
				switch {
				case n.From().IsZero():
					keys = append(keys, "clock:until")
				case n.Until().IsZero():
					keys = append(keys, "clock:from")
				default:
					keys = append(keys, "clock:between")
				}
			case *agreement.BreachedCondition:
				if f := n.Filter(); f.Debtor != "" {
					keys = append(keys, "breach-filter:debtor")
					if f.Debtor == agreement.Debtor {
						keys = append(keys, "instance:placeholder")
					}
				}
				if n.Filter().Within > 0 {
					keys = append(keys, "breach-filter:within")
				}
			}
			return true
		})
	}
	walk(a.EntryIntoForce)
	if a.EntryIntoForce != nil {
		keys = append(keys, "entry-into-force")
	}
	if len(a.Groups) > 0 {
		keys = append(keys, "group")
	}
	if len(a.Fluents) > 0 {
		keys = append(keys, "fluent")
	}
	if len(a.Signatures) > 0 {
		keys = append(keys, "signature")
	}
	if a.SubStage != "" {
		keys = append(keys, "sub-stage")
	}
	if a.Date.Nanosecond() != 0 {
		keys = append(keys, "instant:ns")
	}
	period := func(p agreement.Period) {
		for _, part := range []struct {
			name string
			set  bool
		}{{"days", p.Days != 0}, {"weeks", p.Weeks != 0}, {"months", p.Months != 0}, {"years", p.Years != 0},
			{"exact", p.Exact != 0}} {
			if part.set {
				keys = append(keys, "period:"+part.name)
			}
		}
	}
	zone := func(name string, z agreement.Zone) {
		switch {
		case z == "":
			return
		case z[0] == '+' || z[0] == '-':
			keys = append(keys, "zone:offset")
		case z != "UTC":
			keys = append(keys, "zone:database")
		}
		keys = append(keys, "zone:"+name)
	}
	term := func(of string, tm agreement.Term) {
		if tm.IsZero() {
			return
		}
		keys = append(keys, "term:"+of)
		for _, p := range []agreement.Period{tm.Period, tm.Renewal} {
			switch {
			case p.Calendar():
				keys = append(keys, "term:calendar")
			case !p.IsZero():
				keys = append(keys, "term:exact")
			}
		}
		switch {
		case tm.Renewal.IsZero():
			keys = append(keys, "term:not-renewed")
		case tm.Renewals > 0:
			keys = append(keys, "term:renewal", "term:renewals")
		default:
			keys = append(keys, "term:renewal", "term:unlimited")
		}
		if !tm.Renewal.IsZero() && tm.Renewal != tm.Period {
			keys = append(keys, "term:renewal-other")
		}
		if !tm.Notice.IsZero() {
			keys = append(keys, "term:notice")
			// A notice period longer than the term: a notice counts for
			// a later end than the first.
			start := time.Date(2030, time.January, 1, 0, 0, 0, 0, time.UTC)
			if tm.Period.AddTo(start, nil).Before(tm.Notice.AddTo(start, nil)) {
				keys = append(keys, "term:notice-longer")
			}
		}
	}
	deadline := func(name string, d agreement.Deadline) {
		var sort string
		switch {
		case d.From != nil && d.After != 0:
			sort = "anchor+after"
		case d.From != nil && !d.Period.IsZero():
			sort = "anchor+period"
		case d.From != nil:
			sort = "anchor"
		case d.After != 0:
			sort = "after"
		case !d.At.IsZero():
			sort = "at"
		case !d.Period.IsZero():
			sort = "period"
		}
		if sort != "" {
			keys = append(keys, name+":"+sort, "limit:"+sort)
		}
		period(d.Period)
		if d.Round != agreement.RoundNone {
			keys = append(keys, name+":round", "limit:round", "round:"+d.Round.String())
		}
		if d.Exclusive {
			keys = append(keys, name+":exclusive", "limit:exclusive")
		}
		if d.Unconditional {
			keys = append(keys, name+":unconditional")
		}
		switch d.From.(type) {
		case nil:
		case *agreement.HappenedCondition:
			keys = append(keys, "anchor:happened")
		case *agreement.ClauseInCondition:
			keys = append(keys, "anchor:clause-in")
		case *agreement.AgreementInCondition:
			keys = append(keys, "anchor:agreement-in")
		default:
			keys = append(keys, "anchor:other")
		}
		walk(d.From)
	}
	zone("agreement", a.Zone)
	term("agreement", a.Term)
	if len(a.Signatories) > 0 {
		keys = append(keys, "signatories")
	}
	switch f := a.InForceAt; {
	case !f.At.IsZero():
		keys = append(keys, "in-force-at", "in-force-at:at")
	case f.From != nil:
		keys = append(keys, "in-force-at", "in-force-at:ratification")
	case !f.Period.IsZero():
		keys = append(keys, "in-force-at", "in-force-at:period")
	}
	walk(a.InForceAt.From)
	if !a.Territory.IsZero() {
		keys = append(keys, "territory")
	}
	for _, ar := range a.Territory.Areas {
		for _, ss := range [][]agreement.Share{ar.Sovereignty, ar.Control} {
			if len(ss) > 1 {
				keys = append(keys, "shares:split")
			}
			for _, sh := range ss {
				if sh.Percent.Exponent() < -2 {
					keys = append(keys, "shares:fine")
				}
			}
		}
		if len(ar.Arrangements) > 0 {
			keys = append(keys, "arrangement")
		}
	}
	for _, o := range a.Options {
		keys = append(keys, "option:"+o.Kind.String())
		if !o.Deadline.Period.IsZero() {
			keys = append(keys, "option-deadline:period")
		}
		if o.Lapse != agreement.LapseUnspecified {
			keys = append(keys, "lapse:"+o.Lapse.String())
		}
	}
	if len(a.Options) > 1 {
		keys = append(keys, "options:several")
	}
	for _, ic := range a.ItemClasses {
		if len(ic.Items) > 0 {
			keys = append(keys, "item-class:items")
		}
		if len(ic.Rule) > 0 {
			keys = append(keys, "item-class:rule")
		}
	}
	for _, c := range a.Clauses {
		if c.Action != nil && c.Action.Area != "" && !a.Territory.IsZero() {
			keys = append(keys, "area:pattern")
		}
		if c.Action != nil {
			pattern(*c.Action)
		}
		if c.Standing {
			keys = append(keys, "standing:"+c.Kind.String())
		}
		if c.Kind == agreement.DeonticPower && c.Fulfilment != nil {
			keys = append(keys, "power:automatic")
		}
		switch c.TargetDebtor {
		case "":
		case agreement.Debtor:
			keys = append(keys, "target-debtor:placeholder")
		default:
			keys = append(keys, "target-debtor:party")
		}
		if len(c.Relaxes) > 0 {
			keys = append(keys, "relaxes")
		}
		if c.Grant != nil {
			keys = append(keys, "grant")
			pattern(*c.Grant)
		}
		if c.Covers > 0 {
			keys = append(keys, "covers")
		}
		if c.CoverWindow > 0 {
			keys = append(keys, "cover-window")
		}
		keys = append(keys, "kind:"+c.Kind.String())
		if c.Effect != agreement.EffectUnspecified {
			keys = append(keys, "effect:"+c.Effect.String())
		}
		if c.Joint {
			keys = append(keys, "joint")
		} else if len(c.Debtors) > 1 {
			keys = append(keys, "several")
		}
		deadline("deadline", c.Deadline)
		deadline("expiry", c.Expiry)
		term("clause", c.Term)
		if c.DuringSuspension == agreement.SuspensionDefers {
			keys = append(keys, "during-suspension:defers")
		}
		if c.Effect == agreement.EffectNotice {
			for _, r := range c.Targets {
				if r.IsAgreement() {
					keys = append(keys, "notice:agreement")
				} else {
					keys = append(keys, "notice:clause")
				}
			}
			if c.TargetDebtor != "" {
				keys = append(keys, "notice:target-debtor")
			}
		}
		if c.TargetDebtor != "" && slices.ContainsFunc(c.Targets, agreement.Ref.IsAgreement) {
			keys = append(keys, "target-debtor:agreement", "participation:"+c.Effect.String())
			if c.TargetDebtor == agreement.Debtor {
				keys = append(keys, "participation:placeholder")
			} else {
				keys = append(keys, "participation:party")
			}
		}
		zone("clause", c.Zone)
		if c.Provisional {
			keys = append(keys, "provisional")
		}
		if r := c.Recurs; !r.IsZero() {
			keys = append(keys, "recurs")
			if r.On != nil {
				keys = append(keys, "recurs:on")
				pattern(*r.On)
			}
			if !r.Every.IsZero() {
				keys = append(keys, "recurs:every")
			}
			if !r.Start.IsZero() {
				keys = append(keys, "recurs:every-start")
			}
			if !r.Every.IsZero() && !r.Within.IsZero() {
				keys = append(keys, "recurs:every-within")
			}
			if r.Round != agreement.RoundNone {
				keys = append(keys, "recurs:round")
			}
			period(r.Every)
			period(r.Within)
		}
		for _, r := range c.Quantities {
			if !r.IsExact() {
				keys = append(keys, "range:inexact")
			}
			if r.Wording != "" {
				keys = append(keys, "range:wording")
			}
			if r.Class != "" {
				keys = append(keys, "range:class")
			}
		}
		for _, r := range c.Targets {
			if r.IsAgreement() {
				keys = append(keys, "target:agreement")
			}
		}
		for _, nc := range c.Conditions() {
			walk(nc.Condition)
		}
	}
	cov.Add(keys...)
}

// checkShape checks what validation does not: instants in UTC within the
// documented range, ranges of non-negative decimals with min <= max, terms
// of a week or more whose first twenty ends, from a beginning in 2040,
// fall within agreement.InstantRange.
func checkShape(t *rapid.T, a agreement.Agreement) {
	term := func(what string, tm agreement.Term) {
		if tm.IsZero() {
			return
		}
		begin := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
		_, last := agreement.InstantRange()
		end, p := begin, tm.Period
		for range 20 {
			if next := p.AddTo(end, nil); next.Sub(end) < 7*agreement.Day || next.After(last) {
				t.Fatalf("%s: term %v: an end at %v follows %v", what, tm, next, end)
			} else {
				end = next
			}
			if !tm.Renewal.IsZero() {
				p = tm.Renewal
			}
		}
	}
	term("agreement", a.Term)
	lo := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
	instant := func(what string, x time.Time) {
		if x.IsZero() {
			return
		}
		if x.Location() != time.UTC || x.Before(lo) || !x.Before(hi) {
			t.Fatalf("%s: instant %v not in UTC within [2000, 2040)", what, x)
		}
	}
	instant("date", a.Date)
	instant("inForceAt", a.InForceAt.At)
	for _, s := range a.Signatures {
		instant("signature", s.Date)
	}
	for _, c := range a.Clauses {
		instant("source", c.Source.Date)
		instant("deadline", c.Deadline.At)
		instant("expiry", c.Expiry.At)
		instant("recurrence start", c.Recurs.Start)
		term("clause "+string(c.ID), c.Term)
		for _, r := range c.Quantities {
			if r.Min.IsNegative() || r.Min.GreaterThan(r.Max) {
				t.Fatalf("clause %s: bad range %v", c.ID, r)
			}
		}
	}
}

// TestAgreementValidates draws three agreements in each check, so that a
// run of 100 checks reaches the rarest features (a breach filter needs a
// standing clause in scope and a Breached atom) in all but a negligible
// share of runs.
func TestAgreementValidates(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		for range 3 {
			a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
			agreementtest.AssertValid(t, a)
			checkShape(t, a)
			record(&cov, a)
		}
	})
	cov.Check(t, wantFeatures...)
}

// TestCalendarCoverage checks that runs reach every sort of limit in each
// place and every form of recurrence, drawing several agreements in each
// check, since each sort holds for a few clauses of one kind only.
func TestCalendarCoverage(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		for _, a := range rapid.SliceOfN(agreementtest.Agreement(agreementtest.Config{}), 5, 5).Draw(t, "agreements") {
			record(&cov, a)
		}
	})
	cov.Check(t, calendarFeatures...)
}

// TestTermCoverage checks that runs reach every form of term, notice
// power and power aimed at a party's participation, drawing several
// agreements in each check, since a notice power needs an instrument with
// a term: ten, as with five a run of 100 checks now and then missed the
// rarest form (a power suspending a party's participation).
func TestTermCoverage(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		for _, a := range rapid.SliceOfN(agreementtest.Agreement(agreementtest.Config{}), 10, 10).Draw(t, "agreements") {
			record(&cov, a)
		}
	})
	cov.Check(t, termFeatures...)
}

func TestProcessValidates(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{}).Draw(t, "process")
		agreementtest.AssertProcessValid(t, p)
		seen := map[agreement.AgreementID]bool{}
		for _, a := range p.Agreements {
			if seen[a.ID] {
				t.Fatalf("duplicate agreement id %q", a.ID)
			}
			seen[a.ID] = true
			checkShape(t, a)
			for _, c := range a.Clauses {
				for _, r := range agreement.ClauseDependencies(c, a.ID) {
					if r.Agreement != a.ID {
						cov.Add("cross:clause-in")
					}
				}
				for _, r := range c.Targets {
					if r.Agreement != "" && r.Agreement != a.ID {
						cov.Add("cross:target")
					}
				}
				for _, nc := range c.Conditions() {
					agreement.Walk(nc.Condition, func(n agreement.Condition) bool {
						if ai, ok := n.(*agreement.AgreementInCondition); ok && ai.Agreement() != "" && ai.Agreement() != a.ID {
							cov.Add("cross:agreement-in")
						}
						return true
					})
				}
			}
		}
		if len(p.Agreements) > 1 {
			cov.Add("several-agreements")
		}
	})
	cov.Check(t, "cross:clause-in", "cross:target", "cross:agreement-in", "several-agreements")
}

func TestConfigBounds(t *testing.T) {
	cfg := agreementtest.Config{Parties: 2, Groups: -1, Fluents: -1, Clauses: 3, Depth: -1, Areas: -1}
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(cfg).Draw(t, "agreement")
		agreementtest.AssertValid(t, a)
		if !a.Territory.IsZero() || len(a.Options) != 0 {
			t.Fatalf("territory or options drawn with negative Areas: %v, %d options", a.Territory, len(a.Options))
		}
		if len(a.Parties) < 1 || len(a.Parties) > 2 || len(a.Groups) != 0 || len(a.Fluents) != 0 || len(a.Clauses) > 3 {
			t.Fatalf("sizes beyond %+v: %d parties, %d groups, %d fluents, %d clauses", cfg,
				len(a.Parties), len(a.Groups), len(a.Fluents), len(a.Clauses))
		}
		for _, c := range a.Clauses {
			for _, nc := range c.Conditions() {
				if nc.Condition != nil && len(agreement.Operands(nc.Condition)) > 0 {
					t.Fatalf("clause %s %s: combinator drawn with negative Depth: %v", c.ID, nc.Name, nc.Condition)
				}
			}
		}
	})
}

func TestConditionAndPatternScope(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// A fixed agreement whose names the scope lists.
		a := agreement.Agreement{
			ID:      "host",
			Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}},
			Groups:  []agreement.Group{{ID: "G", Members: []agreement.PartyID{"UA"}}},
			Fluents: []agreement.Fluent{{ID: "cf"}},
			Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{"UA"}}},
		}
		s := agreementtest.Scope{
			Parties:    []agreement.PartyID{"UA", "RU"},
			Groups:     []agreement.GroupID{"G"},
			Fluents:    []agreement.FluentID{"cf"},
			Mentions:   []agreement.Ref{agreement.LocalRef("C1"), agreement.AgreementRef("host")},
			Agreements: []agreement.AgreementID{"host"},
		}
		if rapid.Bool().Draw(t, "empty-scope") {
			s = agreementtest.Scope{}
		} else if rapid.Bool().Draw(t, "with-territory") {
			// With a territory, patterns name only its areas.
			a.Territory = agreementtest.Territory(s.Parties, agreementtest.Config{}).Draw(t, "territory")
			for _, ar := range a.Territory.Areas {
				s.Areas = append(s.Areas, ar.ID)
			}
		}
		a.EntryIntoForce = agreementtest.Condition(s, 2).Draw(t, "condition")
		p := agreementtest.Pattern(s).Draw(t, "pattern")
		a.Clauses[0].Action = &p
		// C1 reads nothing, so the entry-into-force condition may read it.
		s.Depends = []agreement.Ref{agreement.LocalRef("C1")}
		a.Clauses[0].Trigger = nil
		a.Fluents[0].Initiates = []agreement.Pattern{agreementtest.Pattern(s).Draw(t, "initiates")}
		agreementtest.AssertValid(t, a)
	})
}

// TestBuildingBlocks checks the promises of IDs, Subset and Decimal.
func TestBuildingBlocks(t *testing.T) {
	names := rapid.StringMatching(`[a-z]{1,8}`)
	pool := []string{"UA", "FR", "GB"}
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 6).Draw(t, "n")
		ids := agreementtest.IDs[agreement.PartyID](n, pool, names).Draw(t, "ids")
		if len(ids) != n {
			t.Fatalf("IDs(%d) drew %d ids: %v", n, len(ids), ids)
		}
		seen := map[agreement.PartyID]bool{}
		for _, id := range ids {
			if seen[id] || !id.Valid() {
				t.Fatalf("IDs drew a repeated or invalid id %q: %v", id, ids)
			}
			seen[id] = true
		}

		lo, hi := rapid.IntRange(0, 4).Draw(t, "lo"), rapid.IntRange(0, 4).Draw(t, "hi")
		sub := agreementtest.Subset(pool, lo, hi).Draw(t, "subset")
		if want := min(lo, hi, len(pool)); len(sub) < want || len(sub) > min(hi, len(pool)) {
			t.Fatalf("Subset(%d, %d) of %d drew %d elements", lo, hi, len(pool), len(sub))
		}
		for i, x := range sub {
			if !slices.Contains(pool, x) || slices.Contains(sub[:i], x) {
				t.Fatalf("Subset drew %q twice or from elsewhere: %v", x, sub)
			}
		}

		if d := agreementtest.Decimal().Draw(t, "decimal"); d.IsNegative() {
			t.Fatalf("Decimal drew %s", d)
		}
	})
}

func TestCorruptionReported(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		c := agreementtest.Corrupt(agreementtest.Config{}).Draw(t, "corruption")
		err := c.Agreement.Validate()
		agreementtest.AssertProblem(t, err, c.Sentinel, c.Path)
		cov.Add(c.Kind)
		if rapid.Bool().Draw(t, "another") {
			d := c.Another().Draw(t, "another")
			err := d.Agreement.Validate()
			agreementtest.AssertProblem(t, err, c.Sentinel, c.Path)
			agreementtest.AssertProblem(t, err, d.Sentinel, d.Path)
		}
	})
	if cov.Len() < 20 && agreementtest.FullRun() {
		t.Errorf("only %d kinds of corruption drawn in the run", cov.Len())
	}
}

func TestCorruptAgreementLeavesInputAlone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		before := a.Clone()
		c := agreementtest.CorruptAgreement(a).Draw(t, "corruption")
		d := c.Another().Draw(t, "another")
		if diff := cmp.Diff(before, a, agreementtest.Options()); diff != "" {
			t.Fatalf("CorruptAgreement modified its input (-before +after):\n%s", diff)
		}
		if cmp.Equal(a, c.Agreement, agreementtest.Options()) {
			t.Fatalf("%s: corruption changed nothing", c.Desc)
		}
		agreementtest.AssertProblem(t, c.Agreement.Validate(), c.Sentinel, c.Path)
		agreementtest.AssertProblem(t, d.Agreement.Validate(), c.Sentinel, c.Path)
		agreementtest.AssertProblem(t, d.Agreement.Validate(), d.Sentinel, d.Path)
	})
}

func TestCorruptionKinds(t *testing.T) {
	ks := agreementtest.CorruptionKinds()
	if len(ks) < 30 {
		t.Fatalf("CorruptionKinds() = %d kinds", len(ks))
	}
	seen := map[string]bool{}
	for _, k := range ks {
		if k == "" || seen[k] {
			t.Errorf("kind %q empty or repeated", k)
		}
		seen[k] = true
	}
}

// Clone shares nothing: writing to every element of the copy leaves the
// original as it was (checked against the original's JSON encoding, which
// shares nothing with either).
func TestPropertyCloneSharesNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		b := a.Clone()
		if !cmp.Equal(a, b, agreementtest.Options()) {
			t.Fatalf("copy differs:\n%s", cmp.Diff(a, b, agreementtest.Options()))
		}
		// Scribble over every element of b; a must not change.
		before, err := a.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		scribble(b.Parties, func(p *agreement.Party) {
			p.ID = "x"
			fill(p.Roles, agreement.RoleObserver)
		})
		scribble(b.Groups, func(g *agreement.Group) { fill(g.Members, "x") })
		scribble(b.Signatures, func(s *agreement.Signature) { s.Party = "x" })
		scribble(b.Fluents, func(f *agreement.Fluent) {
			scribble(f.Initiates, func(p *agreement.Pattern) { p.Kind = "x" })
			scribble(f.Terminates, func(p *agreement.Pattern) { p.Kind = "x" })
		})
		scribble(b.Territory.Areas, func(ar *agreement.Area) {
			ar.ID = "x"
			scribble(ar.Sovereignty, func(s *agreement.Share) { s.Party = "x" })
			scribble(ar.Control, func(s *agreement.Share) { s.Party = "x" })
			scribble(ar.Arrangements, func(r *agreement.Arrangement) { r.Option = "x" })
		})
		scribble(b.Options, func(o *agreement.Option) {
			fill(o.Areas, "x")
			fill(o.Parties, "x")
			scribble(o.Results, func(r *agreement.Result) { r.Outcome = "x" })
			if o.Width != nil {
				*o.Width = decimal.NewFromInt(-1)
			}
		})
		fill(b.Signatories, "x")
		scribble(b.Clauses, func(c *agreement.Clause) {
			if c.Recurs.On != nil {
				c.Recurs.On.Kind = "x"
			}
			fill(c.Debtors, "x")
			fill(c.Creditors, "x")
			if c.Action != nil {
				c.Action.Kind = "x"
			}
			scribble(c.Quantities, func(r *agreement.Range) { r.Wording = "x" })
			fill(c.Targets, agreement.LocalRef("x"))
		})
		if after, err := a.MarshalJSON(); err != nil || !bytes.Equal(before, after) {
			t.Fatalf("writing to the copy changed the original: %v\nbefore %s\nafter  %s", err, before, after)
		}
	})
}

// scribble calls f with a pointer to each element of xs in turn.
func scribble[T any](xs []T, f func(x *T)) {
	for i := range xs {
		f(&xs[i])
	}
}

// fill sets every element of xs to v.
func fill[T any](xs []T, v T) {
	for i := range xs {
		xs[i] = v
	}
}

func TestOptions(t *testing.T) {
	build := func(fluent agreement.FluentID) agreement.Agreement {
		return agreement.Agreement{
			ID:   "a",
			Date: time.Date(2026, 1, 6, 12, 0, 0, 0, time.UTC),
			Clauses: []agreement.Clause{{
				ID:         "C1",
				Kind:       agreement.DeonticObligation,
				Debtors:    []agreement.PartyID{"FR"},
				Quantities: []agreement.Range{{Min: decimal.RequireFromString("2000"), Max: decimal.NewFromInt(9000)}},
				Trigger: agreement.All(agreement.Holds(fluent),
					agreement.ClauseIn(agreement.LocalRef("C0"), agreement.StateViolated),
					agreement.Not(agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU"}))),
			}},
		}
	}
	a, b := build("ceasefire"), build("ceasefire")
	// Same values written differently: 2000 as 2000.0, the date in
	// another location, an empty slice for a nil one.
	b.Clauses[0].Quantities[0].Min = decimal.RequireFromString("2000.0")
	b.Date = b.Date.In(time.FixedZone("CET", 3600))
	b.Parties = []agreement.Party{}
	if !cmp.Equal(a, b, agreementtest.Options()) {
		t.Errorf("equal agreements compare unequal:\n%s", cmp.Diff(a, b, agreementtest.Options()))
	}
	if !cmp.Equal(a.Clauses[0].Trigger, b.Clauses[0].Trigger, agreementtest.Options()) {
		t.Error("equal bare conditions compare unequal")
	}
	if !cmp.Equal(agreement.Holds("x"), agreement.Holds("x"), agreementtest.Options()) {
		t.Error("equal concrete conditions compare unequal")
	}

	c := build("collapsed")
	if cmp.Equal(a, c, agreementtest.Options()) {
		t.Error("agreements with different conditions compare equal")
	}
	if diff := cmp.Diff(a, c, agreementtest.Options()); diff == "" {
		t.Error("cmp.Diff of different conditions is empty")
	}
	var none agreement.Condition
	if cmp.Equal(none, a.Clauses[0].Trigger, agreementtest.Options()) ||
		!cmp.Equal(none, none, agreementtest.Options()) {
		t.Error("nil conditions compare wrongly")
	}
	d := build("ceasefire")
	d.Clauses[0].Quantities[0].Max = decimal.NewFromInt(9001)
	if cmp.Equal(a, d, agreementtest.Options()) {
		t.Error("different decimals compare equal")
	}

	// Limits and recurrences: the same anchor built twice, the same
	// instant in another location and the same pattern behind another
	// pointer are equal; another anchor, rounding or pattern is not.
	timed := func(anchor agreement.EventKind, round agreement.Rounding, on agreement.EventKind) agreement.Agreement {
		x := build("ceasefire")
		x.InForceAt = agreement.Deadline{At: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Round: round}
		x.Clauses[0].Deadline = agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: anchor}),
			Period: agreement.Period{Days: 3}, Round: round, Unconditional: true}
		x.Clauses[0].Expiry = agreement.Deadline{From: agreement.ClauseIn(agreement.LocalRef("C0"), agreement.StateLapsed)}
		x.Clauses = append(x.Clauses, agreement.Clause{ID: "C2", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"FR"}, Action: &agreement.Pattern{Kind: "report"},
			Recurs: agreement.Recurrence{On: &agreement.Pattern{Kind: on}, Within: agreement.Period{Days: 2}}})
		x.Zone = "Europe/Kyiv"
		return x
	}
	g, h := timed("ceasefire-in-force", agreement.RoundEndOfDay, "incident"),
		timed("ceasefire-in-force", agreement.RoundEndOfDay, "incident")
	h.InForceAt.At = h.InForceAt.At.In(time.FixedZone("EET", 2*3600))
	if !cmp.Equal(g, h, agreementtest.Options()) {
		t.Errorf("equal limits and recurrences compare unequal:\n%s", cmp.Diff(g, h, agreementtest.Options()))
	}
	for _, x := range []agreement.Agreement{timed("signing", agreement.RoundEndOfDay, "incident"),
		timed("ceasefire-in-force", agreement.RoundStartOfDay, "incident"),
		timed("ceasefire-in-force", agreement.RoundEndOfDay, "attack")} {
		if cmp.Equal(g, x, agreementtest.Options()) || cmp.Diff(g, x, agreementtest.Options()) == "" {
			t.Errorf("different limits or recurrences compare equal:\n%v %v\n%v %v", g.Clauses[0].Deadline,
				g.Clauses[1].Recurs, x.Clauses[0].Deadline, x.Clauses[1].Recurs)
		}
	}

	// Territories and options: the same shares, sizes and widths written
	// differently are equal, different ones are not.
	withTerritory := func(pct, size, width string) agreement.Agreement {
		x := build("ceasefire")
		w := decimal.RequireFromString(width)
		x.Territory = agreement.Territory{Areas: []agreement.Area{{ID: "donetsk", Size: decimal.RequireFromString(size),
			Sovereignty: []agreement.Share{{Party: "UA", Percent: decimal.NewFromInt(100)}},
			Control: []agreement.Share{{Party: "RU", Percent: decimal.RequireFromString(pct)},
				{Party: "UA", Percent: decimal.NewFromInt(100).Sub(decimal.RequireFromString(pct))}}}}}
		x.Options = []agreement.Option{{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: []agreement.AreaID{"donetsk"},
			Parties: []agreement.PartyID{"UA"}, Width: &w, Deadline: agreement.Deadline{After: agreement.Day}}}
		return x
	}
	e, f := withTerritory("78.1", "26517", "15"), withTerritory("78.10", "26517.0", "15.00")
	f.Territory.Areas[0].Arrangements = []agreement.Arrangement{}
	f.Options[0].Results = []agreement.Result{}
	if !cmp.Equal(e, f, agreementtest.Options()) {
		t.Errorf("equal territories compare unequal:\n%s", cmp.Diff(e, f, agreementtest.Options()))
	}
	for _, g := range []agreement.Agreement{withTerritory("78.2", "26517", "15"), withTerritory("78.1", "26518", "15"),
		withTerritory("78.1", "26517", "16")} {
		if cmp.Equal(e, g, agreementtest.Options()) || cmp.Diff(e, g, agreementtest.Options()) == "" {
			t.Errorf("different territories or options compare equal:\n%v\n%v", e.Territory, g.Territory)
		}
	}
}

func TestTerritoryGenerator(t *testing.T) {
	var cov agreementtest.Coverage
	parties := []agreement.PartyID{"UA", "RU", "UN"}
	rapid.Check(t, func(t *rapid.T) {
		ter := agreementtest.Territory(parties, agreementtest.Config{Areas: 3}).Draw(t, "territory")
		if err := ter.Validate(); err != nil {
			t.Fatalf("generated territory does not validate: %v", err)
		}
		if len(ter.Areas) < 1 || len(ter.Areas) > 3 {
			t.Fatalf("%d areas, want 1 to 3", len(ter.Areas))
		}
		a := agreement.Agreement{ID: "a", Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "UN"}}, Territory: ter}
		agreementtest.AssertValid(t, a)
		for _, ar := range ter.Areas {
			if len(ar.Control) > 1 {
				cov.Add("split")
			}
			if ar.Size.Exponent() < 0 {
				cov.Add("fractional size")
			}
		}
	})
	cov.Check(t, "split", "fractional size")
	if got := agreementtest.Territory(nil, agreementtest.Config{}).Example(1); !got.IsZero() {
		t.Errorf("Territory(nil) drew %v, want the zero Territory", got)
	}
}

func TestPackageGenerator(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		before := a.Clone()
		p := agreementtest.Package(a, agreementtest.Config{Options: 9}).Draw(t, "package")
		if diff := cmp.Diff(before, a, agreementtest.Options()); diff != "" {
			t.Fatalf("Package modified its input (-before +after):\n%s", diff)
		}
		if err := p.Validate(a.Territory); err != nil {
			t.Fatalf("generated package does not validate: %v", err)
		}
		if len(p.Options) > 9 || a.Territory.IsZero() && len(p.Options) > 0 {
			t.Fatalf("%d options for a territory of %d areas", len(p.Options), len(a.Territory.Areas))
		}
		b := a.Clone()
		b.Options = p.Options
		agreementtest.AssertValid(t, b)
		for _, o := range p.Options {
			cov.Add(o.Kind.String())
			if o.Lapse != agreement.LapseUnspecified {
				cov.Add("lapse:" + o.Lapse.String())
			}
			if o.Text != "" {
				cov.Add("text")
			}
		}
		kinds := map[agreement.OptionKind]int{}
		for _, o := range p.Options {
			kinds[o.Kind]++
			if kinds[o.Kind] == 2 {
				cov.Add("repeated kind")
			}
		}
	})
	want := []string{"cede", "recognise-control", "freeze", "withdraw", "demilitarised-zone",
		"international-administration", "special-status", "referendum", "arbitration",
		"lapse:status-quo", "lapse:follow-control", "text", "repeated kind"}
	cov.Check(t, want...)
}

func TestAssertProblem(t *testing.T) {
	a := agreement.Agreement{ID: "a", Clauses: []agreement.Clause{{ID: "C1", Kind: agreement.DeonticObligation,
		Debtors: []agreement.PartyID{"XX"}, Action: &agreement.Pattern{Kind: agreement.EventKindSigning}}}}
	err := a.Validate()
	if !agreementtest.HasProblem(err, agreement.ErrUnknownParty, "clauses[0].debtors[0]") {
		t.Fatalf("HasProblem misses the problem in %v", err)
	}
	for _, c := range []struct {
		sentinel error
		path     string
	}{
		{agreement.ErrUnknownParty, "clauses[0].debtors"},
		{agreement.ErrDuplicateID, "clauses[0].debtors[0]"},
	} {
		if agreementtest.HasProblem(err, c.sentinel, c.path) {
			t.Errorf("HasProblem(%v, %q) = true", c.sentinel, c.path)
		}
	}
	if agreementtest.HasProblem(nil, agreement.ErrUnknownParty, "") {
		t.Error("HasProblem(nil) = true")
	}
	var rec recorder
	agreementtest.AssertProblem(&rec, err, agreement.ErrCycle, "clauses[0]")
	agreementtest.AssertProblem(&rec, nil, agreement.ErrCycle, "clauses[0]")
	agreementtest.AssertValid(&rec, a)
	agreementtest.AssertProblem(&rec, err, agreement.ErrUnknownParty, "clauses[0].debtors[0]")
	if rec.errors != 3 {
		t.Errorf("assertions reported %d failures, want 3", rec.errors)
	}
}

// recorder is a rapid.TB that counts failures instead of failing.
type recorder struct {
	rapid.TB
	errors int
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(string, ...any)     { r.errors++ }
func (r *recorder) Fatalf(f string, a ...any) { r.Errorf(f, a...) }
