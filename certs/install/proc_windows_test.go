package install_test

import (
	"testing"

	"golang.org/x/sys/windows"

	"qscert/certs/accounts"
)

// taskAccount is the account the task runner tests act as: a task
// account (NetworkService's kind) with the current user's SID, because
// the test's stand-in scheduler starts the child as the current user and
// the runner's named pipe admits that SID alone.
func taskAccount(t *testing.T) accounts.Account {
	t.Helper()
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	return accounts.Account{Name: `NT AUTHORITY\NETWORK SERVICE`, SID: u.User.Sid.String(), Kind: accounts.KindNetworkService}
}
