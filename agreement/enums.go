package agreement

import (
	"strconv"
	"strings"
)

// enumName returns the text name of v, or "typ(n)" for a value outside names.
func enumName[T ~uint8](names []string, typ string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

// enumParse returns the value named s. The empty name parses to the zero
// value only when optional is true.
func enumParse[T ~uint8](names []string, s string, optional bool) (T, bool) {
	if s == "" {
		return 0, optional
	}
	for i, n := range names {
		if n == s {
			return T(i), true
		}
	}
	return 0, false
}

// enumValid reports whether v names a value; the zero value is valid only when
// optional.
func enumValid[T ~uint8](names []string, v T, optional bool) bool {
	if v == 0 {
		return optional
	}
	return int(v) < len(names)
}

func enumUnmarshal[T ~uint8](names []string, typ string, optional bool, b []byte, p *T) error {
	v, ok := enumParse[T](names, string(b), optional)
	if !ok {
		return &Problem{Err: ErrInvalidValue, Msg: unknownName(typ, string(b), names, true)}
	}
	if p == nil {
		return &Problem{Err: ErrInvalidValue, Msg: "cannot decode " + typ + " " + quote(string(b)) + " into a nil pointer"}
	}
	*p = v
	return nil
}

// unknownName returns the message for got, a name of the kind what that
// is not among names: `unknown what "got"`, followed by the name of names
// that [Suggest] finds got misspells, as ` (did you mean "name"?)`, and,
// when allowed is set, by every non-empty name as `; allowed: "a", "b"`.
func unknownName(what, got string, names []string, allowed bool) string {
	var b strings.Builder
	b.WriteString("unknown " + what + " " + quote(got))
	if s, ok := Suggest(got, names); ok {
		b.WriteString(" (did you mean " + quote(s) + "?)")
	}
	if allowed {
		b.WriteString("; allowed: ")
		first := true
		for _, n := range names {
			if n == "" {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(quote(n))
		}
	}
	return b.String()
}

// PartyKind is the kind of actor a party is: the PA-X actor types. The zero
// value, PartyKindUnspecified, means the kind is not recorded.
type PartyKind uint8

// The party kinds.
const (
	PartyKindUnspecified                   PartyKind = iota // not recorded
	PartyKindState                                          // a state
	PartyKindGovernment                                     // a government (possibly of a contested state)
	PartyKindArmedGroup                                     // a non-state armed group
	PartyKindIntergovernmentalOrganisation                  // an intergovernmental organisation (UN, EU, OSCE)
	PartyKindStateCoalition                                 // an ad hoc coalition of states
	PartyKindPerson                                         // an individual acting in a personal capacity
	PartyKindCivilSociety                                   // a civil-society organisation
	PartyKindOther                                          // any other actor
)

var partyKindNames = []string{"", "state", "government", "armed-group", "intergovernmental-organisation",
	"state-coalition", "person", "civil-society", "other"}

// String returns the kind's name, such as "armed-group"; "" for PartyKindUnspecified.
func (k PartyKind) String() string { return enumName(partyKindNames, "PartyKind", k) }

// Valid reports whether k is one of the declared kinds, PartyKindUnspecified included.
func (k PartyKind) Valid() bool { return enumValid(partyKindNames, k, true) }

// MarshalText implements [encoding.TextMarshaler].
func (k PartyKind) MarshalText() ([]byte, error) { return marshalEnum(k.Valid(), k.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (k *PartyKind) UnmarshalText(b []byte) error {
	return enumUnmarshal(partyKindNames, "party kind", true, b, k)
}

// Role is the part a party plays in one agreement. The same party can be a
// guarantor in one agreement and a party to the conflict in another. The zero
// value is invalid.
type Role uint8

// The roles.
const (
	_                   Role = iota
	RolePartyToConflict      // a party to the conflict the agreement addresses
	RoleGuarantor            // guarantees the agreement or some of its clauses
	RoleMediator             // mediates or facilitates
	RoleMonitor              // monitors or verifies implementation
	RoleWitness              // signs as witness
	RoleObserver             // observes without obligations
	RoleBeneficiary          // benefits from clauses without being bound
)

var roleNames = []string{"", "party-to-conflict", "guarantor", "mediator", "monitor", "witness", "observer",
	"beneficiary"}

// String returns the role's name, such as "guarantor".
func (r Role) String() string { return enumName(roleNames, "Role", r) }

// Valid reports whether r is one of the declared roles.
func (r Role) Valid() bool { return enumValid(roleNames, r, false) }

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) { return marshalEnum(r.Valid(), r.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (r *Role) UnmarshalText(b []byte) error { return enumUnmarshal(roleNames, "role", false, b, r) }

// SigningStatus is the PA-X "Status" column: whether and how an agreement was
// signed. It is not a lifecycle [State]. The zero value, SigningStatusUnspecified,
// means it is not recorded.
type SigningStatus uint8

// The signing statuses.
const (
	SigningStatusUnspecified SigningStatus = iota // not recorded
	SigningStatusSigned                           // "Multiparty signed/agreed"
	SigningStatusUnilateral                       // "Unilateral document"
	SigningStatusUnclear                          // "Status unclear"
	SigningStatusSubsequent                       // "Agreement with subsequent status"
)

var signingStatusNames = []string{"", "signed", "unilateral", "unclear", "subsequent"}

var signingStatusPAX = []string{"", "Multiparty signed/agreed", "Unilateral document", "Status unclear",
	"Agreement with subsequent status"}

// String returns the status's name, such as "signed"; "" for SigningStatusUnspecified.
func (s SigningStatus) String() string { return enumName(signingStatusNames, "SigningStatus", s) }

// PAXLabel returns the status as the PA-X dataset writes it, such as
// "Multiparty signed/agreed"; "" for SigningStatusUnspecified or an invalid value.
func (s SigningStatus) PAXLabel() string {
	if !s.Valid() {
		return ""
	}
	return signingStatusPAX[s]
}

// ParseSigningStatus accepts a status's name or its PA-X label.
func ParseSigningStatus(text string) (SigningStatus, error) {
	if v, ok := enumParse[SigningStatus](signingStatusNames, text, true); ok {
		return v, nil
	}
	if v, ok := enumParse[SigningStatus](signingStatusPAX, text, true); ok {
		return v, nil
	}
	return 0, &Problem{Err: ErrInvalidValue, Msg: unknownName("signing status", text, signingStatusNames, true)}
}

// Valid reports whether s is one of the declared statuses, SigningStatusUnspecified included.
func (s SigningStatus) Valid() bool { return enumValid(signingStatusNames, s, true) }

// MarshalText implements [encoding.TextMarshaler].
func (s SigningStatus) MarshalText() ([]byte, error) { return marshalEnum(s.Valid(), s.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts names and
// PA-X labels. A nil receiver is an error.
func (s *SigningStatus) UnmarshalText(b []byte) error {
	return unmarshalParsed(s, ParseSigningStatus, b)
}

// Deontic is the deontic kind of a clause. The zero value is invalid: every
// clause must say what kind it is.
type Deontic uint8

// The deontic kinds.
const (
	_                  Deontic = iota
	DeonticObligation          // the debtors must bring the action about
	DeonticProhibition         // the debtors must not bring the action about
	DeonticPermission          // the debtors may bring the action about; never violated
	DeonticPower               // the debtors may change other clauses' or an agreement's state
)

var deonticNames = []string{"", "obligation", "prohibition", "permission", "power"}

// String returns the kind's name, such as "obligation".
func (d Deontic) String() string { return enumName(deonticNames, "Deontic", d) }

// Valid reports whether d is one of the declared kinds.
func (d Deontic) Valid() bool { return enumValid(deonticNames, d, false) }

// MarshalText implements [encoding.TextMarshaler].
func (d Deontic) MarshalText() ([]byte, error) { return marshalEnum(d.Valid(), d.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (d *Deontic) UnmarshalText(b []byte) error {
	return enumUnmarshal(deonticNames, "deontic kind", false, b, d)
}

// Force is how strongly a clause binds. The zero value, ForceUnspecified,
// means the text does not say.
type Force uint8

// The forces.
const (
	ForceUnspecified         Force = iota // not stated
	ForceLegallyBinding                   // binding in international or domestic law
	ForcePoliticallyBinding               // a political commitment
	ForceDeclarationOfIntent              // a declared intention
	ForceAspiration                       // a hope or goal
)

var forceNames = []string{"", "legally-binding", "politically-binding", "declaration-of-intent", "aspiration"}

// String returns the force's name, such as "politically-binding"; "" for ForceUnspecified.
func (f Force) String() string { return enumName(forceNames, "Force", f) }

// Valid reports whether f is one of the declared forces, ForceUnspecified included.
func (f Force) Valid() bool { return enumValid(forceNames, f, true) }

// MarshalText implements [encoding.TextMarshaler].
func (f Force) MarshalText() ([]byte, error) { return marshalEnum(f.Valid(), f.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (f *Force) UnmarshalText(b []byte) error { return enumUnmarshal(forceNames, "force", true, b, f) }

// Effect is what exercising a power does to its targets. The zero value,
// EffectUnspecified, is the only valid effect for a clause that is not a power, and is
// invalid for a power.
type Effect uint8

// The effects of powers.
const (
	EffectUnspecified Effect = iota // not a power
	EffectSuspend                   // suspends the targets until the paired resume power is exercised
	EffectResume                    // resumes what its paired suspend power suspended
	EffectDischarge                 // discharges the targets (final)
	EffectTerminate                 // terminates the targets (final)
	EffectNotice                    // gives notice against the renewal of the targets' terms (see [Term])
)

var effectNames = []string{"", "suspend", "resume", "discharge", "terminate", "notice"}

// String returns the effect's name, such as "suspend"; "" for EffectUnspecified.
func (e Effect) String() string { return enumName(effectNames, "Effect", e) }

// Valid reports whether e is one of the declared effects, EffectUnspecified included.
func (e Effect) Valid() bool { return enumValid(effectNames, e, true) }

// MarshalText implements [encoding.TextMarshaler].
func (e Effect) MarshalText() ([]byte, error) { return marshalEnum(e.Valid(), e.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (e *Effect) UnmarshalText(b []byte) error {
	return enumUnmarshal(effectNames, "effect", true, b, e)
}

// State is a lifecycle state, of a clause or of an agreement. Suspended and
// Terminated are states of both. The zero value is invalid.
type State uint8

// The lifecycle states. StateDormant to StateTerminated and StateLapsed are
// clause states; StateDraft, StateSigned, StateInForce, StateSuspended and
// StateTerminated are agreement states.
const (
	_               State = iota
	StateDormant          // clause: its trigger has not held
	StatePending          // clause: triggered, its antecedent has not held
	StateInEffect         // clause: binding now
	StateSuspended        // clause or agreement: suspended by a power
	StateFulfilled        // clause (final): performed, or a prohibition kept to its expiry
	StateViolated         // clause (final): breached, or its deadline passed unfulfilled
	StateDischarged       // clause (final): released by a power or by expiry
	StateTerminated       // clause or agreement (final): ended by a power or with its agreement
	StateDraft            // agreement: text under negotiation
	StateSigned           // agreement: signed, not yet in force (SigningStatus is a different thing)
	StateInForce          // agreement: its entry-into-force condition held
	// StateLapsed is final for a clause: a deadline binding regardless of
	// activation ([Deadline.Unconditional]) passed before its trigger or
	// antecedent came, or at the instant it came. Its precondition never
	// came in time: no debtor failed to perform (it is not Violated) and
	// nobody released it (it is not Discharged).
	StateLapsed
)

var stateNames = []string{"", "dormant", "pending", "in-effect", "suspended", "fulfilled", "violated",
	"discharged", "terminated", "draft", "signed", "in-force", "lapsed"}

// String returns the state's name, such as "in-effect".
func (s State) String() string { return enumName(stateNames, "State", s) }

// Valid reports whether s is one of the declared states.
func (s State) Valid() bool { return enumValid(stateNames, s, false) }

// IsClauseState reports whether s is a state a clause can be in.
func (s State) IsClauseState() bool {
	return s >= StateDormant && s <= StateTerminated || s == StateLapsed
}

// IsAgreementState reports whether s is a state an agreement can be in.
func (s State) IsAgreementState() bool {
	return s == StateDraft || s == StateSigned || s == StateInForce || s == StateSuspended || s == StateTerminated
}

// IsFinal reports whether s is final: no transition leaves it.
func (s State) IsFinal() bool {
	return s >= StateFulfilled && s <= StateTerminated || s == StateLapsed // the final states, in order
}

// MarshalText implements [encoding.TextMarshaler].
func (s State) MarshalText() ([]byte, error) { return marshalEnum(s.Valid(), s.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (s *State) UnmarshalText(b []byte) error { return enumUnmarshal(stateNames, "state", false, b, s) }

// Attribution says how firmly an event is attributed to its actor. In an
// [Event] the zero value, AttributionUnspecified, means nothing is said; in a
// [Pattern] it matches any attribution.
type Attribution uint8

// The attributions.
const (
	AttributionUnspecified Attribution = iota // not stated; in a pattern, any
	AttributionAlleged                        // claimed by someone, not verified
	AttributionConfirmed                      // verified, for example by a monitor
)

var attributionNames = []string{"", "alleged", "confirmed"}

// String returns the attribution's name, such as "confirmed"; "" when unspecified.
func (a Attribution) String() string { return enumName(attributionNames, "Attribution", a) }

// Valid reports whether a is one of the declared attributions, unspecified included.
func (a Attribution) Valid() bool { return enumValid(attributionNames, a, true) }

// MarshalText implements [encoding.TextMarshaler].
func (a Attribution) MarshalText() ([]byte, error) { return marshalEnum(a.Valid(), a.String()) }

// UnmarshalText implements [encoding.TextUnmarshaler]; unknown names are
// errors, and so is a nil receiver.
func (a *Attribution) UnmarshalText(b []byte) error {
	return enumUnmarshal(attributionNames, "attribution", true, b, a)
}

// unmarshalParsed sets *p to what parse reads in b, or returns parse's
// error and leaves *p alone: the UnmarshalText of a type with a ParseX
// function.
func unmarshalParsed[T any](p *T, parse func(string) (T, error), b []byte) error {
	v, err := parse(string(b))
	if err != nil {
		return err
	}
	if p == nil {
		return &Problem{Err: ErrInvalidValue, Msg: "cannot decode " + quote(string(b)) + " into a nil pointer"}
	}
	*p = v
	return nil
}

func marshalEnum(valid bool, name string) ([]byte, error) {
	if !valid {
		return nil, &Problem{Err: ErrInvalidValue, Msg: "cannot encode " + name}
	}
	return []byte(name), nil
}
