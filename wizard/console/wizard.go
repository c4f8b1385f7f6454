package console

import (
	"errors"
	"io"
	"sync/atomic"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"qscert/assets/i18n"
	"qscert/wizard/flow"
)

// Terminal is where the wizard runs.
type Terminal struct {
	In  io.Reader // a terminal (*os.File) for Forms and for unechoed passwords
	Out io.Writer
	// Mode is Forms or Lines; ModeFor chooses it for a terminal.
	Mode Mode
	// Width wraps the sentences printed in Forms mode; 0 asks the
	// terminal.
	Width int
	// Interrupted ends the program after Ctrl+C outside a form (where a
	// line prompt waits, a check runs): the terminal has been put back.
	// It is not called while the install runs, which must not stop
	// halfway. Nil exits with 130, as shells report an interrupted
	// program.
	Interrupted func()
}

// End is how a run of the wizard ended.
type End int

const (
	// Finished: Finish on the last step.
	Finished End = iota
	// Left: the user left before the end (Cancel, confirmed).
	Left
)

// wizard is one run of the console wizard: the flow, and how it is shown
// and asked.
type wizard struct {
	f *flow.Install
	// rec is flow B once chosen (recreate.go); nil walks the install flow.
	rec  *recreate
	deps flow.Deps
	tr   *i18n.Translator
	p    prompter
	out  *printer

	term       Terminal
	lines      *lineReader // Lines mode: the input, read a line at a time
	quit       bool
	end        End
	installing atomic.Bool            // Ctrl+C waits for the install
	busy       atomic.Pointer[string] // what Ctrl+C says meanwhile, translated
	// signalWords is tr for Ctrl+C's goroutine, which may not read tr
	// itself (a language switch replaces it).
	signalWords atomic.Pointer[i18n.Translator]
}

// Run walks the install flow in the terminal, step by step, until the user
// finishes or leaves. deps is what the window would get; its Quit is the
// wizard's own. The error is the console's (CodeInputEnded), never the
// flow's: a failed check, plan, install or test is shown, and the user
// chooses what next.
func Run(deps flow.Deps, t Terminal) (End, error) {
	w := &wizard{term: t, end: Left}
	deps.Quit = func() { w.quit = true }
	w.f = flow.NewInstall(deps)
	w.deps = deps
	w.setUp()
	stop := w.catchInterrupts()
	defer stop()

	// What was done before the wizard started (a change a killed qscert
	// had left unfinished, finished) is said first.
	for _, n := range deps.Notices {
		w.out.para(n)
	}
	if err := w.offerUnfinished(); err != nil {
		return Left, err
	}
	w.out.para(w.t("wizard.welcome.machine.looking"))
	w.f.ApplyMachine(w.f.LookUpMachine().Run())
	// --flow recreate opens on flow B's checks; Back leads to the welcome.
	// (The console has no restore flow: `qscert restore` is its twin.)
	if w.rec == nil && deps.StartFlow == flow.FlowRecreate {
		w.startRecreate("")
		w.rec.r.Next()
	}
	for !w.quit {
		err := w.page()
		if errors.Is(err, errAborted) {
			err = w.leave()
		}
		if err != nil {
			return Left, err
		}
	}
	return w.end, nil
}

// setUp makes the printer and the prompter for the terminal and the
// flow's language (again after a language switch).
func (w *wizard) setUp() {
	w.tr = i18n.New(w.f.Lang())
	t := w.term
	// Styles are chosen here, not guessed by asking the terminal: a
	// terminal that does not answer lipgloss's background-colour query
	// would stall every form.
	lipgloss.SetHasDarkBackground(true)
	if t.Mode == Lines {
		lipgloss.SetColorProfile(termenv.Ascii)
		if w.lines == nil {
			w.lines = &lineReader{r: t.In}
		}
		var in io.Reader = w.lines
		if f, ok := t.In.(fder); ok && isTerminal(t.In) {
			in = terminalLines{lineReader: w.lines, fd: f.Fd()}
		}
		w.p = &linePrompter{in: in, out: t.Out, t: w.t, ended: w.lines.Ended}
		w.out = newPrinter(t.Out, 0, true)
	} else {
		width := t.Width
		if width == 0 {
			width = terminalWidth(t.Out)
		}
		w.out = newPrinter(t.Out, width, false)
		w.p = &formPrompter{in: t.In, out: t.Out, keys: keyMap(w.t), theme: theme(), width: min(width, 100), echo: w.out.chosen}
	}
	w.out.setWords(func(k string) string { return w.t(k) })
	busy := w.t("wizard.cancel.busy")
	w.busy.Store(&busy)
	w.signalWords.Store(w.tr)
}

// terminalWidth is the terminal's width, 80 when it cannot tell.
func terminalWidth(out io.Writer) int {
	if f, ok := out.(fder); ok {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			return w
		}
	}
	return 80
}

// t translates key, preferring the console's own wording of it
// ("console.<key>") where the window's speaks of the window ("drop the
// folder onto this window", "tick", "marked in red").
func (w *wizard) t(key string, params ...map[string]string) string {
	if w.tr.Has("console." + key) {
		return w.tr.T("console."+key, params...)
	}
	return w.tr.T(key, params...)
}

// page shows the current step and asks its questions until the user moves
// on, back or away.
func (w *wizard) page() error {
	if w.rec != nil {
		return w.rec.page()
	}
	switch w.f.Step().ID {
	case flow.StepWelcome:
		return w.welcome()
	case flow.StepGuide:
		return w.guide()
	case flow.StepFiles:
		return w.files()
	case flow.StepAccount:
		return w.account()
	case flow.StepOld:
		return w.old()
	case flow.StepInstall:
		return w.install()
	case flow.StepDone:
		return w.done()
	}
	// A step the console does not know yet (a flow that grew): say so
	// and let the user move through it as the flow allows.
	w.header()
	_, err := w.navigate("")
	return err
}
