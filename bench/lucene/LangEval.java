// Lucene's score on newsdex's known-item query sets (issue #24).
//
// Indexes the articles newsdex exported (`newsdex export --all-copies`, one
// JSON object a line: title, body, path, record, url) into an in-memory
// Lucene index, one per analyzer, with title and body in one text field;
// runs each query of a tests/data/lang_eval/<lang>.tsv file through the
// classic QueryParser (default operator OR, as Lucene users get it); and
// prints success@1, success@10 and MRR over the top 10 per split in the
// format of tests/languages.rs.
//
// Usage: java LangEval LANG EXPORT.jsonl QUERIES.tsv
// Not part of the cargo build: bench/lucene/run.sh compiles and runs it.

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

public class LangEval {
    /** One query of a set and its target. */
    record Case(String split, String query, String path, String key) {}

    /** One exported article: what is indexed and what identifies it. */
    record Article(String path, String record, String url, String text) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java LangEval LANG EXPORT.jsonl QUERIES.tsv");
            System.exit(2);
        }
        String lang = args[0];
        List<Article> articles = readExport(Path.of(args[1]));
        List<Case> cases = readCases(Path.of(args[2]));
        for (Case c : cases) {
            long n = articles.stream().filter(a -> isTarget(a, c)).count();
            if (n != 1) {
                System.err.println(args[2] + ": " + n + " articles for " + c.path() + " " + c.key()
                        + " (" + c.query() + "): export again, or fix the query file");
                System.exit(1);
            }
        }
        for (Map.Entry<String, Analyzer> e : analyzers(lang).entrySet()) {
            evaluate(e.getKey(), e.getValue(), lang, articles, cases);
        }
    }

    /** The language's own analyzer first, then the others worth a row. */
    static Map<String, Analyzer> analyzers(String lang) {
        Map<String, Analyzer> m = new LinkedHashMap<>();
        switch (lang) {
            case "de" -> m.put("GermanAnalyzer", new GermanAnalyzer());
            case "ru" -> m.put("RussianAnalyzer", new RussianAnalyzer());
            case "ar" -> m.put("ArabicAnalyzer", new ArabicAnalyzer());
            case "ja" -> {
                m.put("JapaneseAnalyzer", new JapaneseAnalyzer());
                m.put("CJKAnalyzer", new CJKAnalyzer());
            }
            case "zh" -> {
                m.put("SmartChineseAnalyzer", new SmartChineseAnalyzer());
                m.put("CJKAnalyzer", new CJKAnalyzer());
            }
            default -> throw new IllegalArgumentException("no analyzer for language " + lang);
        }
        m.put("StandardAnalyzer", new StandardAnalyzer());
        return m;
    }

    static void evaluate(String name, Analyzer analyzer, String lang, List<Article> articles,
            List<Case> cases) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < articles.size(); i++) {
                Document d = new Document();
                d.add(new TextField("text", articles.get(i).text(), Field.Store.NO));
                d.add(new StoredField("n", i));
                w.addDocument(d);
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            QueryParser parser = new QueryParser("text", analyzer);
            for (String split : new String[] {"dev", "heldout"}) {
                double at1 = 0, at10 = 0, rr = 0;
                int n = 0;
                List<String> misses = new ArrayList<>();
                for (Case c : cases) {
                    if (!c.split().equals(split)) {
                        continue;
                    }
                    n++;
                    int rank = rank(searcher, parser, articles, c, misses);
                    if (rank > 0) {
                        at1 += rank == 1 ? 1 : 0;
                        at10 += 1;
                        rr += 1.0 / rank;
                        if (rank > 1) {
                            misses.add("  rank " + rank + ": " + c.query());
                        }
                    } else if (rank == 0) {
                        misses.add("  not in top 10: " + c.query());
                    }
                }
                System.out.printf("%s %s %s: %d queries, success@1 %.3f, success@10 %.3f, MRR %.3f%n",
                        name, lang, split, n, at1 / n, at10 / n, rr / n);
                if (split.equals("dev") && System.getenv("LUCENE_MISSES") != null) {
                    misses.forEach(System.out::println);
                }
            }
        }
    }

    /** The 1-based rank of the target in the top 10, 0 if absent, -1 on a query error. */
    static int rank(IndexSearcher searcher, QueryParser parser, List<Article> articles, Case c,
            List<String> misses) throws IOException {
        Query q;
        try {
            q = parser.parse(c.query());
        } catch (ParseException e) {
            misses.add("  error: " + c.query() + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return -1;
        }
        ScoreDoc[] top = searcher.search(q, 10).scoreDocs;
        for (int i = 0; i < top.length; i++) {
            int n = searcher.doc(top[i].doc).getField("n").numericValue().intValue();
            if (isTarget(articles.get(n), c)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The rule of tests/languages.rs: path suffix, then record or URL. */
    static boolean isTarget(Article a, Case c) {
        if (!a.path().endsWith("/" + c.path())) {
            return false;
        }
        if (c.key().startsWith("record:")) {
            return a.record().equals(c.key().substring("record:".length()));
        }
        if (c.key().startsWith("url:")) {
            return c.key().substring("url:".length()).equals(a.url());
        }
        if (!c.key().equals("file")) {
            throw new IllegalArgumentException("unknown target key " + c.key());
        }
        return true;
    }

    static List<Case> readCases(Path p) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 4) {
                throw new IllegalArgumentException(p + ": split<TAB>query<TAB>path<TAB>key: " + line);
            }
            cases.add(new Case(cols[0], cols[1], cols[2], cols[3]));
        }
        return cases;
    }

    static List<Article> readExport(Path p) throws IOException {
        List<Article> articles = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> o = new Json(line).object();
            String title = str(o.get("title"));
            String body = str(o.get("body"));
            articles.add(new Article(str(o.get("path")), str(o.get("record")), (String) o.get("url"),
                    title + "\n\n" + body));
        }
        return articles;
    }

    static String str(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return o.toString();
    }

    /** Just enough JSON for one exported article (Java has none built in). */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            expect('{');
            skipWs();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                skipWs();
                String k = string();
                skipWs();
                expect(':');
                m.put(k, value());
                skipWs();
                char c = s.charAt(i++);
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("bad JSON at " + i);
                }
            }
        }

        Object value() {
            skipWs();
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skipWs();
                if (peek() == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    skipWs();
                    char d = s.charAt(i++);
                    if (d == ']') {
                        return l;
                    }
                    if (d != ',') {
                        throw new IllegalArgumentException("bad JSON at " + i);
                    }
                }
            }
            int start = i;
            while (i < s.length() && ",}] \t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String lit = s.substring(start, i);
            return switch (lit) {
                case "null" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> Double.valueOf(lit);
            };
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private char peek() {
            return s.charAt(i);
        }

        private void expect(char c) {
            skipWs();
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
            i++;
        }

        private void skipWs() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
