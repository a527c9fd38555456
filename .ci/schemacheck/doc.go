// Package schemacheck holds no code: its tests check the JSON Schemas of
// package github.com/peacekit/peacekit/agreement/schema with a real
// validator, github.com/santhosh-tekuri/jsonschema/v6, which the main
// module must not require. They compile every schema file with draft
// 2020-12, each loaded under its "$id"; validate every JSON document of the
// repository's testdata and examples against the schema its content calls
// for, and check that the decoders agree; check, with generated
// agreements, processes, timelines, coalitions, Monte Carlo models,
// negotiation spaces and positions, that the schemas and the decoders
// accept what the encoders write, and that the schemas accept every
// candidate of each string grammar (durations, decimals, instants, ...)
// that the decoders accept; and check that both reject what is malformed:
// generated and hand-made corruptions, and a "$schema" anywhere but at the
// top. .ci/run runs them.
package schemacheck
