package dev.atelier.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cleans the object a rule found: state words in front go ("incoming CVs", "recorded calls"), a
 * condition in front becomes the thing detected ("fraudulent transactions" → transaction fraud),
 * people and containers at the end go ("complaints team", "transfer patterns"); an object of time
 * words or counts alone is none.
 */
final class ObjectCleaner {
    private final NamingVocabulary vocabulary;

    ObjectCleaner(NamingVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The cleaned object, lower case; empty when nothing names a thing. */
    List<String> clean(List<String> object) {
        List<String> words = new ArrayList<>(object);
        String condition = null;
        while (words.size() > 1
                && (vocabulary.isQualifier(words.getFirst())
                        || vocabulary.conditions().containsKey(words.getFirst()))) {
            String w = words.removeFirst();
            if (vocabulary.conditions().containsKey(w) && condition == null) {
                condition = vocabulary.conditions().get(w);
            }
        }
        while (words.size() > 1 && vocabulary.notObject().contains(words.getLast())) {
            words.removeLast();
        }
        if (words.size() == 1
                && (vocabulary.notObject().contains(words.getFirst())
                        || vocabulary.qualifiers().contains(words.getFirst()))) {
            words.clear();
        }
        if (words.stream()
                .allMatch(w -> vocabulary.temporal().contains(vocabulary.singular(w, Set.of()))
                        || vocabulary.numbers().contains(w))) {
            words.clear(); // "every 4 hours", "how many years", "thousands of reviews": a unit or a count
        }
        if (condition != null && !words.isEmpty()) {
            words.add(condition);
        }
        return words;
    }
}
