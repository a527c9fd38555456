package coalitiontest

import (
	"slices"
	"strconv"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/coalition"
)

// Coalition returns a generator of coalitions that are valid by
// construction: [coalition.Coalition.Validate] returns nil for every one,
// and [coalition.Coalition.Agreement] compiles each into an agreement that
// validates. Sizes are bounded by cfg (the zero Config means
// [DefaultConfig]).
//
// A drawn coalition has one or more members (full members and partners) and
// other declared parties, one of which may be the coalition itself as an
// actor and one (a member or not) the host; fluents, among them often
// "ceasefire-in-force"; one or more functions, well-known or user-defined,
// each with zero to two leads among the members (a function with a lead and
// no contributions always allows it; others sometimes do), and sometimes a
// provision category; coordination cells; declarations by all members or by
// listed parties; meetings with named attendees at every level and unnamed
// headcounts; and contributions by members to declared functions, with
// ranges (min <= max, exact decimals) in a few shared units, every kind of
// basing (areas only inside the host), optional actions and beneficiaries,
// and conditions: none, "after a ceasefire", "in the event of a new attack"
// alone or after a ceasefire, or arbitrary conditions of bounded depth that
// may read the states of other contributions (only ever of contributions
// drawn before them; the order is then shuffled, so there is never a
// dependency cycle but dependencies point both ways in the list).
//
// The generator is safe for concurrent use and never panics. Values drawn
// share no slices with one another; their conditions are immutable.
func Coalition(cfg Config) *rapid.Generator[coalition.Coalition] {
	cfg = cfg.normalised()
	g := newGens()
	return rapid.Custom(func(t *rapid.T) coalition.Coalition { return g.coalition(t, cfg) })
}

// Range returns a generator of valid ranges (non-negative bounds drawn as
// [agreementtest.Decimal] draws them, built from integers and decimal text,
// never from floats; min <= max) in one of units, with or without the
// source's wording. With no units it draws from a small set of common ones
// ([agreement.UnitTroops], [agreement.UnitAircraft],
// [agreement.UnitVessels], [agreement.UnitUnspecified] and "hubs"), so that
// drawn totals add several ranges. It is safe for concurrent use and never
// panics.
func Range(units ...agreement.Unit) *rapid.Generator[agreement.Range] {
	if len(units) == 0 {
		units = defaultUnits()
	} else {
		units = slices.Clone(units)
	}
	return rapid.Custom(func(t *rapid.T) agreement.Range { return drawRange(t, units) })
}

func defaultUnits() []agreement.Unit {
	return []agreement.Unit{agreement.UnitTroops, agreement.UnitAircraft, agreement.UnitVessels, agreement.UnitUnspecified, "hubs"}
}

// gens holds the generators one Coalition generator uses; they are built
// once and never modified.
type gens struct {
	name, kindName, text, rep *rapid.Generator[string]
}

func newGens() *gens {
	return &gens{
		name:     rapid.StringMatching(`[A-Za-z0-9][A-Za-z0-9_-]{0,15}`),
		kindName: rapid.StringMatching(`[a-z][a-z0-9-]{0,15}`),
		text: rapid.OneOf(rapid.Just(""), rapid.SampledFrom([]string{
			"support the multinational force in the event of a new Russian attack",
			"several thousand troops to Ukraine after the conflict",
			"military hubs throughout Ukraine", "based outside Ukraine", "\u00e9t\u00e9 \U0001F54A", "line\nbreak",
		}), rapid.StringN(0, 24, -1)),
		rep: rapid.SampledFrom([]string{"Emmanuel Macron", "Keir Starmer", "Volodymyr Zelensky",
			"Friedrich Merz", "Steve Witkoff", "a minister", "an ambassador"}),
	}
}

// Pools of realistic ids; no entry ends in "." followed by digits, the
// suffix [agreementtest.IDs] gives drawn names.
func partyPool() []string {
	return []string{"UA", "FR", "GB", "DE", "US", "PL", "IT", "CA", "NL", "DK", "NO", "SE", "FI", "TR", "JP", "AU",
		"RU", "COW", "BY", "EU"}
}

func contributionPool() []string {
	return []string{"us-backstop", "us-monitoring", "fr-troops", "gb-troops", "de-monitoring", "gb-hubs",
		"fr-hubs", "pl-logistics", "it-air", "tr-maritime"}
}

func functionPool() []string {
	return []string{string(coalition.CeasefireMonitoring), string(coalition.MultinationalForce),
		string(coalition.Training), string(coalition.AirPolicing), string(coalition.MaritimeSecurity),
		string(coalition.Logistics), string(coalition.Intelligence), string(coalition.WeaponsHubs), "demining",
		"cyber-defence"}
}

// ceasefire is the fluent most drawn conditions read.
const ceasefire agreement.FluentID = "ceasefire-in-force"

// plan is what the coalition's parts may name, drawn first.
type plan struct {
	members, others, parties []agreement.PartyID
	fluents                  []agreement.FluentID
	functions                []coalition.FunctionID
}

func (g *gens) coalition(t *rapid.T, cfg Config) coalition.Coalition {
	nm := rapid.IntRange(1, cfg.Members).Draw(t, "members")
	no := rapid.IntRange(0, cfg.Others).Draw(t, "others")
	ids := agreementtest.IDs[agreement.PartyID](nm+no, partyPool(), g.name).Draw(t, "party-ids")
	p := plan{members: ids[:nm:nm], others: ids[nm:], parties: ids}

	c := coalition.Coalition{
		ID:   agreement.AgreementID(rapid.SampledFrom([]string{"coalition-of-the-willing", "cow-2026", "paris-2026", "C"}).Draw(t, "id")),
		Name: g.text.Draw(t, "name"),
	}
	if len(p.others) > 0 && rapid.Bool().Draw(t, "has-party") {
		c.Party = rapid.SampledFrom(p.others).Draw(t, "party")
	}
	if rapid.IntRange(0, 3).Draw(t, "has-host") > 0 {
		c.Host = rapid.SampledFrom(p.parties).Draw(t, "host")
	}
	for _, id := range p.parties {
		c.Parties = append(c.Parties, agreement.Party{
			ID:    id,
			Name:  g.text.Draw(t, "party-name"),
			Kind:  rapid.SampledFrom(partyKinds()).Draw(t, "party-kind"),
			Roles: agreementtest.Subset(roles(), 0, 2).Draw(t, "roles"),
		})
	}
	for _, id := range p.members {
		standing := coalition.FullMember
		if rapid.IntRange(0, 3).Draw(t, "partner") == 0 {
			standing = coalition.Partner
		}
		c.Members = append(c.Members, coalition.Member{Party: id, Standing: standing})
	}

	// Fluents: usually the ceasefire, sometimes others.
	if rapid.IntRange(0, 4).Draw(t, "has-ceasefire") > 0 {
		p.fluents = append(p.fluents, ceasefire)
	}
	for i := range rapid.IntRange(0, 1).Draw(t, "other-fluents") {
		p.fluents = append(p.fluents, agreement.FluentID("mission-deployed."+strconv.Itoa(i)))
	}
	scope := agreementtest.Scope{Parties: p.parties, Groups: []agreement.GroupID{coalition.MembersGroup},
		Fluents: p.fluents}
	for _, id := range p.fluents {
		f := agreement.Fluent{ID: id, Initially: id != ceasefire && rapid.Bool().Draw(t, "initially")}
		if id == ceasefire {
			f.Initiates = []agreement.Pattern{{Kind: agreement.EventKindCeasefireInForce}}
			f.Terminates = []agreement.Pattern{{Kind: agreement.EventKindCeasefireCollapsed}}
		} else {
			f.Initiates = rapid.SliceOfN(agreementtest.Pattern(scope), 0, 2).Draw(t, "initiates")
			f.Terminates = rapid.SliceOfN(agreementtest.Pattern(scope), 0, 2).Draw(t, "terminates")
		}
		c.Fluents = append(c.Fluents, f)
	}

	nf := rapid.IntRange(1, cfg.Functions).Draw(t, "functions")
	p.functions = agreementtest.IDs[coalition.FunctionID](nf, functionPool(), g.kindName).Draw(t, "function-ids")

	// Contributions, in dependency order, then shuffled.
	nc := rapid.IntRange(0, cfg.Contributions).Draw(t, "contributions")
	cids := agreementtest.IDs[coalition.ContributionID](nc, contributionPool(), g.name).Draw(t, "contribution-ids")
	for i, id := range cids {
		depends := make([]agreement.Ref, i)
		for j := range i {
			depends[j] = agreement.LocalRef(cids[j].ClauseID())
		}
		s := scope
		s.Depends = depends
		c.Contributions = append(c.Contributions, g.contribution(t, cfg, p, s, id))
	}
	if len(c.Contributions) > 1 {
		c.Contributions = rapid.Permutation(c.Contributions).Draw(t, "contribution-order")
	}

	served := map[coalition.FunctionID]bool{}
	for _, ct := range c.Contributions {
		served[ct.Function] = true
	}
	for _, id := range p.functions {
		f := coalition.Function{
			ID:    id,
			Name:  g.text.Draw(t, "function-name"),
			Leads: agreementtest.Subset(p.members, 0, 2).Draw(t, "leads"),
		}
		f.LeadWithoutContributions = len(f.Leads) > 0 && !served[id] || rapid.Bool().Draw(t, "lead-without")
		if rapid.IntRange(0, 3).Draw(t, "has-category") == 0 {
			f.Category = rapid.SampledFrom([]agreement.Category{agreement.CategorySsrGua,
				agreement.CategorySsrFf, agreement.CategoryImE, "SsrMon"}).Draw(t, "category")
		}
		c.Functions = append(c.Functions, f)
	}

	for range rapid.IntRange(0, cfg.Cells).Draw(t, "cells") {
		c.Cells = append(c.Cells, coalition.Cell{
			Name:         g.text.Draw(t, "cell-name"),
			Location:     rapid.SampledFrom([]string{"Paris", "Kyiv", "London", ""}).Draw(t, "location"),
			Participants: agreementtest.Subset(p.parties, 1, 3).Draw(t, "participants"),
		})
	}
	for range rapid.IntRange(0, cfg.Declarations).Draw(t, "declarations") {
		d := coalition.Declaration{
			Title: rapid.SampledFrom([]string{"Paris declaration", "trilateral declaration of intent",
				"joint statement"}).Draw(t, "title"),
			AllMembers: rapid.Bool().Draw(t, "all-members"),
			Force:      rapid.SampledFrom(forces()).Draw(t, "declaration-force"),
		}
		if !d.AllMembers {
			d.Signatories = agreementtest.Subset(p.parties, 1, 3).Draw(t, "signatories")
		}
		c.Declarations = append(c.Declarations, d)
	}
	for range rapid.IntRange(0, cfg.Meetings).Draw(t, "meetings") {
		m := coalition.Meeting{Title: g.text.Draw(t, "meeting-title"), Location: "Paris"}
		for _, id := range agreementtest.Subset(p.parties, 0, len(p.parties)).Draw(t, "attendees") {
			m.Attendees = append(m.Attendees, coalition.Attendee{
				Party:           id,
				Level:           rapid.SampledFrom(levels()).Draw(t, "level"),
				Representatives: rapid.SliceOfN(g.rep, 0, 2).Draw(t, "representatives"),
			})
		}
		for range rapid.IntRange(0, 2).Draw(t, "headcounts") {
			m.Unnamed = append(m.Unnamed, coalition.Headcount{
				Level: rapid.SampledFrom(levels()).Draw(t, "unnamed-level"),
				Count: rapid.IntRange(0, 40).Draw(t, "count"),
			})
		}
		c.Meetings = append(c.Meetings, m)
	}
	return c
}

func (g *gens) contribution(t *rapid.T, cfg Config, p plan, s agreementtest.Scope, id coalition.ContributionID) coalition.Contribution {
	ct := coalition.Contribution{
		ID:          id,
		Contributor: rapid.SampledFrom(p.members).Draw(t, "contributor"),
		Function:    rapid.SampledFrom(p.functions).Draw(t, "function"),
		Text:        g.text.Draw(t, "text"),
		Quantities:  rapid.SliceOfN(Range(), 0, 2).Draw(t, "quantities"),
		Force:       rapid.SampledFrom(forces()).Draw(t, "force"),
		Condition:   g.condition(t, cfg, p, s),
	}
	ct.Basing.Kind = rapid.SampledFrom([]coalition.BasingKind{coalition.BasingUnspecified, coalition.InHost,
		coalition.OutsideHost, coalition.AtSea}).Draw(t, "basing")
	if ct.Basing.Kind == coalition.InHost {
		areas := []agreement.AreaID{"donetsk", "kyiv", "odesa", "UA-14", "dnipro"}
		ct.Basing.Areas = agreementtest.Subset(areas, 0, 2).Draw(t, "areas")
	}
	if rapid.Bool().Draw(t, "has-location") {
		ct.Basing.Location = rapid.SampledFrom([]string{"Poland", "Black Sea", "western Ukraine"}).Draw(t, "location")
	}
	if rapid.IntRange(0, 3).Draw(t, "has-action") == 0 {
		a := agreementtest.Pattern(s).Draw(t, "action")
		ct.Action = &a
	}
	if rapid.IntRange(0, 3).Draw(t, "has-beneficiaries") == 0 {
		ct.Beneficiaries = agreementtest.Subset(p.parties, 0, 2).Draw(t, "beneficiaries")
	}
	if rapid.Bool().Draw(t, "has-source") {
		ct.Source = agreement.Source{Document: rapid.SampledFrom([]string{"draft statement", "final communiqué",
			"trilateral declaration of intent"}).Draw(t, "document")}
	}
	return ct
}

// condition draws a contribution's condition: none; after a ceasefire; a
// new attack, alone or after a ceasefire; or an arbitrary one, alone or
// with a new attack.
func (g *gens) condition(t *rapid.T, cfg Config, p plan, s agreementtest.Scope) agreement.Condition {
	afterCeasefire := func() agreement.Condition {
		if slices.Contains(p.fluents, ceasefire) && rapid.Bool().Draw(t, "ceasefire-fluent") {
			return agreement.Holds(ceasefire)
		}
		return agreement.Happened(agreement.Pattern{Kind: agreement.EventKindCeasefireInForce})
	}
	attack := func() agreement.Condition {
		pat := agreement.Pattern{Kind: agreement.EventKindArmedAttack}
		if rapid.Bool().Draw(t, "attacker") {
			pat.Actor = rapid.SampledFrom(p.parties).Draw(t, "actor")
		}
		return agreement.Happened(pat)
	}
	arbitrary := func() agreement.Condition { return agreementtest.Condition(s, cfg.Depth).Draw(t, "condition") }
	switch rapid.IntRange(0, 6).Draw(t, "condition-sort") {
	case 0:
		return nil
	case 1:
		return afterCeasefire()
	case 2:
		return agreement.All(afterCeasefire(), attack())
	case 3:
		return attack()
	case 4:
		return agreement.All(arbitrary(), attack())
	}
	return arbitrary()
}

func drawRange(t *rapid.T, units []agreement.Unit) agreement.Range {
	r := agreement.Range{Min: agreementtest.Decimal().Draw(t, "min"), Unit: rapid.SampledFrom(units).Draw(t, "unit")}
	r.Max = r.Min
	if rapid.Bool().Draw(t, "inexact") {
		r.Max = r.Min.Add(agreementtest.Decimal().Draw(t, "spread"))
	}
	if rapid.Bool().Draw(t, "has-wording") {
		r.Wording = rapid.SampledFrom([]string{"several thousand", "a few hundred", "up to 5,000", "dozens"}).Draw(t, "wording")
	}
	return r
}

func partyKinds() []agreement.PartyKind {
	return []agreement.PartyKind{agreement.PartyKindUnspecified, agreement.PartyKindState, agreement.PartyKindGovernment,
		agreement.PartyKindIntergovernmentalOrganisation, agreement.PartyKindStateCoalition}
}

func roles() []agreement.Role {
	return []agreement.Role{agreement.RolePartyToConflict, agreement.RoleGuarantor, agreement.RoleMonitor,
		agreement.RoleBeneficiary, agreement.RoleObserver}
}

func forces() []agreement.Force {
	return []agreement.Force{agreement.ForceUnspecified, agreement.ForceLegallyBinding, agreement.ForcePoliticallyBinding,
		agreement.ForceDeclarationOfIntent, agreement.ForceAspiration}
}

func levels() []coalition.Level {
	return []coalition.Level{coalition.LevelUnspecified, coalition.Leader, coalition.Minister, coalition.Envoy,
		coalition.Official}
}
