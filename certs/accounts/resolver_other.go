//go:build !windows

package accounts

import "qscert/certs/coded"

// OpenResolver exists on Windows only; elsewhere it says so, so that
// callers need no build tags.
func OpenResolver() (Resolver, error) {
	return nil, coded.New(CodeUnsupported, nil, "what", "accounts")
}
