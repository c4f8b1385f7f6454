package flow_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/central"
	"qscert/certs/central/centraltest"
	"qscert/certs/coded"

	"qscert/certs/qlik"
	"qscert/certs/qrs/qrstest"
	"qscert/wizard/flow"
	"qscert/wizard/flow/flowtest"
)

// The export's and the backup's passwords stay in memory: no preference
// ever holds one, even for a moment, and the report's input has none.
func TestThePasswordsNeverReachPreferencesNorTheReport(t *testing.T) {
	const backupPassword = "Backup-Pa55word-9"
	s := flowtest.NewSite(t, qrstest.Options{})
	var given []flow.ReportInput
	c := newConsole(t, func(d *flow.Deps) {
		d.Store = s.Store
		d.QRSAddress = s.QRS.Addr
		d.SaveReport = func(_ string, in flow.ReportInput) error { given = append(given, in); return nil }
	})
	c.f.SetLang("fr")
	c.answerFiles(s.Dir, flowtest.Password, flowtest.Host)
	c.goTo(flow.StepOld)
	c.f.Set(flow.FieldBackupPassword, backupPassword)
	c.f.RunDue(nil)
	// A new backup password is typed twice before the install.
	if !c.f.Asks(flow.FieldBackupRetype) || c.f.CanNext() {
		t.Fatalf("a new backup password without its retype: asked %v, Next %v", c.f.Asks(flow.FieldBackupRetype), c.f.CanNext())
	}
	c.f.Set(flow.FieldBackupRetype, backupPassword+"x")
	if key, _ := c.f.FieldProblem(flow.FieldBackupRetype, backupPassword+"x"); key == "" || c.f.CanNext() {
		t.Fatal("a retype that differs is accepted")
	}
	c.f.Set(flow.FieldBackupRetype, backupPassword)
	c.next()
	c.f.RunDue(nil)
	c.next()
	c.f.ApplyTest(c.f.ConnectionTest().Run())
	c.f.ApplySaved(c.f.SaveReport(t.TempDir() + "/r.zip").Run())
	if !c.f.Installed() || len(given) != 1 {
		t.Fatalf("the walk did not get to the report: %v", c.f.InstallErr())
	}

	if len(c.prefs.Log) == 0 {
		t.Fatal("nothing was remembered at all")
	}
	for _, kv := range c.prefs.Log {
		key, value, _ := strings.Cut(kv, "=")
		if strings.Contains(strings.ToLower(key), "password") {
			t.Errorf("preference %q is a password", key)
		}
		for _, secret := range []string{flowtest.Password, backupPassword} {
			if strings.Contains(value, secret) {
				t.Errorf("preference %q holds a password", kv)
			}
		}
	}
	if c.prefs.Values["language"] != "fr" {
		t.Errorf("the language chosen was not remembered: %v", c.prefs.Values)
	}
	in := given[0]
	doc, _ := json.Marshal(in)
	for _, secret := range []string{flowtest.Password, backupPassword} {
		if text := fmt.Sprintf("%+v %s", in, doc); strings.Contains(text, secret) {
			t.Errorf("the report's input holds a password: %s", text)
		}
	}
}

// Demo mode starts from its own export and server, and remembers neither:
// they vanish on exit. The language chosen is remembered.
func TestTheDemoStartsFromItsExportAndRemembersOnlyTheLanguage(t *testing.T) {
	prefs := flowtest.NewPrefs()
	prefs.Values["host"], prefs.Values["lastFolder"] = "remembered.example", "/remembered"
	demo := &flow.Demo{Folder: flowtest.WriteExport(t, "demo.local", flowtest.Machine, qlik.FormatWindows), Password: flowtest.Password, Host: "demo.local"}
	f := flow.NewInstall(flow.Deps{Prefs: prefs, Demo: demo, Lang: "en", Machine: flowtest.MachineInfo})
	if f.Value(flow.FieldFolder) != demo.Folder || f.Value(flow.FieldHost) != demo.Host {
		t.Fatalf("demo starts with %q, %q", f.Value(flow.FieldFolder), f.Value(flow.FieldHost))
	}
	if key, params := f.Hint(flow.FieldPassword); key != "wizard.files.password.demo" || params["password"] != demo.Password {
		t.Errorf("the demo's password hint: %s %v", key, params)
	}
	f.Next()
	f.Next()
	f.Set(flow.FieldPassword, demo.Password)
	f.RunDue(nil)
	f.SetLang("fr")
	if !f.CanNext() {
		t.Fatalf("the demo export does not check: %+v %v", f.Report(), f.LoadErr())
	}
	if prefs.Values["host"] != "remembered.example" || prefs.Values["lastFolder"] != "/remembered" || prefs.Values["language"] != "fr" {
		t.Errorf("preferences after the demo: %v", prefs.Values)
	}
}

func TestTheFolderAndHostRememberedAreProposedAndTheLanguageChosenIsUsed(t *testing.T) {
	prefs := flowtest.NewPrefs()
	prefs.Values["host"], prefs.Values["lastFolder"], prefs.Values["language"] = flowtest.Host, "/exports/x", "fr"
	f := flow.NewInstall(flow.Deps{Prefs: prefs})
	if f.Value(flow.FieldFolder) != "/exports/x" || f.Value(flow.FieldHost) != flowtest.Host || f.Lang() != "fr" {
		t.Errorf("proposed %q, %q, language %s", f.Value(flow.FieldFolder), f.Value(flow.FieldHost), f.Lang())
	}
	if f := flow.NewInstall(flow.Deps{Prefs: prefs, Lang: "en"}); f.Lang() != "en" {
		t.Errorf("the language asked for is not used: %s", f.Lang())
	}
}

func TestAHostOfAnotherSiteIsNotRememberedButOneThatWorksIs(t *testing.T) {
	s := flowtest.NewSite(t, qrstest.Options{})
	c := newConsole(t, func(d *flow.Deps) { d.Store = s.Store; d.QRSAddress = s.QRS.Addr })
	c.answerFiles(s.Dir, flowtest.Password, "qlik-centrl.corp.example")
	if got := c.prefs.Values["host"]; got != "" {
		t.Fatalf("a host the export's site does not match was remembered: %q", got)
	}
	if c.prefs.Values["lastFolder"] != s.Dir {
		t.Errorf("the folder checked is not remembered: %q", c.prefs.Values["lastFolder"])
	}
	c.f.Set(flow.FieldHost, flowtest.Host)
	c.f.RunDue(nil)
	if got := c.prefs.Values["host"]; got != flowtest.Host {
		t.Fatalf("the right host is not remembered: %q", got)
	}
}

// Flow B's passwords (the service account's, the backup's, the exports',
// and those the rim nodes get) reach no preference, and neither the
// procedure's log nor its journal: they are in memory only.
func TestFlowBPasswordsReachNeitherPreferencesNorTheLog(t *testing.T) {
	const accountPassword, exportPassword = "Acc0unt-secret-77", "Export-secret-88"
	node := flowtest.NewCentral(t, func(dir string) {
		// An ordinary user, whose password acting as it takes.
		nf, _ := centraltest.ReadNode(dir)
		nf.Account.Managed = false
		_ = centraltest.WriteNode(dir, nf)
	})
	w := newRecreateWalk(t, node)
	w.next()
	w.due()
	if !w.f.Asks(flow.FieldServiceAccountPassword) || w.f.CanNext() || coded.CodeOf(w.f.Blocking()) != central.CodeAccountPassword {
		t.Fatalf("an ordinary account's password is not asked: blocking %v", w.f.Blocking())
	}
	w.f.Set(flow.FieldServiceAccountPassword, accountPassword)
	if !w.f.Planning() {
		t.Fatal("the account's password does not make the plan again")
	}
	w.due()
	if w.f.Blocking() != nil {
		t.Fatalf("with the account's password: %v", w.f.Blocking())
	}
	w.f.Back()
	w.toConfirm(flowtest.BackupPassword)
	w.run()
	if !w.f.Done() {
		t.Fatalf("the procedure: %v", w.f.RunErr())
	}
	for w.f.Step().ID != flow.StepRecreateNext {
		w.next()
		w.due()
	}
	w.f.AskRedistribute()
	w.due()
	w.f.Set(flow.FieldExportPassword, exportPassword)
	w.f.Set(flow.FieldExportRetype, exportPassword)
	if !w.f.AskExport() {
		t.Fatal(w.f.ExportProblem())
	}
	w.due()
	ds, _ := w.f.Distributed()
	secrets := []string{accountPassword, flowtest.BackupPassword, exportPassword}
	for _, d := range ds {
		secrets = append(secrets, d.Password)
	}
	if len(secrets) != 5 || slices.Contains(secrets, "") {
		t.Fatalf("the walk did not get every password: %d", len(secrets))
	}
	folder := w.f.Result().Folder
	var written []string
	for _, kv := range w.prefs.Log {
		written = append(written, "preference "+kv)
	}
	for _, name := range []string{central.LogName, central.JournalName} {
		data, err := os.ReadFile(filepath.Join(folder, name))
		if err != nil {
			t.Fatal(err)
		}
		written = append(written, name+" "+string(data))
	}
	for _, e := range w.events {
		written = append(written, "event "+e.Sentence(i18n.New("en")))
	}
	for _, text := range written {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("a password is written: %.200s", text)
			}
		}
	}
}

// The account's password, typed on the account step, reaches neither the
// preferences nor the report, nor a child's command line; the choice is
// remembered without it, and it is cleared when the flow ends.
func TestTheAccountPasswordNeverReachesPreferencesNorTheReport(t *testing.T) {
	var given []flow.ReportInput
	c, acc, _ := accountConsole(t, func(d *flow.Deps) {
		d.SaveReport = func(_ string, in flow.ReportInput) error { given = append(given, in); return nil }
	})
	c.f.SetWho(flow.WhoAccount)
	c.f.Set(flow.FieldAccountName, "svc_qlik@corp.example")
	c.f.RunDue(nil)
	c.f.Set(flow.FieldAccountPassword, flowtest.ServicePassword)
	c.next()
	c.f.RunDue(nil)
	c.next()
	c.f.RunDue(nil)
	c.next()
	c.f.RunDue(nil)
	c.f.ApplySaved(c.f.SaveReport(t.TempDir() + "/r.zip").Run())
	if !c.f.Installed() || len(given) != 1 || c.f.Diagnosis() == nil || !c.f.Diagnosis().OK() {
		t.Fatalf("the walk did not get to the report: %v %v", c.f.InstallErr(), c.f.TestErr())
	}
	for _, kv := range c.prefs.Log {
		if strings.Contains(kv, flowtest.ServicePassword) {
			t.Errorf("preference %q holds the account's password", kv)
		}
	}
	if c.prefs.Values["accountChoice"] != "account" || c.prefs.Values["accountName"] != "svc_qlik@corp.example" {
		t.Errorf("the choice is not remembered: %v", c.prefs.Values)
	}
	doc, _ := json.Marshal(given[0])
	if text := fmt.Sprintf("%+v %s", given[0], doc); strings.Contains(text, flowtest.ServicePassword) {
		t.Errorf("the report's input holds the account's password")
	}
	for _, r := range acc.Runs() {
		if strings.Contains(strings.Join(r.Argv, "\x00"), flowtest.ServicePassword) {
			t.Errorf("a child's command line holds the password: %q", r.Argv)
		}
	}
	c.f.Next() // Finish
	if c.quits != 1 || c.f.Value(flow.FieldAccountPassword) != "" {
		t.Errorf("after Finish: %d quits, password kept %v", c.quits, c.f.Value(flow.FieldAccountPassword) != "")
	}
}
