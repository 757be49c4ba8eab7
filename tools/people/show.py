"""Print the title and body of evaluation items, as the evaluation reads them.

    python3 tools/people/show.py ITEMS.jsonl [FROM [TO]]

Lines FROM..TO (0-based, TO exclusive) of ITEMS.jsonl, each as a numbered block.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus import load, unpack  # noqa: E402

items = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
lo = int(sys.argv[2]) if len(sys.argv) > 2 else 0
hi = int(sys.argv[3]) if len(sys.argv) > 3 else len(items)
packed = [it for it in items[lo:hi] if "member" in it]
if packed:
    unpack(packed[0]["source"], [it["member"] for it in packed])
for n in range(lo, min(hi, len(items))):
    it = items[n]
    title, body = load(it)
    print("=" * 78)
    print("#%d %s" % (n, json.dumps(it)))
    print("TITLE:", title)
    print(body)
