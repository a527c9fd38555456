package agreement

import (
	"strconv"
	"strings"
	"time"
)

// FormatInstant writes an instant in UTC for people: a date alone when it
// is midnight UTC ("2026-01-06"), RFC 3339 with as many fractional digits as
// it needs otherwise ("2026-01-06T14:30:00Z"); "" for the zero time, which
// stands for none.
func FormatInstant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

// String writes the share as "UA 78.1%".
func (s Share) String() string { return string(s.Party) + " " + s.Percent.String() + "%" }

// String writes the source as its document, speaker and date joined by
// commas ("final communiqué, Élysée, 2026-01-06"), leaving out what is not
// given; "" for the zero Source.
func (s Source) String() string {
	var parts []string
	if s.Document != "" {
		parts = append(parts, s.Document)
	}
	if s.Speaker != "" {
		parts = append(parts, s.Speaker)
	}
	if !s.Date.IsZero() {
		parts = append(parts, FormatInstant(s.Date))
	}
	return strings.Join(parts, ", ")
}

// String writes the arrangement as "freeze (option f1, party RU)", leaving
// out the party when there is none.
func (r Arrangement) String() string {
	s := r.Kind.String() + " (option " + string(r.Option)
	if r.Party != "" {
		s += ", party " + string(r.Party)
	}
	return s + ")"
}

// String writes the result as `"yes" → RU`: the outcome, quoted, and the
// party that gains sovereignty, or "status quo" when none does.
func (r Result) String() string {
	to := "status quo"
	if r.Sovereign != "" {
		to = string(r.Sovereign)
	}
	return strconv.Quote(r.Outcome) + " → " + to
}
