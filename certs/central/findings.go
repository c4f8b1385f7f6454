package central

import (
	"crypto/x509"

	"qscert/certs/accounts"
	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/install"
	"qscert/certs/qlik"
	"qscert/certs/qrs"
	"qscert/certs/store"
	"qscert/certs/validate"
)

// newFinding is a finding of this package's codes, with params.
func newFinding(code coded.Code, params ...string) finding.Finding {
	return finding.New(Codes, code, "", "", params...)
}

// registries are the tables whose codes a step may meet, for the
// severity of a finding made from an error.
var registries = []*coded.Registry{Codes, accounts.Codes, store.Codes, install.Codes, qrs.Codes}

// findingOf turns an error met while planning into a blocking finding
// (an error without a code keeps its text: internal-error).
func findingOf(err error) finding.Finding {
	e := coded.As(err)
	if e == nil {
		e = coded.New("internal-error", err, "detail", err.Error())
	}
	f := finding.Finding{Error: *e, Severity: coded.SeverityError}
	if f.Params == nil {
		f.Params = map[string]string{}
	}
	for _, r := range registries {
		if r.Has(e.Code) {
			f.Severity = r.Severity(e.Code)
		}
	}
	return f
}

// rootKind says which kind of root the site has, with validate's codes
// (an info): without basicConstraints, as on sites installed before
// mid-2019, which some tools and later Qlik Sense versions refuse, or
// marked CA:TRUE. `qscert validate` says the same of an export's root.
func rootKind(root *x509.Certificate) finding.Finding {
	code := validate.CodeRootNotCA
	switch {
	case !root.BasicConstraintsValid:
		code = validate.CodeRootWithoutBasicConstraints
	case root.IsCA:
		code = validate.CodeRootMarkedCA
	}
	return finding.New(validate.Codes, code, qlik.RoleRoot, "", "cn", root.Subject.CommonName)
}
