package app

// command is one `qscert <name>` command.
type command struct {
	name    string
	summary string // translation key of the one-line description
	run     func(env *Env, args []string) int
}

// commands is every command of qscert, in the order `qscert help` lists
// them. It is a function rather than a variable because `help` lists the
// table it is part of.
func commands() []command {
	return []command{
		{name: "help", summary: "cli.help.summary", run: runHelp},
		{name: "install", summary: "cli.install.summary", run: runInstall},
		{name: "list", summary: "cli.list.summary", run: runList},
		{name: "recover", summary: "recover.summary", run: runRecover},
		{name: "report", summary: "cli.support.summary", run: runReport},
		{name: "restore", summary: "cli.restore.summary", run: runRestore},
		{name: "test", summary: "cli.test.summary", run: runTestConnection},
		{name: "validate", summary: "cli.validate.summary", run: runValidate},
		{name: "version", summary: "cli.version.summary", run: runVersion},
	}
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
