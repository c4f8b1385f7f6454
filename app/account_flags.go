package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"qscert/app/elevation"
	"qscert/assets/i18n"
	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/install"
	"qscert/certs/output"
	"qscert/certs/store"
)

// accountFlags are "who uses this certificate?" on the command line:
// --for-account NAME (any account, as Windows names it), --for-service
// NAME (the account a service runs as) and, for install and test,
// --for-machine (LocalMachine\My, with read access to the key for the
// account named). The password of an ordinary account comes from
// --account-password-file, --account-password-env or a prompt without
// echo, never from the command line.
type accountFlags struct {
	account  string
	service  string
	machine  bool
	password passwordFlags

	sys *AccountSystem
}

func (f *accountFlags) register(c *commandFlags, withMachine bool) {
	c.set.StringVar(&f.account, "for-account", "", "flag.for-account."+c.name)
	c.set.StringVar(&f.service, "for-service", "", "flag.for-service."+c.name)
	if withMachine {
		c.set.BoolVar(&f.machine, "for-machine", false, "flag.for-machine."+c.name)
	}
	f.password.register(c, "account-")
}

// wanted reports whether the command is for another account or the
// machine.
func (f *accountFlags) wanted() bool { return f.account != "" || f.service != "" || f.machine }

// system opens the machine's accounts once.
func (f *accountFlags) system(env *Env) (*AccountSystem, error) {
	if f.sys != nil {
		return f.sys, nil
	}
	open := env.Accounts
	if open == nil {
		open = systemAccounts
	}
	sys, err := open()
	if err != nil {
		return nil, err
	}
	f.sys = sys
	return sys, nil
}

// resolve finds the account named, or nil for none. An account that is
// the one running qscert is "this user", for which nothing acts as
// anyone: nil too, unless the machine's store is asked for.
func (f *accountFlags) resolve(c *commandFlags) (*accounts.Account, error) {
	t := c.translator()
	if f.account != "" && f.service != "" {
		return nil, coded.New(CodeBadUsage, nil, "command", c.name, "detail", t.T("cli.for.one-of"))
	}
	if f.password.plainText != "" {
		return nil, coded.New(CodePasswordOnCommandLine, nil, "flag", "--account-password")
	}
	if f.account == "" && f.service == "" {
		if f.machine {
			_, err := f.system(c.env)
			return nil, err
		}
		return nil, nil
	}
	sys, err := f.system(c.env)
	if err != nil {
		return nil, err
	}
	var a accounts.Account
	if f.service != "" {
		a, err = accounts.ServiceAccount(sys.Services, sys.Resolver, f.service)
	} else {
		a, err = sys.Resolver.Lookup(f.account)
	}
	if err != nil {
		return nil, err
	}
	if a.SID == sys.CurrentSID && sys.CurrentSID != "" && !f.machine {
		return nil, nil
	}
	return &a, nil
}

// requireAdministrator refuses, with the command to run elevated, when
// this process cannot write the machine's stores.
func (f *accountFlags) requireAdministrator(command string, args []string) error {
	if f.sys == nil || f.sys.Elevated == nil || f.sys.Elevated() {
		return nil
	}
	return elevation.RequiredError(nil, append([]string{command}, withoutSecrets(args)...))
}

// withoutSecrets drops from args a password given on the command line
// (--password=..., --backup-password ..., which the command refuses
// anyway): the sentence that repeats the command must not repeat it.
func withoutSecrets(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if strings.HasPrefix(args[i], "-") && (name == "password" || strings.HasSuffix(name, "-password")) {
			if !hasValue {
				i++ // its value is the next argument
			}
			continue
		}
		out = append(out, args[i])
	}
	return out
}

// passwordFor is the account's password, read when first needed: from
// --account-password-file or --account-password-env, else typed at the
// terminal without echo, else account-needs-password.
func (f *accountFlags) passwordFor(env *Env, t *i18n.Translator, a accounts.Account) func() ([]byte, error) {
	return func() ([]byte, error) {
		pw, given, err := f.password.read(env, t)
		if err != nil {
			return nil, err
		}
		if !given && env.ReadSecret != nil {
			typed, err := env.ReadSecret(t.T("cli.account-password.prompt", map[string]string{"account": a.Name}))
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, coded.New(CodePasswordUnreadable, err)
			}
			f.password.typed(typed)
			pw, given = typed, true
		}
		if !given || pw == "" {
			return nil, coded.New(accounts.CodeNeedsPassword, nil, "account", a.Name)
		}
		return []byte(pw), nil
	}
}

// installOptions fills in who the install is for.
func (f *accountFlags) installOptions(env *Env, t *i18n.Translator, a *accounts.Account, st store.Store, opts *install.InstallOptions, jsonOut bool) error {
	opts.ForMachine = f.machine
	if a == nil {
		return nil
	}
	opts.ForAccount = a
	if f.machine {
		return nil
	}
	if f.sys.ChildStore == nil && st.Name() != "windows" {
		return coded.New(CodeForAccountWindowsStore, nil, "account", a.Name, "store", st.Name())
	}
	if err := f.sys.UseChild(a, opts); err != nil {
		return err
	}
	if a.NeedsPassword() {
		opts.AccountPassword = f.passwordFor(env, t, *a)
	}
	if !jsonOut {
		opts.OnAccountStep = func(done, total int, s install.Step) {
			fmt.Fprintf(env.Stdout, "        %s [%d/%d] %s\n", a.Name, done, total, output.StepSentence(t, s))
		}
	}
	return nil
}

// runAs runs a qscert command as a (`list --json`) and returns its JSON
// document and exit code.
func (f *accountFlags) runAs(env *Env, t *i18n.Translator, a accounts.Account, args []string) ([]byte, int, error) {
	return f.sys.RunAs(context.Background(), a, f.passwordFor(env, t, a), args)
}

// childArgs are the output flags a child is given: JSON, in the
// language of this command (its messages are shown as they come).
func childArgs(c *commandFlags, command string, rest ...string) []string {
	return append([]string{command, "--json", "--lang", c.translator().Lang()}, rest...)
}

// withoutFlag drops a boolean flag from args.
func withoutFlag(args []string, name string) []string {
	var out []string
	for _, a := range args {
		n, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && n == name {
			continue
		}
		out = append(out, a)
	}
	return out
}

// flagGiven reports whether the user set the flag name.
func flagGiven(set *flag.FlagSet, name string) bool {
	given := false
	set.Visit(func(f *flag.Flag) {
		if f.Name == name {
			given = true
		}
	})
	return given
}
