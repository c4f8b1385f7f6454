package flow

import (
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
)

// accountValue is what an account step's field holds.
func (f *Install) accountValue(id FieldID) string {
	switch id {
	case FieldAccountName:
		return f.who.typed
	case FieldAccountPassword:
		return string(f.who.password)
	case FieldGrantAccount:
		return f.who.grant
	}
	return ""
}

// setAccount answers an account step's field.
func (f *Install) setAccount(id FieldID, value string) {
	switch id {
	case FieldAccountName:
		if value == f.who.typed {
			return
		}
		f.who.typed = value
		f.forgetAccountPassword()
		f.whoChanged()
	case FieldGrantAccount:
		if value == f.who.grant {
			return
		}
		f.who.grant = value
		f.whoChanged()
	case FieldAccountPassword:
		f.forgetAccountPassword()
		if value != "" {
			f.who.password = []byte(value)
		}
	}
}

// accountAsks says which of the account step's fields the choice asks:
// the name for another account, the password once that account is known
// to need one, the account to grant for the machine.
func (f *Install) accountAsks(id FieldID) (asks, known bool) {
	switch id {
	case FieldAccountName:
		return f.who.choice == WhoAccount, true
	case FieldAccountPassword:
		return f.needsPassword(), true
	case FieldGrantAccount:
		return f.who.choice == WhoMachine, true
	}
	return false, false
}

// accountHint is the sentence under an account step's field: once the
// name is resolved, what Windows calls it, its kind and its SID.
func (f *Install) accountHint(id FieldID) (string, map[string]string) {
	switch id {
	case FieldAccountName, FieldGrantAccount:
		if a := f.Account(); a != nil {
			return "wizard.account.resolved", AccountParams(i18n.New(f.lang), *a)
		}
		if f.Resolving() {
			return "wizard.account.resolving", nil
		}
		if id == FieldGrantAccount {
			return "wizard.account.grant.hint", nil
		}
		return "wizard.account.name.hint", nil
	case FieldAccountPassword:
		name := ""
		if a := f.Account(); a != nil {
			name = a.Name
		}
		return "wizard.account.password.hint", map[string]string{"account": name}
	}
	return "", nil
}

// AccountParams are the parameters the sentences about an account take:
// its name, SID and kind, in t's language.
func AccountParams(t *i18n.Translator, a accounts.Account) map[string]string {
	return map[string]string{"account": a.Name, "sid": a.SID, "kind": t.T("wizard.account.kind." + string(a.Kind))}
}

// codeKey is an error as a translation key and its parameters: its
// code's sentence.
func codeKey(err error) (string, map[string]string, bool) {
	if e := coded.As(err); e != nil {
		return "code." + string(e.Code), e.Params, true
	}
	return "code.internal-error", map[string]string{"detail": err.Error()}, true
}

// accountProblem says what is wrong with a name typed: nothing typed for
// another account, or what the lookup said of it (its coded error's
// sentence, as a code key: "code.account-not-found").
func (f *Install) accountProblem(id FieldID, value string) (key string, params map[string]string, known bool) {
	switch id {
	case FieldAccountName, FieldGrantAccount:
	default:
		return "", nil, false
	}
	if id == FieldAccountName && strings.TrimSpace(value) == "" {
		return "wizard.account.name.empty", nil, true
	}
	mine := f.who.typed
	if id == FieldGrantAccount {
		mine = f.who.grant
	}
	if value != mine {
		return "", nil, true
	}
	if err := f.AccountErr(); err != nil {
		return codeKey(err)
	}
	return "", nil, true
}
