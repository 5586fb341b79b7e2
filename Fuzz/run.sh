#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer + AddressSanitizer) and runs them one after another, never side by side.
#
#   Fuzz/run.sh                          every target, 600 seconds each
#   Fuzz/run.sh case-file                one target, 600 seconds
#   Fuzz/run.sh case-file 60             one target, 60 seconds
#   Fuzz/run.sh all 60                   every target, 60 seconds each
#   Fuzz/run.sh minimize case-file work/case-file/artifacts/crash-… big-number
#                                        shrinks a crashing input and saves it as Fuzz/Regressions/case-file/big-number
#
# Each run stops after FUZZ_RUNS executions (default 1,000,000) or the given seconds, whichever comes first, and
# prints the executions done. Working corpora, crash artifacts and logs go to Fuzz/work/ (ignored by git);
# Fuzz/Seeds/ is only read. Exit status: 0 when every run ended clean, 1 otherwise.
#
# Environment: FUZZ_ARGS, more libFuzzer flags. FUZZ_ALLOW="text|other text", go on past violations whose message
# contains one of the texts (a finding already saved in Regressions/ and reported, whose fix is not in yet); a
# crash that is not a violation needs FUZZ_ARGS="-fork=1 -ignore_crashes=1" instead. FUZZ_BUILD=no, run the
# binaries already built (while the main package is between two edits, say).
set -euo pipefail
# The crashing input of `minimize` is named from wherever the script is run; everything else is relative to Fuzz/.
if [[ ${1:-} == minimize && -e ${3:-} ]]; then set -- "$1" "$2" "$(realpath "$3")" "${@:4}"; fi
cd "$(dirname "$0")"

targets=(corpus-document case-file batch-lines term-and-date)
# Swift's own crash backtracer reads the crashed process's memory in a way AddressSanitizer reports as a crash of
# its own, burying the real report; libFuzzer and ASan print the stack.
export SWIFT_BACKTRACE=enable=no
# How the targets are built:
# - --scratch-path .build-fuzz, not Swift's default .build: the main package's builds and this one would overwrite
#   each other's products.
# - --sanitize=fuzzer makes SwiftPM leave `main` to libFuzzer and parse executables as libraries; but it hands swiftc
#   one -sanitize= flag per sanitizer, and swiftc keeps only the last, so Swift code would get ASan and no coverage
#   (libFuzzer then finds nothing: "no interesting inputs"). The combined flag, passed last, gives both.
# - Release: the code has no assert() (what -O drops); every precondition and overflow check stays, and so does
#   ASan, while executions run 2 to 20 times faster than in a debug build.
# - lld: the default gold linker warns about every ASan helper symbol it cannot export.
build=(swift build -c release --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)

mkdir -p work
if [[ ${FUZZ_BUILD:-yes} != no ]]; then
    # SwiftPM keeps the build plan of a path dependency while only its files change: a file added to or removed from
    # the main package is missed ("cannot find type", "missing inputs"). Planning again costs seconds; what did not
    # change is not recompiled.
    rm -f .build-fuzz/release.yaml
    "${build[@]}" 2>&1 | grep -v '^\[' | tee work/build.log || true
    grep -q '^Build complete' work/build.log || { echo "run.sh: the fuzz targets do not build" >&2; exit 1; }
fi
bin=$("${build[@]}" --show-bin-path)

if [[ ${1:-} == minimize ]]; then
    target=${2:?target}; crash=${3:?crashing input}; name=${4:?name for Regressions/$target/}
    [[ $name != */* ]] || { echo "run.sh: the name is a file name, not a path: $name" >&2; exit 64; }
    mkdir -p "work/$target/minimize" "Regressions/$target"
    rm -f "work/$target/minimize/$name"
    # -minimize_crash keeps shrinking while the input still crashes; the smallest is written last.
    "$bin/$target" -minimize_crash=1 -runs=100000 -max_total_time=120 -detect_leaks=1 \
        -exact_artifact_path="work/$target/minimize/$name" "$crash" 2>&1 | tail -5 || true
    [[ -f work/$target/minimize/$name ]] || { echo "run.sh: $crash does not crash (fixed already?); nothing saved" >&2; exit 1; }
    cp "work/$target/minimize/$name" "Regressions/$target/$name"
    echo "saved Regressions/$target/$name ($(wc -c <"Regressions/$target/$name") bytes); swift test replays it"
    exit 0
fi

case ${1:-all} in
    all) chosen=("${targets[@]}") ;;
    *) [[ " ${targets[*]} " == *" $1 "* ]] || { echo "run.sh: unknown target $1 (${targets[*]})" >&2; exit 64; }
       chosen=("$1") ;;
esac
seconds=${2:-600}
runs=${FUZZ_RUNS:-1000000}

# Inputs a little larger than the largest seed of each target (corpus documents are up to 57 KB); anything larger
# only slows the run down.
declare -A max_len=([corpus-document]=65536 [case-file]=4096 [batch-lines]=16384 [term-and-date]=64)
declare -A dict=([corpus-document]=corpus-xml.dict [case-file]=case-json.dict [batch-lines]=case-json.dict
                 [term-and-date]=term-and-date.dict)

summary=() status=0
for target in "${chosen[@]}"; do
    work=work/$target
    mkdir -p "$work/corpus" "$work/artifacts"
    echo "== $target: up to $runs executions or $seconds s"
    set +e
    "$bin/$target" \
        -max_total_time="$seconds" -runs="$runs" \
        -rss_limit_mb=2048 -timeout=10 -detect_leaks=1 -max_len="${max_len[$target]}" \
        -dict="Dictionaries/${dict[$target]}" -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/" ${FUZZ_ARGS:-} \
        "$work/corpus" "Seeds/$target" >"$work/last-run.log" 2>&1
    rc=$?
    set -e
    executions=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/last-run.log" | tail -1 | grep -o '[0-9]*$' || true)
    [[ -n $executions ]] || executions=$(grep -oE '^#[0-9]+' "$work/last-run.log" | tail -1 | tr -d '#' || true)
    elapsed=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$work/last-run.log" | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || true)
    if [[ $rc -eq 0 ]]; then
        result=clean
    else
        status=1
        result="FAILED (exit $rc): see $work/last-run.log and $work/artifacts/"
        grep -E 'ERROR: |fuzz violation|Fatal error|SUMMARY' "$work/last-run.log" | head -5 || true
    fi
    summary+=("$(printf '%-16s %10s executions  %5s s  %s' "$target" "${executions:-?}" "${elapsed:-?}" "$result")")
done

echo
printf '%s\n' "${summary[@]}"
exit "$status"
