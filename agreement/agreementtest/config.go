package agreementtest

// Config bounds what the generators draw. Each field is a maximum; the
// generators draw sizes from zero (one, for Parties and Agreements) up to it.
// A zero field takes its value from [DefaultConfig], so the zero Config
// stands for DefaultConfig(); a negative field means none (for Parties and
// Agreements, the minimum of one; for Areas, no territory). Config is a plain
// value, safe to copy and to share between goroutines.
type Config struct {
	// Parties is the largest number of parties of one agreement; at least one
	// is always drawn, since every clause needs a debtor.
	Parties int
	// Groups is the largest number of party groups of one agreement.
	Groups int
	// Fluents is the largest number of fluents of one agreement.
	Fluents int
	// Clauses is the largest number of clauses of one agreement. A suspend
	// power is drawn only with room for its paired resume power.
	Clauses int
	// Depth is the deepest nesting of combinators (All, Any, Not, AtLeast)
	// in one condition; negative means atoms only.
	Depth int
	// Agreements is the largest number of instruments of a process drawn by
	// [Process]; at least one is always drawn.
	Agreements int
	// Areas is the largest number of areas a drawn territory has besides
	// those the agreement's event patterns name (which its territory must
	// declare); negative means agreements are drawn without territory (and
	// so without options), and [Territory] draws at least one area.
	Areas int
	// Options is the largest number of territorial options of one
	// agreement, or of a package drawn by [Package].
	Options int
}

// DefaultConfig returns the configuration the zero [Config] stands for:
// small enough that a thousand rapid checks run in seconds, large enough to
// reach every node type, deontic kind and effect in a run. It returns a new
// value on each call.
func DefaultConfig() Config {
	return Config{Parties: 6, Groups: 3, Fluents: 3, Clauses: 8, Depth: 3, Agreements: 3, Areas: 4, Options: 4}
}

// normalised returns c with zero fields replaced by DefaultConfig's and
// negative ones by their minimum.
func (c Config) normalised() Config {
	d := DefaultConfig()
	pick := Setting
	return Config{
		Parties:    pick(c.Parties, d.Parties, 1),
		Groups:     pick(c.Groups, d.Groups, 0),
		Fluents:    pick(c.Fluents, d.Fluents, 0),
		Clauses:    pick(c.Clauses, d.Clauses, 0),
		Depth:      pick(c.Depth, d.Depth, 0),
		Agreements: pick(c.Agreements, d.Agreements, 1),
		Areas:      pick(c.Areas, d.Areas, -1),
		Options:    pick(c.Options, d.Options, 0),
	}
}

// Setting returns the value a generator uses for a size setting v of a
// Config: def when v is zero (not set), lo when v is below lo, and v
// otherwise. Config here and in the generator packages of other peacekit
// packages read their fields by this rule.
func Setting(v, def, lo int) int {
	switch {
	case v == 0:
		return def
	case v < lo:
		return lo
	}
	return v
}
