package validate

import (
	"qscert/certs/coded"
	"qscert/certs/finding"
	"qscert/certs/qlik"
)

// Codes is the table of what validation reports beyond what reading the
// files found (certs/export's Codes), each code with its default severity.
// Each has a sentence under "code.<code>" in assets/translations/
// certs.<lang>.json and a broken export in certs/certstest that produces it.
var Codes = &coded.Registry{}

var (
	CodeNotSignedByRoot   = Codes.Error("not-signed-by-root")
	CodeRootNotSelfSigned = Codes.Error("root-not-self-signed")
	CodeMixedCA           = Codes.Error("mixed-ca")
	CodeExpired           = Codes.Error("expired")
	CodeNotYetValid       = Codes.Error("not-yet-valid")
	CodeExpiresSoon       = Codes.Warning("expires-soon")
	CodeMachineMismatch   = Codes.Warning("machine-mismatch")
	CodeSiteMismatch      = Codes.Warning("site-mismatch")
	CodeHostIsIP          = Codes.Warning("host-is-ip")
	CodeNotQlikClient     = Codes.Error("not-qlik-client")
	CodeWeakKey           = Codes.Warning("weak-key")

	// The kind of root a site has (issue "recreate"): sites first installed
	// before mid-2019 have a root without basicConstraints, later ones a
	// root marked CA:TRUE. Said for the record, with the advice.
	CodeRootWithoutBasicConstraints = Codes.Info("root-without-basic-constraints")
	CodeRootMarkedCA                = Codes.Info("root-marked-ca")
	// CodeRootNotCA: a root that says CA:FALSE, which OpenSSL and Windows
	// refuse as an issuer. The QMC never writes one.
	CodeRootNotCA = Codes.Warning("root-not-ca")
	// CodeClientNotForClientAuth: a client certificate whose extended key
	// usage leaves out client authentication; TLS servers refuse it.
	CodeClientNotForClientAuth = Codes.Warning("client-not-for-client-auth")
	// CodeKeyNotRSA: an ECDSA or Ed25519 key where the QMC issues RSA.
	CodeKeyNotRSA = Codes.Warning("key-not-rsa")
)

func newFinding(code coded.Code, role qlik.Role, file string, params ...string) finding.Finding {
	return finding.New(Codes, code, role, file, params...)
}
