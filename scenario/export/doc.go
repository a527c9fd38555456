// Package export writes the results of a replay (a *scenario.Trace) as
// data that a spreadsheet or a notebook loads: five tables, each as CSV
// (WriteCSV) or JSON (WriteJSON), and a Mermaid Gantt chart of the states
// over time (Gantt).
//
// # Tables
//
// Each table has fixed columns, in the order listed; the CSV header row and
// the names of the JSON members are these names. Instants are RFC 3339
// with as many digits of a fraction of a second as they need, none for a
// whole second ("2026-03-15T00:00:00Z", "2026-03-15T00:00:00.4Z"), as
// time.RFC3339Nano writes them, in the zone the trace shows instants in
// (scenario.Trace.Location: the agreement's, UTC when it declares none).
// An interval [from, until) includes its from and excludes its until;
// an empty until is an open interval, still running at the end of the
// replay (scenario.Trace.End). An instance is written as
// scenario.Instance.String writes it ("ceasefire/M2[UA]", "ceasefire/" for
// an agreement); its agreement, clause and debtor also have a column each,
// the clause empty for an agreement and the debtor empty for a clause not
// expanded per debtor.
//
// Transitions ([Transitions]): one row per transition, in the order of
// scenario.Trace.Transitions.
//
//   - at: the instant of the transition
//   - agreement, clause, debtor, instance: the instance that changed state
//   - from, to: the states, as agreement.State.String writes them ("in-effect")
//   - cause: the kind of cause (scenario.CauseKind.String: "event", "deadline")
//   - event: the index of the event that set it off (scenario.Cause.Event),
//     empty when none did
//   - event_kind: that event's kind, empty when none
//   - by: the instance whose change set it off (scenario.Cause.By), empty
//     when none
//   - description: the cause in words (scenario.Trace.DescribeCause)
//
// States ([States]): the states of every agreement and clause instance over
// time, agreement by agreement (in the order of scenario.Engine.Agreements):
// the agreement, then its clause instances in the order of
// scenario.Engine.Instances, then those an amendment added. One row per
// state entered, the first its state before the first evaluation, from the
// start of the replay (for an instance an amendment added, the state its
// first transition left). The rows of one instance tile
// the replay: each until is the next row's from, the last until is empty.
// A state entered and left at one instant has from equal to until.
//
//   - agreement, clause, debtor, instance
//   - text: the clause's text as it stood at from (scenario.Trace.Clause:
//     an amendment may change it), empty for an agreement
//   - state: the state held
//   - from, until: when it held it
//
// Bound ([Bound]): who is bound when: one row per interval a clause
// instance is in effect (scenario.Standing.Bound), in the order of States,
// split where an amendment (scenario.Trace.Versions) changes its debtor,
// text or creditors during the interval. Each row reads the clause as it
// stood at its from (scenario.Trace.Clause).
//
//   - agreement, clause, debtor, instance: the debtor is the party bound
//     (the instance's debtor, else the clause's only debtor, as
//     scenario.Standing.Debtor: empty for a joint clause of several debtors)
//   - text: the clause's text as it stood at from, as for States
//   - creditors: the clause's creditors as they stood at from, separated by
//     spaces
//   - from, until
//
// Breaches ([Breaches]): the breaches of standing clauses, in the order of
// scenario.Trace.Breaches.
//
//   - agreement, clause, debtor, instance: the instance breached
//   - at: when the breach was recorded
//   - act: the instant of the act that breached it
//   - cause, event, event_kind, description: what caused it, as for
//     Transitions
//
// Territory ([Territory]): the shares of control and of sovereignty of
// every party in every area of every agreement with a territory, over time
// (scenario.Trace.Territory): one row per interval a party held one share
// of one area, ordered by agreement (engine order), area (territory order),
// kind (control, then sovereignty), from, then party (in order of first
// appearance). A party whose share drops to nothing has no row for the time
// it holds none.
//
//   - agreement, area
//   - kind: "control" or "sovereignty"
//   - party
//   - share: the percentage held, an exact decimal ("78.1", "0.4")
//   - from, until
//
// # CSV
//
// WriteCSV writes RFC 4180 CSV with encoding/csv: a header row, then one
// record per row. Clause texts, clause ids, party ids and event text come
// from the agreement and the timeline, and a spreadsheet executes a cell that begins
// with '=', '+', '-' or '@' as a formula; so, as OWASP advises against CSV
// injection, every cell that begins with one of those, with a tab or
// a carriage return, or with a single quote, is written with a single quote
// (') before it. To read a cell back exactly, drop one leading single quote
// when there is one.
//
// # JSON
//
// WriteJSON writes one JSON array with an object per row, whose members
// are the table's columns, in order, each a string; an empty cell is null.
// No cell is escaped.
//
// # Gantt
//
// Gantt writes a Mermaid Gantt chart of the states over time: one section
// per agreement, and in it one row for the agreement and one for each of its
// clause instances, in the order of States; each bar is one interval of the
// States table, named by the state then the instance ("violated CF (RU)",
// "in-force the agreement"): a state's name is never a keyword of the Gantt
// syntax, which a clause id such as "title" or "excludes" would be. The
// chart uses
// Mermaid's compact display mode, which puts bars that do not overlap on one
// row: since each instance's bars tile the replay, each instance has one
// row. Bars are tagged by state:
//
//   - dormant, pending, draft, signed (not binding yet): no tag
//   - in-effect, in-force: active
//   - suspended: active and crit
//   - fulfilled, discharged: done
//   - violated, lapsed: crit
//   - terminated: done and crit
//
// A last section, "timeline events", has every event of the timeline as a
// milestone, named "event", its index and the event in words. Instants are written
// to the minute (dateFormat "YYYY-MM-DD HH:mm", axis "%Y-%m-%d %H:%M") in the
// trace's zone, seconds dropped; the bars of the states held at the end
// run to the minute after the end of the replay, so that a state entered at
// the last instant shows, and a state held for less than a minute of the
// chart has no bar (the States table lists it). Names have the characters
// the Gantt syntax interprets replaced (markup.GanttText).
//
// Every function is safe for concurrent use (with distinct writers), returns
// an error for a nil or zero trace, and never panics.
package export
