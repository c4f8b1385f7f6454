//go:build !windows

package app

func userFolders() []string { return homeFolders() }
