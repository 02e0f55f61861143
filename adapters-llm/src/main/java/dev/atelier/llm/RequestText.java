package dev.atelier.llm;

import dev.atelier.domain.model.AnalysisRequest;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a request as the offline analyzer reads it: the user's context, the documents (each
 * cut to a bounded length), the prose among them (tables make poor sentences), the words written
 * in capitals (acronyms keep their case in names), and the short "focus" text that is embedded to
 * stand for the whole request.
 */
record RequestText(
        String context,
        String documents,
        String prose,
        String lowerContext,
        String lowerDocuments,
        Set<String> acronyms) {
    static final int MAX_DOC_CHARS = 20_000;
    private static final int FOCUS_DOCS_WITH_CONTEXT = 400;
    private static final int FOCUS_DOCS_ALONE = 1000;
    private static final Pattern ACRONYM = Pattern.compile("\\b(\\p{Lu}{2,6})s?\\b");
    private static final Pattern CAPS_NEIGHBOUR_BEFORE = Pattern.compile("\\b\\p{Lu}{3,}[ \\t]+$");
    private static final Pattern CAPS_NEIGHBOUR_AFTER = Pattern.compile("^s?[ \\t]+\\p{Lu}{3,}\\b");

    static RequestText of(AnalysisRequest request) {
        String context = request.context().strip();
        StringBuilder docs = new StringBuilder();
        StringBuilder prose = new StringBuilder();
        for (AnalysisRequest.NamedText doc : request.documents()) {
            String text = doc.text() == null ? "" : doc.text();
            String kept = text.substring(0, Math.min(text.length(), MAX_DOC_CHARS));
            docs.append(kept).append('\n');
            if (!isTabular(doc.mediaType())) {
                prose.append(kept).append('\n');
            }
        }
        String documents = docs.toString().strip();
        Set<String> acronyms = new LinkedHashSet<>();
        addAcronyms(context, 6, acronyms);
        addAcronyms(documents, 4, acronyms);
        return new RequestText(
                context,
                documents,
                prose.toString().strip(),
                context.toLowerCase(Locale.ROOT),
                documents.toLowerCase(Locale.ROOT),
                Set.copyOf(acronyms));
    }

    /**
     * Words in capitals that stand alone; a run of them is a heading ("COMMERCIAL LEASE"), not
     * acronyms. Documents are full of capitalised headings, so there only short words count.
     */
    private static void addAcronyms(String text, int maxLetters, Set<String> acronyms) {
        Matcher caps = ACRONYM.matcher(text);
        while (caps.find()) {
            String word = caps.group(1);
            boolean inRun = CAPS_NEIGHBOUR_BEFORE
                            .matcher(text.substring(Math.max(0, caps.start() - 12), caps.start()))
                            .find()
                    || CAPS_NEIGHBOUR_AFTER
                            .matcher(text.substring(caps.end(), Math.min(text.length(), caps.end() + 12)))
                            .find();
            if (word.length() <= maxLetters && !inRun) {
                acronyms.add(word.toLowerCase(Locale.ROOT));
            }
        }
    }

    boolean isEmpty() {
        return context.isEmpty() && documents.isEmpty();
    }

    /** What stands for the request in one embedding: the context and the start of the documents. */
    String focus() {
        if (context.isEmpty()) {
            return clip(documents, FOCUS_DOCS_ALONE);
        }
        return documents.isEmpty() ? context : context + "\n" + clip(documents, FOCUS_DOCS_WITH_CONTEXT);
    }

    /** Where the task is stated: the context, or the start of the prose documents without one. */
    String statement() {
        if (!context.isEmpty()) {
            return context;
        }
        return clip(prose.isEmpty() ? documents : prose, FOCUS_DOCS_ALONE);
    }

    static boolean isTabular(String mediaType) {
        String m = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return m.contains("csv") || m.contains("tab-separated") || m.contains("spreadsheet") || m.contains("excel");
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
