"""Draw the random articles of the person-name evaluation set.

    python3 tools/people/sample.py > /tmp/todo.jsonl

Deterministic (seeded). Skips articles already in tests/data/people/eval.jsonl.
Per genre: BBC business, entertainment, politics, sport, tech (12 each),
AllSides sample (US, 36), Reuters-21578 (wire, 30), article-extraction
benchmark pages (web, 24). Within each genre, items alternate between the
development and held-out parts in the drawn order.
"""
import glob
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus import SHARED, AEB, load  # noqa: E402

rng = random.Random(20261203)
here = os.path.dirname(__file__)
have = set()
for line in open(os.path.join(here, "..", "..", "tests", "data", "people", "eval.jsonl")):
    d = json.loads(line)
    have.add((d["source"], d.get("newid"), d.get("key")))

MAX_CHARS = 8000
out = []


def take(genre, items, n):
    items = [i for i in items if (i["source"], i.get("newid"), i.get("key")) not in have]
    rng.shuffle(items)
    got = 0
    for it in items:
        if got == n:
            break
        loaded = load(it)
        if loaded is None or not loaded[1].strip() or len(loaded[0]) + len(loaded[1]) > MAX_CHARS:
            continue
        it = dict(it, genre=genre, split="dev" if got % 2 == 0 else "heldout")
        out.append(it)
        got += 1


for sec in ["business", "entertainment", "politics", "sport", "tech"]:
    files = sorted(glob.glob(os.path.join(SHARED, "corpora/bbc", sec, "*.txt")))
    take(sec, [{"source": os.path.relpath(f, SHARED)} for f in files], 12)

files = sorted(glob.glob(os.path.join(SHARED, "corpora/allsides-article-bias/sample/*.json")))
take("us", [{"source": os.path.relpath(f, SHARED)} for f in files], 36)

recs = []
for f in sorted(glob.glob(os.path.join(SHARED, "corpora/reuters21578/reut2-*.sgm"))):
    text = open(f, "rb").read().decode("latin-1")
    for m in re.finditer(r'NEWID="(\d+)"', text):
        recs.append({"source": os.path.relpath(f, SHARED), "newid": int(m.group(1))})
take("wire", recs, 30)

keys = sorted(json.load(open(os.path.join(SHARED, AEB), encoding="utf-8")))
take("web", [{"source": AEB, "key": k} for k in keys], 24)

for it in out:
    print(json.dumps(it))
