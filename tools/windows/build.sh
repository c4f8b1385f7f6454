#!/usr/bin/env bash
# Builds the Windows program (make windows):
#   bin/windows/qscert.exe  the wizard and the commands: GUI subsystem, cgo
#                           cross-compiled with mingw-w64, so a double-click
#                           opens the window and no console
#   bin/windows/qscert.com  the console twin (app/comlauncher): the same
#                           commands for cmd.exe, PowerShell and fleet tools,
#                           which find it first when `qscert` is typed
# Each carries an icon, a version resource (FileVersion, ProductVersion,
# ProductName, FileDescription, OriginalFilename) and an application
# manifest (Common Controls 6, per-monitor DPI awareness v2, asInvoker),
# made by go-winres from FyneApp.toml and assets/ at build time.
#
#   tools/windows/build.sh          # QSCERT_WINDOWS_OUT=DIR to build elsewhere
#
# The Go build cache makes a second run quick (seconds): only the link of
# qscert.exe is redone when nothing changed. The first cgo build of Fyne for
# Windows takes 5 to 10 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
. tools/windows/lib.sh
ensure_packages gcc-mingw-w64-x86-64 git
ensure_go

version=$(qscert_version)
name=$(fyne_app Name)
icon=$(fyne_app Icon)
# The window's title is the program's description (Task Manager and the
# file's Details show it).
title=$(sed -n 's/^[[:space:]]*"wizard.title":[[:space:]]*"\(.*\)",\{0,1\}$/\1/p' assets/translations/wizard.en.json)
[ -n "$title" ] || { echo "build: no wizard.title in assets/translations/wizard.en.json" >&2; exit 1; }
winres=$(host_tool "$WINRES_TOOL")
mkdir -p "$WINDOWS_OUT"

# go build takes resources only from a .syso file in the main package's
# folder (a -overlay does not reach them), so each is written there for
# its build and removed after; .gitignore keeps them out of commits.
made=()
cleanup() { [ ${#made[@]} -eq 0 ] || rm -f "${made[@]}"; }
trap cleanup EXIT

# resources DIR MANIFEST EXE DESCRIPTION writes DIR/rsrc_windows_amd64.syso.
resources() {
	local dir="$1" manifest="$2" exe="$3" description="$4"
	made+=("$dir/rsrc_windows_amd64.syso")
	"$winres" simply --arch amd64 --out "$dir/rsrc" --manifest "$manifest" \
		--product-name "$name" --file-description "$description" --original-filename "$exe" \
		--product-version "$version" --file-version "$version" --icon "$icon"
}

# The flags `fyne package --release` uses for Windows: GUI subsystem,
# stripped, trimmed paths, Fyne's release mode and its fyneDo migration
# (FyneApp.toml's [Migrations]).
ldflags="-s -w -X qscert/app.Version=$version"
tags=release
if grep -Eq '^[[:space:]]*fyneDo[[:space:]]*=[[:space:]]*true' FyneApp.toml; then tags=$tags,migrated_fynedo; fi

t0=$(date +%s)
resources . gui "$name.exe" "$title"
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC="$WINDOWS_CC" \
	go build -trimpath -tags "$tags" -ldflags "$ldflags -H=windowsgui" -o "$WINDOWS_OUT/$name.exe" .
t1=$(date +%s)
resources app/comlauncher cli "$name.com" "$title (command line)"
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
	go build -trimpath -ldflags "$ldflags" -o "$WINDOWS_OUT/$name.com" ./app/comlauncher
t2=$(date +%s)
echo "build: $WINDOWS_OUT/$name.exe ($(stat -c %s "$WINDOWS_OUT/$name.exe") bytes, $((t1 - t0)) s)" \
	"and $WINDOWS_OUT/$name.com ($(stat -c %s "$WINDOWS_OUT/$name.com") bytes, $((t2 - t1)) s), version $version" >&2
