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
		if rapid.Bool().Draw(t, "deadline-at") {
			return agreement.Deadline{At: drawInstant(t, "deadline")}
		}
		return agreement.Deadline{After: drawPositiveDuration(t, "deadline")}
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
		o.Deadline = drawDeadline(t, "deadline")
	case agreement.OptionKindSpecialStatus:
		o.Party = optional(t, "party", parties)
	case agreement.OptionKindReferendum:
		o.Party = rapid.SampledFrom(parties).Draw(t, "party")
		o.Deadline = drawDeadline(t, "deadline")
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
		for _, nc := range c.Conditions() {
			walk(nc.Condition)
		}
	}
	walk(a.EntryIntoForce)
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
