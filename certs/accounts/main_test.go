package accounts_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"qscert/certs/accounts"
)

// The test binary doubles as the sub-command a Runner starts: given
// --qscert-child=MODE it acts as a child (see childMain) instead of
// running the tests. The mode is an argument, not an environment
// variable: the logon runner gives the child the account's own
// environment, not the parent's.
func TestMain(m *testing.M) {
	for _, a := range os.Args[1:] {
		if mode, ok := strings.CutPrefix(a, "--qscert-child="); ok {
			os.Exit(childMain(mode))
		}
	}
	os.Exit(m.Run())
}

// childReport is what the child tells about itself: its own command line
// and environment as the OS holds them, and the payload it received.
type childReport struct {
	CommandLine []string `json:"commandLine"`
	Environment []string `json:"environment"`
	PayloadSHA  string   `json:"payloadSha256"`
	PayloadLen  int      `json:"payloadLen"`
}

// childMain: modes "report" (report, then exit with --exit=N), "hang"
// (report, then wait to be killed), "long" (a line too long), "crash" (exit 7 without closing the
// channel), "silent" (exit 0 without opening the channel).
func childMain(mode string) int {
	if mode == "silent" {
		return 0
	}
	c, err := accounts.OpenChild(accounts.PipeArg(os.Args[1:]))
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 90
	}
	if mode == "long" {
		// 2 MiB without a newline: more than accounts.MaxLine.
		c.Out.Write(make([]byte, 2<<20))
		c.Close(0)
		return 0
	}
	sum := sha256.Sum256(c.Payload)
	rep := childReport{CommandLine: ownCommandLine(), Environment: ownEnvironment(),
		PayloadSHA: hex.EncodeToString(sum[:]), PayloadLen: len(c.Payload)}
	line, _ := json.Marshal(rep)
	fmt.Fprintf(c.Out, "%s\n", line)
	fmt.Fprintf(c.Out, "{\"step\":\"done\"}\n")
	switch mode {
	case "hang":
		time.Sleep(time.Hour)
	case "crash":
		return 7
	}
	code := 0
	for _, a := range os.Args {
		if v, ok := strings.CutPrefix(a, "--exit="); ok {
			code, _ = strconv.Atoi(v)
		}
	}
	if err := c.Close(code); err != nil {
		return 91
	}
	return code
}

// secretIn fails the test when secret appears in any of the strings,
// as text or as the hex of its bytes.
func secretIn(t *testing.T, what string, list []string, secret string) {
	t.Helper()
	for _, s := range list {
		if strings.Contains(s, secret) || strings.Contains(strings.ToLower(s), hex.EncodeToString([]byte(secret))) {
			t.Errorf("the secret is in the child's %s: %q", what, s)
		}
	}
}

func parseReport(t *testing.T, lines [][]byte) childReport {
	t.Helper()
	if len(lines) != 2 {
		t.Fatalf("got %d output lines, want 2: %q", len(lines), lines)
	}
	var r childReport
	if err := json.Unmarshal(lines[0], &r); err != nil {
		t.Fatalf("first line %q: %v", lines[0], err)
	}
	if string(lines[1]) != `{"step":"done"}` {
		t.Fatalf("second line = %q", lines[1])
	}
	if len(r.CommandLine) == 0 || len(r.Environment) == 0 {
		t.Fatalf("the child could not read its own command line or environment: %+v", r)
	}
	return r
}
