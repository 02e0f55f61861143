package dev.atelier.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word lists the namer reads statements with (resource {@code naming.json}, general English,
 * not taken from any evaluation case), and what they say about a single word: whether it states a
 * task, can belong to an object, is plural, and its singular.
 *
 * @param triggers words that state the task, each with its task noun ("forecast" → Forecasting)
 * @param nominal triggers that are nouns: their object stands in front ("cash forecast")
 * @param ambiguous triggers that are nouns as often as verbs ("plans", "grades")
 * @param verbBefore words after which an ambiguous trigger is a verb ("to", modals, pronouns)
 * @param skip determiners and the like, skipped at the start of a phrase
 * @param stopObject words that end an object phrase
 * @param measures heads that take their owner from an "of" phrase ("the cost of a claim")
 * @param generic heads that stand for their "of" phrase ("the fields of applications")
 * @param taskObjects first words that name the task rather than its object ("anomalies" in
 *     "detect anomalies in revenue"), with the task noun they stand for
 * @param uncountable words ending in s that are not plurals
 * @param irregular irregular plurals and their singulars
 * @param keepInObject words that belong to an object although they look like function words or
 *     participles
 * @param events event verbs (with their particle) and their nouns ("drop out" → dropout)
 * @param auxiliaries auxiliaries and copulas between a subject and its event ("will", "are likely to")
 * @param conditions conditions in front of an object and the thing detected ("fraudulent" → fraud)
 * @param qualifiers state words dropped in front of an object ("incoming")
 * @param temporal time words, never an object alone
 * @param notObject people and containers dropped at the end of an object ("team", "patterns")
 * @param documentNouns kinds of document ("invoices", "minutes")
 * @param numbers count words, never an object alone ("thousands")
 */
record NamingVocabulary(
        List<Trigger> triggers,
        Set<String> nominal,
        Set<String> ambiguous,
        Set<String> verbBefore,
        Set<String> skip,
        Set<String> stopObject,
        Set<String> measures,
        Set<String> generic,
        Map<String, String> taskObjects,
        Set<String> uncountable,
        Map<String, String> irregular,
        Set<String> keepInObject,
        Map<String, String> events,
        Set<String> auxiliaries,
        Map<String, String> conditions,
        Set<String> qualifiers,
        Set<String> temporal,
        Set<String> notObject,
        Set<String> documentNouns,
        Set<String> numbers) {
    static final String RESOURCE = "naming.json";
    /** Prepositions end a noun phrase and are never part of an object. */
    static final Set<String> PREPOSITIONS =
            Set.of("in", "of", "on", "across", "from", "among", "within", "for", "at", "by", "with", "into", "to");

    /** A word (a pattern on its lower case) that states the task, and the task noun it gives. */
    record Trigger(Pattern match, String noun) {}

    static NamingVocabulary load() {
        JsonNode root = AnalyzerResources.json(RESOURCE);
        List<Trigger> triggers = new ArrayList<>();
        for (JsonNode t : root.path("triggers")) {
            triggers.add(new Trigger(
                    Pattern.compile(t.path("match").asText()), t.path("noun").asText()));
        }
        return new NamingVocabulary(
                List.copyOf(triggers),
                strings(root, "nominal"),
                strings(root, "ambiguous"),
                strings(root, "verb_before"),
                strings(root, "skip"),
                strings(root, "stop_object"),
                strings(root, "measures"),
                strings(root, "generic"),
                map(root, "task_objects"),
                strings(root, "uncountable"),
                map(root, "irregular"),
                strings(root, "keep_in_object"),
                map(root, "events"),
                strings(root, "auxiliaries"),
                map(root, "conditions"),
                strings(root, "qualifiers"),
                strings(root, "temporal"),
                strings(root, "not_object"),
                strings(root, "document_nouns"),
                strings(root, "numbers"));
    }

    private static Set<String> strings(JsonNode root, String field) {
        return Set.copyOf(AnalyzerResources.strings(root.get(field)));
    }

    private static Map<String, String> map(JsonNode root, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        root.path(field)
                .fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(out);
    }

    /** The task noun of the first trigger the word matches; null when it states no task. */
    String trigger(String lower) {
        for (Trigger t : triggers) {
            if (t.match().matcher(lower).matches()) {
                return t.noun();
            }
        }
        return null;
    }

    boolean isObjectWord(String lower) {
        return (KeyPhrases.isContent(lower) || keepInObject.contains(lower))
                && !skip.contains(lower)
                && !PREPOSITIONS.contains(lower);
    }

    boolean isQualifier(String w) {
        if (qualifiers.contains(w)) {
            return true;
        }
        // a participle in front says what state the thing is in: scanned, recorded, discharged
        return w.length() > 5 && w.endsWith("ed") && !keepInObject.contains(w) && !uncountable.contains(w);
    }

    boolean isPlural(String w) {
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
}
