package agreement

import (
	"strconv"
	"sync"
	"time"
)

// Zone names the time zone in which an agreement (or one clause) counts
// local days, calendar periods and local times: an IANA name such as
// "Europe/Kyiv", whose offsets and daylight saving changes come from the
// standard library's zone data (see [time.LoadLocation]; a program that
// cannot rely on the system's zone database can import [time/tzdata]); a
// fixed offset from UTC written "+03:00" or "-05:30"; or "UTC". The zero
// value means UTC.
type Zone string

// zones caches loaded locations: loading reads the zone database.
var zones sync.Map // Zone -> *time.Location

// Location returns the zone's location; UTC for the zero Zone. It returns a
// *Problem wrapping [ErrInvalidValue] for a name that is neither a fixed
// offset nor a zone the zone database holds.
func (z Zone) Location() (*time.Location, error) {
	if z == "" || z == "UTC" {
		return time.UTC, nil
	}
	if l, ok := zones.Load(z); ok {
		return l.(*time.Location), nil
	}
	l, err := z.load()
	if err != nil {
		return nil, err
	}
	zones.Store(z, l)
	return l, nil
}

func (z Zone) load() (*time.Location, error) {
	s := string(z)
	if off, ok := parseOffset(s); ok {
		return time.FixedZone(s, off), nil
	}
	bad := func(why string) error {
		return &Problem{Err: ErrInvalidValue, Msg: "unknown time zone " + quote(s) + ": " + why}
	}
	// time.LoadLocation also reads files named by the zone; only names as
	// the zone database spells them are accepted.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '_' ||
			c == '-' || c == '+') || c == '/' && (i == 0 || s[i-1] == '/') {
			return nil, bad("not an IANA zone name (such as \"Europe/Kyiv\") or an offset (such as \"+03:00\")")
		}
	}
	if len(s) > 64 || s == "Local" {
		return nil, bad("not an IANA zone name (such as \"Europe/Kyiv\") or an offset (such as \"+03:00\")")
	}
	l, err := time.LoadLocation(s)
	if err != nil {
		return nil, bad("not in the zone database")
	}
	return l, nil
}

// parseOffset reads "+hh:mm" or "-hh:mm" (hours to 14, minutes to 59).
func parseOffset(s string) (int, bool) {
	if len(s) != 6 || s[0] != '+' && s[0] != '-' || s[3] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[1:3])
	m, err2 := strconv.Atoi(s[4:6])
	if err1 != nil || err2 != nil || h > 14 || m > 59 || s[1] == '+' || s[1] == '-' || s[4] == '+' || s[4] == '-' {
		return 0, false
	}
	off := h*3600 + m*60
	if s[0] == '-' {
		off = -off
	}
	return off, true
}
