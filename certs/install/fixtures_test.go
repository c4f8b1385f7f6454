package install_test

import (
	"os"
	"testing"
	"time"

	"qscert/certs/install"
)

// The reference time and names the tests make their exports with.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

const (
	testHost    = "qlik-central.corp.example"
	testMachine = "reporting01.corp.example"
)

// TestMain makes the tests' backups with a cheap key derivation (see
// install.FastKDFEnv); TestBackupsUseTheRealKeyDerivation checks the real
// one. Started as `<test binary> _for-account ...`, the test binary is the
// child of an account step instead (childMain).
func TestMain(m *testing.M) {
	os.Setenv(install.FastKDFEnv, "1")
	if len(os.Args) > 1 && os.Args[1] == install.AccountCommandName {
		os.Exit(childMain(os.Args[2:]))
	}
	os.Exit(m.Run())
}
