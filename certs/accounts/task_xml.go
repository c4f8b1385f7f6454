package accounts

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"unicode/utf16"
)

// taskXML is the Task Scheduler 2.0 definition of a one-shot task that
// runs program with arguments (one Windows command line) as def.Account:
// no trigger (it runs when asked, once), hidden, ten minutes at most, in
// UTF-16LE with its byte-order mark, as schtasks /XML reads it.
//
// The built-in accounts are named by SID with LogonType ServiceAccount
// (what Task Scheduler itself writes for them); a managed service account
// by name with LogonType Password and no password: the Task Scheduler
// fetches a gMSA's password from the domain, as for a service.
func taskXML(a Account, program, arguments string) []byte {
	user, logon := a.SID, "ServiceAccount"
	if a.Kind == KindManaged {
		user, logon = a.Name, "Password"
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>qscert: one run as `)
	esc(&b, a.Name)
	b.WriteString(`, deleted when it ends</Description>
  </RegistrationInfo>
  <Principals>
    <Principal id="Account">
      <UserId>`)
	esc(&b, user)
	b.WriteString(`</UserId>
      <LogonType>`)
	b.WriteString(logon)
	b.WriteString(`</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>false</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <IdleSettings>
      <StopOnIdleEnd>false</StopOnIdleEnd>
      <RestartOnIdle>false</RestartOnIdle>
    </IdleSettings>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>true</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <ExecutionTimeLimit>PT10M</ExecutionTimeLimit>
    <Priority>7</Priority>
  </Settings>
  <Actions Context="Account">
    <Exec>
      <Command>`)
	esc(&b, program)
	b.WriteString(`</Command>
      <Arguments>`)
	esc(&b, arguments)
	b.WriteString(`</Arguments>
    </Exec>
  </Actions>
</Task>
`)
	u := utf16.Encode([]rune(b.String()))
	out := make([]byte, 2, 2+2*len(u))
	out[0], out[1] = 0xFF, 0xFE // UTF-16LE byte-order mark
	for _, c := range u {
		out = binary.LittleEndian.AppendUint16(out, c)
	}
	return out
}

func esc(b *bytes.Buffer, s string) { _ = xml.EscapeText(b, []byte(s)) }
