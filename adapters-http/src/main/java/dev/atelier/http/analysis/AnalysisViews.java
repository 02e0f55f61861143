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

    /**
     * Which provider and model answered, whether the offline analyzer stood in for it, and the three
     * decisions behind the draft with their scores ({@code task_kind}, {@code domain}, {@code
     * template}), so that a user or operator sees why.
     */
    @Introspected
    public record AnalysisView(
            String provider,
            String model,
            boolean fallback,
            String reason,
            DecisionView taskKind,
            DecisionView domain,
            DecisionView template) {
        public static AnalysisView of(Analysis analysis) {
            return new AnalysisView(
                    analysis.provider(),
                    analysis.model(),
                    analysis.fallback(),
                    analysis.reason(),
                    DecisionView.of(analysis.taskKind()),
                    DecisionView.of(analysis.domain()),
                    DecisionView.of(analysis.template()));
        }
    }

    /**
     * One decision: the label ({@code "general"} for a task kind or domain, null for a template, when
     * nothing cleared its threshold), its score, and the best other candidate with its score. Scores
     * are null when a chat provider answered.
     */
    @Introspected
    public record DecisionView(String label, Double score, String runnerUp, Double runnerUpScore) {
        public static DecisionView of(Analysis.Decision d) {
            return new DecisionView(d.label(), d.score(), d.runnerUp(), d.runnerUpScore());
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
