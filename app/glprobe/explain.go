package glprobe

import (
	"strconv"
	"strings"

	"qscert/assets/i18n"
)

// Explain says, in t's language, what is missing for the window, why when
// it can tell (a Remote Desktop session, SSH, a virtual machine), and how
// to get the window on goos ("windows" or another GOOS).
func Explain(r Result, t *i18n.Translator, goos string) string {
	params := map[string]string{
		"required": Required.String(),
		"display":  r.Display,
		"detail":   r.Detail,
		"machine":  r.Machine,
		"seconds":  strconv.Itoa(int(DefaultTimeout.Seconds())),
	}
	if r.Version != "" {
		params["offered"] = t.T("glprobe.offered", map[string]string{"version": r.Version, "renderer": r.Renderer})
	} else {
		params["offered"] = t.T("glprobe.offered.unknown")
	}
	reason := r.Reason
	if reason == "" {
		reason = ReasonFailed
	}
	lines := []string{t.T("glprobe.headline", params), t.T("glprobe.reason."+string(reason), params)}
	if r.Session != "" {
		lines = append(lines, t.T("glprobe.why."+r.Session, params))
	}
	if r.Machine != "" {
		lines = append(lines, t.T("glprobe.why.vm", params))
	}
	switch {
	case goos == "windows":
		lines = append(lines, "", t.T("glprobe.fix.windows", params))
	case reason == ReasonNoDisplay || reason == ReasonWaylandOnly || reason == ReasonDisplayUnreachable:
		lines = append(lines, t.T("glprobe.fix.display", params))
	default:
		lines = append(lines, t.T("glprobe.fix.x11", params))
	}
	return strings.Join(lines, "\n")
}
