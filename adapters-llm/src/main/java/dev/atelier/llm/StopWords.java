package dev.atelier.llm;

import java.util.Locale;
import java.util.Set;

/** Words that never start, end or sit inside a key phrase (resource {@code stopwords.txt}). */
final class StopWords {
    static final String RESOURCE = "stopwords.txt";
    private static final Set<String> WORDS = Set.copyOf(AnalyzerResources.lines(RESOURCE));

    private StopWords() {}

    static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
