package schemacheck_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement/agreementtest"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/scenariotest"
)

// agreements draws agreements of agreementtest, which use every node of the
// condition language, territory and options, and of scenariotest, which
// use zones, calendar periods, terms and signatures.
var agreements = rapid.OneOf(agreementtest.Agreement(agreementtest.Config{}),
	scenariotest.LifecycleAgreement(scenariotest.LifecycleConfig{}))

// processes draws processes of agreementtest and of scenariotest.
var processes = rapid.OneOf(agreementtest.Process(agreementtest.Config{}),
	scenariotest.LifecycleProcess(scenariotest.LifecycleConfig{}))

// TestPropertyGeneratedAgreementsConform checks that every agreement the
// generators draw encodes to JSON the agreement schema accepts.
func TestPropertyGeneratedAgreementsConform(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := agreements.Draw(t, "agreement")
		data, err := a.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		if err := validate(t, "agreement", data); err != nil {
			t.Fatalf("the schema rejects a valid agreement: %#v\n%s", err, data)
		}
	})
}

// TestPropertyGeneratedProcessesConform checks that every process the
// generators draw encodes to JSON the process schema accepts.
func TestPropertyGeneratedProcessesConform(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := processes.Draw(t, "process")
		data, err := p.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		if err := validate(t, "process", data); err != nil {
			t.Fatalf("the schema rejects a valid process: %#v\n%s", err, data)
		}
	})
}

// TestPropertyGeneratedTimelinesConform checks that every timeline
// scenariotest draws, with amendments or not, encodes to JSON the timeline
// schema accepts, and that scenario.DecodeTimeline reads it.
func TestPropertyGeneratedTimelinesConform(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := processes.Draw(t, "process")
		gen := scenariotest.Timeline(p, scenariotest.TimelineConfig{})
		if rapid.Bool().Draw(t, "amended") {
			gen = scenariotest.AmendedTimeline(p, scenariotest.TimelineConfig{})
		}
		tl := gen.Draw(t, "timeline")
		data, err := tl.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		if _, err := scenario.DecodeTimeline(data); err != nil {
			t.Fatalf("DecodeTimeline rejects what MarshalJSON wrote: %v", err)
		}
		if err := validate(t, "timeline", data); err != nil {
			t.Fatalf("the schema rejects a valid timeline: %#v\n%s", err, data)
		}
	})
}
