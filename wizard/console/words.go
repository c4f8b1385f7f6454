package console

import (
	"strconv"
	"strings"
)

func itoa(n int) string { return strconv.Itoa(n) }

// orNone is s, or the window's "(not found)" when it is empty.
func (w *wizard) orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return w.t("wizard.none")
	}
	return s
}

// dateFormat is the window's: ISO dates cannot be misread as day/month or
// month/day over a screen share.
const dateFormat = "2006-01-02"
