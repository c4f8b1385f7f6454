//go:build windows && !gles && !arm && !arm64

package glprobe

const driverProbed = true
