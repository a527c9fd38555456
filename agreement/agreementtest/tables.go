package agreementtest

import (
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
)

// The tables below are read-only. No pool entry ends in "." followed by
// digits, the suffix drawIDs gives drawn names.
var (
	agreementPool = []string{"paris-declaration-2026", "ceasefire-2026", "trilateral-doi", "coalition-mou",
		"monitoring-protocol", "A1"}
	partyPool  = []string{"UA", "RU", "US", "FR", "GB", "DE", "COW", "PL", "IT", "CA", "TR", "UN", "EU", "OSCE"}
	groupPool  = []string{"NATO", "EU-members", "COW-members", "G7", "guarantors", "monitors"}
	fluentPool = []string{"ceasefire-in-force", "mission-deployed", "front-frozen", "talks-open",
		"exchange-ongoing"}
	clausePool = []string{"C1", "C2", "C3", "G1", "G2", "M1", "M2", "P1", "S1", "R1", "W1", "E1"}
	areaPool   = []string{"donetsk", "luhansk", "zaporizhzhia", "kherson", "crimea", "UA-14", "dmz-1"}
	// itemClassPool are ids of item classes; itemPool names of items.
	itemClassPool = []string{"artillery-100mm", "mlrs", "tanks", "combat-aircraft", "drones"}
	itemPool      = []string{"D-30 122 mm howitzer", "BM-21 Grad", "T-72B3", "2S19 Msta-S", "Shahed-136",
		"M777 \"triple seven\""}

	eventKinds = []agreement.EventKind{agreement.EventKindCeasefireDeclared, agreement.EventKindCeasefireInForce,
		agreement.EventKindCeasefireCollapsed, agreement.EventKindArmedAttack, agreement.EventKindWithdrawalCompleted,
		agreement.EventKindForcesDeployed, agreement.EventKindControlChanged, agreement.EventKindElectionHeld, agreement.EventKindReferendumHeld,
		agreement.EventKindArbitrationAward, agreement.EventKindRatification, agreement.EventKindSigning, agreement.EventKindPerformance,
		agreement.EventKindPowerExercised}
	units = []string{string(agreement.UnitUnspecified), string(agreement.UnitTroops), string(agreement.UnitKm),
		string(agreement.UnitKm2), string(agreement.UnitPercent), string(agreement.UnitDays), string(agreement.UnitAircraft),
		string(agreement.UnitVessels)}
	categories = []agreement.Category{agreement.CategoryCe, agreement.CategorySsrGua,
		agreement.CategorySsrFf, agreement.CategorySsrDdr, agreement.CategoryImPK,
		agreement.CategoryImUN, agreement.CategoryImE, agreement.CategoryImRef,
		agreement.CategoryStBor}
	stages = []agreement.Stage{agreement.StagePre, agreement.StageSubPar, agreement.StageSubComp,
		agreement.StageImp, agreement.StageCea, agreement.StageRen, agreement.StageOth}
	subStages = []agreement.SubStage{agreement.SubStageProc, agreement.SubStagePrin, agreement.SubStageConf,
		agreement.SubStagePreMix, agreement.SubStagePreOth, agreement.SubStageMultIss, agreement.SubStageIss,
		agreement.SubStageFrparOth, agreement.SubStageFrAg, agreement.SubStageFrCons,
		agreement.SubStageFrcomOth, agreement.SubStageImpMod, agreement.SubStageExtSub,
		agreement.SubStageExtPar, agreement.SubStageImpOth, agreement.SubStageCeas, agreement.SubStageRel,
		agreement.SubStageCeaMix, agreement.SubStageRepre, agreement.SubStageResub, agreement.SubStageReimp,
		agreement.SubStageReoth, agreement.SubStageOther}
	signingStatuses = []agreement.SigningStatus{agreement.SigningStatusUnspecified, agreement.SigningStatusSigned,
		agreement.SigningStatusUnilateral, agreement.SigningStatusUnclear, agreement.SigningStatusSubsequent}
	partyKinds = []agreement.PartyKind{agreement.PartyKindUnspecified, agreement.PartyKindState,
		agreement.PartyKindGovernment, agreement.PartyKindArmedGroup, agreement.PartyKindIntergovernmentalOrganisation, agreement.PartyKindStateCoalition,
		agreement.PartyKindPerson, agreement.PartyKindCivilSociety, agreement.PartyKindOther}
	roles = []agreement.Role{agreement.RolePartyToConflict, agreement.RoleGuarantor, agreement.RoleMediator,
		agreement.RoleMonitor, agreement.RoleWitness, agreement.RoleObserver, agreement.RoleBeneficiary}
	deontics = []agreement.Deontic{agreement.DeonticObligation, agreement.DeonticProhibition, agreement.DeonticPermission,
		agreement.DeonticPower}
	forces = []agreement.Force{agreement.ForceUnspecified, agreement.ForceLegallyBinding,
		agreement.ForcePoliticallyBinding, agreement.ForceDeclarationOfIntent, agreement.ForceAspiration}
	attributions = []agreement.Attribution{agreement.AttributionUnspecified, agreement.AttributionAlleged,
		agreement.AttributionConfirmed}
	clauseStates = []agreement.State{agreement.StateDormant, agreement.StatePending, agreement.StateInEffect,
		agreement.StateSuspended, agreement.StateFulfilled, agreement.StateViolated, agreement.StateDischarged,
		agreement.StateTerminated, agreement.StateLapsed}
	agreementStates = []agreement.State{agreement.StateDraft, agreement.StateSigned, agreement.StateInForce,
		agreement.StateSuspended, agreement.StateTerminated}

	// zonePool are the zones agreements and clauses declare: UTC by name,
	// fixed offsets (one of them negative and not whole hours), and zone
	// database names with and without daylight saving time.
	zonePool = []agreement.Zone{"UTC", "+03:00", "-05:30", "+00:00", "Europe/Kyiv", "Asia/Tokyo",
		"America/New_York", "Europe/Paris"}
	roundings = []agreement.Rounding{agreement.RoundStartOfDay, agreement.RoundEndOfDay}

	documents = []string{"draft statement", "final communiqué", "Paris declaration",
		"trilateral declaration of intent"}
	wordings = []string{"several thousand", "up to 5,000", "about 20%", "a few hundred", "at least 15 km"}
	phrases  = []string{"support in the event of a new attack", "a US-led monitoring mechanism",
		"a European-led multinational force", "a coordination cell", "Donbas", "\u00e9t\u00e9 \U0001F54A",
		"line\nbreak", "\"quoted\""}
)

// Generators shared by the draws; rapid generators are safe for concurrent
// use and these are never modified.
var (
	// nameGen draws well-formed ids of up to 20 characters; drawIDs adds at
	// most 3 more, far below the limit of 64.
	nameGen        = rapid.StringMatching(`[A-Za-z0-9][A-Za-z0-9._-]{0,19}`)
	kindNameGen    = rapid.StringMatching(`[a-z][a-z0-9.-]{0,15}`)
	categoryGen    = rapid.StringMatching(`[A-Z][A-Za-z0-9]{0,12}`)
	decimalTextGen = rapid.StringMatching(`(0|[1-9][0-9]{0,29})(\.[0-9]{1,6})?`)
	areaGen        = rapid.OneOf(rapid.SampledFrom(areaPool), nameGen)
	textGen        = rapid.OneOf(rapid.Just(""), rapid.SampledFrom(phrases), rapid.StringN(0, 24, -1))
	unitGen        = rapid.OneOf(rapid.SampledFrom(units), kindNameGen)
	wordingGen     = rapid.OneOf(rapid.SampledFrom(wordings), textGen)
	documentGen    = rapid.OneOf(rapid.SampledFrom(documents), textGen)
)
