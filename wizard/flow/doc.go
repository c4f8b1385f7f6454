// Package flow is the wizard's flows as data, without Fyne: the steps (ids,
// translation keys, the questions each asks), the state the user chose and
// the wizard learned, the gates that say when Next and Back are allowed,
// and the operations that ask package certs (check the export, plan, apply
// the plan, test the connection, gather the support report).
//
// The window (package wizard) draws a flow with Fyne; a console front end
// walks the same steps, asks the same questions in the same order and runs
// the same operations. An operation is a Job: its inputs are taken from the
// state when it is made, Run does the slow part on any goroutine, and the
// flow's Apply method for it stores the outcome on the goroutine that owns
// the flow. Each outcome carries the revision of the inputs it was computed
// for; one whose inputs changed meanwhile is dropped. That is the only
// staleness check: a window debounces typing, but does not count again.
//
// A console walks a flow like this: for each Step, show its Title and
// Intro, ask its Fields in order, those Asks allows (Value is the proposed
// answer, Hint the sentence under it, FieldProblem refuses an answer, Set
// stores it), call RunDue
// to run what the step waits for, then Next (or Back, or Quit when Leaving
// allows it). The window does the same with widgets, and runs the jobs in
// the background.
//
// A step is added to a flow in one place: a StepID, an entry in the flow's
// step list (its keys, Fields, gates and what arriving at it does), the
// state it needs, and a case in RunDue if it waits for a job; the window
// adds a page to its table of pages. A second flow is another type that
// embeds a Walk built from its own step list.
//
// A flow is not safe for concurrent use: one goroutine owns it (Fyne's UI
// thread, or the console's), and only Job.Run runs elsewhere.
package flow
