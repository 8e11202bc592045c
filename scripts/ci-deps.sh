#!/usr/bin/env bash
# Debian packages that `npm run test:e2e` (code-server under headless Chromium) needs:
#   chromium     the browser Playwright drives (/usr/bin/chromium)
#   libkrb5-dev  a native module of code-server includes gssapi/gssapi.h
#   ripgrep      stands in for the rg that @vscode/ripgrep would download
#   build-essential python3  node-gyp builds code-server's native modules
# Idempotent: installs only what is missing. Must run as root (CI is root).
set -euo pipefail
pkgs=(chromium libkrb5-dev ripgrep build-essential python3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "ci-deps: all present (${pkgs[*]})"
  exit 0
fi
echo "ci-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
