//go:build cgo

package app

import (
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"qscert/app/elevation"
	"qscert/app/glprobe"
	"qscert/assets"
	"qscert/assets/i18n"
	"qscert/wizard"
	"qscert/wizard/flow"
)

// runGUI opens the wizard window and returns when it is closed.
func runGUI(env *Env, args []string) int {
	opts, err := parseGUIOptions(args)
	if err != nil {
		return fail(env, i18n.New(opts.lang), err, ExitUsage)
	}
	// Before Fyne: without an OpenGL 2.1 context its driver ends or hangs
	// the process.
	if d := windowOrConsole(env, opts.lang); d.Start != glprobe.StartWindow {
		return startWithoutWindow(env, args, d)
	}
	// The wizard translates through package i18n, which can switch
	// language at run time; nothing goes through Fyne's lang, so the
	// translation files are not handed to it: parsing them all would only
	// delay the window.
	icon := fyne.NewStaticResource("icon.png", assets.IconPNG)
	// Plain `go build` does not read FyneApp.toml; this sets the same
	// values (app/metadata_test.go checks they agree).
	fyneapp.SetMetadata(appMetadata(icon))
	a := fyneapp.NewWithID(appID)
	// The window and task bar get the 128-pixel copy: decoding the
	// 512-pixel icon on the UI thread would delay the window, and task
	// bars show at most 64 pixels or so.
	a.SetIcon(fyne.NewStaticResource("logo.png", assets.LogoPNG))
	// Fyne's theme with outlines that do not look disabled (wizard.Theme).
	a.Settings().SetTheme(wizard.Theme())

	deps, release, err := wizardDeps(env, opts)
	if err != nil {
		return fail(env, i18n.New(opts.lang), err, ExitUsage)
	}
	// Everything the demo made goes when the window closes, and on Ctrl+C
	// or a termination signal too.
	defer release()
	deps.Prefs = a.Preferences()
	deps.Quit = a.Quit
	deps.HelpURL = helpURL
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		fyne.Do(a.Quit)
	}()

	w := a.NewWindow(i18n.New(opts.lang).T("wizard.title"))
	if runtime.GOOS == "windows" && !opts.demo {
		deps.RestartElevated = func(r flow.Restart) error {
			carry := elevation.Carry{Flow: r.Flow, Folder: r.Folder, Host: r.Host, Lang: r.Lang}
			return elevation.Relaunch(nativeHandle(w), carry.Args())
		}
	}
	wiz := wizard.New(w, deps)
	w.SetContent(wiz.Content())
	// again opens the wizard anew in the window (the screenshot tour
	// walks the restore flow after the install flow).
	again := func() *wizard.Wizard {
		wiz := wizard.New(w, deps)
		w.SetContent(wiz.Content())
		return wiz
	}
	w.Resize(designSize)
	w.Show()
	fitToScreen(w)
	w.CenterOnScreen()
	if dir := env.Getenv("QSCERT_SCREENSHOT_DIR"); dir != "" {
		go takeScreenshots(a, w, wiz, again, dir, env.Getenv("QSCERT_SCREENSHOT_FB"))
	}
	a.Run()
	return ExitOK
}
