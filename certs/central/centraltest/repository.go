package centraltest

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"qscert/certs/central"
)

// RepositoryMain is the simulated node's Repository.exe: `qscert recreate
// __simulated-repository --node DIR -bootstrap -iscentral
// -restorehostname`. Like the real one in bootstrap mode it makes the
// site's certificates (a new root with its key, the server certificate,
// QlikClient in the account's store), prints its startup lines, waits on
// "Entering main startup phase" when the behaviour says so, and ends with
// "Bootstrap mode has terminated. Press ENTER to exit..", reading its
// standard input. It returns the exit code.
func RepositoryMain(args []string, stdout io.Writer) int {
	fs := flag.NewFlagSet("repository", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir := fs.String("node", "", "")
	bootstrap := fs.Bool("bootstrap", false, "")
	fs.Bool("iscentral", false, "")
	restore := fs.Bool("restorehostname", false, "")
	if err := fs.Parse(args); err != nil || *dir == "" || !*bootstrap {
		fmt.Fprintln(stdout, "[ERROR] Usage: Repository.exe -bootstrap -iscentral -restorehostname")
		return 2
	}
	defer register(*dir, "Repository.exe")()
	nf, err := ReadNode(*dir)
	if err != nil {
		fmt.Fprintln(stdout, "[ERROR] Cannot read the node:", err)
		return 3
	}
	b := ReadBehaviour(*dir)
	say := func(format string, a ...any) {
		fmt.Fprintf(stdout, time.Now().UTC().Format("20060102T150405.000-0700")+" "+format+"\n", a...)
	}
	say("[INFO] Qlik Sense Repository Service: bootstrap mode")
	say("[INFO] Connecting to the repository database")
	if *restore {
		say("[INFO] Restoring host name to %s", nf.FQDN)
	}
	say("[INFO] Setting up certificates for %s", nf.FQDN)
	copies := 1
	runs := countRun(*dir)
	if b.Bootstrap == BootstrapDuplicates || (b.Bootstrap == BootstrapDuplicatesOnce && runs == 1) {
		copies = 2
	}
	if _, err := makeSite(*dir, nf, time.Now(), copies, b.Bootstrap != BootstrapNoClient); err != nil {
		say("[ERROR] Failed to create certificates: %v", err)
		return 4
	}
	say("[INFO] Certificates created: CN=%s-CA", nf.FQDN)
	if b.Bootstrap == BootstrapFail {
		say("[ERROR] Unexpected error during bootstrap: the repository database refused the connection")
		return 1
	}
	say("[INFO] Entering main startup phase...")
	switch b.Bootstrap {
	case BootstrapHang:
		select {}
	case BootstrapWaitDispatcher:
		for !running(*dir, central.ServiceDispatcher) {
			time.Sleep(50 * time.Millisecond)
		}
		say("[INFO] Service Dispatcher is up: micro-services reachable")
	}
	say("[INFO] Bootstrap mode has terminated. Press ENTER to exit..")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	return 0
}

// running reports whether the simulated service runs.
func running(dir, name string) bool {
	st, err := services{dir}.Query(name)
	return err == nil && st.State == central.StateRunning
}

// countRun counts the bootstraps run on the node, this one included.
func countRun(dir string) int {
	path := filepath.Join(dir, "bootstraps")
	data, _ := os.ReadFile(path)
	n, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	n++
	_ = os.WriteFile(path, []byte(strconv.Itoa(n)), 0o600)
	return n
}
