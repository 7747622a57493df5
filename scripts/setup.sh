#!/usr/bin/env bash
# Everything lectern needs on a fresh Debian/Ubuntu machine that has only Node.js:
# Debian's Chromium (PDF, handout, script, PPTX), poppler-utils and LibreOffice Impress (the
# tests read PDFs and open the editable PPTX with them), the npm packages, the compiled CLI. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
  && ! command -v google-chrome >/dev/null 2>&1 && ! command -v google-chrome-stable >/dev/null 2>&1; then
  need_apt+=(chromium)
fi
command -v pdffonts >/dev/null 2>&1 || need_apt+=(poppler-utils)
# The tests open the editable PPTX in LibreOffice Impress to prove it opens.
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-impress)

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

# Compile every time: it takes seconds and a stale dist/ would test old code.
npx tsc -p tsconfig.json
