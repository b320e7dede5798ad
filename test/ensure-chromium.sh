#!/usr/bin/env bash
# Part of `npm test`: the end-to-end tests drive Debian's Chromium. On a fresh machine
# install it when we can (root with apt-get); otherwise say the one command that does.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $CHROMIUM: installing Debian's chromium for the end-to-end tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q --no-install-recommends chromium
  exit 0
fi
echo "The end-to-end tests need Chromium at $CHROMIUM. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
exit 1
