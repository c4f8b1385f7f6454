package console

import (
	"qscert/assets/i18n"
	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
	"qscert/wizard/flow"
)

// files asks for the export (folder or zip), its password and the server,
// checks them, and shows what was found: one block per certificate, and
// what is wrong in plain words. The menu offers to answer again until the
// files can be installed.
func (w *wizard) files() error {
	w.header()
	for first := true; ; first = false {
		if !first {
			w.out.blank()
		}
		if err := w.askFields(w.f.Step().Fields); err != nil {
			return err
		}
		if w.f.Checking() {
			w.out.para(w.t("wizard.files.status.checking"))
		}
		w.f.RunDue(nil)
		w.out.blank()
		w.showReport()
		w.out.blank()
		a, err := w.navigate(w.t("console.change.answers"))
		if err != nil || a != actChange {
			return err
		}
	}
}

// showReport shows the last check, as the window's files page does: the
// findings about no certificate in particular, a block per certificate
// with its findings, then the verdict.
func (w *wizard) showReport() {
	f := w.f
	switch {
	case !f.HasSelection():
		w.out.marked(markNote, w.t("wizard.files.status.empty"))
		return
	case f.LoadErr() != nil:
		w.out.marked(markError, w.tr.Error(f.LoadErr()))
		return
	case f.Report() == nil:
		return
	}
	r := f.Report()
	present := map[qlik.Role]bool{}
	for _, c := range r.Certificates {
		present[c.Role] = true
	}
	for _, fd := range r.Findings {
		if fd.Role == "" || !present[fd.Role] {
			w.finding("", fd)
		}
	}
	for _, c := range r.Certificates {
		w.card(c, r.FindingsFor(c.Role))
	}
	errs, warnings := r.Counts()
	params := map[string]string{
		"count": itoa(len(r.Certificates)), "format": w.t("format." + string(r.Format)),
		"errors": itoa(errs), "warnings": itoa(warnings),
	}
	switch {
	case errs > 0 || len(r.Certificates) == 0:
		w.out.marked(markError, w.t("wizard.files.status.blocking", params))
	case flow.HostProblem(f.Host()) != "":
		w.out.marked(markWarning, w.t("wizard.files.status.host"))
	case warnings > 0:
		w.out.marked(markWarning, w.t("wizard.files.status.warnings", params))
	default:
		w.out.marked(markOK, w.t("wizard.files.status.ok", params))
	}
}

// card is one certificate of the export: what an administrator compares
// with certmgr or the QMC, then the findings about it.
func (w *wizard) card(c qlik.CertificateInfo, findings []finding.Finding) {
	key := w.t("wizard.no")
	if c.HasPrivateKey {
		key = w.t("wizard.yes")
	}
	files := c.File
	if c.KeyFile != "" && c.KeyFile != c.File {
		files += ", " + c.KeyFile
	}
	w.out.heading(i18n.Capitalise(w.t("role." + string(c.Role))))
	w.out.field(w.t("wizard.card.subject"), c.Subject)
	w.out.field(w.t("wizard.card.issuer"), c.Issuer)
	w.out.field(w.t("wizard.card.validity"), w.t("wizard.card.validity.range", map[string]string{
		"from": c.NotBefore.Format(dateFormat), "to": c.NotAfter.Format(dateFormat),
	}))
	w.out.field(w.t("wizard.card.thumbprint"), c.SHA1)
	w.out.field(w.t("wizard.card.key"), key)
	w.out.field(w.t("wizard.card.files"), files)
	for _, fd := range findings {
		w.finding("  ", fd)
	}
	w.out.blank()
}

// finding is one finding's sentence, with the word that says whether it
// blocks (error), may be passed (warning) or is for information.
func (w *wizard) finding(indent string, fd finding.Finding) {
	m := markNote
	switch fd.Severity {
	case coded.SeverityError:
		m = markError
	case coded.SeverityWarning:
		m = markWarning
	}
	w.out.markedIndent(indent, m, w.tr.Code(fd.Code, fd.Params))
}
