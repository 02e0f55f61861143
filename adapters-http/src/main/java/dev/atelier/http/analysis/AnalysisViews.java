package dev.atelier.http.analysis;

import dev.atelier.application.analysis.DraftProjectFromContext;
import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.ProjectDraft;
import io.micronaut.core.annotation.Introspected;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes of an analysis, shared by every dialect that answers one: how the draft was
 * obtained ({@link AnalysisView}), the draft itself ({@link DraftView}) and what was read from each
 * file ({@link FileView}). Keys are snake_case like the rest of the API.
 */
public final class AnalysisViews {
    private AnalysisViews() {}

    /** Which provider and model answered, and whether the offline analyzer stood in for it. */
    @Introspected
    public record AnalysisView(String provider, String model, boolean fallback, String reason) {
        public static AnalysisView of(Analysis analysis) {
            return new AnalysisView(analysis.provider(), analysis.model(), analysis.fallback(), analysis.reason());
        }
    }

    /** The proposed project, before anything is saved. */
    @Introspected
    public record DraftView(
            String name,
            String description,
            String type,
            List<String> tags,
            String domain,
            String templateId,
            Map<String, Object> params) {
        public static DraftView of(ProjectDraft draft) {
            return new DraftView(
                    draft.name(),
                    draft.description(),
                    draft.type(),
                    draft.tags(),
                    draft.domain(),
                    draft.templateId(),
                    draft.params());
        }
    }

    /** What extraction read from one uploaded file; nothing of it is stored yet. */
    @Introspected
    public record FileView(
            String filename,
            String mediaType,
            long sizeBytes,
            String sha256,
            Integer pages,
            Integer rows,
            Integer columns,
            int characters,
            boolean truncated) {
        public static FileView of(DraftProjectFromContext.ExtractedFile file) {
            ExtractedDocument d = file.document();
            return new FileView(
                    file.filename(),
                    d.mediaType(),
                    file.bytes().length,
                    Document.sha256Of(file.bytes()),
                    d.pages(),
                    d.rows(),
                    d.columns(),
                    d.text().length(),
                    d.truncated());
        }
    }
}
