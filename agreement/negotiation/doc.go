// Package negotiation asks which packages every party could accept.
//
// This is a first cut; the full rules are stated below as they stand.
package negotiation
