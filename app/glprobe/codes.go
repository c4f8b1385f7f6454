package glprobe

import "qscert/certs/coded"

// Codes is the table of the package's codes.
var Codes = &coded.Registry{}

// CodeNoOpenGL: the window cannot open for want of OpenGL 2.1, and no
// console wizard took over. Its sentence is "code.no-opengl" in
// glprobe.<lang>.json, with the parameter "required".
var CodeNoOpenGL = Codes.Error("no-opengl")

// NoOpenGL is the coded error for a window that cannot open.
func NoOpenGL(d Decision) error {
	return coded.New(CodeNoOpenGL, nil, "required", Required.String(), "probe", string(d.Probe.Reason))
}
