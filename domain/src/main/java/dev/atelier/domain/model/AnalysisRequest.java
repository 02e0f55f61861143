package dev.atelier.domain.model;

import java.util.List;

/** The input of an analysis: the user's context and the documents extracted from their files. */
public record AnalysisRequest(String context, List<NamedText> documents, List<Template> templates) {
    public AnalysisRequest {
        context = context == null ? "" : context;
        documents = documents == null ? List.of() : List.copyOf(documents);
        templates = templates == null ? List.of() : List.copyOf(templates);
    }

    /** One document's file name and extracted text. */
    public record NamedText(String filename, String mediaType, String text) {}
}
