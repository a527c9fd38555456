package export_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/export"
)

func TestEscapeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("https://example.org/x","click")`, `'=HYPERLINK("https://example.org/x","click")`},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'quoted", "''quoted"},
		{"", ""},
		{"ceasefire/CF[UA]", "ceasefire/CF[UA]"},
		{"2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := export.EscapeCell(tt.in)
			if got != tt.want {
				t.Fatalf("EscapeCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
			// Through encoding/csv and back, one leading quote dropped.
			var b bytes.Buffer
			w := csv.NewWriter(&b)
			if err := w.Write([]string{got, "x"}); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			rec, err := csv.NewReader(&b).Read()
			if err != nil {
				t.Fatal(err)
			}
			back, _ := strings.CutPrefix(rec[0], "'")
			if back != tt.in {
				t.Errorf("read back %q, want %q", back, tt.in)
			}
		})
	}
}

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
