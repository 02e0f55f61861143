package dev.atelier.llm;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectDraft;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.langchain4j.data.embedding.Embedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default analyzer: no network, everything in-process on the all-MiniLM-L6-v2 embedding model.
 *
 * <ul>
 *   <li>Key phrases: runs of content words (stop words split them, RAKE-style) from the context
 *       and the documents, ranked by embedding similarity to the whole text, with a bonus for
 *       phrases the user wrote in the context, then diversified (maximal marginal relevance).
 *   <li>Name: the best 2–4 word phrase in Title Case that is not merely the start of the context.
 *   <li>Description: the most central sentences, in their original order (extractive).
 *   <li>Domain and template: the catalog entry (name, description, keywords) most similar to the
 *       text, plus a small bonus per catalog keyword that occurs in it.
 * </ul>
 */
final class OfflineContextAnalyzer implements ContextAnalyzer {
    static final String PROVIDER = "offline";
    static final String GENERAL = "general";
    private static final int MAX_DOC_CHARS = 20_000;
    private static final int MAX_CANDIDATES = 60;
    private static final int MAX_SENTENCES = 40;
    private static final int MAX_TAGS = 6;
    private static final int MAX_DESCRIPTION = 600;
    private static final double MIN_TEMPLATE_SCORE = 0.25;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?:[-'][\\p{L}\\p{N}]+)*|\\p{N}+");
    private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{2,6}\\b");
    private static final Pattern PHRASE_BREAK = Pattern.compile("[,;:()\\[\\]/&\"]");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;:])\\s+|\\R+|\\t+|\\s*[|,]\\s*(?=\\R)");
    private static final Set<String> SMALL_WORDS = Set.of("and", "or", "of", "for", "the", "a", "an", "in", "on", "to");
    private static final Set<String> STOP = Set.copyOf(List.of(
            "a",
            "about",
            "above",
            "across",
            "after",
            "again",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "down",
            "during",
            "each",
            "either",
            "etc",
            "every",
            "few",
            "for",
            "from",
            "further",
            "get",
            "gets",
            "given",
            "had",
            "has",
            "have",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "him",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "itself",
            "just",
            "let",
            "lets",
            "like",
            "may",
            "me",
            "might",
            "more",
            "most",
            "much",
            "must",
            "my",
            "need",
            "needs",
            "new",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "on",
            "once",
            "one",
            "only",
            "or",
            "other",
            "our",
            "ours",
            "out",
            "over",
            "own",
            "per",
            "please",
            "same",
            "she",
            "should",
            "so",
            "some",
            "such",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "too",
            "under",
            "until",
            "up",
            "upon",
            "us",
            "use",
            "used",
            "uses",
            "using",
            "very",
            "via",
            "want",
            "wants",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "whether",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "within",
            "without",
            "would",
            "you",
            "your",
            "yours",
            "analyze",
            "analyse",
            "analyzing",
            "analysing",
            "identify",
            "identifying",
            "build",
            "building",
            "create",
            "creating",
            "develop",
            "developing",
            "make",
            "making",
            "help",
            "helps",
            "find",
            "finding",
            "understand",
            "improve",
            "improving",
            "provide",
            "include",
            "including",
            "includes",
            "based",
            "focus",
            "focusing",
            "project",
            "projects",
            "goal",
            "task",
            "looking",
            "able",
            "well",
            "across",
            "around",
            "many",
            "several",
            "various",
            "different",
            "e.g",
            "i.e",
            "based",
            "file",
            "files",
            "attached",
            "document",
            "documents",
            "report",
            "page",
            "data",
            "keep",
            "keeps",
            "flag",
            "detect",
            "track",
            "route",
            "estimate",
            "study",
            "compute",
            "offer",
            "warn",
            "catch",
            "cause",
            "causes",
            "reduce",
            "increase",
            "avoid",
            "prevent",
            "know",
            "see",
            "early",
            "likely",
            "right",
            "first",
            "next",
            "last",
            "out",
            "find",
            "tell",
            "show",
            "give",
            "take",
            "try",
            "start",
            "stop",
            "get",
            "got",
            "go",
            "going",
            "come",
            "put",
            "set",
            "run",
            "work",
            "works",
            "wear",
            "about",
            "soon",
            "resigning",
            "low",
            "high",
            "less",
            "fewer",
            "lot",
            "lots",
            "thing",
            "things",
            "way",
            "ways",
            "really",
            "already",
            "still",
            "even"));

    private final Map<String, Embedding> templateEmbeddings = new ConcurrentHashMap<>();

    @Override
    public Analysis analyze(AnalysisRequest request) {
        return new Analysis(draft(request), PROVIDER, MiniLmEmbeddings.MODEL_NAME, false, null);
    }

    /** The offline answer standing in for a failed provider. */
    Analysis fallback(AnalysisRequest request, String reason) {
        return new Analysis(draft(request), PROVIDER, MiniLmEmbeddings.MODEL_NAME, true, reason);
    }

    ProjectDraft draft(AnalysisRequest request) {
        String context = request.context().strip();
        StringBuilder docs = new StringBuilder();
        for (AnalysisRequest.NamedText doc : request.documents()) {
            String text = doc.text() == null ? "" : doc.text();
            docs.append(text, 0, Math.min(text.length(), MAX_DOC_CHARS)).append('\n');
        }
        String documents = docs.toString().strip();
        if (context.isEmpty() && documents.isEmpty()) {
            return emptyDraft(request);
        }
        String focus = context.isEmpty() ? clip(documents, 1500) : context + "\n" + clip(documents, 600);
        Embedding whole = MiniLmEmbeddings.embed(focus);
        String lower = (context + "\n" + documents).toLowerCase(Locale.ROOT);

        List<String> phrases = keyPhrases(context, documents, whole);
        Set<String> acronyms = new LinkedHashSet<>();
        Matcher caps = ACRONYM.matcher(context + "\n" + documents);
        while (caps.find()) {
            acronyms.add(caps.group().toLowerCase(Locale.ROOT));
        }
        String name = name(phrases, context, acronyms);
        String description = description(context, documents, whole, request);
        Match match = bestTemplate(request.templates(), whole, lower);

        Set<String> tags = new LinkedHashSet<>();
        for (String p : phrases) {
            if (tags.size() >= MAX_TAGS - 1) {
                break;
            }
            tags.add(p.toLowerCase(Locale.ROOT).replace(' ', '-'));
        }
        String domain = match == null ? GENERAL : match.template().category();
        tags.add(domain);
        String type = match == null
                ? Project.DEFAULT_TYPE
                : match.template().blueprint().type();
        Map<String, Object> params = match == null
                ? Map.of()
                : new LinkedHashMap<>(match.template().blueprint().params());
        return new ProjectDraft(
                name,
                description,
                type,
                List.copyOf(tags),
                domain,
                params,
                match == null ? null : match.template().id());
    }

    private ProjectDraft emptyDraft(AnalysisRequest request) {
        List<String> names = request.documents().stream()
                .map(AnalysisRequest.NamedText::filename)
                .toList();
        String description = names.isEmpty() ? "" : "Created from " + String.join(", ", names);
        return new ProjectDraft(
                "Untitled Project", description, Project.DEFAULT_TYPE, List.of(GENERAL), GENERAL, Map.of(), null);
    }

    // ---------------------------------------------------------------- key phrases

    private record Candidate(String text, int words, boolean inContext, int count, int position) {}

    private List<String> keyPhrases(String context, String documents, Embedding whole) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        collect(context, true, found);
        collect(documents, false, found);
        List<Candidate> pool = found.values().stream()
                .sorted(Comparator.comparing((Candidate c) -> !c.inContext())
                        .thenComparing(Comparator.comparingInt(Candidate::count).reversed())
                        .thenComparingInt(Candidate::position))
                .limit(MAX_CANDIDATES)
                .toList();
        if (pool.isEmpty()) {
            return List.of();
        }
        List<Embedding> vectors =
                MiniLmEmbeddings.embedAll(pool.stream().map(Candidate::text).toList());
        double[] score = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            Candidate c = pool.get(i);
            score[i] = MiniLmEmbeddings.cosine(vectors.get(i), whole)
                    + (c.inContext() ? 0.08 : 0)
                    + 0.04 * Math.min(c.words() - 1, 2)
                    + 0.02 * Math.log1p(c.count());
        }
        // maximal marginal relevance: relevant, but not near-duplicates of what is already chosen
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[pool.size()];
        for (int round = 0; round < pool.size() && chosen.size() < 8; round++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                if (used[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, MiniLmEmbeddings.cosine(vectors.get(i), vectors.get(j)));
                }
                double value = 0.75 * score[i] - 0.25 * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            used[best] = true;
            String picked = pool.get(best).text();
            if (chosen.stream().noneMatch(j -> overlaps(pool.get(j).text(), picked))) {
                chosen.add(best);
            }
        }
        return chosen.stream().map(i -> pool.get(i).text()).toList();
    }

    private static boolean overlaps(String a, String b) {
        String x = " " + a.toLowerCase(Locale.ROOT) + " ";
        String y = " " + b.toLowerCase(Locale.ROOT) + " ";
        return x.contains(y) || y.contains(x);
    }

    private static void collect(String text, boolean inContext, Map<String, Candidate> found) {
        int position = found.size();
        for (String sentence : SENTENCE_BREAK.split(text)) {
            List<String> run = new ArrayList<>();
            Matcher m = WORD.matcher(sentence);
            int previousEnd = 0;
            while (m.find()) {
                String gap = sentence.substring(previousEnd, m.start());
                previousEnd = m.end();
                if (PHRASE_BREAK.matcher(gap).find()) { // a comma or bracket ends a phrase
                    addRun(run, inContext, found, position++);
                    run.clear();
                }
                String word = m.group();
                String lower = word.toLowerCase(Locale.ROOT);
                boolean content =
                        !STOP.contains(lower) && !lower.chars().allMatch(Character::isDigit) && lower.length() > 1;
                if (content) {
                    run.add(lower);
                } else {
                    addRun(run, inContext, found, position++);
                    run.clear();
                }
            }
            addRun(run, inContext, found, position++);
        }
    }

    private static void addRun(List<String> run, boolean inContext, Map<String, Candidate> found, int position) {
        if (run.isEmpty()) {
            return;
        }
        if (run.size() <= 4) {
            add(String.join(" ", run), run.size(), inContext, found, position);
        }
        for (int n = 2; n <= 3 && n < run.size(); n++) {
            for (int i = 0; i + n <= run.size(); i++) {
                add(String.join(" ", run.subList(i, i + n)), n, inContext, found, position);
            }
        }
        if (run.size() > 1) {
            for (String word : run) {
                if (word.length() >= 4) {
                    add(word, 1, inContext, found, position);
                }
            }
        }
    }

    private static void add(String phrase, int words, boolean inContext, Map<String, Candidate> found, int position) {
        if (words == 1 && phrase.length() < 4) {
            return;
        }
        found.merge(
                phrase,
                new Candidate(phrase, words, inContext, 1, position),
                (old, neu) -> new Candidate(
                        old.text(), old.words(), old.inContext() || inContext, old.count() + 1, old.position()));
    }

    // ---------------------------------------------------------------- name

    private static String name(List<String> phrases, String context, Set<String> acronyms) {
        String contextStart = context.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        for (String phrase : phrases.subList(0, Math.min(phrases.size(), 5))) {
            int words = phrase.split(" ").length;
            if (words >= 2 && words <= 4 && !contextStart.startsWith(phrase)) {
                return titleCase(phrase, acronyms);
            }
        }
        List<String> words = new ArrayList<>();
        for (String phrase : phrases) {
            for (String w : phrase.split(" ")) {
                if (!words.contains(w) && words.size() < 3) {
                    words.add(w);
                }
            }
        }
        if (words.isEmpty()) {
            return "Untitled Project";
        }
        String joined = String.join(" ", words);
        if (words.size() == 1 || contextStart.startsWith(joined)) {
            joined = joined + " analysis";
        }
        return titleCase(joined, acronyms);
    }

    static String titleCase(String phrase, Set<String> acronyms) {
        StringBuilder out = new StringBuilder();
        String[] words = phrase.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                out.append(' ');
            }
            if (acronyms.contains(w)) {
                out.append(w.toUpperCase(Locale.ROOT));
                continue;
            }
            if (i > 0 && SMALL_WORDS.contains(w)) {
                out.append(w);
                continue;
            }
            StringBuilder cased = new StringBuilder();
            boolean start = true;
            for (char ch : w.toCharArray()) {
                cased.append(start ? Character.toUpperCase(ch) : ch);
                start = ch == '-';
            }
            out.append(cased);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- description

    private static String description(String context, String documents, Embedding whole, AnalysisRequest request) {
        List<String> sentences = new ArrayList<>();
        addSentences(context, sentences);
        if (sentences.size() < 2) {
            addSentences(documents, sentences);
        }
        if (sentences.isEmpty()) {
            if (!context.isEmpty()) {
                return clip(context.replaceAll("\\s+", " "), MAX_DESCRIPTION);
            }
            return "Created from "
                    + String.join(
                            ", ",
                            request.documents().stream()
                                    .map(AnalysisRequest.NamedText::filename)
                                    .toList());
        }
        List<Embedding> vectors = MiniLmEmbeddings.embedAll(sentences);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -MiniLmEmbeddings.cosine(vectors.get(i), whole)));
        List<Integer> top = new ArrayList<>(order.subList(0, Math.min(2, order.size())));
        top.sort(Comparator.naturalOrder());
        StringBuilder out = new StringBuilder();
        for (int i : top) {
            String s = sentences.get(i);
            if (out.length() + s.length() + 1 > MAX_DESCRIPTION) {
                break;
            }
            out.append(out.isEmpty() ? "" : " ").append(s);
        }
        return out.isEmpty() ? clip(sentences.get(top.get(0)), MAX_DESCRIPTION) : out.toString();
    }

    private static void addSentences(String text, List<String> sentences) {
        String flat = text.replaceAll("[ \\t\\x0B\\f]+", " ");
        for (String s : flat.split("(?<=[.!?])\\s+|\\R{2,}|\\R(?=\\p{Lu})")) {
            String sentence = s.replaceAll("\\s+", " ").strip();
            long words = WORD.matcher(sentence).results().count();
            if (sentence.length() >= 20 && sentence.length() <= 400 && words >= 4 && !sentences.contains(sentence)) {
                if (!sentence.endsWith(".") && !sentence.endsWith("!") && !sentence.endsWith("?")) {
                    sentence = sentence + ".";
                }
                sentences.add(Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1));
            }
            if (sentences.size() >= MAX_SENTENCES) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- template

    private record Match(Template template, double score) {}

    private Match bestTemplate(List<Template> templates, Embedding whole, String lowerText) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(lowerText);
        while (m.find()) {
            words.add(m.group());
        }
        Match best = null;
        for (Template t : templates) {
            String profile = t.name() + ". " + t.description() + " Keywords: " + String.join(", ", t.keywords());
            Embedding e = templateEmbeddings.computeIfAbsent(profile, MiniLmEmbeddings::embed);
            long hits = t.keywords().stream()
                    .map(k -> k.toLowerCase(Locale.ROOT))
                    .filter(k -> words.contains(k) || words.contains(k + "s"))
                    .count();
            double score = MiniLmEmbeddings.cosine(e, whole) + Math.min(0.05 * hits, 0.25);
            if (best == null || score > best.score()) {
                best = new Match(t, score);
            }
        }
        return best == null || best.score() < MIN_TEMPLATE_SCORE ? null : best;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
