package console

import (
	"fmt"
	"strings"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// certLine is one certificate of the site, on one line.
func (c *recreate) certLine(cert central.Certificate, account string) string {
	return strings.ReplaceAll(flow.RecreateCertText(c.w.tr, cert, account), "\n", " — ")
}

// commandLine shows argv as typed, quoting what holds a space.
func commandLine(argv []string) string {
	out := make([]string, len(argv))
	for i, a := range argv {
		if strings.ContainsAny(a, " \t") {
			a = fmt.Sprintf("%q", a)
		}
		out[i] = a
	}
	return strings.Join(out, " ")
}
