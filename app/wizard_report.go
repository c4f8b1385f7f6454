//go:build cgo

package app

import (
	"runtime"

	"qscert/assets/i18n"
	"qscert/certs/qrs"
	"qscert/certs/store"
	"qscert/wizard"
)

// wizardReportSaver is the wizard's "Save support report": the same zip as
// `qscert report`, from what the wizard already knows (the validation, the
// install, the connection test) plus this machine and the store's Qlik
// certificates. The wizard gives it no password, and it reads no export.
func wizardReportSaver(env *Env, s store.Store) wizard.ReportSaver {
	return func(path string, in wizard.ReportInput) error {
		t := i18n.New(in.Lang)
		r := &supportReport{
			GeneratedAt: env.Now().UTC(),
			App:         appInfo{Version: Version, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH},
			Machine:     env.Machine(),
			Stores:      []storeListing{},
		}
		if s != nil {
			r.Stores = append(r.Stores, listOpenStore(t, s))
		}
		if in.Report != nil {
			out := reportJSON(t, in.Report)
			r.Export = &out
		}
		if in.Host != "" && (in.Diagnosis != nil || in.TestErr != nil) {
			c := &connectionSection{Host: in.Host, Port: qrs.DefaultPort}
			if in.TestErr != nil {
				c.Error = problem(t, in.TestErr)
			}
			if d := in.Diagnosis; d != nil {
				source := ""
				if s != nil {
					source = s.Name()
				}
				c.Result = &connectionResult{
					Host: in.Host, Port: qrs.DefaultPort, Source: source, Findings: []findingJSON{}, OK: d.OK(),
					Checks: []checkJSON{{Diagnosis: d, Message: t.Code(d.Code, withHostParam(d.Params, in.Host))}},
				}
			}
			r.Connection = c
		}
		if in.BackupDir != "" || in.InstallErr != nil {
			r.Install = &installSection{BackupDir: in.BackupDir}
			if in.InstallErr != nil {
				r.Install.Error = problem(t, in.InstallErr)
			}
		}
		return writeSupportZip(path, t, r)
	}
}

func withHostParam(params map[string]string, host string) map[string]string {
	out := map[string]string{"host": host}
	for k, v := range params {
		out[k] = v
	}
	return out
}
