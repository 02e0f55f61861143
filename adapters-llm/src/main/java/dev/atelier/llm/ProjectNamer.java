package dev.atelier.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>This class composes the name; the jobs behind it are its collaborators: {@link
 * NamingVocabulary} (the word lists), {@link NamingToken} (tokenising), {@link SubjectFinder}
 * (rules 1 and 2), {@link TriggerObjectFinder} (rule 3), {@link NounPhrases} (the noun phrases
 * the rules read), {@link ObjectCleaner} (cleaning the object) and {@link TitleCaser}.
 */
final class ProjectNamer {
    static final String UNTITLED = "Untitled Project";
    /** At most this many words of the object go into a name. */
    static final int MAX_OBJECT_WORDS = 3;

    private static final String ANOMALY_DETECTION = "Anomaly Detection";
    private static final String DETECTION = "Detection";
    /** Task nouns of work that reads documents: its object is the document read. */
    private static final Set<String> READS_DOCUMENTS = Set.of("Summarization", "Question Answering");

    private final NamingVocabulary vocabulary;
    private final ObjectCleaner cleaner;
    private final NounPhrases phrases;
    private final SubjectFinder subjects;
    private final TriggerObjectFinder triggered;

    ProjectNamer() {
        this(NamingVocabulary.load());
    }

    ProjectNamer(NamingVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.cleaner = new ObjectCleaner(vocabulary);
        this.phrases = new NounPhrases(vocabulary, cleaner);
        this.subjects = new SubjectFinder(vocabulary, cleaner, phrases);
        this.triggered = new TriggerObjectFinder(vocabulary, cleaner, phrases);
    }

    /**
     * The name for a request.
     *
     * @param statement where the task is stated (the context, or the start of the documents)
     * @param kindNoun the task noun of the task kind, used when the statement has no trigger
     * @param keyPhrases the request's key phrases, best first (the fallback object)
     * @param acronyms words written in capitals in the request, in lower case
     */
    String name(String statement, String kindNoun, List<String> keyPhrases, Set<String> acronyms) {
        List<NamingToken> tokens = NamingToken.tokens(statement);
        Map<String, String> cased = NamingToken.mixedCase(tokens);
        NounAndObject found = triggered.find(tokens, kindNoun);
        NounAndObject heading = subjects.heading(statement, found == null ? kindNoun : found.noun());
        NounAndObject question = subjects.question(tokens, kindNoun);
        NounAndObject chosen = heading != null ? heading : question != null ? question : found;
        if (chosen == null) {
            chosen = subjects.quantity(tokens, kindNoun);
        }
        String noun = chosen == null ? kindNoun : chosen.noun();
        List<String> object = chosen == null ? List.of() : chosen.object();
        if (READS_DOCUMENTS.contains(noun)
                && (chosen == null || !chosen.direct())
                && object.stream().noneMatch(vocabulary.documentNouns()::contains)) {
            // "credit memos run to 30 pages; the committee wants a 1-page summary": unless a verb
            // says what is summarised, it is the document, not the summary's size or the topic of
            // a question
            List<String> document = phrases.documentPhrase(tokens);
            if (!document.isEmpty()) {
                object = document;
            }
        }
        if (object.isEmpty()) {
            object = cleaner.clean(fallbackObject(keyPhrases, noun));
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
            } else if (vocabulary.conditions().containsValue(last)) {
                noun = DETECTION; // Card Transaction Fraud Detection, not Fraud Anomaly Detection
            }
        }
        if (words.isEmpty()) {
            return UNTITLED;
        }
        List<String> kept = new ArrayList<>();
        for (String w : words.subList(Math.max(0, words.size() - MAX_OBJECT_WORDS), words.size())) {
            kept.add(vocabulary.singular(w, acronyms));
        }
        return (TitleCaser.titleCase(String.join(" ", kept), acronyms, cased) + " " + noun).strip();
    }

    /** Rule 4: the best key phrase that names something and repeats neither a task word nor the task noun. */
    private List<String> fallbackObject(List<String> keyPhrases, String noun) {
        Set<String> nounWords = Set.of(noun.toLowerCase(Locale.ROOT).split(" "));
        for (String p : keyPhrases) {
            List<String> words = List.of(p.split(" "));
            if (words.size() <= MAX_OBJECT_WORDS
                    && !cleaner.clean(words).isEmpty()
                    && words.stream()
                            .noneMatch(w -> vocabulary.trigger(w) != null
                                    || vocabulary.generic().contains(w)
                                    || nounWords.stream()
                                            .anyMatch(n -> n.startsWith(vocabulary.singular(w, Set.of()))))) {
                return words;
            }
        }
        for (String p : keyPhrases) { // nothing better: any phrase that names something
            List<String> words = List.of(p.split(" "));
            if (words.size() <= MAX_OBJECT_WORDS && !cleaner.clean(words).isEmpty()) {
                return words;
            }
        }
        return List.of();
    }
}
