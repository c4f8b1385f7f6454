package accounts_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"

	"qscert/certs/accounts"
)

const (
	secretPassword = "Pa55-w0rd-qscert-7c1e"
	secretPayload  = "PAYLOAD-pfx-and-password-9d3b"
)

func self(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

type lines struct{ got [][]byte }

func (l *lines) add(b []byte) { l.got = append(l.got, bytes.Clone(b)) }

func wantPayload(t *testing.T, r childReport, payload string) {
	t.Helper()
	sum := sha256.Sum256([]byte(payload))
	if r.PayloadSHA != hex.EncodeToString(sum[:]) || r.PayloadLen != len(payload) {
		t.Errorf("child got a payload of %d bytes, sha256 %s; want %d bytes", r.PayloadLen, r.PayloadSHA, len(payload))
	}
}

// The simulated runner starts a real child; the child reports its own
// command line and environment as the kernel holds them.
func TestSimulatedRunnerKeepsSecretsOffCommandLineAndEnvironment(t *testing.T) {
	var r accounts.SimulatedRunner
	var out lines
	acct := accounts.Account{Name: `CORP\svc_qlik`, SID: "S-1-5-21-1-2-3-1105", Kind: accounts.KindUser}
	code, err := r.Run(context.Background(), accounts.Request{
		Account: acct, Password: []byte(secretPassword), Payload: []byte(secretPayload),
		Argv: []string{self(t), "install-for-account", "--qscert-child=report", "--exit=3"}, Output: out.add,
	})
	if err != nil || code != 3 {
		t.Fatalf("Run = %d, %v; want 3, nil", code, err)
	}
	rep := parseReport(t, out.got)
	wantPayload(t, rep, secretPayload)
	for _, s := range []string{secretPassword, secretPayload} {
		secretIn(t, "command line", rep.CommandLine, s)
		secretIn(t, "environment", rep.Environment, s)
	}
	runs := r.Runs()
	if len(runs) != 1 || !runs[0].HadPassword || string(runs[0].Payload) != secretPayload || runs[0].ExitCode != 3 {
		t.Fatalf("recorded %+v", runs)
	}
}

func TestSimulatedRunnerRefusesWhatWindowsWould(t *testing.T) {
	var r accounts.SimulatedRunner
	ctx := context.Background()
	_, err := r.Run(ctx, accounts.Request{Account: accounts.Account{Name: `CORP\svc`, Kind: accounts.KindUser}, Argv: []string{"x"}})
	wantCode(t, err, accounts.CodeNeedsPassword)
	_, err = r.Run(ctx, accounts.Request{Account: accounts.Account{Name: `NT SERVICE\MSSQLSERVER`, Kind: accounts.KindVirtual}, Argv: []string{"x"}})
	wantCode(t, err, accounts.CodeVirtual)
	_, err = r.Run(ctx, accounts.Request{Account: accounts.Account{Name: `BUILTIN\Users`}, Argv: []string{"x"}})
	wantCode(t, err, accounts.CodeNotUsable)
	_, err = r.Run(ctx, accounts.Request{Account: accounts.Account{Name: "SYSTEM", Kind: accounts.KindLocalSystem}, Argv: []string{"/nonexistent/qscert"}})
	wantCode(t, err, accounts.CodeRunFailed)
	if n := len(r.Runs()); n != 4 {
		t.Fatalf("recorded %d runs, want 4", n)
	}
}

func TestSimulatedRunnerCancels(t *testing.T) {
	var r accounts.SimulatedRunner
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{}, 1)
	go func() { <-started; cancel() }()
	code, err := r.Run(ctx, accounts.Request{
		Account: accounts.Account{Name: "SYSTEM", Kind: accounts.KindLocalSystem},
		Argv:    []string{self(t), "--qscert-child=hang"}, Payload: []byte("x"),
		Output: func([]byte) {
			select {
			case started <- struct{}{}:
			default:
			}
		},
	})
	if code != -1 {
		t.Errorf("code = %d", code)
	}
	wantCode(t, err, accounts.CodeRunCancelled)
}

func TestOutputLineTooLong(t *testing.T) {
	var r accounts.SimulatedRunner
	_, err := r.Run(context.Background(), accounts.Request{
		Account: accounts.Account{Name: "SYSTEM", Kind: accounts.KindLocalSystem},
		Argv:    []string{self(t), "--qscert-child=long"},
	})
	wantCode(t, err, accounts.CodeRunFailed)
}
