package agreement_test

import (
	"fmt"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// "No later than the third day after the start of the ceasefire", for a
// ceasefire starting at 06:00 local time (UTC+3) on 1 March 2024: the limit
// is the end of 4 March, local midnight, which is exclusive (00:00 on 5
// March is too late). Seventy-two hours is a different limit.
func ExampleDeadline_Instant() {
	loc, err := agreement.Zone("+03:00").Location()
	if err != nil {
		panic(err)
	}
	ceasefire := time.Date(2024, time.March, 1, 6, 0, 0, 0, loc)
	third := agreement.Deadline{Period: agreement.Period{Days: 3}, Round: agreement.RoundEndOfDay}
	hours := agreement.Deadline{After: 72 * time.Hour}
	fmt.Println(third, "=>", third.Instant(ceasefire, loc).In(loc).Format(time.RFC3339))
	fmt.Println(hours, "=>", hours.Instant(ceasefire, loc).In(loc).Format(time.RFC3339))
	fmt.Println(third.Equal(hours))
	// Output:
	// after 3d end-of-day => 2024-03-05T00:00:00+03:00
	// after 72h => 2024-03-04T06:00:00+03:00
	// false
}
