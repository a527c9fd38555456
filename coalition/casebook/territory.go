package casebook

import (
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
)

// paris2026Area is one area of the Paris 2026 territory, as decimal text
// from the sources Paris2026Territory cites.
type paris2026Area struct {
	id   agreement.AreaID
	name string
	size string // km²
	ru   string // percent of the area Russia controls
}

// paris2026Areas are the named areas; the rest of Ukraine is derived.
var paris2026Areas = [...]paris2026Area{
	{"donetsk", "Donetsk oblast", "26517", "78.1"},
	{"luhansk", "Luhansk oblast", "26684", "99.6"},
	{"zaporizhzhia", "Zaporizhzhia oblast", "27183", "74.8"},
	{"kherson", "Kherson oblast", "28461", "72"},
	{"crimea", "Autonomous Republic of Crimea", "26081", "100"},
	{"sevastopol", "Sevastopol", "864", "100"},
}

const (
	ukraineKm2       = "603628" // Ukraine in all
	deepStateRUTotal = "116165" // km² Russia controls, DeepState, 1 January 2026
	restPlaces       = 4        // decimal places of the derived share of the rest
)

// Paris2026Territory returns the agreement holding the territory of the
// Paris 2026 case: "the territorial question", with "Russian demands for
// Kyiv to surrender the eastern Donbas region" and "Russia occupies
// approximately 20% of Ukraine" (the article "Western Allies Forge Robust
// Security Framework for Ukraine Amid Ongoing Tensions", london-news-net),
// modelled with real figures. Its id is "territorial-question"; it is still
// to be negotiated: it has no signature, so a replay keeps it a draft and
// no option of it takes effect. Its parties are Ukraine and Russia, and the
// Permanent Court of Arbitration only because one package of
// [Paris2026Packages] defers to arbitration (the article does not name it).
//
// Areas, in km²: Ukraine 603,628 in all; Donetsk oblast 26,517; Luhansk
// oblast 26,684; Zaporizhzhia oblast 27,183; Kherson oblast 28,461;
// Autonomous Republic of Crimea 26,081; Sevastopol 864; the rest of Ukraine,
// 603,628 minus their sum (467,838), as one area, in that order, with ids
// donetsk, luhansk, zaporizhzhia, kherson, crimea, sevastopol and rest.
//
// Control: DeepState (Ukrainian OSINT mapping project), year-end summary
// posted on its Telegram channel on 1 January 2026, giving the share of each
// oblast occupied as of 1 January 2026: Luhansk 99.6%, Donetsk 78.1%,
// Zaporizhzhia 74.8%, Kherson 72%, Crimea 100% (Sevastopol included), and
// outside those Kharkiv 4.7%, Sumy 1.0%, Dnipropetrovsk 0.6%; 116,165 km² in
// all, 19.25% of Ukraine. As reported by:
//   - Online.ua, "DeepState calculated the area of Ukraine occupied by the
//     Russian Federation in 2025", 2 January 2026,
//     https://news.online.ua/en/deepstate-calculated-the-area-of-ukraine-occupied-by-the-russian-federation-in-2025-900209/
//   - Interfax-Ukraine, "Ворог окупував 0,72% України за 2025 рік – DeepState",
//     1 January 2026, https://interfax.com.ua/news/general/1133068.html
//     (the 116,165 km² and 19.25% totals).
//
// The rest of Ukraine is one area, so its Russian-controlled share is
// derived so that the total matches DeepState's 116,165 km²: (116,165 minus
// what Russia controls of the six named areas) / 467,838, as a percentage
// rounded to 4 places with DivRound: 0.2369%, about 1,108 km² (the occupied
// parts of Kharkiv, Sumy, Dnipropetrovsk and the Kinburn spit, net of the
// rounding of DeepState's oblast percentages). Ukraine controls the rest of
// each area. Sovereignty is Ukraine's throughout, as the internationally
// recognised borders (UN General Assembly resolutions 68/262 and ES-11/4)
// have it. The article's "approximately 20% of Ukraine" is the same figure,
// rounded.
func Paris2026Territory() agreement.Agreement {
	dec := decimal.RequireFromString
	hundred := decimal.NewFromInt(100)
	named, ruNamed := decimal.Zero, decimal.Zero
	for _, r := range paris2026Areas {
		named = named.Add(dec(r.size))
		ruNamed = ruNamed.Add(dec(r.size).Mul(dec(r.ru)).Shift(-2))
	}
	restSize := dec(ukraineKm2).Sub(named)
	restRU := dec(deepStateRUTotal).Sub(ruNamed).Mul(hundred).DivRound(restSize, restPlaces)

	var t agreement.Territory
	add := func(id agreement.AreaID, name string, size, ru decimal.Decimal) {
		control := []agreement.Share{{Party: "RU", Percent: ru}}
		if ua := hundred.Sub(ru); ua.IsPositive() {
			control = append(control, agreement.Share{Party: "UA", Percent: ua})
		}
		t.Areas = append(t.Areas, agreement.Area{
			ID: id, Name: name, Size: size,
			Sovereignty: []agreement.Share{{Party: "UA", Percent: hundred}},
			Control:     control,
		})
	}
	for _, r := range paris2026Areas {
		add(r.id, r.name, dec(r.size), dec(r.ru))
	}
	add("rest", "rest of Ukraine", restSize, restRU)
	return agreement.Agreement{
		ID:    "territorial-question",
		Title: "The territorial question (still to be negotiated)",
		Parties: []agreement.Party{
			{ID: "UA", Name: "Ukraine", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "RU", Name: "Russia", Kind: agreement.PartyKindState, Roles: []agreement.Role{agreement.RolePartyToConflict}},
			{ID: "PCA", Name: "Permanent Court of Arbitration", Kind: agreement.PartyKindIntergovernmentalOrganisation},
		},
		Territory: t,
	}
}

// Paris2026Packages returns three territorial packages over
// [Paris2026Territory], to compare: "cede Donbas" (Ukraine cedes the
// Donetsk and Luhansk oblasts to Russia and withdraws from them within 60
// days; the line freezes in Zaporizhzhia and Kherson), "freeze the line
// with a DMZ" (the front areas freeze, with a demilitarised zone 15 km on
// each side within 30 days) and "defer to arbitration" (the Permanent Court
// of Arbitration awards the Donetsk and Luhansk oblasts within a year,
// sovereignty following control if it does not; the front freezes
// meanwhile). They are options for analysis, not proposals the article
// reports: it says only that "land options" are the "critical issue". The
// DMZ's width is an assumption, not a sourced figure.
func Paris2026Packages() []agreement.Package {
	width := decimal.NewFromInt(15) // km on each side: an assumption, not a sourced figure
	front := func() []agreement.AreaID {
		return []agreement.AreaID{"donetsk", "luhansk", "zaporizhzhia", "kherson", "rest"}
	}
	return []agreement.Package{
		{Name: "cede Donbas", Options: []agreement.Option{
			{ID: "cede-donbas", Kind: agreement.OptionKindCede, Areas: []agreement.AreaID{"donetsk", "luhansk"},
				From: "UA", To: "RU", Text: "Ukraine cedes Donetsk and Luhansk oblasts to Russia"},
			{ID: "leave-donbas", Kind: agreement.OptionKindWithdraw, Areas: []agreement.AreaID{"donetsk", "luhansk"},
				From: "UA", To: "RU", Deadline: agreement.Deadline{Period: agreement.Period{Days: 60}}},
			{ID: "freeze-south", Kind: agreement.OptionKindFreeze, Areas: []agreement.AreaID{"zaporizhzhia", "kherson"},
				Parties: []agreement.PartyID{"UA", "RU"}},
		}},
		{Name: "freeze the line with a DMZ", Options: []agreement.Option{
			{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: front(), Parties: []agreement.PartyID{"UA", "RU"}},
			{ID: "dmz", Kind: agreement.OptionKindDemilitarisedZone, Areas: front(), Parties: []agreement.PartyID{"UA", "RU"},
				Width: &width, Deadline: agreement.Deadline{Period: agreement.Period{Days: 30}}},
		}},
		{Name: "defer to arbitration", Options: []agreement.Option{
			{ID: "arbitrate-donbas", Kind: agreement.OptionKindArbitration, Areas: []agreement.AreaID{"donetsk", "luhansk"},
				Party: "PCA", Deadline: agreement.Deadline{Period: agreement.Period{Years: 1}},
				Results: []agreement.Result{{Outcome: "RU", Sovereign: "RU"}, {Outcome: "UA", Sovereign: "UA"}},
				Lapse:   agreement.LapseFollowControl},
			{ID: "freeze", Kind: agreement.OptionKindFreeze, Areas: front(), Parties: []agreement.PartyID{"UA", "RU"}},
		}},
	}
}
