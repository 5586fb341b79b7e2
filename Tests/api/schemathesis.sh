#!/usr/bin/env bash
# The JSON API against its own description (issue 16): builds `parole`, starts `parole serve` on a free loopback
# port, and runs schemathesis (PyPI) against /api/v1/openapi.json: generated requests, valid and invalid, to every
# operation; every answer must be documented (status, content type) and valid against its JSON Schema, and none
# may be a server error. A failure fails the script (and CI). Bounded: a fixed number of examples per operation
# and an overall time limit.
#
# Usage: Tests/api/schemathesis.sh            (run by .ci/run after `swift test`)
# Needs: swift, python3 with venv; pip reaches PyPI (or the wheels of $PIP_FIND_LINKS). The virtual environment
# lives in .build-ci/venv (git-ignored) and is kept between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
examples=${SCHEMATHESIS_EXAMPLES:-40}
seconds=${SCHEMATHESIS_SECONDS:-240}

if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  echo "api: installing python3-venv"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
fi
venv=.build-ci/venv
if [ ! -x "$venv/bin/schemathesis" ]; then
  echo "api: installing schemathesis into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check schemathesis
fi
"$venv/bin/schemathesis" --version

swift build --product parole
bin="$(swift build --show-bin-path)/parole"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/parole-api.XXXXXX")
# The corpus-validation stamp and the search index (the one thing the server writes) stay in the temporary folder.
export PAROLE_CACHE="$tmp/cache" XDG_STATE_HOME="$tmp/state"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --host 127.0.0.1 --port "$port" > "$tmp/serve.log" 2>&1 &
server=$!
stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap stop EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$base/api/v1/openapi.json" \
      2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "api: parole serve exited:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.5
done

echo "api: schemathesis against $base/api/v1/openapi.json ($examples examples per operation, at most ${seconds}s)"
status=0
# Run from the temporary folder: schemathesis keeps its example database in the working directory.
venv=$PWD/$venv
cd "$tmp"
timeout --signal=INT "$seconds" "$venv/bin/schemathesis" run "$base/api/v1/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
  --max-examples "$examples" --seed 16 --workers 2 --request-timeout 20 --no-color \
  --report junit --report-dir "$tmp/report" || status=$?
if [ "$status" -ne 0 ]; then
  echo "api: schemathesis failed (exit $status); the server's log:" >&2
  tail -n 50 "$tmp/serve.log" >&2
  exit 1
fi
echo "api: schemathesis passed"
