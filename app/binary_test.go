package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"qscert/certs/durable"
	"qscert/certs/install"
)

// TestMain makes the tests' backups with a cheap key derivation (the
// commands make dozens of them; see install.FastKDFEnv), and removes the
// programs qscertBinary and killableQscert built, if a test built them.
//
// Run with QSCERT_TEST_AS_PROGRAM=1, the test binary is qscert itself
// (with the crash hook, see durable.InstallKillAtWrite): the Windows crash
// test starts it under Wine as the program it kills, since no Go
// toolchain runs there to build one.
func TestMain(m *testing.M) {
	os.Setenv(install.FastKDFEnv, "1")
	// Commands run without --backup-dir or --store use the user's
	// configuration folder: the tests give them one of their own, so that
	// they never fill the real one of the machine they run on.
	config, err := os.MkdirTemp("", "qscert-test-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", config)
	os.Setenv("APPDATA", config)
	if os.Getenv(asProgramEnv) == "1" {
		durable.InstallKillAtWrite()
		os.Exit(Main(os.Args[1:]))
	}
	code := m.Run()
	for _, bin := range []string{binaryPath, killBin} {
		if bin != "" {
			_ = os.RemoveAll(filepath.Dir(bin))
		}
	}
	os.RemoveAll(config)
	os.Exit(code)
}

// asProgramEnv makes the test binary run as qscert (see TestMain).
const asProgramEnv = "QSCERT_TEST_AS_PROGRAM"

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
	binaryOut  []byte
)

// qscertBinary builds the real program once per test binary, with the
// same cgo setting as the tests: with cgo it links Fyne's desktop driver,
// as the program people run does.
func qscertBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "qscert-bin-")
		if err != nil {
			binaryErr = err
			return
		}
		name := "qscert"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		binaryPath = filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-o", binaryPath, "qscert")
		binaryOut, binaryErr = cmd.CombinedOutput()
	})
	if binaryErr != nil {
		t.Fatalf("go build: %v\n%s", binaryErr, binaryOut)
	}
	return binaryPath
}
