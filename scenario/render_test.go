package scenario_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// update rewrites the golden files. Mermaid golden files (*.mmd) are
// parsed by Mermaid itself in CI (.ci/run, .ci/mermaid-check.mjs).
var update = flag.Bool("update", false, "rewrite golden files")

func renderDay(month time.Month, d int) time.Time {
	return time.Date(2026, month, d, 0, 0, 0, 0, time.UTC)
}

// renderSeedTrace replays the draft statement of the Paris joint
// declaration of 6 January 2026 (agreementtest.ParisDeclaration), whose
// guarantees bind once a ceasefire is in force, over a strike before any
// ceasefire, a ceasefire, deployments, and then a new Russian attack, which
// activates the US commitment "in the event of a new Russian attack", and
// the support that fulfils it.
func renderSeedTrace(t *testing.T) *scenario.Trace {
	t.Helper()
	_, tr := replay(t, agreementtest.ParisDeclaration(true), renderDay(time.January, 6), renderDay(time.March, 31),
		agreement.Event{At: renderDay(time.January, 20), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"},
		agreement.Event{At: renderDay(time.February, 1), Kind: agreement.EventKindCeasefireInForce, Reporter: "US", Attribution: agreement.AttributionConfirmed},
		agreement.Event{At: renderDay(time.February, 3), Kind: "monitoring-established", Actor: "US"},
		agreement.Event{At: renderDay(time.February, 10), Kind: agreement.EventKindForcesDeployed, Actor: "FR", Target: "UA",
			Quantities: []agreement.Quantity{agreement.NewQuantity(decimal.NewFromInt(4000), agreement.UnitTroops)}},
		agreement.Event{At: renderDay(time.March, 1), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA", Attribution: agreement.AttributionAlleged},
		agreement.Event{At: renderDay(time.March, 2), Kind: "support-provided", Actor: "US"},
	)
	return tr
}

// renderEscapingTrace has an event whose outcome holds every character
// Markdown or Mermaid would interpret, and a timer, a clause's change, an
// expiry and a power, so that every kind of cause but a deadline (see the
// examples) appears.
func renderEscapingTrace(t *testing.T) *scenario.Trace {
	t.Helper()
	a := agreement.Agreement{
		ID:            "vote_2026.1",
		SigningStatus: agreement.SigningStatusSigned,
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "UN"}},
		Clauses: []agreement.Clause{
			{ID: "hold", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UN"},
				Action:   &agreement.Pattern{Kind: agreement.EventKindReferendumHeld, Actor: "UN"},
				Deadline: agreement.Deadline{After: 10 * agreement.Day}},
			{ID: "G1.x", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UA", "RU"},
				Action:  &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
				Trigger: agreement.Since(agreement.Pattern{Kind: agreement.EventKindReferendumHeld}, 2*agreement.Day)},
			{ID: "repair", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UN"},
				Action:  &agreement.Pattern{Kind: "report-filed"},
				Trigger: agreement.ClauseIn(agreement.LocalRef("hold"), agreement.StateFulfilled),
				Expiry:  agreement.Deadline{After: 3 * agreement.Day}},
			{ID: "stop", Kind: agreement.DeonticPower, Debtors: []agreement.PartyID{"UN"}, Effect: agreement.EffectTerminate,
				Targets: []agreement.Ref{agreement.LocalRef("G1.x")}},
		},
	}
	_, tr := replay(t, a, renderDay(time.April, 1), renderDay(time.April, 30),
		agreement.Event{At: renderDay(time.April, 5), Kind: agreement.EventKindReferendumHeld, Actor: "UN", Area: "crimea",
			Outcome: "yes; \"oui\" | [ja] <так> & `да` #1 100% {ok}\nsecond line: 東京 🕊 end"},
		agreement.Event{At: renderDay(time.April, 9), Kind: agreement.EventKindPowerExercised, Actor: "UN",
			Clause: agreement.LocalRef("stop"), Reporter: "UA"},
	)
	return tr
}

// renderZoneTrace replays an agreement declaring the zone Europe/Kyiv from
// local midnight on 27 March 2026 (22:00 the day before in UTC) over the
// change to summer time on the 29th, when the offset goes from +02:00 to
// +03:00: a ceasefire that sets a 72-hour deadline off, which passes at
// 11:00 local time (an exact 72 hours, not three local days), a monitoring
// mission whose patrols begin 24 hours after it is established (past local
// midnight, though not past UTC midnight), an attack that breaches a
// standing prohibition, and a report whose duty expires after 48 hours.
func renderZoneTrace(t *testing.T) *scenario.Trace {
	t.Helper()
	kyiv, err := agreement.Zone("Europe/Kyiv").Location()
	if err != nil {
		t.Fatal(err)
	}
	local := func(day, hour, minute int) time.Time {
		return time.Date(2026, time.March, day, hour, minute, 0, 0, kyiv)
	}
	a := agreement.Agreement{
		ID:            "kyiv-2026",
		SigningStatus: agreement.SigningStatusSigned,
		Zone:          "Europe/Kyiv",
		Parties:       []agreement.Party{{ID: "UA"}, {ID: "RU"}, {ID: "UN"}},
		Clauses: []agreement.Clause{
			{ID: "withdraw", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"RU"},
				Action:   &agreement.Pattern{Kind: agreement.EventKindWithdrawalCompleted},
				Trigger:  agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}),
				Deadline: agreement.Deadline{After: 72 * time.Hour}},
			{ID: "patrol", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UN"},
				Action:  &agreement.Pattern{Kind: "patrol-conducted"},
				Trigger: agreement.Since(agreement.Pattern{Kind: "monitoring-established"}, 24*time.Hour)},
			{ID: "report", Kind: agreement.DeonticObligation, Debtors: []agreement.PartyID{"UN"},
				Action:  &agreement.Pattern{Kind: "report-filed"},
				Trigger: agreement.ClauseIn(agreement.LocalRef("withdraw"), agreement.StateViolated),
				Expiry:  agreement.Deadline{After: 48 * time.Hour}},
			{ID: "no-attack", Kind: agreement.DeonticProhibition, Standing: true, Debtors: []agreement.PartyID{"RU"},
				Action: &agreement.Pattern{Kind: agreement.EventKindArmedAttack}},
		},
	}
	_, tr := replay(t, a, local(27, 0, 0), local(33, 0, 0),
		agreement.Event{At: local(27, 10, 0), Kind: agreement.EventKindCeasefireInForce, Reporter: "UN"},
		agreement.Event{At: local(28, 23, 30), Kind: "monitoring-established", Actor: "UN"},
		agreement.Event{At: local(30, 20, 0), Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"},
		agreement.Event{At: local(31, 9, 0), Kind: "patrol-conducted", Actor: "UN"},
	)
	return tr
}

// renderZoneExplain writes the explanations of the zone trace's deadline,
// at the end, and of its patrols, just before the timer that sets them off.
func renderZoneExplain(t *testing.T, tr *scenario.Trace) func(io.Writer) error {
	t.Helper()
	kyiv := tr.Location()
	var b strings.Builder
	for _, q := range []struct {
		clause agreement.ClauseID
		at     time.Time
	}{
		{"withdraw", tr.End()},
		{"patrol", time.Date(2026, time.March, 30, 0, 0, 0, 0, kyiv)},
	} {
		inst, ok := tr.Engine().Instance(agreement.LocalRef(q.clause), "")
		if !ok {
			t.Fatalf("no instance of %s", q.clause)
		}
		x, err := tr.Explain(inst, q.at)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(x.String())
	}
	return func(w io.Writer) error {
		_, err := io.WriteString(w, b.String())
		return err
	}
}

func renderTrace(t *testing.T, f func(io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf); err != nil {
		t.Fatalf("render error: %v", err)
	}
	return buf.Bytes()
}

func TestTraceRenderGolden(t *testing.T) {
	seed := renderSeedTrace(t)
	esc := renderEscapingTrace(t)
	_, quiet := replay(t, agreementtest.ParisDeclaration(true), renderDay(time.January, 6), renderDay(time.January, 6))
	// Breaches counted, one of them confirmed a day later, the second
	// confirmed one suspending the agreement.
	alleged := attack(3, "UA", agreement.AttributionAlleged)
	alleged.ID = "a3"
	zone := renderZoneTrace(t)
	breaches := docReplay(t, ceasefireWithSuspension(2, 0), 8,
		attack(2, "RU", agreement.AttributionConfirmed), alleged,
		agreement.Event{At: docDay(4), Kind: agreement.EventKindRevised, Revises: "a3", Reporter: "JC",
			Attribution: agreement.AttributionConfirmed})
	for _, tt := range []struct {
		name string
		f    func(io.Writer) error
	}{
		{"paris-2026-trace.md", seed.Markdown},
		{"paris-2026-trace.mmd", seed.Mermaid},
		{"escaping-trace.md", esc.Markdown},
		{"escaping-trace.mmd", esc.Mermaid},
		{"quiet-trace.md", quiet.Markdown},
		{"quiet-trace.mmd", quiet.Mermaid},
		{"breaches-trace.md", breaches.Markdown},
		{"breaches-trace.mmd", breaches.Mermaid},
		{"zone-trace.md", zone.Markdown},
		{"zone-trace.mmd", zone.Mermaid},
		{"zone-explain.txt", renderZoneExplain(t, zone)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			agreementtest.CheckGolden(t, filepath.Join("testdata", "render", tt.name), renderTrace(t, tt.f), *update)
		})
	}
}

// The seed trace says what the analyst needs: the commitment waits, pending,
// through the ceasefire, and binds with the new attack, not the old one.
func TestTraceMarkdownSeed(t *testing.T) {
	md := string(renderTrace(t, renderSeedTrace(t).Markdown))
	for _, want := range []string{
		"| 2026-02-01T00:00:00Z | paris-2026/us-backstop | dormant → pending | paris-2026/multinational-force[GB] became in-effect |",
		"| 2026-03-01T00:00:00Z | paris-2026/us-backstop | pending → in-effect | event #4: armed-attack by RU against UA (alleged) |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown() lacks the row\n%s\nin:\n%s", want, md)
		}
	}
	if strings.Contains(md, "us-backstop | pending → in-effect | event #0") {
		t.Errorf("the strike before the ceasefire activated the commitment:\n%s", md)
	}
}

func TestTraceRenderErrors(t *testing.T) {
	var nilTrace *scenario.Trace
	for name, f := range map[string]func(io.Writer) error{
		"nil Markdown": nilTrace.Markdown, "nil Mermaid": nilTrace.Mermaid,
		"zero Markdown": (&scenario.Trace{}).Markdown, "zero Mermaid": (&scenario.Trace{}).Mermaid,
	} {
		if err := f(io.Discard); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	errDisk := errors.New("disk full")
	tr := renderSeedTrace(t)
	for name, f := range map[string]func(io.Writer) error{"Markdown": tr.Markdown, "Mermaid": tr.Mermaid} {
		if err := f(renderFailingWriter{errDisk}); !errors.Is(err, errDisk) {
			t.Errorf("%s: error %v, want %v", name, err, errDisk)
		}
	}
}

type renderFailingWriter struct{ err error }

func (w renderFailingWriter) Write([]byte) (int, error) { return 0, w.err }

// Mermaid lines a trace renders: header, participants, notes, messages,
// with every label free of the characters Mermaid interprets.
var (
	renderMermaidText = `(?:[^"#;|%<>&` + "`" + `{}\n]|<br>|#\d+;)*`
	renderMermaidLine = regexp.MustCompile(`^(sequenceDiagram|  participant (ev|clock|a\d+|i\d+) as ` + renderMermaidText +
		`|  Note over (ev|clock|a\d+|i\d+)(,(ev|clock|a\d+|i\d+))?: ` + renderMermaidText +
		`|  (ev|clock|a\d+|i\d+)->>(a\d+|i\d+): ` + renderMermaidText + `)$`)
)

// Renderings of any replay succeed, are deterministic, and have the
// expected shape: one table row per transition, Mermaid lines with every
// label escaped. (CI has Mermaid itself parse the golden files.)
func TestPropertyTraceRender(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}).Draw(t, "process")
		e, err := scenario.CompileProcess(p)
		if err != nil {
			t.Fatalf("CompileProcess of a generated process: %v", err)
		}
		cfg := scenariotest.TimelineConfig{}
		tl := scenariotest.AmendedTimeline(p, cfg).Draw(t, "timeline")
		tr, err := e.Replay(tl, cfg.End())
		if err != nil {
			t.Fatalf("Replay: %v", err)
		}
		var md, mm, again bytes.Buffer
		if err := tr.Markdown(&md); err != nil {
			t.Fatalf("Markdown() error: %v", err)
		}
		if err := tr.Mermaid(&mm); err != nil {
			t.Fatalf("Mermaid() error: %v", err)
		}
		if _ = tr.Markdown(&again); again.String() != md.String() {
			t.Fatalf("Markdown() is not deterministic")
		}
		n := 0
		for range tr.Transitions() {
			n++
		}
		sections := map[string]string{}
		for _, sec := range strings.Split(md.String(), "\n## ")[1:] {
			heading, body, _ := strings.Cut(sec, "\n")
			sections[heading] = body
		}
		if rows := strings.Count(sections["Transitions"], "\n| 2"); rows != n {
			t.Fatalf("%d transitions but %d rows:\n%s", n, rows, md.String())
		}
		nb, nr := 0, 0
		for range tr.Breaches() {
			nb++
		}
		for range tr.Renewals() {
			nr++
		}
		if rows := strings.Count(sections["Breaches"], "\n| 2"); rows != nb {
			t.Fatalf("%d breaches but %d rows:\n%s", nb, rows, md.String())
		}
		if rows := strings.Count(sections["Terms"], "\n| 2"); rows != nr {
			t.Fatalf("%d ends of terms but %d rows:\n%s", nr, rows, md.String())
		}
		if rows, nv := strings.Count(sections["Versions"], "\n| ")-2, len(tr.Versions())-1; max(rows, 0) != nv {
			t.Fatalf("%d amendments but %d rows:\n%s", nv, rows, md.String())
		}
		arrows := 0
		for _, l := range strings.Split(strings.TrimSuffix(mm.String(), "\n"), "\n") {
			if !renderMermaidLine.MatchString(l) {
				t.Fatalf("unexpected Mermaid line %q", l)
			}
			if strings.Contains(l, "->>") {
				arrows++
			}
		}
		if arrows != n {
			t.Fatalf("%d transitions but %d arrows:\n%s", n, arrows, mm.String())
		}
	})
}

// A trace as a Markdown timeline: every transition with its cause. The
// trace is of the support guarantee over February 2026, with a ceasefire on
// the 5th and a new Russian attack on the 20th (as in the examples below).
func ExampleTrace_Markdown() {
	_, tr := guaranteeTrace()
	_ = tr.Markdown(os.Stdout)
	// Output:
	// # Trace of guarantee from 2026-02-01T00:00:00Z to 2026-02-28T00:00:00Z
	//
	// ## Events
	//
	// | # | Instant | Event |
	// | --- | --- | --- |
	// | 0 | 2026-02-05T00:00:00Z | ceasefire-in-force |
	// | 1 | 2026-02-20T00:00:00Z | armed-attack by RU |
	//
	// ## Transitions
	//
	// | Instant | Instance | From → To | Cause |
	// | --- | --- | --- | --- |
	// | 2026-02-01T00:00:00Z | agreement guarantee | signed → in-force | start |
	// | 2026-02-05T00:00:00Z | guarantee/SUP | dormant → pending | event #0: ceasefire-in-force |
	// | 2026-02-20T00:00:00Z | guarantee/SUP | pending → in-effect | event #1: armed-attack by RU |
	// | 2026-02-23T00:00:00Z | guarantee/SUP | in-effect → violated | deadline passed |
}

// A trace as a Mermaid sequence diagram: one lifeline per instance, an
// arrow per transition from what caused it.
func ExampleTrace_Mermaid() {
	_, tr := guaranteeTrace()
	_ = tr.Mermaid(os.Stdout)
	// Output:
	// sequenceDiagram
	//   participant ev as events
	//   participant clock as clock
	//   participant a0 as agreement guarantee
	//   participant i0 as guarantee/SUP
	//   Note over ev,i0: 2026-02-01T00:00:00Z
	//   clock->>a0: signed → in-force (start)
	//   Note over ev,i0: 2026-02-05T00:00:00Z
	//   ev->>i0: dormant → pending (event #35;0: ceasefire-in-force)
	//   Note over ev,i0: 2026-02-20T00:00:00Z
	//   ev->>i0: pending → in-effect (event #35;1: armed-attack by RU)
	//   Note over ev,i0: 2026-02-23T00:00:00Z
	//   clock->>i0: in-effect → violated (deadline)
}

// StateSince gives a state with the instant it was entered; DescribeCause
// says what set a transition off, with its event in words.
func ExampleTrace_StateSince() {
	e, tr := guaranteeTrace()
	d := func(day int) time.Time { return time.Date(2026, time.February, day, 0, 0, 0, 0, time.UTC) }
	sup, _ := e.Instance(agreement.LocalRef("SUP"), "")
	for _, at := range []time.Time{d(1), d(21)} {
		s, since, _ := tr.StateSince(sup, at)
		when := agreement.FormatInstant(since)
		if since.IsZero() {
			when = "the start"
		}
		fmt.Println(agreement.FormatInstant(at)+":", s, "since", when)
	}
	for x := range tr.Transitions() {
		fmt.Println(tr.DescribeCause(x.Cause))
	}
	// Output:
	// 2026-02-01: dormant since the start
	// 2026-02-21: in-effect since 2026-02-20
	// start
	// event: #0 ceasefire-in-force
	// event: #1 armed-attack by RU
	// deadline
}

func TestStateSince(t *testing.T) {
	tr := renderSeedTrace(t)
	for x := range tr.Transitions() {
		for _, at := range []time.Time{x.At, x.At.Add(time.Hour), tr.End()} {
			want, err := tr.State(x.Instance, at)
			if err != nil {
				t.Fatal(err)
			}
			got, since, err := tr.StateSince(x.Instance, at)
			if err != nil || got != want {
				t.Fatalf("StateSince(%s, %s) = %s, %v; State: %s", x.Instance, at, got, err, want)
			}
			if since.IsZero() {
				continue
			}
			// It entered got at since, and has not changed since.
			if s, _ := tr.State(x.Instance, since); s != got || since.After(at) {
				t.Errorf("StateSince(%s, %s): since %s, but the state then is %s", x.Instance, at, since, s)
			}
			if s, _ := tr.State(x.Instance, since.Add(-1)); s == got && !since.Equal(tr.Start()) {
				t.Errorf("StateSince(%s, %s): already %s before %s", x.Instance, at, got, since)
			}
		}
	}
	var zero scenario.Trace
	if _, _, err := zero.StateSince(scenario.Instance{}, time.Time{}); err == nil {
		t.Error("zero Trace: no error")
	}
	var nilTrace *scenario.Trace
	if _, _, err := nilTrace.StateSince(scenario.Instance{}, time.Time{}); err == nil {
		t.Error("nil Trace: no error")
	}
	if _, _, err := tr.StateSince(scenario.Instance{}, tr.End()); err == nil {
		t.Error("zero Instance: no error")
	}
	if got := nilTrace.DescribeCause(scenario.Cause{Kind: scenario.CauseEvent}); got != "event" {
		t.Errorf("nil Trace: DescribeCause = %q, want \"event\"", got)
	}
}
