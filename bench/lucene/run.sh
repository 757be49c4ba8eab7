#!/usr/bin/env bash
# Lucene's score on newsdex's known-item query sets (issue #24), to set
# beside `cargo test --test tests languages -- --nocapture`.
#
# For each language: index its corpus from ../shared/corpora/languages/
# with newsdex, export exactly the texts newsdex indexed (title + body,
# every copy), and run LangEval.java over them with the language's Lucene
# analyzer (and StandardAnalyzer; CJKAnalyzer too for ja and zh).
#
# Needs: Debian's liblucene8-java (`apt-get install -y liblucene8-java`;
# the jars in /usr/share/java, or set LUCENE_JARS to a folder of Lucene
# 8 or 9 jars: core, analyzers-common/analysis-common, kuromoji, smartcn,
# queryparser), a JDK (javac), and a newsdex binary (NEWSDEX, default
# target/debug/newsdex, built with `cargo build` if missing).
#
# Usage: bench/lucene/run.sh [LANG...]     (default: de ru ar ja zh)
# Set LUCENE_MISSES=1 to list the dev misses too. Work files (indexes,
# exports, classes) go to $WORK (default: /tmp/newsdex-lucene-$USER).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpora="${CORPORA:-$repo/../shared/corpora}"
jars="${LUCENE_JARS:-/usr/share/java}"
work="${WORK:-/tmp/newsdex-lucene-${USER:-$(id -un)}}"
newsdex="${NEWSDEX:-$repo/target/debug/newsdex}"
langs=("$@")
[ ${#langs[@]} -eq 0 ] && langs=(de ru ar ja zh)

die() { echo "run.sh: $*" >&2; exit 2; }

command -v javac >/dev/null || die "no javac: install a JDK (apt-get install -y default-jdk-headless)"
[ -d "$corpora/languages" ] || die "no corpora at $corpora/languages: set CORPORA to the shared corpora folder"
cp=""
for pattern in 'lucene-core-*.jar' 'lucene-analyzers-common-*.jar' 'lucene-analysis-common-*.jar' \
    'lucene-analyzers-kuromoji-*.jar' 'lucene-analysis-kuromoji-*.jar' \
    'lucene-analyzers-smartcn-*.jar' 'lucene-analysis-smartcn-*.jar' 'lucene-queryparser-*.jar'; do
    for jar in "$jars"/$pattern; do
        [ -e "$jar" ] && cp="$cp:$jar"
    done
done
case "$cp" in
    *lucene-core-*) ;;
    *) die "no Lucene jars in $jars: apt-get install -y liblucene8-java, or set LUCENE_JARS" ;;
esac
if [ ! -x "$newsdex" ]; then
    (cd "$repo" && cargo build --quiet) || die "cargo build failed"
fi

mkdir -p "$work/classes"
javac -nowarn -cp "${cp#:}" -d "$work/classes" "$here/LangEval.java"

corpus_of() {
    case "$1" in
        de) echo "languages/de-10kgnad/test.csv" ;;
        ru) echo "languages/ru-factrueval2016" ;;
        ar) echo "languages/ar-saudinewsnet/2015-07-23.zip" ;;
        ja) echo "languages/ja-livedoor" ;;
        zh) echo "languages/zh-sogouca/news_tensite_xml.smarty.dat" ;;
        *) die "unknown language $1 (de ru ar ja zh)" ;;
    esac
}

for lang in "${langs[@]}"; do
    rel="$(corpus_of "$lang")"
    index="$work/index-$lang"
    rm -rf "$index"
    "$newsdex" --index "$index" index --json "$corpora/$rel" >"$work/index-$lang.json"
    "$newsdex" --index "$index" export --all-copies >"$work/$lang.jsonl"
    java -cp "$work/classes:${cp#:}" LangEval "$lang" "$work/$lang.jsonl" \
        "$repo/tests/data/lang_eval/$lang.tsv"
done
