package scenario

import (
	"errors"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

// opcode is the operation of a compiled condition node.
type opcode uint8

const (
	opTrue opcode = iota // no condition: always true
	opHappened
	opHolds
	opClauseIn
	opAgreementIn
	opBefore
	opWithin
	opSince
	opAll
	opAny
	opNot
	opAtLeast
	opBreached  // a: clause; k: count; d: within; f: filter index
	opTotal     // a: pattern; b: bound index
	opLevel     // a: pattern; b: bound index
	opUncovered // a: the prohibition instance's action pattern; b: cover list index
	opClock     // d: from (beforeAll: none); u: until (never: none)
)

// node is one compiled condition node. Operands of combinators are the
// node indices kids[first : first+n].
type node struct {
	op     opcode
	states uint16
	a, b   int32 // pattern ids (happened, within, since: a; before: a then b); fluent; clause; agreement
	k      int32 // at-least count
	first  int32 // first operand in Engine.kids
	n      int32 // number of operands
	f      int32 // clause-in of a set of instances: e.instSets index; breached: e.filters index
	// lo is the least index of the node and the nodes under it (see
	// span): operands are compiled before the node that holds them.
	lo  int32
	d   int64 // duration in nanoseconds
	u   int64 // clock: until
	src agreement.Condition
}

// slot names a condition slot of a clause instance or agreement.
type slot uint8

const (
	slotTrigger slot = iota
	slotAntecedent
	slotFulfilment
	slotViolation
	slotDeadline // the anchor of a deadline
	slotExpiry   // the anchor of an expiry
	slotEntry    // an agreement's entry into force
	slotInForce  // the anchor of an agreement's InForceAt
	numSlots
)

// numInstSlots is the number of condition slots of a clause instance.
const numInstSlots = slotEntry

var slotNames = [...]string{"trigger", "antecedent", "fulfilment", "violation", "deadline.from", "expiry.from",
	"entryIntoForce", "inForceAt.from"}

func (s slot) String() string { return slotNames[s] }

// patternKey identifies a pattern resolved in the agreement holding it. A
// pattern still naming a placeholder after binding ([agreement.Debtor] of a
// joint clause, [agreement.Creditor]) is resolved against the debtors and
// creditors of the clause owner; owner is -1 for every other pattern.
type patternKey struct {
	home  int32
	owner int32
	p     agreement.Pattern
}

type patternInfo struct {
	key       patternKey
	clause    agreement.Ref // p.Clause resolved in home; zero when unset
	members   *partySet     // p.Group's members; nil when unset
	class     *cclass       // p.Class resolved in home; nil when unset
	measure   *cbound       // p.Measure compiled; nil when unset
	debtors   partySet      // what $debtor stands for, when it is a set
	creditors partySet      // what $creditor stands for
	// How the actor, target and reporter filters read (see partyFilter),
	// worked out once so that matching compares no placeholder names.
	actor, target, reporter partyFilter
	// more is set when a field other than the kind and the parties
	// filters (see matchesMore).
	more       bool
	instances  []wake  // instances whose conditions or action mention it
	fluentsOn  []int32 // fluents it initiates
	fluentsOff []int32 // fluents it terminates
	agreements []int32 // agreements whose entry condition mentions it
}

type fluentInfo struct {
	id         agreement.FluentID
	home       int32
	initially  bool
	instances  []wake  // instances reading it
	agreements []int32 // agreements whose entry condition reads it
}

type agreementInfo struct {
	id        agreement.AgreementID
	loc       *time.Location // its zone
	entry     int32          // root node of the entry-into-force condition; -1 = on signature
	clauses   []int32
	instances []int32 // every instance of its clauses
	readers   []wake  // instances whose conditions read its state
	readersA  []int32 // agreements whose entry condition reads its state
	timed     []int32 // timed nodes of the entry condition
	// inForceAt is the agreement's InForceAt; ifRoot the root of its
	// anchor (-1: none), ifTimed its timed nodes; ifAt its instant when
	// absolute (never otherwise).
	inForceAt agreement.Deadline
	ifRoot    int32
	ifTimed   []int32
	ifAt      int64
	// Signatures: the required signatories (empty: any one signs), the
	// undated signatures, and the dated ones in order of date.
	required    []agreement.PartyID
	undated     []agreement.PartyID
	signings    []signing
	statusSig   bool // its signing status says signed and it records no signature
	provisional bool // some clause applies provisionally

	// term is the agreement's Term.
	term agreement.Term

	territory terrVal // as the agreement states it
	options   []agreement.Option
	// atEntry is the package applied when the agreement enters into force:
	// every option but withdrawals and administrations, which move control
	// only when their withdrawal clause is fulfilled. settled is atEntry
	// applied to territory, or settledErr why it could not be: what entry
	// into force makes of a territory nothing has changed, computed once.
	atEntry    agreement.Package
	settled    terrVal
	settledErr error
}

// territorialClause ties an implied clause to the option and area it came
// from.
type territorialClause struct {
	option int32 // index in its agreement's options
	area   agreement.AreaID
}

// signing is a dated signature: party signs at instant at.
type signing struct {
	at    int64
	party agreement.PartyID
}

type clauseInfo struct {
	// The fields read whenever an instance of the clause moves come
	// first, together, so that a move reads a line or two of the record.
	home int32
	// surviving, provisional, recurs and standingClause copy the clause's
	// Surviving, Provisional, whether it recurs and Standing, read at every
	// step; anchored is set when its deadline or expiry has an anchor or
	// its deadline binds regardless of activation.
	surviving, provisional, recurs, standingClause, anchored bool
	// hasDeadline and hasExpiry say they are set; dlFrom and expFrom that
	// they have an anchor, dlAbs and expAbs that they are absolute (At).
	hasDeadline, hasExpiry bool
	dlFrom, expFrom        bool
	dlAbs, expAbs          bool
	// dlExcl and expExcl say the limits are exclusive: reached before
	// anything at their instant (Exclusive, or rounded to a day boundary).
	dlExcl, expExcl bool
	// standing is set for a standing clause and a recurring duty: its
	// breaches are recorded and it stays in effect.
	standing bool
	// hasTerm says the clause has a Term (term below); defers copies
	// whether its DuringSuspension is SuspensionDefers.
	hasTerm bool
	defers  bool
	// ghost marks a clause an amendment removed: inert, kept so that its
	// instances keep their indices.
	ghost bool
	// dlAt and expAt are the deadline's and expiry's instants when
	// absolute; never otherwise. dlExact and expExact are their lengths
	// when each is an exact duration alone (After, not rounded), -1
	// otherwise: limits counted on the hot path without the calendar.
	dlAt, expAt       int64
	dlExact, expExact int64
	loc               *time.Location // the zone of its local days
	readersA          []int32        // agreements whose entry condition reads it

	ref       agreement.Ref // qualified
	clause    agreement.Clause
	roots     [numInstSlots]int32 // trigger, antecedent, fulfilment, violation, anchors; -1 = none (shared by instances)
	timed     [numInstSlots][]int32
	instances []int32
	// ghosts are its instances the text no longer has (shares an
	// amendment replaced when it changed the debtors).
	ghosts  []int32
	readers []wake // instances whose conditions read this clause's state
	// breachReaders (and breachReadersA) are the instances (and
	// agreements) whose conditions count this clause's breaches.
	breachReaders  []wake
	breachReadersA []int32
	targets        []int32 // clause indices targeted by a power
	targetsA       []int32 // agreement indices targeted by a power
	resumedBy      int32   // clause index of the paired resume power; -1
	resumes        int32   // for a resume power: the suspend clause it pairs with; -1
	// withdraws is set for the withdrawal clause of a withdraw or
	// administration option: fulfilled by every debtor, it moves control.
	withdraws *territorialClause
	// lapses is set for the clause holding a referendum or making an award:
	// violated, the question lapses.
	lapses   *territorialClause
	deadline agreement.Deadline
	expiry   agreement.Deadline
	// term is the clause's Term (see hasTerm).
	term agreement.Term
}

// gateInfo is what an instance's gate reads, copied from its clause into
// a small array of its own, read for every instance at every step.
type gateInfo struct {
	home                   int32
	surviving, provisional bool
}

type instanceInfo struct {
	clause int32
	// flags copies what the steps of a round read of its clause whenever
	// they take the instance, so that they need not reach for the clause.
	flags instFlag
	// judges is set for the instance of a standing clause or a recurring
	// duty: each evaluation in effect judges what happened up to the
	// instant, so its every wake counts (see wake.go). It sits by flags,
	// read as often.
	judges bool
	debtor agreement.PartyID   // set for clauses expanded per debtor
	roots  [numInstSlots]int32 // per instance: shared roots, or the action for fulfilment/violation
	timed  [numInstSlots][]int32
	// recOn is the pattern starting each occurrence of a recurring duty
	// (Recurrence.On); -1 if none.
	recOn int32
	// ghost marks an instance an amendment removed (with its clause or its
	// debtor): inert, kept so that indices stay what they were.
	ghost bool
	// owed are the debtors that owe it: its debtor, or every debtor of
	// its clause for its one instance; for a ghost, those that owed it
	// when its text last had it.
	owed []agreement.PartyID
	// counted is set when the violation root counts acts (a Happened atom,
	// the default action, or the uncovered acts of a relaxed prohibition):
	// a standing clause then records one breach per act.
	counted bool
	// reads are the inputs whose wake lists hold it, each once (see
	// wake.go).
	reads []input
}

// instFlag is a property of an instance's clause, copied into the
// instance (instanceInfo.flags).
type instFlag uint16

// The flags of instFlag: clauseInfo's anchored, recurs, standingClause,
// dlExcl and expExcl, whether the clause is a power, flagUntimed, and
// whether the clause withdraws from an area or lets a question lapse there
// (clauseInfo's withdraws, lapses).
const (
	flagAnchored instFlag = 1 << iota
	flagRecurs
	flagStandingClause
	flagDlExcl
	flagExpExcl
	flagPower
	// flagUntimed says no condition of the instance has a timed node: only
	// its limits (deadline, expiry, lapse, occurrences) set its timers.
	flagUntimed
	flagTerritorial
	// flagMayLapse and flagMayExpire say the instance may have a lapse
	// instant (an unconditional deadline) or an expiry instant (an expiry
	// or a term): a round none of whose instances may have one takes no
	// lapse or expiry step.
	flagMayLapse
	flagMayExpire
)

// instFlags returns the flags of the instances of clause c.
func instFlags(c *clauseInfo) instFlag {
	var f instFlag
	for _, x := range []struct {
		set  bool
		flag instFlag
	}{{c.anchored, flagAnchored}, {c.recurs, flagRecurs}, {c.standingClause, flagStandingClause},
		{c.dlExcl, flagDlExcl}, {c.expExcl, flagExpExcl}, {c.clause.Kind == agreement.DeonticPower, flagPower},
		{c.withdraws != nil || c.lapses != nil, flagTerritorial},
		{c.deadline.Unconditional || c.ghost, flagMayLapse}, {c.hasExpiry || c.hasTerm || c.ghost, flagMayExpire}} {
		if x.set {
			f |= x.flag
		}
	}
	return f
}

// breachFilter is a compiled [agreement.BreachFilter].
type breachFilter struct {
	insts       []int32 // the instances counted; nil: every instance
	reporter    agreement.PartyID
	attribution agreement.Attribution
}

// coverSource is one permission instance whose grants may cover the acts of
// a prohibition instance.
type coverSource struct {
	perm   int32 // permission instance
	grant  int32 // grant pattern; -1: the permission's entry into effect is the grant
	act    int32 // the permission's action pattern; -1: every act
	covers int32 // acts per grant; 0: every act in the window
	window int64 // 0: no window
}

// Engine is an agreement, or a process of linked agreements, compiled for
// replay: conditions compiled to a flat program, and an index from everything
// a clause depends on to the clauses that depend on it. An Engine is
// immutable and safe for concurrent use by any number of replays. The zero
// value, like a nil *Engine, has no agreement: its methods return errors
// (Replay, Start), nil (Agreements, Instances) or false (Instance), and
// [Timeline.Validate] refuses it; build one with [Compile] or
// [CompileProcess].
type Engine struct {
	process    agreement.Process
	agreements []agreementInfo
	agrIndex   map[agreement.AgreementID]int32
	clauses    []clauseInfo
	clauseIdx  map[agreement.Ref]int32
	instances  []instanceInfo
	gates      []gateInfo // per instance, what its gate reads (Run.gateOpenIn)
	instIndex  map[Instance]int32
	fluents    []fluentInfo
	fluentIdx  map[fluentKey]int32
	patterns   []patternInfo
	patIndex   map[patternKey]int32
	byKind     map[agreement.EventKind][]int32
	kinds      kindTable // byKind, for matching events
	// partyCodes and partyMatch match events' parties by code (see
	// codeParties); partyMatch is nil when they are matched by ID.
	partyCodes partyTable
	partyMatch []partyMatch
	// startInst is every instance's state at the start of a run, but for
	// its since (see startInstState).
	startInst  []instState
	nodes      []node
	kids       []int32
	bounds     []*cbound
	filters    []breachFilter
	instSets   [][]int32 // instances a ClauseInFor of a joint clause's debtor reads
	coverLists [][]coverSource
	parties    map[agreement.PartyID]bool
	areas      map[agreement.AreaID]bool // declared by some agreement's territory; nil when none is
	// loc is the zone traces show instants in: the first agreement's that
	// declares one, UTC when none does.
	loc *time.Location
	// scratch pools the scratch memory of Engine.Replay's runs (see
	// scratch).
	scratch sync.Pool
	// starts are the engine's snapshots of its runs' start instants (see
	// startSnap).
	starts startSnaps
	// wakeEvery makes its runs wake every instance of a wake list, whether
	// or not it still reads the input (see wake.go), and take an instance
	// that moved through every step of the next round (see markQuiet):
	// for the tests that check skipping changes nothing. Amended texts
	// keep it.
	wakeEvery bool
	// wakes are the wake lists of the inputs, per kind, gathered into one
	// table once compiled (see wakeList): waking reads them there, close
	// together, rather than in the records of the inputs.
	wakes [numInputKinds][][]wake
	// patFlags says, per pattern, what an event matching it sets off
	// beyond the wakes: read for every match, apart from the record of
	// the pattern.
	patFlags []patFlag
	// document is set for an engine built by Compile from one agreement
	// document, whose clauses' paths are "clauses[i]" rather than a
	// process document's "agreements[k].clauses[i]".
	document bool
}

type fluentKey struct {
	home int32
	id   agreement.FluentID
}

// Compile validates a and compiles it. It returns the *agreement.ValidationError
// of [agreement.Agreement.Validate] when a is not valid. The engine keeps its
// own copy: later changes to a's slices do not affect it.
func Compile(a agreement.Agreement) (*Engine, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	e := compile(agreement.Process{Agreements: []agreement.Agreement{a}})
	e.document = true
	return e, nil
}

// CompileProcess validates p and compiles all its instruments together, so
// that qualified references between them resolve. It returns the
// *agreement.ValidationError of [agreement.Process.Validate] when p is not
// valid.
func CompileProcess(p agreement.Process) (*Engine, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return compile(p), nil
}

// compile builds an engine from a valid process.
func compile(p agreement.Process) *Engine { return compileAfter(p, nil) }

// slotOf is a clause of a process, or a clause or fluent an earlier version
// had and the process no longer has (a ghost: kept, inert, so that indices
// stay what they were).
type clauseSlot struct {
	ai    int32
	c     agreement.Clause
	ghost bool
}

// clauseOrder returns the clauses of p in the order an engine lays them
// out: agreement by agreement, clause by clause; after an earlier version
// prev, prev's clauses first, each at its index (its new text, or a ghost
// of its old one; a ghost whose id the text has again takes the new
// text), then the clauses new in p, in order.
func clauseOrder(p agreement.Process, prev *Engine) []clauseSlot {
	n := 0
	for _, a := range p.Agreements {
		n += len(a.Clauses)
	}
	if prev != nil {
		n += len(prev.clauses)
	}
	out := make([]clauseSlot, 0, n)
	if prev == nil {
		for ai, a := range p.Agreements {
			for _, c := range a.Clauses {
				out = append(out, clauseSlot{ai: int32(ai), c: c})
			}
		}
		return out
	}
	texts := map[agreement.Ref]agreement.Clause{}
	for _, a := range p.Agreements {
		for _, c := range a.Clauses {
			texts[agreement.QualifiedRef(a.ID, c.ID)] = c
		}
	}
	for _, pc := range prev.clauses {
		// A clause removed earlier and now in the text again takes its
		// place back: an id names one clause, whose instances (its
		// terminated ones among them) conditions on it read.
		if c, ok := texts[pc.ref]; ok {
			out = append(out, clauseSlot{ai: pc.home, c: c})
			delete(texts, pc.ref)
		} else {
			out = append(out, clauseSlot{ai: pc.home, c: pc.clause, ghost: true})
		}
	}
	for ai, a := range p.Agreements {
		for _, c := range a.Clauses {
			if _, ok := texts[agreement.QualifiedRef(a.ID, c.ID)]; ok {
				out = append(out, clauseSlot{ai: int32(ai), c: c})
			}
		}
	}
	return out
}

// compileAfter builds an engine from a valid process; after an earlier
// version prev (nil for none), laid out so that every clause, instance and
// fluent of prev keeps its index (see clauseOrder).
func compileAfter(p agreement.Process, prev *Engine) *Engine {
	e := &Engine{
		process:   p.Clone(), // the caller may reuse its own slices
		agrIndex:  map[agreement.AgreementID]int32{},
		clauseIdx: map[agreement.Ref]int32{},
		instIndex: map[Instance]int32{},
		fluentIdx: map[fluentKey]int32{},
		patIndex:  map[patternKey]int32{},
		byKind:    map[agreement.EventKind][]int32{},
		parties:   map[agreement.PartyID]bool{},
	}
	p = e.process
	e.loc = time.UTC
	if prev != nil {
		e.wakeEvery = prev.wakeEvery
	}
	// Declarations.
	for ai, a := range p.Agreements {
		e.agrIndex[a.ID] = int32(ai)
		loc, _ := a.Zone.Location() // valid: validation loaded it
		if loc == nil {
			loc = time.UTC
		}
		if a.Zone != "" && e.loc == time.UTC {
			e.loc = loc
		}
		info := agreementInfo{
			id:        a.ID,
			loc:       loc,
			entry:     -1,
			ifRoot:    -1,
			ifAt:      never,
			inForceAt: a.InForceAt,
			required:  a.Signatories,
			statusSig: a.SigningStatus == agreement.SigningStatusSigned && len(a.Signatures) == 0,
			territory: newTerrVal(a.Territory, nil),
			options:   a.Options,
			term:      a.Term,
		}
		for _, o := range a.Options {
			if o.Kind != agreement.OptionKindWithdraw && o.Kind != agreement.OptionKindInternationalAdministration {
				info.atEntry.Options = append(info.atEntry.Options, o)
			}
		}
		if len(info.atEntry.Options) > 0 {
			st, err := info.atEntry.Apply(a.Territory)
			if info.settledErr = err; err == nil {
				info.settled = newTerrVal(st.Territory, info.territory.lay)
			}
		}
		for _, sg := range a.Signatures {
			if sg.Date.IsZero() {
				info.undated = append(info.undated, sg.Party)
			} else {
				info.signings = append(info.signings, signing{at: nanos(sg.Date), party: sg.Party})
			}
		}
		slices.SortStableFunc(info.signings, func(x, y signing) int { return cmpInt64(x.at, y.at) })
		if !a.InForceAt.At.IsZero() {
			info.ifAt = nanos(a.InForceAt.Instant(time.Time{}, loc))
		}
		e.agreements = append(e.agreements, info)
		for _, area := range a.Territory.Areas {
			if e.areas == nil {
				e.areas = map[agreement.AreaID]bool{}
			}
			e.areas[area.ID] = true
		}
		for _, party := range a.Parties {
			e.parties[party.ID] = true
		}
	}
	// Fluents: an earlier version's first, at their indices (a fluent the
	// text no longer has stays as a ghost no pattern moves).
	if prev != nil {
		for _, f := range prev.fluents {
			e.fluentIdx[fluentKey{f.home, f.id}] = int32(len(e.fluents))
			e.fluents = append(e.fluents, fluentInfo{id: f.id, home: f.home, initially: f.initially})
		}
	}
	for ai, a := range p.Agreements {
		for _, f := range a.Fluents {
			if _, ok := e.fluentIdx[fluentKey{int32(ai), f.ID}]; ok {
				continue
			}
			e.fluentIdx[fluentKey{int32(ai), f.ID}] = int32(len(e.fluents))
			e.fluents = append(e.fluents, fluentInfo{id: f.ID, home: int32(ai), initially: f.Initially})
		}
	}
	order := clauseOrder(p, prev)
	e.clauses = make([]clauseInfo, 0, len(order))
	for _, sl := range order {
		ai, c, a := sl.ai, sl.c, p.Agreements[sl.ai]
		loc := e.agreements[ai].loc
		{
			ci := int32(len(e.clauses))
			ref := agreement.QualifiedRef(a.ID, c.ID)
			e.clauseIdx[ref] = ci
			cloc := loc
			if c.Zone != "" {
				if l, err := c.Zone.Location(); err == nil {
					cloc = l
				}
			}
			ci2 := clauseInfo{ref: ref, home: int32(ai), clause: c, loc: cloc,
				resumedBy: -1, resumes: -1, deadline: c.Deadline, expiry: c.Expiry, dlAt: never, expAt: never,
				standing: c.Standing || !c.Recurs.IsZero(), surviving: c.Surviving, provisional: c.Provisional,
				recurs: !c.Recurs.IsZero(), standingClause: c.Standing,
				anchored: c.Deadline.From != nil || c.Expiry.From != nil || c.Deadline.Unconditional,
				dlExcl:   exclusive(c.Deadline), expExcl: exclusive(c.Expiry),
				term: c.Term, hasTerm: !c.Term.IsZero(), defers: c.DuringSuspension == agreement.SuspensionDefers,
				ghost: sl.ghost}
			if sl.ghost {
				ci2.hasTerm, ci2.recurs, ci2.anchored, ci2.dlAt, ci2.expAt = false, false, false, never, never
				ci2.deadline, ci2.expiry = agreement.Deadline{}, agreement.Deadline{}
			}
			if !c.Deadline.At.IsZero() {
				ci2.dlAt = nanos(c.Deadline.Instant(time.Time{}, cloc))
			}
			if !c.Expiry.At.IsZero() {
				ci2.expAt = nanos(c.Expiry.Instant(time.Time{}, cloc))
			}
			ci2.hasDeadline, ci2.hasExpiry = !ci2.deadline.IsZero(), !ci2.expiry.IsZero()
			ci2.dlFrom, ci2.expFrom = ci2.deadline.From != nil, ci2.expiry.From != nil
			ci2.dlAbs, ci2.expAbs = !ci2.deadline.At.IsZero(), !ci2.expiry.At.IsZero()
			ci2.dlExact, ci2.expExact = exactLength(ci2.deadline), exactLength(ci2.expiry)
			if c.Provisional {
				e.agreements[ai].provisional = true
			}
			e.clauses = append(e.clauses, ci2)
			e.agreements[ai].clauses = append(e.agreements[ai].clauses, ci)
		}
	}
	// Implied clauses that move territory.
	for _, a := range p.Agreements {
		for oi, o := range a.Options {
			for _, area := range o.Areas {
				tc := &territorialClause{option: int32(oi), area: area}
				ref := func(verb agreement.ImpliedVerb) (int32, bool) {
					ci, ok := e.clauseIdx[agreement.QualifiedRef(a.ID, agreement.ImpliedClauseID(o.ID, verb, area))]
					return ci, ok && !e.clauses[ci].ghost
				}
				switch o.Kind {
				case agreement.OptionKindWithdraw, agreement.OptionKindInternationalAdministration:
					if ci, ok := ref(agreement.ImpliedVerbWithdraw); ok {
						e.clauses[ci].withdraws = tc
					}
				case agreement.OptionKindReferendum:
					if ci, ok := ref(agreement.ImpliedVerbHold); ok {
						e.clauses[ci].lapses = tc
					}
				case agreement.OptionKindArbitration:
					if ci, ok := ref(agreement.ImpliedVerbAward); ok {
						e.clauses[ci].lapses = tc
					}
				}
			}
		}
	}
	// Instances: one per debtor unless joint or single; after an earlier
	// version, its instances first, at their indices (ghosts where the
	// clause or the debtor is gone).
	debtorsOf := func(c *clauseInfo) []agreement.PartyID {
		if c.ghost {
			return nil
		}
		if c.clause.Joint || len(c.clause.Debtors) == 1 {
			return []agreement.PartyID{""}
		}
		return c.clause.Debtors
	}
	ni := 0 // at most the number of instances
	if prev != nil {
		ni = len(prev.instances)
	}
	for ci := range e.clauses {
		ni += len(debtorsOf(&e.clauses[ci]))
	}
	e.instances = make([]instanceInfo, 0, ni)
	e.gates = make([]gateInfo, 0, ni)
	add := func(ci int32, d agreement.PartyID, ghost bool, owed []agreement.PartyID) {
		c := &e.clauses[ci]
		ii := int32(len(e.instances))
		e.instances = append(e.instances, instanceInfo{clause: ci, debtor: d, recOn: -1, ghost: ghost,
			roots: [numInstSlots]int32{-1, -1, -1, -1, -1, -1}, owed: owed})
		e.gates = append(e.gates, gateInfo{home: c.home, surviving: c.surviving, provisional: c.provisional})
		if !ghost {
			c.instances = append(c.instances, ii)
		} else {
			c.ghosts = append(c.ghosts, ii)
		}
		e.agreements[c.home].instances = append(e.agreements[c.home].instances, ii)
		e.instIndex[Instance{Ref: c.ref, Debtor: d}] = ii
	}
	if prev != nil {
		for _, pi := range prev.instances {
			ci := e.clauseIdx[prev.clauses[pi.clause].ref]
			// An instance the text has again is its instance again, in the
			// final state its removal left it in: conditions on the debtor
			// owing it under this text see it, and nothing moves it.
			ghost := !slices.Contains(debtorsOf(&e.clauses[ci]), pi.debtor)
			owed := pi.owed
			if !ghost {
				owed = owedBy(&e.clauses[ci], pi.debtor)
			}
			add(ci, pi.debtor, ghost, owed)
		}
	}
	// The others in the order of the text (the order of the clauses, when
	// there is no earlier version).
	for _, a := range p.Agreements {
		for _, c := range a.Clauses {
			ci := e.clauseIdx[agreement.QualifiedRef(a.ID, c.ID)]
			for _, d := range debtorsOf(&e.clauses[ci]) {
				if _, ok := e.instIndex[Instance{Ref: e.clauses[ci].ref, Debtor: d}]; !ok {
					add(ci, d, false, owedBy(&e.clauses[ci], d))
				}
			}
		}
	}
	// Fluent patterns. A fluent's patterns are appended in one run, so
	// that comparing with the last one keeps its lists free of repeats;
	// a fluent seen again (validation rules out duplicate ids) scans them.
	fluentSeen := make([]bool, len(e.fluents))
	for ai, a := range p.Agreements {
		for _, f := range a.Fluents {
			fi := e.fluentIdx[fluentKey{int32(ai), f.ID}]
			add := appendRun
			if fluentSeen[fi] {
				add = appendUnique
			}
			fluentSeen[fi] = true
			for _, pat := range f.Initiates {
				pi := e.pattern(int32(ai), pat, noBinding)
				e.patterns[pi].fluentsOn = add(e.patterns[pi].fluentsOn, fi)
			}
			for _, pat := range f.Terminates {
				pi := e.pattern(int32(ai), pat, noBinding)
				e.patterns[pi].fluentsOff = add(e.patterns[pi].fluentsOff, fi)
			}
		}
	}
	// The instances of patterns and the readers of clauses that
	// recurrences and relaxed prohibitions add, in no order.
	early := earlyIndex{}
	// Clause conditions, powers and actions. Conditions are compiled once
	// per clause, and again per instance when they name the debtor.
	for ci := range e.clauses {
		c := &e.clauses[ci]
		if c.ghost {
			c.roots = [numInstSlots]int32{-1, -1, -1, -1, -1, -1}
			continue
		}
		cl := c.clause
		conds := [numInstSlots]agreement.Condition{cl.Trigger, cl.Antecedent, cl.Fulfilment, cl.Violation,
			cl.Deadline.From, cl.Expiry.From}
		for s, cond := range conds {
			c.roots[s] = -1
			if cond != nil {
				c.roots[s] = e.compileCond(c.home, cond, binding{clause: int32(ci), debtor: soleDebtor(cl)})
				c.timed[s] = e.timedNodes(c.roots[s])
			}
		}
		for _, t := range cl.Targets {
			r := t.Resolve(e.agreements[c.home].id)
			if r.IsAgreement() {
				c.targetsA = append(c.targetsA, e.agrIndex[r.Agreement])
			} else {
				c.targets = append(c.targets, e.clauseIdx[r])
			}
		}
		if cl.ResumedBy != "" {
			ri := e.clauseIdx[agreement.QualifiedRef(e.agreements[c.home].id, cl.ResumedBy)]
			c.resumedBy = ri
			e.clauses[ri].resumes = int32(ci)
		}
		for _, ii := range c.instances {
			inst := &e.instances[ii]
			inst.roots = c.roots
			inst.timed = c.timed
			b := binding{clause: int32(ci), debtor: inst.debtor}
			if b.debtor == "" {
				b.debtor = soleDebtor(cl)
			}
			if inst.debtor != "" {
				for s, cond := range conds {
					if cond != nil && namesDebtor(cond) {
						inst.roots[s] = e.compileCond(c.home, cond, b)
						inst.timed[s] = e.timedNodes(inst.roots[s])
					}
				}
			}
			action := e.actionPattern(cl, inst.debtor, c.ref)
			if action != nil {
				switch {
				case cl.Kind == agreement.DeonticObligation && cl.Fulfilment == nil && !cl.Standing,
					cl.Kind == agreement.DeonticPower && cl.Fulfilment == nil:
					inst.roots[slotFulfilment] = e.compileCond(c.home, agreement.Happened(*action), b)
					inst.timed[slotFulfilment] = nil
				case cl.Kind == agreement.DeonticProhibition && cl.Violation == nil:
					inst.roots[slotViolation] = e.compileCond(c.home, agreement.Happened(*action), b)
					inst.timed[slotViolation] = nil
					inst.counted = true
				}
			}
			if r := inst.roots[slotViolation]; r >= 0 && e.nodes[r].op == opHappened {
				inst.counted = true
			}
			if on := cl.Recurs.On; on != nil {
				inst.recOn = e.pattern(c.home, *on, b)
				e.addEarly(early, inPattern, inst.recOn, ii)
			}
		}
	}
	// Permissions that relax prohibitions: the prohibition instances of
	// their debtors count only the acts no grant covers.
	for ci := range e.clauses {
		c := &e.clauses[ci]
		if len(c.clause.Relaxes) == 0 || c.ghost {
			continue
		}
		for _, pr := range c.clause.Relaxes {
			pi, ok := e.clauseIdx[pr.Resolve(e.agreements[c.home].id)]
			if !ok || c.clause.Joint || e.clauses[pi].clause.Joint {
				continue // a joint clause is never relaxed, nor relaxes
			}
			for _, ii := range e.clauses[pi].instances {
				pd := e.instanceDebtors(ii)
				for _, jj := range c.instances {
					jd := e.instanceDebtors(jj)
					if len(pd) != 1 || len(jd) != 1 || pd[0] != jd[0] {
						continue // another debtor's grant never covers an act
					}
					e.cover(ii, jj, pd[0], early)
				}
			}
		}
	}
	for ii := range e.instances {
		inst := &e.instances[ii]
		inst.judges = e.clauses[inst.clause].standing
		inst.flags = instFlags(&e.clauses[inst.clause])
		if slices.IndexFunc(inst.timed[:], func(t []int32) bool { return len(t) > 0 }) < 0 {
			inst.flags |= flagUntimed
		}
		for s := slot(0); s < numInstSlots; s++ {
			if r := e.instances[ii].roots[s]; r >= 0 {
				e.index(r, int32(ii), -1, s.wakes(), early)
			}
		}
	}
	for ai, a := range p.Agreements {
		if a.EntryIntoForce != nil {
			root := e.compileCond(int32(ai), a.EntryIntoForce, noBinding)
			e.agreements[ai].entry = root
			e.agreements[ai].timed = e.timedNodes(root)
			e.index(root, -1, int32(ai), 0, early)
		}
		if from := a.InForceAt.From; from != nil {
			root := e.compileCond(int32(ai), from, noBinding)
			e.agreements[ai].ifRoot = root
			e.agreements[ai].ifTimed = e.timedNodes(root)
			e.index(root, -1, int32(ai), 0, early)
		}
	}
	e.kinds = newKindTable(e.byKind)
	e.codeParties()
	e.startInst = make([]instState, len(e.instances))
	for ii := range e.startInst {
		e.startInst[ii] = e.startInstState(ii)
	}
	for k := range inputKind(numInputKinds) {
		t := make([][]wake, e.inputCount(k))
		for i := range t {
			t[i] = *e.wakeList(k, int32(i))
		}
		e.wakes[k] = t
	}
	e.patFlags = make([]patFlag, len(e.patterns))
	for pi := range e.patterns {
		p := &e.patterns[pi]
		if len(p.agreements) > 0 {
			e.patFlags[pi] |= patAgreements
		}
		if len(p.fluentsOn) > 0 || len(p.fluentsOff) > 0 {
			e.patFlags[pi] |= patFluents
		}
	}
	return e
}

// patFlag says what an event matching a pattern sets off beyond waking
// the instances that read the pattern (see Engine.patFlags).
type patFlag uint8

// The flags of patFlag.
const (
	patAgreements patFlag = 1 << iota // agreements read it
	patFluents                        // it initiates or terminates fluents
)

// signersAt returns the parties that have signed agreement a by instant t
// (undated signatures and those dated at or before t), in order.
func (a *agreementInfo) signersAt(t int64) []agreement.PartyID {
	out := slices.Clone(a.undated)
	for _, sg := range a.signings {
		if sg.at > t {
			break
		}
		out = append(out, sg.party)
	}
	return out
}

// signedAt reports whether a replay starting at t starts with a signed:
// its signing status says so and it records no signature, or the
// signatures made by t satisfy it.
func (a *agreementInfo) signedAt(t int64) bool {
	return a.statusSig || a.satisfied(a.signersAt(t))
}

// satisfied reports whether signers sign a: every required signatory, or,
// when it requires none, anyone.
func (a *agreementInfo) satisfied(signers []agreement.PartyID) bool {
	if len(a.required) == 0 {
		return len(signers) > 0
	}
	for _, p := range a.required {
		if !slices.Contains(signers, p) {
			return false
		}
	}
	return true
}

// exclusive reports whether limit d is reached before anything at its
// instant: it says so, or it falls on a boundary between local days, which
// belongs to the later day.
func exclusive(d agreement.Deadline) bool { return d.Exclusive || d.Round != agreement.RoundNone }

// relativeInForce reports whether a's InForceAt counts from its signing.
func (a *agreementInfo) relativeInForce() bool {
	return !a.inForceAt.IsZero() && a.inForceAt.At.IsZero() && a.inForceAt.From == nil
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// actionPattern returns the pattern whose occurrence performs an instance's
// action: the clause's action, or for a power the exercise of the power
// itself; with the actor defaulting to the instance's debtor unless the
// clause binds its debtors jointly. It returns nil when there is none.
func (e *Engine) actionPattern(cl agreement.Clause, debtor agreement.PartyID, self agreement.Ref) *agreement.Pattern {
	var p agreement.Pattern
	switch {
	case cl.Action != nil:
		p = *cl.Action
	case cl.Kind == agreement.DeonticPower:
		p = agreement.Pattern{Kind: agreement.EventKindPowerExercised, Clause: self}
	default:
		return nil
	}
	if p.Actor == "" && p.Group == "" && !cl.Joint {
		if debtor == "" && len(cl.Debtors) == 1 {
			debtor = cl.Debtors[0]
		}
		p.Actor = debtor
	}
	return &p
}

// binding is what a placeholder stands for in the conditions of one clause
// instance: the clause (for its debtors and creditors) and its debtor, ""
// when it stands for every debtor of a joint clause.
type binding struct {
	clause int32 // -1: outside any clause (no placeholder may stand)
	debtor agreement.PartyID
}

// The instances a clause-in atom reads, when not one instance: any, none
// (the instance of a debtor the clause does not bind, which validation
// rules out), or a set (the instances owed by any debtor of a joint clause).
const (
	anyInstance = -1
	noInstance  = -2
	instanceSet = -3
)

// debtorInstances returns the instances of clause ci owed by debtor d, a
// party or [agreement.Debtor] as binding b reads it (for a joint clause's
// debtor: any of its debtors), without repeats; nil when there is none.
func (e *Engine) debtorInstances(ci int32, d agreement.PartyID, b binding) []int32 {
	var ds []agreement.PartyID
	switch {
	case d != agreement.Debtor:
		ds = []agreement.PartyID{d}
	case b.debtor != "":
		ds = []agreement.PartyID{b.debtor}
	case b.clause >= 0:
		ds = e.clauses[b.clause].clause.Debtors
	}
	var out []int32
	for _, d := range ds {
		if ii := e.instanceOf(ci, d); ii >= 0 && !slices.Contains(out, ii) {
			out = append(out, ii)
		}
		// The shares d owed that an amendment replaced, changing the
		// clause's debtors: conditions see them, as they see the
		// instances of a clause removed and added again.
		for _, ii := range e.clauses[ci].ghosts {
			if slices.Contains(e.instances[ii].owed, d) && !slices.Contains(out, ii) {
				out = append(out, ii)
			}
		}
	}
	return out
}

// owedBy returns the debtors that owe the instance of clause c for debtor
// d ("" for its one instance).
func owedBy(c *clauseInfo, d agreement.PartyID) []agreement.PartyID {
	if d != "" {
		return []agreement.PartyID{d}
	}
	return c.clause.Debtors
}

// noBinding is the binding of conditions outside clauses.
var noBinding = binding{clause: -1}

// soleDebtor returns the debtor of a clause with one debtor, and "" for a
// joint clause or one without debtors.
func soleDebtor(cl agreement.Clause) agreement.PartyID {
	if len(cl.Debtors) == 1 {
		return cl.Debtors[0]
	}
	return ""
}

// instanceDebtors returns the debtors instance ii is owed by: its own, or
// every debtor of a clause not expanded per debtor.
func (e *Engine) instanceDebtors(ii int32) []agreement.PartyID {
	if d := e.instances[ii].debtor; d != "" {
		return []agreement.PartyID{d}
	}
	return e.clauses[e.instances[ii].clause].clause.Debtors
}

// namesDebtor reports whether c names [agreement.Debtor] anywhere.
func namesDebtor(c agreement.Condition) bool {
	found := false
	pat := func(p agreement.Pattern) {
		if d, _ := p.Placeholders(); d {
			found = true
		}
	}
	agreement.Walk(c, func(c agreement.Condition) bool {
		switch c := c.(type) {
		case *agreement.HappenedCondition:
			pat(c.Pattern())
		case *agreement.BeforeCondition:
			pat(c.First())
			pat(c.Then())
		case *agreement.WithinCondition:
			pat(c.Pattern())
		case *agreement.SinceCondition:
			pat(c.Pattern())
		case *agreement.TallyCondition:
			pat(c.Pattern())
		case *agreement.ClauseInCondition:
			found = found || c.Debtor() == agreement.Debtor
		case *agreement.BreachedCondition:
			found = found || c.Filter().Debtor == agreement.Debtor || c.Filter().Reporter == agreement.Debtor
		}
		return !found
	})
	return found
}

// instanceOf returns the instance of clause ci owed by debtor d: its own
// instance when it is expanded per debtor, its only one otherwise; -1 when
// it has none for d.
func (e *Engine) instanceOf(ci int32, d agreement.PartyID) int32 {
	c := &e.clauses[ci]
	if len(c.instances) == 1 {
		if slices.Contains(c.clause.Debtors, d) {
			return c.instances[0]
		}
		return -1
	}
	if ii, ok := e.instIndex[Instance{Ref: c.ref, Debtor: d}]; ok {
		return ii
	}
	return -1
}

// cover records that the grants of permission instance perm may cover the
// acts of prohibition instance ii, both owed by debtor; early holds what
// the lists of readers and pattern instances hold.
func (e *Engine) cover(ii, perm int32, debtor agreement.PartyID, early earlyIndex) {
	pc := &e.clauses[e.instances[perm].clause]
	b := binding{clause: e.instances[perm].clause, debtor: debtor}
	src := coverSource{perm: perm, grant: -1, act: -1, covers: int32(pc.clause.Covers),
		window: int64(pc.clause.CoverWindow)}
	if src.covers == 0 && src.window == 0 {
		src.covers = 1
	}
	if pc.clause.Grant != nil {
		src.grant = e.pattern(pc.home, *pc.clause.Grant, b)
	}
	if pc.clause.Action != nil {
		p := *pc.clause.Action
		if p.Actor == "" && p.Group == "" {
			p.Actor = debtor
		}
		src.act = e.pattern(pc.home, p, b)
	}
	inst := &e.instances[ii]
	root := inst.roots[slotViolation]
	if root < 0 || e.nodes[root].op != opHappened && e.nodes[root].op != opUncovered {
		return // validation keeps relaxed prohibitions to their action
	}
	if e.nodes[root].op == opHappened {
		n := e.nodes[root]
		n.op, n.b = opUncovered, int32(len(e.coverLists))
		n.lo = int32(len(e.nodes)) // a leaf, as the Happened node it copies
		e.coverLists = append(e.coverLists, nil)
		e.nodes = append(e.nodes, n)
		root = int32(len(e.nodes) - 1)
		inst.roots[slotViolation] = root
		inst.counted = true
	}
	l := e.nodes[root].b
	e.coverLists[l] = append(e.coverLists[l], src)
	// The prohibition depends on the permission's state and its grants.
	pci := e.instances[perm].clause
	e.addEarly(early, inClause, pci, ii)
	for _, pat := range []int32{src.grant, src.act} {
		if pat >= 0 {
			e.addEarly(early, inPattern, pat, ii)
		}
	}
}

// pattern interns a pattern resolved in agreement home, with its
// placeholders bound by b.
func (e *Engine) pattern(home int32, p agreement.Pattern, b binding) int32 {
	if b.debtor != "" {
		p = p.Bind(b.debtor)
	}
	owner := int32(-1)
	if d, c := p.Placeholders(); (d || c) && b.clause >= 0 {
		owner = b.clause
	}
	key := patternKey{home, owner, p}
	if pi, ok := e.patIndex[key]; ok {
		return pi
	}
	pi := int32(len(e.patterns))
	info := patternInfo{key: key}
	a := &e.process.Agreements[home]
	if p.Clause != (agreement.Ref{}) {
		info.clause = p.Clause.Resolve(a.ID)
	}
	info.actor, info.target, info.reporter = filterOf(p.Actor), filterOf(p.Target), filterOf(p.Reporter)
	info.more = p.Area != "" || p.Attribution != agreement.AttributionUnspecified || p.Item != "" ||
		p.Group != "" || p.Clause != (agreement.Ref{}) || p.Class != "" || !p.Measure.IsZero()
	if p.Group != "" {
		var members []agreement.PartyID
		for _, g := range a.Groups {
			if g.ID == p.Group {
				members = append(members, g.Members...)
			}
		}
		info.members = newPartySet(members)
	}
	if p.Class != "" {
		for _, c := range a.ItemClasses {
			if c.ID == p.Class {
				info.class = compileClass(c)
				break
			}
		}
	}
	if !p.Measure.IsZero() {
		info.measure = compileBound(p.Measure)
	}
	if owner >= 0 {
		cl := &e.clauses[owner].clause
		info.debtors = *newPartySet(cl.Debtors)
		info.creditors = *newPartySet(cl.Creditors)
	}
	e.patterns = append(e.patterns, info)
	e.patIndex[key] = pi
	e.byKind[p.Kind] = append(e.byKind[p.Kind], pi)
	return pi
}

// matches reports whether event ev matches pattern pi.
func (e *Engine) matches(pi int32, ev *agreement.Event) bool {
	return ev.Kind == e.patterns[pi].key.p.Kind && e.matchesKind(pi, ev)
}

// matchesKind is matches for an event known to be of pattern pi's kind
// (one of e.byKind[ev.Kind]).
func (e *Engine) matchesKind(pi int32, ev *agreement.Event) bool {
	info := &e.patterns[pi]
	p := &info.key.p
	if info.actor != filterAny && !info.party(info.actor, p.Actor, ev.Actor) ||
		info.target != filterAny && !info.party(info.target, p.Target, ev.Target) ||
		info.reporter != filterAny && !info.party(info.reporter, p.Reporter, ev.Reporter) {
		return false
	}
	return !info.more || e.matchesMore(info, ev)
}

// matchesMore is matchesKind's test of the fields other than the kind and
// the parties, for a pattern that sets one (info.more).
func (e *Engine) matchesMore(info *patternInfo, ev *agreement.Event) bool {
	p := &info.key.p
	if p.Area != "" && ev.Area != p.Area ||
		p.Attribution != agreement.AttributionUnspecified && ev.Attribution != p.Attribution ||
		p.Item != "" && ev.Item != p.Item {
		return false
	}
	if info.members != nil && !info.members.has(ev.Actor) {
		return false
	}
	if info.clause != (agreement.Ref{}) && ev.Clause.Resolve(e.agreements[info.key.home].id) != info.clause {
		return false
	}
	if p.Class != "" && (info.class == nil || !info.class.contains(ev)) {
		return false
	}
	if info.measure == nil {
		return true
	}
	for _, q := range ev.Quantities {
		if info.measure.contains(q) {
			return true
		}
	}
	return false
}

// exactLength returns d's length when d is an exact duration alone (After,
// no calendar period, no instant, no anchor, not rounded); -1 otherwise.
func exactLength(d agreement.Deadline) int64 {
	if d.After <= 0 || !d.Period.IsZero() || !d.At.IsZero() || d.From != nil || d.Round != agreement.RoundNone {
		return -1
	}
	return int64(d.After)
}

// limitAfter returns the instant of a limit counted from anchor: anchor
// plus exact when exact is a length (see exactLength), as limit computes
// it (never beyond agreement.InstantRange); limit(d, anchor, loc)
// otherwise.
func limitAfter(exact int64, d agreement.Deadline, anchor int64, loc *time.Location) int64 {
	if exact < 0 {
		return limit(d, anchor, loc)
	}
	if anchor > lastNanos-exact {
		return never
	}
	return anchor + exact
}

// lastNanos is the last instant of agreement.InstantRange, in nanoseconds.
const lastNanos = math.MaxInt64 - 1

// partySet is a set of parties, read on the matching hot path: a short
// list is scanned (comparing strings of a few bytes costs less than
// hashing one), a long one looked up.
type partySet struct {
	list []agreement.PartyID
	m    map[agreement.PartyID]bool // set when the list is long
}

// newPartySet returns the set of ps (repeats allowed); ps is not kept.
func newPartySet(ps []agreement.PartyID) *partySet {
	s := &partySet{list: slices.Clone(ps)}
	if len(ps) > 16 {
		s.m = make(map[agreement.PartyID]bool, len(ps))
		for _, p := range ps {
			s.m[p] = true
		}
	}
	return s
}

// has reports whether x is in s.
func (s *partySet) has(x agreement.PartyID) bool {
	if s.m != nil {
		return s.m[x]
	}
	return slices.Contains(s.list, x)
}

// partyFilter is how a pattern's party field reads.
type partyFilter uint8

const (
	filterAny      partyFilter = iota // empty: any party
	filterParty                       // one party, named
	filterDebtor                      // $debtor: the set info.debtors
	filterCreditor                    // $creditor: the set info.creditors
)

// filterOf returns how the party field f reads.
func filterOf(f agreement.PartyID) partyFilter {
	switch f {
	case "":
		return filterAny
	case agreement.Debtor:
		return filterDebtor
	case agreement.Creditor:
		return filterCreditor
	}
	return filterParty
}

// party reports whether the party field f, which reads as m, admits party
// x: no filter, the same party, or a placeholder's set holding it.
func (info *patternInfo) party(m partyFilter, f, x agreement.PartyID) bool {
	switch m {
	case filterAny:
		return true
	case filterDebtor:
		return info.debtors.has(x)
	case filterCreditor:
		return info.creditors.has(x)
	}
	return f == x
}

// compileCond appends the nodes of c (resolved in agreement home, its
// placeholders bound by b) and returns the index of its root.
func (e *Engine) compileCond(home int32, c agreement.Condition, b binding) int32 {
	n := node{src: c}
	var ops []agreement.Condition
	homeID := e.agreements[home].id
	switch c := c.(type) {
	case *agreement.HappenedCondition:
		n.op, n.a = opHappened, e.pattern(home, c.Pattern(), b)
	case *agreement.HoldsCondition:
		n.op, n.a = opHolds, e.fluentIdx[fluentKey{home, c.Fluent()}]
	case *agreement.ClauseInCondition:
		n.op, n.a, n.b, n.states = opClauseIn, e.clauseIdx[c.Ref().Resolve(homeID)], anyInstance, stateMask(c.States())
		if d := c.Debtor(); d != "" {
			set := e.debtorInstances(n.a, d, b)
			switch len(set) {
			case 0:
				n.b = noInstance
			case 1:
				n.b = set[0]
			default:
				n.b, n.f = instanceSet, int32(len(e.instSets))
				e.instSets = append(e.instSets, set)
			}
		}
	case *agreement.AgreementInCondition:
		id := c.Agreement()
		if id == "" {
			id = homeID
		}
		n.op, n.a, n.states = opAgreementIn, e.agrIndex[id], stateMask(c.States())
	case *agreement.BeforeCondition:
		n.op, n.a, n.b = opBefore, e.pattern(home, c.First(), b), e.pattern(home, c.Then(), b)
	case *agreement.WithinCondition:
		n.op, n.a, n.d = opWithin, e.pattern(home, c.Pattern(), b), int64(c.Duration())
	case *agreement.SinceCondition:
		n.op, n.a, n.d = opSince, e.pattern(home, c.Pattern(), b), int64(c.Duration())
	case *agreement.TallyCondition:
		n.op, n.a, n.b = opLevel, e.pattern(home, c.Pattern(), b), int32(len(e.bounds))
		if c.Sum() {
			n.op = opTotal
		}
		e.bounds = append(e.bounds, compileBound(c.Bound()))
	case *agreement.BreachedCondition:
		f := c.Filter()
		n.op, n.a, n.k, n.d = opBreached, e.clauseIdx[c.Ref().Resolve(homeID)], int32(c.K()), int64(f.Within)
		bf := breachFilter{reporter: f.Reporter, attribution: f.Attribution}
		if bf.reporter == agreement.Debtor {
			bf.reporter = b.debtor
		}
		if f.Debtor != "" {
			bf.insts = e.debtorInstances(n.a, f.Debtor, b)
			if bf.insts == nil {
				bf.insts = []int32{} // no instance: nothing is counted
			}
		}
		n.f = int32(len(e.filters))
		e.filters = append(e.filters, bf)
	case *agreement.ClockCondition:
		n.op, n.d, n.u = opClock, beforeAll, never
		if t := c.From(); !t.IsZero() {
			n.d = nanos(t)
		}
		if t := c.Until(); !t.IsZero() {
			n.u = nanos(t)
		}
	case *agreement.AllCondition:
		n.op, ops = opAll, c.Conditions()
	case *agreement.AnyCondition:
		n.op, ops = opAny, c.Conditions()
	case *agreement.NotCondition:
		n.op, ops = opNot, []agreement.Condition{c.Condition()}
	case *agreement.AtLeastCondition:
		n.op, n.k, ops = opAtLeast, int32(c.K()), c.Conditions()
	}
	// Operands first, then their indices contiguously in kids.
	idx := make([]int32, len(ops))
	for i, o := range ops {
		idx[i] = e.compileCond(home, o, b)
	}
	n.first, n.n = int32(len(e.kids)), int32(len(idx))
	n.lo = int32(len(e.nodes))
	for _, k := range idx {
		n.lo = min(n.lo, e.nodes[k].lo)
	}
	e.kids = append(e.kids, idx...)
	e.nodes = append(e.nodes, n)
	return int32(len(e.nodes) - 1)
}

// walk calls fn for root and every node under it.
func (e *Engine) walk(root int32, fn func(int32)) {
	fn(root)
	n := &e.nodes[root]
	for _, k := range e.kids[n.first : n.first+n.n] {
		e.walk(k, fn)
	}
}

// timedNodes returns the Within and Since nodes under root.
func (e *Engine) timedNodes(root int32) []int32 {
	var out []int32
	e.walk(root, func(i int32) {
		if op := e.nodes[i].op; op == opWithin || op == opSince || op == opClock {
			out = append(out, i)
		}
	})
	return out
}

// index records that instance ii (or agreement ai, when ii < 0) depends on
// everything the condition under root reads, through the slots in mask
// (for an instance). Instances are indexed in increasing order, every
// instance's conditions in one run, and then agreements likewise: a value
// already in a list is its last one, or for instances one that early
// holds.
func (e *Engine) index(root, ii, ai int32, mask wakeSlots, early earlyIndex) {
	e.walk(root, func(i int32) {
		n := &e.nodes[i]
		var pats []int32
		switch n.op {
		case opHappened, opWithin, opSince, opTotal, opLevel, opUncovered:
			pats = []int32{n.a}
		case opBreached:
			if ii >= 0 {
				e.addWake(early, inBreach, n.a, ii, mask)
			} else {
				e.clauses[n.a].breachReadersA = appendRun(e.clauses[n.a].breachReadersA, ai)
			}
		case opBefore:
			pats = []int32{n.a, n.b}
		case opHolds:
			if ii >= 0 {
				e.addWake(early, inFluent, n.a, ii, mask)
			} else {
				e.fluents[n.a].agreements = appendRun(e.fluents[n.a].agreements, ai)
			}
		case opClauseIn:
			if ii >= 0 {
				e.addWake(early, inClause, n.a, ii, mask)
			} else {
				e.clauses[n.a].readersA = appendRun(e.clauses[n.a].readersA, ai)
			}
		case opAgreementIn:
			if ii >= 0 {
				e.addWake(early, inAgreement, n.a, ii, mask)
			} else {
				e.agreements[n.a].readersA = appendRun(e.agreements[n.a].readersA, ai)
			}
		}
		for _, pi := range pats {
			if ii >= 0 {
				e.addWake(early, inPattern, pi, ii, mask)
			} else {
				e.patterns[pi].agreements = appendRun(e.patterns[pi].agreements, ai)
			}
		}
	})
}

// appendUnique appends v to s unless s holds it, scanning s.
func appendUnique(s []int32, v int32) []int32 {
	if len(s) > 0 && s[len(s)-1] == v || slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// appendRun appends v to s unless v is its last element. That keeps s free
// of repeats, as appendUnique does without scanning, when every value is
// appended to s in one run, no other value appended between: as when the
// values come in non-decreasing order.
func appendRun(s []int32, v int32) []int32 {
	if len(s) > 0 && s[len(s)-1] == v {
		return s
	}
	return append(s, v)
}

// indexKey names value v of the wake list of input i of kind list.
type indexKey struct {
	list inputKind
	i, v int32
}

// earlyIndex holds the values appended to the instances of patterns and to
// the readers of clauses before conditions are indexed instance by
// instance: by recurrences and relaxed prohibitions, in no order. It stands
// for scanning those lists for them.
type earlyIndex map[indexKey]struct{}

// has reports whether x holds v in the list of input i of kind list.
func (x earlyIndex) has(list inputKind, i, v int32) bool {
	if len(x) == 0 {
		return false
	}
	_, ok := x[indexKey{list, i, v}]
	return ok
}

// addEarly appends instance ii to the wake list of input i of kind k,
// unless early holds it already, live while ii is not final: the On pattern
// of a recurrence, and what a relaxed prohibition's uncovered acts read.
func (e *Engine) addEarly(early earlyIndex, k inputKind, i, ii int32) {
	key := indexKey{k, i, ii}
	if _, ok := early[key]; ok {
		return
	}
	early[key] = struct{}{}
	l := e.wakeList(k, i)
	*l = append(*l, wake{inst: ii, slots: wakeBody})
	e.instances[ii].reads = append(e.instances[ii].reads, input{kind: k, i: i})
}

// addWake records that instance ii reads input i of kind k through the
// slots in mask: in the entry ii already has last in the list, or one
// early holds (whose slots are every one but the trigger's and the
// antecedent's and the anchors', live as long as those are), or a new one.
func (e *Engine) addWake(early earlyIndex, k inputKind, i, ii int32, mask wakeSlots) {
	l := e.wakeList(k, i)
	if n := len(*l); n > 0 && (*l)[n-1].inst == ii {
		(*l)[n-1].slots |= mask
		return
	}
	if early.has(k, i, ii) {
		return
	}
	*l = append(*l, wake{inst: ii, slots: mask})
	e.instances[ii].reads = append(e.instances[ii].reads, input{kind: k, i: i})
}

// wakeList returns the wake list of input i of kind k in the record of the
// input, where compiling builds it; runs read the engine's table of them
// (Engine.wakes).
func (e *Engine) wakeList(k inputKind, i int32) *[]wake {
	switch k {
	case inPattern:
		return &e.patterns[i].instances
	case inFluent:
		return &e.fluents[i].instances
	case inClause:
		return &e.clauses[i].readers
	case inBreach:
		return &e.clauses[i].breachReaders
	}
	return &e.agreements[i].readers
}

func stateMask(ss []agreement.State) uint16 {
	var m uint16
	for _, s := range ss {
		m |= 1 << s
	}
	return m
}

// errNoEngine is returned for a nil or zero Engine.
var errNoEngine = errors.New("scenario: no engine (build one with Compile or CompileProcess)")

// usable reports whether e was built by Compile or CompileProcess.
func (e *Engine) usable() bool { return e != nil && e.agrIndex != nil }

// Agreements returns the ids of the compiled agreements, in order; nil for
// a nil or zero Engine.
func (e *Engine) Agreements() []agreement.AgreementID {
	if !e.usable() {
		return nil
	}
	out := make([]agreement.AgreementID, len(e.agreements))
	for i, a := range e.agreements {
		out[i] = a.id
	}
	return out
}

// Instances returns every clause instance the engine tracks, in order: one
// per clause, or one per debtor for a clause binding several debtors
// severally. It returns nil for a nil or zero Engine.
func (e *Engine) Instances() []Instance {
	if !e.usable() {
		return nil
	}
	out := make([]Instance, len(e.instances))
	for i, inst := range e.instances {
		out[i] = Instance{Ref: e.clauses[inst.clause].ref, Debtor: inst.debtor}
	}
	return out
}

// Concerns returns the clauses of the compiled agreements that event ev
// concerns, with the quantities that apply to it, the one demanding more
// first: [agreement.Process.Concerns] over the engine's process. It returns
// nil for a nil or zero Engine.
func (e *Engine) Concerns(ev agreement.Event) []agreement.Concern {
	if !e.usable() {
		return nil
	}
	return e.process.Concerns(ev)
}
