# CareOps: every workflow in one place. `make run` and `make test` work on a fresh Debian 12
# machine as root: they install what is missing first (scripts/install-deps is idempotent).
.DEFAULT_GOAL := help
SHELL := /bin/bash
RELEASE_BIN := build/release/careops
DEBUG_BIN := build/debug/careops

.PHONY: help deps web build run debug test test-unit test-http test-e2e bench fmt fmt-check tidy clean

help:
	@echo "make run    install dependencies, build the release binary, serve on http://127.0.0.1:8000"
	@echo "make test   install dependencies, build with sanitizers, run unit, HTTP and browser tests"
	@echo "make build  release binary at $(RELEASE_BIN) (web app embedded)"
	@echo "make bench  load benchmarks (wrk) against the release binary"
	@echo "make fmt    clang-format every C++ file"

deps:
	@./scripts/install-deps

web: deps
	@cd web && npm run --silent build

build: web
	@cmake --preset release >/dev/null
	@cmake --build --preset release

run: build
	@mkdir -p data
	@./$(RELEASE_BIN) serve

debug: web
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug

test: debug
	@$(MAKE) --no-print-directory test-unit test-http test-e2e

test-unit:
	@ctest --preset debug -L unit

test-http:
	@ctest --preset debug -L http

test-e2e:
	@cd tests/e2e && CAREOPS_BINARY=$(CURDIR)/$(DEBUG_BIN) npm test

bench: build
	@./bench/run

fmt:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

fmt-check:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror

tidy:
	@cmake --preset debug >/dev/null
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p build/debug --quiet

clean:
	rm -rf build web/dist
