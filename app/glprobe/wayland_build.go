//go:build wayland

package glprobe

// waylandBuild: built with Fyne's "wayland" tag, GLFW draws on Wayland
// through EGL, and WAYLAND_DISPLAY is the display to look for.
const waylandBuild = true
