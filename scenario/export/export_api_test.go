package export_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
)

func TestParseTable(t *testing.T) {
	for _, table := range export.Tables() {
		t.Run(table.String(), func(t *testing.T) {
			got, err := export.ParseTable(table.String())
			if err != nil || got != table {
				t.Errorf("ParseTable(%q) = %v, %v", table.String(), got, err)
			}
		})
	}
	tests := []struct{ in, want string }{
		{"transition", `export: unknown table "transition" (did you mean "transitions"?); allowed: "transitions", "states", "bound", "breaches", "territory"`},
		{"breach", `export: unknown table "breach" (did you mean "breaches"?); allowed: "transitions", "states", "bound", "breaches", "territory"`},
		{"xyz", `export: unknown table "xyz"; allowed: "transitions", "states", "bound", "breaches", "territory"`},
		{"", `export: unknown table ""; allowed: "transitions", "states", "bound", "breaches", "territory"`},
	}
	for _, tt := range tests {
		t.Run("bad "+tt.in, func(t *testing.T) {
			_, err := export.ParseTable(tt.in)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseTable(%q): %v, want %s", tt.in, err, tt.want)
			}
		})
	}
	if got := export.Table(9).String(); got != "Table(9)" {
		t.Errorf("Table(9).String() = %q", got)
	}
}

// want returns an error unless err is non-nil and nothing was written.
func want(err error, b *bytes.Buffer) error {
	if err == nil {
		return errors.New("nil error")
	}
	if b.Len() > 0 {
		return errors.New("wrote " + b.String())
	}
	return nil
}

func TestNoPanic(t *testing.T) {
	var b bytes.Buffer
	zero := new(scenario.Trace)
	agreementtest.CheckCalls(t, ".", map[string]func() error{
		"Gantt": func() error {
			b.Reset()
			if err := want(export.Gantt(&b, nil), &b); err != nil {
				return err
			}
			return want(export.Gantt(&b, zero), &b)
		},
		"ParseTable": func() error {
			_, err := export.ParseTable("")
			return agreementtest.Want(err != nil, "an error")
		},
		"Table.String": func() error {
			return agreementtest.Want(export.Table(0).String() == "transitions", `"transitions"`)
		},
		"Tables": func() error { return agreementtest.Want(len(export.Tables()) == 5, "5 tables") },
		"WriteCSV": func() error {
			b.Reset()
			if err := want(export.WriteCSV(&b, nil, export.States), &b); err != nil {
				return err
			}
			return want(export.WriteCSV(&b, zero, export.States), &b)
		},
		"WriteJSON": func() error {
			b.Reset()
			if err := want(export.WriteJSON(&b, nil, export.States), &b); err != nil {
				return err
			}
			return want(export.WriteJSON(&b, zero, export.States), &b)
		},
	}, 5*time.Second)
}

func TestUndeclaredTable(t *testing.T) {
	tr := sampleTrace(t)
	var b bytes.Buffer
	if err := want(export.WriteCSV(&b, tr, export.Table(5)), &b); err != nil {
		t.Errorf("WriteCSV: %v", err)
	}
	if err := want(export.WriteJSON(&b, tr, export.Table(5)), &b); err != nil {
		t.Errorf("WriteJSON: %v", err)
	}
}

// failWriter fails every write.
type failWriter struct{}

var errWrite = errors.New("write failed")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteError(t *testing.T) {
	tr := sampleTrace(t)
	calls := map[string]func() error{
		"csv":   func() error { return export.WriteCSV(failWriter{}, tr, export.States) },
		"json":  func() error { return export.WriteJSON(failWriter{}, tr, export.States) },
		"gantt": func() error { return export.Gantt(failWriter{}, tr) },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if err := call(); !errors.Is(err, errWrite) {
				t.Errorf("got %v, want the writer's error", err)
			}
		})
	}
}
