package agreementtest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// The tables below are read-only. No option pool entry contains '_', which
// drawOptionIDs puts in drawn names.
var (
	optionPool  = []string{"cede-donbas", "freeze-line", "dmz", "withdraw-north", "un-admin", "autonomy", "vote", "arbitration", "recognise"}
	outcomePool = []string{"yes", "no", "RU", "UA", "void", "remain", "join"}
	optionKinds = []agreement.OptionKind{agreement.OptionKindCede, agreement.OptionKindRecogniseControl, agreement.OptionKindFreeze,
		agreement.OptionKindWithdraw, agreement.OptionKindDemilitarisedZone, agreement.OptionKindInternationalAdministration, agreement.OptionKindSpecialStatus,
		agreement.OptionKindReferendum, agreement.OptionKindArbitration}
	// arrangementKinds are the kinds that leave an arrangement in an area.
	arrangementKinds = []agreement.OptionKind{agreement.OptionKindRecogniseControl, agreement.OptionKindFreeze, agreement.OptionKindDemilitarisedZone,
		agreement.OptionKindInternationalAdministration, agreement.OptionKindSpecialStatus, agreement.OptionKindReferendum,
		agreement.OptionKindArbitration}
	lapses = []agreement.Lapse{agreement.LapseUnspecified, agreement.LapseStatusQuo, agreement.LapseFollowControl}

	optionNameGen = rapid.StringMatching(`[A-Za-z0-9][A-Za-z0-9_-]{0,11}`)
)

// Territory returns a generator of territories that are valid by
// construction: [agreement.Territory.Validate] returns nil for every one, and
// an agreement declaring parties accepts it. A territory has one to
// max(1, cfg.Areas) areas with distinct ids and positive sizes (exact
// decimals, whole or with up to three decimal places); each area's
// sovereignty and control are shares of one to three of parties, positive
// and summing to exactly 100 (drawn as integers summing to 100×10^k, for k
// of 0, 1, 2 or 4, then scaled by 10^-k); some areas have arrangements of
// earlier options (at most one per option id), naming parties or not.
//
// parties must not be empty; with none, the generator draws the zero
// Territory. It copies parties, is safe for concurrent use and never
// panics. Values drawn share no slices with one another.
func Territory(parties []agreement.PartyID, cfg Config) *rapid.Generator[agreement.Territory] {
	cfg = cfg.normalised()
	parties = slices.Clone(parties)
	return rapid.Custom(func(t *rapid.T) agreement.Territory {
		n := rapid.IntRange(1, max(1, cfg.Areas)).Draw(t, "areas")
		if len(parties) == 0 {
			return agreement.Territory{}
		}
		return drawTerritory(t, parties, drawIDs[agreement.AreaID](t, "area-id", n, areaPool, nameGen))
	})
}

// Package returns a generator of packages that are valid as the options of
// agreement a, which must be valid: with Options replaced by a drawn
// package's, a still validates, so [agreement.Package.Validate] accepts the
// package against a.Territory and the clauses [agreement.Package.Apply]
// implies validate when appended to a.Clauses. A package has up to
// cfg.Options options of every kind the parties allow (cede and withdraw
// need two), on one to three areas each, never two deciding the same thing
// for one area (valid by construction, not by filtering), with ids that
// neither an arrangement of a.Territory nor a prefix of a clause id of a
// uses. Every field a kind uses is drawn: parties of a, widths, deadlines
// (a positive duration or an instant), results with distinct outcomes, lapse
// rules. When a has no territory, every package drawn is empty.
//
// The generator copies a, is safe for concurrent use and never panics.
func Package(a agreement.Agreement, cfg Config) *rapid.Generator[agreement.Package] {
	cfg = cfg.normalised()
	a = a.Clone()
	parties := partyIDs(&a)
	taken := clausePrefixes(&a)
	return rapid.Custom(func(t *rapid.T) agreement.Package {
		return agreement.Package{
			Name:    textGen.Draw(t, "package-name"),
			Options: drawOptions(t, a.Territory, parties, taken, cfg.Options),
		}
	})
}

func partyIDs(a *agreement.Agreement) []agreement.PartyID {
	var out []agreement.PartyID
	for _, p := range a.Parties {
		if p.ID.Valid() && !slices.Contains(out, p.ID) {
			out = append(out, p.ID)
		}
	}
	return out
}

// clausePrefixes reports whether an option id s would imply clause ids
// ("s.<verb>.<area>") that could collide with a clause of a.
func clausePrefixes(a *agreement.Agreement) func(string) bool {
	var prefixes []string
	for _, c := range a.Clauses {
		if i := strings.IndexByte(string(c.ID), '.'); i > 0 {
			prefixes = append(prefixes, string(c.ID[:i]))
		}
	}
	return func(s string) bool { return slices.Contains(prefixes, s) }
}

// drawTerritory draws a territory with areas of the given distinct ids.
func drawTerritory(t *rapid.T, parties []agreement.PartyID, areaIDs []agreement.AreaID) agreement.Territory {
	var ter agreement.Territory
	for _, id := range areaIDs {
		a := agreement.Area{
			ID:          id,
			Name:        textGen.Draw(t, "area-name"),
			Size:        drawSize(t),
			Sovereignty: drawShares(t, "sovereignty", parties),
			Control:     drawShares(t, "control", parties),
		}
		n := rapid.IntRange(0, 2).Draw(t, "arrangements")
		for _, opt := range drawOptionIDs(t, n, func(string) bool { return false }) {
			a.Arrangements = append(a.Arrangements, agreement.Arrangement{
				Kind:   rapid.SampledFrom(arrangementKinds).Draw(t, "arrangement-kind"),
				Option: opt,
				Party:  optional(t, "arrangement-party", parties),
			})
		}
		ter.Areas = append(ter.Areas, a)
	}
	return ter
}

// drawSize draws a positive size in km².
func drawSize(t *rapid.T) decimal.Decimal {
	if rapid.Bool().Draw(t, "size-whole") {
		return decimal.NewFromInt(rapid.Int64Range(1, 700_000).Draw(t, "size"))
	}
	return decimal.New(rapid.Int64Range(1, 1_000_000_000).Draw(t, "size"), -int32(rapid.IntRange(1, 3).Draw(t, "size-places")))
}

// drawShares draws shares of one to three distinct parties, positive and
// summing to exactly 100: integer parts of 100×10^k, scaled by 10^-k.
func drawShares(t *rapid.T, label string, parties []agreement.PartyID) []agreement.Share {
	k := rapid.IntRange(1, min(3, len(parties))).Draw(t, label+"-holders")
	who := rapid.Permutation(parties).Draw(t, label+"-parties")[:k]
	places := rapid.SampledFrom([]int{0, 1, 2, 4}).Draw(t, label+"-places")
	total := 100
	for range places {
		total *= 10
	}
	cuts := rapid.SliceOfNDistinct(rapid.IntRange(1, total-1), k-1, k-1, rapid.ID[int]).Draw(t, label+"-cuts")
	slices.Sort(cuts)
	out := make([]agreement.Share, k)
	prev := 0
	for i, c := range append(cuts, total) {
		out[i] = agreement.Share{Party: who[i], Percent: decimal.New(int64(c-prev), -int32(places))}
		prev = c
	}
	return out
}

// drawOptionIDs draws n distinct option ids for which taken is false:
// mostly from a shuffled pool, otherwise a drawn name with the suffix
// "_"+index, which no pool entry has; an id taken gets a further numeric
// suffix. Every id has at most 22 characters.
func drawOptionIDs(t *rapid.T, n int, taken func(string) bool) []agreement.OptionID {
	if n == 0 {
		return nil
	}
	perm := rapid.Permutation(optionPool).Draw(t, "option-id-pool")
	out := make([]agreement.OptionID, 0, n)
	used := func(s string) bool { return taken(s) || slices.Contains(out, agreement.OptionID(s)) }
	for i := range n {
		s := optionNameGen.Draw(t, "option-id") + "_" + strconv.Itoa(i)
		if i < len(perm) && rapid.IntRange(0, 3).Draw(t, "option-id-pooled") > 0 {
			s = perm[i]
		}
		out = append(out, agreement.OptionID(fresh(s, used)))
	}
	return out
}

// aspect says what an option of kind k decides, as validation sees it: two
// options deciding the same aspect of one area conflict.
func aspect(k agreement.OptionKind) string {
	switch k {
	case agreement.OptionKindCede, agreement.OptionKindReferendum, agreement.OptionKindArbitration:
		return "sovereignty"
	case agreement.OptionKindWithdraw, agreement.OptionKindInternationalAdministration, agreement.OptionKindFreeze:
		return "control"
	}
	return k.String()
}

// drawOptions draws up to max options valid together for territory ter:
// each on areas where nothing drawn before decides the same aspect, with
// ids neither taken nor used by an arrangement of ter.
func drawOptions(t *rapid.T, ter agreement.Territory, parties []agreement.PartyID, taken func(string) bool, max int) []agreement.Option {
	if ter.IsZero() || len(parties) == 0 || max <= 0 {
		return nil
	}
	var areas []agreement.AreaID
	applied := map[string]bool{}
	for _, a := range ter.Areas {
		areas = append(areas, a.ID)
		for _, r := range a.Arrangements {
			applied[string(r.Option)] = true
		}
	}
	kinds := optionKinds
	if len(parties) < 2 {
		kinds = slices.DeleteFunc(slices.Clone(kinds), func(k agreement.OptionKind) bool {
			return k == agreement.OptionKindCede || k == agreement.OptionKindWithdraw
		})
	}
	n := rapid.IntRange(0, max).Draw(t, "options")
	ids := drawOptionIDs(t, n, func(s string) bool { return taken(s) || applied[s] })
	// Kinds come mostly in the order of a permutation, which reaches every
	// kind evenly (SampledFrom favours the first), and sometimes repeat.
	order := rapid.Permutation(kinds).Draw(t, "option-kinds")
	decided := map[agreement.AreaID]map[string]bool{}
	var out []agreement.Option
	for i, id := range ids {
		kind := order[i%len(order)]
		if rapid.IntRange(0, 3).Draw(t, "repeat-kind") == 0 {
			kind = rapid.SampledFrom(kinds).Draw(t, "option-kind")
		}
		var free []agreement.AreaID
		for _, a := range areas {
			if !decided[a][aspect(kind)] {
				free = append(free, a)
			}
		}
		if len(free) == 0 {
			continue
		}
		o := agreement.Option{ID: id, Kind: kind, Areas: take(t, "option-areas", free, 1, 3)}
		for _, a := range o.Areas {
			if decided[a] == nil {
				decided[a] = map[string]bool{}
			}
			decided[a][aspect(kind)] = true
		}
		if rapid.Bool().Draw(t, "has-option-text") {
			o.Text = textGen.Draw(t, "option-text")
		}
		fillOption(t, &o, parties)
		out = append(out, o)
	}
	return out
}

// fillOption draws the fields o's kind uses.
func fillOption(t *rapid.T, o *agreement.Option, parties []agreement.PartyID) {
	requiredDeadline := func() agreement.Deadline {
		var d agreement.Deadline
		switch rapid.IntRange(0, 2).Draw(t, "deadline-sort") {
		case 0:
			d.At = drawInstant(t, "deadline")
		case 1:
			d.After = drawPositiveDuration(t, "deadline")
		default:
			d.Period = drawPeriod(t, "deadline-period")
		}
		if rapid.IntRange(0, 3).Draw(t, "deadline-rounded") == 0 {
			d.Round = rapid.SampledFrom(roundings).Draw(t, "deadline-round")
		}
		return d
	}
	results := func() {
		for _, out := range take(t, "outcomes", outcomePool, 1, 3) {
			o.Results = append(o.Results, agreement.Result{Outcome: out, Sovereign: optional(t, "sovereign", parties)})
		}
		o.Lapse = rapid.SampledFrom(lapses).Draw(t, "lapse")
	}
	switch o.Kind {
	case agreement.OptionKindCede, agreement.OptionKindWithdraw:
		pair := rapid.Permutation(parties).Draw(t, "from-to")
		o.From, o.To = pair[0], pair[1]
		if o.Kind == agreement.OptionKindWithdraw {
			o.Deadline = requiredDeadline()
		}
	case agreement.OptionKindRecogniseControl:
		o.Party = rapid.SampledFrom(parties).Draw(t, "party")
	case agreement.OptionKindFreeze:
		o.Parties = take(t, "parties", parties, 0, 3)
	case agreement.OptionKindDemilitarisedZone:
		o.Parties = take(t, "parties", parties, 1, 3)
		w := positiveDecimal(t)
		o.Width = &w
		o.Deadline = requiredDeadline()
	case agreement.OptionKindInternationalAdministration:
		o.Party = rapid.SampledFrom(parties).Draw(t, "party")
		o.Deadline = drawLimit(t, "deadline", nil, useOption, 0)
	case agreement.OptionKindSpecialStatus:
		o.Party = optional(t, "party", parties)
	case agreement.OptionKindReferendum:
		o.Party = rapid.SampledFrom(parties).Draw(t, "party")
		o.Deadline = drawLimit(t, "deadline", nil, useOption, 0)
		results()
	case agreement.OptionKindArbitration:
		o.Party = rapid.SampledFrom(parties).Draw(t, "party")
		o.Deadline = requiredDeadline()
		results()
	}
}

// patternAreas returns the areas a's event patterns name, each once, in
// order of first mention.
func patternAreas(a *agreement.Agreement) []agreement.AreaID {
	var out []agreement.AreaID
	add := func(p agreement.Pattern) {
		if p.Area != "" && !slices.Contains(out, p.Area) {
			out = append(out, p.Area)
		}
	}
	walk := func(c agreement.Condition) {
		agreement.Walk(c, func(n agreement.Condition) bool {
			switch n := n.(type) {
			case *agreement.HappenedCondition:
				add(n.Pattern())
			case *agreement.BeforeCondition:
				add(n.First())
				add(n.Then())
			case *agreement.WithinCondition:
				add(n.Pattern())
			case *agreement.SinceCondition:
				add(n.Pattern())
			case *agreement.TallyCondition:
				add(n.Pattern())
			}
			return true
		})
	}
	for _, f := range a.Fluents {
		for _, p := range slices.Concat(f.Initiates, f.Terminates) {
			add(p)
		}
	}
	for _, c := range a.Clauses {
		if c.Action != nil {
			add(*c.Action)
		}
		if c.Grant != nil {
			add(*c.Grant)
		}
		for _, nc := range c.Conditions() {
			walk(nc.Condition)
		}
		walk(c.Deadline.From)
		walk(c.Expiry.From)
		if c.Recurs.On != nil {
			add(*c.Recurs.On)
		}
	}
	walk(a.EntryIntoForce)
	walk(a.InForceAt.From)
	return out
}

// drawTerritoryFor draws, for the agreement a drawn so far, a territory
// declaring every area its patterns name and up to cfg.Areas more, and
// options for it (with at least one area when the patterns name none).
func drawTerritoryFor(t *rapid.T, cfg Config, a *agreement.Agreement, parties []agreement.PartyID) {
	areaIDs := patternAreas(a)
	lo := 0
	if len(areaIDs) == 0 {
		lo = 1
	}
	extra := rapid.IntRange(lo, max(lo, cfg.Areas)).Draw(t, "extra-areas")
	for _, id := range drawIDs[agreement.AreaID](t, "area-id", extra, areaPool, nameGen) {
		if !slices.Contains(areaIDs, id) {
			areaIDs = append(areaIDs, id)
		}
	}
	a.Territory = drawTerritory(t, parties, areaIDs)
	a.Options = drawOptions(t, a.Territory, parties, clausePrefixes(a), cfg.Options)
}

// Corruptions of territory and territorial options.

func areaPath(i int) string { return at("territory.areas", i) }

func optionPath(i int) string { return at("options", i) }

func ghostArea(a *agreement.Agreement) agreement.AreaID {
	return agreement.AreaID(fresh("unknown-area", func(s string) bool {
		_, ok := a.Territory.Area(agreement.AreaID(s))
		return ok
	}))
}

// freshOptionID returns an option id no option or arrangement of a uses and
// that prefixes none of its clause ids.
func freshOptionID(a *agreement.Agreement) agreement.OptionID {
	prefix := clausePrefixes(a)
	return agreement.OptionID(fresh("extra-option", func(s string) bool {
		if prefix(s) || slices.ContainsFunc(a.Options, func(o agreement.Option) bool { return string(o.ID) == s }) {
			return true
		}
		for _, ar := range a.Territory.Areas {
			for _, r := range ar.Arrangements {
				if string(r.Option) == s {
					return true
				}
			}
		}
		return false
	}))
}

// areaKind is a corruption of one area of the territory satisfying ok (any,
// when nil).
func areaKind(name string, ok func(ar *agreement.Area) bool,
	apply func(t *rapid.T, a *agreement.Agreement, ar *agreement.Area, path string) expect) kind {
	return elementKind(name, "area", func(a *agreement.Agreement) []agreement.Area { return a.Territory.Areas },
		areaPath, ok, apply)
}

// sharesKind corrupts one list of shares (sovereignty or control) of an
// area; share j is drawn for apply.
func sharesKind(name string, ok func(ss []agreement.Share) bool,
	apply func(t *rapid.T, a *agreement.Agreement, ss []agreement.Share, j int, path string) expect) kind {
	pick := func(ar *agreement.Area) []string {
		var out []string
		if ok(ar.Sovereignty) {
			out = append(out, "sovereignty")
		}
		if ok(ar.Control) {
			out = append(out, "control")
		}
		return out
	}
	return areaKind(name, func(ar *agreement.Area) bool { return len(pick(ar)) > 0 },
		func(t *rapid.T, a *agreement.Agreement, ar *agreement.Area, path string) expect {
			list := rapid.SampledFrom(pick(ar)).Draw(t, "shares")
			ss := ar.Sovereignty
			if list == "control" {
				ss = ar.Control
			}
			j := rapid.IntRange(0, len(ss)-1).Draw(t, "share")
			return apply(t, a, ss, j, path+"."+list)
		})
}

func someShares(ss []agreement.Share) bool { return len(ss) > 0 }

// optionKind is a corruption of one option satisfying ok (any, when nil).
func optionKind(name string, ok func(o *agreement.Option) bool,
	apply func(t *rapid.T, a *agreement.Agreement, o *agreement.Option, path string) expect) kind {
	return elementKind(name, "option", func(a *agreement.Agreement) []agreement.Option { return a.Options },
		optionPath, ok, apply)
}

// appendOption appends o to a's options and returns its index and the key
// of the place added.
func appendOption(a *agreement.Agreement, o agreement.Option) (int, []string) {
	a.Options = append(a.Options, o)
	i := len(a.Options) - 1
	return i, []string{key("option", i)}
}

// withTerritory restricts targets to agreements that have a territory.
func withTerritory(targets func(a *agreement.Agreement) []target) func(a *agreement.Agreement) []target {
	return func(a *agreement.Agreement) []target {
		if a.Territory.IsZero() {
			return nil
		}
		return targets(a)
	}
}

// territoryKinds are the corruptions of territories and options.
var territoryKinds = []kind{
	// Areas: shares.
	sharesKind("shares not summing to 100", someShares,
		func(t *rapid.T, _ *agreement.Agreement, ss []agreement.Share, j int, path string) expect {
			delta := positiveDecimal(t)
			if rapid.Bool().Draw(t, "down") && ss[j].Percent.GreaterThan(delta) {
				ss[j].Percent = ss[j].Percent.Sub(delta)
			} else {
				ss[j].Percent = ss[j].Percent.Add(delta)
			}
			return expect{err: agreement.ErrShares, path: path, desc: "share " + strconv.Itoa(j) + " now " + ss[j].Percent.String()}
		}),
	sharesKind("negative share", someShares,
		func(t *rapid.T, _ *agreement.Agreement, ss []agreement.Share, j int, path string) expect {
			ss[j].Percent = positiveDecimal(t).Neg()
			return expect{err: agreement.ErrNegative, path: at(path, j) + ".percent", desc: ss[j].Percent.String()}
		}),
	sharesKind("zero share", someShares,
		func(_ *rapid.T, _ *agreement.Agreement, ss []agreement.Share, j int, path string) expect {
			ss[j].Percent = decimal.Zero
			return expect{err: agreement.ErrInvalidValue, path: at(path, j) + ".percent", desc: "share of " + string(ss[j].Party)}
		}),
	sharesKind("unknown party in shares", someShares,
		func(_ *rapid.T, a *agreement.Agreement, ss []agreement.Share, j int, path string) expect {
			ss[j].Party = ghostParty(a)
			return expect{err: agreement.ErrUnknownParty, path: at(path, j) + ".party", desc: string(ss[j].Party)}
		}),
	sharesKind("duplicate party in shares", func(ss []agreement.Share) bool { return len(ss) > 1 },
		func(t *rapid.T, _ *agreement.Agreement, ss []agreement.Share, j int, path string) expect {
			if j == 0 {
				j = rapid.IntRange(1, len(ss)-1).Draw(t, "later-share")
			}
			ss[j].Party = ss[0].Party
			return expect{err: agreement.ErrDuplicateID, path: at(path, j) + ".party", desc: string(ss[0].Party)}
		}),
	areaKind("missing shares", nil, func(t *rapid.T, _ *agreement.Agreement, ar *agreement.Area, path string) expect {
		if rapid.Bool().Draw(t, "sovereignty") {
			ar.Sovereignty = nil
			return expect{err: agreement.ErrMissing, path: path + ".sovereignty", desc: "sovereignty removed"}
		}
		ar.Control = nil
		return expect{err: agreement.ErrMissing, path: path + ".control", desc: "control removed"}
	}),

	// Areas: sizes and ids.
	areaKind("negative area size", nil, func(t *rapid.T, _ *agreement.Agreement, ar *agreement.Area, path string) expect {
		ar.Size = positiveDecimal(t).Neg()
		return expect{err: agreement.ErrNegative, path: path + ".size", desc: ar.Size.String()}
	}),
	areaKind("zero area size", nil, func(_ *rapid.T, _ *agreement.Agreement, ar *agreement.Area, path string) expect {
		ar.Size = decimal.Zero
		return expect{err: agreement.ErrInvalidValue, path: path + ".size", desc: "size 0"}
	}),
	{
		name:    "duplicate area id",
		targets: func(a *agreement.Agreement) []target { return pairs("area", len(a.Territory.Areas)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Territory.Areas[tg.j].ID = a.Territory.Areas[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: areaPath(tg.j) + ".id",
				desc: string(a.Territory.Areas[tg.i].ID) + " also at " + areaPath(tg.i)}
		},
	},
	areaKind("invalid area id", nil, func(t *rapid.T, _ *agreement.Agreement, ar *agreement.Area, path string) expect {
		ar.ID = agreement.AreaID(drawInvalidID(t))
		return expect{err: agreement.ErrInvalidID, path: path + ".id", desc: strconv.Quote(string(ar.ID))}
	}),
	areaKind("unknown arrangement kind", nil, func(t *rapid.T, a *agreement.Agreement, ar *agreement.Area, path string) expect {
		ar.Arrangements = append(ar.Arrangements, agreement.Arrangement{
			Kind: drawUnknown(t, agreement.OptionKindArbitration), Option: freshOptionID(a)})
		j := len(ar.Arrangements) - 1
		return expect{err: agreement.ErrInvalidValue, path: at(path+".arrangements", j) + ".kind",
			desc: ar.Arrangements[j].Kind.String()}
	}),

	// Patterns naming areas the territory does not declare.
	{
		name:    "unknown area in condition",
		targets: withTerritory(conditionTargets),
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			p := validPattern
			p.Area = ghostArea(a)
			var n badNode
			switch rapid.IntRange(0, 3).Draw(t, "host") {
			case 0:
				n = badNode{agreement.Before(validPattern, p), ".before.then.area", agreement.ErrUnknownArea, "before"}
			case 1:
				n = badNode{agreement.Within(p, agreement.Day), ".within.event.area", agreement.ErrUnknownArea, "within"}
			case 2:
				n = badNode{agreement.Since(p, 0), ".since.event.area", agreement.ErrUnknownArea, "since"}
			default:
				n = badNode{agreement.Happened(p), ".happened.area", agreement.ErrUnknownArea, "happened"}
			}
			n = embed(t, n)
			path := place(t, a, tg.i, n.c) + n.suffix
			return expect{err: n.err, path: path, desc: n.desc + " " + n.c.String() + " at " + path}
		},
	},
	{
		name: "unknown area in action",
		targets: withTerritory(func(a *agreement.Agreement) []target {
			return each("clause", len(a.Clauses), nil)
		}),
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			c := &a.Clauses[tg.i]
			p := validPattern
			if c.Action != nil {
				p = *c.Action
			}
			p.Area = ghostArea(a)
			c.Action = &p
			return expect{err: agreement.ErrUnknownArea, path: clausePath(tg.i) + ".action.area", desc: p.String()}
		},
	},

	// Options.
	{
		name: "option on unknown area",
		targets: func(a *agreement.Agreement) []target {
			return append(each("option", len(a.Options), nil), target{i: -1})
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			ghost := ghostArea(a)
			if tg.i < 0 {
				i, keys := appendOption(a, agreement.Option{ID: freshOptionID(a), Kind: agreement.OptionKindSpecialStatus,
					Areas: []agreement.AreaID{ghost}})
				return expect{err: agreement.ErrUnknownArea, path: at(optionPath(i)+".areas", 0), desc: string(ghost), keys: keys}
			}
			j := replaceOrAppend(t, &a.Options[tg.i].Areas, ghost)
			return expect{err: agreement.ErrUnknownArea, path: at(optionPath(tg.i)+".areas", j), desc: string(ghost)}
		},
	},
	{
		// A copy of option i under a new id decides what option i decides
		// on the same areas; with no option to copy, two special statuses
		// for the first area.
		name: "conflicting options",
		targets: func(a *agreement.Agreement) []target {
			out := each("option", len(a.Options), func(i int) bool {
				return a.Options[i].Kind.Valid() && len(a.Options[i].Areas) > 0
			})
			if !a.Territory.IsZero() {
				out = append(out, target{keys: []string{key("area", 0)}, i: -1})
			}
			return out
		},
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			var keys []string
			first := tg.i
			if first < 0 {
				var k []string
				first, k = appendOption(a, agreement.Option{ID: freshOptionID(a), Kind: agreement.OptionKindSpecialStatus,
					Areas: []agreement.AreaID{a.Territory.Areas[0].ID}})
				keys = append(keys, k...)
			}
			o := agreement.Option.Clone(a.Options[first])
			o.ID = freshOptionID(a)
			i, k := appendOption(a, o)
			keys = append(keys, k...)
			return expect{err: agreement.ErrConflict, path: optionPath(i),
				desc: "copy of " + optionPath(first) + " as " + string(o.ID), keys: keys}
		},
	},
	{
		name: "zero-width demilitarised zone",
		targets: func(a *agreement.Agreement) []target {
			out := each("option", len(a.Options), func(i int) bool { return a.Options[i].Kind == agreement.OptionKindDemilitarisedZone })
			if !a.Territory.IsZero() && len(a.Parties) > 0 {
				out = append(out, target{i: -1})
			}
			return out
		},
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			zero := decimal.Zero
			if tg.i >= 0 {
				a.Options[tg.i].Width = &zero
				return expect{err: agreement.ErrInvalidValue, path: optionPath(tg.i) + ".width", desc: "width 0"}
			}
			i, keys := appendOption(a, agreement.Option{ID: freshOptionID(a), Kind: agreement.OptionKindDemilitarisedZone,
				Areas: []agreement.AreaID{a.Territory.Areas[0].ID}, Parties: []agreement.PartyID{a.Parties[0].ID},
				Width: &zero, Deadline: agreement.Deadline{After: agreement.Day}})
			return expect{err: agreement.ErrInvalidValue, path: optionPath(i) + ".width", desc: "new zone of width 0", keys: keys}
		},
	},
	{
		name:    "duplicate option id",
		targets: func(a *agreement.Agreement) []target { return pairs("option", len(a.Options)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Options[tg.j].ID = a.Options[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: optionPath(tg.j) + ".id", desc: string(a.Options[tg.i].ID)}
		},
	},
	optionKind("invalid option id", nil, func(t *rapid.T, _ *agreement.Agreement, o *agreement.Option, path string) expect {
		o.ID = agreement.OptionID(rapid.SampledFrom([]string{"has.dot", "a b", "-dash", strings.Repeat("x", 25)}).Draw(t, "id"))
		return expect{err: agreement.ErrInvalidID, path: path + ".id", desc: strconv.Quote(string(o.ID))}
	}),
	optionKind("option without areas", nil, func(_ *rapid.T, _ *agreement.Agreement, o *agreement.Option, path string) expect {
		o.Areas = nil
		return expect{err: agreement.ErrMissing, path: path + ".areas", desc: "areas removed"}
	}),
	optionKind("unknown party in option", func(o *agreement.Option) bool { return o.Party != "" },
		func(_ *rapid.T, a *agreement.Agreement, o *agreement.Option, path string) expect {
			o.Party = ghostParty(a)
			return expect{err: agreement.ErrUnknownParty, path: path + ".party", desc: string(o.Party)}
		}),
}
