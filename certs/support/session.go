package support

import "os/user"

// Session is who ran the program, where, and with which rights: a support
// engineer's first questions ("which Windows build?", "as which user?",
// "elevated?"), since stores and key access depend on all three.
type Session struct {
	// OSBuild names the system and its build, as Windows' winver shows it
	// ("Windows Server 2022 Standard 21H2 (10.0.20348.2113)").
	OSBuild string `json:"osBuild"`
	// User is the account the program runs as (DOMAIN\name on Windows).
	User string `json:"user"`
	// Elevated: run as administrator (Windows' elevated token; root
	// elsewhere). Without it the machine's stores cannot be changed.
	Elevated bool `json:"elevated"`
}

// ThisSession describes the running program's session. What cannot be
// found is left empty; it never fails.
func ThisSession() Session {
	s := Session{OSBuild: osBuild(), Elevated: elevated()}
	if u, err := user.Current(); err == nil {
		s.User = u.Username
	}
	return s
}
