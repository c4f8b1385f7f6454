//go:build !windows

package console

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"qscert/wizard/flow"
)

// session is the console wizard running on a real pseudo-terminal: the
// wizard reads and writes the terminal's side, the test types on the
// other side and reads what a terminal would show (escape sequences
// taken out).
type session struct {
	t    *testing.T
	ptm  *os.File
	mu   sync.Mutex
	buf  bytes.Buffer
	seen int // waitFor looks past what it found before
	done chan result
	mode Mode
	lang string
}

type result struct {
	end End
	err error
}

// startSession runs the wizard with deps on a new terminal, 120 columns
// wide, in mode.
func startSession(t *testing.T, deps flow.Deps, mode Mode) *session {
	t.Helper()
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	if err := pty.Setsize(ptm, &pty.Winsize{Rows: 50, Cols: 120}); err != nil {
		t.Fatal(err)
	}
	s := &session{t: t, ptm: ptm, done: make(chan result, 1), mode: mode, lang: deps.Lang}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := ptm.Read(b)
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		end, err := Run(deps, Terminal{In: tty, Out: tty, Mode: mode, Interrupted: func() {}})
		s.done <- result{end, err}
	}()
	t.Cleanup(func() {
		ptm.Close()
		tty.Close()
	})
	return s
}

// screen is everything shown so far, as text.
func (s *session) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.buf.String())
}

// waitFor waits until the terminal shows want after what was found last.
func (s *session) waitFor(want string) {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		text := s.screen()
		if i := strings.Index(text[min(s.seen, len(text)):], want); i >= 0 {
			s.seen += i + len(want)
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the terminal never showed %q after what was read; it shows:\n%s", want, text[min(s.seen, len(text)):])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// typeKeys types on the terminal's keyboard.
func (s *session) typeKeys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if _, err := s.ptm.WriteString(k); err != nil {
			s.t.Fatal(err)
		}
		// A form reads keys as they come; a pause lets it draw between
		// them, as a person typing does.
		time.Sleep(20 * time.Millisecond)
	}
}

// end waits for the wizard to end.
func (s *session) end() (End, error) {
	s.t.Helper()
	select {
	case r := <-s.done:
		return r.end, r.err
	case <-time.After(30 * time.Second):
		s.t.Fatalf("the wizard did not end; the terminal shows:\n%s", s.screen())
	}
	return 0, nil
}

// Keys as a terminal sends them.
const (
	enter = "\r"
	down  = "\x1b[B"
	ctrlU = "\x15" // delete to the start of the field
)

// The help under a form, once it is drawn and reads keys (typed earlier,
// they would reach the terminal's line editor instead).
var formHelp = map[string]map[string]string{
	"en": {"choose": "enter choose", "next": "enter next", "confirm": "enter confirm"},
	"fr": {"choose": "enter choisir", "next": "enter suivant", "confirm": "enter valider"},
}

// What Lines mode asks a menu with.
var menuPrompt = map[string]string{"en": "Type a number from 1 to", "fr": "Tapez un nombre de 1 à"}

// formShown waits for a form's help line, then a moment more: huh draws
// a form before it has focused its first field, and drops the keys that
// come in between (a person never types that fast).
func (s *session) formShown(help string) {
	s.t.Helper()
	s.waitFor(formHelp[s.lang][help])
	time.Sleep(150 * time.Millisecond)
}

// choose picks the nth option of the menu shown next.
func (s *session) choose(n int) {
	s.t.Helper()
	if s.mode == Forms {
		s.formShown("choose")
		for range n - 1 {
			s.typeKeys(down)
		}
		s.typeKeys(enter)
		return
	}
	s.waitFor(menuPrompt[s.lang])
	s.typeKeys(itoa(n) + "\n")
}

// answer answers the questions shown next, whose titles are labels, with
// values (replacing what a field proposes).
func (s *session) answer(labels []string, values ...string) {
	s.t.Helper()
	if s.mode == Forms {
		s.waitFor(labels[0])
		s.formShown("next")
		for _, v := range values {
			s.typeKeys(ctrlU, v, enter)
		}
		return
	}
	for i, v := range values {
		s.waitFor(labels[i])
		// A password prompt turns echo off right after it is shown.
		time.Sleep(100 * time.Millisecond)
		s.typeKeys(v + "\n")
	}
}

// keep accepts what the questions shown next propose.
func (s *session) keep(labels ...string) {
	s.t.Helper()
	if s.mode == Forms {
		s.waitFor(labels[0])
		s.formShown("next")
		for range labels {
			s.typeKeys(enter)
		}
		return
	}
	for _, l := range labels {
		s.waitFor(l)
		time.Sleep(100 * time.Millisecond)
		s.typeKeys("\n")
	}
}
