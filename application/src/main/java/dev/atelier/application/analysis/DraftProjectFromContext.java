package dev.atelier.application.analysis;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TemplateCatalog;
import dev.atelier.domain.port.TextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drafts a project from a description and documents without saving anything. Every file is
 * extracted first (one failure fails the request), then the analyzer proposes the draft. No
 * transaction is open here, because the analyzer may call a remote model. A client shows the draft
 * for review before it creates the project; {@link CreateProjectFromContext} saves it at once.
 */
public final class DraftProjectFromContext {
    /** Longest accepted context, in characters. */
    public static final int MAX_CONTEXT = 100_000;

    private final TextExtractor extractor;
    private final ContextAnalyzer analyzer;
    private final TemplateCatalog templates;
    private final int maxFiles;
    private final long maxRequestBytes;

    public DraftProjectFromContext(
            TextExtractor extractor,
            ContextAnalyzer analyzer,
            TemplateCatalog templates,
            int maxFiles,
            long maxRequestBytes) {
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.templates = templates;
        this.maxFiles = maxFiles;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** One uploaded file as the client named it. */
    public record Upload(String filename, byte[] bytes) {
        public Upload {
            bytes = bytes == null ? new byte[0] : bytes;
        }
    }

    /** What to analyze: a context, files, or both. */
    public record Command(User caller, String context, List<Upload> files) {
        public Command {
            if (caller == null) {
                throw new InvalidInputException("a caller is required");
            }
            context = context == null ? "" : context.strip();
            files = files == null ? List.of() : List.copyOf(files);
            if (context.isEmpty() && files.isEmpty()) {
                throw new InvalidInputException("give a context, at least one file, or both");
            }
            if (context.length() > MAX_CONTEXT) {
                throw new InvalidInputException("context must be at most " + MAX_CONTEXT + " characters");
            }
        }
    }

    /** One file after extraction, under the name it will be stored with. */
    public record ExtractedFile(String filename, byte[] bytes, ExtractedDocument document) {}

    /** The draft and the files it was drafted from, in upload order. */
    public record Drafted(List<ExtractedFile> files, Analysis analysis) {
        public Drafted {
            files = List.copyOf(files);
        }
    }

    public Drafted execute(Command c) {
        if (c.files().size() > maxFiles) {
            throw new InvalidInputException("at most " + maxFiles + " files per request, got "
                    + c.files().size());
        }
        long total = c.files().stream().mapToLong(f -> f.bytes().length).sum()
                + c.context().getBytes(StandardCharsets.UTF_8).length;
        if (total > maxRequestBytes) {
            throw new PayloadTooLargeException(
                    "the request carries " + total + " bytes; the limit is " + maxRequestBytes);
        }
        List<ExtractedFile> extracted = new ArrayList<>();
        for (Upload upload : c.files()) {
            String filename = Document.safeFilename(upload.filename());
            extracted.add(new ExtractedFile(filename, upload.bytes(), extractor.extract(filename, upload.bytes())));
        }
        AnalysisRequest request = new AnalysisRequest(
                c.context(),
                extracted.stream()
                        .map(e -> new AnalysisRequest.NamedText(
                                e.filename(),
                                e.document().mediaType(),
                                e.document().text()))
                        .toList(),
                templates.all());
        return new Drafted(extracted, analyzer.analyze(request));
    }
}
