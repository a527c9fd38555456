package casebook_test

import (
	"fmt"

	"github.com/peacekit/peacekit/coalition/casebook"
)

// The Paris 2026 case in the version of the final communiqué: who offers
// what, how the commitments are split between the instruments signed in
// Paris, and how much of Ukraine Russia controls before any deal.
func ExampleParis2026() {
	c := casebook.Paris2026(casebook.VersionFinal)
	fmt.Printf("%s, %s\n", c.Text, c.Date.Format("2 January 2006"))
	for _, ct := range c.Coalition.Contributions {
		fmt.Printf("  %s by %s: %s\n", ct.ID, ct.Contributor, ct.Function)
	}
	p, err := c.Coalition.Process(c.Instruments...)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range p.Agreements {
		fmt.Printf("%s: %d clauses\n", a.ID, len(a.Clauses))
	}
	ru, err := c.Territory.Territory.Controlled("RU")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ru)
	// Output:
	// final communiqué, 6 January 2026
	//   us-monitoring by US: ceasefire-monitoring
	//   fr-troops by FR: multinational-force
	//   gb-troops by GB: multinational-force
	//   gb-hubs by GB: weapons-hubs
	//   fr-hubs by FR: weapons-hubs
	//   de-monitoring by DE: ceasefire-monitoring
	// joint-declaration: 4 clauses
	// trilateral-declaration: 2 clauses
	// RU: 116165.153222 of 603628 km² (19.24%)
}

// The draft statement has one commitment more than the final communiqué:
// the backstop "in the event of a new Russian attack".
func ExampleVersion() {
	for _, v := range []casebook.Version{casebook.VersionDraft, casebook.VersionFinal} {
		c := casebook.Paris2026(v)
		fmt.Printf("%s (%s): %d contributions, backstop %v\n", v, c.Text, len(c.Coalition.Contributions), len(c.Coalition.Backstop()) > 0)
	}
	// Output:
	// draft (draft statement): 7 contributions, backstop true
	// final (final communiqué): 6 contributions, backstop false
}
