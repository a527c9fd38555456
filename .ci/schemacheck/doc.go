// Package schemacheck holds no code: its tests check the JSON Schemas of
// package github.com/peacekit/peacekit/agreement/schema with a real
// validator, github.com/santhosh-tekuri/jsonschema/v6, which the main
// module must not require. They compile every schema file with draft
// 2020-12, each loaded under its "$id"; validate every JSON document of the
// repository's testdata and examples against the schema its content calls
// for, and check that the decoders agree; and check, with generated
// documents, that the schemas accept what the encoders write and reject,
// with the decoders, what is malformed. .ci/run runs them.
package schemacheck
