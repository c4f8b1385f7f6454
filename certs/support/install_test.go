package support

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/store"
)

func TestTheReportSaysWhoRanTheInstallAndEachStep(t *testing.T) {
	tr := i18n.New("en")
	res := &install.Result{BackupDir: "/b/1", Done: []install.Step{
		{Kind: install.StepBackup, Location: store.CurrentUserMy, Role: qlik.RoleClient, Subject: "CN=QlikClient"},
		{Kind: install.StepAdd, Location: store.CurrentUserMy, Role: qlik.RoleClient, Subject: "CN=QlikClient", WithKey: true},
	}}
	session := &Session{OSBuild: "Windows Server 2022 Standard 21H2 (10.0.20348.2113)", User: `CORP\admin`, Elevated: true}
	r := Build(tr, Input{Now: time.Now(), Session: session, Demo: true, Installed: true, InstallResult: res})
	if r.Install == nil || !r.Install.Installed || len(r.Install.Steps) != 2 || r.Install.BackupDir != "/b/1" || !r.App.Demo {
		t.Fatalf("install %+v, demo %v", r.Install, r.App.Demo)
	}
	var text bytes.Buffer
	r.WriteText(&text, tr)
	for _, want := range []string{session.OSBuild, `CORP\admin`, tr.T("cli.support.elevated-yes"), tr.T("cli.support.demo"),
		tr.T("cli.support.installed"), r.Install.Steps[1].Message, "/b/1"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the text lacks %q:\n%s", want, text.String())
		}
	}

	// Rolled back: it says it stopped, why, and that the steps were undone.
	res.RolledBack = true
	r = Build(tr, Input{Now: time.Now(), Session: session, InstallResult: res,
		InstallErr: coded.New(install.CodeInstallRolledBack, nil, "step", "add", "location", `CurrentUser\My`, "backup", "/b/1")})
	text.Reset()
	r.WriteText(&text, tr)
	if r.Install.Installed || !strings.Contains(text.String(), tr.T("cli.support.install-stopped")) || !strings.Contains(text.String(), tr.T("cli.support.rolled-back")) {
		t.Errorf("a rolled-back install reads:\n%s", text.String())
	}
}

func TestThisSessionNamesTheSystemAndTheUser(t *testing.T) {
	s := ThisSession()
	if s.OSBuild == "" || s.User == "" {
		t.Fatalf("session %+v", s)
	}
}
