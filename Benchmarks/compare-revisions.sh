#!/usr/bin/env bash
# Side by side: this working tree against an earlier revision (a benchmark, not a test). Builds REV in a temporary
# git worktree, then times both on the same inputs in alternation, printing each pair and the ratio new/old:
#   - a 100,000-case batch across every jurisdiction into /dev/null (CPU time: user + system);
#   - one case across every jurisdiction in process (AtlasBench), with trace and dates only;
#   - a cold `parole simulate` (process start to exit, trusting a stamp).
# Usage: Benchmarks/compare-revisions.sh REV [rounds]     e.g. Benchmarks/compare-revisions.sh accac52 3
#        OLD_TREE=/tmp/old Benchmarks/compare-revisions.sh accac52   (reuse a built checkout of REV)
# The batch outputs are also compared byte for byte: a difference is reported (an answer changed).
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: Benchmarks/compare-revisions.sh REV [rounds]}
rounds=${2:-3}
# OLD_TREE=DIR reuses a checkout of REV built before (its .build/release is reused too).
if [ -n "${OLD_TREE:-}" ]; then
  old=$OLD_TREE
else
  old=$(mktemp -d /tmp/parole-rev-XXXXXX)
  trap 'git worktree remove --force "$old" >/dev/null 2>&1 || true; rm -rf "$old"' EXIT
  git worktree add -f --detach "$old" "$rev" >/dev/null
fi
echo "== building $rev and this tree (release)"
(cd "$old" && swift build -c release --product parole >/dev/null && swift build -c release --product AtlasBench >/dev/null)
swift build -c release --product parole >/dev/null
swift build -c release --product AtlasBench >/dev/null
new_bin=.build/release/parole; old_bin=$old/.build/release/parole
cases=$(mktemp /tmp/parole-cases-XXXXXX.jsonl)
python3 Benchmarks/make-cases.py "$cases" 100000
# Each revision reads its own corpus (the schema moves with the program). Lines are compared without the
# provenance each carries since 051892d (the corpus digest differs whenever the corpus does).
strip='import json,sys
for line in sys.stdin:
    o = json.loads(line); o.pop("provenance", None); print(json.dumps(o, sort_keys=True))'
if cmp -s <("$old_bin" simulate --batch "$cases" --corpus "$old/corpus" | python3 -c "$strip") \
          <("$new_bin" simulate --batch "$cases" --corpus corpus | python3 -c "$strip"); then
  echo "batch output: the same answers on 100,000 cases"
else
  echo "batch output: DIFFERS from $rev (an answer changed; name it in the commit)"
fi
cpu() { /usr/bin/time -f "%U %S" "$@" >/dev/null 2>"$cases.time"; awk '{printf "%.2f", $1 + $2}' < "$cases.time"; }
echo "== batch, 100,000 cases x every jurisdiction, CPU seconds ($rev vs this tree)"
for r in $(seq "$rounds"); do
  o=$(cpu "$old_bin" simulate --batch "$cases" --corpus "$old/corpus"); n=$(cpu "$new_bin" simulate --batch "$cases" --corpus corpus)
  python3 -c "print(f'round $r: $rev {float($o):.2f} s, this tree {float($n):.2f} s, ratio {float($n)/float($o):.2f}')"
done
echo "== one case across every jurisdiction, in process"
for r in $(seq "$rounds"); do
  echo "round $r, $rev:"; "$old/.build/release/AtlasBench" 2000 | tail -2
  echo "round $r, this tree:"; .build/release/AtlasBench 2000 | tail -2
done
echo "== cold simulate, median of 20 (trusting a stamp)"
export PAROLE_CACHE=$(mktemp -d /tmp/parole-cache-XXXXXX)
python3 - "$old_bin" "$new_bin" "$rev" "$old/corpus" <<'PY'
import subprocess, sys, time
def median(cmd, n=20):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    xs = []
    for _ in range(n):
        s = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        xs.append((time.perf_counter() - s) * 1000)
    return sorted(xs)[n // 2]
args = ["simulate", "--term", "9y", "--category", "grave", "--start", "2022-01-10", "--corpus"]
o, n = median([sys.argv[1]] + args + [sys.argv[4]]), median([sys.argv[2]] + args + ["corpus"])
print(f"{sys.argv[3]} {o:.1f} ms, this tree {n:.1f} ms, ratio {n / o:.2f}")
PY
rm -rf "$PAROLE_CACHE" "$cases" "$cases.time"
