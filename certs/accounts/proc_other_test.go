//go:build !windows

package accounts_test

import (
	"testing"

	"os"
	"strings"

	"qscert/certs/accounts"
)

// ownCommandLine and ownEnvironment read what the kernel holds for this
// process, which is what any other account on the machine could read.
func ownCommandLine() []string { return procList("/proc/self/cmdline") }
func ownEnvironment() []string { return procList("/proc/self/environ") }

func procList(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimRight(string(b), "\x00"), "\x00")
}

// taskAccount is the account the fake scheduler's tasks run as: any will
// do here, where the channel is a Unix socket in a private folder.
func taskAccount(*testing.T) accounts.Account { return system }
