package agreement_test

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// The limits of generated agreements, counted from any anchor between 2000
// and 2040 in the zone of their clause: every zone loads; a limit counted
// from an anchor is never before it (periods and durations are not
// negative), an absolute one is its instant; a rounded limit is a local
// midnight no more than a day from the unrounded instant (at or before it
// for the start of its day, after it for the end); and every limit and
// recurrence writes itself out.
func TestPropertyLimitInstants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		anchor := time.Unix(rapid.Int64Range(946684800, 2208988799).Draw(t, "anchor"), 0)
		check := func(what string, z agreement.Zone, d agreement.Deadline) {
			loc, err := z.Location()
			if err != nil {
				t.Fatalf("%s: zone %q: %v", what, z, err)
			}
			if d.IsZero() {
				if d.String() != "none" {
					t.Fatalf("%s: zero limit written %q", what, d.String())
				}
				return
			}
			if d.String() == "" || d.String() == "none" {
				t.Fatalf("%s: limit %#v written %q", what, d, d.String())
			}
			unrounded := d
			unrounded.Round = agreement.RoundNone
			raw, got := unrounded.Instant(anchor, loc), d.Instant(anchor, loc)
			switch {
			case !d.At.IsZero() && !raw.Equal(d.At):
				t.Fatalf("%s: %v from %v is %v, not its instant", what, d, anchor, raw)
			case d.At.IsZero() && raw.Before(anchor):
				t.Fatalf("%s: %v from %v is %v, before the anchor", what, d, anchor, raw)
			}
			if d.Round == agreement.RoundNone {
				return
			}
			local := got.In(loc)
			if h, m, s := local.Clock(); h != 0 || m != 0 || s != 0 || local.Nanosecond() != 0 {
				t.Fatalf("%s: %v from %v is %v, not a local midnight in %s", what, d, anchor, local, loc)
			}
			before := d.Round == agreement.RoundStartOfDay
			if gap := got.Sub(raw); before && (gap > 0 || gap <= -25*time.Hour) || !before && (gap <= 0 || gap > 25*time.Hour) {
				t.Fatalf("%s: %v from %v is %v, %v from the unrounded %v", what, d, anchor, local, gap, raw.In(loc))
			}
		}
		check("inForceAt", a.Zone, a.InForceAt)
		for _, c := range a.Clauses {
			z := c.Zone
			if z == "" {
				z = a.Zone
			}
			check(string(c.ID)+" deadline", z, c.Deadline)
			check(string(c.ID)+" expiry", z, c.Expiry)
			if s := c.Recurs.String(); c.Recurs.IsZero() != (s == "none") || s == "" {
				t.Fatalf("%s: recurrence %#v written %q", c.ID, c.Recurs, s)
			}
		}
	})
}
