//go:build !windows

package accounts

import "qscert/certs/coded"

// OpenServices exists on Windows only.
func OpenServices() (ServiceLister, error) {
	return nil, coded.New(CodeUnsupported, nil, "what", "services")
}
