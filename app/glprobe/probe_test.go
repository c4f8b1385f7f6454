package glprobe

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

// A driver probe runs in a child test process: each case then gets a
// fresh driver that reads its own environment (Mesa reads
// MESA_GL_VERSION_OVERRIDE when it loads), as qscert does at its start.
const childEnv = "QSCERT_GLPROBE_TEST_CHILD"

const resultMark = "GLPROBE-RESULT "

// TestProbeChild is the child: it probes and prints the result.
func TestProbeChild(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("runs as a child of the probe tests")
	}
	b, err := json.Marshal(Probe(Options{}))
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString(resultMark + string(b) + "\n")
}

// probeInChild runs TestProbeChild with extra environment variables and
// returns its result.
func probeInChild(t *testing.T, env ...string) Result {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestProbeChild$", "-test.v")
	cmd.Env = append(append(os.Environ(), childEnv+"=1"), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("the probe's process hung:\n%s", out.String())
	}
	if err != nil {
		t.Fatalf("the probe's process failed: %v\n%s", err, out.String())
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), resultMark); ok {
			var r Result
			if err := json.Unmarshal([]byte(rest), &r); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %+v", strings.Join(env, " "), r)
			return r
		}
	}
	t.Fatalf("no result from the probe's process:\n%s", out.String())
	return Result{}
}

// needsDriver skips the driver tests where no driver can be asked, unless
// the run requires them (tools/glprobe-test.sh sets QSCERT_REQUIRE_GL=1
// under Xvfb and Wine, so that a skip cannot hide a failure).
func needsDriver(t testing.TB) {
	t.Helper()
	if !driverProbed {
		t.Skip("this build has no driver probe")
	}
	if os.Getenv("QSCERT_REQUIRE_GL") == "" && os.Getenv("DISPLAY") == "" {
		t.Skip("no DISPLAY: run under Xvfb (tools/glprobe-test.sh)")
	}
}

// childEnvReachesTheDriver: Wine builds a child's Unix environment, the
// one Mesa reads, from the Unix side's own, not from the Windows
// environment the parent hands CreateProcess; under Wine the driver tests
// that set MESA_GL_VERSION_OVERRIDE for a child skip, and
// TestProbeSeesWhatTheSessionOffers covers both cases, one go test run
// each (tools/glprobe-test.sh).
var childEnvReachesTheDriver = runtime.GOOS != "windows"

func TestProbeSaysUsableWithMesa(t *testing.T) {
	needsDriver(t)
	if !childEnvReachesTheDriver {
		t.Skip("a child's environment does not reach the driver under Wine")
	}
	r := probeInChild(t, "MESA_GL_VERSION_OVERRIDE=")
	if !r.Usable || !r.Probed || r.Reason != "" {
		t.Fatalf("not usable: %+v", r)
	}
	v, _, err := ParseVersion(r.Version)
	if err != nil || !v.AtLeast(Required) || r.Renderer == "" {
		t.Fatalf("version %q (%v), renderer %q", r.Version, err, r.Renderer)
	}
}

func TestProbeSaysUnusableWithOpenGL11(t *testing.T) {
	needsDriver(t)
	if !childEnvReachesTheDriver {
		t.Skip("a child's environment does not reach the driver under Wine")
	}
	// What a Remote Desktop session or a VM without 3D offers.
	r := probeInChild(t, "MESA_GL_VERSION_OVERRIDE=1.1")
	if r.Usable || r.Reason != ReasonContextRefused {
		t.Fatalf("want context-refused: %+v", r)
	}
	// The legacy context says what the driver does offer.
	if !strings.HasPrefix(r.Version, "1.1") || r.Renderer == "" || r.Detail == "" {
		t.Fatalf("version %q, renderer %q, detail %q", r.Version, r.Renderer, r.Detail)
	}
}

// TestProbeSeesWhatTheSessionOffers probes this process's own session and
// compares with QSCERT_GLPROBE_EXPECT: "usable" or the reason expected.
// tools/glprobe-test.sh runs it under Xvfb and Wine, with Mesa as it is
// and limited to OpenGL 1.1, and without a display.
func TestProbeSeesWhatTheSessionOffers(t *testing.T) {
	want := os.Getenv("QSCERT_GLPROBE_EXPECT")
	if want == "" {
		t.Skip("set QSCERT_GLPROBE_EXPECT to usable or a reason")
	}
	r := Probe(Options{})
	t.Logf("MESA_GL_VERSION_OVERRIDE=%q DISPLAY=%q: %+v", os.Getenv("MESA_GL_VERSION_OVERRIDE"), os.Getenv("DISPLAY"), r)
	switch {
	case want == "usable" && !r.Usable:
		t.Fatalf("not usable: %+v", r)
	case want != "usable" && (r.Usable || string(r.Reason) != want):
		t.Fatalf("want %s: %+v", want, r)
	}
	if want == string(ReasonContextRefused) && !strings.HasPrefix(r.Version, "1.1") {
		t.Fatalf("the legacy context's version is %q, want 1.1", r.Version)
	}
}

// firstProbe is the first probe of the benchmark's process: the one a
// qscert start pays, which loads the driver.
var firstProbe time.Duration

// BenchmarkProbe measures a whole probe, context made and destroyed. Run
// it under Xvfb and Wine (tools/glprobe-test.sh); "first-ms" is the first
// probe of the process, with the driver's loading.
func BenchmarkProbe(b *testing.B) {
	needsDriver(b)
	if firstProbe == 0 {
		r := Probe(Options{})
		if !r.Usable {
			b.Fatalf("not usable: %+v", r)
		}
		firstProbe = r.Took
	}
	for b.Loop() {
		if r := Probe(Options{}); !r.Usable {
			b.Fatalf("not usable: %+v", r)
		}
	}
	b.ReportMetric(float64(firstProbe.Microseconds())/1000, "first-ms")
}

func TestProbeTimesOutOnADriverThatNeverAnswers(t *testing.T) {
	release := make(chan struct{})
	platformProbe = func(func(string) string) Result {
		<-release
		return Result{Usable: true}
	}
	t.Cleanup(func() { platformProbe = probePlatform })
	start := time.Now()
	r := Probe(Options{Timeout: 50 * time.Millisecond, Getenv: func(string) string { return ":5" }})
	if r.Usable || r.Reason != ReasonTimeout || time.Since(start) > 5*time.Second {
		t.Fatalf("after %s: %+v", time.Since(start), r)
	}
	// The stuck probe still holds its thread; a second one does not pile
	// onto it and times out as well.
	r = Probe(Options{Timeout: 50 * time.Millisecond})
	if r.Usable || r.Reason != ReasonTimeout {
		t.Fatalf("second probe: %+v", r)
	}
	close(release)
	// Once the driver answers, probes work again.
	deadline := time.Now().Add(5 * time.Second)
	for {
		if r = Probe(Options{Timeout: time.Second}); r.Usable || time.Now().After(deadline) {
			break
		}
	}
	if !r.Usable {
		t.Fatalf("after the driver answered: %+v", r)
	}
}

func TestProbeTurnsAPanicIntoAResult(t *testing.T) {
	platformProbe = func(func(string) string) Result { panic("driver exploded") }
	t.Cleanup(func() { platformProbe = probePlatform })
	r := Probe(Options{})
	if r.Usable || r.Reason != ReasonFailed || !strings.Contains(r.Detail, "driver exploded") {
		t.Fatalf("%+v", r)
	}
}

func TestProbeVerdictFollowsTheVersion(t *testing.T) {
	for _, tc := range []struct {
		version string
		usable  bool
		reason  Reason
	}{
		{"4.5 (Compatibility Profile) Mesa 22.3.6", true, ""},
		{"2.1 Mesa 10.1", true, ""},
		{"2.0", false, ReasonVersionTooLow},
		{"1.1.0", false, ReasonVersionTooLow},
		{"OpenGL ES 3.2 Mesa", false, ReasonVersionTooLow},
		{"", false, ReasonFailed},
	} {
		r := verdict(Result{Version: tc.version})
		if r.Usable != tc.usable || r.Reason != tc.reason || !r.Probed {
			t.Errorf("%q: %+v", tc.version, r)
		}
	}
}

func TestProbeNamesVirtualMachines(t *testing.T) {
	for _, tc := range []struct{ vendor, product, want string }{
		{"VMware, Inc.", "VMware Virtual Platform", "VMware, Inc. VMware Virtual Platform"},
		{"innotek GmbH", "VirtualBox", "innotek GmbH VirtualBox"},
		{"Microsoft Corporation", "Virtual Machine", "Microsoft Corporation Virtual Machine"},
		{"QEMU", "Standard PC (Q35 + ICH9, 2009)", "QEMU Standard PC (Q35 + ICH9, 2009)"},
		{"Dell Inc.", "OptiPlex 7090", ""},
		{"Microsoft Corporation", "Surface Laptop 4", ""},
		{"", "", ""},
	} {
		if got := virtualMachineName(tc.vendor, tc.product); got != tc.want {
			t.Errorf("%q %q: %q, want %q", tc.vendor, tc.product, got, tc.want)
		}
	}
}
