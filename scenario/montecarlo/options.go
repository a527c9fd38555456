package montecarlo

import (
	"errors"
	"math"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// DefaultBatchSize is the batch size of Options whose BatchSize is 0.
const DefaultBatchSize = 1000

// DefaultMaxEvents is the most events one run may emit when
// Options.MaxEvents is 0.
const DefaultMaxEvents = 1 << 20

// Options say how many runs to make and what to estimate.
type Options struct {
	// Runs is the number of runs, or, with StopWhen, the most runs; at
	// least 1.
	Runs int64
	// First is the index of the first run: runs First to First+Runs-1 are
	// made. Shards of one simulation are the same options with disjoint
	// ranges of indices; their summaries merge into the summary of all.
	First int64
	// Seed is the master seed: run i draws only from streams derived from
	// Seed and i (see the package doc, Seeding).
	Seed uint64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	// The summary does not depend on it.
	Workers int
	// Start is the instant every run starts at; Horizon how long it runs
	// (positive). A run's end instant is Start plus Horizon, which must be
	// in agreement.InstantRange.
	Start   time.Time
	Horizon time.Duration
	// At are the instants (offsets from Start) at which the probability of
	// having reached each state is estimated; the horizon is always one.
	// Instants outside [0, Horizon) are ignored.
	At []time.Duration
	// Survival are the clause instances and states whose time to state is
	// recorded run by run ([TimeToState]), for survival curves.
	Survival []Target
	// BatchSize is how many runs make a batch (0 means DefaultBatchSize):
	// runs are started batch by batch, and the stopping rule and the
	// progress callback act only between batches; a cancelled batch is
	// discarded.
	BatchSize int64
	// StopWhen, when not empty, stops the simulation after the first batch
	// at whose end every precision listed is reached.
	StopWhen []Precision
	// Confidence is the level of the intervals of StopWhen; 0 means 0.95.
	Confidence float64
	// MaxEvents bounds the events of one run, and separately the
	// candidates its Poisson processes draw, kept or not (0 means
	// DefaultMaxEvents): a model that emits or draws more (a cascade of
	// zero delays, a rate thinned to almost nothing) is an error.
	MaxEvents int
	// Progress, if set, is called after each batch with the number of runs
	// made so far and Runs, from the goroutine that called Simulate.
	Progress func(done, total int64)
}

// Target names a clause instance (or an agreement) and a state: a clause
// as Engine.Instance resolves it, or an agreement (Ref an
// agreement.AgreementRef, Debtor empty).
type Target struct {
	Instance scenario.Instance
	State    agreement.State
}

func (t Target) resolve(e *scenario.Engine) scenario.Instance {
	if t.Instance.Ref.IsAgreement() {
		return scenario.Instance{Ref: t.Instance.Ref}
	}
	if in, ok := e.Instance(t.Instance.Ref, t.Instance.Debtor); ok {
		return in
	}
	return t.Instance
}

// Precision is one condition of a stopping rule: the Wilson interval of
// the probability that Instance has reached State by At (one of the
// instants estimated) is at most 2*HalfWidth wide.
type Precision struct {
	Instance  scenario.Instance
	State     agreement.State
	At        time.Duration
	HalfWidth float64
}

func (o *Options) validate() error {
	var ve agreement.ValidationError
	if o.Runs < 1 {
		ve.Add("runs", agreement.ErrInvalidValue, "runs must be at least 1")
	}
	if o.First < 0 || o.Runs > 0 && o.First > math.MaxInt64-o.Runs {
		ve.Add("first", agreement.ErrInvalidValue, "run indices out of range")
	}
	if o.Workers < 0 {
		ve.Add("workers", agreement.ErrNegative, "negative number of workers")
	}
	if o.BatchSize < 0 {
		ve.Add("batchSize", agreement.ErrNegative, "negative batch size")
	}
	lo, hi := agreement.InstantRange()
	if o.Horizon <= 0 {
		ve.Add("horizon", agreement.ErrInvalidValue, "horizon must be positive")
	} else if o.Start.Before(lo) || o.Start.After(hi) || hi.Sub(o.Start) < o.Horizon {
		ve.Add("start", agreement.ErrInvalidValue, "start or end outside the instants a replay represents")
	}
	if o.Confidence != 0 && !(o.Confidence > 0 && o.Confidence < 1) {
		ve.Add("confidence", agreement.ErrInvalidValue, "confidence must be in (0, 1)")
	}
	for i, t := range o.Survival {
		if !t.State.Valid() {
			ve.Add(agreement.FieldPath(agreement.IndexPath("survival", i), "state"), agreement.ErrInvalidValue, "invalid state")
		}
	}
	for i, s := range o.StopWhen {
		p := agreement.IndexPath("stopWhen", i)
		if !s.State.Valid() {
			ve.Add(agreement.FieldPath(p, "state"), agreement.ErrInvalidValue, "invalid state")
		}
		if !(s.HalfWidth > 0 && s.HalfWidth < 1) {
			ve.Add(agreement.FieldPath(p, "halfWidth"), agreement.ErrInvalidValue, "half-width must be in (0, 1)")
		}
	}
	return wrapProblems(&ve)
}

// ErrNoEngine is returned for a nil or zero engine.
var ErrNoEngine = errors.New("montecarlo: nil or zero engine")
