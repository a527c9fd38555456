package scenario

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// renderHandTrace returns a trace of an agreement declaring the zone
// +03:00, with transitions the replay may not produce yet: the agreement
// signed when RU's recorded signature's date came, and a clause lapsed when
// its deadline passed before it entered into effect.
func renderHandTrace(t *testing.T) *Trace {
	t.Helper()
	t0 := time.Date(2026, time.February, 28, 21, 0, 0, 0, time.UTC) // local midnight on 1 March
	e, err := Compile(agreement.Agreement{
		ID:         "accord",
		Zone:       "+03:00",
		Parties:    []agreement.Party{{ID: "UA"}, {ID: "RU"}},
		Signatures: []agreement.Signature{{Party: "RU", Date: t0.Add(3 * time.Hour)}},
		Clauses: []agreement.Clause{
			{ID: "hold", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindReferendumHeld},
				Trigger: agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce})},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	idx, ok := e.lookup(Instance{Ref: agreement.LocalRef("hold")})
	if !ok || idx < 0 {
		t.Fatal("no instance of hold")
	}
	// RU's signature, the agreement's first dated one.
	signature := cause{kind: CauseSignature, hasBy: true, by: -1, event: 0}
	log := []transition{
		newTransition(-1, agreement.StateDraft, agreement.StateSigned, t0.Add(3*time.Hour).UnixNano(), signature),
		newTransition(idx, agreement.StateDormant, agreement.StateLapsed, t0.Add(24*time.Hour).UnixNano(),
			cause{kind: CauseDeadline}),
	}
	return &Trace{e: e, start: t0.UnixNano(), end: t0.Add(48 * time.Hour).UnixNano(), log: log}
}

// A signature's date and a lapse render in every form, in the trace's zone.
func TestRenderSignatureAndLapsedInZone(t *testing.T) {
	tr := renderHandTrace(t)
	if got := tr.Location().String(); got != "+03:00" {
		t.Fatalf("Location() = %s, want +03:00", got)
	}
	var md, mm bytes.Buffer
	if err := tr.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := tr.Mermaid(&mm); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Trace of accord from 2026-03-01T00:00:00+03:00 to 2026-03-03T00:00:00+03:00\n",
		"| 2026-03-01T03:00:00+03:00 | agreement accord | draft → signed | signature by RU of accord |\n",
		"| 2026-03-02T00:00:00+03:00 | accord/hold | dormant → lapsed | deadline passed |\n",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown() lacks\n%s\nin:\n%s", want, md.String())
		}
	}
	for _, want := range []string{
		"  participant clock as clock\n",
		"  Note over clock,i0: 2026-03-01T03:00:00+03:00\n",
		"  clock->>a0: draft → signed (signature by RU)\n",
		"  Note over clock,i0: 2026-03-02T00:00:00+03:00\n",
		"  clock->>i0: dormant → lapsed (deadline)\n",
	} {
		if !strings.Contains(mm.String(), want) {
			t.Errorf("Mermaid() lacks\n%s\nin:\n%s", want, mm.String())
		}
	}
	if strings.Contains(mm.String(), "participant u") {
		t.Errorf("Mermaid() draws the signatory as a lifeline of its own:\n%s", mm.String())
	}
	var sig Cause
	for x := range tr.Transitions() {
		if x.Cause.Kind == CauseSignature {
			sig = x.Cause
		}
	}
	if got, want := tr.DescribeCause(sig), "signature by RU of accord"; got != want {
		t.Errorf("DescribeCause = %q, want %q", got, want)
	}
	if got, want := tr.DescribeCause(Cause{Kind: CauseSignature}), "signature"; got != want {
		t.Errorf("DescribeCause of a signature naming no one = %q, want %q", got, want)
	}

	x, err := tr.Explain(Instance{Ref: agreement.AgreementRef("accord")}, tr.End())
	if err != nil {
		t.Fatal(err)
	}
	want := "accord/ at 2026-03-03T00:00:00+03:00: signed since 2026-03-01T03:00:00+03:00\n" +
		"  draft -> signed at 2026-03-01T03:00:00+03:00 (signature by RU of accord)\n"
	if got := x.String(); got != want {
		t.Errorf("Explain(accord).String() =\n%s\nwant\n%s", got, want)
	}
	x, err = tr.Explain(Instance{Ref: agreement.LocalRef("hold")}, tr.End())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := x.String(), "accord/hold at 2026-03-03T00:00:00+03:00: lapsed since 2026-03-02T00:00:00+03:00\n"+
		"  dormant -> lapsed at 2026-03-02T00:00:00+03:00 (deadline)\n"; got != want {
		t.Errorf("Explain(hold).String() =\n%s\nwant\n%s", got, want)
	}
	_, err = tr.Explain(Instance{Ref: agreement.LocalRef("hold")}, tr.End().Add(time.Hour))
	if err == nil || !strings.Contains(err.Error(), "2026-03-03T01:00:00+03:00 outside the trace (2026-03-01T00:00:00+03:00 to 2026-03-03T00:00:00+03:00)") {
		t.Errorf("Explain after the end: error %v, want the instants in local time", err)
	}
}

// An explanation writes the instants of its deadlines and of clock
// conditions in the trace's zone, and leaves conditions without them as
// they are.
func TestExplanationLocalInstants(t *testing.T) {
	tr := renderHandTrace(t)
	loc := tr.Location()
	at := time.Date(2026, time.March, 1, 21, 0, 0, 0, time.UTC) // midnight on 2 March, local
	until := at.Add(48 * time.Hour)
	x := &Explanation{
		Instance: Instance{Ref: agreement.QualifiedRef("accord", "hold")},
		At:       at,
		State:    agreement.StateDormant,
		Deadline: agreement.Deadline{At: at, Round: agreement.RoundEndOfDay, Unconditional: true},
		Expiry: agreement.Deadline{After: 72 * time.Hour,
			From: agreement.All(agreement.Not(agreement.From(at)), agreement.Holds("calm"))},
		Open: []Decision{{Slot: "trigger", At: at, Root: &Node{
			Condition: agreement.AtLeast(1, agreement.Between(at, until), agreement.Until(until)),
			Event:     -1, Later: -1, Transition: -1,
			Operands: []*Node{
				{Condition: agreement.Between(at, until), Event: -1, Later: -1, Transition: -1},
				{Condition: agreement.Until(until), Value: true, Event: -1, Later: -1, Transition: -1},
			}}}},
		trace: tr,
	}
	want := "accord/hold at 2026-03-02T00:00:00+03:00: dormant\n" +
		"  deadline: at 2026-03-02T00:00:00+03:00 end-of-day unconditional\n" +
		"  expiry: after 72h from all(not(clock(from=2026-03-02T00:00:00+03:00)), holds(calm))\n" +
		"  open at 2026-03-02T00:00:00+03:00:\n" +
		"    trigger:\n" +
		"      at-least-1 = false\n" +
		"        clock(from=2026-03-02T00:00:00+03:00 until=2026-03-04T00:00:00+03:00) = false\n" +
		"        clock(until=2026-03-04T00:00:00+03:00) = true\n"
	if got := x.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	// Without a trace, in UTC.
	x.trace = nil
	if got := x.String(); !strings.HasPrefix(got, "accord/hold at 2026-03-01T21:00:00Z: dormant\n"+
		"  deadline: at 2026-03-01T21:00:00Z end-of-day unconditional\n") {
		t.Errorf("String() of a hand-built Explanation:\n%s", got)
	}

	calm := agreement.Holds("calm")
	if got := localCondition(calm, loc); got != calm {
		t.Errorf("localCondition rebuilt a condition without clock conditions: %s", got)
	}
	all := agreement.All(calm, agreement.Not(calm))
	if got := localCondition(all, loc); got != all {
		t.Errorf("localCondition rebuilt a condition without clock conditions: %s", got)
	}
	if got := localCondition(nil, loc); got != nil {
		t.Errorf("localCondition(nil) = %v", got)
	}
	var nilClock *agreement.ClockCondition
	if got := localCondition(nilClock, loc); got != agreement.Condition(nilClock) {
		t.Errorf("localCondition of a nil clock condition = %v", got)
	}
	if d := localDeadline(agreement.Deadline{}, loc); !d.IsZero() {
		t.Errorf("localDeadline of no limit = %s", d)
	}
}
