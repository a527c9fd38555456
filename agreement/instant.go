package agreement

import "time"

// The instants the library represents exactly: those whose UnixNano is
// defined and leaves room for the replay engine's two sentinels, from about
// 21 September 1677 to 11 April 2262 (UTC). The zero time.Time, which
// stands for "none" in this package, is outside it.
var (
	firstInstant = time.Unix(0, -1<<63+1).UTC()
	lastInstant  = time.Unix(0, 1<<63-2).UTC()
)

// InstantRange returns the first and the last instant the library
// represents exactly, in UTC. [Agreement.Validate] reports an absolute
// deadline or expiry, an option's deadline or a signature's date outside it
// as [ErrInvalidValue] (package scenario's timeline validation does the same
// for events and a timeline's start); the decoders accept the years 0001 to
// 9999 as text and leave the range to validation.
func InstantRange() (first, last time.Time) { return firstInstant, lastInstant }

// InstantInRange reports whether t lies within [InstantRange].
func InstantInRange(t time.Time) bool { return !t.Before(firstInstant) && !t.After(lastInstant) }
