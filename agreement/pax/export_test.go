package pax

// DeriveParents exposes the codebook's derivation to the tests, which apply
// it to the real file's header.
var DeriveParents = deriveParents
