package scenariotest

import (
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// DefaultStart returns the start instant the generators use when a config
// leaves it zero: 2026-01-01T00:00:00Z.
func DefaultStart() time.Time { return time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC) }

// DefaultOffsets returns the offsets from the start at which generated
// events happen when a config leaves them nil: a small set (0, 1h, 1d, 2d,
// 3d, 5d, 7d, 10d, 14d, 20d, 30d, 31d, 45d, 60d), so that several events
// share an instant (one batch), and sums with the durations
// [LifecycleAgreement] draws (1d, 2d, 3d, 7d, 10d, 30d) fall both on other
// offsets and between them: timers fire at batches and between them. It
// returns a new slice on each call.
func DefaultOffsets() []time.Duration {
	const h, d = time.Hour, agreement.Day
	return []time.Duration{0, h, d, 2 * d, 3 * d, 5 * d, 7 * d, 10 * d, 14 * d, 20 * d, 30 * d, 31 * d, 45 * d, 60 * d}
}

// Defaults of TimelineConfig.
const (
	defaultMaxEvents = 24
	defaultUnrelated = 10
	defaultExercises = 30
	defaultHorizon   = 35 * agreement.Day
)

// TimelineConfig says what [Timeline] draws. Its zero value is usable: every
// zero field takes the default it documents. It is a plain value, safe to
// copy and to share between goroutines (the generators copy Offsets).
type TimelineConfig struct {
	// Start is the timeline's start; zero means [DefaultStart].
	Start time.Time
	// MaxEvents caps the number of events; zero means 24, negative means
	// no events.
	MaxEvents int
	// MinEvents is the fewest events drawn (at most MaxEvents); zero means
	// none. Rapid draws small numbers often; a floor keeps timelines busy.
	MinEvents int
	// Offsets are the instants after Start at which events happen; nil
	// means [DefaultOffsets]. Negative offsets are ignored: no event is ever
	// before the start.
	Offsets []time.Duration
	// Unrelated is the percentage of events of kinds nothing in the
	// agreements mentions; zero means 10, negative means none.
	Unrelated int
	// Exercises is the percentage of the other events that exercise a
	// power, when the agreements have powers; zero means 30, negative means
	// none.
	Exercises int
	// Horizon is how long after the latest offset [TimelineConfig.End]
	// lies, so that deadlines, expiries and timers set off by the last
	// events fall inside a replay; zero means 35 days.
	Horizon time.Duration
}

// normalised returns c with its defaults filled in.
func (c TimelineConfig) normalised() TimelineConfig {
	if c.Start.IsZero() {
		c.Start = DefaultStart()
	}
	c.Start = c.Start.UTC()
	switch {
	case c.MaxEvents == 0:
		c.MaxEvents = defaultMaxEvents
	case c.MaxEvents < 0:
		c.MaxEvents = 0
	}
	if c.Offsets == nil {
		c.Offsets = DefaultOffsets()
	}
	c.MinEvents = min(max(c.MinEvents, 0), c.MaxEvents)
	c.Offsets = slices.DeleteFunc(slices.Clone(c.Offsets), func(d time.Duration) bool { return d < 0 })
	if len(c.Offsets) == 0 {
		c.Offsets = []time.Duration{0}
	}
	c.Unrelated = percentage(c.Unrelated, defaultUnrelated)
	c.Exercises = percentage(c.Exercises, defaultExercises)
	if c.Horizon <= 0 {
		c.Horizon = defaultHorizon
	}
	return c
}

// percentage returns the percentage p of a configuration, def for zero,
// clamped to 0 (negative means none) and 100.
func percentage(p, def int) int {
	if p == 0 {
		return def
	}
	return min(max(p, 0), 100)
}

// End returns the instant a replay of a timeline drawn with c should run
// to: Start plus the latest offset plus Horizon (with c's defaults).
func (c TimelineConfig) End() time.Time {
	c = c.normalised()
	return c.Start.Add(slices.Max(c.Offsets) + c.Horizon)
}

// Timeline returns a generator of timelines for the linked agreements of p,
// drawn mostly from what they mention so that clauses actually move: every
// event pattern of their conditions (the anchors of deadlines, expiries and
// InForceAt included), recurrences, actions, fluents and entry-into-force
// conditions (its kind, actor or a member of its group, target, area,
// clause, reporter, attribution), with the actor of an action defaulting to
// each debtor as the engine expects; the exercise of every power (a
// [agreement.EventKindPowerExercised] event naming it, or its action, by each of its
// debtors), cfg.Exercises percent of the events when there are powers; and
// the signing of every agreement (a [agreement.EventKindSigning] event naming it,
// by any party or none, or by a party whose own signature counts: a
// signatory it requires, a debtor of one of its provisional clauses),
// one in ten. Each timeline concentrates on a drawn half or more of the
// patterns, so that the same powers are exercised, and the same fluents
// initiated and terminated, several times and in different orders. Most drawn events match their pattern exactly; the others
// change some field to a value drawn from what p mentions (a near miss).
// About cfg.Unrelated percent of the events have kinds nothing mentions.
//
// Events happen at cfg.Start plus one of cfg.Offsets, never before the
// start, so several share an instant, and there are cfg.MinEvents to
// cfg.MaxEvents of them. Every event is valid for an engine compiled from p
// ([scenario.Timeline.Validate] returns nil) when p is valid: it names only
// declared parties, existing clauses and agreements (by qualified
// references, or local ones when p has a single agreement) and well-formed
// areas. Replay it to [TimelineConfig.End].
//
// The generator never filters. It keeps its own copy of what it needs from
// p, and is safe for concurrent use.
func Timeline(p agreement.Process, cfg TimelineConfig) *rapid.Generator[scenario.Timeline] {
	cfg = cfg.normalised()
	g := newEventGen(p)
	return rapid.Custom(func(t *rapid.T) scenario.Timeline {
		// Each timeline concentrates on a drawn subset of the patterns, so
		// that the same powers are exercised, and the same fluents
		// initiated and terminated, several times in different orders.
		powers, others := hot(t, "powers", g.powers), hot(t, "others", g.others)
		n := rapid.IntRange(cfg.MinEvents, cfg.MaxEvents).Draw(t, "events")
		evs := make([]agreement.Event, 0, n)
		for range n {
			at := cfg.Start.Add(rapid.SampledFrom(cfg.Offsets).Draw(t, "offset"))
			if rapid.IntRange(0, 99).Draw(t, "unrelated") < cfg.Unrelated {
				evs = append(evs, g.unrelated(t, at))
				continue
			}
			pool := others
			switch r := rapid.IntRange(0, 99).Draw(t, "pool"); {
			case r < cfg.Exercises && len(powers) > 0:
				pool = powers
			case r < cfg.Exercises+10 || len(pool) == 0:
				pool = g.signings
			}
			if len(pool) == 0 {
				evs = append(evs, g.unrelated(t, at))
				continue
			}
			m := rapid.SampledFrom(pool).Draw(t, "pattern")
			evs = append(evs, g.event(t, m, at))
		}
		evs = g.revisions(t, cfg, evs)
		return scenario.NewTimeline(cfg.Start, evs...)
	})
}

// revisions gives some of evs ids, and appends up to three events of kind
// agreement.EventKindRevised, each revising an event with an id at a
// strictly later instant, setting its attribution, reporter or actor,
// while there are fewer than cfg.MaxEvents events.
func (g *eventGen) revisions(t *rapid.T, cfg TimelineConfig, evs []agreement.Event) []agreement.Event {
	var ided []int
	for i := range evs {
		if rapid.IntRange(0, 2).Draw(t, "has-id") == 0 {
			evs[i].ID = agreement.EventID("e" + itoa(i+1))
			ided = append(ided, i)
		}
	}
	if len(ided) == 0 {
		return evs
	}
	for k := range rapid.IntRange(0, 3).Draw(t, "revisions") {
		target := evs[rapid.SampledFrom(ided).Draw(t, "revises")]
		var later []time.Duration
		for _, d := range cfg.Offsets {
			if cfg.Start.Add(d).After(target.At) {
				later = append(later, d)
			}
		}
		if len(later) == 0 || len(evs) >= cfg.MaxEvents {
			continue
		}
		rev := agreement.Event{At: cfg.Start.Add(rapid.SampledFrom(later).Draw(t, "revision-offset")),
			Kind: agreement.EventKindRevised, Revises: target.ID, ID: agreement.EventID("r" + itoa(k+1))}
		if rapid.Bool().Draw(t, "revises-attribution") {
			rev.Attribution = rapid.SampledFrom(attributions[1:]).Draw(t, "revised-attribution")
		}
		if rapid.IntRange(0, 2).Draw(t, "revises-reporter") == 0 {
			rev.Reporter = g.party(t, "revised-reporter")
		}
		if rapid.IntRange(0, 3).Draw(t, "revises-actor") == 0 {
			rev.Actor = g.party(t, "revised-actor")
		}
		evs = append(evs, rev)
	}
	return evs
}

// hot draws a subset of at least half of ms (all of them when there are at
// most three), in a drawn order.
func hot(t *rapid.T, label string, ms []mention) []mention {
	if len(ms) <= 3 {
		return ms
	}
	perm := rapid.Permutation(ms).Draw(t, label)
	return perm[:rapid.IntRange((len(ms)+1)/2, len(ms)).Draw(t, label+"-count")]
}

// AgreementTimeline is [Timeline] for a single agreement.
func AgreementTimeline(a agreement.Agreement, cfg TimelineConfig) *rapid.Generator[scenario.Timeline] {
	return Timeline(agreement.Process{Agreements: []agreement.Agreement{a}}, cfg)
}

// IrrelevantEvents returns a generator of up to cfg.MaxEvents events that
// nothing in p mentions: of custom kinds that no pattern of a condition,
// fluent, action or entry-into-force condition names (and never
// [agreement.EventKindSigning] or [agreement.EventKindPowerExercised], which the engine
// interprets), by parties p declares, at cfg.Start plus one of cfg.Offsets.
// Adding them to a timeline must change nothing in its replay (see the
// guarantees of package scenario); see [Interleave]. The generator is safe for concurrent use.
func IrrelevantEvents(p agreement.Process, cfg TimelineConfig) *rapid.Generator[[]agreement.Event] {
	cfg = cfg.normalised()
	g := newEventGen(p)
	return rapid.Custom(func(t *rapid.T) []agreement.Event {
		n := rapid.IntRange(0, cfg.MaxEvents).Draw(t, "irrelevant")
		evs := make([]agreement.Event, 0, n)
		for range n {
			at := cfg.Start.Add(rapid.SampledFrom(cfg.Offsets).Draw(t, "offset"))
			evs = append(evs, g.unrelated(t, at))
		}
		return evs
	})
}

// Interleave returns a generator of the timeline tl with the events extra
// added at their instants, each placed at a drawn position among the events
// of its instant's batch, so that the relative order of tl's own events is
// kept. The timeline keeps tl's start; extra events before it are the
// caller's error (a replay rejects them). The generator is safe for
// concurrent use.
func Interleave(tl scenario.Timeline, extra []agreement.Event) *rapid.Generator[scenario.Timeline] {
	own := make([]agreement.Event, 0, tl.Len())
	for _, ev := range tl.Events() {
		own = append(own, ev)
	}
	extra = slices.Clone(extra)
	slices.SortStableFunc(extra, func(a, b agreement.Event) int { return a.At.Compare(b.At) })
	return rapid.Custom(func(t *rapid.T) scenario.Timeline {
		// Whether each extra event goes before the own events it ties with
		// that are still to place; drawn up front, so that the generator
		// always draws something.
		early := rapid.SliceOfN(rapid.Bool(), len(extra), len(extra)).Draw(t, "early")
		merged := make([]agreement.Event, 0, len(own)+len(extra))
		i, j := 0, 0
		for i < len(own) || j < len(extra) {
			takeOwn := j == len(extra) ||
				i < len(own) && (own[i].At.Before(extra[j].At) ||
					own[i].At.Equal(extra[j].At) && (!early[j] || rapid.Bool().Draw(t, "own-first")))
			if takeOwn {
				merged = append(merged, own[i])
				i++
			} else {
				merged = append(merged, extra[j])
				j++
			}
		}
		return scenario.NewTimeline(tl.Start(), merged...)
	})
}

// mention is an event pattern some agreement holds, ready to draw matching
// events from: its clause filter qualified with the agreement holding it,
// its group resolved to the group's members.
type mention struct {
	p       agreement.Pattern
	members []agreement.PartyID
	// debtors and creditors are what the placeholders agreement.Debtor
	// and agreement.Creditor stand for in p: the debtors and creditors of
	// the clause holding it.
	debtors, creditors []agreement.PartyID
	// bounds are the bounds an event matching p may carry a quantity for:
	// p's Measure, the bound of a Total or Level over p, the rule of p's
	// item class.
	bounds []agreement.Bound
	// items are the items an event matching p may name: p's Item, the
	// items of its class.
	items []string
}

// eventGen draws events from what a process mentions. It is read-only once
// built.
type eventGen struct {
	powers     []mention // the exercise of powers
	signings   []mention // the signing of agreements
	others     []mention // every other pattern
	kinds      map[agreement.EventKind]bool
	parties    []agreement.PartyID
	areas      []agreement.AreaID
	declared   map[agreement.AreaID]bool // areas some territory declares; nil when none does
	refs       []agreement.Ref           // every clause and agreement, qualified
	single     bool                      // the process has one agreement: local refs are valid in events
	otherKinds []agreement.EventKind     // kinds nothing mentions
}

// unrelatedPool are custom kinds for events nothing mentions; any the
// process happens to mention are skipped, and numbered kinds fill in.
var unrelatedPool = []agreement.EventKind{"press-conference", "summit-held", "sanctions-announced",
	"prisoner-exchange", "aid-pledged"}

func newEventGen(p agreement.Process) *eventGen {
	g := &eventGen{kinds: map[agreement.EventKind]bool{
		// Interpreted by the engine whether or not a pattern names them.
		agreement.EventKindSigning:        true,
		agreement.EventKindPowerExercised: true,
	}, single: len(p.Agreements) == 1}
	// seen finds each pattern already added (per clause holding it, since
	// placeholders stand for that clause's parties) in its pool.
	type seenKey struct {
		p     agreement.Pattern
		owner *agreement.Clause
	}
	type seenAt struct{ pool, i int }
	seen := map[seenKey]seenAt{}
	pools := []*[]mention{&g.powers, &g.signings, &g.others}
	poolIndex := func(pool *[]mention) int {
		for k, q := range pools {
			if q == pool {
				return k
			}
		}
		return 0
	}
	seenParty := map[agreement.PartyID]bool{}
	seenArea := map[agreement.AreaID]bool{}
	// With a territory in some agreement, an event may name only an area
	// one declares (Timeline.Validate checks it): the pool is those areas,
	// and pattern areas join it only when declared.
	var declared map[agreement.AreaID]bool
	for _, a := range p.Agreements {
		for _, party := range a.Parties {
			if !seenParty[party.ID] {
				seenParty[party.ID] = true
				g.parties = append(g.parties, party.ID)
			}
		}
		for _, area := range a.Territory.Areas {
			if declared == nil {
				declared = map[agreement.AreaID]bool{}
			}
			if !declared[area.ID] {
				declared[area.ID] = true
				seenArea[area.ID] = true
				g.areas = append(g.areas, area.ID)
			}
		}
	}
	g.declared = declared
	for _, a := range p.Agreements {
		groups := map[agreement.GroupID][]agreement.PartyID{}
		for _, gr := range a.Groups {
			groups[gr.ID] = append(groups[gr.ID], gr.Members...)
		}
		classes := map[agreement.ItemClassID]agreement.ItemClass{}
		for _, ic := range a.ItemClasses {
			classes[ic.ID] = ic
		}
		// owner is the clause holding the patterns being added; nil for
		// fluents and the entry-into-force condition.
		var owner *agreement.Clause
		add := func(pat agreement.Pattern, pool *[]mention, tally ...agreement.Bound) {
			if pat.Clause != (agreement.Ref{}) {
				pat.Clause = pat.Clause.Resolve(a.ID)
			}
			g.kinds[pat.Kind] = true
			if pat.Area != "" && !seenArea[pat.Area] && declared == nil {
				seenArea[pat.Area] = true
				g.areas = append(g.areas, pat.Area)
			}
			m := mention{p: pat, members: groups[pat.Group]}
			if owner != nil {
				m.debtors, m.creditors = owner.Debtors, owner.Creditors
			}
			if !pat.Measure.IsZero() {
				m.bounds = append(m.bounds, pat.Measure)
			}
			m.bounds = append(m.bounds, tally...)
			if pat.Item != "" {
				m.items = append(m.items, pat.Item)
			}
			if c, ok := classes[pat.Class]; ok {
				m.items = append(m.items, c.Items...)
				m.bounds = append(m.bounds, c.Rule...)
				if len(c.Items) == 0 && len(c.Rule) > 0 {
					m.items = append(m.items, "item-"+string(c.ID))
				}
			}
			key := seenKey{pat, owner}
			if k, ok := seen[key]; ok {
				// Seen already: keep what this mention adds.
				old := &(*pools[k.pool])[k.i]
				old.bounds = append(old.bounds, m.bounds...)
				old.items = append(old.items, m.items...)
				return
			}
			seen[key] = seenAt{poolIndex(pool), len(*pool)}
			*pool = append(*pool, m)
		}
		addCond := func(c agreement.Condition) {
			agreement.Walk(c, func(n agreement.Condition) bool {
				if tc, ok := n.(*agreement.TallyCondition); ok {
					add(tc.Pattern(), &g.others, tc.Bound())
				}
				return true
			})
			for _, pat := range agreement.Patterns(c) {
				add(pat, &g.others)
			}
		}
		for _, f := range a.Fluents {
			for _, pat := range f.Initiates {
				add(pat, &g.others)
			}
			for _, pat := range f.Terminates {
				add(pat, &g.others)
			}
		}
		addCond(a.EntryIntoForce)
		addCond(a.InForceAt.From)
		// The parties whose own signatures count: the signatories it
		// requires and the debtors of its provisional clauses.
		var signers []agreement.PartyID
		for _, p := range a.Signatories {
			if !slices.Contains(signers, p) {
				signers = append(signers, p)
			}
		}
		for ci := range a.Clauses {
			c := &a.Clauses[ci]
			owner = c
			for _, nc := range c.Conditions() {
				addCond(nc.Condition)
			}
			addCond(c.Deadline.From)
			addCond(c.Expiry.From)
			if c.Recurs.On != nil {
				add(*c.Recurs.On, &g.others)
			}
			if c.Provisional {
				for _, p := range c.Debtors {
					if !slices.Contains(signers, p) {
						signers = append(signers, p)
					}
				}
			}
			pool := &g.others
			if c.Kind == agreement.DeonticPower {
				pool = &g.powers
			}
			for _, pat := range agreement.ActionPatterns(a.ID, *c) {
				add(pat, pool)
			}
			if c.Grant != nil {
				add(*c.Grant, &g.others)
			}
			owner = nil
			g.refs = append(g.refs, agreement.QualifiedRef(a.ID, c.ID))
		}
		g.refs = append(g.refs, agreement.AgreementRef(a.ID))
		add(agreement.Pattern{Kind: agreement.EventKindSigning, Clause: agreement.AgreementRef(a.ID)}, &g.signings)
		for _, p := range signers {
			add(agreement.Pattern{Kind: agreement.EventKindSigning, Clause: agreement.AgreementRef(a.ID), Actor: p}, &g.signings)
		}
	}
	for _, k := range unrelatedPool {
		if !g.kinds[k] {
			g.otherKinds = append(g.otherKinds, k)
		}
	}
	for i := 0; len(g.otherKinds) < 2; i++ {
		if k := agreement.EventKind("unrelated-" + strconv.Itoa(i)); !g.kinds[k] {
			g.otherKinds = append(g.otherKinds, k)
		}
	}
	return g
}

// ConditionPatterns returns every event pattern condition c mentions, as
// [agreement.Patterns] does. It is kept for tests written against it.
func ConditionPatterns(c agreement.Condition) []agreement.Pattern { return agreement.Patterns(c) }

// ActionPatterns returns the patterns whose events perform clause c of
// agreement home, as [agreement.ActionPatterns] does. It is kept for tests
// written against it.
func ActionPatterns(home agreement.AgreementID, c agreement.Clause) []agreement.Pattern {
	return agreement.ActionPatterns(home, c)
}

// party draws one of the declared parties, or "" when there is none.
func (g *eventGen) party(t *rapid.T, label string) agreement.PartyID {
	if len(g.parties) == 0 {
		return ""
	}
	return rapid.SampledFrom(g.parties).Draw(t, label)
}

// maybeParty draws "" or one of the declared parties.
func (g *eventGen) maybeParty(t *rapid.T, label string) agreement.PartyID {
	if rapid.Bool().Draw(t, "has-"+label) {
		return g.party(t, label)
	}
	return ""
}

// event draws an event at instant at from mention m: most match m exactly;
// the others are near misses, with fields drawn from what the process
// mentions.
func (g *eventGen) event(t *rapid.T, m mention, at time.Time) agreement.Event {
	p := m.p
	exact := rapid.IntRange(0, 4).Draw(t, "exact") > 0
	ev := agreement.Event{At: at, Kind: p.Kind}
	// A placeholder stands for a party of the clause holding the pattern.
	for _, f := range []*agreement.PartyID{&p.Actor, &p.Target, &p.Reporter} {
		var pool []agreement.PartyID
		switch *f {
		case agreement.Debtor:
			pool = m.debtors
		case agreement.Creditor:
			pool = m.creditors
		default:
			continue
		}
		if len(pool) == 0 {
			pool = g.parties
		}
		*f = ""
		if len(pool) > 0 {
			*f = rapid.SampledFrom(pool).Draw(t, "placeholder")
		}
	}

	switch {
	case exact && p.Actor != "":
		ev.Actor = p.Actor
	case exact && p.Group != "" && len(m.members) > 0:
		ev.Actor = rapid.SampledFrom(m.members).Draw(t, "member")
	case p.Actor != "" || p.Group != "":
		ev.Actor = g.party(t, "actor")
	default:
		ev.Actor = g.maybeParty(t, "actor")
	}
	if exact && p.Target != "" {
		ev.Target = p.Target
	} else {
		ev.Target = g.maybeParty(t, "target")
	}
	if exact && p.Reporter != "" {
		ev.Reporter = p.Reporter
	} else if rapid.IntRange(0, 3).Draw(t, "has-reporter") == 0 {
		ev.Reporter = g.party(t, "reporter")
	}
	switch {
	case exact && p.Area != "" && (g.declared == nil || g.declared[p.Area]):
		ev.Area = p.Area
	case len(g.areas) > 0 && (p.Area != "" || rapid.IntRange(0, 3).Draw(t, "has-area") == 0):
		ev.Area = rapid.SampledFrom(g.areas).Draw(t, "area")
	}
	switch {
	case exact && p.Attribution != agreement.AttributionUnspecified:
		ev.Attribution = p.Attribution
	case p.Attribution != agreement.AttributionUnspecified || rapid.IntRange(0, 3).Draw(t, "has-attribution") == 0:
		ev.Attribution = rapid.SampledFrom(attributions).Draw(t, "attribution")
	}
	switch {
	case exact && p.Clause != (agreement.Ref{}):
		ev.Clause = p.Clause
	case p.Clause != (agreement.Ref{}) || rapid.IntRange(0, 4).Draw(t, "has-clause") == 0:
		ev.Clause = rapid.SampledFrom(g.refs).Draw(t, "clause")
	}
	switch {
	case len(m.items) > 0 && (exact || rapid.Bool().Draw(t, "has-item")):
		ev.Item = rapid.SampledFrom(m.items).Draw(t, "item")
	case rapid.IntRange(0, 9).Draw(t, "other-item") == 0:
		ev.Item = rapid.SampledFrom(otherItems).Draw(t, "item")
	}
	if len(m.bounds) > 0 {
		for range rapid.IntRange(0, 2).Draw(t, "quantities") {
			ev.Quantities = append(ev.Quantities, drawQuantity(t, rapid.SampledFrom(m.bounds).Draw(t, "bound")))
		}
		if exact && len(ev.Quantities) == 0 && !p.Measure.IsZero() {
			ev.Quantities = append(ev.Quantities, drawQuantity(t, p.Measure))
		}
	}
	if ev.Kind == agreement.EventKindControlChanged {
		ev.Quantities = slices.DeleteFunc(ev.Quantities, func(q agreement.Quantity) bool { return q.Unit != agreement.UnitPercent })
	}
	if g.single && ev.Clause != (agreement.Ref{}) && rapid.Bool().Draw(t, "local-ref") {
		// The engine resolves local references against its only agreement;
		// the signing of that agreement may leave the reference out.
		if ev.Clause.IsAgreement() {
			if ev.Kind == agreement.EventKindSigning {
				ev.Clause = agreement.Ref{}
			}
		} else {
			ev.Clause = agreement.LocalRef(ev.Clause.Clause)
		}
	}
	return ev
}

// otherItems are items no class is likely to name.
var otherItems = []string{"T-72 tank", "BM-21 Grad"}

// drawQuantity draws a quantity that bound b may measure: what it
// measures, in its unit or, sometimes, another of the same dimension, with
// a value at, just inside or just outside one of its limits, or anywhere.
func drawQuantity(t *rapid.T, b agreement.Bound) agreement.Quantity {
	q := agreement.Quantity{Unit: b.Unit(), Of: b.Measures()}
	var near []decimal.Decimal
	if v, _, ok := b.Min(); ok {
		near = append(near, v)
	}
	if v, _, ok := b.Max(); ok {
		near = append(near, v)
	}
	switch k := rapid.IntRange(0, 3).Draw(t, "value-kind"); {
	case k < 3 && len(near) > 0:
		v := rapid.SampledFrom(near).Draw(t, "limit")
		d := decimal.NewFromInt(int64(rapid.IntRange(-1, 1).Draw(t, "nudge")))
		q.Value = v.Add(d)
	default:
		q.Value = decimal.NewFromInt(int64(rapid.IntRange(0, 200).Draw(t, "value")))
	}
	if q.Value.IsNegative() {
		q.Value = decimal.Zero
	}
	for _, other := range sameDimension[q.Unit] {
		if rapid.IntRange(0, 3).Draw(t, "other-unit") == 0 {
			if v, ok := agreement.Convert(q.Value, q.Unit, other); ok {
				q.Value, q.Unit = v, other
			}
			break
		}
	}
	return q
}

// sameDimension gives, for a unit of a known dimension, another unit it
// converts into exactly.
var sameDimension = map[agreement.Unit][]agreement.Unit{
	agreement.UnitKm: {agreement.UnitM}, agreement.UnitM: {agreement.UnitKm},
	agreement.UnitMm: {agreement.UnitCm}, agreement.UnitCm: {agreement.UnitMm},
	agreement.UnitKg: {agreement.UnitT}, agreement.UnitT: {agreement.UnitKg},
	agreement.UnitHa: {agreement.UnitKm2}, agreement.UnitKm2: {agreement.UnitHa},
}

var attributions = []agreement.Attribution{agreement.AttributionUnspecified, agreement.AttributionAlleged, agreement.AttributionConfirmed}

// unrelated draws an event of a kind nothing mentions.
func (g *eventGen) unrelated(t *rapid.T, at time.Time) agreement.Event {
	return agreement.Event{
		At:     at,
		Kind:   rapid.SampledFrom(g.otherKinds).Draw(t, "unrelated-kind"),
		Actor:  g.maybeParty(t, "actor"),
		Target: g.maybeParty(t, "target"),
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
