package console

import (
	"qscert/certs/accounts"
	"qscert/wizard/flow"
)

// account asks "Who uses this certificate?": me, a service's account
// (picked from the machine's services, the likely products first), another
// account (typed; its kind and SID said once it is looked up) or the
// machine (with read access to the key for an account, if one is typed).
// The account's password is asked, unechoed, when acting as it takes one.
func (w *wizard) account() error {
	w.header()
	f := w.f
	for {
		if err := f.AccountsErr(); err != nil {
			w.out.marked(markNote, w.tr.Error(err))
		}
		if err := w.chooseWho(); err != nil {
			return err
		}
		if f.Who() != flow.WhoMe && f.Demo() != nil {
			w.out.marked(markNote, w.t("wizard.account.demo"))
		}
		if err := w.askWhoseAccount(); err != nil {
			return err
		}
		w.out.blank()
		var extra []choice
		if f.RecommendsMachine() {
			a := f.Account()
			extra = append(extra, choice{"machine", w.t("wizard.account.use-machine", map[string]string{"account": a.Name})})
		}
		if f.NeedsElevation() {
			w.out.marked(markError, w.t("wizard.account.needs-admin"))
			if w.f.CanRestartElevated() {
				extra = append(extra, choice{"elevate", w.t("wizard.elevate")})
			}
		}
		change := w.t("console.account.change")
		if !f.Offers(flow.WhoService) {
			change = "" // "me" is all there is to choose
		}
		a, err := w.navigate(change, extra...)
		if err != nil {
			return err
		}
		switch a {
		case "machine":
			f.UseMachine()
			f.RunDue(nil)
			w.showAccount()
			continue
		case "elevate":
			if err := f.RestartElevated(); err != nil {
				w.out.marked(markError, w.tr.Error(err))
				continue
			}
			return nil
		case actChange:
			continue
		}
		return nil
	}
}

// chooseWho asks the choice itself.
func (w *wizard) chooseWho() error {
	f := w.f
	var opts []choice
	for _, who := range flow.Whos {
		if f.Offers(who) {
			opts = append(opts, choice{string(who), w.t(whoKey(who))})
		}
	}
	if len(opts) == 1 {
		w.out.para(w.t("wizard.account.me") + w.out.colon + w.t("wizard.account.me.hint"))
		return nil
	}
	picked, err := w.p.choose(w.t("console.account.which"), opts, string(f.Who()))
	if err != nil {
		return err
	}
	f.SetWho(flow.Who(picked))
	w.out.para(w.t(whoKey(f.Who()) + ".hint"))
	return nil
}

// askWhoseAccount asks what the choice needs: the service, the name, the
// password, and says what the look-up found.
func (w *wizard) askWhoseAccount() error {
	f := w.f
	f.RunDue(nil) // the services
	if f.Who() == flow.WhoService {
		if err := w.pickService(); err != nil {
			return err
		}
	}
	var named []flow.Field
	for _, fd := range f.Step().Fields {
		if fd.ID != flow.FieldAccountPassword && f.Asks(fd.ID) {
			named = append(named, fd)
		}
	}
	if len(named) > 0 {
		if err := w.askAccountNames(named); err != nil {
			return err
		}
	}
	f.RunDue(nil)
	w.showAccount()
	if f.Asks(flow.FieldAccountPassword) {
		for _, fd := range f.Step().Fields {
			if fd.ID == flow.FieldAccountPassword {
				if err := w.askNow([]flow.Field{fd}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// askAccountNames asks a name until the look-up accepts it (or, for the
// machine's optional account, it is left empty).
func (w *wizard) askAccountNames(fields []flow.Field) error {
	for {
		if err := w.askNow(fields); err != nil {
			return err
		}
		w.f.RunDue(nil)
		if w.f.AccountErr() == nil {
			return nil
		}
		w.out.marked(markError, w.tr.Error(w.f.AccountErr()))
	}
}

// pickService asks which service, from the machine's list.
func (w *wizard) pickService() error {
	f := w.f
	list, _, err := f.Services()
	if err != nil {
		w.out.marked(markError, w.tr.Error(err))
		return nil
	}
	if len(list) == 0 {
		w.out.marked(markNote, w.t("wizard.account.services.none"))
		return nil
	}
	opts := make([]choice, len(list))
	for i, s := range list {
		opts[i] = choice{s.Name, serviceRow(w, s)}
	}
	def := f.Service()
	if def == "" {
		def = list[0].Name
	}
	picked, err := w.p.choose(w.t("console.account.service.which"), opts, def)
	if err != nil {
		return err
	}
	f.SetService(picked)
	return nil
}

// serviceRow is a service as the list shows it: its display name and the
// account it runs as.
func serviceRow(w *wizard, s accounts.Service) string {
	return w.t("wizard.account.services.row", map[string]string{"name": s.Shown(), "account": s.RunsAs()})
}

// showAccount says what the look-up found: the account's kind and SID,
// that it is this user, or that it is a virtual account (the machine is
// then recommended).
func (w *wizard) showAccount() {
	f := w.f
	a := f.Account()
	switch {
	case f.AccountErr() != nil:
		w.out.marked(markError, w.tr.Error(f.AccountErr()))
	case a == nil:
	case f.IsYou():
		w.out.marked(markNote, w.t("wizard.account.is-you", map[string]string{"account": a.Name}))
	case f.RecommendsMachine():
		w.out.marked(markNote, w.tr.Code(accounts.CodeVirtual, map[string]string{"account": a.Name, "sid": a.SID}))
	default:
		key, params := f.Hint(flow.FieldAccountName)
		w.out.marked(markOK, w.t(key, params))
	}
}

// whoKey is the translation key of a choice.
func whoKey(w flow.Who) string {
	if w == flow.WhoAccount {
		return "wizard.account.other"
	}
	return "wizard.account." + string(w)
}
