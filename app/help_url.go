package app

import "qscert/assets/i18n"

// helpURL is Qlik's help page on exporting certificates from the QMC, in
// the wizard's language when Qlik has it (English and French both).
func helpURL(lang string) string {
	locale := "en-US"
	if i18n.Match(lang) == "fr" {
		locale = "fr-FR"
	}
	return "https://help.qlik.com/" + locale + "/sense-admin/Subsystems/DeployAdministerQSE/Content/Sense_DeployAdminister/QSEoW/Administer_QSEoW/Managing_QSEoW/export-certificates.htm"
}
