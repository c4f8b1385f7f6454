package accounts

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/windows"
)

// Schtasks is the TaskScheduler of schtasks.exe with an XML definition.
//
// Why schtasks.exe and not the Task Scheduler COM API: the COM API
// (ITaskService, IRegisteredTask) needs a COM binding qscert does not
// have (x/sys/windows declares no CoCreateInstance or IDispatch, and a
// hand-written vtable binding of ITaskService::RegisterTask with its six
// VARIANTs is a large, fragile piece of code), while schtasks.exe ships
// with every Windows since Vista, takes the same XML definition
// (RegisterTaskDefinition underneath) and reports failures in its exit
// code. What schtasks.exe loses is a structured status: Status parses the
// verbose CSV query, whose columns are in a fixed order in every language.
type Schtasks struct {
	// Exe is schtasks.exe's path; "" is %SystemRoot%\System32\schtasks.exe,
	// never one found on PATH.
	Exe string
}

func (s Schtasks) exe() string {
	if s.Exe != "" {
		return s.Exe
	}
	dir, err := windows.GetSystemDirectory()
	if err != nil {
		dir = `C:\Windows\System32`
	}
	return filepath.Join(dir, "schtasks.exe")
}

// run runs schtasks.exe with args and returns its output; a non-zero exit
// is an error carrying that output, which names the cause ("Access is
// denied.", "The user name or password is incorrect.").
func (s Schtasks) run(args ...string) ([]byte, error) {
	cmd := exec.Command(s.exe(), args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: windows.CREATE_NO_WINDOW}
	out, err := cmd.CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("schtasks %s: %s", args[0], msg)
	}
	return out, nil
}

// Create implements TaskScheduler. The definition goes through a file in
// a fresh temporary folder, removed at once: it holds the command line,
// which is no secret, and never the payload.
func (s Schtasks) Create(name string, def TaskDefinition) error {
	dir, err := os.MkdirTemp("", "qscert-task-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "task.xml")
	if err := os.WriteFile(file, taskXML(def.Account, def.Program, windows.ComposeCommandLine(def.Args)), 0o600); err != nil {
		return err
	}
	_, err = s.run("/Create", "/TN", name, "/XML", file)
	return err
}

// Run implements TaskScheduler.
func (s Schtasks) Run(name string) error {
	_, err := s.run("/Run", "/TN", name)
	return err
}

// End implements TaskScheduler.
func (s Schtasks) End(name string) error {
	_, err := s.run("/End", "/TN", name)
	return err
}

// Delete implements TaskScheduler. A task that is not there (schtasks
// fails, and the Task Scheduler's own copy of the definition in
// %SystemRoot%\System32\Tasks is gone) counts as deleted.
func (s Schtasks) Delete(name string) error {
	_, err := s.run("/Delete", "/TN", name, "/F")
	if err != nil && !s.Exists(name) {
		return nil
	}
	return err
}

// Exists reports whether the Task Scheduler holds a task of that name in
// its root folder: it keeps each definition as a file there.
func (s Schtasks) Exists(name string) bool {
	dir, err := windows.GetSystemDirectory()
	if err != nil {
		return true // cannot tell: say yes, so that a failure is not hidden
	}
	_, err = os.Stat(filepath.Join(dir, "Tasks", name))
	return !errors.Is(err, os.ErrNotExist)
}

// Task Scheduler results (schedwks.h / winerror.h).
const (
	schedSTaskRunning   = 0x00041301 // SCHED_S_TASK_RUNNING
	schedSTaskHasNotRun = 0x00041303 // SCHED_S_TASK_HAS_NOT_RUN
)

// Status implements TaskScheduler from `schtasks /Query /V /FO CSV /NH`:
// one quoted line whose seventh column is "Last Result", a number in
// every language (the status column is translated, so it is not read).
// Wine's schtasks has no /Query and prints nothing: Known stays false.
func (s Schtasks) Status(name string) (TaskStatus, error) {
	out, err := s.run("/Query", "/TN", name, "/V", "/FO", "CSV", "/NH")
	if err != nil {
		return TaskStatus{}, err
	}
	return parseQuery(out)
}

func parseQuery(out []byte) (TaskStatus, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimSpace(out)))
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	if err != nil || len(rec) < 7 {
		return TaskStatus{}, nil // nothing to read: not known
	}
	n, err := strconv.ParseInt(strings.TrimSpace(rec[6]), 10, 64)
	if err != nil {
		return TaskStatus{}, nil
	}
	res := uint32(n) // negative HRESULTs print as signed numbers
	return TaskStatus{
		Known:      true,
		Running:    res == schedSTaskRunning,
		HasRun:     res != schedSTaskHasNotRun,
		LastResult: res,
	}, nil
}
