//go:build cgo

// Command minimalwindow is the smallest Fyne program: one window with one
// label, the same size as the wizard's. bench/startup.sh measures the
// wizard's start against it, both built the same way.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("com.qscert.minimalwindow")
	// Like the wizard, leave cleanly on SIGTERM so /usr/bin/time reports
	// the same way for both.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		fyne.Do(a.Quit)
	}()
	w := a.NewWindow("qscert minimal window")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(860, 640))
	w.ShowAndRun()
}
