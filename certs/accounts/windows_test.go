//go:build windows

package accounts_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/windows"

	"qscert/certs/accounts"
)

// These run on Windows' own LSA, service manager and schtasks.exe: under
// Wine in CI (tools/wine/test-windows.sh) and on Windows itself.

func resolver(t *testing.T) accounts.Resolver {
	t.Helper()
	r, err := accounts.OpenResolver()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func currentUser(t *testing.T) (name, sid string) {
	t.Helper()
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	a, d, _, err := u.User.Sid.LookupAccount("")
	if err != nil {
		t.Fatal(err)
	}
	return d + `\` + a, u.User.Sid.String()
}

func TestWindowsLookupWellKnownAccounts(t *testing.T) {
	r := resolver(t)
	for sid, kind := range map[string]accounts.Kind{
		"S-1-5-18": accounts.KindLocalSystem, "S-1-5-19": accounts.KindLocalService, "S-1-5-20": accounts.KindNetworkService,
	} {
		a, err := r.LookupSID(sid)
		if err != nil || a.Kind != kind || a.SID != sid || !strings.HasPrefix(a.Name, `NT AUTHORITY\`) {
			t.Errorf("LookupSID(%s) = %+v, %v", sid, a, err)
		}
	}
	for name, sid := range map[string]string{
		`NT AUTHORITY\NETWORK SERVICE`: "S-1-5-20", "NetworkService": "S-1-5-20",
		`NT AUTHORITY\LocalService`: "S-1-5-19", "LocalSystem": "S-1-5-18", `.\LocalSystem`: "S-1-5-18",
		`NT AUTHORITY\SYSTEM`: "S-1-5-18",
	} {
		a, err := r.Lookup(name)
		if err != nil || a.SID != sid {
			t.Errorf("Lookup(%q) = %+v, %v; want %s", name, a, err, sid)
		}
	}
	// This user: an ordinary account, found by DOMAIN\user and by .\user
	// (a local account).
	me, mySID := currentUser(t)
	for _, name := range []string{me, `.\` + me[strings.IndexByte(me, '\\')+1:]} {
		a, err := r.Lookup(name)
		if err != nil || a.SID != mySID || a.Kind != accounts.KindUser || !a.NeedsPassword() {
			t.Errorf("Lookup(%q) = %+v, %v; want %s, a user", name, a, err, mySID)
		}
	}
	// A virtual account has its service's SID, whether the LSA knows
	// the service (Windows) or not (Wine).
	a, err := r.Lookup(`NT SERVICE\Spooler`)
	if err != nil || a.Kind != accounts.KindVirtual || a.SID != accounts.ServiceSID("Spooler") {
		t.Errorf(`Lookup(NT SERVICE\Spooler) = %+v, %v`, a, err)
	}
	_, err = r.Lookup(`BUILTIN\Administrators`)
	wantCode(t, err, accounts.CodeNotUsable)
	_, err = r.Lookup(`QSCERTNOSUCHDOMAIN\nobody`)
	wantCode(t, err, accounts.CodeNotFound)
	_, err = r.LookupSID("not a sid")
	wantCode(t, err, accounts.CodeNotFound)
}

func TestWindowsServices(t *testing.T) {
	l, err := accounts.OpenServices()
	if err != nil {
		t.Fatal(err)
	}
	list, err := l.Services()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 {
		t.Fatal("no services listed")
	}
	withAccount := 0
	for _, s := range list {
		if s.Name == "" || s.DisplayName == "" {
			t.Errorf("service without a name: %+v", s)
		}
		if s.StartName != "" {
			withAccount++
		}
	}
	t.Logf("%d services, %d with a start name; first %+v", len(list), withAccount, list[0])
	if withAccount == 0 {
		t.Fatal("no service has a start name: QueryServiceConfig gave nothing")
	}
	r := resolver(t)
	resolved := 0
	for _, s := range list {
		got, err := l.Service(s.Name)
		if err != nil || got.Name != s.Name || got.BinaryPath != s.BinaryPath {
			t.Errorf("Service(%s) = %+v, %v", s.Name, got, err)
		}
		if a, err := accounts.ServiceAccount(l, r, s.Name); err == nil && a.SID != "" {
			resolved++
		}
	}
	if resolved == 0 {
		t.Error("no service's account resolved")
	}
	_, err = l.Service("QscertNoSuchService")
	wantCode(t, err, accounts.CodeServiceNotFound)
}

func TestWindowsRunnerFor(t *testing.T) {
	for kind, ok := range map[accounts.Kind]bool{
		accounts.KindUser: true, accounts.KindLocalSystem: true, accounts.KindManaged: true, accounts.KindVirtual: false,
	} {
		r, err := accounts.RunnerFor(accounts.Account{Name: "x", Kind: kind})
		if (r != nil) != ok || (err == nil) != ok {
			t.Errorf("RunnerFor(%s) = %v, %v", kind, r, err)
		}
	}
	_, err := accounts.RunnerFor(accounts.Account{Name: `NT SERVICE\x`, Kind: accounts.KindVirtual})
	wantCode(t, err, accounts.CodeVirtual)
	_, err = accounts.LogonRunner{}.Run(context.Background(), accounts.Request{Account: accounts.Account{Name: `X\y`, Kind: accounts.KindUser}, Argv: []string{"x"}})
	wantCode(t, err, accounts.CodeNeedsPassword)
}

// schtasks.exe for real: the definition is registered and removed.
func TestWindowsSchtasksCreateDelete(t *testing.T) {
	s := accounts.Schtasks{}
	name := "qscert-test-" + strings.ReplaceAll(time.Now().Format("150405.000000"), ".", "")
	def := accounts.TaskDefinition{Account: system, Program: `C:\Windows\System32\cmd.exe`, Args: []string{"/c", "exit 3"}}
	if err := s.Create(name, def); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Delete(name) })
	if !s.Exists(name) {
		t.Fatal("the task is not registered after Create")
	}
	if err := s.Create(name, def); err == nil {
		t.Error("a second Create with the same name succeeded")
	}
	st, err := s.Status(name)
	t.Logf("Status: %+v, %v", st, err)
	if err := s.Delete(name); err != nil {
		t.Fatal(err)
	}
	if s.Exists(name) {
		t.Fatal("the task is still registered after Delete")
	}
	if err := s.Delete(name); err != nil {
		t.Errorf("deleting a deleted task: %v", err)
	}
}

// The task runner on the real schtasks.exe. Where the task really runs
// (Windows), the child reports back through the named pipe; Wine's
// schtasks accepts /Run but starts nothing, so the run ends with
// task-failed at the timeout. Either way the task is gone afterwards.
func TestWindowsTaskRunnerRemovesTask(t *testing.T) {
	s := &recordingSchtasks{}
	r := accounts.NewTaskRunner(s)
	r.StartTimeout = 5 * time.Second
	var out lines
	req := taskRequest(t, "report", &out, "--exit=0")
	req.Account = system // on Windows, elevated: a real run as LocalSystem
	code, err := r.Run(context.Background(), req)
	t.Logf("Run = %d, %v", code, err)
	if err != nil {
		wantCode(t, err, accounts.CodeTaskFailed)
	} else {
		wantPayload(t, parseReport(t, out.got), secretPayload)
	}
	if s.name == "" || (accounts.Schtasks{}).Exists(s.name) {
		t.Fatalf("task %q left registered", s.name)
	}
}

type recordingSchtasks struct {
	accounts.Schtasks
	name string
}

func (s *recordingSchtasks) Create(name string, def accounts.TaskDefinition) error {
	s.name = name
	return s.Schtasks.Create(name, def)
}

// The named pipe for real: a protected DACL for one SID, an overlapped
// connect, Go's poller for the frames. The child is started directly
// (as this user) with the pipe's name, as the task would start it.
func TestWindowsPipeChannel(t *testing.T) {
	_, sid := currentUser(t)
	var out lines
	code, err := accounts.RunWithPipe(context.Background(), sid, accounts.Request{
		Payload: []byte(secretPayload), Output: out.add,
		Argv: []string{self(t), "install-for-account", "--qscert-child=report", "--exit=5"},
	})
	if err != nil || code != 5 {
		t.Fatalf("RunWithPipe = %d, %v", code, err)
	}
	rep := parseReport(t, out.got)
	wantPayload(t, rep, secretPayload)
	secretIn(t, "command line", rep.CommandLine, secretPayload)
	secretIn(t, "environment", rep.Environment, secretPayload)
	if !strings.Contains(rep.CommandLine[0], `\\.\pipe\qscert-run-`) {
		t.Errorf("the child was not given the pipe: %q", rep.CommandLine)
	}
}

// The logon runner's process start (CreateProcessWithTokenW with
// LOGON_WITH_PROFILE, the pipes, the account's environment block) on a
// real token, this process's own, duplicated as a primary token: what
// LogonUser would return, less the account switch.
func TestWindowsStartWithToken(t *testing.T) {
	var tok windows.Token
	if err := windows.DuplicateTokenEx(windows.GetCurrentProcessToken(), windows.MAXIMUM_ALLOWED, nil,
		windows.SecurityImpersonation, windows.TokenPrimary, &tok); err != nil {
		t.Fatal(err)
	}
	defer tok.Close()
	me, sid := currentUser(t)
	var out lines
	var stderr strings.Builder
	code, err := accounts.RunWithToken(context.Background(), tok, accounts.Request{
		Account: accounts.Account{Name: me, SID: sid, Kind: accounts.KindUser},
		Payload: []byte(secretPayload),
		Argv:    []string{self(t), "install-for-account", "--qscert-child=report", "--exit=6"}, Output: out.add, Errors: &stderr,
	})
	if errors.Is(err, windows.ERROR_PRIVILEGE_NOT_HELD) {
		t.Skip("CreateProcessWithTokenW needs SeImpersonatePrivilege: run elevated")
	}
	if err != nil || code != 6 {
		t.Fatalf("Run = %d, %v (stderr %q)", code, err, stderr.String())
	}
	rep := parseReport(t, out.got)
	wantPayload(t, rep, secretPayload)
	secretIn(t, "command line", rep.CommandLine, secretPayload)
	secretIn(t, "environment", rep.Environment, secretPayload)
}

// LogonUser itself. Windows refuses a made-up password (logon-failed);
// Wine's LogonUserW accepts anything and returns a token that is no
// handle, on which the next call fails: the test says which.
func TestWindowsLogonWithWrongPassword(t *testing.T) {
	me, sid := currentUser(t)
	_, err := accounts.LogonRunner{}.Run(context.Background(), accounts.Request{
		Account: accounts.Account{Name: me, SID: sid, Kind: accounts.KindUser}, Password: []byte(secretPassword),
		Argv: []string{self(t), "--qscert-child=report"},
	})
	if err == nil {
		t.Fatal("a logon with a made-up password succeeded")
	}
	if strings.Contains(err.Error(), secretPassword) {
		t.Fatal("the password is in the error")
	}
	t.Logf("LogonRunner with a made-up password: %v", err)
	if !isWine() {
		wantCode(t, err, accounts.CodeLogonFailed)
	}
}

// isWine reports whether this runs under Wine (ntdll exports
// wine_get_version there).
func isWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}
