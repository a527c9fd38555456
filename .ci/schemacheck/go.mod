module schemacheck

go 1.26

require (
	github.com/peacekit/peacekit v0.0.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/shopspring/decimal v1.6.0
	pgregory.net/rapid v1.3.0
)

require (
	github.com/google/go-cmp v0.7.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)

replace github.com/peacekit/peacekit => ../..
