package glprobe

import "golang.org/x/sys/windows/registry"

const smRemoteSession = 0x1000 // SM_REMOTESESSION

// session tells whether this is a Remote Desktop session, where Windows
// gives OpenGL programs its GDI renderer (OpenGL 1.1) unless the GPU
// policy is set.
func session(func(string) string) string {
	if getSystemMetrics(smRemoteSession) != 0 {
		return "rdp"
	}
	return ""
}

// virtualMachine names the virtual machine, from the firmware's vendor and
// product as Windows records them; "" on real hardware.
func virtualMachine() string {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `HARDWARE\DESCRIPTION\System\BIOS`, registry.QUERY_VALUE)
	if err != nil {
		return ""
	}
	defer k.Close()
	vendor, _, _ := k.GetStringValue("SystemManufacturer")
	product, _, _ := k.GetStringValue("SystemProductName")
	return virtualMachineName(vendor, product)
}
