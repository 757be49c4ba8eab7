"""Draw the random articles of the person-name evaluation set.

    python3 tools/people/sample.py > /tmp/todo.jsonl
    python3 tools/people/sample.py --fresh-heldout > /tmp/todo3.jsonl
    python3 tools/people/sample.py --round4 > /tmp/todo4.jsonl
    python3 tools/people/sample.py --round5 > /tmp/todo5.jsonl

Deterministic (seeded). Skips articles already in tests/data/people/eval.jsonl.
Default (the second pass's draw): per genre BBC business, entertainment,
politics, sport, tech (12 each), AllSides sample (US, 36), Reuters-21578
(wire, 30), article-extraction benchmark pages (web, 24); within each genre,
items alternate between the development and held-out parts in the drawn order.

`--fresh-heldout` (the third round's draw, after the second round's held-out
part had been scored and moved to development): another seed, every item
held-out; BBC 8 per section, AllSides 20, Reuters 16, benchmark pages 16.

`--round4` (the fourth round's draw, after the third round's held-out part
had been scored and moved to development): another seed, every item
held-out, more BBC for a steadier UK figure; BBC 10 per section, AllSides
16 (all the sample has left under the size limit), Reuters 16, pages 16.

`--round5` (the fifth round's draw, the fourth's held-out part moved to
development): another seed, every item held-out; BBC 10 per section,
AllSides 24 drawn from the whole archive `jsons.tar.zst` (items carry
"member"; needs `tar` with zstd), Reuters 16, pages 16.
"""
import glob
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus import SHARED, AEB, load, unpack  # noqa: E402

ROUND5 = "--round5" in sys.argv[1:]
ROUND4 = "--round4" in sys.argv[1:]
FRESH = ROUND5 or ROUND4 or "--fresh-heldout" in sys.argv[1:]
SEED = 20261209 if ROUND5 else 20261207 if ROUND4 else 20261205 if FRESH else 20261203
rng = random.Random(SEED)
COUNTS = (
    {"bbc": 10, "us": 24, "wire": 16, "web": 16}
    if ROUND5
    else {"bbc": 10, "us": 16, "wire": 16, "web": 16}
    if ROUND4
    else {"bbc": 8, "us": 20, "wire": 16, "web": 16}
    if FRESH
    else {"bbc": 12, "us": 36, "wire": 30, "web": 24}
)
here = os.path.dirname(__file__)
have = set()
for line in open(os.path.join(here, "..", "..", "tests", "data", "people", "eval.jsonl")):
    d = json.loads(line)
    have.add((d["source"], d.get("newid"), d.get("key") or d.get("member")))
    if "/sample/" in d["source"]:
        have.add(("packed", None, "jsons/" + os.path.basename(d["source"])))

MAX_CHARS = 8000
out = []


def take(genre, items, n):
    items = [i for i in items if (i["source"], i.get("newid"), i.get("key") or i.get("member")) not in have]
    items = [i for i in items if ("packed", None, i.get("member")) not in have]
    rng.shuffle(items)
    got = 0
    for it in items:
        if got == n:
            break
        loaded = load(it)
        if loaded is None or not loaded[1].strip() or len(loaded[0]) + len(loaded[1]) > MAX_CHARS:
            continue
        it = dict(it, genre=genre, split="heldout" if FRESH or got % 2 else "dev")
        out.append(it)
        got += 1


for sec in ["business", "entertainment", "politics", "sport", "tech"]:
    files = sorted(glob.glob(os.path.join(SHARED, "corpora/bbc", sec, "*.txt")))
    take(sec, [{"source": os.path.relpath(f, SHARED)} for f in files], COUNTS["bbc"])

if ROUND5:
    # The bundled sample is used up: members of the whole archive, read in
    # one pass for the first few hundred of the shuffled order.
    ARCHIVE = "corpora/allsides-article-bias/jsons.tar.zst"
    listed = subprocess.run(["tar", "--zstd", "-tf", os.path.join(SHARED, ARCHIVE)],
                            check=True, capture_output=True, text=True).stdout.split()
    members = sorted(m for m in listed if m.endswith(".json"))
    members = [m for m in members if ("packed", None, m) not in have]
    pick = random.Random(SEED).sample(members, 300)
    unpack(ARCHIVE, pick)
    take("us", [{"source": ARCHIVE, "member": m} for m in sorted(pick)], COUNTS["us"])
else:
    files = sorted(glob.glob(os.path.join(SHARED, "corpora/allsides-article-bias/sample/*.json")))
    take("us", [{"source": os.path.relpath(f, SHARED)} for f in files], COUNTS["us"])

recs = []
for f in sorted(glob.glob(os.path.join(SHARED, "corpora/reuters21578/reut2-*.sgm"))):
    text = open(f, "rb").read().decode("latin-1")
    for m in re.finditer(r'NEWID="(\d+)"', text):
        recs.append({"source": os.path.relpath(f, SHARED), "newid": int(m.group(1))})
take("wire", recs, COUNTS["wire"])

keys = sorted(json.load(open(os.path.join(SHARED, AEB), encoding="utf-8")))
take("web", [{"source": AEB, "key": k} for k in keys], COUNTS["web"])

for it in out:
    print(json.dumps(it))
