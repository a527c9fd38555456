package coalition_test

import (
	"strings"
	"testing"

	"github.com/peacekit/peacekit/coalition"
)

func TestFunctionIDValid(t *testing.T) {
	for _, tc := range []struct {
		id   coalition.FunctionID
		want bool
	}{
		{coalition.WeaponsHubs, true},
		{"demining", true},
		{"a.b-2", true},
		{coalition.FunctionID(strings.Repeat("a", 64)), true},
		{"", false},
		{coalition.FunctionID(strings.Repeat("a", 65)), false},
		{"2nd-line", false},
		{"-x", false},
		{"Training", false},
		{"air_policing", false},
		{"air policing", false},
	} {
		if got := tc.id.Valid(); got != tc.want {
			t.Errorf("FunctionID(%q).Valid() = %v, want %v", tc.id, got, tc.want)
		}
	}
}
