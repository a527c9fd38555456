package scenariotest_test

import (
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// TestAmendedTimelineValid checks that amended timelines validate against
// the engine compiled from the process they were drawn for, replay, and
// record one version per amendment; that their notice and renewal events
// name instruments with a term; and that runs reach notices, renewals,
// amendments sharing an instant with events, and an agreement amended
// twice.
func TestAmendedTimelineValid(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{Agreements: 2}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg := scenariotest.TimelineConfig{}
		tl := scenariotest.AmendedTimeline(p, cfg).Draw(t, "timeline")
		if err := tl.Validate(e); err != nil {
			t.Fatalf("timeline does not validate: %v\n%s", err, scenariotest.FormatTimeline(tl))
		}
		ams := tl.Amendments()
		if len(ams) > 3 {
			t.Fatalf("%d amendments, want at most 3", len(ams))
		}
		amended := map[agreement.AgreementID]int{}
		for i, am := range ams {
			if am.At.Before(tl.Start()) || am.At.After(cfg.End()) {
				t.Fatalf("amendment %d at %v, outside [%v, %v]", i, am.At, tl.Start(), cfg.End())
			}
			if !slices.ContainsFunc(p.Agreements, func(a agreement.Agreement) bool { return a.ID == am.Text.ID }) {
				t.Fatalf("amendment %d amends %q, not an agreement of the process", i, am.Text.ID)
			}
			amended[am.Text.ID]++
			if amended[am.Text.ID] == 2 {
				cov.Add("amended twice")
			}
			for _, ev := range tl.Events() {
				if ev.At.Equal(am.At) {
					cov.Add("amendment with events")
					break
				}
			}
			cov.Add("amendment")
		}
		for _, ev := range tl.Events() {
			switch ev.Kind {
			case agreement.EventKindNotice, agreement.EventKindRenewal:
				if !hasTerm(p, ev.Clause) {
					t.Fatalf("%s event names %v, which has no term", ev.Kind, ev.Clause)
				}
				if (ev.Kind == agreement.EventKindRenewal) == ev.Period.IsZero() {
					t.Fatalf("%s event with period %v", ev.Kind, ev.Period)
				}
				cov.Add(string(ev.Kind))
			}
		}
		tr, err := e.Replay(tl, cfg.End())
		if err != nil {
			t.Fatalf("Replay: %v", err)
		}
		if got := len(tr.Versions()); got != len(ams)+1 {
			t.Fatalf("%d versions recorded, want %d: version 0 and one per amendment", got, len(ams)+1)
		}
	})
	cov.Check(t, "amendment", "amended twice", "amendment with events", "notice", "renewal")
}

// hasTerm reports whether r names an instrument of p with a term: an
// agreement, a clause, or with a single agreement a local reference or
// none.
func hasTerm(p agreement.Process, r agreement.Ref) bool {
	if len(p.Agreements) == 1 {
		r = r.Resolve(p.Agreements[0].ID)
		if r == (agreement.Ref{}) {
			r = agreement.AgreementRef(p.Agreements[0].ID)
		}
	}
	for _, a := range p.Agreements {
		if a.ID != r.Agreement {
			continue
		}
		if r.IsAgreement() {
			return !a.Term.IsZero()
		}
		c, ok := a.Clause(r.Clause)
		return ok && !c.Term.IsZero()
	}
	return false
}

// TestTermEventsWithoutTerms checks that no notice or renewal is drawn for
// a process none of whose instruments has a term.
func TestTermEventsWithoutTerms(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
		for i := range p.Agreements {
			p.Agreements[i].Term = agreement.Term{}
			for j := range p.Agreements[i].Clauses {
				p.Agreements[i].Clauses[j].Term = agreement.Term{}
			}
		}
		if evs := scenariotest.TermEvents(p, scenariotest.TimelineConfig{}).Draw(t, "events"); len(evs) != 0 {
			t.Fatalf("drew %d events for instruments without terms: %v", len(evs), evs)
		}
	})
}
