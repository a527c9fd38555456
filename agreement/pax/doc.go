// Package pax reads the agreement-level CSV of PA-X, the Peace Agreements
// Database of PeaceRep (University of Edinburgh, https://www.peaceagreements.org):
// 2,257 agreements, one per row, 38 columns.
//
// [Read] streams the file as an iterator of [Record]s, one per agreement,
// holding every column: the coded ones typed with the library's types
// ([agreement.Stage], [agreement.SubStage], [agreement.SigningStatus],
// [AgreementType], dates as [time.Time] in UTC, ids as integers), the free
// text (titles, parties, third parties, descriptions) as it is.
// [Record.Agreement] converts a record to an [agreement.Agreement] with its
// id, title, date, stage, sub-stage and signing status.
//
//	for rec, err := range pax.Read(f) {
//		if err != nil {
//			log.Print(err) // names the row and column; the next rows still come
//			continue
//		}
//		a := rec.Agreement() // id "pax-431", stage, date, ...
//	}
//
// # Errors
//
// A bad cell (an unknown stage code, a date that is not DD/MM/YYYY, an empty
// required column) is a [*RowError] naming the data row, the line of the file
// and the column, wrapping a sentinel of package agreement
// ([agreement.ErrInvalidValue], [agreement.ErrMissing],
// [agreement.ErrInconsistent]); a malformed row wraps [ErrSyntax]. The reader
// yields the error and goes on with the next row, unless [StopOnError] is
// given. A header without the needed columns is a [*HeaderError] and ends the
// iteration.
//
// # Parties
//
// The Part and ThrdPart columns are free text: parties and third parties with
// their signatories and capacities, lists, and sometimes a note that the text
// is unsigned, or of who was present. This package keeps them as text and
// does not extract party names from them: doing so well needs a gazetteer of
// actors and a precision and coverage measured on hand-labelled rows, which
// it does not have. So [Record.Agreement] has no parties, and a non-empty
// ThrdPart is not proof of a third-party signatory.
//
// # Citation
//
// Bell, C. and Badanjak, S. (2019) "Introducing PA-X: A new peace agreement
// database and dataset", Journal of Peace Research 56(3).
package pax
