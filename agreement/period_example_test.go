package agreement_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// A period in months ends on the month's last day when the day it would
// end on does not exist; days are counted on the calendar of a zone.
func ExamplePeriod_AddTo() {
	oneMonth, _ := agreement.ParsePeriod("1mo")
	fmt.Println(oneMonth.AddTo(time.Date(2025, time.January, 31, 0, 0, 0, 0, time.UTC), nil).Format(time.DateOnly))
	oneYear := agreement.Period{Years: 1}
	fmt.Println(oneYear.AddTo(time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC), nil).Format(time.DateOnly))
	fmt.Println(agreement.Period{Days: 3}, agreement.Period{Exact: 72 * time.Hour})
	// Output:
	// 2025-02-28
	// 2025-02-28
	// 3d 72h
}
