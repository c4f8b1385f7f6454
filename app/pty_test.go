//go:build linux

package app

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"qscert/certs/certstest"
	"qscert/certs/qlik"
)

const ptyPassword = "Tr0ub4dor&3-pty"

// screen is what a terminal shows: every byte qscert wrote to it and
// every byte the terminal echoed of what was typed.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits until the screen shows want.
func (s *screen) waitFor(t *testing.T, want string) {
	t.Helper()
	if !s.shows(want, 30*time.Second) {
		t.Fatalf("the terminal never showed %q; it shows:\n%s", want, s.String())
	}
}

// shows waits up to d for the screen to show want.
func (s *screen) shows(want string, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for !strings.Contains(s.String(), want) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

// onTerminal runs the real qscert with a pseudo-terminal as its standard
// input, output and error, as in a console window or an SSH session.
func onTerminal(t *testing.T, args ...string) (cmd *exec.Cmd, typist *os.File, tty *os.File, s *screen, done chan error) {
	t.Helper()
	bin := qscertBinary(t)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pseudo-terminal here: " + err.Error())
	}
	t.Cleanup(func() { ptmx.Close(); tty.Close() })
	cmd = exec.Command(bin, args...)
	cmd.Env = append(withoutLocaleVars(os.Environ()), "LANG=C.UTF-8")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	// Its own session, with the terminal as controlling terminal: Ctrl+C
	// then reaches it as at a shell.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s = &screen{}
	go func() { _, _ = ioCopy(s, ptmx) }()
	done = make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	return cmd, ptmx, tty, s, done
}

func ioCopy(dst *screen, src *os.File) (int64, error) {
	buf := make([]byte, 4096)
	var n int64
	for {
		k, err := src.Read(buf)
		if k > 0 {
			dst.Write(buf[:k])
			n += int64(k)
		}
		if err != nil {
			return n, err
		}
	}
}

func wait(t *testing.T, s *screen, done chan error) int {
	t.Helper()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if st, ok := exit.Sys().(syscall.WaitStatus); ok && st.Signaled() {
				return 128 + int(st.Signal())
			}
			return exit.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(60 * time.Second):
		t.Fatalf("qscert did not finish; the terminal shows:\n%s", s.String())
		return -1
	}
}

func withoutLocaleVars(env []string) []string {
	var out []string
	for _, kv := range env {
		if name, _, _ := strings.Cut(kv, "="); name != "LANG" && name != "LC_ALL" && name != "LANGUAGE" && name != "LC_MESSAGES" {
			out = append(out, kv)
		}
	}
	return out
}

// TestTheTypedPasswordNeverShowsOnTheTerminal types the export's password
// into a real pseudo-terminal, when qscert asks for it and with
// --password-stdin, and reads the screen: the password is not on it. The
// terminal echoes what is typed unless the program turns echo off, so
// this fails for a plain line read.
func TestTheTypedPasswordNeverShowsOnTheTerminal(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: ptyPassword, Partial: true})
	for _, c := range []struct {
		name   string
		args   []string
		prompt string
	}{
		{"asked", []string{"validate", dir, "--host", cliHost}, "Password of client.pfx"},
		{"password-stdin", []string{"validate", dir, "--host", cliHost, "--password-stdin"}, "Certificate password"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, typist, tty, s, done := onTerminal(t, c.args...)
			// Typed before qscert turns echo off, the password would show
			// whatever qscert does; a program that never prompts gets it
			// after a while all the same, and must not show it either.
			prompted := s.shows(c.prompt, 10*time.Second)
			// A person reads the prompt before typing; the test waits for
			// the terminal to stop echoing, which qscert does a moment
			// after the prompt shows (keys typed ahead of any program's
			// prompt are echoed by the terminal itself).
			waitEchoOff(t, tty, 10*time.Second)
			if _, err := typist.WriteString(ptyPassword + "\r"); err != nil {
				t.Fatal(err)
			}
			code := wait(t, s, done)
			// What qscert wrote before it ended may still be on its way.
			finished := s.shows("Ready to install", 10*time.Second)
			shown := s.String()
			if strings.Contains(shown, ptyPassword) || strings.Contains(shown, ptyPassword[:6]) {
				t.Fatalf("the password shows on the terminal:\n%s", shown)
			}
			if code != ExitOK || !prompted || !finished {
				t.Fatalf("exit %d, prompted %v; the terminal shows:\n%s", code, prompted, shown)
			}
			assertEchoOn(t, tty)
		})
	}
}

// TestCtrlCAtThePasswordPromptGivesTheTerminalBack: interrupted while the
// terminal does not echo, qscert puts echo back before it goes, or the
// shell after it would hide everything typed.
func TestCtrlCAtThePasswordPromptGivesTheTerminalBack(t *testing.T) {
	dir := writeExport(t, certstest.WriteOptions{Format: qlik.FormatWindows, Password: ptyPassword})
	_, typist, tty, s, done := onTerminal(t, "validate", dir)
	s.waitFor(t, "Password of client.pfx")
	if _, err := typist.WriteString("Tr0u\x03"); err != nil {
		t.Fatal(err)
	}
	if code := wait(t, s, done); code != 130 {
		t.Fatalf("exit %d after Ctrl+C; the terminal shows:\n%s", code, s.String())
	}
	if strings.Contains(s.String(), "Tr0u") {
		t.Fatalf("what was typed shows:\n%s", s.String())
	}
	assertEchoOn(t, tty)
}

// waitEchoOff waits until the terminal no longer echoes what is typed.
func waitEchoOff(t *testing.T, tty *os.File, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		termios, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
		if err != nil {
			t.Fatal(err)
		}
		if termios.Lflag&unix.ECHO == 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("qscert never turned the terminal's echo off")
}

func assertEchoOn(t *testing.T, tty *os.File) {
	t.Helper()
	termios, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if termios.Lflag&unix.ECHO == 0 {
		t.Fatal("qscert left the terminal without echo")
	}
}
