package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/certstest"
	"qscert/certs/durable"
	"qscert/certs/install"
)

// The recreate crash test runs the real program (built with the
// qscert_killtest tag) against a simulated central node, kills it with
// SIGKILL at the start of each step and in the middle of it (the
// bootstrap's output included), then runs it again, as an administrator
// would after a closed session or a power cut: once going on (--resume),
// once restoring (--restore). Going on ends with the new set, restoring
// with the old one byte for byte; either way the node has exactly one
// root, and its services run.

var (
	recreateTemplateOnce sync.Once
	recreateTemplate     string
	recreateTemplateErr  error
)

// recreateNodeCopy copies a simulated node made once into a new folder.
func recreateNodeCopy(t *testing.T) string {
	t.Helper()
	recreateTemplateOnce.Do(func() {
		dir, err := os.MkdirTemp("", "qscert-recreate-crash-")
		if err != nil {
			recreateTemplateErr = err
			return
		}
		recreateTemplate = filepath.Join(dir, "node")
		recreateTemplateErr = centraltest.Create(recreateTemplate, centraltest.CreateOptions{})
	})
	if recreateTemplateErr != nil {
		t.Fatal(recreateTemplateErr)
	}
	dir := filepath.Join(t.TempDir(), "node")
	certstest.CopyTree(t, recreateTemplate, dir)
	return dir
}

// writeTrace runs the program with the write trace and returns, in
// order, each write point's operation and path.
func writeTrace(t *testing.T, bin string, args ...string) [][2]string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), install.FastKDFEnv+"=1", durable.WriteTraceEnv+"=1", "LANG=en_US.UTF-8")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, errOut.String())
	}
	var points [][2]string
	sc := bufio.NewScanner(&errOut)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 4)
		if len(f) == 4 && f[0] == "qscert-write" {
			points = append(points, [2]string{f[2], f[3]})
		}
	}
	return points
}

// killPoints picks, from a traced run, the write points to kill at: the
// journal line that starts each step, the one after it (the step under
// way), and a line of the log in the middle of the bootstrap's output.
func killPoints(t *testing.T, trace [][2]string, journal string) map[int]string {
	t.Helper()
	data, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var appends []int // the trace index (from 1) of each journal line's append
	var logLines []int
	for i, p := range trace {
		switch {
		case p[0] == "append" && strings.HasSuffix(p[1], central.JournalName):
			appends = append(appends, i+1)
		case p[0] == "append" && strings.HasSuffix(p[1], central.LogName):
			logLines = append(logLines, i+1)
		}
	}
	if len(appends) != len(lines) {
		t.Fatalf("%d journal appends for %d journal lines", len(appends), len(lines))
	}
	out := map[int]string{appends[0]: "header"}
	var bootstrapFrom, bootstrapTo int
	for i := 1; i < len(lines); i++ {
		var e struct{ Step, State string }
		_ = json.Unmarshal([]byte(lines[i]), &e)
		if e.State == "start" {
			out[appends[i]] = e.Step + " start"
			if i+1 < len(lines) {
				out[appends[i+1]] = e.Step + " under way"
			}
		}
		if e.Step == "bootstrap" && e.State == "start" {
			bootstrapFrom = appends[i]
		}
		if e.Step == "bootstrap" && e.State == "done" {
			bootstrapTo = appends[i]
		}
	}
	var during []int
	for _, k := range logLines {
		if k > bootstrapFrom && k < bootstrapTo {
			during = append(during, k)
		}
	}
	if len(during) == 0 {
		t.Fatal("no log line during the bootstrap")
	}
	out[during[len(during)/2]] = "bootstrap output"
	return out
}

func TestARecreateKilledAtEachStepResumesOrRestores(t *testing.T) {
	bin := killableQscert(t)
	pw := writePasswordFile(t, "Backup-pass-2026")
	args := func(dir, backups string, more ...string) []string {
		return append([]string{"recreate", "--simulate", dir, "--yes", "--backup-password-file", pw, "--backup-dir", backups,
			"--lang", "en", "--service-timeout", "20s"}, more...)
	}
	probe, probeBackups := recreateNodeCopy(t), t.TempDir()
	original := nodeContent(t, probe)
	trace := writeTrace(t, bin, args(probe, probeBackups)...)
	journals, _ := filepath.Glob(filepath.Join(probeBackups, "qscert-recreate-*", central.JournalName))
	if len(journals) != 1 {
		t.Fatalf("journals %v", journals)
	}
	points := killPoints(t, trace, journals[0])
	ks := make([]int, 0, len(points))
	for k := range points {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	t.Logf("%d write points; killing at %d of them", len(trace), len(ks))
	outcomes := map[string]int{}
	for _, k := range ks {
		for _, then := range []string{"resume", "restore"} {
			name := fmt.Sprintf("k=%d (%s), then %s", k, points[k], then)
			dir, backups := recreateNodeCopy(t), t.TempDir()
			code, _, _ := qscertRun(t, bin, k, args(dir, backups)...)
			if code != -1 && code != 137 {
				t.Fatalf("%s: the recreate was not killed (exit %d)", name, code)
			}
			var out, errOut string
			switch then {
			case "resume":
				code, out, errOut = qscertRun(t, bin, 0, args(dir, backups, "--resume")...)
				if code == ExitUsage && strings.Contains(errOut, "no stopped recreate") {
					// Killed before the procedure marked itself: it
					// changed nothing, and starts again.
					if got := nodeContent(t, dir); got != original {
						t.Fatalf("%s: nothing to resume, but the node changed", name)
					}
					code, out, errOut = qscertRun(t, bin, 0, args(dir, backups)...)
				}
				if code != ExitOK {
					t.Fatalf("%s: exit %d\n%s\n%s", name, code, out, errOut)
				}
				if r, s, c := siteCount(t, dir); r != 1 || s != 1 || c != 1 {
					t.Fatalf("%s: %d roots, %d servers, %d clients", name, r, s, c)
				}
				if got := nodeContent(t, dir); got == original {
					t.Fatalf("%s: going on left the old certificates", name)
				}
			case "restore":
				code, out, errOut = qscertRun(t, bin, 0, args(dir, backups, "--restore")...)
				if code == ExitUsage && strings.Contains(errOut, "no recreate was stopped") {
					outcomes["nothing to restore"]++
				} else if code != ExitOK {
					t.Fatalf("%s: exit %d\n%s\n%s", name, code, out, errOut)
				}
				if got := nodeContent(t, dir); got != original {
					t.Fatalf("%s: the node is not as before:\n%s\nwant\n%s", name, got, original)
				}
				if r, _, _ := siteCount(t, dir); r != 1 {
					t.Fatalf("%s: %d roots", name, r)
				}
			}
			states, err := centraltest.ServiceStates(dir)
			if err != nil {
				t.Fatal(err)
			}
			for svc, s := range states {
				if s.State != "running" {
					t.Fatalf("%s: %s is %s", name, svc, s.State)
				}
			}
			outcomes[then]++
		}
	}
	t.Logf("outcomes: %v", outcomes)
}
