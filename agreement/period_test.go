package agreement_test

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// The month-end rule of Regulation (EEC, Euratom) No 1182/71, article
// 3(2)(c): a period in months or years whose last day does not exist in the
// month reached ends on that month's last day.
func TestPeriodMonthEnd(t *testing.T) {
	utc := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		name     string
		p        agreement.Period
		from, to time.Time
	}{
		{"one year after 29 February 2024", agreement.Period{Years: 1}, utc(2024, 2, 29), utc(2025, 2, 28)},
		{"one month after 31 January 2025", agreement.Period{Months: 1}, utc(2025, 1, 31), utc(2025, 2, 28)},
		{"one month after 31 January 2024", agreement.Period{Months: 1}, utc(2024, 1, 31), utc(2024, 2, 29)},
		{"three months after 31 March", agreement.Period{Months: 3}, utc(2025, 3, 31), utc(2025, 6, 30)},
		{"fourteen months after 31 December", agreement.Period{Months: 14}, utc(2024, 12, 31), utc(2026, 2, 28)},
		{"one month and a day after 31 January", agreement.Period{Months: 1, Days: 1}, utc(2025, 1, 31), utc(2025, 3, 1)},
		{"four years after 29 February 2024", agreement.Period{Years: 4}, utc(2024, 2, 29), utc(2028, 2, 29)},
		{"two weeks and 12 hours", agreement.Period{Weeks: 2, Exact: 12 * time.Hour}, utc(2025, 1, 1), utc(2025, 1, 15).Add(12 * time.Hour)},
	} {
		if got := tt.p.AddTo(tt.from, nil); !got.Equal(tt.to) {
			t.Errorf("%s: %s after %s = %s, want %s", tt.name, tt.p, tt.from, got, tt.to)
		}
	}
}

// Local days last 23 or 25 hours across a daylight saving change: three
// local days after 06:00 on 29 March 2024 in Kyiv (the clocks go forward
// on 31 March) is 06:00 on 1 April, 71 hours later; 72 hours is 07:00.
func TestPeriodLocalDays(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Skipf("no zone data: %v", err)
	}
	from := time.Date(2024, 3, 29, 6, 0, 0, 0, kyiv)
	got := agreement.Period{Days: 3}.AddTo(from, kyiv)
	if want := time.Date(2024, 4, 1, 6, 0, 0, 0, kyiv); !got.Equal(want) || got.Sub(from) != 71*time.Hour {
		t.Errorf("3 local days after %s = %s (%s later), want %s, 71h later", from, got, got.Sub(from), want)
	}
	if got := (agreement.Period{Exact: 72 * time.Hour}).AddTo(from, kyiv); !got.Equal(from.Add(72 * time.Hour)) {
		t.Errorf("72h after %s = %s", from, got)
	}
	// In UTC the same three days are 72 hours.
	if got := (agreement.Period{Days: 3}).AddTo(from, nil); got.Sub(from) != 72*time.Hour {
		t.Errorf("3 days in UTC = %s", got.Sub(from))
	}
}

func TestPeriodStringAndParse(t *testing.T) {
	for _, tt := range []struct {
		text string
		p    agreement.Period
	}{
		{"1y", agreement.Period{Years: 1}},
		{"1mo", agreement.Period{Months: 1}},
		{"14mo", agreement.Period{Months: 14}},
		{"2w3d", agreement.Period{Weeks: 2, Days: 3}},
		{"3d", agreement.Period{Days: 3}},
		{"72h", agreement.Period{Exact: 72 * time.Hour}},
		{"3d12h", agreement.Period{Days: 3, Exact: 12 * time.Hour}},
		{"1h30m", agreement.Period{Exact: 90 * time.Minute}},
		{"1y2mo3w4d5h6m7s", agreement.Period{Years: 1, Months: 2, Weeks: 3, Days: 4, Exact: 5*time.Hour + 6*time.Minute + 7*time.Second}},
		{"0s", agreement.Period{}},
	} {
		if got := tt.p.String(); got != tt.text {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.text)
		}
		got, err := agreement.ParsePeriod(tt.text)
		if err != nil || got != tt.p {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", tt.text, got, err, tt.p)
		}
	}
	for _, s := range []string{"90m", "1ms", "12h"} {
		p, err := agreement.ParsePeriod(s)
		if err != nil || p.Calendar() {
			t.Errorf("ParsePeriod(%q) = %+v, %v: want an exact duration", s, p, err)
		}
	}
	for _, s := range []string{"", "d", "1", "1d1y", "1d1d", "-1d", "1x", "3d-5h", "99999999d", "1y 2mo", "219601d"} {
		if p, err := agreement.ParsePeriod(s); err == nil || !errors.Is(err, agreement.ErrInvalidValue) {
			t.Errorf("ParsePeriod(%q) = %+v, %v: want ErrInvalidValue", s, p, err)
		}
	}
}

func TestPeriodValidate(t *testing.T) {
	if err := (agreement.Period{Days: -1}).Validate(); !errors.Is(err, agreement.ErrNegative) {
		t.Errorf("negative days: %v", err)
	}
	if err := (agreement.Period{Years: 1 << 30}).Validate(); !errors.Is(err, agreement.ErrInvalidValue) {
		t.Errorf("2^30 years: %v", err)
	}
	if err := (agreement.Period{Years: 1, Exact: time.Hour}).Validate(); err != nil {
		t.Errorf("a valid period: %v", err)
	}
}

// periodRef is the reference the property checks AddTo against, written
// from the rule: time.AddDate where the day exists, else the last day of
// the month reached.
func periodRef(t time.Time, years, months int) time.Time {
	y, m, d := t.Date()
	got := t.AddDate(years, months, 0)
	if got.Day() == d {
		return got
	}
	first := time.Date(y, m, 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location()).AddDate(years, months, 0)
	return first.AddDate(0, 1, -1) // the last day of the month reached
}

// For every date of 1900 to 2100 (month ends and leap years included) and
// drawn years and months, AddTo agrees with time.AddDate where the target
// day exists and with the month-end rule elsewhere.
func TestPropertyPeriodAgreesWithAddDate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		years := rapid.IntRange(0, 30).Draw(t, "years")
		months := rapid.IntRange(0, 40).Draw(t, "months")
		p := agreement.Period{Years: years, Months: months}
		day := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
		end := time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC)
		for ; day.Before(end); day = day.AddDate(0, 0, 1) {
			if got, want := p.AddTo(day, nil), periodRef(day, years, months); !got.Equal(want) {
				t.Fatalf("%s after %s = %s, want %s", p, day.Format(time.DateOnly), got.Format(time.DateOnly),
					want.Format(time.DateOnly))
			}
		}
	})
}

// Where a change of offset skips midnight (Cuba moved its clocks forward at
// 00:00 on 13 March 2016), the day starts at the change: 01:00 local time.
func TestStartOfDayWhereMidnightIsSkipped(t *testing.T) {
	havana, err := time.LoadLocation("America/Havana")
	if err != nil {
		t.Skip(err)
	}
	got := agreement.StartOfDay(2016, time.March, 13, havana)
	if h, m, _ := got.Clock(); got.Day() != 13 || h != 1 || m != 0 {
		t.Errorf("StartOfDay(2016-03-13, Havana) = %s, want 01:00 on 13 March", got)
	}
	if prev := got.Add(-time.Nanosecond); prev.Day() != 12 {
		t.Errorf("the instant before %s is on day %d, want 12", got, prev.Day())
	}
	if got := agreement.RoundEndOfDay.Apply(time.Date(2016, time.March, 12, 15, 0, 0, 0, havana), havana); got.Day() != 13 {
		t.Errorf("end of 12 March = %s, want the start of 13 March", got)
	}
	utc := agreement.StartOfDay(2024, time.February, 30, time.UTC)
	if !utc.Equal(time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("StartOfDay normalises like time.Date: got %s", utc)
	}
}
