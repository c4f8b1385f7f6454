//go:build !windows

package accounts

import "qscert/certs/coded"

// RunnerFor exists on Windows only; SimulatedRunner stands in elsewhere.
func RunnerFor(a Account) (Runner, error) {
	return nil, coded.New(CodeUnsupported, nil, "what", "runner", "account", a.Name)
}
