package agreement

// Stage is the PA-X stage of an agreement: a closed set of codes. The zero
// value means the stage is not recorded.
type Stage string

// The PA-X stages, with their dataset labels.
const (
	StagePre     Stage = "Pre"     // Pre-negotiation/process
	StageSubPar  Stage = "SubPar"  // Framework-substantive, partial
	StageSubComp Stage = "SubComp" // Framework-substantive, comprehensive
	StageImp     Stage = "Imp"     // Implementation
	StageCea     Stage = "Cea"     // Ceasefire
	StageRen     Stage = "Ren"     // Renewal
	StageOth     Stage = "Oth"     // Other
)

var stageLabels = map[Stage]string{
	StagePre:     "Pre-negotiation/process",
	StageSubPar:  "Framework-substantive, partial",
	StageSubComp: "Framework-substantive, comprehensive",
	StageImp:     "Implementation",
	StageCea:     "Ceasefire",
	StageRen:     "Renewal",
	StageOth:     "Other",
}

// Valid reports whether s is empty or one of the PA-X stage codes.
func (s Stage) Valid() bool {
	_, ok := stageLabels[s]
	return ok || s == ""
}

// Label returns the PA-X label of the stage, such as "Ceasefire"; "" when s
// is empty or not a stage code.
func (s Stage) Label() string { return stageLabels[s] }

// SubStage is the PA-X sub-stage of an agreement: a closed set of codes, each
// belonging to one [Stage]. The zero value means it is not recorded.
type SubStage string

// The PA-X sub-stages.
const (
	SubStageProc     SubStage = "Proc"     // Pre: Process
	SubStagePrin     SubStage = "Prin"     // Pre: Principles
	SubStageConf     SubStage = "Conf"     // Pre: Confidence building measure
	SubStagePreMix   SubStage = "PreMix"   // Pre: Mixed
	SubStagePreOth   SubStage = "PreOth"   // Pre: Other
	SubStageMultIss  SubStage = "MultIss"  // SubPar: Multiple issues
	SubStageIss      SubStage = "Iss"      // SubPar: Core issue
	SubStageFrparOth SubStage = "FrparOth" // SubPar: Other
	SubStageFrAg     SubStage = "FrAg"     // SubComp: Agreement
	SubStageFrCons   SubStage = "FrCons"   // SubComp: Constitution
	SubStageFrcomOth SubStage = "FrcomOth" // SubComp: Other
	SubStageImpMod   SubStage = "ImpMod"   // Imp: Implementation modalities
	SubStageExtSub   SubStage = "ExtSub"   // Imp: Addresses new or outstanding issues
	SubStageExtPar   SubStage = "ExtPar"   // Imp: Extends the agreement to new parties
	SubStageImpOth   SubStage = "ImpOth"   // Imp: Other
	SubStageCeas     SubStage = "Ceas"     // Cea: Ceasefire
	SubStageRel      SubStage = "Rel"      // Cea: Related
	SubStageCeaMix   SubStage = "CeaMix"   // Cea: Mixed
	SubStageRepre    SubStage = "Repre"    // Ren: Renewal pre-negotiation
	SubStageResub    SubStage = "Resub"    // Ren: Renewal substantive
	SubStageReimp    SubStage = "Reimp"    // Ren: Renewal implementation
	SubStageReoth    SubStage = "Reoth"    // Ren: Other
	SubStageOther    SubStage = "Other"    // Oth: Other stage (specified)
)

type subStageInfo struct {
	stage Stage
	label string
}

var subStages = map[SubStage]subStageInfo{
	SubStageProc:     {StagePre, "Process"},
	SubStagePrin:     {StagePre, "Principles"},
	SubStageConf:     {StagePre, "Confidence building measure"},
	SubStagePreMix:   {StagePre, "Mixed"},
	SubStagePreOth:   {StagePre, "Other"},
	SubStageMultIss:  {StageSubPar, "Multiple issues"},
	SubStageIss:      {StageSubPar, "Core issue"},
	SubStageFrparOth: {StageSubPar, "Other"},
	SubStageFrAg:     {StageSubComp, "Agreement"},
	SubStageFrCons:   {StageSubComp, "Constitution"},
	SubStageFrcomOth: {StageSubComp, "Other"},
	SubStageImpMod:   {StageImp, "Implementation modalities"},
	SubStageExtSub:   {StageImp, "Addresses new or outstanding issues"},
	SubStageExtPar:   {StageImp, "Extends the agreement to new parties"},
	SubStageImpOth:   {StageImp, "Other"},
	SubStageCeas:     {StageCea, "Ceasefire"},
	SubStageRel:      {StageCea, "Related"},
	SubStageCeaMix:   {StageCea, "Mixed"},
	SubStageRepre:    {StageRen, "Renewal pre-negotiation"},
	SubStageResub:    {StageRen, "Renewal substantive"},
	SubStageReimp:    {StageRen, "Renewal implementation"},
	SubStageReoth:    {StageRen, "Other"},
	SubStageOther:    {StageOth, "Other stage (specified)"},
}

// Valid reports whether s is empty or one of the PA-X sub-stage codes.
func (s SubStage) Valid() bool {
	_, ok := subStages[s]
	return ok || s == ""
}

// Stage returns the stage s belongs to; "" when s is not a sub-stage code.
func (s SubStage) Stage() Stage { return subStages[s].stage }

// Label returns the PA-X label of the sub-stage, such as "Implementation
// modalities"; "" when s is not a sub-stage code.
func (s SubStage) Label() string { return subStages[s].label }
