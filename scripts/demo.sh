#!/usr/bin/env bash
# Opens the qscert wizard in demo mode: a generated export, a sandbox store
# and a simulated Qlik Sense server; nothing on this computer is changed.
# Installs what is missing first (Go, the C libraries Fyne needs).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_packages "${GUI_BUILD_PACKAGES[@]}" libgl1-mesa-dri
ensure_go
mkdir -p bin
echo "qscert: building (the first build of the window takes a few minutes)" >&2
go build -o bin/qscert .
exec bin/qscert --demo "$@"
