package console

import (
	"qscert/certs/central"
)

// restart is step 6: the services and their state.
func (c *recreate) restart() error {
	w, r := c.w, c.r
	c.header()
	for {
		r.RunDueNow(nil)
		services, err := r.Services()
		if err != nil {
			w.out.marked(markError, w.tr.Error(err))
		}
		running := len(services) > 0
		for _, s := range services {
			w.out.field(central.DisplayName(s.Name), w.t("wizard.recreate.state."+string(s.State)))
			running = running && (s.State == central.StateRunning || s.Start == central.StartDisabled)
		}
		if running {
			w.out.marked(markOK, w.t("wizard.recreate.restart.all"))
		} else if err == nil {
			w.out.marked(markWarning, w.t("wizard.recreate.restart.some"))
		}
		w.out.blank()
		a, err := c.navigate("", choice{"again", w.t("wizard.recreate.restart.again")})
		if err != nil || a != "again" {
			return err
		}
		r.ReadServicesAgain()
	}
}
