package accounts

import (
	"crypto/sha1"
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf16"
)

// aliases are the names a service's configuration uses for the built-in
// accounts that LookupAccountName does not know: ServiceStartName is
// "LocalSystem" for SYSTEM, which LookupAccountName refuses
// (ERROR_NONE_MAPPED), and sc.exe and services.msc show the others as
// "NT AUTHORITY\LocalService" and "NT AUTHORITY\NetworkService".
var aliases = map[string]string{
	"localsystem":     SIDLocalSystem,
	"local system":    SIDLocalSystem,
	"system":          SIDLocalSystem,
	"localservice":    SIDLocalService,
	"local service":   SIDLocalService,
	"networkservice":  SIDNetworkService,
	"network service": SIDNetworkService,
}

// cleanName trims what an administrator pastes around a name: spaces and
// quotes.
func cleanName(typed string) string {
	return strings.Trim(strings.TrimSpace(typed), `"'`)
}

// aliasSID returns the SID of a built-in account named by one of its
// aliases ("LocalSystem", ".\LocalSystem", "NT AUTHORITY\Network Service"),
// or "".
func aliasSID(name string) string {
	n := strings.ToLower(name)
	for _, prefix := range []string{`.\`, `nt authority\`} {
		n = strings.TrimPrefix(n, prefix)
	}
	return aliases[n]
}

// localName turns ".\user" into "COMPUTER\user": LookupAccountName does
// not know the "." that services.msc writes for a local account.
func localName(name, computer string) string {
	if rest, ok := strings.CutPrefix(name, `.\`); ok && computer != "" {
		return computer + `\` + rest
	}
	return name
}

// virtualService returns the service named by a virtual account name
// ("NT SERVICE\MSSQLSERVER"), or "".
func virtualService(name string) string {
	domain, service, ok := strings.Cut(name, `\`)
	if !ok || !strings.EqualFold(domain, "NT SERVICE") || service == "" {
		return ""
	}
	return service
}

// ServiceSID is the SID Windows gives the virtual account of a service,
// NT SERVICE\<name>: S-1-5-80- followed by the SHA-1 of the upper-cased
// name in UTF-16LE, read as five little-endian 32-bit numbers. It is what
// `sc.exe showsid <name>` prints, for any name, installed or not, which is
// why an ACE can name a service's account before the service exists.
func ServiceSID(service string) string {
	u := utf16.Encode([]rune(strings.ToUpper(service)))
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	sum := sha1.Sum(b)
	var s strings.Builder
	s.WriteString("S-1-5-80")
	for i := 0; i < 5; i++ {
		s.WriteString("-")
		s.WriteString(strconv.FormatUint(uint64(binary.LittleEndian.Uint32(sum[4*i:])), 10))
	}
	return s.String()
}
