package markup_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/agreement/markup"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: each returns its documented zero result, or reports
// ErrNoWriter, without panicking or stalling.
func TestNoPanic(t *testing.T) {
	noWriter := func(f func(*markup.Writer)) error {
		for _, w := range []*markup.Writer{nil, {}, markup.NewWriter(nil)} {
			f(w)
			if err := w.Err(); !errors.Is(err, markup.ErrNoWriter) {
				return fmt.Errorf("Err() = %v, want ErrNoWriter", err)
			}
		}
		return nil
	}
	agreementtest.CheckCalls(t, ".", map[string]func() error{
		"CSVCell":   func() error { return agreementtest.Want(markup.CSVCell("") == "", `""`) },
		"GanttText": func() error { return agreementtest.Want(markup.GanttText("") == "", `""`) },
		"WriteCSV": func() error {
			return agreementtest.Want(errors.Is(markup.WriteCSV(nil, nil, nil), markup.ErrNoWriter), "ErrNoWriter")
		},
		"Markdown":        func() error { return agreementtest.Want(markup.Markdown("") == "", `""`) },
		"MarkdownHeading": func() error { return agreementtest.Want(markup.MarkdownHeading("") == "", `""`) },
		"MarkdownLines":   func() error { return agreementtest.Want(markup.MarkdownLines(nil) == "", `""`) },
		"Mermaid":         func() error { return agreementtest.Want(markup.Mermaid("") == "", `""`) },
		"MermaidLabel":    func() error { return agreementtest.Want(markup.MermaidLabel() == `""`, `""""`) },
		"NewWriter":       func() error { return agreementtest.Want(markup.NewWriter(nil) != nil, "a Writer") },
		"Truncate":        func() error { return agreementtest.Want(markup.Truncate("", 0) == "", `""`) },
		"Writer.Columns":  func() error { return noWriter(func(w *markup.Writer) { w.Columns("", [][]string{nil}) }) },
		"Writer.Err":      func() error { return noWriter(func(*markup.Writer) {}) },
		"Writer.Line":     func() error { return noWriter(func(w *markup.Writer) { w.Line("") }) },
		"Writer.Printf":   func() error { return noWriter(func(w *markup.Writer) { w.Printf("") }) },
		"Writer.Table":    func() error { return noWriter(func(w *markup.Writer) { w.Table(nil, nil) }) },
	}, time.Second)
}
