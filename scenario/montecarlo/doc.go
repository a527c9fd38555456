// Package montecarlo simulates an agreement under uncertain timelines:
// stochastic models of events drive a [scenario.Run] event by event, so
// that what happens next may depend on the states the run has reached
// (closed loop), and many runs estimate how likely each outcome is, with
// intervals. Runs are seeded per run index, so results are bit-identical
// for any number of workers, and summaries merge exactly across shards.
//
// # Models
//
// A [Model] is a list of processes, each emitting events built from a
// [Template] (an event without its instant). Rates are float64 events per
// 24 hours; every instant and delay is a time.Duration (int64
// nanoseconds) from the run's start. There are two kinds of process:
//
//   - [Poisson]: events at exponential inter-arrival times of mean 1/PerDay
//     days (attacks, incidents), from the start to the horizon. Its
//     [Modifier]s multiply the rate by a factor while a named clause
//     instance (or agreement) is in one of given states: attacks halved
//     while a guarantee is in effect.
//   - [Scheduled]: at the start, or after each event that its [Match]
//     selects (only the first with Once), a delay is drawn and then one of
//     its outcomes, each with its probability (or none, with the
//     probability left over), and the outcome's event happens after the
//     delay: a ceasefire's breakdown after it takes effect, a ratification
//     within 30 to 90 days, a monitor confirming an attack with probability
//     p (its template may copy the attack's actor, target and area, see
//     [TriggerActor]), a referendum's result.
//
// Delays are drawn by inversion: [Constant] (exponential, P(T <= t) =
// 1 - exp(-rate t)); [Piecewise] (piecewise-constant hazard with fixed cut
// points: the cumulative hazard is inverted at an Exp(1) draw); [Weibull]
// (T = Scale E^(1/Shape) for E ~ Exp(1)); [Empirical] (a survival step
// function, such as a Kaplan-Meier curve: T is the first step whose
// survival is at or below a uniform draw, and never, with the probability
// of the last step's survival, when there is none); [Uniform] (whole
// nanoseconds from Min to Max). A delay past the horizon schedules
// nothing.
//
// Models are Go values and JSON documents ([DecodeModel],
// [Model.MarshalJSON]): {"version": 1, "processes": [...]}, each process
// {"poisson": {...}} or {"scheduled": {...}}, each delay one of
// {"constant": ...}, {"piecewise": ...}, {"weibull": ...}, {"empirical":
// ...}, {"uniform": ...}; durations are strings ("72h", "30d"), states
// their names ("in-effect"). Decoding is strict (unknown, duplicate and
// missing fields, wrong types, another version are errors) and reports
// every problem with its path, in an error wrapping an
// [agreement.ValidationError] (errors.As finds it) that reads
// "montecarlo: 1 problem: ..."; [Model.Validate] checks a Go value the
// same way, and [Simulate] checks
// the templates' events against the engine (as
// [scenario.Timeline.Validate] does), naming the process
// ("processes[2].poisson.event.actor").
//
// # The closed loop
//
// A run resets one [scenario.Run] (recording states only, see
// [scenario.RecordStates]) at Options.Start and repeats: the next instant
// is the earliest of every process's next event (a Poisson candidate or a
// pending scheduled event) and [scenario.Run.NextWake]; the events of that
// instant are applied ([scenario.Run.Apply]) process by process in model
// order, each process's in the order drawn, and then, in further passes
// in the same order, the events they triggered with no delay, which join
// the same instant's batch; the instant is closed
// ([scenario.Run.AdvanceTo]) and the states are read again. The run ends
// by closing Start + Horizon. A run that emits more than
// Options.MaxEvents events (a cascade of zero delays), or draws more than
// Options.MaxEvents candidates of its Poisson processes (kept or not), is
// an error.
//
// A Poisson process with modifiers is simulated by thinning: candidates
// are drawn at the largest rate the modifiers allow (the base rate times
// every factor above 1) and each is kept with probability rate(t-)/max,
// where rate(t-) is the base rate times the factors of the modifiers that
// hold in the states the run has closed before t (the states just before
// the candidate's instant). The largest rate must be below [MaxPerDay],
// one event per nanosecond ([Model.Validate]). This is exact: states
// change only at instants the run closes, so the intensity is piecewise
// constant and depends only on the past, and thinning a Poisson process of rate max with such an
// acceptance probability gives exactly the point process of that
// intensity (Lewis and Shedler; Ogata). When the rate at a candidate is
// 0 (a factor 0 holds), the candidate is dropped without an acceptance
// draw and the process draws nothing more until an instant closes in
// states where its rate is above 0: after instant n closes so, its next
// candidate is drawn afresh from n+1, the first instant whose rate those
// states govern. This is exact too, by memorylessness, and spares the
// candidates that could not be kept. Otherwise a process's candidates and
// acceptance draws do not depend on the states, which keeps random numbers
// common between engines (see Common random numbers). Only Poisson rates
// depend on states; delays and outcome probabilities do not.
//
// # Seeding and determinism
//
// Run i of a simulation with master seed s draws only from streams
// derived from s and i: its seed is r = mix(s, i), where mix(a, b) =
// SplitMix64(a XOR SplitMix64(b)); process k of the model has the seed
// b = mix(r, k). A Poisson process draws from the math/rand/v2 PCG
// seeded (r, b): the exponential gap to its first candidate, then at each
// candidate the acceptance uniform (only when it has modifiers and its
// rate there is above 0) and the gap to the next, or, at a candidate
// where its rate is 0, nothing until it resumes with the gap from the
// instant after the one that made its rate positive. The j-th
// trigger (from 0) of a Scheduled process draws from the PCG seeded
// (b, mix(b, j)): the delay, when it has one, then the outcome's uniform.
// So a run's events depend only on the engine, the model, the options'
// Start and Horizon, s and i: never on the worker that made it or on the
// other runs.
//
// # Runs, batches and merging
//
// [Simulate] makes runs Options.First to First+Runs-1 in batches of
// BatchSize: the workers (Options.Workers goroutines, each with its own
// scenario.Run and its own partial summary) take run indices from a
// shared counter, and at the end of each batch the partial summaries are
// merged. A [Summary] holds only exact counts: integers, sums of
// durations (128-bit) and of their squares in nanoseconds squared
// (192-bit), and the multiset of times to a state as sorted (time, count)
// pairs; so merging is exact, commutative and associative, and the
// summary is the same whatever worker made which run, for any number of
// workers. Summaries of disjoint ranges of run indices (shards,
// Options.First) of one simulation merge ([Summary.Merge]) into the
// summary of their union: shards computed separately combine into the
// result of one simulation. A summary records the ranges it covers
// ([Summary.Ranges]) and what identifies its simulation (seed, start,
// horizon, fingerprints of the model and engine), and Merge refuses
// another simulation or overlapping ranges.
//
// The stopping rule and the progress callback act only between batches;
// cancellation is also seen within a run (every 1,024 candidates or
// instants). With Options.StopWhen, the simulation stops after the
// first batch at whose end the Wilson interval (at Options.Confidence,
// 0.95 by default) of every listed probability is at most twice its
// half-width wide, or after Runs runs: the number of runs is a multiple
// of the batch size (or Runs), and does not depend on scheduling. (An
// interval from a simulation stopped by its own precision is slightly
// optimistic: its stopping time depends on the data.) When ctx is done,
// the workers stop taking runs, the batch in progress is discarded, and
// Simulate returns ctx.Err() with the summary of the complete batches.
// When a run fails (an event the engine rejects), Simulate returns the
// error of the run of lowest index that failed in that batch.
//
// # Common random numbers
//
// [Compare] makes each run on two engines (a draft and a final text) from
// the same seeds. What is common, run by run: every Scheduled process
// that starts at the start draws the same delay and outcome; every Poisson
// process has the same candidates and acceptance draws, so one without
// modifiers emits the same events under both engines, and one with
// modifiers differs exactly at the candidates where the states it reads
// differ between the engines, except that once its rate is 0 under one
// engine and not the other its later candidates differ too; the j-th trigger of a Scheduled process
// draws the same delay and outcome under both, but once the triggering
// events differ (an attack accepted under one engine only) the j-th
// trigger may be a different event. So the two timelines are identical
// until the engines' states differ in a way a modifier reads, and differ
// only by that afterwards. [Comparison.Paired] counts, per estimate, the
// runs in which one engine reached the state and the other did not: the
// difference of the probabilities and its paired (McNemar) interval
// (Agresti-Min, [Paired.Interval]), narrower than two independent
// estimates' when the outcomes are correlated, as common random numbers
// make them.
//
// # Estimates
//
// The subjects of a summary are the engine's clause instances
// ([scenario.Engine.Instances]) followed by its agreements. After each
// instant closes, a run reads every subject's state: a subject has
// reached a state by an instant if it was in that state at the end of
// that instant or an earlier one. (A state entered and left within a
// single instant, such as Pending on the way to InEffect, is not seen: a
// run recording states only exposes states, not each transition.)
//
//   - [Summary.Reached]: per subject, state and instant of Options.At (the
//     horizon always included), the number of runs that reached the state
//     by then, as a [Proportion] with its Wilson score interval
//     ([Proportion.Wilson]) and its exact Clopper-Pearson interval
//     ([Proportion.ClopperPearson]: beta quantiles found by bisection on
//     the regularized incomplete beta function). The probability that an
//     agreement is suspended or terminated is Reached of the agreement's
//     subject and StateSuspended or StateTerminated.
//   - [Summary.TimeToState]: for each target of Options.Survival, the
//     time each run took to reach the state, censored at the horizon when
//     it did not: durations and event flags ([TimeToState.Observations]),
//     what a Kaplan-Meier estimator consumes for a survival curve, merged
//     exactly across shards.
//   - [Summary.Bound]: per clause instance, the time in effect over each
//     run; [Summary.PartyBound]: per party, the time during which some
//     clause instance that binds it alone (scenario.Standing.Debtor) was
//     in effect. Joint clauses of several debtors bind no party alone.
//   - [Summary.Transitions]: transitions per run
//     ([scenario.Run.Transitions]).
//   - [Summary.Breaches]: per clause instance, the breaches it recorded
//     over each run ([scenario.Run.Breaches]; only standing clauses record
//     them): the mean is the expected number of breaches by the horizon.
//   - [Summary.Emitted]: events per run of each process.
//
// Means are [Tally] values: exact sums, with the mean and its standard
// error. A summary's size is about 13 counts per subject and instant, plus
// one (time, count) pair per distinct time to each survival target.
//
// # Calibration
//
// CeasefireCalibrations ships piecewise-constant hazards of a ceasefire's
// time to its recorded end, fitted by maximum likelihood with
// right-censoring to the ETH/PRIO ceasefire data, overall and by the
// dataset's written code, with their standard errors, source and method.
// A Calibration's Delay is a Piecewise delay for a Scheduled process;
// Calibration.Uncertain gives it with its standard errors, so that each run
// draws its own rates (Piecewise.StdErrs) and the estimates carry the
// uncertainty of the fit.
// Rates for which no data are at hand (attacks, a monitor's confirmations)
// are the model's assumptions and should be stated as such.
package montecarlo
