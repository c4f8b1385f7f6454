//go:build !windows

package machine

func fqdn(host string) string { return fqdnFromDNS(host) }
