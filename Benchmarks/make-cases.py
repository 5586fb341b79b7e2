"""Writes N random batch cases (JSON Lines) for the benchmarks, the same ones for the same N: a fixed seed.

Usage: python3 Benchmarks/make-cases.py FILE N
"""
import json
import random
import sys

random.seed(20261125)
CATEGORIES = ["minor", "medium", "grave", "especially-grave"]
with open(sys.argv[1], "w") as f:
    for _ in range(int(sys.argv[2])):
        y, m = random.randint(0, 20), random.randint(0, 11)
        d = {"term": "life" if random.random() < 0.03 else (f"{y}y{m}m" if y or m else "1y"),
             "category": random.choice(CATEGORIES), "asOf": "2026-11-25",
             "start": f"{random.randint(2005, 2025)}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"}
        if random.random() < 0.2:
            d["offences"] = [random.choice(["corruption", "terrorism", "organised-group"])]
        if random.random() < 0.3:
            d["sex"] = random.choice(["male", "female"])
            d["birthDate"] = "1970-06-15"
        f.write(json.dumps(d) + "\n")
