package pax

import "time"

// maxDigits bounds the integer part of a number so that it fits an int64.
const maxDigits = 18

// parseUint parses a non-negative integer written in decimal digits,
// optionally followed by a fraction of zeros only ("160", "160.0", "160.00").
// The integer part has 1 to 18 digits.
func parseUint(s string) (int64, bool) {
	var v int64
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if i == maxDigits {
			return 0, false
		}
		v = v*10 + int64(s[i]-'0')
	}
	if i == 0 {
		return 0, false
	}
	if i == len(s) {
		return v, true
	}
	if s[i] != '.' || i+1 == len(s) {
		return 0, false
	}
	for _, c := range []byte(s[i+1:]) {
		if c != '0' {
			return 0, false
		}
	}
	return v, true
}

// parseDate parses D/M/YYYY or DD/MM/YYYY as midnight UTC, refusing dates
// that do not exist (31/02/2020).
func parseDate(s string) (time.Time, bool) {
	day, rest, ok := datePart(s, 2)
	if !ok || rest == "" || rest[0] != '/' {
		return time.Time{}, false
	}
	month, rest, ok := datePart(rest[1:], 2)
	if !ok || rest == "" || rest[0] != '/' {
		return time.Time{}, false
	}
	if len(rest) != 5 {
		return time.Time{}, false
	}
	year, rest, ok := datePart(rest[1:], 4)
	if !ok || rest != "" || month < 1 || month > 12 || day < 1 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != time.Month(month) {
		return time.Time{}, false
	}
	return t, true
}

// datePart reads 1 to max leading digits of s.
func datePart(s string, max int) (int, string, bool) {
	v, i := 0, 0
	for ; i < len(s) && i < max && s[i] >= '0' && s[i] <= '9'; i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v, s[i:], i > 0
}

// parseISODate parses YYYY-MM-DD as midnight UTC, refusing dates that do not
// exist (2020-02-31).
func parseISODate(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	year, rest, ok := datePart(s, 4)
	if !ok || len(rest) != 6 {
		return time.Time{}, false
	}
	month, rest, ok := datePart(s[5:], 2)
	if !ok || len(rest) != 3 {
		return time.Time{}, false
	}
	day, rest, ok := datePart(s[8:], 2)
	if !ok || rest != "" || month < 1 || month > 12 || day < 1 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != time.Month(month) {
		return time.Time{}, false
	}
	return t, true
}
