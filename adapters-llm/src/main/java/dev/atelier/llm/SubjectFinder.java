package dev.atelier.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object of the work where the statement names it without a task word: a heading before a
 * colon ("Customer lifetime value: estimate ..."), a question or risk phrase about who or what will
 * do something ("which shipments will arrive late" → Shipment Delay, "students at risk of dropping
 * out" → Student Dropout), or the quantity asked about ("how many chats will reach us").
 */
final class SubjectFinder {
    private static final Pattern HEADING = Pattern.compile("^\\s*([^:.?!\\n]{3,48}):\\s");
    private static final int MAX_OBJECT_WORDS = ProjectNamer.MAX_OBJECT_WORDS;

    private final NamingVocabulary vocabulary;
    private final ObjectCleaner cleaner;
    private final NounPhrases phrases;

    SubjectFinder(NamingVocabulary vocabulary, ObjectCleaner cleaner, NounPhrases phrases) {
        this.vocabulary = vocabulary;
        this.cleaner = cleaner;
        this.phrases = phrases;
    }

    /** "Customer lifetime value: estimate ..." — two to four words naming the subject, no task word. */
    NounAndObject heading(String statement, String noun) {
        Matcher m = HEADING.matcher(statement);
        if (!m.find()) {
            return null;
        }
        List<NamingToken> words = NamingToken.tokens(m.group(1));
        if (words.size() < 2 || words.size() > 4) {
            return null;
        }
        for (NamingToken t : words) {
            if (!vocabulary.isObjectWord(t.lower())
                    || vocabulary.trigger(t.lower()) != null
                    || vocabulary.nominal().contains(t.lower())) {
                return null;
            }
        }
        List<String> object =
                cleaner.clean(words.stream().map(NamingToken::lower).toList());
        return object.isEmpty() ? null : new NounAndObject(noun, object);
    }

    /**
     * "which shipments will arrive late", "policyholders are likely to lapse", "students at risk
     * of dropping out": the subject and the noun of the event (Shipment Delay, Policyholder Lapse,
     * Student Dropout). Only when the event verb is a known one; the task noun is the task kind's
     * (such questions are asked of a classifier whatever verb introduces them).
     */
    NounAndObject question(List<NamingToken> tokens, String kindNoun) {
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).lower();
            if (w.equals("which") || w.equals("what")) {
                NounAndObject found = subjectAndEvent(tokens, i + 1, kindNoun);
                if (found != null) {
                    return found;
                }
            }
            if (w.equals("risk") && i > 1 && tokens.get(i - 1).lower().equals("at")) {
                NounAndObject found = atRisk(tokens, i, kindNoun);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private NounAndObject subjectAndEvent(List<NamingToken> tokens, int from, String kindNoun) {
        List<String> subject = new ArrayList<>();
        int j = from;
        for (; j < tokens.size() && subject.size() < MAX_OBJECT_WORDS; j++) {
            NamingToken t = tokens.get(j);
            if (j > from && t.breakBefore()) {
                return null;
            }
            if (subject.isEmpty() && vocabulary.skip().contains(t.lower())) {
                continue;
            }
            if (vocabulary.auxiliaries().contains(t.lower()) || !vocabulary.isObjectWord(t.lower())) {
                break;
            }
            subject.add(t.lower());
        }
        if (subject.isEmpty()
                || j >= tokens.size()
                || !vocabulary.auxiliaries().contains(tokens.get(j).lower())) {
            return null;
        }
        while (j < tokens.size()
                && vocabulary.auxiliaries().contains(tokens.get(j).lower())) {
            j++;
        }
        String event = event(tokens, j);
        if (event == null) {
            return null;
        }
        List<String> object = new ArrayList<>(cleaner.clean(subject));
        object.addAll(List.of(event.split(" ")));
        return new NounAndObject(kindNoun, object);
    }

    /** "{subject} at risk of {event}": the subject is the phrase right before "at". */
    private NounAndObject atRisk(List<NamingToken> tokens, int riskAt, String kindNoun) {
        if (riskAt + 2 >= tokens.size() || !tokens.get(riskAt + 1).lower().equals("of")) {
            return null;
        }
        List<String> subject = new ArrayList<>();
        int start = riskAt - 2;
        while (start >= 0 && vocabulary.auxiliaries().contains(tokens.get(start).lower())) {
            start--; // "patients are at risk of"
        }
        for (int j = start; j >= 0 && subject.size() < 2; j--) {
            NamingToken t = tokens.get(j);
            if (!vocabulary.isObjectWord(t.lower()) || vocabulary.auxiliaries().contains(t.lower())) {
                break;
            }
            subject.add(0, t.lower());
            if (tokens.get(j).breakBefore()) {
                break;
            }
        }
        String event = event(tokens, riskAt + 2);
        List<String> what = event != null
                ? List.of(event.split(" "))
                : phrases.phraseAfter(tokens, riskAt + 2).words();
        List<String> cleanSubject = cleaner.clean(subject);
        if (cleanSubject.isEmpty() || what.isEmpty()) {
            return null;
        }
        List<String> object = new ArrayList<>(cleanSubject);
        object.addAll(what);
        return new NounAndObject(kindNoun, object);
    }

    /** The noun of the event verb at {@code at} (with its particle: "drop out", "arrive late"), or null. */
    private String event(List<NamingToken> tokens, int at) {
        if (at >= tokens.size()) {
            return null;
        }
        String verb = tokens.get(at).lower();
        String next = at + 1 < tokens.size() && !tokens.get(at + 1).breakBefore()
                ? tokens.get(at + 1).lower()
                : "";
        for (String lemma : lemmas(verb)) {
            if (!next.isEmpty() && vocabulary.events().containsKey(lemma + " " + next)) {
                return vocabulary.events().get(lemma + " " + next);
            }
            if (vocabulary.events().containsKey(lemma)) {
                return vocabulary.events().get(lemma);
            }
        }
        return null;
    }

    /** Base forms a verb form may have: cancelled, cancels, dropping, leaving, lapsing ... */
    private static List<String> lemmas(String w) {
        List<String> out = new ArrayList<>(List.of(w));
        for (String ending : List.of("ing", "ed", "es", "s", "d")) {
            if (w.endsWith(ending) && w.length() > ending.length() + 2) {
                String stem = w.substring(0, w.length() - ending.length());
                out.add(stem);
                out.add(stem + "e");
                if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                    out.add(stem.substring(0, stem.length() - 1)); // dropping -> drop, cancelled -> cancel
                }
            }
        }
        return out;
    }

    /** "how much water each field gets", "how many chats will reach us": the quantity asked about. */
    NounAndObject quantity(List<NamingToken> tokens, String kindNoun) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            String next = tokens.get(i + 1).lower();
            if (tokens.get(i).lower().equals("how") && (next.equals("much") || next.equals("many"))) {
                NounPhrases.Phrase phrase = phrases.phraseAfter(tokens, i + 2);
                List<String> object = cleaner.clean(phrase.words());
                if (!object.isEmpty()) {
                    return new NounAndObject(kindNoun, object);
                }
            }
        }
        return null;
    }
}
