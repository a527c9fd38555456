package coalitiontest

import "github.com/peacekit/peacekit/agreement/agreementtest"

// Config bounds what [Coalition] draws. Each field is a maximum; sizes are
// drawn from zero (one, for Members and Functions) up to it. A zero field
// takes its value from [DefaultConfig], so the zero Config stands for
// DefaultConfig(); a negative field means none (for Members and Functions,
// the minimum of one). Config is a plain value, safe to copy and to share
// between goroutines.
type Config struct {
	// Members is the largest number of members (full or partners).
	Members int
	// Others is the largest number of declared parties that are not
	// members (the adversary, the coalition as an actor, ...).
	Others int
	// Functions is the largest number of functions.
	Functions int
	// Contributions is the largest number of contributions.
	Contributions int
	// Cells, Declarations and Meetings bound those lists.
	Cells, Declarations, Meetings int
	// Depth is the deepest nesting of combinators in a drawn condition;
	// negative means atoms only.
	Depth int
}

// DefaultConfig returns the configuration the zero [Config] stands for:
// small enough that a thousand rapid checks run in seconds, large enough
// that functions get several contributions in the same unit. It returns a
// new value on each call.
func DefaultConfig() Config {
	return Config{Members: 6, Others: 3, Functions: 5, Contributions: 10, Cells: 2, Declarations: 2, Meetings: 2,
		Depth: 2}
}

func (c Config) normalised() Config {
	d := DefaultConfig()
	pick := agreementtest.Setting
	return Config{
		Members:       pick(c.Members, d.Members, 1),
		Others:        pick(c.Others, d.Others, 0),
		Functions:     pick(c.Functions, d.Functions, 1),
		Contributions: pick(c.Contributions, d.Contributions, 0),
		Cells:         pick(c.Cells, d.Cells, 0),
		Declarations:  pick(c.Declarations, d.Declarations, 0),
		Meetings:      pick(c.Meetings, d.Meetings, 0),
		Depth:         pick(c.Depth, d.Depth, 0),
	}
}
