package console

import (
	"os"
	"testing"

	"qscert/certs/install"
	"qscert/wizard/flow/flowtest"
)

// TestMain makes the tests' backups with a cheap key derivation (see
// install.FastKDFEnv).
//
// The binary is also the simulated central node's programs (flow B).
func TestMain(m *testing.M) {
	flowtest.CentralMain()
	os.Setenv(install.FastKDFEnv, "1")
	os.Exit(m.Run())
}
