# Fulcrum. `make run` and `make test` install what this Debian machine lacks
# first, so both work on a fresh clone.

SHELL  := /bin/bash
GO     ?= go
BIN    := bin/fulcrum
export LANG := en_US.UTF-8

# Fyne needs cgo and the X11/OpenGL headers; Xvfb, xdotool and ImageMagick run
# the window smoke test; poppler-utils reads PDFs back in tests;
# fonts-droid-fallback lets the UI show Chinese; desktop-file-utils and
# xz-utils build and check the package.
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	xvfb xdotool imagemagick x11-utils poppler-utils fonts-droid-fallback \
	desktop-file-utils xz-utils

VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
PACKAGE := dist/fulcrum-$(VERSION)-linux-amd64.tar.xz

.PHONY: run test deps go-check build vet unit fuzz smoke package package-check bench clean

run: build
	./$(BIN) $(ARGS)

test: deps go-check vet unit fuzz smoke package-check

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		sudo=""; [ "$$(id -u)" -ne 0 ] && sudo=sudo; \
		echo "Installing Debian packages:$$missing"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

go-check:
	@command -v $(GO) >/dev/null || { echo "Go 1.25 or newer is needed: https://go.dev/dl/ (Debian's golang-go is too old)"; exit 1; }

build: deps go-check
	$(GO) build -o $(BIN) ./cmd/fulcrum

vet: go-check
	$(GO) vet ./...

unit: go-check
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'TestNoGoroutineLeak' ./app/ ./canvas/store/

# The fuzz targets run for 20 and 10 s; what they find goes into testdata/fuzz
# when committed, and every committed input runs in the unit tests.
fuzz: go-check
	$(GO) test -run '^$$' -fuzz FuzzImport -fuzztime 20s -fuzzminimizetime 2s ./canvas/
	$(GO) test -run '^$$' -fuzz FuzzAppendString -fuzztime 10s -fuzzminimizetime 2s ./canvas/store/
	$(GO) test -run '^$$' -fuzz FuzzImportThroughStore -fuzztime 10s -fuzzminimizetime 2s ./canvas/store/

smoke: build
	bash .ci/smoke $(BIN)

# The installable archive: binary, icon, menu entry in three languages, the
# fonts' licences and a Makefile with install and user-install targets.
package: deps go-check
	bash .ci/package

package-check: package
	bash .ci/package-check $(PACKAGE)

bench: deps go-check
	bash .ci/bench

clean:
	rm -rf bin dist
