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
        Matcher caps = ACRONYM.matcher(context + "\n" + documents);
        while (caps.find()) {
            acronyms.add(caps.group(1).toLowerCase(Locale.ROOT));
        }
        return new RequestText(
                context,
                documents,
                prose.toString().strip(),
                context.toLowerCase(Locale.ROOT),
                documents.toLowerCase(Locale.ROOT),
                Set.copyOf(acronyms));
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
