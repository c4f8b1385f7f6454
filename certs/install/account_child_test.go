package install_test

import (
	"crypto"
	"crypto/x509"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"qscert/certs/accounts"
	"qscert/certs/install"
	"qscert/certs/store"
	"qscert/certs/store/storetest"
)

// childMain is the test binary as `qscert _for-account`, the child of an
// account step: it opens the store --store names (the account's own: a
// folder here, the Windows store under Wine) and serves the request. The
// other flags make it fail in the ways a real child can:
//
//	--report FILE      write its own command line and environment there
//	--fail-at N        the store fails its N-th change (the child rolls back)
//	--crash-once FILE  die at its first change, once (FILE marks it done)
//	--hang-once FILE   hang at its first change, once, until killed
//	--refuse-undo      end an undo without a word
func childMain(args []string) int {
	fs := flag.NewFlagSet(install.AccountCommandName, flag.ContinueOnError)
	spec := fs.String("store", "", "")
	report := fs.String("report", "", "")
	failAt := fs.Int("fail-at", 0, "")
	crashOnce := fs.String("crash-once", "", "")
	hangOnce := fs.String("hang-once", "", "")
	refuseUndo := fs.Bool("refuse-undo", false, "")
	pipe := fs.String(strings.TrimPrefix(accounts.ChildPipeFlag, "--"), "", "")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *report != "" {
		b, _ := json.Marshal(map[string][]string{"commandLine": os.Args, "environment": os.Environ()})
		_ = os.WriteFile(*report, b, 0o600)
	}
	child, err := accounts.OpenChild(*pipe)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	code := serveChild(child.Payload, child.Out, *spec, *failAt, *crashOnce, *hangOnce, *refuseUndo)
	if err := child.Close(code); err != nil {
		return 2
	}
	return code
}

func serveChild(payload []byte, out io.Writer, spec string, failAt int, crashOnce, hangOnce string, refuseUndo bool) int {
	var mode struct{ Mode string }
	_ = json.Unmarshal(payload, &mode)
	if refuseUndo && mode.Mode == "undo" {
		return 5
	}
	var s store.Store
	var backups string
	if dir, ok := strings.CutPrefix(spec, "folder:"); ok {
		f, err := store.OpenOrCreateFolder(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 2
		}
		s, backups = &trapStore{Folder: f, crashOnce: crashOnce, hangOnce: hangOnce}, filepath.Join(dir, "..", "child-backups")
		if failAt > 0 {
			s = &storetest.Faulty{Store: f, FailAt: failAt}
		}
	} else {
		w, err := store.OpenWindows()
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 2
		}
		s, backups = w, os.Getenv("QSCERT_TEST_CHILD_BACKUPS")
		if failAt > 0 {
			s = &storetest.Faulty{Store: w, FailAt: failAt}
		}
	}
	defer s.Close()
	return install.ServeAccount(payload, out, s, install.ChildOptions{BackupDir: backups})
}

// trapStore is a folder store (its pending marks included, which Faulty
// would hide) whose first Add kills or hangs the child, once.
type trapStore struct {
	*store.Folder
	crashOnce, hangOnce string
}

func firstTime(marker string) bool {
	if marker == "" {
		return false
	}
	f, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

func (t *trapStore) Add(loc store.Location, cert *x509.Certificate, key crypto.PrivateKey, name string) error {
	if firstTime(t.crashOnce) {
		os.Exit(3)
	}
	if firstTime(t.hangOnce) {
		time.Sleep(time.Hour) // until killed
	}
	return t.Folder.Add(loc, cert, key, name)
}
