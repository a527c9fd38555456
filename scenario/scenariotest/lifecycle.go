package scenariotest

import (
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// Defaults of LifecycleConfig.
const (
	defaultLifecycleClauses    = 10
	minLifecycleClauses        = 3
	defaultLifecycleAgreements = 2
)

// LifecycleConfig says what [LifecycleAgreement] and [LifecycleProcess]
// draw. Its zero value is usable: every zero field takes the default it
// documents. It is a plain value, safe to copy and to share between
// goroutines (the generators copy Offsets).
type LifecycleConfig struct {
	// Clauses is the largest number of clauses of one agreement, resume
	// powers included; zero means 10, and fewer than 3 means 3.
	Clauses int
	// Agreements is the largest number of instruments [LifecycleProcess]
	// draws; zero means 2, negative means 1.
	Agreements int
	// Absolute gives every clause an absolute expiry (an instant, neither
	// rounded nor exclusive): after the latest such instant no clause can
	// still be Pending or InEffect while its agreement is in force (see the
	// guarantees of package scenario). Deadlines are drawn as without it,
	// a duration sometimes replaced by an instant.
	Absolute bool
	// Start and Offsets place absolute deadlines and expiries: at Start
	// plus one of the positive Offsets. Zero values mean [DefaultStart] and
	// [DefaultOffsets]; use the same as the [TimelineConfig] of the
	// timelines, so that limits fall among the events.
	Start   time.Time
	Offsets []time.Duration
}

func (c LifecycleConfig) normalised() LifecycleConfig {
	switch {
	case c.Clauses == 0:
		c.Clauses = defaultLifecycleClauses
	case c.Clauses < minLifecycleClauses:
		c.Clauses = minLifecycleClauses
	}
	switch {
	case c.Agreements == 0:
		c.Agreements = defaultLifecycleAgreements
	case c.Agreements < 0:
		c.Agreements = 1
	}
	c.Agreements = min(c.Agreements, len(lcAgreementIDs))
	if c.Start.IsZero() {
		c.Start = DefaultStart()
	}
	if c.Offsets == nil {
		c.Offsets = DefaultOffsets()
	}
	c.Offsets = slices.DeleteFunc(slices.Clone(c.Offsets), func(d time.Duration) bool { return d <= 0 })
	if len(c.Offsets) == 0 {
		c.Offsets = []time.Duration{agreement.Day}
	}
	return c
}

// The vocabulary of lifecycle agreements: few kinds, parties and durations,
// so that drawn timelines hit them often. These tables are read-only.
var (
	lcAgreementIDs = []agreement.AgreementID{"ceasefire-2026", "guarantees-2026", "monitoring-2026"}
	lcParties      = []agreement.PartyID{"UA", "RU", "US", "FR", "GB"}
	lcTriggerKinds = []agreement.EventKind{agreement.EventKindCeasefireInForce, agreement.EventKindCeasefireDeclared,
		agreement.EventKindArmedAttack, agreement.EventKindRatification, agreement.EventKindElectionHeld}
	lcActionKinds = []agreement.EventKind{"aid-delivered", "monitoring-established", agreement.EventKindForcesDeployed,
		agreement.EventKindWithdrawalCompleted, agreement.EventKindPerformance}
	lcProhibitedKinds = []agreement.EventKind{agreement.EventKindArmedAttack, agreement.EventKindForcesDeployed, "shelling"}
	lcAreas           = []agreement.AreaID{"donetsk", "zaporizhzhia"}
	lcDurations       = []time.Duration{agreement.Day, 2 * agreement.Day, 3 * agreement.Day, 7 * agreement.Day,
		10 * agreement.Day, 30 * agreement.Day}
	// lcPeriods are calendar periods: local days, a week, a month.
	lcPeriods = []agreement.Period{{Days: 1}, {Days: 2}, {Days: 3}, {Weeks: 1}, {Months: 1}}
	// lcZones are the zones of local days: one with daylight saving two
	// hours ahead in winter, fixed offsets (one on a half hour), and one
	// behind UTC.
	lcZones = []agreement.Zone{"Europe/Kyiv", "+02:00", "+05:30", "America/New_York"}
	// lcRoundings round a limit to the start or end of its local day.
	lcRoundings = []agreement.Rounding{agreement.RoundStartOfDay, agreement.RoundEndOfDay}
)

// The fluents and group every lifecycle agreement declares.
const (
	lcCeasefire agreement.FluentID = "ceasefire-in-force" // ceasefire-in-force .. ceasefire-collapsed
	lcMission   agreement.FluentID = "mission-deployed"   // forces-deployed .. withdrawal-completed
	lcCoalition agreement.GroupID  = "coalition"
)

// LifecycleAgreement returns a generator of agreements built to move
// through the whole clause lifecycle under the timelines of [Timeline]:
// valid by construction ([agreement.Agreement.Validate] returns nil), with a
// small vocabulary of event kinds, parties and durations so that drawn
// events hit them often. It is [LifecycleProcess] with a single agreement.
//
// A drawn agreement has two to four parties, a "coalition" group, the fluents
// "ceasefire-in-force" (initiated by a ceasefire entering into force,
// terminated by its collapse) and "mission-deployed", is signed or a draft
// (then it needs a signing event), and may have an entry-into-force
// condition. Its clauses are obligations (with actions, deadlines,
// violation conditions, antecedents; some standing, some recurring: every
// local day, week or 12 hours, or at each event of a kind, each occurrence
// due within a day or at the next), prohibitions (with expiries, so that
// one kept to its expiry is Fulfilled), permissions, and powers that
// discharge, terminate or suspend (paired with their resume power) other
// clauses or the agreement itself; a power aimed at its own agreement, and
// its resume power, survive the agreement, so that they can act while it is
// not in force. Triggers include "nil" (active from the start), Holds,
// Happened, Since, Within, Before, the clock (From, Between), combinators,
// AgreementIn and reparations: ClauseIn(x, Violated) of an earlier clause
// (so there is never a dependency cycle). Some clauses have several
// debtors, severally or jointly, some survive, and some apply
// provisionally, from their debtors' signatures.
//
// Calendar time: an agreement (and rarely a clause) may declare a zone,
// one with daylight saving, fixed offsets or one behind UTC; deadlines and
// expiries are instants, durations or calendar periods (local days, a week,
// a month) from the clause or from an anchor (the first event of a kind),
// sometimes rounded to the start or end of their local day, often
// exclusive; many obligations have an unconditional deadline among the
// earlier offsets, binding while they wait for their trigger or antecedent
// (Pending, waiting for an election), which the timeline often misses, so
// that they lapse. An agreement not in force from the start may require
// signatories, record signatures (undated, before the start, or at an
// offset, when a replay takes them) and state an InForceAt (an instant, a
// period after signing, a day after a ratification). One agreement in four
// runs for a term of 3 to 20 days, renewed or not, so that it expires (in
// force or suspended) within the timeline. Unless cfg.Absolute asks for
// absolute expiries, one clause in five without an expiry (and not a
// power) runs for a term of one to nine days, and so do half the
// prohibitions and standing clauses, and half the recurring duties (two to
// five days, not renewed), instead of their expiry.
//
// Most agreements (when cfg.Clauses leaves room) start with one to three
// kits: a few clauses whose triggers order what they do, so that one
// of the rarer edges occurs whenever the timeline's events arrive, in
// almost any order. A clause in effect from the start is suspended, then
// resumed, or terminated by a power once suspended, or with its agreement; a
// power suspends the agreement, which is then resumed or terminated; a
// clause waiting for its antecedent is terminated by a power or with its
// agreement; clauses in effect are discharged or terminated by powers; an
// agreement waiting for its ratification (a draft, or signed) is terminated.
// Such an agreement is in force from the start, except with the last kit;
// it may then also hold obligations built around calendar time: one that
// lapses, a recurring duty binding at once, or one in effect at once with
// an exclusive absolute deadline among the earlier offsets, which an act at
// its very instant comes too late for.
// Replaying four timelines of [Timeline] (16 to 32 events, half of them
// exercising powers) per process of [LifecycleProcess] (up to 10 clauses,
// up to 2 agreements), each of the rarest edges occurs for about one process
// in ten.
//
// The generator is safe for concurrent use.
func LifecycleAgreement(cfg LifecycleConfig) *rapid.Generator[agreement.Agreement] {
	cfg = cfg.normalised()
	return rapid.Custom(func(t *rapid.T) agreement.Agreement {
		return drawLifecycle(t, cfg, 1).Agreements[0]
	})
}

// LifecycleProcess returns a generator of processes of one to cfg.Agreements
// linked instruments, each drawn as by [LifecycleAgreement], valid by
// construction ([agreement.Process.Validate] returns nil). Later instruments
// read earlier ones: ClauseIn and AgreementIn conditions (qualified
// references, only to earlier instruments, so there is no dependency
// cycle) in triggers and entry-into-force conditions; and powers of any
// instrument may target clauses of, or the whole of, any other.
//
// The generator is safe for concurrent use.
func LifecycleProcess(cfg LifecycleConfig) *rapid.Generator[agreement.Process] {
	cfg = cfg.normalised()
	return rapid.Custom(func(t *rapid.T) agreement.Process {
		n := rapid.IntRange(1, cfg.Agreements).Draw(t, "agreements")
		return drawLifecycle(t, cfg, n)
	})
}

// skel is a clause decided before any clause is filled in, so that powers
// can target clauses drawn after them. Clauses of a kit fix some of their
// parts; the others are drawn.
type skel struct {
	id     agreement.ClauseID
	kind   agreement.Deontic
	effect agreement.Effect
	resume agreement.ClauseID // a suspend power's resume power
	aim    aim                // what a power targets
	target []int              // with aimClause: the indices of the clauses
	trig   trig               // how the trigger is made
	ante   ante               // how the antecedent is made
	steady bool               // long-lived: no deadline but a distant one, no expiry, no violation
	inKit  bool               // part of a kit: an absolute expiry falls late
	always bool               // survives (a suspend power: and its resume power)
	cal    calendar           // an obligation built around a rule of calendar time
}

// calendar is how an obligation drawn outside the kits, in an agreement in
// force from the start, exercises a rule of calendar time.
type calendar uint8

const (
	calNone    calendar = iota
	calLapse            // a deadline binding while it waits, which it often misses: Lapsed
	calRecurs           // a recurring duty binding at once, which often misses an occurrence
	calBounded          // in effect at once, with an exclusive absolute deadline an act may meet
)

// aim is what a power targets.
type aim uint8

const (
	aimDrawn     aim = iota // drawn
	aimClause               // skel.target of its own agreement
	aimAgreement            // its own agreement
)

// trig is how a clause's trigger is made.
type trig uint8

const (
	trigDrawn              trig = iota // drawn
	trigNone                           // none: the clause binds once its agreement is in force
	trigTargetSuspended                // ClauseIn(target, Suspended)
	trigAgreementSuspended             // AgreementIn(this agreement, Suspended)
	trigNoneOrCeasefire                // none, or Holds(ceasefire-in-force)
	trigResume                         // a resume power: its suspend power's target is suspended
)

// ante is how a clause's antecedent is made.
type ante uint8

const (
	anteDrawn    ante = iota // drawn
	anteNone                 // none
	anteElection             // Happened(election-held)
)

// kit is a small set of clauses drawn together, with triggers that order
// what they do, so that one of the lifecycle's rarer edges occurs whenever
// the timeline's events arrive, in almost any order. A clause of a kit is
// numbered from the kit's first clause (target).
type kit struct {
	weight  int // how many times more often than a kit of weight 1 it is drawn
	clauses []skel
	// resumeEarly: resume powers bind from the start (so that an exercise
	// before the suspension uses them up); otherwise they bind once
	// something is suspended.
	resumeEarly bool
	// draft: the agreement waits for its ratification, a draft or signed;
	// otherwise it is in force from the start.
	draft bool
	// alone: the kit soon ends its agreement, so it is drawn alone: it
	// would spoil the other kits.
	alone bool
}

// The kits. F is an obligation in effect from the start (steady); the
// powers have no trigger unless said.
var kits = func() []kit {
	steady := func(tr trig, an ante) skel {
		return skel{kind: agreement.DeonticObligation, steady: true, trig: tr, ante: an}
	}
	power := func(e agreement.Effect, a aim, tr trig, targets ...int) skel {
		return skel{kind: agreement.DeonticPower, effect: e, aim: a, target: targets, trig: tr, ante: anteNone}
	}
	return []kit{
		// F, S suspends F, its resume power binds once F is suspended:
		// InEffect -> Suspended -> InEffect.
		{weight: 1, clauses: []skel{steady(trigNone, anteNone),
			power(agreement.EffectSuspend, aimClause, trigNone, 0)}},
		// F, S suspends F, T terminates F once suspended:
		// Suspended -> Terminated by a power.
		{weight: 3, resumeEarly: true, clauses: []skel{steady(trigNone, anteNone),
			power(agreement.EffectSuspend, aimClause, trigNone, 0),
			power(agreement.EffectTerminate, aimClause, trigTargetSuspended, 0)}},
		// F, S suspends F, X terminates the agreement once F is suspended:
		// Suspended -> Terminated with the agreement.
		{weight: 3, resumeEarly: true, clauses: []skel{steady(trigNone, anteNone),
			power(agreement.EffectSuspend, aimClause, trigNone, 0),
			power(agreement.EffectTerminate, aimAgreement, trigTargetSuspended, 0)}},
		// Y suspends the agreement; its resume power and V, terminating the
		// agreement, bind once it is suspended: InForce -> Suspended ->
		// InForce or Terminated.
		{weight: 5, clauses: []skel{steady(trigNone, anteNone),
			power(agreement.EffectSuspend, aimAgreement, trigNone),
			power(agreement.EffectTerminate, aimAgreement, trigAgreementSuspended)}},
		// G waits for an election (Pending, or Dormant until a ceasefire);
		// U terminates it, X terminates the agreement: Pending or Dormant ->
		// Terminated by a power or with the agreement.
		{weight: 3, clauses: []skel{steady(trigNoneOrCeasefire, anteElection),
			power(agreement.EffectTerminate, aimClause, trigNone, 0),
			power(agreement.EffectTerminate, aimAgreement, trigNone)}},
		// F and H (in effect, or Dormant until a ceasefire); D discharges
		// F, T terminates H: InEffect -> Discharged, InEffect or Dormant ->
		// Terminated by a power.
		{weight: 2, clauses: []skel{steady(trigNone, anteNone), steady(trigNoneOrCeasefire, anteNone),
			power(agreement.EffectDischarge, aimClause, trigNone, 0),
			power(agreement.EffectTerminate, aimClause, trigNone, 1)}},
		// F, S (surviving, with its resume power) suspends F, Y suspends
		// the agreement once F is suspended: F must stay suspended while
		// the agreement is, even if S's resume power is exercised then
		// (the agreement's state is a gate: see package scenario, Agreements).
		{weight: 2, clauses: []skel{steady(trigNone, anteNone),
			{kind: agreement.DeonticPower, effect: agreement.EffectSuspend, aim: aimClause, target: []int{0}, trig: trigNone,
				ante: anteNone, always: true},
			power(agreement.EffectSuspend, aimAgreement, trigTargetSuspended, 0)}},
		// An agreement waiting for its ratification, a draft or signed,
		// and X terminating it: Draft or Signed -> Terminated.
		{weight: 5, draft: true, alone: true, clauses: []skel{steady(trigNoneOrCeasefire, anteDrawn),
			power(agreement.EffectTerminate, aimAgreement, trigNone),
			power(agreement.EffectTerminate, aimClause, trigNone, 0)}},
	}
}()

// weightedKits lists each kit as often as its weight.
var weightedKits = func() []kit {
	var out []kit
	for _, k := range kits {
		for range k.weight {
			out = append(out, k)
		}
	}
	return out
}()

// lcDraw holds what one drawn process is made of.
type lcDraw struct {
	t       *rapid.T
	cfg     LifecycleConfig
	ids     []agreement.AgreementID
	parties []agreement.PartyID
	skels   [][]skel
	drafts  []int // per agreement: 0 none, 1 a draft kit, 2 another kit
	// survivors[k][i] is set when clause i of agreement k must survive:
	// a power aimed at its own agreement, or the resume power of one.
	survivors [][]bool
}

func drawLifecycle(t *rapid.T, cfg LifecycleConfig, n int) agreement.Process {
	d := &lcDraw{t: t, cfg: cfg, ids: lcAgreementIDs[:n]}
	perm := rapid.Permutation(lcParties).Draw(t, "parties")
	d.parties = perm[:rapid.IntRange(2, 4).Draw(t, "party-count")]
	for range n {
		sk, draft := d.drawSkeleton()
		d.skels = append(d.skels, sk)
		d.drafts = append(d.drafts, draft)
	}
	d.survivors = make([][]bool, n)
	for k := range n {
		d.survivors[k] = make([]bool, len(d.skels[k]))
	}
	// Targets first: they decide which powers must survive.
	targets := make([][][]agreement.Ref, n)
	for k := range n {
		targets[k] = make([][]agreement.Ref, len(d.skels[k]))
		for i, s := range d.skels[k] {
			if s.kind != agreement.DeonticPower || s.effect == agreement.EffectResume {
				continue
			}
			targets[k][i] = d.drawTargets(k, i)
			if slices.Contains(targets[k][i], agreement.AgreementRef(d.ids[k])) {
				d.survivors[k][i] = true
				if s.effect == agreement.EffectSuspend {
					d.survivors[k][i+1] = true
				}
			}
		}
	}
	p := agreement.Process{Title: "lifecycle"}
	for k := range n {
		a := d.fill(k, targets[k])
		// Some agreements run for a term within the timeline, renewed or
		// not, so that terms end while they are in force or suspended.
		if rapid.IntRange(0, 3).Draw(t, "term") == 0 {
			day := agreement.Day
			a.Term.Period.Exact = rapid.SampledFrom([]time.Duration{3 * day, 7 * day, 12 * day, 20 * day}).Draw(t, "term-period")
			a.Term.Renewal.Exact = rapid.SampledFrom([]time.Duration{0, 0, 4 * day, 10 * day}).Draw(t, "term-renewal")
			if a.Term.Renewal.Exact > 0 {
				a.Term.Renewals = rapid.IntRange(0, 2).Draw(t, "term-renewals")
			}
		}
		// Some clauses without an expiry run for a term instead: kept to
		// its end, a prohibition is Fulfilled, a standing clause breached
		// Violated, an obligation still owed Discharged.
		for i := range a.Clauses {
			if cfg.Absolute {
				break // every clause keeps its absolute expiry
			}
			c := &a.Clauses[i]
			day := agreement.Day
			if !c.Recurs.IsZero() && !c.Expiry.IsZero() && rapid.Bool().Draw(t, "duty-term") {
				// A recurring duty runs for a few days, not renewed:
				// breached, it ends Violated.
				c.Expiry = agreement.Deadline{}
				c.Term.Period.Exact = rapid.SampledFrom([]time.Duration{2 * day, 3 * day, 5 * day}).Draw(t, "duty-term-period")
				continue
			}
			replaced := false
			if (c.Standing || c.Kind == agreement.DeonticProhibition) && !c.Expiry.IsZero() &&
				rapid.Bool().Draw(t, "term-for-expiry") {
				// A term instead: kept to its end a prohibition is
				// Fulfilled, a standing clause breached Violated.
				c.Expiry, replaced = agreement.Deadline{}, true
			}
			if !replaced && (!c.Expiry.IsZero() || c.Kind == agreement.DeonticPower ||
				rapid.IntRange(0, 4).Draw(t, "clause-term") != 0) {
				continue
			}
			c.Term.Period.Exact = rapid.SampledFrom([]time.Duration{day, 2 * day, 5 * day, 9 * day}).Draw(t, "clause-term-period")
			c.Term.Renewal.Exact = rapid.SampledFrom([]time.Duration{0, 0, 3 * day}).Draw(t, "clause-term-renewal")
		}
		p.Agreements = append(p.Agreements, a)
	}
	return p
}

// drawSkeleton draws the kinds and ids of one agreement's clauses: mostly
// (when there is room) starting with one to three kits, then
// clauses drawn one by one. It returns 0 when it drew no kit, 1 when it drew
// a kit that needs a draft, 2 for kits that need the agreement in force.
func (d *lcDraw) drawSkeleton() ([]skel, int) {
	t := d.t
	n := rapid.IntRange(minLifecycleClauses, d.cfg.Clauses).Draw(t, "clauses")
	var out []skel
	resumeEarly := true
	add := func(s skel) {
		s.id = clauseID(s.kind, s.effect, len(out))
		out = append(out, s)
		if s.effect == agreement.EffectSuspend {
			r := skel{kind: agreement.DeonticPower, effect: agreement.EffectResume, trig: trigNone, ante: anteNone, inKit: s.inKit,
				always: s.always}
			if !resumeEarly {
				// Binds once something is suspended, so that its exercise
				// comes after the suspension.
				r.trig = trigResume
			}
			r.id = clauseID(r.kind, r.effect, len(out))
			out[len(out)-1].resume = r.id
			out = append(out, r)
		}
	}
	state, alone := 0, false
	for range 3 {
		if alone || rapid.IntRange(0, 19).Draw(t, "kit") >= 17 {
			break
		}
		k := rapid.SampledFrom(weightedKits).Draw(t, "kit-sort")
		size := len(k.clauses)
		for _, c := range k.clauses {
			if c.effect == agreement.EffectSuspend {
				size++ // its resume power
			}
		}
		if k.alone && state != 0 || len(out)+size > d.cfg.Clauses {
			break
		}
		resumeEarly = k.resumeEarly
		pos := make([]int, len(k.clauses)) // kit clause -> index in out
		for j, c := range k.clauses {
			c.target = slices.Clone(c.target)
			for m := range c.target {
				c.target[m] = pos[c.target[m]]
			}
			pos[j] = len(out)
			c.inKit = true
			add(c)
		}
		state, alone = 2, k.alone
		if k.draft {
			state = 1
		}
	}
	resumeEarly = true
	for range 2 {
		if state != 2 || len(out) >= d.cfg.Clauses || !rapid.Bool().Draw(t, "calendar-clause") {
			break
		}
		// In an agreement in force from the start: an obligation that
		// lapses, recurs, or meets an exclusive deadline.
		cal := rapid.SampledFrom([]calendar{calLapse, calLapse, calRecurs, calBounded}).Draw(t, "calendar")
		s := skel{kind: agreement.DeonticObligation, cal: cal}
		if cal != calLapse {
			s.trig, s.ante = trigNone, anteNone
		}
		add(s)
	}
	n = max(n, len(out))
	// With a kit, fewer powers: more would dilute the kit's exercises.
	maxDeontic := 9
	if state != 0 {
		maxDeontic = 7
	}
	for len(out) < n {
		s := skel{}
		switch r := rapid.IntRange(0, maxDeontic).Draw(t, "deontic"); {
		case r < 3:
			s.kind = agreement.DeonticObligation
		case r < 6:
			s.kind = agreement.DeonticProhibition
		case r < 7:
			s.kind = agreement.DeonticPermission
		default:
			s.kind = agreement.DeonticPower
			effects := []agreement.Effect{agreement.EffectDischarge, agreement.EffectTerminate}
			if len(out)+2 <= d.cfg.Clauses {
				effects = append(effects, agreement.EffectSuspend, agreement.EffectSuspend)
			}
			s.effect = rapid.SampledFrom(effects).Draw(t, "effect")
		}
		add(s)
	}
	return out, state
}

// clauseID names clause i by its kind, for readable failures: O1 for an
// obligation, P2 a prohibition, M3 a permission, W4 a power, R5 a resume
// power.
func clauseID(k agreement.Deontic, e agreement.Effect, i int) agreement.ClauseID {
	prefix := map[agreement.Deontic]string{agreement.DeonticObligation: "O", agreement.DeonticProhibition: "P",
		agreement.DeonticPermission: "M", agreement.DeonticPower: "W"}[k]
	if e == agreement.EffectResume {
		prefix = "R"
	}
	return agreement.ClauseID(prefix + itoa(i+1))
}

// ref writes clause i of agreement k as agreement home refers to it.
func (d *lcDraw) ref(home, k, i int) agreement.Ref {
	if home == k {
		return agreement.LocalRef(d.skels[k][i].id)
	}
	return agreement.QualifiedRef(d.ids[k], d.skels[k][i].id)
}

// drawTargets draws what power i of agreement k acts on, unless its kit
// says: an agreement (for a power that terminates or suspends), the
// agreement's focus (its first obligation or prohibition, so that several
// powers act on the same clause: suspended, then terminated or discharged),
// or one or two clauses of any agreement other than the power itself.
func (d *lcDraw) drawTargets(k, i int) []agreement.Ref {
	t := d.t
	s := d.skels[k][i]
	switch s.aim {
	case aimClause:
		var out []agreement.Ref
		for _, j := range s.target {
			out = append(out, d.ref(k, k, j))
		}
		return out
	case aimAgreement:
		return []agreement.Ref{agreement.AgreementRef(d.ids[k])}
	}
	r := rapid.IntRange(0, 9).Draw(t, "target-sort")
	if r < 3 && s.effect != agreement.EffectDischarge { // an agreement is never discharged
		a := k
		if len(d.ids) > 1 && rapid.Bool().Draw(t, "targets-other-agreement") {
			a = rapid.IntRange(0, len(d.ids)-1).Draw(t, "target-agreement")
		}
		return []agreement.Ref{agreement.AgreementRef(d.ids[a])}
	}
	if focus := d.focus(k); r < 8 && focus >= 0 && focus != i {
		return []agreement.Ref{d.ref(k, k, focus)}
	}
	var cands []agreement.Ref
	for a := range d.ids {
		// Mostly the power's own agreement.
		if a != k && rapid.IntRange(0, 2).Draw(t, "targets-across") > 0 {
			continue
		}
		for j := range d.skels[a] {
			if a != k || j != i {
				cands = append(cands, d.ref(k, a, j))
			}
		}
	}
	m := rapid.IntRange(1, min(2, len(cands))).Draw(t, "target-count")
	return rapid.Permutation(cands).Draw(t, "targets")[:m]
}

// focus returns the index of agreement k's first obligation or prohibition,
// or -1.
func (d *lcDraw) focus(k int) int {
	return slices.IndexFunc(d.skels[k], func(s skel) bool {
		return s.kind == agreement.DeonticObligation || s.kind == agreement.DeonticProhibition
	})
}

// fill draws agreement k in full; targets[i] are the targets of its power i.
func (d *lcDraw) fill(k int, targets [][]agreement.Ref) agreement.Agreement {
	t := d.t
	a := agreement.Agreement{
		ID:    d.ids[k],
		Title: "lifecycle agreement " + itoa(k+1),
		Fluents: []agreement.Fluent{
			{
				ID:         lcCeasefire,
				Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
				Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}},
				Initially:  rapid.IntRange(0, 6).Draw(t, "ceasefire-initially") == 0,
			},
			{
				ID:         lcMission,
				Initiates:  []agreement.Pattern{{Kind: agreement.EventKindForcesDeployed, Group: lcCoalition}},
				Terminates: []agreement.Pattern{{Kind: agreement.EventKindWithdrawalCompleted}},
			},
		},
	}
	roles := []agreement.Role{agreement.RolePartyToConflict, agreement.RoleGuarantor, agreement.RoleMonitor, agreement.RoleMediator}
	for _, p := range d.parties {
		a.Parties = append(a.Parties, agreement.Party{ID: p, Kind: agreement.PartyKindState,
			Roles: []agreement.Role{rapid.SampledFrom(roles).Draw(t, "role")}})
	}
	members := rapid.Permutation(d.parties).Draw(t, "coalition")
	a.Groups = []agreement.Group{{ID: lcCoalition, Members: members[:rapid.IntRange(1, len(members)).Draw(t, "members")]}}
	if rapid.IntRange(0, 2).Draw(t, "has-zone") == 0 {
		a.Zone = rapid.SampledFrom(lcZones).Draw(t, "zone")
	}
	switch d.drafts[k] {
	case 2:
		// In force from the start, for the kits to act.
		a.SigningStatus = agreement.SigningStatusSigned
		return d.clauses(k, a, targets)
	case 1:
		// A draft, or signed; either waits for its ratification.
		if rapid.IntRange(0, 2).Draw(t, "draft") == 0 {
			a.SigningStatus = agreement.SigningStatusSigned
		}
		a.EntryIntoForce = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification})
		d.signing(&a)
		return d.clauses(k, a, targets)
	}
	if rapid.IntRange(0, 9).Draw(t, "signed") < 5 {
		a.SigningStatus = agreement.SigningStatusSigned
	}
	d.signing(&a)
	switch rapid.IntRange(0, 7).Draw(t, "entry-into-force") {
	case 0:
		a.EntryIntoForce = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification})
	case 1:
		a.EntryIntoForce = agreement.Holds(lcCeasefire)
	case 2:
		if k > 0 {
			a.EntryIntoForce = agreement.AgreementIn(d.ids[rapid.IntRange(0, k-1).Draw(t, "entry-agreement")],
				agreement.StateInForce, agreement.StateSuspended)
		}
	}
	return d.clauses(k, a, targets)
}

// signing draws how agreement a is signed and enters into force, beyond its
// signing status: sometimes the signatories whose signatures it requires,
// signatures it records (undated, dated before the start, or at an
// offset, when a replay takes them), and an InForceAt: an instant, a
// period after signing, or a day after a ratification.
func (d *lcDraw) signing(a *agreement.Agreement) {
	t := d.t
	if rapid.IntRange(0, 2).Draw(t, "has-signatories") == 0 {
		perm := rapid.Permutation(d.parties).Draw(t, "signatory-order")
		a.Signatories = perm[:rapid.IntRange(1, 2).Draw(t, "signatories")]
	}
	if rapid.Bool().Draw(t, "has-signatures") {
		perm := rapid.Permutation(d.parties).Draw(t, "signature-order")
		for _, p := range perm[:rapid.IntRange(1, 2).Draw(t, "signatures")] {
			sg := agreement.Signature{Party: p}
			switch rapid.IntRange(0, 3).Draw(t, "signature-date") {
			case 0:
			case 1:
				sg.Date = d.cfg.Start.Add(-agreement.Day)
			default:
				sg.Date = d.instant("signature-at")
			}
			a.Signatures = append(a.Signatures, sg)
		}
	}
	switch rapid.IntRange(0, 5).Draw(t, "in-force-at") {
	case 0:
		a.InForceAt = agreement.Deadline{At: d.instant("in-force-at-instant")}
	case 1:
		a.InForceAt = agreement.Deadline{Period: rapid.SampledFrom(lcPeriods[:3]).Draw(t, "in-force-at-period")}
	case 2:
		a.InForceAt = agreement.Deadline{From: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification}),
			Period: agreement.Period{Days: 1}}
	}
}

// clauses draws the clauses of agreement k into a.
func (d *lcDraw) clauses(k int, a agreement.Agreement, targets [][]agreement.Ref) agreement.Agreement {
	for i := range d.skels[k] {
		a.Clauses = append(a.Clauses, d.clause(k, i, targets[i]))
	}
	return a
}

// deps returns what clause i of agreement k may read with ClauseIn: the
// clauses before it in its agreement, and those of earlier agreements.
func (d *lcDraw) deps(k, i int) (all, breakable []agreement.Ref) {
	for a := 0; a <= k; a++ {
		n := len(d.skels[a])
		if a == k {
			n = i
		}
		for j := range n {
			r := d.ref(k, a, j)
			all = append(all, r)
			if s := d.skels[a][j]; s.kind == agreement.DeonticObligation || s.kind == agreement.DeonticProhibition {
				breakable = append(breakable, r)
			}
		}
	}
	return all, breakable
}

func (d *lcDraw) duration(label string) time.Duration {
	return rapid.SampledFrom(lcDurations).Draw(d.t, label)
}

func (d *lcDraw) instant(label string) time.Time {
	return d.cfg.Start.Add(rapid.SampledFrom(d.cfg.Offsets).Draw(d.t, label)).UTC()
}

// lateInstant draws an instant among the later half of the offsets.
func (d *lcDraw) lateInstant(label string) time.Time {
	offsets := slices.Sorted(slices.Values(d.cfg.Offsets))
	return d.cfg.Start.Add(rapid.SampledFrom(offsets[len(offsets)/2:]).Draw(d.t, label)).UTC()
}

// limit draws a deadline or expiry, with the probability (in tenths) of
// having one at all: an instant, a duration or a calendar period from the
// clause itself, or a period or duration from an anchor (the first event
// of a trigger kind); sometimes rounded to the start or end of its local
// day, or exclusive, so that an act at its instant comes too late.
func (d *lcDraw) limit(label string, tenths int) agreement.Deadline {
	t := d.t
	if rapid.IntRange(0, 9).Draw(t, "has-"+label) >= tenths {
		return agreement.Deadline{}
	}
	var l agreement.Deadline
	switch rapid.IntRange(0, 7).Draw(t, label+"-sort") {
	case 0, 1:
		l.At = d.instant(label)
	case 2, 3, 4:
		l.After = d.duration(label)
	case 5:
		l.Period = rapid.SampledFrom(lcPeriods).Draw(t, label+"-period")
	case 6:
		l.From = agreement.Happened(d.pattern(label+"-anchor", lcTriggerKinds))
		l.Period = rapid.SampledFrom(lcPeriods).Draw(t, label+"-period")
	default:
		l.From = agreement.Happened(d.pattern(label+"-anchor", lcTriggerKinds))
		l.After = d.duration(label)
	}
	if rapid.IntRange(0, 4).Draw(t, label+"-round") == 0 {
		l.Round = rapid.SampledFrom(lcRoundings).Draw(t, label+"-rounding")
	}
	l.Exclusive = rapid.Bool().Draw(t, label+"-exclusive")
	return l
}

// unconditional draws a deadline binding regardless of activation, early
// enough that the timeline often misses it: an instant among the earlier
// offsets, or a day or two after the first event of a trigger kind.
func (d *lcDraw) unconditional() agreement.Deadline {
	t := d.t
	l := agreement.Deadline{Unconditional: true}
	if rapid.Bool().Draw(t, "lapse-anchored") {
		l.From = agreement.Happened(d.pattern("lapse-anchor", lcTriggerKinds))
		l.Period = rapid.SampledFrom(lcPeriods[:2]).Draw(t, "lapse-period")
	} else {
		offsets := slices.Sorted(slices.Values(d.cfg.Offsets))
		l.At = d.cfg.Start.Add(rapid.SampledFrom(offsets[:(len(offsets)+1)/2]).Draw(t, "lapse-offset")).UTC()
	}
	if rapid.IntRange(0, 3).Draw(t, "lapse-round") == 0 {
		l.Round = rapid.SampledFrom(lcRoundings).Draw(t, "lapse-rounding")
	}
	return l
}

// recurrence draws the recurrence of an obligation: every local day or two,
// every week or every 12 hours (from its entry into effect or from an
// instant), each occurrence due at the next or within a day; or at each
// event of a trigger kind, due within a day or two; sometimes rounded.
func (d *lcDraw) recurrence() agreement.Recurrence {
	t := d.t
	var rc agreement.Recurrence
	if rapid.IntRange(0, 3).Draw(t, "recurs-on") > 0 {
		rc.Every = rapid.SampledFrom([]agreement.Period{{Days: 1}, {Days: 2}, {Weeks: 1}, {Exact: 12 * time.Hour}}).Draw(t, "every")
		if rapid.IntRange(0, 2).Draw(t, "recurs-start") == 0 {
			offsets := slices.Sorted(slices.Values(d.cfg.Offsets))
			rc.Start = d.cfg.Start.Add(rapid.SampledFrom(offsets[:(len(offsets)+1)/2]).Draw(t, "recurs-start-at")).UTC()
		}
		if rapid.Bool().Draw(t, "recurs-within") {
			rc.Within = agreement.Period{Days: 1}
		}
	} else {
		p := d.pattern("recurs-pattern", lcTriggerKinds)
		rc.On = &p
		rc.Within = rapid.SampledFrom(lcPeriods[:2]).Draw(t, "recurs-within-period")
	}
	if rapid.IntRange(0, 3).Draw(t, "recurs-round") == 0 {
		rc.Round = rapid.SampledFrom(lcRoundings).Draw(t, "recurs-rounding")
	}
	return rc
}

func (d *lcDraw) pattern(label string, kinds []agreement.EventKind) agreement.Pattern {
	t := d.t
	p := agreement.Pattern{Kind: rapid.SampledFrom(kinds).Draw(t, label)}
	switch rapid.IntRange(0, 7).Draw(t, label+"-filter") {
	case 0:
		p.Actor = rapid.SampledFrom(d.parties).Draw(t, label+"-actor")
	case 1:
		p.Target = rapid.SampledFrom(d.parties).Draw(t, label+"-target")
	case 2:
		p.Area = rapid.SampledFrom(lcAreas).Draw(t, label+"-area")
	case 3:
		p.Group = lcCoalition
	}
	return p
}

func (d *lcDraw) trigger(k, i int, power bool) agreement.Condition {
	t := d.t
	all, breakable := d.deps(k, i)
	r := rapid.IntRange(0, 20).Draw(t, "trigger")
	if power && r >= 8 && rapid.Bool().Draw(t, "power-simple-trigger") {
		r = 0 // powers mostly bind from the start, so that their exercise counts
	}
	switch {
	case r == 20:
		// The clock: from an instant, or between two.
		from := d.instant("clock-from")
		if rapid.Bool().Draw(t, "clock-between") {
			return agreement.Between(from, from.Add(d.duration("clock-for")))
		}
		return agreement.From(from)
	case r < 4:
		return nil
	case r < 7:
		return agreement.Holds(lcCeasefire)
	case r < 8:
		return agreement.Holds(lcMission)
	case r < 11:
		return agreement.Happened(d.pattern("trigger-pattern", lcTriggerKinds))
	case r < 12:
		return agreement.Since(d.pattern("since-pattern", lcTriggerKinds), d.duration("since"))
	case r < 13:
		return agreement.Within(d.pattern("within-pattern", lcTriggerKinds), d.duration("within"))
	case r < 14:
		return agreement.Before(agreement.Pattern{Kind: agreement.EventKindCeasefireDeclared},
			agreement.Pattern{Kind: agreement.EventKindCeasefireInForce})
	case r < 17 && len(breakable) > 0:
		// A reparation.
		return agreement.ClauseIn(rapid.SampledFrom(breakable).Draw(t, "repairs"), agreement.StateViolated)
	case r < 18 && len(all) > 0:
		states := rapid.SampledFrom([][]agreement.State{
			{agreement.StateInEffect}, {agreement.StateFulfilled}, {agreement.StateSuspended, agreement.StateTerminated},
			{agreement.StateDischarged, agreement.StateFulfilled}}).Draw(t, "clause-states")
		return agreement.ClauseIn(rapid.SampledFrom(all).Draw(t, "reads"), states...)
	case r < 19:
		id := agreement.AgreementID("")
		if k > 0 && rapid.Bool().Draw(t, "reads-other-agreement") {
			id = d.ids[rapid.IntRange(0, k-1).Draw(t, "read-agreement")]
		}
		return agreement.AgreementIn(id, agreement.StateInForce)
	default:
		if rapid.Bool().Draw(t, "all-or-any") {
			return agreement.All(agreement.Holds(lcCeasefire),
				agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack}))
		}
		return agreement.Any(agreement.Holds(lcMission), agreement.Happened(agreement.Pattern{Kind: agreement.EventKindElectionHeld}))
	}
}

func (d *lcDraw) antecedent(tenths int) agreement.Condition {
	t := d.t
	if rapid.IntRange(0, 9).Draw(t, "has-antecedent") >= tenths {
		return nil
	}
	switch rapid.IntRange(0, 3).Draw(t, "antecedent") {
	case 0:
		return agreement.Happened(d.pattern("antecedent-pattern", []agreement.EventKind{agreement.EventKindArmedAttack}))
	case 1:
		return agreement.Holds(lcCeasefire)
	case 2:
		return agreement.Since(agreement.Pattern{Kind: "monitoring-established"}, d.duration("antecedent-since"))
	}
	return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindElectionHeld})
}

func (d *lcDraw) debtors(max3 bool) ([]agreement.PartyID, bool) {
	t := d.t
	r := rapid.IntRange(0, 9).Draw(t, "debtors")
	perm := rapid.Permutation(d.parties).Draw(t, "debtor-order")
	switch {
	case r < 7 || !max3:
		return perm[:1], false
	case r < 9:
		return perm[:2], false
	}
	return perm[:2], true
}

// clause draws clause i of agreement k.
func (d *lcDraw) clause(k, i int, targets []agreement.Ref) agreement.Clause {
	t := d.t
	s := d.skels[k][i]
	self := agreement.LocalRef(s.id)
	c := agreement.Clause{ID: s.id, Kind: s.kind, Text: "drawn " + s.kind.String()}
	c.Debtors, c.Joint = d.debtors(s.kind != agreement.DeonticPower || rapid.IntRange(0, 4).Draw(t, "power-several") == 0)
	c.Surviving = d.survivors[k][i] || s.always || rapid.IntRange(0, 9).Draw(t, "surviving") == 0
	// Applied from its debtors' own signatures, before its agreement is in
	// force.
	c.Provisional = !c.Surviving && !s.inKit && rapid.IntRange(0, 2).Draw(t, "provisional") == 0
	if rapid.IntRange(0, 11).Draw(t, "has-clause-zone") == 0 {
		c.Zone = rapid.SampledFrom(lcZones).Draw(t, "clause-zone")
	}
	switch s.trig {
	case trigDrawn:
		c.Trigger = d.trigger(k, i, s.kind == agreement.DeonticPower)
	case trigTargetSuspended:
		c.Trigger = agreement.ClauseIn(d.ref(k, k, s.target[0]), agreement.StateSuspended)
	case trigAgreementSuspended:
		c.Trigger = agreement.AgreementIn("", agreement.StateSuspended)
	case trigNoneOrCeasefire:
		if rapid.Bool().Draw(t, "ceasefire-trigger") {
			c.Trigger = agreement.Holds(lcCeasefire)
		}
	case trigResume:
		if sp := d.skels[k][i-1]; sp.aim == aimClause {
			c.Trigger = agreement.ClauseIn(d.ref(k, k, sp.target[0]), agreement.StateSuspended)
		} else {
			c.Trigger = agreement.AgreementIn("", agreement.StateSuspended)
		}
	}
	action := func(kinds []agreement.EventKind) *agreement.Pattern {
		p := d.pattern("action", kinds)
		if p.Kind == agreement.EventKindPerformance {
			p = agreement.Pattern{Kind: agreement.EventKindPerformance, Clause: self}
		}
		return &p
	}
	switch {
	case s.steady:
		// The focus of a kit: in effect for long, so that powers find it
		// in effect.
		c.Action = &agreement.Pattern{Kind: agreement.EventKindPerformance, Clause: self}
		if rapid.Bool().Draw(t, "steady-deadline") {
			c.Deadline = agreement.Deadline{After: 30 * agreement.Day}
		}
	case s.kind == agreement.DeonticObligation:
		c.Action = action(lcActionKinds)
		c.Deadline = d.limit("deadline", 6)
		c.Expiry = d.limit("expiry", 3)
		switch rapid.IntRange(0, 9).Draw(t, "violation") {
		case 0:
			vp := d.pattern("violation-pattern", lcProhibitedKinds)
			if len(c.Debtors) > 1 && !c.Joint && slices.Contains(c.Debtors, vp.Actor) {
				// Each debtor's instance answers for its own acts.
				vp.Actor = agreement.Debtor
			}
			c.Violation = agreement.Happened(vp)
		case 1:
			c.Violation = agreement.Not(agreement.Holds(lcCeasefire))
		}
		if rapid.IntRange(0, 9).Draw(t, "fulfilment") == 0 {
			c.Fulfilment = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindPerformance, Clause: self})
		}
		if c.Violation != nil && s.cal == calNone && rapid.IntRange(0, 2).Draw(t, "standing-obligation") == 0 {
			// An obligation of maintenance: breached by its violation,
			// with no deadline, and Violated at its expiry if breached.
			c.Standing, c.Deadline = true, agreement.Deadline{}
			if c.Expiry.IsZero() {
				c.Expiry = agreement.Deadline{After: d.duration("standing-expiry")}
			}
		}
		if s.cal == calRecurs || !c.Standing && s.cal == calNone && rapid.IntRange(0, 3).Draw(t, "recurs") == 0 {
			// A recurring duty, often binding from the entry into force:
			// each occurrence missed is a breach, and at its expiry it is
			// Violated if it recorded one.
			c.Recurs, c.Deadline = d.recurrence(), agreement.Deadline{}
			if rapid.IntRange(0, 2).Draw(t, "recurs-at-once") > 0 {
				c.Trigger = nil
			}
			if c.Expiry.After < 7*agreement.Day {
				// Late enough that occurrences fall due before it.
				c.Expiry = agreement.Deadline{After: rapid.SampledFrom(lcDurations[3:]).Draw(t, "recurs-expiry")}
			}
		}
	case s.kind == agreement.DeonticProhibition:
		c.Action = action(lcProhibitedKinds)
		c.Expiry = d.limit("expiry", 7)
		if rapid.IntRange(0, 9).Draw(t, "violation") == 0 {
			c.Violation = agreement.Within(agreement.Pattern{Kind: "shelling"}, d.duration("violation-window"))
		}
		if rapid.IntRange(0, 1).Draw(t, "standing") == 0 {
			// Kept rather than achieved: each act is a breach, and at its
			// expiry it is Violated if it recorded one.
			c.Standing = true
			if c.Violation == nil && rapid.Bool().Draw(t, "standing-state") {
				// Kept while the ceasefire holds: breached each time it
				// does not, from entry into effect on.
				c.Violation = agreement.Not(agreement.Holds(lcCeasefire))
			}
			if c.Expiry.IsZero() || c.Expiry.After < 7*agreement.Day {
				// Soon enough that it often falls after a breach and
				// within the timeline.
				c.Expiry = agreement.Deadline{After: rapid.SampledFrom(lcDurations[3:]).Draw(t, "standing-expiry")}
			}
		}
	case s.kind == agreement.DeonticPermission:
		c.Action = action(lcActionKinds)
		c.Expiry = d.limit("expiry", 4)
	case s.kind == agreement.DeonticPower:
		c.Effect = s.effect
		c.Targets = targets
		c.ResumedBy = s.resume
		c.Expiry = d.limit("expiry", 1)
		if rapid.IntRange(0, 6).Draw(t, "power-action") == 0 {
			c.Action = &agreement.Pattern{Kind: "sanctions-imposed"}
		}
	}
	switch {
	case s.ante == anteElection:
		c.Antecedent = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindElectionHeld})
	case s.ante == anteDrawn && s.kind == agreement.DeonticObligation:
		c.Antecedent = d.antecedent(3)
	case s.ante == anteDrawn && s.kind == agreement.DeonticProhibition:
		c.Antecedent = d.antecedent(2)
	}
	if s.cal == calBounded {
		// An exclusive deadline among the earlier offsets: an act at its
		// very instant comes too late. The act is often a declaration of a
		// ceasefire, which other clauses mention too: the timelines draw
		// many.
		if rapid.Bool().Draw(t, "bounded-declaration") {
			c.Action = &agreement.Pattern{Kind: agreement.EventKindCeasefireDeclared}
		}
		offsets := slices.Sorted(slices.Values(d.cfg.Offsets))
		c.Deadline = agreement.Deadline{Exclusive: true,
			At: d.cfg.Start.Add(rapid.SampledFrom(offsets[1:(len(offsets)+1)/2]).Draw(t, "bounded-offset")).UTC()}
	}
	if !s.steady && s.kind == agreement.DeonticObligation && c.Recurs.IsZero() && !c.Standing && s.cal != calBounded &&
		(s.cal == calLapse || rapid.Bool().Draw(t, "lapses")) {
		// A deadline binding while the clause waits for its trigger or
		// antecedent, which often come too late: Lapsed.
		c.Deadline = d.unconditional()
		if c.Antecedent == nil && (c.Trigger == nil || rapid.Bool().Draw(t, "lapse-pending")) {
			// Pending from the start, waiting for an election.
			c.Trigger = nil
			c.Antecedent = agreement.Happened(agreement.Pattern{Kind: agreement.EventKindElectionHeld})
		}
	}
	if d.cfg.Absolute {
		c.Expiry = agreement.Deadline{At: d.instant("absolute-expiry")}
		if s.inKit {
			// Late, so that the kit's powers act before it.
			c.Expiry = agreement.Deadline{At: d.lateInstant("absolute-expiry")}
		}
		if c.Deadline.At.IsZero() && c.Deadline.After != 0 && rapid.Bool().Draw(t, "absolute-deadline") {
			c.Deadline = agreement.Deadline{At: d.instant("absolute-deadline")}
		}
	}
	return c
}
