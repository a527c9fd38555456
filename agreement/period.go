package agreement

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Period is a duration as agreements state it on the calendar: years,
// months, weeks and days, then an exact duration. "Within one year",
// "one month after", "the third day after" are periods; "72 hours" is an
// exact duration, and differs from "3 days" wherever a day lasts 23 or 25
// hours. The zero Period adds nothing.
//
// [Period.AddTo] counts years and months first, then weeks and days, on the
// calendar of a time zone, keeping the time of day, then adds the exact
// duration. Where the day of the month does not exist in the month reached
// (one month after 31 January; one year after 29 February), the period ends
// on that month's last day, as legal usage counts periods in months and
// years (Regulation (EEC, Euratom) No 1182/71, article 3(2)(c)): one month
// after 31 January 2025 is 28 February 2025, one year after 29 February 2024
// is 28 February 2025. Everywhere else the result is [time.Time.AddDate]'s.
type Period struct {
	Years, Months, Weeks, Days int
	Exact                      time.Duration
}

// IsZero reports whether p adds nothing.
func (p Period) IsZero() bool { return p == Period{} }

// Calendar reports whether p counts on the calendar: it has years, months,
// weeks or days, whose length depends on where and when they are counted.
func (p Period) Calendar() bool { return p.Years != 0 || p.Months != 0 || p.Weeks != 0 || p.Days != 0 }

// AddTo returns the instant p after t, counted on the calendar of loc (UTC
// when loc is nil): t's date in loc moved by p's years and months (to the
// month's last day when the day does not exist in it), then by its weeks
// and days, at t's time of day in loc, then p's exact duration later.
// When that time of day does not exist on the day reached (a daylight
// saving gap), the result is [time.Date]'s for it. It never panics; a
// period that [Period.Validate] accepts, added to an instant in
// [InstantRange], gives an instant a replay represents when it lands in
// that range.
func (p Period) AddTo(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	lt := t.In(loc)
	y, m, d := lt.Date()
	hh, mm, ss := lt.Clock()
	months := int(m) - 1 + p.Months + 12*p.Years
	y += months / 12
	months %= 12
	if months < 0 {
		months += 12
		y--
	}
	nm := time.Month(months + 1)
	if last := daysIn(y, nm); d > last {
		d = last
	}
	d += 7*p.Weeks + p.Days
	return time.Date(y, nm, d, hh, mm, ss, lt.Nanosecond(), loc).Add(p.Exact)
}

// daysIn returns the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// maxPeriodPart bounds each calendar part of a period: more than a
// replay's range of instants (about 585 years) cannot be meant.
const maxPeriodPart = 600 * 366

// Validate reports a negative part (ErrNegative) and a calendar part too
// large for any replay (ErrInvalidValue: more than 219,600 of its unit) as
// a *ValidationError.
func (p Period) Validate() error { return validateAlone(p.check) }

func (p Period) check(ps *ValidationError, path string) {
	for _, part := range []struct {
		name string
		n    int64
		max  int64
	}{
		{"years", int64(p.Years), maxPeriodPart},
		{"months", int64(p.Months), maxPeriodPart},
		{"weeks", int64(p.Weeks), maxPeriodPart},
		{"days", int64(p.Days), maxPeriodPart},
		{"exact", int64(p.Exact), math.MaxInt64},
	} {
		switch {
		case part.n < 0:
			ps.Add(field(path, part.name), ErrNegative, "negative "+part.name+" in period "+p.String())
		case part.n > part.max:
			ps.Add(field(path, part.name), ErrInvalidValue, part.name+" in period "+p.String()+
				" beyond any replay's range of instants")
		}
	}
}

// String returns the period in the form [ParsePeriod] reads: its parts
// with their units, largest first, such as "1y", "1mo", "2w3d", "3d12h",
// the exact part as [FormatDuration] writes it; "0s" for the zero Period. Months are "mo", so that "m"
// stays the minutes of the exact part.
func (p Period) String() string {
	var b strings.Builder
	for _, part := range []struct {
		n    int
		unit string
	}{{p.Years, "y"}, {p.Months, "mo"}, {p.Weeks, "w"}, {p.Days, "d"}} {
		if part.n != 0 {
			b.WriteString(strconv.Itoa(part.n) + part.unit)
		}
	}
	if p.Exact != 0 || b.Len() == 0 {
		b.WriteString(FormatDuration(p.Exact))
	}
	return b.String()
}

// ParsePeriod parses a period written as [Period.String] writes it: whole
// numbers of years ("y"), months ("mo"), weeks ("w") and days ("d"), in
// that order and each at most once, then optionally an exact duration in
// the syntax of [time.ParseDuration] ("12h", "90m"): "1y", "3d", "1mo15d",
// "2w12h". It rejects anything else, and every period [Period.Validate]
// rejects, with an error naming the text.
func ParsePeriod(s string) (Period, error) {
	bad := func(why string) (Period, error) {
		return Period{}, &Problem{Err: ErrInvalidValue, Msg: "invalid period " + quote(s) + ": " + why}
	}
	if s == "" {
		return bad("empty")
	}
	var p Period
	rest := s
	units := []struct {
		unit string
		n    *int
	}{{"y", &p.Years}, {"mo", &p.Months}, {"w", &p.Weeks}, {"d", &p.Days}}
	next := 0
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) {
			break
		}
		k := -1
		for j := next; j < len(units); j++ {
			if strings.HasPrefix(rest[i:], units[j].unit) {
				k = j
				break
			}
		}
		if k < 0 {
			break // the exact part, or an error ParseDuration reports
		}
		if i > 7 {
			return bad("number too large")
		}
		n, _ := strconv.Atoi(rest[:i])
		*units[k].n = n
		rest = rest[i+len(units[k].unit):]
		next = k + 1
	}
	if rest != "" {
		d, err := time.ParseDuration(rest)
		if err != nil {
			return bad("expected years (y), months (mo), weeks (w) and days (d) in that order, then a duration such as 12h")
		}
		p.Exact = d
	}
	if err := p.Validate(); err != nil {
		return bad(err.Error())
	}
	return p, nil
}
