package console

import (
	"strings"

	"qscert/certs/central"
	"qscert/wizard/flow"
)

// certLine is one certificate of the site, on one line.
func (c *recreate) certLine(cert central.Certificate, account string) string {
	return strings.ReplaceAll(flow.RecreateCertText(c.w.tr, cert, account), "\n", " — ")
}
