package output

import (
	"fmt"
	"io"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/install"
)

// Recovery is what qscert did with a change a killed qscert had left
// unfinished (install.Recover), for people and scripts.
type Recovery struct {
	Journal string   `json:"journal"`
	Backup  string   `json:"backup,omitempty"`
	Action  string   `json:"action"` // undone, completed, ended, needs-restore, needs-account
	Removed []string `json:"removed"`
	// Account and AccountBackup are, for needs-account, the account whose
	// part of the change only it can finish, and its child's backup.
	Account       *accounts.Account `json:"account,omitempty"`
	AccountBackup string            `json:"accountBackup,omitempty"`
	Message       string            `json:"message"`
}

// RecoveriesOf is recs for people and scripts; never nil.
func RecoveriesOf(t *i18n.Translator, recs []install.Recovery) []Recovery {
	out := make([]Recovery, 0, len(recs))
	for _, r := range recs {
		removed := make([]string, 0, len(r.Removed))
		for _, id := range r.Removed {
			removed = append(removed, id.String())
		}
		params := map[string]string{"journal": r.Journal, "backup": r.Backup, "removed": strings.Join(removed, ", "),
			"accountBackup": r.AccountBackup}
		if r.Account != nil {
			params["account"] = r.Account.Name
		}
		// Only undone and completed count what they removed: the other
		// sentences are plain, and a count would make French look for
		// the "one" form of a plain sentence when nothing was removed.
		msg := t.T("recover."+r.Action, params)
		if r.Action == "undone" || r.Action == "completed" {
			msg = t.N("recover."+r.Action, len(removed), params)
		}
		out = append(out, Recovery{Journal: r.Journal, Backup: r.Backup, Action: r.Action, Removed: removed,
			Account: r.Account, AccountBackup: r.AccountBackup, Message: msg})
	}
	return out
}

// WriteRecoveries says, one sentence each, what was recovered.
func WriteRecoveries(w io.Writer, recs []Recovery) {
	for _, r := range recs {
		fmt.Fprintln(w, r.Message)
	}
}

// Recover is `qscert recover --json`.
type Recover struct {
	Header
	Store     string         `json:"store,omitempty"`
	Recovered []Recovery     `json:"recovered"`
	Error     *coded.Problem `json:"error,omitempty"`
}
