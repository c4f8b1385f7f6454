package flow

import (
	"qscert/assets/i18n"
	"qscert/certs/central"
)

// RecreateCertText is one certificate of the site in flow B's lists, in
// two lines (role and subject, then where and thumbprint): the window
// shows it so, the console on one line. account names the Qlik service
// account whose Personal store holds the certificate, "" for none.
func RecreateCertText(tr *i18n.Translator, c central.Certificate, account string) string {
	where := c.Location.String()
	if c.Part == central.PartAccount && account != "" {
		where = account + " " + where
	}
	return tr.T("wizard.recreate.cert", map[string]string{"role": i18n.Capitalise(tr.T("role." + string(c.Role))), "subject": c.Subject,
		"location": where, "thumbprint": c.Thumbprint})
}
