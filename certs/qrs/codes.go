package qrs

import "qscert/certs/coded"

// Codes is the table of the connection test's codes: the diagnoses and the
// set-up codes below. Each has advice under "code.<code>" in
// assets/translations/qrs.*.json and a test against qrstest or nginx that
// produces it.
var Codes = &coded.Registry{}

// Diagnosis codes: the outcome of one connection test.
var (
	CodeOK                 = Codes.Info("ok")
	CodeDNSFailed          = Codes.Error("dns-failed")           // the host name does not resolve
	CodeConnectionRefused  = Codes.Error("connection-refused")   // nothing listens on the port
	CodeTimeout            = Codes.Error("timeout")              // no answer in time (firewall, wrong port)
	CodeTLSUntrustedServer = Codes.Error("tls-untrusted-server") // we refused the server's certificate
	CodeTLSHostMismatch    = Codes.Error("tls-host-mismatch")    // the server's certificate names another host
	CodeTLSClientRejected  = Codes.Error("tls-client-rejected")  // the server refused our certificate
	CodeTLSHandshakeFailed = Codes.Error("tls-handshake-failed") // TLS failed for another reason
	CodeTLSWeakSignature   = Codes.Error("tls-weak-signature")   // the server's certificate is signed with SHA-1 or MD5
	CodeHTTP400Xrfkey      = Codes.Error("http-400-xrfkey")      // the xrfkey check failed on the way
	CodeHTTP401            = Codes.Error("http-401")             // no usable client certificate: Windows auth asked
	CodeHTTP403            = Codes.Error("http-403")             // the certificate's user has no rights
	CodeHTTPError          = Codes.Error("http-error")           // any other HTTP status
	CodeNotQRS             = Codes.Error("not-qrs")              // something answered, but not the QRS
	CodeNotEngine          = Codes.Error("not-engine")           // the optional Engine check: something else answered
)

// Codes of the test's set-up: it cannot run because there is no client
// certificate or root to use. They make the CLI exit with 2. An export that
// lacks them gives the export's own finding instead (file-missing,
// wrong-password, no-private-key...).
var (
	CodeStoreNoClient = Codes.Error("store-no-client") // no QlikClient with a private key in the stores
	CodeStoreNoRoot   = Codes.Error("store-no-root")   // no root in the stores signed the QlikClient found
)

// Reasons refine tls-untrusted-server and tls-client-rejected. Each has a
// sentence under "qrs.reason.<reason>", filled into the code's sentence as
// {{.reason}}.
const (
	ReasonNotSignedByRoot = "not-signed-by-root" // the server's certificate comes from another CA
	ReasonRootRecreated   = "root-recreated"     // it names the root, whose key did not sign it
	ReasonExpired         = "expired"            // the server's certificate expired
	ReasonNotYetValid     = "not-yet-valid"      // the server's certificate is not valid yet
	ReasonNotForServer    = "not-for-server"     // its key usage or extended key usage excludes a TLS server
	ReasonNoCertificate   = "no-certificate"     // the server sent no certificate
	ReasonAlert           = "alert"              // the server sent a TLS alert about our certificate
	ReasonClosed          = "closed"             // the server closed the connection after our certificate
	ReasonProxyRefused    = "proxy-refused"      // a TLS front end (nginx, ...) answered that our certificate failed
	ReasonProxyNoCert     = "proxy-no-cert"      // a TLS front end answered that no certificate was sent
)

// Reasons lists the reasons, for the translation tests.
var Reasons = []string{
	ReasonNotSignedByRoot, ReasonRootRecreated, ReasonExpired, ReasonNotYetValid, ReasonNotForServer, ReasonNoCertificate,
	ReasonAlert, ReasonClosed, ReasonProxyRefused, ReasonProxyNoCert,
}
