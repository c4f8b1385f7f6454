//go:build !windows

package accounts_test

import (
	"testing"

	"qscert/certs/accounts"
	"qscert/certs/coded"
)

func TestUnsupportedOffWindows(t *testing.T) {
	if _, err := accounts.OpenResolver(); coded.CodeOf(err) != accounts.CodeUnsupported {
		t.Errorf("OpenResolver: %v", err)
	}
	if _, err := accounts.OpenServices(); coded.CodeOf(err) != accounts.CodeUnsupported {
		t.Errorf("OpenServices: %v", err)
	}
	r, err := accounts.RunnerFor(accounts.Account{Name: `CORP\svc`, Kind: accounts.KindUser})
	if r != nil {
		t.Error("RunnerFor returned a runner off Windows")
	}
	wantCode(t, err, accounts.CodeUnsupported)
}
