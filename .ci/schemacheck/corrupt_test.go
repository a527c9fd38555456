package schemacheck_test

import (
	"errors"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/agreement/agreementtest"
)

// shapeKinds classifies every kind of corruption of
// agreementtest.CorruptionKinds: true for those about the shape of the
// document (a malformed id, an unknown enumeration value, a negative or
// zero amount where the encoding has none, a missing required member, a
// duplicate in a list of distinct names, members that exclude each other),
// which a JSON Schema can state and so must reject; false, with the
// reason, for those about references, the relations between fields, or
// anything else a schema cannot state. A kind missing from the table fails
// TestCorruptionKindsClassified, so that a new kind is classified.
var shapeKinds = map[string]bool{
	"invalid agreement id":                    true,
	"missing agreement id":                    true,
	"unknown signing status":                  true,
	"unknown stage":                           true,
	"unknown sub-stage":                       true,
	"sub-stage of another stage":              false, // a relation between two members
	"dangling signatory":                      false, // a reference
	"missing signatory":                       true,
	"duplicate party id":                      false, // uniqueness of a member across objects
	"invalid party id":                        true,
	"missing party id":                        true,
	"unknown party kind":                      true,
	"unknown role":                            true,
	"duplicate role":                          true,
	"dangling group member":                   false, // a reference
	"duplicate group member":                  true,
	"duplicate group id":                      false, // uniqueness across objects
	"invalid group id":                        true,
	"duplicate fluent id":                     false, // uniqueness across objects
	"invalid fluent id":                       true,
	"dangling party in fluent pattern":        false, // a reference
	"dangling debtor":                         false, // a reference
	"dangling creditor":                       false, // a reference
	"duplicate debtor":                        true,
	"duplicate creditor":                      true,
	"no debtors":                              true,
	"joint with one debtor":                   false, // a relation between two members
	"dangling party in action":                false, // a reference
	"dangling group in action":                false, // a reference
	"dangling clause in action":               false, // a reference
	"unknown attribution in action":           true,
	"dangling party in condition":             false, // a reference
	"dangling group in condition":             false, // a reference
	"dangling clause in pattern":              false, // a reference
	"unknown attribution in condition":        true,
	"missing event kind":                      true,
	"invalid event kind":                      true,
	"dangling clause in clause-in":            false, // a reference
	"dangling fluent":                         false, // a reference
	"dangling agreement in agreement-in":      false, // a reference
	"agreement state in clause-in":            true,
	"clause state in agreement-in":            true,
	"no states":                               true,
	"negative window":                         true,
	"zero window":                             true,
	"negative since":                          true,
	"at-least beyond operands":                false, // k compared with the number of operands
	"negative at-least":                       true,
	"nil operand":                             true,
	"dependency cycle":                        false, // a property of the clauses' references
	"dangling target":                         false, // a reference
	"dangling agreement in target":            false, // a reference
	"self target":                             false, // a reference
	"dangling resumedBy":                      false, // a reference
	"resumedBy not a resume power":            false, // a reference
	"suspend without resume":                  false, // depends on the kind and effect
	"resume power with targets":               false, // depends on the effect
	"power without effect":                    false, // depends on the kind
	"unknown effect":                          true,
	"effect on a non-power":                   false, // depends on the kind
	"targets on a non-power":                  false, // depends on the kind
	"negative quantity minimum":               true,
	"negative quantity maximum":               true,
	"minimum above maximum":                   false, // compares two decimals
	"invalid unit":                            true,
	"negative expiry":                         true,
	"negative deadline":                       true,
	"after and at":                            true,
	"deadline on a non-obligation":            false, // depends on the kind
	"violation of a permission or power":      false, // depends on the kind
	"obligation without action or fulfilment": false, // depends on the kind
	"prohibition without action or violation": false, // depends on the kind
	"unknown deontic kind":                    true,
	"missing deontic kind":                    true,
	"unknown force":                           true,
	"malformed category":                      true,
	"invalid clause id":                       true,
	"missing clause id":                       true,
	"duplicate clause id":                     false, // uniqueness across objects
	"shares not summing to 100":               false, // a sum
	"negative share":                          true,
	"zero share":                              true,
	"unknown party in shares":                 false, // a reference
	"duplicate party in shares":               false, // uniqueness across objects
	"missing shares":                          true,
	"negative area size":                      true,
	"zero area size":                          true,
	"duplicate area id":                       false, // uniqueness across objects
	"invalid area id":                         true,
	"unknown arrangement kind":                true,
	"unknown area in condition":               false, // a reference
	"unknown area in action":                  false, // a reference
	"option on unknown area":                  false, // a reference
	"conflicting options":                     false, // a relation between options
	"zero-width demilitarised zone":           false, // depends on the option's kind
	"duplicate option id":                     false, // uniqueness across objects
	"invalid option id":                       true,
	"option without areas":                    true,
	"unknown party in option":                 false, // a reference
	"duplicate item class id":                 false, // uniqueness across objects
	"invalid item class id":                   true,
	"empty item class":                        true,
	"duplicate item":                          true,
	"mixed dimensions":                        false, // compares bounds across the agreement
	"dangling item class in action":           false, // a reference
	"dangling item class in condition":        false, // a reference
	"dangling item class in quantity":         false, // a reference
	"placeholder in a fluent":                 false, // where a placeholder may stand
	"placeholder in entry into force":         false, // where a placeholder may stand
	"creditor placeholder without creditors":  false, // depends on the clause
	"own debtor as actor":                     false, // depends on the clause
	"standing with deadline":                  false, // a relation between two members
	"standing without violation":              false, // depends on the kind
	"standing permission or power":            false, // depends on the kind
	"breached of a non-standing clause":       false, // a reference
	"no breaches counted":                     true,
	"negative breach window":                  true,
	"tally without bound":                     false, // an empty bound is well formed
	"unknown party in clause-in-for":          false, // a reference
	"dangling target debtor":                  false, // a reference
	"target debtor on a non-power":            false, // depends on the kind
	"creditor as target debtor":               false, // a reference
	"relaxes a non-prohibition":               false, // a reference
	"cover without relaxes":                   false, // a relation between two members
	"negative covers":                         true,
	"unknown zone":                            false, // whether a zone loads
	"unknown clause zone":                     false, // whether a zone loads
	"dangling required signatory":             false, // a reference
	"duplicate required signatory":            true,
	"unconditional entry into force":          false, // depends on where the deadline stands
	"placeholder in entry into force instant": false, // where a placeholder may stand
	"period and at":                           true,
	"after and period":                        true,
	"anchor with an instant":                  false, // a relation between two members
	"negative period":                         true,
	"rounding alone":                          false, // a relation between members
	"exclusive alone":                         false, // a relation between members
	"unknown rounding":                        true,
	"unconditional expiry":                    false, // depends on where the deadline stands
	"unconditional relative deadline":         false, // a relation between members
	"dangling clause in anchor":               false, // a reference
	"unconditional option deadline":           false, // depends on where the deadline stands
	"recurrence every and on":                 true,
	"recurrence of a non-obligation":          false, // depends on the kind
	"recurrence with a deadline":              false, // a relation between members
	"recurrence on an event without within":   false, // a relation between members
	"recurrence start without every":          false, // a relation between members
	"recurrence without every or on":          false, // a relation between members
	"negative recurrence period":              true,
	"provisional and surviving":               false, // a relation between members
	"clock from not before until":             false, // compares two instants
	"clock without bounds":                    true,
	"clock instant out of range":              false, // the replay's range of instants
	"term without period":                     false, // a relation between members
	"negative renewals":                       true,
	"renewals without renewal":                false, // a relation between members
	"renewal more often than hourly":          false, // compares a duration with a minimum
	"negative term period":                    true,
	"term with expiry":                        false, // a relation between members
	"unknown suspension rule":                 true,
	"notice without term":                     false, // a reference
	"resumed notice power":                    false, // a reference
}

// TestCorruptionKindsClassified checks that shapeKinds classifies every kind
// of corruption, and nothing else.
func TestCorruptionKindsClassified(t *testing.T) {
	kinds := agreementtest.CorruptionKinds()
	for _, k := range kinds {
		if _, ok := shapeKinds[k]; !ok {
			t.Errorf("corruption kind %q is not classified in shapeKinds", k)
		}
	}
	for k := range shapeKinds {
		if !slices.Contains(kinds, k) {
			t.Errorf("shapeKinds classifies %q, which is no corruption kind", k)
		}
	}
}

// TestPropertyShapeCorruptionsRejected checks that every corruption of a
// shape kind that MarshalJSON can encode gives JSON that both the schema
// and agreement.DecodeAgreement reject, and that a corruption of another
// kind is still rejected by the decoder.
func TestPropertyShapeCorruptionsRejected(t *testing.T) {
	checked := map[string]int{}
	rapid.Check(t, func(t *rapid.T) {
		c := agreementtest.Corrupt(agreementtest.Config{}).Draw(t, "corruption")
		data, err := c.Agreement.MarshalJSON()
		if err != nil {
			if !errors.Is(err, agreement.ErrInvalidValue) {
				t.Fatalf("%s: MarshalJSON: %v", c.Desc, err)
			}
			return // no encoding: the value cannot be written
		}
		if _, err := agreement.DecodeAgreement(data); err == nil {
			t.Fatalf("%s: DecodeAgreement accepts the corruption\n%s", c.Desc, data)
		}
		if !shapeKinds[c.Kind] {
			return
		}
		if err := validate(t, "agreement", data); err == nil {
			t.Fatalf("%s: the schema accepts a corruption of shape\n%s", c.Desc, data)
		}
		checked[c.Kind]++
	})
	if len(checked) == 0 {
		t.Error("no corruption of shape was encoded and checked against the schema")
	}
	for k, shape := range shapeKinds {
		if shape && checked[k] == 0 {
			t.Logf("no encodable corruption of kind %q was drawn", k)
		}
	}
}
