package central

import (
	"context"
	"os"
	"testing"
	"time"

	"qscert/certs/accounts"
)

// A program the sub-command started ends with it: the sub-command is
// stopped (as a runner stops it when the procedure gives up, or the
// system when the procedure dies) and the program must not go on making
// certificates. Windows: the job object; Linux: the parent-death signal.
func TestAProgramEndsWithTheSubCommandThatStartedIt(t *testing.T) {
	if !bindsPrograms {
		t.Skip("nothing binds a program to its sub-command on this system")
	}
	exe, _ := os.Executable()
	a := &Acting{Account: accounts.Account{Name: "SYSTEM", Kind: accounts.KindLocalSystem}, Runner: &accounts.SimulatedRunner{},
		Child: []string{exe, "__child"}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pid := 0
	saw := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- a.run(ctx, childRequest{Op: "run", Argv: []string{exe, "__sleep"}, HeartbeatMS: 60_000}, func(l childLine) error {
			if l.Started != 0 {
				pid = l.Started
			}
			if l.Line != nil {
				close(saw)
			}
			return nil
		})
	}()
	select {
	case <-saw:
	case err := <-done:
		t.Fatalf("the run ended: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("the program did not start")
	}
	if !alive(pid) {
		t.Fatalf("the program %d is not running", pid)
	}
	cancel() // the runner kills the sub-command, and only it
	<-done
	deadline := time.Now().Add(10 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("the program %d outlived its sub-command", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
