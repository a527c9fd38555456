package agreementtest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

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
