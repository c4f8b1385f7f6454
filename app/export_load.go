package app

import (
	"fmt"

	"qscert/assets/i18n"
	"qscert/certs/export"
	"qscert/certs/finding"
)

// passwordAttempts is how many times a password is asked for at the
// terminal before qscert gives up, as sudo does.
const passwordAttempts = 3

// loadExport reads the export in dir with the password the flags give.
//
// When the export needs a password and none was given, qscert asks for it
// at the terminal, without echo, and again while it is wrong. Without a
// terminal, or when a given password is wrong, the export's own finding
// (password-required, wrong-password) is returned as the error, with the
// export: every command then exits 2, since it could not check or use the
// export with the password it had; validate and install still show what
// they could read.
func loadExport(env *Env, t *i18n.Translator, dir string, pw *passwordFlags) (*export.Export, error) {
	password, given, err := pw.read(env, t)
	if err != nil {
		return nil, err
	}
	exp, err := export.LoadExport(dir, password)
	if err != nil {
		return nil, err
	}
	if given || env.ReadSecret == nil || passwordFinding(exp) == nil {
		return exp, passwordError(exp)
	}
	for attempt := 1; attempt <= passwordAttempts; attempt++ {
		f := passwordFinding(exp)
		if f == nil {
			break
		}
		if attempt > 1 {
			fmt.Fprintln(env.Stderr, t.Code(f.Code, f.Params))
		}
		typed, err := env.ReadSecret(t.T("cli.password.prompt-for", map[string]string{"file": f.Params["file"]}))
		if err != nil {
			break // end of input (Ctrl+D): give up with the finding
		}
		pw.typed(typed)
		if exp, err = export.LoadExport(dir, typed); err != nil {
			return nil, err
		}
	}
	return exp, passwordError(exp)
}

// passwordFinding is the export's finding that a password is missing or
// wrong, or nil.
func passwordFinding(exp *export.Export) *finding.Finding {
	for i, f := range exp.Findings {
		if f.Code == export.CodePasswordRequired || f.Code == export.CodeWrongPassword {
			return &exp.Findings[i]
		}
	}
	return nil
}

func passwordError(exp *export.Export) error {
	if f := passwordFinding(exp); f != nil {
		return f.Err()
	}
	return nil
}
