# Framelens build. `make run` and `make test` work on a fresh Debian 12
# machine: they install what is missing, fetch modules, build, then run.

SHELL := /bin/bash
BIN   := framelens
GO    ?= go
export LANG ?= en_US.UTF-8
export CGO_ENABLED := 1

# Debian packages the build and the tests need.
DEB_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev xvfb xauth chromium
SHOT_PKGS := imagemagick

.PHONY: run test bench build deps deps-go screenshot lint quality clean

build: deps $(BIN)

$(BIN): $(shell find . -name '*.go' -not -path './.git/*') $(shell find assets -type f) go.mod go.sum
	$(GO) build -o $(BIN) .

run: build
	./$(BIN)

## test: formatting, vet and staticcheck, then every test: unit, engine
## quality, headless UI (-tags ci), exports in headless Chromium.
test: lint
	$(GO) test -count=1 -tags ci ./...

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem -tags ci ./...

lint: deps
	@unformatted="$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags ci ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 -tags ci ./...

## quality: the engine scored with score.py on the labelled events it was
## made on (shared and ours), then on the unseen ones.
quality: build
	python3 ../shared/eval/score.py --cmd "./$(BIN) compare --format json" ../shared/eval/dev testdata/events
	python3 ../shared/eval/score.py --cmd "./$(BIN) compare --format json" testdata/unseen

screenshot: build
	@command -v import >/dev/null 2>&1 && import -version 2>/dev/null | grep -q ImageMagick || $(MAKE) --no-print-directory apt PKGS="$(SHOT_PKGS)"
	./assets/screenshot.sh ./$(BIN)

deps: deps-go
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then $(MAKE) --no-print-directory apt PKGS="$$missing"; fi

deps-go:
	@command -v $(GO) >/dev/null 2>&1 || { echo "Go is not installed: install Go 1.26 from go.dev/dl (or your package manager) and run again" >&2; exit 1; }
	$(GO) mod download

apt:
	@echo "Installing Debian packages:$(PKGS)"
	@if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(PKGS)

clean:
	rm -f $(BIN)
