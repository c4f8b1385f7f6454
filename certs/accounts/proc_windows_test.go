package accounts_test

import (
	"testing"

	"os"
	"syscall"

	"qscert/certs/accounts"

	"golang.org/x/sys/windows"
)

// ownCommandLine is the command line Windows holds for this process
// (GetCommandLineW), which other accounts can read; ownEnvironment its
// environment block.
func ownCommandLine() []string {
	return []string{windows.UTF16PtrToString(syscall.GetCommandLine())}
}

func ownEnvironment() []string { return os.Environ() }

// taskAccount is the current user as a managed service account: the
// fake scheduler starts the child as the current user, and the named
// pipe's DACL admits the run's account only.
func taskAccount(t *testing.T) accounts.Account {
	name, sid := currentUser(t)
	return accounts.Account{Name: name, SID: sid, Kind: accounts.KindManaged}
}
