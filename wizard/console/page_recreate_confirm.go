package console

import (
	"qscert/certs/central"
	"qscert/wizard/flow"
)

// confirm lists what will be deleted and stopped, and asks the node's
// name typed.
func (c *recreate) confirm() error {
	w, r := c.w, c.r
	c.header()
	p := r.Plan()
	if p != nil {
		w.out.heading(w.t("wizard.recreate.confirm.deleted"))
		for _, cert := range p.Deletions() {
			w.out.bullet(c.certLine(cert, p.Account.Name))
		}
		if len(p.Deletions()) == 0 {
			w.out.item(w.t("wizard.recreate.confirm.nothing"))
		}
		if p.Exported.Exists {
			w.out.bullet(w.t("wizard.recreate.confirm.exported", map[string]string{"folder": p.Exported.Path, "count": itoa(len(p.Exported.Machines))}))
		}
		w.out.blank()
		w.out.heading(w.t("wizard.recreate.confirm.services"))
		services := w.t("wizard.recreate.confirm.services.none")
		if stop := p.ToStop(); len(stop) > 0 {
			services = central.DisplayNames(stop)
		}
		w.out.item(services)
		w.out.item(w.t("wizard.recreate.confirm.bootstrap", map[string]string{"command": central.CommandLine(p.Bootstrap), "account": p.Account.Name}))
		w.out.blank()
	}
	for {
		if err := c.ask(r.Step().Fields); err != nil {
			return err
		}
		if !r.CanNext() {
			key, params := r.Hint(flow.FieldConfirmHost)
			w.out.marked(markNote, w.t(key, params))
		}
		w.out.blank()
		a, err := c.navigate(w.t("console.change.choices"))
		if err != nil || a != actChange {
			return err
		}
	}
}
