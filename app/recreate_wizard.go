package app

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/wizard/flow"
)

// simulatedStuckAfter is how long a simulated bootstrap may stay on
// "Entering main startup phase" before the Dispatcher is started: a
// trainer who made the node hang (qscert recreate --simulate DIR
// --simulate-bootstrap wait-dispatcher --dry-run) should not wait a
// minute.
const simulatedStuckAfter = 5 * time.Second

// recreateDeps is what flow B of the window and the console works with:
// this Windows machine, or the simulated node of --simulate DIR, or in
// demo mode one made in the demo's folder (demoDir). The node is opened
// when the flow first needs it (a simulated node's RSA keys take a
// moment), except to see whether a recreate procedure was left stopped:
// on Windows and on a simulated node that exists, that is looked at now,
// so the wizard can say so when it opens. close frees the node.
func recreateDeps(env *Env, opts guiOptions, demoDir, backupDir string) (rd *flow.RecreateDeps, close func()) {
	child, err := selfCommand(hiddenChild)
	if err != nil {
		return nil, func() {}
	}
	repository, _ := selfCommand(hiddenRepository)
	dir := opts.simulate
	if dir == "" && demoDir != "" {
		dir = filepath.Join(demoDir, "central-node")
	}
	rd = &flow.RecreateDeps{Simulated: dir,
		Options: central.Options{BackupDir: backupDir, Now: env.Now}}
	var open func() (*central.Node, error)
	if dir == "" {
		open = func() (*central.Node, error) { return central.OpenWindows(child) }
	} else {
		rd.Options.StuckAfter = simulatedStuckAfter
		open = func() (*central.Node, error) {
			if !centraltest.Exists(dir) {
				if err := centraltest.Create(dir, centraltest.CreateOptions{Now: env.Now()}); err != nil {
					return nil, err
				}
			}
			return centraltest.Open(dir, centraltest.OpenOptions{Child: child, Repository: repository})
		}
	}
	var node *central.Node
	var mu sync.Mutex
	rd.Open = sync.OnceValues(func() (*central.Node, error) {
		n, err := open()
		mu.Lock()
		node = n
		mu.Unlock()
		return n, err
	})
	if dir == "" && runtime.GOOS == "windows" || dir != "" && centraltest.Exists(dir) {
		if n, err := rd.Open(); err == nil {
			rd.Unfinished, _ = central.Unfinished(n)
		}
	}
	return rd, func() {
		mu.Lock()
		defer mu.Unlock()
		if node != nil && node.Close != nil {
			_ = node.Close()
		}
	}
}

// sayUnfinishedRecreate tells, on standard error, that a recreate
// procedure was left stopped on this machine, where it stands and how to
// go on with it (qscert recreate --resume) or restore it (--restore):
// every command that opens a store says it, as the wizard does when it
// opens. Nothing is resumed by itself.
func sayUnfinishedRecreate(env *Env, t *i18n.Translator) {
	if env.CentralNode == nil {
		return
	}
	node, err := env.CentralNode()
	if err != nil {
		return // not a central node (or not Windows): nothing can be left
	}
	defer func() {
		if node.Close != nil {
			_ = node.Close()
		}
	}()
	if st, err := central.Unfinished(node); err == nil && st != nil {
		fmt.Fprintln(env.Stderr, t.CommandLine().Code(central.CodeStopped, st.Params()))
	}
}

// thisCentralNode is this machine as a central node, for the check of a
// stopped procedure that every command makes: only its mark, which is
// cheap to read (a registry value), so that a third-party machine's
// commands open no second store for it. On Windows only (elsewhere
// ThisMachineMark says there is none).
func thisCentralNode() (*central.Node, error) {
	mark, err := central.ThisMachineMark()
	if err != nil {
		return nil, err
	}
	return &central.Node{Mark: mark}, nil
}
