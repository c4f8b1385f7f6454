package console

import (
	"os"
	"testing"

	"qscert/certs/install"
)

// TestMain makes the tests' backups with a cheap key derivation (see
// install.FastKDFEnv).
func TestMain(m *testing.M) {
	os.Setenv(install.FastKDFEnv, "1")
	os.Exit(m.Run())
}
