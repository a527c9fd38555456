// Package pax reads the CSV files of PA-X, the Peace Agreements Database of
// PeaceRep (University of Edinburgh, https://www.peaceagreements.org), and
// holds the PA-X provision codebook. It reads two layouts of the 2,257
// agreements, one per row:
//
//   - the agreement-level export ([LayoutAgreement]): 38 columns, UTF-8
//     with a byte-order mark, dates DD/MM/YYYY;
//   - the provision-level file of PA-X version 10 ([LayoutProvision]): 279
//     columns, the agreement-level file's first 27 (Con to Interim), ImSrc,
//     and the 251 provision codes of [Codes], each valued 0 to 3 (how
//     substantively the agreement addresses the provision: 0 not at all, 1
//     to 3 increasingly substantive); dates YYYY-MM-DD, no byte-order mark.
//
// [Read] tells the layouts apart by the header (a header that names any
// provision code is provision-level) and streams the file as an iterator of
// [Record]s holding every column: the coded ones typed with the library's
// types ([agreement.Stage], [agreement.SubStage], [agreement.SigningStatus],
// [AgreementType], dates as [time.Time] in UTC, ids as integers, provision
// levels as a [ProvisionSet] of [Level]s), the free text (titles, parties,
// third parties, descriptions) as it is. [Record.Agreement] converts a
// record to an [agreement.Agreement] with its id, title, date, stage,
// sub-stage and signing status, and one stub clause per provision it
// addresses.
//
//	for rec, err := range pax.Read(f) {
//		if err != nil {
//			log.Print(err) // names the row and column; the next rows still come
//			continue
//		}
//		if rec.Provisions.Level("Ce") > 0 { // provision-level file only
//			...
//		}
//		a := rec.Agreement() // id "pax-431", stage, date, provision stubs
//	}
//
// # Errors
//
// A bad cell (an unknown stage code, a date not in the layout's form, an
// empty required column, a provision cell other than 0, 1, 2 or 3) is a
// [*RowError] naming the data row, the line of the file and the column (for
// a provision cell, the code, such as "Ce"), wrapping a sentinel of package
// agreement ([agreement.ErrInvalidValue], [agreement.ErrMissing],
// [agreement.ErrInconsistent]); a malformed row wraps [ErrSyntax]. The reader
// yields the error and goes on with the next row, unless [StopOnError] is
// given. A header without the columns its layout needs is a [*HeaderError]
// and ends the iteration.
//
// A record (the header or a row, with its line end, quoted newlines
// included) may take at most 4 MiB, about 190 times the longest record of
// the real files (21,742 bytes in the agreement-level export, 20,984 in the
// provision-level file). A longer one, such as a quoted field that never
// closes, ends the iteration with a [*RowError] wrapping [ErrSyntax] ("record
// longer than 4 MiB"), so the reader never holds more than about one such
// record, whatever the input.
//
// # The provision-level file
//
// Its rules, with the counts in version 10 (2,257 rows):
//
//   - a provision cell is one digit, 0 to 3; the file has no other value
//     (524,077 cells 0, 35,601 cells 1, 4,332 cells 2, 2,497 cells 3). Ce
//     is non-zero in 1,038 agreements, Terr in 194;
//   - the ids of other datasets (UcdpCon, UcdpAgr, PamAgr, CowWar) are
//     sometimes written "NA" (2,114 cells) or "N/A" (92 cells), in 749 rows:
//     both read as an empty cell, 0. The agreement-level file has neither,
//     and there they are errors. Free text is kept as it is ("NA" in OthAgr,
//     2 cells, stays "NA");
//   - ImSrc is 0 (2,020 rows) or 1 (237 rows); it is read as a
//     non-negative integer into [Record.ImSrc], and its meaning is left to
//     the PA-X codebook;
//   - the label columns of the agreement-level file (description to
//     substage_label) are absent, so those fields of a provision-level
//     record are empty.
//
// # Provisions in an agreement
//
// [Record.Agreement] gives a provision-level record's agreement one stub
// clause per code with a non-zero level, in column order ([ProvisionClause]):
// id "pax-Ce", Category "Ce", Text "PA-X: addresses Ce (ceasefire) at level
// 2 of 3". A stub states no more than PA-X codes: no action, no conditions,
// Force unspecified; its Kind is [agreement.DeonticPermission] (every clause
// needs one, and a permission with no action is never violated) and its one
// debtor is [PartiesID], the single party the agreement then declares for
// its parties taken together, since every clause must bind a declared party
// and this package does not split Part into parties. An agreement-level
// record has no provisions, so its agreement has no clauses and no parties.
// Every record the reader yields converts to an agreement that validates.
//
// A code's category is the code without colons ("PpsGeSt" for "PpsGe:St":
// a category is letters and digits only); [CodeOf] maps it back.
//
// # Provision codes
//
// The codebook is derived from the provision columns' names, in column
// order, by four rules, applied in turn to each code still without a
// parent. A code's segments start at each upper-case letter and each colon
// ("PpsGe:St" is Pps, Ge, :St); its family is its first segment ("G" for
// "GCh", "Ssr" for "SsrGua", "Ce" for "Ce").
//
//  1. Name: the parent is the longest earlier code that is a prefix of the
//     code ending at a segment boundary: CeProv under Ce, PpsGe:St under
//     PpsGe, GChRhet under GCh, TjAmBan under TjAm, PolPar under Pol.
//  2. Abbreviation: a run of consecutive codes of one family that is not
//     itself a code, right after a code P whose last segment starts with
//     the family's first letter and in which every letter of the family
//     occurs (case aside), is under P: PpsGe ... PpsOth:Sub under Polps,
//     TpsSub ... under Terps, CprLife ... under HrCp, SerProp ... under
//     HrSec, CitGen ... under HrCit, DdrDemil and DdrProg under SsrDdr.
//  3. Heading: a family that is not itself a code, shared by two or more
//     codes still without a parent, is a heading over them: G, Ge, St, Con,
//     Hr, Jus, La, Ssr, Tj and Im ([Headings]). SsrGua is under Ssr, ImUN
//     under Im.
//  4. Enclosure: a code still without a parent whose nearest neighbours
//     before and after it placed under a heading by rule 3 are under the
//     same heading is under it too: Ce and Cor under Ssr; Med, Prot and
//     RiOth under Hr.
//
// Codes left without a parent are top-level, 21 of them: Pol, Ele,
// ElecComm, Civso, Tral, Pubad, Cons, Polps, Terps, Eps, Mps, Dev, NEC,
// NatRes, IntFu, Bus, Tax, Ban, CenBan, Wat and Terr. Most are governance,
// power-sharing and socio-economic codes, whose PA-X headings no column
// names.
//
// The rules read names only, and PA-X's own codebook may group codes
// otherwise; where it does, the PA-X codebook governs. Places where the
// two may differ include these:
//
//   - the rules give ElecComm top-level, not under Ele: "Ele" is not a
//     segment prefix of "ElecComm", whose first segment is "Elec";
//   - the rules give CenBan top-level, not under Ban: its first segment is
//     "Cen";
//   - the rules give Terr and Wat top-level: each stands between codes
//     under two different headings (SsrDrugs and TjGen; LaEn and SsrGua),
//     so rule 4 does not place it;
//   - the rules give Cons top-level, not under the Con heading over ConGen
//     and ConRen, since "Con" is not a segment prefix of "Cons";
//   - the rules give PolPar under Pol, by its name;
//   - the rules give the Tj codes without a parent code, such as TjSan,
//     under the Tj heading.
//
// The tests apply the rules to the real file's header and pin these
// results.
//
// [Label] gives a short label only where it can be stated as a plain fact:
// the headings (PA-X's own top-level categories, such as Ssr "security
// sector"), the codes package agreement names (such as Ce "ceasefire"), and
// Cor and Terr; for the others it returns the code.
//
// # The category lint
//
// [agreement.Agreement.Validate] accepts any well-formed category: an
// agreement may use its own. [LintCategories] reports, for a caller who
// means PA-X's, each clause category that is neither a code nor a heading,
// with its path, clause and the nearest code ([Nearest]): "ce" suggests
// "Ce".
//
// # Parties
//
// The Part and ThrdPart columns are free text: parties and third parties with
// their signatories and capacities, lists, and sometimes a note that the text
// is unsigned, or of who was present. This package keeps them as text and
// does not extract party names from them: doing so well needs a gazetteer of
// actors and a precision and coverage measured on hand-labelled rows, which
// it does not have. So [Record.Agreement] has no parties but [PartiesID], and
// a non-empty ThrdPart is not proof of a third-party signatory.
//
// # Citation
//
// Bell, C. and Badanjak, S. (2019) "Introducing PA-X: A new peace agreement
// database and dataset", Journal of Peace Research 56(3).
package pax
