//go:build !windows

package glprobe

import (
	"os"
	"strings"
)

// session tells whether the display is one forwarded over SSH, whose GLX
// is indirect and rarely offers OpenGL 2.1.
func session(getenv func(string) string) string {
	if getenv("SSH_CONNECTION") != "" || getenv("SSH_CLIENT") != "" {
		return "ssh"
	}
	return ""
}

// virtualMachine names the virtual machine, from the firmware's vendor and
// product as Linux publishes them; "" elsewhere or on real hardware.
func virtualMachine() string {
	read := func(name string) string {
		b, err := os.ReadFile("/sys/class/dmi/id/" + name)
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(b))
	}
	return virtualMachineName(read("sys_vendor"), read("product_name"))
}
