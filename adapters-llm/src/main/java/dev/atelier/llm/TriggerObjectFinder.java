package dev.atelier.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * The noun phrase governed by the word that states the task (a trigger such as "forecast",
 * "segment", "extract"), with the trigger's task noun: "the cost of a claim" → Claim Cost,
 * "anomalies in revenue" → Revenue Anomaly Detection, "how long a case will last" → Case Duration,
 * a noun before a nominal trigger is its object ("cash forecast"). A word that is a noun as often as
 * a verb ("plans", "grades", "forecast") is a trigger only where a verb stands.
 */
final class TriggerObjectFinder {
    private static final int MAX_OBJECT_WORDS = ProjectNamer.MAX_OBJECT_WORDS;

    private final NamingVocabulary vocabulary;
    private final ObjectCleaner cleaner;
    private final NounPhrases phrases;

    TriggerObjectFinder(NamingVocabulary vocabulary, ObjectCleaner cleaner, NounPhrases phrases) {
        this.vocabulary = vocabulary;
        this.cleaner = cleaner;
        this.phrases = phrases;
    }

    /** The first trigger that governs a usable object, with its task noun; null when none does. */
    NounAndObject find(List<NamingToken> tokens, String kindNoun) {
        boolean purposeOnly = false;
        for (int i = 0; i < tokens.size(); i++) {
            String triggerNoun = vocabulary.trigger(tokens.get(i).lower());
            if (triggerNoun == null || !isTriggerHere(tokens, i)) {
                continue;
            }
            if (inPurposeClause(tokens, i)) {
                purposeOnly = true;
                continue;
            }
            NounAndObject found = objectOf(tokens, i, triggerNoun);
            if (!found.object().isEmpty()) {
                return found;
            }
        }
        if (purposeOnly) { // "call volume per interval for the next 6 weeks, for staff scheduling"
            List<String> opening = cleaner.clean(phrases.phraseAfter(tokens, 0).words());
            if (!opening.isEmpty()) {
                return new NounAndObject(kindNoun, opening);
            }
        }
        return null;
    }

    /**
     * A task word in a clause of purpose says what the result is for, not what the work is: "...
     * for tanker planning", "... so the team can schedule refills".
     */
    private boolean inPurposeClause(List<NamingToken> tokens, int at) {
        boolean onlyObjectWords = true;
        for (int j = at - 1; j >= 0 && !tokens.get(j + 1).breakBefore(); j--) {
            String w = tokens.get(j).lower();
            if (w.equals("so") || (w.equals("for") && onlyObjectWords)) {
                return true; // "so we can plan", "for depot planning"
            }
            onlyObjectWords &= vocabulary.isObjectWord(w);
        }
        return false;
    }

    /**
     * A word that is a noun as often as a verb states the task only where a verb stands: first in
     * a sentence or clause, after "to", a modal or a subject pronoun; or as a noun with its object
     * in front ("staff rosters", "cash forecast"). "using grades and attendance" is no grading.
     */
    private boolean isTriggerHere(List<NamingToken> tokens, int i) {
        String w = tokens.get(i).lower();
        if (!vocabulary.ambiguous().contains(w)) {
            return true;
        }
        if (i == 0
                || tokens.get(i).breakBefore()
                || vocabulary.verbBefore().contains(tokens.get(i - 1).lower())) {
            return true;
        }
        return vocabulary.isObjectWord(tokens.get(i - 1).lower())
                && !vocabulary.temporal().contains(tokens.get(i - 1).lower());
    }

    private NounAndObject objectOf(List<NamingToken> tokens, int at, String noun) {
        String lower = tokens.get(at).lower();
        boolean verbPosition = at == 0
                || tokens.get(at).breakBefore()
                || vocabulary.verbBefore().contains(tokens.get(at - 1).lower());
        if (vocabulary.nominal().contains(lower) || (vocabulary.ambiguous().contains(lower) && !verbPosition)) {
            // "cash forecast", "portfolio optimisation", "staff rosters": the object comes first
            List<String> before = new ArrayList<>();
            for (int j = at; j > 0 && before.size() < MAX_OBJECT_WORDS; j--) {
                NamingToken previous = tokens.get(j - 1);
                if (tokens.get(j).breakBefore() || !vocabulary.isObjectWord(previous.lower())) {
                    break;
                }
                before.add(0, previous.lower());
            }
            List<String> object = cleaner.clean(before);
            if (!object.isEmpty()) {
                return new NounAndObject(noun, object);
            }
        }
        Duration duration = howLong(tokens, at + 1);
        if (duration != null) {
            return new NounAndObject(noun, duration.object());
        }
        NounPhrases.Phrase phrase = phrases.phraseAfter(tokens, at + 1);
        if (phrase.words().isEmpty()) {
            return new NounAndObject(noun, List.of());
        }
        String head = phrase.words().getLast();
        String first = phrase.words().getFirst();
        if (vocabulary.taskObjects().containsKey(first)) { // "detect anomalies in daily revenue"
            NounPhrases.Phrase of = phrases.phraseAfterPreposition(tokens, phrase.end());
            return new NounAndObject(vocabulary.taskObjects().get(first), cleaner.clean(of.words()));
        }
        boolean followedByOf = phrase.end() < tokens.size()
                && tokens.get(phrase.end()).lower().equals("of")
                && !tokens.get(phrase.end()).breakBefore();
        if (followedByOf
                && (vocabulary.generic().contains(head) || vocabulary.measures().contains(head))) {
            NounPhrases.Phrase of = phrases.phraseAfter(tokens, phrase.end() + 1);
            if (!of.words().isEmpty()) {
                if (vocabulary.generic().contains(head)) { // "the fields of permit applications"
                    return new NounAndObject(noun, cleaner.clean(of.words()));
                }
                List<String> combined = new ArrayList<>(cleaner.clean(of.words()));
                combined = new ArrayList<>(combined.subList(Math.max(0, combined.size() - 2), combined.size()));
                combined.add(head); // "the cost of a motor claim" -> motor claim cost
                return new NounAndObject(noun, combined);
            }
        }
        boolean list = phrase.end() < tokens.size()
                && tokens.get(phrase.end()).breakBefore()
                && (noun.equals("Extraction") || noun.equals("Parsing"));
        if (list) { // "extract names, dates and amounts from supplier invoices"
            List<String> source = listSource(tokens, phrase.end());
            if (!source.isEmpty()) {
                return new NounAndObject(noun, source);
            }
        }
        return new NounAndObject(noun, cleaner.clean(phrase.words()), true);
    }

    private record Duration(List<String> object) {}

    /** "how long a litigation case will last" -> litigation case duration. */
    private Duration howLong(List<NamingToken> tokens, int from) {
        if (from + 2 >= tokens.size()
                || !tokens.get(from).lower().equals("how")
                || !tokens.get(from + 1).lower().equals("long")) {
            return null;
        }
        NounPhrases.Phrase subject = phrases.phraseAfter(tokens, from + 2);
        List<String> object = new ArrayList<>(cleaner.clean(subject.words()));
        if (object.isEmpty()) {
            return null;
        }
        object.add("duration");
        return new Duration(object);
    }

    /**
     * Where a list of fields comes from: "... from supplier invoices", "... out of clinical notes",
     * or else the documents the statement names ("the delivery notes and bills of lading we scan").
     */
    private List<String> listSource(List<NamingToken> tokens, int from) {
        for (int j = from; j < tokens.size(); j++) {
            String w = tokens.get(j).lower();
            if (w.equals("from") || (w.equals("of") && tokens.get(j - 1).lower().equals("out"))) {
                List<String> source =
                        cleaner.clean(phrases.phraseAfter(tokens, j + 1).words());
                if (!source.isEmpty()) {
                    return source;
                }
            }
        }
        return phrases.documentPhrase(tokens);
    }
}
