package agreement_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/peacekit/peacekit/agreement"
)

func TestValidationErrorAdd(t *testing.T) {
	var ve agreement.ValidationError
	if err := ve.Err(); err != nil {
		t.Fatalf("zero ValidationError: Err() = %v, want nil", err)
	}
	errOther := errors.New("other: sentinel")
	ve.Add("", agreement.ErrSyntax, "malformed")
	ve.Add(agreement.FieldPath(agreement.IndexPath("members", 2), "party"), errOther, "not a member")
	err := ve.Err()
	if got, ok := err.(*agreement.ValidationError); !ok || got != &ve {
		t.Fatalf("Err() = %#v, want the ValidationError itself", err)
	}
	if !errors.Is(err, agreement.ErrSyntax) || !errors.Is(err, errOther) || errors.Is(err, agreement.ErrMissing) {
		t.Errorf("errors.Is does not see exactly the sentinels added: %v", err)
	}
	want := []agreement.Problem{
		{Path: "", Err: agreement.ErrSyntax, Msg: "malformed"},
		{Path: "members[2].party", Err: errOther, Msg: "not a member"},
	}
	var got []agreement.Problem
	for _, p := range ve.Problems {
		got = append(got, *p)
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	const text = "agreement: 2 problems:\n\tmalformed\n\tmembers[2].party: not a member"
	if err.Error() != text {
		t.Errorf("Error() = %q, want %q", err.Error(), text)
	}
}

func TestPaths(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{agreement.FieldPath("", "id"), "id"},
		{agreement.FieldPath("clauses[3]", "kind"), "clauses[3].kind"},
		{agreement.IndexPath("clauses", 3), "clauses[3]"},
		{agreement.IndexPath("", 0), "[0]"},
		{agreement.IndexPath(agreement.FieldPath("clauses[0].trigger", "all"), 1), "clauses[0].trigger.all[1]"},
	} {
		if tt.got != tt.want {
			t.Errorf("path %q, want %q", tt.got, tt.want)
		}
	}
}

// A package that checks values of its own reports their problems in a
// ValidationError, with paths built by FieldPath and IndexPath and its own
// sentinels beside this package's.
func ExampleValidationError_Add() {
	errNotMember := errors.New("mypackage: not a member")
	members := []agreement.PartyID{"FR", "", "XX"}

	var ve agreement.ValidationError
	for i, p := range members {
		path := agreement.FieldPath(agreement.IndexPath("members", i), "party")
		switch {
		case p == "":
			ve.Add(path, agreement.ErrMissing, "missing party")
		case p == "XX":
			ve.Add(path, errNotMember, fmt.Sprintf("party %q is not a member", p))
		}
	}
	err := ve.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, agreement.ErrMissing), errors.Is(err, errNotMember))
	// Output:
	// agreement: 2 problems:
	// 	members[1].party: missing party
	// 	members[2].party: party "XX" is not a member
	// true true
}
