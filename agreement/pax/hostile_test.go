package pax_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/pax"
)

// TestReadNil: a nil reader yields ErrNilReader once, with no panic.
func TestReadNil(t *testing.T) {
	var got []error
	for rec, err := range pax.Read(nil) {
		if rec != (pax.Record{}) {
			t.Errorf("nil reader yielded record %+v", rec)
		}
		got = append(got, err)
	}
	if len(got) != 1 || !errors.Is(got[0], pax.ErrNilReader) {
		t.Errorf("Read(nil) yielded %v, want one pax.ErrNilReader", got)
	}
}

// TestDateOutOfRange: a date the library cannot represent, such as
// 01/01/0001 (the zero time.Time, which would read as an undated
// agreement), is a row error on the Dat column; the first and last
// representable days are read.
func TestDateOutOfRange(t *testing.T) {
	first, last := agreement.InstantRange()
	for _, tt := range []struct {
		dat string
		ok  bool
	}{
		{"01/01/0001", false},
		{"31/12/1600", false},
		{"01/01/9999", false},
		{first.AddDate(0, 0, 1).Format("02/01/2006"), true},
		{last.AddDate(0, 0, -1).Format("02/01/2006"), true},
	} {
		row := baseRow("7")
		row["Dat"] = tt.dat
		items := collect(t, strings.NewReader(csvText(t, pax.Columns(), row)))
		if len(items) != 1 {
			t.Fatalf("Dat %s: %d items, want 1", tt.dat, len(items))
		}
		err := items[0].err
		if tt.ok {
			if err != nil {
				t.Errorf("Dat %s: %v", tt.dat, err)
			} else if err := items[0].rec.Agreement().Validate(); err != nil {
				t.Errorf("Dat %s: record does not convert to a valid agreement: %v", tt.dat, err)
			}
			continue
		}
		var re *pax.RowError
		if !errors.As(err, &re) || re.Column != "Dat" || !errors.Is(err, agreement.ErrInvalidValue) ||
			!strings.Contains(err.Error(), tt.dat) {
			t.Errorf("Dat %s: got %v, want a RowError on Dat naming the date, wrapping ErrInvalidValue", tt.dat, err)
		}
	}
}

// TestHugeCellMessage: a row error quotes at most the start of a huge
// cell and says how much it left out.
func TestHugeCellMessage(t *testing.T) {
	for _, col := range []string{"Stage", "Status", "Dat", "AgtId", "Lgt", "UcdpAgr", "Interim", "Agtp", "StageSub"} {
		row := baseRow("7")
		row[col] = strings.Repeat("é", 1<<19) // 1 MiB
		items := collect(t, strings.NewReader(csvText(t, pax.Columns(), row)))
		if len(items) == 0 || items[0].err == nil {
			t.Fatalf("%s: no error for a 1 MiB cell", col)
		}
		for _, it := range items {
			msg := it.err.Error()
			if len(msg) > 400 || !strings.Contains(msg, "more bytes)") {
				t.Errorf("%s: message of %d bytes, want a short one saying how much was left out: %.300s", col, len(msg), msg)
			}
		}
	}
}
