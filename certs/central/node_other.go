//go:build !windows

package central

import "qscert/certs/coded"

// OpenWindows exists on Windows only: elsewhere there is no Qlik Sense
// central node, and the simulated one (centraltest, --simulate DIR)
// stands in for training.
func OpenWindows(child []string) (*Node, error) {
	return nil, coded.New(CodeWindowsOnly, nil)
}

// ThisMachineMark exists on Windows only, like OpenWindows.
func ThisMachineMark() (Mark, error) {
	return nil, coded.New(CodeWindowsOnly, nil)
}
