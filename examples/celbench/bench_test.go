package main

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/interpreter"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// The benchmarks compare peacekit (impl=peacekit) with cel-go without
// (impl=cel) and with (impl=cel-opt) cel.OptOptimize, on the conditions of
// conditions.go. Compare the implementations with
//
//	benchstat -col /impl results.txt

// benchHistories is how many different histories a benchmark cycles
// through, so that no iteration sees the previous one's input.
const benchHistories = 64

// benchSizes are the numbers of events in the benchmarks' histories.
var benchSizes = []int{10, 100, 1000}

// benchCase is one history prepared for both sides.
type benchCase struct {
	events []agreement.Event
	at     time.Time
	st     states
	// seedHist and allHist hold the events for the seed condition's
	// evaluator and for all conditions'; act is CEL's activation.
	seedHist, allHist *scenario.History
	act               interpreter.Activation
}

// benchEnv is what every benchmark shares: both sides compiled, and the
// histories of each size.
type benchEnv struct {
	conds         []condition
	seedEv, allEv *scenario.Evaluator
	plain, opt    []cel.Program
	cases         map[int][]benchCase
}

// seedCondition is the index of the seed guarantee in conditions().
const seedCondition = 0

// newBenchEnv compiles both sides and builds benchHistories histories of
// each size, from a fixed seed; each is evaluated at an instant up to 40
// days after its last event, with random states. It checks that both sides
// agree on them, and that the seed condition's value varies among them.
func newBenchEnv(b *testing.B) *benchEnv {
	b.Helper()
	be := &benchEnv{conds: conditions(), cases: map[int][]benchCase{}}
	if be.conds[seedCondition].name != "seed-guarantee" {
		b.Fatalf("condition %d is %s, not the seed guarantee", seedCondition, be.conds[seedCondition].name)
	}
	pk := make([]agreement.Condition, len(be.conds))
	for i, c := range be.conds {
		pk[i] = c.pk
	}
	var err error
	if be.seedEv, err = scenario.NewEvaluator(scope(), pk[seedCondition]); err != nil {
		b.Fatal(err)
	}
	if be.allEv, err = scenario.NewEvaluator(scope(), pk...); err != nil {
		b.Fatal(err)
	}
	env, err := newCELEnv()
	if err != nil {
		b.Fatal(err)
	}
	if be.plain, err = compileCEL(env, be.conds); err != nil {
		b.Fatal(err)
	}
	if be.opt, err = compileCEL(env, be.conds, cel.EvalOptions(cel.OptOptimize)); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(2026, 1))
	for _, n := range benchSizes {
		trues := 0
		for range benchHistories {
			c := benchCase{events: genTimeline(r, n), st: genStates(r)}
			c.at = c.events[n-1].At.Add(time.Duration(r.Int64N(int64(40 * agreement.Day))))
			c.seedHist = newHistory(b, be.seedEv, c.events, c.st)
			c.allHist = newHistory(b, be.allEv, c.events, c.st)
			c.act = celActivation(celInputVals(c.events), c.at, c.st)
			for i := range be.conds {
				want := be.allEv.Eval(i, c.allHist, c.at)
				if i == seedCondition && want != be.seedEv.Eval(0, c.seedHist, c.at) {
					b.Fatalf("the seed condition's evaluators disagree")
				}
				for _, prg := range [2]cel.Program{be.plain[i], be.opt[i]} {
					if got, err := celEval(prg, c.act); err != nil || got != want {
						b.Fatalf("%s: CEL %t (%v), peacekit %t", be.conds[i].name, got, err, want)
					}
				}
				if i == seedCondition && want {
					trues++
				}
			}
			be.cases[n] = append(be.cases[n], c)
		}
		if trues == 0 || trues == benchHistories {
			b.Fatalf("the seed condition is %d times true of %d histories of %d events: they do not vary its value",
				trues, benchHistories, n)
		}
	}
	return be
}

// newHistory returns a history of ev holding events and states st.
func newHistory(b *testing.B, ev *scenario.Evaluator, events []agreement.Event, st states) *scenario.History {
	b.Helper()
	h := ev.NewHistory()
	if err := fill(h, events, st); err != nil {
		b.Fatal(err)
	}
	return h
}

// fill empties h, then adds events and sets states st.
func fill(h *scenario.History, events []agreement.Event, st states) error {
	h.Reset()
	for _, e := range events {
		if err := h.Add(e); err != nil {
			return err
		}
	}
	if err := h.SetAgreementState(st.agreement); err != nil {
		return err
	}
	for i, id := range scopeClauses {
		if err := h.SetClauseState(agreement.LocalRef(id), st.clauses[i]); err != nil {
			return err
		}
	}
	return nil
}

// celInputVals returns events as a CEL list of prepared CEL maps
// (celEventVal).
func celInputVals(events []agreement.Event) []any {
	out := make([]any, len(events))
	for i, e := range events {
		out[i] = celEventVal(e)
	}
	return out
}

// celInput returns events as a CEL user would pass them: a list of plain
// maps (celEvent).
func celInput(events []agreement.Event) []any {
	out := make([]any, len(events))
	for i, e := range events {
		out[i] = celEvent(e)
	}
	return out
}

// impls are the implementations compared: peacekit, then CEL without and
// with OptOptimize.
var impls = []string{"peacekit", "cel", "cel-opt"}

// BenchmarkCompile compiles all the conditions: peacekit's NewEvaluator
// (validation included) against CEL's Compile (parse and type-check) and
// Program for each expression, in an environment built once.
func BenchmarkCompile(b *testing.B) {
	conds := conditions()
	pk := make([]agreement.Condition, len(conds))
	for i, c := range conds {
		pk[i] = c.pk
	}
	a := scope()
	env, err := newCELEnv()
	if err != nil {
		b.Fatal(err)
	}
	for _, impl := range impls {
		b.Run("impl="+impl, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var err error
				switch impl {
				case "peacekit":
					_, err = scenario.NewEvaluator(a, pk...)
				case "cel":
					_, err = compileCEL(env, conds)
				case "cel-opt":
					_, err = compileCEL(env, conds, cel.EvalOptions(cel.OptOptimize))
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEval is hot evaluation of the seed guarantee (ceasefire in
// force, agreement not terminated, a Russian attack after the ceasefire)
// with the compiled form reused and the input prepared: a peacekit History
// holding the events against a CEL activation holding them as CEL values.
// Each iteration takes the next of benchHistories histories.
func BenchmarkEval(b *testing.B) {
	be := newBenchEnv(b)
	benchEvaluations(b, be, 1, func(c *benchCase) (trues int) {
		if be.seedEv.Eval(0, c.seedHist, c.at) {
			trues++
		}
		return trues
	}, func(prgs []cel.Program) []cel.Program { return prgs[seedCondition : seedCondition+1] })
}

// BenchmarkEvalAll evaluates every condition against one history, as for
// all the clauses of an agreement; one iteration evaluates all of them.
func BenchmarkEvalAll(b *testing.B) {
	be := newBenchEnv(b)
	benchEvaluations(b, be, len(be.conds), func(c *benchCase) (trues int) {
		for k := range be.conds {
			if be.allEv.Eval(k, c.allHist, c.at) {
				trues++
			}
		}
		return trues
	}, func(prgs []cel.Program) []cel.Program { return prgs })
}

// benchEvaluations runs, for every size and implementation, a benchmark of
// which each iteration evaluates n conditions against the next of
// benchHistories histories: with peacekit, eval evaluates them and returns
// how many are true; with CEL, the programs pick selects from be.plain or
// be.opt are evaluated in turn. It fails the benchmark if the conditions
// were always true or always false, which would mean the histories do not
// exercise them.
func benchEvaluations(b *testing.B, be *benchEnv, n int, eval func(*benchCase) int, pick func([]cel.Program) []cel.Program) {
	for _, size := range benchSizes {
		cases := be.cases[size]
		for _, impl := range impls {
			b.Run(fmt.Sprintf("events=%d/impl=%s", size, impl), func(b *testing.B) {
				trues, i := 0, 0
				b.ReportAllocs()
				switch impl {
				case "peacekit":
					for b.Loop() {
						trues += eval(&cases[i%benchHistories])
						i++
					}
				default:
					prgs := pick(be.plain)
					if impl == "cel-opt" {
						prgs = pick(be.opt)
					}
					for b.Loop() {
						trues += evalCEL(b, prgs, cases[i%benchHistories].act)
						i++
					}
				}
				if i >= benchHistories && (trues == 0 || trues == i*n) {
					b.Fatalf("true %d times of %d", trues, i*n)
				}
			})
		}
	}
}

// BenchmarkEvalWithInput evaluates the seed guarantee from the events as
// agreement.Event values: peacekit resets a History, adds the events and
// sets the states; CEL builds its input the way a CEL user would (a map per
// event, a list, an activation). The compiled forms are reused.
func BenchmarkEvalWithInput(b *testing.B) {
	be := newBenchEnv(b)
	for _, n := range benchSizes {
		cases := be.cases[n]
		for _, impl := range impls {
			b.Run(fmt.Sprintf("events=%d/impl=%s", n, impl), func(b *testing.B) {
				trues, i := 0, 0
				b.ReportAllocs()
				switch impl {
				case "peacekit":
					h := be.seedEv.NewHistory()
					for b.Loop() {
						c := &cases[i%benchHistories]
						if err := fill(h, c.events, c.st); err != nil {
							b.Fatal(err)
						}
						if be.seedEv.Eval(0, h, c.at) {
							trues++
						}
						i++
					}
				default:
					prg := be.plain[seedCondition]
					if impl == "cel-opt" {
						prg = be.opt[seedCondition]
					}
					for b.Loop() {
						c := &cases[i%benchHistories]
						out, _, err := prg.Eval(celVars(celInput(c.events), c.at, c.st))
						if err != nil {
							b.Fatal(err)
						}
						if out == types.True {
							trues++
						}
						i++
					}
				}
				if i >= benchHistories && (trues == 0 || trues == i) {
					b.Fatalf("true %d times of %d", trues, i)
				}
			})
		}
	}
}

// replaySizes are the numbers of events in the replayed timelines.
var replaySizes = []int{100, 300}

// replayTimelines is how many different timelines BenchmarkReplay cycles
// through.
const replayTimelines = 8

// BenchmarkReplay follows a timeline event by event and keeps every
// condition up to date at every instant with an event:
//
//   - impl=peacekit-engine replays the timeline with Engine.Replay over
//     the scope agreement with one clause per condition (a permission
//     triggered by it): the engine's whole work, including the four scope
//     clauses' lifecycles, timers and the trace.
//   - impl=peacekit adds each event to a History and, after the last event
//     of each instant, evaluates every condition.
//   - impl=cel and impl=cel-opt convert each event once as it arrives and,
//     after the last event of each instant, evaluate every program over the
//     events so far.
//
// Only the engine follows the clauses' lifecycles; the other three read
// the agreement in force and every clause dormant.
func BenchmarkReplay(b *testing.B) {
	conds := conditions()
	a := scope()
	pk := make([]agreement.Condition, len(conds))
	for i, c := range conds {
		pk[i] = c.pk
		a.Clauses = append(a.Clauses, agreement.Clause{ID: agreement.ClauseID(fmt.Sprintf("R%d", i)),
			Kind: agreement.DeonticPermission, Debtors: []agreement.PartyID{"UA"}, Trigger: c.pk})
	}
	engine, err := scenario.Compile(a)
	if err != nil {
		b.Fatal(err)
	}
	ev, err := scenario.NewEvaluator(scope(), pk...)
	if err != nil {
		b.Fatal(err)
	}
	env, err := newCELEnv()
	if err != nil {
		b.Fatal(err)
	}
	plain, err := compileCEL(env, conds)
	if err != nil {
		b.Fatal(err)
	}
	opt, err := compileCEL(env, conds, cel.EvalOptions(cel.OptOptimize))
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(2026, 2))
	for _, n := range replaySizes {
		timelines := make([][]agreement.Event, replayTimelines)
		tls := make([]scenario.Timeline, replayTimelines)
		for k := range timelines {
			timelines[k] = genTimeline(r, n)
			tls[k] = scenario.NewTimeline(t0, timelines[k]...)
		}
		for _, impl := range []string{"peacekit-engine", "peacekit", "cel", "cel-opt"} {
			b.Run(fmt.Sprintf("events=%d/impl=%s", n, impl), func(b *testing.B) {
				b.ReportAllocs()
				i, trues := 0, 0
				switch impl {
				case "peacekit-engine":
					for b.Loop() {
						k := i % replayTimelines
						tr, err := engine.Replay(tls[k], timelines[k][n-1].At)
						if err != nil {
							b.Fatal(err)
						}
						for range tr.Transitions() {
							trues++
						}
						i++
					}
				case "peacekit":
					h := ev.NewHistory()
					for b.Loop() {
						events := timelines[i%replayTimelines]
						h.Reset()
						for k, e := range events {
							if err := h.Add(e); err != nil {
								b.Fatal(err)
							}
							if k+1 < n && events[k+1].At.Equal(e.At) {
								continue
							}
							for c := range conds {
								if ev.Eval(c, h, e.At) {
									trues++
								}
							}
						}
						i++
					}
				default:
					prgs := plain
					if impl == "cel-opt" {
						prgs = opt
					}
					in := make([]any, 0, n)
					for b.Loop() {
						events := timelines[i%replayTimelines]
						in = in[:0]
						for k, e := range events {
							in = append(in, celEventVal(e))
							if k+1 < n && events[k+1].At.Equal(e.At) {
								continue
							}
							trues += evalCEL(b, prgs, celActivation(in, e.At, defaultStates()))
						}
						i++
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(i*n), "ns/event")
			})
		}
	}
}

// evalCEL evaluates every program on act and returns how many were true.
func evalCEL(b *testing.B, prgs []cel.Program, act any) int {
	trues := 0
	for _, prg := range prgs {
		out, _, err := prg.Eval(act)
		if err != nil {
			b.Fatal(err)
		}
		if out == types.True {
			trues++
		}
	}
	return trues
}
