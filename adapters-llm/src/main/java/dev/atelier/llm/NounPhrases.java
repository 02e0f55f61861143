package dev.atelier.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * Noun phrases read off a statement's words with a few rules of English: determiners skipped, a
 * phrase ends at punctuation, a function word or its first plural noun.
 */
final class NounPhrases {
    private static final int MAX_OBJECT_WORDS = ProjectNamer.MAX_OBJECT_WORDS;

    /** The words of a phrase and the index of the first word after it. */
    record Phrase(List<String> words, int end) {}

    private final NamingVocabulary vocabulary;
    private final ObjectCleaner cleaner;

    NounPhrases(NamingVocabulary vocabulary, ObjectCleaner cleaner) {
        this.vocabulary = vocabulary;
        this.cleaner = cleaner;
    }

    /** The noun phrase starting at {@code from}: determiners skipped, ended by a break, a function word or a plural. */
    Phrase phraseAfter(List<NamingToken> tokens, int from) {
        List<String> words = new ArrayList<>();
        int j = from;
        while (j < tokens.size() && words.isEmpty()) {
            NamingToken t = tokens.get(j);
            if ((j > from && t.breakBefore()) || vocabulary.stopObject().contains(t.lower())) {
                return new Phrase(List.of(), j);
            }
            if (vocabulary.skip().contains(t.lower()) || t.lower().chars().allMatch(Character::isDigit)) {
                j++;
                continue;
            }
            break;
        }
        for (; j < tokens.size() && words.size() < MAX_OBJECT_WORDS + 1; j++) {
            NamingToken t = tokens.get(j);
            if (!words.isEmpty() && t.breakBefore()) {
                break;
            }
            if (vocabulary.stopObject().contains(t.lower()) || !vocabulary.isObjectWord(t.lower())) {
                break;
            }
            words.add(t.lower());
            if (vocabulary.isPlural(t.lower())
                    && !vocabulary.generic().contains(t.lower())
                    && !vocabulary.measures().contains(t.lower())) {
                j++;
                break;
            }
        }
        return new Phrase(words, j);
    }

    /** The phrase after a preposition within the next three words ("anomalies in daily revenue"); empty if none. */
    Phrase phraseAfterPreposition(List<NamingToken> tokens, int from) {
        for (int j = from; j < tokens.size() && j < from + 3; j++) {
            if (j > from && tokens.get(j).breakBefore()) {
                break;
            }
            if (NamingVocabulary.PREPOSITIONS.contains(tokens.get(j).lower())) {
                return phraseAfter(tokens, j + 1);
            }
        }
        return new Phrase(List.of(), from);
    }

    /** The first kind of document the statement names, with its phrase ("the delivery notes we scan"); empty if none. */
    List<String> documentPhrase(List<NamingToken> tokens) {
        for (int j = 0; j < tokens.size(); j++) {
            if (vocabulary.documentNouns().contains(tokens.get(j).lower())) {
                List<String> around = new ArrayList<>();
                for (int k = j; k >= 0 && around.size() < MAX_OBJECT_WORDS; k--) {
                    NamingToken t = tokens.get(k);
                    if (!vocabulary.isObjectWord(t.lower())) {
                        break;
                    }
                    around.add(0, t.lower());
                    if (t.breakBefore()) {
                        break;
                    }
                }
                // and the rest of its phrase: "lease agreements", "delivery notes"
                for (int k = j + 1;
                        k < tokens.size()
                                && !vocabulary.isPlural(tokens.get(k - 1).lower());
                        k++) {
                    NamingToken t = tokens.get(k);
                    if (t.breakBefore() || !vocabulary.isObjectWord(t.lower()) || around.size() > MAX_OBJECT_WORDS) {
                        break;
                    }
                    around.add(t.lower());
                }
                List<String> source = cleaner.clean(around);
                if (!source.isEmpty()) {
                    return source;
                }
            }
        }
        return List.of();
    }
}
