package console

import (
	"strings"
)

// next is step 7: redistribute to the rim nodes (each password shown
// once, when asked), export for the third-party machines.
func (c *recreate) next() error {
	w, r := c.w, c.r
	c.header()
	nx := r.NextSteps()
	if nx != nil {
		w.out.heading(w.t("wizard.recreate.next.rim"))
		if nx.Err != nil {
			w.out.marked(markWarning, w.tr.Error(nx.Err))
		}
		for _, n := range nx.RimNodes {
			w.out.bullet(w.t("wizard.recreate.next.rim.node", map[string]string{"name": n.Name, "host": n.HostName}))
		}
		if len(nx.RimNodes) == 0 && nx.Err == nil {
			w.out.item(w.t("wizard.recreate.next.rim.none"))
		}
		w.out.blank()
		w.out.heading(w.t("wizard.recreate.next.machines"))
		for _, m := range nx.Machines {
			w.out.bullet(m)
		}
		if len(nx.Machines) == 0 {
			w.out.item(w.t("wizard.recreate.next.machines.none"))
		} else {
			w.out.item(w.t("wizard.recreate.next.machines.hint"))
		}
	}
	shown := false
	for {
		w.out.blank()
		var extra []choice
		if r.CanRedistribute() {
			extra = append(extra, choice{"redistribute", w.t("wizard.recreate.next.redistribute")})
		}
		if ds, _ := r.Distributed(); len(ds) > 0 && !shown {
			extra = append(extra, choice{"show", w.t("wizard.recreate.next.show")})
		}
		if r.CanExport() {
			extra = append(extra, choice{"export", w.t("wizard.recreate.export.go")})
		}
		a, err := c.navigate("", extra...)
		if err != nil {
			return err
		}
		switch a {
		case "redistribute":
			w.out.para(w.t("wizard.recreate.next.redistribute.hint"))
			r.AskRedistribute()
			r.RunDueNow(nil)
			c.showDistributed(false)
		case "show":
			shown = true
			c.showDistributed(true)
		case "export":
			if err := c.export(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

// showDistributed lists the rim nodes redistributed to; with reveal,
// their passwords, once.
func (c *recreate) showDistributed(reveal bool) {
	w := c.w
	ds, err := c.r.Distributed()
	if err != nil {
		w.out.marked(markError, w.tr.Error(err))
		return
	}
	for _, d := range ds {
		name := w.t("wizard.recreate.next.password", map[string]string{"name": d.Node.Name})
		switch {
		case d.Err != nil:
			w.out.marked(markError, name+w.out.colon+w.tr.Error(d.Err))
		case reveal:
			w.out.field(name, d.Password)
		default:
			w.out.field(name, strings.Repeat("•", len([]rune(d.Password))))
		}
	}
}

// export asks the machines, the password (twice) and the format, then
// exports.
func (c *recreate) export() error {
	w, r := c.w, c.r
	w.out.blank()
	w.out.heading(w.t("wizard.recreate.export.title"))
	fields := r.Step().Fields
	if err := c.ask(fields[:2]); err != nil {
		return err
	}
	if err := c.ask(fields[2:]); err != nil {
		return err
	}
	format, err := w.p.choose(w.t("wizard.recreate.export.format"), []choice{
		{"windows", w.t("wizard.recreate.export.format.windows")}, {"pem", w.t("wizard.recreate.export.format.pem")},
	}, "windows")
	if err != nil {
		return err
	}
	r.SetExportPEM(format == "pem")
	if !r.AskExport() {
		w.out.marked(markError, w.t(r.ExportProblem()))
		return nil
	}
	w.out.para(w.t("wizard.recreate.export.exporting"))
	r.RunDueNow(nil)
	folder, machines, err := r.Exported()
	if err != nil {
		w.out.marked(markError, w.tr.Error(err))
		return nil
	}
	w.out.marked(markOK, w.t("wizard.recreate.export.done", map[string]string{"machines": strings.Join(machines, ", ")})+" "+folder)
	return nil
}
