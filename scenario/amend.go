package scenario

import (
	"errors"
	"slices"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/revision"
)

// Version is one text of an agreement in force during a replay: the text
// the engine was compiled from (Index 0, for every agreement) or an
// amendment's (Index k for the k-th amendment the run applied, counting
// those of every agreement).
type Version struct {
	Index int
	// At is the instant it took effect: the run's start for version 0.
	At        time.Time
	Agreement agreement.AgreementID // the agreement amended; empty for version 0
	Label     string
	// Changes are the changes from the text before it to its own, as
	// [revision.Diff] reports them; empty for version 0.
	Changes revision.Changes
}

// Renewal is the end of one term of an instrument with a [agreement.Term]:
// renewed for a new term ending at Until, or, when Until is zero, expired.
type Renewal struct {
	// Of is the instrument: an agreement (Of.IsAgreement) or a clause
	// instance.
	Of Instance
	// At is the end of the term; Until the end of the next, zero when the
	// instrument expired at At.
	At, Until time.Time
	// Agreed is set when a renewal event set the new term's length, and
	// Cause then names it; a notice that ended the term is Cause's event.
	Agreed bool
	Cause  Cause
}

// ErrAmendment is wrapped by the errors of [Run.Amend] and of the
// amendments [Timeline.Validate] rejects.
var ErrAmendment = errors.New("scenario: invalid amendment")

// WithAmendments returns a copy of tl with the given amendments, sorted
// stably by instant, in place of tl's own. Their texts are copied.
func (tl Timeline) WithAmendments(as ...agreement.Amendment) Timeline {
	out := make([]agreement.Amendment, len(as))
	for i, a := range as {
		a.At = a.At.UTC()
		a.Text = a.Text.Clone()
		out[i] = a
	}
	slices.SortStableFunc(out, func(a, b agreement.Amendment) int { return a.At.Compare(b.At) })
	tl.amendments = out
	return tl
}

// Amendments returns the timeline's amendments in order of instant; the
// result is the caller's own.
func (tl Timeline) Amendments() []agreement.Amendment {
	out := make([]agreement.Amendment, len(tl.amendments))
	for i, a := range tl.amendments {
		a.Text = a.Text.Clone()
		out[i] = a
	}
	return out
}

// Amend makes amendment a take effect at its instant, which must be after
// every instant the run has closed (ErrOutOfOrder otherwise); instants
// before it are committed first, and it takes effect before the events,
// deadlines and timers at its instant. Its text must be valid, name one of
// the engine's agreements, and keep the process valid with the other
// agreements' texts in force; otherwise Amend changes nothing and returns an
// *agreement.ValidationError wrapping [ErrAmendment] problems with paths
// under "text". Amendments at one instant take effect in the order given.
func (r *Run) Amend(a agreement.Amendment) error {
	if !r.usable() {
		return errNoRun
	}
	return errors.New("scenario: amendments not implemented yet")
}

// Versions returns the texts in force during the replay, in order: version
// 0, the texts compiled, then one per amendment.
func (t *Trace) Versions() []Version {
	if !t.usable() {
		return nil
	}
	return []Version{{At: time.Unix(0, t.start).UTC()}}
}

