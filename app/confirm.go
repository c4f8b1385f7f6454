package app

import (
	"bufio"
	"fmt"
	"strings"

	"qscert/assets/i18n"
	"qscert/certs/coded"
)

// confirm asks the user to type "yes" (or "oui") before changes. Without a
// terminal there is nobody to ask: --yes is then required.
func confirm(env *Env, t *i18n.Translator, yes bool, changes int) error {
	if yes {
		return nil
	}
	if !env.StdinIsTerminal {
		return coded.New(CodeConfirmationNeeded, nil)
	}
	// On standard error, as the password prompt: standard output is the
	// command's result (a JSON document with --json).
	fmt.Fprint(env.Stderr, t.N("cli.confirm", changes))
	line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "yes", "y", "oui", "o":
		return nil
	}
	return coded.New(CodeNotConfirmed, nil)
}
