package flow_test

import (
	"os"
	"testing"

	"qscert/certs/install"
	"qscert/wizard/flow/flowtest"
)

// TestMain makes the tests' backups with a cheap key derivation: the flow
// tests install and restore many times (see install.FastKDFEnv).
// The binary is also the simulated central node's programs (flow B).
func TestMain(m *testing.M) {
	flowtest.CentralMain()
	os.Setenv(install.FastKDFEnv, "1")
	os.Exit(m.Run())
}
