// Package glprobe finds out, before Fyne is started, whether this session
// can give the wizard's window the OpenGL context Fyne asks for, and chooses
// what to do when it cannot.
//
// Fyne 2.7.1's GLFW driver asks for an OpenGL 2.1 context of any profile
// (internal/driver/glfw/glfw_core.go: ContextVersionMajor 2, ContextVersionMinor
// 1). A Remote Desktop session without a GPU, or a virtual machine without 3D
// acceleration, offers only Windows' built-in OpenGL 1.1; Fyne then shows its
// own "Fyne Error" box and exits the process (or, as seen under Wine and on
// Linux, logs "window creation error" and hangs). Probe asks the driver for
// what GLFW will ask for, the same way, on a thread of its own with a
// timeout, so that nothing it meets can end or hang the program. Decide turns
// the answer into "window", "console" or "quit", telling the user why in
// their language.
//
// The package never imports Fyne.
package glprobe
