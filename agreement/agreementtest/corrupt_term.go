package agreementtest

import (
	"strconv"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// termKinds are the corruptions of terms (the agreement's and its
// clauses'), of the rule for acts during a suspension and of notice
// powers.
var termKinds = []kind{
	termKind("term without period", func(t *rapid.T, tm *agreement.Term) (string, error) {
		*tm = agreement.Term{}
		switch rapid.IntRange(0, 2).Draw(t, "term-field") {
		case 0:
			tm.Renewal = drawTermPeriod(t, "renewal")
			tm.Renewals = rapid.IntRange(0, 3).Draw(t, "renewals")
		case 1:
			tm.Notice = drawPeriod(t, "notice")
		default:
			tm.Renewal = drawTermPeriod(t, "renewal")
			tm.Notice = drawPeriod(t, "notice")
		}
		return ".period", agreement.ErrMissing
	}),
	termKind("negative renewals", func(t *rapid.T, tm *agreement.Term) (string, error) {
		*tm = drawTerm(t, "term")
		if tm.Renewal.IsZero() {
			tm.Renewal = tm.Period
		}
		tm.Renewals = -rapid.IntRange(1, 3).Draw(t, "renewals")
		return ".renewals", agreement.ErrNegative
	}),
	termKind("renewals without renewal", func(t *rapid.T, tm *agreement.Term) (string, error) {
		*tm = drawTerm(t, "term")
		tm.Renewal = agreement.Period{}
		tm.Renewals = rapid.IntRange(1, 3).Draw(t, "renewals")
		return ".renewals", agreement.ErrInconsistent
	}),
	termKind("renewal more often than hourly", func(t *rapid.T, tm *agreement.Term) (string, error) {
		*tm = drawTerm(t, "term")
		tm.Renewal = agreement.Period{Exact: time.Duration(rapid.Int64Range(1, int64(agreement.MinRecurrence)-1).Draw(t, "renewal-ns"))}
		return ".renewal", agreement.ErrInvalidValue
	}),
	termKind("negative term period", func(t *rapid.T, tm *agreement.Term) (string, error) {
		*tm = drawTerm(t, "term")
		p, name := &tm.Period, "period"
		switch rapid.IntRange(0, 2).Draw(t, "negative-term-field") {
		case 1:
			p, name = &tm.Renewal, "renewal"
		case 2:
			p, name = &tm.Notice, "notice"
		}
		var part string
		switch rapid.IntRange(0, 3).Draw(t, "negative-part") {
		case 0:
			p.Days, part = -rapid.IntRange(1, 30).Draw(t, "days"), "days"
		case 1:
			p.Weeks, part = -rapid.IntRange(1, 8).Draw(t, "weeks"), "weeks"
		case 2:
			p.Months, part = -rapid.IntRange(1, 12).Draw(t, "months"), "months"
		default:
			p.Years, part = -rapid.IntRange(1, 3).Draw(t, "years"), "years"
		}
		return "." + name + "." + part, agreement.ErrNegative
	}),
	clauseKind("term with expiry", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		if c.Term.IsZero() {
			c.Term = drawTerm(t, "term")
		}
		c.Expiry = agreement.Deadline{After: drawPositiveDuration(t, "expiry")}
		if rapid.Bool().Draw(t, "expiry-period") {
			c.Expiry = agreement.Deadline{Period: drawPeriod(t, "expiry")}
		}
		return expect{err: agreement.ErrInconsistent, path: path + ".term",
			desc: "term " + c.Term.String() + " and expiry " + c.Expiry.String()}
	}),
	clauseKind("unknown suspension rule", nil, func(t *rapid.T, _ *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.DuringSuspension = drawUnknown(t, agreement.SuspensionDefers)
		return expect{err: agreement.ErrInvalidValue, path: path + ".duringSuspension", desc: c.DuringSuspension.String()}
	}),
	{
		// A discharge, terminate or notice power becomes a notice power
		// aimed at the agreement or at another clause, which has no term.
		// It relies on that instrument's term staying zero (and on the
		// agreement's id, by which it names it).
		name: "notice without term",
		targets: func(a *agreement.Agreement) []target {
			var out []target
			for i := range a.Clauses {
				if !isPlainPower(&a.Clauses[i]) {
					continue
				}
				if a.Term.IsZero() {
					out = append(out, target{keys: []string{key("clause", i), "agreement:term", "agreement:id"}, i: i, j: -1})
				}
				for j := range a.Clauses {
					if j != i && a.Clauses[j].Term.IsZero() {
						out = append(out, target{keys: []string{key("clause", i), key("clause", j)}, i: i, j: j})
					}
				}
			}
			return out
		},
		apply: func(_ *rapid.T, a *agreement.Agreement, tg target) expect {
			c := &a.Clauses[tg.i]
			r := agreement.AgreementRef(a.ID)
			if tg.j >= 0 {
				r = agreement.LocalRef(a.Clauses[tg.j].ID)
			}
			c.Effect, c.Targets, c.TargetDebtor = agreement.EffectNotice, []agreement.Ref{r}, ""
			return expect{err: agreement.ErrInconsistent, path: at(clausePath(tg.i)+".targets", 0),
				desc: "notice against " + strconv.Quote(r.String())}
		},
	},
	clauseKind("resumed notice power", func(c *agreement.Clause) bool {
		return isPower(c) && c.Effect == agreement.EffectNotice
	}, func(_ *rapid.T, a *agreement.Agreement, c *agreement.Clause, path string) expect {
		c.ResumedBy = ghostClause(a)
		return expect{err: agreement.ErrInconsistent, path: path + ".resumedBy", desc: string(c.ResumedBy)}
	}),
}

// isPlainPower reports whether c is a power whose effect is discharge,
// terminate or notice: one paired with no other power.
func isPlainPower(c *agreement.Clause) bool {
	if !isPower(c) {
		return false
	}
	switch c.Effect {
	case agreement.EffectDischarge, agreement.EffectTerminate, agreement.EffectNotice:
		return true
	}
	return false
}

// termKind is a corruption of the agreement's term or of a clause's: set
// sets the term and returns the problem's path suffix, relative to the
// term, and sentinel. A corrupted clause loses its expiry, so that the
// problem is the term's own.
func termKind(name string, set func(t *rapid.T, tm *agreement.Term) (string, error)) kind {
	return kind{
		name: name,
		targets: func(a *agreement.Agreement) []target {
			return append(each("clause", len(a.Clauses), nil), target{keys: []string{"agreement:term"}, i: -1})
		},
		apply: func(t *rapid.T, a *agreement.Agreement, tg target) expect {
			tm, path := &a.Term, "term"
			if tg.i >= 0 {
				c := &a.Clauses[tg.i]
				c.Expiry = agreement.Deadline{}
				tm, path = &c.Term, clausePath(tg.i)+".term"
			}
			suffix, err := set(t, tm)
			return expect{err: err, path: path + suffix, desc: path + " " + tm.String()}
		},
	}
}
