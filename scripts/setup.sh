#!/usr/bin/env bash
# Everything lectern needs on a fresh Debian/Ubuntu machine that has only Node.js: Debian's
# Chromium (PDF, handout, script, PPTX), the npm packages and the compiled CLI; with `test`,
# also poppler-utils and LibreOffice Impress, which the tests use to read the outputs. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
  && ! command -v google-chrome >/dev/null 2>&1 && ! command -v google-chrome-stable >/dev/null 2>&1; then
  need_apt+=(chromium)
fi
# `setup.sh test`: also what only the tests use: poppler-utils reads the PDFs, and
# LibreOffice Impress opens the editable PPTX to prove it opens.
if [ "${1:-}" = "test" ]; then
  command -v pdffonts >/dev/null 2>&1 || need_apt+=(poppler-utils)
  command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-impress)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing ${need_apt[*]} with apt-get" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install ${need_apt[*]} (no apt-get on this machine); or set CHROME_PATH to a Chrome/Chromium/Edge" >&2
  fi
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

# Compile every time, into an empty dist/: it takes seconds, and stale or moved modules would
# test old code.
rm -rf dist
npx tsc -p tsconfig.json
# npm makes a bin executable when it links it; a fresh dist/ is not linked again.
chmod +x dist/cli/main.js
