#!/usr/bin/env python3
"""The golden cohort: 240 people whose dates anyone can check by hand, and the counts `parole cohort` must give.

Computed here, independently of the program, from the law as the report states it (seed L3679-3685: parole after
1/3, 1/2, 2/3 of the term by category; L3991-3995: replacement after 1/4 or 1/3, minor to grave only; art. 73(4)
term reduction only with cooperation) and, for the reform scenario, the recommendation to let juveniles apply after
1/3 of any term (L7493-7495), in force from the as-of date: a milder law reaches people already serving but releases
no one before it is in force, and a date already passed under the old law stays (eligible either way).
Terms are whole years and starts the first of a month, so every share is whole months: start + n months.
Run: python3 make-golden-cohort.py  (writes golden-cohort.csv and golden-cohort-expected.json beside it)."""
import csv, json, os
from datetime import date

here = os.path.dirname(os.path.abspath(__file__))
AS_OF = date(2026, 12, 5)
HORIZON = 2
CATEGORIES = ["minor", "medium", "grave", "especially-grave"]
PAROLE = {"minor": (1, 3), "medium": (1, 3), "grave": (1, 2), "especially-grave": (2, 3)}
REPLACEMENT = {"minor": (1, 4), "medium": (1, 4), "grave": (1, 3)}

def add_months(d, n):
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, d.day)

rows = []
for i in range(240):
    category = CATEGORIES[i % 4]
    years = [3, 6, 9, 12][(i // 4) % 4]
    start = add_months(date(2018, 1, 1), (i * 7) % 96)
    juvenile = i % 4 == (i // 16) % 4
    rows.append({"id": f"g{i:03d}", "term": f"{years}y", "category": category, "start": start.isoformat(),
                 "sex": "male", "birthDate": "1980-01-01", "damage": "full", "maliciousViolations": "false",
                 "juvenile": "true" if juvenile else "false"})

with open(os.path.join(here, "golden-cohort.csv"), "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)

limits = [AS_OF] + [add_months(AS_OF, 12 * k) for k in range(1, HORIZON + 1)]

def share(row, fraction):
    months = int(row["term"][:-1]) * 12
    n, d = fraction
    assert months * n % d == 0
    return add_months(date.fromisoformat(row["start"]), months * n // d)

def parole(row, reform):
    law = share(row, PAROLE[row["category"]])
    if not (reform and row["juvenile"] == "true"):
        return law
    reformed = max(share(row, (1, 3)), AS_OF)  # the reform is in force from the as-of date
    # Dates on or before the as-of date count alike (eligible now either way): the law's stays.
    return reformed if max(reformed, AS_OF) < max(law, AS_OF) else law

def replacement(row):
    fraction = REPLACEMENT.get(row["category"])
    return share(row, fraction) if fraction else None

def counts(dates):
    return [sum(1 for d in dates if d is not None and d <= limit) for limit in limits]

expected = {"people": len(rows), "asOf": AS_OF.isoformat(), "horizonYears": HORIZON, "scenarios": []}
for reform in (False, True):
    parole_dates = [parole(r, reform) for r in rows]
    replacement_dates = [replacement(r) for r in rows]
    expected["scenarios"].append({
        "kz-parole": {"eligible": counts(parole_dates), "mandatory": len(rows)},
        "kz-replacement": {"eligible": counts(replacement_dates),
                           "out-of-scope": sum(1 for d in replacement_dates if d is None)},
        "kz-term-reduction": {"eligible": [0] * (HORIZON + 1)},
    })
law = [parole(r, False) for r in rows]
new = [parole(r, True) for r in rows]
term_end = [add_months(date.fromisoformat(r["start"]), int(r["term"][:-1]) * 12) for r in rows]
expected["change"] = {
    "earlier": sum(1 for a, b in zip(law, new) if b < a),
    "same": sum(1 for a, b in zip(law, new) if b == a),
    "later": sum(1 for a, b in zip(law, new) if b > a),
    "daysSaved": sum(max(0, (max(a, AS_OF) - max(b, AS_OF)).days) for a, b in zip(law, new)),
}
with open(os.path.join(here, "golden-cohort-expected.json"), "w") as f:
    json.dump(expected, f, indent=2)
    f.write("\n")
print(expected["scenarios"][0]["kz-parole"], expected["scenarios"][1]["kz-parole"], expected["change"])
