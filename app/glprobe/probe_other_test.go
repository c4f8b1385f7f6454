//go:build !(windows && !gles && !arm && !arm64) && !(linux && cgo && !wayland && !gles && !arm && !arm64)

package glprobe

const driverProbed = false
