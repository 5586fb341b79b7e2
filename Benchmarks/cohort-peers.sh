#!/usr/bin/env bash
# `parole cohort` side by side with its peers (issue 14, "Performance"), in one run: OpenFisca (the tool a policy
# analyst would use; Benchmarks/peers/openfisca_parole.py) and a plain C program (the lower bound;
# Benchmarks/peers/parole_cohort.c) decide the same Kazakh parole and replacement rules for the same synthetic
# population; each person's earliest dates are checked to agree, then wall and CPU time, people per second and peak
# memory are printed with the ratios.
#
# Usage: [RUNS=3] Benchmarks/cohort-peers.sh [N]      (default 1000000 people; the fastest of RUNS runs each)
# Needs: swift, cc, python3 with venv and network access for pip (openfisca-core, numpy, pandas), /usr/bin/time.
# Everything it makes goes to a temporary folder (deleted at the end) and .build-bench (kept between runs; delete
# it when done). Benchmark code only: nothing here is part of the product.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
as_of=2026-12-05
[[ $n =~ ^[0-9]+$ ]] || { echo "cohort-peers: N must be a whole number, not '$n'" >&2; exit 64; }
[ -x /usr/bin/time ] || { echo "cohort-peers: /usr/bin/time missing: apt-get install -y time" >&2; exit 69; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cohort-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# The corpus-validation stamp and its key stay in the temporary folder: the run leaves nothing behind.
export PAROLE_CACHE="$tmp/cache" XDG_STATE_HOME="$tmp/state"

step() { printf '\n== %s\n' "$*" >&2; }

step "building parole (release, .build-bench)"
swift build -c release --product parole --scratch-path .build-bench >&2
bin=.build-bench/release/parole

step "generating $n synthetic people (seed 7)"
"$bin" cohort generate --size "$n" --seed 7 --output "$tmp/pop.csv"
ls -l "$tmp/pop.csv" >&2

step "OpenFisca in a virtual environment"
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --disable-pip-version-check openfisca-core numpy pandas >&2
"$tmp/venv/bin/python" -c 'import importlib.metadata as m; print("  " + ", ".join(p + " " + m.version(p) for p in ("openfisca-core", "numpy", "pandas")))' >&2
py="$tmp/venv/bin/python"

step "compiling the C peer (cc -O2)"
cc -O2 -o "$tmp/parole_cohort" Benchmarks/peers/parole_cohort.c

# Untimed runs first: each writes every person's dates for the agreement check, and warms what a second run
# would find warm (the page cache, the corpus-validation stamp, Python's bytecode).
step "untimed runs writing each person's dates"
"$bin" cohort --input "$tmp/pop.csv" --as-of "$as_of" --dates "$tmp/parole-dates.csv" --format json \
    > /dev/null 2> "$tmp/parole-dates.err" || { cat "$tmp/parole-dates.err" >&2; exit 1; }
"$py" Benchmarks/peers/openfisca_parole.py "$tmp/pop.csv" --as-of "$as_of" --dates "$tmp/openfisca-dates.csv" \
    > "$tmp/openfisca-dates.json"
"$tmp/parole_cohort" "$tmp/pop.csv" --as-of "$as_of" --dates "$tmp/c-dates.csv" > "$tmp/c-dates.json"

# Timed runs: the product path of each (aggregate, no per-person lines), end to end, one process each. Each
# program runs RUNS times (default 3), the programs taking turns, and its fastest run is kept: on a shared machine
# a single run can be slowed by a neighbour, and taking turns spreads that over all four alike.
runs=${RUNS:-3}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "cohort-peers: RUNS must be a whole number above 0, not '$runs'" >&2; exit 64; }
timed() { # name round command...
    local name=$1 round=$2; shift 2
    step "timed: $name (run $round of $runs)"
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time.$name.$round" "$@" > "$tmp/$name.json" 2> "$tmp/$name.err" \
        || { cat "$tmp/$name.err" >&2; exit 1; }
    cat "$tmp/time.$name.$round" >&2
}
for round in $(seq "$runs"); do
    timed parole "$round" "$bin" cohort --input "$tmp/pop.csv" --as-of "$as_of" --format json
    # Like for like: the peers decide parole and replacement only; `parole cohort` also decides term reduction
    # unless told to count only the two.
    timed parole-two "$round" "$bin" cohort --input "$tmp/pop.csv" --as-of "$as_of" --format json \
        --mechanism kz-parole --mechanism kz-replacement
    timed openfisca "$round" "$py" Benchmarks/peers/openfisca_parole.py "$tmp/pop.csv" --as-of "$as_of"
    timed c "$round" "$tmp/parole_cohort" "$tmp/pop.csv" --as-of "$as_of"
done
for name in parole parole-two openfisca c; do
    sort -n "$tmp/time.$name".[0-9]* | head -1 > "$tmp/time.$name"
done
echo "  OpenFisca's own breakdown (s): $("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$tmp/openfisca.json")" >&2

echo
"$py" Benchmarks/peers/report.py --people "$n" --runs "$runs" \
    --parole-dates "$tmp/parole-dates.csv" --parole-json "$tmp/parole.json" \
    --peer "openfisca=$tmp/openfisca-dates.csv,$tmp/openfisca.json" --peer "c=$tmp/c-dates.csv,$tmp/c.json" \
    --time "parole=$tmp/time.parole" --time "parole-two=$tmp/time.parole-two" --time "openfisca=$tmp/time.openfisca" --time "c=$tmp/time.c"
