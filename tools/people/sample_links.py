"""Draw the bare-surname people of the cross-article link evaluation.

    newsdex --index /tmp/lk/bbc index ../shared/corpora/bbc
    newsdex --index /tmp/lk/bbc export > /tmp/lk/bbc.jsonl
    (the same for reuters21578 and for the first 3,000 AllSides JSON files)
    python3 tools/people/sample_links.py bbc=/tmp/lk/bbc.jsonl \
        reuters=/tmp/lk/reu.jsonl allsides=/tmp/lk/as.jsonl > /tmp/links_todo.jsonl

An item is an (article, person) pair where the extractor reported a one-word
name (`Blair` for an article that only says "Mr Blair"): what the link step
may join to a full name elsewhere in the archive. Seeded draw, at most two
items per name per archive so one name (Reuters' `Reagan`) does not fill the
set; per archive 60 items (40 for AllSides), alternating `dev` and
`heldout`. Each printed item carries the article's title and body so the
labeller can read it; tests/data/people/links.jsonl keeps only the keys and
the label.
"""
import collections
import json
import random
import sys

COUNTS = {"bbc": 60, "reuters": 60, "allsides": 40}
rng = random.Random(20261206)

for arg in sys.argv[1:]:
    archive, path = arg.split("=", 1)
    pairs = []
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        for name in d.get("people") or []:
            if " " not in name.strip():
                pairs.append((d, name))
    rng.shuffle(pairs)
    per_name = collections.Counter()
    got = 0
    for d, name in pairs:
        if got == COUNTS[archive]:
            break
        if per_name[name] == 2:
            continue
        per_name[name] += 1
        split = "dev" if got % 2 == 0 else "heldout"
        print(json.dumps({"archive": archive, "id": d["id"], "name": name, "split": split,
                          "title": d["title"], "body": d["body"], "date": d.get("date")}))
        got += 1
