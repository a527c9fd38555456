package ceasefire_test

import (
	"fmt"
	"os"
	"time"

	"github.com/peacekit/peacekit/agreement/ceasefire"
)

// ExampleReadCeasefires reads a small file of invented ceasefires and prints
// each one's status and duration, with the rules of the package applied: an
// unknown end day placed between the start and the month's end, a ceasefire
// still in force at the end of coverage censored there, one whose end is
// coded 0/0/0 left undated, and an end before the start clamped.
func ExampleReadCeasefires() {
	f, err := os.Open("testdata/small.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	for c, err := range ceasefire.ReadCeasefires(f) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%d: %d actor(s), from %s, %s", c.ID, len(c.Rows), c.Start.Format(time.DateOnly), c.Status)
		if o, ok := c.Observation(); ok {
			fmt.Printf(" after %v days", o.Time)
		}
		if c.Clamped {
			fmt.Print(" (clamped)")
		}
		fmt.Println()
	}
	// Output:
	// 901001: 2 actor(s), from 2001-03-06, ended after 35 days
	// 901002: 1 actor(s), from 2002-05-20, ended after 5 days
	// 901003: 1 actor(s), from 2019-07-01, censored after 549 days
	// 901004: 2 actor(s), from 2005-02-28, end-undated
	// 901005: 1 actor(s), from 2010-07-04, ended after 0 days (clamped)
}

// ExampleDate_Time shows how a date with unknown parts is imputed.
func ExampleDate_Time() {
	for _, d := range []ceasefire.Date{
		{Year: 1995, Month: 1, Day: 6},
		{Year: 1995, Month: 1, Day: ceasefire.Unknown},
		{Year: 1995, Month: ceasefire.Unknown, Day: ceasefire.Unknown},
		{Year: 1994, Month: 2, Day: 31},
		{},
	} {
		t, imputed, ok := d.Time()
		fmt.Println(d, t.Format(time.DateOnly), imputed, ok)
	}
	// Output:
	// 1995-01-06 1995-01-06 false true
	// 1995-01-? 1995-01-15 true true
	// 1995-?-? 1995-07-01 true true
	// 1994-02-31 1994-02-28 true true
	// 0/0/0 0001-01-01 false false
}
