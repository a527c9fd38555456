package scenariotest

import (
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
)

// maxTermEvents is the most notice and renewal events [TermEvents] draws.
const maxTermEvents = 4

// TermEvents returns a generator of up to four events (and at most
// cfg.MaxEvents) that act on the terms of p's instruments: notices
// ([agreement.EventKindNotice]) and renewals agreed
// ([agreement.EventKindRenewal], with a [agreement.Event.Period] of a week
// to two years, on the calendar or exact), each naming an agreement or a
// clause of p that has a [agreement.Term], by a party p declares or none,
// at cfg.Start plus one of cfg.Offsets. The reference is qualified, or,
// when p has a single agreement, sometimes local (for a clause) or empty
// (for the agreement). It draws no event when no instrument of p has a
// term. Every event is valid for an engine compiled from p when p is
// valid; add them to a timeline with [Interleave]. The generator keeps its
// own copy of what it needs from p, and is safe for concurrent use.
func TermEvents(p agreement.Process, cfg TimelineConfig) *rapid.Generator[[]agreement.Event] {
	cfg = cfg.normalised()
	var refs []agreement.Ref
	var parties []agreement.PartyID
	for _, a := range p.Agreements {
		if !a.Term.IsZero() {
			refs = append(refs, agreement.AgreementRef(a.ID))
		}
		for _, c := range a.Clauses {
			if !c.Term.IsZero() {
				refs = append(refs, agreement.QualifiedRef(a.ID, c.ID))
			}
		}
		for _, party := range a.Parties {
			if !slices.Contains(parties, party.ID) {
				parties = append(parties, party.ID)
			}
		}
	}
	single := len(p.Agreements) == 1
	return rapid.Custom(func(t *rapid.T) []agreement.Event {
		n := rapid.IntRange(0, min(maxTermEvents, cfg.MaxEvents)).Draw(t, "term-events")
		if len(refs) == 0 {
			return nil
		}
		evs := make([]agreement.Event, 0, n)
		for range n {
			ev := agreement.Event{
				At:     cfg.Start.Add(rapid.SampledFrom(cfg.Offsets).Draw(t, "offset")),
				Kind:   agreement.EventKindNotice,
				Clause: rapid.SampledFrom(refs).Draw(t, "instrument"),
			}
			if len(parties) > 0 && rapid.IntRange(0, 3).Draw(t, "has-actor") > 0 {
				ev.Actor = rapid.SampledFrom(parties).Draw(t, "actor")
			}
			if rapid.Bool().Draw(t, "renewal") {
				ev.Kind, ev.Period = agreement.EventKindRenewal, drawRenewalPeriod(t)
			}
			if single && rapid.Bool().Draw(t, "local-ref") {
				// The engine resolves local references against its only
				// agreement, which an empty reference names.
				if ev.Clause.IsAgreement() {
					ev.Clause = agreement.Ref{}
				} else {
					ev.Clause = agreement.LocalRef(ev.Clause.Clause)
				}
			}
			evs = append(evs, ev)
		}
		return evs
	})
}

// drawRenewalPeriod draws the length of a renewal agreed: days, weeks,
// months or years, or an exact number of hours, from a week to two years.
func drawRenewalPeriod(t *rapid.T) agreement.Period {
	var p agreement.Period
	switch rapid.IntRange(0, 4).Draw(t, "renewal-sort") {
	case 0:
		p.Days = rapid.IntRange(7, 90).Draw(t, "renewal-days")
	case 1:
		p.Weeks = rapid.IntRange(1, 12).Draw(t, "renewal-weeks")
	case 2:
		p.Months = rapid.IntRange(1, 12).Draw(t, "renewal-months")
	case 3:
		p.Years = rapid.IntRange(1, 2).Draw(t, "renewal-years")
	default:
		p.Exact = time.Duration(rapid.IntRange(7*24, 60*24).Draw(t, "renewal-hours")) * time.Hour
	}
	return p
}

// maxAmendments is the most amendments [AmendedTimeline] attaches.
const maxAmendments = 3

// AmendedTimeline returns a generator of timelines for p drawn as
// [Timeline] draws them, with the notice and renewal events [TermEvents]
// draws interleaved (so up to four events more than cfg.MaxEvents), and up
// to three amendments attached ([scenario.Timeline.WithAmendments]), at
// cfg.Start plus one of cfg.Offsets, so that an amendment sometimes shares
// its instant with events or another amendment. Each amendment is drawn by
// [agreementtest.ProcessAmendment] from the texts in force at its instant:
// a later amendment of an agreement amends the text of the one before it,
// so every text is valid with the others in place when p is valid. Some
// amendments leave the text unchanged. Since events are read against the
// texts in force at their instant, events at or after an amendment that
// name a clause it removed, or give notice against or renew a term it
// removed, are left out, with the revisions of those left out. The
// timeline is then valid for an engine compiled from p when p is valid.
// Replay it to [TimelineConfig.End].
//
// The generator never filters what it draws. It keeps its own copy of p,
// and is safe for concurrent use.
func AmendedTimeline(p agreement.Process, cfg TimelineConfig) *rapid.Generator[scenario.Timeline] {
	cfg = cfg.normalised()
	base := Timeline(p, cfg)
	terms := TermEvents(p, cfg)
	texts := make([]agreement.Agreement, len(p.Agreements))
	for i, a := range p.Agreements {
		texts[i] = a.Clone()
	}
	return rapid.Custom(func(t *rapid.T) scenario.Timeline {
		tl := base.Draw(t, "timeline")
		if evs := terms.Draw(t, "term-events"); len(evs) > 0 {
			tl = Interleave(tl, evs).Draw(t, "interleaved")
		}
		if len(texts) == 0 {
			return tl
		}
		n := rapid.IntRange(0, maxAmendments).Draw(t, "amendments")
		ats := make([]time.Time, n)
		for i := range ats {
			ats[i] = cfg.Start.Add(rapid.SampledFrom(cfg.Offsets).Draw(t, "amendment-offset"))
		}
		slices.SortFunc(ats, time.Time.Compare)
		cur := slices.Clone(texts)
		ams := make([]agreement.Amendment, 0, n)
		for _, at := range ats {
			am := agreementtest.ProcessAmendment(agreement.Process{Agreements: cur}, agreementtest.Config{}).Draw(t, "amendment")
			am.At = at
			if k := slices.IndexFunc(cur, func(a agreement.Agreement) bool { return a.ID == am.Text.ID }); k >= 0 {
				cur[k] = am.Text
			}
			ams = append(ams, am)
		}
		if len(ams) > 0 {
			tl = scenario.NewTimeline(tl.Start(), inForce(tl, texts, ams)...)
		}
		return tl.WithAmendments(ams...)
	})
}

// inForce returns the events of tl that the texts in force at their
// instants allow, in order: texts, then each of ams (in order of instant)
// from its instant on. It leaves out an event naming a clause that the text
// in force does not have, a notice or renewal naming an instrument without
// a term in force, and a revision of an event left out.
func inForce(tl scenario.Timeline, texts []agreement.Agreement, ams []agreement.Amendment) []agreement.Event {
	cur := slices.Clone(texts)
	next := 0
	dropped := map[agreement.EventID]bool{}
	out := make([]agreement.Event, 0, tl.Len())
	for _, ev := range tl.Events() {
		for ; next < len(ams) && !ams[next].At.After(ev.At); next++ {
			if k := slices.IndexFunc(cur, func(a agreement.Agreement) bool { return a.ID == ams[next].Text.ID }); k >= 0 {
				cur[k] = ams[next].Text
			}
		}
		if ev.Revises != "" && dropped[ev.Revises] || !allowed(cur, ev) {
			if ev.ID != "" {
				dropped[ev.ID] = true
			}
			continue
		}
		out = append(out, ev)
	}
	return out
}

// allowed reports whether ev may name what it names under the texts as:
// a clause they have and, for a notice or a renewal, an instrument with a
// term. A local or empty reference names the only agreement's clause or the
// agreement itself.
func allowed(as []agreement.Agreement, ev agreement.Event) bool {
	r := ev.Clause
	term := ev.Kind == agreement.EventKindNotice || ev.Kind == agreement.EventKindRenewal
	if r == (agreement.Ref{}) && !term {
		return true
	}
	if r.Agreement == "" && len(as) == 1 {
		r.Agreement = as[0].ID
	}
	for _, a := range as {
		if a.ID != r.Agreement {
			continue
		}
		if r.IsAgreement() {
			return !term || !a.Term.IsZero()
		}
		c, ok := a.Clause(r.Clause)
		return ok && (!term || !c.Term.IsZero())
	}
	// Not an instrument of the process: left to the timeline's validation.
	return !term
}
