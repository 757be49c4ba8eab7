"""Builds crates/newsdex/src/meaning/words.bin; see README.md beside this file.

Needs numpy, safetensors, tokenizers and the all-MiniLM-L6-v2 model files
(model.safetensors, tokenizer.json) in MODEL_DIR, and ../shared/corpora.
Usage: python3 make_table.py MODEL_DIR CORPORA_DIR OUT
"""
import collections, glob, json, re, struct, sys, unicodedata

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

MODEL, CORPORA, OUT = sys.argv[1:4]
DIMS, MIN_COUNT, MIN_DF, SIF_A, PCA_WORDS = 64, 5, 2, 1e-3, 20000


def words(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", text)


def count():
    tf, df = collections.Counter(), collections.Counter()

    def add(text):
        ws = words(text)
        tf.update(ws)
        df.update(set(ws))

    for f in glob.glob(CORPORA + "/reuters21578/*.sgm"):
        s = open(f, encoding="latin-1").read()
        for body in re.findall(r"<BODY>(.*?)</BODY>", s, re.S):
            add(re.sub(r"&\w+;", " ", body))
    # The AllSides archive unpacked beside it (jsons.tar.zst -> jsons/).
    for f in glob.glob(CORPORA + "/allsides-article-bias/jsons/*.json"):
        j = json.load(open(f))
        add((j.get("title") or "") + " " + (j.get("content") or ""))
    return tf, df


W = {k.removeprefix("bert."): v.astype(np.float32) for k, v in load_file(MODEL + "/model.safetensors").items()}
tok = Tokenizer.from_file(MODEL + "/tokenizer.json")
tok.no_padding()


def ln(x, p):
    m = x.mean(-1, keepdims=True)
    v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + 1e-12) * W[p + ".weight"] + W[p + ".bias"]


def dense(x, p):
    sh = x.shape
    return (x.reshape(-1, sh[-1]) @ W[p + ".weight"].T).reshape(*sh[:-1], -1) + W[p + ".bias"]


def encode(batch):
    n, b = max(map(len, batch)), len(batch)
    ids = np.zeros((b, n), dtype=np.int64)
    mask = np.zeros((b, n), dtype=np.float32)
    for i, row in enumerate(batch):
        ids[i, : len(row)], mask[i, : len(row)] = row, 1
    x = W["embeddings.word_embeddings.weight"][ids] + W["embeddings.position_embeddings.weight"][:n][None]
    x = ln(x + W["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
    for i in range(6):
        p = f"encoder.layer.{i}."
        q, k, v = (dense(x, p + "attention.self." + t).reshape(b, n, 12, 32).transpose(0, 2, 1, 3) for t in ("query", "key", "value"))
        s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(32) + (1 - mask)[:, None, None, :] * -1e9
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        a = (s @ v).transpose(0, 2, 1, 3).reshape(b, n, 384)
        x = ln(x + dense(a, p + "attention.output.dense"), p + "attention.output.LayerNorm")
        h = dense(x, p + "intermediate.dense")
        h = 0.5 * h * (1 + np.tanh(0.7978845608 * (h + 0.044715 * h**3)))
        x = ln(x + dense(h, p + "output.dense"), p + "output.LayerNorm")
    return x, mask


tf, df = count()
vocab = sorted(w for w, c in tf.items() if c >= MIN_COUNT and df[w] >= MIN_DF and not w.isdigit() and len(w) <= 24)
pieces = {w: tok.encode(w).ids[:16] for w in vocab}
by_len = sorted(vocab, key=lambda w: len(pieces[w]))
vec = {}
for i in range(0, len(by_len), 512):
    batch = by_len[i : i + 512]
    x, mask = encode([pieces[w] for w in batch])
    for j, w in enumerate(batch):
        mask[j, 0] = mask[j, len(pieces[w]) - 1] = 0  # leave out [CLS], [SEP]
    out = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    vec.update(zip(batch, out))
X = np.array([vec[w] for w in vocab])
X -= X.mean(0)
common = np.argsort([-tf[w] for w in vocab])[:PCA_WORDS]
_, _, vt = np.linalg.svd(X[common], full_matrices=False)
E = X @ vt[:DIMS].T
E /= np.linalg.norm(E, axis=1, keepdims=True)
q = np.round(E * 127).astype(np.int8)
total = sum(tf.values())
weights = np.array([SIF_A / (SIF_A + tf[w] / total) for w in vocab], dtype="<f4")
offsets = [0]
for w in vocab:
    offsets.append(offsets[-1] + len(w.encode()))
with open(OUT, "wb") as f:
    f.write(b"NDXMEAN2" + struct.pack("<II", DIMS, len(vocab)))
    f.write(weights.tobytes())
    f.write(q.tobytes())
    f.write(struct.pack("<%dI" % len(offsets), *offsets))
    f.write("".join(vocab).encode())
print(len(vocab), "words")
