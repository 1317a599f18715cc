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

# Only make test needs these: headless Chromium and its WebDriver load the
# phone page in a browser test, and zbarimg reads the join screen's QR code
# back. make run leaves them out.
TEST_DEB_PACKAGES := chromium chromium-driver zbar-tools

VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
PACKAGE := dist/fulcrum-$(VERSION)-linux-amd64.tar.xz

# staticcheck is pinned (v0.8.2 is the release that runs with Go 1.26; the
# module proxy refuses its 2026.2.2 tag) and installed into bin/tools on
# first use, so every machine applies the same checks.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := bin/tools/staticcheck

.PHONY: run test test-deps deps go-check build lint vet unit fuzz smoke package package-check bench bench-chromium clean

run: build
	./$(BIN) $(ARGS)

# package-check runs the smoke test (.ci/smoke) on the installed binary, so
# the window is opened once, by the binary a user installs.
#
# lint, vet, unit, fuzz and package-check run side by side, three at a time.
# Each has stretches on one core (staticcheck's loading, the slower half of
# the app's tests, linking, the smoke test's waits), and one after another
# they left a core idle; together the suite takes about as long as its CPU
# time over the cores. --output-sync keeps each one's output in one piece.
test: export FULCRUM_REQUIRE_TOOLS = 1
test: export FULCRUM_REQUIRE_BROWSER = 1
test: test-deps go-check
	@$(MAKE) --no-print-directory -j3 --output-sync=target lint vet unit fuzz package-check

test-deps: DEB_PACKAGES += $(TEST_DEB_PACKAGES)
test-deps: deps

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

# lint fails on any staticcheck finding and on any file gofmt would change,
# in the packages and in the programs under .ci, which ./... leaves out.
lint: deps go-check
	@$(STATICCHECK) -version 2>/dev/null | grep -qF '($(STATICCHECK_VERSION:v%=%))' || { \
		echo "Installing staticcheck $(STATICCHECK_VERSION) into bin/tools"; \
		GOBIN=$(CURDIR)/bin/tools $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION); }
	@rc=0; ci=$$(find .ci -name '*.go' -printf './%h\n' | sort -u); \
	echo "$(STATICCHECK) ./..." $$ci; $(STATICCHECK) ./... $$ci || rc=1; \
	unformatted=$$("$$($(GO) env GOROOT)/bin/gofmt" -l .) || rc=1; \
	if [ -n "$$unformatted" ]; then echo "gofmt would change these files (run gofmt -w):"; echo "$$unformatted"; rc=1; fi; \
	exit $$rc

vet: go-check
	$(GO) vet ./...

# unit runs every test under -race and the app's goroutine-leak test
# without it; .ci/unit runs the app's tests as two processes beside the
# other packages (one test process keeps one core busy) and ends with the
# ten slowest tests, so the next slow one is seen.
unit: go-check
	@$(GO) build -o bin/tools/slowest ./.ci/slowest
	@GO=$(GO) bash .ci/unit

# The fuzz targets run a fixed number of inputs (3 to 10 s each here);
# what they find goes into testdata/fuzz when committed, and every committed
# input runs in the unit tests. FuzzImportThroughStore commits to a real
# file for every input it accepts, so it runs fewer inputs than the rest. The budgets are counts, not durations: Go
# 1.26's fuzz coordinator can report "context deadline exceeded" as a
# failure when a duration ends with a worker mid-input (go.dev/issue/75804),
# which failed a CI run on two loaded cores; a count has no deadline.
fuzz: go-check
	$(GO) test -run '^$$' -fuzz FuzzImport -fuzztime 30000x -fuzzminimizetime 1000x ./canvas/
	$(GO) test -run '^$$' -fuzz FuzzTemplate -fuzztime 60000x -fuzzminimizetime 1000x ./canvas/
	$(GO) test -run '^$$' -fuzz FuzzAppendString -fuzztime 100000x -fuzzminimizetime 1000x ./canvas/store/
	$(GO) test -run '^$$' -fuzz FuzzImportThroughStore -fuzztime 20000x -fuzzminimizetime 1000x ./canvas/store/
	$(GO) test -run '^$$' -fuzz FuzzDecodeAnswer -fuzztime 50000x -fuzzminimizetime 1000x ./app/phones/

smoke: build
	bash .ci/smoke $(BIN)

# The installable archive: binary, icon, menu entry in three languages, the
# fonts' licences and a Makefile with install and user-install targets.
package: deps go-check
	bash .ci/package

# The check unpacks what it checks, so make test compresses its archive at
# xz's fastest level: the same files, about 10% larger, and 20 s of CPU
# less than the default level that make package uses for the archive users
# get. (A target's variables apply to its prerequisites too.)
package-check: export XZ_OPT = -1 -T0
package-check: package
	bash .ci/package-check $(PACKAGE)

bench: deps go-check
	bash .ci/bench

# The export against headless Chromium printing the same report as HTML
# (.ci/reporthtml), alternated, RUNS (default 9, at least 7) times each;
# installs chromium when missing.
bench-chromium: deps go-check
	bash .ci/bench-chromium

clean:
	rm -rf bin dist
