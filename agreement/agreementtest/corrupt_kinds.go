package agreementtest

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// kinds is the table of corruptions: those of the agreement's core, those
// of its territory and options (territory.go), those of item classes,
// bounds, placeholders, standing clauses and relaxing permissions
// (corrupt_measure.go), those of calendar time (corrupt_calendar.go) and
// those of terms, notice and suspension (corrupt_term.go), each with the
// keys of what it touches.
var kinds = slices.Concat(coreKinds, territoryKinds, measureKinds, calendarKinds, termKinds)

// coreKinds are the corruptions of everything but territory and options.
var coreKinds = []kind{
	// The agreement itself.
	{
		name:    "invalid agreement id",
		targets: func(*agreement.Agreement) []target { return single("agreement:id") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.ID = agreement.AgreementID(drawInvalidID(t))
			return expect{err: agreement.ErrInvalidID, path: "id", desc: "id " + strconv.Quote(string(a.ID))}
		},
	},
	{
		name:    "missing agreement id",
		targets: func(*agreement.Agreement) []target { return single("agreement:id") },
		apply: func(_ *rapid.T, a *agreement.Agreement, _ target) expect {
			a.ID = ""
			return expect{err: agreement.ErrMissing, path: "id", desc: "empty id"}
		},
	},
	{
		name:    "unknown signing status",
		targets: func(*agreement.Agreement) []target { return single("agreement:status") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.SigningStatus = drawUnknown(t, agreement.SigningStatusSubsequent)
			return expect{err: agreement.ErrInvalidValue, path: "signingStatus", desc: a.SigningStatus.String()}
		},
	},
	{
		name:    "unknown stage",
		targets: func(*agreement.Agreement) []target { return single("agreement:stage") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.Stage = agreement.Stage(rapid.SampledFrom([]string{"pre", "Ceasefire", "X"}).Draw(t, "stage"))
			return expect{err: agreement.ErrInvalidValue, path: "stage", desc: string(a.Stage)}
		},
	},
	{
		name:    "unknown sub-stage",
		targets: func(*agreement.Agreement) []target { return single("agreement:stage") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.SubStage = agreement.SubStage(rapid.SampledFrom([]string{"proc", "Implementation", "X"}).Draw(t, "sub-stage"))
			return expect{err: agreement.ErrInvalidValue, path: "subStage", desc: string(a.SubStage)}
		},
	},
	{
		name:    "sub-stage of another stage",
		targets: func(*agreement.Agreement) []target { return single("agreement:stage") },
		apply: func(t *rapid.T, a *agreement.Agreement, _ target) expect {
			a.SubStage = rapid.SampledFrom(subStages).Draw(t, "sub-stage")
			var others []agreement.Stage
			for _, s := range stages {
				if s != a.SubStage.Stage() {
					others = append(others, s)
				}
			}
			a.Stage = rapid.SampledFrom(others).Draw(t, "stage")
			return expect{err: agreement.ErrInconsistent, path: "subStage",
				desc: string(a.SubStage) + " under " + string(a.Stage)}
		},
	},
	{
		name: "dangling signatory",
		targets: func(a *agreement.Agreement) []target {
			return append(each("signature", len(a.Signatures), nil), target{i: -1})
		},
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			return signatory(a, tg.i, ghostParty(a), agreement.ErrUnknownParty)
		},
	},
	{
		name: "missing signatory",
		targets: func(a *agreement.Agreement) []target {
			return append(each("signature", len(a.Signatures), nil), target{i: -1})
		},
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			return signatory(a, tg.i, "", agreement.ErrMissing)
		},
	},

	// Parties.
	{
		name:    "duplicate party id",
		targets: func(a *agreement.Agreement) []target { return pairs("party", len(a.Parties)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Parties[tg.j].ID = a.Parties[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: at("parties", tg.j) + ".id",
				desc: string(a.Parties[tg.i].ID) + " also at " + at("parties", tg.i)}
		},
	},
	partyKind("invalid party id", nil, func(t *rapid.T, p *agreement.Party, path string) expect {
		p.ID = agreement.PartyID(drawInvalidID(t))
		return expect{err: agreement.ErrInvalidID, path: path + ".id", desc: strconv.Quote(string(p.ID))}
	}),
	partyKind("missing party id", nil, func(_ *rapid.T, p *agreement.Party, path string) expect {
		p.ID = ""
		return expect{err: agreement.ErrMissing, path: path + ".id", desc: "empty id"}
	}),
	partyKind("unknown party kind", nil, func(t *rapid.T, p *agreement.Party, path string) expect {
		p.Kind = drawUnknown(t, agreement.PartyKindOther)
		return expect{err: agreement.ErrInvalidValue, path: path + ".kind", desc: p.Kind.String()}
	}),
	partyKind("unknown role", nil, func(t *rapid.T, p *agreement.Party, path string) expect {
		p.Roles = append(p.Roles, drawUnknown(t, agreement.RoleBeneficiary))
		i := len(p.Roles) - 1
		return expect{err: agreement.ErrInvalidValue, path: at(path+".roles", i), desc: p.Roles[i].String()}
	}),
	partyKind("duplicate role", func(p *agreement.Party) bool { return len(p.Roles) > 0 },
		func(t *rapid.T, p *agreement.Party, path string) expect {
			r := rapid.SampledFrom(p.Roles).Draw(t, "role")
			p.Roles = append(p.Roles, r)
			return expect{err: agreement.ErrDuplicateID, path: at(path+".roles", len(p.Roles)-1), desc: r.String()}
		}),

	// Groups.
	{
		name: "dangling group member",
		targets: func(a *agreement.Agreement) []target {
			return append(each("group", len(a.Groups), nil), target{i: -1})
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			ghost := ghostParty(a)
			i := tg.i
			var keys []string
			if i < 0 {
				i = len(a.Groups)
				keys = []string{key("group", i)}
				a.Groups = append(a.Groups, agreement.Group{ID: agreement.GroupID(fresh("extra-group", func(s string) bool {
					return slices.ContainsFunc(a.Groups, func(g agreement.Group) bool { return string(g.ID) == s })
				}))})
			}
			j := replaceOrAppend(t, &a.Groups[i].Members, ghost)
			return expect{err: agreement.ErrUnknownParty, path: at(at("groups", i)+".members", j),
				desc: string(ghost), keys: keys}
		},
	},
	{
		name: "duplicate group member",
		targets: func(a *agreement.Agreement) []target {
			return each("group", len(a.Groups), func(i int) bool { return len(a.Groups[i].Members) > 0 })
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			g := &a.Groups[tg.i]
			m := rapid.SampledFrom(g.Members).Draw(t, "member")
			g.Members = append(g.Members, m)
			return expect{err: agreement.ErrDuplicateID, path: at(at("groups", tg.i)+".members", len(g.Members)-1),
				desc: string(m)}
		},
	},
	{
		name:    "duplicate group id",
		targets: func(a *agreement.Agreement) []target { return pairs("group", len(a.Groups)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Groups[tg.j].ID = a.Groups[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: at("groups", tg.j) + ".id", desc: string(a.Groups[tg.i].ID)}
		},
	},
	{
		name:    "invalid group id",
		targets: func(a *agreement.Agreement) []target { return each("group", len(a.Groups), nil) },
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Groups[tg.i].ID = agreement.GroupID(drawInvalidID(t))
			return expect{err: agreement.ErrInvalidID, path: at("groups", tg.i) + ".id", desc: string(a.Groups[tg.i].ID)}
		},
	},

	// Fluents.
	{
		name:    "duplicate fluent id",
		targets: func(a *agreement.Agreement) []target { return pairs("fluent", len(a.Fluents)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Fluents[tg.j].ID = a.Fluents[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: at("fluents", tg.j) + ".id", desc: string(a.Fluents[tg.i].ID)}
		},
	},
	{
		name:    "invalid fluent id",
		targets: func(a *agreement.Agreement) []target { return each("fluent", len(a.Fluents), nil) },
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Fluents[tg.i].ID = agreement.FluentID(drawInvalidID(t))
			return expect{err: agreement.ErrInvalidID, path: at("fluents", tg.i) + ".id", desc: string(a.Fluents[tg.i].ID)}
		},
	},
	{
		name:    "dangling party in fluent pattern",
		targets: func(a *agreement.Agreement) []target { return each("fluent", len(a.Fluents), nil) },
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			f := &a.Fluents[tg.i]
			list, name := &f.Initiates, "initiates"
			if rapid.Bool().Draw(t, "terminates") {
				list, name = &f.Terminates, "terminates"
			}
			p, field, err := patternFault(t, a, validPattern, "party")
			j := replaceOrAppend(t, list, p)
			path := at(at("fluents", tg.i)+"."+name, j) + field
			return expect{err: err, path: path, desc: p.String()}
		},
	},

	// Clauses: parties.
	clauseKind("dangling debtor", nil, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		g := ghostParty(a)
		j := replaceOrAppend(t, &c.Debtors, g)
		return expect{err: agreement.ErrUnknownParty, path: at(path+".debtors", j), desc: string(g)}
	}),
	clauseKind("dangling creditor", nil, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		g := ghostParty(a)
		j := replaceOrAppend(t, &c.Creditors, g)
		return expect{err: agreement.ErrUnknownParty, path: at(path+".creditors", j), desc: string(g)}
	}),
	clauseKind("duplicate debtor", func(c *agreement.Clause) bool { return len(c.Debtors) > 0 },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			d := rapid.SampledFrom(c.Debtors).Draw(t, "debtor")
			c.Debtors = append(c.Debtors, d)
			return expect{err: agreement.ErrDuplicateID, path: at(path+".debtors", len(c.Debtors)-1), desc: string(d)}
		}),
	clauseKind("duplicate creditor", func(c *agreement.Clause) bool { return len(c.Creditors) > 0 },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			d := rapid.SampledFrom(c.Creditors).Draw(t, "creditor")
			c.Creditors = append(c.Creditors, d)
			return expect{err: agreement.ErrDuplicateID, path: at(path+".creditors", len(c.Creditors)-1), desc: string(d)}
		}),
	clauseKind("no debtors", nil, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Debtors = nil
		return expect{err: agreement.ErrMissing, path: path + ".debtors", desc: "debtors removed"}
	}),
	clauseKind("joint with one debtor", func(c *agreement.Clause) bool { return len(c.Debtors) > 0 },
		func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Debtors, c.Joint = c.Debtors[:1], true
			return expect{err: agreement.ErrInconsistent, path: path + ".joint", desc: "joint, debtor " + string(c.Debtors[0])}
		}),
	actionKind("dangling party in action", "party"),
	actionKind("dangling group in action", "group"),
	actionKind("dangling clause in action", "clause"),
	actionKind("unknown attribution in action", "attribution"),

	// Clauses: conditions (and the entry-into-force condition).
	conditionKind("dangling party in condition", patternNode("party")),
	conditionKind("dangling group in condition", patternNode("group")),
	conditionKind("dangling clause in pattern", patternNode("clause")),
	conditionKind("unknown attribution in condition", patternNode("attribution")),
	conditionKind("missing event kind", patternNode("missing kind")),
	conditionKind("invalid event kind", patternNode("invalid kind")),
	conditionKind("dangling clause in clause-in", func(t *rapid.T, a *agreement.Agreement) badNode {
		return badNode{agreement.ClauseIn(agreement.LocalRef(ghostClause(a)), agreement.StateInEffect),
			".clauseIn.clause", agreement.ErrUnknownClause, "clause-in"}
	}),
	conditionKind("dangling fluent", func(t *rapid.T, a *agreement.Agreement) badNode {
		return badNode{agreement.Holds(ghostFluent(a)), ".holds", agreement.ErrUnknownFluent, "holds"}
	}),
	conditionKind("dangling agreement in agreement-in", func(t *rapid.T, a *agreement.Agreement) badNode {
		return badNode{agreement.AgreementIn(ghostAgreement(a), agreement.StateInForce),
			".agreementIn.agreement", agreement.ErrUnknownAgreement, "agreement-in"}
	}),
	conditionKind("agreement state in clause-in", func(t *rapid.T, a *agreement.Agreement) badNode {
		s := rapid.SampledFrom([]agreement.State{agreement.StateDraft, agreement.StateSigned, agreement.StateInForce}).Draw(t, "state")
		return badNode{agreement.ClauseIn(agreement.LocalRef(ghostClause(a)), s),
			".clauseIn.states[0]", agreement.ErrInvalidValue, "clause-in"}
	}),
	conditionKind("clause state in agreement-in", func(t *rapid.T, a *agreement.Agreement) badNode {
		s := rapid.SampledFrom([]agreement.State{agreement.StateDormant, agreement.StateInEffect, agreement.StateViolated,
			agreement.StateLapsed}).Draw(t, "state")
		return badNode{agreement.AgreementIn("", s), ".agreementIn.states[0]", agreement.ErrInvalidValue, "agreement-in"}
	}),
	conditionKind("no states", func(t *rapid.T, a *agreement.Agreement) badNode {
		if rapid.Bool().Draw(t, "clause-in") {
			return badNode{agreement.ClauseIn(agreement.LocalRef(ghostClause(a))), ".clauseIn.states",
				agreement.ErrMissing, "clause-in"}
		}
		return badNode{agreement.AgreementIn(""), ".agreementIn.states", agreement.ErrMissing, "agreement-in"}
	}),
	conditionKind("negative window", func(t *rapid.T, _ *agreement.Agreement) badNode {
		return badNode{agreement.Within(validPattern, -drawPositiveDuration(t, "window")), ".within.duration",
			agreement.ErrNegative, "within"}
	}),
	conditionKind("zero window", func(*rapid.T, *agreement.Agreement) badNode {
		return badNode{agreement.Within(validPattern, 0), ".within.duration", agreement.ErrInvalidValue, "within"}
	}),
	conditionKind("negative since", func(t *rapid.T, _ *agreement.Agreement) badNode {
		return badNode{agreement.Since(validPattern, -drawPositiveDuration(t, "since")), ".since.duration",
			agreement.ErrNegative, "since"}
	}),
	conditionKind("at-least beyond operands", func(t *rapid.T, _ *agreement.Agreement) badNode {
		n := rapid.IntRange(0, 2).Draw(t, "operands")
		return badNode{agreement.AtLeast(n+rapid.IntRange(1, 3).Draw(t, "excess"), slices.Repeat([]agreement.Condition{sibling}, n)...),
			".atLeast.k", agreement.ErrInvalidValue, "at-least"}
	}),
	conditionKind("negative at-least", func(t *rapid.T, _ *agreement.Agreement) badNode {
		return badNode{agreement.AtLeast(-rapid.IntRange(1, 3).Draw(t, "k"), sibling), ".atLeast.k",
			agreement.ErrNegative, "at-least"}
	}),
	conditionKind("nil operand", func(t *rapid.T, _ *agreement.Agreement) badNode {
		switch rapid.IntRange(0, 3).Draw(t, "combinator") {
		case 0:
			return badNode{agreement.Not(nil), ".not", agreement.ErrMissing, "not"}
		case 1:
			return badNode{agreement.All(sibling, nil), ".all[1]", agreement.ErrMissing, "all"}
		case 2:
			return badNode{agreement.Any(nil), ".any[0]", agreement.ErrMissing, "any"}
		}
		return badNode{agreement.AtLeast(1, sibling, nil), ".atLeast.of[1]", agreement.ErrMissing, "at-least"}
	}),
	{
		// Clause 0 reads clause k, which reads clause 0 (for k = 0, clause
		// 0 reads itself), possibly through up to two more clauses: 0 ->
		// k ... -> 0. Validation's depth-first search starts at clause 0,
		// which stays on its stack while it explores all that clause 0
		// reaches, so the link back into clause 0 is reported at clause 0.
		// The links are in topological order (no link already reaches an
		// earlier one), so every cycle passes through clause 0 and no
		// cycle is reported anywhere else.
		name: "dependency cycle",
		targets: func(a *agreement.Agreement) []target {
			var out []target
			for k := range a.Clauses {
				out = append(out, target{keys: []string{key("clause", 0), key("clause", k)}, j: k})
			}
			return out
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			var links []int
			if tg.j != 0 {
				var extra []int
				for i := 1; i < len(a.Clauses); i++ {
					if i != tg.j && tg.free(key("clause", i)) {
						extra = append(extra, i)
					}
				}
				links = append([]int{tg.j}, take(t, "links", extra, 0, 2)...)
				rank := topoRank(clauseGraph(a))
				slices.SortFunc(links, func(x, y int) int { return cmp.Compare(rank[x], rank[y]) })
			}
			chain := append([]int{0}, links...)
			names := make([]string, 0, len(chain)+1)
			var keys []string
			for i, from := range chain {
				to := a.Clauses[chain[(i+1)%len(chain)]].ID
				states := rapid.SliceOfN(rapid.SampledFrom(clauseStates), 1, 2).Draw(t, "states")
				place(t, a, from, agreement.ClauseIn(agreement.LocalRef(to), states...))
				names = append(names, string(a.Clauses[from].ID))
				keys = append(keys, key("clause", from))
			}
			names = append(names, names[0])
			return expect{err: agreement.ErrCycle, path: clausePath(0), desc: strings.Join(names, " -> "), keys: keys}
		},
	},

	// Clauses: powers.
	clauseKind("dangling target", hasTargets, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		g := agreement.LocalRef(ghostClause(a))
		j := replaceOrAppend(t, &c.Targets, g)
		return expect{err: agreement.ErrUnknownClause, path: at(path+".targets", j), desc: g.String()}
	}),
	clauseKind("dangling agreement in target", hasTargets, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		g := agreement.QualifiedRef(ghostAgreement(a), "C1")
		if rapid.Bool().Draw(t, "whole") {
			g = agreement.AgreementRef(g.Agreement)
		}
		j := replaceOrAppend(t, &c.Targets, g)
		return expect{err: agreement.ErrUnknownAgreement, path: at(path+".targets", j), desc: g.String()}
	}),
	clauseKind("self target", hasTargets, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		j := replaceOrAppend(t, &c.Targets, agreement.LocalRef(c.ID))
		return expect{err: agreement.ErrInconsistent, path: at(path+".targets", j), desc: string(c.ID)}
	}),
	clauseKind("dangling resumedBy", isSuspend, func(_ *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ResumedBy = ghostClause(a)
		return expect{err: agreement.ErrUnknownClause, path: path + ".resumedBy", desc: string(c.ResumedBy)}
	}),
	clauseKind("resumedBy not a resume power", isSuspend, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ResumedBy = c.ID
		return expect{err: agreement.ErrInconsistent, path: path + ".resumedBy", desc: "resumed by itself"}
	}),
	clauseKind("suspend without resume", isSuspend, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ResumedBy = ""
		return expect{err: agreement.ErrMissing, path: path + ".resumedBy", desc: "resumedBy removed"}
	}),
	clauseKind("resume power with targets", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticPower && c.Effect == agreement.EffectResume
	}, func(_ *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Targets = []agreement.Ref{agreement.AgreementRef(a.ID)}
		return expect{err: agreement.ErrInconsistent, path: path + ".targets", desc: "targets added"}
	}),
	clauseKind("power without effect", isPower, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Effect = agreement.EffectUnspecified
		return expect{err: agreement.ErrMissing, path: path + ".effect", desc: "effect removed"}
	}),
	clauseKind("unknown effect", isPower, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Effect = drawUnknown(t, agreement.EffectNotice)
		return expect{err: agreement.ErrInvalidValue, path: path + ".effect", desc: c.Effect.String()}
	}),
	clauseKind("effect on a non-power", func(c *agreement.Clause) bool { return !isPower(c) },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Effect = rapid.SampledFrom([]agreement.Effect{agreement.EffectSuspend, agreement.EffectResume, agreement.EffectDischarge,
				agreement.EffectTerminate, agreement.EffectNotice}).Draw(t, "effect")
			return expect{err: agreement.ErrInconsistent, path: path + ".effect", desc: c.Effect.String()}
		}),
	clauseKind("targets on a non-power", func(c *agreement.Clause) bool { return !isPower(c) },
		func(_ *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Targets = []agreement.Ref{agreement.AgreementRef(a.ID)}
			return expect{err: agreement.ErrInconsistent, path: path + ".targets", desc: "targets added"}
		}),

	// Clauses: quantities.
	quantityKind("negative quantity minimum", func(t *rapid.T, r *agreement.Range, path string) expect {
		r.Min = positiveDecimal(t).Neg()
		return expect{err: agreement.ErrNegative, path: path + ".min", desc: r.Min.String()}
	}),
	quantityKind("negative quantity maximum", func(t *rapid.T, r *agreement.Range, path string) expect {
		r.Max = positiveDecimal(t).Neg()
		return expect{err: agreement.ErrNegative, path: path + ".max", desc: r.Max.String()}
	}),
	quantityKind("minimum above maximum", func(t *rapid.T, r *agreement.Range, path string) expect {
		r.Min = r.Max.Add(positiveDecimal(t))
		return expect{err: agreement.ErrInvalidValue, path: path, desc: r.Min.String() + " > " + r.Max.String()}
	}),
	quantityKind("invalid unit", func(t *rapid.T, r *agreement.Range, path string) expect {
		r.Unit = agreement.Unit(rapid.SampledFrom([]string{"Troops", "km 2", "-", "9km"}).Draw(t, "unit"))
		return expect{err: agreement.ErrInvalidValue, path: path + ".unit", desc: string(r.Unit)}
	}),

	// Clauses: deadlines and expiries.
	clauseKind("negative expiry", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Expiry = agreement.Deadline{After: -drawPositiveDuration(t, "expiry")}
		return expect{err: agreement.ErrNegative, path: path + ".expiry.after", desc: c.Expiry.String()}
	}),
	clauseKind("negative deadline", func(c *agreement.Clause) bool { return c.Kind == agreement.DeonticObligation },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Deadline = agreement.Deadline{After: -drawPositiveDuration(t, "deadline")}
			return expect{err: agreement.ErrNegative, path: path + ".deadline.after", desc: c.Deadline.String()}
		}),
	clauseKind("after and at", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		d := agreement.Deadline{After: drawPositiveDuration(t, "after"), At: drawInstant(t, "at")}
		name := "expiry"
		if c.Kind == agreement.DeonticObligation && rapid.Bool().Draw(t, "deadline") {
			c.Deadline, name = d, "deadline"
		} else {
			c.Expiry = d
		}
		return expect{err: agreement.ErrInconsistent, path: path + "." + name, desc: "after " +
			agreement.FormatDuration(d.After) + " and at " + d.At.Format(time.RFC3339Nano)}
	}),
	clauseKind("deadline on a non-obligation", func(c *agreement.Clause) bool { return c.Kind != agreement.DeonticObligation },
		func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
			c.Deadline = drawDeadline(t, "deadline")
			if c.Deadline.IsZero() {
				c.Deadline.After = agreement.Day
			}
			return expect{err: agreement.ErrInconsistent, path: path + ".deadline", desc: c.Kind.String()}
		}),

	// Clauses: kinds and their required fields.
	clauseKind("violation of a permission or power", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticPermission || c.Kind == agreement.DeonticPower
	}, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Violation = sibling
		return expect{err: agreement.ErrInconsistent, path: path + ".violation", desc: c.Kind.String()}
	}),
	clauseKind("obligation without action or fulfilment", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticObligation
	}, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Action, c.Fulfilment = nil, nil
		return expect{err: agreement.ErrMissing, path: path, desc: "action and fulfilment removed"}
	}),
	clauseKind("prohibition without action or violation", func(c *agreement.Clause) bool {
		return c.Kind == agreement.DeonticProhibition
	}, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Action, c.Violation = nil, nil
		return expect{err: agreement.ErrMissing, path: path, desc: "action and violation removed"}
	}),
	clauseKind("unknown deontic kind", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Kind = drawUnknown(t, agreement.DeonticPower)
		return expect{err: agreement.ErrInvalidValue, path: path + ".kind", desc: c.Kind.String()}
	}),
	clauseKind("missing deontic kind", nil, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Kind = 0
		return expect{err: agreement.ErrMissing, path: path + ".kind", desc: "kind removed"}
	}),
	clauseKind("unknown force", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Force = drawUnknown(t, agreement.ForceAspiration)
		return expect{err: agreement.ErrInvalidValue, path: path + ".force", desc: c.Force.String()}
	}),
	clauseKind("malformed category", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.Category = agreement.Category(rapid.SampledFrom([]string{"ce", "Ce-1", "9Ce", strings.Repeat("C", 33)}).Draw(t, "category"))
		return expect{err: agreement.ErrInvalidValue, path: path + ".category", desc: string(c.Category)}
	}),

	// Clauses: ids.
	clauseKind("invalid clause id", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ID = agreement.ClauseID(drawInvalidID(t))
		return expect{err: agreement.ErrInvalidID, path: path + ".id", desc: strconv.Quote(string(c.ID))}
	}),
	clauseKind("missing clause id", nil, func(_ *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ID = ""
		return expect{err: agreement.ErrMissing, path: path + ".id", desc: "empty id"}
	}),
	{
		name:    "duplicate clause id",
		targets: func(a *agreement.Agreement) []target { return pairs("clause", len(a.Clauses)) },
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			a.Clauses[tg.j].ID = a.Clauses[tg.i].ID
			return expect{err: agreement.ErrDuplicateID, path: clausePath(tg.j) + ".id",
				desc: string(a.Clauses[tg.i].ID) + " also at " + clausePath(tg.i)}
		},
	},
}

// clauseGraph returns, for each clause of a, the indexes of the clauses of a
// it reads through ClauseIn, a clause id resolving to its first clause, as
// in validation.
func clauseGraph(a *agreement.Agreement) [][]int {
	first := map[agreement.ClauseID]int{}
	for i, c := range a.Clauses {
		if _, dup := first[c.ID]; !dup {
			first[c.ID] = i
		}
	}
	g := make([][]int, len(a.Clauses))
	for i, c := range a.Clauses {
		for _, r := range agreement.ClauseDependencies(c, a.ID) {
			if j, ok := first[r.Clause]; ok && r.Agreement == a.ID {
				g[i] = append(g[i], j)
			}
		}
	}
	return g
}

// topoRank returns the position of each node of the acyclic graph g in a
// topological order: a node comes before every node it reaches.
func topoRank(g [][]int) []int {
	seen := make([]bool, len(g))
	var post []int
	var visit func(int)
	visit = func(i int) {
		seen[i] = true
		for _, j := range g[i] {
			if !seen[j] {
				visit(j)
			}
		}
		post = append(post, i)
	}
	for i := range g {
		if !seen[i] {
			visit(i)
		}
	}
	rank := make([]int, len(g))
	for p, i := range post {
		rank[i] = len(post) - 1 - p
	}
	return rank
}

// signatory sets the party of signature i (or of a new signature, for
// i < 0) to p.
func signatory(a *agreement.Agreement, i int, p agreement.PartyID, err error) expect {
	var keys []string
	if i < 0 {
		i = len(a.Signatures)
		a.Signatures = append(a.Signatures, agreement.Signature{})
		keys = []string{key("signature", i)}
	}
	a.Signatures[i].Party = p
	return expect{err: err, path: at("signatures", i) + ".party", desc: strconv.Quote(string(p)), keys: keys}
}

// actionKind corrupts a field of a clause's action (adding one when the
// clause has none).
func actionKind(name, sort string) kind {
	return clauseKind(name, nil, func(t *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		p := validPattern
		if c.Action != nil {
			p = *c.Action
		}
		p, field, err := patternFault(t, a, p, sort)
		c.Action = &p
		return expect{err: err, path: path + ".action" + field, desc: p.String()}
	})
}
