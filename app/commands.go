package app

import "qscert/certs/install"

// command is one `qscert <name>` command.
type command struct {
	name    string
	summary string // translation key of the one-line description
	usage   string // translation key of the synopsis: "qscert validate FOLDER [flags]"
	run     func(env *Env, args []string) int
	// hidden commands are not listed: `_for-account` is run by qscert
	// itself, as another account.
	hidden bool
}

// commands is every command of qscert, in the order `qscert help` lists
// them. It is a function rather than a variable because `help` lists the
// table it is part of.
func commands() []command {
	return []command{
		{name: "help", summary: "cli.help.summary", usage: "cli.help.synopsis", run: runHelp},
		{name: "install", summary: "cli.install.summary", usage: "cli.install.synopsis", run: runInstall},
		{name: "list", summary: "cli.list.summary", usage: "cli.list.synopsis", run: runList},
		{name: "recover", summary: "recover.summary", usage: "recover.synopsis", run: runRecover},
		{name: "recreate", summary: "recreate.summary", usage: "recreate.synopsis", run: runRecreate},
		{name: "report", summary: "cli.support.summary", usage: "cli.support.synopsis", run: runReport},
		{name: "restore", summary: "cli.restore.summary", usage: "cli.restore.synopsis", run: runRestore},
		{name: "test", summary: "cli.test.summary", usage: "cli.test.synopsis", run: runTestConnection},
		{name: "validate", summary: "cli.validate.summary", usage: "cli.validate.synopsis", run: runValidate},
		{name: "version", summary: "cli.version.summary", usage: "cli.version.synopsis", run: runVersion},
		{name: install.AccountCommandName, summary: "cli.for-account.summary", usage: "cli.for-account.synopsis", run: runForAccount, hidden: true},
	}
}

// listedCommands are the commands help lists and suggests.
func listedCommands() []command {
	var out []command
	for _, c := range commands() {
		if !c.hidden {
			out = append(out, c)
		}
	}
	return out
}

// commandNamed finds a command by name.
func commandNamed(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// commandNames lists the commands' names, for suggestions.
func commandNames() []string {
	var out []string
	for _, c := range listedCommands() {
		out = append(out, c.name)
	}
	return out
}
