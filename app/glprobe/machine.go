package glprobe

import "strings"

// vmMarks are words that the firmware of common hypervisors puts in its
// system vendor or product name (Linux: /sys/class/dmi/id, Windows:
// HKLM\HARDWARE\DESCRIPTION\System\BIOS).
var vmMarks = []string{
	"vmware", "virtualbox", "innotek", "qemu", "kvm", "xen", "parallels", "bochs",
	"virtual machine", // Hyper-V: "Microsoft Corporation" / "Virtual Machine"
	"amazon ec2", "google compute engine", "openstack", "nutanix", "bhyve",
}

// virtualMachineName returns "vendor product" when they name a virtual
// machine, "" otherwise.
func virtualMachineName(vendor, product string) string {
	both := strings.TrimSpace(vendor + " " + product)
	lower := strings.ToLower(both)
	for _, m := range vmMarks {
		if strings.Contains(lower, m) {
			return both
		}
	}
	return ""
}
