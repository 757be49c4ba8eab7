"""Read an evaluation item's title and body exactly as crates/newsdex/src/people/eval.rs does.

An item is a JSON object with "source" (path under ../shared) and, for
Reuters SGML files, "newid", for the article-extraction benchmark's
ground-truth.json, "key", or for an AllSides article packed in
jsons.tar.zst, "member" (its path in the archive: `jsons/<ID>.json`; needs
`tar` with zstd). Used by sample.py, show.py and spacy_eval.py.
"""
import html
import json
import os
import re
import subprocess

SHARED = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
AEB = "corpora/article-extraction-benchmark/ground-truth.json"

_aeb = None
_packed = {}


def unpack(archive, members):
    """Reads AllSides articles out of the archive in one pass: member ->
    (title, content_original). Each JSON carries its ID, which names it."""
    out = subprocess.run(
        ["tar", "--zstd", "-xOf", os.path.join(SHARED, archive)] + sorted(members),
        check=True, capture_output=True).stdout.decode("utf-8")
    dec = json.JSONDecoder()
    at = 0
    found = {}
    while True:
        while at < len(out) and out[at].isspace():
            at += 1
        if at >= len(out):
            break
        v, at = dec.raw_decode(out, at)
        found["jsons/%s.json" % v["ID"]] = (v.get("title") or "", v.get("content_original") or "")
    _packed.update(found)
    return found


def reuters_record(text, newid):
    at = text.find('NEWID="%d"' % newid)
    if at < 0:
        return None
    end = text.find("</REUTERS>", at)
    rec = text[at:end if end >= 0 else len(text)]

    def tag(name):
        m = re.search("<%s>(.*?)</%s>" % (name, name), rec, re.S)
        if not m:
            return None
        return (m.group(1).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replace("&#3;", ""))

    body = tag("BODY")
    if body is None:
        return None
    return tag("TITLE") or "", body


def load(item):
    global _aeb
    src = item["source"]
    path = os.path.join(SHARED, src)
    if "newid" in item:
        text = open(path, "rb").read().decode("latin-1")
        return reuters_record(text, item["newid"])
    if "member" in item:
        if item["member"] not in _packed:
            unpack(src, [item["member"]])
        return _packed[item["member"]]
    if "key" in item:
        if _aeb is None:
            _aeb = json.load(open(path, encoding="utf-8"))
        return "", _aeb[item["key"]]["articleBody"]
    raw = open(path, encoding="utf-8").read()
    if src.endswith(".json"):
        v = json.loads(raw)
        return v.get("title") or "", v.get("content_original") or ""
    return split_text(raw)


def split_text(raw):
    """Title (first line) and body of a plain-text article, entities decoded
    as the text ingester decodes them (22 BBC files write "Jos&#233;")."""
    title, _, body = html.unescape(raw).partition("\n")
    return title.strip(), body.lstrip()
