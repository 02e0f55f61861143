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
 * <p>The task noun comes from the word that states the task in the context (a trigger such as
 * "forecast", "segment", "extract"), or from the task kind when there is none. The object is the
 * noun phrase the trigger governs, read with a few rules of English (resource {@code naming.json}):
 * determiners are skipped, a phrase ends at a preposition, punctuation or its first plural noun,
 * "the cost of a claim" becomes "Claim Cost", "anomalies in revenue" becomes "Revenue Anomaly
 * Detection", a noun before a nominal trigger is its object ("cash forecast"). Without a usable
 * phrase the best key phrase of the request stands in. Modifiers are singular, acronyms keep their
 * capitals.
 */
final class ProjectNamer {
    static final String RESOURCE = "naming.json";
    static final String UNTITLED = "Untitled Project";
    private static final Pattern BREAK = Pattern.compile("[,;:()\\[\\]/&\"?!.]");
    private static final Set<String> PREPOSITIONS =
            Set.of("in", "of", "on", "across", "from", "among", "within", "for");
    private static final Set<String> SMALL_WORDS = Set.of("and", "or", "of", "for", "the", "a", "an", "in", "on", "to");
    private static final int MAX_OBJECT_WORDS = 3;

    private record Trigger(Pattern match, String noun) {}

    private final List<Trigger> triggers = new ArrayList<>();
    private final Set<String> nominal;
    private final Set<String> skip;
    private final Set<String> stopObject;
    private final Set<String> measures;
    private final Set<String> generic;
    private final Map<String, String> taskObjects = new LinkedHashMap<>();
    private final Set<String> uncountable;
    private final Map<String, String> irregular = new LinkedHashMap<>();
    private final Set<String> keepInObject;

    ProjectNamer() {
        JsonNode root = AnalyzerResources.json(RESOURCE);
        for (JsonNode t : root.path("triggers")) {
            triggers.add(new Trigger(
                    Pattern.compile(t.path("match").asText()), t.path("noun").asText()));
        }
        nominal = Set.copyOf(AnalyzerResources.strings(root.get("nominal")));
        skip = Set.copyOf(AnalyzerResources.strings(root.get("skip")));
        stopObject = Set.copyOf(AnalyzerResources.strings(root.get("stop_object")));
        measures = Set.copyOf(AnalyzerResources.strings(root.get("measures")));
        generic = Set.copyOf(AnalyzerResources.strings(root.get("generic")));
        root.path("task_objects")
                .fields()
                .forEachRemaining(e -> taskObjects.put(e.getKey(), e.getValue().asText()));
        uncountable = Set.copyOf(AnalyzerResources.strings(root.get("uncountable")));
        root.path("irregular")
                .fields()
                .forEachRemaining(e -> irregular.put(e.getKey(), e.getValue().asText()));
        keepInObject = Set.copyOf(AnalyzerResources.strings(root.get("keep_in_object")));
    }

    /** One word of the statement; {@code breakBefore} when punctuation separates it from the previous one. */
    record Token(String lower, boolean breakBefore) {}

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
        String noun = kindNoun;
        List<String> object = List.of();
        for (int i = 0; i < tokens.size() && object.isEmpty(); i++) {
            String triggerNoun = trigger(tokens.get(i).lower());
            if (triggerNoun == null) {
                continue;
            }
            NounAndObject found = objectOf(tokens, i, triggerNoun);
            if (!found.object().isEmpty()) {
                noun = found.noun();
                object = found.object();
            }
        }
        if (object.isEmpty()) {
            object = fallbackObject(phrases, noun);
        }
        if (object.isEmpty()) {
            return UNTITLED;
        }
        List<String> words = new ArrayList<>();
        for (String w : object.subList(Math.max(0, object.size() - MAX_OBJECT_WORDS), object.size())) {
            words.add(singular(w, acronyms));
        }
        String name = titleCase(String.join(" ", words), acronyms) + " " + noun;
        return name.strip();
    }

    private record NounAndObject(String noun, List<String> object) {}

    private NounAndObject objectOf(List<Token> tokens, int at, String noun) {
        String lower = tokens.get(at).lower();
        if (nominal.contains(lower)) { // "cash forecast", "portfolio optimisation": the object comes first
            List<String> before = new ArrayList<>();
            for (int j = at; j > 0 && before.size() < MAX_OBJECT_WORDS; j--) {
                Token previous = tokens.get(j - 1);
                if (tokens.get(j).breakBefore() || !isObjectWord(previous.lower())) {
                    break;
                }
                before.add(0, previous.lower());
            }
            if (!before.isEmpty()) {
                return new NounAndObject(noun, before);
            }
        }
        Phrase phrase = phraseAfter(tokens, at + 1);
        if (phrase.words().isEmpty()) {
            return new NounAndObject(noun, List.of());
        }
        String head = phrase.words().getLast();
        String first = phrase.words().getFirst();
        if (taskObjects.containsKey(first)) { // "detect anomalies in daily revenue"
            Phrase of = phraseAfterPreposition(tokens, phrase.end());
            return new NounAndObject(taskObjects.get(first), of.words());
        }
        boolean followedByOf = phrase.end() < tokens.size()
                && tokens.get(phrase.end()).lower().equals("of")
                && !tokens.get(phrase.end()).breakBefore();
        if (followedByOf && (generic.contains(head) || measures.contains(head))) {
            Phrase of = phraseAfter(tokens, phrase.end() + 1);
            if (!of.words().isEmpty()) {
                if (generic.contains(head)) { // "the fields of permit applications"
                    return new NounAndObject(noun, of.words());
                }
                List<String> combined = new ArrayList<>(of.words()
                        .subList(Math.max(0, of.words().size() - 2), of.words().size()));
                combined.add(head); // "the cost of a motor claim" -> motor claim cost
                return new NounAndObject(noun, combined);
            }
        }
        boolean list = phrase.end() < tokens.size()
                && tokens.get(phrase.end()).breakBefore()
                && (noun.equals("Extraction") || noun.equals("Parsing"));
        if (list) { // "extract names, dates and amounts from supplier invoices"
            for (int j = phrase.end(); j < tokens.size(); j++) {
                String w = tokens.get(j).lower();
                if (w.equals("from")
                        || (w.equals("of") && j > 0 && tokens.get(j - 1).lower().equals("out"))) {
                    Phrase source = phraseAfter(tokens, j + 1);
                    if (!source.words().isEmpty()) {
                        return new NounAndObject(noun, source.words());
                    }
                }
            }
        }
        return new NounAndObject(noun, phrase.words());
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

    private List<String> fallbackObject(List<String> phrases, String noun) {
        Set<String> nounWords = Set.of(noun.toLowerCase(Locale.ROOT).split(" "));
        for (String p : phrases) {
            List<String> words = List.of(p.split(" "));
            if (words.size() <= MAX_OBJECT_WORDS
                    && words.stream()
                            .noneMatch(w -> trigger(w) != null
                                    || generic.contains(w)
                                    || nounWords.stream().anyMatch(n -> n.startsWith(singular(w, Set.of()))))) {
                return words;
            }
        }
        return phrases.isEmpty() ? List.of() : List.of(phrases.get(0).split(" "));
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
            String word = m.group().toLowerCase(Locale.ROOT).replaceAll("['\u2019]s$", "");
            out.add(new Token(word, BREAK.matcher(gap).find() || gap.contains("\n")));
            previousEnd = m.end();
        }
        return out;
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
}
