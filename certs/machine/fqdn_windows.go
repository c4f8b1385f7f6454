package machine

import (
	"strings"

	"golang.org/x/sys/windows"
)

// fqdn asks Windows for the DNS name it registers for this computer, which
// is what the QMC shows for a node and needs no network.
func fqdn(host string) string {
	// ComputerNameDnsFullyQualified = 3 in COMPUTER_NAME_FORMAT.
	const computerNameDNSFullyQualified = 3
	n := uint32(256)
	buf := make([]uint16, n)
	if err := windows.GetComputerNameEx(computerNameDNSFullyQualified, &buf[0], &n); err != nil {
		return fqdnFromDNS(host)
	}
	name := windows.UTF16ToString(buf[:n])
	if !strings.Contains(name, ".") {
		return ""
	}
	return name
}
