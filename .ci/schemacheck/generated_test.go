package schemacheck_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/negotiation"
	"github.com/peacekit/peacekit/agreement/negotiation/negotiationtest"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// TestPropertyGeneratedNegotiationsConform checks that every space and
// positions negotiationtest.Case draws encode to JSON that the schemas and
// the decoders accept.
func TestPropertyGeneratedNegotiationsConform(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := negotiationtest.Case(negotiationtest.Config{}).Draw(t, "case")
		sp, err := negotiation.NewSpace(c.Territory, c.Groups, c.Issues)
		if err != nil {
			t.Fatalf("NewSpace: %v", err)
		}
		data, err := negotiation.EncodeSpace(sp)
		if err != nil {
			t.Fatalf("EncodeSpace: %v", err)
		}
		both(t, "negotiation-space", data, true)
		data, err = negotiation.EncodePositions(c.Positions)
		if err != nil {
			t.Fatalf("EncodePositions: %v", err)
		}
		both(t, "negotiation-positions", data, true)
	})
}

// TestPropertyGeneratedModelsConform checks that every valid model drawn
// encodes to JSON that the schema and the decoder accept.
func TestPropertyGeneratedModelsConform(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := drawModel(t)
		if err := m.Validate(); err != nil {
			t.Skip(err)
		}
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		both(t, "montecarlo-model", data, true)
	})
}

// drawDelay draws a valid delay of any kind, or none.
func drawDelay(t *rapid.T) montecarlo.Distribution {
	dur := func(lo, hi int64, unit time.Duration) time.Duration {
		return time.Duration(rapid.Int64Range(lo, hi).Draw(t, "dur")) * unit
	}
	switch rapid.IntRange(0, 5).Draw(t, "hazard") {
	case 0:
		return montecarlo.Constant{PerDay: rapid.Float64Range(0, 5).Draw(t, "rate")}
	case 1:
		n := rapid.IntRange(0, 3).Draw(t, "cuts")
		var p montecarlo.Piecewise
		var at time.Duration
		for range n {
			at += dur(1, 1e6, time.Second)
			p.Cuts = append(p.Cuts, at)
		}
		for range n + 1 {
			p.PerDay = append(p.PerDay, rapid.Float64Range(0.001, 1).Draw(t, "r"))
		}
		if rapid.Bool().Draw(t, "stderrs") {
			for _, r := range p.PerDay {
				p.StdErrs = append(p.StdErrs, r*rapid.Float64Range(0, 2).Draw(t, "se"))
			}
		}
		return p
	case 2:
		return montecarlo.Weibull{Shape: rapid.Float64Range(0.1, 5).Draw(t, "shape"), Scale: dur(1, 1e9, time.Millisecond)}
	case 3:
		n := rapid.IntRange(1, 4).Draw(t, "steps")
		var e montecarlo.Empirical
		var at time.Duration
		s := 1.0
		for i := range n {
			if i > 0 {
				at += dur(1, 1e5, time.Minute)
			}
			s *= rapid.Float64Range(0, 1).Draw(t, "s")
			e.At, e.Survival = append(e.At, at), append(e.Survival, s)
		}
		return e
	case 4:
		lo := dur(0, 1e5, time.Hour)
		return montecarlo.Uniform{Min: lo, Max: lo + dur(0, 1e6, time.Microsecond)}
	}
	return nil
}

// drawTemplate draws an event template; with triggered, one that may name
// the actor, target and area of the event that triggered its process.
func drawTemplate(t *rapid.T, triggered bool) montecarlo.Template {
	party := rapid.SampledFrom([]agreement.PartyID{"", "UA", "RU", "OSCE"})
	if triggered {
		party = rapid.SampledFrom([]agreement.PartyID{"", "UA", montecarlo.TriggerActor, montecarlo.TriggerTarget})
	}
	tp := montecarlo.Template{
		Kind: rapid.SampledFrom([]agreement.EventKind{"armed-attack", "report", "ceasefire-in-force", "x.y-2"}).
			Draw(t, "kind"),
		Actor:    party.Draw(t, "actor"),
		Target:   party.Draw(t, "target"),
		Reporter: party.Draw(t, "reporter"),
		Outcome:  rapid.SampledFrom([]string{"", "yes", "no"}).Draw(t, "outcome"),
		Item:     rapid.SampledFrom([]string{"", "HIMARS"}).Draw(t, "item"),
	}
	if rapid.Bool().Draw(t, "clause") {
		tp.Clause = rapid.SampledFrom([]agreement.Ref{agreement.LocalRef("G1"), agreement.QualifiedRef("paris", "G-2"),
			agreement.AgreementRef("minsk.2")}).Draw(t, "ref")
	}
	if triggered && rapid.Bool().Draw(t, "trigger-area") {
		tp.Area = montecarlo.TriggerArea
	} else {
		tp.Area = rapid.SampledFrom([]agreement.AreaID{"", "donetsk"}).Draw(t, "area")
	}
	for range rapid.IntRange(0, 2).Draw(t, "quantities") {
		v := decimal.New(rapid.Int64Range(0, 1e12).Draw(t, "coef"), int32(rapid.IntRange(-6, 3).Draw(t, "exp")))
		q := agreement.NewQuantity(v, rapid.SampledFrom([]agreement.Unit{"", "km", "troops"}).Draw(t, "unit"))
		q.Of = rapid.SampledFrom([]string{"", "distance-from-line"}).Draw(t, "of")
		tp.Quantities = append(tp.Quantities, q)
	}
	return tp
}

// drawModel draws a model of Poisson and scheduled processes, valid or
// not.
func drawModel(t *rapid.T) montecarlo.Model {
	var m montecarlo.Model
	for range rapid.IntRange(0, 5).Draw(t, "processes") {
		if rapid.Bool().Draw(t, "poisson") {
			p := &montecarlo.Poisson{Name: rapid.SampledFrom([]string{"", "attacks"}).Draw(t, "name"),
				PerDay: rapid.Float64Range(0, 10).Draw(t, "perDay"), Event: drawTemplate(t, false)}
			for range rapid.IntRange(0, 2).Draw(t, "modifiers") {
				p.Modifiers = append(p.Modifiers, montecarlo.Modifier{
					Clause: agreement.LocalRef("guarantee"),
					Debtor: rapid.SampledFrom([]agreement.PartyID{"", "FR"}).Draw(t, "debtor"),
					States: []agreement.State{agreement.StateInEffect, agreement.StateSuspended},
					Factor: rapid.Float64Range(0, 3).Draw(t, "factor")})
			}
			m.Processes = append(m.Processes, p)
			continue
		}
		s := &montecarlo.Scheduled{Name: "s", Once: rapid.Bool().Draw(t, "once"), Delay: drawDelay(t)}
		if rapid.Bool().Draw(t, "after") {
			s.After = &montecarlo.Match{Kind: rapid.SampledFrom([]agreement.EventKind{"", "armed-attack"}).Draw(t, "after-kind"),
				Actor: rapid.SampledFrom([]agreement.PartyID{"", "RU"}).Draw(t, "after-actor"),
				Area:  rapid.SampledFrom([]agreement.AreaID{"", "donetsk"}).Draw(t, "after-area")}
		}
		left := 1.0
		for range rapid.IntRange(1, 3).Draw(t, "outcomes") {
			p := rapid.Float64Range(0, left).Draw(t, "p")
			left -= p
			s.Outcomes = append(s.Outcomes, montecarlo.Outcome{Probability: p, Event: drawTemplate(t, s.After != nil)})
		}
		m.Processes = append(m.Processes, s)
	}
	return m
}

// TestParisModel checks that the schema and the decoder accept the model
// examples/paris2026 simulates, rebuilt here, with each delay it is given.
func TestParisModel(t *testing.T) {
	attack := montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"}
	one := func(t montecarlo.Template) []montecarlo.Outcome {
		return []montecarlo.Outcome{{Probability: 1, Event: t}}
	}
	gap := montecarlo.Constant{PerDay: 1.0 / 30}
	for _, delay := range []montecarlo.Distribution{nil, montecarlo.Uniform{Min: 0, Max: 14 * agreement.Day},
		montecarlo.Weibull{Shape: 0.7, Scale: 400 * agreement.Day},
		montecarlo.Piecewise{Cuts: []time.Duration{30 * agreement.Day}, PerDay: []float64{0.004, 0.001},
			StdErrs: []float64{0.001, 0.0005}}} {
		m := montecarlo.Model{Processes: []montecarlo.Process{
			&montecarlo.Scheduled{Name: "ceasefire", Once: true, Delay: delay,
				Outcomes: one(montecarlo.Template{Kind: agreement.EventKindCeasefireInForce})},
			&montecarlo.Scheduled{Name: "ceasefire end", Once: true,
				After:    &montecarlo.Match{Kind: agreement.EventKindCeasefireInForce},
				Delay:    montecarlo.Weibull{Shape: 0.8, Scale: 200 * agreement.Day},
				Outcomes: one(montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed})},
			&montecarlo.Scheduled{Name: "first attack after the end", Once: true,
				After: &montecarlo.Match{Kind: agreement.EventKindCeasefireCollapsed}, Delay: gap, Outcomes: one(attack)},
			&montecarlo.Scheduled{Name: "next attack",
				After: &montecarlo.Match{Kind: attack.Kind, Actor: attack.Actor, Target: attack.Target}, Delay: gap, Outcomes: one(attack)},
		}}
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		both(t, "montecarlo-model", data, true)
	}
}
