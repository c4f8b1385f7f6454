//go:build !windows

package install_test

import (
	"testing"

	"qscert/certs/accounts"
)

// taskAccount is the account the task runner tests act as: the pipe's
// DACL matters on Windows only.
func taskAccount(*testing.T) accounts.Account { return networkService }
