package qlik

import (
	"crypto/x509"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Host is a Qlik Sense server as the user named it: the name (or IP
// address) and the port, when one was given.
type Host struct {
	Name string
	Port int // 0 when none was given
	// Decorated is true when the text was more than a name: a URL
	// ("https://qlik:4242/qmc") or a name with a port ("qlik:4242"). The
	// command line takes both; a form with a separate port field may
	// prefer to ask for the name alone.
	Decorated bool
}

// ParseHost reads what a user typed or pasted as the Qlik Sense server:
// "qlik", "qlik.corp.example", "10.0.0.5", "::1", "qlik:4242",
// "[::1]:4242" or "https://qlik:4242/qmc". ok is false when no host name can
// be taken from it, or when it holds anything a host name cannot (a user,
// a space, a path outside a URL): the URL built from the name must name
// exactly that host, never another.
func ParseHost(s string) (h Host, ok bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil || u.User != nil {
			return Host{}, false
		}
		h = Host{Name: u.Hostname(), Decorated: true}
		if p := u.Port(); p != "" {
			if h.Port, ok = parsePort(p); !ok {
				return Host{}, false
			}
		}
	} else if name, p, err := net.SplitHostPort(s); err == nil {
		h = Host{Name: name, Decorated: true}
		if h.Port, ok = parsePort(p); !ok {
			return Host{}, false
		}
	} else {
		h = Host{Name: strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")}
	}
	if !ValidHostName(h.Name) {
		return Host{}, false
	}
	return h, true
}

func parsePort(p string) (int, bool) {
	n, err := strconv.Atoi(p)
	return n, err == nil && n > 0 && n <= 65535
}

// ValidHostName reports whether name is a host name or an IP address and
// nothing more: https://NAME:4242/ must parse back to exactly that host.
// An empty name would dial this machine; a name with a path, a user or a
// space in it is not a name at all.
func ValidHostName(name string) bool {
	if name == "" || strings.ContainsAny(name, "/?#@\\ \t\r\n") {
		return false
	}
	u, err := url.Parse("https://" + net.JoinHostPort(name, "4242") + "/")
	return err == nil && u.Hostname() == name && u.Port() == "4242"
}

// NormalizeHost is a host name as compared: trimmed, lower case, without a
// trailing dot.
func NormalizeHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), ".")
}

// SameHost compares two machine names the way an administrator means them:
// case-insensitively, ignoring a trailing dot, and a short name matches an
// FQDN whose first label it is ("qlik" matches "qlik.corp.example").
// IP addresses match only themselves.
func SameHost(a, b string) bool {
	a = NormalizeHost(a)
	b = NormalizeHost(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if net.ParseIP(a) != nil || net.ParseIP(b) != nil {
		return SameName(a, b)
	}
	aShort := !strings.Contains(a, ".")
	bShort := !strings.Contains(b, ".")
	if aShort == bShort {
		return false // two FQDNs, or two short names, that differ
	}
	return firstLabel(a) == firstLabel(b)
}

// SameName compares two names exactly, as a TLS client does: case and a
// trailing dot aside, and IP addresses by value ("::1" is "0:0::1"). A
// short name never matches an FQDN.
func SameName(a, b string) bool {
	a, b = NormalizeHost(a), NormalizeHost(b)
	if a == "" || b == "" {
		return false
	}
	if ipA, ipB := net.ParseIP(a), net.ParseIP(b); ipA != nil || ipB != nil {
		return ipA != nil && ipB != nil && ipA.Equal(ipB)
	}
	return a == b
}

func firstLabel(h string) string {
	if i := strings.IndexByte(h, '.'); i >= 0 {
		return h[:i]
	}
	return h
}

// CertificateNames returns the names a certificate is for: its CN first, then
// its DNS and IP SANs. Qlik's older certificates carry the name only in the CN.
func CertificateNames(c *x509.Certificate) []string {
	var names []string
	if c.Subject.CommonName != "" {
		names = append(names, c.Subject.CommonName)
	}
	names = append(names, c.DNSNames...)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	return names
}

// CertificateNamesHost reports whether any of the certificate's names (CN
// included, unlike Go's VerifyHostname) is the same host as host.
func CertificateNamesHost(c *x509.Certificate, host string) bool {
	for _, n := range CertificateNames(c) {
		if SameHost(n, host) {
			return true
		}
	}
	return false
}
