package agreementtest_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// amendmentFeatures are the changes every run of the amendment tests must
// reach.
var amendmentFeatures = []string{"identical", "deadline", "deadline:extended", "expiry", "term:clause",
	"term:agreement", "term:added", "term:removed", "term:changed", "add", "add:power", "remove", "debtors",
	"condition", "gate:provisional", "gate:surviving", "gate:neither", "several changes", "label"}

// recordAmendment checks that b, the text of an amendment of a, amends a
// (same id) and adds the changes it makes to cov.
func recordAmendment(t *rapid.T, cov *agreementtest.Coverage, a, b agreement.Agreement) {
	if b.ID != a.ID {
		t.Fatalf("amended text has id %q, want %q", b.ID, a.ID)
	}
	if cmp.Equal(a, b, agreementtest.Options()) {
		cov.Add("identical")
		return
	}
	var keys []string
	changes := 0
	change := func(k ...string) {
		keys = append(keys, k...)
		changes++
	}
	if a.Term != b.Term {
		change("term:agreement", termChange(a.Term, b.Term))
	}
	var removed []agreement.Clause
	for _, c := range a.Clauses {
		d, ok := b.Clause(c.ID)
		if !ok {
			removed = append(removed, c)
			continue
		}
		if !cmp.Equal(c.Deadline, d.Deadline, agreementtest.Options()) {
			change("deadline")
			if d.Deadline.After > c.Deadline.After || d.Deadline.At.After(c.Deadline.At) && !c.Deadline.At.IsZero() ||
				d.Deadline.Period.Days > c.Deadline.Period.Days {
				keys = append(keys, "deadline:extended")
			}
		}
		if !cmp.Equal(c.Expiry, d.Expiry, agreementtest.Options()) && d.Term == c.Term {
			change("expiry")
		}
		if c.Term != d.Term {
			change("term:clause", termChange(c.Term, d.Term))
		}
		if !slices.Equal(c.Debtors, d.Debtors) || c.Joint != d.Joint {
			change("debtors")
		}
		for i, nc := range c.Conditions() {
			if !agreement.EqualConditions(nc.Condition, d.Conditions()[i].Condition) {
				change("condition")
			}
		}
		switch {
		case c.Provisional == d.Provisional && c.Surviving == d.Surviving:
		case d.Provisional:
			change("gate", "gate:provisional")
		case d.Surviving:
			change("gate", "gate:surviving")
		default:
			change("gate", "gate:neither")
		}
	}
	switch {
	case len(removed) == 2 && slices.ContainsFunc(removed, func(c agreement.Clause) bool { return c.Effect == agreement.EffectSuspend }):
		change("remove", "remove:pair")
	case len(removed) > 0:
		change("remove")
	}
	for _, d := range b.Clauses {
		if _, ok := a.Clause(d.ID); !ok {
			change("add")
			if d.Kind == agreement.DeonticPower {
				keys = append(keys, "add:power")
			}
		}
	}
	if changes == 0 {
		t.Fatalf("amended text differs, but in none of the ways expected:\n%s", cmp.Diff(a, b, agreementtest.Options()))
	}
	if changes > 1 {
		keys = append(keys, "several changes")
	}
	cov.Add(keys...)
}

// termChange names the change from term a to term b.
func termChange(a, b agreement.Term) string {
	switch {
	case a.IsZero():
		return "term:added"
	case b.IsZero():
		return "term:removed"
	}
	return "term:changed"
}

// TestAmendmentValid checks that every amended text is valid, amends the
// agreement it was drawn for and leaves it alone, and that runs reach every
// kind of change.
func TestAmendmentValid(t *testing.T) {
	var cov agreementtest.Coverage
	lo := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
	rapid.Check(t, func(t *rapid.T) {
		for range 3 {
			a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
			before := a.Clone()
			am := agreementtest.Amendment(a, agreementtest.Config{}).Draw(t, "amendment")
			if diff := cmp.Diff(before, a, agreementtest.Options()); diff != "" {
				t.Fatalf("Amendment modified its input (-before +after):\n%s", diff)
			}
			agreementtest.AssertValid(t, am.Text)
			if am.At.Location() != time.UTC || am.At.Before(lo) || !am.At.Before(hi) {
				t.Fatalf("amendment at %v, not in UTC within [2000, 2040)", am.At)
			}
			if am.Label != "" {
				cov.Add("label")
			}
			recordAmendment(t, &cov, a, am.Text)
			// A text amends further.
			again := agreementtest.Amendment(am.Text, agreementtest.Config{}).Draw(t, "again")
			agreementtest.AssertValid(t, again.Text)
		}
	})
	cov.Check(t, amendmentFeatures...)
}

// TestProcessAmendmentValid checks that a process with an amended text in
// place of one of its agreements stays valid, cross-references included,
// also after a second amendment, and that runs reach amendments of an
// agreement that a later instrument may refer to.
func TestProcessAmendmentValid(t *testing.T) {
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{}).Draw(t, "process")
		for range 2 {
			before := p.Agreements[0].Clone()
			am := agreementtest.ProcessAmendment(p, agreementtest.Config{}).Draw(t, "amendment")
			if diff := cmp.Diff(before, p.Agreements[0], agreementtest.Options()); diff != "" {
				t.Fatalf("ProcessAmendment modified its input (-before +after):\n%s", diff)
			}
			k := slices.IndexFunc(p.Agreements, func(a agreement.Agreement) bool { return a.ID == am.Text.ID })
			if k < 0 {
				t.Fatalf("amended text names agreement %q, not one of the process", am.Text.ID)
			}
			q := p
			q.Agreements = slices.Clone(p.Agreements)
			q.Agreements[k] = am.Text
			agreementtest.AssertProcessValid(t, q)
			recordAmendment(t, &cov, p.Agreements[k], am.Text)
			if k < len(p.Agreements)-1 {
				cov.Add("referable")
			}
			p = q
		}
	})
	cov.Check(t, "remove", "debtors", "condition", "add", "term:agreement", "referable")
	if got := agreementtest.ProcessAmendment(agreement.Process{}, agreementtest.Config{}).Example(1); !cmp.Equal(got, agreement.Amendment{}, agreementtest.Options()) {
		t.Errorf("ProcessAmendment of no agreement drew %v, want the zero Amendment", got)
	}
}

// TestAmendmentOfPairs checks amendments of a fixed agreement whose
// suspend and resume powers nothing else refers to: they are removed
// together, never one without the other, and the obligation's debtors
// change.
func TestAmendmentOfPairs(t *testing.T) {
	a := agreement.Agreement{ID: "a", Parties: []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "FR"}},
		Clauses: []agreement.Clause{
			{ID: "S", Kind: agreement.DeonticPower, Effect: agreement.EffectSuspend, Debtors: []agreement.PartyID{"FR"},
				Targets: []agreement.Ref{agreement.AgreementRef("a")}, ResumedBy: "R"},
			{ID: "R", Kind: agreement.DeonticPower, Effect: agreement.EffectResume, Debtors: []agreement.PartyID{"FR"},
				Surviving: true},
			{ID: "O", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
				Action: &agreement.Pattern{Kind: "report"}},
		}}
	agreementtest.AssertValid(t, a)
	var cov agreementtest.Coverage
	rapid.Check(t, func(t *rapid.T) {
		am := agreementtest.Amendment(a, agreementtest.Config{}).Draw(t, "amendment")
		agreementtest.AssertValid(t, am.Text)
		_, s := am.Text.Clause("S")
		_, r := am.Text.Clause("R")
		if s != r {
			t.Fatalf("suspend power kept %v, its resume power kept %v", s, r)
		}
		recordAmendment(t, &cov, a, am.Text)
	})
	cov.Check(t, "remove:pair", "debtors", "add")
}
