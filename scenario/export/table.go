package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/peacekit/peacekit/agreement"
)

// Table is one of the tables this package writes (see the package doc for
// their columns). The zero value is Transitions. Table is comparable and
// safe for concurrent use.
type Table uint8

// The tables, in the order Tables lists them.
const (
	Transitions Table = iota // one row per transition
	States                   // the states of every instance over time
	Bound                    // who is bound when
	Breaches                 // the breaches of standing clauses
	Territory                // control and sovereignty shares per area over time
)

// tableNames are the tables' names, indexed by Table.
var tableNames = [...]string{"transitions", "states", "bound", "breaches", "territory"}

// Tables returns every table, in order: Transitions, States, Bound,
// Breaches, Territory. The slice is the caller's own.
func Tables() []Table {
	ts := make([]Table, len(tableNames))
	for i := range ts {
		ts[i] = Table(i)
	}
	return ts
}

// String returns the table's name: "transitions", "states", "bound",
// "breaches" or "territory"; "Table(N)" for an undeclared value.
func (t Table) String() string {
	if int(t) < len(tableNames) {
		return tableNames[t]
	}
	return "Table(" + strconv.Itoa(int(t)) + ")"
}

// valid reports whether t is a declared table.
func (t Table) valid() bool { return int(t) < len(tableNames) }

// ParseTable returns the table named s, as Table.String writes it. For any
// other s it returns an error naming the table most likely meant
// (agreement.Suggest) and every name allowed:
//
//	export: unknown table "transition" (did you mean "transitions"?); allowed: "transitions", "states", "bound", "breaches", "territory"
//
// It is safe for concurrent use.
func ParseTable(s string) (Table, error) {
	for i, n := range tableNames {
		if s == n {
			return Table(i), nil
		}
	}
	msg := fmt.Sprintf("unknown table %q", s)
	if m, ok := agreement.Suggest(s, tableNames[:]); ok {
		msg += fmt.Sprintf(" (did you mean %q?)", m)
	}
	quoted := make([]string, len(tableNames))
	for i, n := range tableNames {
		quoted[i] = strconv.Quote(n)
	}
	return 0, fmt.Errorf("export: %s; allowed: %s", msg, strings.Join(quoted, ", "))
}
