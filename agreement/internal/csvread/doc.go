// Package csvread holds the machinery that the CSV readers of agreement's
// sub-packages share: a bound on the length of each record, the byte-order
// mark, the count of rows and lines, the mapping of a header's names to
// columns, the loop that yields records and errors with the StopOnError
// rule, and the common parts of their error messages.
//
// A reader package describes its file with a [Format] and returns [Read]
// from its own Read, with a [Decoder] for each pass: a Decoder maps the
// header and decodes a row into the package's record type, reporting the bad
// cells as the package's own error type. [Run] is the loop under Read, for a
// caller that holds the [Reader] itself. The packages keep their exported types
// (RowError, HeaderError, sentinels) and build them; this package only gives
// them their messages ([RowMessage], [HeaderMessage], [Quote]).
//
// The input is UTF-8 with or without a byte-order mark, read by
// [encoding/csv] with ReuseRecord and the header's field count for every row.
// A record (the header or a row, with its line end) longer than the format's
// MaxRecord bytes stops the reading with an error wrapping the format's
// ErrSyntax, naming the line where the record starts; the reader so holds no
// more than about one such record at a time. A malformed record whose error
// [encoding/csv] finds within the limit is yielded as malformed, and not as
// too long, even when the record runs on past the limit: the reading then
// goes on from the limit, so the rest of that record reads as the next row.
package csvread
