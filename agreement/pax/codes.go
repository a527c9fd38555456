package pax

import (
	"strings"

	"github.com/peacekit/peacekit/agreement"
)

// Code is a PA-X provision code, such as "Ce" (ceasefire) or "PpsGe:St", or
// one of the headings the codebook derives from the codes' names, such as
// "Ssr" (see the package doc, Provision codes). The zero value is no code.
type Code string

// NumCodes is the number of provision codes: the provision columns of the
// PA-X version 10 provision-level file.
const NumCodes = 251

// codeList holds the provision codes, in the column order of the PA-X
// version 10 provision-level file.
const codeList = "GCh GChRhet GChAntid GChSubs GChOth GDis GDisRhet GDisAntid GDisSubs GDisOth GAge GAgeRhet " +
	"GAgeAntid GAgeSubs GAgeOth GMig GMigRhet GMigAntid GMigSubs GMigOth GRa GRaRhet GRaAntid GRaSubs GRaOth " +
	"GRe GReRhet GReAntid GReSubs GReOth GInd GIndRhet GIndAntid GIndSubs GIndOth GOth GOthRhet GOthAntid " +
	"GOthSubs GOthOth GRef GRefRhet GRefSubs GRefOth GSoc GSocRhet GSocAntid GSocSubs GSocOth GeWom GeMe " +
	"GeMeNu GeMeOth GeLgbti GeLgbtiPos GeLgbtiNeg GeFa StDef StGen StCon StSd StRef StSym StInd StUni StBor " +
	"StXbor Pol PolGen PolNewInd PolNewTemp Ele ElecComm PolPar PolParTrans PolParOth Civso Tral Pubad ConGen " +
	"ConRen Cons Polps PpsGe PpsGe:St PpsGe:Sub PpsEx PpsEx:St PpsEx:Sub PpsOro PpsOro:St PpsOro:Sub " +
	"PpsOthPr PpsOthPr:St PpsOthPr:Sub PpsVet PpsVet:St PpsVet:Sub PpsAut PpsAut:St PpsAut:Sub PpsInt " +
	"PpsInt:St PpsInt:Sub PpsOth PpsOth:St PpsOth:Sub Terps TpsSub TpsLoc TpsAut TpsOth Eps EpsRes EpsFis " +
	"EpsOth Mps MpsMe MpsJt MpsPro MpsOth HrGen HrBor HrTrinc HrCp CprLife CprTort CprEq CprSlav CprLib " +
	"CprDet CprFmov CprFspe CprFass CprTria CprPriv CprVote CprReli CprOth HrSec SerProp SerWork SerHeal " +
	"SerEdu SerStdl SerShel SerSs SerCult SerOth HrCit CitGen CitRights CitDef CitOth HrDem HrDet Med MedGov " +
	"MedSubs MedLog MedOth HrMob Prot ProtCiv ProtGrp ProtOth RiOth HrNi HrNiMe HrNiNe HrNiOth HrIi HrIiMon " +
	"HrIiBod HrIiOth JusCr JusCrSp JusCrSys JusCrPow JusEm JusJu JusPri JusTra Dev DevSoc DevHum DevInfra NEC " +
	"NatRes IntFu Bus Tax TaxPo TaxRef TaxOth Ban CenBan BanPers BanInt BanXb LaRef LaRefMan LaRefRet LaRefOth " +
	"LaNom LaCH LaCHTa LaCHIt LaCHPro LaCHOth LaEn Wat SsrGua Ce CeProv CeGen SsrPol SsrArm SsrDdr DdrDemil " +
	"DdrProg SsrInt SsrPsf SsrFf Cor SsrCrOcr SsrDrugs Terr TjGen TjAm TjAmPro TjSan TjPower TjAmBan TjCou " +
	"TjJaNc TjJaIc TjMech TjPrire TjVet TjVic TjMis TjRep TjRSym TjRMa TjNR ImUN ImOth ImRef ImPK ImE"

// labels are the short labels the codebook gives: only those that can be
// stated as plain facts (the headings, the codes whose meaning package
// agreement already states, Cor and Terr). Never modified.
var labels = map[Code]string{
	"G":      "groups",
	"Ge":     "gender",
	"St":     "state definition",
	"Hr":     "human rights",
	"Jus":    "justice sector",
	"La":     "land, property and environment",
	"Ssr":    "security sector",
	"Tj":     "transitional justice",
	"Im":     "implementation",
	"Ce":     "ceasefire",
	"Cor":    "corruption",
	"Terr":   "terrorism",
	"SsrGua": "security guarantees",
	"SsrFf":  "withdrawal or presence of foreign forces",
	"SsrDdr": "disarmament, demobilisation, reintegration",
	"ImPK":   "international mission, force or similar",
	"ImUN":   "UN signatory or role",
	"ImE":    "enforcement mechanism",
	"ImRef":  "referendum for the agreement",
	"StBor":  "borders and boundary demarcation",
}

// codebook is the derived codebook. Built once, never modified.
type codebook struct {
	codes    [NumCodes]Code
	index    map[Code]int // provision code -> column index
	headings []Code       // in the order of their first child
	isHead   map[Code]bool
	parent   map[Code]Code
	children map[Code][]Code
	byCat    map[agreement.Category]Code // category form -> code
}

var book = newCodebook(strings.Fields(codeList))

// newCodebook derives the codebook from the provision columns' names, in
// column order, by the rules of the package doc.
func newCodebook(names []string) *codebook {
	b := &codebook{
		index:    make(map[Code]int, len(names)),
		isHead:   map[Code]bool{},
		parent:   map[Code]Code{},
		children: map[Code][]Code{},
		byCat:    make(map[agreement.Category]Code, len(names)),
	}
	for i, n := range names {
		if i < NumCodes {
			b.codes[i] = Code(n)
		}
		b.index[Code(n)] = i
		b.byCat[Code(n).Category()] = Code(n)
	}
	parents, heads := deriveParents(names)
	for i, n := range names {
		p := Code(parents[i])
		if p == "" {
			continue
		}
		b.parent[Code(n)] = p
		if heads[i] && !b.isHead[p] {
			b.isHead[p] = true
			b.headings = append(b.headings, p)
		}
	}
	// Children in column order; a heading's children come before the
	// children of the codes that follow it.
	for _, n := range names {
		if p, ok := b.parent[Code(n)]; ok {
			b.children[p] = append(b.children[p], Code(n))
		}
	}
	return b
}

// deriveParents applies the rules of the package doc, Provision codes, to the
// provision columns' names in column order. It returns each name's parent
// ("" for none) and whether that parent is a heading (rule 3 or 4) rather
// than a column.
func deriveParents(names []string) (parents []string, heading []bool) {
	n := len(names)
	parents = make([]string, n)
	heading = make([]bool, n)
	isCol := make(map[string]bool, n)
	for _, s := range names {
		isCol[s] = true
	}
	// Rule 1: the longest earlier column that is a segment prefix.
	for i, c := range names {
		for j := 0; j < i; j++ {
			p := names[j]
			if segmentPrefix(p, c) && len(p) > len(parents[i]) {
				parents[i] = p
			}
		}
	}
	// Rule 2: a run of an abbreviated family after the code it abbreviates.
	for i := 0; i < n; {
		f := family(names[i])
		j := i + 1
		for j < n && family(names[j]) == f {
			j++
		}
		if i > 0 && !isCol[f] && abbreviates(f, names[i-1]) {
			for k := i; k < j; k++ {
				if parents[k] == "" {
					parents[k] = names[i-1]
				}
			}
		}
		i = j
	}
	// Rule 3: headings shared by two or more codes still without a parent.
	count := map[string]int{}
	for i, c := range names {
		if parents[i] == "" && !isCol[family(c)] {
			count[family(c)]++
		}
	}
	for i, c := range names {
		if f := family(c); parents[i] == "" && !isCol[f] && count[f] >= 2 {
			parents[i], heading[i] = f, true
		}
	}
	// Rule 4: a code still without a parent, enclosed by codes under one
	// heading (the nearest before and after it placed under a heading by
	// rule 3), is under that heading.
	byRule3 := append([]bool(nil), heading...)
	for i := range names {
		if parents[i] != "" {
			continue
		}
		before, after := "", ""
		for j := i - 1; j >= 0; j-- {
			if byRule3[j] {
				before = parents[j]
				break
			}
		}
		for j := i + 1; j < n; j++ {
			if byRule3[j] {
				after = parents[j]
				break
			}
		}
		if before != "" && before == after {
			parents[i], heading[i] = before, true
		}
	}
	return parents, heading
}

// segmentPrefix reports whether p is a proper prefix of c ending where a
// segment of c starts: at an upper-case letter or a colon.
func segmentPrefix(p, c string) bool {
	return len(p) < len(c) && strings.HasPrefix(c, p) && (isUpper(c[len(p)]) || c[len(p)] == ':')
}

// family returns c's first segment: its first letter and the lower-case
// letters and digits that follow, up to the next upper-case letter or colon.
func family(c string) string {
	for i := 1; i < len(c); i++ {
		if isUpper(c[i]) || c[i] == ':' {
			return c[:i]
		}
	}
	return c
}

// abbreviates reports whether family f reads as an abbreviation of code p:
// f starts with the letter that starts p's last segment, and each of f's
// letters occurs in p, case aside.
func abbreviates(f, p string) bool {
	last := 0
	for i := range len(p) {
		if isUpper(p[i]) {
			last = i
		}
	}
	if f == "" || p == "" || f[0] != p[last] {
		return false
	}
	lp := strings.ToLower(p)
	for _, r := range strings.ToLower(f) {
		if !strings.ContainsRune(lp, r) {
			return false
		}
	}
	return true
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// Codes returns the 251 PA-X provision codes in the column order of the
// provision-level file, as a new slice each call.
func Codes() []Code {
	out := make([]Code, NumCodes)
	copy(out, book.codes[:])
	return out
}

// Headings returns the headings the codebook derives from the codes' names
// (see the package doc, Provision codes), such as "Ssr" and "Im", in the
// order of their first code, as a new slice each call. A heading is not a
// column of the file: no record has a level for it.
func Headings() []Code {
	return append([]Code(nil), book.headings...)
}

// IsCode reports whether s is one of the 251 provision codes, spelled
// exactly (case matters): IsCode("Ce") is true, IsCode("ce") and
// IsCode("Ssr") (a heading) are false.
func IsCode(s string) bool {
	_, ok := book.index[Code(s)]
	return ok
}

// IsHeading reports whether s is one of the headings of [Headings].
func IsHeading(s string) bool { return book.isHead[Code(s)] }

// Parent returns the code or heading c is under: "Ssr" for "Ce", "Ce" for
// "CeProv", "PpsGe" for "PpsGe:St"; "" for a heading, a code under none, or
// anything that is not a code.
func Parent(c Code) Code { return book.parent[c] }

// Children returns the codes under c (a code or a heading), in column order,
// as a new slice; nil when there are none.
func Children(c Code) []Code {
	ch := book.children[c]
	if len(ch) == 0 {
		return nil
	}
	return append([]Code(nil), ch...)
}

// Label returns c's short label, such as "ceasefire" for "Ce", where the
// codebook states one; otherwise c itself (and "" for "").
func Label(c Code) string {
	if l, ok := labels[c]; ok {
		return l
	}
	return string(c)
}

// Category returns the [agreement.Category] that stands for c in a clause:
// c with any colon removed ("PpsGeSt" for "PpsGe:St"), since a category is
// letters and digits only. No two codes share a category.
func (c Code) Category() agreement.Category {
	return agreement.Category(strings.ReplaceAll(string(c), ":", ""))
}

// CodeOf returns the provision code or heading whose category is cat: "Ce"
// for "Ce", "PpsGe:St" for "PpsGeSt", "Ssr" for "Ssr"; false when cat is
// neither (case matters).
func CodeOf(cat agreement.Category) (Code, bool) {
	if c, ok := book.byCat[cat]; ok {
		return c, true
	}
	if book.isHead[Code(cat)] {
		return Code(cat), true
	}
	return "", false
}
