#!/usr/bin/env bash
# Fuzz `newsdex serve`'s API against its own OpenAPI document with
# schemathesis (PyPI): no 5xx, every response as the document says.
#
#   pip install schemathesis
#   tools/serve/fuzz.sh [INDEX_DIR] [MAX_EXAMPLES]
#
# With no INDEX_DIR, indexes sample_corpus into a temporary folder. Uses the
# release binary (cargo build --release first). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=target/release/newsdex
[ -x "$bin" ] || { echo "fuzz.sh: build first: cargo build --release" >&2; exit 2; }
command -v schemathesis >/dev/null || { echo "fuzz.sh: pip install schemathesis" >&2; exit 2; }
work=$(mktemp -d)
index=${1:-$work/index}
examples=${2:-200}
if [ -z "${1:-}" ]; then
    "$bin" --index "$index" index --quiet sample_corpus
fi
"$bin" --index "$index" serve --addr 127.0.0.1:0 --quiet > "$work/url" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
echo "fuzzing ${url}api/openapi.json"
schemathesis --config-file tools/serve/schemathesis.toml run "${url}api/openapi.json" \
    --url "${url%/}" \
    --checks all \
    --exclude-checks ignored_auth,positive_data_acceptance \
    --max-examples "$examples" \
    --seed 13 \
    --workers 2 \
    --request-timeout 15
