package console

import (
	"fmt"
	"os"
	"os/signal"

	"golang.org/x/term"
)

// catchInterrupts handles Ctrl+C outside a form (a form takes it as a key
// and asks whether to leave). While the install runs it only says to
// wait: stopping halfway is what the plan's rollback exists to avoid, and
// the install takes seconds. The part run as another account is the
// exception: it can wait long on Windows (a logon, a scheduled task), so
// Ctrl+C stops it, and the install rolls back, as the window's Stop. Otherwise it puts the terminal back (a
// password prompt turns echo off; left so, the shell would hide
// everything typed after qscert) and ends the program.
func (w *wizard) catchInterrupts() (stop func()) {
	restore := func() {}
	if f, ok := w.term.In.(fder); ok && isTerminal(w.term.In) {
		fd := int(f.Fd())
		if state, err := term.GetState(fd); err == nil {
			restore = func() { _ = term.Restore(fd, state) }
		}
	}
	interrupted := func() { os.Exit(130) } // 128 + SIGINT
	if w.term.Interrupted != nil {
		interrupted = w.term.Interrupted
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-sig:
				if s := w.f.RunningAccountStep(); s != nil {
					fmt.Fprintf(w.term.Out, "\n%s\n", w.signalWords.Load().T("console.install.stopping", map[string]string{"account": s.Account}))
					s.Stop()
					continue
				}
				if w.installing.Load() {
					fmt.Fprintf(w.term.Out, "\n%s\n", *w.busy.Load())
					continue
				}
				restore()
				fmt.Fprintln(w.term.Out)
				interrupted()
				return
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
