package i18n

import "strings"

// Capitalise turns "root certificate" into "Root certificate", for a
// sentence or a title that starts with a translated role.
func Capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
