package console

import (
	"qscert/certs/central"
	"qscert/certs/coded"
	"qscert/wizard/flow"
)

// check is step 1: the machine's facts, what the checks found (an error
// says what to do and keeps Next away), the service account's password
// when the account is an ordinary user.
func (c *recreate) check() error {
	w, r := c.w, c.r
	c.header()
	for {
		if r.Planning() {
			w.out.para(w.t("wizard.recreate.check.checking"))
		}
		r.RunDueNow(nil)
		c.showPlan()
		change := ""
		if r.Asks(flow.FieldServiceAccountPassword) {
			if r.Value(flow.FieldServiceAccountPassword) == "" {
				if err := c.ask(r.Step().Fields); err != nil {
					return err
				}
				continue
			}
			change = w.t("wizard.recreate.account.password")
		}
		w.out.blank()
		a, err := c.navigate(change)
		if err != nil || a != actChange {
			return err
		}
		if err := c.ask(r.Step().Fields); err != nil {
			return err
		}
	}
}

func (c *recreate) showPlan() {
	w, r := c.w, c.r
	if err := r.PlanErr(); err != nil {
		w.out.marked(markError, w.tr.Error(err))
		return
	}
	p := r.Plan()
	if p == nil {
		return
	}
	fa := p.Facts
	yes, no := w.t("wizard.recreate.facts.yes"), w.t("wizard.recreate.facts.no")
	repo, elevated := w.t("wizard.recreate.facts.missing"), no
	if fa.RepositoryPresent {
		repo = w.t("wizard.recreate.facts.present")
	}
	if fa.Elevated {
		elevated = yes
	}
	w.out.heading(w.t("wizard.recreate.facts"))
	w.out.field(w.t("wizard.recreate.facts.hostname"), w.orNone(fa.Hostname))
	w.out.field(w.t("wizard.recreate.facts.fqdn"), w.orNone(fa.FQDN))
	w.out.field(w.t("wizard.recreate.facts.repository"), repo)
	w.out.field(w.t("wizard.recreate.facts.elevated"), elevated)
	w.out.field(w.t("wizard.recreate.facts.account"), w.orNone(p.Account.Name))
	w.out.blank()
	w.out.heading(w.t("wizard.recreate.findings"))
	for _, sev := range []coded.Severity{coded.SeverityError, coded.SeverityWarning, coded.SeverityInfo} {
		for _, fd := range p.Findings {
			if fd.Severity == sev {
				w.finding("  ", fd)
			}
		}
	}
	w.out.blank()
	switch err := r.Blocking(); {
	case coded.CodeOf(err) == central.CodeAccountPassword:
		w.out.marked(markWarning, w.t("wizard.recreate.check.password"))
	case err != nil:
		w.out.marked(markError, w.t("wizard.recreate.check.refused"))
	default:
		w.out.marked(markOK, w.t("wizard.recreate.check.ok", map[string]string{"host": p.Site.FQDN}))
	}
}
