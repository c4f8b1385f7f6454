# Everyday targets. The README's two commands (scripts/demo.sh and
# scripts/test.sh) install what is missing; these assume it is there.
GO ?= go

.PHONY: build demo test test-fast test-windows fuzz bench bench-startup screenshots

build:
	$(GO) build -o bin/qscert .

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

# The quick loop: no cgo, so no desktop driver to build.
test-fast:
	CGO_ENABLED=0 $(GO) test ./...

# The certificate stores' tests as a Windows program under Wine.
test-windows:
	bash tools/wine/test-windows.sh

fuzz:
	for p in $$($(GO) list ./certs/...); do for t in $$(CGO_ENABLED=0 $(GO) test -list '^Fuzz' $$p | grep '^Fuzz'); do \
		CGO_ENABLED=0 $(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime 300000x -fuzzminimizetime 5000x $$p || exit 1; done; done

# One PNG per page of the install flow, in English and French, from the
# real program under Xvfb. Look at them before committing them.
screenshots:
	bash tools/screenshots.sh

bench-startup:
	bash bench/startup.sh

bench:
	bash bench/validate-vs-openssl.sh
	bash bench/qrs-vs-curl.sh
	bash tools/wine/test-windows.sh -run '^$$' -bench WindowsList ./certs/store
	bash bench/startup.sh
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench . -benchmem ./certs/...

# The Windows program (tools/windows/README.md): qscert.exe, the wizard and
# the commands, and qscert.com, its console twin, into bin/windows/.
.PHONY: windows release sign smoke-windows
windows:
	bash tools/windows/build.sh

# dist/qscert-VERSION-windows-amd64.zip, dist/qscert-VERSION-linux-amd64.tar.xz
# and dist/SHA256SUMS; signed when QSCERT_SIGN_PFX is set.
release:
	bash tools/windows/release.sh

# Signs bin/windows/qscert.exe and qscert.com (QSCERT_SIGN_PFX and
# QSCERT_SIGN_PASSWORD_FILE; see tools/windows/sign.sh).
sign:
	bash tools/windows/sign.sh

# The Windows program under Wine: console, exit codes, stores, signing, the
# window (its screenshot goes to docs/screenshots/windows-demo.png).
smoke-windows:
	bash tools/windows/smoke.sh docs/screenshots/windows-demo.png
