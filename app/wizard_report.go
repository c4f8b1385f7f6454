package app

import (
	"qscert/assets/i18n"
	"qscert/certs/output"
	"qscert/certs/qrs"
	"qscert/certs/store"
	"qscert/certs/support"
	"qscert/wizard/flow"
)

// wizardReportSaver is the wizard's "Save support report": the same zip as
// `qscert report`, from what the wizard already knows (the validation, the
// install, the connection test) plus this machine and the store's Qlik
// certificates. The wizard gives it no password, and it reads no export.
func wizardReportSaver(env *Env, s store.Store) flow.ReportSaver {
	return func(path string, in flow.ReportInput) error {
		t := i18n.New(in.Lang)
		sin := support.Input{
			Now: env.Now(), Version: Version, Machine: env.Machine(),
			Report: in.Report, Host: in.Host, Port: qrs.DefaultPort, ConnectionErr: in.TestErr,
			BackupDir: in.BackupDir, InstallErr: in.InstallErr,
		}
		source := ""
		if s != nil {
			sin.Stores = []store.Store{s}
			source = s.Name()
		}
		if d := in.Diagnosis; d != nil {
			sin.Connection = output.ConnectionOf(t, in.Host, qrs.DefaultPort, source, nil, nil, []*qrs.Diagnosis{d})
		}
		return support.Build(t, sin).WriteZip(path, t)
	}
}
