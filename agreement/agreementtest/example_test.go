package agreementtest_test

import (
	"errors"
	"fmt"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// A downstream test draws agreements inside rapid.Check, as in
//
//	rapid.Check(t, func(t *rapid.T) {
//		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
//		agreementtest.AssertValid(t, a)
//	})
//
// Outside a test, Example draws one value from a fixed seed. Whatever the
// seed, the drawn agreement is valid and equals its deep copy under Options.
func Example() {
	a := agreementtest.Agreement(agreementtest.Config{}).Example(1)
	fmt.Println("valid:", a.Validate() == nil)
	fmt.Println("equals its copy:", cmp.Equal(a, a.Clone(), agreementtest.Options()))
	// Output:
	// valid: true
	// equals its copy: true
}

// Corrupt says which problem validation must report for the corruption it
// applied; Another adds an independent one, and both are reported.
func ExampleCorrupt() {
	c := agreementtest.Corrupt(agreementtest.Config{}).Example(2)
	d := c.Another().Example(3)
	err := d.Agreement.Validate()
	var ve *agreement.ValidationError
	fmt.Println("a *ValidationError:", errors.As(err, &ve))
	fmt.Println("first reported:", agreementtest.HasProblem(err, c.Sentinel, c.Path))
	fmt.Println("second reported:", agreementtest.HasProblem(err, d.Sentinel, d.Path))
	// Output:
	// a *ValidationError: true
	// first reported: true
	// second reported: true
}

// Options compares conditions built separately, decimals written
// differently and nil against empty slices by meaning.
func ExampleOptions() {
	ceasefire := agreement.Pattern{Kind: agreement.EventKindCeasefireInForce}
	a := agreement.Clause{ID: "G1", Trigger: agreement.All(agreement.Happened(ceasefire), agreement.Holds("cf"))}
	b := agreement.Clause{ID: "G1", Trigger: agreement.All(agreement.Happened(ceasefire), agreement.Holds("cf")),
		Debtors: []agreement.PartyID{}}
	fmt.Println(cmp.Equal(a, b, agreementtest.Options()))
	b.Trigger = agreement.Any(agreement.Happened(ceasefire), agreement.Holds("cf"))
	fmt.Println(cmp.Equal(a, b, agreementtest.Options()))
	// Output:
	// true
	// false
}

// A zero setting takes the default; one below the minimum, the minimum.
func ExampleSetting() {
	fmt.Println(agreementtest.Setting(0, 8, 1), agreementtest.Setting(-3, 8, 1), agreementtest.Setting(5, 8, 1))
	// Output: 8 1 5
}
