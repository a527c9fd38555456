package main

import (
	"fmt"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/ext"
	"cel.dev/cel-go/interpreter"

	"github.com/peacekit/peacekit/agreement"
)

// The fluents of the scope agreement.
const (
	ceasefire  agreement.FluentID = "ceasefire-in-force"
	monitoring agreement.FluentID = "monitoring"
)

// Event kinds the scope uses beyond the well-known ones.
const (
	monitoringEstablished agreement.EventKind = "monitoring-established"
	monitoringSuspended   agreement.EventKind = "monitoring-suspended"
)

// The parties of the scope agreement, and its two groups.
var (
	coalitionMembers = []agreement.PartyID{"FR", "GB", "DE", "PL", "IT"}
	natoMembers      = []agreement.PartyID{"US", "FR", "GB", "DE", "PL", "IT", "TR"}
	allParties       = []agreement.PartyID{"UA", "RU", "US", "FR", "GB", "DE", "PL", "IT", "TR"}
	// scopeClauses are the clauses of the scope agreement, whose states
	// ClauseIn reads and CEL receives in clause_states.
	scopeClauses = []agreement.ClauseID{"MON", "MNF", "SUP", "WD"}
)

// scope returns the agreement the conditions are written in: the January
// 2026 Paris guarantees (a US-led monitoring mechanism, a European-led
// multinational force, US support "in the event of a new Russian attack",
// and a Russian withdrawal), with the parties, groups and fluents the
// conditions name. Each call returns a new value.
func scope() agreement.Agreement {
	parties := make([]agreement.Party, len(allParties))
	for i, id := range allParties {
		parties[i] = agreement.Party{ID: id, Kind: agreement.PartyKindState}
	}
	ua := []agreement.PartyID{"UA"}
	return agreement.Agreement{
		ID:            "paris-2026",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       parties,
		Groups: []agreement.Group{
			{ID: "coalition", Members: coalitionMembers},
			{ID: "nato", Members: natoMembers},
		},
		Fluents: []agreement.Fluent{
			{ID: ceasefire,
				Initiates:  []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}},
				Terminates: []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}},
			{ID: monitoring,
				Initiates:  []agreement.Pattern{{Kind: monitoringEstablished, Actor: "US"}},
				Terminates: []agreement.Pattern{{Kind: monitoringSuspended}}},
		},
		Clauses: []agreement.Clause{
			{ID: "MON", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"}, Creditors: ua,
				Action: &agreement.Pattern{Kind: monitoringEstablished}, Trigger: agreement.Holds(ceasefire)},
			{ID: "MNF", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"FR", "GB"}, Creditors: ua,
				Action:  &agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Target: "UA"},
				Trigger: agreement.Holds(ceasefire)},
			{ID: "SUP", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"US"}, Creditors: ua,
				Action:     &agreement.Pattern{Kind: "support-provided"},
				Trigger:    agreement.Holds(ceasefire),
				Antecedent: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"})},
			{ID: "WD", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"}, Creditors: ua,
				Action:   &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
				Trigger:  agreement.Holds(ceasefire),
				Deadline: agreement.Deadline{After: 30 * agreement.Day}},
		},
	}
}

// condition is one rule written twice: in peacekit's condition language and
// in CEL over the raw events.
type condition struct {
	name string
	// pk is the peacekit condition, in the scope of [scope].
	pk agreement.Condition
	// cel is the CEL expression over the variables that [newCELEnv]
	// declares.
	cel string
}

// isCeasefireInForce is how a CEL user computes the fluent "ceasefire in
// force" from the events: the last event that starts or ends a ceasefire
// started one.
const isCeasefireInForce = `cel.bind(cf, events.filter(e, e.kind == 'ceasefire-in-force' || e.kind == 'ceasefire-collapsed'),
	size(cf) > 0 && cf[size(cf) - 1].kind == 'ceasefire-in-force')`

// isMonitoring is the fluent "monitoring" in CEL: the last establishment of
// the US monitoring mechanism or suspension of it was an establishment.
const isMonitoring = `cel.bind(m, events.filter(e, (e.kind == 'monitoring-established' && e.actor == 'US') || e.kind == 'monitoring-suspended'),
	size(m) > 0 && m[size(m) - 1].kind == 'monitoring-established')`

// conditions returns the conditions compared, taken from the seed's
// guarantees and their usual variants: fluents, k-of-n thresholds, order in
// time, windows and deadlines, negation, group, attribution and reporter
// filters, clause and agreement states. Each call returns new values.
func conditions() []condition {
	p := func(kind agreement.EventKind) agreement.Pattern { return agreement.Pattern{Kind: kind} }
	attack := agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
	cfInForce := p(agreement.EventKindCeasefireInForce)
	deployed := func(actor agreement.PartyID) agreement.Condition {
		return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Actor: actor, Target: "UA"})
	}
	ratified := func(actor agreement.PartyID) agreement.Condition {
		return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindRatification, Actor: actor})
	}
	return []condition{
		{
			// The draft statement's US support "in the event of a new Russian
			// attack": a ceasefire in force, the agreement not terminated, and
			// a Russian attack on Ukraine after the ceasefire.
			name: "seed-guarantee",
			pk: agreement.All(agreement.Holds(ceasefire),
				agreement.Not(agreement.AgreementIn("", agreement.StateTerminated)),
				agreement.Before(cfInForce, attack)),
			cel: isCeasefireInForce + ` &&
	agreement_state != 'terminated' &&
	cel.bind(c, events.filter(e, e.kind == 'ceasefire-in-force'),
		size(c) > 0 && events.exists(e, e.kind == 'armed-attack' && e.actor == 'RU' && e.target == 'UA' && e.at > c[0].at))`,
		},
		{
			// Two of the three main guarantors have deployed forces in Ukraine.
			name: "deployed-2-of-3",
			pk:   agreement.AtLeast(2, deployed("FR"), deployed("GB"), deployed("DE")),
			cel: `['FR', 'GB', 'DE'].filter(p,
	events.exists(e, e.kind == 'forces-deployed' && e.actor == p && e.target == 'UA')).size() >= 2`,
		},
		{
			// Three of five coalition members have ratified.
			name: "ratified-3-of-5",
			pk: agreement.AtLeast(3, ratified("FR"), ratified("GB"), ratified("DE"), ratified("PL"),
				ratified("IT")),
			cel: `['FR', 'GB', 'DE', 'PL', 'IT'].filter(p,
	events.exists(e, e.kind == 'ratification' && e.actor == p)).size() >= 3`,
		},
		{
			// A Russian attack whose attribution is confirmed.
			name: "confirmed-attack",
			pk: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU",
				Attribution: agreement.AttributionConfirmed}),
			cel: `events.exists(e, e.kind == 'armed-attack' && e.actor == 'RU' && e.attribution == 'confirmed')`,
		},
		{
			// The US monitor reported a Russian attack in the last 72 hours.
			name: "monitor-report-72h",
			pk: agreement.Within(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Reporter: "US"},
				72*time.Hour),
			cel: `events.exists(e, e.kind == 'armed-attack' && e.actor == 'RU' && e.reporter == 'US' &&
	e.at > now - duration('72h'))`,
		},
		{
			// A ceasefire is in force and the first one began 30 days ago.
			name: "ceasefire-30d",
			pk:   agreement.All(agreement.Holds(ceasefire), agreement.Since(cfInForce, 30*agreement.Day)),
			cel: isCeasefireInForce + ` &&
	events.exists(e, e.kind == 'ceasefire-in-force' && e.at <= now - duration('720h'))`,
		},
		{
			// 30 days after the ceasefire, Russia has not completed its
			// withdrawal.
			name: "withdrawal-overdue",
			pk: agreement.All(agreement.Since(cfInForce, 30*agreement.Day),
				agreement.Not(agreement.Happened(agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU"}))),
			cel: `events.exists(e, e.kind == 'ceasefire-in-force' && e.at <= now - duration('720h')) &&
	!events.exists(e, e.kind == 'withdrawal-completed' && e.actor == 'RU')`,
		},
		{
			// Russia's red line: forces of a NATO member deployed in Ukraine.
			name: "nato-on-the-ground",
			pk:   agreement.Happened(agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "nato", Target: "UA"}),
			cel: `events.exists(e, e.kind == 'forces-deployed' && e.target == 'UA' &&
	e.actor in ['US', 'FR', 'GB', 'DE', 'PL', 'IT', 'TR'])`,
		},
		{
			// Troops of a coalition member deployed after a ceasefire, as the
			// declaration of intent plans.
			name: "coalition-after-ceasefire",
			pk: agreement.Before(cfInForce,
				agreement.Pattern{Kind: agreement.EventKindForcesDeployed, Group: "coalition", Target: "UA"}),
			cel: `cel.bind(c, events.filter(e, e.kind == 'ceasefire-in-force'),
	size(c) > 0 && events.exists(e, e.kind == 'forces-deployed' && e.target == 'UA' &&
		e.actor in ['FR', 'GB', 'DE', 'PL', 'IT'] && e.at > c[0].at))`,
		},
		{
			// Elections held after Russia's withdrawal.
			name: "election-after-withdrawal",
			pk: agreement.Before(agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted, Actor: "RU"},
				p(agreement.EventKindElectionHeld)),
			cel: `cel.bind(w, events.filter(e, e.kind == 'withdrawal-completed' && e.actor == 'RU'),
	size(w) > 0 && events.exists(e, e.kind == 'election-held' && e.at > w[0].at))`,
		},
		{
			// A ceasefire in force with no attack by anyone for 14 days.
			name: "quiet-14d",
			pk: agreement.All(agreement.Holds(ceasefire),
				agreement.Not(agreement.Within(p(agreement.EventKindArmedAttack), 14*agreement.Day))),
			cel: isCeasefireInForce + ` &&
	!events.exists(e, e.kind == 'armed-attack' && e.at > now - duration('336h'))`,
		},
		{
			// Escalation: the ceasefire collapsed, or a confirmed Russian
			// attack in the last 7 days.
			name: "escalation",
			pk: agreement.Any(agreement.Happened(p(agreement.EventKindCeasefireCollapsed)),
				agreement.Within(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU",
					Attribution: agreement.AttributionConfirmed}, 7*agreement.Day)),
			cel: `events.exists(e, e.kind == 'ceasefire-collapsed') ||
	events.exists(e, e.kind == 'armed-attack' && e.actor == 'RU' && e.attribution == 'confirmed' &&
		e.at > now - duration('168h'))`,
		},
		{
			// Ukraine alleges a Russian attack that the US monitor has not
			// confirmed.
			name: "alleged-unconfirmed",
			pk: agreement.All(
				agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU", Reporter: "UA",
					Attribution: agreement.AttributionAlleged}),
				agreement.Not(agreement.Happened(agreement.Pattern{Kind: agreement.EventKindArmedAttack, Actor: "RU",
					Reporter: "US", Attribution: agreement.AttributionConfirmed}))),
			cel: `events.exists(e, e.kind == 'armed-attack' && e.actor == 'RU' && e.reporter == 'UA' &&
		e.attribution == 'alleged') &&
	!events.exists(e, e.kind == 'armed-attack' && e.actor == 'RU' && e.reporter == 'US' &&
		e.attribution == 'confirmed')`,
		},
		{
			// A reparation's trigger: the withdrawal obligation was violated.
			name: "reparation",
			pk:   agreement.ClauseIn(agreement.LocalRef("WD"), agreement.StateViolated),
			cel:  `clause_states['WD'] == 'violated'`,
		},
		{
			// The guarantees bind: the agreement in force and the force's
			// deployment or the US support in effect (or the support given).
			name: "guarantee-active",
			pk: agreement.All(agreement.AgreementIn("", agreement.StateInForce),
				agreement.Any(agreement.ClauseIn(agreement.LocalRef("MNF"), agreement.StateInEffect),
					agreement.ClauseIn(agreement.LocalRef("SUP"), agreement.StateInEffect, agreement.StateFulfilled))),
			cel: `agreement_state == 'in-force' &&
	(clause_states['MNF'] == 'in-effect' || clause_states['SUP'] in ['in-effect', 'fulfilled'])`,
		},
		{
			// The US monitors a ceasefire in force under an agreement neither
			// suspended nor terminated.
			name: "monitored-ceasefire",
			pk: agreement.All(agreement.Holds(monitoring), agreement.Holds(ceasefire),
				agreement.Not(agreement.AgreementIn("", agreement.StateSuspended, agreement.StateTerminated))),
			cel: isMonitoring + ` && ` + isCeasefireInForce + ` &&
	!(agreement_state in ['suspended', 'terminated'])`,
		},
	}
}

// newCELEnv returns the CEL environment a CEL user would declare for these
// rules: the events so far (a list of maps with kind, actor, target,
// reporter and attribution strings, empty when not set, and at, a
// timestamp), in time order; the instant of evaluation; the agreement's
// state; and each clause's state by id. ext.Bindings provides cel.bind.
func newCELEnv() (*cel.Env, error) {
	return cel.NewEnv(
		cel.Variable("events", cel.ListType(cel.MapType(cel.StringType, cel.DynType))),
		cel.Variable("now", cel.TimestampType),
		cel.Variable("agreement_state", cel.StringType),
		cel.Variable("clause_states", cel.MapType(cel.StringType, cel.StringType)),
		ext.Bindings(),
	)
}

// compileCEL type-checks every condition's CEL expression in env and
// returns its programs, built with opts. An expression that does not
// type-check, or whose type is not bool, is an error.
func compileCEL(env *cel.Env, conds []condition, opts ...cel.ProgramOption) ([]cel.Program, error) {
	prgs := make([]cel.Program, len(conds))
	for i, c := range conds {
		ast, iss := env.Compile(c.cel)
		if iss.Err() != nil {
			return nil, fmt.Errorf("condition %s: %w", c.name, iss.Err())
		}
		if !ast.OutputType().IsExactType(types.BoolType) {
			return nil, fmt.Errorf("condition %s: CEL type %s, want bool", c.name, ast.OutputType())
		}
		prg, err := env.Program(ast, opts...)
		if err != nil {
			return nil, fmt.Errorf("condition %s: %w", c.name, err)
		}
		prgs[i] = prg
	}
	return prgs, nil
}

// states are the lifecycle states that state atoms read: the agreement's,
// and each scope clause's, in the order of scopeClauses.
type states struct {
	agreement agreement.State
	clauses   [4]agreement.State
}

// defaultStates is the agreement in force and every clause dormant.
func defaultStates() states {
	return states{agreement: agreement.StateInForce,
		clauses: [4]agreement.State{agreement.StateDormant, agreement.StateDormant, agreement.StateDormant, agreement.StateDormant}}
}

// celEvent returns ev as a CEL user would pass it: a map of plain Go
// values, strings empty when unset.
func celEvent(ev agreement.Event) map[string]any {
	return map[string]any{
		"kind":        string(ev.Kind),
		"actor":       string(ev.Actor),
		"target":      string(ev.Target),
		"reporter":    string(ev.Reporter),
		"attribution": ev.Attribution.String(),
		"at":          ev.At,
	}
}

// celEventVal returns ev already converted to CEL values, so that reading
// it converts nothing: the fastest input we found for cel-go.
func celEventVal(ev agreement.Event) ref.Val {
	return types.NewStringInterfaceMap(types.DefaultTypeAdapter, map[string]any{
		"kind":        types.String(ev.Kind),
		"actor":       types.String(ev.Actor),
		"target":      types.String(ev.Target),
		"reporter":    types.String(ev.Reporter),
		"attribution": types.String(ev.Attribution.String()),
		"at":          types.Timestamp{Time: ev.At},
	})
}

// celVars returns the variables of one evaluation: events (built by
// celEvent or celEventVal), the instant, and the states.
func celVars(events any, now time.Time, st states) map[string]any {
	cs := make(map[string]string, len(scopeClauses))
	for i, id := range scopeClauses {
		cs[string(id)] = st.clauses[i].String()
	}
	return map[string]any{
		"events":          events,
		"now":             now,
		"agreement_state": st.agreement.String(),
		"clause_states":   cs,
	}
}

// celActivation returns the activation of celVars, built once so that
// repeated evaluations reuse it.
func celActivation(events any, now time.Time, st states) interpreter.Activation {
	act, err := interpreter.NewActivation(celVars(events, now, st))
	if err != nil {
		panic(err) // unreachable: celVars returns a map[string]any
	}
	return act
}

// celEval evaluates prg on input and returns its boolean result.
func celEval(prg cel.Program, input any) (bool, error) {
	out, _, err := prg.Eval(input)
	if err != nil {
		return false, err
	}
	b, ok := out.(types.Bool)
	if !ok {
		return false, fmt.Errorf("CEL result %v of type %s, want bool", out, out.Type())
	}
	return bool(b), nil
}
