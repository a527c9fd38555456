package agreement_test

import (
	"fmt"

	"github.com/peacekit/peacekit/agreement"
)

// The clauses an option implies have ids made of the option's id, a verb and
// the area's id, so that they stay stable when other options change.
func ExampleImpliedClauseID() {
	fmt.Println(agreement.ImpliedClauseID("dmz", agreement.ImpliedVerbWithdraw, "donetsk"))
	fmt.Println(agreement.ImpliedClauseID("dmz", agreement.ImpliedVerbNoForces, "donetsk"))
	// Output:
	// dmz.withdraw.donetsk
	// dmz.no-forces.donetsk
}
