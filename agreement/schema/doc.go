// Package schema is a placeholder.
package schema
