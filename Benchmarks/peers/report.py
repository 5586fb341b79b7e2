#!/usr/bin/env python3
"""The figures of Benchmarks/cohort-peers.sh: per-person agreement of the earliest dates between `parole cohort`
and its peers, the peers' counts against parole's, and the timings side by side.

Usage (from cohort-peers.sh): report.py --people N --parole-dates DATES.csv --parole-json OUT.json
           --peer NAME=DATES.csv,SUMMARY.json ... --time NAME=TIMEFILE ...
A time file holds one line from `/usr/bin/time -f "%e %U %S %M"`.

Agreement, per person and mechanism (kz-parole, kz-replacement): the same date, or no date on either side. The
dates file of parole gives a status where there is no date (excluded, undetermined, out-of-scope, ...); the peers
give the same status words, so the stricter count (the same word or date) is printed too. The term-reduction column
of parole's file (art. 73(4)) has no date and no peer counterpart: it is not compared.
"""
import argparse
import json
import sys

import pandas as pd

MECHANISMS = ["kz-parole", "kz-replacement"]
# `parole` decides every kz mechanism (term reduction too); `parole-two` only the two the peers decide.
LABELS = {"parole": "parole cohort", "parole-two": "parole cohort (2)"}


def is_date(values):
    return values.str.match(r"^\d{4}-\d{2}-\d{2}$")


def load_dates(path, parole):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if parole:  # scenario-qualified columns: law:kz-parole
        frame = frame.rename(columns={f"law:{m}": m for m in MECHANISMS})
    return frame[["id"] + MECHANISMS]


def agreement(a, b, name_a, name_b):
    if len(a) != len(b) or not (a["id"].to_numpy() == b["id"].to_numpy()).all():
        b = a[["id"]].merge(b, on="id", how="left").fillna("(missing)")
    print(f"{name_a} vs {name_b}: {len(a):,} people")
    all_loose = pd.Series(True, index=a.index)
    for m in MECHANISMS:
        x, y = a[m], b[m].reset_index(drop=True)
        dx, dy = is_date(x), is_date(y)
        strict = x == y
        loose = strict | (~dx & ~dy)
        all_loose &= loose
        print(f"  {m:15} same date or both without one: {int(loose.sum()):>10,}   "
              f"same date or same status: {int(strict.sum()):>10,}   disagree: {int((~loose).sum()):,}")
        kinds = pd.DataFrame({name_a: x.where(~dx, "date"), name_b: y.where(~dy, "date")})[~strict]
        if len(kinds):
            summary = kinds.value_counts().head(6)
            print("    where they differ (" + name_a + " / " + name_b + "): "
                  + "; ".join(f"{k[0]} / {k[1]}: {v:,}" for k, v in summary.items()))
    bad = a[~all_loose]
    print(f"  people agreeing on both mechanisms: {int(all_loose.sum()):,} of {len(a):,}")
    for i in bad.index[:5]:
        print(f"    {a.at[i, 'id']}: {name_a} " + ", ".join(a.loc[i, MECHANISMS]) + f"; {name_b} "
              + ", ".join(b.loc[i, MECHANISMS]))
    return int(all_loose.sum())


def counts_check(parole_json, peer_summary, name):
    """The peer's status counts and eligibility counts against parole's JSON report."""
    law = next(s for s in parole_json["scenarios"] if s["name"] == "law")
    differences = []
    for m in law["mechanisms"]:
        if m["mechanism"] not in MECHANISMS:
            continue
        peer = peer_summary["mechanisms"][m["mechanism"]]
        for status, count in m["statuses"].items():
            if count != peer["statuses"].get(status, 0):
                differences.append(f"{m['mechanism']} {status}: parole {count:,}, {name} {peer['statuses'].get(status, 0):,}")
        if m["eligible"] != peer["eligible"]:
            differences.append(f"{m['mechanism']} eligible: parole {m['eligible']}, {name} {peer['eligible']}")
    print(f"  counts (statuses; eligible now and each year of the horizon) parole vs {name}: "
          + ("identical" if not differences else "differ: " + "; ".join(differences)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, required=True)
    ap.add_argument("--parole-dates", required=True)
    ap.add_argument("--parole-json", required=True)
    ap.add_argument("--peer", action="append", default=[], help="NAME=DATES.csv,SUMMARY.json")
    ap.add_argument("--time", action="append", default=[], help="NAME=TIMEFILE")
    ap.add_argument("--runs", type=int, default=1, help="how many timed runs each time file is the fastest of")
    args = ap.parse_args()

    parole = load_dates(args.parole_dates, parole=True)
    parole_json = json.load(open(args.parole_json))
    peers = {}
    for spec in args.peer:
        name, files = spec.split("=", 1)
        dates, summary = files.split(",")
        peers[name] = (load_dates(dates, parole=False), json.load(open(summary)))

    print("== Agreement of each person's earliest dates (kz-parole, kz-replacement; as-of "
          f"{parole_json['asOf']})")
    agree = {}
    for name, (dates, summary) in peers.items():
        agree[name] = agreement(parole, dates, "parole", name)
        counts_check(parole_json, summary, name)
    names = list(peers)
    if len(names) == 2:
        agreement(peers[names[0]][0], peers[names[1]][0], names[0], names[1])

    times = {}
    for spec in args.time:
        name, path = spec.split("=", 1)
        wall, user, system, kb = open(path).read().split()[-4:]
        times[name] = (float(wall), float(user) + float(system), int(kb) / 1024)
    n = args.people
    print(f"\n== Timings, end to end (the fastest of {args.runs} run(s) each, after an untimed warm-up run), {n:,} people")
    print(f"{'':18}{'wall s':>9}{'CPU s':>9}{'people/s':>13}{'peak MB':>9}{'agree':>12}")
    for name, (wall, cpu, mb) in times.items():
        a = f"{agree[name]:,}" if name in agree else "-"
        label = LABELS.get(name, name)
        print(f"{label:18}{wall:>9.2f}{cpu:>9.2f}{n / max(wall, 1e-9):>13,.0f}{mb:>9.1f}{a:>12}")
    for own in [name for name in ("parole", "parole-two") if name in times]:
        pw, pc, pm = times[own]
        label = LABELS[own]
        for name in names:
            if name in times:
                w, c, _ = times[name]
                how = f"{w / pw:.1f}x faster than" if pw < w else f"{pw / w:.1f}x slower than"
                print(f"{own}/{name}: wall {pw / w:.2f}, CPU {pc / c:.2f} ({label} is {how} {name} end to end)")
        checks = []
        if "openfisca" in times:
            checks.append(("at least 5x faster than OpenFisca", times["openfisca"][0] / pw >= 5))
        if "c" in times:
            checks.append(("within 2x of C", pw / times["c"][0] <= 2))
        checks.append(("peak memory under 200 MB", pm < 200))
        print(f"issue 14 targets, {label}: " + "; ".join(f"{t}: {'met' if ok else 'NOT met'}" for t, ok in checks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
