package scenario_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
)

// A run read as it goes, with no trace: the state of a withdrawal
// obligation and the next instant the run will act on its own (its
// deadline), before and after the withdrawal.
func ExampleRun_NextWake() {
	a := agreement.Agreement{ID: "pkg", SigningStatus: agreement.SigningStatusSigned,
		Parties: []agreement.Party{{ID: "RU"}},
		Clauses: []agreement.Clause{{ID: "withdraw", Kind: agreement.DeonticObligation,
			Debtors: []agreement.PartyID{"RU"}, Action: &agreement.Pattern{Kind: "withdrawal", Actor: "RU"},
			Deadline: agreement.Deadline{Period: agreement.Period{Days: 30}}}}}
	e, err := scenario.Compile(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	r, err := e.Start(start)
	if err != nil {
		fmt.Println(err)
		return
	}
	withdraw := scenario.Instance{Ref: agreement.QualifiedRef("pkg", "withdraw")}
	show := func() {
		s, since, _ := r.State(withdraw)
		fmt.Printf("%s since %s", s, since.Format(time.DateOnly))
		if w, ok := r.NextWake(); ok {
			fmt.Printf("; next wake-up %s", w.Format(time.DateOnly))
		}
		fmt.Println()
	}
	_ = r.AdvanceTo(start)
	show()
	_ = r.Apply(agreement.Event{At: start.AddDate(0, 0, 12), Kind: "withdrawal", Actor: "RU"})
	_ = r.AdvanceTo(start.AddDate(0, 0, 12))
	show()
	// Output:
	// in-effect since 2026-03-01; next wake-up 2026-03-31
	// fulfilled since 2026-03-13
}
