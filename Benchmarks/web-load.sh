#!/usr/bin/env bash
# Load on `parole serve` (issue 16, "Load"): `wrk` against the summary simulate endpoint, the full one and a country
# page, one after the other on loopback, each for a bounded time with a few connections. Prints, per run, requests
# per second, p50 and p99 latency, errors (socket errors and non-2xx answers), and the server's resident memory
# sampled every second (start, end, peak), to show it stays flat. Target on a 2-core machine: at least 2,000
# summary requests/s with p99 under 50 ms and no errors.
#
# Usage: Benchmarks/web-load.sh [SECONDS]     (default 60 for the summary run, half that for the others)
# Env:   CONNECTIONS (default 4), THREADS (default 2), PORT (default: a free one)
# Needs: swift, wrk (apt-get install -y wrk), python3. Builds into .build-bench (kept between runs; delete it when
# done); everything else goes to a temporary folder, deleted at the end. Other builds on the machine skew the
# figures: run it on a quiet machine for numbers to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
connections=${CONNECTIONS:-4}
threads=${THREADS:-2}
[[ $seconds =~ ^[0-9]+$ ]] && [ "$seconds" -ge 2 ] || { echo "web-load: SECONDS must be a whole number >= 2, not '$seconds'" >&2; exit 64; }
command -v wrk >/dev/null || { echo "web-load: wrk missing: apt-get install -y wrk" >&2; exit 69; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/web-load.XXXXXX")
export PAROLE_CACHE="$tmp/cache" XDG_STATE_HOME="$tmp/state"
server=""
stop() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap stop EXIT

step() { printf '\n== %s\n' "$*" >&2; }

step "building parole (release, .build-bench)"
swift build -c release --product parole --scratch-path .build-bench >&2
bin=.build-bench/release/parole

port=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
base="http://127.0.0.1:$port"
step "starting parole serve on $base"
"$bin" serve --host 127.0.0.1 --port "$port" > "$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$base/api/v1/openapi.json" \
    2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.5
done

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }

# One wrk run of `duration` seconds against `path`, the server's memory sampled every second meanwhile.
run() { # name duration path
  local name=$1 duration=$2 path=$3
  step "$name: wrk -t$threads -c$connections -d${duration}s $path"
  # One request first: the answer's size, and any lazy start-up work out of the timed run.
  local bytes
  bytes=$(python3 -c "import urllib.request, sys; print(len(urllib.request.urlopen(sys.argv[1]).read()))" "$base$path")
  : > "$tmp/rss.$name"
  ( while kill -0 "$server" 2>/dev/null; do rss >> "$tmp/rss.$name"; sleep 1; done ) &
  local sampler=$!
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$base$path" > "$tmp/wrk.$name"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  rss >> "$tmp/rss.$name"
  cat "$tmp/wrk.$name" >&2
  python3 - "$name" "$bytes" "$tmp/wrk.$name" "$tmp/rss.$name" >> "$tmp/summary" <<'PY'
import re, sys
name, size, wrk_path, rss_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
text = open(wrk_path).read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not m: return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
non2xx = int((re.search(r"Non-2xx or 3xx responses: (\d+)", text) or [0, 0])[1])
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
socket_errors = sum(map(int, sock.groups())) if sock else 0
rss = [int(x) / 1024 for x in open(rss_path).read().split()]
# Memory is flat when the second half of the run adds (next to) nothing: the first seconds fill caches and
# allocator pools once, which is growth of another kind.
half = rss[len(rss) // 2]
print(f"{name:<10} {size/1024:>9.1f} {rate:>10.0f} {total:>9} {ms('50%'):>8.2f} {ms('99%'):>8.2f} "
      f"{non2xx + socket_errors:>7} {rss[0]:>8.1f} {half:>8.1f} {rss[-1]:>8.1f} {max(rss):>8.1f} "
      f"{rss[-1] - half:>+9.1f}")
PY
}

half=$(( seconds / 2 ))
run summary "$seconds" "/api/v1/simulate?term=9y&category=grave&start=2022-01-10&detail=summary"
run full "$half" "/api/v1/simulate?term=9y&category=grave&start=2022-01-10"
run country "$half" "/jurisdictions/kz"

echo
echo "parole serve under wrk ($threads threads, $connections connections, loopback; $(nproc) cores)"
printf '%-10s %9s %10s %9s %8s %8s %7s %8s %8s %8s %8s %9s\n' run "KB/answer" "req/s" requests "p50 ms" "p99 ms" \
  errors "RSS0 MB" "RSSmid" "RSS1 MB" "peak MB" "2nd half"
cat "$tmp/summary"
