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
// A flow is not safe for concurrent use: one goroutine owns it (Fyne's UI
// thread, or the console's), and only Job.Run runs elsewhere.
package flow
