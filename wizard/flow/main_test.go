package flow_test

import (
	"os"
	"testing"

	"qscert/certs/install"
)

// TestMain makes the tests' backups with a cheap key derivation: the flow
// tests install and restore many times (see install.FastKDFEnv).
func TestMain(m *testing.M) {
	os.Setenv(install.FastKDFEnv, "1")
	os.Exit(m.Run())
}
