package ceasefire_test

import (
	"testing"

	"github.com/peacekit/peacekit/agreement/ceasefire"
)

// TestZeroValues: every exported function and method, called with zero
// values and nil pointers, answers without panicking.
func TestZeroValues(t *testing.T) {
	var re *ceasefire.RowError
	var he *ceasefire.HeaderError
	if re.Error() == "" || he.Error() == "" {
		t.Error("nil errors have no message")
	}
	_ = re.Unwrap()
	_ = he.Unwrap()
	for _, err := range ceasefire.Read(nil) {
		if err == nil {
			t.Error("Read(nil): a row without an error")
		}
	}
	for _, err := range ceasefire.ReadCeasefires(nil, ceasefire.StopOnError(), nil) {
		if err == nil {
			t.Error("ReadCeasefires(nil): a ceasefire without an error")
		}
	}
	for range ceasefire.Group(nil) {
		t.Error("Group(nil) yielded")
	}
	if ceasefire.Actor(ceasefire.Row{}) == "" {
		t.Error("the zero row has no actor id")
	}
	var c ceasefire.Ceasefire
	if o, ok := c.Observation(); ok && (o.Event || o.Time != 0) {
		t.Errorf("the zero ceasefire (censored, of no duration) observes %+v", o)
	}
	_ = c.Actors()
	_ = c.Events()
	var d ceasefire.Date
	_, _, _ = d.Time()
	_, _, _ = d.Interval()
	_ = d.String()
	_ = d.Exact()
	_ = d.Unknown()
	_ = d.ZeroCoded()
	_ = d.Recorded()
	var s ceasefire.Status
	_ = s.String()
	if len(ceasefire.Columns()) != 87 {
		t.Errorf("%d columns, want 87", len(ceasefire.Columns()))
	}
}
