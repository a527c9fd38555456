package agreementtest

import (
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// measureKinds are the corruptions of item classes, bounds, placeholders,
// standing clauses, breach counts, tallies, debtor-limited powers and
// relaxing permissions.
var measureKinds = []kind{
	// Item classes.
	{
		name:    "duplicate item class id",
		targets: func(a *agreement.Agreement) []target { return pairs("item-class", len(a.ItemClasses)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.ItemClasses[tg.j].ID = a.ItemClasses[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: itemClassPath(tg.j) + ".id",
				desc: string(a.ItemClasses[tg.i].ID) + " also at " + itemClassPath(tg.i)}
		},
	},
	{
		name:    "invalid item class id",
		targets: func(a *agreement.Agreement) []target { return each("item-class", len(a.ItemClasses), nil) },
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			a.ItemClasses[tg.i].ID = agreement.ItemClassID(drawInvalidID(t))
			return expect{err: agreement.ErrInvalidID, path: itemClassPath(tg.i) + ".id",
				desc: strconv.Quote(string(a.ItemClasses[tg.i].ID))}
		},
	},
	{
		name:    "empty item class",
		targets: func(a *agreement.Agreement) []target { return each("item-class", len(a.ItemClasses), nil) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.ItemClasses[tg.i].Items, a.ItemClasses[tg.i].Rule = nil, nil
			return expect{err: agreement.ErrMissing, path: itemClassPath(tg.i), desc: "items and rule removed"}
		},
	},
	{
		name: "duplicate item",
		targets: func(a *agreement.Agreement) []target {
			return each("item-class", len(a.ItemClasses), func(i int) bool { return len(a.ItemClasses[i].Items) > 0 })
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			c := &a.ItemClasses[tg.i]
			it := rapid.SampledFrom(c.Items).Draw(t, "item")
			c.Items = append(c.Items, it)
			return expect{err: agreement.ErrDuplicateID, path: at(itemClassPath(tg.i)+".items", len(c.Items)-1),
				desc: strconv.Quote(it)}
		},
	},
	{
		// A new item class, last of the list, bounds one quantity in units
		// of two dimensions: validation reports the second bound, the
		// first being the first of that quantity in the agreement (the
		// quantity name, new with each corruption, is used nowhere else).
		name:    "mixed dimensions",
		targets: func(*agreement.Agreement) []target { return []target{{}} },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			id := agreement.ItemClassID(fresh("mixed-class", func(s string) bool {
				return slices.ContainsFunc(a.ItemClasses, func(c agreement.ItemClass) bool { return string(c.ID) == s })
			}))
			units := rapid.Permutation([]agreement.Unit{agreement.UnitKm, agreement.UnitKg, agreement.UnitHa,
				agreement.UnitTroops}).Draw(t, "units")
			one := decimal.NewFromInt(1)
			q := mixedQuantity + strconv.Itoa(len(a.ItemClasses))
			a.ItemClasses = append(a.ItemClasses, agreement.ItemClass{ID: id, Rule: []agreement.Bound{
				agreement.Measure(units[0]).Of(q).AtLeast(one),
				agreement.Measure(units[1]).Of(q).AtLeast(one),
			}})
			i := len(a.ItemClasses) - 1
			return expect{err: agreement.ErrInconsistent, path: at(itemClassPath(i)+".rule", 1),
				desc: string(units[0]) + " and " + string(units[1]), keys: []string{key("item-class", i)}}
		},
	},
	actionKind("dangling item class in action", "class"),
	conditionKind("dangling item class in condition", patternNode("class")),
	quantityKind("dangling item class in quantity", func(_ *rapid.T, r *agreement.Range, path string) expect {
		r.Class = "unknown-item-class"
		return expect{err: agreement.ErrUnknownItemClass, path: path + ".class", desc: string(r.Class)}
	}),

	// Placeholders.
	{
		name:    "placeholder in a fluent",
		targets: func(a *agreement.Agreement) []target { return each("fluent", len(a.Fluents), nil) },
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			f := &a.Fluents[tg.i]
			list, name := &f.Initiates, "initiates"
			if rapid.Bool().Draw(t, "terminates") {
				list, name = &f.Terminates, "terminates"
			}
			p, field := placeholderPattern(t)
			j := replaceOrAppend(t, list, p)
			return expect{err: agreement.ErrInvalidValue, path: at(at("fluents", tg.i)+"."+name, j) + field, desc: p.String()}
		},
	},
	{
		name:    "placeholder in entry into force",
		targets: func(*agreement.Agreement) []target { return single("entry") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			p, field := placeholderPattern(t)
			n := embed(t, badNode{c: agreement.Happened(p), suffix: ".happened" + field})
			path := place(t, a, -1, n.c) + n.suffix
			return expect{err: agreement.ErrInvalidValue, path: path, desc: p.String()}
		},
	},
	clauseKind("creditor placeholder without creditors", func(c *agreement.Clause) bool { return len(c.Creditors) == 0 },
		func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			p := validPattern
			if c.Action != nil {
				p = *c.Action
			}
			p.Actor = agreement.Creditor
			c.Action = &p
			return expect{err: agreement.ErrInconsistent, path: path + ".action.actor", desc: p.String()}
		}),
	clauseKind("own debtor as actor", func(c *agreement.Clause) bool { return len(c.Debtors) >= 2 && !c.Joint },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			p := validPattern
			p.Actor = rapid.SampledFrom(c.Debtors).Draw(t, "debtor")
			n := embed(t, badNode{c: agreement.Happened(p), suffix: ".happened.actor"})
			slot, name := &c.Fulfilment, "fulfilment"
			if c.Kind == agreement.DeonticObligation || c.Kind == agreement.DeonticProhibition {
				if rapid.Bool().Draw(t, "violation") {
					slot, name = &c.Violation, "violation"
				}
			}
			root := path + "." + name
			if *slot == nil {
				*slot = n.c
			} else {
				var ps []position
				positions(*slot, root, nil, &ps)
				pos := ps[rapid.IntRange(0, len(ps)-1).Draw(t, "node")]
				*slot = replace(*slot, pos.steps, n.c)
				root = pos.path
			}
			return expect{err: agreement.ErrUnboundDebtor, path: root + n.suffix, desc: p.String()}
		}),

	// Standing clauses and breach counts.
	clauseKind("standing with deadline", func(c *agreement.Clause) bool { return c.Kind == agreement.DeonticObligation },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Standing = true
			c.Deadline = drawDeadline(t, "deadline")
			if c.Deadline.IsZero() {
				c.Deadline.After = agreement.Day
			}
			return expect{err: agreement.ErrInconsistent, path: path + ".deadline", desc: c.Deadline.String()}
		}),
	clauseKind("standing without violation", func(c *agreement.Clause) bool { return c.Kind == agreement.DeonticObligation },
		func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Standing, c.Violation, c.Deadline = true, nil, agreement.Deadline{}
			return expect{err: agreement.ErrMissing, path: path + ".violation", desc: "violation removed"}
		}),
	clauseKind("standing permission or power", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticPermission || c.Kind == agreement.DeonticPower
	}, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Standing = true
		return expect{err: agreement.ErrInconsistent, path: path + ".standing", desc: c.Kind.String()}
	}),
	{
		// Breached of a clause that is not standing: the clause relied on
		// must stay what it is.
		name: "breached of a non-standing clause",
		targets: func(a *agreement.Agreement) []target {
			var out []target
			for j, c := range a.Clauses {
				if c.Standing {
					continue
				}
				for _, tg := range conditionTargets(a) {
					out = append(out, target{keys: append(tg.keys, key("clause", j)), i: tg.i, j: j})
				}
			}
			return out
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			ref := agreement.LocalRef(a.Clauses[tg.j].ID)
			n := embed(t, badNode{c: agreement.Breached(ref, 1, agreement.BreachFilter{}), suffix: ".breached.clause"})
			path := place(t, a, tg.i, n.c) + n.suffix
			return expect{err: agreement.ErrNotStanding, path: path, desc: n.c.String() + " at " + path}
		},
	},
	conditionKind("no breaches counted", func(t *rapid.T, a *agreement.Agreement) badNode {
		return badNode{agreement.Breached(agreement.LocalRef(ghostClause(a)), 0, agreement.BreachFilter{}),
			".breached.atLeast", agreement.ErrInvalidValue, "breached"}
	}),
	conditionKind("negative breach window", func(t *rapid.T, a *agreement.Agreement) badNode {
		f := agreement.BreachFilter{Within: -drawPositiveDuration(t, "within")}
		return badNode{agreement.Breached(agreement.LocalRef(ghostClause(a)), 1, f),
			".breached.within", agreement.ErrNegative, "breached"}
	}),
	conditionKind("tally without bound", func(t *rapid.T, _ *agreement.Agreement) badNode {
		if rapid.Bool().Draw(t, "total") {
			return badNode{agreement.Total(validPattern, agreement.Bound{}), ".total.bound", agreement.ErrMissing, "total"}
		}
		return badNode{agreement.Level(validPattern, agreement.Bound{}), ".level.bound", agreement.ErrMissing, "level"}
	}),
	conditionKind("unknown party in clause-in-for", func(t *rapid.T, a *agreement.Agreement) badNode {
		return badNode{agreement.ClauseInFor(agreement.LocalRef(ghostClause(a)), ghostParty(a), agreement.StateViolated),
			".clauseIn.debtor", agreement.ErrUnknownParty, "clause-in-for"}
	}),

	// Powers limited to one debtor's instance.
	clauseKind("dangling target debtor", hasTargets,
		func(_ *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.TargetDebtor = ghostParty(a)
			return expect{err: agreement.ErrUnknownParty, path: path + ".targetDebtor", desc: string(c.TargetDebtor)}
		}),
	clauseKind("target debtor on a non-power", func(c *agreement.Clause) bool { return !isPower(c) && len(c.Debtors) > 0 },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.TargetDebtor = rapid.SampledFrom(c.Debtors).Draw(t, "debtor")
			return expect{err: agreement.ErrInconsistent, path: path + ".targetDebtor", desc: string(c.TargetDebtor)}
		}),
	clauseKind("creditor as target debtor", hasTargets,
		func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.TargetDebtor = agreement.Creditor
			return expect{err: agreement.ErrInvalidValue, path: path + ".targetDebtor", desc: string(c.TargetDebtor)}
		}),

	// Relaxing permissions.
	{
		name: "relaxes a non-prohibition",
		targets: func(a *agreement.Agreement) []target {
			var out []target
			for i, c := range a.Clauses {
				if c.Kind != agreement.DeonticPermission {
					continue
				}
				for j, o := range a.Clauses {
					if o.Kind != agreement.DeonticProhibition {
						out = append(out, target{keys: []string{key("clause", i), key("clause", j)}, i: i, j: j})
					}
				}
			}
			return out
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			c := &a.Clauses[tg.i]
			r := agreement.LocalRef(a.Clauses[tg.j].ID)
			c.Relaxes = slices.DeleteFunc(slices.Clone(c.Relaxes), func(x agreement.Ref) bool { return x == r })
			k := replaceOrAppend(t, &c.Relaxes, r)
			return expect{err: agreement.ErrInconsistent, path: at(clausePath(tg.i)+".relaxes", k),
				desc: r.String() + " is a " + a.Clauses[tg.j].Kind.String()}
		},
	},
	clauseKind("cover without relaxes", func(c *agreement.Clause) bool { return len(c.Relaxes) == 0 },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			switch rapid.IntRange(0, 2).Draw(t, "field") {
			case 0:
				g := validPattern
				c.Grant = &g
				return expect{err: agreement.ErrInconsistent, path: path + ".grant", desc: g.String()}
			case 1:
				c.Covers = rapid.IntRange(1, 3).Draw(t, "covers")
				return expect{err: agreement.ErrInconsistent, path: path + ".covers", desc: strconv.Itoa(c.Covers)}
			}
			c.CoverWindow = drawPositiveDuration(t, "cover-window")
			return expect{err: agreement.ErrInconsistent, path: path + ".coverWindow",
				desc: agreement.FormatDuration(c.CoverWindow)}
		}),
	clauseKind("negative covers", func(c *agreement.Clause) bool { return c.Kind == agreement.DeonticPermission },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Covers = -rapid.IntRange(1, 3).Draw(t, "covers")
			return expect{err: agreement.ErrNegative, path: path + ".covers", desc: strconv.Itoa(c.Covers)}
		}),
}

// mixedQuantity starts the quantity names the "mixed dimensions"
// corruption bounds, one per corruption; the generators never use them.
const mixedQuantity = "mixed-quantity-"

func itemClassPath(i int) string { return at("itemClasses", i) }

// placeholderPattern returns a pattern naming a placeholder, and the path
// suffix of the field that names it.
func placeholderPattern(t *rapid.T) (agreement.Pattern, string) {
	p := validPattern
	ph := rapid.SampledFrom([]agreement.PartyID{agreement.Debtor, agreement.Creditor}).Draw(t, "placeholder")
	switch rapid.SampledFrom([]string{"actor", "target", "reporter"}).Draw(t, "field") {
	case "actor":
		p.Actor = ph
		return p, ".actor"
	case "target":
		p.Target = ph
		return p, ".target"
	}
	p.Reporter = ph
	return p, ".reporter"
}
