//go:build !wayland

package glprobe

// waylandBuild: Fyne's default build draws through X11.
const waylandBuild = false
