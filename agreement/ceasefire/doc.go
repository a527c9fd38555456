// Package ceasefire reads the ETH/PRIO Civil Conflict Ceasefire dataset
// (1989-2020): 4,091 rows, one per actor of a ceasefire, for 2,203
// ceasefires (distinct uniq_id) in 66 locations; 87 columns, UTF-8 with a
// byte-order mark.
//
// [Read] streams the file as an iterator of typed actor [Row]s. [Group]
// gathers the rows of each ceasefire into a [Ceasefire] as they stream (the
// rows of a ceasefire are adjacent in the file, so only one ceasefire's rows
// are held at a time); [ReadCeasefires] does both. A Ceasefire gives its
// declaration, effect and end dates, its duration in days with whether it is
// censored, its PA-X agreement ids, and a timeline of events
// ([Ceasefire.Events]) that package scenario can replay:
//
//	for c, err := range ceasefire.ReadCeasefires(f) {
//		if err != nil {
//			log.Print(err) // names the row, line and column; the next rows still come
//			continue
//		}
//		if o, ok := c.Observation(); ok {
//			obs = append(obs, o) // for survival.KaplanMeier
//		}
//	}
//
// The codebook of the dataset is not published with it. Where a column's
// meaning is not evident from the data, [Row] keeps the raw value and says
// so; in particular the ended code (-1, 0 to 4) is kept as it is, and no
// code is taken to mean a breakdown. A duration is therefore the time to the
// recorded end of a ceasefire, whatever ended it, not the time to its
// breakdown.
//
// # Rules for the data
//
// The data are messy. Each rule below gives the number of rows or ceasefires
// of the file it touches; the tests count them in the real file.
//
// Dates come as year, month and day columns, -1 when unknown. A row's date
// is a [Date] with the parts as coded.
//   - Unknown days: 2,437 day fields are -1 (144 declaration, 263 effect,
//     2,030 end days; the end ones include the 1,498 rows whose end is
//     -1/-1/-1, and 2 more rows have an unknown end year with a known month
//     or day, which is no date). Unknown months: 28 declaration, 24 effect and 219 end dates
//     have a year but no month. A declaration or effect date with an unknown
//     day is taken as the 15th of its month, one with an unknown month as 1
//     July ([Date.Time]). An end date is placed in the middle (rounded down)
//     of the days its parts allow, from the ceasefire's start on (see
//     below): an end in the month the ceasefire started, day unknown, falls
//     halfway between the start and the month's end.
//   - Days beyond the month: 3 day fields (31 February 1994 in two effect
//     dates, 31 June 2020 in one end date) are read as coded and taken as
//     the month's last day.
//   - Dates of zeros: 319 rows code the end as 0/0/0 and 117 the effect as
//     0/0/0. A date of zeros is no date. Most such rows have an ended code
//     other than -1 (200 rows code 0, 112 code 3), so the end seems to have
//     happened at a date the data do not give.
//   - Every row has a declaration year (the reader requires one).
//
// A ceasefire's dates and status, from its rows:
//   - Declared is the earliest declaration date of its rows; Effect the
//     earliest recorded effect date. Start, from which the duration counts,
//     is Effect, or Declared for the 89 ceasefires none of whose rows
//     records an effect date.
//   - Ended (1,298 ceasefires): at least one row records an end year. End
//     is the earliest end of the rows, imputed as above. 531 rows have an
//     end year yet the ended code -1; the end date is taken as the fact, and
//     246 ended ceasefires have -1 as the code of the row that gives their
//     end.
//   - Censored (748 ceasefires): no row records an end year, no row codes
//     the end 0/0/0 and every ended code is -1. The ceasefire is taken as in
//     force at [CoverageEnd], 31 December 2020, where its duration is
//     right-censored.
//   - End undated (157 ceasefires): no row records an end year, but a row
//     codes the end 0/0/0 or has an ended code other than -1. Its duration
//     is unknown; it is left out of survival estimates
//     ([Ceasefire.Observation] reports false) rather than censored at the
//     end of coverage, which would count an ended ceasefire as in force.
//   - Same-day and earlier ends: 130 ended ceasefires end the day they
//     start (duration 0). In 5 more the end date lies wholly before the
//     start (2 exact dates, 3 months that end before the start day); End is
//     set to Start, the duration to 0, and Clamped reports it. 351
//     ceasefires have a Start or End with an imputed part (Imputed).
//   - Conflicting ended codes: the rows of 45 ceasefires do not all have the
//     same ended code. The ceasefire's code is that of the row whose end is
//     End; when no row records an end, the first code other than -1 in file
//     order.
//   - written takes 0, 1, 2 and -1 (2,378, 766, 725 and 222 rows): not a
//     yes-or-no flag, and the data do not say what 1 and 2 each mean, so the
//     raw code is kept. The ceasefire's Written, DDR and Enforcement are the
//     largest code of its rows, so that a known code wins over -1; the rows
//     of 2 ceasefires differ on written, 4 on ddr, none on enforcement.
//   - PA-X links: 613 rows link to 235 distinct PA-X agreements (pax_id,
//     -1 for none); 236 ceasefires link to one agreement each (in 5 of them
//     only some rows carry the link). PAXIDs gathers the distinct ids. All
//     but one resolve to an agreement of the PA-X agreement-level file
//     (AgtId): 1081, linked by ceasefire 530006 (Ethiopia, 2010), is in
//     neither PA-X file.
//
// Other columns as the file has them: fixed_time holds text instead of a
// number in 90 rows, so it is kept as a string; ucdp_dyad is empty in one row
// (read as -1) and -2 in others (kept); link_id5 and link_id28 are empty in
// one row each (read as 0, no link); evidence_onset, evidence_end, comment and
// factivia_source are empty in every row; cf_pp and factivia_page hold free
// text. 35 rows have no UCDP actor id; [Actor] names their actor by row id.
//
// # Timeline
//
// [Ceasefire.Events] returns the ceasefire's real dates as events of package
// agreement: [agreement.EventKindCeasefireDeclared] and
// [agreement.EventKindCeasefireInForce], and [EventKindCeasefireEnded] (not
// [agreement.EventKindCeasefireCollapsed], since an end need not be a
// breakdown), once for the ceasefire as a whole (no actor) and once per
// actor row (the row's actor, see [Actor]). An agreement whose ceasefire
// clause is in effect from the whole ceasefire's in-force event and ends on
// its ended event, replayed over these events, ends that clause exactly for
// the ceasefires the survival estimate counts as events, and leaves it in
// force for the censored ones.
//
// # Errors
//
// A bad cell (a code that is not an integer, a date part out of range, a
// uniq_id other than cc x 1000 + cf_id) is a [*RowError] naming the data
// row, the line of the file and the column, wrapping a sentinel of package
// agreement ([agreement.ErrInvalidValue], [agreement.ErrMissing],
// [agreement.ErrInconsistent]); a malformed row wraps [ErrSyntax]. The reader
// yields the error and goes on with the next row, unless [StopOnError] is
// given. A header without the needed columns is a [*HeaderError] and ends the
// iteration. The real file reads with no error.
//
// A record (the header or a row, with its line end, quoted newlines
// included) may take at most 1 MiB, about 480 times the longest record of
// the real file (2,174 bytes). A longer one, such as a quoted field that
// never closes, ends the iteration with a [*RowError] wrapping [ErrSyntax]
// ("record longer than 1 MiB"), so the reader never holds more than about
// one such record, whatever the input.
//
// # Citation
//
// Clayton, G., Nygård, H. M., Strand, H., Rustad, S. A., Wiehler, C.,
// Sagård, T., Landsverk, P., Ryland, R., Sticher, V., Wink, E. and Bara, C.
// (2022) "Introducing the ETH/PRIO Civil Conflict Ceasefire Dataset", Journal
// of Conflict Resolution, doi:10.1177/00220027221129195.
package ceasefire
