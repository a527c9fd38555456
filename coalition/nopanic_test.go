package coalition_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/coalition"
)

// TestNoPanic calls every exported function and method with zero values
// and nil pointers: each returns an error or its documented zero result,
// without panicking and within a second.
func TestNoPanic(t *testing.T) {
	var zero coalition.Coalition
	nilNodes := coalition.Coalition{ID: "c", Contributions: []coalition.Contribution{
		{Condition: (*agreement.AllCondition)(nil)},
		{Condition: agreement.All(nil, (*agreement.NotCondition)(nil), agreement.Not(nil))},
		{Condition: agreement.AtLeast(-1, nil, (*agreement.HappenedCondition)(nil))},
	}}
	empty := func(name string, n int) error {
		if n != 0 {
			return fmt.Errorf("%s: %d elements, want none", name, n)
		}
		return nil
	}
	wantErr := func(name string, err error) error {
		if err == nil {
			return fmt.Errorf("%s: nil error, want one", name)
		}
		return nil
	}
	agreementtest.CheckCalls(t, ".", map[string]func() error{
		"FunctionTotal.Equal": func() error {
			if !(coalition.FunctionTotal{}).Equal(coalition.FunctionTotal{}) {
				return errors.New("FunctionTotal{}.Equal(FunctionTotal{}) = false")
			}
			return nil
		},
		"BasingTotal.Equal": func() error {
			if !(coalition.BasingTotal{}).Equal(coalition.BasingTotal{}) {
				return errors.New("BasingTotal{}.Equal(BasingTotal{}) = false")
			}
			return nil
		},
		"Share.Equal": func() error {
			if !(coalition.Share{}).Equal(coalition.Share{}) {
				return errors.New("Share{}.Equal(Share{}) = false")
			}
			return nil
		},
		"Coalition.TotalsByFunction": func() error {
			_ = nilNodes.TotalsByFunction()
			return empty("TotalsByFunction", len(zero.TotalsByFunction()))
		},
		"Coalition.TotalsByBasing": func() error {
			_ = nilNodes.TotalsByBasing()
			return empty("TotalsByBasing", len(zero.TotalsByBasing()))
		},
		"Gap.String": func() error { _ = coalition.Gap{}.String(); return nil },
		"Coalition.MarshalJSON": func() error {
			_, _ = nilNodes.MarshalJSON()
			data, err := zero.MarshalJSON()
			if err != nil || string(data) != `{"schema":1}` {
				return fmt.Errorf("Coalition{}.MarshalJSON() = %s, %v; want {\"schema\":1}", data, err)
			}
			return nil
		},
		"Coalition.UnmarshalJSON": func() error {
			var c coalition.Coalition
			if err := c.UnmarshalJSON(nil); err == nil {
				return errors.New("UnmarshalJSON(nil): nil error, want one")
			}
			return wantErr("nil receiver", (*coalition.Coalition)(nil).UnmarshalJSON([]byte("{}")))
		},
		"DecodeCoalition": func() error {
			_, err := coalition.DecodeCoalition(nil)
			return wantErr("DecodeCoalition(nil)", err)
		},
		"Coalition.Gaps": func() error {
			_ = nilNodes.Gaps()
			return empty("Gaps", len(zero.Gaps()))
		},
		"Coalition.Backstop": func() error {
			_ = nilNodes.Backstop()
			return empty("Backstop", len(zero.Backstop()))
		},
		"Coalition.Shares": func() error {
			_ = nilNodes.Shares("", "")
			return empty("Shares", len(zero.Shares("", "")))
		},
		"Coalition.WithoutMember": func() error {
			_ = nilNodes.WithoutMember("")
			if got := zero.WithoutMember(""); got.ID != "" || len(got.Members) != 0 {
				return fmt.Errorf("Coalition{}.WithoutMember(\"\") = %+v, want the zero coalition", got)
			}
			return nil
		},
		"Coalition.Clone": func() error {
			_ = nilNodes.Clone()
			if got := zero.Clone(); got.ID != "" || got.Members != nil {
				return fmt.Errorf("Coalition{}.Clone() = %+v, want the zero coalition", got)
			}
			return nil
		},
		"Meeting.Clone":      func() error { _ = coalition.Meeting{}.Clone(); return nil },
		"Contribution.Clone": func() error { _ = nilNodes.Contributions[1].Clone(); _ = coalition.Contribution{}.Clone(); return nil },
		"FunctionID.Valid":   func() error { return wantFalse("FunctionID(\"\").Valid()", coalition.FunctionID("").Valid()) },
		"FunctionID.DefaultCategory": func() error {
			_ = coalition.FunctionID("").DefaultCategory()
			return nil
		},
		"Meeting.Attending": func() error {
			return empty("Meeting{}.Attending()", coalition.Meeting{}.Attending())
		},
		"Meeting.AtLevel": func() error {
			return empty("Meeting{}.AtLevel(0)", coalition.Meeting{}.AtLevel(0))
		},
		"Coalition.IsMember": func() error { return wantFalse("Coalition{}.IsMember(\"\")", zero.IsMember("")) },
		"Coalition.FullMembers": func() error {
			return empty("FullMembers", len(zero.FullMembers()))
		},
		"Coalition.Signatories": func() error {
			return empty("Signatories", len(zero.Signatories(coalition.Declaration{})))
		},
		"Coalition.Clauses": func() error {
			_, errNil := nilNodes.Clauses()
			_, errZero := zero.Clauses()
			return errors.Join(wantErr("nil condition nodes: Clauses", errNil), wantErr("Coalition{}.Clauses", errZero))
		},
		"Coalition.Agreement": func() error {
			_, errNil := nilNodes.Agreement()
			_, errZero := zero.Agreement()
			return errors.Join(wantErr("nil condition nodes: Agreement", errNil), wantErr("Coalition{}.Agreement", errZero))
		},
		"Coalition.Process": func() error {
			_, err := zero.Process(coalition.Instrument{})
			if err := wantErr("Coalition{}.Process(Instrument{})", err); err != nil {
				return err
			}
			_, err = zero.Process()
			return wantErr("Coalition{}.Process()", err)
		},
		"ContributionID.Valid": func() error {
			return wantFalse("ContributionID(\"\").Valid()", coalition.ContributionID("").Valid())
		},
		"ContributionID.ClauseID": func() error { _ = coalition.ContributionID("").ClauseID(); return nil },
		"Contribution.IsBackstop": func() error {
			return wantFalse("Contribution{}.IsBackstop()", coalition.Contribution{}.IsBackstop())
		},
		"RequiresEvent": func() error {
			for _, c := range []agreement.Condition{nil, (*agreement.AllCondition)(nil), nilNodes.Contributions[1].Condition} {
				if coalition.RequiresEvent(c, "") {
					return fmt.Errorf("RequiresEvent(%v, \"\") = true", c)
				}
			}
			return nil
		},
		"SplitCondition": func() error {
			if tr, an := coalition.SplitCondition(nil); tr != nil || an != nil {
				return fmt.Errorf("SplitCondition(nil) = %v, %v; want nil, nil", tr, an)
			}
			_, _ = coalition.SplitCondition((*agreement.AllCondition)(nil))
			_, _ = coalition.SplitCondition(nilNodes.Contributions[1].Condition)
			return nil
		},
		"Standing.String":   func() error { _ = coalition.Standing(0).String(); _ = coalition.Standing(255).String(); return nil },
		"Standing.Valid":    func() error { return wantFalse("Standing(255).Valid()", coalition.Standing(255).Valid()) },
		"Level.String":      func() error { _ = coalition.Level(0).String(); _ = coalition.Level(255).String(); return nil },
		"Level.Valid":       func() error { return wantFalse("Level(255).Valid()", coalition.Level(255).Valid()) },
		"BasingKind.String": func() error { _ = coalition.BasingKind(0).String(); _ = coalition.BasingKind(255).String(); return nil },
		"BasingKind.Valid":  func() error { return wantFalse("BasingKind(255).Valid()", coalition.BasingKind(255).Valid()) },
		"Coalition.Validate": func() error {
			if err := wantErr("nil condition nodes: Validate", nilNodes.Validate()); err != nil {
				return err
			}
			return wantErr("Coalition{}.Validate", zero.Validate())
		},
	}, time.Second)
}

// wantFalse says what is wrong with ok, which should be false.
func wantFalse(name string, ok bool) error {
	if ok {
		return fmt.Errorf("%s = true, want false", name)
	}
	return nil
}
