package agreement_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// A treaty of five years, renewed for five more unless a party gives notice
// six months before the end: the last day for notice is counted back on
// the calendar, so that the end of August asks for notice by the end of
// February, whose last day depends on the year.
func ExampleTerm_NoticeBy() {
	term := agreement.Term{
		Period:  agreement.Period{Years: 5},
		Renewal: agreement.Period{Years: 5},
		Notice:  agreement.Period{Months: 6},
	}
	fmt.Println(term)
	kyiv, _ := agreement.Zone("Europe/Kyiv").Location()
	inForce := time.Date(2023, time.August, 31, 0, 0, 0, 0, kyiv)
	end := term.Period.AddTo(inForce, kyiv)
	fmt.Println("first term ends", end.Format(time.DateOnly))
	fmt.Println("notice by", term.NoticeBy(end, kyiv).Format(time.DateOnly))
	next := term.Renewal.AddTo(end, kyiv)
	fmt.Println("renewed, ends", next.Format(time.DateOnly), "notice by", term.NoticeBy(next, kyiv).Format(time.DateOnly))
	// Output:
	// 5y, renewed for 5y unless notice 6mo before the end
	// first term ends 2028-08-31
	// notice by 2028-02-29
	// renewed, ends 2033-08-31 notice by 2033-02-28
}

// The renewals of a mission's mandate, limited to two, and a term that
// renews only for a period the parties agree.
func ExampleTerm_String() {
	fmt.Println(agreement.Term{Period: agreement.Period{Days: 120}, Renewal: agreement.Period{Days: 120}, Renewals: 2})
	fmt.Println(agreement.Term{Period: agreement.Period{Years: 1}})
	fmt.Printf("%q\n", agreement.Term{}.String())
	// Output:
	// 120d, renewed for 120d at most 2 times
	// 1y, not renewed unless agreed
	// ""
}
