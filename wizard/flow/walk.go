package flow

// StepID names a step for good: golden files, screenshots and tests use it.
type StepID string

// Step is one step of a flow, as data: a front end draws the indicator,
// the title and the buttons from it, and asks its Fields in order.
type Step struct {
	ID    StepID
	Name  string // translation key of the short name in the step indicator
	Title string // translation key of the page title
	Intro string // translation key of the sentence under the title
	// NextLabel is the translation key of Next's label.
	NextLabel string
	// Fields are the questions the step asks, in the order they are asked.
	Fields []Field
	// Last: Next finishes the flow.
	Last bool
}

// step is a Step with the gates and the transition of the flow that owns
// it; nil functions mean "yes", "yes", "no" and "nothing".
type step struct {
	Step
	ready   func() bool // Next is allowed
	canBack func() bool // Back is allowed (false once the steps before cannot be redone)
	busy    func() bool // nothing may move away: an install runs
	enter   func()      // called each time the flow arrives at the step
}

func (s *step) isReady() bool     { return s.ready == nil || s.ready() }
func (s *step) backAllowed() bool { return s.canBack == nil || s.canBack() }
func (s *step) isBusy() bool      { return s.busy != nil && s.busy() }

// Walk is where a flow stands in its list of steps, and the rules for
// moving through it. Each flow embeds one, built from its own steps.
type Walk struct {
	steps []step
	index int
	quit  func()
}

// Steps lists the flow's steps in order.
func (w *Walk) Steps() []Step {
	out := make([]Step, len(w.steps))
	for i, s := range w.steps {
		out[i] = s.Step
	}
	return out
}

// Index is the position of the current step.
func (w *Walk) Index() int { return w.index }

// Step is the current step.
func (w *Walk) Step() Step { return w.steps[w.index].Step }

// IndexOf is the position of the step with that id, or -1.
func (w *Walk) IndexOf(id StepID) int {
	for i, s := range w.steps {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// Busy: the current step runs something that must not be left halfway;
// no button moves away.
func (w *Walk) Busy() bool { return w.steps[w.index].isBusy() }

// CanNext: the current step has what it needs.
func (w *Walk) CanNext() bool {
	s := &w.steps[w.index]
	return s.isReady() && !s.isBusy()
}

// CanBack: there is a step before, and going back is allowed.
func (w *Walk) CanBack() bool {
	s := &w.steps[w.index]
	return w.index > 0 && s.backAllowed() && !s.isBusy()
}

// Next moves to the following step when the current one allows it; on the
// last step it finishes the flow. It reports whether anything happened.
func (w *Walk) Next() bool {
	if !w.CanNext() {
		return false
	}
	if w.steps[w.index].Last {
		w.quit()
		return true
	}
	w.moveTo(w.index + 1)
	return true
}

// Back returns to the previous step when allowed.
func (w *Walk) Back() bool {
	if !w.CanBack() {
		return false
	}
	w.moveTo(w.index - 1)
	return true
}

// moveTo arrives at step i.
func (w *Walk) moveTo(i int) {
	w.index = i
	if enter := w.steps[i].enter; enter != nil {
		enter()
	}
}

// Leaving says what Cancel does on the current step.
type Leaving int

const (
	// LeaveRefused: an install runs; stopping halfway is what the
	// rollback exists to avoid.
	LeaveRefused Leaving = iota
	// LeaveAtOnce: nothing would be lost (the first step, the last).
	LeaveAtOnce
	// LeaveAsk: ask first, then Quit.
	LeaveAsk
)

// Leaving says what Cancel (Escape, the window's close button) does here.
func (w *Walk) Leaving() Leaving {
	switch {
	case w.Busy():
		return LeaveRefused
	case w.index == 0 || w.steps[w.index].Last:
		return LeaveAtOnce
	}
	return LeaveAsk
}

// Quit closes the program: after Cancel was confirmed, or at once when
// Leaving says so.
func (w *Walk) Quit() { w.quit() }
