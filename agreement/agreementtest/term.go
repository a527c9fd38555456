package agreementtest

import (
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// drawTermPeriod draws the length of a term or of a renewal as agreements
// write them: days, weeks, months or years, months and days, or an exact
// number of hours; never shorter than a week (nor longer than five years),
// so that a replay meets a few ends of a term, not thousands, and every
// end of an instrument beginning between 2000 and 2040 lies far inside
// [agreement.InstantRange].
func drawTermPeriod(t *rapid.T, label string) agreement.Period {
	var p agreement.Period
	switch rapid.IntRange(0, 5).Draw(t, label+"-sort") {
	case 0:
		p.Days = rapid.IntRange(7, 120).Draw(t, label+"-days")
	case 1:
		p.Weeks = rapid.IntRange(1, 12).Draw(t, label+"-weeks")
	case 2:
		p.Months = rapid.IntRange(1, 24).Draw(t, label+"-months")
	case 3:
		p.Years = rapid.IntRange(1, 5).Draw(t, label+"-years")
	case 4:
		p.Months = rapid.IntRange(1, 6).Draw(t, label+"-months")
		p.Days = rapid.IntRange(1, 30).Draw(t, label+"-days")
	default:
		p.Exact = time.Duration(rapid.IntRange(7*24, 100*24).Draw(t, label+"-hours")) * time.Hour
	}
	return p
}

// drawTerm draws a valid, non-zero term: a first period; mostly a renewal
// (the same period or another), limited to a number of automatic renewals
// or not; and sometimes a period of notice (as drawPeriod draws them, so
// sometimes longer than the term itself: a notice then counts for a later
// end).
func drawTerm(t *rapid.T, label string) agreement.Term {
	tm := agreement.Term{Period: drawTermPeriod(t, label+"-period")}
	if rapid.IntRange(0, 2).Draw(t, label+"-renews") != 0 {
		tm.Renewal = tm.Period
		if rapid.Bool().Draw(t, label+"-other-renewal") {
			tm.Renewal = drawTermPeriod(t, label+"-renewal")
		}
		tm.Renewals = rapid.IntRange(0, 3).Draw(t, label+"-renewals")
	}
	if rapid.Bool().Draw(t, label+"-has-notice") {
		tm.Notice = drawPeriod(t, label+"-notice")
	}
	return tm
}

// drawMaybeTerm draws the zero Term or, one time in oneIn, a term.
func drawMaybeTerm(t *rapid.T, label string, oneIn int) agreement.Term {
	if rapid.IntRange(0, oneIn-1).Draw(t, "has-"+label) != 0 {
		return agreement.Term{}
	}
	return drawTerm(t, label)
}

// drawSuspensionRule draws the rule for acts during a suspension: the
// default (excuses) three times in four.
func drawSuspensionRule(t *rapid.T) agreement.SuspensionRule {
	if rapid.IntRange(0, 3).Draw(t, "defers") == 0 {
		return agreement.SuspensionDefers
	}
	return agreement.SuspensionExcuses
}

// hasTermOther reports whether the plan has an instrument with a term
// other than clause i: the agreement or another clause.
func (p *plan) hasTermOther(i int) bool {
	if !p.term.IsZero() {
		return true
	}
	for j, tm := range p.terms {
		if j != i && !tm.IsZero() {
			return true
		}
	}
	return false
}

// termOf returns the term of what r (as written in plans[k]) refers to: an
// agreement or a clause of plans; false when r resolves to neither.
func termOf(plans []plan, k int, r agreement.Ref) (agreement.Term, bool) {
	if r.IsAgreement() {
		for _, q := range plans {
			if q.id == r.Agreement {
				return q.term, true
			}
		}
		return agreement.Term{}, false
	}
	q, j, ok := planClause(plans, k, r)
	if !ok {
		return agreement.Term{}, false
	}
	return q.terms[j], true
}

// noticeTargets returns the references of refs (as written in plans[k])
// to instruments with a term.
func noticeTargets(plans []plan, k int, refs []agreement.Ref) []agreement.Ref {
	var out []agreement.Ref
	for _, r := range refs {
		if tm, ok := termOf(plans, k, r); ok && !tm.IsZero() {
			out = append(out, r)
		}
	}
	return out
}

// drawParticipation sometimes aims the power c (suspend, terminate or
// notice) at one party's participation in an agreement: its targets become
// one agreement among them, and its TargetDebtor the placeholder
// [agreement.Debtor] or, for its own agreement, a party of it that is a
// debtor of one of its clauses. It reports whether it did.
func drawParticipation(t *rapid.T, c *agreement.Clause, plans []plan, k int) bool {
	switch c.Effect {
	case agreement.EffectSuspend, agreement.EffectTerminate, agreement.EffectNotice:
	default:
		return false
	}
	var aims []agreement.Ref
	for _, r := range c.Targets {
		if r.IsAgreement() {
			aims = append(aims, r)
		}
	}
	if len(aims) == 0 || rapid.IntRange(0, 2).Draw(t, "participation") != 0 {
		return false
	}
	aim := rapid.SampledFrom(aims).Draw(t, "participation-of")
	c.Targets = []agreement.Ref{aim}
	choices := []agreement.PartyID{agreement.Debtor}
	if aim.Agreement == plans[k].id {
		for _, p := range plans[k].parties {
			if slices.ContainsFunc(plans[k].debtors, func(ds []agreement.PartyID) bool { return slices.Contains(ds, p) }) {
				choices = append(choices, p)
			}
		}
	}
	c.TargetDebtor = rapid.SampledFrom(choices).Draw(t, "participant")
	return true
}
