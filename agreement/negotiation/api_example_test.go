package negotiation_test

import (
	"fmt"

	"github.com/peacekit/peacekit/agreement/negotiation"
)

// Packages named by their alternatives, the acceptable set listed, the
// gains of the Nash point, and the certificates and red lines written out.
func ExampleSpace_Package() {
	s := exampleSpace()
	e, err := negotiation.Compile(s, examplePositions())
	if err != nil {
		panic(err)
	}
	a, err := e.Analyze(negotiation.Options{})
	if err != nil {
		panic(err)
	}
	for p := range e.Acceptable(negotiation.Options{}) {
		fmt.Println("acceptable", s.Alternatives(p))
	}
	fmt.Println("nash gains", a.Gains(a.Nash[0]))
	p, err := s.Package("cede", "deployed")
	if err != nil {
		panic(err)
	}
	c, err := a.Certify(p)
	if err != nil {
		panic(err)
	}
	fmt.Println("cede, deployed:", c)
	p, _ = s.Package("freeze", "none")
	c, _ = a.Certify(p)
	fmt.Println("freeze, none:", c)
	_, err = s.Package("freeze", "nobody")
	fmt.Println(err)
	for _, pos := range examplePositions() {
		for _, rl := range pos.RedLines {
			fmt.Println(pos.Party, rl)
		}
	}
	ps := examplePositions()
	ps[1].Reservation = d("5")
	e, _ = negotiation.Compile(s, ps)
	changes, _ := e.WhatIf(negotiation.Options{})
	for _, ch := range changes {
		fmt.Println(ch)
		for p := range e.Admitted(ch, negotiation.Options{}) {
			fmt.Println("  admits", s.Alternatives(p))
		}
	}
	// Output:
	// acceptable [freeze none]
	// acceptable [withdraw none]
	// nash gains [1 3]
	// cede, deployed: crosses UA/keep-donetsk, RU/no-nato-forces
	// freeze, none: on the frontier
	// agreement: invalid value: issues[1] ("force") has no alternative "nobody"
	// UA keep-donetsk: UA sovereignty over donetsk >= 100 percent
	// RU no-nato-forces: no clause commits to forces-deployed group=NATO target=UA
	// RU lowers its reservation to 4: admits 1 package
	//   admits [freeze none]
}
