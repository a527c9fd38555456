package export

// EscapeCell exports escapeCell to the tests of package export_test.
var EscapeCell = escapeCell
