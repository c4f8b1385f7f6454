#!/usr/bin/env bash
# Runs every test of qscert: vet (Linux and Windows builds), the unit and
# integration tests, a short fuzzing of every parser, and the tests that
# need real parts (nginx, Wine, Xvfb) once those land. Installs what is
# missing first. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_packages "${GUI_BUILD_PACKAGES[@]}" git ca-certificates
ensure_go
# Fyne logs a parse error for the "C" locale of servers at start-up;
# a plain English locale keeps the output readable.
export LANG=en_US.UTF-8

step() { printf '\n==> %s\n' "$*"; }

step "go mod download"
go mod download

step "go vet (linux)"
go vet ./...
step "go vet (windows, no cgo)"
GOOS=windows CGO_ENABLED=0 go vet ./...

step "go test (no cgo: everything but the desktop driver)"
CGO_ENABLED=0 go test -count=1 ./...

step "go build with the desktop driver (cgo)"
mkdir -p bin
go build -o bin/qscert .
GOOS=windows CGO_ENABLED=0 go build -o bin/qscert-cli.exe .

step "fuzz every parser briefly"
fuzz_time="${QSCERT_FUZZ_TIME:-10s}"
for target in $(go test -list '^Fuzz' ./certs/ | grep '^Fuzz'); do
	CGO_ENABLED=0 go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzz_time" -fuzzminimizetime 2s ./certs/
done

step "all tests passed"
