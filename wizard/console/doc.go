// Package console is the wizard in a terminal: the console twin of the
// window (package wizard), for machines where the window cannot open (no
// OpenGL 2.1: a Remote Desktop session, a virtual machine without 3D, a
// server core) and for anyone who asks for it (`qscert --console`).
//
// It walks the same flow (package wizard/flow) as the window: the same
// steps in the same order, the same questions with the same words, the
// same checks, plans, install and connection test. What a step shows is
// printed as plain sentences that stay on the screen, so the terminal
// keeps a transcript a support engineer can read back or copy; what a
// step asks is asked with github.com/charmbracelet/huh.
//
// Two modes (Mode): Forms draws huh's forms in place (arrows, Tab,
// masked passwords); Lines is huh's accessible mode, one plain line per
// prompt, for screen readers and for terminals that cannot draw: no
// terminal at all (a pipe), TERM=dumb, or a Windows console that does not
// interpret escape sequences (consoles before Windows 10, and Wine's).
// Passwords are never echoed in either mode, never printed, never logged:
// the flow keeps them in memory only.
//
// The package never imports Fyne, so it runs in the CLI-only build
// (CGO_ENABLED=0) as in the desktop one.
package console
