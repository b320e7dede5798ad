#!/usr/bin/env bash
# Builds llama.cpp's llama-server (CPU only) for the real-engine tests, once per machine.
#
# Source: the llama.cpp tree that the npm package node-llama-cpp ships as
# llama/gitRelease.bundle. We fetch ONLY that package's tarball (`npm pack`), never
# `npm install` it (that would pull ~730 MB of optional GPU binaries), clone the bundle
# and build the single `llama-server` target with Debian's cmake and g++.
#
# Cache: ${SSEUGI_CACHE:-~/.cache/sseugi}/llama-server-<version>/bin/llama-server.
# A cached binary that still answers `--version` is reused; otherwise it is rebuilt.
# First run: about 5-10 minutes on 2 cores (see README); later runs: under a second.
#
# Prints the binary's path on its last line. Exit code != 0 when it cannot build.
set -euo pipefail

# The whole script is one function, read before it runs: editing this file while a build
# is running (e.g. a git checkout) cannot make bash execute a shifted line.
main() {
  NODE_LLAMA_CPP_VERSION="3.22.1"   # pinned: the llama.cpp source version the tests were written for
  CACHE_ROOT="${SSEUGI_CACHE:-$HOME/.cache/sseugi}"
  DEST="$CACHE_ROOT/llama-server-$NODE_LLAMA_CPP_VERSION"
  BIN="$DEST/bin/llama-server"
  JOBS="${LLAMA_BUILD_JOBS:-2}"

  log() { echo "[llama-server setup] $*" >&2; }

  if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
    echo "$BIN"
    exit 0
  fi

  missing=()
  for tool in cmake g++ make git; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    # Like test/ensure-chromium.sh: install with Debian's apt when we are root, else say how.
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      log "installing ${missing[*]} (Debian packages) to build llama-server"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
    else
      log "missing ${missing[*]}: install them (Debian: sudo apt-get install -y cmake g++ make git)"
      exit 1
    fi
  fi

  mkdir -p "$CACHE_ROOT"
  # One build at a time per machine (parallel test runs, several checkouts): wait for the
  # other one, then reuse what it built.
  exec 9>"$CACHE_ROOT/llama-server.lock"
  flock 9
  if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
    echo "$BIN"
    exit 0
  fi
  WORK="$(mktemp -d "$CACHE_ROOT/build-XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT

  log "fetching node-llama-cpp@$NODE_LLAMA_CPP_VERSION tarball (source only, no install)"
  ( cd "$WORK" && npm pack "node-llama-cpp@$NODE_LLAMA_CPP_VERSION" --silent >/dev/null )
  tar -xzf "$WORK/node-llama-cpp-$NODE_LLAMA_CPP_VERSION.tgz" -C "$WORK" \
    package/llama/gitRelease.bundle package/llama/llama.cpp.info.json
  git clone --quiet "$WORK/package/llama/gitRelease.bundle" "$WORK/src" 2>/dev/null

  log "building llama-server with $JOBS jobs (first run takes several minutes)"
  # LLAMA_BUILD_UI/LLAMA_USE_PREBUILT_UI=OFF: no web UI and no download of a prebuilt one
  # (the tests have no internet); LLAMA_OPENSSL=OFF: plain HTTP on 127.0.0.1 is all we need;
  # GGML_NATIVE=OFF would be portable, but the binary is per machine, so native is fine.
  cmake -S "$WORK/src" -B "$WORK/build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=ON \
    -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_APP=OFF \
    -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
    -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF \
    -DGGML_CUDA=OFF -DGGML_VULKAN=OFF -DGGML_METAL=OFF \
    >"$WORK/cmake.log" 2>&1 || { cat "$WORK/cmake.log" >&2; exit 1; }
  cmake --build "$WORK/build" --config Release --target llama-server -j "$JOBS" \
    >"$WORK/build.log" 2>&1 || { tail -50 "$WORK/build.log" >&2; exit 1; }

  mkdir -p "$DEST/bin.tmp"
  cp "$WORK/build/bin/llama-server" "$DEST/bin.tmp/"
  cp "$WORK/package/llama/llama.cpp.info.json" "$DEST/"
  ( cd "$WORK/src" && git rev-parse HEAD ) > "$DEST/llama.cpp.commit"
  rm -rf "$DEST/bin" && mv "$DEST/bin.tmp" "$DEST/bin"
  "$BIN" --version >/dev/null 2>&1 || { log "built binary does not run"; exit 1; }
  log "cached at $BIN"
  echo "$BIN"
}

main "$@"
