package console

import (
	"fmt"
	"strings"

	"qscert/certs/central"
)

// certLine is one certificate of the site, on one line.
func (c *recreate) certLine(cert central.Certificate, account string) string {
	w := c.w
	where := cert.Location.String()
	if cert.Part == central.PartAccount && account != "" {
		where = account + " " + where
	}
	text := w.t("wizard.recreate.cert", map[string]string{"role": capitalise(w.t("role." + string(cert.Role))), "subject": cert.Subject,
		"location": where, "thumbprint": cert.Thumbprint})
	return strings.ReplaceAll(text, "\n", " — ")
}

func displayNames(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = central.DisplayName(n)
	}
	return strings.Join(out, ", ")
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
