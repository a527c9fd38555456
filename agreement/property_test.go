package agreement_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// Every agreement and process the generators of agreementtest draw
// validates.
func TestPropertyGeneratedAgreementsValidate(t *testing.T) {
	t.Run("agreement", rapid.MakeCheck(func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		agreementtest.AssertValid(t, a)
	}))
	t.Run("process", rapid.MakeCheck(func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{}).Draw(t, "process")
		agreementtest.AssertProcessValid(t, p)
		// Each instrument without cross-references validates on its own
		// too; with them, Agreement.Validate must blame an unknown
		// agreement and nothing else of that instrument.
		for _, a := range p.Agreements {
			if err := a.Validate(); err != nil {
				var ve *agreement.ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("agreement %q: %v is not a *ValidationError", a.ID, err)
				}
				for _, pr := range ve.Problems {
					if !errors.Is(pr, agreement.ErrUnknownAgreement) {
						t.Fatalf("agreement %q alone: unexpected problem %v", a.ID, pr)
					}
				}
			}
		}
	}))
}

// Validation reports every problem at once (the package doc's Errors):
// every corruption is reported with its path and sentinel, alongside every
// other problem, so two independent corruptions are both reported.
func TestPropertyCorruptionsReported(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := agreementtest.Corrupt(agreementtest.Config{}).Draw(t, "corruption")
		all := []agreementtest.Corruption{c}
		for range rapid.IntRange(0, 2).Draw(t, "more") {
			all = append(all, all[len(all)-1].Another().Draw(t, "another"))
		}
		final := all[len(all)-1].Agreement
		err := final.Validate()
		if err == nil {
			t.Fatalf("corrupted agreement validates; corruptions: %v", descs(all))
		}
		for _, c := range all {
			if !agreementtest.HasProblem(err, c.Sentinel, c.Path) {
				t.Errorf("%s: want %q at %q, not reported among:\n%v", c.Desc, c.Sentinel, c.Path, err)
			}
		}
		// Validation is a function of its input: a second run reports the
		// same problems in the same order.
		if diff := cmp.Diff(err.Error(), final.Validate().Error()); diff != "" {
			t.Fatalf("Validate is not deterministic (-first +second):\n%s", diff)
		}
	})
}

// Validate leaves its input unchanged, valid or not.
func TestPropertyValidateDoesNotModify(t *testing.T) {
	t.Run("agreement", rapid.MakeCheck(func(t *rapid.T) {
		a := agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement")
		if rapid.Bool().Draw(t, "corrupt") {
			a = agreementtest.CorruptAgreement(a).Draw(t, "corruption").Agreement
		}
		before := a.Clone()
		_ = a.Validate()
		if diff := cmp.Diff(before, a, agreementtest.Options()); diff != "" {
			t.Fatalf("Validate modified its input (-before +after):\n%s", diff)
		}
	}))
	t.Run("process", rapid.MakeCheck(func(t *rapid.T) {
		p := agreementtest.Process(agreementtest.Config{}).Draw(t, "process")
		if rapid.Bool().Draw(t, "corrupt") {
			i := rapid.IntRange(0, len(p.Agreements)-1).Draw(t, "corrupted")
			p.Agreements[i] = agreementtest.CorruptAgreement(p.Agreements[i]).Draw(t, "corruption").Agreement
		}
		before := p.Clone()
		_ = p.Validate()
		if diff := cmp.Diff(before, p, agreementtest.Options()); diff != "" {
			t.Fatalf("Validate modified its input (-before +after):\n%s", diff)
		}
	}))
}

func descs(cs []agreementtest.Corruption) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Desc
	}
	return out
}

// JSON round trip (the package doc's Errors): encoding then decoding gives
// an equal agreement (and process), and encoding again gives the same bytes.
func TestPropertyJSONRoundTrip(t *testing.T) {
	t.Run("agreement", rapid.MakeCheck(func(t *rapid.T) {
		checkJSONRoundTrip(t, agreementtest.Agreement(agreementtest.Config{}).Draw(t, "agreement"),
			agreement.DecodeAgreement)
	}))
	t.Run("process", rapid.MakeCheck(func(t *rapid.T) {
		checkJSONRoundTrip(t, agreementtest.Process(agreementtest.Config{}).Draw(t, "process"),
			agreement.DecodeProcess)
	}))
}

// checkJSONRoundTrip checks that decode of v's encoding equals v and
// encodes to the same bytes.
func checkJSONRoundTrip[T json.Marshaler](t *rapid.T, v T, decode func([]byte) (T, error)) {
	t.Helper()
	data, err := v.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	got, err := decode(data)
	if err != nil {
		t.Fatalf("decoding: %v\n%s", err, data)
	}
	if diff := cmp.Diff(v, got, agreementtest.Options()); diff != "" {
		t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
	}
	again, err := got.MarshalJSON()
	if err != nil || string(again) != string(data) {
		t.Fatalf("re-encoding differs (err %v):\n%s\n---\n%s", err, data, again)
	}
}
