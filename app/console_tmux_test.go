//go:build linux

package app

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// tmuxTerminal is qscert running in a real terminal: a tmux pane of a
// tmux server of the test's own, typed into with send-keys and read with
// capture-pane, as a person at a terminal types and reads.
type tmuxTerminal struct {
	t      *testing.T
	socket string
	chosen int // answers echoed so far ("» …")
}

// startInTmux runs command in a new 120×50 pane.
func startInTmux(t *testing.T, command string) *tmuxTerminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("QSCERT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("tmux is required here: %v", err)
		}
		t.Skip("tmux is not installed")
	}
	tm := &tmuxTerminal{t: t, socket: fmt.Sprintf("qscert-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	tm.tmux("new-session", "-d", "-s", "qscert", "-x", "120", "-y", "50", command+"; echo QSCERT-EXIT=$?; sleep 60")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmuxTerminal) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v: %s", args, err, out)
	}
	return string(out)
}

// history is everything the pane showed that is still on it, long lines
// joined.
func (tm *tmuxTerminal) history() string {
	return tm.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "qscert")
}

// bottom is the last line of the pane that is not empty.
func (tm *tmuxTerminal) bottom() string {
	lines := strings.Split(strings.TrimRight(tm.tmux("capture-pane", "-p", "-t", "qscert"), "\n "), "\n")
	return lines[len(lines)-1]
}

// until waits for ok, failing with what the pane shows.
func (tm *tmuxTerminal) until(what string, ok func() bool) {
	tm.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the terminal never showed %s; it shows:\n%s", what, tm.history())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// shows waits until the pane shows s.
func (tm *tmuxTerminal) shows(s string) {
	tm.t.Helper()
	tm.until(fmt.Sprintf("%q", s), func() bool { return strings.Contains(tm.history(), s) })
}

// form waits until a new form is drawn and reading keys: the answers so
// far are echoed, and the pane ends with the form's help.
func (tm *tmuxTerminal) form(help string) {
	tm.t.Helper()
	tm.until("a form ("+help+")", func() bool {
		return len(echoed.FindAllString(tm.history(), -1)) == tm.chosen && strings.Contains(tm.bottom(), help)
	})
	time.Sleep(200 * time.Millisecond) // huh focuses its first field just after drawing it
}

// echoed is an answer the wizard echoed once its form was gone.
var echoed = regexp.MustCompile(`(?m)^» `)

// choose picks the nth option of the menu shown next.
func (tm *tmuxTerminal) choose(help string, n int) {
	tm.t.Helper()
	tm.form(help)
	for range n - 1 {
		tm.tmux("send-keys", "-t", "qscert", "Down")
	}
	tm.tmux("send-keys", "-t", "qscert", "Enter")
	tm.chosen++
}

// fill answers the fields of the form shown next; "" keeps what a field
// proposes.
func (tm *tmuxTerminal) fill(help string, values ...string) {
	tm.t.Helper()
	tm.form(help)
	for _, v := range values {
		if v != "" {
			tm.tmux("send-keys", "-t", "qscert", "C-u")
			tm.tmux("send-keys", "-t", "qscert", "-l", v)
		}
		tm.tmux("send-keys", "-t", "qscert", "Enter")
		time.Sleep(50 * time.Millisecond)
	}
}

// exit waits for qscert to end and returns its exit code.
func (tm *tmuxTerminal) exit() string {
	tm.t.Helper()
	var code string
	tm.until("qscert's end", func() bool {
		m := regexp.MustCompile(`QSCERT-EXIT=(\d+)`).FindStringSubmatch(tm.history())
		if m != nil {
			code = m[1]
		}
		return m != nil
	})
	return code
}

// consoleWords are what the demo's walk waits for, in each language.
var consoleWords = map[string]map[string]string{
	"en": {"choose": "enter choose", "next": "enter next", "confirm": "enter confirm",
		"welcome": "Install the Qlik Sense certificates on this computer", "files": "Choose the exported files",
		"password": `Demo export password: (demo-[a-z0-9]+)`, "host": "Qlik Sense server: qlik-central.demo.local",
		"ready": "Ready to install: 3 certificates", "backup": "Backup password: typed (not shown)",
		"installed": "The certificates are installed.", "works": "The connection to qlik-central.demo.local works"},
	"fr": {"choose": "enter choisir", "next": "enter suivant", "confirm": "enter valider",
		"welcome": "Installer les certificats Qlik Sense sur cet ordinateur", "files": "Choisir les fichiers exportés",
		"password": `Mot de passe de l'export de démo : (demo-[a-z0-9]+)`, "host": "Serveur Qlik Sense : qlik-central.demo.local",
		"ready": "Prêt à installer : 3 certificats", "backup": "Mot de passe de sauvegarde : saisi (non affiché)",
		"installed": "Les certificats sont installés.", "works": "La connexion à qlik-central.demo.local fonctionne"},
}

// walkTheDemo walks the console wizard of `qscert --console --demo` from
// the welcome step to a successful connection test and Finish.
func walkTheDemo(t *testing.T, tm *tmuxTerminal, lang string) {
	w := consoleWords[lang]
	tm.shows(w["welcome"])
	tm.choose(w["choose"], 1) // Next
	tm.choose(w["choose"], 1) // Next, after the guide
	tm.shows(w["files"])
	tm.form(w["next"])
	m := regexp.MustCompile(w["password"]).FindStringSubmatch(tm.tmux("capture-pane", "-p", "-J", "-t", "qscert"))
	if m == nil {
		t.Fatalf("the demo's password is not shown:\n%s", tm.history())
	}
	tm.fill(w["next"], "", m[1], "") // the demo's folder and server are proposed
	tm.shows(w["host"])
	tm.shows(w["ready"])
	tm.choose(w["choose"], 1) // Next
	tm.choose(w["choose"], 1) // who uses it: me (the demo's accounts are offered)
	tm.choose(w["choose"], 1) // Next
	tm.form(w["confirm"])     // both old certificates ticked: replaced
	tm.tmux("send-keys", "-t", "qscert", "Enter")
	tm.chosen += 2             // each ticked one is echoed
	tm.fill(w["next"], "", "") // the backup folder and password proposed
	tm.shows(w["backup"])
	tm.choose(w["choose"], 1) // Install
	tm.shows("[8/8]")
	tm.shows(w["installed"])
	tm.choose(w["choose"], 1) // Next
	tm.choose(w["choose"], 1) // Test connection
	tm.shows(w["works"])
	tm.choose(w["choose"], 1) // Finish
	if code := tm.exit(); code != "0" {
		t.Fatalf("exit %s:\n%s", code, tm.history())
	}
	// The demo's hint shows its password on purpose, in the form, which
	// is gone; what was typed never shows.
	if strings.Contains(tm.history(), m[1]) {
		t.Errorf("the password stayed on the screen:\n%s", tm.history())
	}
}

// `qscert --console --demo` in a real terminal, in English and in French:
// an install and a connection test against the demo's simulated QRS and
// sandbox folder store. QSCERT_CONSOLE_COMMAND runs another build
// (the desktop one; the Windows exe under wine64, with its environment),
// QSCERT_CONSOLE_ARGS other arguments ("--demo" alone where the window
// cannot open, to take the OpenGL fallback), and QSCERT_CONSOLE_EXPECT a
// sentence to see first (the explanation).
func TestTheConsoleWizardInATerminal(t *testing.T) {
	bin := os.Getenv("QSCERT_CONSOLE_COMMAND")
	if bin == "" {
		bin = fmt.Sprintf("%q", qscertBinary(t))
	}
	args := os.Getenv("QSCERT_CONSOLE_ARGS")
	if args == "" {
		args = "--console --demo"
	}
	type run struct{ mode, lang string }
	runs := []run{{"forms", "en"}, {"forms", "fr"}, {"lines", "fr"}}
	if os.Getenv("QSCERT_CONSOLE_MODE") == "lines" {
		// Where the terminal cannot draw (Wine's console).
		runs = []run{{"lines", "en"}, {"lines", "fr"}}
	}
	for _, r := range runs {
		lang := r.lang
		t.Run(r.mode+"-"+lang, func(t *testing.T) {
			home := t.TempDir()
			term := "xterm-256color"
			if r.mode == "lines" && os.Getenv("QSCERT_CONSOLE_MODE") == "" {
				term = "dumb"
			}
			locale := map[string]string{"en": "en_US.UTF-8", "fr": "fr_FR.UTF-8"}[lang]
			// Only what qscert is given: the demo's files and any report
			// stay in the test's folders.
			cmd := fmt.Sprintf("cd %q && HOME=%q XDG_CONFIG_HOME=%q LANG=%s TERM=%s %s %s --lang %s",
				home, home, filepath.Join(home, ".config"), locale, term, bin, args, lang)
			tm := startInTmux(t, cmd)
			if want := os.Getenv("QSCERT_CONSOLE_EXPECT"); want != "" {
				tm.shows(want)
			}
			if r.mode == "lines" {
				walkTheDemoInLines(t, tm, lang)
			} else {
				walkTheDemo(t, tm, lang)
			}
			if dump := os.Getenv("QSCERT_CONSOLE_CAPTURE"); dump != "" {
				_ = os.WriteFile(dump+"."+r.mode+"-"+lang+".txt", []byte(tm.history()), 0o644)
			}
		})
	}
}

// linePrompts are what Lines mode asks with, in each language.
var linePrompts = map[string]map[string]string{
	"en": {"menu": "Type a number from 1 to", "folder": "Export folder [", "password": "Password:",
		"host": "Qlik Sense server [", "backup": "Backup folder [", "backup-password": "Backup password (Enter keeps"},
	"fr": {"menu": "Tapez un nombre de 1 à", "folder": "Dossier d'export [", "password": "Mot de passe :",
		"host": "Serveur Qlik Sense [", "backup": "Dossier de sauvegarde [", "backup-password": "Mot de passe de sauvegarde (Entrée garde"},
}

// answerLine waits for the nth prompt that reads prompt, then types answer
// and Enter.
func (tm *tmuxTerminal) answerLine(prompt string, n int, answer string) {
	tm.t.Helper()
	tm.until(fmt.Sprintf("prompt %d %q", n, prompt), func() bool { return strings.Count(tm.history(), prompt) >= n })
	// A password prompt turns echo off right after it is shown.
	time.Sleep(150 * time.Millisecond)
	if answer != "" {
		tm.tmux("send-keys", "-t", "qscert", "-l", answer)
	}
	tm.tmux("send-keys", "-t", "qscert", "Enter")
}

// walkTheDemoInLines is walkTheDemo in plain line prompts.
func walkTheDemoInLines(t *testing.T, tm *tmuxTerminal, lang string) {
	w, p := consoleWords[lang], linePrompts[lang]
	menus := 0
	menu := func(n string) {
		menus++
		tm.answerLine(p["menu"], menus, n)
	}
	tm.shows(w["welcome"])
	menu("1")                         // Next
	menu("1")                         // Next, after the guide
	tm.answerLine(p["folder"], 1, "") // the demo's folder is proposed
	tm.until("the demo's password", func() bool { return regexp.MustCompile(w["password"]).MatchString(tm.history()) })
	password := regexp.MustCompile(w["password"]).FindStringSubmatch(tm.history())[1]
	tm.answerLine(p["password"], 1, password)
	tm.answerLine(p["host"], 1, "")
	tm.shows(w["ready"])
	menu("1") // Next
	menu("")  // who uses it: me (proposed)
	menu("1") // Next
	menu("")  // replace the old root (proposed)
	menu("")  // replace the old client (proposed)
	tm.answerLine(p["backup"], 1, "")
	tm.answerLine(p["backup-password"], 1, "")
	menu("1") // Install
	tm.shows("[8/8]")
	tm.shows(w["installed"])
	menu("1") // Next
	menu("1") // Test connection
	tm.shows(w["works"])
	menu("1") // Finish
	if code := tm.exit(); code != "0" {
		t.Fatalf("exit %s:\n%s", code, tm.history())
	}
	// The demo's hint shows its password on purpose; what was typed is
	// not echoed.
	if n := strings.Count(tm.history(), password); n != 1 {
		t.Errorf("the password shows %d times:\n%s", n, tm.history())
	}
}
