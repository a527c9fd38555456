package agreement_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// The "never panics, never stalls" layer: every exported function and
// method of package agreement, as its source declares them, is called with
// zero values and nil pointers and must return (an error or a zero result)
// without panicking, within a second.

// exportedFuncs lists every exported function of the package. A function
// the source declares and this table lacks fails TestNoPanicZeroValues.
var exportedFuncs = map[string]any{
	"ParsePeriod":        agreement.ParsePeriod,
	"Breached":           agreement.Breached,
	"ClauseInFor":        agreement.ClauseInFor,
	"Convert":            agreement.Convert,
	"Level":              agreement.Level,
	"Measure":            agreement.Measure,
	"Total":              agreement.Total,
	"ActionPatterns":     agreement.ActionPatterns,
	"AgreementIn":        agreement.AgreementIn,
	"AgreementRef":       agreement.AgreementRef,
	"All":                agreement.All,
	"Any":                agreement.Any,
	"AtLeast":            agreement.AtLeast,
	"Before":             agreement.Before,
	"Between":            agreement.Between,
	"ClauseDependencies": agreement.ClauseDependencies,
	"ClauseIn":           agreement.ClauseIn,
	"ClausePatterns":     agreement.ClausePatterns,
	"DecodeAgreement":    agreement.DecodeAgreement,
	"DecodeEventLog":     agreement.DecodeEventLog,
	"DecodeProcess":      agreement.DecodeProcess,
	"EqualConditions":    agreement.EqualConditions,
	"Exactly":            agreement.Exactly,
	"FieldPath":          agreement.FieldPath,
	"FormatDuration":     agreement.FormatDuration,
	"FormatInstant":      agreement.FormatInstant,
	"From":               agreement.From,
	"Happened":           agreement.Happened,
	"Holds":              agreement.Holds,
	"ImpliedClauseID":    agreement.ImpliedClauseID,
	"IndexPath":          agreement.IndexPath,
	"JSONEnum":           agreement.JSONEnum[agreement.Force],
	"JSONList":           agreement.JSONList[int],
	"InstantInRange":     agreement.InstantInRange,
	"InstantRange":       agreement.InstantRange,
	"LocalRef":           agreement.LocalRef,
	"NewQuantity":        agreement.NewQuantity,
	"NewRange":           agreement.NewRange,
	"Not":                agreement.Not,
	"Operands":           agreement.Operands,
	"ParseDuration":      agreement.ParseDuration,
	"ParseQuantity":      agreement.ParseQuantity,
	"ParseRef":           agreement.ParseRef,
	"ParseSigningStatus": agreement.ParseSigningStatus,
	"Patterns":           agreement.Patterns,
	"Performers":         agreement.Performers,
	"QualifiedRef":       agreement.QualifiedRef,
	"Since":              agreement.Since,
	"Suggest":            agreement.Suggest,
	"StartOfDay":         agreement.StartOfDay,
	"UnmarshalJSONWith":  agreement.UnmarshalJSONWith[agreement.Agreement],
	"Until":              agreement.Until,
	"Walk":               agreement.Walk,
	"Within":             agreement.Within,
}

// exportedTypes lists every exported type of the package; their methods,
// as the source declares them, are called through reflection on the zero
// value and, for pointer receivers, on a nil pointer. A type the source
// declares and this table lacks fails TestNoPanicZeroValues.
var exportedTypes = map[string]reflect.Type{
	"Period":               reflect.TypeFor[agreement.Period](),
	"Bound":                reflect.TypeFor[agreement.Bound](),
	"BreachFilter":         reflect.TypeFor[agreement.BreachFilter](),
	"BreachedCondition":    reflect.TypeFor[agreement.BreachedCondition](),
	"Concern":              reflect.TypeFor[agreement.Concern](),
	"EventID":              reflect.TypeFor[agreement.EventID](),
	"ItemClass":            reflect.TypeFor[agreement.ItemClass](),
	"ItemClassID":          reflect.TypeFor[agreement.ItemClassID](),
	"JSONReader":           reflect.TypeFor[agreement.JSONReader](),
	"JSONValue":            reflect.TypeFor[agreement.JSONValue](),
	"TallyCondition":       reflect.TypeFor[agreement.TallyCondition](),
	"Agreement":            reflect.TypeFor[agreement.Agreement](),
	"AgreementID":          reflect.TypeFor[agreement.AgreementID](),
	"AgreementInCondition": reflect.TypeFor[agreement.AgreementInCondition](),
	"AllCondition":         reflect.TypeFor[agreement.AllCondition](),
	"AnyCondition":         reflect.TypeFor[agreement.AnyCondition](),
	"Area":                 reflect.TypeFor[agreement.Area](),
	"AreaID":               reflect.TypeFor[agreement.AreaID](),
	"Arrangement":          reflect.TypeFor[agreement.Arrangement](),
	"AtLeastCondition":     reflect.TypeFor[agreement.AtLeastCondition](),
	"Attribution":          reflect.TypeFor[agreement.Attribution](),
	"BeforeCondition":      reflect.TypeFor[agreement.BeforeCondition](),
	"Category":             reflect.TypeFor[agreement.Category](),
	"Clause":               reflect.TypeFor[agreement.Clause](),
	"ClauseID":             reflect.TypeFor[agreement.ClauseID](),
	"ClauseInCondition":    reflect.TypeFor[agreement.ClauseInCondition](),
	"ClockCondition":       reflect.TypeFor[agreement.ClockCondition](),
	"Condition":            reflect.TypeFor[agreement.Condition](),
	"Deadline":             reflect.TypeFor[agreement.Deadline](),
	"Deontic":              reflect.TypeFor[agreement.Deontic](),
	"Effect":               reflect.TypeFor[agreement.Effect](),
	"Event":                reflect.TypeFor[agreement.Event](),
	"EventKind":            reflect.TypeFor[agreement.EventKind](),
	"EventLog":             reflect.TypeFor[agreement.EventLog](),
	"Figure":               reflect.TypeFor[agreement.Figure](),
	"Fluent":               reflect.TypeFor[agreement.Fluent](),
	"FluentID":             reflect.TypeFor[agreement.FluentID](),
	"Force":                reflect.TypeFor[agreement.Force](),
	"Group":                reflect.TypeFor[agreement.Group](),
	"GroupID":              reflect.TypeFor[agreement.GroupID](),
	"HappenedCondition":    reflect.TypeFor[agreement.HappenedCondition](),
	"HoldsCondition":       reflect.TypeFor[agreement.HoldsCondition](),
	"ImpliedVerb":          reflect.TypeFor[agreement.ImpliedVerb](),
	"Lapse":                reflect.TypeFor[agreement.Lapse](),
	"NamedCondition":       reflect.TypeFor[agreement.NamedCondition](),
	"NotCondition":         reflect.TypeFor[agreement.NotCondition](),
	"Option":               reflect.TypeFor[agreement.Option](),
	"OptionID":             reflect.TypeFor[agreement.OptionID](),
	"OptionKind":           reflect.TypeFor[agreement.OptionKind](),
	"Package":              reflect.TypeFor[agreement.Package](),
	"Party":                reflect.TypeFor[agreement.Party](),
	"PartyID":              reflect.TypeFor[agreement.PartyID](),
	"PartyKind":            reflect.TypeFor[agreement.PartyKind](),
	"Pattern":              reflect.TypeFor[agreement.Pattern](),
	"Problem":              reflect.TypeFor[agreement.Problem](),
	"Process":              reflect.TypeFor[agreement.Process](),
	"Quantity":             reflect.TypeFor[agreement.Quantity](),
	"Range":                reflect.TypeFor[agreement.Range](),
	"Recurrence":           reflect.TypeFor[agreement.Recurrence](),
	"Term":                 reflect.TypeFor[agreement.Term](),
	"SuspensionRule":       reflect.TypeFor[agreement.SuspensionRule](),
	"Amendment":            reflect.TypeFor[agreement.Amendment](),
	"Ref":                  reflect.TypeFor[agreement.Ref](),
	"Result":               reflect.TypeFor[agreement.Result](),
	"Role":                 reflect.TypeFor[agreement.Role](),
	"Rounding":             reflect.TypeFor[agreement.Rounding](),
	"Settlement":           reflect.TypeFor[agreement.Settlement](),
	"Share":                reflect.TypeFor[agreement.Share](),
	"Signature":            reflect.TypeFor[agreement.Signature](),
	"SigningStatus":        reflect.TypeFor[agreement.SigningStatus](),
	"SinceCondition":       reflect.TypeFor[agreement.SinceCondition](),
	"Source":               reflect.TypeFor[agreement.Source](),
	"Stage":                reflect.TypeFor[agreement.Stage](),
	"State":                reflect.TypeFor[agreement.State](),
	"SubStage":             reflect.TypeFor[agreement.SubStage](),
	"Territory":            reflect.TypeFor[agreement.Territory](),
	"Unit":                 reflect.TypeFor[agreement.Unit](),
	"ValidationError":      reflect.TypeFor[agreement.ValidationError](),
	"WithinCondition":      reflect.TypeFor[agreement.WithinCondition](),
	"Zone":                 reflect.TypeFor[agreement.Zone](),
}

// exportedTypeNames returns the exported types the non-test source files
// of the package declare.
func exportedTypeNames(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var types []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok {
				for _, s := range gd.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() {
						types = append(types, ts.Name.Name)
					}
				}
			}
		}
	}
	return types
}

// callZero calls fn with the zero value of every parameter (a nil slice
// for a variadic one).
func callZero(fn reflect.Value) {
	ft := fn.Type()
	in := make([]reflect.Value, ft.NumIn())
	for i := range in {
		in[i] = reflect.Zero(ft.In(i))
	}
	if ft.IsVariadic() {
		fn.CallSlice(in)
	} else {
		fn.Call(in)
	}
}

func TestNoPanicZeroValues(t *testing.T) {
	for _, name := range exportedTypeNames(t) {
		if _, ok := exportedTypes[name]; !ok {
			t.Errorf("exported type %s is not in exportedTypes: add it", name)
		}
	}
	api, err := agreementtest.ExportedAPI(".")
	if err != nil {
		t.Fatal(err)
	}
	calls := map[string]func() error{}
	for name, fn := range exportedFuncs {
		calls[name] = func() error { callZero(reflect.ValueOf(fn)); return nil }
	}
	for _, name := range api {
		typeName, method, ok := strings.Cut(name, ".")
		if !ok {
			continue
		}
		typ, ok := exportedTypes[typeName]
		if !ok {
			t.Errorf("method %s: type %s is not in exportedTypes", name, typeName)
			continue
		}
		// The zero value and, for a pointer receiver (a method not in
		// the value's method set), a new zero value and a nil pointer.
		receivers := []reflect.Value{reflect.New(typ).Elem()}
		if _, value := typ.MethodByName(method); !value {
			receivers = []reflect.Value{reflect.New(typ), reflect.Zero(reflect.PointerTo(typ))}
		}
		calls[name] = func() error {
			for i, r := range receivers {
				m := r.MethodByName(method)
				if !m.IsValid() {
					return fmt.Errorf("not found by reflection (receiver %d)", i)
				}
				callZero(m)
			}
			return nil
		}
	}
	agreementtest.CheckCalls(t, ".", calls, time.Second)
}

// TestNoPanicZeroResults checks the documented results of a few of the
// calls above.
func TestNoPanicZeroResults(t *testing.T) {
	if err := (agreement.Process{}).Validate(); err != nil {
		t.Errorf("Process{}.Validate() = %v, want nil (the zero process is valid)", err)
	}
	if err := (agreement.Agreement{}).Validate(); err == nil {
		t.Error("Agreement{}.Validate() = nil, want the missing id")
	}
	if _, err := agreement.DecodeAgreement(nil); err == nil {
		t.Error("DecodeAgreement(nil) = nil error")
	}
	if l, err := agreement.Zone("").Location(); err != nil || l != time.UTC {
		t.Errorf("Zone(\"\").Location() = %v, %v; want UTC", l, err)
	}
	if !(agreement.Deadline{}).IsZero() || !(agreement.Recurrence{}).IsZero() {
		t.Error("the zero Deadline or Recurrence is not zero")
	}
	if got := agreement.Rounding(0).Apply(time.Time{}, nil); !got.IsZero() {
		t.Errorf("RoundNone.Apply(zero) = %v, want the zero time", got)
	}
	for _, r := range []agreement.Rounding{agreement.RoundStartOfDay, agreement.RoundEndOfDay, 99} {
		r.Apply(time.Time{}, nil) // out of range instants and values: no panic
		r.Apply(time.Unix(1<<62, 0), time.FixedZone("", 14*3600))
	}
	if got := (agreement.Deadline{Round: 99}).Instant(time.Time{}, nil); !got.IsZero() {
		t.Errorf("Deadline{Round: 99}.Instant(zero) = %v, want the zero time", got)
	}
	var nilClock *agreement.ClockCondition
	if !nilClock.From().IsZero() || !nilClock.Until().IsZero() || nilClock.String() != "<nil>" {
		t.Errorf("(*ClockCondition)(nil): From %v, Until %v, String %q", nilClock.From(), nilClock.Until(), nilClock.String())
	}
	var nilNot *agreement.NotCondition
	if got := nilNot.String(); got != "<nil>" {
		t.Errorf("(*NotCondition)(nil).String() = %q", got)
	}
	if !agreement.EqualConditions(nil, nilNot) {
		t.Error("EqualConditions(nil, nil node) = false")
	}
}
