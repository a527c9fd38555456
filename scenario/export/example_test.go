package export_test

import (
	"fmt"
	"os"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
)

// monitoring is an agreement with one obligation: the United States
// establishes a monitoring mission within 30 days.
const monitoring = `{
  "schema": 1,
  "id": "monitoring",
  "signingStatus": "signed",
  "parties": [
    {"id": "US", "name": "United States", "kind": "state"},
    {"id": "UA", "name": "Ukraine", "kind": "state"}
  ],
  "clauses": [
    {"id": "MON", "text": "The United States establishes a monitoring mission within 30 days.",
     "kind": "obligation", "debtors": ["US"], "creditors": ["UA"],
     "action": {"kind": "monitoring-established"}, "deadline": {"period": "30d"}}
  ]
}`

func monitoringTrace() (*scenario.Trace, error) {
	a, err := agreement.DecodeAgreement([]byte(monitoring))
	if err != nil {
		return nil, err
	}
	e, err := scenario.Compile(a)
	if err != nil {
		return nil, err
	}
	start := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	tl := scenario.NewTimeline(start,
		agreement.Event{At: start.Add(9 * 24 * time.Hour), Kind: "monitoring-established", Actor: "US"})
	return e.Replay(tl, start.Add(10*24*time.Hour))
}

// The states of every instance over the replay, as CSV.
func ExampleWriteCSV() {
	tr, err := monitoringTrace()
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := export.WriteCSV(os.Stdout, tr, export.States); err != nil {
		fmt.Println(err)
	}
	// Output:
	// agreement,clause,debtor,instance,text,state,from,until
	// monitoring,,,monitoring/,,signed,2026-02-01T00:00:00Z,2026-02-01T00:00:00Z
	// monitoring,,,monitoring/,,in-force,2026-02-01T00:00:00Z,
	// monitoring,MON,,monitoring/MON,The United States establishes a monitoring mission within 30 days.,dormant,2026-02-01T00:00:00Z,2026-02-01T00:00:00Z
	// monitoring,MON,,monitoring/MON,The United States establishes a monitoring mission within 30 days.,in-effect,2026-02-01T00:00:00Z,2026-02-10T00:00:00Z
	// monitoring,MON,,monitoring/MON,The United States establishes a monitoring mission within 30 days.,fulfilled,2026-02-10T00:00:00Z,
}

// Who is bound when, as JSON: an array of objects, null for an open
// interval.
func ExampleWriteJSON() {
	tr, err := monitoringTrace()
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := export.WriteJSON(os.Stdout, tr, export.Bound); err != nil {
		fmt.Println(err)
	}
	// Output:
	// [
	//   {"agreement": "monitoring", "clause": "MON", "debtor": "US", "instance": "monitoring/MON", "text": "The United States establishes a monitoring mission within 30 days.", "creditors": "UA", "from": "2026-02-01T00:00:00Z", "until": "2026-02-10T00:00:00Z"}
	// ]
}

// A table named on a command line, misspelt.
func ExampleParseTable() {
	_, err := export.ParseTable("transition")
	fmt.Println(err)
	// Output:
	// export: unknown table "transition" (did you mean "transitions"?); allowed: "transitions", "states", "bound", "breaches", "territory"
}

// The Gantt chart: one row per instance, a bar per state, the events as
// milestones.
func ExampleGantt() {
	tr, err := monitoringTrace()
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := export.Gantt(os.Stdout, tr); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ---
	// displayMode: compact
	// ---
	// gantt
	//   title Replay of monitoring, 2026-02-01 to 2026-02-11, times in UTC
	//   dateFormat YYYY-MM-DD HH:mm
	//   axisFormat %Y-%m-%d %H:%M
	//   todayMarker off
	//   section monitoring
	//   in-force the agreement :active, 2026-02-01 00:00, 2026-02-11 00:01
	//   in-effect MON :active, 2026-02-01 00:00, 2026-02-10 00:00
	//   fulfilled MON :done, 2026-02-10 00:00, 2026-02-11 00:01
	//   section timeline events
	//   event 0 monitoring-established by US :milestone, 2026-02-10 00:00, 0m
}
