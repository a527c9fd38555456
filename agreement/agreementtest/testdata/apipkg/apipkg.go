// Package apipkg is a fake package for the tests of ExportedAPI and
// CheckCalls; it is never built.
package apipkg

// Fine returns.
func Fine() {}

// Panics panics.
func Panics() { panic("apipkg") }

// Slow sleeps.
func Slow() {}

// Fails fails.
func Fails() {}

// Missing is left out of the table.
func Missing() {}

func unexported() {}

// T is a type with methods.
type T struct{}

// Value has a value receiver.
func (T) Value() {}

// Pointer has a pointer receiver.
func (*T) Pointer() {}

func (T) unexported() {}

type hidden struct{}

// Exported is a method of an unexported type.
func (hidden) Exported() {}

// G is a generic type.
type G[K comparable, V any] struct{}

// Get has a generic receiver.
func (*G[K, V]) Get() {}
