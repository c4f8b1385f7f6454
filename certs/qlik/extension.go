package qlik

import (
	"crypto/x509"
	"encoding/asn1"
	"strings"
)

// OIDRole is the private extension Qlik puts on every certificate it
// issues. Its value is an OCTET STRING holding "Client", "Server" or "Root";
// public backup scripts find Qlik certificates by it.
var OIDRole = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 13, 3}

// ClientName is the CN of the certificate that third-party products
// present to the Qlik Sense services.
const ClientName = "QlikClient"

// RoleOf reads the Qlik role extension. ok is false when the certificate
// does not carry it (it is not a Qlik certificate, or a tool stripped it).
func RoleOf(c *x509.Certificate) (role Role, ok bool) {
	for _, ext := range c.Extensions {
		if !ext.Id.Equal(OIDRole) {
			continue
		}
		value := ext.Value
		// The value is a DER OCTET STRING; accept the bare text too, since
		// nothing is gained by rejecting a certificate over it.
		var inner []byte
		if rest, err := asn1.Unmarshal(ext.Value, &inner); err == nil && len(rest) == 0 {
			value = inner
		}
		switch strings.ToLower(strings.TrimSpace(string(value))) {
		case "root":
			return RoleRoot, true
		case "client":
			return RoleClient, true
		case "server":
			return RoleServer, true
		}
		return "", true
	}
	return "", false
}

// SiteOfRoot returns the central node name a Qlik root names: its CN without
// the "-CA" suffix. ok is false when the CN has no such suffix.
func SiteOfRoot(root *x509.Certificate) (site string, ok bool) {
	return SiteOfCAName(root.Subject.CommonName)
}

// SiteOfCAName strips the "-CA" that Qlik appends to the central node's name
// to name its CA.
func SiteOfCAName(cn string) (string, bool) {
	if len(cn) > 3 && strings.EqualFold(cn[len(cn)-3:], "-CA") {
		return cn[:len(cn)-3], true
	}
	return "", false
}
