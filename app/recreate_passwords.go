package app

import (
	"fmt"

	"qscert/certs/central"
	"qscert/certs/coded"
	"qscert/certs/install"
)

// backupPassword is the backup's password from its flags or, at a
// terminal, typed (twice for a new backup).
func (r *recreateRun) backupPassword(twice bool) (string, error) {
	env, t := r.c.env, r.c.translator()
	pw, given, err := r.f.backupPassword.read(env, t)
	if err != nil {
		return "", err
	}
	if !given {
		if env.ReadSecret == nil {
			return "", coded.New(central.CodeBackupPassword, nil, "min", fmt.Sprint(install.MinBackupPassword))
		}
		if pw, err = r.typeSecret("recreate.prompt.backup-password", twice); err != nil {
			return "", err
		}
	}
	if !install.BackupPasswordOK(pw) {
		return "", coded.New(central.CodeBackupPassword, nil, "min", fmt.Sprint(install.MinBackupPassword))
	}
	return pw, nil
}

// accountPassword is the service account's password from its flags or,
// when account names it and there is a terminal, typed.
func (r *recreateRun) accountPassword(account string) ([]byte, error) {
	env, t := r.c.env, r.c.translator()
	pw, given, err := r.f.accountPassword.read(env, t)
	if err != nil || given {
		return []byte(pw), err
	}
	if account == "" || env.ReadSecret == nil {
		return nil, nil
	}
	typed, err := env.ReadSecret(t.T("recreate.prompt.account-password", map[string]string{"account": account}))
	if err != nil {
		return nil, coded.New(CodePasswordUnreadable, err)
	}
	return []byte(typed), nil
}

// accountPasswordFor is the password of a stopped procedure's account,
// when it is an ordinary user.
func (r *recreateRun) accountPasswordFor(st *central.Status) ([]byte, error) {
	if !st.Account.NeedsPassword() {
		return nil, nil
	}
	return r.accountPassword(st.Account.Name)
}

// exportPassword protects the new exports for third-party machines.
func (r *recreateRun) exportPassword() (string, error) {
	env, t := r.c.env, r.c.translator()
	pw, given, err := r.f.exportPassword.read(env, t)
	if err != nil {
		return "", err
	}
	if given && pw != "" {
		return pw, nil
	}
	if env.ReadSecret == nil {
		return "", coded.New(central.CodeExportPassword, nil)
	}
	pw, err = r.typeSecret("recreate.prompt.export-password", true)
	if err == nil && pw == "" {
		err = coded.New(central.CodeExportPassword, nil)
	}
	return pw, err
}

// typeSecret reads a secret at the terminal, twice when it is new.
func (r *recreateRun) typeSecret(key string, twice bool) (string, error) {
	env, t := r.c.env, r.c.translator()
	pw, err := env.ReadSecret(t.T(key))
	if err != nil {
		return "", coded.New(CodePasswordUnreadable, err)
	}
	if twice {
		again, err := env.ReadSecret(t.T("recreate.prompt.again"))
		if err != nil {
			return "", coded.New(CodePasswordUnreadable, err)
		}
		if again != pw {
			return "", coded.New(central.CodePasswordMismatch, nil)
		}
	}
	return pw, nil
}
