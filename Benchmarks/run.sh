#!/usr/bin/env bash
# Side-by-side timings (a benchmark, not a test): `parole validate` against `xmllint --noout --schema` on the same
# files in the same run, and a cold `parole simulate` from process start to exit.
# Usage: Benchmarks/run.sh [runs]     (needs xmllint from libxml2-utils; uses hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
command -v xmllint >/dev/null || { echo "bench: xmllint missing: apt-get install -y libxml2-utils" >&2; exit 69; }

swift build -c release --product parole >/dev/null
bin=.build/release/parole
# Every document `parole validate` reads, so that both tools do the same work.
files=(corpus/sources.xml corpus/vocabulary.xml corpus/cases.xml corpus/crosswalk.xml corpus/jurisdictions/*.xml
       corpus/instruments/*.xml corpus/annexes/*.xml)

# Mean wall time in milliseconds of "$@" over $runs runs.
mean_ms() {
  python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
t = []
for _ in range(runs):
    s = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t.append((time.perf_counter() - s) * 1000)
t.sort()
print(f"{sum(t)/len(t):.2f} {t[len(t)//2]:.2f}")
PY
}

report() { # name parole-cmd... -- xmllint-cmd...
  local name=$1; shift
  local a=() b=(); while [ "$1" != "--" ]; do a+=("$1"); shift; done; shift; b=("$@")
  read -r pm pmed <<<"$(mean_ms "${a[@]}")"
  read -r xm xmed <<<"$(mean_ms "${b[@]}")"
  python3 -c "print(f'$name: parole validate {float($pm):.1f} ms (median {float($pmed):.1f}), xmllint {float($xm):.1f} ms (median {float($xmed):.1f}), ratio {float($pm)/float($xm):.2f}x')"
}

echo "== bundled corpus (${#files[@]} documents)"
report "bundled" "$bin" validate -- xmllint --noout --nonet --schema schema/parole-atlas.xsd "${files[@]}"

# A larger corpus of the same shape (the bundled jurisdiction copied N times with its ids renamed), so that the
# fixed cost of starting a process weighs less and the per-document work is compared.
scaled=$(mktemp -d); trap 'rm -rf "$scaled"' EXIT
cp -r corpus/. "$scaled/"
n=${SCALE:-200}
python3 - "$scaled" "$n" <<'PY'
import re, sys, pathlib
root = pathlib.Path(sys.argv[1]); n = int(sys.argv[2])
src = (root / "jurisdictions/kz.xml").read_text()
for i in range(n):
    jid = f"zz-{i:03d}"  # ISO 3166 user-assigned code: never a real jurisdiction of the corpus
    text = src.replace('id="kz"', f'id="{jid}"')
    text = re.sub(r'(id|about|overrides|claim|set)="([^"]*)"',
                  lambda m: f'{m.group(1)}="' + " ".join(("x" + str(i) + "-" + w) if w.startswith("kz-") else w for w in m.group(2).split()) + '"',
                  text)
    (root / f"jurisdictions/{jid}.xml").write_text(text)
PY
sfiles=("$scaled"/sources.xml "$scaled"/vocabulary.xml "$scaled"/cases.xml "$scaled"/crosswalk.xml
        "$scaled"/jurisdictions/*.xml "$scaled"/instruments/*.xml "$scaled"/annexes/*.xml)
size=$(du -sh "$scaled" | cut -f1)
echo "== scaled corpus (${#sfiles[@]} documents, $size)"
"$bin" validate --corpus "$scaled" >/dev/null || { echo "bench: scaled corpus does not validate" >&2; "$bin" validate --corpus "$scaled" | head -3; exit 1; }
report "scaled" "$bin" validate --corpus "$scaled" -- xmllint --noout --nonet --schema schema/parole-atlas.xsd "${sfiles[@]}"

echo "== cold simulate (process start to exit)"
# As users run it: the first run checks the corpus and stamps it, later runs trust the stamp (see CheckedStamps).
export PAROLE_CACHE="$scaled/cache"
read -r sm smed <<<"$(mean_ms "$bin" simulate --term 9y --category grave --start 2022-01-10)"
read -r cm cmed <<<"$(PAROLE_CACHE=off mean_ms "$bin" simulate --term 9y --category grave --start 2022-01-10)"
unset PAROLE_CACHE
read -r vm vmed <<<"$(mean_ms "$bin" --help)"
echo "simulate: mean ${sm} ms, median ${smed} ms (target < 50 ms); every check run again (PAROLE_CACHE=off): mean ${cm} ms, median ${cmed} ms; bare process start (--help): ${vm} ms"
python3 -c "print(f'cold simulate / bare start: {float($smed)/float($vmed):.2f}x (goal 2x, issue 9)')"

echo "== in process: one case across every jurisdiction (target < 1 ms after the corpus is loaded)"
swift build -c release --product AtlasBench >/dev/null
.build/release/AtlasBench 2000

echo "== batch: random cases across every jurisdiction, streamed (target >= 50,000 cases/s, < 200 MB)"
cases=${CASES:-100000}
python3 Benchmarks/make-cases.py "$scaled/cases.jsonl" "$cases"
# Twice: into a file (as a user would), and into /dev/null (the program alone, without the disk). Each line is about
# 16 KB, so 100,000 cases write 1.6 GB.
/usr/bin/time -f "%e %M" -o "$scaled/time.txt" "$bin" simulate --batch "$scaled/cases.jsonl" > "$scaled/out.jsonl"
read -r secs kb < "$scaled/time.txt"
lines=$(wc -l < "$scaled/out.jsonl"); bytes=$(wc -c < "$scaled/out.jsonl"); rm -f "$scaled/out.jsonl"
python3 -c "print(f'batch into a file: $cases cases in {float($secs):.2f} s = {$cases/float($secs):,.0f} cases/s; peak memory {int($kb)/1024:.0f} MB; {$lines} lines, {$bytes/1e9:.2f} GB')"
# Three runs into /dev/null: this machine's speed varies from minute to minute, so each run is printed.
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$scaled/time.txt" "$bin" simulate --batch "$scaled/cases.jsonl" > /dev/null
  read -r secs kb < "$scaled/time.txt"
  python3 -c "print(f'batch into /dev/null (run $run): $cases cases in {float($secs):.2f} s = {$cases/float($secs):,.0f} cases/s; peak memory {int($kb)/1024:.0f} MB')"
done

echo "== reforms: the same batch under the law and under the report's Annex 3 (variant 1) applied (goal: no slower)"
# Alternated, three pairs: the machine's speed drifts, so each pair is compared as it ran.
for run in 1 2 3; do
  /usr/bin/time -f "%U %S %M" -o "$scaled/law.txt" "$bin" simulate --batch "$scaled/cases.jsonl" > /dev/null
  /usr/bin/time -f "%U %S %M" -o "$scaled/reform.txt" "$bin" simulate --batch "$scaled/cases.jsonl" \
      --reform kz-annex-3@1 --reform kz-recommendations > /dev/null
  read -r lu ls lkb < "$scaled/law.txt"; read -r ru rs rkb < "$scaled/reform.txt"
  python3 -c "l=float($lu)+float($ls); r=float($ru)+float($rs); print(f'pair $run: law alone {l:.2f} CPU s, under the reforms {r:.2f} CPU s, ratio {r/l:.2f}; peak memory {int($lkb)/1024:.0f} / {int($rkb)/1024:.0f} MB')"
done
