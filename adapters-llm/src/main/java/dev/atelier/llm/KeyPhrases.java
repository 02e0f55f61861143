package dev.atelier.llm;

import dev.langchain4j.data.embedding.Embedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key phrases of a request: runs of content words (stop words and punctuation split them,
 * RAKE-style) from the context and the documents, ranked by embedding similarity to the whole text
 * with a bonus for phrases the user wrote in the context, then diversified by maximal marginal
 * relevance so that near-duplicates do not crowd the list.
 */
final class KeyPhrases {
    static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?:[-'][\\p{L}\\p{N}]+)*|\\p{N}+");
    private static final Pattern PHRASE_BREAK = Pattern.compile("[,;:()\\[\\]/&\"?!]");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;:])\\s+|\\R+|\\t+");
    /** A pronoun or verb with its auxiliary ("they're", "we've", "don't") names nothing. */
    private static final Pattern CONTRACTION = Pattern.compile("'(re|ve|ll|d|m|t)$|n't$");

    private static final int MAX_CANDIDATES = 12;
    private static final int MAX_PHRASES = 8;

    private KeyPhrases() {}

    private record Candidate(String text, int words, boolean inContext, int count, int position) {}

    /** Up to eight phrases, most relevant first, in lower case. */
    static List<String> of(RequestText text, Embedding whole) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        collect(text.context(), true, found);
        collect(RequestText.clip(text.documents(), 4000), false, found);
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
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[pool.size()];
        for (int round = 0; round < pool.size() && chosen.size() < MAX_PHRASES; round++) {
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
        String x = " " + a + " ";
        String y = " " + b + " ";
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
                if (PHRASE_BREAK.matcher(gap).find()) {
                    addRun(run, inContext, found, position++);
                    run.clear();
                }
                String lower = m.group().toLowerCase(Locale.ROOT);
                if (isContent(lower)) {
                    run.add(lower);
                } else {
                    addRun(run, inContext, found, position++);
                    run.clear();
                }
            }
            addRun(run, inContext, found, position++);
        }
    }

    static boolean isContent(String lower) {
        return !StopWords.contains(lower)
                && !lower.chars().allMatch(Character::isDigit)
                && lower.length() > 1
                && !CONTRACTION.matcher(lower).find();
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
}
