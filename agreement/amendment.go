package agreement

import "time"

// Amendment is a change to one agreement's text taking effect at an
// instant of a replay: a handover deadline extended on its due day, a
// clause added, a party's commitment removed. Text is the whole agreement as
// amended, and its ID names the agreement amended; to amend by a list of
// changes (those package revision's Diff reports), apply them to the text in
// force with that package's Changes.Apply.
//
// An amendment at instant t takes effect before anything else at t: the
// state before t is the one the earlier text gave, and from t on the text
// is Text. Package scenario replays amendments; its documentation says what
// carries over from one text to the next.
type Amendment struct {
	At time.Time
	// Label names the version the amendment makes, for traces and
	// explanations ("extension of 4 March"); it may be empty.
	Label string
	Text  Agreement
}
