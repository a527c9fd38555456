package ceasefire

import (
	"strconv"
	"time"
)

// Unknown is the code the file writes for an unknown value: a date part, a
// link, an actor id or a code it could not establish.
const Unknown = -1

// Date is a date as the file codes it, in three columns: year, month and day,
// each [Unknown] (-1) when not known. The file also writes 0/0/0, a date of
// zeros, which is no date; see the package documentation for what it may
// mean and how it is treated. The reader accepts a year of -1, 0 or 1900 to
// 2100, a month of -1, 0 or 1 to 12, a day of -1, 0 or 1 to 31, with 0 only
// in all three parts at once. A day beyond the month's last day (the file has
// 31 February 1994 twice and 31 June 2020 once) is accepted: it is a part as
// coded; [Date.Time] clamps it.
type Date struct {
	Year, Month, Day int
}

// Recorded reports whether d records a date at all: its year is known (not
// -1 and not 0). The month and day may still be unknown.
func (d Date) Recorded() bool { return d.Year > 0 }

// ZeroCoded reports whether d is coded 0/0/0.
func (d Date) ZeroCoded() bool { return d == Date{} }

// Unknown reports whether d's year is [Unknown].
func (d Date) Unknown() bool { return d.Year == Unknown }

// Exact reports whether d is recorded to the day.
func (d Date) Exact() bool { return d.Recorded() && d.Month > 0 && d.Day > 0 }

// Time returns the day d stands for, as midnight UTC, imputing the parts it
// does not know: an unknown day is the 15th of the month, an unknown month
// (whatever the day) is 1 July, the middle of the year; a day beyond the
// month's last is the month's last day. imputed reports whether any part was
// imputed or clamped. ok is false, with the zero time, when d is not
// [Date.Recorded].
func (d Date) Time() (t time.Time, imputed, ok bool) {
	if !d.Recorded() {
		return time.Time{}, false, false
	}
	if d.Month < 1 || d.Month > 12 {
		return time.Date(d.Year, time.July, 1, 0, 0, 0, 0, time.UTC), true, true
	}
	if d.Day < 1 {
		return time.Date(d.Year, time.Month(d.Month), 15, 0, 0, 0, 0, time.UTC), true, true
	}
	last := daysIn(d.Year, d.Month)
	if d.Day > last {
		return time.Date(d.Year, time.Month(d.Month), last, 0, 0, 0, 0, time.UTC), true, true
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), false, true
}

// Interval returns the first and last days d may stand for, as midnight UTC:
// the day itself when d is exact; the month when only the day is unknown;
// the year when the month is unknown. A day beyond the month's last is the
// month's last day. ok is false when d is not [Date.Recorded].
func (d Date) Interval() (first, last time.Time, ok bool) {
	if !d.Recorded() {
		return time.Time{}, time.Time{}, false
	}
	if d.Month < 1 || d.Month > 12 {
		return time.Date(d.Year, time.January, 1, 0, 0, 0, 0, time.UTC),
			time.Date(d.Year, time.December, 31, 0, 0, 0, 0, time.UTC), true
	}
	n := daysIn(d.Year, d.Month)
	if d.Day < 1 {
		return time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC),
			time.Date(d.Year, time.Month(d.Month), n, 0, 0, 0, 0, time.UTC), true
	}
	t := time.Date(d.Year, time.Month(d.Month), min(d.Day, n), 0, 0, 0, 0, time.UTC)
	return t, t, true
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// String returns d as the file's parts, "1995-01-?" style: YYYY-MM-DD with
// "?" for an unknown part; "0/0/0" for a date of zeros.
func (d Date) String() string {
	if d.ZeroCoded() {
		return "0/0/0"
	}
	part := func(v, width int) string {
		if v < 0 {
			return "?"
		}
		s := strconv.Itoa(v)
		for len(s) < width {
			s = "0" + s
		}
		return s
	}
	return part(d.Year, 4) + "-" + part(d.Month, 2) + "-" + part(d.Day, 2)
}

// Purposes are the file's purpose flags (p_* columns, each 0 or 1): what the
// ceasefire was for, as coded. Several may be set.
type Purposes struct {
	Humanitarian bool // p_humanitarian
	PeaceProcess bool // p_peaceprocess
	Holiday      bool // p_holiday
	Election     bool // p_election
	Other        bool // p_other
	// OtherComment is p_other_comment as it is: free text, or "0" when
	// there is none.
	OtherComment string
	Unclear      bool // p_unclear
}

// NumLinks is the number of link_id columns.
const NumLinks = 35

// Row is one row of the file: one actor's part in one ceasefire. Field names
// follow the column names (given first in each comment). Codes whose
// meaning the data do not make evident are kept as the raw integer the file
// writes, with the values it holds listed; the ETH/PRIO codebook, not
// included with the data, defines them. -1 ([Unknown]) is kept as it is
// everywhere.
//
// Row is a plain value; Purposes and LinkIDs are held by value, so a copy
// shares nothing with the original.
type Row struct {
	// Row is the 1-based data row (the header not counted); Line the line
	// of the file where the row starts.
	Row, Line int

	// cc: the country code of the ceasefire's location (Gleditsch-Ward
	// numbers in the file: 70 Mexico ... 910 Papua New Guinea).
	CC int
	// cf_id: the ceasefire's number within its country.
	CFID int
	// uniq_id: the ceasefire's id, cc x 1000 + cf_id (the reader checks it).
	UniqID int
	// location: the country, as a name.
	Location string
	// region: a region code, 1 to 5 in the file (raw code).
	Region int
	// link: a code 0 to 3 or -1 (raw code; the codebook defines it).
	Link int
	// ucdp_actor_id: the actor's UCDP id; -1 when it has none.
	UCDPActorID int
	// actor_name: the actor, as a name.
	ActorName string
	// ucdp_acd_id: the UCDP armed conflict id; -1 when none.
	UCDPACDID int
	// ucdp_dyad: the UCDP dyad id; -1 when none. The file also has -2
	// (raw, kept) and one empty cell, read as -1.
	UCDPDyad int
	// pax_id: the PA-X agreement id (AgtId) of the ceasefire's agreement;
	// -1 when none.
	PAXID int

	// cf_dec_yr, cf_dec_month, cf_dec_day: when the actor declared the
	// ceasefire.
	Declared Date
	// cf_effect_yr, cf_effect_month, cf_effect_day: when it took effect.
	Effect Date
	// evidence_onset: free text; empty in every row of the file.
	EvidenceOnset string

	// side: 1, 2 or 3 (raw code).
	Side int
	// partial: 0 or 1 (raw code).
	Partial int
	// written: 0, 1, 2 or -1. It is not a yes-or-no flag: the data do not
	// say what 1 and 2 each mean, so the raw code is kept.
	Written int
	// fixed: 0, 1 or -1 (raw code).
	Fixed int
	// fixed_time: as it is. Mostly an integer, 0 to several hundred, or
	// -1 (by its values, such as 30, 90, 180 and 360, perhaps a fixed term
	// in days, which the data do not state), but 90 rows of the file hold
	// text instead, such as "72 hours" or "Duration of peace talks".
	FixedTime string
	// nsa_frac: 0, 1, 2 or -1 (raw code).
	NSAFrac int
	// p_*: the purposes.
	Purposes Purposes
	// ceasefire_class: 1, 2 or 3 (raw code).
	Class int
	// timing: 0 to 3 or -1 (raw code).
	Timing int
	// cf_pp: free text as it is. Despite its name it mostly holds a
	// description of the ceasefire or of its relation to a peace process.
	CFPP string
	// mediator_nego: 0, 1 or -1 (raw code).
	MediatorNego int
	// mediator_send: free text naming mediators ("UN", "OSCE, Russia"), "0"
	// for none, "-1" for unknown; kept as it is.
	MediatorSend string
	// implement: 0, 1 or -1 (raw code).
	Implement int
	// enforcement: 0 to 3 or -1 (raw code).
	Enforcement int
	// ddr: 0, 1 or -1: whether the ceasefire has provisions on
	// disarmament, demobilisation and reintegration (-1 unknown).
	DDR int
	// splinter: 0, 1, 2 or -1 (raw code).
	Splinter int
	// ended: -1, or a code 0 to 4 (raw; the codebook defines the codes and
	// the data do not say which of them means a breakdown). See the
	// package documentation for the rows where it disagrees with the end
	// date.
	Ended int
	// end_yr, end_month, end_day: when the ceasefire ended for this actor.
	End Date
	// evidence_end, comment, factivia_source: free text; empty in every
	// row of the file.
	EvidenceEnd, Comment, FactiviaSource string
	// factivia_page: free text as it is; in the file mostly notes on the
	// sources.
	FactiviaPage string
	// truce: 0 or 1 (raw code).
	Truce int
	// recentadditions: 0 or 1 (raw code).
	RecentAdditions int
	// link_id1 ... link_id35: numbers of other rows of the same
	// arrangement, 0 when none, -1 unknown (raw: the data do not say which
	// numbering they use). An empty cell reads as 0 (two cells of the
	// file, link_id5 and link_id28 of one row each).
	LinkIDs [NumLinks]int
	// coder: the coder's initials.
	Coder string
	// id: the row's number in the file.
	ID int
}

// The columns, in the order of the file; link_id1 ... link_id35 follow
// colRecentAdditions.
const (
	colCC = iota
	colCFID
	colUniqID
	colLocation
	colRegion
	colLink
	colUCDPActorID
	colActorName
	colUCDPACDID
	colUCDPDyad
	colPAXID
	colDecYr
	colDecMonth
	colDecDay
	colEffectYr
	colEffectMonth
	colEffectDay
	colEvidenceOnset
	colSide
	colPartial
	colWritten
	colFixed
	colFixedTime
	colNSAFrac
	colPHumanitarian
	colPPeaceProcess
	colPHoliday
	colPElection
	colPOther
	colPOtherComment
	colPUnclear
	colClass
	colTiming
	colCFPP
	colMediatorNego
	colMediatorSend
	colImplement
	colEnforcement
	colDDR
	colSplinter
	colEnded
	colEndYr
	colEndMonth
	colEndDay
	colEvidenceEnd
	colComment
	colFactiviaSource
	colFactiviaPage
	colTruce
	colRecentAdditions
	colLink1
	colCoder = colLink1 + NumLinks + iota - colLink1 - 1
	colID
	numColumns
)

// columnNames are the header's names, indexed by the col constants. Never
// modified after init.
var columnNames = func() [numColumns]string {
	var n [numColumns]string
	copy(n[:], []string{
		"cc", "cf_id", "uniq_id", "location", "region", "link", "ucdp_actor_id", "actor_name", "ucdp_acd_id",
		"ucdp_dyad", "pax_id", "cf_dec_yr", "cf_dec_month", "cf_dec_day", "cf_effect_yr", "cf_effect_month",
		"cf_effect_day", "evidence_onset", "side", "partial", "written", "fixed", "fixed_time", "nsa_frac",
		"p_humanitarian", "p_peaceprocess", "p_holiday", "p_election", "p_other", "p_other_comment", "p_unclear",
		"ceasefire_class", "timing", "cf_pp", "mediator_nego", "mediator_send", "implement", "enforcement", "ddr",
		"splinter", "ended", "end_yr", "end_month", "end_day", "evidence_end", "comment", "factivia_source",
		"factivia_page", "truce", "recentadditions",
	})
	for i := range NumLinks {
		n[colLink1+i] = "link_id" + strconv.Itoa(i+1)
	}
	n[colCoder] = "coder"
	n[colID] = "id"
	return n
}()

// Columns returns the names of the 87 columns the reader needs, in the order
// of the file, as a new slice each call. A header may order them differently
// and may have more.
func Columns() []string {
	out := make([]string, numColumns)
	copy(out, columnNames[:])
	return out
}
