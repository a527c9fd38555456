package pax

// DeriveParents exposes the codebook's derivation to the tests, which apply
// it to the real file's header.
var DeriveParents = deriveParents

// MaxRecord is the longest record the reader accepts, in bytes.
const MaxRecord = maxRecord
