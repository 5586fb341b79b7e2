#!/usr/bin/env bash
# Browser tests: installs what is missing (Debian's chromium and chromium-driver, a venv with selenium under
# .build-ci/), builds `parole`, and clicks through the pages of `parole serve` in headless Chromium
# (Tests/browser/test_pages.py). Screenshots go to .build-ci/screenshots/. Exits non-zero on any failure.
# Arguments are passed to test_pages.py (e.g. --only cohort_upload).
set -euo pipefail
cd "$(dirname "$0")/../.."

apt_install() {
  echo "browser tests: installing $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v chromium >/dev/null 2>&1 || apt_install chromium
command -v chromedriver >/dev/null 2>&1 || apt_install chromium-driver
# The system Python's venv module (Debian ships it apart, as python3-venv).
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || apt_install python3-venv

venv=.build-ci/venv
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p .build-ci
  python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import selenium' >/dev/null 2>&1 || "$venv/bin/pip" install -q selenium

swift build --product parole
bin="$(swift build --show-bin-path)"
# Selenium must not fetch a driver or a browser: both are Debian's.
export SE_OFFLINE=true
exec "$venv/bin/python" Tests/browser/test_pages.py --parole "$bin/parole" --screenshots .build-ci/screenshots "$@"
