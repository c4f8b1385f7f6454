// Package machine tells this computer's names and addresses: what goes into
// the QMC's "Add machine name" field, and what the server certificate of an
// export made for this computer names.
package machine

import (
	"context"
	"net"
	"os"
	"slices"
	"sort"
	"strings"
	"time"
)

// Info is this computer as the QMC sees it.
type Info struct {
	Hostname string   `json:"hostname"`
	FQDN     string   `json:"fqdn"` // empty when it cannot be found
	IPs      []string `json:"ips"`  // non-loopback addresses, IPv4 first
}

// Names returns what the export may have been made for, as typed into the
// QMC's "Add machine name", which takes "the full name of your computer or
// its IP address": the FQDN, the host name, then the IP addresses (the
// welcome page offers all of them to copy), without duplicates. The first
// is the one messages name.
func (i Info) Names() []string {
	var out []string
	for _, n := range append([]string{i.FQDN, i.Hostname}, i.IPs...) {
		if n != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, n) }) {
			out = append(out, n)
		}
	}
	return out
}

// lookupTimeout bounds the DNS work: a machine without a reachable DNS
// server must not make the wizard wait.
const lookupTimeout = 800 * time.Millisecond

// This describes this computer. It never fails: what cannot be found is
// left empty.
func This() Info {
	host, _ := os.Hostname()
	info := Info{Hostname: host, IPs: addresses()}
	info.FQDN = fqdn(host)
	return info
}

// addresses lists the non-loopback, non-link-local unicast addresses.
func addresses() []string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var v4, v6 []string
	for _, a := range addrs {
		ipnet, ok := a.(*net.IPNet)
		if !ok || ipnet.IP.IsLoopback() || ipnet.IP.IsLinkLocalUnicast() || ipnet.IP.IsLinkLocalMulticast() {
			continue
		}
		if ipnet.IP.To4() != nil {
			v4 = append(v4, ipnet.IP.String())
		} else {
			v6 = append(v6, ipnet.IP.String())
		}
	}
	sort.Strings(v4)
	sort.Strings(v6)
	return append(v4, v6...)
}

// fqdnFromDNS asks the resolver for the canonical name of host, the way
// `hostname -f` does, within lookupTimeout.
func fqdnFromDNS(host string) string {
	if host == "" {
		return ""
	}
	if strings.Contains(host, ".") {
		return host
	}
	ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
	defer cancel()
	if cname, err := net.DefaultResolver.LookupCNAME(ctx, host); err == nil {
		if c := strings.TrimSuffix(cname, "."); strings.Contains(c, ".") {
			return c
		}
	}
	addrs, err := net.DefaultResolver.LookupHost(ctx, host)
	if err != nil {
		return ""
	}
	for _, a := range addrs {
		names, err := net.DefaultResolver.LookupAddr(ctx, a)
		if err != nil {
			continue
		}
		for _, n := range names {
			n = strings.TrimSuffix(n, ".")
			if strings.Contains(n, ".") && strings.HasPrefix(strings.ToLower(n), strings.ToLower(host)+".") {
				return n
			}
		}
	}
	return ""
}
