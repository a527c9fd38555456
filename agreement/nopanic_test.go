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
)

// The "never panics, never stalls" layer: every exported function and
// method of package agreement, as its source declares them, is called with
// zero values and nil pointers and must return (an error or a zero result)
// without panicking, within a second.

// exportedFuncs lists every exported function of the package. A function
// the source declares and this table lacks fails TestNoPanicZeroValues.
var exportedFuncs = map[string]any{
	"ActionPatterns":     agreement.ActionPatterns,
	"AgreementIn":        agreement.AgreementIn,
	"AgreementRef":       agreement.AgreementRef,
	"All":                agreement.All,
	"Any":                agreement.Any,
	"AtLeast":            agreement.AtLeast,
	"Before":             agreement.Before,
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
	"Happened":           agreement.Happened,
	"Holds":              agreement.Holds,
	"ImpliedClauseID":    agreement.ImpliedClauseID,
	"IndexPath":          agreement.IndexPath,
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
	"UnmarshalJSONWith":  agreement.UnmarshalJSONWith[agreement.Agreement],
	"Walk":               agreement.Walk,
	"Within":             agreement.Within,
}

// exportedTypes lists every exported type of the package; their methods,
// as the source declares them, are called through reflection on the zero
// value and, for pointer receivers, on a nil pointer. A type the source
// declares and this table lacks fails TestNoPanicZeroValues.
var exportedTypes = map[string]reflect.Type{
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
	"Ref":                  reflect.TypeFor[agreement.Ref](),
	"Result":               reflect.TypeFor[agreement.Result](),
	"Role":                 reflect.TypeFor[agreement.Role](),
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
}

// declared returns the exported functions and types of the package, and
// its methods as "Type.Method" with whether the receiver is a pointer, from
// its non-test source files.
func declared(t *testing.T) (funcs, types []string, methods map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	methods = map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					funcs = append(funcs, d.Name.Name)
					continue
				}
				rt := d.Recv.List[0].Type
				star, ok := rt.(*ast.StarExpr)
				if ok {
					rt = star.X
				}
				if id, isID := rt.(*ast.Ident); isID && id.IsExported() {
					methods[id.Name+"."+d.Name.Name] = ok
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, isType := s.(*ast.TypeSpec); isType && ts.Name.IsExported() {
						types = append(types, ts.Name.Name)
					}
				}
			}
		}
	}
	return funcs, types, methods
}

// callZero calls fn with the zero value of every parameter (a nil slice
// for a variadic one) and reports a panic, or a call still running after a
// second.
func callZero(t *testing.T, name string, fn reflect.Value) {
	t.Helper()
	ft := fn.Type()
	in := make([]reflect.Value, ft.NumIn())
	for i := range in {
		in[i] = reflect.Zero(ft.In(i))
	}
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		if ft.IsVariadic() {
			fn.CallSlice(in)
		} else {
			fn.Call(in)
		}
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Errorf("%s with zero values panicked: %v", name, p)
		}
	case <-time.After(time.Second):
		t.Errorf("%s with zero values took more than a second", name)
	}
}

func TestNoPanicZeroValues(t *testing.T) {
	funcs, types, methods := declared(t)
	for _, name := range funcs {
		fn, ok := exportedFuncs[name]
		if !ok {
			t.Errorf("exported function %s is not in exportedFuncs: add it", name)
			continue
		}
		callZero(t, name, reflect.ValueOf(fn))
	}
	for _, name := range types {
		if _, ok := exportedTypes[name]; !ok {
			t.Errorf("exported type %s is not in exportedTypes: add it", name)
		}
	}
	for name, pointer := range methods {
		typeName, method, _ := strings.Cut(name, ".")
		typ, ok := exportedTypes[typeName]
		if !ok {
			t.Errorf("method %s: type %s is not in exportedTypes", name, typeName)
			continue
		}
		receivers := []reflect.Value{reflect.New(typ).Elem()} // the zero value
		if pointer {
			receivers = []reflect.Value{reflect.New(typ), reflect.Zero(reflect.PointerTo(typ))} // zero and nil
		}
		for i, r := range receivers {
			m := r.MethodByName(method)
			if !m.IsValid() {
				t.Errorf("method %s not found by reflection", name)
				continue
			}
			callZero(t, fmt.Sprintf("%s (receiver %d)", name, i), m)
		}
	}
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
	var nilNot *agreement.NotCondition
	if got := nilNot.String(); got != "<nil>" {
		t.Errorf("(*NotCondition)(nil).String() = %q", got)
	}
	if !agreement.EqualConditions(nil, nilNot) {
		t.Error("EqualConditions(nil, nil node) = false")
	}
}
