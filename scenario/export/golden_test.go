package export_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata with the output")

// sampleDir holds the sample agreement and timeline of examples/peacekit.
const sampleDir = "../../examples/peacekit/testdata"

// sampleTrace replays examples/peacekit's sample, the ceasefire with a new
// attack, up to a day after its last event, as peacekit replay does by default.
func sampleTrace(t testing.TB) *scenario.Trace {
	t.Helper()
	return replayFiles(t, filepath.Join(sampleDir, "ceasefire.json"), filepath.Join(sampleDir, "new-attack.json"))
}

func replayFiles(t testing.TB, agreementFile, timelineFile string) *scenario.Trace {
	t.Helper()
	data, err := os.ReadFile(agreementFile)
	if err != nil {
		t.Fatal(err)
	}
	a, err := agreement.DecodeAgreement(data)
	if err != nil {
		t.Fatal(err)
	}
	if data, err = os.ReadFile(timelineFile); err != nil {
		t.Fatal(err)
	}
	tl, err := scenario.DecodeTimeline(data)
	if err != nil {
		t.Fatal(err)
	}
	return replay(t, a, tl)
}

// replay replays tl over a up to a day after its last event.
func replay(t testing.TB, a agreement.Agreement, tl scenario.Timeline) *scenario.Trace {
	t.Helper()
	e, err := scenario.Compile(a)
	if err != nil {
		t.Fatal(err)
	}
	end := tl.Start()
	if n := tl.Len(); n > 0 {
		end = tl.Event(n - 1).At
	}
	tr, err := e.Replay(tl, end.Add(agreement.Day))
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// golden compares got with the golden file name under testdata, or
// rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test -update to accept it):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	tr := sampleTrace(t)
	for _, table := range export.Tables() {
		t.Run(table.String()+".csv", func(t *testing.T) {
			var b bytes.Buffer
			if err := export.WriteCSV(&b, tr, table); err != nil {
				t.Fatal(err)
			}
			golden(t, "golden/new-attack."+table.String()+".csv", b.Bytes())
		})
		t.Run(table.String()+".json", func(t *testing.T) {
			var b bytes.Buffer
			if err := export.WriteJSON(&b, tr, table); err != nil {
				t.Fatal(err)
			}
			golden(t, "golden/new-attack."+table.String()+".json", b.Bytes())
		})
	}
	t.Run("gantt", func(t *testing.T) {
		var b bytes.Buffer
		if err := export.Gantt(&b, tr); err != nil {
			t.Fatal(err)
		}
		golden(t, "golden/new-attack.gantt.mmd", b.Bytes())
	})
}

// TestGoldenKeywords charts clauses whose ids are keywords of the Gantt
// syntax, or a date; CI parses the chart with Mermaid.
func TestGoldenKeywords(t *testing.T) {
	ids := []agreement.ClauseID{"title", "excludes", "section", "click", "dateFormat", "todayMarker", "2026-01-01"}
	a := agreement.Agreement{
		ID: "gantt", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "UA", Name: "Ukraine", Kind: agreement.PartyKindState}},
	}
	for _, id := range ids {
		a.Clauses = append(a.Clauses, agreement.Clause{
			ID: id, Text: "The party acts.", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"UA"}, Action: &agreement.Pattern{Kind: agreement.EventKind("act-" + strings.ToLower(string(id)))},
		})
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var events []agreement.Event
	for k, id := range ids {
		events = append(events, agreement.Event{At: start.Add(time.Duration(k+1) * time.Hour), Kind: agreement.EventKind("act-" + strings.ToLower(string(id))), Actor: "UA"})
	}
	tr := replay(t, a, scenario.NewTimeline(start, events...))
	var b bytes.Buffer
	if err := export.Gantt(&b, tr); err != nil {
		t.Fatal(err)
	}
	golden(t, "golden/keywords.gantt.mmd", b.Bytes())
}
