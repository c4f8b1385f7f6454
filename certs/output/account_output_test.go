package output

import (
	"strings"
	"testing"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/install"
	"qscert/certs/store"
)

// The steps and the recovery of an install for an account name the
// account, in both languages, and leave no placeholder unfilled.
func TestAccountStepsAndRecoveriesNameTheAccount(t *testing.T) {
	ns := &accounts.Account{Name: `NT AUTHORITY\NETWORK SERVICE`, SID: accounts.SIDNetworkService, Kind: accounts.KindNetworkService}
	steps := []install.Step{
		{Kind: install.StepGrant, Location: store.LocalMachineMy, Subject: "CN=QlikClient", Thumbprint: "AB", Account: ns},
		{Kind: install.StepAccount, Location: store.CurrentUserMy, Subject: "CN=QlikClient", Thumbprint: "AB", WithKey: true, Account: ns},
	}
	rec := install.Recovery{Journal: `C:\b\journal.jsonl`, Backup: `C:\b`, Action: "needs-account", Account: ns, AccountBackup: `C:\ns\b`, Removed: []store.CertID{}}
	for _, lang := range i18n.Languages {
		tr := i18n.New(lang).CommandLine()
		for _, s := range stepsOf(tr, steps) {
			if !strings.Contains(s.Message, ns.Name) || !strings.Contains(s.Message, "S-1-5-20") || strings.Contains(s.Message, "{{") || s.Account.SID != ns.SID {
				t.Errorf("%s: %s step: %q", lang, s.Kind, s.Message)
			}
		}
		r := RecoveriesOf(tr, []install.Recovery{rec})[0]
		for _, want := range []string{ns.Name, `C:\ns\b`, `C:\b`, "--for-account"} {
			if !strings.Contains(r.Message, want) {
				t.Errorf("%s: the recovery %q lacks %q", lang, r.Message, want)
			}
		}
		if r.Account == nil || r.AccountBackup != `C:\ns\b` {
			t.Errorf("%s: %+v", lang, r)
		}
		// The other plain sentences too, with nothing removed.
		for _, action := range []string{"needs-restore", "ended"} {
			if m := RecoveriesOf(tr, []install.Recovery{{Journal: `C:\b\journal.jsonl`, Backup: `C:\b`, Action: action}})[0].Message; strings.HasPrefix(m, "recover.") {
				t.Errorf("%s: %s is said %q", lang, action, m)
			}
		}
	}
}
