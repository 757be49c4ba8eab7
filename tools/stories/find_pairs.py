#!/usr/bin/env python3
"""Print candidate pairs for the same-story (near-duplicate) evaluation set.

Standard library only. Run from the repository root:  python3 tools/stories/find_pairs.py
It never writes labels: tests/data/stories/pairs.jsonl is written by hand
after reading both texts of every candidate it prints.

Sections printed (tab-separated):
  EXACT-BBC      groups of byte-identical BBC files (sha256 of the bytes)
  EXACT-REUTERS  groups of Reuters records with identical TITLE+BODY text
  EXACT-ALLSIDES groups of AllSides sample files with identical title+content
  SIM            every non-exact pair, within one corpus, whose word-3-shingle
                 Jaccard >= 0.15 or containment >= 0.3; columns:
                 corpus jaccard containment masked_jaccard itemA itemB titleA | titleB
  TEMPLATE       Reuters pairs whose number-masked shingles are near-identical
                 (>= 0.8 masked Jaccard) but whose real text differs a lot
                 (Jaccard < 0.5): the same results template, different
                 company/quarter (hard-negative candidates)

Texts are read the same way as tools/people/corpus.py (Reuters: TITLE and BODY
with &lt; &gt; &amp; &#3; decoded, latin-1; BBC: line 1 headline, rest body).
"""
import glob
import hashlib
import json
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "people"))
from corpus import reuters_record  # noqa: E402  (one reader of Reuters records)

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
C = os.path.join(SHARED, "corpora")

WORD = re.compile(r"[a-z0-9]+")
NUM = re.compile(r"^[0-9]+$")


def words(text):
    return WORD.findall(text.lower())


def shingles(ws, k=3):
    if len(ws) < k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + k]) for i in range(len(ws) - k + 1)}


def masked(ws):
    return ["#" if NUM.match(w) else w for w in ws]


def reuters_records():
    """Yield (file_rel, newid, title, body) for records with a BODY."""
    for path in sorted(glob.glob(os.path.join(C, "reuters21578", "reut2-*.sgm"))):
        text = open(path, "rb").read().decode("latin-1")
        rel = os.path.relpath(path, SHARED)
        for m in re.finditer(r'NEWID="(\d+)"', text):
            newid = int(m.group(1))
            rec = reuters_record(text, newid)
            if rec is None:
                continue
            yield rel, newid, rec[0], rec[1]


def bbc_docs():
    for path in sorted(glob.glob(os.path.join(C, "bbc", "*", "*.txt"))):
        if os.path.basename(path).upper() == "README.TXT":
            continue
        raw = open(path, "rb").read()
        rel = os.path.relpath(path, SHARED)
        text = raw.decode("utf-8", "replace")
        title, _, body = text.partition("\n")
        yield rel, raw, title.strip(), body.lstrip()


def allsides_docs():
    for path in sorted(glob.glob(os.path.join(C, "allsides-article-bias", "sample", "*.json"))):
        v = json.load(open(path, encoding="utf-8"))
        yield os.path.relpath(path, SHARED), v.get("title") or "", v.get("content_original") or ""


def item_str(d):
    return d["source"] + ("#%d" % d["newid"] if "newid" in d else "")


def groups_print(label, key_to_items):
    n_pairs = 0
    for items in key_to_items.values():
        if len(items) < 2:
            continue
        n_pairs += len(items) - 1
        print(label + "\t" + "\t".join(item_str(i) for i in items))
    print("# %s: %d groups, %d pairs (each with the group's first)" % (
        label, sum(1 for v in key_to_items.values() if len(v) > 1), n_pairs))


def similar_pairs(corpus, docs, df_cap):
    """docs: list of (item, title, body). Print SIM lines; return list."""
    sh = [shingles(words(b)) for _, _, b in docs]
    msh = [shingles(masked(words(b))) for _, _, b in docs]
    index = defaultdict(list)
    for i, s in enumerate(sh):
        for g in s:
            index[g].append(i)
    shared = defaultdict(int)
    for g, post in index.items():
        if len(post) < 2 or len(post) > df_cap:
            continue
        for x in range(len(post)):
            for y in range(x + 1, len(post)):
                shared[(post[x], post[y])] += 1
    out = []
    for (i, j), n in shared.items():
        a, b = sh[i], sh[j]
        if not a or not b:
            continue
        jac = n / float(len(a | b))
        con = n / float(min(len(a), len(b)))
        if a == b and docs[i][1] == docs[j][1]:
            continue
        if jac >= 0.15 or con >= 0.3:
            ma, mb = msh[i], msh[j]
            mj = len(ma & mb) / float(len(ma | mb))
            out.append((jac, con, mj, i, j))
    out.sort(reverse=True)
    for jac, con, mj, i, j in out:
        print("SIM\t%s\t%.3f\t%.3f\t%.3f\t%s\t%s\t%s | %s" % (
            corpus, jac, con, mj, item_str(docs[i][0]), item_str(docs[j][0]),
            docs[i][1][:60], docs[j][1][:60]))
    return sh, msh


def template_pairs(docs, sh, msh):
    index = defaultdict(list)
    for i, s in enumerate(msh):
        if 0 < len(s) <= 80:         # short items only: results templates
            index[frozenset(s)].append(i)  # cheap exact-template bucket first
    # bucket by masked-shingle set hash, then compare within a bucket of the
    # first 8 masked words to get near (not only exact) template matches
    buckets = defaultdict(list)
    for i, (_, _, body) in enumerate(docs):
        m = masked(words(body))
        if 5 <= len(m) <= 120:
            buckets[" ".join(m[:6])].append(i)
    n = 0
    for key, post in buckets.items():
        if len(post) < 2 or len(post) > 400:
            continue
        for x in range(len(post)):
            for y in range(x + 1, len(post)):
                i, j = post[x], post[y]
                ma, mb = msh[i], msh[j]
                mj = len(ma & mb) / float(len(ma | mb))
                if mj < 0.8:
                    continue
                a, b = sh[i], sh[j]
                jac = len(a & b) / float(len(a | b))
                if jac < 0.5:
                    n += 1
                    print("TEMPLATE\t%.3f\t%.3f\t%s\t%s\t%s | %s" % (
                        mj, jac, item_str(docs[i][0]), item_str(docs[j][0]),
                        docs[i][1][:50], docs[j][1][:50]))
    print("# TEMPLATE: %d pairs" % n)


def main():
    # BBC exact
    by_hash = defaultdict(list)
    bbc = []
    for rel, raw, title, body in bbc_docs():
        item = {"source": rel}
        by_hash[hashlib.sha256(raw).hexdigest()].append(item)
        bbc.append((item, title, body))
    groups_print("EXACT-BBC", by_hash)

    # Reuters exact (identical TITLE+BODY text)
    by_text = defaultdict(list)
    reu = []
    for rel, newid, title, body in reuters_records():
        item = {"source": rel, "newid": newid}
        by_text[title + "\x00" + body].append(item)
        reu.append((item, title, body))
    groups_print("EXACT-REUTERS", by_text)

    # AllSides exact
    by_as = defaultdict(list)
    als = []
    for rel, title, body in allsides_docs():
        item = {"source": rel}
        by_as[title + "\x00" + body].append(item)
        als.append((item, title, body))
    groups_print("EXACT-ALLSIDES", by_as)

    # Similar, non-identical pairs (one representative per exact group)
    def dedup(docs, keyf):
        seen, out = set(), []
        for d in docs:
            k = keyf(d)
            if k in seen:
                continue
            seen.add(k)
            out.append(d)
        return out
    bbc_u = dedup(bbc, lambda d: d[1] + "\x00" + d[2])
    reu_u = dedup(reu, lambda d: d[1] + "\x00" + d[2])
    als_u = dedup(als, lambda d: d[1] + "\x00" + d[2])
    similar_pairs("bbc", bbc_u, df_cap=60)
    sh, msh = similar_pairs("reuters", reu_u, df_cap=60)
    similar_pairs("allsides", als_u, df_cap=60)
    template_pairs(reu_u, sh, msh)


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="replace")
    main()
