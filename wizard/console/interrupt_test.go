//go:build !windows

package console

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"qscert/certs/qrs/qrstest"
)

// Ctrl+C at a line prompt ends the program, through Interrupted.
func TestCtrlCAtALinePromptEndsTheProgram(t *testing.T) {
	st := newSite(t, qrstest.Options{})
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptm.Close()
	defer tty.Close()
	go func() { // the terminal's screen
		b := make([]byte, 4096)
		for {
			if _, err := ptm.Read(b); err != nil {
				return
			}
		}
	}()
	interrupted := make(chan struct{})
	go func() {
		_, _ = Run(st.deps("en"), Terminal{In: tty, Out: tty, Mode: Lines, Interrupted: func() { close(interrupted) }})
	}()
	time.Sleep(500 * time.Millisecond) // at the welcome step's question
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-interrupted:
	case <-time.After(10 * time.Second):
		t.Fatal("Ctrl+C did not end the wizard")
	}
}
