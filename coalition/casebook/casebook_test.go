package casebook_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/coalition"
	"github.com/peacekit/peacekit/coalition/casebook"
	"github.com/peacekit/peacekit/coalition/coalitiontest"
)

var versions = []casebook.Version{casebook.VersionDraft, casebook.VersionFinal}

// TestParis2026Validates checks the package's promise that every value is
// valid: the coalition, its process with the territory added, every
// territorial package over the territory, and the declaration.
func TestParis2026Validates(t *testing.T) {
	for _, v := range versions {
		t.Run(v.String(), func(t *testing.T) {
			c := casebook.Paris2026(v)
			if c.Version != v {
				t.Errorf("Version = %v, want %v", c.Version, v)
			}
			coalitiontest.AssertValid(t, c.Coalition)
			p, err := c.Coalition.Process(c.Instruments...)
			if err != nil {
				t.Fatalf("Process() error: %v", err)
			}
			p.Agreements = append(p.Agreements, c.Territory)
			agreementtest.AssertProcessValid(t, p)
			for _, pkg := range c.Packages {
				b := c.Territory.Clone()
				b.Options = pkg.Options
				s, err := b.Settle()
				if err != nil {
					t.Errorf("package %q: Settle() error: %v", pkg.Name, err)
					continue
				}
				b.Clauses = append(b.Clauses, s.Clauses...)
				agreementtest.AssertValid(t, b)
			}
			agreementtest.AssertValid(t, casebook.Paris2026Declaration(v))
		})
	}
}

// TestParis2026Versions checks that the versions differ in what the
// article says differs, the US backstop, and in nothing else.
func TestParis2026Versions(t *testing.T) {
	draft, final := casebook.Paris2026(casebook.VersionDraft), casebook.Paris2026(casebook.VersionFinal)
	if draft.Text != "draft statement" || final.Text != "final communiqué" {
		t.Errorf("texts %q and %q", draft.Text, final.Text)
	}
	i := slices.IndexFunc(draft.Coalition.Contributions, func(ct coalition.Contribution) bool { return ct.ID == "us-backstop" })
	if i < 0 {
		t.Fatal("the draft has no us-backstop")
	}
	want := draft.Coalition
	want.Contributions = slices.Delete(slices.Clone(want.Contributions), i, i+1)
	if diff := cmp.Diff(want, final.Coalition, coalitiontest.Options()); diff != "" {
		t.Errorf("final coalition mismatch (-draft without us-backstop +final):\n%s", diff)
	}
	for _, in := range final.Instruments {
		if slices.Contains(in.Contributions, "us-backstop") {
			t.Errorf("final instrument %s holds us-backstop", in.ID)
		}
	}
	d, f := casebook.Paris2026Declaration(casebook.VersionDraft), casebook.Paris2026Declaration(casebook.VersionFinal)
	j := slices.IndexFunc(d.Clauses, func(cl agreement.Clause) bool { return cl.ID == "us-backstop" })
	if j < 0 {
		t.Fatal("the draft declaration has no us-backstop")
	}
	d.Clauses = slices.Delete(d.Clauses, j, j+1)
	if diff := cmp.Diff(d, f, agreementtest.Options()); diff != "" {
		t.Errorf("final declaration mismatch (-draft without us-backstop +final):\n%s", diff)
	}
}

// TestParis2026Territory checks the territory against its sources: Ukraine's
// 603,628 km², and DeepState's 116,165 km² under Russian control,
// reproduced to within the rounding of the derived share of the rest
// (0.5e-4 % of its 467,838 km²).
func TestParis2026Territory(t *testing.T) {
	ter := casebook.Paris2026Territory().Territory
	size, err := ter.Size()
	if err != nil || !size.Equal(decimal.NewFromInt(603628)) {
		t.Errorf("Size() = %v, %v; want 603628 km²", size, err)
	}
	ru, err := ter.Controlled("RU")
	if err != nil {
		t.Fatal(err)
	}
	if d := ru.Km2.Sub(decimal.NewFromInt(116165)).Abs(); d.GreaterThan(decimal.RequireFromString("0.24")) {
		t.Errorf("Russia controls %v km², %v km² from DeepState's 116,165", ru.Km2, d)
	}
	sov, err := ter.Sovereign("UA")
	if err != nil || !sov.Km2.Equal(size) {
		t.Errorf("Sovereign(UA) = %v, %v; want all of Ukraine", sov, err)
	}
}

// TestFresh checks that each call returns a value sharing nothing with the
// values of earlier calls: modifying one leaves the next unchanged.
func TestFresh(t *testing.T) {
	for _, v := range versions {
		want := casebook.Paris2026(v)
		got := casebook.Paris2026(v)
		got.Coalition.Contributions[1].Quantities[0].Wording = "changed"
		got.Coalition.Contributions[1].Action.Target = "changed"
		got.Coalition.Members[0].Party = "changed"
		got.Instruments[0].Contributions[0] = "changed"
		got.Instruments[1].Signers[0].Signatory = "changed"
		got.Territory.Territory.Areas[0].Control[0].Party = "changed"
		got.Packages[1].Options[0].Areas[0] = "changed"
		*got.Packages[1].Options[1].Width = decimal.NewFromInt(1)
		if diff := cmp.Diff(want, casebook.Paris2026(v), coalitiontest.Options()); diff != "" {
			t.Errorf("%v: a new case shares with an earlier one (-want +got):\n%s", v, diff)
		}
		wantD := casebook.Paris2026Declaration(v)
		gotD := casebook.Paris2026Declaration(v)
		gotD.Clauses[0].Debtors[0] = "changed"
		gotD.Clauses[0].Action.Actor = "changed"
		gotD.Parties[0].Roles[0] = agreement.RoleMediator
		if diff := cmp.Diff(wantD, casebook.Paris2026Declaration(v), agreementtest.Options()); diff != "" {
			t.Errorf("%v: a new declaration shares with an earlier one (-want +got):\n%s", v, diff)
		}
	}
}

// The zero Version is the final text, and every Version other than
// VersionDraft reads as it: nothing panics.
func TestVersions(t *testing.T) {
	if casebook.Version(0) != casebook.VersionFinal || !casebook.Version(0).Valid() {
		t.Error("the zero Version is not VersionFinal")
	}
	if casebook.Version(7).Valid() {
		t.Error("Version(7).Valid() = true")
	}
	if got := casebook.Version(7).String(); got != "Version(7)" {
		t.Errorf("String() = %q", got)
	}
	final := casebook.Paris2026(casebook.VersionFinal)
	if diff := cmp.Diff(final, casebook.Paris2026(7), coalitiontest.Options()); diff != "" {
		t.Errorf("Paris2026(Version(7)) differs from the final version (-final +got):\n%s", diff)
	}
	if diff := cmp.Diff(casebook.Paris2026Declaration(casebook.VersionFinal), casebook.Paris2026Declaration(7),
		agreementtest.Options()); diff != "" {
		t.Errorf("Paris2026Declaration(Version(7)) differs from the final version:\n%s", diff)
	}
}
