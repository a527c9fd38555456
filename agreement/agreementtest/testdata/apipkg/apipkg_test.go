package apipkg

// InTest is declared in a test file.
func InTest() {}
