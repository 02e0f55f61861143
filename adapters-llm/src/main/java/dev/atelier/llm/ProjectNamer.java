package dev.atelier.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a project the way people do: the object of the work followed by a task noun ("Delivery
 * Route Optimization", "Crop Yield Prediction"), 2 to 5 words in Title Case.
 *
 * <p>The object is found by the first rule that applies (word lists in resource {@code
 * naming.json}, general English, not taken from any evaluation case):
 *
 * <ol>
 *   <li>a heading before a colon that names the subject ("Customer lifetime value: estimate ..." →
 *       Customer Lifetime Value);
 *   <li>a question or risk phrase about who or what will do something: "which shipments will arrive
 *       late" → Shipment Delay, "students at risk of dropping out" → Student Dropout (the event
 *       verb becomes its noun);
 *   <li>the noun phrase governed by the word that states the task (a trigger such as "forecast",
 *       "segment", "extract"), read with a few rules of English: determiners skipped, a phrase
 *       ends at a preposition, punctuation or its first plural noun, "the cost of a claim" →
 *       Claim Cost, "anomalies in revenue" → Revenue Anomaly Detection, "how long a case will
 *       last" → Case Duration, a noun before a nominal trigger is its object ("cash forecast").
 *       A word that is a noun as often as a verb ("plans", "grades", "forecast") is a trigger only
 *       where a verb stands;
 *   <li>the best key phrase of the request.
 * </ol>
 *
 * <p>The object is then cleaned: state words in front are dropped ("incoming", "recorded"), a
 * condition in front becomes the thing detected ("fraudulent card transactions" → Card
 * Transaction Fraud), words that name who does the work or a vague container ("team", "model",
 * "patterns") are dropped at the end. Modifiers are singular; acronyms and mixed-case words
 * (HbA1c, XGBoost) keep their case.
 */
final class ProjectNamer {
    static final String RESOURCE = "naming.json";
    static final String UNTITLED = "Untitled Project";
    private static final Pattern BREAK = Pattern.compile("[,;:()\\[\\]/&\"?!.\u2013\u2014]|\\s-\\s");
    private static final Pattern HEADING = Pattern.compile("^\\s*([^:.?!\\n]{3,48}):\\s");
    private static final Set<String> PREPOSITIONS =
            Set.of("in", "of", "on", "across", "from", "among", "within", "for", "at", "by", "with", "into", "to");
    private static final Set<String> SMALL_WORDS = Set.of("and", "or", "of", "for", "the", "a", "an", "in", "on", "to");
    private static final int MAX_OBJECT_WORDS = 3;
    private static final String ANOMALY_DETECTION = "Anomaly Detection";
    private static final String DETECTION = "Detection";
    /** Task nouns of work that reads documents: its object is the document read. */
    private static final Set<String> READS_DOCUMENTS = Set.of("Summarization", "Question Answering");

    private record Trigger(Pattern match, String noun) {}

    private final List<Trigger> triggers = new ArrayList<>();
    private final Set<String> nominal;
    private final Set<String> ambiguous;
    private final Set<String> verbBefore;
    private final Set<String> skip;
    private final Set<String> stopObject;
    private final Set<String> measures;
    private final Set<String> generic;
    private final Map<String, String> taskObjects = new LinkedHashMap<>();
    private final Set<String> uncountable;
    private final Map<String, String> irregular = new LinkedHashMap<>();
    private final Set<String> keepInObject;
    private final Map<String, String> events = new LinkedHashMap<>();
    private final Set<String> auxiliaries;
    private final Map<String, String> conditions = new LinkedHashMap<>();
    private final Set<String> qualifiers;
    private final Set<String> temporal;
    private final Set<String> notObject;
    private final Set<String> documentNouns;
    private final Set<String> numbers;

    ProjectNamer() {
        JsonNode root = AnalyzerResources.json(RESOURCE);
        for (JsonNode t : root.path("triggers")) {
            triggers.add(new Trigger(
                    Pattern.compile(t.path("match").asText()), t.path("noun").asText()));
        }
        nominal = strings(root, "nominal");
        ambiguous = strings(root, "ambiguous");
        verbBefore = strings(root, "verb_before");
        skip = strings(root, "skip");
        stopObject = strings(root, "stop_object");
        measures = strings(root, "measures");
        generic = strings(root, "generic");
        root.path("task_objects")
                .fields()
                .forEachRemaining(e -> taskObjects.put(e.getKey(), e.getValue().asText()));
        uncountable = strings(root, "uncountable");
        root.path("irregular")
                .fields()
                .forEachRemaining(e -> irregular.put(e.getKey(), e.getValue().asText()));
        keepInObject = strings(root, "keep_in_object");
        root.path("events")
                .fields()
                .forEachRemaining(e -> events.put(e.getKey(), e.getValue().asText()));
        auxiliaries = strings(root, "auxiliaries");
        root.path("conditions")
                .fields()
                .forEachRemaining(e -> conditions.put(e.getKey(), e.getValue().asText()));
        qualifiers = strings(root, "qualifiers");
        temporal = strings(root, "temporal");
        notObject = strings(root, "not_object");
        documentNouns = strings(root, "document_nouns");
        numbers = strings(root, "numbers");
    }

    private static Set<String> strings(JsonNode root, String field) {
        return Set.copyOf(AnalyzerResources.strings(root.get(field)));
    }

    /**
     * One word of the statement as written and in lower case; {@code breakBefore} when
     * punctuation separates it from the previous one.
     */
    record Token(String lower, String original, boolean breakBefore) {}

    /**
     * The name for a request.
     *
     * @param statement where the task is stated (the context, or the start of the documents)
     * @param kindNoun the task noun of the task kind, used when the statement has no trigger
     * @param phrases the request's key phrases, best first (the fallback object)
     * @param acronyms words written in capitals in the request, in lower case
     */
    String name(String statement, String kindNoun, List<String> phrases, Set<String> acronyms) {
        List<Token> tokens = tokens(statement);
        Map<String, String> cased = originalCase(tokens);
        NounAndObject found = fromTriggers(tokens, kindNoun);
        NounAndObject heading = heading(statement, found == null ? kindNoun : found.noun());
        NounAndObject question = question(tokens, kindNoun);
        NounAndObject chosen = heading != null ? heading : question != null ? question : found;
        if (chosen == null) {
            chosen = quantity(tokens, kindNoun);
        }
        String noun = chosen == null ? kindNoun : chosen.noun();
        List<String> object = chosen == null ? List.of() : chosen.object();
        if (READS_DOCUMENTS.contains(noun)
                && (chosen == null || !chosen.direct())
                && object.stream().noneMatch(documentNouns::contains)) {
            // "credit memos run to 30 pages; the committee wants a 1-page summary": unless a verb
            // says what is summarised, it is the document, not the summary's size or the topic of
            // a question
            List<String> document = documentPhrase(tokens);
            if (!document.isEmpty()) {
                object = document;
            }
        }
        if (object.isEmpty()) {
            object = clean(fallbackObject(phrases, noun));
        }
        if (object.isEmpty()) {
            return UNTITLED;
        }
        if (noun.equals(DETECTION) && kindNoun.equals(ANOMALY_DETECTION)) {
            noun = ANOMALY_DETECTION; // "find tax returns that look unusual": the detection is of anomalies
        }
        List<String> words = new ArrayList<>(object);
        String last = words.getLast();
        if (noun.equals(DETECTION) || noun.equals(ANOMALY_DETECTION)) {
            if (last.equals("anomaly")) { // "unusual traffic" -> Traffic Anomaly Detection
                words.removeLast();
                noun = ANOMALY_DETECTION;
            } else if (conditions.containsValue(last)) {
                noun = DETECTION; // Card Transaction Fraud Detection, not Fraud Anomaly Detection
            }
        }
        if (words.isEmpty()) {
            return UNTITLED;
        }
        List<String> kept = new ArrayList<>();
        for (String w : words.subList(Math.max(0, words.size() - MAX_OBJECT_WORDS), words.size())) {
            kept.add(singular(w, acronyms));
        }
        return (titleCase(String.join(" ", kept), acronyms, cased) + " " + noun).strip();
    }

    /** {@code direct}: the object is the phrase a task verb governs ("summarise the board minutes"). */
    private record NounAndObject(String noun, List<String> object, boolean direct) {
        NounAndObject(String noun, List<String> object) {
            this(noun, object, false);
        }
    }

    // ---------------------------------------------------------------- rule 1: a heading

    /** "Customer lifetime value: estimate ..." — two to four words naming the subject, no task word. */
    private NounAndObject heading(String statement, String noun) {
        Matcher m = HEADING.matcher(statement);
        if (!m.find()) {
            return null;
        }
        List<Token> words = tokens(m.group(1));
        if (words.size() < 2 || words.size() > 4) {
            return null;
        }
        for (Token t : words) {
            if (!isObjectWord(t.lower()) || trigger(t.lower()) != null || nominal.contains(t.lower())) {
                return null;
            }
        }
        List<String> object = clean(words.stream().map(Token::lower).toList());
        return object.isEmpty() ? null : new NounAndObject(noun, object);
    }

    // ---------------------------------------------------------------- rule 2: who or what will do something

    /**
     * "which shipments will arrive late", "policyholders are likely to lapse", "students at risk
     * of dropping out": the subject and the noun of the event (Shipment Delay, Policyholder Lapse,
     * Student Dropout). Only when the event verb is a known one; the task noun is the task kind's
     * (such questions are asked of a classifier whatever verb introduces them).
     */
    private NounAndObject question(List<Token> tokens, String kindNoun) {
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

    private NounAndObject subjectAndEvent(List<Token> tokens, int from, String kindNoun) {
        List<String> subject = new ArrayList<>();
        int j = from;
        for (; j < tokens.size() && subject.size() < MAX_OBJECT_WORDS; j++) {
            Token t = tokens.get(j);
            if (j > from && t.breakBefore()) {
                return null;
            }
            if (subject.isEmpty() && skip.contains(t.lower())) {
                continue;
            }
            if (auxiliaries.contains(t.lower()) || !isObjectWord(t.lower())) {
                break;
            }
            subject.add(t.lower());
        }
        if (subject.isEmpty()
                || j >= tokens.size()
                || !auxiliaries.contains(tokens.get(j).lower())) {
            return null;
        }
        while (j < tokens.size() && auxiliaries.contains(tokens.get(j).lower())) {
            j++;
        }
        String event = event(tokens, j);
        if (event == null) {
            return null;
        }
        List<String> object = new ArrayList<>(clean(subject));
        object.addAll(List.of(event.split(" ")));
        return new NounAndObject(kindNoun, object);
    }

    /** "{subject} at risk of {event}": the subject is the phrase right before "at". */
    private NounAndObject atRisk(List<Token> tokens, int riskAt, String kindNoun) {
        if (riskAt + 2 >= tokens.size() || !tokens.get(riskAt + 1).lower().equals("of")) {
            return null;
        }
        List<String> subject = new ArrayList<>();
        int start = riskAt - 2;
        while (start >= 0 && auxiliaries.contains(tokens.get(start).lower())) {
            start--; // "patients are at risk of"
        }
        for (int j = start; j >= 0 && subject.size() < 2; j--) {
            Token t = tokens.get(j);
            if (!isObjectWord(t.lower()) || auxiliaries.contains(t.lower())) {
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
                : phraseAfter(tokens, riskAt + 2).words();
        List<String> cleanSubject = clean(subject);
        if (cleanSubject.isEmpty() || what.isEmpty()) {
            return null;
        }
        List<String> object = new ArrayList<>(cleanSubject);
        object.addAll(what);
        return new NounAndObject(kindNoun, object);
    }

    /** The noun of the event verb at {@code at} (with its particle: "drop out", "arrive late"), or null. */
    private String event(List<Token> tokens, int at) {
        if (at >= tokens.size()) {
            return null;
        }
        String verb = tokens.get(at).lower();
        String next = at + 1 < tokens.size() && !tokens.get(at + 1).breakBefore()
                ? tokens.get(at + 1).lower()
                : "";
        for (String lemma : lemmas(verb)) {
            if (!next.isEmpty() && events.containsKey(lemma + " " + next)) {
                return events.get(lemma + " " + next);
            }
            if (events.containsKey(lemma)) {
                return events.get(lemma);
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
    private NounAndObject quantity(List<Token> tokens, String kindNoun) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            String next = tokens.get(i + 1).lower();
            if (tokens.get(i).lower().equals("how") && (next.equals("much") || next.equals("many"))) {
                Phrase phrase = phraseAfter(tokens, i + 2);
                List<String> object = clean(phrase.words());
                if (!object.isEmpty()) {
                    return new NounAndObject(kindNoun, object);
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- rule 3: the phrase a trigger governs

    /** The first trigger that governs a usable object, with its task noun; null when none does. */
    private NounAndObject fromTriggers(List<Token> tokens, String kindNoun) {
        boolean purposeOnly = false;
        for (int i = 0; i < tokens.size(); i++) {
            String triggerNoun = trigger(tokens.get(i).lower());
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
            List<String> opening = clean(phraseAfter(tokens, 0).words());
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
    private boolean inPurposeClause(List<Token> tokens, int at) {
        boolean onlyObjectWords = true;
        for (int j = at - 1; j >= 0 && !tokens.get(j + 1).breakBefore(); j--) {
            String w = tokens.get(j).lower();
            if (w.equals("so") || (w.equals("for") && onlyObjectWords)) {
                return true; // "so we can plan", "for depot planning"
            }
            onlyObjectWords &= isObjectWord(w);
        }
        return false;
    }

    /**
     * A word that is a noun as often as a verb states the task only where a verb stands: first in
     * a sentence or clause, after "to", a modal or a subject pronoun; or as a noun with its object
     * in front ("staff rosters", "cash forecast"). "using grades and attendance" is no grading.
     */
    private boolean isTriggerHere(List<Token> tokens, int i) {
        String w = tokens.get(i).lower();
        if (!ambiguous.contains(w)) {
            return true;
        }
        if (i == 0
                || tokens.get(i).breakBefore()
                || verbBefore.contains(tokens.get(i - 1).lower())) {
            return true;
        }
        return isObjectWord(tokens.get(i - 1).lower())
                && !temporal.contains(tokens.get(i - 1).lower());
    }

    private NounAndObject objectOf(List<Token> tokens, int at, String noun) {
        String lower = tokens.get(at).lower();
        boolean verbPosition = at == 0
                || tokens.get(at).breakBefore()
                || verbBefore.contains(tokens.get(at - 1).lower());
        if (nominal.contains(lower) || (ambiguous.contains(lower) && !verbPosition)) {
            // "cash forecast", "portfolio optimisation", "staff rosters": the object comes first
            List<String> before = new ArrayList<>();
            for (int j = at; j > 0 && before.size() < MAX_OBJECT_WORDS; j--) {
                Token previous = tokens.get(j - 1);
                if (tokens.get(j).breakBefore() || !isObjectWord(previous.lower())) {
                    break;
                }
                before.add(0, previous.lower());
            }
            List<String> object = clean(before);
            if (!object.isEmpty()) {
                return new NounAndObject(noun, object);
            }
        }
        Duration duration = howLong(tokens, at + 1);
        if (duration != null) {
            return new NounAndObject(noun, duration.object());
        }
        Phrase phrase = phraseAfter(tokens, at + 1);
        if (phrase.words().isEmpty()) {
            return new NounAndObject(noun, List.of());
        }
        String head = phrase.words().getLast();
        String first = phrase.words().getFirst();
        if (taskObjects.containsKey(first)) { // "detect anomalies in daily revenue"
            Phrase of = phraseAfterPreposition(tokens, phrase.end());
            return new NounAndObject(taskObjects.get(first), clean(of.words()));
        }
        boolean followedByOf = phrase.end() < tokens.size()
                && tokens.get(phrase.end()).lower().equals("of")
                && !tokens.get(phrase.end()).breakBefore();
        if (followedByOf && (generic.contains(head) || measures.contains(head))) {
            Phrase of = phraseAfter(tokens, phrase.end() + 1);
            if (!of.words().isEmpty()) {
                if (generic.contains(head)) { // "the fields of permit applications"
                    return new NounAndObject(noun, clean(of.words()));
                }
                List<String> combined = new ArrayList<>(clean(of.words()));
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
        return new NounAndObject(noun, clean(phrase.words()), true);
    }

    private record Duration(List<String> object) {}

    /** "how long a litigation case will last" -> litigation case duration. */
    private Duration howLong(List<Token> tokens, int from) {
        if (from + 2 >= tokens.size()
                || !tokens.get(from).lower().equals("how")
                || !tokens.get(from + 1).lower().equals("long")) {
            return null;
        }
        Phrase subject = phraseAfter(tokens, from + 2);
        List<String> object = new ArrayList<>(clean(subject.words()));
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
    private List<String> listSource(List<Token> tokens, int from) {
        for (int j = from; j < tokens.size(); j++) {
            String w = tokens.get(j).lower();
            if (w.equals("from") || (w.equals("of") && tokens.get(j - 1).lower().equals("out"))) {
                List<String> source = clean(phraseAfter(tokens, j + 1).words());
                if (!source.isEmpty()) {
                    return source;
                }
            }
        }
        return documentPhrase(tokens);
    }

    /** The first kind of document the statement names, with its phrase ("the delivery notes we scan"); empty if none. */
    private List<String> documentPhrase(List<Token> tokens) {
        for (int j = 0; j < tokens.size(); j++) {
            if (documentNouns.contains(tokens.get(j).lower())) {
                List<String> around = new ArrayList<>();
                for (int k = j; k >= 0 && around.size() < MAX_OBJECT_WORDS; k--) {
                    Token t = tokens.get(k);
                    if (!isObjectWord(t.lower())) {
                        break;
                    }
                    around.add(0, t.lower());
                    if (t.breakBefore()) {
                        break;
                    }
                }
                // and the rest of its phrase: "lease agreements", "delivery notes"
                for (int k = j + 1;
                        k < tokens.size() && !isPlural(tokens.get(k - 1).lower());
                        k++) {
                    Token t = tokens.get(k);
                    if (t.breakBefore() || !isObjectWord(t.lower()) || around.size() > MAX_OBJECT_WORDS) {
                        break;
                    }
                    around.add(t.lower());
                }
                List<String> source = clean(around);
                if (!source.isEmpty()) {
                    return source;
                }
            }
        }
        return List.of();
    }

    private record Phrase(List<String> words, int end) {}

    /** The noun phrase starting at {@code from}: determiners skipped, ended by a break, a function word or a plural. */
    private Phrase phraseAfter(List<Token> tokens, int from) {
        List<String> words = new ArrayList<>();
        int j = from;
        while (j < tokens.size() && words.isEmpty()) {
            Token t = tokens.get(j);
            if ((j > from && t.breakBefore()) || stopObject.contains(t.lower())) {
                return new Phrase(List.of(), j);
            }
            if (skip.contains(t.lower()) || t.lower().chars().allMatch(Character::isDigit)) {
                j++;
                continue;
            }
            break;
        }
        for (; j < tokens.size() && words.size() < MAX_OBJECT_WORDS + 1; j++) {
            Token t = tokens.get(j);
            if (!words.isEmpty() && t.breakBefore()) {
                break;
            }
            if (stopObject.contains(t.lower()) || !isObjectWord(t.lower())) {
                break;
            }
            words.add(t.lower());
            if (isPlural(t.lower()) && !generic.contains(t.lower()) && !measures.contains(t.lower())) {
                j++;
                break;
            }
        }
        return new Phrase(words, j);
    }

    private Phrase phraseAfterPreposition(List<Token> tokens, int from) {
        for (int j = from; j < tokens.size() && j < from + 3; j++) {
            if (j > from && tokens.get(j).breakBefore()) {
                break;
            }
            if (PREPOSITIONS.contains(tokens.get(j).lower())) {
                return phraseAfter(tokens, j + 1);
            }
        }
        return new Phrase(List.of(), from);
    }

    // ---------------------------------------------------------------- rule 4: a key phrase

    private List<String> fallbackObject(List<String> phrases, String noun) {
        Set<String> nounWords = Set.of(noun.toLowerCase(Locale.ROOT).split(" "));
        for (String p : phrases) {
            List<String> words = List.of(p.split(" "));
            if (words.size() <= MAX_OBJECT_WORDS
                    && !clean(words).isEmpty()
                    && words.stream()
                            .noneMatch(w -> trigger(w) != null
                                    || generic.contains(w)
                                    || nounWords.stream().anyMatch(n -> n.startsWith(singular(w, Set.of()))))) {
                return words;
            }
        }
        for (String p : phrases) { // nothing better: any phrase that names something
            List<String> words = List.of(p.split(" "));
            if (words.size() <= MAX_OBJECT_WORDS && !clean(words).isEmpty()) {
                return words;
            }
        }
        return List.of();
    }

    // ---------------------------------------------------------------- cleaning an object

    /**
     * State words in front go ("incoming CVs", "recorded calls"), a condition in front becomes the
     * thing detected ("fraudulent transactions" -> transaction fraud), people and containers at the
     * end go ("complaints team", "transfer patterns"); an object of time words alone is none.
     */
    List<String> clean(List<String> object) {
        List<String> words = new ArrayList<>(object);
        String condition = null;
        while (words.size() > 1 && (isQualifier(words.getFirst()) || conditions.containsKey(words.getFirst()))) {
            String w = words.removeFirst();
            if (conditions.containsKey(w) && condition == null) {
                condition = conditions.get(w);
            }
        }
        while (words.size() > 1 && notObject.contains(words.getLast())) {
            words.removeLast();
        }
        if (words.size() == 1 && (notObject.contains(words.getFirst()) || qualifiers.contains(words.getFirst()))) {
            words.clear();
        }
        if (words.stream().allMatch(w -> temporal.contains(singular(w, Set.of())) || numbers.contains(w))) {
            words.clear(); // "every 4 hours", "how many years", "thousands of reviews": a unit or a count
        }
        if (condition != null && !words.isEmpty()) {
            words.add(condition);
        }
        return words;
    }

    private boolean isQualifier(String w) {
        if (qualifiers.contains(w)) {
            return true;
        }
        // a participle in front says what state the thing is in: scanned, recorded, discharged
        return w.length() > 5 && w.endsWith("ed") && !keepInObject.contains(w) && !uncountable.contains(w);
    }

    private boolean isObjectWord(String lower) {
        return (KeyPhrases.isContent(lower) || keepInObject.contains(lower))
                && !skip.contains(lower)
                && !PREPOSITIONS.contains(lower);
    }

    private String trigger(String lower) {
        for (Trigger t : triggers) {
            if (t.match().matcher(lower).matches()) {
                return t.noun();
            }
        }
        return null;
    }

    private boolean isPlural(String w) {
        if (irregular.containsKey(w)) {
            return true;
        }
        return w.length() > 3
                && w.endsWith("s")
                && !w.endsWith("ss")
                && !w.endsWith("us")
                && !w.endsWith("is")
                && !uncountable.contains(w);
    }

    String singular(String w, Set<String> acronyms) {
        if (irregular.containsKey(w)) {
            return irregular.get(w);
        }
        if (w.endsWith("s") && acronyms.contains(w.substring(0, w.length() - 1))) {
            return w.substring(0, w.length() - 1); // CVs -> CV
        }
        if (!isPlural(w)) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes")) {
            return w.substring(0, w.length() - 2);
        }
        return w.substring(0, w.length() - 1);
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = KeyPhrases.WORD.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            String gap = text.substring(previousEnd, m.start());
            String original = m.group().replaceAll("['\u2019]s$", "");
            out.add(new Token(
                    original.toLowerCase(Locale.ROOT),
                    original,
                    BREAK.matcher(gap).find() || gap.contains("\n")));
            previousEnd = m.end();
        }
        return out;
    }

    /** Words written in mixed case (HbA1c, XGBoost, YouTube) keep it in the name. */
    private static Map<String, String> originalCase(List<Token> tokens) {
        Map<String, String> cased = new LinkedHashMap<>();
        for (Token t : tokens) {
            String o = t.original();
            if (o.length() > 1 && !o.substring(1).equals(o.substring(1).toLowerCase(Locale.ROOT))) {
                cased.putIfAbsent(t.lower(), o);
            }
        }
        return cased;
    }

    static String titleCase(String phrase, Set<String> acronyms) {
        return titleCase(phrase, acronyms, Map.of());
    }

    static String titleCase(String phrase, Set<String> acronyms, Map<String, String> cased) {
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
            String original = cased.get(w);
            if (original != null && !original.equals(original.toUpperCase(Locale.ROOT))) {
                out.append(Character.toUpperCase(original.charAt(0))).append(original.substring(1));
                continue;
            }
            if (i > 0 && SMALL_WORDS.contains(w)) {
                out.append(w);
                continue;
            }
            StringBuilder casedWord = new StringBuilder();
            boolean start = true;
            for (char ch : w.toCharArray()) {
                casedWord.append(start ? Character.toUpperCase(ch) : ch);
                start = ch == '-';
            }
            out.append(casedWord);
        }
        return out.toString();
    }
}
