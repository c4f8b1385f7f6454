package elevation_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"qscert/app/elevation"
)

// childReport is what a copy of this test binary, started by a test, writes
// about itself.
type childReport struct {
	Args     []string `json:"args"`
	Dir      string   `json:"dir"`
	Elevated bool     `json:"elevated"`
}

// reportFlag, as the first argument, makes this test binary a child that
// writes its report to the named file and exits without running tests.
const reportFlag = "elevation-child-report="

func TestMain(m *testing.M) {
	if len(os.Args) > 1 && strings.HasPrefix(os.Args[1], reportFlag) {
		os.Exit(writeChildReport(strings.TrimPrefix(os.Args[1], reportFlag)))
	}
	os.Exit(m.Run())
}

func writeChildReport(path string) int {
	dir, _ := os.Getwd()
	data, err := json.Marshal(childReport{Args: os.Args[2:], Dir: dir, Elevated: elevation.IsElevated()})
	if err != nil {
		return 1
	}
	// Written whole, then renamed, so the parent never reads half of it.
	if err := os.WriteFile(path+".tmp", data, 0o600); err != nil {
		return 1
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		return 1
	}
	return 0
}

func waitForReport(t *testing.T, path string) childReport {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(path)
		if err == nil {
			var r childReport
			if err := json.Unmarshal(data, &r); err != nil {
				t.Fatalf("child report %s: %v", data, err)
			}
			return r
		}
		if !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the relaunched copy wrote no report within 60 s")
	return childReport{}
}

// TestIsElevatedFollowsTheProcessToken starts this binary twice, with this
// process's token and with its linked token (the filtered one UAC gives an
// administrator's programs), and checks that each child reads its own.
func TestIsElevatedFollowsTheProcessToken(t *testing.T) {
	self := windows.GetCurrentProcessToken()
	var kind uint32 // TOKEN_ELEVATION_TYPE
	var n uint32
	if err := windows.GetTokenInformation(self, windows.TokenElevationType, (*byte)(unsafe.Pointer(&kind)), 4, &n); err != nil {
		t.Fatal(err)
	}
	// TokenElevationTypeFull (2): elevated, with a filtered linked token.
	// Default (1) has no linked token; Limited (3) may not start a
	// process with its elevated linked token.
	if kind != 2 {
		t.Skipf("this process's token has elevation type %d; the test needs an elevated one (2)", kind)
	}
	if !elevation.IsElevated() {
		t.Error("IsElevated() = false in a process with a full token")
	}
	var linked windows.Token // TokenLinkedToken gives a TOKEN_LINKED_TOKEN, one handle
	if err := windows.GetTokenInformation(self, windows.TokenLinkedToken, (*byte)(unsafe.Pointer(&linked)), uint32(unsafe.Sizeof(linked)), &n); err != nil {
		t.Fatal(err)
	}
	defer linked.Close()

	for _, c := range []struct {
		name  string
		token windows.Token
		want  bool
	}{{"own token", 0, true}, {"filtered token", linked, false}} {
		report := filepath.Join(t.TempDir(), "report.json")
		cmd := exec.Command(os.Args[0], reportFlag+report)
		cmd.SysProcAttr = &syscall.SysProcAttr{Token: syscall.Token(c.token)}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v %s", c.name, err, out)
		}
		if got := waitForReport(t, report).Elevated; got != c.want {
			t.Errorf("%s: the child's IsElevated() = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestRelaunchStartsThisProgramWithTheArguments goes through the shell's
// runas verb for real and checks what the new process receives: the same
// program, exactly the carried arguments (spaces and quotes included) and
// the same folder. Wine's runas starts the program without a UAC prompt
// and without changing the token: that it comes up elevated is for real
// Windows to show.
func TestRelaunchStartsThisProgramWithTheArguments(t *testing.T) {
	// From an elevated process runas asks nothing; from any other, real
	// Windows would show the UAC prompt to an unattended test.
	if !elevation.IsElevated() {
		t.Skip("not elevated: runas would show the UAC prompt")
	}
	report := filepath.Join(t.TempDir(), "report.json")
	carry := elevation.Carry{Folder: `C:\Exports\rep 01 "old"`, Host: "qlik-central.corp.example", Lang: "fr"}
	args := append([]string{reportFlag + report}, carry.Args()...)
	if err := elevation.Relaunch(0, args); err != nil {
		t.Fatal(err)
	}
	got := waitForReport(t, report)
	if want := carry.Args(); !reflect.DeepEqual(got.Args, want) {
		t.Errorf("the relaunched copy got %q, want %q", got.Args, want)
	}
	wd, _ := os.Getwd()
	if !strings.EqualFold(got.Dir, wd) {
		t.Errorf("the relaunched copy runs in %q, want %q", got.Dir, wd)
	}
}
