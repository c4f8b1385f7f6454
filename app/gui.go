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
	"qscert/certs/install"
	"qscert/certs/output"
	"qscert/certs/store"
	"qscert/wizard"
	"qscert/wizard/flow"
)

// runGUI opens the wizard window and returns when it is closed.
func runGUI(env *Env, args []string) int {
	opts, err := parseGUIOptions(args)
	if err != nil {
		return fail(env, i18n.New(""), err, ExitUsage)
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

	deps := flow.Deps{
		Prefs:       a.Preferences(),
		Lang:        opts.lang,
		Machine:     env.Machine,
		Now:         env.Now,
		ClientScope: store.CurrentUser,
		Quit:        a.Quit,
		Version:     Version,
		HelpURL:     helpURL,
		Folder:      opts.folder,
		Host:        opts.host,
		Elevated:    elevation.IsElevated(),
	}
	if opts.demo {
		demo, err := startDemo(env.Now())
		if err != nil {
			return fail(env, i18n.New(opts.lang), err, ExitUsage)
		}
		// Everything the demo made goes when the window closes, and on
		// Ctrl+C or a termination signal too.
		defer demo.Close()
		deps.Demo = &demo.info
		deps.Store = demo.store
		deps.BackupRoot = demo.backup
		deps.QRSAddress = demo.qrs.Addr
	} else {
		// Without a store the wizard still guides and checks the files;
		// the replace page says why it cannot go further.
		st, err := env.OpenStore("")
		if err == nil {
			defer st.Close()
			deps.Store = st
			// First finish what a killed qscert left unfinished, and say
			// so once the window is up.
			recs, err := install.RecoverIfIdle(st)
			t := i18n.New(opts.lang)
			for _, r := range output.RecoveriesOf(t, recs) {
				deps.Notices = append(deps.Notices, r.Message)
			}
			if err != nil {
				deps.Notices = append(deps.Notices, t.Error(err))
			}
		} else {
			deps.StoreErr = err
		}
		deps.BackupRoot = DefaultBackupDir()
	}
	deps.SaveReport = wizardReportSaver(env, deps.Store)
	deps.ReportDir = reportFolder()
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		fyne.Do(a.Quit)
	}()

	w := a.NewWindow(i18n.New(opts.lang).T("wizard.title"))
	if runtime.GOOS == "windows" && !opts.demo {
		deps.RestartElevated = func(folder, host, lang string) error {
			return elevation.Relaunch(nativeHandle(w), elevation.Carry{Folder: folder, Host: host, Lang: lang}.Args())
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
