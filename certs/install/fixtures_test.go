package install_test

import "time"

// The reference time and names the tests make their exports with.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

const (
	testHost    = "qlik-central.corp.example"
	testMachine = "reporting01.corp.example"
)
