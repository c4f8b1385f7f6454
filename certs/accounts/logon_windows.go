package accounts

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/sys/windows"
)

// LogonRunner acts as an ordinary account with its password:
// LogonUser, then CreateProcessWithTokenW with LOGON_WITH_PROFILE.
//
// Why these two calls:
//   - LOGON_WITH_PROFILE loads the account's profile (its HKCU, where its
//     Personal store lives, and %APPDATA%\Microsoft\Protect, its DPAPI
//     master keys). A logon with the password is what lets DPAPI unlock
//     those keys: an S4U logon (a scheduled task "without storing the
//     password") has no password-derived key and cannot protect a private
//     key for the account.
//   - LogonUser lets qscert pick the logon type. A service account holds
//     "Log on as a service" (the SCM grants it when a service is set to
//     run as the account) and often "Deny log on locally";
//     CreateProcessWithLogonW always logs on interactively and would fail
//     there with ERROR_LOGON_TYPE_NOT_GRANTED. So: service, then batch,
//     then interactive, moving on only on ERROR_LOGON_TYPE_NOT_GRANTED; a
//     wrong password stops at the first try, so one mistake costs the
//     account one bad-password count, not three.
//   - CreateProcessWithTokenW needs SeImpersonatePrivilege, which an
//     elevated administrator and LocalSystem hold (a fleet tool running
//     qscert as SYSTEM works too). CreateProcessAsUser would need
//     SeAssignPrimaryTokenPrivilege, which administrators do not hold, and
//     CreateProcessWithLogonW refuses to run from LocalSystem.
//
// The payload goes to the child's standard input, an anonymous pipe the
// Secondary Logon service hands to the child; its standard output comes
// back the same way. The password is copied once into UTF-16 for
// LogonUser and that copy is cleared as soon as LogonUser returns.
type LogonRunner struct{}

const (
	logon32LogonInteractive = 2 // LOGON32_LOGON_INTERACTIVE: "Allow log on locally"
	logon32LogonBatch       = 4 // LOGON32_LOGON_BATCH: "Log on as a batch job"
	logon32LogonService     = 5 // LOGON32_LOGON_SERVICE: "Log on as a service"
	logon32ProviderDefault  = 0 // LOGON32_PROVIDER_DEFAULT
	logonWithProfile        = 1 // LOGON_WITH_PROFILE
)

// Run implements Runner.
func (LogonRunner) Run(ctx context.Context, req Request) (int, error) {
	if req.Account.Kind != KindUser {
		if _, err := choose(req.Account, nil, nil); err != nil {
			return -1, err
		}
		return -1, notUsable(req.Account.Name, req.Account.SID)
	}
	if len(req.Password) == 0 {
		return -1, needsPassword(req.Account)
	}
	if len(req.Argv) == 0 {
		return -1, runFailed("no command", nil)
	}
	if ctx.Err() != nil {
		return -1, cancelled(ctx)
	}
	token, err := logon(req.Account, req.Password)
	if err != nil {
		return -1, err
	}
	defer token.Close()
	p, err := startAs(token, req)
	if err != nil {
		return -1, err
	}
	defer p.close()
	return p.wait(ctx, req)
}

// logon logs on as a with password, trying the logon types in turn.
func logon(a Account, password []byte) (windows.Token, error) {
	domain, user, ok := strings.Cut(a.Name, `\`)
	if !ok {
		domain, user = "", a.Name // user@domain: LogonUser takes a UPN with no domain
	}
	u, err1 := windows.UTF16PtrFromString(user)
	d, err2 := windows.UTF16PtrFromString(domain)
	if err1 != nil || err2 != nil {
		return 0, notFound(a.Name, errors.Join(err1, err2))
	}
	pw := utf16Of(password)
	defer clear16(pw)
	var lastErr error
	for _, typ := range []uint32{logon32LogonService, logon32LogonBatch, logon32LogonInteractive} {
		var t windows.Token
		err := logonUser(u, d, &pw[0], typ, logon32ProviderDefault, &t)
		if err == nil {
			return t, nil
		}
		lastErr = err
		if !errors.Is(err, windows.Errno(errorLogonTypeNotGranted)) {
			break
		}
	}
	var errno windows.Errno
	errors.As(lastErr, &errno)
	return 0, logonError(a, "LogonUser", uint32(errno), lastErr.Error(), lastErr)
}

// utf16Of converts a UTF-8 password to NUL-terminated UTF-16 without
// making a Go string of it (a string cannot be cleared).
func utf16Of(b []byte) []uint16 {
	out := make([]uint16, 0, len(b)+1)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		out = utf16.AppendRune(out, r)
	}
	return append(out, 0)
}

// child is a process started by startAs, with the parent's ends of its
// pipes.
type child struct {
	pi     windows.ProcessInformation
	stdin  *os.File
	stdout *os.File
	stderr *os.File
}

func (c *child) close() {
	for _, f := range []*os.File{c.stdin, c.stdout, c.stderr} {
		if f != nil {
			f.Close()
		}
	}
	windows.CloseHandle(c.pi.Thread)
	windows.CloseHandle(c.pi.Process)
}

// pipe makes an anonymous pipe whose child end is inheritable (the
// Secondary Logon service duplicates the standard handles into the new
// process) and whose parent end is not.
func pipe(childReads bool) (parent *os.File, childEnd windows.Handle, err error) {
	sa := windows.SecurityAttributes{Length: uint32(unsafe.Sizeof(windows.SecurityAttributes{})), InheritHandle: 1}
	var r, w windows.Handle
	if err := windows.CreatePipe(&r, &w, &sa, 0); err != nil {
		return nil, 0, err
	}
	p, c := r, w
	if childReads {
		p, c = w, r
	}
	if err := windows.SetHandleInformation(p, windows.HANDLE_FLAG_INHERIT, 0); err != nil {
		windows.CloseHandle(r)
		windows.CloseHandle(w)
		return nil, 0, err
	}
	return os.NewFile(uintptr(p), "|pipe"), c, nil
}

// startAs starts req.Argv with token, its profile loaded, in the
// account's own environment (not qscert's), with no window.
func startAs(token windows.Token, req Request) (*child, error) {
	c := &child{}
	var ends [3]windows.Handle
	var err error
	if c.stdin, ends[0], err = pipe(true); err == nil {
		if c.stdout, ends[1], err = pipe(false); err == nil {
			c.stderr, ends[2], err = pipe(false)
		}
	}
	defer func() {
		for _, h := range ends {
			if h != 0 {
				windows.CloseHandle(h)
			}
		}
	}()
	if err != nil {
		c.close()
		return nil, runFailed("creating the pipes", err)
	}
	env, err := token.Environ(false) // CreateEnvironmentBlock: the account's variables only
	if err != nil {
		c.close()
		return nil, runFailed("CreateEnvironmentBlock", err)
	}
	block := environmentBlock(env)
	dir, err := windows.GetSystemDirectory() // a folder every account may enter
	if err != nil {
		dir = `C:\Windows\System32`
	}
	cmdline, err := windows.UTF16PtrFromString(windows.ComposeCommandLine(req.Argv))
	if err != nil {
		c.close()
		return nil, runFailed("the command line", err)
	}
	app, err1 := windows.UTF16PtrFromString(req.Argv[0])
	wd, err2 := windows.UTF16PtrFromString(dir)
	if err1 != nil || err2 != nil {
		c.close()
		return nil, runFailed("the command", errors.Join(err1, err2))
	}
	si := windows.StartupInfo{
		Cb:         uint32(unsafe.Sizeof(windows.StartupInfo{})),
		Flags:      windows.STARTF_USESTDHANDLES | windows.STARTF_USESHOWWINDOW,
		ShowWindow: windows.SW_HIDE,
		StdInput:   ends[0],
		StdOutput:  ends[1],
		StdErr:     ends[2],
	}
	err = createProcessWithToken(token, logonWithProfile,
		app, // lpApplicationName: the program itself, never searched for on PATH
		cmdline,
		windows.CREATE_NO_WINDOW|windows.CREATE_UNICODE_ENVIRONMENT,
		&block[0], wd, &si, &c.pi)
	if err != nil {
		c.close()
		var errno windows.Errno
		errors.As(err, &errno)
		return nil, logonError(req.Account, "CreateProcessWithTokenW", uint32(errno), err.Error(), err)
	}
	return c, nil
}

// environmentBlock is env as CreateProcess takes it: NUL-separated
// UTF-16 strings ending with an empty one.
func environmentBlock(env []string) []uint16 {
	var b []uint16
	for _, kv := range env {
		if strings.IndexByte(kv, 0) >= 0 {
			continue
		}
		b = append(b, utf16.Encode([]rune(kv))...)
		b = append(b, 0)
	}
	return append(b, 0, 0)
}

// wait feeds the payload, streams the output and returns the exit code.
// Cancelling ctx terminates the child.
func (c *child) wait(ctx context.Context, req Request) (int, error) {
	go func() {
		_, _ = c.stdin.Write(req.Payload)
		c.stdin.Close()
	}()
	errOut := req.Errors
	if errOut == nil {
		errOut = io.Discard
	}
	go func() { _, _ = io.Copy(errOut, io.LimitReader(c.stderr, 1<<20)) }()
	stop := context.AfterFunc(ctx, func() { _ = windows.TerminateProcess(c.pi.Process, 1) })
	defer stop()
	lerr := copyLines(c.stdout, req.Output)
	if lerr != nil {
		_ = windows.TerminateProcess(c.pi.Process, 1)
	}
	if _, err := windows.WaitForSingleObject(c.pi.Process, windows.INFINITE); err != nil {
		return -1, runFailed("waiting for the command", err)
	}
	if ctx.Err() != nil {
		return -1, cancelled(ctx)
	}
	if lerr != nil {
		return -1, lerr
	}
	var code uint32
	if err := windows.GetExitCodeProcess(c.pi.Process, &code); err != nil {
		return -1, runFailed("GetExitCodeProcess", err)
	}
	return int(int32(code)), nil
}
